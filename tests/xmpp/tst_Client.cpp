// SPDX-License-Identifier: GPL-3.0-or-later
// Protocol tests of Xmpp::Client on a fake transport: the server side is played
// by the test with literal frames.
#include "xmpp/Client.h"
#include "xmpp/extensions/MessagingExtension.h"

#include "ClientHarness.h"
#include "FakeTransport.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::Error;
using Xmpp::Client;
using Xmpp::Element;

namespace {

const QString Open = u"<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' from='example.org' "
                     u"id='s1' version='1.0' xml:lang='en'/>"_s;
const QString SaslFeatures =
    u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
    u"<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
    u"</mechanisms></stream:features>"_s;
const QString BindFeatures =
    u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
    u"<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/><sm xmlns='urn:xmpp:sm:3'/>"
    u"</stream:features>"_s;

Xmpp::ClientConfig config()
{
    Xmpp::ClientConfig c;
    c.jid = Core::Jid(u"nurse@example.org"_s);
    c.password = u"correct horse"_s;
    c.resource = u"ward4"_s;
    c.transport.url = QUrl(u"wss://example.org/xmpp-websocket"_s);
    c.reconnectInitialMs = 20;
    c.reconnectMaxMs = 40;
    c.keepAliveIdleMs = 60000;
    return c;
}

// Finds the first sent element with that name; removes everything before it.
Element takeSent(FakeTransport &t, QStringView name)
{
    for (const Element &e : t.takeSentElements())
        if (e.name() == name)
            return e;
    return {};
}

} // namespace

class tst_Client : public QObject
{
    Q_OBJECT

    // Plays the server through SASL PLAIN, bind and (optionally) SM enable.
    void login(FakeTransport &transport, Client &client, bool sm = true)
    {
        QVERIFY(QTest::qWaitFor([&] { return transport.isOpen(); }, 2000));
        QVERIFY(!takeSent(transport, u"open").isNull());
        transport.inject(Open);
        transport.inject(SaslFeatures);
        const Element auth = takeSent(transport, u"auth");
        QCOMPARE(auth.attribute(u"mechanism"), u"PLAIN"_s);
        QCOMPARE(QByteArray::fromBase64(auth.text().toLatin1()),
                 QByteArray("\0nurse\0correct horse", 20));
        transport.inject(u"<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"_s);
        QVERIFY(!takeSent(transport, u"open").isNull());
        transport.inject(Open);
        transport.inject(
            sm ? BindFeatures
               : u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
                 u"<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>"_s);
        const Element bind = takeSent(transport, u"iq");
        QCOMPARE(
            bind.firstChild(u"bind", u"urn:ietf:params:xml:ns:xmpp-bind").childText(u"resource"),
            u"ward4"_s);
        transport.inject(
            u"<iq type='result' id='%1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
            u"<jid>nurse@example.org/ward4</jid></bind></iq>"_s.arg(bind.attribute(u"id")));
        if (sm) {
            QVERIFY(QTest::qWaitFor([&] { return !transport.takeSent().isEmpty(); }, 2000));
            transport.inject(
                u"<enabled xmlns='urn:xmpp:sm:3' id='sm-1' resume='true' max='600'/>"_s);
        }
        QVERIFY(QTest::qWaitFor([&] { return client.isConnected(); }, 2000));
    }

private Q_SLOTS:
    void logsInAndBinds()
    {
        FakeTransport transport;
        Client client(transport);
        client.setConfig(config());
        auto future = client.connectToServer();
        login(transport, client);
        QVERIFY(TestSupport::waitFor(future));
        QVERIFY(future.result().has_value());
        QCOMPARE(client.boundJid().toString(), u"nurse@example.org/ward4"_s);
        QVERIFY(client.streamManagementEnabled());
        QCOMPARE(transport.lastSettings().domain, u"example.org"_s);
    }

