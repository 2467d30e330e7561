// SPDX-License-Identifier: GPL-3.0-or-later
// The search index in time shards (migration 0009, docs/performance.md): one
// FTS4 table per range of message ids, newest searched first.
#include "store/MessageRows.h"

#include <algorithm>

namespace Store::MessageRows {

namespace {

// Rows per shard before the next one starts. A prefix matching nearly every
// message costs time in proportion to the shard it reads, a word matching
// nothing costs a lookup per shard: 10,000 keeps both well under 30 ms at 1M
// (20,000 put the prefix p95 at 30 ms already at 200k).
constexpr qint64 ShardRows = 10000;

struct Shard
{
    qint64 number = 0;
    qint64 firstRow = 0;
    qint64 rows = 0;
    bool changed = false;
};

QByteArray table(qint64 shard)
{
    return "messages_fts_" + QByteArray::number(shard);
}

Core::Result<QList<Shard>> loadShards(Database &db)
{
    auto q = db.prepare("SELECT shard, first_row, rows FROM search_shards ORDER BY shard");
    if (!q)
        return std::unexpected(q.error());
    return (*q)->collect<Shard>([](Database::Statement &row) {
        return Shard{row.int64(0), row.int64(1), row.int64(2), false};
    });
}

// The shard whose id range holds `row` (ranges are contiguous and ascending).
qsizetype shardFor(const QList<Shard> &shards, qint64 row)
{
    for (qsizetype i = shards.size() - 1; i > 0; --i)
        if (row >= shards.at(i).firstRow)
            return i;
    return 0;
}

Core::Result<void> execSql(Database &db, const QByteArray &sql)
{
    return db.exec(sql.constData());
}

// Starts the next shard at `firstRow`; the full one is merged into a single
// segment, which its later (read-only) searches read fastest.
Core::Result<void> startShard(Database &db, QList<Shard> &shards, qint64 firstRow)
{
    const qint64 previous = shards.last().number;
    const qint64 next = previous + 1;
    if (auto r = execSql(db, "CREATE VIRTUAL TABLE " + table(next) +
                                 " USING fts4 (body, tokenize=unicode61, order=DESC)");
        !r)
        return r;
    // (A large shard 0 of a database from before 0009 is left as it is.)
    if (shards.last().rows <= 2 * ShardRows) {
        if (auto r = execSql(db, "INSERT INTO " + table(previous) + " (" + table(previous) +
                                     ") VALUES ('optimize')");
            !r)
            return r;
    }
    auto add = db.prepare("INSERT INTO search_shards (shard, first_row, rows) VALUES (?, ?, 0)");
    if (!add)
        return std::unexpected(add.error());
    (*add)->bind(1, next).bind(2, firstRow);
    if (auto r = (*add)->exec(); !r)
        return r;
    shards.append(Shard{next, firstRow, 0, false});
    return {};
}

} // namespace

Core::Result<void> indexBodies(Database &db, const QList<std::pair<qint64, QString>> &bodies)
{
    if (bodies.isEmpty())
        return {};
    auto shards = loadShards(db);
    if (!shards)
        return std::unexpected(shards.error());
    if (shards->isEmpty())
        return Core::fail(Core::Error::Code::Storage, QStringLiteral("no search shard"));
    for (const auto &[row, body] : bodies) {
        qsizetype index = shardFor(*shards, row);
        if (index == shards->size() - 1 && shards->last().rows >= ShardRows &&
            row > shards->last().firstRow) {
            if (auto r = startShard(db, *shards, row); !r)
                return r;
            index = shards->size() - 1;
        }
        Shard &shard = (*shards)[index];
        const QByteArray sql =
            "INSERT INTO " + table(shard.number) + " (docid, body) VALUES (?, ?)";
        auto q = db.prepare(sql.constData());
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, row).bind(2, body);
        if (auto r = (*q)->exec(); !r)
            return r;
        ++shard.rows;
        shard.changed = true;
    }
    auto update = db.prepare("UPDATE OR FAIL search_shards SET rows = ? WHERE shard = ?");
    if (!update)
        return std::unexpected(update.error());
    for (const Shard &shard : std::as_const(*shards)) {
        if (!shard.changed)
            continue;
        (*update)->bind(1, shard.rows).bind(2, shard.number);
        if (auto r = (*update)->exec(); !r)
            return r;
    }
    return {};
}

Core::Result<void> unindex(Database &db, const QList<qint64> &rows)
{
    if (rows.isEmpty())
        return {};
    auto shards = loadShards(db);
    if (!shards)
        return std::unexpected(shards.error());
    for (const qint64 row : rows) {
        if (shards->isEmpty())
            break;
        const QByteArray sql =
            "DELETE FROM " + table(shards->at(shardFor(*shards, row)).number) + " WHERE docid = ?";
        auto q = db.prepare(sql.constData());
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, row);
        if (auto r = (*q)->exec(); !r)
            return r;
    }
    return {};
}

Core::Result<QList<qint64>> searchRows(Database &db, const QString &match, int limit)
{
    QList<qint64> found;
    auto shards = loadShards(db);
    if (!shards)
        return std::unexpected(shards.error());
    for (qsizetype i = shards->size() - 1; i >= 0 && found.size() < limit; --i) {
        const QByteArray name = table(shards->at(i).number);
        const QByteArray sql =
            "SELECT docid FROM " + name + " WHERE " + name + " MATCH ? ORDER BY docid DESC LIMIT ?";
        auto q = db.prepare(sql.constData());
        if (!q)
            return std::unexpected(q.error());
        (*q)->bind(1, match).bind(2, qint64(limit - found.size()));
        auto ids = (*q)->collect<qint64>([](Database::Statement &row) { return row.int64(0); });
        if (!ids)
            return std::unexpected(ids.error());
        found.append(*ids);
    }
    return found;
}

} // namespace Store::MessageRows
