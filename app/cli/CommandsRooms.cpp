// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli commands for care-team rooms (XEP-0045 with OMEMO): room create,
// room join, room leave, room send. See README.md and docs/e2e.md.
#include "CliSession.h"

#include "sync/Outbox.h"
#include "xmpp/extensions/MucExtension.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

int usage()
{
    std::fputs("rounds-cli room create --room NAME [--members JID,JID...]\n"
               "rounds-cli room join --room JID\n"
               "rounds-cli room leave --room JID\n"
               "rounds-cli room send --room JID --body TEXT\n",
               stderr);
    return ExitUsage;
}

int roomCreate(const QCommandLineParser &parser, CliSession &session, Account::Account &a)
{
    QList<Core::Jid> members;
    for (const QString &m : parser.value(u"members"_s).split(u',', Qt::SkipEmptyParts)) {
        const Core::Jid jid = Core::Jid(m.trimmed()).bare();
        if (!jid.isValid() || jid.local().isEmpty())
            return usage();
        members << jid;
    }
    const auto created =
        await(a.createCareTeamRoom(parser.value(u"room"_s), members), session.timeoutSeconds());
    if (!created)
        return reportError({Core::Error::Code::Timeout, u"the room was not created in time"_s});
    if (!*created)
        return reportError(created->error());
    QJsonArray list;
    for (const Core::Jid &m : std::as_const(members))
        list.append(m.bareString());
    printJson({{u"event"_s, u"room-created"_s},
               {u"room"_s, (*created)->bareString()},
               {u"members"_s, list}});
    return ExitOk;
}

int roomJoin(const Core::Jid &room, CliSession &session, Account::Account &a)
{
    const auto joined = await(a.joinRoom(room), session.timeoutSeconds());
    if (!joined)
        return reportError({Core::Error::Code::Timeout, u"the room did not answer"_s});
    if (!*joined)
        return reportError(joined->error());
    printJson({{u"event"_s, u"room-joined"_s},
               {u"room"_s, room.bareString()},
               {u"nick"_s, a.muc().nick(room)}});
    return ExitOk;
}

int roomLeave(const Core::Jid &room, CliSession &session, Account::Account &a)
{
    const auto left = await(a.leaveRoom(room), session.timeoutSeconds());
    if (!left)
        return reportError({Core::Error::Code::Timeout, u"the room did not answer"_s});
    if (!*left)
        return reportError(left->error());
    printJson({{u"event"_s, u"room-left"_s}, {u"room"_s, room.bareString()}});
    return ExitOk;
}

int roomSend(const QCommandLineParser &parser, const Core::Jid &room, CliSession &session,
             Account::Account &a)
{
    if (!parser.isSet(u"body"_s))
        return usage();
    // A room this device is in is entered again with the session; another is joined now.
    if (!a.isRoom(room.bareString())) {
        const auto joined = await(a.joinRoom(room), session.timeoutSeconds());
        if (!joined)
            return reportError({Core::Error::Code::Timeout, u"the room did not answer"_s});
        if (!*joined)
            return reportError(joined->error());
    }
    runUntil([&] { return a.muc().isJoined(room); }, session.timeoutSeconds());
    QHash<QString, Store::MessageState> changes;
    QHash<QString, Core::Error> refusals;
    const QObject scope; // dies before the locals its handlers write to
    QObject::connect(
        a.outbox(), &Sync::Outbox::stateChanged, &scope,
        [&](const QString &changed, Store::MessageState s) { changes.insert(changed, s); });
    QObject::connect(
        a.outbox(), &Sync::Outbox::sendFailed, &scope,
        [&](const QString &failed, const Core::Error &error) { refusals.insert(failed, error); });
    const auto queued =
        await(a.sendToRoom(room, parser.value(u"body"_s)), session.timeoutSeconds());
    if (!queued)
        return reportError({Core::Error::Code::Timeout, u"the store did not answer"_s});
    if (!*queued)
        return reportError(queued->error());
    const QString id = (*queued)->messageId;
    runUntil([&] { return changes.contains(id) || refusals.contains(id); },
             session.timeoutSeconds());
    if (refusals.contains(id))
        return reportError(refusals.value(id));
    if (changes.value(id, Store::MessageState::Pending) == Store::MessageState::Failed)
        return reportError({Core::Error::Code::Network, u"the room refused the message"_s});
    if (!changes.contains(id))
        return reportError({Core::Error::Code::Timeout,
                            u"the server did not confirm the message; it stays in the outbox"_s});
    printJson({{u"event"_s, u"sent"_s}, {u"id"_s, id}, {u"room"_s, room.bareString()}});
    return ExitOk;
}

} // namespace

void addRoomOptions(QCommandLineParser &parser)
{
    parser.addOption({u"room"_s, u"room: the room's name (create) or address."_s, u"room"_s});
    parser.addOption(
        {u"members"_s, u"room create: comma-separated member addresses."_s, u"jids"_s});
}

int commandRoom(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(1);
    if (args.size() != 2 || !parser.isSet(u"room"_s) ||
        !QStringList{u"create"_s, u"join"_s, u"leave"_s, u"send"_s}.contains(action))
        return usage();
    const Core::Jid room = Core::Jid(parser.value(u"room"_s)).bare();
    if (action != u"create" && (!room.isValid() || room.local().isEmpty()))
        return usage();
    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    Account::Account &a = **account;
    int code = ExitOk;
    if (action == u"create")
        code = roomCreate(parser, session, a);
    else if (action == u"join")
        code = roomJoin(room, session, a);
    else if (action == u"leave")
        code = roomLeave(room, session, a);
    else
        code = roomSend(parser, room, session, a);
    session.finish();
    return code;
}
