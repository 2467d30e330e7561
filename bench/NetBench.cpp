// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-bench, the figures that need a server: archive catch-up of legacy OMEMO
// messages (with its in-process ceiling), FAST reconnect and send latency.
#include "NetBench.h"

#include "BenchSupport.h"
#include "DataGenerator.h"
#include "MemoryOmemoStorage.h"

#include "account/Account.h"
#include "crypto/OmemoEngine.h"
#include "store/MessageStore.h"
#include "store/OmemoStateStore.h"
#include "store/StoreWorker.h"
#include "sync/MamCatchUp.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/Client.h"
#include "xmpp/extensions/MessagingExtension.h"
#include "xmpp/extensions/OmemoElements.h"
#include "xmpp/extensions/PubSubExtension.h"
#include "xmpp/extensions/RosterExtension.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageAuthenticationCode>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using Xmpp::Omemo::Version;

namespace NetBench {

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
    poll.start(1);
    if (!done())
        loop.exec();
    return done();
}

using Bench::await;
using Bench::die;
using Bench::percentile;

template<typename T>
T check(Core::Result<T> result, const QString &what)
{
    if (!result)
        die(what + u": "_s + result.error().detail);
    if constexpr (!std::is_void_v<T>)
        return std::move(*result);
}

struct Env
{
    QHash<QString, QString> values;
    QString dir; ///< where the env file is (per-server bench state goes there)

    std::pair<QString, QString> account(const QString &key, int index) const
    {
        const QStringList accounts = values.value(key).split(u' ', Qt::SkipEmptyParts);
        if (accounts.size() <= index)
            die(u"server env file lists too few accounts in "_s + key);
        const QString pair = accounts.at(index);
        const qsizetype colon = pair.indexOf(u':');
        return {pair.left(colon), pair.mid(colon + 1)};
    }
    Account::AccountSettings settings(const QString &jid, const QString &resource) const
    {
        Account::AccountSettings s;
        s.jid = Core::Jid(jid);
        s.serverUrl = QUrl(values.value(u"ROUNDS_SERVER_URL"_s));
        s.caFile = values.value(u"ROUNDS_SERVER_CA"_s);
        s.resource = resource;
        return s;
    }
};

Env readEnv(const QString &path)
{
    Env env;
    env.dir = QFileInfo(path).absolutePath();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        die(u"cannot read server env file "_s + path);
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            env.values.insert(line.left(eq), line.mid(eq + 1));
    }
    return env;
}

Account::LocalDataOptions localData(const QString &dir)
{
    Account::LocalDataOptions local;
    local.dataDir = dir;
    local.passphrase = u"bench passphrase"_s;
    local.fastKdfForTests = true;
    return local;
}

/// A bench-side OMEMO device (not a Rounds installation): keys in memory.
struct FakeDevice
{
    std::unique_ptr<TestSupport::MemoryOmemoStorage> storage =
        std::make_unique<TestSupport::MemoryOmemoStorage>();
    std::unique_ptr<Crypto::OmemoEngine> engine;

    explicit FakeDevice(const QString &jid)
    {
        engine = check(Crypto::OmemoEngine::open(*storage, jid), u"fake device"_s);
    }
};

QFuture<Core::Result<void>> publishOpen(Xmpp::PubSubExtension &pubsub, const QString &node,
                                        const QString &item, const Xmpp::Element &payload)
{
    return pubsub.publish(node, item, payload,
                          {{u"access_model"_s, u"open"_s}, {u"max_items"_s, u"max"_s}});
}

/// A chat stanza as another client sends it: origin-id, legacy <encrypted/>.
Xmpp::Element legacyStanza(const QString &to, const Xmpp::Omemo::Encrypted &encrypted)
{
    Xmpp::Message message;
    message.to = Core::Jid(to);
    message.id = Xmpp::Client::newId();
    message.originId = message.id;
    Xmpp::Element stanza = message.toElement();
    Xmpp::Omemo::attachEncrypted(stanza, encrypted, u"[OMEMO encrypted]"_s);
    return stanza;
}

