// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/MessagingExtension.h"

#include "xmpp/Namespaces.h"

namespace Xmpp {

MessagingExtension::MessagingExtension(Client &client)
    : Extension(client)
{
}

QString MessagingExtension::sendChat(const Core::Jid &to, const QString &body, const QString &id)
{
    Message message;
    message.id = id.isEmpty() ? Client::newId() : id;
    message.originId = message.id;
    message.to = to;
    message.type = QStringLiteral("chat");
    message.body = body;
    send(message);
    return message.id;
}

void MessagingExtension::send(const Message &message)
{
    client().send(message.toElement());
}

bool MessagingExtension::handleStanza(const Element &stanza)
{
    if (stanza.name() != u"message")
        return false;
    auto message = Message::fromElement(stanza);
    if (!message || message->type == u"error" || message->type == u"groupchat")
        return false;
    if (message->body.isNull())
        return false; // chat states, receipts and other payload-only messages
    Q_EMIT messageReceived(*message);
    return true;
}

} // namespace Xmpp
