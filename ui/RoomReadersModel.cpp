// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoomReadersModel.h"

#include "account/Account.h"
#include "xmpp/extensions/MucExtension.h"

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

using Reads = Core::Result<QList<Store::RoomRead>>;
using MemberList = Core::Result<QList<Xmpp::MucExtension::AffiliationItem>>;

} // namespace

RoomReadersModel::RoomReadersModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

RoomReadersModel::~RoomReadersModel() = default;

void RoomReadersModel::setSession(Session *session)
{
    if (followSession(this, m_session, session, &RoomReadersModel::followSessionAccount))
        Q_EMIT sessionChanged();
}

void RoomReadersModel::followSessionAccount()
{
    Account::Account *account = m_session ? m_session->account() : nullptr;
    if (account == m_account && account)
        return;
    if (m_account) {
        disconnect(m_account, nullptr, this, nullptr);
        disconnect(&m_account->client(), nullptr, this, nullptr);
    }
    m_account = account;
    if (account) {
        connect(account, &Account::Account::roomReadStateChanged, this,
                [this](const QString &room, const QString &messageId) {
                    if (room == m_room && messageId == m_messageId)
                        refresh();
                });
        connect(&account->client(), &Xmpp::Client::sessionStarted, this,
                &RoomReadersModel::readMembers);
    }
    refresh();
    readMembers();
}

void RoomReadersModel::setRoom(const QString &room)
{
    const QString bare = room.isEmpty() ? QString() : Core::Jid(room).bareString();
    if (bare == m_room)
        return;
    m_room = bare;
    Q_EMIT roomChanged();
    refresh();
    readMembers();
}

void RoomReadersModel::setMessageId(const QString &id)
{
    if (id == m_messageId)
        return;
    m_messageId = id;
    Q_EMIT messageIdChanged();
    refresh();
}

void RoomReadersModel::setMembers(RoomMembersModel *members)
{
    if (members == m_members)
        return;
    if (m_members)
        disconnect(m_members, nullptr, this, nullptr);
    m_members = members;
    if (m_members)
        connect(m_members, &RoomMembersModel::membersChanged, this,
                &RoomReadersModel::countsChanged);
    Q_EMIT membersChanged();
    readMembers();
    Q_EMIT countsChanged();
}

void RoomReadersModel::readMembers()
{
    if (m_members || !m_account || m_room.isEmpty() || !m_account->client().isConnected())
        return;
    const QString room = m_room;
    m_account->muc().members(Core::Jid(room)).then(this, [this, room](MemberList list) {
        if (room != m_room || !list || !m_account)
            return;
        const QString self = m_account->settings().jid.bareString();
        QStringList others;
        for (const auto &item : std::as_const(*list)) {
            const QString jid = item.jid.bareString();
            if (item.affiliation != Xmpp::MucExtension::Affiliation::Outcast && jid != self &&
                !others.contains(jid))
                others << jid;
        }
        if (others == m_others)
            return;
        m_others = others;
        Q_EMIT countsChanged();
    });
}

void RoomReadersModel::refresh()
{
    const quint64 generation = ++m_generation;
    if (!m_account || m_room.isEmpty() || m_messageId.isEmpty()) {
        if (!m_reads.isEmpty()) {
            beginResetModel();
            m_reads.clear();
            endResetModel();
            Q_EMIT countsChanged();
        }
        setLoading(false);
        return;
    }
    setLoading(true);
    m_account->roomReadState(Core::Jid(m_room), m_messageId)
        .then(this, [this, generation](Reads reads) {
            if (generation != m_generation || !m_account)
                return;
            setLoading(false);
            if (!reads) {
                qWarning("room readers: not read: %s", qPrintable(reads.error().detail));
                return;
            }
            const QString self = m_account->settings().jid.bareString();
            QList<Store::RoomRead> fresh;
            for (const Store::RoomRead &read : std::as_const(*reads))
                if (read.member != self)
                    fresh << read;
            if (fresh == m_reads)
                return;
            // New markers come after the ones we have: add rows, keep the rest.
            if (fresh.size() > m_reads.size() &&
                std::equal(m_reads.cbegin(), m_reads.cend(), fresh.cbegin())) {
                beginInsertRows({}, int(m_reads.size()), int(fresh.size()) - 1);
                m_reads = std::move(fresh);
                endInsertRows();
            } else {
                beginResetModel();
                m_reads = std::move(fresh);
                endResetModel();
            }
            Q_EMIT countsChanged();
        });
}

int RoomReadersModel::memberCount() const
{
    const int members = m_members ? m_members->othersCount() : int(m_others.size());
    // A reader who has left the room since still counts as one who saw it.
    return std::max(members, readCount());
}

QString RoomReadersModel::summary() const
{
    if (memberCount() == 0)
        return {};
    return tr("Seen by %1 of %2").arg(readCount()).arg(memberCount());
}

void RoomReadersModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

int RoomReadersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_reads.size());
}

QVariant RoomReadersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::RoomRead &read = m_reads.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_session ? m_session->displayName(read.member) : read.member;
    case JidRole:
        return read.member;
    case TimeRole:
        return read.at.toLocalTime();
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomReadersModel::roleNames() const
{
    return {{JidRole, "jid"}, {NameRole, "name"}, {TimeRole, "time"}};
}

} // namespace Ui
