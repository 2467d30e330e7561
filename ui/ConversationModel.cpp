// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationModel.h"

#include "Session.h"

#include "account/Account.h"
#include "clinical/ClinicalService.h"
#include "store/MessageStore.h"
#include "sync/AttachmentService.h"
#include "sync/MessagePipeline.h"
#include "sync/Outbox.h"
#include "xmpp/Client.h"
#include "xmpp/extensions/ChatMarkersExtension.h"

#include "core/ErrorText.h"

#include <QFileInfo>
#include <QLocale>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

// Pages read while looking for a search hit: bigger, the view is waiting.
constexpr int SeekPageSize = 200;

QString deliveryName(Store::MessageState state)
{
    switch (state) {
    case Store::MessageState::Pending:
        return u"pending"_s;
    case Store::MessageState::Sent:
        return u"sent"_s;
    case Store::MessageState::Delivered:
        return u"delivered"_s;
    case Store::MessageState::Read:
        return u"read"_s;
    case Store::MessageState::Failed:
        return u"failed"_s;
    case Store::MessageState::Received:
        return u"received"_s;
    }
    return {};
}

QString attachmentStateName(Store::AttachmentState state)
{
    switch (state) {
    case Store::AttachmentState::Pending:
        return u"pending"_s;
    case Store::AttachmentState::Downloading:
        return u"downloading"_s;
    case Store::AttachmentState::Stored:
        return u"stored"_s;
    case Store::AttachmentState::Failed:
        return u"failed"_s;
    }
    return {};
}

QString localPath(const QUrl &url)
{
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}

QString protectionName(Store::Protection protection)
{
    switch (protection) {
    case Store::Protection::Plain:
        return u"plain"_s;
    case Store::Protection::Encrypted:
        return u"encrypted"_s;
    case Store::Protection::Verified:
        return u"verified"_s;
    case Store::Protection::UntrustedDevice:
        return u"untrusted"_s;
    case Store::Protection::Undecryptable:
        return u"undecryptable"_s;
    }
    return {};
}

QString priorityName(int priority)
{
    switch (priority) {
    case 1:
        return u"urgent"_s;
    case 2:
        return u"stat"_s;
    default:
        return u"routine"_s;
    }
}

} // namespace

ConversationModel::ConversationModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_clinical, &ClinicalAnnotations::changed, this,
            &ConversationModel::onAnnotationChanged);
    connect(&m_clinical, &ClinicalAnnotations::recalled, this, &ConversationModel::onRecalled);
}

ConversationModel::~ConversationModel() = default;

void ConversationModel::setSession(Session *session)
{
    if (followSession(this, m_session, session, &ConversationModel::followSessionAccount))
        Q_EMIT sessionChanged();
}

void ConversationModel::followSessionAccount()
{
    Account::Account *account = m_session ? m_session->account() : nullptr;
    if (account == m_account && account)
        return;
    if (m_account) {
        disconnect(m_account, nullptr, this, nullptr);
        if (m_account->pipeline())
            disconnect(m_account->pipeline(), nullptr, this, nullptr);
        if (m_account->outbox())
            disconnect(m_account->outbox(), nullptr, this, nullptr);
        if (m_account->attachments())
            disconnect(m_account->attachments(), nullptr, this, nullptr);
        disconnect(&m_account->client(), nullptr, this, nullptr);
    }
    m_account = account;
    if (m_clinical.service())
        disconnect(m_clinical.service(), nullptr, this, nullptr);
    m_clinical.setService(m_session ? m_session->clinical() : nullptr,
                          account ? account->settings().jid.bareString() : QString());
    if (Clinical::ClinicalService *clinical = m_clinical.service())
        connect(clinical, &Clinical::ClinicalService::forwardRecorded, this,
                &ConversationModel::onForwardRecorded);
    m_online = account && account->client().isConnected();
    // Conversations belong to one account; another account starts with none open.
    const bool hadPeer = !m_peer.isEmpty();
    open(QString(), 0);
    if (hadPeer)
        Q_EMIT peerChanged();
    if (!account || !account->messageStore())
        return;
    connect(account->pipeline(), &Sync::MessagePipeline::messagesStored, this,
            &ConversationModel::onStored);
    connect(account->outbox(), &Sync::Outbox::committed, this, &ConversationModel::onCommitted);
    connect(account->outbox(), &Sync::Outbox::stateChanged, this,
            &ConversationModel::onStateChanged);
    connect(account->outbox(), &Sync::Outbox::sendFailed, this, &ConversationModel::onSendFailed);
    connect(account, &Account::Account::messageStateChanged, this,
            &ConversationModel::onStateChanged);
    connect(&account->client(), &Xmpp::Client::stateChanged, this,
            &ConversationModel::onLinkChanged);
    if (Sync::AttachmentService *files = account->attachments()) {
        connect(files, &Sync::AttachmentService::committed, this, &ConversationModel::onCommitted);
        connect(files, &Sync::AttachmentService::attachmentChanged, this,
                &ConversationModel::onAttachmentChanged);
        connect(files, &Sync::AttachmentService::transferProgress, this,
                &ConversationModel::onTransferProgress);
    }
}

