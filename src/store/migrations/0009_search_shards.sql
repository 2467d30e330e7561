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