Xmpp::Omemo::Encrypted encryptLegacy(Crypto::OmemoEngine &engine, const QString &to, quint32 rid,
                                     const QString &body)
{
    auto result =
        check(engine.encrypt(Version::Legacy, {{to, rid}}, body.toUtf8()), u"legacy encrypt"_s);
    if (result.encrypted.keys.isEmpty())
        die(u"legacy encrypt produced no key (no session?)"_s);
    return result.encrypted;
}

// ---- catch-up ------------------------------------------------------------------

/// The same workload without the network: a fresh store and OMEMO identity on
/// the store thread, a fake sender device with an established session, and the
/// messages as archive results would give them, through the pipeline in
/// batches the store worker takes one after the other.
QJsonObject catchUpCeiling(const QString &dir, const QString &senderJid, const QString &receiverJid,
                           int total, int batchSize)
{
    const auto key = check(Crypto::randomKey(), u"random key"_s);
    auto worker =
        check(await(Store::StoreWorker::open(dir + u"/ceiling.db"_s, key.view().toByteArray(),
                                             Store::Database::Mode::CreateNew)),
              u"ceiling store"_s);
    Store::MessageStore store(worker);
    struct State
    {
        std::unique_ptr<Store::OmemoStateStore> storage;
        std::unique_ptr<Crypto::OmemoEngine> engine;
    };
    auto state = std::make_shared<State>();
    const auto bundle =
        check(await(worker->run(
                  [state, receiverJid](Store::Database &db) -> Core::Result<Xmpp::Omemo::Bundle> {
                      state->storage = std::make_unique<Store::OmemoStateStore>(db);
                      auto engine = Crypto::OmemoEngine::open(*state->storage, receiverJid);
                      if (!engine)
                          return std::unexpected(engine.error());
                      state->engine = std::move(*engine);
                      return state->engine->bundle(Version::Legacy);
                  })),
              u"ceiling engine"_s);
    const quint32 rid = await(worker->run([state](Store::Database &) -> Core::Result<quint32> {
                            return state->engine->deviceId();
                        })).value();
    // The decryptor of OmemoService, legacy branch.
    store.setDecryptor([state](Store::Database &, Store::StoredMessage &m) -> Core::Result<bool> {
        auto decrypted = state->engine->decrypt(*m.encrypted, Core::Jid(m.sender).bareString());
        if (!decrypted)
            return std::unexpected(decrypted.error());
        if (!decrypted->plaintext)
            return false;
        m.body = QString::fromUtf8(*decrypted->plaintext);
        m.senderDevice = decrypted->sender.deviceId;
        m.protection = Store::Protection::Encrypted;
        return true;
    });
    Sync::MessagePipeline pipeline(Core::Jid(receiverJid), store);

    FakeDevice sender(senderJid);
    check(sender.engine->processBundle(Version::Legacy, receiverJid, bundle), u"ceiling bundle"_s);
    const auto asArchived = [&](const Xmpp::Element &stanza) {
        Xmpp::Element copy = stanza;
        copy.setAttribute(u"from"_s, senderJid + u"/bench"_s);
        auto message = Xmpp::Message::fromElement(copy);
        return pipeline.toStored(*message, false);
    };
    // Session confirmed both ways: a first (pre-key) message, then a heartbeat back.
    DataGenerator warmUp(8, 1);
    check(await(pipeline.ingestBatch({asArchived(legacyStanza(
              receiverJid, encryptLegacy(*sender.engine, receiverJid, rid, warmUp.next().body)))})),
          u"ceiling warm-up"_s);
    const quint32 sid = sender.engine->deviceId();
    const auto heartbeat =
        check(await(worker->run([state, senderJid, sid](Store::Database &) {
                  return state->engine->encrypt(Version::Legacy, {{senderJid, sid}}, std::nullopt);
              })),
              u"ceiling heartbeat"_s);
    check(sender.engine->decrypt(heartbeat.encrypted, receiverJid), u"heartbeat decrypt"_s);

    DataGenerator generator(7, 1);
    QList<Xmpp::Element> stanzas;
    stanzas.reserve(total);
    for (int i = 0; i < total; ++i)
        stanzas << legacyStanza(
            receiverJid, encryptLegacy(*sender.engine, receiverJid, rid, generator.next().body));

    QElapsedTimer timer;
    timer.start();
    QFuture<Core::Result<QList<Store::InsertOutcome>>> last;
    for (int done = 0; done < total; done += batchSize) {
        QList<Store::StoredMessage> batch;
        for (int i = done; i < std::min(total, done + batchSize); ++i)
            batch << asArchived(stanzas.at(i));
        last = pipeline.ingestBatch(batch);
    }
    check(await(last), u"ceiling insert"_s);
    const auto list = check(await(store.conversations(50)), u"ceiling list"_s);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    await(worker->run([state](Store::Database &) -> Core::Result<void> {
        state->engine.reset();
        state->storage.reset();
        return {};
    }));
    worker->close();
    return QJsonObject{{u"messages"_s, total},
                       {u"batch"_s, batchSize},
                       {u"seconds"_s, seconds},
                       {u"messages_per_second"_s, double(total) / seconds},
                       {u"unread"_s, list.isEmpty() ? 0 : list.first().unread},
                       {u"workload"_s, u"stanza to row, legacy OMEMO decrypt, de-duplication, "
                                       u"insert with FTS4 and summary; batches queued back to "
                                       u"back on the store thread"_s}};
}

} // namespace

