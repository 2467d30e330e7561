// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/Message.h"

#include "xmpp/Namespaces.h"

namespace Xmpp {

std::optional<Message> Message::fromElement(const Element &stanza)
{
    if (!stanza.is(u"message", Ns::Client))
        return std::nullopt;
    Message m;
    m.id = stanza.attribute(u"id");
    m.from = Core::Jid(stanza.attribute(u"from"));
    m.to = Core::Jid(stanza.attribute(u"to"));
    m.type = stanza.hasAttribute(u"type") ? stanza.attribute(u"type") : QStringLiteral("normal");
    m.body = stanza.childText(u"body", Ns::Client);
    m.originId = stanza.firstChild(u"origin-id", Ns::Sid).attribute(u"id");
    for (const Element &sid : stanza.childrenNamed(u"stanza-id", Ns::Sid)) {
        m.stanzaId = sid.attribute(u"id");
        m.stanzaIdBy = sid.attribute(u"by");
    }
    const Element delay = stanza.firstChild(u"delay", Ns::Delay);
    if (!delay.isNull())
        m.delayed = QDateTime::fromString(delay.attribute(u"stamp"), Qt::ISODateWithMs);
    m.element = stanza;
    return m;
}

Element Message::toElement() const
{
    Element stanza(QStringLiteral("message"), Ns::Client.toString());
    if (to.isValid())
        stanza.setAttribute(QStringLiteral("to"), to.toString());
    if (!id.isEmpty())
        stanza.setAttribute(QStringLiteral("id"), id);
    stanza.setAttribute(QStringLiteral("type"), type);
    if (!body.isNull())
        stanza.appendChild(Element(QStringLiteral("body")).setText(body));
    if (!originId.isEmpty())
        stanza.appendChild(Element(QStringLiteral("origin-id"), Ns::Sid.toString())
                               .setAttribute(QStringLiteral("id"), originId));
    return stanza;
}

std::optional<ForwardedMessage> parseForwarded(const Element &forwarded)
{
    if (!forwarded.is(u"forwarded", Ns::Forward))
        return std::nullopt;
    auto message = Message::fromElement(forwarded.firstChild(u"message", Ns::Client));
    if (!message)
        return std::nullopt;
    ForwardedMessage result{std::move(*message), {}};
    const Element delay = forwarded.firstChild(u"delay", Ns::Delay);
    if (!delay.isNull())
        result.stamp = parseDateTime(delay.attribute(u"stamp"));
    return result;
}

QDateTime parseDateTime(QStringView text)
{
    return QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
}

QString formatDateTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

} // namespace Xmpp
