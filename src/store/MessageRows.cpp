// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageRows.h"

namespace Store::MessageRows {

namespace {

// First id column of a one-column query, or nullopt when no row.
Core::Result<std::optional<qint64>> firstId(Database::Statement &q)
{
    auto row = q.step();
    if (!row)
        return std::unexpected(row.error());
    std::optional<qint64> id;
    if (*row)
        id = q.int64(0);
    q.reset();
    return id;
}

} // namespace

Core::Result<QList<StoredMessage>> readAll(Database::Statement &q)
{
    return q.collect<StoredMessage>([](Database::Statement &row) {
        StoredMessage m;
        m.rowId = row.int64(0);
        m.conversation = row.text(1);
        m.direction = Direction(row.int64(2));
        m.sender = row.text(3);
        m.messageId = row.text(4);
        m.originId = row.text(5);
        m.stanzaId = row.text(6);
        m.timestamp = QDateTime::fromMSecsSinceEpoch(row.int64(7), Qt::UTC);
        m.body = row.text(8);
        m.state = MessageState(row.int64(9));
        m.protection = Protection(row.int64(10));
        m.e2eVersion = int(row.int64(11));
        m.senderDevice = quint32(row.int64(12));
        m.e2eError = row.text(13);
        m.priority = int(row.int64(14));
        if (!row.isNull(15))
            m.expiresAt = QDateTime::fromMSecsSinceEpoch(row.int64(15), Qt::UTC);
        m.recalled = row.int64(16) != 0;
        m.escalationOf = row.text(17);
        m.escalationStep = int(row.int64(18));
        return m;
    });
}

// INDEXED BY: without statistics SQLite may take (conversation, id) instead,
// and scan a whole conversation per message (most of the insert time at 1M).
Core::Result<std::optional<qint64>> findDuplicate(Database &db, const StoredMessage &m)
{
    if (!m.originId.isEmpty()) {
        auto q = db.prepare("SELECT id FROM messages INDEXED BY messages_origin"
                            " WHERE origin_id = ? AND conversation = ? LIMIT 1");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, m.originId).bind(2, m.conversation);
        auto found = firstId(**q);
        if (!found || *found)
            return found;
    }
    if (!m.stanzaId.isEmpty()) {
        auto q = db.prepare("SELECT id FROM messages WHERE stanza_id = ? LIMIT 1");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, m.stanzaId);
        auto found = firstId(**q);
        if (!found || *found)
            return found;
    }
    if (m.originId.isEmpty() && m.stanzaId.isEmpty() && !m.messageId.isEmpty()) {
        auto q = db.prepare("SELECT id FROM messages INDEXED BY messages_message_id"
                            " WHERE message_id = ? AND conversation = ? AND sender IS ? LIMIT 1");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, m.messageId).bind(2, m.conversation).bind(3, m.sender);
        return firstId(**q);
    }
    return std::optional<qint64>();
}

Core::Result<void> adoptStanzaId(Database &db, qint64 row, const QString &stanzaId)
{
    auto q =
        db.prepare("UPDATE OR FAIL messages SET stanza_id = ? WHERE id = ? AND stanza_id IS NULL");
    if (!q)
        return std::unexpected(q.error());
    (*q)->bind(1, stanzaId).bind(2, row);
    return (*q)->exec();
}

Core::Result<qint64> insert(Database &db, const StoredMessage &m)
{
    InsertBatch batch;
    auto row = batch.insert(db, m);
    if (!row)
        return row;
    if (auto r = batch.finish(db); !r)
        return std::unexpected(r.error());
    return row;
}

