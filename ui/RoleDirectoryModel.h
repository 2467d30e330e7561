// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include "clinical/Directory.h"
#include "clinical/DirectoryService.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// The organisation's roles (DirectoryService), sorted by name, with who is on
/// call for each right now, for the "page a role" picker. page() sends to a
/// role: ClinicalService resolves it to the on-call holder at send time, and
/// paged() says who that was. Phone numbers are never in the directory.
class RoleDirectoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /// The directory has been read from the server.
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
public:
    enum Role {
        RoleIdRole = Qt::UserRole + 1,
        NameRole,
        OnCallRole,    ///< display name of who is on call now; empty when nobody
        OnCallJidRole, ///< their bare JID
    };
    Q_ENUM(Role)

    explicit RoleDirectoryModel(QObject *parent = nullptr);
    ~RoleDirectoryModel() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    bool isLoaded() const;
    bool isBusy() const { return m_busy; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Reads the roles again (on-call holders change with the clock).
    Q_INVOKABLE void refresh();
    /// Sends `body` to whoever holds `roleId` now, with `priority` (0 routine,
    /// 1 urgent, 2 STAT). paged() or pageFailed() tells how it went.
    Q_INVOKABLE void page(const QString &roleId, const QString &body, int priority);

Q_SIGNALS:
    void sessionChanged();
    void loadedChanged();
    void busyChanged();
    /// The message went to `jid` (`name`), who holds the role `roleName` now.
    void paged(const QString &roleName, const QString &jid, const QString &name);
    /// Why it was not sent and what to do (translated).
    void pageFailed(const QString &errorText);

private:
    void followSessionAccount();
    void reload();
    void setBusy(bool busy);

    QPointer<Session> m_session;
    QPointer<Clinical::DirectoryService> m_directory;
    QList<Clinical::Role> m_roles;
    bool m_busy = false;
};

} // namespace Ui
