-- Attachments (XEP-0363 upload, XEP-0454 aesgcm:// links; docs/e2e.md). One
-- row per message that carries a file. The file itself is kept encrypted at
-- rest under <dataDir>/attachments/<local_name> (a random name, never the
-- original one) with its own key; name, type and size live only in here.
CREATE TABLE attachments (
    message     INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    url         TEXT,                        -- the aesgcm:// link; NULL until uploaded
    name        TEXT,                        -- original file name
    mime        TEXT,
    size        INTEGER NOT NULL DEFAULT 0,  -- plaintext bytes; 0 while unknown
    state       INTEGER NOT NULL,            -- 0 pending, 1 downloading, 2 stored, 3 failed
    local_name  TEXT,                        -- file under attachments/, NULL until stored
    at_rest_key BLOB,                        -- secretstream key of that file
    sha256      BLOB,                        -- of the plaintext
    error       TEXT                         -- why it failed (stable detail, no content)
);
CREATE INDEX attachments_state ON attachments (state) WHERE state < 2;
