// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli: scripted login, send and receive. See README.md for the contract.
#include "CliSession.h"

#include "xmpp/extensions/DiscoExtension.h"
#include "xmpp/extensions/MessagingExtension.h"

#include "core/LogScrubber.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void printJson(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

int timeoutOf(const QCommandLineParser &parser)
{
    bool ok = false;
    const int seconds = parser.value(u"timeout"_s).toInt(&ok);
    return ok && seconds > 0 ? seconds : 30;
}

int commandLogin(const QCommandLineParser &parser)
{
    const int timeout = timeoutOf(parser);
    auto account = CliSession().signIn(parser, timeout);
    if (!account)
        return account.error();
    Account::Account &a = **account;
    runUntil([&] { return !a.disco().serverFeatures().isEmpty(); }, 5);
    QJsonObject out{{u"event"_s, u"login"_s},
                    {u"jid"_s, a.client().boundJid().toString()},
                    {u"stream_management"_s, a.client().streamManagementEnabled()},
                    {u"server_features"_s, QJsonArray::fromStringList(a.disco().serverFeatures())}};
    printJson(out);
    a.signOut();
    runUntil([&] { return a.client().state() == Xmpp::Client::State::Disconnected; }, 3);
    return ExitOk;
}

int commandSend(const QCommandLineParser &parser)
{
    const Core::Jid to(parser.value(u"to"_s));
    if (!to.isValid() || !parser.isSet(u"body"_s)) {
        std::fputs("rounds-cli send: --to JID and --body TEXT are required\n", stderr);
        return ExitUsage;
    }
    const int timeout = timeoutOf(parser);
    auto account = CliSession().signIn(parser, timeout);
    if (!account)
        return account.error();
    Account::Account &a = **account;
    bool acknowledged = false;
    const QString id = Xmpp::Client::newId();
    QObject::connect(&a.client(), &Xmpp::Client::stanzaAcknowledged, &a.client(),
                     [&](const QString &ackedId) { acknowledged |= ackedId == id; });
    a.messaging().sendChat(to, parser.value(u"body"_s), id);
    if (!a.client().streamManagementEnabled()) {
        // Without XEP-0198 a ping round trip proves the server read the message.
        Xmpp::Element ping(u"iq"_s, u"jabber:client"_s);
        ping.setAttribute(u"type"_s, u"get"_s);
        ping.appendChild(Xmpp::Element(u"ping"_s, u"urn:xmpp:ping"_s));
        auto pong = a.client().sendIq(ping);
        runUntil([&] { return pong.isFinished(); }, timeout);
        acknowledged = pong.isFinished() && pong.result().has_value();
    } else {
        runUntil([&] { return acknowledged; }, timeout);
    }
    if (!acknowledged)
        return reportError(
            {Core::Error::Code::Timeout, u"the server did not confirm the message"_s});
    printJson({{u"event"_s, u"sent"_s}, {u"id"_s, id}, {u"to"_s, to.toString()}});
    a.signOut();
    runUntil([&] { return a.client().state() == Xmpp::Client::State::Disconnected; }, 3);
    return ExitOk;
}

int commandListen(const QCommandLineParser &parser)
{
    const int timeout = timeoutOf(parser);
    const int count = parser.value(u"count"_s).toInt();
    auto account = CliSession().signIn(parser, timeout);
    if (!account)
        return account.error();
    Account::Account &a = **account;
    int received = 0;
    QSet<QString> seen; // a resend after a reconnect is printed once
    std::optional<Core::Error> fatal;
    QObject::connect(&a.client(), &Xmpp::Client::fatalError, &a.client(),
                     [&](const Core::Error &error) { fatal = error; });
    QObject::connect(&a.messaging(), &Xmpp::MessagingExtension::messageReceived, &a.messaging(),
                     [&](const Xmpp::Message &m) {
                         QString key;
                         if (!m.originId.isEmpty())
                             key = u"o:"_s + m.from.bareString() + u' ' + m.originId;
                         else if (!m.stanzaId.isEmpty())
                             key = u"s:"_s + m.stanzaId;
                         else
                             key = u"i:"_s + m.from.toString() + u' ' + m.id;
                         if (seen.contains(key))
                             return;
                         seen.insert(key);
                         ++received;
                         QJsonObject out{{u"event"_s, u"message"_s},
                                         {u"id"_s, m.id},
                                         {u"origin_id"_s, m.originId},
                                         {u"stanza_id"_s, m.stanzaId},
                                         {u"from"_s, m.from.toString()},
                                         {u"to"_s, m.to.toString()},
                                         {u"type"_s, m.type},
                                         {u"body"_s, m.body}};
                         if (m.delayed.isValid())
                             out.insert(u"delayed"_s, m.delayed.toString(Qt::ISODateWithMs));
                         printJson(out);
                     });
    printJson({{u"event"_s, u"ready"_s}, {u"jid"_s, a.client().boundJid().toString()}});
    const bool done =
        runUntil([&] { return fatal.has_value() || (count > 0 && received >= count); },
                 parser.isSet(u"timeout"_s) || count > 0 ? timeout : 365 * 24 * 3600);
    a.signOut();
    runUntil([&] { return a.client().state() == Xmpp::Client::State::Disconnected; }, 3);
    if (fatal)
        return reportError(*fatal);
    if (count > 0 && !done)
        return reportError({Core::Error::Code::Timeout,
                            QStringLiteral("received %1 of %2 messages").arg(received).arg(count)});
    return ExitOk;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"rounds-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ROUNDS_VERSION));
    Core::installScrubbingLogHandler();
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"rounds.*.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Rounds command-line client.\n\nCommands:\n"
        "  login    sign in, print the session as JSON, sign out\n"
        "  send     send one message (--to, --body) and wait until the server has it\n"
        "  listen   print one JSON object per received message (--count, --timeout)\n\n"
        "The password is read from ROUNDS_PASSWORD or the first line of standard input."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, u"login | send | listen"_s);
    CliSession::addOptions(parser);
    parser.addOption({u"to"_s, u"send: recipient address."_s, u"jid"_s});
    parser.addOption({u"body"_s, u"send: message text."_s, u"text"_s});
    parser.addOption({u"count"_s, u"listen: exit after this many messages."_s, u"n"_s});
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.size() != 1) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return ExitUsage;
    }
    const QString &command = args.first();
    if (command == u"login")
        return commandLogin(parser);
    if (command == u"send")
        return commandSend(parser);
    if (command == u"listen")
        return commandListen(parser);
    std::fprintf(stderr, "rounds-cli: unknown command '%s'\n", qPrintable(command));
    return ExitUsage;
}
