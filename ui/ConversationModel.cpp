// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationModel.h"

#include "Session.h"

#include "account/Account.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Ui {

ConversationModel::ConversationModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

ConversationModel::~ConversationModel() = default;

void ConversationModel::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::accountChanged, this,
                &ConversationModel::followSessionAccount);
    followSessionAccount();
    Q_EMIT sessionChanged();
}

void ConversationModel::followSessionAccount()
{
    Account::Account *account = m_session ? m_session->account() : nullptr;
    if (account)
        attach(&account->client(), &account->messaging());
    else
        attach(nullptr, nullptr);
}

void ConversationModel::attach(Xmpp::Client *client, Xmpp::MessagingExtension *messaging)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    if (m_messaging)
        disconnect(m_messaging, nullptr, this, nullptr);
    beginResetModel();
    // Conversations belong to one account; another account starts empty.
    m_conversations.clear();
    m_awaitingAck.clear();
    m_client = client;
    m_messaging = messaging;
    endResetModel();
    if (m_client)
        connect(m_client, &Xmpp::Client::stanzaAcknowledged, this,
                &ConversationModel::onAcknowledged);
    if (m_messaging)
        connect(m_messaging, &Xmpp::MessagingExtension::messageReceived, this,
                &ConversationModel::onMessageReceived);
}

void ConversationModel::setPeer(const QString &jid)
{
    const Core::Jid peer = Core::Jid(jid).bare();
    if (peer == m_peer)
        return;
    beginResetModel();
    m_peer = peer;
    endResetModel();
    Q_EMIT peerChanged();
}

bool ConversationModel::send(const QString &body)
{
    if (!m_messaging || !m_peer.isValid() || body.trimmed().isEmpty())
        return false;
    Entry entry;
    entry.id = Xmpp::Client::newId();
    entry.body = body;
    entry.time = QDateTime::currentDateTime();
    entry.outgoing = true;
    entry.delivery = Delivery::Sending;
    // Listen for the acknowledgement before the stanza can go out.
    m_awaitingAck.insert(entry.id, m_peer);
    const QString id = entry.id;
    append(m_peer, std::move(entry));
    m_messaging->sendChat(m_peer, body, id);
    return true;
}

void ConversationModel::onMessageReceived(const Xmpp::Message &message)
{
    const Core::Jid peer = message.from.bare();
    if (!peer.isValid())
        return;
    Entry entry;
    entry.id = message.originId.isEmpty() ? message.id : message.originId;
    // A message replayed after a reconnect is shown once.
    if (!entry.id.isEmpty()) {
        const QList<Entry> &known = m_conversations.value(peer);
        const bool seen = std::any_of(known.begin(), known.end(), [&](const Entry &e) {
            return !e.outgoing && e.id == entry.id;
        });
        if (seen)
            return;
    }
    entry.body = message.body;
    entry.time =
        message.delayed.isValid() ? message.delayed.toLocalTime() : QDateTime::currentDateTime();
    append(peer, std::move(entry));
}

void ConversationModel::onAcknowledged(const QString &id)
{
    const auto found = m_awaitingAck.constFind(id);
    if (found == m_awaitingAck.constEnd())
        return;
    const Core::Jid peer = *found;
    m_awaitingAck.erase(found);
    QList<Entry> &entries = m_conversations[peer];
    for (qsizetype row = entries.size() - 1; row >= 0; --row) {
        if (entries[row].outgoing && entries[row].id == id) {
            entries[row].delivery = Delivery::Sent;
            if (peer == m_peer) {
                const QModelIndex changed = index(int(row));
                Q_EMIT dataChanged(changed, changed, {DeliveryRole});
            }
            return;
        }
    }
}

void ConversationModel::append(const Core::Jid &peer, Entry entry)
{
    QList<Entry> &entries = m_conversations[peer];
    const bool visible = peer == m_peer;
    if (visible)
        beginInsertRows({}, int(entries.size()), int(entries.size()));
    entries.append(std::move(entry));
    if (visible)
        endInsertRows();
}

const QList<ConversationModel::Entry> &ConversationModel::shown() const
{
    static const QList<Entry> none;
    const auto found = m_conversations.constFind(m_peer);
    return found == m_conversations.constEnd() ? none : *found;
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(shown().size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = shown().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return entry.body;
    case OutgoingRole:
        return entry.outgoing;
    case TimeRole:
        return entry.time;
    case DeliveryRole:
        switch (entry.delivery) {
        case Delivery::Received:
            return u"received"_s;
        case Delivery::Sending:
            return u"sending"_s;
        case Delivery::Sent:
            return u"sent"_s;
        }
        return {};
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    return {{BodyRole, "body"},
            {OutgoingRole, "outgoing"},
            {TimeRole, "time"},
            {DeliveryRole, "delivery"}};
}

} // namespace Ui
