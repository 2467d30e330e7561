-- Front desk (docs/frontdesk.md): which incoming messages the reminder service
-- has handled, so that a patient's reply stored just before a crash is handled
-- at the next start; and who handled a queued reply, and when.

-- One row per incoming message (messages.id) whose handling is complete.
CREATE TABLE frontdesk_handled (
    message_row INTEGER PRIMARY KEY,         -- messages.id
    handled_at  INTEGER NOT NULL
);

-- The reminder service's own marks: replies_from is the last messages.id that
-- existed when the service first started; it answers for everything after it.
CREATE TABLE frontdesk_service (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    replies_from INTEGER NOT NULL
);

ALTER TABLE frontdesk_queue ADD COLUMN handled_by TEXT;
ALTER TABLE frontdesk_queue ADD COLUMN handled_at INTEGER;
CREATE INDEX frontdesk_queue_message ON frontdesk_queue (message_id);
