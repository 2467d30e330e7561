// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/AuditStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace Store {

using Core::AuditEntry;
using Core::Error;

namespace {

QString objectsText(const QStringList &ids)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

QStringList objectsFrom(const QString &text)
{
    QStringList ids;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        ids << v.toString();
    return ids;
}

// Reads rows in seq order; `statement` is positioned by the caller.
std::optional<AuditEntry> entryFrom(Database::Statement &row)
{
    const auto action = AuditEntry::actionFromName(row.text(3));
    if (!action)
        return std::nullopt;
    AuditEntry e;
    e.seq = quint64(row.int64(0));
    e.time = QDateTime::fromMSecsSinceEpoch(row.int64(1), Qt::UTC);
    e.account = row.text(2);
    e.action = *action;
    e.objectIds = objectsFrom(row.text(4));
    e.prevHash = row.text(5).toLatin1();
    e.hash = row.text(6).toLatin1();
    return e;
}

constexpr const char *SelectAll =
    "SELECT seq, ts, account, action, objects, prev_hash, hash FROM audit ORDER BY seq";

} // namespace

AuditStore::AuditStore(std::shared_ptr<StoreWorker> worker, QString account)
    : m_worker(std::move(worker))
    , m_account(std::move(account))
{
}

QFuture<Core::Result<AuditEntry>> AuditStore::append(AuditEntry::Action action,
                                                     QStringList objectIds)
{
    return m_worker->run([account = m_account, action,
                          objectIds](Database &db) -> Core::Result<AuditEntry> {
        if (auto began = db.begin(); !began)
            return std::unexpected(began.error());
        auto head = db.prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
        if (!head) {
            db.rollback();
            return std::unexpected(head.error());
        }
        auto hasHead = (*head)->step();
        if (!hasHead) {
            db.rollback();
            return std::unexpected(hasHead.error());
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Core::Result<AuditEntry> entry =
            *hasHead
                ? Core::AuditChain::next(quint64((*head)->int64(0)), (*head)->text(1).toLatin1(),
                                         now, account, action, objectIds)
                : Core::AuditChain::next(nullptr, now, account, action, objectIds);
        (*head)->reset();
        if (!entry) {
            db.rollback();
            return entry;
        }
        auto insert = db.prepare("INSERT INTO audit (seq, ts, account, action, objects, prev_hash, "
                                 "hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
        if (!insert) {
            db.rollback();
            return std::unexpected(insert.error());
        }
        (*insert)
            ->bind(1, qint64(entry->seq))
            .bind(2, entry->time.toMSecsSinceEpoch())
            .bind(3, entry->account)
            .bind(4, AuditEntry::actionName(entry->action))
            .bind(5, objectsText(entry->objectIds))
            .bind(6, QString::fromLatin1(entry->prevHash))
            .bind(7, QString::fromLatin1(entry->hash));
        if (auto done = (*insert)->exec(); !done) {
            db.rollback();
            return std::unexpected(done.error());
        }
        if (auto committed = db.commit(); !committed)
            return std::unexpected(committed.error());
        return entry;
    });
}

QFuture<Core::Result<qint64>> AuditStore::exportTo(QString path)
{
    return m_worker->run([path](Database &db) -> Core::Result<qint64> {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return Core::fail(Error::Code::Storage,
                              QStringLiteral("io: cannot write the export file"));
        auto rows = db.prepare(SelectAll);
        if (!rows)
            return std::unexpected(rows.error());
        qint64 count = 0;
        while (true) {
            auto more = (*rows)->step();
            if (!more) {
                (*rows)->reset();
                return std::unexpected(more.error());
            }
            if (!*more)
                break;
            const auto entry = entryFrom(**rows);
            if (!entry) {
                (*rows)->reset();
                return Core::fail(Error::Code::Storage,
                                  QStringLiteral("audit row with an unknown action"));
            }
            file.write(Core::AuditChain::toJsonLine(*entry));
            ++count;
        }
        (*rows)->reset();
        if (!file.commit())
            return Core::fail(Error::Code::Storage,
                              QStringLiteral("io: cannot finish the export file"));
        return count;
    });
}

QFuture<Core::Result<Core::AuditChain::VerifyReport>> AuditStore::verifyStored()
{
    return m_worker->run([](Database &db) -> Core::Result<Core::AuditChain::VerifyReport> {
        auto rows = db.prepare(SelectAll);
        if (!rows)
            return std::unexpected(rows.error());
        Database::Statement *statement = *rows;
        const auto report =
            Core::AuditChain::verifyEntries([statement]() -> std::optional<AuditEntry> {
                auto more = statement->step();
                if (!more || !*more)
                    return std::nullopt;
                return entryFrom(*statement);
            });
        statement->reset();
        return report;
    });
}

} // namespace Store
