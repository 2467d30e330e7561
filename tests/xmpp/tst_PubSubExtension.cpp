// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0060 / XEP-0163 PEP on a fake transport: publish-options, items, retract, events.
#include "xmpp/extensions/PubSubExtension.h"

#include "ClientHarness.h"
#include "TestSupport.h"

#include "xmpp/XmlStreamParser.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::Element;
using Xmpp::PubSubExtension;

namespace {

Element parse(const QString &xml)
{
    Xmpp::XmlStreamParser parser;
    const auto parsed = parser.feed(xml);
    return parsed && parsed->size() == 1 ? parsed->first() : Element();
}

const QString Node = u"urn:xmpp:omemo:2:devices"_s;

const QString PublishWithOptions =
    u"<iq type='set' id='%id'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
    u"<publish node='urn:xmpp:omemo:2:devices'><item id='current'>"
    u"<devices xmlns='urn:xmpp:omemo:2'><device id='7'/></devices></item></publish>"
    u"<publish-options><x xmlns='jabber:x:data' type='submit'>"
    u"<field var='FORM_TYPE' type='hidden'>"
    u"<value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
    u"<field var='pubsub#access_model'><value>open</value></field>"
    u"<field var='pubsub#max_items'><value>max</value></field>"
    u"</x></publish-options></pubsub></iq>"_s;

const QString Configure =
    u"<iq type='set' id='%id'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'>"
    u"<configure node='urn:xmpp:omemo:2:devices'><x xmlns='jabber:x:data' type='submit'>"
    u"<field var='FORM_TYPE' type='hidden'>"
    u"<value>http://jabber.org/protocol/pubsub#node_config</value></field>"
    u"<field var='pubsub#access_model'><value>open</value></field>"
    u"<field var='pubsub#max_items'><value>max</value></field>"
    u"</x></configure></pubsub></iq>"_s;

QString errorIq(const QString &id, const QString &conditions, const QString &type = u"cancel"_s)
{
    return u"<iq type='error' id='%1'><error type='%3'>%2</error></iq>"_s.arg(id, conditions, type);
}

const QString PreconditionNotMet =
    u"<conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
    u"<precondition-not-met xmlns='http://jabber.org/protocol/pubsub#errors'/>"_s;

QString resultIq(const QString &id)
{
    return u"<iq type='result' id='%1'/>"_s.arg(id);
}

Element devices(const QString &id)
{
    return Element(u"devices"_s, u"urn:xmpp:omemo:2"_s)
        .appendChild(Element(u"device"_s).setAttribute(u"id"_s, id));
}

const QList<PubSubExtension::Option> Options{{u"access_model"_s, u"open"_s},
                                             {u"max_items"_s, u"max"_s}};

} // namespace

class tst_PubSubExtension : public QObject
{
    Q_OBJECT

    struct Setup
    {
        ClientHarness harness;
        PubSubExtension &pubsub = harness.client.addExtension<PubSubExtension>();
        QSignalSpy published{&pubsub, &PubSubExtension::itemsPublished};
        QSignalSpy unhandled{&harness.client, &Xmpp::Client::stanzaReceived};

        bool login()
        {
            if (!harness.login())
                return false;
            harness.takeSentStanzas();
            return true;
        }
        /// The next sent iq equals `xml` (with %id its id); its id in `id`.
        bool sent(const QString &xml, QString *id)
        {
            const Element actual = harness.takeSent(u"iq");
            *id = actual.attribute(u"id");
            const Element expected = parse(QString(xml).replace(u"%id"_s, *id));
            if (actual.isNull() || expected.isNull() || !(actual == expected)) {
                qWarning("sent iq differs\n  actual:   %s\n  expected: %s",
                         qPrintable(actual.toXml()), qPrintable(expected.toXml()));
                return false;
            }
            return true;
        }
    };

    template<typename T>
    static bool finished(const QFuture<T> &future)
    {
        return TestSupport::waitFor(future, std::chrono::seconds(2));
    }

private Q_SLOTS:
    void publishesWithOptions()
    {
        Setup s;
        QVERIFY(s.login());
        auto done = s.pubsub.publish(Node, u"current"_s, devices(u"7"_s), Options);
        QString id;
        QVERIFY(s.sent(PublishWithOptions, &id));
        QVERIFY(!done.isFinished());
        s.harness.transport.inject(resultIq(id));
        QVERIFY(finished(done));
        QVERIFY(done.result().has_value());
        QVERIFY(s.harness.expectNothingSent());
    }

