// SPDX-License-Identifier: GPL-3.0-or-later
// The XMPP session against a real server (Prosody or ejabberd, chosen by the
// env file in ROUNDS_TEST_ENV), over wss:// with the CA generated for the run.
#include "xmpp/Client.h"
#include "xmpp/WebSocketTransport.h"
#include "xmpp/extensions/MessagingExtension.h"
#include "xmpp/extensions/PresenceExtension.h"
#include "xmpp/extensions/RosterExtension.h"

#include "ServerEnv.h"
#include "TcpProxy.h"
#include "TestSupport.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Core::Error;

namespace {

/// One signed-in session with the extensions a test needs.
struct Session
{
    Xmpp::WebSocketTransport transport;
    Xmpp::Client client{transport};
    Xmpp::MessagingExtension &messaging = client.addExtension<Xmpp::MessagingExtension>();
    Xmpp::RosterExtension &roster = client.addExtension<Xmpp::RosterExtension>();
    Xmpp::PresenceExtension &presence = client.addExtension<Xmpp::PresenceExtension>();
    QList<Xmpp::Message> received; ///< every delivery, duplicates included
    /// Ids of our messages the server bounced back (type='error'). The app's
    /// outbox shows those failed with a retry (see Sync::Outbox::onBounce).
    QSet<QString> bounced;

    Session(const ServerEnv &env, const QString &jid, std::optional<quint16> viaPort = {})
    {
        Xmpp::ClientConfig &config = cfg;
        config.jid = Core::Jid(jid);
        config.password = env.password(jid);
        config.resource = u"test-"_s + Xmpp::Client::newId().left(8);
        config.transport.url = env.url;
        if (viaPort)
            config.transport.url.setPort(*viaPort);
        config.transport.domain = env.domain;
        config.transport.caFile = env.caFile;
        config.reconnectInitialMs = 200;
        config.reconnectMaxMs = 1000;
        QObject::connect(&messaging, &Xmpp::MessagingExtension::messageReceived, &messaging,
                         [this](const Xmpp::Message &m) { received << m; });
        QObject::connect(
            &client, &Xmpp::Client::stanzaReceived, &client, [this](const Xmpp::Element &stanza) {
                if (stanza.name() == u"message" && stanza.attribute(u"type"_s) == u"error")
                    bounced.insert(stanza.attribute(u"id"_s));
            });
    }
    Xmpp::ClientConfig cfg; ///< applied by connect()
    Xmpp::ClientConfig &config() { return cfg; }

    Core::Result<void> connect()
    {
        client.setConfig(cfg);
        auto future = client.connectToServer();
        if (!TestSupport::waitFor(future, std::chrono::seconds(30)))
            return Core::fail(Error::Code::Timeout, u"test wait expired"_s);
        if (!future.result())
            return future.result();
        // The server handles one session's stanzas in order: once a ping is
        // answered, our initial presence is in effect and messages reach us.
        Xmpp::Element ping(u"iq"_s, u"jabber:client"_s);
        ping.setAttribute(u"type"_s, u"get"_s);
        ping.appendChild(Xmpp::Element(u"ping"_s, u"urn:xmpp:ping"_s));
        auto pong = client.sendIq(ping);
        if (!TestSupport::waitFor(pong, std::chrono::seconds(30)))
            return Core::fail(Error::Code::Timeout, u"ping unanswered"_s);
        if (!pong.result())
            return std::unexpected(pong.result().error());
        return {};
    }
    QHash<QString, int> countsByOriginId(const QString &prefix) const
    {
        QHash<QString, int> counts;
        for (const Xmpp::Message &m : received)
            if (m.body.startsWith(prefix))
                ++counts[m.originId];
        return counts;
    }
};

} // namespace

class tst_Session : public QObject
{
    Q_OBJECT
    ServerEnv m_env;

    QString alice() const { return m_env.account(0); }
    QString bob() const { return m_env.account(1); }
    QString carol() const { return m_env.account(2); }

    // Sends `total` numbered messages in small batches; calls `midway` once
    // after half of them went out.
    static QStringList sendBurst(Session &from, const QString &to, const QString &prefix, int total,
                                 const std::function<void()> &midway)
    {
        QStringList ids;
        for (int i = 0; i < total; ++i) {
            ids << from.messaging.sendChat(Core::Jid(to), u"%1 %2"_s.arg(prefix).arg(i));
            if (i % 10 == 9)
                QTest::qWait(15);
            if (i == total / 2)
                midway();
        }
        return ids;
    }

