// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreTypes.h"
#include "store/StoreWorker.h"

#include "core/Error.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Store {

/// Where a reminder is (docs/frontdesk.md). Sending is internal: the row is
/// claimed and its outbox commit is under way.
enum class ReminderState : int {
    Scheduled = 0,
    Sending = 1,
    Sent = 2,
    Delivered = 3,
    Confirmed = 4,
    RescheduleRequested = 5,
    Cancelled = 6,
    OptedOut = 7,
    Failed = 8,
};

/// One consent given by (or for) a patient to be reminded on one channel.
struct ConsentRecord
{
    qint64 id = 0;
    QString patient; ///< bare JID (a gateway address carries the phone number)
    QString channel; ///< "xmpp" or "sms"
    QDateTime consentedAt;
    QString recordedBy;    ///< staff JID
    QDateTime withdrawnAt; ///< invalid while in force
    QString withdrawnBy;   ///< staff JID or "patient-reply"
    bool inForce() const { return !withdrawnAt.isValid(); }
    bool operator==(const ConsentRecord &) const = default;
};

struct ReminderBatchRecord
{
    QString id;
    QString submittedBy;
    QDateTime receivedAt;
    QString templateName;
    bool overridden = false;
    bool operator==(const ReminderBatchRecord &) const = default;
};

struct ReminderRecord
{
    qint64 id = 0;
    QString batch;
    int line = 0;
    QString patient;
    QString body; ///< exactly what the patient receives
    QDateTime due;
    ReminderState state = ReminderState::Scheduled;
    QString messageId;
    QDateTime updatedAt;
    QString reason;
    bool operator==(const ReminderRecord &) const = default;
};

/// A reply no keyword matched, waiting for a person.
struct QueuedReply
{
    qint64 id = 0;
    QString patient;
    qint64 reminder = 0; ///< 0 when the patient had no reminder
    QString messageId;
    QDateTime receivedAt;
    QString body; ///< the reply's text (read from the message; empty when enqueuing)
    bool operator==(const QueuedReply &) const = default;
};

/// The reminder service's consent registry, schedule and reply queue, in the
/// account's encrypted database (migrations 0008_frontdesk, 0011_frontdesk_replies). Runs on the
/// store thread.
class FrontDeskStore
{
public:
    explicit FrontDeskStore(std::shared_ptr<StoreWorker> worker);

    // Consent
    /// Records a consent; when one is in force already it stays (its id is returned).
    QFuture<Core::Result<qint64>> grantConsent(QString patient, QString channel, QDateTime at,
                                               QString recordedBy);
    /// Withdraws the consent in force on `channel` (every channel when empty);
    /// returns the ids of the rows withdrawn (none when there was nothing in force).
    QFuture<Core::Result<QList<qint64>>> withdrawConsent(QString patient, QString channel,
                                                         QDateTime at, QString withdrawnBy);
    /// The latest consent row of the patient on the channel, in force or not.
    QFuture<Core::Result<std::optional<ConsentRecord>>> consent(QString patient, QString channel);
    QFuture<Core::Result<QList<ConsentRecord>>> consentHistory(QString patient);

    // Schedule
    /// Stores a batch and its reminders in one transaction. False (nothing
    /// written) when a batch with that id exists already.
    QFuture<Core::Result<bool>> addBatch(ReminderBatchRecord batch,
                                         QList<ReminderRecord> reminders);
    QFuture<Core::Result<std::optional<ReminderBatchRecord>>> batch(QString id);
    /// Reminders of a batch (all when empty), by id.
    QFuture<Core::Result<QList<ReminderRecord>>> reminders(QString batch);
    QFuture<Core::Result<std::optional<ReminderRecord>>> reminder(qint64 id);
    /// Scheduled reminders due at `now` or earlier, oldest first.
    QFuture<Core::Result<QList<ReminderRecord>>> due(QDateTime now, int limit = 100);
    /// The earliest due time of a scheduled reminder (invalid when none).
    QFuture<Core::Result<QDateTime>> nextDue();
    /// Scheduled -> Sending; false when the row was not scheduled (any more).
    QFuture<Core::Result<bool>> claim(qint64 id, QDateTime at);
    /// Sending -> Sent with the outbox message that carries it.
    QFuture<Core::Result<void>> markSent(qint64 id, QString messageId, QDateTime at);
    /// Sets a state unconditionally (reason for Failed and OptedOut).
    QFuture<Core::Result<void>> setState(qint64 id, ReminderState state, QDateTime at,
                                         QString reason = {});
    /// After a restart: a Sending row whose message reached the outbox (an
    /// outgoing message to the patient with exactly its body, stored since the
    /// claim) becomes Sent with it; any other goes back to Scheduled. Returns
    /// how many rows were looked at.
    QFuture<Core::Result<int>> recoverClaims(QDateTime at);
    /// The reminder that carries `messageId`.
    QFuture<Core::Result<std::optional<ReminderRecord>>> reminderForMessage(QString messageId);
    /// The patient's latest reminder that went out (Sent or later, not Failed).
    QFuture<Core::Result<std::optional<ReminderRecord>>> latestSentTo(QString patient);
    /// Every scheduled reminder of the patient becomes OptedOut; returns their ids.
    QFuture<Core::Result<QList<qint64>>> optOutScheduled(QString patient, QDateTime at);

    /// The latest consent row of every (patient, channel), by patient.
    QFuture<Core::Result<QList<ConsentRecord>>> consents();

    // Front-desk queue
    /// Queues a reply; a reply (message id) queued already is not queued again
    /// (its row id is returned), so handling a reply twice queues it once.
    QFuture<Core::Result<qint64>> enqueueReply(QueuedReply reply);
    /// Replies nobody handled yet, oldest first, with their text.
    QFuture<Core::Result<QList<QueuedReply>>> openReplies();
    /// A person handled a queued reply; false when there is no such open reply.
    QFuture<Core::Result<bool>> markQueuedHandled(qint64 id, QString by, QDateTime at);

    // Durability of reply handling (migration 0011)
    /// Incoming messages the service has not marked handled, oldest first: on
    /// the first call every message stored so far counts as handled (the
    /// service answers only for what arrives after its first start).
    QFuture<Core::Result<QList<StoredMessage>>> unhandledIncoming();
    /// The incoming message (messages.id) is handled completely.
    QFuture<Core::Result<void>> markHandled(qint64 messageRow, QDateTime at);

private:
    std::shared_ptr<StoreWorker> m_worker;
};

} // namespace Store
