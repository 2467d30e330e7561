// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreWorker.h"

#include "core/Error.h"

#include <QFuture>
#include <QString>

#include <memory>
#include <optional>

namespace Store {

/// Small per-account values kept inside the encrypted database (the `settings`
/// table): this installation's client id, and where no keychain exists, the
/// FAST token. Runs on the store thread like everything else.
class SettingsStore
{
public:
    explicit SettingsStore(std::shared_ptr<StoreWorker> worker);

    /// nullopt when the key has no value.
    QFuture<Core::Result<std::optional<QString>>> value(const QString &key);
    QFuture<Core::Result<void>> setValue(const QString &key, const QString &value);
    /// Succeeds when there is nothing to remove.
    QFuture<Core::Result<void>> remove(const QString &key);

private:
    std::shared_ptr<StoreWorker> m_worker;
};

} // namespace Store
