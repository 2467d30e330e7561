// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0313 archive queries with XEP-0059 paging on a fake transport.
#include "xmpp/extensions/MamExtension.h"
#include "xmpp/extensions/MessagingExtension.h"

#include "ClientHarness.h"
#include "TestSupport.h"

#include "xmpp/XmlStreamParser.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::Error;
using Xmpp::Element;
using Xmpp::MamPage;
using Xmpp::MamQuery;

namespace {

Element parse(const QString &xml)
{
    Xmpp::XmlStreamParser parser;
    const auto parsed = parser.feed(xml);
    return parsed && parsed->size() == 1 ? parsed->first() : Element();
}

QString result(const QString &queryId, const QString &archiveId, const QString &body,
               const QString &stamp, const QString &from = u"nurse@example.org"_s)
{
    return u"<message to='nurse@example.org/ward4' from='%5' id='w-%2'>"
           u"<result xmlns='urn:xmpp:mam:2' queryid='%1' id='%2'>"
           u"<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='%4'/>"
           u"<message xmlns='jabber:client' from='doc@example.org/pager' to='nurse@example.org' "
           u"type='chat' id='orig-%2'><body>%3</body></message></forwarded></result></message>"_s
               .arg(queryId, archiveId, body, stamp, from);
}

QString fin(const QString &iqId, bool complete, const QString &first, const QString &last,
            int count)
{
    return u"<iq type='result' id='%1'><fin xmlns='urn:xmpp:mam:2'%2>"
           u"<set xmlns='http://jabber.org/protocol/rsm'><first index='0'>%3</first>"
           u"<last>%4</last><count>%5</count></set></fin></iq>"_s.arg(
               iqId, complete ? u" complete='true'"_s : QString(), first, last,
               QString::number(count));
}

} // namespace

class tst_MamExtension : public QObject
{
    Q_OBJECT

    struct Setup
    {
        explicit Setup(Xmpp::ClientConfig config = ClientHarness::defaultConfig())
            : harness(std::move(config))
        {
        }
        ClientHarness harness;
        Xmpp::MamExtension &mam = harness.client.addExtension<Xmpp::MamExtension>();
        Xmpp::MessagingExtension &messaging =
            harness.client.addExtension<Xmpp::MessagingExtension>();
        QSignalSpy live{&messaging, &Xmpp::MessagingExtension::messageReceived};
        QSignalSpy unhandled{&harness.client, &Xmpp::Client::stanzaReceived};
    };

