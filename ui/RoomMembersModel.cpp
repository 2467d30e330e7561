// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoomMembersModel.h"

#include "account/Account.h"
#include "xmpp/extensions/MucExtension.h"

#include "core/ErrorText.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

using Xmpp::MucExtension;
using MemberList = Core::Result<QList<MucExtension::AffiliationItem>>;

constexpr int RefreshDelayMs = 300;

int rankOf(MucExtension::Affiliation affiliation)
{
    switch (affiliation) {
    case MucExtension::Affiliation::Owner:
        return 3;
    case MucExtension::Affiliation::Admin:
        return 2;
    case MucExtension::Affiliation::Member:
        return 1;
    default:
        return 0;
    }
}

} // namespace

RoomMembersModel::RoomMembersModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(RefreshDelayMs);
    connect(&m_refreshSoon, &QTimer::timeout, this, &RoomMembersModel::refresh);
}

RoomMembersModel::~RoomMembersModel() = default;

void RoomMembersModel::setSession(Session *session)
{
    if (followSession(this, m_session, session, &RoomMembersModel::followSessionAccount))
        Q_EMIT sessionChanged();
}

void RoomMembersModel::followSessionAccount()
{
    Account::Account *account = m_session ? m_session->account() : nullptr;
    if (account == m_account && account)
        return;
    if (m_account) {
        disconnect(m_account, nullptr, this, nullptr);
        disconnect(&m_account->client(), nullptr, this, nullptr);
        disconnect(&m_account->muc(), nullptr, this, nullptr);
    }
    m_account = account;
    if (account) {
        connect(&account->client(), &Xmpp::Client::sessionStarted, this,
                &RoomMembersModel::refresh);
        connect(&account->muc(), &MucExtension::occupantsChanged, this,
                [this](const Core::Jid &room) {
                    if (room.bareString() != m_room)
                        return;
                    updatePresence();
                    // An affiliation change also comes as presence.
                    m_refreshSoon.start();
                });
        connect(account, &Account::Account::roomLeft, this, [this](const QString &room) {
            if (room == m_room)
                refresh();
        });
    }
    refresh();
}

void RoomMembersModel::setRoom(const QString &room)
{
    const QString bare = room.isEmpty() ? QString() : Core::Jid(room).bareString();
    if (bare == m_room)
        return;
    m_room = bare;
    setErrorText({});
    Q_EMIT roomChanged();
    refresh();
}

QString RoomMembersModel::ownJid() const
{
    return m_account ? m_account->settings().jid.bareString() : QString();
}

void RoomMembersModel::refresh()
{
    const quint64 generation = ++m_generation;
    m_refreshSoon.stop();
    if (!m_account || m_room.isEmpty() || !m_account->isRoom(m_room)) {
        apply({}, 0);
        setLoading(false);
        return;
    }
    if (!m_account->client().isConnected()) {
        setLoading(false);
        setErrorText(tr("The members of a room come from the server: they are shown once "
                        "Rounds is online."));
        return;
    }
    setLoading(true);
    const Core::Jid room(m_room);
    m_account->muc().members(room).then(this, [this, generation, room](MemberList list) {
        if (generation != m_generation || !m_account)
            return;
        setLoading(false);
        if (!list) {
            setErrorText(describe(list.error()));
            return;
        }
        const QString self = ownJid();
        QList<Member> members;
        QSet<QString> listed;
        int ownRank = 0;
        for (const MucExtension::AffiliationItem &item : std::as_const(*list)) {
            const int rank = rankOf(item.affiliation);
            const QString jid = item.jid.bareString();
            if (rank == 0 || listed.contains(jid))
                continue;
            listed.insert(jid);
            members.append({jid, rank, false});
            if (jid == self)
                ownRank = rank;
        }
        // Occupants of lists the server did not show us (never the case in a
        // care-team room, where members read all lists).
        for (const MucExtension::Occupant &occupant : m_account->muc().occupants(room)) {
            const QString jid = occupant.realJid.bareString();
            const int rank = rankOf(occupant.affiliation);
            if (!occupant.realJid.isValid() || rank == 0 || listed.contains(jid))
                continue;
            listed.insert(jid);
            members.append({jid, rank, false});
            if (jid == self)
                ownRank = rank;
        }
        apply(std::move(members), ownRank);
    });
}

void RoomMembersModel::apply(QList<Member> members, int ownRank)
{
    // Presence from what the room told us last.
    QSet<QString> present;
    if (m_account && !m_room.isEmpty())
        for (const MucExtension::Occupant &occupant : m_account->muc().occupants(Core::Jid(m_room)))
            if (occupant.realJid.isValid())
                present.insert(occupant.realJid.bareString());
    for (Member &m : members)
        m.present = present.contains(m.jid);
    const auto name = [this](const QString &jid) {
        return m_session ? m_session->displayName(jid) : jid;
    };
    std::stable_sort(members.begin(), members.end(), [&name](const Member &a, const Member &b) {
        if (a.rank != b.rank)
            return a.rank > b.rank;
        return name(a.jid).compare(name(b.jid), Qt::CaseInsensitive) < 0;
    });

    bool sameRows = members.size() == m_members.size();
    for (qsizetype i = 0; sameRows && i < members.size(); ++i)
        sameRows = members.at(i).jid == m_members.at(i).jid;
    const bool rankChanged = ownRank != m_ownRank;
    bool changed = !sameRows || rankChanged;
    if (sameRows) {
        for (qsizetype i = 0; i < members.size(); ++i) {
            if (members.at(i) == m_members.at(i) && !rankChanged)
                continue;
            m_members[i] = members.at(i);
            changed = true;
            Q_EMIT dataChanged(index(int(i)), index(int(i)));
        }
        m_ownRank = ownRank;
    } else {
        beginResetModel();
        m_members = std::move(members);
        m_ownRank = ownRank;
        endResetModel();
    }
    if (changed)
        Q_EMIT membersChanged();
}

