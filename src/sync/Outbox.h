// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageStore.h"
#include "store/StoreTypes.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QObject>
#include <QSet>

#include <functional>

#include "xmpp/Element.h"

namespace Xmpp {
class Client;
class MessagingExtension;
} // namespace Xmpp

namespace Sync {

/// Exactly-once sending (DESIGN section 3): the message and its outbox entry are
/// committed before anything goes on the wire; the stanza carries the stored id
/// as origin-id; the server's XEP-0198 acknowledgement marks it sent. After a
/// crash, restart or failed resume every pending entry is sent again with the
/// same id, and receivers de-duplicate on it. A message the server bounces is
/// marked failed and can be retried.
class Outbox : public QObject
{
    Q_OBJECT
public:
    Outbox(Xmpp::Client &client, Xmpp::MessagingExtension &messaging, Store::MessageStore &store,
           QObject *parent = nullptr);

    /// Stores and sends. Finishes once the message is committed (not yet sent).
    QFuture<Core::Result<Store::StoredMessage>> send(const Core::Jid &to, const QString &body);
    /// The same; `prepare` fills further columns of the row before it is
    /// committed (clinical priority, expiry, escalation link).
    using Preparer = std::function<void(Store::StoredMessage &message)>;
    QFuture<Core::Result<Store::StoredMessage>> send(const Core::Jid &to, const QString &body,
                                                     const Preparer &prepare);
    /// Adds payloads to every stanza built for a stored message, first sends
    /// and resends alike (clinical elements, from the row's columns).
    using Decorator =
        std::function<void(const Store::StoredMessage &message, Xmpp::Element &stanza)>;
    void setDecorator(Decorator decorator) { m_decorator = std::move(decorator); }
    /// Puts a failed message back in the outbox and sends it.
    QFuture<Core::Result<void>> retry(const QString &messageId);
    /// Takes a message that waits for the connection out of the sending queue:
    /// it is marked failed (sendFailed with Error::Code::Cancelled), and
    /// retry() puts it back. A message already handed to the connection or the
    /// encryptor cannot be cancelled (Policy "outbox-already-sent").
    QFuture<Core::Result<void>> cancel(const QString &messageId);
    /// Whether a pending message waits for the connection (nothing of it went out yet).
    bool isWaiting(const QString &messageId) const { return m_waiting.contains(messageId); }
    /// Sends everything still pending (called when a new session starts).
    void flush();

    /// Messages handed to the connection and not yet acknowledged.
    int inFlight() const { return int(m_inFlight.size()); }

    /// End-to-end encryption of each outgoing stanza (OmemoService): gets the
    /// stored message and its plain stanza, finishes with the stanza to send or
    /// an error, which marks the message failed (sendFailed says why). Messages
    /// are encrypted and sent one at a time, in order.
    using Encryptor = std::function<QFuture<Core::Result<Xmpp::Element>>(
        const Store::StoredMessage &message, Xmpp::Element stanza)>;
    void setEncryptor(Encryptor encryptor) { m_encryptor = std::move(encryptor); }
    /// Called in send() before the commit (after the message got its time):
    /// the encryptor's network lookups for `to`
    /// (OmemoService::prefetchDeviceLists) overlap the disk write.
    using Warmer = std::function<void(const Core::Jid &to)>;
    void setWarmer(Warmer warmer) { m_warmer = std::move(warmer); }

    /// Whether a conversation is a care-team room (XEP-0045): its messages go
    /// out as type groupchat, without receipt or marker requests. Everything
    /// else about them (commit first, origin-id, resends) is as for 1:1.
    using RoomCheck = std::function<bool(const QString &conversation)>;
    void setRoomCheck(RoomCheck check) { m_isRoom = std::move(check); }
    bool isRoom(const QString &conversation) const { return m_isRoom && m_isRoom(conversation); }

Q_SIGNALS:
    /// A message was committed to the outbox (it goes on the wire next).
    void committed(const Store::StoredMessage &message);
    void stateChanged(const QString &messageId, Store::MessageState state);
    /// The message could not be sent (it is marked failed): encryption or
    /// policy refused it. `error` says why, without content.
    void sendFailed(const QString &messageId, const Core::Error &error);
    /// The store refused a write; nothing was sent.
    void storageFailed(const Core::Error &error);

private:
    /// The chat stanza for a stored message (origin-id, receipt request, markable),
    /// or the groupchat stanza for a room's.
    Xmpp::Element stanzaFor(const Store::StoredMessage &message, bool withBody) const;
    void transmit(const Store::StoredMessage &message);
    void pump();
    void onAcknowledged(const QString &id);
    void onBounce(const Xmpp::Element &stanza);
    void setState(const QString &id, Store::MessageState state);

    Xmpp::Client &m_client;
    Xmpp::MessagingExtension &m_messaging;
    Store::MessageStore &m_store;
    QSet<QString> m_inFlight;
    Encryptor m_encryptor;
    RoomCheck m_isRoom;
    Decorator m_decorator;
    Warmer m_warmer;
    QList<Store::StoredMessage> m_toEncrypt; ///< waiting for the encryptor, in order
    QSet<QString> m_preparing;               ///< in m_toEncrypt or being encrypted
    /// Committed while offline: sent (once) when the next session starts.
    /// Encrypting offline would only wait for key requests that time out.
    QSet<QString> m_waiting;
    QSet<QString> m_cancelled; ///< cancelled while waiting; flush() leaves them alone
    bool m_encrypting = false;
};

} // namespace Sync
