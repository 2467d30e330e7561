// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/DiscoExtension.h"

#include "xmpp/Namespaces.h"

namespace Xmpp {

DiscoExtension::DiscoExtension(Client &client)
    : Extension(client)
{
}

bool DiscoExtension::serverSupports(QStringView feature) const
{
    return m_serverFeatures.contains(feature.toString());
}

void DiscoExtension::onSessionStarted(bool resumed)
{
    if (resumed && !m_serverFeatures.isEmpty())
        return;
    Element iq(QStringLiteral("iq"), Ns::Client.toString());
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
    iq.setAttribute(QStringLiteral("to"), client().config().transport.domain);
    iq.appendChild(Element(QStringLiteral("query"), Ns::DiscoInfo.toString()));
    client().sendIq(iq).then(this, [this](const Core::Result<Element> &result) {
        if (!result)
            return;
        m_serverFeatures.clear();
        for (const Element &f :
             result->firstChild(u"query", Ns::DiscoInfo).childrenNamed(u"feature"))
            m_serverFeatures << f.attribute(u"var");
        Q_EMIT serverFeaturesChanged();
    });
}

bool DiscoExtension::handleStanza(const Element &stanza)
{
    if (stanza.name() != u"iq" || stanza.attribute(u"type") != u"get")
        return false;
    const Element query = stanza.firstChild(u"query", Ns::DiscoInfo);
    if (query.isNull())
        return false;
    Element reply(QStringLiteral("iq"), Ns::Client.toString());
    reply.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
    reply.setAttribute(QStringLiteral("id"), stanza.attribute(u"id"));
    if (stanza.hasAttribute(u"from"))
        reply.setAttribute(QStringLiteral("to"), stanza.attribute(u"from"));
    Element answer(QStringLiteral("query"), Ns::DiscoInfo.toString());
    if (query.hasAttribute(u"node"))
        answer.setAttribute(QStringLiteral("node"), query.attribute(u"node"));
    Element identity(QStringLiteral("identity"));
    identity.setAttribute(QStringLiteral("category"), QStringLiteral("client"));
    identity.setAttribute(QStringLiteral("type"), QStringLiteral("pc"));
    identity.setAttribute(QStringLiteral("name"), QStringLiteral("Rounds"));
    answer.appendChild(identity);
    for (const QString &feature : client().discoFeatures())
        answer.appendChild(
            Element(QStringLiteral("feature")).setAttribute(QStringLiteral("var"), feature));
    reply.appendChild(answer);
    client().send(reply);
    return true;
}

} // namespace Xmpp
