// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frontdesk/BatchProtocol.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>

#include <memory>

namespace Account {
class Account;
}

namespace Store {
struct StoredMessage;
}

namespace FrontDesk {

/// Staff side of the reminder protocol: sends a request to the reminder
/// service (an OMEMO message whose body is the request element) and finishes
/// with the service's answer. The caller applies its own timeout. Tells of
/// the service's <changed/> events (after a status request with watch='true').
class ServiceClient : public QObject
{
    Q_OBJECT
public:
    ServiceClient(Account::Account &account, Core::Jid service, QObject *parent = nullptr);
    ~ServiceClient() override;

    /// Finishes with the answer carrying the request's id, or the send's error.
    QFuture<Core::Result<Protocol::Answer>> request(const Protocol::Request &request);
    /// A fresh request id.
    static QString newId();

Q_SIGNALS:
    /// The service says something changed (only believed end-to-end encrypted from it).
    void changed(const FrontDesk::Protocol::Changed &changed);

private:
    void onMessagesStored(const QList<Store::StoredMessage> &messages);

    Account::Account &m_account;
    Core::Jid m_service;
    QHash<QString, std::shared_ptr<QPromise<Core::Result<Protocol::Answer>>>> m_waiting;
};

} // namespace FrontDesk
