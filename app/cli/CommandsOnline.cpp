// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli commands that talk to the server: login, send, listen, sync.
#include "CliSession.h"

#include "crypto/MediaCrypto.h"

#include "store/MessageStore.h"
#include "sync/MamCatchUp.h"
#include "sync/MessagePipeline.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/DiscoExtension.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QString protectionName(Store::Protection protection)
{
    switch (protection) {
    case Store::Protection::Plain:
        return u"plain"_s;
    case Store::Protection::Encrypted:
        return u"encrypted"_s;
    case Store::Protection::Verified:
        return u"verified"_s;
    case Store::Protection::UntrustedDevice:
        return u"untrusted-device"_s;
    case Store::Protection::Undecryptable:
        return u"undecryptable"_s;
    }
    return u"unknown"_s;
}

QJsonObject messageJson(const Store::StoredMessage &m)
{
    QJsonObject out{
        {u"event"_s, u"message"_s},
        {u"id"_s, m.messageId},
        {u"origin_id"_s, m.originId},
        {u"stanza_id"_s, m.stanzaId},
        {u"conversation"_s, m.conversation},
        {u"from"_s, m.sender},
        {u"direction"_s, m.direction == Store::Direction::Outgoing ? u"out"_s : u"in"_s},
        {u"time"_s, m.timestamp.toString(Qt::ISODateWithMs)},
        {u"body"_s, m.body},
        {u"protection"_s, protectionName(m.protection)},
        {u"e2e_version"_s, m.e2eVersion == 4   ? u"omemo2"_s
                           : m.e2eVersion == 3 ? u"legacy"_s
                                               : QString()},
        {u"sender_device"_s, qint64(m.senderDevice)}};
    if (!m.e2eError.isEmpty())
        out.insert(u"e2e_error"_s, m.e2eError);
    return out;
}

/// Waits for the archive catch-up the session start began; returns its report.
std::expected<Sync::MamCatchUp::Report, int> awaitCatchUp(Account::Account &account, int timeout)
{
    const auto report = await(account.catchUp()->run(), timeout);
    if (!report)
        return std::unexpected(
            reportError({Core::Error::Code::Timeout, u"archive catch-up timed out"_s}));
    if (!*report)
        return std::unexpected(reportError(report->error()));
    return **report;
}

QJsonObject archiveJson(const Sync::MamCatchUp::Report &report)
{
    return {{u"fetched"_s, report.fetched}, {u"stored"_s, report.stored}};
}

} // namespace

int commandLogin(const QCommandLineParser &parser)
{
    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    Account::Account &a = **account;
    const auto caughtUp = awaitCatchUp(a, session.timeoutSeconds());
    if (!caughtUp)
        return caughtUp.error();
    runUntil([&] { return !a.disco().serverFeatures().isEmpty(); }, 5);
    printJson({{u"event"_s, u"login"_s},
               {u"jid"_s, a.client().boundJid().toString()},
               {u"stream_management"_s, a.client().streamManagementEnabled()},
               {u"sasl2"_s, a.client().authSummary().sasl2},
               {u"second_factor"_s, a.secondFactorEnforced()},
               {u"token_login"_s, a.client().authSummary().fastToken},
               {u"enrolled"_s, a.client().authSummary().enrolled},
               {u"server_features"_s, QJsonArray::fromStringList(a.disco().serverFeatures())},
               {u"archive"_s, archiveJson(*caughtUp)}});
    session.finish();
    return ExitOk;
}

