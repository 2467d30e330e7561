// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frontdesk/ReminderBatch.h"
#include "frontdesk/Templates.h"
#include "store/FrontDeskStore.h"
#include "xmpp/Element.h"

#include "core/Error.h"

#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace FrontDesk {

/// The elements staff and the reminder service exchange (docs/frontdesk.md),
/// each carried as the whole body of an OMEMO-encrypted chat message.
namespace Protocol {

inline constexpr QStringView Namespace = u"https://rounds.invalid/ns/frontdesk";

/// <batch/>: a batch of reminders to schedule.
struct Batch
{
    QString id;
    MessageTemplate messageTemplate; ///< texts travel only for custom templates
    bool overrideFindings = false;   ///< the submitter overrides minimum-necessary findings
    QString overrideReason;          ///< why (required with an override; audited)
    QList<ReminderRow> rows;
};

/// <consent/>: a consent given or withdrawn, recorded by the submitting staff member.
struct Consent
{
    QString id;
    QString patient;
    Channel channel = Channel::Xmpp;
    bool grant = true;
};

/// <status-request/>: the reminders of one batch (all when batch is empty).
struct StatusRequest
{
    QString id;
    QString batch;
};

/// <reply-handled/>: a person at the front desk handled a queued reply.
struct ReplyHandled
{
    QString id;
    qint64 reply = 0; ///< the queue entry
};

/// <result/>: the answer to a batch, consent or reply-handled.
struct Result
{
    QString id;
    QString outcome; ///< "accepted", "duplicate", "rejected"
    QList<RowError> errors;
};

/// <status/>: the answer to a status request (reminder bodies are not
/// repeated): the reminders, the replies waiting for a person (with their
/// text) and the consent registry (latest row per patient and channel).
struct Status
{
    QString id;
    QList<Store::ReminderRecord> reminders;
    int openReplies = 0; ///< replies waiting for a person
    QList<Store::QueuedReply> replies;
    QList<Store::ConsentRecord> consents;
};

using Request = std::variant<Batch, Consent, StatusRequest, ReplyHandled>;
using Answer = std::variant<Result, Status>;

/// "scheduled", "sending", "sent", "delivered", "confirmed",
/// "reschedule-requested", "cancelled", "opted-out", "failed".
QString stateName(Store::ReminderState state);
std::optional<Store::ReminderState> stateFromName(QStringView name);

Xmpp::Element toElement(const Request &request);
Xmpp::Element toElement(const Answer &answer);
/// The frontdesk element a message body consists of, if it is one.
std::optional<Xmpp::Element> elementFromBody(const QString &body);
/// Stanza "frontdesk-malformed:<what>" for a bad element.
Core::Result<Request> parseRequest(const Xmpp::Element &element);
Core::Result<Answer> parseAnswer(const Xmpp::Element &element);

} // namespace Protocol

} // namespace FrontDesk
