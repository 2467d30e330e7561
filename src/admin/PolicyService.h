// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/OrgPolicy.h"
#include "xmpp/extensions/PubSubExtension.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QObject>

namespace Account {
class Account;
}

namespace Admin {

/// Keeps one account on its organisation's policy (docs/admin.md): at every
/// session start subscribes to and fetches node https://rounds.invalid/ns/policy
/// (item "current") on pubsub.<own domain>, applies notifications from there
/// (and only from there) at once, and remembers the last policy in the
/// encrypted settings so it applies before the next connection.
///
/// Applying means: the idle lock gets the policy's minutes (or the user's own,
/// when stricter), require-MFA and require-verified-devices are switched on
/// when the policy says so (never off when the account had them on), and the
/// rest (attachments, notification detail, retention, forwarding domains) is
/// exposed for the UI and senders. Each applied change is audited
/// (policy-change). Create it before signIn() so the first session is seen.
class PolicyService : public QObject
{
    Q_OBJECT
public:
    explicit PolicyService(Account::Account &account, QObject *parent = nullptr);
    ~PolicyService() override;

    /// pubsub.<own domain>
    Core::Jid service() const;
    bool hasPolicy() const { return m_hasPolicy; }
    /// The policy in force (defaults until one was received or loaded).
    const OrgPolicy &policy() const { return m_policy; }

    /// The user's own settings; the stricter of them and the policy applies.
    void setLocalPreferences(const LocalPreferences &preferences);
    LocalPreferences effectivePreferences() const { return m_policy.clamp(m_local); }

    bool allowAttachments() const { return !m_hasPolicy || m_policy.allowAttachments; }
    NotificationDetail notificationDetail() const
    {
        return effectivePreferences().notificationDetail;
    }
    int retentionDays() const { return effectivePreferences().retentionDays; }
    QStringList forwardingDomains() const { return m_policy.forwardingDomains; }

    /// Loads the last policy from the encrypted settings (done by the
    /// constructor when the local data is open already).
    QFuture<Core::Result<void>> loadStored();
    /// Subscribes and fetches now (done at every session start). Finishes with
    /// whether a policy was found.
    QFuture<Core::Result<bool>> refresh();
    /// Admins: publishes `policy` as the organisation's (validated first).
    QFuture<Core::Result<void>> publish(const OrgPolicy &policy);

Q_SIGNALS:
    /// A (different) policy is in force now.
    void policyChanged(const Admin::OrgPolicy &policy);
    /// A published policy could not be read; the previous one stays.
    void policyRejected(const Core::Error &error);

private:
    void onItems(const Core::Jid &from, const QString &node,
                 const QList<Xmpp::PubSubExtension::Item> &items);
    Core::Result<void> acceptPayload(const Xmpp::Element &payload);
    void apply(const OrgPolicy &policy, bool fromServer);

    Account::Account &m_account;
    OrgPolicy m_policy;
    bool m_hasPolicy = false;
    LocalPreferences m_local;
    bool m_baseRequireMfa = false;      ///< the account's own setting before any policy
    bool m_baseRequireVerified = false; ///< likewise for verified devices
    bool m_baseAllowAttachments = true; ///< likewise for sending files
};

} // namespace Admin
