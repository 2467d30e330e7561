// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreWorker.h"

#include "core/Error.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Store {

/// A care-team room this account is in (the `rooms` table).
struct RoomRecord
{
    QString jid;        ///< the room's bare JID (also the conversation key of its messages)
    QString nick;       ///< our nick in it
    QString name;       ///< its natural name, when known
    bool joined = true; ///< entered again on each new session while true
    QString affiliation = QStringLiteral("none"); ///< ours: owner, admin, member, none
    QDateTime joinedAt; ///< first join; the start of history we may ask for
    bool operator==(const RoomRecord &) const = default;
};

/// A member's XEP-0333 displayed marker for a room message (migration 0010).
struct RoomRead
{
    QString member; ///< the member's real bare JID
    QDateTime at;   ///< when we learnt it
    bool operator==(const RoomRead &) const = default;
};

/// The rooms of one account, in its encrypted database. Runs on the store thread.
class RoomStore
{
public:
    explicit RoomStore(std::shared_ptr<StoreWorker> worker);

    /// All rooms, joined or not, by JID.
    QFuture<Core::Result<QList<RoomRecord>>> rooms();
    QFuture<Core::Result<std::optional<RoomRecord>>> room(const QString &jid);
    /// Inserts or replaces; an existing row keeps its first joinedAt.
    QFuture<Core::Result<void>> saveRoom(const RoomRecord &room);
    QFuture<Core::Result<void>> setJoined(const QString &jid, bool joined);
    /// Timestamp of the newest message stored in the room (invalid when none):
    /// the discussion history to ask for when entering it again.
    QFuture<Core::Result<QDateTime>> lastActivity(const QString &jid);

    /// Records that `member` displayed message `messageId` (origin-id) of
    /// `room`; the first time counts. Returns whether it was new.
    QFuture<Core::Result<bool>> recordRead(const QString &room, const QString &messageId,
                                           const QString &member, const QDateTime &at);
    /// Who displayed a message of the room, and when, earliest first.
    QFuture<Core::Result<QList<RoomRead>>> reads(const QString &room, const QString &messageId);

private:
    std::shared_ptr<StoreWorker> m_worker;
};

} // namespace Store
