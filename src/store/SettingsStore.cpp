// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SettingsStore.h"

#include "store/Database.h"

namespace Store {

SettingsStore::SettingsStore(std::shared_ptr<StoreWorker> worker)
    : m_worker(std::move(worker))
{
}

QFuture<Core::Result<std::optional<QString>>> SettingsStore::value(const QString &key)
{
    return m_worker->run([key](Database &db) -> Core::Result<std::optional<QString>> {
        auto statement = db.prepare("SELECT value FROM settings WHERE key = ?");
        if (!statement)
            return std::unexpected(statement.error());
        (*statement)->bind(1, key);
        auto row = (*statement)->step();
        if (!row)
            return std::unexpected(row.error());
        std::optional<QString> out;
        if (*row)
            out = (*statement)->text(0);
        (*statement)->reset();
        return out;
    });
}

QFuture<Core::Result<void>> SettingsStore::setValue(const QString &key, const QString &value)
{
    return m_worker->run([key, value](Database &db) -> Core::Result<void> {
        auto statement = db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
        if (!statement)
            return std::unexpected(statement.error());
        return (*statement)->bind(1, key).bind(2, value).exec();
    });
}

QFuture<Core::Result<void>> SettingsStore::remove(const QString &key)
{
    return m_worker->run([key](Database &db) -> Core::Result<void> {
        auto statement = db.prepare("DELETE FROM settings WHERE key = ?");
        if (!statement)
            return std::unexpected(statement.error());
        return (*statement)->bind(1, key).exec();
    });
}

} // namespace Store
