// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/ChatMarkersExtension.h"

#include "xmpp/Namespaces.h"

#include <array>
#include <utility>

namespace Xmpp {

namespace {

using Marker = ChatMarkersExtension::Marker;

constexpr std::array<std::pair<Marker, QStringView>, 3> MarkerNames{{
    {Marker::Received, u"received"},
    {Marker::Displayed, u"displayed"},
    {Marker::Acknowledged, u"acknowledged"},
}};

QString markerName(Marker marker)
{
    for (const auto &[value, name] : MarkerNames)
        if (value == marker)
            return name.toString();
    return {};
}

} // namespace

ChatMarkersExtension::ChatMarkersExtension(Client &client)
    : Extension(client)
{
}

void ChatMarkersExtension::addMarkable(Element &message)
{
    if (!message.hasChild(u"markable", Ns::ChatMarkers))
        message.appendChild(Element(QStringLiteral("markable"), Ns::ChatMarkers.toString()));
}

bool ChatMarkersExtension::isMarkable(const Element &message)
{
    return message.hasChild(u"markable", Ns::ChatMarkers);
}

QString ChatMarkersExtension::sendMarker(const Core::Jid &to, const QString &messageId,
                                         Marker marker, const QString &type)
{
    const QString id = Client::newId();
    Element message(QStringLiteral("message"), Ns::Client.toString());
    message.setAttribute(QStringLiteral("to"), to.toString());
    message.setAttribute(QStringLiteral("id"), id);
    message.setAttribute(QStringLiteral("type"), type);
    message.appendChild(Element(markerName(marker), Ns::ChatMarkers.toString())
                            .setAttribute(QStringLiteral("id"), messageId));
    message.appendChild(Element(QStringLiteral("store"), Ns::Hints.toString()));
    client().send(message);
    return id;
}

bool ChatMarkersExtension::handleStanza(const Element &stanza)
{
    if (stanza.name() != u"message" || stanza.attribute(u"type") == u"error")
        return false;
    for (const Element &child : stanza.children()) {
        if (child.xmlns() != Ns::ChatMarkers)
            continue;
        for (const auto &[marker, name] : MarkerNames) {
            if (child.name() != name)
                continue;
            const Core::Jid from(stanza.attribute(u"from"));
            const QString id = child.attribute(u"id");
            if (from.isValid() && !id.isEmpty())
                Q_EMIT markerReceived(from, id, marker);
            return !stanza.hasChild(u"body", Ns::Client);
        }
    }
    return false;
}

QStringList ChatMarkersExtension::discoFeatures() const
{
    return {Ns::ChatMarkers.toString()};
}

} // namespace Xmpp
