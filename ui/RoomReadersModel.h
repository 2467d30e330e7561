// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RoomMembersModel.h"
#include "Session.h"

#include "store/RoomStore.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Account {
class Account;
}

namespace Ui {

/// Who of a care-team room's members displayed one of its messages, and when
/// we learnt it, earliest first (Account::roomReadState), kept current as
/// markers arrive (roomReadStateChanged). readCount of memberCount gives
/// "Seen by 2 of 4" under our own room messages.
class RoomReadersModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString room READ room WRITE setRoom NOTIFY roomChanged)
    /// The message's origin-id (for our own messages, their id).
    Q_PROPERTY(QString messageId READ messageId WRITE setMessageId NOTIFY messageIdChanged)
    /// The room's members, when a view has them already (the open room's);
    /// without it the model asks the room itself.
    Q_PROPERTY(Ui::RoomMembersModel *members READ members WRITE setMembers NOTIFY membersChanged)
    /// Members other than us who displayed the message.
    Q_PROPERTY(int readCount READ readCount NOTIFY countsChanged)
    /// Members of the room other than us.
    Q_PROPERTY(int memberCount READ memberCount NOTIFY countsChanged)
    /// "Seen by 2 of 4" (translated).
    Q_PROPERTY(QString summary READ summary NOTIFY countsChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    enum Role {
        JidRole = Qt::UserRole + 1,
        NameRole, ///< Session::displayName
        TimeRole, ///< when we learnt it (local time)
    };
    Q_ENUM(Role)

    explicit RoomReadersModel(QObject *parent = nullptr);
    ~RoomReadersModel() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString room() const { return m_room; }
    void setRoom(const QString &room);
    QString messageId() const { return m_messageId; }
    void setMessageId(const QString &id);
    RoomMembersModel *members() const { return m_members; }
    void setMembers(RoomMembersModel *members);
    int readCount() const { return int(m_reads.size()); }
    int memberCount() const;
    QString summary() const;
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Reads the read state (and, without `members`, the member list) again.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void sessionChanged();
    void roomChanged();
    void messageIdChanged();
    void membersChanged();
    void countsChanged();
    void loadingChanged();

private:
    void followSessionAccount();
    void readMembers();
    void setLoading(bool loading);

    QPointer<Session> m_session;
    QPointer<Account::Account> m_account;
    QPointer<RoomMembersModel> m_members;
    QString m_room;
    QString m_messageId;
    QList<Store::RoomRead> m_reads; ///< earliest first
    QStringList m_others;           ///< member list read here (without `members`)
    bool m_loading = false;
    quint64 m_generation = 0;
};

} // namespace Ui
