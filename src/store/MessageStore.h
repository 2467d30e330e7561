// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreTypes.h"
#include "store/StoreWorker.h"

#include "core/Error.h"

#include <QFuture>

#include <functional>

#include <memory>

namespace Store {

/// Messages, conversations, the outbox and search of one account, in its
/// encrypted database. Every call runs on the account's store thread.
class MessageStore
{
public:
    explicit MessageStore(std::shared_ptr<StoreWorker> worker);

    /// Decrypts an incoming message inside the transaction that stores it, on
    /// the store thread: fills body and protection from `message.encrypted`.
    /// Returns false when there is nothing to store (a key transport). An
    /// error aborts the whole batch (nothing stored, nothing decrypted), so a
    /// ratchet never moves past a message that was not stored.
    using Decryptor = std::function<Core::Result<bool>(Database &db, StoredMessage &message)>;
    void setDecryptor(Decryptor decryptor) { m_decryptor = std::move(decryptor); }
    /// Runs in the same transaction for every newly stored message of a batch
    /// (rowId set, decrypted): attachments of a received link are recorded
    /// here, so a message and its attachment are stored together. An error
    /// aborts the whole batch.
    using AfterInsert =
        std::function<Core::Result<void>(Database &db, const StoredMessage &message)>;
    void setAfterInsert(AfterInsert hook) { m_afterInsert = std::move(hook); }

    /// Stores a batch in one transaction, skipping messages already stored:
    /// same conversation and origin-id, or same stanza-id, or (when neither is
    /// set) same conversation, sender and message id. Keeps the conversation
    /// summaries and the search index current.
    /// Encrypted messages are decrypted (see setDecryptor) only when new.
    QFuture<Core::Result<QList<InsertOutcome>>> insertMessages(QList<StoredMessage> batch);

    /// Commits an outgoing message (state Pending) and its outbox entry before
    /// anything goes on the wire. Returns the stored row.
    QFuture<Core::Result<StoredMessage>> enqueueOutgoing(StoredMessage message);
    /// Outgoing messages not yet acknowledged by the server, oldest first.
    QFuture<Core::Result<QList<StoredMessage>>> pendingOutbox();
    /// Moves an outgoing message's state forward (Pending < Sent < Delivered <
    /// Read; an older state never overwrites a newer one). Reaching Sent removes
    /// the outbox entry. Failed (a bounce) replaces Pending or Sent and keeps or
    /// restores the outbox entry so retry() can put the message back to Pending.
    QFuture<Core::Result<void>> updateState(QString messageId, MessageState state);
    QFuture<Core::Result<void>> retry(QString messageId);

    /// Conversation list, most recent activity first.
    QFuture<Core::Result<QList<ConversationSummary>>> conversations(int limit = 500);
    /// A page of history, newest first: rows older than `beforeRowId` (0 = newest).
    QFuture<Core::Result<QList<StoredMessage>>> messages(QString conversation,
                                                         qint64 beforeRowId = 0, int limit = 50);
    QFuture<Core::Result<void>> markConversationRead(QString conversation);
    QFuture<Core::Result<std::optional<StoredMessage>>> messageById(QString messageId);

    /// Full-text search over bodies (FTS4). Words are ANDed; a trailing "*" on a
    /// word (or `prefix` true for the last word) matches prefixes. Newest first.
    QFuture<Core::Result<QList<StoredMessage>>> search(QString query, int limit = 50);

    /// Small key/value state (MAM position, ...).
    QFuture<Core::Result<QString>> setting(QString key);
    QFuture<Core::Result<void>> setSetting(QString key, QString value);

    /// The FTS4 MATCH expression for a user's query (exposed for tests).
    static QString matchExpression(const QString &query);

private:
    std::shared_ptr<StoreWorker> m_worker;
    Decryptor m_decryptor;
    AfterInsert m_afterInsert;
};

} // namespace Store
