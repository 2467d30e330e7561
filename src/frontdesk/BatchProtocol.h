// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frontdesk/ReminderBatch.h"
#include "frontdesk/Templates.h"
#include "store/FrontDeskStore.h"
#include "xmpp/Element.h"

#include "core/Error.h"

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

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
/// Paged (XEP-0059 in spirit) when max > 0: at most max reminders, in status
/// order (newest batch first, lines in order), after the reminder `after`.
struct StatusRequest
{
    QString id;
    QString batch;
    int max = 0;        ///< page size; 0: every reminder (what older clients ask)
    qint64 after = 0;   ///< cursor: the id of the last reminder of the previous page
    bool watch = false; ///< send this staff member <changed/> events for a while
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

/// <page/> of a paged status.
struct Page
{
    qint64 after = 0;     ///< the request's cursor (0: the first page)
    int count = 0;        ///< reminders in the whole set, all pages together
    qint64 last = 0;      ///< the next page's cursor (0 when this page is empty)
    bool complete = true; ///< nothing after this page
    bool operator==(const Page &) const = default;
};

/// How many reminders of the whole set are in one state (<total/>).
struct StateTotal
{
    Store::ReminderState state = Store::ReminderState::Scheduled;
    int count = 0;
    bool operator==(const StateTotal &) const = default;
};

/// <status/>: the answer to a status request (reminder bodies are not
/// repeated): the reminders, the replies waiting for a person (with their
/// text) and the consent registry (latest row per patient and channel).
/// A paged status carries its page and the totals per state of the whole
/// set; replies and consents travel with the first page only.
struct Status
{
    QString id;
    QList<Store::ReminderRecord> reminders;
    int openReplies = 0; ///< replies waiting for a person
    QList<Store::QueuedReply> replies;
    QList<Store::ConsentRecord> consents;
    std::optional<Page> page; ///< set in answer to a paged request
    QList<StateTotal> totals; ///< paged only; states with no reminder are left out
};

using Request = std::variant<Batch, Consent, StatusRequest, ReplyHandled>;
using Answer = std::variant<Result, Status>;

/// What a <changed/> event says changed.
enum class ChangeKind : quint8 {
    Reminders = 1, ///< a reminder's state, or a batch accepted
    Replies = 2,   ///< a reply queued for a person, or handled
    Consents = 4,  ///< a consent recorded or withdrawn (STOP included)
};
Q_DECLARE_FLAGS(ChangeKinds, ChangeKind)

/// <changed/>: the service tells watching staff that something changed, so
/// their view asks for the status now. Ids only, no patient data.
struct Changed
{
    ChangeKinds kinds;
    QStringList batches; ///< batches whose reminders changed, where known
    bool operator==(const Changed &) const = default;
};

/// "scheduled", "sending", "sent", "delivered", "confirmed",
/// "reschedule-requested", "cancelled", "opted-out", "failed".
QString stateName(Store::ReminderState state);
std::optional<Store::ReminderState> stateFromName(QStringView name);

Xmpp::Element toElement(const Request &request);
Xmpp::Element toElement(const Answer &answer);
Xmpp::Element toElement(const Changed &changed);
/// The frontdesk element a message body consists of, if it is one.
std::optional<Xmpp::Element> elementFromBody(const QString &body);
/// Stanza "frontdesk-malformed:<what>" for a bad element.
Core::Result<Request> parseRequest(const Xmpp::Element &element);
Core::Result<Answer> parseAnswer(const Xmpp::Element &element);
Core::Result<Changed> parseChanged(const Xmpp::Element &element);

} // namespace Protocol

} // namespace FrontDesk

Q_DECLARE_OPERATORS_FOR_FLAGS(FrontDesk::Protocol::ChangeKinds)
