// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clinical/Directory.h"
#include "xmpp/extensions/PubSubExtension.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QObject>

namespace Account {
class Account;
}

namespace Clinical {

/// The organisation's directory of roles and on-call shifts (docs/protocol.md):
/// items of node https://rounds.invalid/ns/directory on a pubsub service
/// (pubsub.<own domain> unless set), fetched at every new session and kept
/// current from notifications of that service only. Admins publish roles.
class DirectoryService : public QObject
{
    Q_OBJECT
public:
    explicit DirectoryService(Account::Account &account, QObject *parent = nullptr);

    Core::Jid service() const { return m_service; }
    /// Another pubsub service (the clinic's, say); refresh() to read it.
    void setService(const Core::Jid &service) { m_service = service.bare(); }

    bool isLoaded() const { return m_loaded; }
    const Directory &directory() const { return m_directory; }

    /// Fetches every role now (done at every new session start).
    QFuture<Core::Result<Directory>> refresh();
    /// Admins: creates the node when missing (open access, only publishers may
    /// publish) and publishes `role` as item `role.id`. A non-admin gets Auth
    /// "admin-forbidden".
    QFuture<Core::Result<void>> publish(const Role &role);

Q_SIGNALS:
    /// The directory was (re)loaded or a role changed.
    void directoryChanged();

private:
    void onItems(const Core::Jid &from, const QString &node,
                 const QList<Xmpp::PubSubExtension::Item> &items);
    QFuture<Core::Result<void>> createNode();

    Account::Account &m_account;
    Core::Jid m_service;
    Directory m_directory;
    bool m_loaded = false;
};

} // namespace Clinical
