// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ClinicalStore.h"

#include "store/Database.h"
#include "store/MessageRows.h"

#include <QSet>

#include <algorithm>
#include <limits>

namespace Store {

namespace {

Core::Result<std::optional<StoredMessage>> firstMessage(Database::Statement &q)
{
    auto rows = MessageRows::readAll(q);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<StoredMessage>();
    return std::optional<StoredMessage>(rows->first());
}

/// The conversation list must not keep a preview of text that is gone: point
/// each summary at its newest remaining message, or drop it when none is left.
Core::Result<void> refreshSummaries(Database &db, const QSet<QString> &conversations)
{
    for (const QString &conversation : conversations) {
        auto newest = db.prepare("SELECT id, ts, body, direction FROM messages"
                                 " WHERE conversation = ? ORDER BY id DESC LIMIT 1");
        if (!newest)
            return std::unexpected(newest.error());
        (*newest)->bind(1, conversation);
        auto row = (*newest)->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row) {
            (*newest)->reset();
            auto drop = db.prepare("DELETE FROM conversations WHERE conversation = ?");
            if (!drop)
                return std::unexpected(drop.error());
            (*drop)->bind(1, conversation);
            if (auto done = (*drop)->exec(); !done)
                return done;
            continue;
        }
        const qint64 id = (*newest)->int64(0);
        const qint64 ts = (*newest)->int64(1);
        const QString body = (*newest)->text(2);
        const qint64 direction = (*newest)->int64(3);
        (*newest)->reset();
        auto update = db.prepare("UPDATE conversations SET last_id = ?, last_ts = ?, last_body = ?,"
                                 " last_direction = ? WHERE conversation = ?");
        if (!update)
            return std::unexpected(update.error());
        (*update)->bind(1, id).bind(2, ts).bind(3, body).bind(4, direction).bind(5, conversation);
        if (auto done = (*update)->exec(); !done)
            return done;
    }
    return {};
}

Core::Result<void> execIn(Database &db, const char *sql, qint64 value)
{
    auto q = db.prepare(sql);
    if (!q)
        return std::unexpected(q.error());
    (*q)->bind(1, value);
    return (*q)->exec();
}

} // namespace

ClinicalStore::ClinicalStore(std::shared_ptr<StoreWorker> worker)
    : m_worker(std::move(worker))
{
}

QFuture<Core::Result<std::optional<StoredMessage>>>
ClinicalStore::findByOriginId(QString conversation, QString originId)
{
    return m_worker->run(
        [conversation, originId](Database &db) -> Core::Result<std::optional<StoredMessage>> {
            auto q = db.prepare(ROUNDS_MESSAGE_SELECT
                                " FROM messages WHERE conversation = ?1 AND"
                                " (origin_id = ?2 OR message_id = ?2) ORDER BY id LIMIT 1");
            if (!q)
                return std::unexpected(q.error());
            (*q)->bind(1, conversation).bind(2, originId);
            return firstMessage(**q);
        });
}

QFuture<Core::Result<std::optional<StoredMessage>>>
ClinicalStore::findAnyByOriginId(QString originId)
{
    return m_worker->run([originId](Database &db) -> Core::Result<std::optional<StoredMessage>> {
        auto q = db.prepare(ROUNDS_MESSAGE_SELECT " FROM messages WHERE origin_id = ?1"
                                                  " OR message_id = ?1 ORDER BY id LIMIT 1");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, originId);
        return firstMessage(**q);
    });
}

