// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/RoomStore.h"

#include "store/Database.h"

namespace Store {

namespace {

Core::Result<QList<RoomRecord>> readRooms(Database::Statement &q)
{
    return q.collect<RoomRecord>([](Database::Statement &row) {
        RoomRecord r;
        r.jid = row.text(0);
        r.nick = row.text(1);
        r.name = row.text(2);
        r.joined = row.int64(3) != 0;
        r.affiliation = row.text(4);
        const qint64 at = row.int64(5);
        if (at > 0)
            r.joinedAt = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
        return r;
    });
}

#define ROUNDS_ROOM_SELECT "SELECT jid, nick, name, joined, affiliation, joined_at FROM rooms"

} // namespace

RoomStore::RoomStore(std::shared_ptr<StoreWorker> worker)
    : m_worker(std::move(worker))
{
}

QFuture<Core::Result<QList<RoomRecord>>> RoomStore::rooms()
{
    return m_worker->run([](Database &db) -> Core::Result<QList<RoomRecord>> {
        auto q = db.prepare(ROUNDS_ROOM_SELECT " ORDER BY jid");
        if (!q)
            return std::unexpected(q.error());
        return readRooms(**q);
    });
}

QFuture<Core::Result<std::optional<RoomRecord>>> RoomStore::room(const QString &jid)
{
    return m_worker->run([jid](Database &db) -> Core::Result<std::optional<RoomRecord>> {
        auto q = db.prepare(ROUNDS_ROOM_SELECT " WHERE jid = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, jid);
        auto rows = readRooms(**q);
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->isEmpty())
            return std::optional<RoomRecord>();
        return std::optional<RoomRecord>(rows->first());
    });
}

QFuture<Core::Result<void>> RoomStore::saveRoom(const RoomRecord &room)
{
    return m_worker->run([room](Database &db) -> Core::Result<void> {
        const qint64 at = room.joinedAt.isValid() ? room.joinedAt.toMSecsSinceEpoch()
                                                  : QDateTime::currentMSecsSinceEpoch();
        // SQLite 3.15 has no UPSERT; COALESCE keeps the first join time.
        auto q = db.prepare(
            "INSERT OR REPLACE INTO rooms (jid, nick, name, joined, affiliation, joined_at)"
            " VALUES (?1, ?2, ?3, ?4, ?5,"
            " COALESCE((SELECT joined_at FROM rooms WHERE jid = ?1), ?6))");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, room.jid)
            .bind(2, room.nick)
            .bind(3, room.name)
            .bind(4, qint64(room.joined ? 1 : 0))
            .bind(5, room.affiliation.isEmpty() ? QStringLiteral("none") : room.affiliation)
            .bind(6, at);
        return (*q)->exec();
    });
}

QFuture<Core::Result<void>> RoomStore::setJoined(const QString &jid, bool joined)
{
    return m_worker->run([jid, joined](Database &db) -> Core::Result<void> {
        auto q = db.prepare("UPDATE rooms SET joined = ? WHERE jid = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, qint64(joined ? 1 : 0)).bind(2, jid);
        return (*q)->exec();
    });
}

QFuture<Core::Result<QDateTime>> RoomStore::lastActivity(const QString &jid)
{
    return m_worker->run([jid](Database &db) -> Core::Result<QDateTime> {
        auto q = db.prepare("SELECT last_ts FROM conversations WHERE conversation = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, jid);
        auto row = (*q)->step();
        if (!row)
            return std::unexpected(row.error());
        QDateTime at;
        if (*row)
            at = QDateTime::fromMSecsSinceEpoch((*q)->int64(0), Qt::UTC);
        (*q)->reset();
        return at;
    });
}

QFuture<Core::Result<bool>> RoomStore::recordRead(const QString &room, const QString &messageId,
                                                  const QString &member, const QDateTime &at)
{
    return m_worker->run([room, messageId, member, at](Database &db) -> Core::Result<bool> {
        auto q = db.prepare("INSERT OR IGNORE INTO room_reads (room, message_id, member, ts)"
                            " VALUES (?, ?, ?, ?)");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, room).bind(2, messageId).bind(3, member).bind(4, at.toMSecsSinceEpoch());
        if (auto done = (*q)->exec(); !done)
            return std::unexpected(done.error());
        return db.changes() > 0;
    });
}

QFuture<Core::Result<QList<RoomRead>>> RoomStore::reads(const QString &room,
                                                        const QString &messageId)
{
    return m_worker->run([room, messageId](Database &db) -> Core::Result<QList<RoomRead>> {
        auto q = db.prepare("SELECT member, ts FROM room_reads WHERE room = ? AND message_id = ?"
                            " ORDER BY ts, member");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, room).bind(2, messageId);
        return (*q)->collect<RoomRead>([](Database::Statement &r) {
            return RoomRead{r.text(0), QDateTime::fromMSecsSinceEpoch(r.int64(1), Qt::UTC)};
        });
    });
}

} // namespace Store
