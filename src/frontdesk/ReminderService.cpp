// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/ReminderService.h"
#include "frontdesk/StaffNotifier.h"
#include "frontdesk/StatusPaging.h"

#include "account/Account.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"

#include "core/Jid.h"

#include <QLoggingCategory>
#include <QPromise>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReminders, "rounds.frontdesk.service")

namespace FrontDesk {

using Protocol::ChangeKind;
using Store::ReminderState;

namespace {

template<typename T>
QFuture<T> readyFuture(T value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

bool endToEnd(Store::Protection protection)
{
    return protection == Store::Protection::Encrypted || protection == Store::Protection::Verified;
}

} // namespace

ReminderService::ReminderService(Account::Account &account, ServiceConfig config,
                                 ReminderScheduler::Clock clock, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_config(std::move(config))
    , m_policy(m_config.rules)
    , m_store(std::make_unique<Store::FrontDeskStore>(account.storeWorker()))
{
    for (QString &jid : m_config.staff)
        jid = Core::Jid(jid).bareString();
    const EndpointRules endpoints = m_config.endpoints;
    m_scheduler = std::make_unique<ReminderScheduler>(
        *m_store, [endpoints](const QString &patient) { return endpoints.channelOf(patient); },
        std::move(clock));
    m_scheduler->setPollInterval(m_config.pollMs);
    m_scheduler->setSender(
        [this](const Store::ReminderRecord &reminder) { return sendReminder(reminder); });
    connect(m_scheduler.get(), &ReminderScheduler::reminderChanged, this,
            [this](qint64 id, ReminderState state, const QString &reason) {
                if (state == ReminderState::Sent)
                    m_account.audit(Core::AuditEntry::Action::ReminderSend,
                                    {u"reminder:"_s + QString::number(id)});
                else
                    m_account.audit(Core::AuditEntry::Action::ReminderSend,
                                    {u"reminder:"_s + QString::number(id),
                                     Protocol::stateName(state),
                                     reason.isEmpty() ? u"-"_s : reason});
                Q_EMIT reminderChanged(id, state);
            });
    m_notifier = std::make_unique<StaffNotifier>([this](const QString &staff,
                                                        const Protocol::Changed &changed) {
        // OMEMO like every answer; ids only.
        if (m_account.outbox())
            (void)m_account.outbox()->send(Core::Jid(staff), Protocol::toElement(changed).toXml());
    });
    m_notifier->setWatchWindow(m_config.watchWindow);
    m_notifier->setGap(m_config.eventGap);
    // Every state change (scheduler, receipts, replies) tells the watchers,
    // with its batch.
    connect(this, &ReminderService::reminderChanged, this, [this](qint64 id) {
        if (!m_notifier->hasWatchers())
            return;
        m_store->reminder(id).then(
            this, [this](Core::Result<std::optional<Store::ReminderRecord>> reminder) {
                m_notifier->note(ChangeKind::Reminders,
                                 reminder && *reminder ? (*reminder)->batch : QString());
            });
    });
}

ReminderService::~ReminderService() = default;

QFuture<Core::Result<int>> ReminderService::start()
{
    Sync::Outbox *outbox = m_account.outbox();
    Sync::OmemoService *omemo = m_account.omemo();
    if (!outbox || !omemo || !m_account.pipeline())
        return readyFuture(Core::Result<int>(
            Core::fail(Core::Error::Code::Storage, u"frontdesk-local-data-closed"_s)));
    // Plaintext goes only to gateway endpoints of the allowed domains; every
    // other message (patients' accounts, answers to staff) is OMEMO or nothing.
    const EndpointRules endpoints = m_config.endpoints;
    outbox->setEncryptor(
        [omemo, endpoints](const Store::StoredMessage &message, Xmpp::Element stanza) {
            if (endpoints.plaintextAllowed(message.conversation)) {
                stanza.appendChild(Xmpp::Element(u"body"_s).setText(message.body));
                return readyFuture(Core::Result<Xmpp::Element>(std::move(stanza)));
            }
            return omemo->encryptMessage(Core::Jid(message.conversation), message.body,
                                         std::move(stanza), message.timestamp);
        });
    connect(m_account.pipeline(), &Sync::MessagePipeline::messagesStored, this,
            &ReminderService::onMessagesStored);
    connect(&m_account, &Account::Account::messageStateChanged, this,
            &ReminderService::onMessageState);
    connect(outbox, &Sync::Outbox::stateChanged, this,
            [this](const QString &id, Store::MessageState state) {
                if (state == Store::MessageState::Failed)
                    onMessageState(id, state);
            });
    connect(outbox, &Sync::Outbox::sendFailed, this,
            [this](const QString &id, const Core::Error &) {
                onMessageState(id, Store::MessageState::Failed);
            });
    auto started = m_scheduler->start();
    // Replies stored before a crash but not handled are handled now.
    started.then(this, [this](Core::Result<int>) { recoverReplies(); });
    return started;
}

QFuture<Core::Result<QString>> ReminderService::sendReminder(const Store::ReminderRecord &reminder)
{
    return m_account.outbox()
        ->send(Core::Jid(reminder.patient), reminder.body)
        .then(this, [](Core::Result<Store::StoredMessage> stored) -> Core::Result<QString> {
            if (!stored)
                return std::unexpected(stored.error());
            return stored->messageId;
        });
}

void ReminderService::onMessageState(const QString &messageId, Store::MessageState state)
{
    if (state != Store::MessageState::Delivered && state != Store::MessageState::Read &&
        state != Store::MessageState::Failed)
        return;
    m_store->reminderForMessage(messageId).then(
        this, [this, state](Core::Result<std::optional<Store::ReminderRecord>> reminder) {
            if (!reminder || !*reminder)
                return;
            const Store::ReminderRecord &r = **reminder;
            ReminderState next = state == Store::MessageState::Failed ? ReminderState::Failed
                                                                      : ReminderState::Delivered;
            // Only forward: a reply (confirmed, ...) is never undone by a receipt.
            if (r.state != ReminderState::Sent &&
                !(next == ReminderState::Failed && r.state == ReminderState::Delivered))
                return;
            m_store
                ->setState(r.id, next, m_scheduler->now(),
                           next == ReminderState::Failed ? u"send-failed"_s : QString())
                .then(this, [this, id = r.id, next](Core::Result<void>) {
                    Q_EMIT reminderChanged(id, next);
                });
        });
}

void ReminderService::onMessagesStored(const QList<Store::StoredMessage> &messages)
{
    for (const Store::StoredMessage &m : messages) {
        if (m.direction != Store::Direction::Incoming || m_account.isRoom(m.conversation))
            continue;
        if (m.protection == Store::Protection::Undecryptable)
            continue;
        const auto element = Protocol::elementFromBody(m.body);
        const bool staff = m_config.staff.contains(m.conversation);
        if (element) {
            if (!staff || !endToEnd(m.protection)) {
                qCWarning(lcReminders) << "frontdesk request refused:" << m.messageId
                                       << (staff ? "not end-to-end encrypted" : "not staff");
                Q_EMIT requestRefused(m.conversation, staff ? u"not-encrypted"_s : u"not-staff"_s);
                continue;
            }
            auto request = Protocol::parseRequest(*element);
            if (!request) {
                answer(m.conversation, Protocol::Result{element->attribute(u"id"),
                                                        u"rejected"_s,
                                                        {RowError{0, {}, request.error().detail}}});
                continue;
            }
            handleRequest(m, *request);
            (void)m_store->markHandled(m.rowId, m_scheduler->now());
            continue;
        }
        if (isReply(m))
            handleReply(m);
    }
}

void ReminderService::handleRequest(const Store::StoredMessage &message,
                                    const Protocol::Request &request)
{
    if (const auto *batch = std::get_if<Protocol::Batch>(&request))
        handleBatch(message.conversation, *batch);
    else if (const auto *consent = std::get_if<Protocol::Consent>(&request))
        handleConsent(message.conversation, *consent);
    else if (const auto *handled = std::get_if<Protocol::ReplyHandled>(&request))
        handleReplyHandled(message.conversation, *handled);
    else
        handleStatus(message.conversation, std::get<Protocol::StatusRequest>(request));
}

void ReminderService::handleBatch(const QString &from, const Protocol::Batch &batch)
{
    const QDateTime now = m_scheduler->now();
    if (batch.overrideFindings && batch.overrideReason.isEmpty()) {
        answer(from, Protocol::Result{
                         batch.id, u"rejected"_s, {RowError{0, {}, u"override-reason-missing"_s}}});
        Q_EMIT requestHandled(from, batch.id, u"rejected"_s);
        return;
    }
    const BatchPreview preview =
        ReminderBatch::preview(batch.rows, batch.messageTemplate, m_config.endpoints, m_policy,
                               batch.overrideFindings, now.date());
    if (!preview.valid()) {
        // Nothing of a batch with an error is scheduled.
        m_account.audit(Core::AuditEntry::Action::ReminderBatch,
                        {u"batch:"_s + batch.id, u"rejected"_s, u"by:"_s + from});
        answer(from, Protocol::Result{batch.id, u"rejected"_s, preview.errors});
        Q_EMIT requestHandled(from, batch.id, u"rejected"_s);
        return;
    }
    QList<Store::ReminderRecord> reminders;
    bool overridden = false;
    for (const PreviewItem &item : preview.items) {
        Store::ReminderRecord r;
        r.line = item.line;
        r.patient = item.patient;
        r.body = item.body;
        r.due = item.sendAt;
        reminders << r;
        overridden = overridden || !item.findings.isEmpty();
    }
    Store::ReminderBatchRecord record{batch.id, from, now,
                                      templateKindName(batch.messageTemplate.kind), overridden};
    m_store->addBatch(record, reminders)
        .then(this, [this, from, batch, preview](Core::Result<bool> added) {
            if (!added) {
                answer(from, Protocol::Result{
                                 batch.id, u"rejected"_s, {RowError{0, {}, added.error().detail}}});
                Q_EMIT requestHandled(from, batch.id, u"rejected"_s);
                return;
            }
            if (!*added) {
                answer(from, Protocol::Result{batch.id, u"duplicate"_s, {}});
                Q_EMIT requestHandled(from, batch.id, u"duplicate"_s);
                return;
            }
            m_account.audit(Core::AuditEntry::Action::ReminderBatch,
                            {u"batch:"_s + batch.id, u"accepted"_s, u"by:"_s + from,
                             u"rows:"_s + QString::number(preview.items.size())});
            for (const PreviewItem &item : preview.items) {
                if (item.findings.isEmpty())
                    continue;
                QStringList objects{u"batch:"_s + batch.id, u"line:"_s + QString::number(item.line),
                                    u"by:"_s + from};
                for (const Finding f : item.findings)
                    objects << findingName(f);
                // Staff's words, limited: the audit chain keeps why, not a letter.
                objects << u"reason:"_s + batch.overrideReason.left(200);
                m_account.audit(Core::AuditEntry::Action::ReminderOverride, objects);
            }
            answer(from, Protocol::Result{batch.id, u"accepted"_s, {}});
            Q_EMIT requestHandled(from, batch.id, u"accepted"_s);
            m_notifier->note(ChangeKind::Reminders, batch.id, from);
            (void)m_scheduler->tick();
        });
}

void ReminderService::handleConsent(const QString &from, const Protocol::Consent &consent)
{
    const QString patient = Core::Jid(consent.patient).bareString();
    const QString channel = channelName(consent.channel);
    const QDateTime now = m_scheduler->now();
    const auto done = [this, from, consent, channel](QList<qint64> ids, bool ok) {
        for (const qint64 id : ids)
            m_account.audit(Core::AuditEntry::Action::ConsentChange,
                            {u"consent:"_s + QString::number(id),
                             consent.grant ? u"grant"_s : u"withdraw"_s, channel, u"by:"_s + from});
        const QString outcome = ok ? u"accepted"_s : u"rejected"_s;
        answer(from, Protocol::Result{consent.id, outcome, {}});
        Q_EMIT requestHandled(from, consent.id, outcome);
        if (!ids.isEmpty())
            m_notifier->note(ChangeKind::Consents, {}, from);
    };
    if (consent.grant) {
        m_store->grantConsent(patient, channel, now, from)
            .then(this, [done](Core::Result<qint64> id) {
                done(id ? QList<qint64>{*id} : QList<qint64>{}, id.has_value());
            });
    } else {
        m_store->withdrawConsent(patient, channel, now, from)
            .then(this, [done](Core::Result<QList<qint64>> ids) {
                done(ids.value_or(QList<qint64>()), ids.has_value());
            });
    }
}

void ReminderService::handleStatus(const QString &from, const Protocol::StatusRequest &request)
{
    if (request.watch)
        m_notifier->watch(from);
    m_store->reminders(request.batch)
        .then(this, [this, from, request](Core::Result<QList<Store::ReminderRecord>> reminders) {
            answerStatus(from, request, reminders.value_or(QList<Store::ReminderRecord>()));
        });
}

void ReminderService::answerStatus(const QString &from, const Protocol::StatusRequest &request,
                                   QList<Store::ReminderRecord> reminders)
{
    Protocol::Status status;
    if (request.max > 0) {
        auto page = StatusPaging::page(std::move(reminders), request.max, request.after);
        if (!page) {
            answer(from, Protocol::Result{
                             request.id, u"rejected"_s, {RowError{0, {}, page.error().detail}}});
            Q_EMIT requestHandled(from, request.id, u"rejected"_s);
            return;
        }
        status = std::move(*page);
    } else {
        status.reminders = std::move(reminders); // unpaged: everything, as older clients expect
    }
    status.id = request.id;
    for (Store::ReminderRecord &r : status.reminders)
        r.body.clear();
    if (request.after > 0) {
        // Replies and consents travel with the first page only.
        answer(from, status);
        Q_EMIT requestHandled(from, request.id, u"status"_s);
        return;
    }
    m_store->openReplies().then(
        this, [this, from, status](Core::Result<QList<Store::QueuedReply>> q) mutable {
            status.replies = q.value_or(QList<Store::QueuedReply>());
            status.openReplies = int(status.replies.size());
            m_store->consents().then(
                this, [this, from, status](Core::Result<QList<Store::ConsentRecord>> consents) {
                    Protocol::Status full = status;
                    full.consents = consents.value_or(QList<Store::ConsentRecord>());
                    answer(from, full);
                    Q_EMIT requestHandled(from, full.id, u"status"_s);
                });
        });
}

void ReminderService::handleReply(const Store::StoredMessage &message)
{
    // Each step is idempotent and the message is marked handled only at the
    // end, so a reply whose handling a crash cut short is handled again at the
    // next start (recoverReplies) without doing anything twice.
    if (m_replying.contains(message.rowId))
        return;
    m_replying.insert(message.rowId);
    const QString patient = message.conversation;
    const ReplyIntent intent = classifyReply(message.body);
    const QDateTime now = m_scheduler->now();
    const qint64 row = message.rowId;
    const auto finish = [this, row, patient, now](qint64 reminder, ReplyIntent handled) {
        m_store->markHandled(row, now).then(this, [this, row, patient, reminder, handled](auto) {
            m_replying.remove(row);
            Q_EMIT replyHandled(patient, reminder, handled);
        });
    };
    if (intent == ReplyIntent::OptOut) {
        // Withdrawn on the channel the reply came from; recorded as the patient's own.
        const QString channel = channelName(m_config.endpoints.channelOf(patient));
        m_store->withdrawConsent(patient, channel, now, u"patient-reply"_s)
            .then(this, [this, patient, now, channel, finish](Core::Result<QList<qint64>> ids) {
                for (const qint64 id : ids.value_or(QList<qint64>()))
                    m_account.audit(Core::AuditEntry::Action::ConsentChange,
                                    {u"consent:"_s + QString::number(id), u"withdraw"_s, channel,
                                     u"by:patient-reply"_s});
                if (ids && !ids->isEmpty())
                    m_notifier->note(ChangeKind::Consents);
                m_store->optOutScheduled(patient, now)
                    .then(this, [this, patient, now, finish](Core::Result<QList<qint64>> out) {
                        if (out && !out->isEmpty())
                            m_notifier->note(ChangeKind::Reminders);
                        m_store->latestSentTo(patient).then(
                            this, [this, now, finish](
                                      Core::Result<std::optional<Store::ReminderRecord>> latest) {
                                const qint64 id = latest && *latest ? (*latest)->id : 0;
                                if (id && ((*latest)->state == ReminderState::Sent ||
                                           (*latest)->state == ReminderState::Delivered)) {
                                    m_store
                                        ->setState(id, ReminderState::OptedOut, now, u"opted-out"_s)
                                        .then(this, [this, id, finish](auto) {
                                            Q_EMIT reminderChanged(id, ReminderState::OptedOut);
                                            finish(id, ReplyIntent::OptOut);
                                        });
                                    return;
                                }
                                finish(id, ReplyIntent::OptOut);
                            });
                    });
            });
        return;
    }
    m_store->latestSentTo(patient).then(
        this, [this, patient, intent, now, finish, messageId = message.messageId](
                  Core::Result<std::optional<Store::ReminderRecord>> l) {
            const qint64 id = l && *l ? (*l)->id : 0;
            ReminderState next = ReminderState::Sent;
            switch (intent) {
            case ReplyIntent::Confirm:
                next = ReminderState::Confirmed;
                break;
            case ReplyIntent::Reschedule:
                next = ReminderState::RescheduleRequested;
                break;
            case ReplyIntent::Cancel:
                next = ReminderState::Cancelled;
                break;
            case ReplyIntent::OptOut:
            case ReplyIntent::Other:
                break;
            }
            if (id == 0 || intent == ReplyIntent::Other || (*l)->state == ReminderState::OptedOut) {
                // For a person at the front desk.
                m_store->enqueueReply({0, patient, id, messageId, now, {}})
                    .then(this, [this, finish, id](auto) {
                        m_notifier->note(ChangeKind::Replies);
                        finish(id, ReplyIntent::Other);
                    });
                return;
            }
            m_store->setState(id, next, now).then(this, [this, id, next, intent, finish](auto) {
                Q_EMIT reminderChanged(id, next);
                finish(id, intent);
            });
        });
}

bool ReminderService::isReply(const Store::StoredMessage &m) const
{
    return m.direction == Store::Direction::Incoming && !m_account.isRoom(m.conversation) &&
           m.protection != Store::Protection::Undecryptable &&
           !m_config.staff.contains(m.conversation) && !Protocol::elementFromBody(m.body);
}

void ReminderService::recoverReplies()
{
    m_store->unhandledIncoming().then(
        this, [this](Core::Result<QList<Store::StoredMessage>> messages) {
            if (!messages) {
                qCWarning(lcReminders)
                    << "frontdesk reply recovery failed:" << messages.error().detail;
                return;
            }
            int replies = 0;
            for (const Store::StoredMessage &m : std::as_const(*messages)) {
                if (isReply(m)) {
                    handleReply(m);
                    ++replies;
                } else {
                    // Staff requests are not replayed after a crash: staff see
                    // the outcome in the status and resubmit (a batch id is
                    // answered "duplicate").
                    (void)m_store->markHandled(m.rowId, m_scheduler->now());
                }
            }
            if (replies > 0)
                qCInfo(lcReminders) << "frontdesk replies handled after restart:" << replies;
        });
}

void ReminderService::handleReplyHandled(const QString &from, const Protocol::ReplyHandled &handled)
{
    m_store->markQueuedHandled(handled.reply, from, m_scheduler->now())
        .then(this, [this, from, handled](Core::Result<bool> done) {
            const QString outcome = done && *done ? u"accepted"_s : u"rejected"_s;
            answer(from, Protocol::Result{handled.id, outcome, {}});
            Q_EMIT requestHandled(from, handled.id, outcome);
            if (done && *done)
                m_notifier->note(ChangeKind::Replies, {}, from);
        });
}

void ReminderService::answer(const QString &to, const Protocol::Answer &answer)
{
    (void)m_account.outbox()->send(Core::Jid(to), Protocol::toElement(answer).toXml());
}

} // namespace FrontDesk
