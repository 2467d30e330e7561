// SPDX-License-Identifier: GPL-3.0-or-later
// MessageStore on a real SQLCipher file: de-duplication, outbox, summaries,
// search, and no message text anywhere on disk.
#include "store/AuditStore.h"
#include "store/MessageRows.h"
#include "store/MessageStore.h"
#include "store/Migrations.h"
#include "store/StoreWorker.h"

#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Store;

namespace {

template<typename T>
T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

StoredMessage incoming(const QString &from, const QString &body, const QString &originId = {},
                       const QString &stanzaId = {})
{
    static int counter = 0;
    StoredMessage m;
    m.conversation = from;
    m.direction = Direction::Incoming;
    m.sender = from + u"/phone"_s;
    m.messageId = u"in-%1"_s.arg(++counter);
    m.originId = originId;
    m.stanzaId = stanzaId;
    m.timestamp = QDateTime::currentDateTimeUtc();
    m.body = body;
    m.state = MessageState::Received;
    return m;
}

StoredMessage outgoing(const QString &to, const QString &body, const QString &id)
{
    StoredMessage m;
    m.conversation = to;
    m.direction = Direction::Outgoing;
    m.sender = u"me@example.org"_s;
    m.messageId = id;
    m.originId = id;
    m.timestamp = QDateTime::currentDateTimeUtc();
    m.body = body;
    return m;
}

} // namespace

