-- Our escalated copies of a message, by the origin-id they escalate
-- (ClinicalStore::escalatedCopies, read when a conversation opens to show
-- "Escalated to ..." under the original): without this every lookup scans
-- the whole message table.
CREATE INDEX messages_escalation_of ON messages (escalation_of) WHERE escalation_of IS NOT NULL;
