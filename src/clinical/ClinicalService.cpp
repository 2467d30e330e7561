// SPDX-License-Identifier: GPL-3.0-or-later
#include "clinical/ClinicalService.h"

#include "account/Account.h"
#include "clinical/DirectoryService.h"
#include "clinical/OnCallPolicy.h"
#include "store/MessageStore.h"
#include "sync/MamCatchUp.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/CarbonsExtension.h"
#include "xmpp/extensions/MucExtension.h"

#include <QLoggingCategory>
#include <QMutex>

Q_LOGGING_CATEGORY(lcClinical, "rounds.clinical", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Clinical {

using Core::AuditEntry;
using Core::Error;
using Store::StoredMessage;

namespace {

template<typename T>
QFuture<Core::Result<T>> refuse(Error::Code code, const QString &detail)
{
    return QtFuture::makeReadyFuture(Core::Result<T>(std::unexpected(Error{code, detail})));
}

QString idOf(const StoredMessage &message)
{
    return message.originId.isEmpty() ? message.messageId : message.originId;
}

QString stashKey(const QString &conversation, const QString &messageId)
{
    return conversation + u'\n' + messageId;
}

} // namespace

/// Forward references seen on incoming messages (in the clear by the
/// annotator, inside the OMEMO 2 envelope by the content reader on the store
/// thread) until onStored() has the row for them.
namespace Detail {

struct ForwardStash
{
    QMutex mutex;
    QHash<QString, ForwardedFrom> refs;

    void put(const QString &key, const ForwardedFrom &from)
    {
        QMutexLocker lock(&mutex);
        if (refs.size() > 4096)
            refs.clear(); // rows that never came (duplicates): forget them
        refs.insert(key, from);
    }
    std::optional<ForwardedFrom> take(const QString &key)
    {
        QMutexLocker lock(&mutex);
        const auto it = refs.constFind(key);
        if (it == refs.cend())
            return std::nullopt;
        const ForwardedFrom from = *it;
        refs.erase(it);
        return from;
    }
};

} // namespace Detail

namespace {

/// The clinical elements among the children of `holder` (a stanza, or the
/// envelope's <content/>) onto a row; absent ones leave the row as it is.
void readClinical(const Xmpp::Element &holder, StoredMessage &row,
                  const std::shared_ptr<Detail::ForwardStash> &stash)
{
    if (holder.hasChild(u"priority", Ns))
        row.priority = int(priorityOf(holder));
    if (const QDateTime expiry = expiryOf(holder); expiry.isValid())
        row.expiresAt = expiry;
    if (const auto escalation = escalationOf(holder)) {
        row.escalationOf = escalation->of;
        row.escalationStep = escalation->step;
    }
    if (const auto from = forwardedFromOf(holder))
        stash->put(stashKey(row.conversation, row.messageId), *from);
}

} // namespace

ClinicalService::ClinicalService(Account::Account &account, DirectoryService &directory,
                                 EscalationScheduler::Clock clock, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_directory(directory)
    , m_store(std::make_unique<Store::ClinicalStore>(account.storeWorker()))
    , m_scheduler(std::move(clock))
    , m_forwardStash(std::make_shared<Detail::ForwardStash>())
{
    if (Sync::OmemoService *omemo = m_account.omemo()) {
        // OMEMO 2: the clinical elements travel inside the SCE envelope.
        omemo->setSealedNamespaces({Ns.toString()});
        omemo->setContentReader(
            [stash = m_forwardStash](const QList<Xmpp::Element> &content, StoredMessage &row) {
                Xmpp::Element holder(u"content"_s);
                holder.children() = content;
                readClinical(holder, row, stash);
            });
    }
    if (Sync::MessagePipeline *pipeline = m_account.pipeline()) {
        pipeline->setAnnotator(
            [this](const Xmpp::Message &message, StoredMessage &row) { annotate(message, row); });
        connect(pipeline, &Sync::MessagePipeline::messagesStored, this, &ClinicalService::onStored);
    }
    if (Sync::Outbox *outbox = m_account.outbox()) {
        outbox->setDecorator([this](const StoredMessage &message, Xmpp::Element &stanza) {
            decorate(message, stanza);
        });
        connect(outbox, &Sync::Outbox::stateChanged, this,
                [this](const QString &id, Store::MessageState state) {
                    if (state != Store::MessageState::Pending &&
                        state != Store::MessageState::Failed)
                        m_outgoingForwards.remove(id);
                });
    }
    // Body-less signals: no extension takes them, so they arrive unhandled.
    connect(&m_account.client(), &Xmpp::Client::stanzaReceived, this,
            [this](const Xmpp::Element &stanza) {
                if (stanza.name() == u"message" && stanza.attribute(u"type") != u"error")
                    onSignal(stanza, false);
            });
    connect(&m_account.carbons(), &Xmpp::CarbonsExtension::carbonReceived, this,
            [this](const Xmpp::Message &message, Xmpp::CarbonsExtension::Direction direction) {
                onSignal(message.element, direction == Xmpp::CarbonsExtension::Direction::Sent);
            });
    if (Sync::MamCatchUp *catchUp = m_account.catchUp())
        connect(
            catchUp, &Sync::MamCatchUp::archivedSignal, this, [this](const Xmpp::Message &message) {
                onSignal(message.element, message.from.bare() == m_account.settings().jid.bare());
            });
    connect(&m_scheduler, &EscalationScheduler::due, this, &ClinicalService::onDue);
    connect(&m_directory, &DirectoryService::directoryChanged, this, [this] {
        const QSet<qint64> waiting = std::exchange(m_waiting, {});
        for (const qint64 row : waiting)
            onDue(row);
    });
    connect(&m_purgeTimer, &QTimer::timeout, this, [this] { (void)purgeNow(); });
    connect(&m_reminderTimer, &QTimer::timeout, this, &ClinicalService::remind);
    setPolicy(m_policy);
}

ClinicalService::~ClinicalService()
{
    if (Sync::MessagePipeline *pipeline = m_account.pipeline())
        pipeline->setAnnotator({});
    if (Sync::Outbox *outbox = m_account.outbox())
        outbox->setDecorator({});
    if (Sync::OmemoService *omemo = m_account.omemo()) {
        omemo->setSealedNamespaces({});
        omemo->setContentReader({});
    }
}

void ClinicalService::setPolicy(const ClinicalPolicy &policy)
{
    m_policy = policy;
    m_purgeTimer.start(int(std::max<qint64>(1000, m_policy.purgeInterval.count())));
    m_reminderTimer.start(int(
        std::max<qint64>(1000, m_policy.minute.count() * std::max(1, m_policy.reminderMinutes))));
}

QDateTime ClinicalService::afterMinutes(const QDateTime &from, int minutes) const
{
    return from.addMSecs(m_policy.minute.count() * minutes);
}

QFuture<Core::Result<int>> ClinicalService::start()
{
    (void)purgeNow();
    m_store->pendingForwards().then(
        this, [this](Core::Result<QList<std::pair<QString, Store::ForwardSource>>> forwards) {
            if (!forwards)
                return;
            for (const auto &[id, source] : std::as_const(*forwards))
                m_outgoingForwards.insert(id, {source.conversation, source.id});
        });
    // Urgent/STAT messages still waiting for our acknowledgement when the app
    // last stopped are notified again, and keep being reminded.
    m_store->unacknowledged(m_account.settings().jid.bareString(), m_scheduler.now())
        .then(this, [this](Core::Result<QList<std::pair<QString, QDateTime>>> waiting) {
            if (!waiting) {
                Q_EMIT failed(waiting.error());
                return;
            }
            for (const auto &[id, at] : std::as_const(*waiting)) {
                if (m_unacknowledged.contains(id))
                    continue;
                m_unacknowledged.insert(id, at);
                Q_EMIT attentionNeeded(id);
            }
            qCInfo(lcClinical) << "waiting for acknowledgement at start:" << waiting->size();
        });
    return m_store->pendingEscalations().then(
        this, [this](Core::Result<QList<Store::PendingEscalation>> pending) -> Core::Result<int> {
            if (!pending)
                return std::unexpected(pending.error());
            for (const Store::PendingEscalation &p : std::as_const(*pending)) {
                m_pending.insert(p.message, p);
                m_scheduler.schedule(p.message, p.due);
            }
            qCInfo(lcClinical) << "escalations pending at start:" << pending->size();
            return int(pending->size());
        });
}

// --- wire ---------------------------------------------------------------

void ClinicalService::annotate(const Xmpp::Message &message, StoredMessage &row) const
{
    // In the clear: legacy OMEMO and unencrypted senders. OMEMO 2 senders put
    // them into the envelope, read by the content reader after this.
    row.priority = int(Priority::Routine);
    row.expiresAt = {};
    readClinical(message.element, row, m_forwardStash);
}

void ClinicalService::decorate(const StoredMessage &message, Xmpp::Element &stanza) const
{
    addPriority(stanza, Priority(message.priority));
    addExpiry(stanza, message.expiresAt);
    if (!message.escalationOf.isEmpty())
        addEscalation(stanza, {message.escalationOf, message.escalationStep});
    if (const auto it = m_outgoingForwards.constFind(message.messageId);
        it != m_outgoingForwards.cend())
        addForwardedFrom(stanza, *it);
}

void ClinicalService::onSignal(const Xmpp::Element &stanza, bool own)
{
    // Our own signal names the peer in `to`, a peer's in `from`.
    const Core::Jid peer = Core::Jid(stanza.attribute(own ? u"to" : u"from")).bare();
    if (!peer.isValid())
        return;
    if (const auto ack = ackOf(stanza))
        onAck(*ack, peer, own);
    if (const QString retracted = retractedId(stanza); !retracted.isEmpty())
        onRetract(retracted, peer, own);
}

// --- sending --------------------------------------------------------------

QFuture<Core::Result<StoredMessage>> ClinicalService::send(const Core::Jid &to, const QString &body,
                                                           const SendOptions &options)
{
    return sendInternal(to, body, Outgoing{options, {}, {}, 0, {}});
}

QFuture<Core::Result<StoredMessage>>
ClinicalService::sendInternal(const Core::Jid &to, const QString &body, const Outgoing &outgoing)
{
    Sync::Outbox *outbox = m_account.outbox();
    if (!outbox)
        return refuse<StoredMessage>(Error::Code::Storage, u"local data not open"_s);
    const auto prepare = [this, outgoing](StoredMessage &row) {
        row.priority = int(outgoing.options.priority);
        row.expiresAt = outgoing.options.expiresAt.toUTC();
        row.escalationOf = outgoing.escalationOf;
        row.escalationStep = outgoing.step;
        if (outgoing.forwardedFrom) // before the first transmit decorates it
            m_outgoingForwards.insert(row.messageId, *outgoing.forwardedFrom);
    };
    return outbox->send(to.bare(), body, prepare)
        .then(this, [this, outgoing](Core::Result<StoredMessage> stored) {
            if (stored && needsAck(outgoing.options.priority) && outgoing.escalationOf.isEmpty())
                startChain(*stored, outgoing.role);
            if (stored && outgoing.forwardedFrom)
                keepForward(*stored,
                            {outgoing.forwardedFrom->conversation, outgoing.forwardedFrom->id});
            return stored;
        });
}

QFuture<Core::Result<RoleSend>>
ClinicalService::sendToRole(const QString &roleId, const QString &body, const SendOptions &options)
{
    if (!m_directory.isLoaded())
        return refuse<RoleSend>(Error::Code::Policy, u"directory-not-loaded"_s);
    if (!m_directory.directory().contains(roleId))
        return refuse<RoleSend>(Error::Code::Policy, u"role-unknown"_s);
    const auto who = OnCallPolicy::holder(m_directory.directory(), roleId, m_scheduler.now());
    if (!who)
        return refuse<RoleSend>(Error::Code::Policy, u"role-nobody-on-call"_s);
    m_account.audit(AuditEntry::Action::ResolveRole, {roleId, who->bareString()});
    return sendInternal(*who, body, Outgoing{options, roleId, {}, 0, {}})
        .then(this,
              [roleId, who = *who](Core::Result<StoredMessage> stored) -> Core::Result<RoleSend> {
                  if (!stored)
                      return std::unexpected(stored.error());
                  return RoleSend{roleId, who, *stored};
              });
}

// --- acknowledgement ------------------------------------------------------

QFuture<Core::Result<void>> ClinicalService::acknowledge(const QString &messageId)
{
    const Core::Jid self = m_account.settings().jid.bare();
    return m_store->findAnyByOriginId(messageId)
        .then(this,
              [this, self](
                  Core::Result<std::optional<StoredMessage>> found) -> QFuture<Core::Result<void>> {
                  if (!found)
                      return QtFuture::makeReadyFuture(
                          Core::Result<void>(std::unexpected(found.error())));
                  if (!*found)
                      return refuse<void>(Error::Code::Storage, u"no-such-message"_s);
                  const StoredMessage message = **found;
                  if (message.direction != Store::Direction::Incoming)
                      return refuse<void>(Error::Code::Policy, u"ack-not-incoming"_s);
                  // In a room the ack goes to the sender (rooms are non-anonymous).
                  const Core::Jid to = m_account.isRoom(message.conversation)
                                           ? Core::Jid(message.sender).bare()
                                           : Core::Jid(message.conversation);
                  const QDateTime at = m_scheduler.now();
                  m_account.client().send(
                      ackStanza(to.bareString(), Xmpp::Client::newId(), {idOf(message), at}));
                  m_account.audit(AuditEntry::Action::Acknowledge,
                                  {message.messageId, message.conversation});
                  m_unacknowledged.remove(message.messageId);
                  return m_store->recordAck(message.rowId, self.bareString(), at)
                      .then(this,
                            [this, message, self,
                             at](Core::Result<Store::AckOutcome> done) -> Core::Result<void> {
                                if (!done)
                                    return std::unexpected(done.error());
                                Q_EMIT acknowledged(message.messageId, self.bareString(), at);
                                return {};
                            });
              })
        .unwrap();
}

QFuture<Core::Result<QList<Store::Acknowledgement>>>
ClinicalService::acknowledgements(const QString &messageId)
{
    return m_store->findAnyByOriginId(messageId)
        .then(this,
              [this](Core::Result<std::optional<StoredMessage>> found)
                  -> QFuture<Core::Result<QList<Store::Acknowledgement>>> {
                  if (!found)
                      return QtFuture::makeReadyFuture(Core::Result<QList<Store::Acknowledgement>>(
                          std::unexpected(found.error())));
                  if (!*found)
                      return refuse<QList<Store::Acknowledgement>>(Error::Code::Storage,
                                                                   u"no-such-message"_s);
                  return m_store->acknowledgements((*found)->rowId);
              })
        .unwrap();
}

void ClinicalService::onAck(const Ack &ack, const Core::Jid &peer, bool own)
{
    m_store->findAnyByOriginId(ack.id).then(
        this, [this, ack, peer, own](Core::Result<std::optional<StoredMessage>> found) {
            if (!found || !*found) {
                qCInfo(lcClinical) << "ack for a message not stored here:" << ack.id;
                return;
            }
            const StoredMessage message = **found;
            const QDateTime at = ack.at.isValid() ? ack.at.toUTC() : m_scheduler.now();
            if (own) {
                // Another device of ours acknowledged: stop notifying here too.
                if (message.direction != Store::Direction::Incoming)
                    return;
                const bool room = m_account.isRoom(message.conversation);
                const QString expected =
                    room ? Core::Jid(message.sender).bareString() : message.conversation;
                if (peer.bareString() != expected)
                    return;
                m_unacknowledged.remove(message.messageId);
                acceptAck(message, m_account.settings().jid.bare(), at);
                return;
            }
            if (message.direction != Store::Direction::Outgoing)
                return;
            if (!m_account.isRoom(message.conversation)) {
                if (!OnCallPolicy::ackAccepted(message.conversation, false, peer, {})) {
                    qCInfo(lcClinical)
                        << "ack ignored: not from the addressee" << message.messageId;
                    return;
                }
                acceptAck(message, peer, at);
                return;
            }
            m_account.muc()
                .members(Core::Jid(message.conversation))
                .then(this, [this, message, peer,
                             at](Core::Result<QList<Xmpp::MucExtension::AffiliationItem>> items) {
                    QSet<QString> members;
                    if (items)
                        for (const auto &item : std::as_const(*items))
                            members.insert(item.jid.bareString());
                    if (!OnCallPolicy::ackAccepted(message.conversation, true, peer, members)) {
                        qCInfo(lcClinical) << "ack ignored: not a room member" << message.messageId;
                        return;
                    }
                    acceptAck(message, peer, at);
                });
        });
}

void ClinicalService::acceptAck(const StoredMessage &message, const Core::Jid &by,
                                const QDateTime &at)
{
    m_store->recordAck(message.rowId, by.bareString(), at)
        .then(this, [this, message, by, at](Core::Result<Store::AckOutcome> done) {
            if (!done) {
                Q_EMIT failed(done.error());
                return;
            }
            if (done->original) {
                m_scheduler.cancel(done->original);
                m_pending.remove(done->original);
                m_waiting.remove(done->original);
            }
            if (!done->fresh)
                return;
            if (message.direction == Store::Direction::Outgoing)
                m_account.audit(AuditEntry::Action::Acknowledge,
                                {message.messageId, by.bareString()});
            Q_EMIT acknowledged(message.messageId, by.bareString(), at);
        });
}

// --- escalation -----------------------------------------------------------

void ClinicalService::startChain(const StoredMessage &message, const QString &role)
{
    const QDateTime now = m_scheduler.now();
    const Core::Jid to(message.conversation);
    const QString chain =
        role.isEmpty() ? OnCallPolicy::roleHeldBy(m_directory.directory(), to, now) : role;
    const auto first = OnCallPolicy::step(m_directory.directory(), chain, 0);
    if (!first)
        return; // no chain: acknowledgement is still asked for, nothing escalates
    Store::PendingEscalation pending{message.rowId,
                                     idOf(message),
                                     message.conversation,
                                     chain,
                                     0,
                                     afterMinutes(now, first->afterMinutes)};
    m_store->scheduleEscalation(pending.message, chain, 0, pending.due)
        .then(this, [this, pending](Core::Result<void> done) {
            if (!done) {
                Q_EMIT failed(done.error());
                return;
            }
            m_pending.insert(pending.message, pending);
            m_scheduler.schedule(pending.message, pending.due);
        });
}

void ClinicalService::onDue(qint64 row)
{
    if (!m_pending.contains(row))
        return;
    if (!m_directory.isLoaded()) {
        m_waiting.insert(row); // after a restart: the directory comes with the session
        return;
    }
    Store::PendingEscalation pending = m_pending.value(row);
    const QDateTime now = m_scheduler.now();
    const Directory &directory = m_directory.directory();
    const auto step = OnCallPolicy::step(directory, pending.role, pending.nextStep);
    if (!step) {
        m_pending.remove(row);
        (void)m_store->finishEscalation(row);
        return;
    }
    const auto target = OnCallPolicy::stepTarget(directory, *step, now);
    const auto next = OnCallPolicy::step(directory, pending.role, pending.nextStep + 1);
    const int stepNumber = pending.nextStep + 1;
    const auto advance = [this, row, pending, next, now]() {
        if (!next) {
            m_pending.remove(row);
            (void)m_store->finishEscalation(row);
            return;
        }
        Store::PendingEscalation later = pending;
        later.nextStep += 1;
        later.due = afterMinutes(now, next->afterMinutes);
        m_pending.insert(row, later);
        (void)m_store->scheduleEscalation(row, later.role, later.nextStep, later.due);
        m_scheduler.schedule(row, later.due);
    };
    if (!target) {
        qCInfo(lcClinical) << "escalation step" << stepNumber << "has nobody on call; next step";
        advance();
        return;
    }
    m_account.messageStore()
        ->messageById(pending.originId)
        .then(this, [this, pending, target = *target, stepNumber,
                     advance](Core::Result<std::optional<StoredMessage>> found) {
            if (!found || !*found || (*found)->recalled) {
                m_pending.remove(pending.message);
                (void)m_store->finishEscalation(pending.message);
                return;
            }
            const StoredMessage original = **found;
            Outgoing outgoing{{Priority(original.priority), original.expiresAt},
                              {},
                              pending.originId,
                              stepNumber,
                              {}};
            sendInternal(target, original.body, outgoing)
                .then(this, [this, pending, target, stepNumber,
                             advance](Core::Result<StoredMessage> sent) {
                    if (!sent) {
                        qCWarning(lcClinical) << "escalation not sent:" << sent.error().detail;
                        Q_EMIT failed(sent.error());
                    } else {
                        m_account.audit(AuditEntry::Action::Escalate,
                                        {pending.originId, QString::number(stepNumber),
                                         pending.role, target.bareString(), sent->messageId});
                        Q_EMIT escalated(pending.originId, stepNumber, target.bareString());
                    }
                    advance();
                });
        });
}

// --- incoming urgent/STAT: repeated notification ----------------------------

void ClinicalService::onStored(const QList<StoredMessage> &messages)
{
    for (const StoredMessage &message : messages) {
        if (const auto from =
                m_forwardStash->take(stashKey(message.conversation, message.messageId)))
            keepForward(message, {from->conversation, from->id});
        if (message.direction != Store::Direction::Incoming ||
            !needsAck(Priority(message.priority)))
            continue;
        m_unacknowledged.insert(message.messageId, m_scheduler.now());
        Q_EMIT attentionNeeded(message.messageId);
    }
}

void ClinicalService::remind()
{
    const QStringList ids = m_unacknowledged.keys();
    for (const QString &id : ids)
        Q_EMIT attentionNeeded(id);
}

// --- recall ---------------------------------------------------------------

QFuture<Core::Result<void>> ClinicalService::recall(const QString &messageId)
{
    return m_account.messageStore()
        ->messageById(messageId)
        .then(this,
              [this](
                  Core::Result<std::optional<StoredMessage>> found) -> QFuture<Core::Result<void>> {
                  if (!found)
                      return QtFuture::makeReadyFuture(
                          Core::Result<void>(std::unexpected(found.error())));
                  if (!*found)
                      return refuse<void>(Error::Code::Storage, u"no-such-message"_s);
                  const StoredMessage message = **found;
                  if (message.direction != Store::Direction::Outgoing)
                      return refuse<void>(Error::Code::Policy, u"recall-not-sender"_s);
                  // The chain stops, and what it already sent goes too.
                  m_scheduler.cancel(message.rowId);
                  m_pending.remove(message.rowId);
                  m_waiting.remove(message.rowId);
                  return m_store->escalatedCopies(idOf(message))
                      .then(this,
                            [this, message](Core::Result<QList<StoredMessage>> copies)
                                -> QFuture<Core::Result<void>> {
                                if (!copies)
                                    return QtFuture::makeReadyFuture(
                                        Core::Result<void>(std::unexpected(copies.error())));
                                for (const StoredMessage &copy : std::as_const(*copies))
                                    if (!copy.recalled)
                                        (void)retract(copy);
                                return retract(message);
                            })
                      .unwrap();
              })
        .unwrap();
}

QFuture<Core::Result<void>> ClinicalService::retract(const StoredMessage &message)
{
    Xmpp::Element stanza =
        retractStanza(message.conversation, Xmpp::Client::newId(), idOf(message));
    if (m_account.isRoom(message.conversation))
        stanza.setAttribute(u"type"_s, u"groupchat"_s);
    m_account.client().send(stanza); // carbons copy it to our other devices
    m_account.audit(AuditEntry::Action::Recall, {message.messageId, message.conversation});
    m_scheduler.cancel(message.rowId);
    m_pending.remove(message.rowId);
    return m_store->recall(message.rowId)
        .then(this, [this, id = message.messageId](Core::Result<void> done) {
            if (done)
                Q_EMIT recalled(id);
            return done;
        });
}

// --- forwarding -------------------------------------------------------------

QFuture<Core::Result<StoredMessage>> ClinicalService::forward(const QString &messageId,
                                                              const Core::Jid &to)
{
    if (!to.isValid())
        return refuse<StoredMessage>(Error::Code::Policy, u"forward-bad-target"_s);
    const QString domain = to.domain().toLower();
    const QString own = m_account.settings().jid.domain().toLower();
    // A care-team room we are in, on our own domain's MUC service, counts as ours.
    const bool ownRoom = m_account.isRoom(to.bareString()) && domain.endsWith(u'.' + own);
    if (domain != own && !ownRoom &&
        !m_policy.forwardingDomains.contains(domain, Qt::CaseInsensitive)) {
        qCInfo(lcClinical) << "forward refused by the domain policy:" << messageId;
        return refuse<StoredMessage>(Error::Code::Policy, u"forward-domain"_s);
    }
    return m_store->findAnyByOriginId(messageId)
        .then(this,
              [this, to](Core::Result<std::optional<StoredMessage>> found)
                  -> QFuture<Core::Result<StoredMessage>> {
                  if (!found)
                      return QtFuture::makeReadyFuture(
                          Core::Result<StoredMessage>(std::unexpected(found.error())));
                  if (!*found)
                      return refuse<StoredMessage>(Error::Code::Storage, u"no-such-message"_s);
                  const StoredMessage original = **found;
                  if (original.recalled)
                      return refuse<StoredMessage>(Error::Code::Policy, u"forward-recalled"_s);
                  if (original.body.isEmpty())
                      return refuse<StoredMessage>(Error::Code::Policy, u"forward-no-text"_s);
                  Outgoing outgoing{{Priority::Routine, original.expiresAt},
                                    {},
                                    {},
                                    0,
                                    ForwardedFrom{original.conversation, idOf(original)}};
                  return sendInternal(to, original.body, outgoing)
                      .then(this, [this, original, to](Core::Result<StoredMessage> sent) {
                          if (sent)
                              m_account.audit(
                                  AuditEntry::Action::Forward,
                                  {original.messageId, sent->messageId, to.bareString()});
                          return sent;
                      });
              })
        .unwrap();
}

QFuture<Core::Result<std::optional<Store::ForwardSource>>>
ClinicalService::forwardedFrom(const QString &messageId)
{
    using Out = Core::Result<std::optional<Store::ForwardSource>>;
    return m_store->findAnyByOriginId(messageId)
        .then(this,
              [this](Core::Result<std::optional<StoredMessage>> found) -> QFuture<Out> {
                  if (!found)
                      return QtFuture::makeReadyFuture(Out(std::unexpected(found.error())));
                  if (!*found)
                      return refuse<std::optional<Store::ForwardSource>>(Error::Code::Storage,
                                                                         u"no-such-message"_s);
                  return m_store->forwardOf((*found)->rowId);
              })
        .unwrap();
}

void ClinicalService::keepForward(const StoredMessage &copy, const Store::ForwardSource &source)
{
    m_store->recordForward(copy.rowId, source)
        .then(this, [this, id = copy.messageId, source](Core::Result<void> done) {
            if (!done) {
                qCWarning(lcClinical) << "forward reference not stored:" << id;
                Q_EMIT failed(done.error());
                return;
            }
            Q_EMIT forwardRecorded(id, source);
        });
}

void ClinicalService::onRetract(const QString &originId, const Core::Jid &peer, bool own)
{
    m_store->findByOriginId(peer.bareString(), originId)
        .then(this, [this, peer, own](Core::Result<std::optional<StoredMessage>> found) {
            if (!found || !*found)
                return;
            const StoredMessage message = **found;
            if (message.recalled)
                return;
            // Only the original sender may recall: a peer its own incoming
            // messages, another device of ours our outgoing ones.
            const bool allowed = own ? message.direction == Store::Direction::Outgoing
                                     : message.direction == Store::Direction::Incoming &&
                                           Core::Jid(message.sender).bare() == peer;
            if (!allowed) {
                qCInfo(lcClinical)
                    << "retraction ignored: not from the sender" << message.messageId;
                return;
            }
            m_unacknowledged.remove(message.messageId);
            m_scheduler.cancel(message.rowId);
            m_pending.remove(message.rowId);
            m_store->recall(message.rowId).then(this, [this, message](Core::Result<void> done) {
                if (!done) {
                    Q_EMIT failed(done.error());
                    return;
                }
                m_account.audit(AuditEntry::Action::Recall,
                                {message.messageId, message.conversation});
                Q_EMIT recalled(message.messageId);
            });
        });
}

// --- lifespan -------------------------------------------------------------

QFuture<Core::Result<int>> ClinicalService::purgeNow()
{
    return m_store->purge(m_scheduler.now(), m_policy.retentionDays)
        .then(this, [this](const Core::Result<int> &count) -> Core::Result<int> {
            if (!count) {
                qCWarning(lcClinical) << "purge failed:" << count.error().detail;
                return std::unexpected(count.error());
            }
            const int n = *count;
            if (n > 0) {
                qCInfo(lcClinical) << "purged" << n << "expired messages";
                m_account.audit(AuditEntry::Action::Expire, {QString::number(n)});
                Q_EMIT purged(n);
            }
            return n;
        });
}

} // namespace Clinical
