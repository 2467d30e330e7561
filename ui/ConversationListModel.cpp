// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationListModel.h"

#include "Session.h"

#include "account/Account.h"
#include "clinical/ClinicalService.h"
#include "store/MessageStore.h"
#include "sync/MessagePipeline.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/RosterExtension.h"

#include <algorithm>

namespace Ui {

namespace {
constexpr int ReloadDelayMs = 30;
} // namespace

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_reload.setSingleShot(true);
    m_reload.setInterval(ReloadDelayMs);
    connect(&m_reload, &QTimer::timeout, this, &ConversationListModel::refresh);
}

ConversationListModel::~ConversationListModel() = default;

void ConversationListModel::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::accountChanged, this,
                &ConversationListModel::followSessionAccount);
        connect(m_session, &Session::conversationsChanged, &m_reload, qOverload<>(&QTimer::start));
    }
    followSessionAccount();
    Q_EMIT sessionChanged();
}

void ConversationListModel::setShowPreview(bool show)
{
    if (show == m_showPreview)
        return;
    m_showPreview = show;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {PreviewRole});
    Q_EMIT showPreviewChanged();
}

void ConversationListModel::followSessionAccount()
{
    Account::Account *account = m_session ? m_session->account() : nullptr;
    if (account == m_account && account)
        return;
    if (m_account)
        disconnect(m_account, nullptr, this, nullptr);
    if (m_session && m_session->clinical())
        disconnect(m_session->clinical(), nullptr, this, nullptr);
    ++m_generation;
    m_reload.stop();
    beginResetModel();
    m_rows.clear();
    endResetModel();
    if (m_totalUnread != 0) {
        m_totalUnread = 0;
        Q_EMIT totalUnreadChanged();
    }
    if (m_loaded) {
        m_loaded = false;
        Q_EMIT loadedChanged();
    }
    m_account = account;
    m_attention.clear();
    if (m_attentionCount != 0) {
        m_attentionCount = 0;
        Q_EMIT attentionCountChanged();
    }
    if (!account || !account->messageStore())
        return;
    const auto later = [this] { m_reload.start(); };
    if (Clinical::ClinicalService *clinical = m_session->clinical()) {
        connect(clinical, &Clinical::ClinicalService::attentionNeeded, this,
                &ConversationListModel::onAttentionNeeded);
        connect(clinical, &Clinical::ClinicalService::acknowledged, this,
                &ConversationListModel::dropAttention);
        connect(clinical, &Clinical::ClinicalService::recalled, this,
                &ConversationListModel::dropAttention);
    }
    connect(account->pipeline(), &Sync::MessagePipeline::messagesStored, this, later);
    connect(account->outbox(), &Sync::Outbox::committed, this, later);
    connect(account, &Account::Account::roomLeft, this, later);
    connect(&account->roster(), &Xmpp::RosterExtension::rosterChanged, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {NameRole});
    });
    refresh();
}

void ConversationListModel::refresh()
{
    Account::Account *account = m_account;
    if (!account || !account->messageStore())
        return;
    const quint64 generation = m_generation;
    account->messageStore()->conversations().then(
        this, [this, generation](Core::Result<QList<Store::ConversationSummary>> summaries) {
            if (generation != m_generation)
                return;
            if (!summaries) {
                qWarning("conversation list: reading failed: %s",
                         qPrintable(summaries.error().detail));
                return;
            }
            // Rooms we are in appear even before their first message.
            QList<Store::ConversationSummary> all = std::move(*summaries);
            if (m_account) {
                QStringList rooms = m_account->rooms();
                rooms.sort();
                for (const QString &room : std::as_const(rooms)) {
                    const bool listed =
                        std::any_of(all.cbegin(), all.cend(), [&](const auto &summary) {
                            return summary.conversation == room;
                        });
                    if (!listed) {
                        Store::ConversationSummary empty;
                        empty.conversation = room;
                        all.append(empty);
                    }
                }
            }
            // Waiting for an acknowledgement: pinned on top, most urgent first.
            std::stable_sort(all.begin(), all.end(), [this](const auto &a, const auto &b) {
                return attentionPriority(a.conversation) > attentionPriority(b.conversation);
            });
            apply(std::move(all));
        });
}

void ConversationListModel::onAttentionNeeded(const QString &messageId)
{
    if (!m_account || !m_account->messageStore() || m_attention.contains(messageId))
        return;
    const quint64 generation = m_generation;
    m_account->messageStore()->messageById(messageId).then(
        this, [this, generation, messageId](Core::Result<std::optional<Store::StoredMessage>> m) {
            if (generation != m_generation || !m || !*m || (*m)->recalled)
                return;
            m_attention.insert(messageId, {(*m)->conversation, (*m)->priority});
            m_reload.start();
        });
}

void ConversationListModel::dropAttention(const QString &messageId)
{
    if (m_attention.remove(messageId))
        m_reload.start();
}

int ConversationListModel::attentionPriority(const QString &conversation) const
{
    int highest = 0;
    for (const auto &[where, priority] : std::as_const(m_attention))
        if (where == conversation)
            highest = std::max(highest, priority);
    return highest;
}

int ConversationListModel::attentionCount() const
{
    return m_attentionCount;
}

