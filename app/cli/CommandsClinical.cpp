// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli commands for clinical messaging (docs/protocol.md): send with
// --priority / --to-role / --expires, ack, recall, forward, directory publish|show.
#include "CliSession.h"

#include "admin/PolicyService.h"
#include "clinical/ClinicalService.h"
#include "clinical/DirectoryService.h"
#include "sync/Outbox.h"
#include "xmpp/Message.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int usage()
{
    std::fputs(
        "rounds-cli send (--to JID | --to-role ROLE) --body TEXT [--priority routine|urgent|stat]\n"
        "               [--expires ISO-TIME] [--directory-service JID]\n"
        "rounds-cli ack --message ID\n"
        "rounds-cli recall --message ID\n"
        "rounds-cli forward --message ID --to JID\n"
        "rounds-cli directory show [--directory-service JID]\n"
        "rounds-cli directory publish --role ID [--name TEXT] [--shift JID,START,END]...\n"
        "               [--step MINUTES,role:ID|MINUTES,jid:JID]... [--directory-service JID]\n",
        stderr);
    return ExitUsage;
}

/// The account's clinical services, created before sign-in so the first
/// session loads the directory.
struct Clinic
{
    std::unique_ptr<Clinical::DirectoryService> directory;
    std::unique_ptr<Clinical::ClinicalService> service;
    std::unique_ptr<Admin::PolicyService> policies; ///< the org's forwarding domains
};

std::expected<Account::Account *, int> open(const QCommandLineParser &parser, CliSession &session,
                                            Clinic &clinic)
{
    auto account = session.openLocal();
    if (!account)
        return account;
    clinic.directory = std::make_unique<Clinical::DirectoryService>(**account);
    if (parser.isSet(u"directory-service"_s))
        clinic.directory->setService(Core::Jid(parser.value(u"directory-service"_s)));
    clinic.service = std::make_unique<Clinical::ClinicalService>(**account, *clinic.directory);
    clinic.policies = std::make_unique<Admin::PolicyService>(**account);
    (void)await(clinic.service->start(), session.timeoutSeconds());
    return session.signIn();
}

template<typename T>
int failIfNot(const std::optional<Core::Result<T>> &result, const QString &what)
{
    if (!result)
        return reportError({Core::Error::Code::Timeout, what});
    if (!*result)
        return reportError(result->error());
    return ExitOk;
}

bool waitForDirectory(Clinical::DirectoryService &directory, int seconds)
{
    return runUntil([&] { return directory.isLoaded(); }, seconds);
}

QJsonObject roleJson(const Clinical::Role &role, const QDateTime &now)
{
    QJsonArray shifts;
    for (const Clinical::Shift &shift : role.shifts)
        shifts.append(QJsonObject{{u"jid"_s, shift.jid.bareString()},
                                  {u"start"_s, Xmpp::formatDateTime(shift.start)},
                                  {u"end"_s, Xmpp::formatDateTime(shift.end)}});
    QJsonArray steps;
    for (const Clinical::EscalationStep &step : role.escalation)
        steps.append(QJsonObject{{u"after_minutes"_s, step.afterMinutes},
                                 {step.role.isEmpty() ? u"jid"_s : u"role"_s,
                                  step.role.isEmpty() ? step.jid.bareString() : step.role}});
    QJsonObject out{{u"id"_s, role.id},
                    {u"name"_s, role.name},
                    {u"shifts"_s, shifts},
                    {u"escalation"_s, steps}};
    for (const Clinical::Shift &shift : role.shifts)
        if (shift.start <= now && now < shift.end)
            out.insert(u"on_call"_s, shift.jid.bareString());
    return out;
}

} // namespace

void addClinicalOptions(QCommandLineParser &parser)
{
    parser.addOption({u"priority"_s, u"send: routine, urgent or stat."_s, u"level"_s});
    parser.addOption({u"to-role"_s,
                      u"send: a directory role, resolved to whoever is on call now."_s, u"role"_s});
    parser.addOption(
        {u"expires"_s, u"send: delete every copy after this time (ISO 8601)."_s, u"time"_s});
    parser.addOption({u"directory-service"_s,
                      u"send --to-role, directory: the pubsub service (default pubsub.<domain>)."_s,
                      u"jid"_s});
    parser.addOption({u"role"_s, u"directory publish: the role id."_s, u"id"_s});
    parser.addOption({u"name"_s, u"directory publish: the role's display name."_s, u"text"_s});
    parser.addOption({u"shift"_s, u"directory publish: JID,START,END (repeat)."_s, u"shift"_s});
    parser.addOption({u"step"_s,
                      u"directory publish: MINUTES,role:ID or MINUTES,jid:JID (repeat)."_s,
                      u"step"_s});
}

