// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Database.h"
#include "store/StoreTypes.h"

#include <QHash>

#include <optional>

/// Column list shared by every query that reads whole message rows (a macro so
/// it concatenates with the rest of the statement at compile time).
#define ROUNDS_MESSAGE_SELECT                                                                      \
    "SELECT messages.id, messages.conversation, messages.direction, messages.sender,"              \
    " messages.message_id, messages.origin_id, messages.stanza_id, messages.ts, messages.body,"    \
    " messages.state, messages.protection, messages.e2e_version, messages.sender_device,"          \
    " messages.e2e_error, messages.priority, messages.expires_at, messages.recalled,"              \
    " messages.escalation_of, messages.escalation_step"

namespace Store::MessageRows {

/// Reads every row of a statement prepared with ROUNDS_MESSAGE_SELECT.
Core::Result<QList<StoredMessage>> readAll(Database::Statement &statement);

/// The row this message duplicates, if any (rules in MessageStore::insertMessages).
Core::Result<std::optional<qint64>> findDuplicate(Database &db, const StoredMessage &message);
/// A message first seen live learns its archive id when the archive repeats it.
Core::Result<void> adoptStanzaId(Database &db, qint64 row, const QString &stanzaId);

/// Inserts the row, its search entry and updates the conversation summary.
Core::Result<qint64> insert(Database &db, const StoredMessage &message);

/// Inserts many rows in one transaction: each row at once, while the search
/// entries and the conversation summaries (one write per conversation) wait
/// for finish(), which must run before the transaction commits.
class InsertBatch
{
public:
    Core::Result<qint64> insert(Database &db, const StoredMessage &message);
    Core::Result<void> finish(Database &db);

private:
    struct Summary
    {
        qint64 unread = 0;
        qint64 lastRow = 0;
        qint64 lastTs = 0;
        QString lastBody;
        Direction lastDirection = Direction::Incoming;
    };
    QList<std::pair<qint64, QString>> m_bodies;
    QHash<QString, Summary> m_summaries;
};

/// The search index (FTS4 in shards by message id, MessageRowsSearch.cpp).
Core::Result<void> indexBodies(Database &db, const QList<std::pair<qint64, QString>> &bodies);
/// Removes rows from the search index (recall, expiry, retention).
Core::Result<void> unindex(Database &db, const QList<qint64> &rows);
/// Ids of the newest `limit` rows matching an FTS4 MATCH expression, newest first.
Core::Result<QList<qint64>> searchRows(Database &db, const QString &match, int limit);

Core::Result<void> ensureOutbox(Database &db, qint64 row);
Core::Result<void> dropOutbox(Database &db, qint64 row);

} // namespace Store::MessageRows
