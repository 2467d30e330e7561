// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/RosterExtension.h"

#include "xmpp/Namespaces.h"

namespace Xmpp {

RosterExtension::RosterExtension(Client &client)
    : Extension(client)
{
}

void RosterExtension::onSessionStarted(bool resumed)
{
    if (resumed && m_loaded)
        return;
    Element iq(QStringLiteral("iq"), Ns::Client.toString());
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
    iq.appendChild(Element(QStringLiteral("query"), Ns::Roster.toString()));
    client().sendIq(iq).then(this, [this](const Core::Result<Element> &result) {
        if (!result)
            return;
        m_items.clear();
        for (const Element &item : result->firstChild(u"query", Ns::Roster).childrenNamed(u"item"))
            applyItem(item);
        m_loaded = true;
        Q_EMIT rosterChanged();
    });
}

bool RosterExtension::handleStanza(const Element &stanza)
{
    if (stanza.name() != u"iq" || stanza.attribute(u"type") != u"set")
        return false;
    const Element query = stanza.firstChild(u"query", Ns::Roster);
    if (query.isNull())
        return false;
    // RFC 6121 section 2.1.6: pushes only from our own account.
    const Core::Jid from(stanza.attribute(u"from"));
    if (stanza.hasAttribute(u"from") && from != client().boundJid().bare())
        return false; // answered with an error by the Client
    for (const Element &item : query.childrenNamed(u"item"))
        applyItem(item);
    Element reply(QStringLiteral("iq"), Ns::Client.toString());
    reply.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
    reply.setAttribute(QStringLiteral("id"), stanza.attribute(u"id"));
    client().send(reply);
    Q_EMIT rosterChanged();
    return true;
}

void RosterExtension::applyItem(const Element &item)
{
    RosterItem entry;
    entry.jid = Core::Jid(item.attribute(u"jid")).bare();
    if (!entry.jid.isValid())
        return;
    entry.name = item.attribute(u"name");
    entry.subscription = item.hasAttribute(u"subscription") ? item.attribute(u"subscription")
                                                            : QStringLiteral("none");
    for (const Element &group : item.childrenNamed(u"group"))
        entry.groups << group.text();
    m_items.removeIf([&](const RosterItem &existing) { return existing.jid == entry.jid; });
    if (entry.subscription != u"remove")
        m_items.append(entry);
}

} // namespace Xmpp
