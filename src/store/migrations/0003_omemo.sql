-- OMEMO state for Crypto::OmemoEngine (Store::OmemoStateStore), both wire
-- versions. Our private identity key is a plain blob here: the database file
-- is the protection (SQLCipher, key from the OS keychain).
-- Times are ms since the epoch, UTC (NULL when unknown); versions are
-- libomemo-c's session versions, 3 legacy and 4 OMEMO 2.

-- Our identity, one row.
CREATE TABLE omemo_identity (
    singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
    device_id       INTEGER NOT NULL,
    registration_id INTEGER NOT NULL,
    public_key      BLOB    NOT NULL,
    private_key     BLOB    NOT NULL
);

-- Integer keys stay rowid tables: the id is the rowid, one b-tree.
CREATE TABLE omemo_pre_keys (
    id     INTEGER PRIMARY KEY,
    record BLOB    NOT NULL
);

CREATE TABLE omemo_signed_pre_keys (
    id      INTEGER PRIMARY KEY,
    record  BLOB    NOT NULL,
    created INTEGER
);

-- Session records grow past a twentieth of a page (skipped message keys,
-- archived states), where SQLite advises a rowid table over WITHOUT ROWID.
CREATE TABLE omemo_sessions (
    version INTEGER NOT NULL,
    jid     TEXT    NOT NULL,
    device  INTEGER NOT NULL,
    record  BLOB    NOT NULL,
    PRIMARY KEY (version, jid, device)
);

-- Small rows on a composite key: WITHOUT ROWID.
CREATE TABLE omemo_device_identities (
    jid          TEXT    NOT NULL,
    device       INTEGER NOT NULL,
    identity_key BLOB    NOT NULL,
    trust        TEXT    NOT NULL,             -- undecided, blind, verified, distrusted
    first_seen   INTEGER,
    PRIMARY KEY (jid, device)
) WITHOUT ROWID;

CREATE TABLE omemo_device_lists (
    version   INTEGER NOT NULL,
    jid       TEXT    NOT NULL,
    device    INTEGER NOT NULL,
    active    INTEGER NOT NULL,                -- 1 while in the latest published list
    last_seen INTEGER,
    PRIMARY KEY (version, jid, device)
) WITHOUT ROWID;

CREATE TABLE omemo_settings (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;
