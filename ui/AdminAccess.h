// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Account {
class Account;
}
namespace Admin {
class AdminService;
}

namespace Ui {

/// Whether the signed-in account may run the admin console (Session::admin):
/// the server lists the admin commands for it (AdminService::isAdmin), asked
/// at every new session. Owns the account's Admin::AdminService, which the
/// admin models use.
class AdminAccess : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the Session.")
    Q_PROPERTY(bool available READ isAvailable NOTIFY availableChanged)
public:
    explicit AdminAccess(QObject *parent = nullptr);
    ~AdminAccess() override;

    /// Follows `account` (null: signed out).
    void setAccount(Account::Account *account);
    Account::Account *account() const;
    /// Null while signed out.
    Admin::AdminService *service() const { return m_service.get(); }
    bool isAvailable() const { return m_available; }
    /// Why admin commands cannot be sent now (translated): signed out or not
    /// connected. Empty when they can.
    QString offlineText() const;

Q_SIGNALS:
    void availableChanged();
    /// The account (and so the service) changed: models start over.
    void serviceChanged();

private:
    void check();
    void setAvailable(bool available);

    QPointer<Account::Account> m_account;
    std::unique_ptr<Admin::AdminService> m_service;
    bool m_available = false;
    quint64 m_generation = 0;
};

} // namespace Ui
