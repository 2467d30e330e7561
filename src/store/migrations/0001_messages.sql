-- Messages, conversations, outbox and search (issue 3).
-- rowid order is arrival order, which keeps "newest first" queries on the
-- primary key (see docs/performance.md).
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    conversation TEXT    NOT NULL,
    direction    INTEGER NOT NULL,           -- 0 incoming, 1 outgoing
    sender       TEXT,
    message_id   TEXT,                       -- stanza id (receipts and markers refer to it)
    origin_id    TEXT,                       -- XEP-0359 origin-id, de-duplication key
    stanza_id    TEXT,                       -- XEP-0359 stanza-id of our archive
    ts           INTEGER NOT NULL,           -- ms since the epoch, UTC
    body         TEXT,
    state        INTEGER NOT NULL
);
-- De-duplication and state lookups. Partial indexes stay small: only rows
-- that carry the id are indexed.
CREATE INDEX messages_origin ON messages (origin_id) WHERE origin_id IS NOT NULL;
CREATE INDEX messages_stanza ON messages (stanza_id) WHERE stanza_id IS NOT NULL;
CREATE INDEX messages_message_id ON messages (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX messages_conversation ON messages (conversation, id);

-- One row per conversation, kept current on every insert: the conversation
-- list reads this, never aggregates over messages.
CREATE TABLE conversations (
    conversation   TEXT PRIMARY KEY,
    last_id        INTEGER NOT NULL,
    last_ts        INTEGER NOT NULL,
    last_body      TEXT,
    last_direction INTEGER NOT NULL,
    unread         INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX conversations_recent ON conversations (last_ts DESC);

-- Committed before a message goes on the wire; removed when the server acks it.
CREATE TABLE outbox (
    message  INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    created  INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
);

-- Full-text index over bodies; docid = messages.id. Contentless would drop the
-- text from the index, but FTS4 contentless tables cannot delete rows, which
-- recall and retention need; the index lives inside the encrypted file anyway.
CREATE VIRTUAL TABLE messages_fts USING fts4 (body, tokenize=unicode61);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;
