// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli commands for IT administration (docs/admin.md): the admin console
// (`admin ...`), and `erase` (sign out and erase this computer's copy).
#include "CliSession.h"

#include "admin/AdminService.h"
#include "admin/OrgPolicy.h"
#include "admin/PolicyService.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

int reportSessionEnd(const Core::Error &error)
{
    if (error.code == Core::Error::Code::Auth && error.detail == u"device-wiped") {
        // Scripts and UIs see the wipe as an event, then the distinct exit code.
        printJson({{u"event"_s, u"wiped"_s}});
        std::fputs("rounds-cli: your administrator erased this account's data from this "
                   "computer; sign in again to use it here.\n",
                   stderr);
        return ExitWiped;
    }
    return reportError(error);
}

namespace {

QJsonObject policyJson(const Admin::OrgPolicy &p)
{
    return {{u"idle_lock_minutes"_s, p.idleLockMinutes},
            {u"retention_days"_s, p.retentionDays},
            {u"require_mfa"_s, p.requireMfa},
            {u"require_verified_devices"_s, p.requireVerifiedDevices},
            {u"allow_attachments"_s, p.allowAttachments},
            {u"notification_detail"_s, Admin::notificationDetailName(p.notificationDetail)},
            {u"forwarding_domains"_s, QJsonArray::fromStringList(p.forwardingDomains)}};
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

/// Waits for a command's future; prints the error and gives the exit code on failure.
template<typename T>
std::expected<T, int> awaitCommand(const QFuture<Core::Result<T>> &future, int timeout)
{
    const auto result = await(future, timeout);
    if (!result)
        return std::unexpected(
            reportError({Core::Error::Code::Timeout, u"the server did not answer in time"_s}));
    if (!*result)
        return std::unexpected(reportError(result->error()));
    if constexpr (std::is_void_v<T>)
        return {};
    else
        return **result;
}

enum class BoolOption { Absent, False, True, Malformed };

/// `--name true|false`. A flag that also exists without a value (--require-mfa)
/// is read from the raw arguments: QCommandLineParser takes its value as a
/// positional argument.
BoolOption boolOption(const QCommandLineParser &parser, const QString &name)
{
    QString text;
    if (name == u"require-mfa") {
        const QStringList raw = QCoreApplication::arguments();
        const qsizetype at = raw.indexOf(u"--require-mfa"_s);
        if (at < 0)
            return BoolOption::Absent;
        text = raw.value(at + 1);
    } else if (parser.isSet(name)) {
        text = parser.value(name);
    } else {
        return BoolOption::Absent;
    }
    if (text == u"true" || text == u"1")
        return BoolOption::True;
    if (text == u"false" || text == u"0")
        return BoolOption::False;
    return BoolOption::Malformed;
}

int usage(const char *text)
{
    std::fprintf(stderr, "rounds-cli admin: %s\n", text);
    return ExitUsage;
}

int policyCommand(const QCommandLineParser &parser, Account::Account &account, int timeout)
{
    const QString action = parser.positionalArguments().value(2);
    if (action != u"get" && action != u"set")
        return usage("policy get | policy set [--idle-lock-minutes N ...]");
    Admin::PolicyService policies(account);
    const auto found = await(policies.refresh(), timeout);
    if (!found)
        return reportError({Core::Error::Code::Timeout, u"the policy did not arrive"_s});
    if (!*found && found->error().code != Core::Error::Code::Stanza)
        return reportError(found->error());
    const bool published = *found && **found;
    if (action == u"get") {
        QJsonObject out = policyJson(policies.policy());
        out.insert(u"event"_s, u"policy"_s);
        out.insert(u"published"_s, published);
        printJson(out);
        return ExitOk;
    }
    Admin::OrgPolicy next = policies.policy(); // change only what is given
    bool ok = true;
    if (parser.isSet(u"idle-lock-minutes"_s))
        next.idleLockMinutes = parser.value(u"idle-lock-minutes"_s).toInt(&ok);
    if (ok && parser.isSet(u"retention-days"_s))
        next.retentionDays = parser.value(u"retention-days"_s).toInt(&ok);
    if (!ok)
        return usage("--idle-lock-minutes and --retention-days take numbers");
    const struct
    {
        const char16_t *name;
        bool *target;
    } flags[] = {{u"require-mfa", &next.requireMfa},
                 {u"require-verified-devices", &next.requireVerifiedDevices},
                 {u"allow-attachments", &next.allowAttachments}};
    for (const auto &flag : flags) {
        const BoolOption value = boolOption(parser, QString::fromUtf16(flag.name));
        if (value == BoolOption::Malformed)
            return usage("boolean policy options take true or false");
        if (value != BoolOption::Absent)
            *flag.target = value == BoolOption::True;
    }
    if (parser.isSet(u"notification-detail"_s)) {
        const auto detail =
            Admin::notificationDetailFromName(parser.value(u"notification-detail"_s));
        if (!detail)
            return usage("--notification-detail is none, sender or preview");
        next.notificationDetail = *detail;
    }
    if (parser.isSet(u"forwarding-domain"_s))
        next.forwardingDomains = parser.values(u"forwarding-domain"_s);
    if (auto valid = next.validate(); !valid)
        return reportError(valid.error());
    const auto done = awaitCommand(policies.publish(next), timeout);
    if (!done)
        return done.error();
    QJsonObject out = policyJson(next);
    out.insert(u"event"_s, u"policy-published"_s);
    printJson(out);
    return ExitOk;
}

int auditExport(const QCommandLineParser &parser, Admin::AdminService &admin, int timeout)
{
    QDateTime since;
    QDateTime until;
    if (parser.isSet(u"since"_s)) {
        since = QDateTime::fromString(parser.value(u"since"_s), Qt::ISODate);
        if (!since.isValid())
            return usage("--since takes an ISO 8601 time, e.g. 2026-01-31T00:00:00Z");
    }
    if (parser.isSet(u"until"_s)) {
        until = QDateTime::fromString(parser.value(u"until"_s), Qt::ISODate);
        if (!until.isValid())
            return usage("--until takes an ISO 8601 time");
    }
    const auto rows = awaitCommand(admin.exportAudit(since, until), timeout);
    if (!rows)
        return rows.error();
    QByteArray lines;
    for (const Admin::AuditRow &row : *rows)
        lines += QJsonDocument(row.json).toJson(QJsonDocument::Compact) + '\n';
    const QString out = parser.value(u"out"_s);
    if (out.isEmpty()) {
        std::fwrite(lines.constData(), 1, size_t(lines.size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(lines) != lines.size())
        return reportError({Core::Error::Code::Storage, u"cannot write the audit file"_s});
    printJson({{u"event"_s, u"audit-exported"_s},
               {u"entries"_s, qint64(rows->size())},
               {u"file"_s, out}});
    return ExitOk;
}

} // namespace

int commandAdmin(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(1);
    static const QStringList actions{u"users"_s,  u"devices"_s,   u"revoke"_s,
                                     u"wipe"_s,   u"reset-mfa"_s, u"disable"_s,
                                     u"enable"_s, u"policy"_s,    u"audit-export"_s};
    if (!actions.contains(action))
        return usage("users | devices | revoke | wipe | reset-mfa | disable | enable | "
                     "policy get|set | audit-export");
    const Core::Jid user = Core::Jid(parser.value(u"user"_s)).bare();
    const QString device = parser.value(u"device"_s);
    const bool needsUser = action != u"users" && action != u"policy" && action != u"audit-export";
    if (needsUser && (!user.isValid() || user.local().isEmpty()))
        return usage("--user JID is required");
    if ((action == u"revoke" || action == u"wipe") && device.isEmpty())
        return usage("--device USER-AGENT-ID is required (see `admin devices`)");

    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    Account::Account &a = **account;
    const int timeout = session.timeoutSeconds();
    Admin::AdminService admin(a.client());
    int code = ExitOk;
    const auto done = [&](const QString &command, const QJsonObject &extra = {}) {
        QJsonObject out{
            {u"event"_s, u"admin"_s}, {u"command"_s, command}, {u"account"_s, user.bareString()}};
        if (!device.isEmpty())
            out.insert(u"user_agent_id"_s, device);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            out.insert(it.key(), it.value());
        printJson(out);
    };

    if (action == u"users") {
        if (const auto rows = awaitCommand(admin.listUsers(), timeout); !rows) {
            code = rows.error();
        } else {
            for (const Admin::UserRow &u : *rows)
                printJson({{u"event"_s, u"user"_s},
                           {u"jid"_s, u.jid},
                           {u"devices"_s, u.devices},
                           {u"totp"_s, u.totp},
                           {u"disabled"_s, u.disabled},
                           {u"online"_s, u.online}});
        }
    } else if (action == u"devices") {
        if (const auto rows = awaitCommand(admin.listDevices(user), timeout); !rows) {
            code = rows.error();
        } else {
            for (const Admin::DeviceRow &d : *rows)
                printJson({{u"event"_s, u"device"_s},
                           {u"account"_s, user.bareString()},
                           {u"user_agent_id"_s, d.userAgentId},
                           {u"software"_s, d.software},
                           {u"device"_s, d.device},
                           {u"first_seen"_s, isoTime(d.firstSeen)},
                           {u"last_seen"_s, isoTime(d.lastSeen)},
                           {u"token"_s, d.token},
                           {u"omemo_devices"_s, QJsonArray::fromStringList(d.omemoDevices)},
                           {u"state"_s, d.state},
                           {u"online"_s, d.online},
                           {u"wipe_id"_s, d.wipeId},
                           {u"wiped_at"_s, isoTime(d.wipedAt)}});
        }
    } else if (action == u"revoke") {
        if (const auto r = awaitCommand(admin.revokeDevice(user, device), timeout); !r)
            code = r.error();
        else
            done(action);
    } else if (action == u"wipe") {
        if (const auto r = awaitCommand(admin.wipeDevice(user, device), timeout); !r)
            code = r.error();
        else
            done(action, {{u"wipe_id"_s, *r}});
    } else if (action == u"reset-mfa") {
        if (const auto r = awaitCommand(admin.resetMfa(user), timeout); !r)
            code = r.error();
        else
            done(action);
    } else if (action == u"disable" || action == u"enable") {
        const auto future =
            action == u"disable" ? admin.disableAccount(user) : admin.enableAccount(user);
        if (const auto r = awaitCommand(future, timeout); !r)
            code = r.error();
        else
            done(action);
    } else if (action == u"policy") {
        code = policyCommand(parser, a, timeout);
    } else {
        code = auditExport(parser, admin, timeout);
    }
    session.finish();
    return code;
}

int commandErase(const QCommandLineParser &parser)
{
    CliSession session(parser);
    auto account = session.openLocal();
    if (!account)
        return account.error();
    const QString dir = (*account)->dataDir();
    const auto erased = await((*account)->signOutAndErase(), session.timeoutSeconds());
    if (!erased)
        return reportError({Core::Error::Code::Timeout, u"erasing timed out"_s});
    if (!*erased)
        return reportError(erased->error());
    printJson({{u"event"_s, u"erased"_s},
               {u"jid"_s, (*account)->settings().jid.bareString()},
               {u"data_dir"_s, dir}});
    return ExitOk;
}