bool isClinicalSend(const QCommandLineParser &parser)
{
    return parser.isSet(u"priority"_s) || parser.isSet(u"to-role"_s) || parser.isSet(u"expires"_s);
}

int commandClinicalSend(const QCommandLineParser &parser)
{
    Clinical::SendOptions options;
    if (parser.isSet(u"priority"_s)) {
        const auto priority = Clinical::priorityFromName(parser.value(u"priority"_s));
        if (!priority)
            return usage();
        options.priority = *priority;
    }
    if (parser.isSet(u"expires"_s)) {
        options.expiresAt = Xmpp::parseDateTime(parser.value(u"expires"_s));
        if (!options.expiresAt.isValid())
            return usage();
    }
    const bool byRole = parser.isSet(u"to-role"_s);
    const Core::Jid to(parser.value(u"to"_s));
    if (!parser.isSet(u"body"_s) || byRole == parser.isSet(u"to"_s) ||
        (!byRole && (!to.isValid() || to.local().isEmpty())))
        return usage();
    CliSession session(parser);
    Clinic clinic;
    auto account = open(parser, session, clinic);
    if (!account)
        return account.error();
    Account::Account &a = **account;
    QHash<QString, Store::MessageState> changes;
    QHash<QString, Core::Error> refusals;
    const QObject scope;
    QObject::connect(
        a.outbox(), &Sync::Outbox::stateChanged, &scope,
        [&](const QString &changed, Store::MessageState s) { changes.insert(changed, s); });
    QObject::connect(
        a.outbox(), &Sync::Outbox::sendFailed, &scope,
        [&](const QString &failed, const Core::Error &error) { refusals.insert(failed, error); });
    QString id;
    QJsonObject out{{u"event"_s, u"sent"_s},
                    {u"priority"_s, Clinical::priorityName(options.priority)}};
    if (byRole) {
        if (!waitForDirectory(*clinic.directory, session.timeoutSeconds()))
            return reportError({Core::Error::Code::Timeout, u"the directory did not load"_s});
        const auto sent = await(clinic.service->sendToRole(parser.value(u"to-role"_s),
                                                           parser.value(u"body"_s), options),
                                session.timeoutSeconds());
        if (const int code = failIfNot(sent, u"the store did not answer"_s); code != ExitOk)
            return code;
        id = (*sent)->message.messageId;
        out.insert(u"role"_s, (*sent)->role);
        out.insert(u"to"_s, (*sent)->resolvedTo.bareString());
    } else {
        const auto sent = await(clinic.service->send(to, parser.value(u"body"_s), options),
                                session.timeoutSeconds());
        if (const int code = failIfNot(sent, u"the store did not answer"_s); code != ExitOk)
            return code;
        id = (*sent)->messageId;
        out.insert(u"to"_s, to.bareString());
    }
    runUntil([&] { return changes.contains(id) || refusals.contains(id); },
             session.timeoutSeconds());
    if (refusals.contains(id))
        return reportError(refusals.value(id));
    if (changes.value(id, Store::MessageState::Pending) == Store::MessageState::Failed)
        return reportError({Core::Error::Code::Network, u"the server refused the message"_s});
    if (!changes.contains(id))
        return reportError({Core::Error::Code::Timeout,
                            u"the server did not confirm the message; it stays in the outbox"_s});
    out.insert(u"id"_s, id);
    printJson(out);
    session.finish();
    return ExitOk;
}

int commandAck(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"message"_s))
        return usage();
    CliSession session(parser);
    Clinic clinic;
    auto account = open(parser, session, clinic);
    if (!account)
        return account.error();
    const auto done =
        await(clinic.service->acknowledge(parser.value(u"message"_s)), session.timeoutSeconds());
    if (const int code = failIfNot(done, u"the store did not answer"_s); code != ExitOk)
        return code;
    printJson({{u"event"_s, u"acknowledged"_s}, {u"id"_s, parser.value(u"message"_s)}});
    session.finish();
    return ExitOk;
}

