// SPDX-License-Identifier: GPL-3.0-or-later
// docs/admin.md on the client's stream, with a fake transport: remote wipe at
// SASL2 success (no bind, restricted phase, <wiped/> confirmation), revocation
// and account disabling as stream errors (no reconnect), <reset/> (reconnect at
// once).
#include "xmpp/Client.h"

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
const QString Sasl2Features =
    u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
    u"<authentication xmlns='urn:xmpp:sasl:2'><mechanism>SCRAM-SHA-256</mechanism>"
    u"<inline><fast xmlns='urn:xmpp:fast:0'><mechanism>HT-SHA-256-NONE</mechanism></fast>"
    u"<bind xmlns='urn:xmpp:bind:0'><inline><feature var='urn:xmpp:sm:3'/></inline></bind>"
    u"<sm xmlns='urn:xmpp:sm:3'/></inline></authentication></stream:features>"_s;
const QString PostAuthFeatures =
    u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
    u"<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/><sm xmlns='urn:xmpp:sm:3'/>"
    u"</stream:features>"_s;
const QString Token = u"secret-token-1"_s;

Xmpp::ClientConfig config()
{
    Xmpp::ClientConfig c;
    c.jid = Core::Jid(u"nurse@example.org"_s);
    c.transport.url = QUrl(u"wss://example.org/xmpp-websocket"_s);
    c.reconnectInitialMs = 5000; // long: an immediate reconnect must not be the backoff
    c.reconnectMaxMs = 10000;
    c.keepAliveIdleMs = 60000;
    c.userAgent = {u"ua-1"_s, u"Rounds"_s, u"pc"_s};
    Xmpp::FastToken token;
    token.token = Token;
    token.mechanism = u"HT-SHA-256-NONE"_s;
    token.expiry = QDateTime::currentDateTimeUtc().addDays(1);
    token.afterSecondFactor = true;
    c.fastToken = token;
    return c;
}

Element takeSent(FakeTransport &t, QStringView name)
{
    for (const Element &e : t.takeSentElements())
        if (e.name() == name)
            return e;
    return {};
}

QString proof()
{
    return QString::fromLatin1(Xmpp::hashedTokenResponderProof(Token).toBase64());
}

/// Plays the server up to the FAST <authenticate/>; false when it did not come.
bool untilAuthenticate(FakeTransport &transport)
{
    if (!QTest::qWaitFor([&] { return transport.isOpen(); }, 2000))
        return false;
    if (takeSent(transport, u"open").isNull())
        return false;
    transport.inject(Open);
    transport.inject(Sasl2Features);
    const Element auth = takeSent(transport, u"authenticate");
    return auth.attribute(u"mechanism") == u"HT-SHA-256-NONE";
}

/// A normal token login with Bind2 and SM.
bool tokenLogin(FakeTransport &transport, Client &client)
{
    if (!untilAuthenticate(transport))
        return false;
    transport.inject(u"<success xmlns='urn:xmpp:sasl:2'><additional-data>%1</additional-data>"
                     u"<authorization-identifier>nurse@example.org/r1</authorization-identifier>"
                     u"<bound xmlns='urn:xmpp:bind:0'><enabled xmlns='urn:xmpp:sm:3' id='sm1' "
                     u"resume='true' max='600'/></bound></success>"_s.arg(proof()));
    transport.inject(PostAuthFeatures);
    return QTest::qWaitFor([&] { return client.isConnected(); }, 2000);
}

} // namespace

