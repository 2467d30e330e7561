// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Store {

/// Delivery state of one message. Outgoing messages move Pending -> Sent (the
/// server acknowledged it) -> Delivered (XEP-0184) -> Read (XEP-0333), or to
/// Failed (shown with a retry). Incoming ones are Received, then Read once shown.
enum class MessageState : int {
    Pending = 0,
    Sent = 1,
    Delivered = 2,
    Read = 3,
    Failed = 4,
    Received = 5,
};

enum class Direction : int { Incoming = 0, Outgoing = 1 };

/// One message row. `conversation` is the peer's bare JID (or the room's).
struct StoredMessage
{
    qint64 rowId = 0;   ///< local id; grows with arrival, so rowid order is time order
    QString conversation;
    Direction direction = Direction::Incoming;
    QString sender;     ///< sender's JID as received (full JID when known)
    QString messageId;  ///< the stanza id (what receipts and markers refer to)
    QString originId;   ///< XEP-0359 origin-id, de-duplication key
    QString stanzaId;   ///< XEP-0359 stanza-id assigned by our archive, MAM paging key
    QDateTime timestamp; ///< UTC; the delay stamp when the server held the message
    QString body;
    MessageState state = MessageState::Received;
    bool operator==(const StoredMessage &) const = default;
};

/// A row of the conversation list, read from a summary table kept current on
/// every insert (fast cold start, see the performance notes).
struct ConversationSummary
{
    QString conversation;
    qint64 lastRowId = 0;
    QDateTime lastActivity;
    QString lastBody;   ///< preview; the UI shows it only where policy allows
    Direction lastDirection = Direction::Incoming;
    int unread = 0;
    bool operator==(const ConversationSummary &) const = default;
};

/// What an insert did with each message: stored, or recognised as already there.
struct InsertOutcome
{
    qint64 rowId = 0;   ///< the new row, or the existing one for a duplicate
    bool duplicate = false;
};

} // namespace Store
