-- Care-team rooms this account is in (XEP-0045), so they are entered again
-- after a restart or a new session. Messages of a room live in `messages`
-- with the room's bare JID as the conversation.
CREATE TABLE rooms (
    jid         TEXT    PRIMARY KEY,         -- the room's bare JID
    nick        TEXT    NOT NULL,
    name        TEXT,
    joined      INTEGER NOT NULL DEFAULT 1,  -- 1 while we want to be in it
    affiliation TEXT    NOT NULL DEFAULT 'none', -- ours: owner, admin, member, none
    joined_at   INTEGER                      -- ms since the epoch, UTC, of the first join
) WITHOUT ROWID;
