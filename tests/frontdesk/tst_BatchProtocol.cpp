// SPDX-License-Identifier: GPL-3.0-or-later
// The front-desk protocol's paging and change events (docs/frontdesk.md,
// Protocol): status-request max/after/watch, the status's <page/> and
// <total/>, <changed/>; each round-trips, and malformed ones are refused.
#include "frontdesk/BatchProtocol.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace FrontDesk;
using Store::ReminderState;

namespace {

Xmpp::Element parsed(const QString &xml)
{
    const auto element = Protocol::elementFromBody(xml);
    return element ? *element : Xmpp::Element(u"none"_s);
}

QString ns()
{
    return Protocol::Namespace.toString();
}

} // namespace

class tst_BatchProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagedStatusRequestRoundTrips()
    {
        const Protocol::StatusRequest request{u"r1"_s, u"b1"_s, 200, 815, true};
        const QString xml = Protocol::toElement(Protocol::Request(request)).toXml();
        QCOMPARE(Protocol::toElement(Protocol::Request(request)).attribute(u"max"), u"200"_s);
        auto back = Protocol::parseRequest(parsed(xml));
        QVERIFY(back);
        const auto &r = std::get<Protocol::StatusRequest>(*back);
        QCOMPARE(r.id, u"r1"_s);
        QCOMPARE(r.batch, u"b1"_s);
        QCOMPARE(r.max, 200);
        QCOMPARE(r.after, 815);
        QVERIFY(r.watch);
    }

    void unpagedStatusRequestIsWhatOlderClientsSend()
    {
        const Protocol::StatusRequest request{u"r2"_s, {}};
        const QString xml = Protocol::toElement(Protocol::Request(request)).toXml();
        QVERIFY(!xml.contains(u"max"_s));
        QVERIFY(!xml.contains(u"after"_s));
        QVERIFY(!xml.contains(u"watch"_s));
        auto back =
            Protocol::parseRequest(parsed(u"<status-request xmlns='%1' id='old'/>"_s.arg(ns())));
        QVERIFY(back);
        const auto &r = std::get<Protocol::StatusRequest>(*back);
        QCOMPARE(r.max, 0);
        QCOMPARE(r.after, 0);
        QVERIFY(!r.watch);
    }

    void malformedStatusRequestsAreRefused_data()
    {
        QTest::addColumn<QString>("attributes");
        QTest::addColumn<QString>("detail");
        QTest::newRow("max zero") << u"max='0'"_s << u"status-request-max"_s;
        QTest::newRow("max negative") << u"max='-5'"_s << u"status-request-max"_s;
        QTest::newRow("max text") << u"max='many'"_s << u"status-request-max"_s;
        QTest::newRow("max huge") << u"max='99999999999'"_s << u"status-request-max"_s;
        QTest::newRow("after text") << u"max='10' after='x'"_s << u"status-request-after"_s;
        QTest::newRow("after zero") << u"max='10' after='0'"_s << u"status-request-after"_s;
        QTest::newRow("after unpaged") << u"after='7'"_s << u"status-request-after"_s;
        QTest::newRow("watch") << u"watch='maybe'"_s << u"status-request-watch"_s;
    }

    void malformedStatusRequestsAreRefused()
    {
        QFETCH(QString, attributes);
        QFETCH(QString, detail);
        auto back = Protocol::parseRequest(
            parsed(u"<status-request xmlns='%1' id='r' %2/>"_s.arg(ns(), attributes)));
        QVERIFY(!back);
        QCOMPARE(back.error().detail, u"frontdesk-malformed:"_s + detail);
    }

    void pageAndTotalsRoundTrip()
    {
        Protocol::Status status;
        status.id = u"s1"_s;
        Store::ReminderRecord r;
        r.id = 9;
        r.batch = u"b"_s;
        r.line = 2;
        r.patient = u"ana@example.org"_s;
        r.state = ReminderState::Confirmed;
        status.reminders = {r};
        status.page = Protocol::Page{815, 412, 9, false};
        status.totals = {{ReminderState::Scheduled, 400}, {ReminderState::Confirmed, 12}};
        auto back =
            Protocol::parseAnswer(parsed(Protocol::toElement(Protocol::Answer(status)).toXml()));
        QVERIFY(back);
        const auto &s = std::get<Protocol::Status>(*back);
        QCOMPARE(s.reminders.size(), 1);
        QVERIFY(s.page.has_value());
        QCOMPARE(*s.page, (Protocol::Page{815, 412, 9, false}));
        QCOMPARE(s.totals, status.totals);

        // An unpaged status (an older service) has neither.
        Protocol::Status plain;
        plain.id = u"s2"_s;
        back = Protocol::parseAnswer(parsed(Protocol::toElement(Protocol::Answer(plain)).toXml()));
        QVERIFY(back);
        QVERIFY(!std::get<Protocol::Status>(*back).page);
        QVERIFY(std::get<Protocol::Status>(*back).totals.isEmpty());
    }

    void malformedPagesAreRefused_data()
    {
        QTest::addColumn<QString>("children");
        QTest::newRow("count missing") << u"<page complete='true'/>"_s;
        QTest::newRow("count negative") << u"<page count='-1'/>"_s;
        QTest::newRow("last text") << u"<page count='3' last='x' complete='false'/>"_s;
        QTest::newRow("incomplete without cursor") << u"<page count='3' complete='false'/>"_s;
        QTest::newRow("complete word") << u"<page count='3' complete='perhaps'/>"_s;
        QTest::newRow("two pages") << u"<page count='3'/><page count='3'/>"_s;
        QTest::newRow("total negative") << u"<total state='sent' count='-2'/>"_s;
        QTest::newRow("total text") << u"<total state='sent' count='some'/>"_s;
    }

    void malformedPagesAreRefused()
    {
        QFETCH(QString, children);
        auto back = Protocol::parseAnswer(parsed(
            u"<status xmlns='%1' id='s' open-replies='0'>%2</status>"_s.arg(ns(), children)));
        QVERIFY(!back);
        QVERIFY(back.error().detail.startsWith(u"frontdesk-malformed:status-"_s));
    }

    void aTotalOfAnUnknownStateIsLeftOut()
    {
        auto back = Protocol::parseAnswer(
            parsed(u"<status xmlns='%1' id='s'><page count='2'/><total state='sent' count='1'/>"
                   u"<total state='teleported' count='1'/></status>"_s.arg(ns())));
        QVERIFY(back);
        QCOMPARE(std::get<Protocol::Status>(*back).totals,
                 (QList<Protocol::StateTotal>{{ReminderState::Sent, 1}}));
    }

    void changedRoundTrips()
    {
        Protocol::Changed changed;
        changed.kinds = Protocol::ChangeKind::Reminders | Protocol::ChangeKind::Consents;
        changed.batches = {u"b1"_s, u"b2"_s};
        const Xmpp::Element e = Protocol::toElement(changed);
        QCOMPARE(e.name(), u"changed"_s);
        QCOMPARE(e.attribute(u"kinds"), u"reminders consents"_s);
        QVERIFY(!e.toXml().contains(u"@"_s)); // no addresses: ids only
        auto back = Protocol::parseChanged(parsed(e.toXml()));
        QVERIFY(back);
        QCOMPARE(*back, changed);

        back = Protocol::parseChanged(
            parsed(u"<changed xmlns='%1' kinds='replies later-kind'/>"_s.arg(ns())));
        QVERIFY(back);
        QCOMPARE(back->kinds, Protocol::ChangeKinds(Protocol::ChangeKind::Replies));
        QVERIFY(back->batches.isEmpty());
    }

    void malformedChangedIsRefused_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::newRow("no kinds") << u"<changed xmlns='%1'/>"_s;
        QTest::newRow("empty kinds") << u"<changed xmlns='%1' kinds=' '/>"_s;
        QTest::newRow("unknown kinds only") << u"<changed xmlns='%1' kinds='weather'/>"_s;
        QTest::newRow("batch without id")
            << u"<changed xmlns='%1' kinds='reminders'><batch/></changed>"_s;
        QTest::newRow("another element") << u"<status xmlns='%1' id='x'/>"_s;
    }

    void malformedChangedIsRefused()
    {
        QFETCH(QString, xml);
        QVERIFY(!Protocol::parseChanged(parsed(xml.arg(ns()))));
    }

    void changedIsNotARequestNorAnAnswer()
    {
        const Xmpp::Element e = parsed(u"<changed xmlns='%1' kinds='replies'/>"_s.arg(ns()));
        QVERIFY(!Protocol::parseRequest(e));
        QVERIFY(!Protocol::parseAnswer(e));
    }
};

QTEST_GUILESS_MAIN(tst_BatchProtocol)
#include "tst_BatchProtocol.moc"