int commandRecall(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"message"_s))
        return usage();
    CliSession session(parser);
    Clinic clinic;
    auto account = open(parser, session, clinic);
    if (!account)
        return account.error();
    const auto done =
        await(clinic.service->recall(parser.value(u"message"_s)), session.timeoutSeconds());
    if (const int code = failIfNot(done, u"the store did not answer"_s); code != ExitOk)
        return code;
    printJson({{u"event"_s, u"recalled"_s}, {u"id"_s, parser.value(u"message"_s)}});
    session.finish();
    return ExitOk;
}

int commandForward(const QCommandLineParser &parser)
{
    const Core::Jid to(parser.value(u"to"_s));
    if (!parser.isSet(u"message"_s) || !to.isValid() || to.local().isEmpty())
        return usage();
    CliSession session(parser);
    Clinic clinic;
    auto account = open(parser, session, clinic);
    if (!account)
        return account.error();
    // The organisation's forwarding domains, as published now.
    (void)await(clinic.policies->refresh(), session.timeoutSeconds());
    Clinical::ClinicalPolicy policy = clinic.service->policy();
    policy.forwardingDomains = clinic.policies->forwardingDomains();
    clinic.service->setPolicy(policy);
    Account::Account &a = **account;
    QHash<QString, Store::MessageState> changes;
    const QObject scope;
    QObject::connect(
        a.outbox(), &Sync::Outbox::stateChanged, &scope,
        [&](const QString &changed, Store::MessageState s) { changes.insert(changed, s); });
    const auto sent =
        await(clinic.service->forward(parser.value(u"message"_s), to), session.timeoutSeconds());
    if (const int code = failIfNot(sent, u"the store did not answer"_s); code != ExitOk)
        return code;
    const QString id = (*sent)->messageId;
    runUntil([&] { return changes.contains(id); }, session.timeoutSeconds());
    if (changes.value(id, Store::MessageState::Pending) == Store::MessageState::Failed)
        return reportError({Core::Error::Code::Network, u"the message was not sent"_s});
    printJson({{u"event"_s, u"forwarded"_s},
               {u"id"_s, id},
               {u"of"_s, parser.value(u"message"_s)},
               {u"to"_s, to.bareString()}});
    session.finish();
    return ExitOk;
}

int commandDirectory(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || (args.at(1) != u"show" && args.at(1) != u"publish"))
        return usage();
    Clinical::Role role;
    if (args.at(1) == u"publish") {
        role.id = parser.value(u"role"_s);
        role.name = parser.value(u"name"_s);
        for (const QString &shift : parser.values(u"shift"_s)) {
            const QStringList parts = shift.split(u',');
            if (parts.size() != 3)
                return usage();
            role.shifts.append({Core::Jid(parts.at(0)).bare(), Xmpp::parseDateTime(parts.at(1)),
                                Xmpp::parseDateTime(parts.at(2))});
        }
        for (const QString &step : parser.values(u"step"_s)) {
            const QStringList parts = step.split(u',');
            bool ok = false;
            Clinical::EscalationStep s;
            s.afterMinutes = parts.value(0).toInt(&ok);
            const QString target = parts.value(1);
            if (!ok || parts.size() != 2)
                return usage();
            if (target.startsWith(u"role:"))
                s.role = target.mid(5);
            else if (target.startsWith(u"jid:"))
                s.jid = Core::Jid(target.mid(4)).bare();
            else
                return usage();
            role.escalation.append(s);
        }
        if (auto valid = role.validate(); !valid)
            return reportError(valid.error());
    }
    CliSession session(parser);
    Clinic clinic;
    auto account = open(parser, session, clinic);
    if (!account)
        return account.error();
    if (args.at(1) == u"publish") {
        const auto done = await(clinic.directory->publish(role), session.timeoutSeconds());
        if (const int code = failIfNot(done, u"the directory did not answer"_s); code != ExitOk)
            return code;
        printJson({{u"event"_s, u"role-published"_s}, {u"role"_s, role.id}});
        session.finish();
        return ExitOk;
    }
    const auto loaded = await(clinic.directory->refresh(), session.timeoutSeconds());
    if (const int code = failIfNot(loaded, u"the directory did not answer"_s); code != ExitOk)
        return code;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList ids = (*loaded)->keys();
    ids.sort();
    for (const QString &id : std::as_const(ids))
        printJson(roleJson((*loaded)->value(id), now));
    session.finish();
    return ExitOk;
}
