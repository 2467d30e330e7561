// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/Account.h"

#include "xmpp/extensions/DiscoExtension.h"
#include "xmpp/extensions/MessagingExtension.h"
#include "xmpp/extensions/PresenceExtension.h"
#include "xmpp/extensions/RosterExtension.h"

namespace Account {

Account::Account(AccountSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_transport(std::make_unique<Xmpp::WebSocketTransport>())
    , m_client(std::make_unique<Xmpp::Client>(*m_transport))
{
    m_disco = &m_client->addExtension<Xmpp::DiscoExtension>();
    m_roster = &m_client->addExtension<Xmpp::RosterExtension>();
    m_presence = &m_client->addExtension<Xmpp::PresenceExtension>();
    m_messaging = &m_client->addExtension<Xmpp::MessagingExtension>();
}

Account::~Account()
{
    // The client refers to the transport: it goes first.
    m_client.reset();
}

QFuture<Core::Result<void>> Account::signIn(const QString &password)
{
    Xmpp::ClientConfig config;
    config.jid = m_settings.jid.bare();
    config.password = password;
    config.resource = m_settings.resource;
    config.transport.url = m_settings.serverUrl;
    config.transport.domain = m_settings.jid.domain();
    config.transport.caFile = m_settings.caFile;
    config.transport.pinnedSha256 = m_settings.pinnedSha256;
    config.transport.allowInsecureLoopback = m_settings.allowInsecureLoopback;
    m_client->setConfig(std::move(config));
    return m_client->connectToServer();
}

void Account::signOut()
{
    m_client->disconnectFromServer();
}

} // namespace Account
