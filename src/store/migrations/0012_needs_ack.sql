-- Incoming urgent/STAT messages, for the start-up list of those still waiting
-- for this user's acknowledgement (ClinicalStore::unacknowledged) without
-- reading the whole cache.
CREATE INDEX messages_needs_ack ON messages (id) WHERE priority > 0 AND direction = 0 AND recalled = 0;
