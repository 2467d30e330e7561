// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreTypes.h"
#include "store/StoreWorker.h"

#include "core/Error.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Store {

/// Someone acknowledged an urgent/STAT message (docs/protocol.md).
struct Acknowledgement
{
    QString jid; ///< bare JID of the acknowledger
    QDateTime at;
    bool operator==(const Acknowledgement &) const = default;
};

/// An urgent/STAT message of ours that escalates when nobody acknowledges it.
struct PendingEscalation
{
    qint64 message = 0;   ///< row of the original message
    QString originId;     ///< its origin-id
    QString conversation; ///< who it went to first
    QString role;         ///< role whose escalation chain applies (may be empty)
    int nextStep = 0;     ///< index of the chain's next step
    QDateTime due;
    bool operator==(const PendingEscalation &) const = default;
};

/// What recording an acknowledgement did.
struct AckOutcome
{
    bool fresh = false;  ///< first acknowledgement of this message by that JID
    qint64 original = 0; ///< the message whose escalation the ack stopped (0: none pending)
};

/// Where a forwarded copy came from (migration 0010, docs/protocol.md).
struct ForwardSource
{
    QString conversation; ///< bare JID of the original's conversation
    QString id;           ///< origin-id of the original there
    bool operator==(const ForwardSource &) const = default;
};

/// Clinical state of one account's messages (migrations 0007, 0010): acknowledgements,
/// pending escalations, recall and lifespan purges. Runs on the store thread.
class ClinicalStore
{
public:
    explicit ClinicalStore(std::shared_ptr<StoreWorker> worker);

    /// A message of `conversation` by its origin-id (or, failing that, its stanza id).
    QFuture<Core::Result<std::optional<StoredMessage>>> findByOriginId(QString conversation,
                                                                       QString originId);
    /// Any message by origin-id or stanza id, in any conversation.
    QFuture<Core::Result<std::optional<StoredMessage>>> findAnyByOriginId(QString originId);

    /// Records an acknowledgement of message `row`; an ack of an escalated copy
    /// (escalation_of set) also stops the original's escalation.
    QFuture<Core::Result<AckOutcome>> recordAck(qint64 row, QString jid, QDateTime at);
    QFuture<Core::Result<QList<Acknowledgement>>> acknowledgements(qint64 row);
    /// Incoming urgent/STAT messages `self` has not acknowledged, not recalled
    /// and not expired at `now`, oldest first: (message id, time received).
    QFuture<Core::Result<QList<std::pair<QString, QDateTime>>>> unacknowledged(QString self,
                                                                               QDateTime now);

    /// Inserts or replaces the pending escalation of message `row`.
    QFuture<Core::Result<void>> scheduleEscalation(qint64 row, QString role, int nextStep,
                                                   QDateTime due);
    /// Pending escalations (state 0), earliest first.
    QFuture<Core::Result<QList<PendingEscalation>>> pendingEscalations();
    /// The chain ran out (or was cancelled): nothing more is sent.
    QFuture<Core::Result<void>> finishEscalation(qint64 row);

    /// Our escalated copies of the message with origin-id `originId`, oldest first.
    QFuture<Core::Result<QList<StoredMessage>>> escalatedCopies(QString originId);

    /// Records that message `row` is a forwarded copy of `source`.
    QFuture<Core::Result<void>> recordForward(qint64 row, ForwardSource source);
    /// Where message `row` was forwarded from; nullopt when it is no forward.
    QFuture<Core::Result<std::optional<ForwardSource>>> forwardOf(qint64 row);
    /// Where each of these message rows was forwarded from, in one query (a
    /// page of a conversation); rows that are no forwards are left out.
    QFuture<Core::Result<QHash<qint64, ForwardSource>>> forwardSources(QList<qint64> rows);
    /// The forward references of our outgoing messages still waiting in the
    /// outbox, by stanza id (so a resend carries them again).
    QFuture<Core::Result<QList<std::pair<QString, ForwardSource>>>> pendingForwards();

    /// Deletes the text of message `row` (row body, search entry, conversation
    /// preview) and marks it recalled.
    QFuture<Core::Result<void>> recall(qint64 row);

    /// Deletes every message whose expiry has passed, and with `retentionDays`
    /// > 0 every message older than that, with their search entries; fixes the
    /// conversation list. Returns how many messages were deleted.
    QFuture<Core::Result<int>> purge(QDateTime now, int retentionDays);

private:
    std::shared_ptr<StoreWorker> m_worker;
};

} // namespace Store