int commandSend(const QCommandLineParser &parser)
{
    const Core::Jid to(parser.value(u"to"_s));
    if (!to.isValid() || to.local().isEmpty() || !parser.isSet(u"body"_s)) {
        std::fputs("rounds-cli send: --to JID and --body TEXT are required\n", stderr);
        return ExitUsage;
    }
    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    Account::Account &a = **account;
    // The acknowledgement can arrive before the send's future is seen here:
    // remember every change, then look for ours.
    QHash<QString, Store::MessageState> changes;
    QHash<QString, Core::Error> refusals;
    // Dies before the locals the handlers write to (the account outlives them).
    const QObject scope;
    QObject::connect(
        a.outbox(), &Sync::Outbox::stateChanged, &scope,
        [&](const QString &changed, Store::MessageState s) { changes.insert(changed, s); });
    QObject::connect(
        a.outbox(), &Sync::Outbox::sendFailed, &scope,
        [&](const QString &failed, const Core::Error &error) { refusals.insert(failed, error); });
    const auto queued =
        await(a.outbox()->send(to, parser.value(u"body"_s)), session.timeoutSeconds());
    if (!queued)
        return reportError({Core::Error::Code::Timeout, u"the store did not answer"_s});
    if (!*queued)
        return reportError(queued->error());
    const QString id = (*queued)->messageId;
    runUntil([&] { return changes.contains(id) || refusals.contains(id); },
             session.timeoutSeconds());
    if (refusals.contains(id)) {
        const int code = reportError(refusals.value(id));
        session.finish();
        return code;
    }
    const std::optional<Store::MessageState> state =
        changes.contains(id) ? std::optional(changes.value(id)) : std::nullopt;
    if (state == Store::MessageState::Failed)
        return reportError({Core::Error::Code::Network, u"the server refused the message"_s});
    if (!state)
        return reportError({Core::Error::Code::Timeout,
                            u"the server did not confirm the message; it stays in the outbox"_s});
    printJson({{u"event"_s, u"sent"_s}, {u"id"_s, id}, {u"to"_s, to.bareString()}});
    session.finish();
    return ExitOk;
}

int commandListen(const QCommandLineParser &parser)
{
    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    Account::Account &a = **account;
    const int count = parser.value(u"count"_s).toInt();
    int received = 0;
    std::optional<Core::Error> fatal;
    const QObject scope; // dies before `fatal` and `received`; the account outlives both
    QObject::connect(&a.client(), &Xmpp::Client::fatalError, &scope,
                     [&](const Core::Error &error) { fatal = error; });
    // Everything newly stored, live or from the archive, printed once: the
    // store de-duplicates resends after reconnects and restarts.
    QObject::connect(a.pipeline(), &Sync::MessagePipeline::messagesStored, &scope,
                     [&](const QList<Store::StoredMessage> &messages) {
                         for (const Store::StoredMessage &m : messages) {
                             if (m.direction != Store::Direction::Incoming)
                                 continue;
                             ++received;
                             QJsonObject json = messageJson(m);
                             // A file: its link carries the key, so say only that
                             // one came (`attachment get` writes it).
                             if (m.protection != Store::Protection::Plain &&
                                 Crypto::Media::isLink(m.body)) {
                                 json.insert(u"body"_s, QString());
                                 json.insert(u"attachment"_s, true);
                             }
                             if (a.isRoom(m.conversation)) // a care-team room; "from" is the member
                                 json.insert(u"room"_s, m.conversation);
                             printJson(json);
                         }
                     });
    printJson({{u"event"_s, u"ready"_s}, {u"jid"_s, a.client().boundJid().toString()}});
    const int wait =
        parser.isSet(u"timeout"_s) || count > 0 ? session.timeoutSeconds() : 365 * 24 * 3600;
    const bool done =
        runUntil([&] { return fatal.has_value() || (count > 0 && received >= count); }, wait);
    session.finish();
    if (fatal)
        return reportSessionEnd(*fatal);
    if (count > 0 && !done)
        return reportError({Core::Error::Code::Timeout,
                            QStringLiteral("received %1 of %2 messages").arg(received).arg(count)});
    return ExitOk;
}

int commandSync(const QCommandLineParser &parser)
{
    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    Account::Account &a = **account;
    const auto caughtUp = awaitCatchUp(a, session.timeoutSeconds());
    if (!caughtUp)
        return caughtUp.error();
    // The session start re-sent whatever the outbox held; wait until the
    // server has acknowledged all of it.
    int pending = -1;
    runUntil(
        [&] {
            auto p = a.messageStore()->pendingOutbox();
            p.waitForFinished();
            pending = p.result() ? int(p.result()->size()) : -1;
            return pending == 0;
        },
        session.timeoutSeconds());
    printJson({{u"event"_s, u"synced"_s},
               {u"archive"_s, archiveJson(*caughtUp)},
               {u"outbox_pending"_s, pending}});
    session.finish();
    return pending == 0 ? ExitOk
                        : reportError({Core::Error::Code::Timeout,
                                       u"messages are still waiting in the outbox"_s});
}
