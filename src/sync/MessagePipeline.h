// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageStore.h"
#include "store/StoreTypes.h"

#include "xmpp/Message.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QObject>
#include <QSet>

#include <functional>

namespace Sync {

/// The incoming half of DESIGN section 3: every message, whether it arrived
/// live, as a carbon of another device's traffic, or from the archive, goes
/// through here: converted, de-duplicated and stored in one transaction per
/// batch, then announced. OMEMO messages are decrypted inside the store
/// transaction (MessageStore::setDecryptor), after de-duplication.
class MessagePipeline : public QObject
{
    Q_OBJECT
public:
    MessagePipeline(Core::Jid self, Store::MessageStore &store, QObject *parent = nullptr);

    /// A message received on the live stream. Arrivals within one event-loop
    /// turn are stored together.
    void ingestLive(const Xmpp::Message &message);
    /// A carbon copy: `sent` when another device of ours sent it.
    void ingestCarbon(const Xmpp::Message &message, bool sent);
    /// A groupchat message of a care-team room (XEP-0045). `realSender` is the
    /// occupant's real JID (invalid when unknown): the sender of the stored row
    /// and the address OMEMO decrypts from. The room's bare JID is the
    /// conversation. Our own message reflected by the room is recognised by its
    /// origin-id: not stored again, and our row moves to Delivered.
    void ingestGroupchat(const Xmpp::Message &message, const Core::Jid &realSender);
    /// A page of archived messages; finishes when they are stored.
    QFuture<Core::Result<QList<Store::InsertOutcome>>>
    ingestBatch(const QList<Store::StoredMessage> &messages);

    /// Converts a stanza for storage. Only a stanza-id set by our own archive
    /// (`by` is our bare JID) is trusted as the archive key.
    Store::StoredMessage toStored(const Xmpp::Message &message, bool outgoing) const;

    const Core::Jid &self() const { return m_self; }

    /// Reads extra payloads of a stanza into the row to store (clinical
    /// priority, expiry; src/clinical). Runs in toStored() for live, carbon and
    /// archived messages alike.
    using Annotator = std::function<void(const Xmpp::Message &message, Store::StoredMessage &row)>;
    void setAnnotator(Annotator annotator) { m_annotator = std::move(annotator); }

    /// Carries an OMEMO <encrypted/> element (either version), parseable or not.
    static bool isEncryptedMessage(const Xmpp::Element &stanza);
    /// Has a body or is encrypted (a key transport has neither a body nor
    /// anything to show, but must still reach the decryptor).
    static bool isStorable(const Xmpp::Message &message);

Q_SIGNALS:
    /// Newly stored messages (duplicates left out), in arrival order.
    void messagesStored(const QList<Store::StoredMessage> &messages);
    void storageFailed(const Core::Error &error);
    /// A batch went through the store (stored, duplicate or key transport).
    void batchProcessed();
    /// A room reflected one of our messages (by origin-id): it reached the room.
    void roomMessageReflected(const QString &messageId);

private:
    static constexpr int CoalesceMs = 5;
    static constexpr qsizetype MaxBatch = 500;

    void enqueue(Store::StoredMessage message);
    void flushPending();
    void markReflected(const QString &originId);

    Core::Jid m_self;
    Store::MessageStore &m_store;
    QList<Store::StoredMessage> m_pending;
    bool m_flushScheduled = false;
    QSet<QString> m_reflections; ///< origin-ids of our own groupchat messages in flight
    Annotator m_annotator;
};

} // namespace Sync
