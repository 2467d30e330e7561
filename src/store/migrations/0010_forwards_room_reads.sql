-- Clinical messaging, second increment (issue 7, docs/protocol.md).

-- A forwarded copy (ours, or one we received) and the message it was made from.
CREATE TABLE forwards (
    message             INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    source_conversation TEXT    NOT NULL, -- bare JID of the original's conversation
    source_id           TEXT    NOT NULL  -- origin-id of the original there
);

-- Per-member read state of care-team room messages (XEP-0333 displayed markers
-- each member sends to the room). A marker covers the message it names.
CREATE TABLE room_reads (
    room       TEXT    NOT NULL, -- the room's bare JID
    message_id TEXT    NOT NULL, -- origin-id (or stanza id) the marker names
    member     TEXT    NOT NULL, -- the member's real bare JID
    ts         INTEGER NOT NULL, -- ms since the epoch, UTC, when we saw the marker
    PRIMARY KEY (room, message_id, member)
) WITHOUT ROWID;
