// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0184 delivery receipts on a fake transport.
#include "xmpp/extensions/MessagingExtension.h"
#include "xmpp/extensions/ReceiptsExtension.h"

#include "ClientHarness.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::Element;

class tst_ReceiptsExtension : public QObject
{
    Q_OBJECT

    struct Setup
    {
        ClientHarness harness;
        // Receipts before messaging: the body stays for messaging to deliver.
        Xmpp::ReceiptsExtension &receipts = harness.client.addExtension<Xmpp::ReceiptsExtension>();
        Xmpp::MessagingExtension &messaging =
            harness.client.addExtension<Xmpp::MessagingExtension>();
        QSignalSpy delivered{&receipts, &Xmpp::ReceiptsExtension::deliveryReceived};
        QSignalSpy live{&messaging, &Xmpp::MessagingExtension::messageReceived};
        QSignalSpy unhandled{&harness.client, &Xmpp::Client::stanzaReceived};

        bool login()
        {
            if (!harness.login())
                return false;
            harness.takeSentStanzas();
            return true;
        }
    };

private Q_SLOTS:
    void answersRequestWithStanzaId()
    {
        Setup s;
        QVERIFY(s.login());
        s.harness.transport.inject(
            u"<message from='doc@example.org/pager' to='nurse@example.org/ward4' id='m1' "
            u"type='chat'><body>Bed 4 needs fluids</body><request xmlns='urn:xmpp:receipts'/>"
            u"<origin-id xmlns='urn:xmpp:sid:0' id='origin-9'/></message>"_s);
        const QList<Element> sent = s.harness.takeSentStanzas();
        QCOMPARE(sent.size(), 1);
        const QString replyId = sent.first().attribute(u"id");
        QVERIFY(!replyId.isEmpty());
        QVERIFY(replyId != u"m1"_s);
        QCOMPARE(sent.first().toXml(),
                 u"<message xmlns='jabber:client' to='doc@example.org/pager' id='%1'>"
                 u"<received xmlns='urn:xmpp:receipts' id='m1'/></message>"_s.arg(replyId));
        // The message itself still reaches messaging.
        QCOMPARE(s.live.count(), 1);
        QCOMPARE(s.delivered.count(), 0);
    }

    void answersNormalMessagesToo()
    {
        Setup s;
        QVERIFY(s.login());
        s.harness.transport.inject(u"<message from='doc@example.org/pager' id='m2'><body>x</body>"
                                   u"<request xmlns='urn:xmpp:receipts'/></message>"_s);
        QVERIFY(
            s.harness.expectStanza(u"<message to='doc@example.org/pager' id='%id'>"
                                   u"<received xmlns='urn:xmpp:receipts' id='m2'/></message>"_s));
    }

    void doesNotAnswer_data()
    {
        QTest::addColumn<QString>("stanza");
        QTest::newRow("groupchat")
            << u"<message from='icu@rooms.example.org/doc' id='g1' type='groupchat'>"
               u"<body>x</body><request xmlns='urn:xmpp:receipts'/></message>"_s;
        QTest::newRow("error")
            << u"<message from='doc@example.org/pager' id='e1' type='error'><body>x</body>"
               u"<request xmlns='urn:xmpp:receipts'/><error type='cancel'>"
               u"<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>"_s;
        QTest::newRow("no body") << u"<message from='doc@example.org/pager' id='n1' type='chat'>"
                                    u"<request xmlns='urn:xmpp:receipts'/></message>"_s;
        QTest::newRow("bare from")
            << u"<message from='doc@example.org' id='b1' type='chat'>"
               u"<body>x</body><request xmlns='urn:xmpp:receipts'/></message>"_s;
        QTest::newRow("no from") << u"<message id='f1' type='chat'><body>x</body>"
                                    u"<request xmlns='urn:xmpp:receipts'/></message>"_s;
        QTest::newRow("no id") << u"<message from='doc@example.org/pager' type='chat'>"
                                  u"<body>x</body><request xmlns='urn:xmpp:receipts'/></message>"_s;
        QTest::newRow("no request") << u"<message from='doc@example.org/pager' id='r1' "
                                       u"type='chat'><body>x</body></message>"_s;
        QTest::newRow("carbon copy")
            << u"<message from='nurse@example.org/desk' id='c1' type='chat'>"
               u"<received xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
               u"<message xmlns='jabber:client' from='doc@example.org/pager' id='c2' type='chat'>"
               u"<body>x</body><request xmlns='urn:xmpp:receipts'/></message></forwarded>"
               u"</received><body>x</body><request xmlns='urn:xmpp:receipts'/></message>"_s;
        QTest::newRow("archive result")
            << u"<message from='nurse@example.org/desk' id='a1'>"
               u"<result xmlns='urn:xmpp:mam:2' queryid='q' id='x'>"
               u"<forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client' "
               u"from='doc@example.org/pager' id='a2' type='chat'><body>x</body>"
               u"<request xmlns='urn:xmpp:receipts'/></message></forwarded></result>"
               u"<body>x</body><request xmlns='urn:xmpp:receipts'/></message>"_s;
    }
    void doesNotAnswer()
    {
        QFETCH(QString, stanza);
        Setup s;
        QVERIFY(s.login());
        s.harness.transport.inject(stanza);
        QVERIFY(s.harness.expectNothingSent());
    }

