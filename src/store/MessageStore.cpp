// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageStore.h"

#include "store/MessageRows.h"

#include <QRegularExpression>

namespace Store {

using Core::Error;

namespace {

/// Page cache kept after a history page is read (see Database::trimCache).
constexpr qint64 ScrollCacheBytes = 8 * 1024 * 1024;

template<typename T>
Core::Result<T> failWith(Database &db, const Error &error)
{
    db.rollback();
    return std::unexpected(error);
}

int rank(MessageState state)
{
    switch (state) {
    case MessageState::Pending:
    case MessageState::Failed:
        return 0;
    case MessageState::Sent:
        return 1;
    case MessageState::Delivered:
        return 2;
    case MessageState::Read:
        return 3;
    case MessageState::Received:
        return 0;
    }
    return 0;
}

} // namespace

MessageStore::MessageStore(std::shared_ptr<StoreWorker> worker)
    : m_worker(std::move(worker))
{
}

QFuture<Core::Result<QList<InsertOutcome>>> MessageStore::insertMessages(QList<StoredMessage> batch)
{
    return m_worker->run([batch = std::move(batch), decryptor = m_decryptor,
                          afterInsert = m_afterInsert](Database &db) {
        return db.withTransaction([&]() -> Core::Result<QList<InsertOutcome>> {
            QList<InsertOutcome> outcomes;
            outcomes.reserve(batch.size());
            MessageRows::InsertBatch rows;
            for (StoredMessage m : batch) {
                auto existing = MessageRows::findDuplicate(db, m);
                if (!existing)
                    return std::unexpected(existing.error());
                if (*existing) {
                    if (!m.stanzaId.isEmpty())
                        if (auto r = MessageRows::adoptStanzaId(db, **existing, m.stanzaId); !r)
                            return std::unexpected(r.error());
                    outcomes.append({**existing, true, false, {}});
                    continue;
                }
                if (m.encrypted) {
                    if (!decryptor) {
                        m.protection = Protection::Undecryptable;
                        m.e2eError = QStringLiteral("omemo-unavailable");
                        m.body.clear();
                    } else {
                        auto keep = decryptor(db, m);
                        if (!keep)
                            return std::unexpected(keep.error());
                        if (!*keep) {
                            outcomes.append({0, false, true, {}});
                            continue;
                        }
                    }
                    m.encrypted.reset();
                }
                auto row = rows.insert(db, m);
                if (!row)
                    return std::unexpected(row.error());
                m.rowId = *row;
                if (afterInsert)
                    if (auto r = afterInsert(db, m); !r)
                        return std::unexpected(r.error());
                outcomes.append({*row, false, false, std::move(m)});
            }
            if (auto r = rows.finish(db); !r)
                return std::unexpected(r.error());
            return outcomes;
        });
    });
}

QFuture<Core::Result<StoredMessage>> MessageStore::enqueueOutgoing(StoredMessage message)
{
    return m_worker->run([message = std::move(message)](Database &db) mutable {
        return db.withTransaction([&]() -> Core::Result<StoredMessage> {
            message.direction = Direction::Outgoing;
            message.state = MessageState::Pending;
            auto row = MessageRows::insert(db, message);
            if (!row)
                return std::unexpected(row.error());
            message.rowId = *row;
            if (auto r = MessageRows::ensureOutbox(db, *row); !r)
                return std::unexpected(r.error());
            return message;
        });
    });
}

QFuture<Core::Result<QList<StoredMessage>>> MessageStore::pendingOutbox()
{
    return m_worker->run([](Database &db) -> Core::Result<QList<StoredMessage>> {
        auto q = db.prepare(ROUNDS_MESSAGE_SELECT
                            " FROM outbox JOIN messages ON messages.id = outbox.message"
                            " WHERE messages.state = 0 ORDER BY outbox.message");
        if (!q)
            return std::unexpected(q.error());
        return MessageRows::readAll(**q);
    });
}

QFuture<Core::Result<void>> MessageStore::updateState(QString messageId, MessageState state)
{
    return m_worker->run([messageId, state](Database &db) {
        return db.withTransaction([&]() -> Core::Result<void> {
            auto q =
                db.prepare("SELECT id, state FROM messages WHERE message_id = ? AND direction = 1");
            if (!q)
                return std::unexpected(q.error());
            (*q)->bind(1, messageId);
            QList<std::pair<qint64, MessageState>> rows;
            while (true) {
                auto more = (*q)->step();
                if (!more)
                    return std::unexpected(more.error());
                if (!*more)
                    break;
                rows.append({(*q)->int64(0), MessageState((*q)->int64(1))});
            }
            (*q)->reset();
            for (const auto &[id, current] : rows) {
                // Failed only replaces a state the server has not confirmed
                // delivery for; everything else only moves forward.
                const bool allowed = state == MessageState::Failed
                                         ? rank(current) <= rank(MessageState::Sent)
                                         : rank(state) > rank(current);
                if (!allowed)
                    continue;
                auto u = db.prepare("UPDATE OR FAIL messages SET state = ? WHERE id = ?");
                if (!u)
                    return std::unexpected(u.error());
                (*u)->bind(1, qint64(state)).bind(2, id);
                if (auto r = (*u)->exec(); !r)
                    return r;
                if (state == MessageState::Failed) {
                    if (auto r = MessageRows::ensureOutbox(db, id); !r)
                        return r;
                } else if (auto r = MessageRows::dropOutbox(db, id); !r) {
                    return r;
                }
            }
            return {};
        });
    });
}

QFuture<Core::Result<void>> MessageStore::retry(QString messageId)
{
    return m_worker->run([messageId](Database &db) {
        return db.withTransaction([&]() -> Core::Result<void> {
            auto u =
                db.prepare("UPDATE messages SET state = 0 WHERE message_id = ? AND direction = 1 "
                           "AND state = 4");
            if (!u)
                return std::unexpected(u.error());
            (*u)->bind(1, messageId);
            if (auto r = (*u)->exec(); !r)
                return r;
            if (db.changes() == 0)
                return Core::fail(Error::Code::Storage,
                                  QStringLiteral("no failed message with that id"));
            auto id = db.prepare("SELECT id FROM messages WHERE message_id = ? AND direction = 1");
            if (!id)
                return std::unexpected(id.error());
            (*id)->bind(1, messageId);
            while (true) {
                auto more = (*id)->step();
                if (!more)
                    return std::unexpected(more.error());
                if (!*more)
                    break;
                if (auto r = MessageRows::ensureOutbox(db, (*id)->int64(0)); !r) {
                    (*id)->reset();
                    return r;
                }
            }
            (*id)->reset();
            return {};
        });
    });
}

QFuture<Core::Result<QList<ConversationSummary>>> MessageStore::conversations(int limit)
{
    return m_worker->run([limit](Database &db) -> Core::Result<QList<ConversationSummary>> {
        auto q =
            db.prepare("SELECT conversation, last_id, last_ts, last_body, last_direction, unread "
                       "FROM conversations ORDER BY last_ts DESC LIMIT ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, qint64(limit));
        QList<ConversationSummary> out;
        while (true) {
            auto more = (*q)->step();
            if (!more)
                return std::unexpected(more.error());
            if (!*more)
                break;
            ConversationSummary c;
            c.conversation = (*q)->text(0);
            c.lastRowId = (*q)->int64(1);
            c.lastActivity = QDateTime::fromMSecsSinceEpoch((*q)->int64(2), Qt::UTC);
            c.lastBody = (*q)->text(3);
            c.lastDirection = Direction((*q)->int64(4));
            c.unread = int((*q)->int64(5));
            out.append(std::move(c));
        }
        (*q)->reset();
        return out;
    });
}

QFuture<Core::Result<QList<StoredMessage>>> MessageStore::messages(QString conversation,
                                                                   qint64 beforeRowId, int limit)
{
    return m_worker->run([conversation, beforeRowId,
                          limit](Database &db) -> Core::Result<QList<StoredMessage>> {
        auto q =
            db.prepare(ROUNDS_MESSAGE_SELECT
                       " FROM messages WHERE conversation = ? AND id < ? ORDER BY id DESC LIMIT ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, conversation)
            .bind(2, beforeRowId > 0 ? beforeRowId : std::numeric_limits<qint64>::max())
            .bind(3, qint64(limit));
        auto rows = MessageRows::readAll(**q);
        // Scrolling back reads pages that hold mostly other conversations.
        db.trimCache(ScrollCacheBytes);
        return rows;
    });
}

QFuture<Core::Result<void>> MessageStore::markConversationRead(QString conversation)
{
    // The conversation's unread count bounds the work: its unread messages are
    // found newest first through (conversation, id), and the walk ends once
    // that many are marked. The count is never below the real number: it grows
    // with every unread message stored and is reset only here, and a deleted
    // unread message only leaves it higher (a longer walk, once). So no index
    // of unread rows has to be kept up on every insert (docs/performance.md).
    return m_worker->run([conversation](Database &db) {
        return db.withTransaction([&]() -> Core::Result<void> {
            auto count = db.prepare("SELECT unread FROM conversations WHERE conversation = ?");
            if (!count)
                return std::unexpected(count.error());
            (*count)->bind(1, conversation);
            auto hasRow = (*count)->step();
            if (!hasRow)
                return std::unexpected(hasRow.error());
            const qint64 unread = *hasRow ? (*count)->int64(0) : 0;
            (*count)->reset();
            if (unread <= 0)
                return {};

            auto walk = db.prepare("SELECT id, state FROM messages INDEXED BY"
                                   " messages_conversation WHERE conversation = ? AND"
                                   " direction = 0 ORDER BY id DESC");
            if (!walk)
                return std::unexpected(walk.error());
            (*walk)->bind(1, conversation);
            QList<qint64> rows;
            qint64 walked = 0;
            while (qint64(rows.size()) < unread) {
                auto more = (*walk)->step();
                if (!more)
                    return std::unexpected(more.error());
                if (!*more)
                    break;
                ++walked;
                if ((*walk)->int64(1) == qint64(MessageState::Received))
                    rows.append((*walk)->int64(0));
            }
            (*walk)->reset();
            for (const qint64 row : std::as_const(rows)) {
                auto mark = db.prepare("UPDATE OR FAIL messages SET state = ? WHERE id = ?");
                if (!mark)
                    return std::unexpected(mark.error());
                (*mark)->bind(1, qint64(MessageState::Read)).bind(2, row);
                if (auto r = (*mark)->exec(); !r)
                    return r;
            }
            auto reset =
                db.prepare("UPDATE OR FAIL conversations SET unread = 0 WHERE conversation = ?");
            if (!reset)
                return std::unexpected(reset.error());
            (*reset)->bind(1, conversation);
            if (auto r = (*reset)->exec(); !r)
                return r;
            if (walked > 1000) // a long walk left pages of other conversations behind
                db.trimCache(ScrollCacheBytes);
            return {};
        });
    });
}

QFuture<Core::Result<std::optional<StoredMessage>>> MessageStore::messageById(QString messageId)
{
    return m_worker->run([messageId](Database &db) -> Core::Result<std::optional<StoredMessage>> {
        auto q = db.prepare(
            ROUNDS_MESSAGE_SELECT
            " FROM messages WHERE message_id = ? ORDER BY direction DESC, id DESC LIMIT 1");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, messageId);
        auto rows = MessageRows::readAll(**q);
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->isEmpty())
            return std::optional<StoredMessage>();
        return std::optional<StoredMessage>(rows->first());
    });
}

QString MessageStore::matchExpression(const QString &query)
{
    // Only letters and digits reach FTS: every word is quoted, so no operator
    // (OR, NEAR, -, ") typed by a user can change the query's meaning.
    static const QRegularExpression word(QStringLiteral(R"([\p{L}\p{N}]+(\*?))"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    auto it = word.globalMatch(query);
    while (it.hasNext()) {
        const auto m = it.next();
        QString term = m.captured(0);
        const bool prefix = term.endsWith(u'*');
        if (prefix)
            term.chop(1);
        terms << u'"' + term + (prefix ? QStringLiteral("*\"") : QStringLiteral("\""));
    }
    return terms.join(u' ');
}

QFuture<Core::Result<QList<StoredMessage>>> MessageStore::search(QString query, int limit)
{
    const QString match = matchExpression(query);
    return m_worker->run([match, limit](Database &db) -> Core::Result<QList<StoredMessage>> {
        if (match.isEmpty())
            return QList<StoredMessage>();
        // Newest shards first (MessageRowsSearch.cpp), then the rows by id.
        auto ids = MessageRows::searchRows(db, match, limit);
        if (!ids)
            return std::unexpected(ids.error());
        auto q = db.prepare(ROUNDS_MESSAGE_SELECT " FROM messages WHERE id = ?");
        if (!q)
            return std::unexpected(q.error());
        QList<StoredMessage> out;
        out.reserve(ids->size());
        for (const qint64 id : std::as_const(*ids)) {
            (*q)->bind(1, id);
            auto row = MessageRows::readAll(**q);
            if (!row)
                return std::unexpected(row.error());
            out.append(*row);
        }
        return out;
    });
}

QFuture<Core::Result<QString>> MessageStore::setting(QString key)
{
    return m_worker->run([key](Database &db) -> Core::Result<QString> {
        auto q = db.prepare("SELECT value FROM settings WHERE key = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, key);
        auto row = (*q)->step();
        if (!row)
            return std::unexpected(row.error());
        const QString value = *row ? (*q)->text(0) : QString();
        (*q)->reset();
        return value;
    });
}

QFuture<Core::Result<void>> MessageStore::setSetting(QString key, QString value)
{
    return m_worker->run([key, value](Database &db) -> Core::Result<void> {
        auto q = db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, key).bind(2, value);
        return (*q)->exec();
    });
}

} // namespace Store