    /// Every message reaches the receiver exactly once. The one allowed
    /// exception is a message the server bounced back to the sender: that is
    /// shown failed with a retry, never lost silently. Prosody never bounces
    /// here (unacknowledged stanzas go to offline storage); ejabberd does when
    /// its old session is too busy to hand over its state within 15 s ("Session
    /// state copying timed out"), so resumption fails and with
    /// `resend_on_timeout: if_offline` it bounces what that session still held.
    void verifyExactlyOnce(const Session &receiver, const Session &sender, const QString &prefix,
                           const QStringList &ids)
    {
        const auto settled = [&] {
            const auto counts = receiver.countsByOriginId(prefix);
            for (const QString &id : ids)
                if (!counts.contains(id) && !sender.bounced.contains(id))
                    return false;
            return true;
        };
        if (!QTest::qWaitFor(settled, 20000)) {
            const auto c = receiver.countsByOriginId(prefix);
            QStringList missing;
            for (int i = 0; i < ids.size(); ++i)
                if (!c.contains(ids[i]) && !sender.bounced.contains(ids[i]))
                    missing << QString::number(i);
            qWarning("missing: %s", qPrintable(missing.join(u' ')));
        }
        QVERIFY2(QTest::qWaitFor(settled, 90000),
                 qPrintable(u"received %1 and bounced %2 of %3"_s
                                .arg(receiver.countsByOriginId(prefix).size())
                                .arg(sender.bounced.size())
                                .arg(ids.size())));
        QTest::qWait(1500); // late duplicates would arrive now
        const auto counts = receiver.countsByOriginId(prefix);
        int bounced = 0;
        for (const QString &id : ids) {
            if (sender.bounced.contains(id)) {
                ++bounced;
                QVERIFY2(counts.value(id) <= 1,
                         qPrintable(u"bounced message %1 also arrived %2 times"_s.arg(id).arg(
                             counts.value(id))));
                continue;
            }
            QVERIFY2(counts.value(id) == 1,
                     qPrintable(u"message %1 arrived %2 times"_s.arg(id).arg(counts.value(id))));
        }
        if (bounced > 0)
            qWarning("%d of %lld messages were bounced to the sender (shown failed with a retry)",
                     bounced, static_cast<long long>(ids.size()));
        // Prosody keeps what a dead session held (offline storage): nothing bounces.
        if (m_env.kind == u"prosody")
            QCOMPARE(bounced, 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(m_env.accounts.size() >= 3);
        qInfo("server under test: %s", qPrintable(m_env.kind));
    }

    void loginSucceeds()
    {
        Session s(m_env, alice());
        QSignalSpy rosterLoaded(&s.roster, &Xmpp::RosterExtension::rosterChanged);
        const auto result = s.connect();
        QVERIFY2(result, qPrintable(result ? QString() : result.error().detail));
        QCOMPARE(s.client.boundJid().bare().toString(), alice());
        QVERIFY(!s.client.boundJid().resource().isEmpty());
        QVERIFY(s.client.streamManagementEnabled());
        QVERIFY(rosterLoaded.wait(10000) || s.roster.isLoaded());
        s.client.disconnectFromServer();
        QVERIFY(QTest::qWaitFor(
            [&] { return s.client.state() == Xmpp::Client::State::Disconnected; }, 5000));
    }

    void wrongPasswordIsAnAuthError()
    {
        Session s(m_env, alice());
        s.config().password = u"not-the-password"_s;
        const auto result = s.connect();
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::Auth);
    }

    void requireSecondFactorRefusesServerWithoutSasl2()
    {
        // Neither ejabberd 23.01 nor Prosody's plain host offers SASL2: an
        // organisation that requires MFA must not sign in there, and no
        // password may be sent.
        Session s(m_env, m_env.account(0));
        s.config().requireSecondFactor = true;
        const auto result = s.connect();
        QVERIFY(!result);
        QCOMPARE(result.error(), (Error{Error::Code::Policy, u"mfa-unavailable"_s}));
        QVERIFY(!s.client.isConnected());
        QVERIFY(!s.client.authSummary().sasl2);
    }

