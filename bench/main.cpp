// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-bench: performance figures of the encrypted cache and the sync
// pipeline, printed as one JSON document. See docs/performance.md.
#include "BenchSupport.h"
#include "DataGenerator.h"
#include "NetBench.h"
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

using Bench::die;

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
    parser.addOption({u"scroll"_s, u"Messages the desktop app scrolls through (default 10000)."_s,
                      u"n"_s, u"10000"_s});
    parser.addOption({u"skip-desktop"_s, u"Leave out the desktop app's start and memory."_s});
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
        const QString env = parser.value(u"server-env"_s);
        out.insert(u"mam_catch_up"_s,
                   NetBench::catchUp(dir, env, parser.value(u"catch-up"_s).toInt()));
        out.insert(u"reconnect"_s, NetBench::reconnect(dir, env, 10));
        out.insert(u"send"_s, NetBench::send(dir, env, parser.value(u"sends"_s).toInt()));
    }
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
