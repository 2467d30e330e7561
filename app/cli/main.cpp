// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli: scripted login, send, receive and local queries. See README.md.
#include "CliSession.h"

#include "core/LogScrubber.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;

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
        "  login    sign in, catch up with the archive, print the session as JSON, sign out\n"
        "  send     send one message (--to, --body) and wait until the server has it;\n"
        "           --priority urgent|stat, --to-role ROLE (on call now), --expires ISO;\n"
        "           with --file PATH instead of --body, send a file (encrypted upload)\n"
        "  listen   print one JSON object per new incoming message (--count, --timeout)\n"
        "  sync     catch up with the archive and deliver everything in the outbox\n"
        "  search   WORDS... search this device's messages (newest first)\n"
        "  history  print a conversation from this device's store (--with)\n"
        "  audit    export --output FILE: write this device's audit chain as JSON Lines\n"
        "           verify FILE: check an exported chain; names the first bad line\n"
        "  devices  list the OMEMO devices of --with JID (default: this account) with\n"
        "           fingerprints and trust\n"
        "  attachment get --message ID --out PATH: write a message's file, decrypted\n"
        "  trust    set the trust of a device: --with JID --device ID --set\n"
        "           verified|blind|undecided|distrusted (recorded in the audit chain)\n"
        "  room     create --room NAME --members JID,JID: a members-only care-team room\n"
        "           join|leave --room JID; send --room JID --body TEXT (OMEMO to all members)\n"
        "  ack      --message ID: acknowledge an urgent/STAT message (its sender is told)\n"
        "  recall   --message ID: retract one of our messages everywhere (XEP-0424)\n"
        "  forward  --message ID --to JID: forward a message (within the org's domains)\n"
        "  directory show | publish --role ID [--name T] [--shift JID,START,END]...\n"
        "           [--step MINUTES,role:ID|MINUTES,jid:JID]...: the on-call directory\n"
        "  reminders serve --config FILE: run as the org's reminder service;\n"
        "           preview|submit --csv FILE --template T [--service JID] |\n"
        "           consent --service JID --patient JID --channel xmpp|sms | status --service JID\n"
        "  erase    sign out and erase this account's data from this computer\n"
        "  admin    IT administration (host admins): users | devices --user JID |\n"
        "           revoke|wipe --user JID --device UA | reset-mfa|disable|enable --user JID |\n"
        "           policy get | policy set [--idle-lock-minutes N ...] |\n"
        "           audit-export [--since ISO] [--until ISO] [--out FILE]\n\n"
        "Messages are end-to-end encrypted (OMEMO, legacy and OMEMO 2). A contact without\n"
        "an OMEMO device cannot be sent to unless --allow-plaintext is given.\n"
        "The password is read from ROUNDS_PASSWORD or the first line of standard input.\n"
        "The local store's key is kept in the system keychain; where there is none, set\n"
        "ROUNDS_DB_PASSPHRASE to protect it with a passphrase instead."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        u"command"_s,
        u"login | send | listen | sync | search | history | audit | devices | trust | attachment | "
        u"room | erase | admin | ack | recall | forward | directory | reminders"_s);
    CliSession::addOptions(parser);
    parser.addOption({u"to"_s, u"send: recipient address."_s, u"jid"_s});
    parser.addOption({u"body"_s, u"send: message text."_s, u"text"_s});
    parser.addOption({u"file"_s, u"send: a file to send instead of a text."_s, u"path"_s});
    parser.addOption({u"message"_s, u"attachment get: the message id."_s, u"id"_s});
    parser.addOption({u"out"_s,
                      u"attachment get: where to write the file; admin audit-export: the file "
                      u"to write."_s,
                      u"path"_s});
    parser.addOption({u"count"_s, u"listen: exit after this many messages."_s, u"n"_s});
    parser.addOption({u"with"_s, u"history: the conversation's address."_s, u"jid"_s});
    parser.addOption({u"limit"_s, u"search, history: at most this many rows."_s, u"n"_s});
    parser.addOption({u"output"_s, u"audit export: the file to write."_s, u"file"_s});
    parser.addOption({u"device"_s,
                      u"trust: the OMEMO device id; admin: the client's user-agent id."_s,
                      u"id"_s});
    parser.addOption({u"user"_s, u"admin: the account to act on."_s, u"jid"_s});
    parser.addOption({u"since"_s, u"admin audit-export: from this time (ISO 8601)."_s, u"time"_s});
    parser.addOption({u"until"_s, u"admin audit-export: up to this time (ISO 8601)."_s, u"time"_s});
    parser.addOption({u"idle-lock-minutes"_s, u"admin policy set: 1..480."_s, u"n"_s});
    parser.addOption({u"retention-days"_s, u"admin policy set: 0 keeps forever."_s, u"n"_s});
    parser.addOption(
        {u"require-verified-devices"_s, u"admin policy set: true|false."_s, u"bool"_s});
    parser.addOption({u"allow-attachments"_s, u"admin policy set: true|false."_s, u"bool"_s});
    parser.addOption(
        {u"notification-detail"_s, u"admin policy set: none|sender|preview."_s, u"detail"_s});
    parser.addOption({u"forwarding-domain"_s,
                      u"admin policy set: a partner domain (repeat for several)."_s, u"domain"_s});
    parser.addOption({u"set"_s, u"trust: verified, blind, undecided or distrusted."_s, u"trust"_s});
    addRoomOptions(parser);
    addClinicalOptions(parser);
    addReminderOptions(parser);
    parser.addOption(
        {u"org-domain"_s, u"reminders preview: the organisation's domain."_s, u"domain"_s});
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return ExitUsage;
    }
    const QString &command = args.first();
    if (command == u"search")
        return commandSearch(parser);
    if (command == u"audit")
        return commandAudit(parser);
    if (command == u"attachment")
        return commandAttachment(parser);
    if (command == u"room")
        return commandRoom(parser);
    if (command == u"admin")
        return commandAdmin(parser);
    if (command == u"directory")
        return commandDirectory(parser);
    if (command == u"reminders")
        return commandReminders(parser);
    if (args.size() != 1) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return ExitUsage;
    }
    if (command == u"login")
        return commandLogin(parser);
    if (command == u"send")
        return parser.isSet(u"file"_s)  ? commandSendFile(parser)
               : isClinicalSend(parser) ? commandClinicalSend(parser)
                                        : commandSend(parser);
    if (command == u"ack")
        return commandAck(parser);
    if (command == u"recall")
        return commandRecall(parser);
    if (command == u"forward")
        return commandForward(parser);
    if (command == u"listen")
        return commandListen(parser);
    if (command == u"sync")
        return commandSync(parser);
    if (command == u"history")
        return commandHistory(parser);
    if (command == u"devices")
        return commandDevices(parser);
    if (command == u"trust")
        return commandTrust(parser);
    if (command == u"erase")
        return commandErase(parser);
    std::fprintf(stderr, "rounds-cli: unknown command '%s'\n", qPrintable(command));
    return ExitUsage;
}