class tst_ClientAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wipeAtSignInIsNeverBoundAndConfirmed()
    {
        FakeTransport transport;
        Client client(transport);
        client.setConfig(config());
        QSignalSpy wipes(&client, &Client::wipeRequested);
        QSignalSpy sessions(&client, &Client::sessionStarted);
        QSignalSpy stanzas(&client, &Client::stanzaReceived);
        auto connecting = client.connectToServer();
        QVERIFY(untilAuthenticate(transport));
        transport.inject(
            u"<success xmlns='urn:xmpp:sasl:2'><additional-data>%1</additional-data>"
            u"<authorization-identifier>nurse@example.org</authorization-identifier>"
            u"<wipe xmlns='https://rounds.invalid/ns/admin' id='W-1'/></success>"_s.arg(proof()));
        transport.inject(PostAuthFeatures);
        // Even a stanza the server should never send is not processed.
        transport.inject(u"<message from='x@example.org' id='m1'><body>hi</body></message>"_s);
        QCOMPARE(wipes.size(), 1);
        QCOMPARE(wipes.first().first().toString(), u"W-1"_s);
        QVERIFY(client.wipePending());
        QVERIFY(!client.fastToken()); // forgotten
        QTest::qWait(50);
        // Nothing was sent: no bind, no enable, no presence.
        QVERIFY(transport.takeSentElements().isEmpty());
        QVERIFY(!connecting.isFinished());
        QCOMPARE(sessions.size(), 0);
        QCOMPARE(stanzas.size(), 0);

        QVERIFY(!client.confirmWipe(u"other"_s).result()); // only the ordered id
        auto confirmed = client.confirmWipe(u"W-1"_s);
        QVERIFY(transport.expect(u"<wiped xmlns='https://rounds.invalid/ns/admin' id='W-1'/>"_s));
        transport.inject(u"<wiped xmlns='https://rounds.invalid/ns/admin' id='W-1' ack='true'/>"_s);
        QVERIFY(TestSupport::waitFor(confirmed, std::chrono::seconds(2)));
        QVERIFY(confirmed.result());
        QVERIFY(TestSupport::waitFor(connecting, std::chrono::seconds(2)));
        QCOMPARE(connecting.result().error(), (Error{Error::Code::Auth, u"device-wiped"_s}));
        QCOMPARE(client.state(), Client::State::Disconnected);
        QTest::qWait(100);
        QCOMPARE(transport.openCount(), 1); // no reconnect
    }

    void wipeOnReconnectEndsWithFatalErrorAfterTimeout()
    {
        FakeTransport transport;
        Client client(transport);
        Xmpp::ClientConfig c = config();
        c.reconnectInitialMs = 10;
        c.reconnectMaxMs = 20;
        client.setConfig(c);
        client.setWipeConfirmTimeoutMs(200);
        QSignalSpy fatal(&client, &Client::fatalError);
        QSignalSpy wipes(&client, &Client::wipeRequested);
        auto connecting = client.connectToServer();
        QVERIFY(tokenLogin(transport, client));
        QVERIFY(TestSupport::waitFor(connecting, std::chrono::seconds(2)));
        transport.drop();
        QVERIFY(QTest::qWaitFor([&] { return transport.openCount() == 2; }, 2000));
        QVERIFY(untilAuthenticate(transport));
        transport.inject(
            u"<success xmlns='urn:xmpp:sasl:2'><additional-data>%1</additional-data>"
            u"<authorization-identifier>nurse@example.org</authorization-identifier>"
            u"<wipe xmlns='https://rounds.invalid/ns/admin' id='W-2'/></success>"_s.arg(proof()));
        QCOMPARE(wipes.size(), 1);
        auto confirmed = client.confirmWipe(u"W-2"_s);
        QVERIFY(TestSupport::waitFor(confirmed, std::chrono::seconds(3)));
        QCOMPARE(confirmed.result().error(),
                 (Error{Error::Code::Timeout, u"wipe-not-acknowledged"_s}));
        QCOMPARE(fatal.size(), 1);
        QCOMPARE(fatal.first().first().value<Error>(),
                 (Error{Error::Code::Auth, u"device-wiped"_s}));
        QTest::qWait(100);
        QCOMPARE(transport.openCount(), 2);
        QCOMPARE(client.state(), Client::State::Disconnected);
    }

    void linkLostBeforeConfirmingStillFinishes()
    {
        FakeTransport transport;
        Client client(transport);
        client.setConfig(config());
        auto connecting = client.connectToServer();
        QVERIFY(untilAuthenticate(transport));
        transport.inject(
            u"<success xmlns='urn:xmpp:sasl:2'><additional-data>%1</additional-data>"
            u"<authorization-identifier>nurse@example.org</authorization-identifier>"
            u"<wipe xmlns='https://rounds.invalid/ns/admin' id='W-3'/></success>"_s.arg(proof()));
        transport.drop();
        QTest::qWait(50);
        QCOMPARE(transport.openCount(), 1);
        auto confirmed = client.confirmWipe(u"W-3"_s);
        QVERIFY(TestSupport::waitFor(confirmed, std::chrono::seconds(2)));
        QCOMPARE(confirmed.result().error().detail, u"wipe-link-lost"_s);
        QVERIFY(TestSupport::waitFor(connecting, std::chrono::seconds(2)));
        QCOMPARE(connecting.result().error().detail, u"device-wiped"_s);
    }

    void revokedDeviceStopsAndDropsItsToken()
    {
        FakeTransport transport;
        Client client(transport);
        Xmpp::ClientConfig c = config();
        c.reconnectInitialMs = 10;
        client.setConfig(c);
        QSignalSpy fatal(&client, &Client::fatalError);
        QSignalSpy tokens(&client, &Client::fastTokenChanged);
        (void)client.connectToServer();
        QVERIFY(tokenLogin(transport, client));
        transport.inject(u"<stream:error xmlns:stream='http://etherx.jabber.org/streams'>"
                         u"<policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                         u"<revoked xmlns='https://rounds.invalid/ns/admin'/></stream:error>"_s);
        QVERIFY(QTest::qWaitFor([&] { return fatal.size() == 1; }, 2000));
        QCOMPARE(fatal.first().first().value<Error>(),
                 (Error{Error::Code::Auth, u"device-revoked"_s}));
        QCOMPARE(tokens.size(), 1);
        QVERIFY(!tokens.first().first().value<std::optional<Xmpp::FastToken>>());
        QVERIFY(!client.fastToken());
        QTest::qWait(200);
        QCOMPARE(transport.openCount(), 1);
        QCOMPARE(client.state(), Client::State::Disconnected);
    }

    void disabledAccountStops()
    {
        FakeTransport transport;
        Client client(transport);
        Xmpp::ClientConfig c = config();
        c.reconnectInitialMs = 10;
        client.setConfig(c);
        QSignalSpy fatal(&client, &Client::fatalError);
        (void)client.connectToServer();
        QVERIFY(tokenLogin(transport, client));
        transport.inject(u"<stream:error xmlns:stream='http://etherx.jabber.org/streams'>"
                         u"<policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                         u"<disabled xmlns='https://rounds.invalid/ns/admin'/></stream:error>"_s);
        QVERIFY(QTest::qWaitFor([&] { return fatal.size() == 1; }, 2000));
        QCOMPARE(fatal.first().first().value<Error>(),
                 (Error{Error::Code::AccountDisabled, u"account-disabled"_s}));
        QVERIFY(client.fastToken()); // the account may come back: keep it
        QTest::qWait(200);
        QCOMPARE(transport.openCount(), 1);
    }

    void resetReconnectsAtOnce()
    {
        FakeTransport transport;
        Client client(transport);
        client.setConfig(config()); // backoff of 5 s: a reconnect within 1 s is not it
        QSignalSpy fatal(&client, &Client::fatalError);
        (void)client.connectToServer();
        QVERIFY(tokenLogin(transport, client));
        transport.inject(u"<stream:error xmlns:stream='http://etherx.jabber.org/streams'>"
                         u"<reset xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"_s);
        QVERIFY(QTest::qWaitFor([&] { return transport.openCount() == 2; }, 1000));
        QCOMPARE(fatal.size(), 0);
        QVERIFY(client.fastToken());
    }
};

QTEST_GUILESS_MAIN(tst_ClientAdmin)
#include "tst_ClientAdmin.moc"
