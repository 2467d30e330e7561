// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/WebSocketTransport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::Error;

class tst_WebSocketTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validatesSchemes_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("devFlag");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("wss") << u"wss://chat.example.org/xmpp-websocket"_s << false << true;
        QTest::newRow("ws remote refused") << u"ws://chat.example.org/ws"_s << false << false;
        QTest::newRow("ws remote refused with flag")
            << u"ws://chat.example.org/ws"_s << true << false;
        QTest::newRow("ws private range refused") << u"ws://10.0.0.5/ws"_s << true << false;
        QTest::newRow("ws loopback without flag") << u"ws://127.0.0.1:5280/ws"_s << false << false;
        QTest::newRow("ws loopback with flag") << u"ws://127.0.0.1:5280/ws"_s << true << true;
        QTest::newRow("ws localhost with flag") << u"ws://localhost:5280/ws"_s << true << true;
        QTest::newRow("ws ipv6 loopback with flag") << u"ws://[::1]:5280/ws"_s << true << true;
        QTest::newRow("http refused") << u"https://chat.example.org/"_s << true << false;
        QTest::newRow("no host") << u"wss:///path"_s << false << false;
    }
    void validatesSchemes()
    {
        QFETCH(QString, url);
        QFETCH(bool, devFlag);
        QFETCH(bool, accepted);
        Xmpp::TransportSettings settings;
        settings.url = QUrl(url);
        settings.allowInsecureLoopback = devFlag;
        const auto result = Xmpp::validateTransportSettings(settings);
        QCOMPARE(result.has_value(), accepted);
        if (!accepted)
            QCOMPARE(result.error().code, Error::Code::Policy);
    }

    void refusedPlainSocketNeverConnects()
    {
        Xmpp::WebSocketTransport transport;
        QSignalSpy closed(&transport, &Xmpp::Transport::closed);
        QSignalSpy opened(&transport, &Xmpp::Transport::opened);
        Xmpp::TransportSettings settings;
        settings.url = QUrl(u"ws://chat.example.org/ws"_s);
        transport.open(settings);
        QVERIFY(closed.wait(2000));
        QCOMPARE(opened.count(), 0);
        QCOMPARE(closed.first().at(1).value<Error>().code, Error::Code::Policy);
    }

    void unreadableCaFileIsATlsError()
    {
        Xmpp::WebSocketTransport transport;
        QSignalSpy closed(&transport, &Xmpp::Transport::closed);
        Xmpp::TransportSettings settings;
        settings.url = QUrl(u"wss://127.0.0.1:9/ws"_s);
        settings.caFile = u"/nonexistent/ca.pem"_s;
        transport.open(settings);
        QVERIFY(closed.wait(2000));
        QCOMPARE(closed.first().at(1).value<Error>().code, Error::Code::Tls);
    }

    void unreachableServerIsANetworkError()
    {
        Xmpp::WebSocketTransport transport;
        QSignalSpy closed(&transport, &Xmpp::Transport::closed);
        Xmpp::TransportSettings settings;
        settings.url = QUrl(u"wss://127.0.0.1:9/ws"_s); // discard port: nothing listens
        transport.open(settings);
        QVERIFY(closed.wait(10000));
        QCOMPARE(closed.first().at(0).toBool(), false);
        QCOMPARE(closed.first().at(1).value<Error>().code, Error::Code::Network);
    }
};

QTEST_GUILESS_MAIN(tst_WebSocketTransport)
#include "tst_WebSocketTransport.moc"