    // The query the client sent must be `expected` (with %1 the iq id, %2 the queryid).
    static bool sentQueryIs(ClientHarness &harness, const QString &expected, Element *sent)
    {
        *sent = harness.takeSent(u"iq");
        const QString queryId = sent->firstChild(u"query", u"urn:xmpp:mam:2").attribute(u"queryid");
        if (queryId.isEmpty()) {
            qWarning("no MAM query with a queryid sent");
            return false;
        }
        const Element want = parse(expected.arg(sent->attribute(u"id"), queryId));
        if (!(want == *sent)) {
            qWarning("sent query differs\n  actual:   %s\n  expected: %s",
                     qPrintable(sent->toXml()), qPrintable(want.toXml()));
            return false;
        }
        return true;
    }
    static QString queryIdOf(const Element &iq)
    {
        return iq.firstChild(u"query", u"urn:xmpp:mam:2").attribute(u"queryid");
    }

private Q_SLOTS:
    void pagesThroughOwnArchive()
    {
        Setup s;
        QVERIFY(s.harness.login());
        s.harness.takeSentStanzas();

        MamQuery query;
        query.max = 2;
        auto first = s.mam.queryPage(query);
        Element iq;
        QVERIFY(sentQueryIs(
            s.harness,
            u"<iq type='set' id='%1'><query xmlns='urn:xmpp:mam:2' queryid='%2'>"
            u"<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
            u"<value>urn:xmpp:mam:2</value></field></x>"
            u"<set xmlns='http://jabber.org/protocol/rsm'><max>2</max></set></query></iq>"_s,
            &iq));
        const QString q1 = queryIdOf(iq);
        s.harness.transport.inject(result(q1, u"a1"_s, u"one"_s, u"2024-03-01T08:00:00Z"_s));
        // Another query's result, and one claiming to be from our archive but sent
        // by someone else: both dropped.
        s.harness.transport.inject(
            result(u"other"_s, u"zz"_s, u"other"_s, u"2024-03-01T08:00:00Z"_s));
        s.harness.transport.inject(result(q1, u"evil"_s, u"forged"_s, u"2024-03-01T08:00:30Z"_s,
                                          u"mallory@evil.example"_s));
        s.harness.transport.inject(result(q1, u"evil2"_s, u"forged"_s, u"2024-03-01T08:00:30Z"_s,
                                          u"nurse@example.org/desk"_s));
        s.harness.transport.inject(
            result(q1, u"a2"_s, u"two"_s, u"2024-03-01T08:01:00.250+01:00"_s));
        QVERIFY(!first.isFinished());
        s.harness.transport.inject(fin(iq.attribute(u"id"), false, u"a1"_s, u"a2"_s, 3));
        QVERIFY(TestSupport::waitFor(first, std::chrono::seconds(2)));
        QVERIFY(first.result().has_value());
        const MamPage page1 = *first.result();
        QCOMPARE(page1.messages.size(), 2);
        QCOMPARE(page1.messages.at(0).archiveId, u"a1"_s);
        QCOMPARE(page1.messages.at(0).message.body, u"one"_s);
        QCOMPARE(page1.messages.at(0).message.id, u"orig-a1"_s);
        QCOMPARE(page1.messages.at(0).message.from.toString(), u"doc@example.org/pager"_s);
        QCOMPARE(page1.messages.at(0).stamp, QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC));
        QCOMPARE(page1.messages.at(1).archiveId, u"a2"_s);
        QCOMPARE(page1.messages.at(1).stamp,
                 QDateTime(QDate(2024, 3, 1), QTime(7, 1, 0, 250), Qt::UTC));
        QCOMPARE(page1.firstId, u"a1"_s);
        QCOMPARE(page1.lastId, u"a2"_s);
        QCOMPARE(page1.count, std::optional<int>(3));
        QVERIFY(!page1.complete);

        query.afterId = page1.lastId;
        auto second = s.mam.queryPage(query);
        QVERIFY(sentQueryIs(
            s.harness,
            u"<iq type='set' id='%1'><query xmlns='urn:xmpp:mam:2' queryid='%2'>"
            u"<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
            u"<value>urn:xmpp:mam:2</value></field></x>"
            u"<set xmlns='http://jabber.org/protocol/rsm'><max>2</max><after>a2</after></set>"
            u"</query></iq>"_s,
            &iq));
        const QString q2 = queryIdOf(iq);
        QVERIFY(q2 != q1);
        // A late result of the finished first query must not leak into the second.
        s.harness.transport.inject(result(q1, u"late"_s, u"late"_s, u"2024-03-01T08:02:00Z"_s));
        // Results without a from come from our own account.
        s.harness.transport.inject(
            u"<message><result xmlns='urn:xmpp:mam:2' queryid='%1' id='a3'>"
            u"<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' "
            u"stamp='2024-03-01T08:03:00Z'/><message xmlns='jabber:client' "
            u"from='nurse@example.org/desk' to='doc@example.org' type='chat' id='orig-a3'>"
            u"<body>three</body></message></forwarded></result></message>"_s.arg(q2));
        s.harness.transport.inject(fin(iq.attribute(u"id"), true, u"a3"_s, u"a3"_s, 3));
        QVERIFY(TestSupport::waitFor(second, std::chrono::seconds(2)));
        QVERIFY(second.result().has_value());
        const MamPage page2 = *second.result();
        QCOMPARE(page2.messages.size(), 1);
        QCOMPARE(page2.messages.first().archiveId, u"a3"_s);
        QCOMPARE(page2.messages.first().message.body, u"three"_s);
        QCOMPARE(page2.lastId, u"a3"_s);
        QVERIFY(page2.complete);

