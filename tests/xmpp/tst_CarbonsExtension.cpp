// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0280 carbons on a fake transport: the server side is played with literal frames.
#include "xmpp/extensions/CarbonsExtension.h"
#include "xmpp/extensions/MessagingExtension.h"

#include "ClientHarness.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Direction = Xmpp::CarbonsExtension::Direction;
using Xmpp::Element;

namespace {

const QString EnableIq = u"<iq type='set' id='%id'><enable xmlns='urn:xmpp:carbons:2'/></iq>"_s;

QString receivedCarbon(const QString &outerFrom)
{
    const QString from = outerFrom.isNull() ? QString() : u" from='%1'"_s.arg(outerFrom);
    return u"<message%1 to='nurse@example.org/ward4' type='chat'>"
           u"<received xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
           u"<message xmlns='jabber:client' from='doc@example.org/pager' "
           u"to='nurse@example.org/desk' type='chat' id='m1'><body>Bed 4 needs fluids</body>"
           u"</message></forwarded></received></message>"_s.arg(from);
}

struct Carbon
{
    Xmpp::Message message;
    Direction direction;
};

} // namespace

class tst_CarbonsExtension : public QObject
{
    Q_OBJECT

    struct Setup
    {
        ClientHarness harness;
        Xmpp::CarbonsExtension &carbons = harness.client.addExtension<Xmpp::CarbonsExtension>();
        Xmpp::MessagingExtension &messaging =
            harness.client.addExtension<Xmpp::MessagingExtension>();
        QList<Carbon> carbonsSeen;
        QSignalSpy live{&messaging, &Xmpp::MessagingExtension::messageReceived};
        QSignalSpy unhandled{&harness.client, &Xmpp::Client::stanzaReceived};

        Setup()
        {
            QObject::connect(&carbons, &Xmpp::CarbonsExtension::carbonReceived, &carbons,
                             [this](const Xmpp::Message &m, Direction d) {
                                 carbonsSeen.append({m, d});
                             });
        }
        // Logs in and lets the server accept the <enable/>.
        bool loginAndEnable()
        {
            if (!harness.login())
                return false;
            const Element enable = harness.takeSent(u"iq");
            if (!enable.hasChild(u"enable", u"urn:xmpp:carbons:2"))
                return false;
            harness.transport.inject(u"<iq type='result' id='%1'/>"_s.arg(enable.attribute(u"id")));
            return carbons.isEnabled();
        }
    };

private Q_SLOTS:
    void enablesOnNewSessionButNotAfterResume()
    {
        Setup s;
        QSignalSpy changed(&s.carbons, &Xmpp::CarbonsExtension::enabledChanged);
        QVERIFY(s.harness.login(true));
        const Element enable = s.harness.takeSent(u"iq");
        QVERIFY(enable.hasChild(u"enable", u"urn:xmpp:carbons:2"));
        QCOMPARE(enable.attribute(u"type"), u"set"_s);
        QVERIFY(!s.carbons.isEnabled());
        s.harness.transport.inject(u"<iq type='result' id='%1'/>"_s.arg(enable.attribute(u"id")));
        QVERIFY(s.carbons.isEnabled());
        QCOMPARE(changed.count(), 1);

        QVERIFY(s.harness.dropAndResume());
        QVERIFY(s.harness.expectNothingSent());
        QVERIFY(s.carbons.isEnabled());
        QCOMPARE(changed.count(), 1);
    }

    void asksAgainAfterResumeWhenTheAnswerWasLost()
    {
        Setup s;
        QVERIFY(s.harness.login(true));
        QVERIFY(s.harness.expectStanza(EnableIq));
        // The link dies before the server answers: the resumed session asks again.
        QVERIFY(s.harness.dropAndResume());
        const Element again = s.harness.takeSent(u"iq");
        QVERIFY(again.hasChild(u"enable", u"urn:xmpp:carbons:2"));
        s.harness.transport.inject(u"<iq type='result' id='%1'/>"_s.arg(again.attribute(u"id")));
        QVERIFY(s.carbons.isEnabled());
    }

