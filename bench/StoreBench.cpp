// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreBench.h"

#include "BenchSupport.h"
#include "DataGenerator.h"

#include "account/Account.h"
#include "store/MessageStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QProcess>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace StoreBench {

namespace {

const QString BenchJid = u"bench@bench.example"_s;
const QString BenchPassphrase = u"bench passphrase"_s;

using Bench::await;
using Bench::cpuSeconds;
using Bench::die;
using Bench::percentile;

Account::LocalDataOptions localData(const QString &dir)
{
    Account::LocalDataOptions local;
    local.dataDir = dir;
    local.passphrase = BenchPassphrase;
    local.fastKdfForTests = true; // interactive Argon2id limits, stored in the key file
    return local;
}

std::unique_ptr<Account::Account> openAccount(const QString &dir)
{
    Account::AccountSettings settings;
    settings.jid = Core::Jid(BenchJid);
    auto account = std::make_unique<Account::Account>(settings);
    if (auto r = await(account->openLocalData(localData(dir))); !r)
        die(u"open local data: "_s + r.error().detail);
    return account;
}

// One conversation carries every 100th message on top of its share, so the
// desktop has 10,000 of one conversation to scroll through at 1M.
QList<Store::StoredMessage> nextBatch(DataGenerator &generator, int count, qint64 &counter)
{
    QList<Store::StoredMessage> batch = generator.batch(count);
    for (Store::StoredMessage &m : batch) {
        if (counter++ % 100 == 0) {
            m.conversation = generator.conversations().constFirst();
            if (m.direction == Store::Direction::Incoming)
                m.sender = m.conversation + u"/phone"_s;
        }
    }
    return batch;
}

QJsonObject insert(Store::MessageStore &store, const Options &o)
{
    DataGenerator generator(20261124, o.conversations);
    qint64 counter = 0;
    const int batchSize = 1000;
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = cpuSeconds();
    double lastTenthSeconds = 0;
    const int tenth = std::max(batchSize, o.messages / 10);
    // As a catch-up does, the next batch is made while the store writes the
    // previous one; one transaction at a time, each awaited before the next
    // is handed over.
    QList<Store::StoredMessage> next =
        nextBatch(generator, std::min(batchSize, o.messages), counter);
    for (int done = 0; done < o.messages; done += batchSize) {
        if (o.messages - done <= tenth && lastTenthSeconds == 0)
            lastTenthSeconds = -double(timer.nsecsElapsed()) / 1e9;
        auto writing = store.insertMessages(std::move(next));
        const int after = done + batchSize;
        next = after < o.messages
                   ? nextBatch(generator, std::min(batchSize, o.messages - after), counter)
                   : QList<Store::StoredMessage>();
        const auto result = await(writing);
        if (!result)
            die(u"insert: "_s + result.error().detail);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    lastTenthSeconds += seconds;
    const double cpu = cpuSeconds() - cpuStart;
    return QJsonObject{
        {u"workload"_s, u"%1 generated messages in %2 conversations, batches of %3, into the "
                        u"account's encrypted store (FTS4 search shards, de-duplication, "
                        u"summaries, synchronous=FULL)"_s.arg(o.messages)
                            .arg(o.conversations)
                            .arg(batchSize)},
        {u"messages"_s, o.messages},
        {u"seconds"_s, seconds},
        {u"messages_per_second"_s, double(o.messages) / seconds},
        {u"last_tenth_messages_per_second"_s,
         lastTenthSeconds > 0 ? double(tenth) / lastTenthSeconds : 0.0},
        {u"cpu_seconds"_s, cpu},
        {u"messages_per_cpu_second"_s, cpu > 0 ? double(o.messages) / cpu : 0.0},
        {u"ceiling"_s, u"~30k/s plain FTS4 insert with WAL and 4 KiB pages (shared/reference)"_s}};
}

QJsonObject search(Store::MessageStore &store, const Options &o)
{
    DataGenerator generator(20261124, o.conversations);
    QList<double> single, prefix;
    qint64 singleHits = 0, prefixHits = 0;
    for (int i = 0; i < o.queries; ++i) {
        const QString word = generator.searchWord(i % 2 ? i : 60 + i * 7);
        QElapsedTimer q;
        q.start();
        const auto hits = await(store.search(word, 50));
        single << double(q.nsecsElapsed()) / 1e6;
        if (!hits)
            die(u"search: "_s + hits.error().detail);
        singleHits += hits->size();
        const QString stem = word.left(std::max<qsizetype>(2, word.size() - 2)) + u'*';
        q.restart();
        const auto found = await(store.search(stem, 50));
        prefix << double(q.nsecsElapsed()) / 1e6;
        if (!found)
            die(u"prefix search: "_s + found.error().detail);
        prefixHits += found->size();
    }
    return QJsonObject{
        {u"workload"_s,
         u"%1 queries of each kind over the cache, 50 newest hits, words from "
         u"common to rare; prefix = the word less its last two letters"_s.arg(o.queries)},
        {u"queries"_s, o.queries},
        {u"limit"_s, 50},
        {u"single_word_p50_ms"_s, percentile(single, 0.5)},
        {u"single_word_p95_ms"_s, percentile(single, 0.95)},
        {u"prefix_p50_ms"_s, percentile(prefix, 0.5)},
        {u"prefix_p95_ms"_s, percentile(prefix, 0.95)},
        {u"mean_hits_single"_s, double(singleHits) / std::max(1, o.queries)},
        {u"mean_hits_prefix"_s, double(prefixHits) / std::max(1, o.queries)},
        {u"ceiling"_s, u"plain FTS4, one table: ~2.3 ms p50 / ~53 ms p95 single word"_s}};
}

QJsonObject desktop(const Options &o, const QString &dataDir, const QString &peer)
{
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString report = o.dir + u"/desktop-report.json"_s;
    QFile::remove(report);
    if (!env.contains(u"QT_QPA_PLATFORM"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // Its own settings and runtime dirs: nothing of a real user's, no single-instance clash.
    env.insert(u"XDG_CONFIG_HOME"_s, o.dir + u"/desktop-config"_s);
    env.insert(u"ROUNDS_BENCH_REPORT"_s, report);
    env.insert(u"ROUNDS_BENCH_DATA_DIR"_s, dataDir);
    env.insert(u"ROUNDS_BENCH_JID"_s, BenchJid);
    env.insert(u"ROUNDS_BENCH_PASSPHRASE"_s, BenchPassphrase);
    env.insert(u"ROUNDS_BENCH_PEER"_s, peer);
    env.insert(u"ROUNDS_BENCH_SCROLL"_s, QString::number(o.scroll));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.setStandardOutputFile(QProcess::nullDevice());
    env.insert(u"ROUNDS_BENCH_LAUNCH_MS"_s,
               QString::number(double(QDateTime::currentMSecsSinceEpoch()), 'f', 0));
    app.setProcessEnvironment(env);
    app.start(o.desktopBinary, {u"--new-instance"_s});
    if (!app.waitForStarted(30000) || !app.waitForFinished(600000))
        die(u"the desktop app did not run to the end"_s);
    QFile file(report);
    if (!file.open(QIODevice::ReadOnly))
        die(u"the desktop app wrote no report (exit %1)"_s.arg(app.exitCode()));
    QJsonObject out = QJsonDocument::fromJson(file.readAll()).object();
    out.insert(
        u"workload"_s,
        u"bin/rounds (%1) opens the cached account (%2 messages, passphrase custody with "
        u"interactive Argon2id limits) without connecting; time from launch to the first "
        u"frame swapped with rows in the conversation list, then one conversation scrolled "
        u"back by up to %3 messages; OS file cache warm"_s.arg(env.value(u"QT_QPA_PLATFORM"_s))
            .arg(o.messages)
            .arg(o.scroll));
    out.insert(u"targets"_s,
               u"first frame with conversations < 1000 ms; RSS after scrolling < 120 MiB"_s);
    out.insert(u"exit_code"_s, app.exitCode());
    return out;
}

} // namespace

QJsonObject run(const Options &o)
{
    const QString dataDir = o.dir + u"/account"_s;
    QJsonObject out;
    QString busiest;
    {
        auto account = openAccount(dataDir);
        Store::MessageStore &store = *account->messageStore();
        out.insert(u"insert"_s, insert(store, o));
        out.insert(u"search"_s, search(store, o));
        busiest = DataGenerator(20261124, o.conversations).conversations().constFirst();
    }
    // Re-open as a starting app would (KDF, open, migrate check) and read the
    // first page of the conversation list.
    {
        QElapsedTimer timer;
        timer.start();
        auto account = openAccount(dataDir);
        const auto list = await(account->messageStore()->conversations(50));
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!list || list->isEmpty())
            die(u"conversation list empty after reopen"_s);
        out.insert(
            u"cold_open"_s,
            QJsonObject{{u"workload"_s, u"in-process: unwrap the key (interactive Argon2id), "
                                        u"open the store, first 50 conversations"_s},
                        {u"ms_to_first_conversation_page"_s, ms},
                        {u"rows"_s, int(list->size())}});
    }
    if (!o.desktopBinary.isEmpty())
        out.insert(u"desktop"_s, desktop(o, dataDir, busiest));
    return out;
}

} // namespace StoreBench
