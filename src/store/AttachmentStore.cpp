// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/AttachmentStore.h"

#include "store/MessageRows.h"

namespace Store {

namespace {

#define ROUNDS_ATTACHMENT_SELECT                                                                   \
    "SELECT a.message, m.message_id, m.conversation, m.direction, a.url, a.name, a.mime,"          \
    " a.size, a.state, a.local_name, a.at_rest_key, a.sha256, a.error"                             \
    " FROM attachments a JOIN messages m ON m.id = a.message"

Core::Result<QList<Attachment>> readAll(Database::Statement &q)
{
    return q.collect<Attachment>([](Database::Statement &row) {
        Attachment a;
        a.messageRow = row.int64(0);
        a.messageId = row.text(1);
        a.conversation = row.text(2);
        a.direction = Direction(row.int64(3));
        a.url = row.text(4);
        a.name = row.text(5);
        a.mime = row.text(6);
        a.size = row.int64(7);
        a.state = AttachmentState(row.int64(8));
        a.localName = row.text(9);
        a.atRestKey = row.blob(10);
        a.sha256 = row.blob(11);
        a.error = row.text(12);
        return a;
    });
}

Core::Result<std::optional<Attachment>> first(Core::Result<QList<Attachment>> rows)
{
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::nullopt;
    return rows->first();
}

} // namespace

AttachmentStore::AttachmentStore(std::shared_ptr<StoreWorker> worker)
    : m_worker(std::move(worker))
{
}

Core::Result<void> AttachmentStore::insertInTransaction(Database &db, const Attachment &a)
{
    auto q = db.prepare("INSERT OR IGNORE INTO attachments (message, url, name, mime, size, state,"
                        " local_name, at_rest_key, sha256, error)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!q)
        return std::unexpected(q.error());
    (*q)->bind(1, a.messageRow)
        .bind(2, a.url.isEmpty() ? QString() : a.url)
        .bind(3, a.name)
        .bind(4, a.mime)
        .bind(5, a.size)
        .bind(6, qint64(a.state))
        .bind(7, a.localName.isEmpty() ? QString() : a.localName)
        .bind(8, a.atRestKey)
        .bind(9, a.sha256)
        .bind(10, a.error.isEmpty() ? QString() : a.error);
    return (*q)->exec();
}

QFuture<Core::Result<StoredMessage>> AttachmentStore::enqueueOutgoing(StoredMessage message,
                                                                      Attachment attachment)
{
    return m_worker->run(
        [message = std::move(message), attachment = std::move(attachment)](Database &db) mutable {
            return db.withTransaction([&]() -> Core::Result<StoredMessage> {
                message.direction = Direction::Outgoing;
                message.state = MessageState::Pending;
                auto row = MessageRows::insert(db, message);
                if (!row)
                    return std::unexpected(row.error());
                message.rowId = *row;
                if (auto r = MessageRows::ensureOutbox(db, *row); !r)
                    return std::unexpected(r.error());
                attachment.messageRow = *row;
                if (auto r = insertInTransaction(db, attachment); !r)
                    return std::unexpected(r.error());
                return message;
            });
        });
}

QFuture<Core::Result<QString>> AttachmentStore::setUploaded(qint64 messageRow, QString url)
{
    return m_worker->run([messageRow, url](Database &db) -> Core::Result<QString> {
        auto u = db.prepare("UPDATE attachments SET url = ? WHERE message = ? AND url IS NULL");
        if (!u)
            return std::unexpected(u.error());
        (*u)->bind(1, url).bind(2, messageRow);
        if (auto r = (*u)->exec(); !r)
            return std::unexpected(r.error());
        auto q = db.prepare("SELECT url FROM attachments WHERE message = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, messageRow);
        auto row = (*q)->step();
        if (!row) {
            (*q)->reset();
            return std::unexpected(row.error());
        }
        const QString kept = *row ? (*q)->text(0) : QString();
        (*q)->reset();
        if (kept.isEmpty())
            return Core::fail(Core::Error::Code::Storage, QStringLiteral("no such attachment"));
        return kept;
    });
}

QFuture<Core::Result<std::optional<Attachment>>> AttachmentStore::byMessageId(QString messageId)
{
    return m_worker->run([messageId](Database &db) -> Core::Result<std::optional<Attachment>> {
        auto q = db.prepare(ROUNDS_ATTACHMENT_SELECT " WHERE m.message_id = ? ORDER BY a.message"
                                                     " DESC LIMIT 1");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, messageId);
        return first(readAll(**q));
    });
}

QFuture<Core::Result<std::optional<Attachment>>> AttachmentStore::byRow(qint64 messageRow)
{
    return m_worker->run([messageRow](Database &db) -> Core::Result<std::optional<Attachment>> {
        auto q = db.prepare(ROUNDS_ATTACHMENT_SELECT " WHERE a.message = ?");
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, messageRow);
        return first(readAll(**q));
    });
}

QFuture<Core::Result<QList<Attachment>>> AttachmentStore::forRows(QList<qint64> messageRows)
{
    return m_worker->run(
        [rows = std::move(messageRows)](Database &db) -> Core::Result<QList<Attachment>> {
            QList<Attachment> out;
            auto q = db.prepare(ROUNDS_ATTACHMENT_SELECT " WHERE a.message = ?");
            if (!q)
                return std::unexpected(q.error());
            for (qint64 row : rows) {
                (*q)->bind(1, row);
                auto found = readAll(**q);
                if (!found)
                    return std::unexpected(found.error());
                out += *found;
            }
            return out;
        });
}

QFuture<Core::Result<QList<Attachment>>> AttachmentStore::notStored()
{
    return m_worker->run([](Database &db) -> Core::Result<QList<Attachment>> {
        auto q = db.prepare(ROUNDS_ATTACHMENT_SELECT " WHERE a.state < 2 ORDER BY a.message");
        if (!q)
            return std::unexpected(q.error());
        return readAll(**q);
    });
}

QFuture<Core::Result<void>> AttachmentStore::update(Attachment a)
{
    return m_worker->run([a = std::move(a)](Database &db) -> Core::Result<void> {
        auto u = db.prepare("UPDATE attachments SET state = ?, size = ?, mime = ?, local_name = ?,"
                            " at_rest_key = ?, sha256 = ?, error = ? WHERE message = ?");
        if (!u)
            return std::unexpected(u.error());
        (*u)->bind(1, qint64(a.state))
            .bind(2, a.size)
            .bind(3, a.mime)
            .bind(4, a.localName.isEmpty() ? QString() : a.localName)
            .bind(5, a.atRestKey)
            .bind(6, a.sha256)
            .bind(7, a.error.isEmpty() ? QString() : a.error)
            .bind(8, a.messageRow);
        return (*u)->exec();
    });
}

} // namespace Store
