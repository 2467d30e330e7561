// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include "admin/OrgPolicy.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// The admin console's policy editor: every field of Admin::OrgPolicy,
/// checked as it is typed (validationText), published for the whole
/// organisation with publish(). Starts from the policy in force (load()).
class PolicyEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int idleLockMinutes READ idleLockMinutes WRITE setIdleLockMinutes NOTIFY edited)
    Q_PROPERTY(int retentionDays READ retentionDays WRITE setRetentionDays NOTIFY edited)
    Q_PROPERTY(bool requireMfa READ requireMfa WRITE setRequireMfa NOTIFY edited)
    Q_PROPERTY(bool requireVerifiedDevices READ requireVerifiedDevices WRITE
                   setRequireVerifiedDevices NOTIFY edited)
    Q_PROPERTY(bool allowAttachments READ allowAttachments WRITE setAllowAttachments NOTIFY edited)
    /// "none", "sender" or "preview".
    Q_PROPERTY(QString notificationDetail READ notificationDetail WRITE setNotificationDetail NOTIFY
                   edited)
    /// Domains besides the own one, separated by spaces, commas or lines.
    Q_PROPERTY(
        QString forwardingDomains READ forwardingDomains WRITE setForwardingDomains NOTIFY edited)
    /// What is wrong with the fields (translated); empty when they can be published.
    Q_PROPERTY(QString validationText READ validationText NOTIFY edited)
    Q_PROPERTY(bool valid READ isValid NOTIFY edited)
    /// The fields differ from the policy in force.
    Q_PROPERTY(bool modified READ isModified NOTIFY edited)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY resultChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY resultChanged)
public:
    explicit PolicyEditor(QObject *parent = nullptr);
    ~PolicyEditor() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);

    int idleLockMinutes() const { return m_idleLockMinutes; }
    void setIdleLockMinutes(int minutes);
    int retentionDays() const { return m_retentionDays; }
    void setRetentionDays(int days);
    bool requireMfa() const { return m_policy.requireMfa; }
    void setRequireMfa(bool require);
    bool requireVerifiedDevices() const { return m_policy.requireVerifiedDevices; }
    void setRequireVerifiedDevices(bool require);
    bool allowAttachments() const { return m_policy.allowAttachments; }
    void setAllowAttachments(bool allow);
    QString notificationDetail() const { return m_notificationDetail; }
    void setNotificationDetail(const QString &detail);
    QString forwardingDomains() const { return m_forwardingDomains; }
    void setForwardingDomains(const QString &domains);

    QString validationText() const;
    bool isValid() const { return validationText().isEmpty(); }
    bool isModified() const;
    bool isBusy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    QString statusText() const { return m_statusText; }

    /// The fields as a policy (not validated).
    Admin::OrgPolicy policy() const;

    /// Fields from the policy in force.
    Q_INVOKABLE void load();
    /// Publishes the fields as the organisation's policy (after validation).
    Q_INVOKABLE void publish();

Q_SIGNALS:
    void sessionChanged();
    void edited();
    void busyChanged();
    void resultChanged();
    void published();

private:
    void setResult(const QString &error, const QString &status);

    QPointer<Session> m_session;
    Admin::OrgPolicy m_policy; ///< the boolean fields
    int m_idleLockMinutes = 15;
    int m_retentionDays = 0;
    QString m_notificationDetail = QStringLiteral("sender");
    QString m_forwardingDomains;
    bool m_busy = false;
    QString m_errorText;
    QString m_statusText;
};

} // namespace Ui
