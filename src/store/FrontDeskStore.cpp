// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/FrontDeskStore.h"

#include "store/Database.h"
#include "store/MessageRows.h"

namespace Store {

namespace {

using Core::Result;

qint64 ms(const QDateTime &at)
{
    return at.isValid() ? at.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromMs(const Database::Statement &q, int column)
{
    if (q.isNull(column))
        return {};
    return QDateTime::fromMSecsSinceEpoch(q.int64(column), Qt::UTC);
}

#define ROUNDS_REMINDER_SELECT                                                                     \
    "SELECT id, batch, line, patient, body, due, state, message_id, updated_at, reason"            \
    " FROM frontdesk_reminders"

Result<QList<ReminderRecord>> readReminders(Database::Statement &q)
{
    return q.collect<ReminderRecord>([](Database::Statement &row) {
        ReminderRecord r;
        r.id = row.int64(0);
        r.batch = row.text(1);
        r.line = int(row.int64(2));
        r.patient = row.text(3);
        r.body = row.text(4);
        r.due = fromMs(row, 5);
        r.state = ReminderState(row.int64(6));
        r.messageId = row.text(7);
        r.updatedAt = fromMs(row, 8);
        r.reason = row.text(9);
        return r;
    });
}

Result<std::optional<ReminderRecord>> firstReminder(Result<QList<ReminderRecord>> rows)
{
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<ReminderRecord>();
    return std::optional<ReminderRecord>(rows->first());
}

#define ROUNDS_CONSENT_SELECT                                                                      \
    "SELECT id, patient, channel, consented_at, recorded_by, withdrawn_at, withdrawn_by"           \
    " FROM frontdesk_consent"

Result<QList<ConsentRecord>> readConsents(Database::Statement &q)
{
    return q.collect<ConsentRecord>([](Database::Statement &row) {
        ConsentRecord c;
        c.id = row.int64(0);
        c.patient = row.text(1);
        c.channel = row.text(2);
        c.consentedAt = fromMs(row, 3);
        c.recordedBy = row.text(4);
        c.withdrawnAt = fromMs(row, 5);
        c.withdrawnBy = row.text(6);
        return c;
    });
}

} // namespace

FrontDeskStore::FrontDeskStore(std::shared_ptr<StoreWorker> worker)
    : m_worker(std::move(worker))
{
}

QFuture<Result<qint64>> FrontDeskStore::grantConsent(QString patient, QString channel, QDateTime at,
                                                     QString recordedBy)
{
    return m_worker->run([=](Database &db) -> Result<qint64> {
        return db.withTransaction([&]() -> Result<qint64> {
            auto q = db.prepare("SELECT id FROM frontdesk_consent WHERE patient = ? AND "
                                "channel = ? AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1");
            if (!q)
                return std::unexpected(q.error());
            (*q)->bind(1, patient).bind(2, channel);
            auto row = (*q)->step();
            if (!row)
                return std::unexpected(row.error());
            if (*row) {
                const qint64 id = (*q)->int64(0);
                (*q)->reset();
                return id;
            }
            (*q)->reset();
            auto insert = db.prepare("INSERT INTO frontdesk_consent (patient, channel, "
                                     "consented_at, recorded_by) VALUES (?, ?, ?, ?)");
            if (!insert)
                return std::unexpected(insert.error());
            (*insert)->bind(1, patient).bind(2, channel).bind(3, ms(at)).bind(4, recordedBy);
            if (auto done = (*insert)->exec(); !done)
                return std::unexpected(done.error());
            return db.lastInsertRowId();
        });
    });
}

QFuture<Result<QList<qint64>>> FrontDeskStore::withdrawConsent(QString patient, QString channel,
                                                               QDateTime at, QString withdrawnBy)
{
    return m_worker->run([=](Database &db) -> Result<QList<qint64>> {
        return db.withTransaction([&]() -> Result<QList<qint64>> {
            auto q = db.prepare("SELECT id FROM frontdesk_consent WHERE patient = ?1 AND "
                                "(?2 = '' OR channel = ?2) AND withdrawn_at IS NULL");
            if (!q)
                return std::unexpected(q.error());
            (*q)->bind(1, patient).bind(2, channel.isNull() ? QStringLiteral("") : channel);
            QList<qint64> ids;
            while (true) {
                auto row = (*q)->step();
                if (!row)
                    return std::unexpected(row.error());
                if (!*row)
                    break;
                ids.append((*q)->int64(0));
            }
            (*q)->reset();
            auto update = db.prepare(
                "UPDATE frontdesk_consent SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?");
            if (!update)
                return std::unexpected(update.error());
            for (const qint64 id : std::as_const(ids)) {
                (*update)->bind(1, ms(at)).bind(2, withdrawnBy).bind(3, id);
                if (auto done = (*update)->exec(); !done)
                    return std::unexpected(done.error());
                (*update)->reset();
            }
            return ids;
        });
    });
}

QFuture<Result<std::optional<ConsentRecord>>> FrontDeskStore::consent(QString patient,
                                                                      QString channel)
{
    return m_worker->run([=](Database &db) -> Result<std::optional<ConsentRecord>> {
        auto q = db.prepare(ROUNDS_CONSENT_SELECT
                            " WHERE patient = ? AND channel = ? ORDER BY id DESC LIMIT 1");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, patient).bind(2, channel);
        auto rows = readConsents(**q);
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->isEmpty())
            return std::optional<ConsentRecord>();
        return std::optional<ConsentRecord>(rows->first());
    });
}