void ConversationListModel::apply(QList<Store::ConversationSummary> summaries)
{
    // Merged row by row (moves, inserts, removals) rather than reset, so views
    // keep their current item and scroll position while messages arrive.
    for (int i = 0; i < summaries.size(); ++i) {
        const Store::ConversationSummary &wanted = summaries.at(i);
        int found = -1;
        for (int j = i; j < m_rows.size(); ++j) {
            if (m_rows.at(j).summary.conversation == wanted.conversation) {
                found = j;
                break;
            }
        }
        if (found < 0) {
            beginInsertRows({}, i, i);
            m_rows.insert(i, Row{wanted, Store::Protection::Plain});
            endInsertRows();
            fetchProtection(wanted.conversation, wanted.lastRowId);
            continue;
        }
        if (found != i) {
            beginMoveRows({}, found, found, {}, i);
            m_rows.move(found, i);
            endMoveRows();
        }
        Row &row = m_rows[i];
        if (row.summary != wanted) {
            const bool newLast = row.summary.lastRowId != wanted.lastRowId;
            row.summary = wanted;
            Q_EMIT dataChanged(index(i), index(i));
            if (newLast)
                fetchProtection(wanted.conversation, wanted.lastRowId);
        }
    }
    if (m_rows.size() > summaries.size()) {
        beginRemoveRows({}, int(summaries.size()), int(m_rows.size()) - 1);
        m_rows.resize(summaries.size());
        endRemoveRows();
    }
    int unread = 0;
    int attention = 0;
    for (const Row &row : std::as_const(m_rows)) {
        unread += row.summary.unread;
        attention += attentionPriority(row.summary.conversation) > 0 ? 1 : 0;
    }
    // Acknowledging changes no summary: the pinned state is told apart here.
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {NeedsAckRole, PriorityRole});
    if (attention != m_attentionCount) {
        m_attentionCount = attention;
        Q_EMIT attentionCountChanged();
    }
    if (unread != m_totalUnread) {
        m_totalUnread = unread;
        Q_EMIT totalUnreadChanged();
    }
    if (!m_loaded) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
}

void ConversationListModel::fetchProtection(const QString &conversation, qint64 lastRowId)
{
    Account::Account *account = m_account;
    if (!account || !account->messageStore())
        return;
    const quint64 generation = m_generation;
    // The newest message of the conversation: how it was protected.
    account->messageStore()
        ->messages(conversation, lastRowId + 1, 1)
        .then(this, [this, generation, conversation](Core::Result<QList<Store::StoredMessage>> m) {
            if (generation != m_generation || !m || m->isEmpty())
                return;
            setProtection(conversation, m->first().rowId, m->first().protection);
        });
}

void ConversationListModel::setProtection(const QString &conversation, qint64 rowId,
                                          Store::Protection protection)
{
    const int row = indexOf(conversation);
    if (row < 0 || m_rows.at(row).summary.lastRowId != rowId ||
        m_rows.at(row).protection == protection)
        return;
    m_rows[row].protection = protection;
    Q_EMIT dataChanged(index(row), index(row), {EncryptedRole, UndecryptableRole});
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Store::ConversationSummary &s = row.summary;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_session ? m_session->displayName(s.conversation) : s.conversation;
    case ConversationRole:
        return s.conversation;
    case LastActivityRole:
        return s.lastActivity.toLocalTime();
    case UnreadRole:
        return s.unread;
    case PreviewRole:
        return m_showPreview ? s.lastBody : QString();
    case LastOutgoingRole:
        return s.lastDirection == Store::Direction::Outgoing;
    case EncryptedRole:
        return row.protection != Store::Protection::Plain;
    case UndecryptableRole:
        return row.protection == Store::Protection::Undecryptable;
    case RoomRole:
        return m_account && m_account->isRoom(s.conversation);
    case NeedsAckRole:
        return attentionPriority(s.conversation) > 0;
    case PriorityRole:
        switch (attentionPriority(s.conversation)) {
        case 1:
            return QStringLiteral("urgent");
        case 2:
            return QStringLiteral("stat");
        default:
            return QString();
        }
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{ConversationRole, "conversation"},
            {NameRole, "name"},
            {LastActivityRole, "lastActivity"},
            {UnreadRole, "unread"},
            {PreviewRole, "preview"},
            {LastOutgoingRole, "lastOutgoing"},
            {EncryptedRole, "encrypted"},
            {UndecryptableRole, "undecryptable"},
            {RoomRole, "room"},
            {NeedsAckRole, "needsAck"},
            {PriorityRole, "priority"}};
}

QString ConversationListModel::nextUnread(const QString &current, bool forward) const
{
    const int count = int(m_rows.size());
    if (count == 0)
        return {};
    const int from = indexOf(current);
    const int step = forward ? 1 : -1;
    // Without a current row, start just outside the list so that row 0 (or
    // the last) is looked at first.
    int row = from >= 0 ? from : (forward ? -1 : count);
    for (int i = 0; i < count; ++i) {
        row = ((row + step) % count + count) % count;
        if (row != from && m_rows.at(row).summary.unread > 0)
            return m_rows.at(row).summary.conversation;
    }
    return {};
}

int ConversationListModel::indexOf(const QString &jid) const
{
    const QString wanted = Core::Jid(jid).bareString();
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).summary.conversation == wanted)
            return row;
    return -1;
}

} // namespace Ui
