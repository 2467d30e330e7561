// SPDX-License-Identifier: GPL-3.0-or-later
// The clinical tables of the store (migration 0007): acknowledgements stop
// escalations, recall deletes text and its search entry, the purge deletes
// expired rows everywhere they were.
#include "store/ClinicalStore.h"
#include "store/MessageStore.h"
#include "store/StoreWorker.h"

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

StoredMessage message(const QString &peer, Direction direction, const QString &body,
                      const QString &id, const QDateTime &ts = QDateTime::currentDateTimeUtc())
{
    StoredMessage m;
    m.conversation = peer;
    m.direction = direction;
    m.sender = direction == Direction::Incoming ? peer : u"me@h"_s;
    m.messageId = id;
    m.originId = id;
    m.timestamp = ts;
    m.body = body;
    m.state = direction == Direction::Incoming ? MessageState::Received : MessageState::Sent;
    return m;
}

} // namespace

class tst_ClinicalStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<StoreWorker> m_worker;
    std::unique_ptr<MessageStore> m_messages;
    std::unique_ptr<ClinicalStore> m_store;

    qint64 insert(StoredMessage m)
    {
        auto outcomes = await(m_messages->insertMessages({m}));
        if (!outcomes || outcomes->size() != 1)
            return 0;
        return outcomes->first().rowId;
    }
    int searchHits(const QString &word)
    {
        auto hits = await(m_messages->search(word));
        return hits ? int(hits->size()) : -1;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path =
            m_dir.filePath(QString::number(QRandomGenerator::global()->generate()) + u".db"_s);
        auto worker =
            await(StoreWorker::open(path, QByteArray(32, 'k'), Database::Mode::CreateNew));
        QVERIFY(worker);
        m_worker = *worker;
        m_messages = std::make_unique<MessageStore>(m_worker);
        m_store = std::make_unique<ClinicalStore>(m_worker);
    }
    void cleanup()
    {
        m_store.reset();
        m_messages.reset();
        m_worker.reset();
    }

    void clinicalColumnsRoundTrip()
    {
        StoredMessage m = message(u"ana@h"_s, Direction::Incoming, u"page"_s, u"o1"_s);
        m.priority = 2;
        m.expiresAt = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
        m.escalationOf = u"first"_s;
        m.escalationStep = 1;
        QVERIFY(insert(m) > 0);
        auto back = await(m_store->findByOriginId(u"ana@h"_s, u"o1"_s));
        QVERIFY(back && *back);
        QCOMPARE((*back)->priority, 2);
        QCOMPARE((*back)->expiresAt, m.expiresAt);
        QCOMPARE((*back)->escalationOf, u"first"_s);
        QCOMPARE((*back)->escalationStep, 1);
        QVERIFY(!(*back)->recalled);
        // Another conversation's message with that id is not this one.
        QVERIFY(!*await(m_store->findByOriginId(u"ben@h"_s, u"o1"_s)));
    }

    // What still waits for our acknowledgement after a restart: incoming
    // urgent/STAT only, not acknowledged by us, not recalled, not expired.
    void unacknowledgedAfterRestart()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        StoredMessage stat = message(u"ana@h"_s, Direction::Incoming, u"stat"_s, u"u1"_s);
        stat.priority = 2;
        StoredMessage urgent = message(u"ana@h"_s, Direction::Incoming, u"urgent"_s, u"u2"_s);
        urgent.priority = 1;
        StoredMessage routine = message(u"ana@h"_s, Direction::Incoming, u"routine"_s, u"u3"_s);
        StoredMessage ours = message(u"ana@h"_s, Direction::Outgoing, u"ours"_s, u"u4"_s);
        ours.priority = 2;
        StoredMessage expired = message(u"ana@h"_s, Direction::Incoming, u"old"_s, u"u5"_s);
        expired.priority = 2;
        expired.expiresAt = now.addSecs(-60);
        StoredMessage recalled = message(u"ben@h"_s, Direction::Incoming, u"oops"_s, u"u6"_s);
        recalled.priority = 2;
        StoredMessage ackedElsewhere = message(u"ben@h"_s, Direction::Incoming, u"seen"_s, u"u7"_s);
        ackedElsewhere.priority = 1;
        const qint64 statRow = insert(stat);
        QVERIFY(statRow > 0 && insert(urgent) > 0 && insert(routine) > 0 && insert(ours) > 0);
        QVERIFY(insert(expired) > 0);
        const qint64 recalledRow = insert(recalled), ackedRow = insert(ackedElsewhere);
        QVERIFY(recalledRow > 0 && ackedRow > 0);
        QVERIFY(await(m_store->recall(recalledRow)));
        QVERIFY(await(m_store->recordAck(ackedRow, u"me@h"_s, now)));
        // Someone else's acknowledgement does not count as ours.
        QVERIFY(await(m_store->recordAck(statRow, u"other@h"_s, now)));

        const auto waiting = await(m_store->unacknowledged(u"me@h"_s, now));
        QVERIFY2(waiting, waiting ? "" : qPrintable(waiting.error().detail));
        QStringList ids;
        for (const auto &[id, at] : std::as_const(*waiting))
            ids << id;
        QCOMPARE(ids, (QStringList{u"u1"_s, u"u2"_s}));
    }

    void ackOfAnEscalatedCopyStopsTheOriginal()
    {
        const qint64 original =
            insert(message(u"ana@h"_s, Direction::Outgoing, u"stat page"_s, u"orig"_s));
        StoredMessage copy = message(u"dee@h"_s, Direction::Outgoing, u"stat page"_s, u"copy"_s);
        copy.escalationOf = u"orig"_s;
        copy.escalationStep = 1;
        const qint64 escalated = insert(copy);
        const QDateTime due = QDateTime::currentDateTimeUtc().addSecs(60);
        QVERIFY(await(m_store->scheduleEscalation(original, u"oncall"_s, 1, due)));
        auto pending = await(m_store->pendingEscalations());
        QVERIFY(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().originId, u"orig"_s);
        QCOMPARE(pending->first().role, u"oncall"_s);
        QCOMPARE(pending->first().nextStep, 1);
        QCOMPARE(pending->first().due, due);

        const QDateTime at = QDateTime::currentDateTimeUtc();
        auto outcome = await(m_store->recordAck(escalated, u"dee@h"_s, at));
        QVERIFY(outcome);
        QVERIFY(outcome->fresh);
        QCOMPARE(outcome->original, original);
        QVERIFY(await(m_store->pendingEscalations())->isEmpty());
        auto again = await(m_store->recordAck(escalated, u"dee@h"_s, at));
        QVERIFY(!again->fresh);
        QCOMPARE(again->original, 0);
        auto acks = await(m_store->acknowledgements(escalated));
        QCOMPARE(acks->size(), 1);
        QCOMPARE(acks->first(), (Acknowledgement{u"dee@h"_s, at}));
    }

    void escalatedCopiesAndForwards()
    {
        const qint64 original =
            insert(message(u"ana@h"_s, Direction::Outgoing, u"stat page"_s, u"orig2"_s));
        StoredMessage copy = message(u"dee@h"_s, Direction::Outgoing, u"stat page"_s, u"copy2"_s);
        copy.escalationOf = u"orig2"_s;
        copy.escalationStep = 1;
        const qint64 escalated = insert(copy);
        StoredMessage incoming = message(u"eve@h"_s, Direction::Incoming, u"x"_s, u"in2"_s);
        incoming.escalationOf = u"orig2"_s; // someone else's escalation: not ours to recall
        insert(incoming);
        auto copies = await(m_store->escalatedCopies(u"orig2"_s));
        QVERIFY(copies);
        QCOMPARE(copies->size(), 1);
        QCOMPARE(copies->first().rowId, escalated);

        QVERIFY(!*await(m_store->forwardOf(original)));
        StoredMessage pending = message(u"fay@h"_s, Direction::Outgoing, u"fw"_s, u"fw2"_s);
        pending.state = MessageState::Pending;
        const qint64 forwarded = insert(pending);
        const ForwardSource source{u"ana@h"_s, u"orig2"_s};
        QVERIFY(await(m_store->recordForward(forwarded, source)));
        QCOMPARE(**await(m_store->forwardOf(forwarded)), source);
        auto waiting = await(m_store->pendingForwards());
        QVERIFY(waiting);
        QCOMPARE(waiting->size(), 1);
        QCOMPARE(waiting->first().first, u"fw2"_s);
        QCOMPARE(waiting->first().second, source);
    }

    void forwardSourcesOfAPage()
    {
        QList<qint64> page;
        for (int i = 0; i < 6; ++i)
            page.append(insert(
                message(u"gus@h"_s, Direction::Incoming, u"page %1"_s.arg(i), u"pg%1"_s.arg(i))));
        // A forward outside the rows asked for, though inside their id range.
        const qint64 elsewhere =
            insert(message(u"hal@h"_s, Direction::Outgoing, u"other"_s, u"pgx"_s));
        const qint64 last = insert(message(u"gus@h"_s, Direction::Incoming, u"last"_s, u"pg6"_s));
        page.append(last);
        const ForwardSource fromAna{u"ana@h"_s, u"a1"_s};
        const ForwardSource fromRoom{u"ward3@rooms.h"_s, u"r7"_s};
        QVERIFY(await(m_store->recordForward(page[1], fromAna)));
        QVERIFY(await(m_store->recordForward(page[4], fromRoom)));
        QVERIFY(await(m_store->recordForward(elsewhere, fromAna)));

        auto sources = await(m_store->forwardSources(page));
        QVERIFY(sources);
        QCOMPARE(sources->size(), 2);
        QCOMPARE(sources->value(page[1]), fromAna);
        QCOMPARE(sources->value(page[4]), fromRoom);
        QVERIFY(!sources->contains(elsewhere));
        QVERIFY(!sources->contains(last));

        // Nothing asked, nothing found.
        auto none = await(m_store->forwardSources({}));
        QVERIFY(none && none->isEmpty());
        auto single = await(m_store->forwardSources({page[4]}));
        QVERIFY(single);
        QCOMPARE(single->size(), 1);
        QCOMPARE(single->value(page[4]), fromRoom);
    }

    void recallDeletesTextAndSearchEntry()
    {
        const qint64 row =
            insert(message(u"ana@h"_s, Direction::Incoming, u"potassium critical"_s, u"r1"_s));
        QCOMPARE(searchHits(u"potassium"_s), 1);
        QVERIFY(await(m_store->recall(row)));
        QCOMPARE(searchHits(u"potassium"_s), 0);
        auto back = await(m_store->findByOriginId(u"ana@h"_s, u"r1"_s));
        QVERIFY((*back)->recalled);
        QVERIFY((*back)->body.isEmpty());
        auto list = await(m_messages->conversations());
        QCOMPARE(list->size(), 1);
        QVERIFY(list->first().lastBody.isEmpty()); // no preview of recalled text
        QVERIFY(!await(m_store->recall(row + 100)));
    }

    void purgeDeletesExpiredAndOldRows()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        StoredMessage expired =
            message(u"ana@h"_s, Direction::Incoming, u"bloodwork expired"_s, u"e1"_s);
        expired.expiresAt = now.addSecs(-1);
        StoredMessage later =
            message(u"ana@h"_s, Direction::Incoming, u"bloodwork later"_s, u"e2"_s);
        later.expiresAt = now.addSecs(3600);
        const StoredMessage old =
            message(u"ben@h"_s, Direction::Incoming, u"bloodwork old"_s, u"e3"_s, now.addDays(-40));
        const StoredMessage fresh =
            message(u"ben@h"_s, Direction::Outgoing, u"bloodwork fresh"_s, u"e4"_s);
        const qint64 expiredRow = insert(expired);
        insert(later);
        insert(old);
        insert(fresh);
        QCOMPARE(searchHits(u"bloodwork"_s), 4);

        auto purged = await(m_store->purge(now, 0)); // no retention: expiry only
        QVERIFY(purged);
        QCOMPARE(*purged, 1);
        QCOMPARE(searchHits(u"bloodwork"_s), 3);
        QVERIFY(!*await(m_messages->messageById(u"e1"_s)));
        // The row and its search entry are gone from the file, not just hidden.
        auto raw = await(m_worker->run([expiredRow](Database &db) -> Core::Result<qint64> {
            auto q = db.prepare("SELECT (SELECT COUNT(*) FROM messages WHERE id = ?1) +"
                                " (SELECT COUNT(*) FROM messages_fts_0 WHERE docid = ?1)");
            if (!q)
                return std::unexpected(q.error());
            (*q)->bind(1, expiredRow);
            auto row = (*q)->step();
            const qint64 n = row && *row ? (*q)->int64(0) : -1;
            (*q)->reset();
            return n;
        }));
        QCOMPARE(*raw, 0);

        purged = await(m_store->purge(now, 30)); // retention: 30 days
        QCOMPARE(*purged, 1);
        QVERIFY(!*await(m_messages->messageById(u"e3"_s)));
        QVERIFY(*await(m_messages->messageById(u"e4"_s)));
        QCOMPARE(*await(m_store->purge(now, 30)), 0);

        // The expiry of the later one comes.
        QCOMPARE(*await(m_store->purge(now.addSecs(3601), 30)), 1);
        auto list = await(m_messages->conversations());
        QCOMPARE(list->size(), 1); // ana's conversation had nothing left
        QCOMPARE(list->first().conversation, u"ben@h"_s);
        QCOMPARE(list->first().lastBody, u"bloodwork fresh"_s);
    }
};

QTEST_GUILESS_MAIN(tst_ClinicalStore)
#include "tst_ClinicalStore.moc"