QFuture<Result<QList<ConsentRecord>>> FrontDeskStore::consentHistory(QString patient)
{
    return m_worker->run([=](Database &db) -> Result<QList<ConsentRecord>> {
        auto q = db.prepare(ROUNDS_CONSENT_SELECT " WHERE patient = ? ORDER BY id");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, patient);
        return readConsents(**q);
    });
}

QFuture<Result<bool>> FrontDeskStore::addBatch(ReminderBatchRecord batch,
                                               QList<ReminderRecord> reminders)
{
    return m_worker->run([=](Database &db) -> Result<bool> {
        return db.withTransaction([&]() -> Result<bool> {
            auto exists = db.prepare("SELECT 1 FROM frontdesk_batches WHERE id = ?");
            if (!exists)
                return std::unexpected(exists.error());
            (*exists)->bind(1, batch.id);
            auto row = (*exists)->step();
            (*exists)->reset();
            if (!row)
                return std::unexpected(row.error());
            if (*row)
                return false;
            auto insert = db.prepare("INSERT INTO frontdesk_batches (id, submitted_by, "
                                     "received_at, template, overridden) VALUES (?, ?, ?, ?, ?)");
            if (!insert)
                return std::unexpected(insert.error());
            (*insert)
                ->bind(1, batch.id)
                .bind(2, batch.submittedBy)
                .bind(3, ms(batch.receivedAt))
                .bind(4, batch.templateName)
                .bind(5, qint64(batch.overridden ? 1 : 0));
            if (auto done = (*insert)->exec(); !done)
                return std::unexpected(done.error());
            auto add = db.prepare("INSERT INTO frontdesk_reminders (batch, line, patient, body, "
                                  "due, state, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?)");
            if (!add)
                return std::unexpected(add.error());
            for (const ReminderRecord &r : std::as_const(reminders)) {
                (*add)
                    ->bind(1, batch.id)
                    .bind(2, qint64(r.line))
                    .bind(3, r.patient)
                    .bind(4, r.body)
                    .bind(5, ms(r.due))
                    .bind(6, ms(batch.receivedAt));
                if (auto done = (*add)->exec(); !done)
                    return std::unexpected(done.error());
                (*add)->reset();
            }
            return true;
        });
    });
}

