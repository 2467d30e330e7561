// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-bench: performance figures of the encrypted cache and the sync
// pipeline, printed as one JSON document. See docs/performance.md.
#include "DataGenerator.h"
#include "NetBench.h"

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

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(p * double(values.size() - 1) + 0.5);
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

QByteArray randomKey()
{
    const auto key = Crypto::randomKey();
    if (!key)
        die(u"no random key: "_s + key.error().detail);
    return key->view().toByteArray();
}

QJsonObject benchCache(const QString &dir, int total, int conversations, int queries)
{
    const QString path = dir + u"/bench.db"_s;
    const QByteArray key = randomKey();
    DataGenerator generator(20261124, conversations);
    QJsonObject out;

    {
        auto worker = await(Store::StoreWorker::open(path, key, Store::Database::Mode::CreateNew));
        if (!worker)
            die(u"open: "_s + worker.error().detail);
        Store::MessageStore store(*worker);
        QElapsedTimer timer;
        timer.start();
        const int batchSize = 1000;
        for (int done = 0; done < total; done += batchSize) {
            const auto result =
                await(store.insertMessages(generator.batch(std::min(batchSize, total - done))));
            if (!result)
                die(u"insert: "_s + result.error().detail);
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        out.insert(u"insert"_s, QJsonObject{{u"messages"_s, total},
                                            {u"conversations"_s, conversations},
                                            {u"batch"_s, batchSize},
                                            {u"seconds"_s, seconds},
                                            {u"messages_per_second"_s, double(total) / seconds},
                                            {u"ceiling_note"_s,
                                             u"reference: ~30k/s with FTS4, WAL, 4 KiB pages"_s}});
        (*worker)->close();
    }

    // Re-open as a starting app would and read the first page of the list.
    QElapsedTimer timer;
    timer.start();
    auto worker = await(Store::StoreWorker::open(path, key, Store::Database::Mode::OpenExisting));
    if (!worker)
        die(u"reopen: "_s + worker.error().detail);
    Store::MessageStore store(*worker);
    const auto list = await(store.conversations(50));
    const double openMs = double(timer.nsecsElapsed()) / 1e6;
    if (!list || list->isEmpty())
        die(u"conversation list empty after reopen"_s);
    out.insert(u"cold_open"_s, QJsonObject{{u"ms_to_first_conversation_page"_s, openMs},
                                           {u"rows"_s, int(list->size())},
                                           {u"note"_s, u"process-warm, OS cache warm"_s}});

    QList<double> single, prefix;
    for (int i = 0; i < queries; ++i) {
        const QString word = generator.searchWord(i % 2 ? i : 60 + i * 7);
        QElapsedTimer q;
        q.start();
        const auto hits = await(store.search(word, 50));
        single << double(q.nsecsElapsed()) / 1e6;
        if (!hits)
            die(u"search: "_s + hits.error().detail);
        const QString stem = word.left(std::max<qsizetype>(2, word.size() - 2)) + u'*';
        q.restart();
        const auto prefixHits = await(store.search(stem, 50));
        prefix << double(q.nsecsElapsed()) / 1e6;
        if (!prefixHits)
            die(u"prefix search: "_s + prefixHits.error().detail);
    }
    out.insert(u"search"_s, QJsonObject{{u"queries"_s, queries},
                                        {u"limit"_s, 50},
                                        {u"single_word_p50_ms"_s, percentile(single, 0.5)},
                                        {u"single_word_p95_ms"_s, percentile(single, 0.95)},
                                        {u"prefix_p50_ms"_s, percentile(prefix, 0.5)},
                                        {u"prefix_p95_ms"_s, percentile(prefix, 0.95)}});
    (*worker)->close();
    return out;
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
        {u"sends"_s, u"Messages for the send latency (default 200)."_s, u"n"_s, u"200"_s});
    parser.addOption(
        {u"server-env"_s, u"Env file of a running test server (scripts/servers.sh)."_s, u"file"_s});
    parser.addOption({u"skip-mam"_s, u"Leave out the catch-up figure (no server needed)."_s});
    parser.addOption(
        {u"dir"_s, u"Where to put the bench data (default: a temporary dir)."_s, u"dir"_s});
    parser.addOption({u"ceiling-only"_s, u"Only the in-process catch-up ceiling (profiling)."_s});
    parser.process(app);
    if (parser.isSet(u"ceiling-only"_s)) {
        QTemporaryDir scratch;
        const QJsonObject c =
            NetBench::ceiling(scratch.path(), parser.value(u"catch-up"_s).toInt());
        std::fputs(QJsonDocument(c).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }

    QTemporaryDir temp;
    const QString dir = parser.isSet(u"dir"_s) ? parser.value(u"dir"_s) : temp.path();
    QJsonObject out{{u"tool"_s, u"rounds-bench"_s},
                    {u"seed"_s, 20261124},
                    {u"cores"_s, QThread::idealThreadCount()}};
    const QJsonObject cache =
        benchCache(dir, parser.value(u"messages"_s).toInt(),
                   parser.value(u"conversations"_s).toInt(), parser.value(u"queries"_s).toInt());
    for (auto it = cache.begin(); it != cache.end(); ++it)
        out.insert(it.key(), it.value());
    if (!parser.isSet(u"skip-mam"_s)) {
        if (!parser.isSet(u"server-env"_s))
            die(u"--server-env is needed for the catch-up figure (or pass --skip-mam)"_s);
        const QString env = parser.value(u"server-env"_s);
        out.insert(u"mam_catch_up"_s,
                   NetBench::catchUp(dir, env, parser.value(u"catch-up"_s).toInt()));
        out.insert(u"reconnect"_s, NetBench::reconnect(dir, env, 10));
        out.insert(u"send"_s, NetBench::send(dir, env, parser.value(u"sends"_s).toInt()));
    }
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
