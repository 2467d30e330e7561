// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"
#include "xmpp/WebSocketTransport.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QObject>
#include <QUrl>

#include <memory>

namespace Xmpp {
class MessagingExtension;
class RosterExtension;
class PresenceExtension;
class DiscoExtension;
} // namespace Xmpp

namespace Account {

/// What a user (or IT) configures for one account. No secrets in here.
struct AccountSettings
{
    Core::Jid jid;
    QUrl serverUrl;                     ///< wss://host/xmpp-websocket
    QString caFile;                     ///< organisation CA (PEM); optional
    QByteArray pinnedSha256;            ///< server certificate fingerprint; optional
    bool allowInsecureLoopback = false; ///< developer flag, see Xmpp::TransportSettings
    QString resource;                   ///< empty lets the server choose
};

/// One signed-in account: owns its connection and the services on it. `main`
/// and rounds-cli create it; everything else receives it.
class Account : public QObject
{
    Q_OBJECT
public:
    explicit Account(AccountSettings settings, QObject *parent = nullptr);
    ~Account() override;

    const AccountSettings &settings() const { return m_settings; }

    /// Connects and authenticates with the password (kept in memory only for
    /// reconnects and wiped when the account goes).
    QFuture<Core::Result<void>> signIn(const QString &password);
    void signOut();

    Xmpp::Client &client() { return *m_client; }
    Xmpp::MessagingExtension &messaging() { return *m_messaging; }
    Xmpp::RosterExtension &roster() { return *m_roster; }
    Xmpp::PresenceExtension &presence() { return *m_presence; }
    Xmpp::DiscoExtension &disco() { return *m_disco; }

private:
    AccountSettings m_settings;
    std::unique_ptr<Xmpp::WebSocketTransport> m_transport;
    std::unique_ptr<Xmpp::Client> m_client;
    Xmpp::MessagingExtension *m_messaging = nullptr;
    Xmpp::RosterExtension *m_roster = nullptr;
    Xmpp::PresenceExtension *m_presence = nullptr;
    Xmpp::DiscoExtension *m_disco = nullptr;
};

} // namespace Account
