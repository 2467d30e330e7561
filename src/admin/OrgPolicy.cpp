// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/OrgPolicy.h"

#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace Admin {

using Core::Error;

namespace {

Core::Result<bool> parseBool(const QString &text, QStringView name)
{
    const QString t = text.trimmed();
    if (t == u"true" || t == u"1")
        return true;
    if (t == u"false" || t == u"0")
        return false;
    return Core::fail(Error::Code::Policy, u"policy-malformed:"_s + name.toString());
}

Core::Result<int> parseInt(const QString &text, QStringView name, int min, int max)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < min || value > max)
        return Core::fail(Error::Code::Policy, u"policy-malformed:"_s + name.toString());
    return value;
}

bool isDomain(const QString &domain)
{
    if (domain.isEmpty() || domain.size() > 253 || domain.startsWith(u'.') || domain.endsWith(u'.'))
        return false;
    for (QChar c : domain)
        if (!(c.isLetterOrNumber() || c == u'.' || c == u'-'))
            return false;
    return true;
}

Xmpp::Element child(const QString &name, const QString &text)
{
    return Xmpp::Element(name, Xmpp::Ns::RoundsPolicy.toString()).setText(text);
}

QString boolText(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

} // namespace

QString notificationDetailName(NotificationDetail detail)
{
    switch (detail) {
    case NotificationDetail::None:
        return u"none"_s;
    case NotificationDetail::Sender:
        return u"sender"_s;
    case NotificationDetail::Preview:
        return u"preview"_s;
    }
    return u"sender"_s;
}

std::optional<NotificationDetail> notificationDetailFromName(QStringView name)
{
    if (name == u"none")
        return NotificationDetail::None;
    if (name == u"sender")
        return NotificationDetail::Sender;
    if (name == u"preview")
        return NotificationDetail::Preview;
    return std::nullopt;
}

Core::Result<OrgPolicy> OrgPolicy::fromElement(const Xmpp::Element &policy)
{
    if (!policy.is(u"policy", Xmpp::Ns::RoundsPolicy))
        return Core::fail(Error::Code::Policy, u"policy-malformed:payload"_s);
    OrgPolicy out;
    for (const Xmpp::Element &e : policy.children()) {
        if (e.xmlns() != Xmpp::Ns::RoundsPolicy)
            continue;
        const QString &name = e.name();
        const QString text = e.text().trimmed();
        if (name == u"idle-lock-minutes") {
            auto v = parseInt(text, name, MinIdleLockMinutes, MaxIdleLockMinutes);
            if (!v)
                return std::unexpected(v.error());
            out.idleLockMinutes = *v;
        } else if (name == u"retention-days") {
            auto v = parseInt(text, name, 0, 36500);
            if (!v)
                return std::unexpected(v.error());
            out.retentionDays = *v;
        } else if (name == u"require-mfa" || name == u"require-verified-devices" ||
                   name == u"allow-attachments") {
            auto v = parseBool(text, name);
            if (!v)
                return std::unexpected(v.error());
            if (name == u"require-mfa")
                out.requireMfa = *v;
            else if (name == u"require-verified-devices")
                out.requireVerifiedDevices = *v;
            else
                out.allowAttachments = *v;
        } else if (name == u"notification-detail") {
            const auto v = notificationDetailFromName(text);
            if (!v)
                return Core::fail(Error::Code::Policy, u"policy-malformed:"_s + name);
            out.notificationDetail = *v;
        } else if (name == u"forwarding-domain") {
            const QString domain = text.toLower();
            if (!isDomain(domain))
                return Core::fail(Error::Code::Policy, u"policy-malformed:"_s + name);
            if (!out.forwardingDomains.contains(domain))
                out.forwardingDomains << domain;
        }
    }
    return out;
}

Core::Result<void> OrgPolicy::validate() const
{
    auto parsed = fromElement(toElement());
    if (!parsed)
        return std::unexpected(parsed.error());
    if (*parsed != *this) // e.g. a domain that does not survive lower-casing
        return Core::fail(Error::Code::Policy, u"policy-malformed:forwarding-domain"_s);
    return {};
}

Xmpp::Element OrgPolicy::toElement() const
{
    Xmpp::Element policy(u"policy"_s, Xmpp::Ns::RoundsPolicy.toString());
    policy.appendChild(child(u"idle-lock-minutes"_s, QString::number(idleLockMinutes)));
    policy.appendChild(child(u"retention-days"_s, QString::number(retentionDays)));
    policy.appendChild(child(u"require-mfa"_s, boolText(requireMfa)));
    policy.appendChild(child(u"require-verified-devices"_s, boolText(requireVerifiedDevices)));
    policy.appendChild(child(u"allow-attachments"_s, boolText(allowAttachments)));
    policy.appendChild(child(u"notification-detail"_s, notificationDetailName(notificationDetail)));
    for (const QString &domain : forwardingDomains)
        policy.appendChild(child(u"forwarding-domain"_s, domain));
    return policy;
}

LocalPreferences OrgPolicy::clamp(LocalPreferences local) const
{
    if (local.idleLockMinutes <= 0 || local.idleLockMinutes > idleLockMinutes)
        local.idleLockMinutes = idleLockMinutes;
    if (retentionDays > 0 && (local.retentionDays <= 0 || local.retentionDays > retentionDays))
        local.retentionDays = retentionDays;
    local.requireVerifiedDevices = local.requireVerifiedDevices || requireVerifiedDevices;
    if (int(local.notificationDetail) > int(notificationDetail))
        local.notificationDetail = notificationDetail;
    return local;
}

bool OrgPolicy::allowsForwardingTo(const QString &domain, const QString &ownDomain) const
{
    const QString d = domain.toLower();
    return d == ownDomain.toLower() || forwardingDomains.contains(d);
}

QStringList OrgPolicy::summary() const
{
    QStringList out{u"idle-lock-minutes=%1"_s.arg(idleLockMinutes),
                    u"retention-days=%1"_s.arg(retentionDays),
                    u"require-mfa=%1"_s.arg(boolText(requireMfa)),
                    u"require-verified-devices=%1"_s.arg(boolText(requireVerifiedDevices)),
                    u"allow-attachments=%1"_s.arg(boolText(allowAttachments)),
                    u"notification-detail="_s + notificationDetailName(notificationDetail)};
    for (const QString &domain : forwardingDomains)
        out << u"forwarding-domain="_s + domain;
    return out;
}

} // namespace Admin