        // Archive results are never live messages, whether they matched or not.
        QCOMPARE(s.live.count(), 0);
        QCOMPARE(s.unhandled.count(), 0);
    }

    void sendsFiltersAndPagesBackwardsInARoomArchive()
    {
        Setup s;
        QVERIFY(s.harness.login());
        s.harness.takeSentStanzas();

        MamQuery query;
        query.with = Core::Jid(u"doc@example.org"_s);
        query.start = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
        query.end = QDateTime(QDate(2024, 3, 2), QTime(12, 30, 0, 500), Qt::UTC);
        query.beforeId = QString(); // newest page first
        query.max = 10;
        query.archive = Core::Jid(u"icu@rooms.example.org"_s);
        auto future = s.mam.queryPage(query);
        Element iq;
        QVERIFY(sentQueryIs(
            s.harness,
            u"<iq type='set' id='%1' to='icu@rooms.example.org'>"
            u"<query xmlns='urn:xmpp:mam:2' queryid='%2'>"
            u"<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
            u"<value>urn:xmpp:mam:2</value></field>"
            u"<field var='with'><value>doc@example.org</value></field>"
            u"<field var='start'><value>2024-03-01T00:00:00Z</value></field>"
            u"<field var='end'><value>2024-03-02T12:30:00.500Z</value></field></x>"
            u"<set xmlns='http://jabber.org/protocol/rsm'><max>10</max><before/></set>"
            u"</query></iq>"_s,
            &iq));
        const QString q = queryIdOf(iq);
        // From the room: accepted. From our own account or without from: not the
        // archive we asked, dropped.
        s.harness.transport.inject(
            result(q, u"r1"_s, u"room"_s, u"2024-03-01T09:00:00Z"_s, u"icu@rooms.example.org"_s));
        s.harness.transport.inject(result(q, u"own"_s, u"own"_s, u"2024-03-01T09:00:00Z"_s));
        s.harness.transport.inject(
            u"<message><result xmlns='urn:xmpp:mam:2' queryid='%1' id='nofrom'>"
            u"<forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client' "
            u"type='groupchat'><body>x</body></message></forwarded></result></message>"_s.arg(q));
        s.harness.transport.inject(
            u"<iq type='result' id='%1' from='icu@rooms.example.org'><fin xmlns='urn:xmpp:mam:2'>"
            u"<set xmlns='http://jabber.org/protocol/rsm'><first>r1</first><last>r1</last>"
            u"</set></fin></iq>"_s.arg(iq.attribute(u"id")));
        QVERIFY(TestSupport::waitFor(future, std::chrono::seconds(2)));
        QVERIFY(future.result().has_value());
        const MamPage page = *future.result();
        QCOMPARE(page.messages.size(), 1);
        QCOMPARE(page.messages.first().archiveId, u"r1"_s);
        QCOMPARE(page.firstId, u"r1"_s);
        QVERIFY(!page.complete);
        QCOMPARE(page.count, std::nullopt);
        QCOMPARE(s.live.count(), 0);
        QCOMPARE(s.unhandled.count(), 0);
    }

    void dropsMalformedResults()
    {
        Setup s;
        QVERIFY(s.harness.login());
        auto future = s.mam.queryPage({});
        const Element iq = s.harness.takeSent(u"iq");
        const QString q = queryIdOf(iq);
        // No archive id; no forwarded message.
        s.harness.transport.inject(
            u"<message from='nurse@example.org'><result xmlns='urn:xmpp:mam:2' queryid='%1'>"
            u"<forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client'>"
            u"<body>x</body></message></forwarded></result></message>"_s.arg(q));
        s.harness.transport.inject(
            u"<message from='nurse@example.org'><result "
            u"xmlns='urn:xmpp:mam:2' queryid='%1' id='b'/></message>"_s.arg(q));
        s.harness.transport.inject(u"<iq type='result' id='%1'><fin xmlns='urn:xmpp:mam:2' "
                                   u"complete='true'/></iq>"_s.arg(iq.attribute(u"id")));
        QVERIFY(TestSupport::waitFor(future, std::chrono::seconds(2)));
        QVERIFY(future.result().has_value());
        QVERIFY(future.result()->messages.isEmpty());
        QVERIFY(future.result()->complete);
        QCOMPARE(s.live.count(), 0);
        QCOMPARE(s.unhandled.count(), 0);
    }

    void errorIqIsAStanzaError()
    {
        Setup s;
        QVERIFY(s.harness.login());
        auto future = s.mam.queryPage(MamQuery{.afterId = u"gone"_s});
        const Element iq = s.harness.takeSent(u"iq");
        s.harness.transport.inject(
            result(queryIdOf(iq), u"a1"_s, u"one"_s, u"2024-03-01T08:00:00Z"_s));
        s.harness.transport.inject(
            u"<iq type='error' id='%1'><error type='cancel'><item-not-found "
            u"xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s.arg(
                iq.attribute(u"id")));
        QVERIFY(TestSupport::waitFor(future, std::chrono::seconds(2)));
        QVERIFY(!future.result().has_value());
        QCOMPARE(future.result().error().code, Error::Code::Stanza);
        QVERIFY(future.result().error().detail.contains(u"item-not-found"_s));
        // The failed query's state is gone: its results are dropped from now on.
        s.harness.transport.inject(
            result(queryIdOf(iq), u"a2"_s, u"two"_s, u"2024-03-01T08:00:00Z"_s));
        QCOMPARE(s.live.count(), 0);
        QCOMPARE(s.unhandled.count(), 0);
    }

    void unansweredQueryTimesOut()
    {
        auto config = ClientHarness::defaultConfig();
        config.iqTimeoutMs = 100;
        Setup s(config);
        QVERIFY(s.harness.login());
        auto future = s.mam.queryPage({});
        const Element iq = s.harness.takeSent(u"iq");
        QVERIFY(!iq.isNull());
        QVERIFY(TestSupport::waitFor(future, std::chrono::seconds(2)));
        QVERIFY(!future.result().has_value());
        QCOMPARE(future.result().error().code, Error::Code::Timeout);
        // The archive answering late changes nothing.
        s.harness.transport.inject(
            result(queryIdOf(iq), u"a1"_s, u"one"_s, u"2024-03-01T08:00:00Z"_s));
        QCOMPARE(s.live.count(), 0);
        QCOMPARE(s.unhandled.count(), 0);
    }

    void lostConnectionFailsTheQuery()
    {
        Setup s;
        QVERIFY(s.harness.login());
        auto future = s.mam.queryPage({});
        s.harness.transport.drop();
        QVERIFY(TestSupport::waitFor(future, std::chrono::seconds(2)));
        QVERIFY(!future.result().has_value());
        QCOMPARE(future.result().error().code, Error::Code::Network);
    }

    void rejectsAfterTogetherWithBefore()
    {
        Setup s;
        QVERIFY(s.harness.login());
        s.harness.takeSentStanzas();
        auto future = s.mam.queryPage(MamQuery{.afterId = u"a"_s, .beforeId = u"b"_s});
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().code, Error::Code::Stanza);
        QVERIFY(s.harness.expectNothingSent());
    }

    void resultsWithoutAQueryAreNotLiveMessages()
    {
        Setup s;
        QVERIFY(s.harness.login());
        s.harness.transport.inject(
            result(u"q-none"_s, u"a1"_s, u"one"_s, u"2024-03-01T08:00:00Z"_s));
        QCOMPARE(s.live.count(), 0);
        QCOMPARE(s.unhandled.count(), 0);
    }

    void advertisesFeature()
    {
        Setup s;
        QCOMPARE(s.mam.discoFeatures(), QStringList{u"urn:xmpp:mam:2"_s});
    }
};

QTEST_GUILESS_MAIN(tst_MamExtension)
#include "tst_MamExtension.moc"