    void publishesWithoutOptions()
    {
        Setup s;
        QVERIFY(s.login());
        auto done = s.pubsub.publish(u"n1"_s, {}, devices(u"7"_s), {});
        QString id;
        QVERIFY(s.sent(u"<iq type='set' id='%id'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                       u"<publish node='n1'><item><devices xmlns='urn:xmpp:omemo:2'>"
                       u"<device id='7'/></devices></item></publish></pubsub></iq>"_s,
                       &id));
        // Without options a conflict is just an error: nothing to reconfigure.
        s.harness.transport.inject(errorIq(id, PreconditionNotMet));
        QVERIFY(finished(done));
        QVERIFY(!done.result().has_value());
        QCOMPARE(done.result().error().code, Core::Error::Code::Stanza);
        QVERIFY(s.harness.expectNothingSent());
    }

    void preconditionNotMetReconfiguresAndRepublishes()
    {
        Setup s;
        QVERIFY(s.login());
        auto done = s.pubsub.publish(Node, u"current"_s, devices(u"7"_s), Options);
        QString id;
        QVERIFY(s.sent(PublishWithOptions, &id));
        s.harness.transport.inject(errorIq(id, PreconditionNotMet));
        QVERIFY(QTest::qWaitFor([&] { return s.sent(Configure, &id); }, 2000));
        QVERIFY(!done.isFinished());
        s.harness.transport.inject(resultIq(id));
        QVERIFY(QTest::qWaitFor([&] { return s.sent(PublishWithOptions, &id); }, 2000));
        QVERIFY(!done.isFinished());
        s.harness.transport.inject(resultIq(id));
        QVERIFY(finished(done));
        QVERIFY(done.result().has_value());
        QVERIFY(s.harness.expectNothingSent());
    }

    void reconfigureFailures_data()
    {
        QTest::addColumn<bool>("configureFails");
        QTest::newRow("configure refused") << true;
        QTest::newRow("second publish refused") << false;
    }
    void reconfigureFailures()
    {
        QFETCH(bool, configureFails);
        Setup s;
        QVERIFY(s.login());
        auto done = s.pubsub.publish(Node, u"current"_s, devices(u"7"_s), Options);
        QString id;
        QVERIFY(s.sent(PublishWithOptions, &id));
        s.harness.transport.inject(errorIq(id, PreconditionNotMet));
        QVERIFY(QTest::qWaitFor([&] { return s.sent(Configure, &id); }, 2000));
        if (configureFails) {
            s.harness.transport.inject(errorIq(
                id, u"<forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"_s, u"auth"_s));
        } else {
            s.harness.transport.inject(resultIq(id));
            QVERIFY(QTest::qWaitFor([&] { return s.sent(PublishWithOptions, &id); }, 2000));
            // Tried once more only: a second precondition failure is the answer.
            s.harness.transport.inject(errorIq(id, PreconditionNotMet));
        }
        QVERIFY(finished(done));
        QVERIFY(!done.result().has_value());
        QCOMPARE(done.result().error().code, Core::Error::Code::Stanza);
        QVERIFY(
            done.result().error().detail.contains(configureFails ? u"forbidden"_s : u"conflict"_s));
        QTest::qWait(20);
        QVERIFY(s.harness.expectNothingSent());
    }

    void otherPublishErrorsAreNotRetried()
    {
        Setup s;
        QVERIFY(s.login());
        auto done = s.pubsub.publish(Node, u"current"_s, devices(u"7"_s), Options);
        QString id;
        QVERIFY(s.sent(PublishWithOptions, &id));
        s.harness.transport.inject(
            errorIq(id, u"<not-allowed xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"_s));
        QVERIFY(finished(done));
        QVERIFY(!done.result().has_value());
        QVERIFY(done.result().error().detail.contains(u"not-allowed"_s));
        QTest::qWait(20);
        QVERIFY(s.harness.expectNothingSent());
    }

