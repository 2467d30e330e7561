// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/PresenceExtension.h"

#include "xmpp/Namespaces.h"
#include "xmpp/extensions/DiscoExtension.h"

namespace Xmpp {

PresenceExtension::PresenceExtension(Client &client)
    : Extension(client)
{
}

void PresenceExtension::onSessionStarted(bool resumed)
{
    if (resumed)
        return;
    m_available.clear();
    m_sent = false;
    if (!m_defer)
        sendInitialPresence();
}

void PresenceExtension::sendInitialPresence()
{
    if (m_sent || !client().isConnected())
        return;
    m_sent = true;
    client().send(availablePresence());
}

void PresenceExtension::refreshPresence()
{
    if (m_sent && client().isConnected())
        client().send(availablePresence());
}

Element PresenceExtension::availablePresence() const
{
    Element presence(QStringLiteral("presence"), Ns::Client.toString());
    if (const auto *disco = client().extension<DiscoExtension>()) {
        Element caps(QStringLiteral("c"), Ns::Caps.toString());
        caps.setAttribute(QStringLiteral("hash"), QStringLiteral("sha-1"));
        caps.setAttribute(QStringLiteral("node"), DiscoExtension::CapsNode.toString());
        caps.setAttribute(QStringLiteral("ver"), disco->capsVersion());
        presence.appendChild(caps);
    }
    return presence;
}

bool PresenceExtension::handleStanza(const Element &stanza)
{
    if (stanza.name() != u"presence")
        return false;
    const QString type = stanza.attribute(u"type");
    if (!type.isEmpty() && type != u"unavailable")
        return false; // subscription management and errors: not handled here
    const Core::Jid from(stanza.attribute(u"from"));
    if (!from.isValid())
        return true;
    const Core::Jid bare = from.bare();
    if (type.isEmpty())
        m_available[bare].insert(from.resource());
    else if (auto it = m_available.find(bare); it != m_available.end()) {
        it->remove(from.resource());
        if (it->isEmpty())
            m_available.erase(it);
    }
    Q_EMIT presenceChanged(bare);
    return true;
}

} // namespace Xmpp