QFuture<Core::Result<AckOutcome>> ClinicalStore::recordAck(qint64 row, QString jid, QDateTime at)
{
    return m_worker->run([row, jid, at](Database &db) -> Core::Result<AckOutcome> {
        return db.withTransaction([&]() -> Core::Result<AckOutcome> {
            AckOutcome outcome;
            auto insert = db.prepare(
                "INSERT OR IGNORE INTO acknowledgements (message, jid, ts) VALUES (?, ?, ?)");
            if (!insert)
                return std::unexpected(insert.error());
            (*insert)->bind(1, row).bind(2, jid).bind(3, at.toMSecsSinceEpoch());
            if (auto done = (*insert)->exec(); !done)
                return std::unexpected(done.error());
            outcome.fresh = db.changes() > 0;
            // The ack stops the chain of this message, or of the one it escalates.
            auto original = db.prepare(
                "SELECT COALESCE((SELECT o.id FROM messages e JOIN messages o ON"
                " o.origin_id = e.escalation_of AND o.direction = 1 WHERE e.id = ?1), ?1)");
            if (!original)
                return std::unexpected(original.error());
            (*original)->bind(1, row);
            auto found = (*original)->step();
            if (!found)
                return std::unexpected(found.error());
            const qint64 origin = *found ? (*original)->int64(0) : row;
            (*original)->reset();
            auto stop =
                db.prepare("UPDATE escalations SET state = 1 WHERE message = ? AND state = 0");
            if (!stop)
                return std::unexpected(stop.error());
            (*stop)->bind(1, origin);
            if (auto done = (*stop)->exec(); !done)
                return std::unexpected(done.error());
            if (db.changes() > 0)
                outcome.original = origin;
            return outcome;
        });
    });
}

QFuture<Core::Result<QList<Acknowledgement>>> ClinicalStore::acknowledgements(qint64 row)
{
    return m_worker->run([row](Database &db) -> Core::Result<QList<Acknowledgement>> {
        auto q = db.prepare("SELECT jid, ts FROM acknowledgements WHERE message = ? ORDER BY ts");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, row);
        QList<Acknowledgement> out;
        while (true) {
            auto more = (*q)->step();
            if (!more)
                return std::unexpected(more.error());
            if (!*more)
                break;
            out.append({(*q)->text(0), QDateTime::fromMSecsSinceEpoch((*q)->int64(1), Qt::UTC)});
        }
        (*q)->reset();
        return out;
    });
}

QFuture<Core::Result<void>> ClinicalStore::scheduleEscalation(qint64 row, QString role,
                                                              int nextStep, QDateTime due)
{
    return m_worker->run([row, role, nextStep, due](Database &db) -> Core::Result<void> {
        auto q = db.prepare("INSERT OR REPLACE INTO escalations (message, role, next_step, due,"
                            " state) VALUES (?, ?, ?, ?, 0)");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, row).bind(2, role).bind(3, qint64(nextStep)).bind(4, due.toMSecsSinceEpoch());
        return (*q)->exec();
    });
}

QFuture<Core::Result<QList<std::pair<QString, QDateTime>>>>
ClinicalStore::unacknowledged(QString self, QDateTime now)
{
    using Out = QList<std::pair<QString, QDateTime>>;
    return m_worker->run([self, now](Database &db) -> Core::Result<Out> {
        auto q = db.prepare(
            "SELECT m.message_id, m.ts FROM messages m INDEXED BY messages_needs_ack"
            " WHERE m.priority > 0 AND m.direction = 0 AND m.recalled = 0"
            " AND m.message_id IS NOT NULL AND (m.expires_at IS NULL OR m.expires_at > ?2)"
            " AND NOT EXISTS (SELECT 1 FROM acknowledgements a WHERE a.message = m.id"
            " AND a.jid = ?1) ORDER BY m.id");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, self).bind(2, now.toMSecsSinceEpoch());
        return (*q)->collect<std::pair<QString, QDateTime>>([](Database::Statement &r) {
            return std::pair{r.text(0), QDateTime::fromMSecsSinceEpoch(r.int64(1), Qt::UTC)};
        });
    });
}

