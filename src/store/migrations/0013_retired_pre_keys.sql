-- One-time pre-keys a session was set up with are retired, not deleted at
-- once (Crypto::OmemoStorage::retirePreKey): NULL while published, else when
-- it was used (ms since the epoch, UTC). OmemoEngine::maintain() deletes them
-- after the grace period.
ALTER TABLE omemo_pre_keys ADD COLUMN retired INTEGER;
