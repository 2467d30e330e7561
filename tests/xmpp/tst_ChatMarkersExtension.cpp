// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0333 chat markers on a fake transport.
#include "xmpp/extensions/ChatMarkersExtension.h"
#include "xmpp/extensions/MessagingExtension.h"

#include "ClientHarness.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Marker = Xmpp::ChatMarkersExtension::Marker;
using Xmpp::Element;

namespace {

struct Seen
{
    Core::Jid from;
    QString id;
    Marker marker;
};

} // namespace

class tst_ChatMarkersExtension : public QObject
{
    Q_OBJECT

    struct Setup
    {
        ClientHarness harness;
        Xmpp::ChatMarkersExtension &markers =
            harness.client.addExtension<Xmpp::ChatMarkersExtension>();
        Xmpp::MessagingExtension &messaging =
            harness.client.addExtension<Xmpp::MessagingExtension>();
        QList<Seen> seen;
        QSignalSpy live{&messaging, &Xmpp::MessagingExtension::messageReceived};
        QSignalSpy unhandled{&harness.client, &Xmpp::Client::stanzaReceived};

        Setup()
        {
            QObject::connect(&markers, &Xmpp::ChatMarkersExtension::markerReceived, &markers,
                             [this](const Core::Jid &from, const QString &id, Marker marker) {
                                 seen.append({from, id, marker});
                             });
        }
        bool login()
        {
            if (!harness.login())
                return false;
            harness.takeSentStanzas();
            return true;
        }
    };

private Q_SLOTS:
    void parsesEachMarker_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Marker>("marker");
        QTest::newRow("received") << u"received"_s << Marker::Received;
        QTest::newRow("displayed") << u"displayed"_s << Marker::Displayed;
        QTest::newRow("acknowledged") << u"acknowledged"_s << Marker::Acknowledged;
    }
    void parsesEachMarker()
    {
        QFETCH(QString, name);
        QFETCH(Marker, marker);
        Setup s;
        QVERIFY(s.login());
        s.harness.transport.inject(
            u"<message from='doc@example.org/pager' to='nurse@example.org/ward4' id='k1' "
            u"type='chat'><%1 xmlns='urn:xmpp:chat-markers:0' id='m42'/>"
            u"<store xmlns='urn:xmpp:hints'/></message>"_s.arg(name));
        QCOMPARE(s.seen.size(), 1);
        QCOMPARE(s.seen.first().from.toString(), u"doc@example.org/pager"_s);
        QCOMPARE(s.seen.first().id, u"m42"_s);
        QCOMPARE(s.seen.first().marker, marker);
        QCOMPARE(s.unhandled.count(), 0); // marker-only: consumed
        QCOMPARE(s.live.count(), 0);
    }

    void markerOnAMessageWithBodyLeavesTheMessage()
    {
        Setup s;
        QVERIFY(s.login());
        s.harness.transport.inject(
            u"<message from='doc@example.org/pager' id='k2' type='chat'><body>seen it</body>"
            u"<displayed xmlns='urn:xmpp:chat-markers:0' id='m43'/></message>"_s);
        QCOMPARE(s.seen.size(), 1);
        QCOMPARE(s.seen.first().marker, Marker::Displayed);
        QCOMPARE(s.live.count(), 1);
    }

    void ignoresOtherNamespacesErrorsAndMissingIds()
    {
        Setup s;
        QVERIFY(s.login());
        // A receipt's <received/> is not a chat marker.
        s.harness.transport.inject(u"<message from='doc@example.org/pager' id='k3'>"
                                   u"<received xmlns='urn:xmpp:receipts' id='m1'/></message>"_s);
        s.harness.transport.inject(
            u"<message from='doc@example.org/pager' type='error'>"
            u"<displayed xmlns='urn:xmpp:chat-markers:0' id='m1'/></message>"_s);
        s.harness.transport.inject(u"<message from='doc@example.org/pager'>"
                                   u"<displayed xmlns='urn:xmpp:chat-markers:0'/></message>"_s);
        QCOMPARE(s.seen.size(), 0);
        QCOMPARE(s.unhandled.count(), 2); // the receipt and the error are not ours
    }

    void markableIsNotAMarker()
    {
        Setup s;
        QVERIFY(s.login());
        s.harness.transport.inject(
            u"<message from='doc@example.org/pager' id='m9' type='chat'><body>x</body>"
            u"<markable xmlns='urn:xmpp:chat-markers:0'/></message>"_s);
        QCOMPARE(s.seen.size(), 0);
        QCOMPARE(s.live.count(), 1);
        QVERIFY(Xmpp::ChatMarkersExtension::isMarkable(
            s.live.first().first().value<Xmpp::Message>().element));
    }

    void sendsDisplayed()
    {
        Setup s;
        QVERIFY(s.login());
        const QString id = s.markers.sendDisplayed(Core::Jid(u"doc@example.org"_s), u"m42"_s);
        QVERIFY(s.harness.expectStanza(u"<message to='doc@example.org' id='%1' type='chat'>"
                                       u"<displayed xmlns='urn:xmpp:chat-markers:0' id='m42'/>"
                                       u"<store xmlns='urn:xmpp:hints'/></message>"_s.arg(id)));
        QVERIFY(id != u"m42"_s);
    }

    void sendsReceivedAndAcknowledged()
    {
        Setup s;
        QVERIFY(s.login());
        s.markers.sendReceived(Core::Jid(u"doc@example.org/pager"_s), u"m1"_s);
        s.markers.sendAcknowledged(Core::Jid(u"doc@example.org"_s), u"m2"_s);
        s.markers.sendMarker(Core::Jid(u"icu@rooms.example.org"_s), u"sid-7"_s, Marker::Displayed,
                             u"groupchat"_s);
        QVERIFY(s.harness.expectStanza(u"<message to='doc@example.org/pager' id='%id' type='chat'>"
                                       u"<received xmlns='urn:xmpp:chat-markers:0' id='m1'/>"
                                       u"<store xmlns='urn:xmpp:hints'/></message>"_s));
        QVERIFY(s.harness.expectStanza(u"<message to='doc@example.org' id='%id' type='chat'>"
                                       u"<acknowledged xmlns='urn:xmpp:chat-markers:0' id='m2'/>"
                                       u"<store xmlns='urn:xmpp:hints'/></message>"_s));
        QVERIFY(
            s.harness.expectStanza(u"<message to='icu@rooms.example.org' id='%id' type='groupchat'>"
                                   u"<displayed xmlns='urn:xmpp:chat-markers:0' id='sid-7'/>"
                                   u"<store xmlns='urn:xmpp:hints'/></message>"_s));
    }

    void addMarkableAddsOneMarkable()
    {
        Element message(u"message"_s, u"jabber:client"_s);
        QVERIFY(!Xmpp::ChatMarkersExtension::isMarkable(message));
        Xmpp::ChatMarkersExtension::addMarkable(message);
        Xmpp::ChatMarkersExtension::addMarkable(message);
        QCOMPARE(message.toXml(), u"<message xmlns='jabber:client'>"
                                  u"<markable xmlns='urn:xmpp:chat-markers:0'/></message>"_s);
        QVERIFY(Xmpp::ChatMarkersExtension::isMarkable(message));
    }

    void advertisesFeature()
    {
        Setup s;
        QCOMPARE(s.markers.discoFeatures(), QStringList{u"urn:xmpp:chat-markers:0"_s});
    }
};

QTEST_GUILESS_MAIN(tst_ChatMarkersExtension)
#include "tst_ChatMarkersExtension.moc"