QFuture<Core::Result<QList<PendingEscalation>>> ClinicalStore::pendingEscalations()
{
    return m_worker->run([](Database &db) -> Core::Result<QList<PendingEscalation>> {
        auto q = db.prepare("SELECT e.message, COALESCE(m.origin_id, m.message_id), m.conversation,"
                            " e.role, e.next_step, e.due FROM escalations e JOIN messages m ON"
                            " m.id = e.message WHERE e.state = 0 ORDER BY e.due");
        if (!q)
            return std::unexpected(q.error());
        QList<PendingEscalation> out;
        while (true) {
            auto more = (*q)->step();
            if (!more)
                return std::unexpected(more.error());
            if (!*more)
                break;
            PendingEscalation p;
            p.message = (*q)->int64(0);
            p.originId = (*q)->text(1);
            p.conversation = (*q)->text(2);
            p.role = (*q)->text(3);
            p.nextStep = int((*q)->int64(4));
            p.due = QDateTime::fromMSecsSinceEpoch((*q)->int64(5), Qt::UTC);
            out.append(std::move(p));
        }
        (*q)->reset();
        return out;
    });
}

QFuture<Core::Result<void>> ClinicalStore::finishEscalation(qint64 row)
{
    return m_worker->run([row](Database &db) {
        return execIn(db, "UPDATE escalations SET state = 2 WHERE message = ? AND state = 0", row);
    });
}

QFuture<Core::Result<QList<StoredMessage>>> ClinicalStore::escalatedCopies(QString originId)
{
    return m_worker->run([originId](Database &db) -> Core::Result<QList<StoredMessage>> {
        auto q = db.prepare(ROUNDS_MESSAGE_SELECT " FROM messages WHERE escalation_of = ?1"
                                                  " AND direction = 1 ORDER BY id");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, originId);
        return MessageRows::readAll(**q);
    });
}

QFuture<Core::Result<void>> ClinicalStore::recordForward(qint64 row, ForwardSource source)
{
    return m_worker->run([row, source](Database &db) -> Core::Result<void> {
        auto q = db.prepare("INSERT OR REPLACE INTO forwards (message, source_conversation,"
                            " source_id) VALUES (?, ?, ?)");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, row).bind(2, source.conversation).bind(3, source.id);
        return (*q)->exec();
    });
}

QFuture<Core::Result<std::optional<ForwardSource>>> ClinicalStore::forwardOf(qint64 row)
{
    return m_worker->run([row](Database &db) -> Core::Result<std::optional<ForwardSource>> {
        auto q =
            db.prepare("SELECT source_conversation, source_id FROM forwards WHERE message = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, row);
        auto rows = (*q)->collect<ForwardSource>([](Database::Statement &r) {
            return ForwardSource{r.text(0), r.text(1)};
        });
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->isEmpty())
            return std::optional<ForwardSource>();
        return std::optional<ForwardSource>(rows->first());
    });
}

