-- Search at a million messages (issue 10, docs/performance.md).
--
-- Search in time shards: messages_fts becomes shard 0, and new shards
-- (messages_fts_<n>) each take the next range of message ids once the newest
-- holds enough rows. A search reads the newest shard first and stops once it
-- has its 50 hits, so a common prefix never gathers every match of the cache.
-- Store::MessageRows (MessageRowsSearch.cpp) is the only code that names them.
ALTER TABLE messages_fts RENAME TO messages_fts_0;
CREATE TABLE search_shards (
    shard     INTEGER PRIMARY KEY,           -- table messages_fts_<shard>
    first_row INTEGER NOT NULL,              -- lowest messages.id it holds
    rows      INTEGER NOT NULL DEFAULT 0     -- rows indexed into it (deletes not counted)
);
INSERT INTO search_shards (shard, first_row, rows)
    VALUES (0, 0, (SELECT count(*) FROM messages_fts_0));

-- Retention and expiry (ClinicalStore::purge, run when the app starts) select
-- `(expires_at IS NOT NULL AND expires_at <= ?) OR ts < ?`. SQLite 3.15 cannot
-- use a partial index inside an OR branch, so that read and decrypted every
-- row of the cache before the conversation list could load (11 s at 1M
-- messages). Whole indexes on both columns let it take each branch by index;
-- both only append on insert (NULLs, then growing timestamps).
DROP INDEX messages_expiry;
CREATE INDEX messages_expiry ON messages (expires_at);
CREATE INDEX messages_ts ON messages (ts);
