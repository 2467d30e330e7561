// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminListModel.h"
#include "Session.h"

#include "admin/AdminService.h"

#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// The admin console's accounts (AdminService::listUsers) and what can be done
/// to one: reset its second factor, disable or enable it. Empty for accounts
/// that are not admins. Every action reloads the list.
class AdminUsersModel : public AdminListModel
{
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role {
        JidRole = Qt::UserRole + 1,
        DevicesRole,  ///< how many device records
        EnrolledRole, ///< second factor (TOTP) enrolled
        DisabledRole,
        OnlineRole,
    };
    Q_ENUM(Role)

    explicit AdminUsersModel(QObject *parent = nullptr);
    ~AdminUsersModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Row of that account, or -1.
    Q_INVOKABLE int indexOf(const QString &jid) const;
    Q_INVOKABLE void refresh();
    /// The account must enrol a new authenticator at its next sign-in.
    Q_INVOKABLE void resetMfa(const QString &jid);
    Q_INVOKABLE void disableAccount(const QString &jid);
    Q_INVOKABLE void enableAccount(const QString &jid);

Q_SIGNALS:

private:
    void refreshAfterAction() override { refresh(); }
    void clearRows() override;
    void run(QFuture<Core::Result<void>> action, const QString &doneText);

    QList<Admin::UserRow> m_rows;
};

} // namespace Ui