QFuture<Core::Result<QHash<qint64, ForwardSource>>>
ClinicalStore::forwardSources(QList<qint64> rows)
{
    using Out = QHash<qint64, ForwardSource>;
    if (rows.isEmpty())
        return QtFuture::makeReadyFuture(Core::Result<Out>(Out()));
    return m_worker->run([rows = std::move(rows)](Database &db) -> Core::Result<Out> {
        // One statement over the rows' id range (a page is a run of nearby
        // ids); forwards are few, so the rows asked for are picked out here.
        const auto [low, high] = std::minmax_element(rows.cbegin(), rows.cend());
        auto q = db.prepare("SELECT message, source_conversation, source_id FROM forwards"
                            " WHERE message BETWEEN ? AND ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, *low).bind(2, *high);
        const QSet<qint64> wanted(rows.cbegin(), rows.cend());
        auto found = (*q)->collect<std::pair<qint64, ForwardSource>>([](Database::Statement &r) {
            return std::pair{r.int64(0), ForwardSource{r.text(1), r.text(2)}};
        });
        if (!found)
            return std::unexpected(found.error());
        Out out;
        for (const auto &[row, source] : std::as_const(*found))
            if (wanted.contains(row))
                out.insert(row, source);
        return out;
    });
}

QFuture<Core::Result<QList<std::pair<QString, ForwardSource>>>> ClinicalStore::pendingForwards()
{
    using Row = std::pair<QString, ForwardSource>;
    return m_worker->run([](Database &db) -> Core::Result<QList<Row>> {
        // CROSS JOIN keeps the few forwards as the outer loop: with a plain
        // JOIN SQLite scanned every message at start-up (and filled the page
        // cache with them) to find the handful that are forwards.
        auto q = db.prepare("SELECT m.message_id, f.source_conversation, f.source_id"
                            " FROM forwards f CROSS JOIN messages m ON m.id = f.message"
                            " WHERE m.direction = 1 AND m.state IN (0, 4)");
        if (!q)
            return std::unexpected(q.error());
        return (*q)->collect<Row>([](Database::Statement &r) {
            return Row{r.text(0), ForwardSource{r.text(1), r.text(2)}};
        });
    });
}

QFuture<Core::Result<void>> ClinicalStore::recall(qint64 row)
{
    return m_worker->run([row](Database &db) -> Core::Result<void> {
        return db.withTransaction([&]() -> Core::Result<void> {
            auto conversation = db.prepare("SELECT conversation FROM messages WHERE id = ?");
            if (!conversation)
                return std::unexpected(conversation.error());
            (*conversation)->bind(1, row);
            auto found = (*conversation)->step();
            if (!found)
                return std::unexpected(found.error());
            const QString name = *found ? (*conversation)->text(0) : QString();
            (*conversation)->reset();
            if (name.isEmpty())
                return std::unexpected(
                    Core::Error{Core::Error::Code::Storage, QStringLiteral("no-such-message")});
            if (auto done = MessageRows::unindex(db, {row}); !done)
                return std::unexpected(done.error());
            if (auto done =
                    execIn(db, "UPDATE messages SET body = NULL, recalled = 1 WHERE id = ?", row);
                !done)
                return std::unexpected(done.error());
            if (auto done = execIn(db, "UPDATE escalations SET state = 2 WHERE message = ?", row);
                !done)
                return std::unexpected(done.error());
            if (auto done = refreshSummaries(db, {name}); !done)
                return std::unexpected(done.error());
            return {};
        });
    });
}

QFuture<Core::Result<int>> ClinicalStore::purge(QDateTime now, int retentionDays)
{
    return m_worker->run([now, retentionDays](Database &db) -> Core::Result<int> {
        const qint64 nowMs = now.toMSecsSinceEpoch();
        // Without retention nothing is old enough: a cutoff before every row.
        const qint64 cutoff = retentionDays > 0 ? now.addDays(-retentionDays).toMSecsSinceEpoch()
                                                : std::numeric_limits<qint64>::min();
        return db.withTransaction([&]() -> Core::Result<int> {
            // One indexed selection per branch (an OR, or DISTINCT over it, reads the
            // whole table at start-up on a big cache).
            auto expired = db.prepare(
                "SELECT id, conversation FROM messages WHERE expires_at IS NOT NULL AND "
                "expires_at <= ?1 UNION SELECT id, conversation FROM messages WHERE ts < ?2");
            if (!expired)
                return std::unexpected(expired.error());
            (*expired)->bind(1, nowMs).bind(2, cutoff);
            QSet<QString> conversations;
            auto ids = (*expired)->collect<qint64>([&conversations](Database::Statement &r) {
                conversations.insert(r.text(1));
                return r.int64(0);
            });
            if (!ids)
                return std::unexpected(ids.error());
            if (ids->isEmpty())
                return 0;
            if (auto done = MessageRows::unindex(db, *ids); !done)
                return std::unexpected(done.error());
            for (const qint64 id : std::as_const(*ids))
                if (auto done = execIn(db, "DELETE FROM messages WHERE id = ?", id); !done)
                    return std::unexpected(done.error());
            const int deleted = int(ids->size());
            // Read markers of deleted room messages (forwards go with their row).
            auto reads = db.prepare(
                "DELETE FROM room_reads WHERE NOT EXISTS (SELECT 1 FROM messages m"
                " WHERE m.conversation = room_reads.room AND"
                " (m.origin_id = room_reads.message_id OR m.message_id = room_reads.message_id))");
            if (!reads)
                return std::unexpected(reads.error());
            if (auto done = (*reads)->exec(); !done)
                return std::unexpected(done.error());
            if (auto done = refreshSummaries(db, conversations); !done)
                return std::unexpected(done.error());
            return deleted;
        });
    });
}

} // namespace Store
