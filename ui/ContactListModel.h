// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include "xmpp/extensions/PresenceExtension.h"
#include "xmpp/extensions/RosterExtension.h"

#include "core/Jid.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// The account's contacts (its roster), sorted by name, with who is online.
class ContactListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
public:
    enum Role { JidRole = Qt::UserRole + 1, NameRole, OnlineRole };
    Q_ENUM(Role)

    explicit ContactListModel(QObject *parent = nullptr);
    ~ContactListModel() override;

    Session *session() const { return m_session; }
    /// Follows the session's account: its roster and presence.
    void setSession(Session *session);
    /// Shows this roster and presence (both may be null). Used by setSession and tests.
    void attach(Xmpp::RosterExtension *roster, Xmpp::PresenceExtension *presence);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Row of that address, or -1.
    Q_INVOKABLE int indexOf(const QString &jid) const;

Q_SIGNALS:
    void sessionChanged();

private:
    struct Contact
    {
        Core::Jid jid;
        QString name;
    };

    void followSessionAccount();
    void reload();
    void onPresenceChanged(const Core::Jid &bare);
    bool isOnline(const Core::Jid &jid) const;

    QPointer<Session> m_session;
    QPointer<Xmpp::RosterExtension> m_roster;
    QPointer<Xmpp::PresenceExtension> m_presence;
    QList<Contact> m_contacts;
};

} // namespace Ui
