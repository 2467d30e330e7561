// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreWorker.h"

#include "core/AuditChain.h"
#include "core/AuditEntry.h"
#include "core/Error.h"

#include <QFuture>

#include <memory>

namespace Store {

/// The local audit log (DESIGN section 5): an append-only hash chain in the
/// account's encrypted database. Entries carry ids, never message text.
class AuditStore
{
public:
    AuditStore(std::shared_ptr<StoreWorker> worker, QString account);

    /// Appends the next entry of the chain (in one transaction with reading the head).
    QFuture<Core::Result<Core::AuditEntry>> append(Core::AuditEntry::Action action,
                                                   QStringList objectIds);
    /// Writes the whole chain as JSON Lines (atomically); returns the entry count.
    QFuture<Core::Result<qint64>> exportTo(QString path);
    /// Checks the stored chain end to end.
    QFuture<Core::Result<Core::AuditChain::VerifyReport>> verifyStored();

private:
    std::shared_ptr<StoreWorker> m_worker;
    QString m_account;
};

} // namespace Store
