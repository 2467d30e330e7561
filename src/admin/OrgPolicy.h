// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"

#include "core/Error.h"

#include <QString>
#include <QStringList>

namespace Admin {

/// How much a notification may show (docs/admin.md), from least to most.
enum class NotificationDetail { None, Sender, Preview };
QString notificationDetailName(NotificationDetail detail);
std::optional<NotificationDetail> notificationDetailFromName(QStringView name);

/// What a user chose on this computer; clamp() keeps it within the policy.
struct LocalPreferences
{
    int idleLockMinutes = 0; ///< 0: no choice of their own (the policy's value applies)
    int retentionDays = 0;   ///< 0: keep
    bool requireVerifiedDevices = false;
    NotificationDetail notificationDetail = NotificationDetail::Preview;
    bool operator==(const LocalPreferences &) const = default;
};

/// The organisation's rules, published by IT on pubsub.<domain> (node
/// https://rounds.invalid/ns/policy, item "current"). Defaults are those of
/// docs/admin.md, so a domain without a policy behaves as before.
struct OrgPolicy
{
    static constexpr QStringView Node = u"https://rounds.invalid/ns/policy";
    static constexpr QStringView ItemId = u"current";
    static constexpr int MinIdleLockMinutes = 1;
    static constexpr int MaxIdleLockMinutes = 480;

    int idleLockMinutes = 15;
    int retentionDays = 0; ///< 0: keep
    bool requireMfa = false;
    bool requireVerifiedDevices = false;
    bool allowAttachments = true;
    NotificationDetail notificationDetail = NotificationDetail::Sender;
    QStringList forwardingDomains; ///< besides the own domain, which is always allowed

    /// Parses the <policy/> payload. Unknown elements are ignored; a missing
    /// element keeps its default; a malformed value fails the whole payload
    /// with Policy "policy-malformed:<element>" (the caller keeps the previous
    /// policy).
    static Core::Result<OrgPolicy> fromElement(const Xmpp::Element &policy);
    Xmpp::Element toElement() const;
    /// Range checks of what an admin is about to publish (same errors).
    Core::Result<void> validate() const;

    /// The user's choices, never looser than this policy.
    LocalPreferences clamp(LocalPreferences local) const;
    /// Whether a message may go to `domain` (the own domain always may).
    bool allowsForwardingTo(const QString &domain, const QString &ownDomain) const;

    /// "idle-lock-minutes=5" ... for the audit log and JSON (no names, no PHI).
    QStringList summary() const;

    bool operator==(const OrgPolicy &) const = default;
};

} // namespace Admin
