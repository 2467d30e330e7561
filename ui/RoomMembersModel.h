// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include "core/Error.h"

#include <QAbstractListModel>
#include <QFuture>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace Account {
class Account;
}

namespace Ui {

/// The members of a care-team room (its owner, admin and member lists, with
/// real JIDs) and whether each is in the room now, for the room panel. Owners
/// and team leads add and remove members; owners also make members team leads
/// (Account::addRoomMember, removeRoomMember, setRoomTeamLead). The server
/// decides who may; a refusal shows as errorText. Read again after each change
/// and when the room's presence changes.
class RoomMembersModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /// Bare JID of the room; empty for none.
    Q_PROPERTY(QString room READ room WRITE setRoom NOTIFY roomChanged)
    /// We are the room's owner or one of its team leads: we may add and remove members.
    Q_PROPERTY(bool canManage READ canManage NOTIFY membersChanged)
    /// We are the room's owner: we may also make members team leads.
    Q_PROPERTY(bool canAppointLeads READ canAppointLeads NOTIFY membersChanged)
    /// Members other than us (what "Seen by N of M" counts against).
    Q_PROPERTY(int othersCount READ othersCount NOTIFY membersChanged)
    /// The list is being read or a change is under way.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// Why the last read or change failed (translated); empty otherwise.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
public:
    enum Role {
        JidRole = Qt::UserRole + 1,
        NameRole,       ///< Session::displayName
        RoleRole,       ///< "owner", "teamLead", "member"
        RoleTextRole,   ///< the same in words (translated)
        PresentRole,    ///< in the room now
        SelfRole,       ///< this row is us
        ManageableRole, ///< we may remove this member (or change their role)
    };
    Q_ENUM(Role)

    struct Member
    {
        QString jid;  ///< bare
        int rank = 0; ///< 3 owner, 2 team lead, 1 member
        bool present = false;
        bool operator==(const Member &) const = default;
    };

    explicit RoomMembersModel(QObject *parent = nullptr);
    ~RoomMembersModel() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString room() const { return m_room; }
    void setRoom(const QString &room);
    bool canManage() const { return m_ownRank >= 2; }
    bool canAppointLeads() const { return m_ownRank >= 3; }
    int othersCount() const;
    bool isBusy() const { return m_loading || m_changing > 0; }
    QString errorText() const { return m_errorText; }
    /// Bare JIDs of the members other than us.
    QStringList otherMembers() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Reads the member lists again from the room.
    Q_INVOKABLE void refresh();
    /// Makes `jid` a member (and invites them). False when it is no address.
    Q_INVOKABLE bool addMember(const QString &jid);
    Q_INVOKABLE void removeMember(const QString &jid);
    /// Makes a member a team lead (`lead`) or a plain member again.
    Q_INVOKABLE void setTeamLead(const QString &jid, bool lead);
    /// Row of a member, or -1.
    Q_INVOKABLE int rowOf(const QString &jid) const;

Q_SIGNALS:
    void sessionChanged();
    void roomChanged();
    void membersChanged();
    void busyChanged();
    void errorTextChanged();
    /// A change the user asked for was accepted by the room.
    void changeDone();

private:
    void followSessionAccount();
    void apply(QList<Member> members, int ownRank);
    void updatePresence();
    QString ownJid() const;
    /// Runs one change; refreshes after it, says why when refused.
    void change(QFuture<Core::Result<void>> future);
    void setLoading(bool loading);
    void setErrorText(const QString &text);
    static QString describe(const Core::Error &error);

    QPointer<Session> m_session;
    QPointer<Account::Account> m_account;
    QString m_room;
    QList<Member> m_members; ///< owners, team leads, members; by name within each
    int m_ownRank = 0;
    bool m_loading = false;
    int m_changing = 0;
    QString m_errorText;
    quint64 m_generation = 0;
    QTimer m_refreshSoon; ///< presence changes come in bursts: one read for many
};

} // namespace Ui