void ConversationModel::setPeer(const QString &jid)
{
    const QString peer = jid.isEmpty() ? QString() : Core::Jid(jid).bareString();
    if (peer == m_peer)
        return;
    open(peer, 0);
    Q_EMIT peerChanged();
}

void ConversationModel::openAt(const QString &jid, qint64 rowId)
{
    const QString peer = Core::Jid(jid).bareString();
    if (peer == m_peer) {
        if (const int row = rowOf(rowId); row >= 0) {
            Q_EMIT messageShown(row);
            return;
        }
        if (!m_loading && !m_atStart)
            loadPage(SeekPageSize, rowId);
        return;
    }
    open(peer, rowId);
    Q_EMIT peerChanged();
}

void ConversationModel::open(const QString &jid, qint64 targetRowId)
{
    ++m_generation;
    beginResetModel();
    m_peer = jid;
    m_messages.clear();
    m_problems.clear();
    m_attachments.clear();
    m_forwards.clear();
    m_transfers.clear();
    m_lastDisplayed.clear();
    m_clinical.clear();
    m_atStart = m_peer.isEmpty();
    // Views (and QAbstractItemModelTester) call fetchMore() from their reset
    // handlers; the first page is loaded right below, so offer nothing more
    // until the reset is over. Otherwise a page that is already read would be
    // inserted while the reset is still in flight.
    m_loading = true;
    endResetModel();
    m_loading = false;
    Q_EMIT unacknowledgedChanged();
    setErrorText({});
    if (m_peer.isEmpty() || !m_account || !m_account->messageStore()) {
        Q_EMIT loadingChanged();
        return;
    }
    m_account->audit(Core::AuditEntry::Action::OpenConversation, {m_peer});
    loadPage(targetRowId > 0 ? SeekPageSize : PageSize, targetRowId);
}

QString ConversationModel::peerName() const
{
    if (m_peer.isEmpty())
        return {};
    return m_session ? m_session->displayName(m_peer) : m_peer;
}

void ConversationModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && !m_messages.isEmpty())
        markRead();
}

void ConversationModel::loadPage(int limit, qint64 targetRowId)
{
    if (!m_account || !m_account->messageStore() || m_peer.isEmpty())
        return;
    setLoading(true);
    const quint64 generation = m_generation;
    const qint64 before = m_messages.isEmpty() ? 0 : m_messages.first().rowId;
    const bool first = m_messages.isEmpty();
    m_account->messageStore()
        ->messages(m_peer, before, limit)
        .then(this, [this, generation, limit, targetRowId,
                     first](Core::Result<QList<Store::StoredMessage>> page) {
            if (generation != m_generation)
                return;
            if (!page) {
                qWarning("conversation: reading history failed: %s",
                         qPrintable(page.error().detail));
                m_atStart = true;
                setLoading(false);
                return;
            }
            // Newest first from the store; rows here are oldest first. A message
            // that arrived live meanwhile is already there.
            QList<Store::StoredMessage> older;
            older.reserve(page->size());
            for (auto it = page->crbegin(); it != page->crend(); ++it)
                if (rowOf(it->rowId) < 0)
                    older.append(*it);
            m_atStart = page->size() < limit;
            if (!older.isEmpty()) {
                QList<qint64> rowIds;
                for (const Store::StoredMessage &m : std::as_const(older))
                    rowIds.append(m.rowId);
                loadAttachments(rowIds);
                loadForwards(rowIds);
                m_clinical.load(older);
                beginInsertRows({}, 0, int(older.size()) - 1);
                m_messages = older + m_messages;
                endInsertRows();
                Q_EMIT unacknowledgedChanged();
                // The first message of the old top row's day may have moved up.
                const QModelIndex oldTop = index(int(older.size()));
                if (oldTop.isValid())
                    Q_EMIT dataChanged(oldTop, oldTop, {DaySeparatorRole});
            }
            setLoading(false);
            if (first)
                markRead();
            if (targetRowId > 0) {
                const int row = rowOf(targetRowId);
                if (row < 0 && !m_atStart) {
                    loadPage(SeekPageSize, targetRowId);
                } else if (row >= 0 && row < PageSize / 5 && !m_atStart) {
                    loadPage(PageSize, targetRowId); // some context before the hit
                } else {
                    Q_EMIT messageShown(row);
                }
            }
        });
}