QFuture<Result<std::optional<ReminderBatchRecord>>> FrontDeskStore::batch(QString id)
{
    return m_worker->run([=](Database &db) -> Result<std::optional<ReminderBatchRecord>> {
        auto q = db.prepare("SELECT id, submitted_by, received_at, template, overridden FROM "
                            "frontdesk_batches WHERE id = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, id);
        auto row = (*q)->step();
        if (!row)
            return std::unexpected(row.error());
        std::optional<ReminderBatchRecord> out;
        if (*row) {
            out = ReminderBatchRecord{(*q)->text(0), (*q)->text(1), fromMs(**q, 2), (*q)->text(3),
                                      (*q)->int64(4) != 0};
        }
        (*q)->reset();
        return out;
    });
}

QFuture<Result<QList<ReminderRecord>>> FrontDeskStore::reminders(QString batch)
{
    return m_worker->run([=](Database &db) -> Result<QList<ReminderRecord>> {
        auto q = db.prepare(ROUNDS_REMINDER_SELECT " WHERE ?1 = '' OR batch = ?1 ORDER BY id");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, batch.isNull() ? QStringLiteral("") : batch);
        return readReminders(**q);
    });
}

QFuture<Result<std::optional<ReminderRecord>>> FrontDeskStore::reminder(qint64 id)
{
    return m_worker->run([=](Database &db) -> Result<std::optional<ReminderRecord>> {
        auto q = db.prepare(ROUNDS_REMINDER_SELECT " WHERE id = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, id);
        return firstReminder(readReminders(**q));
    });
}

QFuture<Result<QList<ReminderRecord>>> FrontDeskStore::due(QDateTime now, int limit)
{
    return m_worker->run([=](Database &db) -> Result<QList<ReminderRecord>> {
        auto q = db.prepare(ROUNDS_REMINDER_SELECT
                            " WHERE state = 0 AND due <= ? ORDER BY due, id LIMIT ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, ms(now)).bind(2, qint64(limit));
        return readReminders(**q);
    });
}

QFuture<Result<QDateTime>> FrontDeskStore::nextDue()
{
    return m_worker->run([](Database &db) -> Result<QDateTime> {
        auto q = db.prepare("SELECT MIN(due) FROM frontdesk_reminders WHERE state = 0");
        if (!q)
            return std::unexpected(q.error());
        auto row = (*q)->step();
        if (!row)
            return std::unexpected(row.error());
        QDateTime at;
        if (*row)
            at = fromMs(**q, 0);
        (*q)->reset();
        return at;
    });
}

QFuture<Result<bool>> FrontDeskStore::claim(qint64 id, QDateTime at)
{
    return m_worker->run([=](Database &db) -> Result<bool> {
        auto q = db.prepare("UPDATE frontdesk_reminders SET state = 1, claimed_at = ?1, "
                            "updated_at = ?1 WHERE id = ?2 AND state = 0");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, ms(at)).bind(2, id);
        if (auto done = (*q)->exec(); !done)
            return std::unexpected(done.error());
        return db.changes() == 1;
    });
}

QFuture<Result<void>> FrontDeskStore::markSent(qint64 id, QString messageId, QDateTime at)
{
    return m_worker->run([=](Database &db) -> Result<void> {
        auto q = db.prepare("UPDATE frontdesk_reminders SET state = 2, message_id = ?, "
                            "updated_at = ? WHERE id = ? AND state = 1");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, messageId).bind(2, ms(at)).bind(3, id);
        return (*q)->exec();
    });
}

