// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/ReceiptsExtension.h"

#include "xmpp/Namespaces.h"

namespace Xmpp {

namespace {

// Copies forwarded to us (carbons, archive results) are never answered.
bool isWrapper(const Element &stanza)
{
    return stanza.hasChild(u"received", Ns::Carbons) || stanza.hasChild(u"sent", Ns::Carbons) ||
           stanza.hasChild(u"result", Ns::Mam);
}

} // namespace

ReceiptsExtension::ReceiptsExtension(Client &client)
    : Extension(client)
{
}

void ReceiptsExtension::addRequest(Element &message)
{
    if (!message.hasChild(u"request", Ns::Receipts))
        message.appendChild(Element(QStringLiteral("request"), Ns::Receipts.toString()));
}

bool ReceiptsExtension::handleStanza(const Element &stanza)
{
    if (stanza.name() != u"message" || isWrapper(stanza))
        return false;
    const QString type = stanza.attribute(u"type");
    if (type == u"error")
        return false;
    const bool hasBody = stanza.hasChild(u"body", Ns::Client);

    if (stanza.hasChild(u"request", Ns::Receipts) && hasBody)
        maybeReply(stanza);

    const Element received = stanza.firstChild(u"received", Ns::Receipts);
    if (received.isNull())
        return false;
    const Core::Jid from(stanza.attribute(u"from"));
    const QString id = received.attribute(u"id");
    if (from.isValid() && !id.isEmpty())
        Q_EMIT deliveryReceived(from, id);
    return !hasBody;
}

void ReceiptsExtension::maybeReply(const Element &stanza)
{
    const Core::Jid from(stanza.attribute(u"from"));
    const QString id = stanza.attribute(u"id");
    // Receipts go to the one device that asked; a groupchat would echo to all.
    if (!from.isValid() || from.isBare() || id.isEmpty() ||
        stanza.attribute(u"type") == u"groupchat")
        return;
    if (m_replyFilter && !m_replyFilter(from))
        return;
    Element reply(QStringLiteral("message"), Ns::Client.toString());
    reply.setAttribute(QStringLiteral("to"), from.toString());
    reply.setAttribute(QStringLiteral("id"), Client::newId());
    // XEP-0184 names the stanza id, even when an origin-id is present.
    reply.appendChild(Element(QStringLiteral("received"), Ns::Receipts.toString())
                          .setAttribute(QStringLiteral("id"), id));
    client().send(reply);
}

QStringList ReceiptsExtension::discoFeatures() const
{
    return {Ns::Receipts.toString()};
}

} // namespace Xmpp