void ConversationModel::loadOlder()
{
    if (m_loading || m_atStart)
        return;
    loadPage(PageSize, 0);
}

bool ConversationModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && !m_atStart && !m_peer.isEmpty();
}

void ConversationModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        loadOlder();
}

void ConversationModel::onStored(const QList<Store::StoredMessage> &messages)
{
    bool incoming = false;
    QList<qint64> rowIds;
    for (const Store::StoredMessage &m : messages) {
        if (m.conversation != m_peer || rowOf(m.rowId) >= 0)
            continue;
        append(m);
        rowIds.append(m.rowId);
        incoming = incoming || m.direction == Store::Direction::Incoming;
    }
    loadAttachments(rowIds);
    if (incoming && m_active)
        markRead();
}

void ConversationModel::onCommitted(const Store::StoredMessage &message)
{
    if (message.conversation == m_peer && rowOf(message.rowId) < 0) {
        append(message);
        loadAttachments({message.rowId});
    }
}

void ConversationModel::loadAttachments(const QList<qint64> &rowIds)
{
    if (rowIds.isEmpty() || !m_account || !m_account->attachmentStore())
        return;
    const quint64 generation = m_generation;
    m_account->attachmentStore()->forRows(rowIds).then(
        this, [this, generation](Core::Result<QList<Store::Attachment>> found) {
            if (generation != m_generation || !found)
                return;
            for (Store::Attachment &attachment : *found) {
                attachment.atRestKey.clear(); // key material stays in the store
                const qint64 rowId = attachment.messageRow;
                m_attachments.insert(rowId, attachment);
                emitRowChanged(rowOf(rowId), {});
            }
        });
}

void ConversationModel::loadForwards(const QList<qint64> &rowIds)
{
    Clinical::ClinicalService *clinical = m_clinical.service();
    if (rowIds.isEmpty() || !clinical)
        return;
    const quint64 generation = m_generation;
    clinical->store().forwardSources(rowIds).then(
        this, [this, generation](Core::Result<QHash<qint64, Store::ForwardSource>> found) {
            if (generation != m_generation || !found)
                return;
            for (auto it = found->cbegin(); it != found->cend(); ++it) {
                m_forwards.insert(it.key(), it.value());
                emitRowChanged(rowOf(it.key()), {ForwardedFromRole});
            }
        });
}

void ConversationModel::onForwardRecorded(const QString &messageId,
                                          const Store::ForwardSource &source)
{
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return; // another conversation's copy: read from the store when it opens
    m_forwards.insert(m_messages.at(row).rowId, source);
    emitRowChanged(row, {ForwardedFromRole});
}

QString ConversationModel::forwardedFromText(const Store::StoredMessage &m) const
{
    const auto found = m_forwards.constFind(m.rowId);
    if (found == m_forwards.cend())
        return {};
    QString name = m_account ? m_account->roomName(found->conversation) : QString();
    if (name.isEmpty())
        name = m_session ? m_session->displayName(found->conversation) : found->conversation;
    return tr("Forwarded from %1").arg(name);
}

void ConversationModel::onAttachmentChanged(const QString &messageId)
{
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return;
    m_transfers.remove(messageId);
    loadAttachments({m_messages.at(row).rowId});
}

