// SPDX-License-Identifier: GPL-3.0-or-later
#include "PolicySettings.h"

#include "account/Account.h"
#include "account/IdleLock.h"
#include "admin/PolicyService.h"
#include "store/SettingsStore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPolicyUi, "rounds.ui.policy", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
// The user's own choices, in the account's encrypted settings.
constexpr QStringView PreferencesKey = u"ui-local-preferences";

QString encode(const Admin::LocalPreferences &local, bool detailChosen)
{
    QStringList parts{u"idle-lock-minutes=%1"_s.arg(local.idleLockMinutes)};
    if (detailChosen)
        parts << u"notification-detail="_s +
                     Admin::notificationDetailName(local.notificationDetail);
    return parts.join(u';');
}
} // namespace

PolicySettings::PolicySettings(QObject *parent)
    : QObject(parent)
{
}

PolicySettings::~PolicySettings() = default;

void PolicySettings::setAccount(Account::Account *account)
{
    if (account == m_account && (account != nullptr) == (m_service != nullptr))
        return;
    ++m_generation;
    m_service.reset();
    if (m_account)
        disconnect(m_account->idleLock(), nullptr, this, nullptr);
    m_account = account;
    m_local = {};
    m_localDetailChosen = false;
    m_lastPolicy = {};
    m_seenPolicy = false;
    if (account) {
        // The idle lock may also change through the account (sign-in, tests).
        connect(account->idleLock(), &Account::IdleLock::policyChanged, this,
                &PolicySettings::changed, Qt::UniqueConnection);
        m_service = std::make_unique<Admin::PolicyService>(*account);
        connect(m_service.get(), &Admin::PolicyService::policyChanged, this,
                &PolicySettings::onPolicyChanged);
        connect(m_service.get(), &Admin::PolicyService::policyRejected, this,
                [this](const Core::Error &) {
                    m_notice = tr("Your organisation published a policy Rounds could not read; "
                                  "the previous policy stays in force. Tell IT.");
                    Q_EMIT noticeChanged();
                });
        // Adopted after sign-in: the session has started already.
        if (account->client().isConnected())
            (void)m_service->refresh();
        loadLocal();
    }
    if (!m_notice.isEmpty()) {
        m_notice.clear();
        Q_EMIT noticeChanged();
    }
    Q_EMIT changed();
}

bool PolicySettings::hasPolicy() const
{
    return m_service && m_service->hasPolicy();
}

int PolicySettings::policyIdleLockMinutes() const
{
    return m_service ? m_service->policy().idleLockMinutes : Admin::OrgPolicy{}.idleLockMinutes;
}

QString PolicySettings::policyNotificationDetail() const
{
    return Admin::notificationDetailName(m_service ? m_service->policy().notificationDetail
                                                   : Admin::OrgPolicy{}.notificationDetail);
}

QString PolicySettings::localNotificationDetail() const
{
    return m_localDetailChosen ? Admin::notificationDetailName(m_local.notificationDetail)
                               : QString();
}

int PolicySettings::idleLockMinutes() const
{
    if (!m_account)
        return 0;
    return m_account->idleLock()->policy().idleMinutes;
}

QString PolicySettings::notificationDetail() const
{
    if (!m_service)
        return Admin::notificationDetailName(Admin::NotificationDetail::None);
    return Admin::notificationDetailName(m_service->notificationDetail());
}

bool PolicySettings::allowAttachments() const
{
    return m_service && m_service->allowAttachments();
}

bool PolicySettings::requireVerifiedDevices() const
{
    return m_service && m_service->effectivePreferences().requireVerifiedDevices;
}

bool PolicySettings::chooseIdleLockMinutes(int minutes)
{
    if (!m_service)
        return false;
    const int limit = policyIdleLockMinutes();
    const bool allowed = minutes >= 0 && minutes <= limit;
    m_local.idleLockMinutes = allowed ? minutes : limit;
    applyLocal(true);
    return allowed;
}

bool PolicySettings::chooseNotificationDetail(const QString &detail)
{
    if (!m_service)
        return false;
    const auto chosen = Admin::notificationDetailFromName(detail);
    if (!chosen)
        return false;
    const Admin::NotificationDetail limit = m_service->policy().notificationDetail;
    const bool allowed = int(*chosen) <= int(limit);
    m_local.notificationDetail = allowed ? *chosen : limit;
    m_localDetailChosen = true;
    applyLocal(true);
    return allowed;
}

