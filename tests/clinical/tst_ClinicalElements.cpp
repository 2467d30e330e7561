// SPDX-License-Identifier: GPL-3.0-or-later
#include "clinical/ClinicalElements.h"
#include "clinical/Directory.h"
#include "xmpp/XmlStreamParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Clinical;

namespace {

Xmpp::Element parse(const QString &xml)
{
    Xmpp::XmlStreamParser parser;
    auto parsed = parser.feed(xml);
    if (!parsed || parsed->size() != 1)
        qFatal("test XML does not parse");
    return parsed->first();
}

Xmpp::Element reparse(const Xmpp::Element &element)
{
    return parse(element.toXml());
}

} // namespace

class tst_ClinicalElements : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void priorityRoundTrip()
    {
        for (Priority p : {Priority::Urgent, Priority::Stat}) {
            Xmpp::Element stanza(u"message"_s, u"jabber:client"_s);
            addPriority(stanza, p);
            const Xmpp::Element back = reparse(stanza);
            QCOMPARE(priorityOf(back), p);
            QCOMPARE(back.firstChild(u"priority", Ns).attribute(u"ack"), u"required"_s);
            QVERIFY(back.hasChild(u"store", HintsNs));
        }
        Xmpp::Element routine(u"message"_s, u"jabber:client"_s);
        addPriority(routine, Priority::Routine);
        QVERIFY(routine.children().isEmpty()); // routine is the default: nothing on the wire
    }

    void priorityParsing()
    {
        QCOMPARE(priorityOf(parse(u"<message xmlns='jabber:client'><priority "
                                  u"xmlns='https://rounds.invalid/ns/clinical' level='stat'/>"
                                  u"</message>"_s)),
                 Priority::Stat);
        // Unknown level, wrong namespace, absent: routine.
        QCOMPARE(priorityOf(parse(u"<message xmlns='jabber:client'><priority "
                                  u"xmlns='https://rounds.invalid/ns/clinical' level='panic'/>"
                                  u"</message>"_s)),
                 Priority::Routine);
        QCOMPARE(priorityOf(parse(u"<message xmlns='jabber:client'><priority xmlns='urn:other' "
                                  u"level='stat'/></message>"_s)),
                 Priority::Routine);
        QCOMPARE(priorityFromName(u"urgent"), Priority::Urgent);
        QVERIFY(!priorityFromName(u"URGENT"));
    }

    void ackStanzaAndParser()
    {
        const QDateTime at = QDateTime(QDate(2026, 11, 25), QTime(9, 15, 2), Qt::UTC);
        const Xmpp::Element stanza = reparse(ackStanza(u"ana@x"_s, u"s1"_s, {u"m1"_s, at}));
        QCOMPARE(stanza.attribute(u"type"), u"chat"_s);
        QCOMPARE(stanza.attribute(u"to"), u"ana@x"_s);
        QVERIFY(!stanza.hasChild(u"body"));
        const auto ack = ackOf(stanza);
        QVERIFY(ack);
        QCOMPARE(ack->id, u"m1"_s);
        QCOMPARE(ack->at, at);
        QVERIFY(!ackOf(parse(u"<message xmlns='jabber:client'><ack "
                             u"xmlns='https://rounds.invalid/ns/clinical'/></message>"_s)));
    }

    void escalationAndExpiry()
    {
        Xmpp::Element stanza(u"message"_s, u"jabber:client"_s);
        addEscalation(stanza, {u"orig"_s, 2});
        const QDateTime at = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
        addExpiry(stanza, at);
        const Xmpp::Element back = reparse(stanza);
        QCOMPARE(escalationOf(back), (Escalation{u"orig"_s, 2}));
        QCOMPARE(expiryOf(back), at);
        QVERIFY(!expiryOf(parse(u"<message xmlns='jabber:client'/>"_s)).isValid());
        QVERIFY(!escalationOf(parse(u"<message xmlns='jabber:client'><escalation "
                                    u"xmlns='https://rounds.invalid/ns/clinical' step='1'/>"
                                    u"</message>"_s)));
    }

    void forwardedFrom()
    {
        Xmpp::Element stanza(u"message"_s, u"jabber:client"_s);
        addForwardedFrom(stanza, {u"ana@x"_s, u"orig"_s});
        QCOMPARE(forwardedFromOf(reparse(stanza)), (ForwardedFrom{u"ana@x"_s, u"orig"_s}));
        QVERIFY(!forwardedFromOf(parse(u"<message xmlns='jabber:client'><forwarded-from "
                                       u"xmlns='https://rounds.invalid/ns/clinical' id='x'/>"
                                       u"</message>"_s)));
    }

    void retraction()
    {
        const Xmpp::Element stanza = reparse(retractStanza(u"ben@x"_s, u"s2"_s, u"orig"_s));
        QCOMPARE(retractedId(stanza), u"orig"_s);
        QVERIFY(stanza.hasChild(u"retract", u"urn:xmpp:message-retract:1"));
        QVERIFY(stanza.hasChild(u"store", HintsNs));
        QVERIFY(!stanza.hasChild(u"body")); // no fallback text (docs/protocol.md)
        QVERIFY(retractedId(parse(u"<message xmlns='jabber:client'><retract "
                                  u"xmlns='urn:xmpp:message-retract:0' id='x'/></message>"_s))
                    .isEmpty());
    }

    void roleRoundTrip()
    {
        const Xmpp::Element element =
            parse(u"<role xmlns='https://rounds.invalid/ns/clinical' id='cardiology-oncall' "
                  u"name='On-call cardiology'>"
                  u"<shift jid='ana@host' start='2026-11-25T07:00:00Z' end='2026-11-25T19:00:00Z'/>"
                  u"<shift jid='ben@host/phone' start='2026-11-25T19:00:00Z' "
                  u"end='2026-11-26T07:00:00Z'/>"
                  u"<escalation><step after-minutes='5' role='cardiology-backup'/>"
                  u"<step after-minutes='10' jid='lead@host'/></escalation></role>"_s);
        const auto role = Role::fromElement(element);
        QVERIFY2(role, qPrintable(role ? QString() : role.error().detail));
        QCOMPARE(role->id, u"cardiology-oncall"_s);
        QCOMPARE(role->shifts.size(), 2);
        QCOMPARE(role->shifts.at(1).jid.toString(), u"ben@host"_s); // bare
        QCOMPARE(role->escalation.size(), 2);
        QCOMPARE(role->escalation.at(0).role, u"cardiology-backup"_s);
        QCOMPARE(role->escalation.at(1).jid.toString(), u"lead@host"_s);
        const auto again = Role::fromElement(reparse(role->toElement()));
        QVERIFY(again);
        QCOMPARE(*again, *role);
        // Serialised without a copy of the namespace on every child.
        QVERIFY(!role->toElement().toXml().contains(u"<shift xmlns"));
    }

    void roleRejectsMalformed_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::addColumn<QString>("detail");
        const QString head = u"<role xmlns='https://rounds.invalid/ns/clinical' "_s;
        QTest::newRow("bad id") << head + u"id='a b'/>"_s << u"directory-invalid: role id"_s;
        QTest::newRow("window") << head + u"id='r'><shift jid='a@h' start='2026-11-25T19:00:00Z' "
                                          u"end='2026-11-25T07:00:00Z'/></role>"_s
                                << u"directory-invalid: shift window"_s;
        QTest::newRow("no jid") << head + u"id='r'><shift start='2026-11-25T07:00:00Z' "
                                          u"end='2026-11-25T19:00:00Z'/></role>"_s
                                << u"directory-invalid: shift jid"_s;
        QTest::newRow("two targets")
            << head + u"id='r'><escalation><step after-minutes='1' role='x' jid='a@h'/>"
                      u"</escalation></role>"_s
            << u"directory-invalid: step target"_s;
        QTest::newRow("minutes") << head + u"id='r'><escalation><step after-minutes='soon' "
                                           u"role='x'/></escalation></role>"_s
                                 << u"directory-invalid: step after-minutes"_s;
    }
    void roleRejectsMalformed()
    {
        QFETCH(QString, xml);
        QFETCH(QString, detail);
        const auto role = Role::fromElement(parse(xml));
        QVERIFY(!role);
        QCOMPARE(role.error().code, Core::Error::Code::Policy);
        QCOMPARE(role.error().detail, detail);
    }
};

QTEST_GUILESS_MAIN(tst_ClinicalElements)
#include "tst_ClinicalElements.moc"