    void unknownAccountIsAnAuthError()
    {
        Session s(m_env, alice());
        s.config().jid = Core::Jid(QString(u"nobody-here@"_s + m_env.domain));
        const auto result = s.connect();
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::Auth);
    }

    void unknownCaIsRefused()
    {
        {
            Session s(m_env, alice());
            s.config().transport.caFile.clear(); // system CAs only
            const auto result = s.connect();
            QVERIFY(!result);
            QCOMPARE(result.error().code, Error::Code::Tls);
            qInfo("system CAs: %s", qPrintable(result.error().detail));
        }
        {
            Session s(m_env, alice());
            s.config().transport.caFile = m_env.otherCaFile;
            const auto result = s.connect();
            QVERIFY(!result);
            QCOMPARE(result.error().code, Error::Code::Tls);
        }
    }

    void wrongPinIsRefused()
    {
        Session s(m_env, alice());
        s.config().transport.pinnedSha256 = QByteArray(64, 'a');
        const auto result = s.connect();
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::Tls);
    }

    void unreachableServerIsANetworkError()
    {
        Session s(m_env, alice());
        s.config().transport.url.setPort(1); // nothing listens there
        const auto result = s.connect();
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::Network);
    }

    void messagesFlowBothWays()
    {
        Session a(m_env, alice());
        Session b(m_env, bob());
        QVERIFY(a.connect());
        QVERIFY(b.connect());
        const QString toBob = a.messaging.sendChat(Core::Jid(bob()), u"both-ways: hello bob"_s);
        QVERIFY(QTest::qWaitFor([&] { return !b.received.isEmpty(); }, 10000));
        QCOMPARE(b.received.first().body, u"both-ways: hello bob"_s);
        QCOMPARE(b.received.first().originId, toBob);
        QCOMPARE(b.received.first().from.bare().toString(), alice());
        const QString toAlice = b.messaging.sendChat(Core::Jid(alice()), u"both-ways: hi alice"_s);
        QVERIFY(QTest::qWaitFor([&] { return !a.received.isEmpty(); }, 10000));
        QCOMPARE(a.received.first().body, u"both-ways: hi alice"_s);
        QCOMPARE(a.received.first().originId, toAlice);
        QCOMPARE(a.received.first().from.bare().toString(), bob());
    }

    void burstSurvivesCutSenderLink()
    {
        TcpProxy proxy(m_env.host, m_env.port);
        QVERIFY(proxy.listen());
        Session a(m_env, alice(), proxy.port());
        Session b(m_env, carol());
        QVERIFY(a.connect());
        QVERIFY(b.connect());
        QSignalSpy resumed(&a.client, &Xmpp::Client::sessionStarted);
        const QStringList ids = sendBurst(a, carol(), u"cut-sender"_s, 200, [&] { proxy.cut(); });
        verifyExactlyOnce(b, a, u"cut-sender"_s, ids);
        QVERIFY(resumed.count() >= 1);
        QVERIFY(QTest::qWaitFor(
            [&] { return a.client.streamManagement().unacknowledgedCount() == 0; }, 10000));
    }

    void burstSurvivesCutReceiverLink()
    {
        TcpProxy proxy(m_env.host, m_env.port);
        QVERIFY(proxy.listen());
        Session a(m_env, alice());
        Session b(m_env, bob(), proxy.port());
        QVERIFY(a.connect());
        QVERIFY(b.connect());
        bool cut = false;
        QObject::connect(&b.messaging, &Xmpp::MessagingExtension::messageReceived, &b.messaging,
                         [&](const Xmpp::Message &) {
                             if (!cut && b.countsByOriginId(u"cut-receiver"_s).size() >= 60) {
                                 cut = true;
                                 proxy.cut();
                             }
                         });
        const QStringList ids = sendBurst(a, bob(), u"cut-receiver"_s, 200, [] {});
        verifyExactlyOnce(b, a, u"cut-receiver"_s, ids);
        QVERIFY(cut);
    }

    void silentPartitionIsDetectedAndRecovered()
    {
        TcpProxy proxy(m_env.host, m_env.port);
        QVERIFY(proxy.listen());
        Session a(m_env, alice(), proxy.port());
        a.config().keepAliveIdleMs = 1000;
        a.config().keepAliveTimeoutMs = 2000;
        Session b(m_env, bob());
        QVERIFY(a.connect());
        QVERIFY(b.connect());
        QSignalSpy lost(&a.client, &Xmpp::Client::connectionLost);
        const QStringList ids =
            sendBurst(a, bob(), u"partition"_s, 40, [&] { proxy.stallExisting(); });
        QVERIFY(lost.wait(15000));
        QCOMPARE(lost.first().first().value<Error>().code, Error::Code::Timeout);
        verifyExactlyOnce(b, a, u"partition"_s, ids);
    }
};

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_Session.moc"