void ConversationModel::onTransferProgress(const QString &messageId, qint64 done, qint64 total)
{
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return;
    if (total >= 0 && done >= total)
        m_transfers.remove(messageId);
    else
        m_transfers.insert(messageId, {done, total});
    emitRowChanged(row, {TransferDoneRole, TransferTotalRole});
}

void ConversationModel::emitRowChanged(int row, const QList<int> &roles)
{
    if (row >= 0 && row < m_messages.size())
        Q_EMIT dataChanged(index(row), index(row), roles);
}

bool ConversationModel::isRoom() const
{
    return m_account && !m_peer.isEmpty() && m_account->isRoom(m_peer);
}

bool ConversationModel::sendFile(const QUrl &file)
{
    if (!m_account || !m_account->attachments() || m_peer.isEmpty() || file.isEmpty())
        return false;
    setErrorText({});
    m_account->attachments()
        ->sendFile(Core::Jid(m_peer), localPath(file))
        .then(this, [this](const Core::Result<Store::StoredMessage> &stored) {
            if (!stored)
                setErrorText(Core::describeError(stored.error()));
        });
    return true;
}

void ConversationModel::downloadAttachment(const QString &messageId)
{
    if (!m_account || !m_account->attachments())
        return;
    setErrorText({});
    m_account->attachments()->download(messageId).then(
        this, [this](const Core::Result<Store::Attachment> &done) {
            if (!done)
                setErrorText(Core::describeError(done.error()));
        });
}

void ConversationModel::saveAttachment(const QString &messageId, const QUrl &target)
{
    if (!m_account || !m_account->attachments() || target.isEmpty())
        return;
    setErrorText({});
    const QString path = localPath(target);
    m_account->attachments()
        ->saveTo(messageId, path)
        .then(this, [this, messageId, path](const Core::Result<qint64> &written) {
            if (!written) {
                setErrorText(Core::describeError(written.error()));
                return;
            }
            m_account->audit(Core::AuditEntry::Action::Export, {messageId});
            Q_EMIT attachmentSaved(messageId, path);
        });
}

void ConversationModel::append(const Store::StoredMessage &message)
{
    // Rows stay in store order (rowid order is time order).
    auto at = std::upper_bound(
        m_messages.begin(), m_messages.end(), message.rowId,
        [](qint64 rowId, const Store::StoredMessage &m) { return rowId < m.rowId; });
    const int row = int(at - m_messages.begin());
    beginInsertRows({}, row, row);
    m_messages.insert(row, message);
    endInsertRows();
    m_clinical.load({message});
    if (needsAck(message))
        Q_EMIT unacknowledgedChanged();
    if (row + 1 < m_messages.size())
        Q_EMIT dataChanged(index(row + 1), index(row + 1), {DaySeparatorRole});
}

void ConversationModel::onStateChanged(const QString &messageId, Store::MessageState state)
{
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return;
    Store::StoredMessage &m = m_messages[row];
    // Same rule as the store: an older state never overwrites a newer one,
    // except a failure, and a retry after it.
    const bool allowed = state == Store::MessageState::Failed ||
                         m.state == Store::MessageState::Failed || int(state) > int(m.state);
    if (!allowed || m.state == state)
        return;
    m.state = state;
    if (state != Store::MessageState::Failed)
        m_problems.remove(messageId);
    Q_EMIT dataChanged(index(row), index(row), {DeliveryRole, ProblemRole, WaitingRole});
}

void ConversationModel::onSendFailed(const QString &messageId, const Core::Error &error)
{
    m_problems.insert(messageId, error.code == Core::Error::Code::Cancelled
                                     ? tr("Cancelled: not sent. Retry sends it.")
                                     : Core::describeError(error));
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return;
    m_messages[row].state = Store::MessageState::Failed;
    Q_EMIT dataChanged(index(row), index(row), {DeliveryRole, ProblemRole, WaitingRole});
}