    void fetchesItems()
    {
        Setup s;
        QVERIFY(s.login());
        auto items = s.pubsub.items(Core::Jid(u"doc@example.org/pager"_s), Node);
        QString id;
        QVERIFY(s.sent(u"<iq type='get' to='doc@example.org' id='%id'>"
                       u"<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                       u"<items node='urn:xmpp:omemo:2:devices'/></pubsub></iq>"_s,
                       &id));
        s.harness.transport.inject(
            u"<iq type='result' from='doc@example.org' id='%1'>"
            u"<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
            u"<items node='urn:xmpp:omemo:2:devices'>"
            u"<item id='current'><devices xmlns='urn:xmpp:omemo:2'><device id='7'/></devices>"
            u"</item><item id='empty'/></items></pubsub></iq>"_s.arg(id));
        QVERIFY(finished(items));
        QVERIFY(items.result().has_value());
        const QList<PubSubExtension::Item> list = *items.result();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].id, u"current"_s);
        QCOMPARE(list[0].payload, parse(u"<devices xmlns='urn:xmpp:omemo:2'>"
                                        u"<device id='7'/></devices>"_s));
        QCOMPARE(list[1].id, u"empty"_s);
        QVERIFY(list[1].payload.isNull());
    }

    void fetchesOneItem()
    {
        Setup s;
        QVERIFY(s.login());
        auto items = s.pubsub.items(Core::Jid(u"doc@example.org"_s), u"urn:xmpp:omemo:2:bundles"_s,
                                    u"31415"_s);
        QString id;
        QVERIFY(s.sent(u"<iq type='get' to='doc@example.org' id='%id'>"
                       u"<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                       u"<items node='urn:xmpp:omemo:2:bundles'><item id='31415'/></items>"
                       u"</pubsub></iq>"_s,
                       &id));
        // An item that does not exist: an empty items element.
        s.harness.transport.inject(
            u"<iq type='result' id='%1'>"
            u"<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
            u"<items node='urn:xmpp:omemo:2:bundles'/></pubsub></iq>"_s.arg(id));
        QVERIFY(finished(items));
        QVERIFY(items.result().has_value());
        QVERIFY(items.result()->isEmpty());
    }

    void itemErrors_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<bool>("emptyList");
        QTest::newRow("item-not-found") << u"item-not-found"_s << true;
        QTest::newRow("forbidden") << u"forbidden"_s << false;
        QTest::newRow("service-unavailable") << u"service-unavailable"_s << false;
    }
    void itemErrors()
    {
        QFETCH(QString, condition);
        QFETCH(bool, emptyList);
        Setup s;
        QVERIFY(s.login());
        auto items = s.pubsub.items(Core::Jid(u"doc@example.org"_s), Node);
        const Element iq = s.harness.takeSent(u"iq");
        s.harness.transport.inject(
            errorIq(iq.attribute(u"id"),
                    u"<%1 xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"_s.arg(condition)));
        QVERIFY(finished(items));
        QCOMPARE(items.result().has_value(), emptyList);
        if (emptyList)
            QVERIFY(items.result()->isEmpty());
        else
            QVERIFY(items.result().error().detail.contains(condition));
    }

    void retractsWithNotify()
    {
        Setup s;
        QVERIFY(s.login());
        auto done = s.pubsub.retract(u"urn:xmpp:omemo:2:bundles"_s, u"31415"_s);
        QString id;
        QVERIFY(s.sent(u"<iq type='set' id='%id'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                       u"<retract node='urn:xmpp:omemo:2:bundles' notify='true'>"
                       u"<item id='31415'/></retract></pubsub></iq>"_s,
                       &id));
        s.harness.transport.inject(resultIq(id));
        QVERIFY(finished(done));
        QVERIFY(done.result().has_value());
    }

    void announcesNotify()
    {
        Setup s;
        QVERIFY(s.pubsub.discoFeatures().isEmpty());
        s.pubsub.addNotify(Node);
        s.pubsub.addNotify(Node);
        s.pubsub.addNotify(u"eu.siacs.conversations.axolotl.devicelist"_s);
        QCOMPARE(s.pubsub.discoFeatures(),
                 (QStringList{u"urn:xmpp:omemo:2:devices+notify"_s,
                              u"eu.siacs.conversations.axolotl.devicelist+notify"_s}));
        QVERIFY(s.harness.client.discoFeatures().contains(u"urn:xmpp:omemo:2:devices+notify"_s));
    }

    void eventsAreEmittedAndConsumed()
    {
        Setup s;
        s.pubsub.addNotify(Node);
        QVERIFY(s.login());
        s.harness.transport.inject(
            u"<message from='doc@example.org' to='nurse@example.org/ward4' type='headline' "
            u"id='e1'><event xmlns='http://jabber.org/protocol/pubsub#event'>"
            u"<items node='urn:xmpp:omemo:2:devices'><item id='current'>"
            u"<devices xmlns='urn:xmpp:omemo:2'><device id='7'/><device id='8'/></devices>"
            u"</item></items></event></message>"_s);
        QCOMPARE(s.published.size(), 1);
        const QList<QVariant> args = s.published.takeFirst();
        QCOMPARE(args.at(0).value<Core::Jid>(), Core::Jid(u"doc@example.org"_s));
        QCOMPARE(args.at(1).toString(), Node);
        const auto items = args.at(2).value<QList<PubSubExtension::Item>>();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].id, u"current"_s);
        QCOMPARE(items[0].payload.childrenNamed(u"device").size(), 2);
        QCOMPARE(s.unhandled.size(), 0);

        // Our own account's PEP: no from at all, or a full JID, still means the bare JID.
        s.harness.transport.inject(
            u"<message><event xmlns='http://jabber.org/protocol/pubsub#event'>"
            u"<items node='urn:xmpp:omemo:2:devices'><item id='current'>"
            u"<devices xmlns='urn:xmpp:omemo:2'/></item></items></event></message>"_s);
        s.harness.transport.inject(
            u"<message from='doc@example.org/pager'><event "
            u"xmlns='http://jabber.org/protocol/pubsub#event'>"
            u"<items node='urn:xmpp:omemo:2:devices'><item id='current'>"
            u"<devices xmlns='urn:xmpp:omemo:2'/></item></items></event></message>"_s);
        QCOMPARE(s.published.size(), 2);
        QCOMPARE(s.published.at(0).at(0).value<Core::Jid>(), Core::Jid(u"nurse@example.org"_s));
        QCOMPARE(s.published.at(1).at(0).value<Core::Jid>(), Core::Jid(u"doc@example.org"_s));
        QCOMPARE(s.unhandled.size(), 0);
    }

    void otherEventsAreConsumedSilently()
    {
        Setup s;
        s.pubsub.addNotify(Node);
        QVERIFY(s.login());
        // A node we did not ask for, a retraction, a purge: consumed, not reported.
        s.harness.transport.inject(
            u"<message from='doc@example.org'><event "
            u"xmlns='http://jabber.org/protocol/pubsub#event'>"
            u"<items node='urn:xmpp:avatar:metadata'><item id='a'><metadata "
            u"xmlns='urn:xmpp:avatar:metadata'/></item></items></event></message>"_s);
        s.harness.transport.inject(
            u"<message from='doc@example.org'><event "
            u"xmlns='http://jabber.org/protocol/pubsub#event'>"
            u"<items node='urn:xmpp:omemo:2:devices'><retract id='current'/></items></event>"
            u"</message>"_s);
        s.harness.transport.inject(u"<message from='doc@example.org'><event "
                                   u"xmlns='http://jabber.org/protocol/pubsub#event'>"
                                   u"<purge node='urn:xmpp:omemo:2:devices'/></event></message>"_s);
        QCOMPARE(s.published.size(), 0);
        QCOMPARE(s.unhandled.size(), 0);

        // Messages that are not events are left for others.
        s.harness.transport.inject(
            u"<message from='doc@example.org/pager' type='chat'><body>hi</body></message>"_s);
        s.harness.transport.inject(u"<message from='doc@example.org' type='error'><event "
                                   u"xmlns='http://jabber.org/protocol/pubsub#event'><items "
                                   u"node='urn:xmpp:omemo:2:devices'>"
                                   u"<item id='x'/></items></event></message>"_s);
        QCOMPARE(s.published.size(), 0);
        QCOMPARE(s.unhandled.size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_PubSubExtension)
#include "tst_PubSubExtension.moc"
