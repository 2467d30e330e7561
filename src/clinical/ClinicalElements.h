// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"

#include <QDateTime>
#include <QString>

#include <optional>

/// Clinical messaging on the wire (docs/protocol.md): the elements of namespace
/// https://rounds.invalid/ns/clinical and XEP-0424 retraction. Every parser takes
/// the whole <message/> stanza and looks for its own child.
namespace Clinical {

inline constexpr QStringView Ns = u"https://rounds.invalid/ns/clinical";
inline constexpr QStringView RetractNs = u"urn:xmpp:message-retract:1";
inline constexpr QStringView HintsNs = u"urn:xmpp:hints";

enum class Priority : int { Routine = 0, Urgent = 1, Stat = 2 };

/// "routine", "urgent", "stat".
QString priorityName(Priority priority);
std::optional<Priority> priorityFromName(QStringView name);
/// Urgent and STAT need an acknowledgement.
inline bool needsAck(Priority priority)
{
    return priority != Priority::Routine;
}

/// <priority level='..' ack='required'/>; nothing for routine.
void addPriority(Xmpp::Element &stanza, Priority priority);
/// The stanza's priority; Routine when absent or unknown.
Priority priorityOf(const Xmpp::Element &stanza);

/// <expiry at='..'/>: the time after which every copy is deleted.
void addExpiry(Xmpp::Element &stanza, const QDateTime &at);
/// Invalid when absent or malformed.
QDateTime expiryOf(const Xmpp::Element &stanza);

struct Ack
{
    QString id; ///< origin-id of the acknowledged message
    QDateTime at;
    bool operator==(const Ack &) const = default;
};
/// A body-less chat message carrying <ack/> and a store hint.
Xmpp::Element ackStanza(const QString &to, const QString &stanzaId, const Ack &ack);
std::optional<Ack> ackOf(const Xmpp::Element &stanza);

struct Escalation
{
    QString of; ///< origin-id of the original message
    int step = 1;
    bool operator==(const Escalation &) const = default;
};
void addEscalation(Xmpp::Element &stanza, const Escalation &escalation);
std::optional<Escalation> escalationOf(const Xmpp::Element &stanza);

/// The message a forwarded copy was made from (docs/protocol.md "Forwarding").
struct ForwardedFrom
{
    QString conversation; ///< bare JID of the original's conversation
    QString id;           ///< origin-id of the original there
    bool operator==(const ForwardedFrom &) const = default;
};
void addForwardedFrom(Xmpp::Element &stanza, const ForwardedFrom &from);
std::optional<ForwardedFrom> forwardedFromOf(const Xmpp::Element &stanza);

/// XEP-0424: a body-less chat message retracting `originId`, with a store hint.
Xmpp::Element retractStanza(const QString &to, const QString &stanzaId, const QString &originId);
/// The origin-id a stanza retracts; empty when it is no retraction.
QString retractedId(const Xmpp::Element &stanza);

} // namespace Clinical