bool ConversationModel::send(const QString &body, int priority)
{
    if (!m_account || !m_account->outbox() || m_peer.isEmpty() || body.trimmed().isEmpty())
        return false;
    setErrorText({});
    Clinical::ClinicalService *clinical = m_clinical.service();
    Clinical::SendOptions options;
    options.priority = Clinical::Priority(std::clamp(priority, 0, 2));
    // Clinical sends carry the priority (and start escalation); a room must be joined.
    auto sent = clinical && (!isRoom() || m_account->isRoom(m_peer))
                    ? clinical->send(Core::Jid(m_peer), body, options)
                : isRoom() ? m_account->sendToRoom(Core::Jid(m_peer), body)
                           : m_account->outbox()->send(Core::Jid(m_peer), body);
    sent.then(this, [this](const Core::Result<Store::StoredMessage> &stored) {
        if (!stored)
            setErrorText(Core::describeError(stored.error()));
    });
    return true;
}

void ConversationModel::retry(const QString &messageId)
{
    if (!m_account || !m_account->outbox())
        return;
    m_account->outbox()->retry(messageId).then(this, [this](Core::Result<void> done) {
        if (!done)
            setErrorText(Core::describeError(done.error()));
    });
}

void ConversationModel::cancel(const QString &messageId)
{
    if (!m_account || !m_account->outbox())
        return;
    m_account->outbox()->cancel(messageId).then(this, [this](Core::Result<void> done) {
        if (!done)
            setErrorText(Core::describeError(done.error()));
    });
}

void ConversationModel::acknowledge(const QString &messageId)
{
    Clinical::ClinicalService *clinical = m_clinical.service();
    if (!clinical || messageId.isEmpty())
        return;
    clinical->acknowledge(messageId).then(this, [this](Core::Result<void> done) {
        if (!done)
            setErrorText(Core::describeError(done.error()));
    });
}

QString ConversationModel::newestUnacknowledged() const
{
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it)
        if (needsAck(*it))
            return it->messageId;
    return {};
}

int ConversationModel::unacknowledged() const
{
    return int(std::count_if(m_messages.cbegin(), m_messages.cend(),
                             [this](const Store::StoredMessage &m) { return needsAck(m); }));
}

void ConversationModel::recall(const QString &messageId)
{
    Clinical::ClinicalService *clinical = m_clinical.service();
    if (!clinical || messageId.isEmpty())
        return;
    clinical->recall(messageId).then(this, [this](Core::Result<void> done) {
        if (!done)
            setErrorText(Core::describeError(done.error()));
    });
}

void ConversationModel::forward(const QString &messageId, const QString &to)
{
    Clinical::ClinicalService *clinical = m_clinical.service();
    if (!clinical || messageId.isEmpty() || to.trimmed().isEmpty())
        return;
    setErrorText({});
    const quint64 generation = m_generation;
    const Core::Jid target = Core::Jid(to.trimmed()).bare();
    clinical->forward(messageId, target)
        .then(this, [this, generation, messageId,
                     target](const Core::Result<Store::StoredMessage> &sent) {
            if (sent) {
                Q_EMIT forwarded(messageId, target.bareString());
                return;
            }
            if (generation != m_generation)
                return; // the reason belongs to a conversation no longer shown
            const QString &why = sent.error().detail;
            if (why == u"forward-domain")
                setErrorText(tr("Not forwarded: %1 is outside the domains your organisation "
                                "allows messages to be forwarded to.")
                                 .arg(target.domain()));
            else if (why == u"forward-recalled")
                setErrorText(tr("Not forwarded: the message was recalled by its sender."));
            else if (why == u"forward-no-text")
                setErrorText(tr("Not forwarded: this message has no text to forward."));
            else if (why == u"forward-bad-target")
                setErrorText(tr("Not forwarded: that is not a valid address."));
            else
                setErrorText(Core::describeError(sent.error()));
        });
}

bool ConversationModel::needsAck(const Store::StoredMessage &m) const
{
    return m.direction == Store::Direction::Incoming && m.priority > 0 && !m.recalled &&
           !m_clinical.acknowledgedBySelf(m.messageId);
}

void ConversationModel::onRecalled(const QString &messageId)
{
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return;
    Store::StoredMessage &m = m_messages[row];
    m.recalled = true;
    m.body.clear();
    Q_EMIT dataChanged(index(row), index(row));
    Q_EMIT unacknowledgedChanged();
}

void ConversationModel::onAnnotationChanged(const QString &messageId)
{
    const int row = rowOfMessage(messageId);
    if (row < 0)
        return;
    Q_EMIT dataChanged(index(row), index(row), {NeedsAckRole, AcknowledgedRole, EscalationRole});
    if (m_messages.at(row).direction == Store::Direction::Incoming)
        Q_EMIT unacknowledgedChanged();
}

