// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MessagePipeline.h"

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
    stored.sender = outgoing && !message.from.isValid() ? m_self.toString() : message.from.toString();
    stored.messageId = message.id;
    stored.originId = message.originId;
    if (Core::Jid(message.stanzaIdBy) == m_self)
        stored.stanzaId = message.stanzaId;
    stored.timestamp = message.delayed.isValid() ? message.delayed.toUTC()
                                                 : QDateTime::currentDateTimeUtc();
    stored.body = message.body;
    stored.state = outgoing ? Store::MessageState::Sent : Store::MessageState::Received;
    return stored;
}

void MessagePipeline::ingestLive(const Xmpp::Message &message)
{
    if (!message.from.isValid() || message.body.isNull())
        return;
    enqueue(toStored(message, false));
}

void MessagePipeline::ingestCarbon(const Xmpp::Message &message, bool sent)
{
    if (message.body.isNull())
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
            if (!outcomes) {
                qCWarning(lcPipeline) << "storing" << messages.size()
                                      << "messages failed:" << outcomes.error().detail;
                Q_EMIT storageFailed(outcomes.error());
                return outcomes;
            }
            QList<StoredMessage> fresh;
            for (qsizetype i = 0; i < messages.size() && i < outcomes->size(); ++i) {
                if ((*outcomes)[i].duplicate)
                    continue;
                StoredMessage m = messages[i];
                m.rowId = (*outcomes)[i].rowId;
                fresh.append(std::move(m));
            }
            if (fresh.size() != messages.size())
                qCInfo(lcPipeline) << messages.size() - fresh.size() << "duplicates skipped";
            if (!fresh.isEmpty())
                Q_EMIT messagesStored(fresh);
            return outcomes;
        });
}

} // namespace Sync