    void filterDecidesWhoGetsReceipts()
    {
        Setup s;
        QList<Core::Jid> asked;
        s.receipts.setReplyFilter([&](const Core::Jid &from) {
            asked << from;
            return from.bare() == Core::Jid(u"doc@example.org"_s);
        });
        QVERIFY(s.login());
        s.harness.transport.inject(
            u"<message from='stranger@example.net/x' id='s1' type='chat'>"
            u"<body>x</body><request xmlns='urn:xmpp:receipts'/></message>"_s);
        QVERIFY(s.harness.expectNothingSent());
        s.harness.transport.inject(
            u"<message from='doc@example.org/pager' id='d1' type='chat'>"
            u"<body>x</body><request xmlns='urn:xmpp:receipts'/></message>"_s);
        QVERIFY(
            s.harness.expectStanza(u"<message to='doc@example.org/pager' id='%id'>"
                                   u"<received xmlns='urn:xmpp:receipts' id='d1'/></message>"_s));
        QCOMPARE(asked, (QList<Core::Jid>{Core::Jid(u"stranger@example.net/x"_s),
                                          Core::Jid(u"doc@example.org/pager"_s)}));
    }

    void reportsReceiptAndConsumesIt()
    {
        Setup s;
        QVERIFY(s.login());
        s.harness.transport.inject(u"<message from='doc@example.org/pager' id='r9' "
                                   u"to='nurse@example.org/ward4'>"
                                   u"<received xmlns='urn:xmpp:receipts' id='m7'/></message>"_s);
        QCOMPARE(s.delivered.count(), 1);
        QCOMPARE(s.delivered.first().at(0).value<Core::Jid>().toString(),
                 u"doc@example.org/pager"_s);
        QCOMPARE(s.delivered.first().at(1).toString(), u"m7"_s);
        QCOMPARE(s.unhandled.count(), 0);
        QCOMPARE(s.live.count(), 0);
        QVERIFY(s.harness.expectNothingSent()); // receipts are not answered
    }

    void receiptOnAMessageWithBodyLeavesTheMessage()
    {
        Setup s;
        QVERIFY(s.login());
        s.harness.transport.inject(u"<message from='doc@example.org/pager' id='r10' type='chat'>"
                                   u"<body>thanks</body>"
                                   u"<received xmlns='urn:xmpp:receipts' id='m8'/></message>"_s);
        QCOMPARE(s.delivered.count(), 1);
        QCOMPARE(s.delivered.first().at(1).toString(), u"m8"_s);
        QCOMPARE(s.live.count(), 1);
    }

    void ignoresReceiptsInErrorsAndWithoutId()
    {
        Setup s;
        QVERIFY(s.login());
        s.harness.transport.inject(u"<message from='doc@example.org/pager' type='error'>"
                                   u"<received xmlns='urn:xmpp:receipts' id='m1'/></message>"_s);
        s.harness.transport.inject(u"<message from='doc@example.org/pager'>"
                                   u"<received xmlns='urn:xmpp:receipts'/></message>"_s);
        QCOMPARE(s.delivered.count(), 0);
    }

    void addRequestAddsOneRequest()
    {
        Element message(u"message"_s, u"jabber:client"_s);
        message.setAttribute(u"id"_s, u"m1"_s);
        Xmpp::ReceiptsExtension::addRequest(message);
        Xmpp::ReceiptsExtension::addRequest(message);
        QCOMPARE(message.toXml(), u"<message xmlns='jabber:client' id='m1'>"
                                  u"<request xmlns='urn:xmpp:receipts'/></message>"_s);
    }

    void advertisesFeature()
    {
        Setup s;
        QCOMPARE(s.receipts.discoFeatures(), QStringList{u"urn:xmpp:receipts"_s});
    }
};

QTEST_GUILESS_MAIN(tst_ReceiptsExtension)
#include "tst_ReceiptsExtension.moc"