void ConversationModel::onLinkChanged()
{
    const bool online = m_account && m_account->client().isConnected();
    if (online == m_online)
        return;
    m_online = online;
    for (int row = 0; row < m_messages.size(); ++row)
        if (m_messages.at(row).state == Store::MessageState::Pending)
            Q_EMIT dataChanged(index(row), index(row), {WaitingRole});
}

QString ConversationModel::acknowledgedText(const Store::StoredMessage &m) const
{
    QStringList lines;
    const QString self = m_account ? m_account->settings().jid.bareString() : QString();
    const auto acks = m_clinical.acknowledgements(m.messageId);
    for (const Store::Acknowledgement &ack : acks) {
        const QString time = QLocale().toString(ack.at.toLocalTime().time(), QLocale::ShortFormat);
        if (ack.jid == self)
            lines.append(tr("You acknowledged at %1").arg(time));
        else
            lines.append(tr("Acknowledged by %1 at %2")
                             .arg(m_session ? m_session->displayName(ack.jid) : ack.jid, time));
    }
    return lines.join(u'\n');
}

QString ConversationModel::escalationText(const Store::StoredMessage &m) const
{
    const auto escalations = m_clinical.escalations(m.messageId);
    if (escalations.isEmpty())
        return {};
    Clinical::ClinicalService *clinical = m_clinical.service();
    const qint64 minuteMs = clinical ? qMax<qint64>(1, clinical->policy().minute.count()) : 60000;
    QStringList lines;
    for (const ClinicalAnnotations::Escalation &e : escalations) {
        const int minutes = int((m.timestamp.msecsTo(e.at) + minuteMs / 2) / minuteMs);
        lines.append(tr("Escalated to %1 after %n min", nullptr, minutes)
                         .arg(m_session ? m_session->displayName(e.target) : e.target));
    }
    return lines.join(u'\n');
}

void ConversationModel::markRead()
{
    if (!m_account || !m_account->messageStore() || m_peer.isEmpty() || !m_active)
        return;
    const quint64 generation = m_generation;
    m_account->messageStore()->markConversationRead(m_peer).then(
        this, [this, generation](Core::Result<void> done) {
            if (!done) {
                qWarning("conversation: marking read failed: %s", qPrintable(done.error().detail));
                return;
            }
            if (m_session)
                m_session->notifyConversationsChanged();
            if (generation != m_generation || !m_account)
                return;
            // Tell the sender's devices (and ours) how far this was read.
            for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
                if (it->direction != Store::Direction::Incoming)
                    continue;
                if (it->messageId != m_lastDisplayed && !it->messageId.isEmpty() &&
                    m_account->client().isConnected()) {
                    if (m_account->isRoom(m_peer)) // to the room, by origin-id: "seen by"
                        m_account->markRoomDisplayed(Core::Jid(m_peer), it->originId.isEmpty()
                                                                            ? it->messageId
                                                                            : it->originId);
                    else
                        m_account->markers().sendDisplayed(Core::Jid(m_peer), it->messageId);
                    m_lastDisplayed = it->messageId;
                }
                break;
            }
        });
}

