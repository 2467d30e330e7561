-- Incoming messages not yet read, per conversation: marking a conversation
-- read (MessageStore::markConversationRead) updates just these rows instead of
-- reading every message of the conversation (and filling the page cache with
-- them) each time the window shows it.
CREATE INDEX messages_unread ON messages (conversation) WHERE direction = 0 AND state = 5;