QFuture<Result<void>> FrontDeskStore::setState(qint64 id, ReminderState state, QDateTime at,
                                               QString reason)
{
    return m_worker->run([=](Database &db) -> Result<void> {
        auto q = db.prepare(
            "UPDATE frontdesk_reminders SET state = ?, updated_at = ?, reason = ? WHERE id = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, qint64(state)).bind(2, ms(at)).bind(3, reason).bind(4, id);
        return (*q)->exec();
    });
}

QFuture<Result<int>> FrontDeskStore::recoverClaims(QDateTime at)
{
    return m_worker->run([=](Database &db) -> Result<int> {
        return db.withTransaction([&]() -> Result<int> {
            auto q = db.prepare(
                "SELECT id, patient, body, claimed_at FROM frontdesk_reminders WHERE state = 1");
            if (!q)
                return std::unexpected(q.error());
            struct Claimed
            {
                qint64 id;
                QString patient, body;
                qint64 claimedAt;
            };
            QList<Claimed> claimed;
            while (true) {
                auto row = (*q)->step();
                if (!row)
                    return std::unexpected(row.error());
                if (!*row)
                    break;
                claimed.append({(*q)->int64(0), (*q)->text(1), (*q)->text(2), (*q)->int64(3)});
            }
            (*q)->reset();
            // The outbox commits the message with a timestamp taken after the claim.
            auto find = db.prepare("SELECT message_id FROM messages WHERE conversation = ? AND "
                                   "direction = 1 AND body = ? AND ts >= ? ORDER BY id LIMIT 1");
            auto sent = db.prepare("UPDATE frontdesk_reminders SET state = 2, message_id = ?, "
                                   "updated_at = ? WHERE id = ?");
            auto back =
                db.prepare("UPDATE frontdesk_reminders SET state = 0, updated_at = ? WHERE id = ?");
            if (!find || !sent || !back)
                return std::unexpected(!find ? find.error() : !sent ? sent.error() : back.error());
            for (const Claimed &c : std::as_const(claimed)) {
                (*find)->bind(1, c.patient).bind(2, c.body).bind(3, c.claimedAt - 1000);
                auto row = (*find)->step();
                if (!row)
                    return std::unexpected(row.error());
                const QString messageId = *row ? (*find)->text(0) : QString();
                (*find)->reset();
                auto done = messageId.isEmpty()
                                ? (*back)->bind(1, ms(at)).bind(2, c.id).exec()
                                : (*sent)->bind(1, messageId).bind(2, ms(at)).bind(3, c.id).exec();
                (*back)->reset();
                (*sent)->reset();
                if (!done)
                    return std::unexpected(done.error());
            }
            return int(claimed.size());
        });
    });
}

QFuture<Result<std::optional<ReminderRecord>>> FrontDeskStore::reminderForMessage(QString messageId)
{
    return m_worker->run([=](Database &db) -> Result<std::optional<ReminderRecord>> {
        auto q = db.prepare(ROUNDS_REMINDER_SELECT " WHERE message_id = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, messageId);
        return firstReminder(readReminders(**q));
    });
}

QFuture<Result<std::optional<ReminderRecord>>> FrontDeskStore::latestSentTo(QString patient)
{
    return m_worker->run([=](Database &db) -> Result<std::optional<ReminderRecord>> {
        auto q = db.prepare(ROUNDS_REMINDER_SELECT " WHERE patient = ? AND state >= 2 AND "
                                                   "state != 8 AND message_id IS NOT NULL "
                                                   "ORDER BY id DESC LIMIT 1");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, patient);
        return firstReminder(readReminders(**q));
    });
}

QFuture<Result<QList<qint64>>> FrontDeskStore::optOutScheduled(QString patient, QDateTime at)
{
    return m_worker->run([=](Database &db) -> Result<QList<qint64>> {
        return db.withTransaction([&]() -> Result<QList<qint64>> {
            auto q =
                db.prepare("SELECT id FROM frontdesk_reminders WHERE patient = ? AND state = 0");
            if (!q)
                return std::unexpected(q.error());
            (*q)->bind(1, patient);
            QList<qint64> ids;
            while (true) {
                auto row = (*q)->step();
                if (!row)
                    return std::unexpected(row.error());
                if (!*row)
                    break;
                ids.append((*q)->int64(0));
            }
            (*q)->reset();
            auto update = db.prepare("UPDATE frontdesk_reminders SET state = 7, updated_at = ?, "
                                     "reason = 'opted-out' WHERE patient = ? AND state = 0");
            if (!update)
                return std::unexpected(update.error());
            (*update)->bind(1, ms(at)).bind(2, patient);
            if (auto done = (*update)->exec(); !done)
                return std::unexpected(done.error());
            return ids;
        });
    });
}

QFuture<Result<QList<ConsentRecord>>> FrontDeskStore::consents()
{
    return m_worker->run([](Database &db) -> Result<QList<ConsentRecord>> {
        auto q = db.prepare(ROUNDS_CONSENT_SELECT " WHERE id IN (SELECT MAX(id) FROM "
                                                  "frontdesk_consent GROUP BY patient, channel)"
                                                  " ORDER BY patient, channel");
        if (!q)
            return std::unexpected(q.error());
        return readConsents(**q);
    });
}

QFuture<Result<qint64>> FrontDeskStore::enqueueReply(QueuedReply reply)
{
    return m_worker->run([=](Database &db) -> Result<qint64> {
        return db.withTransaction([&]() -> Result<qint64> {
            auto known = db.prepare("SELECT id FROM frontdesk_queue WHERE message_id = ?");
            if (!known)
                return std::unexpected(known.error());
            (*known)->bind(1, reply.messageId);
            auto row = (*known)->step();
            if (!row)
                return std::unexpected(row.error());
            const qint64 existing = *row ? (*known)->int64(0) : 0;
            (*known)->reset();
            if (existing)
                return existing;
            auto q = db.prepare("INSERT INTO frontdesk_queue (patient, reminder, message_id, "
                                "received_at) VALUES (?, ?, ?, ?)");
            if (!q)
                return std::unexpected(q.error());
            (*q)->bind(1, reply.patient).bind(3, reply.messageId).bind(4, ms(reply.receivedAt));
            if (reply.reminder > 0)
                (*q)->bind(2, reply.reminder);
            else
                (*q)->bindNull(2);
            if (auto done = (*q)->exec(); !done)
                return std::unexpected(done.error());
            return db.lastInsertRowId();
        });
    });
}

QFuture<Result<QList<QueuedReply>>> FrontDeskStore::openReplies()
{
    return m_worker->run([](Database &db) -> Result<QList<QueuedReply>> {
        // The text is the patient's message itself (the latest row with that id).
        auto q = db.prepare("SELECT q.id, q.patient, q.reminder, q.message_id, q.received_at, "
                            "(SELECT m.body FROM messages m WHERE m.message_id = q.message_id "
                            "AND m.conversation = q.patient AND m.direction = 0 "
                            "ORDER BY m.id DESC LIMIT 1) FROM frontdesk_queue q "
                            "WHERE q.handled = 0 ORDER BY q.id");
        if (!q)
            return std::unexpected(q.error());
        return (*q)->collect<QueuedReply>([](Database::Statement &row) {
            return QueuedReply{row.int64(0), row.text(1),    row.isNull(2) ? 0 : row.int64(2),
                               row.text(3),  fromMs(row, 4), row.text(5)};
        });
    });
}

QFuture<Result<bool>> FrontDeskStore::markQueuedHandled(qint64 id, QString by, QDateTime at)
{
    return m_worker->run([=](Database &db) -> Result<bool> {
        auto q = db.prepare("UPDATE frontdesk_queue SET handled = 1, handled_by = ?, "
                            "handled_at = ? WHERE id = ? AND handled = 0");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, by).bind(2, ms(at)).bind(3, id);
        if (auto done = (*q)->exec(); !done)
            return std::unexpected(done.error());
        return db.changes() == 1;
    });
}