void ConversationModel::setLoading(bool loading)
{
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void ConversationModel::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

int ConversationModel::rowOf(qint64 rowId) const
{
    auto at = std::lower_bound(
        m_messages.cbegin(), m_messages.cend(), rowId,
        [](const Store::StoredMessage &m, qint64 wanted) { return m.rowId < wanted; });
    return at != m_messages.cend() && at->rowId == rowId ? int(at - m_messages.cbegin()) : -1;
}

int ConversationModel::rowOfMessage(const QString &messageId) const
{
    for (int row = int(m_messages.size()) - 1; row >= 0; --row)
        if (m_messages.at(row).messageId == messageId)
            return row;
    return -1;
}

QString ConversationModel::daySeparator(int row) const
{
    const QDate day = m_messages.at(row).timestamp.toLocalTime().date();
    if (row > 0 && m_messages.at(row - 1).timestamp.toLocalTime().date() == day)
        return {};
    const QDate today = QDate::currentDate();
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::StoredMessage &m = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        // A file's message carries its aesgcm:// link: never shown as text.
        return m_attachments.contains(m.rowId) || m.body.startsWith(u"aesgcm://"_s) ? QString()
                                                                                    : m.body;
    case OutgoingRole:
        return m.direction == Store::Direction::Outgoing;
    case TimeRole:
        return m.timestamp.toLocalTime();
    case DeliveryRole:
        return deliveryName(m.state);
    case ProtectionRole:
        return protectionName(m.protection);
    case UndecryptableRole:
        return m.protection == Store::Protection::Undecryptable;
    case ProblemRole:
        if (m.protection == Store::Protection::Undecryptable) {
            if (m.e2eError == u"omemo-not-for-this-device")
                return tr("This message was not encrypted for this computer (it may have been "
                          "sent before you signed in here). Read it on another device, or ask "
                          "the sender to send it again.");
            return tr("This message could not be decrypted. Ask the sender to send it again.");
        }
        if (m.state == Store::MessageState::Failed)
            return m_problems.value(m.messageId, tr("Not sent. Check the connection, then retry."));
        return QString();
    case MessageIdRole:
        return m.messageId;
    case RowIdRole:
        return m.rowId;
    case DaySeparatorRole:
        return daySeparator(index.row());
    case SenderRole:
        return m.sender;
    case SenderNameRole:
        if (m.direction == Store::Direction::Outgoing)
            return tr("You");
        return m_session ? m_session->displayName(m.sender) : Core::Jid(m.sender).bareString();
    case AttachmentRole:
        return m_attachments.contains(m.rowId);
    case AttachmentNameRole:
        return m_attachments.value(m.rowId).name;
    case AttachmentSizeRole:
        return m_attachments.value(m.rowId).size;
    case AttachmentMimeRole:
        return m_attachments.value(m.rowId).mime;
    case AttachmentStateRole: {
        const auto found = m_attachments.constFind(m.rowId);
        return found == m_attachments.cend() ? QString() : attachmentStateName(found->state);
    }
    case TransferDoneRole:
        return m_transfers.value(m.messageId).first;
    case TransferTotalRole:
        return m_transfers.value(m.messageId).second;
    case PriorityRole:
        return priorityName(m.priority);
    case NeedsAckRole:
        return needsAck(m);
    case AcknowledgedRole:
        return acknowledgedText(m);
    case EscalationRole:
        return escalationText(m);
    case RecalledRole:
        return m.recalled;
    case CanRecallRole:
        return m.direction == Store::Direction::Outgoing && !m.recalled &&
               m.state != Store::MessageState::Failed && m.state != Store::MessageState::Pending;
    case WaitingRole:
        return m.direction == Store::Direction::Outgoing &&
               m.state == Store::MessageState::Pending && !m_online;
    case ForwardedFromRole:
        return forwardedFromText(m);
    case CanForwardRole:
        return !m.recalled && m.protection != Store::Protection::Undecryptable &&
               !m.body.isEmpty() && !m_attachments.contains(m.rowId) &&
               !m.body.startsWith(u"aesgcm://"_s);
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    return {{BodyRole, "body"},
            {OutgoingRole, "outgoing"},
            {TimeRole, "time"},
            {DeliveryRole, "delivery"},
            {ProtectionRole, "protection"},
            {UndecryptableRole, "undecryptable"},
            {ProblemRole, "problem"},
            {MessageIdRole, "messageId"},
            {RowIdRole, "rowId"},
            {DaySeparatorRole, "daySeparator"},
            {SenderRole, "sender"},
            {SenderNameRole, "senderName"},
            {AttachmentRole, "attachment"},
            {AttachmentNameRole, "attachmentName"},
            {AttachmentSizeRole, "attachmentSize"},
            {AttachmentMimeRole, "attachmentMime"},
            {AttachmentStateRole, "attachmentState"},
            {TransferDoneRole, "transferDone"},
            {TransferTotalRole, "transferTotal"},
            {PriorityRole, "priority"},
            {NeedsAckRole, "needsAck"},
            {AcknowledgedRole, "acknowledgedText"},
            {EscalationRole, "escalationText"},
            {RecalledRole, "recalled"},
            {CanRecallRole, "canRecall"},
            {WaitingRole, "waiting"},
            {ForwardedFromRole, "forwardedFrom"},
            {CanForwardRole, "canForward"}};
}

} // namespace Ui
