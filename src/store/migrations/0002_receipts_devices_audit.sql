-- Tables later features fill: per-recipient receipts (care-team rooms),
-- OMEMO devices and trust, and the local audit hash chain.
CREATE TABLE receipts (
    message INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    jid     TEXT    NOT NULL,
    kind    INTEGER NOT NULL,                -- 2 delivered, 3 read
    ts      INTEGER NOT NULL,
    PRIMARY KEY (message, jid, kind)
) WITHOUT ROWID;

CREATE TABLE devices (
    owner       TEXT    NOT NULL,
    device_id   INTEGER NOT NULL,
    version     INTEGER NOT NULL,            -- 3 legacy OMEMO, 4 OMEMO 2
    fingerprint TEXT,
    trust       INTEGER NOT NULL DEFAULT 0,
    label       TEXT,
    PRIMARY KEY (owner, device_id, version)
) WITHOUT ROWID;

-- Append-only: seq is consecutive, hash = SHA-256 of the entry's canonical
-- form including prev_hash (docs/audit.md). Ids only, never message text.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    ts        INTEGER NOT NULL,
    account   TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    objects   TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
