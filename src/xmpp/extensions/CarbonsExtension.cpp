// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/CarbonsExtension.h"

#include "xmpp/Namespaces.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCarbons, "rounds.xmpp.carbons", QtInfoMsg)

namespace Xmpp {

CarbonsExtension::CarbonsExtension(Client &client)
    : Extension(client)
{
}

void CarbonsExtension::markPrivate(Element &message)
{
    if (!message.hasChild(u"private", Ns::Carbons))
        message.appendChild(Element(QStringLiteral("private"), Ns::Carbons.toString()));
    if (!message.hasChild(u"no-copy", Ns::Hints))
        message.appendChild(Element(QStringLiteral("no-copy"), Ns::Hints.toString()));
}

void CarbonsExtension::onSessionStarted(bool resumed)
{
    // XEP-0280 state belongs to the session, which resumption keeps; ask again
    // only when the link died before the server answered.
    if (resumed && m_answered)
        return;
    if (!resumed)
        setEnabled(false);
    m_answered = false;
    Element iq(QStringLiteral("iq"), Ns::Client.toString());
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("set"));
    iq.appendChild(Element(QStringLiteral("enable"), Ns::Carbons.toString()));
    client().sendIq(iq).then(this, [this](const Core::Result<Element> &result) {
        if (!result) {
            // A refusal is an answer; a lost link or a timeout is not.
            m_answered = result.error().code == Core::Error::Code::Stanza;
            qCInfo(lcCarbons) << "carbons not enabled:" << result.error().detail;
            return;
        }
        m_answered = true;
        setEnabled(true);
    });
}

bool CarbonsExtension::handleStanza(const Element &stanza)
{
    if (stanza.name() != u"message")
        return false;
    Element wrapper = stanza.firstChild(u"received", Ns::Carbons);
    Direction direction = Direction::Received;
    if (wrapper.isNull()) {
        wrapper = stanza.firstChild(u"sent", Ns::Carbons);
        direction = Direction::Sent;
    }
    if (wrapper.isNull())
        return false;

    const Core::Jid own =
        client().boundJid().isValid() ? client().boundJid().bare() : client().config().jid.bare();
    // XEP-0280 section 11: only our own account may hand us copies. Anything
    // else is someone trying to put words in another person's mouth.
    if (stanza.hasAttribute(u"from") && Core::Jid(stanza.attribute(u"from")) != own) {
        qCWarning(lcCarbons) << "dropped a carbon copy not sent by our account";
        return true;
    }
    const auto forwarded = parseForwarded(wrapper.firstChild(u"forwarded", Ns::Forward));
    if (!forwarded) {
        qCInfo(lcCarbons) << "dropped a carbon copy without a forwarded message";
        return true;
    }
    // The copy must be about this account: sent by it, or addressed to it.
    const Message &inner = forwarded->message;
    const Core::Jid &party = direction == Direction::Sent ? inner.from : inner.to;
    if (party.isValid() && party.bare() != own) {
        qCWarning(lcCarbons) << "dropped a carbon copy about another account";
        return true;
    }
    Q_EMIT carbonReceived(inner, direction);
    return true;
}

QStringList CarbonsExtension::discoFeatures() const
{
    return {Ns::Carbons.toString()};
}

void CarbonsExtension::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    Q_EMIT enabledChanged(enabled);
}

} // namespace Xmpp