Core::Result<qint64> InsertBatch::insert(Database &db, const StoredMessage &m)
{
    auto q =
        db.prepare("INSERT INTO messages (conversation, direction, sender, message_id, origin_id,"
                   " stanza_id, ts, body, state, protection, e2e_version, sender_device, e2e_error,"
                   " priority, expires_at, recalled, escalation_of, escalation_step)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!q)
        return std::unexpected(q.error());
    const qint64 ts = m.timestamp.isValid() ? m.timestamp.toMSecsSinceEpoch()
                                            : QDateTime::currentMSecsSinceEpoch();
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QString() : s; };
    (*q)->bind(1, m.conversation)
        .bind(2, qint64(m.direction))
        .bind(3, orNull(m.sender))
        .bind(4, orNull(m.messageId))
        .bind(5, orNull(m.originId))
        .bind(6, orNull(m.stanzaId))
        .bind(7, ts)
        .bind(8, m.body)
        .bind(9, qint64(m.state))
        .bind(10, qint64(m.protection))
        .bind(11, qint64(m.e2eVersion))
        .bind(12, qint64(m.senderDevice))
        .bind(13, orNull(m.e2eError))
        .bind(14, qint64(m.priority))
        .bind(16, qint64(m.recalled ? 1 : 0))
        .bind(17, orNull(m.escalationOf))
        .bind(18, qint64(m.escalationStep));
    if (m.expiresAt.isValid())
        (*q)->bind(15, m.expiresAt.toMSecsSinceEpoch());
    else
        (*q)->bindNull(15);
    if (auto r = (*q)->exec(); !r)
        return std::unexpected(r.error());
    const qint64 row = db.lastInsertRowId();

    if (!m.body.isEmpty())
        m_bodies.append({row, m.body});
    // The latest by timestamp becomes the summary's last message; of equal
    // timestamps the later insert, as one UPDATE per message did before.
    Summary &summary = m_summaries[m.conversation];
    summary.unread += m.direction == Direction::Incoming && m.state == MessageState::Received;
    if (summary.lastRow == 0 || ts >= summary.lastTs) {
        summary.lastRow = row;
        summary.lastTs = ts;
        summary.lastBody = m.body;
        summary.lastDirection = m.direction;
    }
    return row;
}

Core::Result<void> InsertBatch::finish(Database &db)
{
    if (auto r = indexBodies(db, m_bodies); !r)
        return r;
    m_bodies.clear();
    // SQLite 3.15 has no UPSERT: update, and insert when there was no row.
    // OR FAIL, here and on the store's other one-row UPDATEs: for one row the
    // same outcome as the default ABORT (the error rolls our transaction
    // back), but SQLite keeps no statement journal for it. With ABORT every
    // page the UPDATE touches is first copied to that journal, and SQLCipher
    // encrypts each copy: four of five page encryptions of an insert batch
    // went there (docs/performance.md).
    for (auto it = m_summaries.cbegin(); it != m_summaries.cend(); ++it) {
        const Summary &s = it.value();
        auto update =
            db.prepare("UPDATE OR FAIL conversations SET unread = unread + ?1,"
                       " last_id = CASE WHEN ?2 >= last_ts THEN ?3 ELSE last_id END,"
                       " last_body = CASE WHEN ?2 >= last_ts THEN ?4 ELSE last_body END,"
                       " last_direction = CASE WHEN ?2 >= last_ts THEN ?5 ELSE last_direction END,"
                       " last_ts = MAX(last_ts, ?2) WHERE conversation = ?6");
        if (!update)
            return std::unexpected(update.error());
        (*update)
            ->bind(1, s.unread)
            .bind(2, s.lastTs)
            .bind(3, s.lastRow)
            .bind(4, s.lastBody)
            .bind(5, qint64(s.lastDirection))
            .bind(6, it.key());
        if (auto r = (*update)->exec(); !r)
            return r;
        if (db.changes() != 0)
            continue;
        auto add =
            db.prepare("INSERT INTO conversations (conversation, last_id, last_ts, last_body,"
                       " last_direction, unread) VALUES (?, ?, ?, ?, ?, ?)");
        if (!add)
            return std::unexpected(add.error());
        (*add)
            ->bind(1, it.key())
            .bind(2, s.lastRow)
            .bind(3, s.lastTs)
            .bind(4, s.lastBody)
            .bind(5, qint64(s.lastDirection))
            .bind(6, s.unread);
        if (auto r = (*add)->exec(); !r)
            return r;
    }
    m_summaries.clear();
    return {};
}

Core::Result<void> ensureOutbox(Database &db, qint64 row)
{
    auto q = db.prepare("INSERT OR IGNORE INTO outbox (message, created) VALUES (?, ?)");
    if (!q)
        return std::unexpected(q.error());
    (*q)->bind(1, row).bind(2, QDateTime::currentMSecsSinceEpoch());
    return (*q)->exec();
}

Core::Result<void> dropOutbox(Database &db, qint64 row)
{
    auto q = db.prepare("DELETE FROM outbox WHERE message = ?");
    if (!q)
        return std::unexpected(q.error());
    (*q)->bind(1, row);
    return (*q)->exec();
}

} // namespace Store::MessageRows
