-- Front desk reminders (docs/frontdesk.md): the consent registry, batches
-- submitted by staff, one row per scheduled reminder, and replies no keyword
-- matched (the front-desk queue). Kept in the reminder account's encrypted store.

-- One row per consent given; withdrawing stamps withdrawn_at on the open row.
-- The latest row of (patient, channel) decides.
CREATE TABLE frontdesk_consent (
    id           INTEGER PRIMARY KEY,
    patient      TEXT    NOT NULL,           -- the patient's XMPP address (bare JID)
    channel      TEXT    NOT NULL,           -- xmpp | sms
    consented_at INTEGER NOT NULL,           -- ms since the epoch, UTC
    recorded_by  TEXT    NOT NULL,           -- staff JID
    withdrawn_at INTEGER,
    withdrawn_by TEXT                        -- staff JID, or "patient-reply"
);
CREATE INDEX frontdesk_consent_patient ON frontdesk_consent (patient, channel, id);

CREATE TABLE frontdesk_batches (
    id           TEXT    PRIMARY KEY,        -- chosen by the submitter; a resubmission is ignored
    submitted_by TEXT    NOT NULL,
    received_at  INTEGER NOT NULL,
    template     TEXT    NOT NULL,
    overridden   INTEGER NOT NULL DEFAULT 0  -- minimum-necessary findings overridden
) WITHOUT ROWID;

-- state: 0 scheduled, 1 sending (claimed, outbox commit under way), 2 sent,
-- 3 delivered, 4 confirmed, 5 reschedule requested, 6 cancelled, 7 opted out, 8 failed
CREATE TABLE frontdesk_reminders (
    id         INTEGER PRIMARY KEY,
    batch      TEXT    NOT NULL,
    line       INTEGER NOT NULL,             -- CSV line of the row
    patient    TEXT    NOT NULL,
    body       TEXT    NOT NULL,             -- exactly what is sent
    due        INTEGER NOT NULL,
    state      INTEGER NOT NULL DEFAULT 0,
    message_id TEXT,                         -- the outbox message once committed
    claimed_at INTEGER,
    updated_at INTEGER NOT NULL,
    reason     TEXT,                         -- why failed (no-consent, an error detail)
    UNIQUE (batch, line)
);
CREATE INDEX frontdesk_reminders_due ON frontdesk_reminders (state, due);
CREATE INDEX frontdesk_reminders_patient ON frontdesk_reminders (patient, id);
CREATE INDEX frontdesk_reminders_message ON frontdesk_reminders (message_id) WHERE message_id IS NOT NULL;

CREATE TABLE frontdesk_queue (
    id          INTEGER PRIMARY KEY,
    patient     TEXT    NOT NULL,
    reminder    INTEGER,                     -- the patient's latest reminder, if any
    message_id  TEXT    NOT NULL,            -- the reply in `messages`
    received_at INTEGER NOT NULL,
    handled     INTEGER NOT NULL DEFAULT 0
);
