// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/extensions/OmemoElements.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

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

/// How a message was protected on the way. Everything but Plain came end-to-end
/// encrypted (OMEMO); the UI marks the others.
enum class Protection : int {
    Plain = 0,           ///< no end-to-end encryption
    Encrypted = 1,       ///< OMEMO, sender device trusted (blindly, before verification)
    Verified = 2,        ///< OMEMO, sender device verified
    UntrustedDevice = 3, ///< OMEMO, decrypted, but from a device not (or no longer) trusted
    Undecryptable = 4,   ///< OMEMO, could not be decrypted; body empty
};

/// One message row. `conversation` is the peer's bare JID (or the room's).
struct StoredMessage
{
    qint64 rowId = 0; ///< local id; grows with arrival, so rowid order is time order
    QString conversation;
    Direction direction = Direction::Incoming;
    QString sender;      ///< sender's JID as received (full JID when known)
    QString messageId;   ///< the stanza id (what receipts and markers refer to)
    QString originId;    ///< XEP-0359 origin-id, de-duplication key
    QString stanzaId;    ///< XEP-0359 stanza-id assigned by our archive, MAM paging key
    QDateTime timestamp; ///< UTC; the delay stamp when the server held the message
    QString body;
    MessageState state = MessageState::Received;
    Protection protection = Protection::Plain;
    int e2eVersion = 0;       ///< OMEMO wire version (3 legacy, 4 OMEMO 2), 0 for none
    quint32 senderDevice = 0; ///< OMEMO device of the sender, 0 when unknown
    QString e2eError;         ///< why it could not be decrypted (stable detail, no content)
    // Clinical messaging (docs/protocol.md).
    int priority = 0;      ///< 0 routine, 1 urgent, 2 STAT (Clinical::Priority)
    QDateTime expiresAt;   ///< per-message expiry, UTC; invalid when none
    bool recalled = false; ///< the sender recalled it (XEP-0424); the body is gone
    QString escalationOf;  ///< origin-id of the message this one escalates
    int escalationStep = 0;
    /// Transient, never stored: the received <encrypted/> element, decrypted by
    /// the store's decryptor in the transaction that stores the message.
    std::optional<Xmpp::Omemo::Encrypted> encrypted;
    bool operator==(const StoredMessage &) const = default;
};

/// A row of the conversation list, read from a summary table kept current on
/// every insert (fast cold start, see the performance notes).
struct ConversationSummary
{
    QString conversation;
    qint64 lastRowId = 0;
    QDateTime lastActivity;
    QString lastBody; ///< preview; the UI shows it only where policy allows
    Direction lastDirection = Direction::Incoming;
    int unread = 0;
    bool operator==(const ConversationSummary &) const = default;
};

/// What an insert did with each message: stored, or recognised as already there.
struct InsertOutcome
{
    qint64 rowId = 0; ///< the new row, or the existing one for a duplicate
    bool duplicate = false;
    bool skipped = false;  ///< nothing to store (an OMEMO key transport); rowId 0
    StoredMessage message; ///< the row as stored (decrypted), when neither of the above
};

} // namespace Store