QFuture<Result<QList<StoredMessage>>> FrontDeskStore::unhandledIncoming()
{
    return m_worker->run([](Database &db) -> Result<QList<StoredMessage>> {
        auto mark = db.prepare("INSERT OR IGNORE INTO frontdesk_service (id, replies_from) "
                               "SELECT 1, COALESCE(MAX(id), 0) FROM messages");
        if (!mark)
            return std::unexpected(mark.error());
        if (auto done = (*mark)->exec(); !done)
            return std::unexpected(done.error());
        auto q = db.prepare(
            ROUNDS_MESSAGE_SELECT
            " FROM messages WHERE messages.id > (SELECT replies_from FROM frontdesk_service "
            "WHERE id = 1) AND messages.direction = 0 AND NOT EXISTS (SELECT 1 "
            "FROM frontdesk_handled h WHERE h.message_row = messages.id) "
            "ORDER BY messages.id");
        if (!q)
            return std::unexpected(q.error());
        return MessageRows::readAll(**q);
    });
}

QFuture<Result<void>> FrontDeskStore::markHandled(qint64 messageRow, QDateTime at)
{
    return m_worker->run([=](Database &db) -> Result<void> {
        auto q = db.prepare(
            "INSERT OR IGNORE INTO frontdesk_handled (message_row, handled_at) VALUES (?, ?)");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, messageRow).bind(2, ms(at));
        return (*q)->exec();
    });
}

} // namespace Store
