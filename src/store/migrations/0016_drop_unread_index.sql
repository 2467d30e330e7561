-- Marking a conversation read no longer needs an index of unread rows: the
-- conversation's unread count bounds a newest-first walk over (conversation, id)
-- (MessageStore::markConversationRead). The index cost every unread message
-- stored a page write in it, a quarter of the insert time at 300k messages in
-- 500 conversations (docs/performance.md).
DROP INDEX IF EXISTS messages_unread;
