// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Core {

/// One record of the local audit log (docs/audit.md). An entry says who did what
/// to which objects, by id only: object ids are message ids, conversation JIDs and
/// device ids, NEVER message text, display names, phone numbers or file names.
///
/// `hash` is the lowercase hex SHA-256 of canonicalBytes(), which covers every
/// other field including `prevHash`, so the entries form a hash chain. Build
/// entries with AuditChain::next(); this struct only defines the format.
struct AuditEntry
{
    /// What was done. The names (actionName) are hashed, so they are part of the
    /// format: append new actions with new names, never rename or reuse one.
    enum class Action {
        Login,
        Logout,
        OpenConversation,
        Send,
        Recall,
        Export,
        TrustChange,
        Wipe,
        PolicyChange,
        Lock,
        Unlock,
        Search,
        // Clinical messaging (docs/protocol.md).
        Acknowledge, ///< an urgent/STAT message was acknowledged (by us, or of ours)
        Escalate,    ///< an unacknowledged message went to the next target of its chain
        ResolveRole, ///< a role address resolved to the account on call
        Expire,      ///< messages past their lifespan were deleted
        // Front desk reminders (docs/frontdesk.md); objects are batch, reminder
        // and consent row ids, never patient addresses (they may be phone numbers).
        ReminderBatch,
        ReminderSend,
        ReminderOverride,
        ConsentChange,
        Forward, ///< a message was forwarded (original id, copy id, target)
    };

    quint64 seq = 0; ///< 1-based position in the chain, consecutive
    QDateTime time;  ///< UTC, millisecond precision
    QString account; ///< bare JID of the acting account, as Jid::bareString()
    Action action = Action::Login;
    QStringList objectIds; ///< ids only, never content (see above)
    QByteArray prevHash;   ///< `hash` of the previous entry; zeroHash() for seq 1
    QByteArray hash;       ///< lowercase hex SHA-256 of canonicalBytes()

    /// Largest seq: every value up to 2^53 - 1 is exact in a JSON number.
    static constexpr quint64 kMaxSeq = (quint64(1) << 53) - 1;
    /// Limits that keep an entry (and so one exported line) small.
    static constexpr qsizetype kMaxObjectIds = 256;
    static constexpr qsizetype kMaxFieldBytes = 3071; ///< longest JID, RFC 7622

    /// "login", "open-conversation", ... as written in the log.
    static QString actionName(Action action);
    static std::optional<Action> actionFromName(QStringView name);

    /// 64 '0' characters: the prevHash of the first entry of a chain.
    static QByteArray zeroHash();
    static bool isHexHash(QByteArrayView text);

    /// "2024-01-31T23:59:59.123Z": always 24 characters, UTC, milliseconds.
    static QString timeText(const QDateTime &time);
    /// Accepts exactly the form timeText() writes; anything else is invalid.
    static QDateTime timeFromText(QStringView text);

    /// Checks every field except `hash` against the format (bare JID, years
    /// 1..9999, id limits, no control characters, well-formed UTF-16, ...).
    /// Error::Code::Storage; the detail names the field, never its value.
    Result<void> validate() const;

    /// The exact bytes that are hashed (netstrings, docs/audit.md).
    QByteArray canonicalBytes() const;
    /// Lowercase hex SHA-256 of canonicalBytes().
    QByteArray computeHash() const;

    bool operator==(const AuditEntry &) const = default;
};

} // namespace Core
