// SPDX-License-Identifier: GPL-3.0-or-later
// Archive catch-up on the fake transport with a real encrypted store: paging,
// de-duplication against live messages, and resuming after an interruption.
#include "sync/MamCatchUp.h"
#include "sync/MessagePipeline.h"

#include "store/MessageStore.h"
#include "store/StoreWorker.h"
#include "xmpp/extensions/MamExtension.h"
#include "xmpp/extensions/MessagingExtension.h"

#include "ClientHarness.h"
#include "TestSupport.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::Element;

namespace {

QString result(const QString &queryId, const QString &archiveId, const QString &body,
               const QString &originId)
{
    return u"<message to='nurse@example.org/ward4' id='w-%2'>"
           u"<result xmlns='urn:xmpp:mam:2' queryid='%1' id='%2'>"
           u"<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' "
           u"stamp='2026-11-20T08:00:00Z'/><message xmlns='jabber:client' "
           u"from='doc@example.org/pager' to='nurse@example.org' type='chat' id='%4'>"
           u"<body>%3</body><origin-id xmlns='urn:xmpp:sid:0' id='%4'/></message></forwarded>"
           u"</result></message>"_s.arg(queryId, archiveId, body, originId);
}

QString fin(const QString &iqId, bool complete, const QString &last)
{
    return u"<iq type='result' id='%1'><fin xmlns='urn:xmpp:mam:2'%2><set "
           u"xmlns='http://jabber.org/protocol/rsm'><last>%3</last></set></fin></iq>"_s.arg(
               iqId, complete ? u" complete='true'"_s : QString(), last);
}

template<typename T>
T await(QFuture<T> future)
{
    TestSupport::waitFor(future);
    return future.result();
}

} // namespace

class tst_MamCatchUp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<Store::StoreWorker> m_worker;
    std::unique_ptr<Store::MessageStore> m_store;

    // The query the client just sent: its iq id, queryid and <after/>.
    struct Query
    {
        QString iqId, queryId, after;
        bool hasStart = false;
    };
    static std::optional<Query> takeQuery(ClientHarness &h)
    {
        std::optional<Query> q;
        (void)QTest::qWaitFor(
            [&] {
                const Element iq = h.takeSent(u"iq");
                const Element query = iq.firstChild(u"query", u"urn:xmpp:mam:2");
                if (query.isNull())
                    return false;
                Query out{
                    iq.attribute(u"id"), query.attribute(u"queryid"),
                    query.firstChild(u"set", u"http://jabber.org/protocol/rsm").childText(u"after"),
                    false};
                for (const Element &field :
                     query.firstChild(u"x", u"jabber:x:data").childrenNamed(u"field"))
                    out.hasStart |= field.attribute(u"var") == u"start";
                q = out;
                return true;
            },
            2000);
        return q;
    }

