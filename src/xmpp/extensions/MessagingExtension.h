// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"
#include "xmpp/Message.h"

namespace Xmpp {

/// 1:1 chat messages (RFC 6121) carrying an XEP-0359 origin-id equal to the
/// stanza id, so a resend after a reconnect can be recognised by the receiver.
class MessagingExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    explicit MessagingExtension(Client &client);

    /// Queues or sends the message; returns its id (also its origin-id). Watch
    /// Client::stanzaAcknowledged for that id to know the server has it.
    QString sendChat(const Core::Jid &to, const QString &body, const QString &id = {});
    void send(const Message &message);

    bool handleStanza(const Element &stanza) override;

Q_SIGNALS:
    void messageReceived(const Xmpp::Message &message);
};

} // namespace Xmpp