QString PolicySettings::describeDetail(const QString &detail)
{
    if (detail == u"none")
        return tr("Only \"New message\"");
    if (detail == u"sender")
        return tr("The sender's name");
    if (detail == u"preview")
        return tr("The sender's name and the start of the message");
    return {};
}

void PolicySettings::dismissNotice()
{
    if (m_notice.isEmpty())
        return;
    m_notice.clear();
    Q_EMIT noticeChanged();
}

void PolicySettings::applyLocal(bool store)
{
    if (!m_service || !m_account)
        return;
    Admin::LocalPreferences local = m_local;
    if (!m_localDetailChosen)
        local.notificationDetail = Admin::NotificationDetail::Preview; // no choice of their own
    m_service->setLocalPreferences(local);
    // Without a published policy the service leaves the lock alone; the
    // user's own (stricter than the default policy) choice still applies.
    if (!m_service->hasPolicy() && m_local.idleLockMinutes > 0) {
        Account::LockPolicy lock = m_account->idleLock()->policy();
        lock.idleMinutes = m_service->effectivePreferences().idleLockMinutes;
        m_account->setLockPolicy(lock);
    }
    if (store) {
        if (Store::SettingsStore *settings = m_account->settingsStore())
            settings->setValue(PreferencesKey.toString(), encode(m_local, m_localDetailChosen))
                .then(this, [](Core::Result<void> stored) {
                    if (!stored)
                        qCWarning(lcPolicyUi) << "preferences not stored:" << stored.error().detail;
                });
    }
    Q_EMIT changed();
}

void PolicySettings::loadLocal()
{
    Store::SettingsStore *settings = m_account ? m_account->settingsStore() : nullptr;
    if (!settings)
        return;
    const quint64 generation = m_generation;
    settings->value(PreferencesKey.toString())
        .then(this, [this, generation](Core::Result<std::optional<QString>> stored) {
            if (generation != m_generation || !stored || !*stored)
                return;
            for (const QString &part : (*stored)->split(u';', Qt::SkipEmptyParts)) {
                const QString key = part.section(u'=', 0, 0);
                const QString value = part.section(u'=', 1);
                if (key == u"idle-lock-minutes") {
                    m_local.idleLockMinutes = qMax(0, value.toInt());
                } else if (key == u"notification-detail") {
                    if (const auto detail = Admin::notificationDetailFromName(value)) {
                        m_local.notificationDetail = *detail;
                        m_localDetailChosen = true;
                    }
                }
            }
            applyLocal(false);
        });
}

void PolicySettings::onPolicyChanged(const Admin::OrgPolicy &policy)
{
    const Admin::OrgPolicy before = m_lastPolicy;
    const bool first = !m_seenPolicy;
    m_seenPolicy = true;
    m_lastPolicy = policy;
    Q_EMIT changed();
    // The first policy of a session is no news; later ones say what changed.
    if (first)
        return;
    QStringList parts;
    if (policy.idleLockMinutes != before.idleLockMinutes)
        parts << tr("the screen locks after at most %n minute(s) without activity", "",
                    policy.idleLockMinutes);
    if (policy.notificationDetail != before.notificationDetail)
        parts << tr("notifications may show: %1")
                     .arg(describeDetail(Admin::notificationDetailName(policy.notificationDetail)));
    if (policy.allowAttachments != before.allowAttachments)
        parts << (policy.allowAttachments ? tr("attachments are allowed")
                                          : tr("attachments are not allowed"));
    if (policy.requireVerifiedDevices != before.requireVerifiedDevices)
        parts << (policy.requireVerifiedDevices
                      ? tr("messages go only to verified devices")
                      : tr("messages may go to devices not verified yet"));
    if (policy.requireMfa != before.requireMfa)
        parts << (policy.requireMfa ? tr("two-step sign-in is required")
                                    : tr("two-step sign-in is no longer required"));
    if (policy.retentionDays != before.retentionDays)
        parts << (policy.retentionDays > 0
                      ? tr("messages are kept for %n day(s)", "", policy.retentionDays)
                      : tr("messages are kept without a time limit"));
    if (policy.forwardingDomains != before.forwardingDomains)
        parts << tr("the organisations you may write to changed");
    m_notice = parts.isEmpty()
                   ? tr("Your organisation's policy was updated.")
                   : tr("Your organisation's policy changed: %1.").arg(parts.join(u"; "_s));
    Q_EMIT noticeChanged();
}

} // namespace Ui