QJsonObject ceiling(const QString &dir, int total)
{
    return catchUpCeiling(dir, u"bob@bench.invalid"_s, u"alice@bench.invalid"_s, total, 500);
}

QJsonObject catchUp(const QString &dir, const QString &envFile, int total)
{
    const Env env = readEnv(envFile);
    const auto [receiverJid, receiverPassword] = env.account(u"ROUNDS_SERVER_ACCOUNTS"_s, 0);
    const auto [senderJid, senderPassword] = env.account(u"ROUNDS_SERVER_ACCOUNTS"_s, 1);
    const auto local = localData(dir + u"/catchup"_s);

    Account::Account sender(env.settings(senderJid, u"bench-sender"_s));
    if (auto r = await(sender.signIn(senderPassword)); !r)
        die(u"sender sign in: "_s + r.error().detail);
    FakeDevice device(senderJid);
    // Heartbeats (key transports) the receiver sends back to the fake device.
    bool confirmed = false;
    QObject::connect(&sender.client(), &Xmpp::Client::stanzaReceived, &sender.client(),
                     [&](const Xmpp::Element &stanza) {
                         if (stanza.name() != u"message")
                             return;
                         auto encrypted = Xmpp::Omemo::encryptedFromMessage(stanza);
                         if (!encrypted || encrypted->version != Version::Legacy)
                             return;
                         if (device.engine->decrypt(*encrypted, receiverJid))
                             confirmed = true;
                     });

    // The receiver's device learns its archive position, publishes its keys and
    // gets the first message of the sender's device (a pre-key message) live.
    quint32 rid = 0;
    {
        Account::Account receiver(env.settings(receiverJid, u"bench"_s));
        if (auto r = await(receiver.openLocalData(local)); !r)
            die(u"open local data: "_s + r.error().detail);
        if (auto r = await(receiver.signIn(receiverPassword)); !r)
            die(u"sign in: "_s + r.error().detail);
        if (!waitUntil([&] { return receiver.omemo()->isPublished(); }, 60000))
            die(u"receiver keys not published"_s);
        waitUntil([&] { return !receiver.catchUp()->isRunning(); }, 600000);
        rid = receiver.omemo()->deviceId();
        const auto items =
            check(await(sender.pubsub().items(Core::Jid(receiverJid),
                                              Xmpp::Omemo::bundleNode(Version::Legacy, rid),
                                              Xmpp::Omemo::bundleItemId(Version::Legacy, rid))),
                  u"receiver bundle"_s);
        std::optional<Xmpp::Omemo::Bundle> bundle;
        for (const auto &item : items)
            bundle = Xmpp::Omemo::bundleFromElement(item.payload, Version::Legacy, rid);
        if (!bundle)
            die(u"receiver has no legacy bundle"_s);
        check(device.engine->processBundle(Version::Legacy, receiverJid, *bundle),
              u"receiver bundle"_s);
        DataGenerator warmUp(8, 1);
        sender.client().send(legacyStanza(
            receiverJid, encryptLegacy(*device.engine, receiverJid, rid, warmUp.next().body)));
        waitUntil([&] { return confirmed; }, 15000);
        // Our position moves past the warm-up message too.
        (void)await(receiver.catchUp()->run());
        receiver.signOut();
        waitUntil([&] { return receiver.client().state() == Xmpp::Client::State::Disconnected; },
                  5000);
    }
    // Bursts from the other account's device while the receiver is away.
    {
        int acked = 0;
        QObject::connect(&sender.client(), &Xmpp::Client::stanzaAcknowledged, &sender.client(),
                         [&](const QString &) { ++acked; });
        DataGenerator generator(7, 1);
        for (int i = 0; i < total; ++i) {
            sender.client().send(
                legacyStanza(receiverJid, encryptLegacy(*device.engine, receiverJid, rid,
                                                        generator.next().body)));
            if (i % 200 == 199)
                waitUntil([&] { return acked >= i - 400; }, 60000);
        }
        waitUntil([&] { return acked >= total; }, 600000);
        sender.signOut();
        waitUntil([&] { return sender.client().state() == Xmpp::Client::State::Disconnected; },
                  5000);
    }

    Account::Account receiver(env.settings(receiverJid, u"bench"_s));
    if (auto r = await(receiver.openLocalData(local)); !r)
        die(u"reopen local data: "_s + r.error().detail);
    int stored = 0, decrypted = 0;
    QObject::connect(receiver.pipeline(), &Sync::MessagePipeline::messagesStored,
                     receiver.pipeline(), [&](const QList<Store::StoredMessage> &messages) {
                         for (const auto &m : messages) {
                             if (m.direction != Store::Direction::Incoming)
                                 continue;
                             ++stored;
                             decrypted += m.protection != Store::Protection::Undecryptable &&
                                          !m.body.isEmpty();
                         }
                     });
    // The server's own CPU time for the catch-up, from its pid file: what the
    // server can deliver limits the figure as much as the client does.
    qint64 serverPid = 0;
    {
        QFile pidFile(env.values.value(u"ROUNDS_SERVER_PIDFILE"_s));
        if (pidFile.open(QIODevice::ReadOnly))
            serverPid = pidFile.readAll().trimmed().toLongLong();
    }
    const double serverCpuStart = Bench::processCpuSeconds(serverPid);
    const double clientCpuStart = Bench::cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    if (auto r = await(receiver.signIn(receiverPassword)); !r)
        die(u"sign in again: "_s + r.error().detail);
    const double signInMs = double(timer.nsecsElapsed()) / 1e6;
    if (!waitUntil([&] { return stored >= total; }, 600000))
        die(u"catch-up stored only "_s + QString::number(stored));
    const auto list = check(await(receiver.messageStore()->conversations(50)), u"list"_s);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double clientCpu = Bench::cpuSeconds() - clientCpuStart;
    const double serverCpuEnd = Bench::processCpuSeconds(serverPid);
    const double serverCpu =
        serverCpuStart >= 0 && serverCpuEnd >= 0 ? serverCpuEnd - serverCpuStart : -1;
    const int unread = list.isEmpty() ? 0 : list.first().unread;
    waitUntil([&] { return !receiver.catchUp()->isRunning(); }, 60000);
    receiver.signOut();
    waitUntil([&] { return receiver.client().state() == Xmpp::Client::State::Disconnected; }, 5000);

    const QJsonObject ceiling = catchUpCeiling(dir, senderJid, receiverJid, total, 500);
    const double rate = double(stored) / seconds;
    return QJsonObject{
        {u"server"_s, env.values.value(u"ROUNDS_SERVER_KIND"_s)},
        {u"messages_sent"_s, total},
        {u"stored"_s, stored},
        {u"decrypted"_s, decrypted},
        {u"unread_in_list"_s, unread},
        {u"session_confirmed_before_burst"_s, confirmed},
        {u"ms_sign_in"_s, signInMs},
        {u"seconds_sign_in_to_all_stored_and_listed"_s, seconds},
        {u"messages_per_second"_s, rate},
        {u"in_process_ceiling"_s, ceiling},
        {u"ratio_to_ceiling"_s, rate / ceiling.value(u"messages_per_second"_s).toDouble()},
        {u"client_cpu_seconds"_s, clientCpu},
        {u"server_cpu_seconds"_s, serverCpu},
        {u"server_cpu_share_of_wall"_s, serverCpu >= 0 ? serverCpu / seconds : -1.0},
        {u"server_messages_per_cpu_second"_s, serverCpu > 0 ? double(stored) / serverCpu : -1.0},
        {u"workload"_s, u"legacy OMEMO, one established session, 200-byte class bodies (seed 7), "
                        u"sent in bursts of 200 while the receiver was offline"_s}};
}