void RoomMembersModel::updatePresence()
{
    if (!m_account || m_room.isEmpty())
        return;
    QSet<QString> present;
    for (const MucExtension::Occupant &occupant : m_account->muc().occupants(Core::Jid(m_room)))
        if (occupant.realJid.isValid())
            present.insert(occupant.realJid.bareString());
    for (int row = 0; row < m_members.size(); ++row) {
        Member &m = m_members[row];
        if (m.present == present.contains(m.jid))
            continue;
        m.present = !m.present;
        Q_EMIT dataChanged(index(row), index(row), {PresentRole});
    }
}

bool RoomMembersModel::addMember(const QString &jid)
{
    const Core::Jid member(jid.trimmed());
    if (!m_account || m_room.isEmpty())
        return false;
    if (!member.isValid() || member.local().isEmpty()) {
        setErrorText(tr("Enter the colleague's address, such as name@example.org."));
        return false;
    }
    change(m_account->addRoomMember(Core::Jid(m_room), member.bare()));
    return true;
}

void RoomMembersModel::removeMember(const QString &jid)
{
    if (!m_account || m_room.isEmpty() || jid.isEmpty())
        return;
    change(m_account->removeRoomMember(Core::Jid(m_room), Core::Jid(jid).bare()));
}

void RoomMembersModel::setTeamLead(const QString &jid, bool lead)
{
    if (!m_account || m_room.isEmpty() || jid.isEmpty())
        return;
    change(m_account->setRoomTeamLead(Core::Jid(m_room), Core::Jid(jid).bare(), lead));
}

void RoomMembersModel::change(QFuture<Core::Result<void>> future)
{
    setErrorText({});
    ++m_changing;
    if (m_changing == 1 && !m_loading)
        Q_EMIT busyChanged();
    const QString room = m_room;
    future.then(this, [this, room](Core::Result<void> done) {
        if (room == m_room) {
            if (!done)
                setErrorText(describe(done.error()));
            refresh(); // busy until the lists are read again
        }
        --m_changing; // busy before, with this change
        if (!isBusy())
            Q_EMIT busyChanged();
        if (done && room == m_room)
            Q_EMIT changeDone();
    });
}

QString RoomMembersModel::describe(const Core::Error &error)
{
    if (error.detail == u"muc-not-team-lead")
        return tr("Only the room's owner or a team lead can change its members.");
    if (error.detail == u"muc-bad-address")
        return tr("Enter the colleague's address, such as name@example.org.");
    return Core::describeError(error);
}

int RoomMembersModel::othersCount() const
{
    return int(otherMembers().size());
}

QStringList RoomMembersModel::otherMembers() const
{
    const QString self = ownJid();
    QStringList others;
    for (const Member &m : m_members)
        if (m.jid != self)
            others << m.jid;
    return others;
}

int RoomMembersModel::rowOf(const QString &jid) const
{
    const QString bare = Core::Jid(jid).bareString();
    for (int row = 0; row < m_members.size(); ++row)
        if (m_members.at(row).jid == bare)
            return row;
    return -1;
}

void RoomMembersModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    const bool wasBusy = isBusy();
    m_loading = loading;
    if (wasBusy != isBusy())
        Q_EMIT busyChanged();
}

void RoomMembersModel::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

int RoomMembersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QVariant RoomMembersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member &m = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_session ? m_session->displayName(m.jid) : m.jid;
    case JidRole:
        return m.jid;
    case RoleRole:
        return m.rank >= 3 ? u"owner"_s : m.rank == 2 ? u"teamLead"_s : u"member"_s;
    case RoleTextRole:
        return m.rank >= 3 ? tr("Owner") : m.rank == 2 ? tr("Team lead") : tr("Member");
    case PresentRole:
        return m.present;
    case SelfRole:
        return m.jid == ownJid();
    case ManageableRole:
        // The room lets owners change anyone but owners, team leads only members.
        return m.jid != ownJid() && m_ownRank >= 2 && m.rank < 3 &&
               (m_ownRank >= 3 || m.rank < m_ownRank);
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomMembersModel::roleNames() const
{
    return {
        {JidRole, "jid"},
        {NameRole, "name"},
        {RoleRole, "memberRole"},
        {RoleTextRole, "roleText"},
        {PresentRole, "present"},
        {SelfRole, "self"},
        {ManageableRole, "manageable"},
    };
}

} // namespace Ui
