// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/Outbox.h"

#include "xmpp/Client.h"
#include "xmpp/Message.h"
#include "xmpp/extensions/ChatMarkersExtension.h"
#include "xmpp/extensions/MessagingExtension.h"
#include "xmpp/extensions/ReceiptsExtension.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOutbox, "rounds.sync.outbox", QtInfoMsg)

namespace Sync {

using Store::MessageState;
using Store::StoredMessage;

Outbox::Outbox(Xmpp::Client &client, Xmpp::MessagingExtension &messaging,
               Store::MessageStore &store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_messaging(messaging)
    , m_store(store)
{
    connect(&m_client, &Xmpp::Client::stanzaAcknowledged, this, &Outbox::onAcknowledged);
    connect(&m_client, &Xmpp::Client::sessionStarted, this, [this](bool resumed) {
        // A resumed stream resends its own unacknowledged stanzas; a new
        // session gets everything still pending. Either way, what was committed
        // while offline goes out now (flush skips what the connection has).
        if (!resumed || !m_waiting.isEmpty())
            flush();
    });
    connect(&m_client, &Xmpp::Client::stateChanged, this, [this](Xmpp::Client::State state) {
        // After a sign-out the connection forgets its queue: the store has it.
        if (state == Xmpp::Client::State::Disconnected)
            m_inFlight.clear();
    });
    connect(&m_client, &Xmpp::Client::stanzaReceived, this, &Outbox::onBounce);
}

QFuture<Core::Result<StoredMessage>> Outbox::send(const Core::Jid &to, const QString &body)
{
    return send(to, body, Preparer());
}

QFuture<Core::Result<StoredMessage>> Outbox::send(const Core::Jid &to, const QString &body,
                                                  const Preparer &prepare)
{
    StoredMessage message;
    message.conversation = to.bareString();
    message.direction = Store::Direction::Outgoing;
    message.sender = m_client.config().jid.bareString();
    message.messageId = Xmpp::Client::newId();
    message.originId = message.messageId;
    message.timestamp = QDateTime::currentDateTimeUtc();
    message.body = body;
    message.state = MessageState::Pending;
    if (prepare)
        prepare(message);
    // After the timestamp: a lookup started now is current for this message.
    if (m_warmer)
        m_warmer(to);
    return m_store.enqueueOutgoing(message).then(this, [this](Core::Result<StoredMessage> stored) {
        if (!stored) {
            qCWarning(lcOutbox) << "outbox commit failed:" << stored.error().detail;
            Q_EMIT storageFailed(stored.error());
            return stored;
        }
        // Committed: only now may it go on the wire.
        Q_EMIT committed(*stored);
        transmit(*stored);
        return stored;
    });
}

QFuture<Core::Result<void>> Outbox::cancel(const QString &messageId)
{
    if (m_inFlight.contains(messageId) || m_preparing.contains(messageId))
        return QtFuture::makeReadyFuture(Core::Result<void>(std::unexpected(
            Core::Error{Core::Error::Code::Policy, QStringLiteral("outbox-already-sent")})));
    m_waiting.remove(messageId);
    m_cancelled.insert(messageId);
    return m_store.updateState(messageId, MessageState::Failed)
        .then(this, [this, messageId](Core::Result<void> done) {
            if (!done) {
                Q_EMIT storageFailed(done.error());
                return done;
            }
            qCInfo(lcOutbox) << "message" << messageId << "cancelled";
            Q_EMIT stateChanged(messageId, MessageState::Failed);
            Q_EMIT sendFailed(messageId,
                              {Core::Error::Code::Cancelled, QStringLiteral("outbox-cancelled")});
            return done;
        });
}

QFuture<Core::Result<void>> Outbox::retry(const QString &messageId)
{
    m_cancelled.remove(messageId);
    return m_store.retry(messageId).then(this, [this, messageId](Core::Result<void> done) {
        if (!done)
            return done;
        Q_EMIT stateChanged(messageId, MessageState::Pending);
        m_store.messageById(messageId).then(this,
                                            [this](Core::Result<std::optional<StoredMessage>> m) {
                                                if (m && *m)
                                                    transmit(**m);
                                            });
        return done;
    });
}

void Outbox::flush()
{
    m_store.pendingOutbox().then(this, [this](Core::Result<QList<StoredMessage>> pending) {
        if (!pending) {
            Q_EMIT storageFailed(pending.error());
            return;
        }
        int sent = 0;
        for (const StoredMessage &message : std::as_const(*pending)) {
            if (m_inFlight.contains(message.messageId) || m_preparing.contains(message.messageId) ||
                m_cancelled.contains(message.messageId))
                continue; // the connection (or the encryptor) still has it
            m_waiting.remove(message.messageId);
            transmit(message);
            ++sent;
        }
        if (sent > 0)
            qCInfo(lcOutbox) << "resent" << sent << "pending messages";
    });
}

Xmpp::Element Outbox::stanzaFor(const StoredMessage &message, bool withBody) const
{
    const bool room = isRoom(message.conversation);
    Xmpp::Message stanza;
    stanza.id = message.messageId;
    stanza.originId = message.originId.isEmpty() ? message.messageId : message.originId;
    stanza.to = Core::Jid(message.conversation);
    stanza.type = room ? QStringLiteral("groupchat") : QStringLiteral("chat");
    if (withBody)
        stanza.body = message.body;
    Xmpp::Element element = stanza.toElement();
    if (m_decorator)
        m_decorator(message, element);
    if (room)
        return element; // the room's reflection confirms it; members send no receipts
    // XEP-0184 and XEP-0333: ask for delivery and read state.
    Xmpp::ReceiptsExtension::addRequest(element);
    Xmpp::ChatMarkersExtension::addMarkable(element);
    return element;
}

void Outbox::transmit(const StoredMessage &message)
{
    if (message.state != MessageState::Pending)
        return;
    if (!m_client.isConnected()) {
        // No link: the next session's flush() sends it, exactly once.
        m_waiting.insert(message.messageId);
        return;
    }
    m_waiting.remove(message.messageId);
    if (!m_encryptor) {
        m_inFlight.insert(message.messageId);
        m_client.send(stanzaFor(message, true));
        return;
    }
    if (m_preparing.contains(message.messageId))
        return;
    m_preparing.insert(message.messageId);
    m_toEncrypt.append(message);
    pump();
}

void Outbox::pump()
{
    if (m_encrypting || m_toEncrypt.isEmpty())
        return;
    m_encrypting = true;
    const StoredMessage message = m_toEncrypt.takeFirst();
    // No plain body: the encryptor adds the fallback text.
    m_encryptor(message, stanzaFor(message, false))
        .then(this, [this, id = message.messageId](Core::Result<Xmpp::Element> encrypted) {
            m_encrypting = false;
            m_preparing.remove(id);
            if (!encrypted) {
                qCInfo(lcOutbox) << "message" << id << "not sent:" << encrypted.error().detail;
                setState(id, MessageState::Failed);
                Q_EMIT sendFailed(id, encrypted.error());
            } else {
                m_inFlight.insert(id);
                m_client.send(*encrypted);
            }
            pump();
        });
}

void Outbox::onAcknowledged(const QString &id)
{
    if (!m_inFlight.remove(id))
        return;
    setState(id, MessageState::Sent);
}

void Outbox::onBounce(const Xmpp::Element &stanza)
{
    if (stanza.name() != u"message" || stanza.attribute(u"type") != u"error")
        return;
    const QString id = stanza.attribute(u"id");
    if (id.isEmpty())
        return;
    // The server or the recipient's server bounced it: show it failed, keep it
    // in the outbox for a retry.
    qCInfo(lcOutbox) << "message bounced:" << id;
    m_inFlight.remove(id);
    setState(id, MessageState::Failed);
}

void Outbox::setState(const QString &id, MessageState state)
{
    m_store.updateState(id, state).then(this, [this, id, state](Core::Result<void> done) {
        if (!done) {
            Q_EMIT storageFailed(done.error());
            return;
        }
        Q_EMIT stateChanged(id, state);
    });
}

} // namespace Sync
