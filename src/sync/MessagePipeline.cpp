// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MessagePipeline.h"

#include "xmpp/extensions/OmemoElements.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcPipeline, "rounds.sync.pipeline", QtInfoMsg)

namespace Sync {

using Store::StoredMessage;

MessagePipeline::MessagePipeline(Core::Jid self, Store::MessageStore &store, QObject *parent)
    : QObject(parent)
    , m_self(self.bare())
    , m_store(store)
{
}

StoredMessage MessagePipeline::toStored(const Xmpp::Message &message, bool outgoing) const
{
    StoredMessage stored;
    stored.direction = outgoing ? Store::Direction::Outgoing : Store::Direction::Incoming;
    stored.conversation = outgoing ? message.to.bareString() : message.from.bareString();
    stored.sender =
        outgoing && !message.from.isValid() ? m_self.toString() : message.from.toString();
    stored.messageId = message.id;
    stored.originId = message.originId;
    if (Core::Jid(message.stanzaIdBy) == m_self)
        stored.stanzaId = message.stanzaId;
    stored.timestamp =
        message.delayed.isValid() ? message.delayed.toUTC() : QDateTime::currentDateTimeUtc();
    stored.body = message.body;
    stored.state = outgoing ? Store::MessageState::Sent : Store::MessageState::Received;
    if (auto encrypted = Xmpp::Omemo::encryptedFromMessage(message.element)) {
        // The body is only the fallback text; the store's decryptor replaces it.
        stored.body.clear();
        stored.e2eVersion = int(encrypted->version);
        stored.senderDevice = encrypted->senderDeviceId;
        stored.encrypted = std::move(*encrypted);
    } else if (isEncryptedMessage(message.element)) {
        // Claims OMEMO but does not parse: keep it visible as undecryptable.
        stored.body.clear();
        stored.protection = Store::Protection::Undecryptable;
        stored.e2eError = QStringLiteral("omemo-invalid-message");
    }
    if (m_annotator)
        m_annotator(message, stored);
    return stored;
}

bool MessagePipeline::isEncryptedMessage(const Xmpp::Element &stanza)
{
    return stanza.hasChild(u"encrypted", Xmpp::Omemo::LegacyNs) ||
           stanza.hasChild(u"encrypted", Xmpp::Omemo::V2Ns);
}

bool MessagePipeline::isStorable(const Xmpp::Message &message)
{
    return !message.body.isNull() || isEncryptedMessage(message.element);
}

void MessagePipeline::ingestLive(const Xmpp::Message &message)
{
    if (!message.from.isValid() || !isStorable(message))
        return;
    enqueue(toStored(message, false));
}

void MessagePipeline::ingestGroupchat(const Xmpp::Message &message, const Core::Jid &realSender)
{
    if (!message.from.isValid() || !isStorable(message))
        return;
    const Core::Jid room = message.from.bare();
    const bool outgoing = realSender.isValid() && realSender.bare() == m_self;
    StoredMessage stored = toStored(message, false);
    stored.conversation = room.bareString();
    stored.direction = outgoing ? Store::Direction::Outgoing : Store::Direction::Incoming;
    stored.state = outgoing ? Store::MessageState::Sent : Store::MessageState::Received;
    // The room's archive key (MUC MAM), not ours.
    stored.stanzaId = Core::Jid(message.stanzaIdBy) == room ? message.stanzaId : QString();
    if (realSender.isValid()) {
        stored.sender = realSender.bareString();
    } else {
        stored.sender = message.from.toString();
        if (stored.encrypted) {
            // Without the member's real JID there is no session to decrypt with.
            stored.encrypted.reset();
            stored.protection = Store::Protection::Undecryptable;
            stored.e2eError = QStringLiteral("muc-unknown-sender");
        }
    }
    if (outgoing && !stored.originId.isEmpty())
        m_reflections.insert(stored.originId);
    enqueue(std::move(stored));
}

void MessagePipeline::ingestCarbon(const Xmpp::Message &message, bool sent)
{
    if (!isStorable(message))
        return;
    enqueue(toStored(message, sent));
}

void MessagePipeline::enqueue(StoredMessage message)
{
    if (message.conversation.isEmpty())
        return;
    m_pending.append(std::move(message));
    // A burst (offline delivery, a busy ward) arrives one frame at a time:
    // collect a few milliseconds of it so one transaction stores many.
    if (m_pending.size() >= MaxBatch) {
        flushPending();
        return;
    }
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QTimer::singleShot(CoalesceMs, this, &MessagePipeline::flushPending);
    }
}

void MessagePipeline::flushPending()
{
    m_flushScheduled = false;
    if (m_pending.isEmpty())
        return;
    (void)ingestBatch(std::exchange(m_pending, {}));
}

QFuture<Core::Result<QList<Store::InsertOutcome>>>
MessagePipeline::ingestBatch(const QList<StoredMessage> &messages)
{
    return m_store.insertMessages(messages).then(
        this, [this, messages](Core::Result<QList<Store::InsertOutcome>> outcomes) {
            Q_EMIT batchProcessed();
            if (!outcomes) {
                qCWarning(lcPipeline) << "storing" << messages.size()
                                      << "messages failed:" << outcomes.error().detail;
                Q_EMIT storageFailed(outcomes.error());
                return outcomes;
            }
            QList<StoredMessage> fresh;
            for (qsizetype i = 0; i < outcomes->size(); ++i) {
                const Store::InsertOutcome &outcome = outcomes->at(i);
                if (!outcome.duplicate && !outcome.skipped)
                    fresh.append(outcome.message);
                const StoredMessage &in = messages.at(i);
                if (in.direction == Store::Direction::Outgoing &&
                    m_reflections.remove(in.originId) && outcome.duplicate)
                    markReflected(in.originId);
            }
            if (fresh.size() != messages.size())
                qCInfo(lcPipeline)
                    << messages.size() - fresh.size() << "duplicates or key transports skipped";
            if (!fresh.isEmpty())
                Q_EMIT messagesStored(fresh);
            return outcomes;
        });
}

void MessagePipeline::markReflected(const QString &originId)
{
    // The outbox uses the origin-id as the stanza id of what it sends.
    m_store.updateState(originId, Store::MessageState::Delivered)
        .then(this, [this, originId](Core::Result<void> done) {
            if (done)
                Q_EMIT roomMessageReflected(originId);
        });
}

} // namespace Sync
