// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/OrgPolicy.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Account {
class Account;
}
namespace Admin {
class PolicyService;
}

namespace Ui {

/// The organisation's policy as the window sees it, and the user's own
/// choices within it (Session::policy). Owns the account's
/// Admin::PolicyService while an account is signed in; the user's choices
/// (idle lock, notification detail) are kept in the account's encrypted
/// settings and are never looser than the policy: a looser choice is refused
/// and the policy's limit applies.
class PolicySettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the Session.")
    Q_PROPERTY(bool hasPolicy READ hasPolicy NOTIFY changed)
    /// The policy's limits (its defaults until one is published).
    Q_PROPERTY(int policyIdleLockMinutes READ policyIdleLockMinutes NOTIFY changed)
    Q_PROPERTY(QString policyNotificationDetail READ policyNotificationDetail NOTIFY changed)
    /// The user's own choices; 0 / "" when they made none.
    Q_PROPERTY(int localIdleLockMinutes READ localIdleLockMinutes NOTIFY changed)
    Q_PROPERTY(QString localNotificationDetail READ localNotificationDetail NOTIFY changed)
    /// What applies: the stricter of the policy and the user's choice.
    Q_PROPERTY(int idleLockMinutes READ idleLockMinutes NOTIFY changed)
    /// "none", "sender" or "preview".
    Q_PROPERTY(QString notificationDetail READ notificationDetail NOTIFY changed)
    /// Message text may be shown outside the conversation (list previews).
    Q_PROPERTY(bool showPreview READ showPreview NOTIFY changed)
    Q_PROPERTY(bool allowAttachments READ allowAttachments NOTIFY changed)
    Q_PROPERTY(bool requireVerifiedDevices READ requireVerifiedDevices NOTIFY changed)
    /// What changed with the last policy from the server, in words; empty
    /// until a change arrives (or after dismissNotice()).
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    explicit PolicySettings(QObject *parent = nullptr);
    ~PolicySettings() override;

    /// Follows `account` (null: signed out). The policy service lives as long.
    void setAccount(Account::Account *account);
    Admin::PolicyService *service() const { return m_service.get(); }

    bool hasPolicy() const;
    int policyIdleLockMinutes() const;
    QString policyNotificationDetail() const;
    int localIdleLockMinutes() const { return m_local.idleLockMinutes; }
    QString localNotificationDetail() const;
    int idleLockMinutes() const;
    QString notificationDetail() const;
    bool showPreview() const { return notificationDetail() == u"preview"; }
    bool allowAttachments() const;
    bool requireVerifiedDevices() const;
    QString notice() const { return m_notice; }

    /// The user's idle lock (minutes, 0: the policy's). Returns false, and
    /// keeps the policy's limit, when `minutes` is longer than the policy allows.
    Q_INVOKABLE bool chooseIdleLockMinutes(int minutes);
    /// "none", "sender" or "preview"; false (and the policy's detail) when the
    /// policy allows less.
    Q_INVOKABLE bool chooseNotificationDetail(const QString &detail);
    /// Words for a detail level, translated.
    Q_INVOKABLE static QString describeDetail(const QString &detail);
    Q_INVOKABLE void dismissNotice();

Q_SIGNALS:
    void changed();
    void noticeChanged();

private:
    void applyLocal(bool store);
    void loadLocal();
    void onPolicyChanged(const Admin::OrgPolicy &policy);

    QPointer<Account::Account> m_account;
    std::unique_ptr<Admin::PolicyService> m_service;
    Admin::LocalPreferences m_local;
    bool m_localDetailChosen = false;
    Admin::OrgPolicy m_lastPolicy;
    bool m_seenPolicy = false; ///< a policy applied in this session already
    QString m_notice;
    quint64 m_generation = 0; ///< drops loads meant for a previous account
};

} // namespace Ui