// ---- reconnect -----------------------------------------------------------------

namespace {

QByteArray base32Decode(const QString &text)
{
    QByteArray out;
    quint64 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        const char ch = char(c.toUpper().toLatin1());
        int value = -1;
        if (ch >= 'A' && ch <= 'Z')
            value = ch - 'A';
        else if (ch >= '2' && ch <= '7')
            value = ch - '2' + 26;
        if (value < 0)
            continue;
        buffer = (buffer << 5) | quint64(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    return out;
}

QString totp(const QString &secret, qint64 stepsAhead = 0)
{
    const qint64 counter = QDateTime::currentSecsSinceEpoch() / 30 + stepsAhead;
    QByteArray message(8, 0);
    for (int i = 7; i >= 0; --i)
        message[i] = char((counter >> (8 * (7 - i))) & 0xff);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(message, base32Decode(secret), QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 code =
        (quint32(uchar(mac.at(offset)) & 0x7f) << 24) | (quint32(uchar(mac.at(offset + 1))) << 16) |
        (quint32(uchar(mac.at(offset + 2))) << 8) | quint32(uchar(mac.at(offset + 3)));
    return QString::number(code % 1000000).rightJustified(6, u'0');
}

} // namespace

QJsonObject reconnect(const QString &dir, const QString &envFile, int rounds)
{
    const Env env = readEnv(envFile);
    const auto [jid, password] = env.account(u"ROUNDS_SERVER_CLINIC_ACCOUNTS"_s, 13);
    // The account's TOTP secret from its enrolment (kept with the server).
    const QString secretFile = env.dir + u"/bench-totp-"_s + jid;
    QString secret;
    if (QFile f(secretFile); f.open(QIODevice::ReadOnly))
        secret = QString::fromUtf8(f.readAll()).trimmed();

    Account::Account account(env.settings(jid, u"bench"_s));
    QObject::connect(&account, &Account::Account::secondFactorRequired, &account,
                     [&](Xmpp::SecondFactorTask task, const QString &uri) {
                         if (task == Xmpp::SecondFactorTask::Enrolment) {
                             secret = QUrlQuery(QUrl(uri)).queryItemValue(u"secret"_s);
                             QFile f(secretFile);
                             if (f.open(QIODevice::WriteOnly))
                                 f.write(secret.toUtf8());
                         }
                         if (secret.isEmpty())
                             die(u"TOTP code asked, secret unknown (remove "_s + secretFile +
                                 u" and use a fresh server)"_s);
                         (void)account.provideSecondFactor(totp(secret));
                     });
    if (auto r = await(account.openLocalData(localData(dir + u"/reconnect"_s))); !r)
        die(u"open local data: "_s + r.error().detail);
    if (auto r = await(account.signIn(password)); !r)
        die(u"clinic sign in: "_s + r.error().detail);
    waitUntil([&] { return !account.catchUp()->isRunning(); }, 60000);
    waitUntil([&] { return account.omemo()->isPublished(); }, 30000);

    QList<double> times, sessionTimes;
    int tokenRounds = 0;
    for (int i = 0; i < rounds; ++i) {
        account.signOut();
        waitUntil([&] { return account.client().state() == Xmpp::Client::State::Disconnected; },
                  5000);
        QElapsedTimer timer;
        timer.start();
        bool started = false;
        double sessionMs = 0;
        auto conn =
            QObject::connect(&account.client(), &Xmpp::Client::sessionStarted, &account, [&](bool) {
                started = true;
                sessionMs = double(timer.nsecsElapsed()) / 1e6;
            });
        const auto signedIn = await(account.signIn(QString()));
        if (!signedIn)
            die(u"token sign in: "_s + signedIn.error().detail);
        tokenRounds += account.client().authSummary().fastToken ? 1 : 0;
        // Roster and the conversation list with unread counts.
        auto list = account.messageStore()->conversations(500);
        waitUntil([&] { return started && account.roster().isLoaded(); }, 10000);
        check(await(list), u"conversation list"_s);
        times << double(timer.nsecsElapsed()) / 1e6;
        sessionTimes << sessionMs;
        QObject::disconnect(conn);
        waitUntil([&] { return !account.catchUp()->isRunning(); }, 60000);
    }
    account.signOut();
    waitUntil([&] { return account.client().state() == Xmpp::Client::State::Disconnected; }, 5000);
    return QJsonObject{{u"rounds"_s, rounds},
                       {u"fast_token_rounds"_s, tokenRounds},
                       {u"p50_ms_to_roster_and_unread"_s, percentile(times, 0.5)},
                       {u"max_ms_to_roster_and_unread"_s, percentile(times, 1.0)},
                       {u"p50_ms_to_session"_s, percentile(sessionTimes, 0.5)},
                       {u"workload"_s, u"clinic account (SASL2 + FAST), signOut then signIn with "
                                       u"the token alone, WebSocket over TLS on loopback"_s}};
}

// ---- send ----------------------------------------------------------------------

QJsonObject send(const QString &dir, const QString &envFile, int sends)
{
    const Env env = readEnv(envFile);
    const auto [senderJid, senderPassword] = env.account(u"ROUNDS_SERVER_ACCOUNTS"_s, 2);
    const auto [peerJid, peerPassword] = env.account(u"ROUNDS_SERVER_ACCOUNTS"_s, 3);

    // The recipient: five devices speaking OMEMO 2, published from one connection.
    {
        Account::Account peer(env.settings(peerJid, u"bench-devices"_s));
        if (auto r = await(peer.signIn(peerPassword)); !r)
            die(u"peer sign in: "_s + r.error().detail);
        QList<quint32> ids;
        for (int i = 0; i < 5; ++i) {
            FakeDevice device(peerJid);
            const quint32 id = device.engine->deviceId();
            ids << id;
            const auto bundle = check(device.engine->bundle(Version::V2), u"bundle"_s);
            check(await(publishOpen(peer.pubsub(), Xmpp::Omemo::bundleNode(Version::V2, id),
                                    Xmpp::Omemo::bundleItemId(Version::V2, id),
                                    Xmpp::Omemo::bundleToElement(bundle, Version::V2))),
                  u"publish bundle"_s);
        }
        check(await(publishOpen(peer.pubsub(), Xmpp::Omemo::deviceListNode(Version::V2),
                                u"current"_s, Xmpp::Omemo::deviceListToElement(ids, Version::V2))),
              u"publish device list"_s);
        check(
            await(publishOpen(peer.pubsub(), Xmpp::Omemo::deviceListNode(Version::Legacy),
                              u"current"_s, Xmpp::Omemo::deviceListToElement({}, Version::Legacy))),
            u"publish legacy list"_s);
        peer.signOut();
        waitUntil([&] { return peer.client().state() == Xmpp::Client::State::Disconnected; }, 5000);
    }

    Account::Account account(env.settings(senderJid, u"bench"_s));
    if (auto r = await(account.openLocalData(localData(dir + u"/send"_s))); !r)
        die(u"open local data: "_s + r.error().detail);
    if (auto r = await(account.signIn(senderPassword)); !r)
        die(u"sign in: "_s + r.error().detail);
    if (!waitUntil([&] { return account.omemo()->isPublished(); }, 60000))
        die(u"keys not published"_s);
    waitUntil([&] { return !account.catchUp()->isRunning(); }, 600000);
    // Our own devices: this one and two others (OMEMO 2).
    {
        QList<quint32> own{account.omemo()->deviceId()};
        for (int i = 0; i < 2; ++i) {
            FakeDevice device(senderJid);
            const quint32 id = device.engine->deviceId();
            own << id;
            const auto bundle = check(device.engine->bundle(Version::V2), u"bundle"_s);
            check(await(publishOpen(account.pubsub(), Xmpp::Omemo::bundleNode(Version::V2, id),
                                    Xmpp::Omemo::bundleItemId(Version::V2, id),
                                    Xmpp::Omemo::bundleToElement(bundle, Version::V2))),
                  u"publish own bundle"_s);
        }
        check(await(publishOpen(account.pubsub(), Xmpp::Omemo::deviceListNode(Version::V2),
                                u"current"_s, Xmpp::Omemo::deviceListToElement(own, Version::V2))),
              u"publish own list"_s);
        check(await(publishOpen(account.pubsub(), Xmpp::Omemo::deviceListNode(Version::Legacy),
                                u"current"_s,
                                Xmpp::Omemo::deviceListToElement({own.first()}, Version::Legacy))),
              u"publish own legacy list"_s);
    }
    const auto devices = check(await(account.omemo()->devices(Core::Jid(peerJid))), u"devices"_s);

    QHash<QString, qint64> ackedAt;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&account.client(), &Xmpp::Client::stanzaAcknowledged, &account,
                     [&](const QString &id) { ackedAt.insert(id, clock.nsecsElapsed()); });
    QStringList failed;
    QObject::connect(account.outbox(), &Sync::Outbox::sendFailed, &account,
                     [&](const QString &id, const Core::Error &) { failed << id; });

    DataGenerator generator(9, 1);
    QList<double> latencies, commits;
    // The first send builds the seven sessions; it is reported on its own.
    double firstMs = 0;
    for (int i = 0; i <= sends; ++i) {
        const QString body = generator.next().body;
        const qint64 start = clock.nsecsElapsed();
        const auto committed =
            check(await(account.outbox()->send(Core::Jid(peerJid), body)), u"send"_s);
        const double commitMs = double(clock.nsecsElapsed() - start) / 1e6;
        if (!waitUntil([&] { return ackedAt.contains(committed.messageId) || !failed.isEmpty(); },
                       30000))
            die(u"send not acknowledged"_s);
        if (!failed.isEmpty())
            die(u"send failed"_s);
        const double ms = double(ackedAt.value(committed.messageId) - start) / 1e6;
        if (i == 0) {
            firstMs = ms;
            continue;
        }
        latencies << ms;
        commits << commitMs;
    }
    account.signOut();
    waitUntil([&] { return account.client().state() == Xmpp::Client::State::Disconnected; }, 5000);
    return QJsonObject{{u"sends"_s, sends},
                       {u"recipient_devices"_s, int(devices.size())},
                       {u"own_devices"_s, 3},
                       {u"first_send_ms_with_session_setup"_s, firstMs},
                       {u"commit_p50_ms"_s, percentile(commits, 0.5)},
                       {u"p50_ms"_s, percentile(latencies, 0.5)},
                       {u"p99_ms"_s, percentile(latencies, 0.99)},
                       {u"max_ms"_s, percentile(latencies, 1.0)},
                       {u"measured"_s,
                        u"Outbox::send call to the server's <a/> for the stanza (an upper bound "
                        u"of send-to-wire: includes the loopback round trip)"_s}};
}

} // namespace NetBench