    void saslFailuresAreReportedWithoutRetry_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<Error::Code>("code");
        QTest::newRow("wrong password") << u"not-authorized"_s << Error::Code::Auth;
        QTest::newRow("disabled account") << u"account-disabled"_s << Error::Code::AccountDisabled;
        QTest::newRow("expired credentials") << u"credentials-expired"_s << Error::Code::Auth;
    }
    void saslFailuresAreReportedWithoutRetry()
    {
        QFETCH(QString, condition);
        QFETCH(Error::Code, code);
        FakeTransport transport;
        Client client(transport);
        client.setConfig(config());
        auto future = client.connectToServer();
        QVERIFY(QTest::qWaitFor([&] { return transport.isOpen(); }, 2000));
        transport.inject(Open);
        transport.inject(SaslFeatures);
        transport.inject(
            u"<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><%1/></failure>"_s.arg(condition));
        QVERIFY(TestSupport::waitFor(future, std::chrono::seconds(2)));
        QVERIFY(!future.result().has_value());
        QCOMPARE(future.result().error().code, code);
        QCOMPARE(client.state(), Client::State::Disconnected);
        QCOMPARE(transport.openCount(), 1); // retrying cannot fix a refused sign-in
    }

    void plainRefusedWithoutTls()
    {
        FakeTransport transport;
        transport.setEncrypted(false);
        Client client(transport);
        client.setConfig(config());
        auto future = client.connectToServer();
        QVERIFY(QTest::qWaitFor([&] { return transport.isOpen(); }, 2000));
        transport.inject(Open);
        transport.inject(SaslFeatures);
        QVERIFY(TestSupport::waitFor(future, std::chrono::seconds(2)));
        QCOMPARE(future.result().error().code, Error::Code::NoMechanism);
        QVERIFY(takeSent(transport, u"auth").isNull()); // the password never left
    }

    void answersAckRequestsCountingEveryStanza()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        QVERIFY(h.login(true));
        transport.takeSent();
        transport.inject(
            u"<message from='a@example.org/x' type='chat'><body>one</body></message>"_s);
        transport.inject(u"<presence from='a@example.org/x'/>"_s);
        transport.inject(u"<iq type='result' id='unknown'/>"_s);
        transport.inject(u"<r xmlns='urn:xmpp:sm:3'/>"_s);
        QVERIFY(transport.expect(u"<a xmlns='urn:xmpp:sm:3' h='3'/>"_s));
    }

    void acknowledgementsAreReported()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        auto &client = h.client;
        QVERIFY(h.login(true));
        auto &messaging = client.addExtension<Xmpp::MessagingExtension>();
        QSignalSpy acked(&client, &Client::stanzaAcknowledged);
        const QString first = messaging.sendChat(Core::Jid(u"doc@example.org"_s), u"a"_s);
        const QString second = messaging.sendChat(Core::Jid(u"doc@example.org"_s), u"b"_s);
        QVERIFY(QTest::qWaitFor(
            [&] { return client.streamManagement().unacknowledgedCount() == 2; }, 1000));
        transport.inject(u"<a xmlns='urn:xmpp:sm:3' h='1'/>"_s);
        QCOMPARE(acked.count(), 1);
        QCOMPARE(acked.at(0).at(0).toString(), first);
        transport.inject(u"<a xmlns='urn:xmpp:sm:3' h='2'/>"_s);
        QCOMPARE(acked.count(), 2);
        QCOMPARE(acked.at(1).at(0).toString(), second);
    }

    void sentMessagesCarryOriginId()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        auto &client = h.client;
        auto &messaging = client.addExtension<Xmpp::MessagingExtension>();
        QVERIFY(h.login(true));
        transport.takeSent();
        const QString id = messaging.sendChat(Core::Jid(u"doc@example.org"_s), u"Bed 12 review"_s);
        QVERIFY(transport.expect(
            u"<message xmlns='jabber:client' to='doc@example.org' id='%1' type='chat'>"
            u"<body>Bed 12 review</body><origin-id xmlns='urn:xmpp:sid:0' id='%1'/></message>"_s
                .arg(id)));
    }

    void resumesAndResendsUnacknowledged()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        auto &client = h.client;
        auto &messaging = client.addExtension<Xmpp::MessagingExtension>();
        QVERIFY(h.login(true));
        for (int i = 1; i <= 3; ++i)
            messaging.sendChat(Core::Jid(u"doc@example.org"_s), QString::number(i),
                               u"m%1"_s.arg(i));
        transport.inject(
            u"<message from='a@example.org/x' type='chat'><body>in</body></message>"_s);
        transport.inject(u"<a xmlns='urn:xmpp:sm:3' h='1'/>"_s);
        QSignalSpy lost(&client, &Client::connectionLost);
        QSignalSpy started(&client, &Client::sessionStarted);
        transport.drop();
        QCOMPARE(lost.count(), 1);
        // Sent while the link is down: must go out after the resent ones.
        messaging.sendChat(Core::Jid(u"doc@example.org"_s), u"4"_s, u"m4"_s);
        QVERIFY(QTest::qWaitFor([&] { return transport.isOpen(); }, 2000));
        transport.takeSent();
        transport.inject(Open);
        transport.inject(SaslFeatures);
        transport.inject(u"<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"_s);
        transport.inject(Open);
        transport.takeSent();
        transport.inject(BindFeatures);
        QVERIFY(transport.expect(u"<resume xmlns='urn:xmpp:sm:3' h='1' previd='sm-1'/>"_s));
        transport.inject(u"<resumed xmlns='urn:xmpp:sm:3' h='2' previd='sm-1'/>"_s);
        QVERIFY(QTest::qWaitFor([&] { return client.isConnected(); }, 1000));
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().first().toBool(), true);
        QStringList resent;
        for (const Element &e : transport.takeSentElements())
            if (e.name() == u"message")
                resent << e.attribute(u"id");
        QCOMPARE(resent, QStringList({u"m3"_s, u"m4"_s}));
    }

    void failedResumeRequeuesMessages()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        auto &client = h.client;
        auto &messaging = client.addExtension<Xmpp::MessagingExtension>();
        QVERIFY(h.login(true));
        messaging.sendChat(Core::Jid(u"doc@example.org"_s), u"1"_s, u"m1"_s);
        messaging.sendChat(Core::Jid(u"doc@example.org"_s), u"2"_s, u"m2"_s);
        QVERIFY(QTest::qWaitFor(
            [&] { return client.streamManagement().unacknowledgedCount() == 2; }, 1000));
        transport.drop();
        QVERIFY(QTest::qWaitFor([&] { return transport.isOpen(); }, 2000));
        transport.inject(Open);
        transport.inject(SaslFeatures);
        transport.inject(u"<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"_s);
        transport.inject(Open);
        transport.takeSent();
        transport.inject(BindFeatures);
        QVERIFY(!takeSent(transport, u"resume").isNull());
        // The server received m1 before the link died, and says so.
        transport.inject(u"<failed xmlns='urn:xmpp:sm:3' h='1'><item-not-found "
                         u"xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></failed>"_s);
        const Element bind = takeSent(transport, u"iq");
        QVERIFY(bind.hasChild(u"bind", u"urn:ietf:params:xml:ns:xmpp-bind"));
        transport.inject(
            u"<iq type='result' id='%1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
            u"<jid>nurse@example.org/ward4</jid></bind></iq>"_s.arg(bind.attribute(u"id")));
        QVERIFY(QTest::qWaitFor([&] { return !takeSent(transport, u"enable").isNull(); }, 1000));
        transport.inject(u"<enabled xmlns='urn:xmpp:sm:3' id='sm-2' resume='true'/>"_s);
        QVERIFY(QTest::qWaitFor([&] { return client.isConnected(); }, 1000));
        QStringList resent;
        for (const Element &e : transport.takeSentElements())
            if (e.name() == u"message")
                resent << e.attribute(u"id");
        QCOMPARE(resent, QStringList({u"m2"_s}));
    }

    void unknownIqGetsServiceUnavailable()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        QVERIFY(h.login(true));
        transport.takeSent();
        transport.inject(
            u"<iq type='get' id='q1' from='x@example.org/r'><query xmlns='urn:example:unknown'/></iq>"_s);
        QVERIFY(transport.expect(
            u"<iq xmlns='jabber:client' type='error' id='q1' to='x@example.org/r'><error "
            u"type='cancel'>"
            u"<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s));
    }

    void answersPing()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        QVERIFY(h.login(true));
        transport.takeSent();
        transport.inject(
            u"<iq type='get' id='p1' from='example.org'><ping xmlns='urn:xmpp:ping'/></iq>"_s);
        QVERIFY(transport.expect(
            u"<iq xmlns='jabber:client' type='result' id='p1' to='example.org'/>"_s));
    }

    void oversizedStanzaEndsTheConnection()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        auto &client = h.client;
        QVERIFY(h.login(true));
        QSignalSpy lost(&client, &Client::connectionLost);
        transport.inject(u"<message type='chat'><body>"_s + QString(300 * 1024, u'x') +
                         u"</body></message>"_s);
        QCOMPARE(lost.count(), 1);
        QCOMPARE(lost.first().first().value<Error>().code, Error::Code::Stanza);
        QCOMPARE(client.state(), Client::State::Reconnecting);
    }

    void malformedInputEndsTheConnection()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        auto &client = h.client;
        QVERIFY(h.login(true));
        QSignalSpy lost(&client, &Client::connectionLost);
        transport.inject(u"<message><body>unclosed</wrong></message>"_s);
        QCOMPARE(lost.count(), 1);
        QCOMPARE(lost.first().first().value<Error>().code, Error::Code::Stanza);
    }

    void ackForUnsentStanzasIsAProtocolError()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        auto &client = h.client;
        QVERIFY(h.login(true));
        QSignalSpy lost(&client, &Client::connectionLost);
        transport.inject(u"<a xmlns='urn:xmpp:sm:3' h='99'/>"_s);
        QCOMPARE(lost.count(), 1);
    }

    void sendIqResolvesWithResultAndError()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        auto &client = h.client;
        QVERIFY(h.login(true));
        transport.takeSent();
        Element iq(u"iq"_s, u"jabber:client"_s);
        iq.setAttribute(u"type"_s, u"get"_s).setAttribute(u"id"_s, u"v1"_s);
        iq.appendChild(Element(u"query"_s, u"jabber:iq:version"_s));
        auto ok = client.sendIq(iq);
        iq.setAttribute(u"id"_s, u"v2"_s);
        auto bad = client.sendIq(iq);
        transport.inject(
            u"<iq type='result' id='v1'><query xmlns='jabber:iq:version'><name>S</name></query></iq>"_s);
        transport.inject(u"<iq type='error' id='v2'><error type='cancel'><feature-not-implemented "
                         u"xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s);
        QVERIFY(TestSupport::waitFor(ok));
        QVERIFY(TestSupport::waitFor(bad));
        QCOMPARE(ok.result()->firstChild(u"query", u"jabber:iq:version").childText(u"name"),
                 u"S"_s);
        QVERIFY(bad.result().error().detail.contains(u"feature-not-implemented"_s));
    }

    void silentLinkIsDetected()
    {
        FakeTransport transport;
        Client client(transport);
        auto c = config();
        c.keepAliveIdleMs = 50;
        c.keepAliveTimeoutMs = 100;
        client.setConfig(c);
        client.connectToServer();
        login(transport, client);
        QSignalSpy lost(&client, &Client::connectionLost);
        // The server never answers the <r/> probe.
        QVERIFY(lost.wait(2000));
        QCOMPARE(lost.first().first().value<Error>().code, Error::Code::Timeout);
    }

    void handshakeTimeoutFailsTheFirstConnect()
    {
        FakeTransport transport;
        Client client(transport);
        auto c = config();
        c.handshakeTimeoutMs = 100;
        client.setConfig(c);
        auto future = client.connectToServer();
        QVERIFY(TestSupport::waitFor(future, std::chrono::seconds(3)));
        QCOMPARE(future.result().error().code, Error::Code::Timeout);
    }

    void queuedWhileConnectingGoesOutAfterBind()
    {
        FakeTransport transport;
        Client client(transport);
        client.setConfig(config());
        auto &messaging = client.addExtension<Xmpp::MessagingExtension>();
        client.connectToServer();
        messaging.sendChat(Core::Jid(u"doc@example.org"_s), u"early"_s, u"early-1"_s);
        login(transport, client);
        const Element sent = takeSent(transport, u"message");
        QCOMPARE(sent.attribute(u"id"), u"early-1"_s);
    }

    void disconnectSendsClose()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        auto &client = h.client;
        QVERIFY(h.login(true));
        transport.takeSent();
        client.disconnectFromServer();
        QVERIFY(transport.expect(u"<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"_s));
        transport.inject(u"<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"_s);
        QVERIFY(
            QTest::qWaitFor([&] { return client.state() == Client::State::Disconnected; }, 1000));
        QCOMPARE(transport.openCount(), 1);
    }

    void lateAckWhileClosingIsNotAFailure()
    {
        ClientHarness h(config());
        auto &transport = h.transport;
        auto &client = h.client;
        QVERIFY(h.login(true));
        client.send(Element(u"message"_s, u"jabber:client"_s));
        client.send(Element(u"presence"_s, u"jabber:client"_s));
        QCoreApplication::processEvents(); // the <r/> after the burst
        transport.takeSent();
        QSignalSpy lost(&client, &Client::connectionLost);
        QSignalSpy fatal(&client, &Client::fatalError);
        client.disconnectFromServer();
        QVERIFY(transport.expect(u"<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"_s));
        // The server answers the <r/> sent before the close, then closes too.
        transport.inject(u"<a xmlns='urn:xmpp:sm:3' h='2'/>"_s);
        transport.inject(u"<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"_s);
        QVERIFY(
            QTest::qWaitFor([&] { return client.state() == Client::State::Disconnected; }, 1000));
        QCOMPARE(lost.count(), 0);
        QCOMPARE(fatal.count(), 0);
        QCOMPARE(transport.abortCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Client)
#include "tst_Client.moc"