private Q_SLOTS:
    void init()
    {
        auto worker = await(Store::StoreWorker::open(
            m_dir.filePath(QString::number(QRandomGenerator::global()->generate()) + u".db"_s),
            QByteArray(32, 'k'), Store::Database::Mode::CreateNew));
        QVERIFY(worker);
        m_worker = *worker;
        m_store = std::make_unique<Store::MessageStore>(m_worker);
    }
    void cleanup()
    {
        m_store.reset();
        m_worker.reset();
    }

    void pagesResumeAfterAnInterruptionAndSkipDuplicates()
    {
        ClientHarness h;
        auto &mam = h.client.addExtension<Xmpp::MamExtension>();
        auto &messaging = h.client.addExtension<Xmpp::MessagingExtension>();
        QVERIFY(h.login(true));
        Sync::MessagePipeline pipeline(Core::Jid(u"nurse@example.org"_s), *m_store);
        QObject::connect(&messaging, &Xmpp::MessagingExtension::messageReceived, &pipeline,
                         &Sync::MessagePipeline::ingestLive);
        Sync::MamCatchUp catchUp(h.client, mam, pipeline, *m_store);

        // One message already arrived live: the archive's copy must not double it.
        h.transport.inject(u"<message from='doc@example.org/pager' to='nurse@example.org/ward4' "
                           u"type='chat' id='o2'><body>two</body>"
                           u"<origin-id xmlns='urn:xmpp:sid:0' id='o2'/></message>"_s);

        auto first = catchUp.run();
        auto q = takeQuery(h);
        QVERIFY(q);
        QVERIFY(q->after.isEmpty());
        QVERIFY(q->hasStart); // a new device looks back a bounded window
        h.transport.inject(result(q->queryId, u"a1"_s, u"one"_s, u"o1"_s));
        h.transport.inject(result(q->queryId, u"a2"_s, u"two"_s, u"o2"_s));
        h.transport.inject(fin(q->iqId, false, u"a2"_s));

        q = takeQuery(h);
        QVERIFY(q);
        QCOMPARE(q->after, u"a2"_s);
        // The link dies in the middle of the second page.
        h.transport.inject(result(q->queryId, u"a3"_s, u"three"_s, u"o3"_s));
        QVERIFY(h.dropAndResume());
        const auto interrupted = await(first);
        QVERIFY(!interrupted);
        QCOMPARE(*await(m_store->setting(Sync::MamCatchUp::PositionKey.toString())), u"a2"_s);

        auto second = catchUp.run();
        q = takeQuery(h);
        QVERIFY(q);
        QCOMPARE(q->after, u"a2"_s);
        h.transport.inject(result(q->queryId, u"a3"_s, u"three"_s, u"o3"_s));
        h.transport.inject(fin(q->iqId, true, u"a3"_s));
        const auto report = await(second);
        QVERIFY(report);
        QCOMPARE(report->fetched, 1);
        QCOMPARE(report->stored, 1);

        const auto stored = await(m_store->messages(u"doc@example.org"_s, 0, 10));
        QVERIFY(stored);
        QStringList bodies;
        for (const auto &m : *stored)
            bodies.prepend(m.body);
        bodies.sort();
        QCOMPARE(bodies, (QStringList{u"one"_s, u"three"_s, u"two"_s})); // each once
        QCOMPARE(*await(m_store->setting(Sync::MamCatchUp::PositionKey.toString())), u"a3"_s);
    }

    void archivedMarkersAreHandedOnNotStored()
    {
        ClientHarness h;
        auto &mam = h.client.addExtension<Xmpp::MamExtension>();
        QVERIFY(h.login(true));
        Sync::MessagePipeline pipeline(Core::Jid(u"nurse@example.org"_s), *m_store);
        Sync::MamCatchUp catchUp(h.client, mam, pipeline, *m_store);
        QList<Xmpp::Message> signals_;
        QObject::connect(&catchUp, &Sync::MamCatchUp::archivedSignal, &catchUp,
                         [&](const Xmpp::Message &m) { signals_ << m; });
        auto run = catchUp.run();
        auto q = takeQuery(h);
        QVERIFY(q);
        h.transport.inject(
            u"<message to='nurse@example.org/ward4' id='w-m1'><result xmlns='urn:xmpp:mam:2' "
            u"queryid='%1' id='m1'><forwarded xmlns='urn:xmpp:forward:0'><delay "
            u"xmlns='urn:xmpp:delay' stamp='2026-11-20T08:00:00Z'/><message xmlns='jabber:client' "
            u"from='doc@example.org/pager' to='nurse@example.org' type='chat' id='mk1'>"
            u"<displayed xmlns='urn:xmpp:chat-markers:0' id='out-7'/></message></forwarded>"
            u"</result></message>"_s.arg(q->queryId));
        h.transport.inject(fin(q->iqId, true, u"m1"_s));
        const auto report = await(run);
        QVERIFY(report);
        QCOMPARE(report->stored, 0);
        QCOMPARE(signals_.size(), 1);
        QCOMPARE(signals_.first()
                     .element.firstChild(u"displayed", u"urn:xmpp:chat-markers:0")
                     .attribute(u"id"),
                 u"out-7"_s);
        QVERIFY(await(m_store->conversations())->isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_MamCatchUp)
#include "tst_MamCatchUp.moc"