class tst_MessageStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<StoreWorker> m_worker;
    std::unique_ptr<MessageStore> m_store;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path =
            m_dir.filePath(QString::number(QRandomGenerator::global()->generate()) + u".db"_s);
        auto worker =
            await(StoreWorker::open(path, QByteArray(32, 'k'), Database::Mode::CreateNew));
        QVERIFY2(worker, qPrintable(worker ? QString() : worker.error().detail));
        m_worker = *worker;
        m_store = std::make_unique<MessageStore>(m_worker);
    }
    void cleanup()
    {
        m_store.reset();
        m_worker.reset();
    }

    void storesPagesAndSummarises()
    {
        QList<StoredMessage> batch;
        for (int i = 0; i < 120; ++i)
            batch << incoming(i % 2 ? u"ana@example.org"_s : u"ben@example.org"_s,
                              u"msg %1"_s.arg(i));
        auto outcomes = await(m_store->insertMessages(batch));
        QVERIFY(outcomes);
        QCOMPARE(outcomes->size(), 120);
        QVERIFY(
            std::none_of(outcomes->begin(), outcomes->end(), [](auto &o) { return o.duplicate; }));

        auto page = await(m_store->messages(u"ana@example.org"_s, 0, 50));
        QVERIFY(page);
        QCOMPARE(page->size(), 50);
        QCOMPARE(page->first().body, u"msg 119"_s); // newest first
        auto older = await(m_store->messages(u"ana@example.org"_s, page->last().rowId, 50));
        QVERIFY(older);
        QCOMPARE(older->size(), 10);
        QCOMPARE(older->last().body, u"msg 1"_s);

        auto list = await(m_store->conversations());
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        const auto ana = std::find_if(list->begin(), list->end(), [](auto &c) {
            return c.conversation == u"ana@example.org"_s;
        });
        QCOMPARE(ana->unread, 60);
        QCOMPARE(ana->lastBody, u"msg 119"_s);
        QVERIFY(await(m_store->markConversationRead(u"ana@example.org"_s)));
        list = await(m_store->conversations());
        QCOMPARE(std::find_if(list->begin(), list->end(),
                              [](auto &c) { return c.conversation == u"ana@example.org"_s; })
                     ->unread,
                 0);
        page = await(m_store->messages(u"ana@example.org"_s, 0, 1));
        QCOMPARE(page->first().state, MessageState::Read);
    }

    void markReadReachesEveryUnreadMessage()
    {
        const QString ben = u"ben@example.org"_s;
        const auto states = [&] {
            QList<MessageState> out;
            const auto page = await(m_store->messages(ben, 0, 50));
            for (const StoredMessage &m : *page)
                if (m.direction == Direction::Incoming)
                    out.append(m.state);
            return out;
        };
        const auto unreadOf = [&] {
            const auto list = await(m_store->conversations());
            for (const auto &c : *list)
                if (c.conversation == ben)
                    return c.unread;
            return -1;
        };
        QVERIFY(await(m_store->insertMessages({incoming(ben, u"one"_s), incoming(ben, u"two"_s),
                                               outgoing(ben, u"reply"_s, u"o-1"_s)})));
        QVERIFY(await(m_store->markConversationRead(ben)));
        QCOMPARE(states(), QList<MessageState>(2, MessageState::Read));
        // Unread messages between our own, and a second read with nothing new.
        QVERIFY(await(
            m_store->insertMessages({incoming(ben, u"three"_s), outgoing(ben, u"again"_s, u"o-2"_s),
                                     incoming(ben, u"four"_s)})));
        QCOMPARE(unreadOf(), 2);
        QCOMPARE(states().count(MessageState::Received), 2);
        QVERIFY(await(m_store->markConversationRead(ben)));
        QVERIFY(await(m_store->markConversationRead(ben)));
        QCOMPARE(unreadOf(), 0);
        QCOMPARE(states(), QList<MessageState>(4, MessageState::Read));
        // Other conversations keep their unread messages.
        QVERIFY(await(m_store->insertMessages({incoming(u"cleo@example.org"_s, u"hi"_s)})));
        QVERIFY(await(m_store->markConversationRead(ben)));
        const auto cleo = await(m_store->messages(u"cleo@example.org"_s, 0, 5));
        QCOMPARE(cleo->first().state, MessageState::Received);
    }

    void olderArchiveMessagesDoNotBecomeTheLatest()
    {
        StoredMessage recent = incoming(u"ana@example.org"_s, u"recent"_s);
        StoredMessage old = incoming(u"ana@example.org"_s, u"from last week"_s);
        old.timestamp = recent.timestamp.addDays(-7);
        QVERIFY(await(m_store->insertMessages({recent})));
        QVERIFY(await(m_store->insertMessages({old})));
        auto list = await(m_store->conversations());
        QCOMPARE(list->first().lastBody, u"recent"_s);
    }

    void deduplicates()
    {
        // by origin-id within a conversation
        auto first = await(m_store->insertMessages({incoming(u"ana@x"_s, u"a"_s, u"o1"_s)}));
        auto again =
            await(m_store->insertMessages({incoming(u"ana@x"_s, u"a"_s, u"o1"_s, u"s9"_s)}));
        QVERIFY(first && again);
        QVERIFY(!first->first().duplicate);
        QVERIFY(again->first().duplicate);
        QCOMPARE(again->first().rowId, first->first().rowId);
        // the live copy learned its archive id: the archive copy is a duplicate too
        auto archived = await(m_store->insertMessages({incoming(u"ana@x"_s, u"a"_s, {}, u"s9"_s)}));
        QVERIFY(archived->first().duplicate);
        // the same origin-id in another conversation is another message
        auto other = await(m_store->insertMessages({incoming(u"ben@x"_s, u"a"_s, u"o1"_s)}));
        QVERIFY(!other->first().duplicate);
        // by stanza-id alone
        auto s1 = await(m_store->insertMessages({incoming(u"ana@x"_s, u"b"_s, {}, u"s1"_s),
                                                 incoming(u"ana@x"_s, u"b"_s, {}, u"s1"_s)}));
        QVERIFY(!s1->at(0).duplicate);
        QVERIFY(s1->at(1).duplicate);
        // by message id and sender when nothing else identifies it
        StoredMessage bare = incoming(u"ana@x"_s, u"c"_s);
        auto b = await(m_store->insertMessages({bare, bare}));
        QVERIFY(!b->at(0).duplicate);
        QVERIFY(b->at(1).duplicate);
        auto all = await(m_store->messages(u"ana@x"_s, 0, 100));
        QCOMPARE(all->size(), 3);
    }

    void outboxLifecycle()
    {
        auto queued = await(m_store->enqueueOutgoing(outgoing(u"ana@x"_s, u"hello"_s, u"out-1"_s)));
        QVERIFY(queued);
        QCOMPARE(queued->state, MessageState::Pending);
        auto pending = await(m_store->pendingOutbox());
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().messageId, u"out-1"_s);

        QVERIFY(await(m_store->updateState(u"out-1"_s, MessageState::Sent)));
        QVERIFY(await(m_store->pendingOutbox())->isEmpty());
        QVERIFY(await(m_store->updateState(u"out-1"_s, MessageState::Read)));
        // an old receipt arriving late does not move it back
        QVERIFY(await(m_store->updateState(u"out-1"_s, MessageState::Delivered)));
        QCOMPARE((*await(m_store->messageById(u"out-1"_s)))->state, MessageState::Read);
        // nor can a read message fail
        QVERIFY(await(m_store->updateState(u"out-1"_s, MessageState::Failed)));
        QCOMPARE((*await(m_store->messageById(u"out-1"_s)))->state, MessageState::Read);
    }

    void bouncedMessageCanBeRetried()
    {
        QVERIFY(await(m_store->enqueueOutgoing(outgoing(u"ana@x"_s, u"hi"_s, u"out-2"_s))));
        QVERIFY(await(m_store->updateState(u"out-2"_s, MessageState::Sent)));
        QVERIFY(await(m_store->updateState(u"out-2"_s, MessageState::Failed))); // bounced later
        QCOMPARE((*await(m_store->messageById(u"out-2"_s)))->state, MessageState::Failed);
        QVERIFY(await(m_store->pendingOutbox())->isEmpty()); // failed is not pending
        QVERIFY(await(m_store->retry(u"out-2"_s)));
        auto pending = await(m_store->pendingOutbox());
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().state, MessageState::Pending);
        QVERIFY(!await(m_store->retry(u"out-2"_s))); // only failed messages can be retried
    }

    void searchFindsWordsAndPrefixesNewestFirst()
    {
        QVERIFY(await(m_store->insertMessages({incoming(u"ana@x"_s, u"Bed 12 needs review"_s),
                                               incoming(u"ana@x"_s, u"reviewed the chart"_s),
                                               incoming(u"ben@x"_s, u"bed 4 is free"_s),
                                               incoming(u"ben@x"_s, u"Échographie demain"_s)})));
        auto hits = await(m_store->search(u"bed"_s));
        QVERIFY(hits);
        QCOMPARE(hits->size(), 2);
        QCOMPARE(hits->first().body, u"bed 4 is free"_s); // newest first
        hits = await(m_store->search(u"review*"_s));
        QCOMPARE(hits->size(), 2);
        hits = await(m_store->search(u"bed review"_s)); // AND
        QCOMPARE(hits->size(), 1);
        hits = await(m_store->search(u"echographie"_s)); // unicode61 folds accents
        QCOMPARE(hits->size(), 1);
        hits = await(m_store->search(u"nothing-like-this"_s));
        QVERIFY(hits);
        QVERIFY(hits->isEmpty());
        hits = await(m_store->search(u"bed"_s, 1));
        QCOMPARE(hits->size(), 1);
    }

    void searchQueriesCannotInject_data()
    {
        QTest::addColumn<QString>("query");
        for (const QString &q : {u"\""_s, u"bed OR free"_s, u"bed NEAR free"_s, u"-bed"_s, u"*"_s,
                                 u"bed*)"_s, u"' OR 1=1 --"_s, u"body:bed"_s, u"^bed"_s, u""_s})
            QTest::newRow(qPrintable(q)) << q;
    }
    void searchQueriesCannotInject()
    {
        QFETCH(QString, query);
        QVERIFY(await(m_store->insertMessages(
            {incoming(u"ana@x"_s, u"bed free"_s), incoming(u"ana@x"_s, u"or near"_s)})));
        const auto hits = await(m_store->search(query));
        QVERIFY2(hits, qPrintable(hits ? QString() : hits.error().detail));
        // operators are plain words: "bed OR free" means bed AND or AND free
        if (query == u"bed OR free"_s)
            QVERIFY(hits->isEmpty());
        QCOMPARE(MessageStore::matchExpression(query).contains(u"OR"_s), query.contains(u"OR"_s));
    }

    void settingsRoundTrip()
    {
        QCOMPARE(await(m_store->setting(u"mam"_s)).value_or(u"x"_s), QString());
        QVERIFY(await(m_store->setSetting(u"mam"_s, u"abc"_s)));
        QVERIFY(await(m_store->setSetting(u"mam"_s, u"def"_s)));
        QCOMPARE(*await(m_store->setting(u"mam"_s)), u"def"_s);
    }

    void auditChainAppendsAndExports()
    {
        AuditStore audit(m_worker, u"me@example.org"_s);
        QVERIFY(await(audit.append(Core::AuditEntry::Action::Login, {})));
        auto second = await(audit.append(Core::AuditEntry::Action::Send, {u"out-9"_s, u"ana@x"_s}));
        QVERIFY(second);
        QCOMPARE(second->seq, 2u);
        QTemporaryDir exportDir; // an export is plain text by design: ids only
        const QString file = exportDir.filePath(u"audit.jsonl"_s);
        QCOMPARE(*await(audit.exportTo(file)), 2);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto report = Core::AuditChain::verifyJsonLines(f);
        QVERIFY(report.ok);
        QCOMPARE(report.entries, 2);
        const auto stored = await(audit.verifyStored());
        QVERIFY(stored && stored->ok);
    }

    // Search is split into shards of message ids (migration 0009); results
    // still come newest first across them, and deletions reach the right one.
    void searchSpansShardsNewestFirst()
    {
        const int total = 25000; // three shards of 10,000 ids
        QList<qint64> alphaRows;
        for (int done = 0; done < total; done += 1000) {
            QList<StoredMessage> batch;
            for (int i = done; i < done + 1000; ++i)
                batch << incoming(u"ana@x"_s, i % 1000 == 7 ? u"common alpha %1"_s.arg(i)
                                                            : u"common %1"_s.arg(i));
            auto outcomes = await(m_store->insertMessages(batch));
            QVERIFY(outcomes);
            alphaRows << outcomes->at(7).rowId;
        }
        auto shards = await(m_worker->run([](Database &db) -> Core::Result<qint64> {
            auto q = db.prepare("SELECT count(*) FROM search_shards");
            if (!q)
                return std::unexpected(q.error());
            auto row = (*q)->step();
            const qint64 n = row && *row ? (*q)->int64(0) : -1;
            (*q)->reset();
            return n;
        }));
        QVERIFY(shards);
        QCOMPARE(*shards, 3);

        auto hits = await(m_store->search(u"common"_s, 50));
        QVERIFY(hits);
        QCOMPARE(hits->size(), 50);
        QCOMPARE(hits->first().body, u"common %1"_s.arg(total - 1));
        for (qsizetype i = 1; i < hits->size(); ++i)
            QVERIFY(hits->at(i).rowId < hits->at(i - 1).rowId);
        hits = await(m_store->search(u"comm*"_s, 50));
        QCOMPARE(hits->size(), 50);
        hits = await(m_store->search(u"alpha"_s, 50)); // one per 1,000, all shards
        QCOMPARE(hits->size(), alphaRows.size());
        QCOMPARE(hits->first().rowId, alphaRows.last());
        QCOMPARE(hits->last().rowId, alphaRows.first());

        // Unindexing (recall, expiry) removes rows from whichever shard holds them.
        const QList<qint64> gone{alphaRows.first(), alphaRows.at(12), alphaRows.last()};
        QVERIFY(
            await(m_worker->run([gone](Database &db) { return MessageRows::unindex(db, gone); })));
        hits = await(m_store->search(u"alpha"_s, 50));
        QCOMPARE(hits->size(), alphaRows.size() - 3);
        for (const StoredMessage &m : std::as_const(*hits))
            QVERIFY(!gone.contains(m.rowId));
    }

    // A database from before migration 0009 (one messages_fts table) keeps its
    // search after the upgrade: the old table becomes shard 0.
    void upgradesSearchOfOlderDatabases()
    {
        QVERIFY(await(m_store->insertMessages(
            {incoming(u"ana@x"_s, u"old ward round"_s), incoming(u"ben@x"_s, u"old bed four"_s)})));
        // Back to search as schema 8 had it (one search table, no shard
        // registry), then the 0009 step exactly as an upgrade runs it. (Later
        // steps add columns, which SQLite cannot drop, so the schema version is
        // not wound back.)
        const Migration &step = migrations().at(8);
        QVERIFY(step.name.startsWith(u"0009"_s));
        const auto upgraded = await(m_worker->run([&step](Database &db) -> Core::Result<void> {
            if (auto back = db.exec("ALTER TABLE messages_fts_0 RENAME TO messages_fts;"
                                    " DROP TABLE search_shards; DROP INDEX messages_ts;");
                !back)
                return back;
            return db.exec(step.sql.constData());
        }));
        QVERIFY2(upgraded, qPrintable(upgraded ? QString() : upgraded.error().detail));
        const QString path =
            *await(m_worker->run([](Database &db) -> Core::Result<QString> { return db.path(); }));
        m_store.reset();
        m_worker->close();
        m_worker.reset();

        auto worker =
            await(StoreWorker::open(path, QByteArray(32, 'k'), Database::Mode::OpenExisting));
        QVERIFY2(worker, qPrintable(worker ? QString() : worker.error().detail));
        m_worker = *worker;
        m_store = std::make_unique<MessageStore>(m_worker);
        QCOMPARE(*await(m_worker->run(
                     [](Database &db) -> Core::Result<int> { return db.schemaVersion(); })),
                 int(migrations().size()));
        auto hits = await(m_store->search(u"old"_s));
        QVERIFY(hits);
        QCOMPARE(hits->size(), 2);
        QVERIFY(await(m_store->insertMessages({incoming(u"ana@x"_s, u"new old note"_s)})));
        hits = await(m_store->search(u"old"_s));
        QCOMPARE(hits->size(), 3);
        QCOMPARE(hits->first().body, u"new old note"_s);
    }

    void noMessageTextOnDisk()
    {
        const QString canary =
            u"CANARY-bed-%1-review"_s.arg(QRandomGenerator::global()->generate());
        QVERIFY(await(m_store->insertMessages({incoming(u"ana@x"_s, canary)})));
        QVERIFY(
            await(m_store->enqueueOutgoing(outgoing(u"ana@x"_s, canary + u" out"_s, u"o-9"_s))));
        QVERIFY(await(m_store->search(u"canary"_s))->size() == 2);
        m_store.reset();
        m_worker->close();
        m_worker.reset();
        const QByteArray utf8 = canary.toUtf8();
        const QByteArray utf16(reinterpret_cast<const char *>(canary.utf16()), canary.size() * 2);
        int files = 0;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            ++files;
            QVERIFY2(!bytes.contains(utf8), qPrintable(f.fileName()));
            QVERIFY2(!bytes.contains(utf16), qPrintable(f.fileName()));
            QVERIFY2(!bytes.contains("ana@x"), qPrintable(f.fileName()));
        }
        QVERIFY(files >= 1);
    }
};

QTEST_GUILESS_MAIN(tst_MessageStore)
#include "tst_MessageStore.moc"
