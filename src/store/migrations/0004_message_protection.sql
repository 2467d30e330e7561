-- End-to-end protection of each message (StoreTypes.h, Protection): how it
-- was encrypted, from which OMEMO device, and why it could not be decrypted.
ALTER TABLE messages ADD COLUMN protection INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN e2e_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN sender_device INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN e2e_error TEXT;
