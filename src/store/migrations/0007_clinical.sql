-- Clinical messaging (issue 7, docs/protocol.md): priority, per-message expiry,
-- recall and escalation links live on the message row; acknowledgements and
-- pending escalations in their own tables, so they survive restarts.
ALTER TABLE messages ADD COLUMN priority INTEGER NOT NULL DEFAULT 0; -- 0 routine, 1 urgent, 2 stat
ALTER TABLE messages ADD COLUMN expires_at INTEGER;                  -- ms since the epoch, UTC; NULL keeps
ALTER TABLE messages ADD COLUMN recalled INTEGER NOT NULL DEFAULT 0; -- 1: the sender recalled it, body gone
ALTER TABLE messages ADD COLUMN escalation_of TEXT;                  -- origin-id this message escalates
ALTER TABLE messages ADD COLUMN escalation_step INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_expiry ON messages (expires_at) WHERE expires_at IS NOT NULL;

-- Who acknowledged one of our urgent/STAT messages (or, for an incoming one,
-- that we did), and when.
CREATE TABLE acknowledgements (
    message INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    jid     TEXT    NOT NULL,                -- bare JID of the acknowledger
    ts      INTEGER NOT NULL,                -- ms since the epoch, UTC
    PRIMARY KEY (message, jid)
) WITHOUT ROWID;

-- One row per urgent/STAT message we sent that may still escalate. The timers
-- are rebuilt from these rows at start.
CREATE TABLE escalations (
    message   INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    role      TEXT,                          -- role id whose chain applies
    next_step INTEGER NOT NULL DEFAULT 0,    -- index of the next step of that chain
    due       INTEGER NOT NULL,              -- ms since the epoch, UTC
    state     INTEGER NOT NULL DEFAULT 0     -- 0 pending, 1 acknowledged, 2 chain exhausted
);
CREATE INDEX escalations_pending ON escalations (due) WHERE state = 0;
