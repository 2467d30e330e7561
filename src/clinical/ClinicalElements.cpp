// SPDX-License-Identifier: GPL-3.0-or-later
#include "clinical/ClinicalElements.h"

#include "xmpp/Message.h"
#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace Clinical {

namespace {

Xmpp::Element bodylessChat(const QString &to, const QString &stanzaId)
{
    Xmpp::Element stanza(u"message"_s, Xmpp::Ns::Client.toString());
    stanza.setAttribute(u"type"_s, u"chat"_s);
    stanza.setAttribute(u"to"_s, to);
    stanza.setAttribute(u"id"_s, stanzaId);
    return stanza;
}

void addStoreHint(Xmpp::Element &stanza)
{
    stanza.appendChild(Xmpp::Element(u"store"_s, HintsNs.toString()));
}

} // namespace

QString priorityName(Priority priority)
{
    switch (priority) {
    case Priority::Urgent:
        return u"urgent"_s;
    case Priority::Stat:
        return u"stat"_s;
    case Priority::Routine:
        break;
    }
    return u"routine"_s;
}

std::optional<Priority> priorityFromName(QStringView name)
{
    if (name == u"routine")
        return Priority::Routine;
    if (name == u"urgent")
        return Priority::Urgent;
    if (name == u"stat")
        return Priority::Stat;
    return std::nullopt;
}

void addPriority(Xmpp::Element &stanza, Priority priority)
{
    if (priority == Priority::Routine)
        return;
    Xmpp::Element element(u"priority"_s, Ns.toString());
    element.setAttribute(u"level"_s, priorityName(priority));
    element.setAttribute(u"ack"_s, u"required"_s);
    stanza.appendChild(element);
    if (!stanza.hasChild(u"store", HintsNs))
        addStoreHint(stanza);
}

Priority priorityOf(const Xmpp::Element &stanza)
{
    const Xmpp::Element element = stanza.firstChild(u"priority", Ns);
    if (element.isNull())
        return Priority::Routine;
    return priorityFromName(element.attribute(u"level")).value_or(Priority::Routine);
}

void addExpiry(Xmpp::Element &stanza, const QDateTime &at)
{
    if (!at.isValid())
        return;
    Xmpp::Element element(u"expiry"_s, Ns.toString());
    element.setAttribute(u"at"_s, Xmpp::formatDateTime(at));
    stanza.appendChild(element);
}

QDateTime expiryOf(const Xmpp::Element &stanza)
{
    const Xmpp::Element element = stanza.firstChild(u"expiry", Ns);
    if (element.isNull())
        return {};
    return Xmpp::parseDateTime(element.attribute(u"at"));
}

Xmpp::Element ackStanza(const QString &to, const QString &stanzaId, const Ack &ack)
{
    Xmpp::Element stanza = bodylessChat(to, stanzaId);
    Xmpp::Element element(u"ack"_s, Ns.toString());
    element.setAttribute(u"id"_s, ack.id);
    element.setAttribute(u"at"_s, Xmpp::formatDateTime(ack.at));
    stanza.appendChild(element);
    addStoreHint(stanza);
    return stanza;
}

std::optional<Ack> ackOf(const Xmpp::Element &stanza)
{
    const Xmpp::Element element = stanza.firstChild(u"ack", Ns);
    if (element.isNull())
        return std::nullopt;
    Ack ack{element.attribute(u"id"), Xmpp::parseDateTime(element.attribute(u"at"))};
    if (ack.id.isEmpty())
        return std::nullopt;
    return ack;
}

void addEscalation(Xmpp::Element &stanza, const Escalation &escalation)
{
    Xmpp::Element element(u"escalation"_s, Ns.toString());
    element.setAttribute(u"of"_s, escalation.of);
    element.setAttribute(u"step"_s, QString::number(escalation.step));
    stanza.appendChild(element);
}

std::optional<Escalation> escalationOf(const Xmpp::Element &stanza)
{
    const Xmpp::Element element = stanza.firstChild(u"escalation", Ns);
    if (element.isNull())
        return std::nullopt;
    bool ok = false;
    const int step = element.attribute(u"step").toInt(&ok);
    Escalation escalation{element.attribute(u"of"), ok && step > 0 ? step : 1};
    if (escalation.of.isEmpty())
        return std::nullopt;
    return escalation;
}

void addForwardedFrom(Xmpp::Element &stanza, const ForwardedFrom &from)
{
    Xmpp::Element element(u"forwarded-from"_s, Ns.toString());
    element.setAttribute(u"conversation"_s, from.conversation);
    element.setAttribute(u"id"_s, from.id);
    stanza.appendChild(element);
}

std::optional<ForwardedFrom> forwardedFromOf(const Xmpp::Element &stanza)
{
    const Xmpp::Element element = stanza.firstChild(u"forwarded-from", Ns);
    if (element.isNull())
        return std::nullopt;
    ForwardedFrom from{element.attribute(u"conversation"), element.attribute(u"id")};
    if (from.id.isEmpty() || from.conversation.isEmpty())
        return std::nullopt;
    return from;
}

Xmpp::Element retractStanza(const QString &to, const QString &stanzaId, const QString &originId)
{
    Xmpp::Element stanza = bodylessChat(to, stanzaId);
    Xmpp::Element retract(u"retract"_s, RetractNs.toString());
    retract.setAttribute(u"id"_s, originId);
    stanza.appendChild(retract);
    addStoreHint(stanza);
    return stanza;
}

QString retractedId(const Xmpp::Element &stanza)
{
    const Xmpp::Element retract = stanza.firstChild(u"retract", RetractNs);
    return retract.isNull() ? QString() : retract.attribute(u"id");
}

} // namespace Clinical
