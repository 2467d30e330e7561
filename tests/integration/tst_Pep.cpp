// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0163 PEP against a real server: publish-options with reconfiguration, items
// of another account, and +notify events delivered because of our XEP-0115 caps.
#include "xmpp/Client.h"
#include "xmpp/WebSocketTransport.h"
#include "xmpp/extensions/DiscoExtension.h"
#include "xmpp/extensions/OmemoElements.h"
#include "xmpp/extensions/PresenceExtension.h"
#include "xmpp/extensions/PubSubExtension.h"

#include "ServerEnv.h"
#include "TestSupport.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::PubSubExtension;
namespace Omemo = Xmpp::Omemo;

namespace {

struct Session
{
    Xmpp::WebSocketTransport transport;
    Xmpp::Client client{transport};
    Xmpp::DiscoExtension &disco = client.addExtension<Xmpp::DiscoExtension>();
    PubSubExtension &pubsub = client.addExtension<PubSubExtension>();
    Xmpp::PresenceExtension &presence = client.addExtension<Xmpp::PresenceExtension>();

    Session(const ServerEnv &env, const QString &jid)
    {
        Xmpp::ClientConfig config;
        config.jid = Core::Jid(jid);
        config.password = env.password(jid);
        config.resource = u"pep-"_s + Xmpp::Client::newId().left(8);
        config.transport.url = env.url;
        config.transport.domain = env.domain;
        config.transport.caFile = env.caFile;
        client.setConfig(config);
    }
    bool connect()
    {
        auto future = client.connectToServer();
        return TestSupport::waitFor(future, std::chrono::seconds(30)) && future.result();
    }
};

template<typename T>
QString detail(const Core::Result<T> &result)
{
    return result ? QString() : result.error().detail;
}

template<typename T>
bool finished(const QFuture<T> &future)
{
    return TestSupport::waitFor(future, std::chrono::seconds(30));
}

} // namespace

class tst_Pep : public QObject
{
    Q_OBJECT
    ServerEnv m_env;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(m_env.accounts.size() >= 2);
        qInfo("server under test: %s", qPrintable(m_env.kind));
    }

    void ownDeviceListNotifiesAndIsReadable()
    {
        const QString node = Omemo::deviceListNode(Omemo::Version::V2);
        Session alice(m_env, m_env.account(0));
        alice.pubsub.addNotify(node);
        QSignalSpy events(&alice.pubsub, &PubSubExtension::itemsPublished);
        QVERIFY(alice.connect());

        const quint32 device = 1 + QRandomGenerator::global()->bounded(0x7ffffffe);
        auto published = alice.pubsub.publish(
            node, u"current"_s, Omemo::deviceListToElement({device}, Omemo::Version::V2),
            {{u"access_model"_s, u"open"_s}});
        QVERIFY(finished(published));
        QVERIFY2(published.result().has_value(), qPrintable(detail(published.result())));

        // The server delivers our own publish back to us: it knows our +notify from caps.
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &e : events)
                    if (Omemo::deviceListFromElement(
                            e.at(2).value<QList<PubSubExtension::Item>>().value(0).payload,
                            Omemo::Version::V2)
                            .value_or(QList<quint32>{})
                            .contains(device))
                        return true;
                return false;
            },
            10000));
        QCOMPARE(events.last().at(0).value<Core::Jid>(), Core::Jid(m_env.account(0)));

        // Another account reads it (open access model).
        Session bob(m_env, m_env.account(1));
        QVERIFY(bob.connect());
        auto items = bob.pubsub.items(Core::Jid(m_env.account(0)), node);
        QVERIFY(finished(items));
        QVERIFY2(items.result().has_value(), qPrintable(detail(items.result())));
        QCOMPARE(items.result()->size(), 1);
        QCOMPARE(Omemo::deviceListFromElement(items.result()->first().payload, Omemo::Version::V2),
                 std::optional(QList<quint32>{device}));

        // A node that does not exist, asked by its owner. (Prosody answers another
        // account's request for it with forbidden: its default access model is presence.)
        auto missing = alice.pubsub.items(Core::Jid(m_env.account(0)),
                                          u"urn:rounds:test:missing:"_s + Xmpp::Client::newId());
        QVERIFY(finished(missing));
        QVERIFY2(missing.result().has_value(), qPrintable(detail(missing.result())));
        QVERIFY(missing.result()->isEmpty());
    }

    void publishOptionsReconfigureTheNode()
    {
        const QString node = u"urn:rounds:test:pep:"_s + Xmpp::Client::newId();
        Session alice(m_env, m_env.account(0));
        QVERIFY(alice.connect());
        const Xmpp::Element payload(u"x"_s, u"urn:rounds:test"_s);
        auto first =
            alice.pubsub.publish(node, u"current"_s, payload, {{u"access_model"_s, u"presence"_s}});
        QVERIFY(finished(first));
        QVERIFY2(first.result().has_value(), qPrintable(detail(first.result())));
        auto second =
            alice.pubsub.publish(node, u"current"_s, payload, {{u"access_model"_s, u"open"_s}});
        QVERIFY(finished(second));
        QVERIFY2(second.result().has_value(), qPrintable(detail(second.result())));

        Session bob(m_env, m_env.account(1));
        QVERIFY(bob.connect());
        auto items = bob.pubsub.items(Core::Jid(m_env.account(0)), node);
        QVERIFY(finished(items));
        QVERIFY2(items.result().has_value(), qPrintable(detail(items.result())));
        QCOMPARE(items.result()->size(), 1);

        auto retracted = alice.pubsub.retract(node, u"current"_s);
        QVERIFY(finished(retracted));
        QVERIFY2(retracted.result().has_value(), qPrintable(detail(retracted.result())));
    }
};

QTEST_GUILESS_MAIN(tst_Pep)
#include "tst_Pep.moc"
