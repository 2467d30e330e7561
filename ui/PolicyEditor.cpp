// SPDX-License-Identifier: GPL-3.0-or-later
#include "PolicyEditor.h"

#include "AdminAccess.h"
#include "PolicySettings.h"

#include "admin/PolicyService.h"

#include "core/ErrorText.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
QStringList splitDomains(const QString &text)
{
    static const QRegularExpression separators(u"[\\s,;]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}
} // namespace

PolicyEditor::PolicyEditor(QObject *parent)
    : QObject(parent)
{
}

PolicyEditor::~PolicyEditor() = default;

void PolicyEditor::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session->policy(), nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session->policy(), &PolicySettings::changed, this, &PolicyEditor::edited);
    load();
    Q_EMIT sessionChanged();
}

void PolicyEditor::setIdleLockMinutes(int minutes)
{
    if (minutes == m_idleLockMinutes)
        return;
    m_idleLockMinutes = minutes;
    Q_EMIT edited();
}

void PolicyEditor::setRetentionDays(int days)
{
    if (days == m_retentionDays)
        return;
    m_retentionDays = days;
    Q_EMIT edited();
}

void PolicyEditor::setRequireMfa(bool require)
{
    if (require == m_policy.requireMfa)
        return;
    m_policy.requireMfa = require;
    Q_EMIT edited();
}

void PolicyEditor::setRequireVerifiedDevices(bool require)
{
    if (require == m_policy.requireVerifiedDevices)
        return;
    m_policy.requireVerifiedDevices = require;
    Q_EMIT edited();
}

void PolicyEditor::setAllowAttachments(bool allow)
{
    if (allow == m_policy.allowAttachments)
        return;
    m_policy.allowAttachments = allow;
    Q_EMIT edited();
}

void PolicyEditor::setNotificationDetail(const QString &detail)
{
    if (detail == m_notificationDetail)
        return;
    m_notificationDetail = detail;
    Q_EMIT edited();
}

void PolicyEditor::setForwardingDomains(const QString &domains)
{
    if (domains == m_forwardingDomains)
        return;
    m_forwardingDomains = domains;
    Q_EMIT edited();
}

Admin::OrgPolicy PolicyEditor::policy() const
{
    Admin::OrgPolicy out = m_policy;
    out.idleLockMinutes = m_idleLockMinutes;
    out.retentionDays = m_retentionDays;
    out.notificationDetail = Admin::notificationDetailFromName(m_notificationDetail)
                                 .value_or(Admin::NotificationDetail::Sender);
    out.forwardingDomains.clear();
    for (const QString &domain : splitDomains(m_forwardingDomains))
        if (!out.forwardingDomains.contains(domain))
            out.forwardingDomains << domain;
    return out;
}

QString PolicyEditor::validationText() const
{
    if (m_idleLockMinutes < Admin::OrgPolicy::MinIdleLockMinutes ||
        m_idleLockMinutes > Admin::OrgPolicy::MaxIdleLockMinutes)
        return tr("The idle lock must be between %1 and %2 minutes.")
            .arg(Admin::OrgPolicy::MinIdleLockMinutes)
            .arg(Admin::OrgPolicy::MaxIdleLockMinutes);
    if (m_retentionDays < 0 || m_retentionDays > 36500)
        return tr("Retention must be between 0 (keep everything) and 36500 days.");
    if (!Admin::notificationDetailFromName(m_notificationDetail))
        return tr("Choose what notifications may show.");
    const Admin::OrgPolicy candidate = policy();
    for (const QString &domain : candidate.forwardingDomains) {
        Admin::OrgPolicy single;
        single.forwardingDomains = {domain};
        if (!single.validate())
            return tr("\"%1\" is not a domain name (for example partner.example.org).").arg(domain);
    }
    if (auto valid = candidate.validate(); !valid)
        return Core::describeError(valid.error());
    return {};
}

bool PolicyEditor::isModified() const
{
    if (!m_session || !m_session->policy()->service())
        return false;
    return policy() != m_session->policy()->service()->policy();
}

void PolicyEditor::load()
{
    const Admin::PolicyService *service = m_session ? m_session->policy()->service() : nullptr;
    const Admin::OrgPolicy current = service ? service->policy() : Admin::OrgPolicy{};
    m_policy = current;
    m_idleLockMinutes = current.idleLockMinutes;
    m_retentionDays = current.retentionDays;
    m_notificationDetail = Admin::notificationDetailName(current.notificationDetail);
    m_forwardingDomains = current.forwardingDomains.join(u", "_s);
    setResult({}, {});
    Q_EMIT edited();
}

void PolicyEditor::publish()
{
    Admin::PolicyService *service = m_session ? m_session->policy()->service() : nullptr;
    if (!service || m_busy)
        return;
    if (const QString problem = validationText(); !problem.isEmpty()) {
        setResult(problem, {});
        return;
    }
    if (const QString offline = m_session->admin()->offlineText(); !offline.isEmpty()) {
        setResult(offline, {});
        return;
    }
    m_busy = true;
    Q_EMIT busyChanged();
    setResult({}, {});
    QPointer<Session> session = m_session;
    service->publish(policy()).then(this, [this, session](Core::Result<void> done) {
        m_busy = false;
        Q_EMIT busyChanged();
        if (session != m_session)
            return;
        if (!done) {
            setResult(Core::describeError(done.error()), {});
            return;
        }
        setResult({}, tr("Published. Every signed-in computer of the organisation applies it "
                         "now; the others when they next connect."));
        Q_EMIT published();
    });
}

void PolicyEditor::setResult(const QString &error, const QString &status)
{
    if (error == m_errorText && status == m_statusText)
        return;
    m_errorText = error;
    m_statusText = status;
    Q_EMIT resultChanged();
}

} // namespace Ui