    void refusalIsNotRepeatedAfterResume()
    {
        Setup s;
        QVERIFY(s.harness.login(true));
        const Element enable = s.harness.takeSent(u"iq");
        s.harness.transport.inject(
            u"<iq type='error' id='%1'><error type='cancel'><feature-not-implemented "
            u"xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s.arg(
                enable.attribute(u"id")));
        QVERIFY(s.harness.dropAndResume());
        QVERIFY(s.harness.expectNothingSent());
        QVERIFY(!s.carbons.isEnabled());
    }

    void enablesAgainAfterAFreshSession()
    {
        Setup s;
        QVERIFY(s.harness.login(false));
        const Element first = s.harness.takeSent(u"iq");
        s.harness.transport.inject(u"<iq type='result' id='%1'/>"_s.arg(first.attribute(u"id")));
        QVERIFY(s.carbons.isEnabled());
        // Without stream management the reconnect is a new session: carbons are off
        // until the server confirms them again.
        s.harness.transport.drop();
        QVERIFY(s.harness.login(false));
        QVERIFY(!s.carbons.isEnabled());
        QVERIFY(s.harness.expectStanza(EnableIq));
    }

    void refusedEnableLeavesCarbonsOff()
    {
        Setup s;
        QVERIFY(s.harness.login());
        const Element enable = s.harness.takeSent(u"iq");
        s.harness.transport.inject(
            u"<iq type='error' id='%1'><error type='cancel'><service-unavailable "
            u"xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s.arg(
                enable.attribute(u"id")));
        QVERIFY(!s.carbons.isEnabled());
    }

    void unwrapsReceivedCopy()
    {
        Setup s;
        QVERIFY(s.loginAndEnable());
        s.harness.transport.inject(receivedCarbon(u"nurse@example.org"_s));
        QCOMPARE(s.carbonsSeen.size(), 1);
        const Carbon &c = s.carbonsSeen.first();
        QCOMPARE(c.direction, Direction::Received);
        QCOMPARE(c.message.id, u"m1"_s);
        QCOMPARE(c.message.from.toString(), u"doc@example.org/pager"_s);
        QCOMPARE(c.message.to.toString(), u"nurse@example.org/desk"_s);
        QCOMPARE(c.message.body, u"Bed 4 needs fluids"_s);
        QCOMPARE(c.message.type, u"chat"_s);
        // The wrapper is consumed: no live message, nothing unhandled.
        QCOMPARE(s.live.count(), 0);
        QCOMPARE(s.unhandled.count(), 0);
    }

    void unwrapsSentCopy()
    {
        Setup s;
        QVERIFY(s.loginAndEnable());
        s.harness.transport.inject(
            u"<message from='nurse@example.org' to='nurse@example.org/ward4' type='chat'>"
            u"<sent xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
            u"<message xmlns='jabber:client' to='doc@example.org' from='nurse@example.org/desk' "
            u"type='chat' id='m2'><body>On my way</body></message></forwarded></sent></message>"_s);
        QCOMPARE(s.carbonsSeen.size(), 1);
        QCOMPARE(s.carbonsSeen.first().direction, Direction::Sent);
        QCOMPARE(s.carbonsSeen.first().message.id, u"m2"_s);
        QCOMPARE(s.carbonsSeen.first().message.to.toString(), u"doc@example.org"_s);
        QCOMPARE(s.carbonsSeen.first().message.body, u"On my way"_s);
        QCOMPARE(s.live.count(), 0);
        QCOMPARE(s.unhandled.count(), 0);
    }

    void acceptsCopyWithoutFrom()
    {
        Setup s;
        QVERIFY(s.loginAndEnable());
        s.harness.transport.inject(receivedCarbon(QString()));
        QCOMPARE(s.carbonsSeen.size(), 1);
        QCOMPARE(s.carbonsSeen.first().message.body, u"Bed 4 needs fluids"_s);
    }

    void ignoresSpoofedCopy_data()
    {
        QTest::addColumn<QString>("from");
        QTest::newRow("contact") << u"doc@example.org"_s;
        QTest::newRow("contact full jid") << u"doc@example.org/pager"_s;
        QTest::newRow("other server") << u"nurse@evil.example"_s;
        QTest::newRow("own full jid") << u"nurse@example.org/desk"_s;
        QTest::newRow("server") << u"example.org"_s;
    }
    void ignoresSpoofedCopy()
    {
        QFETCH(QString, from);
        Setup s;
        QVERIFY(s.loginAndEnable());
        s.harness.transport.inject(receivedCarbon(from));
        QCOMPARE(s.carbonsSeen.size(), 0);
        // Neither the wrapper nor what it claims to carry reaches anyone.
        QCOMPARE(s.live.count(), 0);
        QCOMPARE(s.unhandled.count(), 0);
    }

    void ignoresCopyAboutAnotherAccount()
    {
        Setup s;
        QVERIFY(s.loginAndEnable());
        // A "sent" copy of a message someone else sent.
        s.harness.transport.inject(
            u"<message from='nurse@example.org'><sent xmlns='urn:xmpp:carbons:2'>"
            u"<forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client' "
            u"from='doc@example.org/pager' to='ward@example.org' type='chat' id='x'>"
            u"<body>forged</body></message></forwarded></sent></message>"_s);
        // A "received" copy of a message to someone else.
        s.harness.transport.inject(
            u"<message from='nurse@example.org'><received xmlns='urn:xmpp:carbons:2'>"
            u"<forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client' "
            u"from='doc@example.org/pager' to='ward@example.org' type='chat' id='y'>"
            u"<body>forged</body></message></forwarded></received></message>"_s);
        QCOMPARE(s.carbonsSeen.size(), 0);
        QCOMPARE(s.live.count(), 0);
    }

    void ignoresCopyWithoutForwardedMessage()
    {
        Setup s;
        QVERIFY(s.loginAndEnable());
        s.harness.transport.inject(u"<message from='nurse@example.org'><received "
                                   u"xmlns='urn:xmpp:carbons:2'/></message>"_s);
        QCOMPARE(s.carbonsSeen.size(), 0);
        QCOMPARE(s.unhandled.count(), 0);
    }

    void leavesOrdinaryMessagesAlone()
    {
        Setup s;
        QVERIFY(s.loginAndEnable());
        s.harness.transport.inject(u"<message from='doc@example.org/pager' type='chat' id='m3'>"
                                   u"<body>hello</body></message>"_s);
        QCOMPARE(s.carbonsSeen.size(), 0);
        QCOMPARE(s.live.count(), 1);
    }

    void markPrivateAddsPrivateAndNoCopy()
    {
        Element message(u"message"_s, u"jabber:client"_s);
        message.setAttribute(u"to"_s, u"doc@example.org"_s);
        Xmpp::CarbonsExtension::markPrivate(message);
        Xmpp::CarbonsExtension::markPrivate(message); // idempotent
        QCOMPARE(message.toXml(),
                 u"<message xmlns='jabber:client' to='doc@example.org'>"
                 u"<private xmlns='urn:xmpp:carbons:2'/><no-copy xmlns='urn:xmpp:hints'/>"
                 u"</message>"_s);
    }

    void advertisesFeature()
    {
        Setup s;
        QCOMPARE(s.carbons.discoFeatures(), QStringList{u"urn:xmpp:carbons:2"_s});
        QVERIFY(s.harness.client.discoFeatures().contains(u"urn:xmpp:carbons:2"_s));
    }
};

QTEST_GUILESS_MAIN(tst_CarbonsExtension)
#include "tst_CarbonsExtension.moc"
