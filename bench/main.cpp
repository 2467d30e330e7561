// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-bench: performance figures of the encrypted cache and the sync
// pipeline, printed as one JSON document. See docs/performance.md.
#include "DataGenerator.h"
#include "StoreBench.h"

#include "account/Account.h"
#include "crypto/SecretBytes.h"
#include "store/MessageStore.h"
#include "store/StoreWorker.h"
#include "sync/MamCatchUp.h"
#include "sync/MessagePipeline.h"
#include "xmpp/Client.h"
#include "xmpp/extensions/MessagingExtension.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    poll.start(5);
    if (!done())
        loop.exec();
    return done();
}

// Wakes exactly when the future finishes, so latencies are not rounded up to a poll.
template<typename T>
T await(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

[[noreturn]] void die(const QString &what)
{
    std::fprintf(stderr, "rounds-bench: %s\n", qPrintable(what));
    std::exit(1);
}

QHash<QString, QString> readEnvFile(const QString &path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        die(u"cannot read server env file "_s + path);
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            values.insert(line.left(eq), line.mid(eq + 1));
    }
    return values;
}

QJsonObject benchCatchUp(const QString &dir, const QString &envFile, int total)
{
    const auto env = readEnvFile(envFile);
    QStringList accounts = env.value(u"ROUNDS_SERVER_ACCOUNTS"_s).split(u' ', Qt::SkipEmptyParts);
    if (accounts.size() < 2)
        die(u"server env file lists fewer than two accounts"_s);
    const auto split = [](const QString &pair) {
        const qsizetype colon = pair.indexOf(u':');
        return std::pair{pair.left(colon), pair.mid(colon + 1)};
    };
    const auto [senderJid, senderPassword] = split(accounts.at(1));
    const auto [receiverJid, receiverPassword] = split(accounts.at(0));
    const auto settingsFor = [&](const QString &jid) {
        Account::AccountSettings s;
        s.jid = Core::Jid(jid);
        s.serverUrl = QUrl(env.value(u"ROUNDS_SERVER_URL"_s));
        s.caFile = env.value(u"ROUNDS_SERVER_CA"_s);
        s.resource = u"bench"_s;
        return s;
    };
    Account::LocalDataOptions local;
    local.dataDir = dir + u"/catchup"_s;
    local.passphrase = u"bench passphrase"_s;
    local.fastKdfForTests = true;

    // The receiver's device learns its archive position, then goes offline.
    {
        Account::Account receiver(settingsFor(receiverJid));
        if (auto r = await(receiver.openLocalData(local)); !r)
            die(u"open local data: "_s + r.error().detail);
        if (auto r = await(receiver.signIn(receiverPassword)); !r)
            die(u"sign in: "_s + r.error().detail);
        waitUntil([&] { return !receiver.catchUp()->isRunning(); }, 600000);
        receiver.signOut();
        waitUntil([&] { return receiver.client().state() == Xmpp::Client::State::Disconnected; },
                  5000);
    }
    // Bursts from another account's device while the receiver is away.
    {
        Account::Account sender(settingsFor(senderJid));
        if (auto r = await(sender.signIn(senderPassword)); !r)
            die(u"sender sign in: "_s + r.error().detail);
        int acked = 0;
        QObject::connect(&sender.client(), &Xmpp::Client::stanzaAcknowledged, &sender.client(),
                         [&](const QString &) { ++acked; });
        DataGenerator generator(7, 1);
        for (int i = 0; i < total; ++i) {
            sender.messaging().sendChat(Core::Jid(receiverJid), generator.next().body);
            if (i % 200 == 199)
                waitUntil([&] { return acked >= i - 400; }, 60000);
        }
        waitUntil([&] { return acked >= total; }, 600000);
        sender.signOut();
    }
    Account::Account receiver(settingsFor(receiverJid));
    if (auto r = await(receiver.openLocalData(local)); !r)
        die(u"reopen local data: "_s + r.error().detail);
    // Offline delivery and the archive both bring the messages; the pipeline
    // stores each once. Done when all of them are stored and the archive is
    // caught up.
    int stored = 0;
    QObject::connect(receiver.pipeline(), &Sync::MessagePipeline::messagesStored,
                     receiver.pipeline(), [&](const QList<Store::StoredMessage> &messages) {
                         for (const auto &m : messages)
                             stored += m.direction == Store::Direction::Incoming ? 1 : 0;
                     });
    QElapsedTimer timer;
    timer.start();
    if (auto r = await(receiver.signIn(receiverPassword)); !r)
        die(u"sign in again: "_s + r.error().detail);
    waitUntil([&] { return receiver.catchUp()->isRunning(); }, 5000);
    const auto report = await(receiver.catchUp()->run());
    if (!report)
        die(u"catch-up: "_s + report.error().detail);
    waitUntil([&] { return stored >= total; }, 120000);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    return QJsonObject{{u"server"_s, env.value(u"ROUNDS_SERVER_KIND"_s)},
                       {u"messages_sent"_s, total},
                       {u"stored"_s, stored},
                       {u"archive_fetched"_s, report->fetched},
                       {u"archive_pages"_s, report->pages},
                       {u"seconds_sign_in_to_all_stored"_s, seconds},
                       {u"messages_per_second"_s, double(stored) / seconds},
                       {u"note"_s, u"plaintext bodies (OMEMO arrives with issue 4); offline "
                                   u"delivery and archive pages both feed the pipeline"_s}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Rounds performance figures (JSON on stdout)."_s);
    parser.addHelpOption();
    parser.addOption(
        {u"messages"_s, u"Messages in the cache (default 1000000)."_s, u"n"_s, u"1000000"_s});
    parser.addOption({u"conversations"_s, u"Conversations (default 500)."_s, u"n"_s, u"500"_s});
    parser.addOption(
        {u"queries"_s, u"Search queries of each kind (default 200)."_s, u"n"_s, u"200"_s});
    parser.addOption({u"catch-up"_s, u"Archived messages for the catch-up run (default 10000)."_s,
                      u"n"_s, u"10000"_s});
    parser.addOption(
        {u"server-env"_s, u"Env file of a running test server (scripts/servers.sh)."_s, u"file"_s});
    parser.addOption({u"skip-mam"_s, u"Leave out the catch-up figure (no server needed)."_s});
    parser.addOption(
        {u"dir"_s, u"Where to put the bench data (default: a temporary dir)."_s, u"dir"_s});
    parser.addOption({u"scroll"_s, u"Messages the desktop app scrolls through (default 10000)."_s,
                      u"n"_s, u"10000"_s});
    parser.addOption({u"skip-desktop"_s, u"Leave out the desktop app's start and memory."_s});
    parser.process(app);

    QTemporaryDir temp;
    const QString dir = parser.isSet(u"dir"_s) ? parser.value(u"dir"_s) : temp.path();
    QJsonObject out{{u"tool"_s, u"rounds-bench"_s},
                    {u"seed"_s, 20261124},
                    {u"cores"_s, QThread::idealThreadCount()}};
    StoreBench::Options store;
    store.dir = dir;
    store.messages = parser.value(u"messages"_s).toInt();
    store.conversations = parser.value(u"conversations"_s).toInt();
    store.queries = parser.value(u"queries"_s).toInt();
    store.scroll = parser.value(u"scroll"_s).toInt();
    if (!parser.isSet(u"skip-desktop"_s))
        store.desktopBinary = QCoreApplication::applicationDirPath() + u"/rounds"_s;
    const QJsonObject cache = StoreBench::run(store);
    for (auto it = cache.begin(); it != cache.end(); ++it)
        out.insert(it.key(), it.value());
    if (!parser.isSet(u"skip-mam"_s)) {
        if (!parser.isSet(u"server-env"_s))
            die(u"--server-env is needed for the catch-up figure (or pass --skip-mam)"_s);
        out.insert(u"mam_catch_up"_s, benchCatchUp(dir, parser.value(u"server-env"_s),
                                                   parser.value(u"catch-up"_s).toInt()));
    }
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
