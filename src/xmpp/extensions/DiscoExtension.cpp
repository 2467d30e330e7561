// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/DiscoExtension.h"

#include "xmpp/Namespaces.h"

#include <QCryptographicHash>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace Xmpp {

namespace {

Element errorReply(const Element &request, QStringView condition)
{
    Element reply(u"iq"_s, Ns::Client.toString());
    reply.setAttribute(u"type"_s, u"error"_s);
    reply.setAttribute(u"id"_s, request.attribute(u"id"));
    if (request.hasAttribute(u"from"))
        reply.setAttribute(u"to"_s, request.attribute(u"from"));
    Element error(u"error"_s);
    error.setAttribute(u"type"_s, u"cancel"_s);
    error.appendChild(Element(condition.toString(), Ns::Stanzas.toString()));
    reply.appendChild(error);
    return reply;
}

} // namespace

DiscoExtension::DiscoExtension(Client &client)
    : Extension(client)
{
}

DiscoExtension::Identity DiscoExtension::ownIdentity()
{
    return Identity{u"client"_s, u"pc"_s, u"Rounds"_s, {}};
}

QString DiscoExtension::capsVerification(const QList<Identity> &identities,
                                         const QStringList &features)
{
    // XEP-0115 section 5.1 sorts by octets of the UTF-8 strings, which differs
    // from QString's UTF-16 order for characters beyond the BMP.
    using Octets = std::array<QByteArray, 4>;
    QList<Octets> sortedIdentities;
    for (const Identity &i : identities)
        sortedIdentities.append(
            Octets{i.category.toUtf8(), i.type.toUtf8(), i.lang.toUtf8(), i.name.toUtf8()});
    std::ranges::sort(sortedIdentities);
    QList<QByteArray> sortedFeatures;
    for (const QString &f : features)
        sortedFeatures.append(f.toUtf8());
    std::ranges::sort(sortedFeatures);
    sortedFeatures.erase(std::unique(sortedFeatures.begin(), sortedFeatures.end()),
                         sortedFeatures.end());

    QByteArray s;
    for (const Octets &i : sortedIdentities)
        s += i[0] + '/' + i[1] + '/' + i[2] + '/' + i[3] + '<';
    for (const QByteArray &f : sortedFeatures)
        s += f + '<';
    return QString::fromLatin1(QCryptographicHash::hash(s, QCryptographicHash::Sha1).toBase64());
}

QString DiscoExtension::capsVersion() const
{
    return capsVerification({ownIdentity()}, client().discoFeatures());
}

QStringList DiscoExtension::discoFeatures() const
{
    return {Ns::Caps.toString()};
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
    // Our own node#ver (XEP-0115) or no node at all: nothing else is known here.
    const QString node = query.attribute(u"node");
    if (!node.isNull() && node != CapsNode + u'#' + capsVersion()) {
        client().send(errorReply(stanza, u"item-not-found"));
        return true;
    }
    Element reply(QStringLiteral("iq"), Ns::Client.toString());
    reply.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
    reply.setAttribute(QStringLiteral("id"), stanza.attribute(u"id"));
    if (stanza.hasAttribute(u"from"))
        reply.setAttribute(QStringLiteral("to"), stanza.attribute(u"from"));
    Element answer(QStringLiteral("query"), Ns::DiscoInfo.toString());
    if (query.hasAttribute(u"node"))
        answer.setAttribute(QStringLiteral("node"), query.attribute(u"node"));
    const Identity own = ownIdentity();
    Element identity(QStringLiteral("identity"));
    identity.setAttribute(QStringLiteral("category"), own.category);
    identity.setAttribute(QStringLiteral("type"), own.type);
    identity.setAttribute(QStringLiteral("name"), own.name);
    answer.appendChild(identity);
    for (const QString &feature : client().discoFeatures())
        answer.appendChild(
            Element(QStringLiteral("feature")).setAttribute(QStringLiteral("var"), feature));
    reply.appendChild(answer);
    client().send(reply);
    return true;
}

} // namespace Xmpp
