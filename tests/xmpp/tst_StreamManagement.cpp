// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/StreamManagement.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::Element;
using Xmpp::StreamManagement;

namespace {
Element message(const QString &id)
{
    return Element(u"message"_s, u"jabber:client"_s).setAttribute(u"id"_s, id);
}
QStringList ids(const QList<Element> &elements)
{
    QStringList out;
    for (const Element &e : elements)
        out << e.attribute(u"id");
    return out;
}
} // namespace

class tst_StreamManagement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsOnlyWhileEnabled()
    {
        StreamManagement sm;
        sm.onStanzaSent(message(u"before"_s));
        sm.onStanzaHandled();
        QCOMPARE(sm.outboundCount(), 0u);
        QCOMPARE(sm.inboundCount(), 0u);
        sm.onEnabled(u"sess"_s, 600);
        sm.onStanzaSent(message(u"a"_s));
        sm.onStanzaHandled();
        sm.onStanzaHandled();
        QCOMPARE(sm.outboundCount(), 1u);
        QCOMPARE(sm.inboundCount(), 2u);
        QVERIFY(sm.canResume());
        QCOMPARE(sm.resumeMaxSeconds(), 600);
    }

    void ackReleasesInOrder()
    {
        StreamManagement sm;
        sm.onEnabled(u"s"_s, 60);
        for (const auto &id : {u"1"_s, u"2"_s, u"3"_s})
            sm.onStanzaSent(message(id));
        auto acked = sm.onAck(2);
        QVERIFY(acked);
        QCOMPARE(ids(*acked), QStringList({u"1"_s, u"2"_s}));
        QCOMPARE(sm.unacknowledgedCount(), 1);
        acked = sm.onAck(2); // repeated ack is harmless
        QVERIFY(acked);
        QVERIFY(acked->isEmpty());
    }

    void ackBeyondSentIsAnError()
    {
        StreamManagement sm;
        sm.onEnabled(u"s"_s, 60);
        sm.onStanzaSent(message(u"1"_s));
        auto acked = sm.onAck(5);
        QVERIFY(!acked);
        QCOMPARE(acked.error().code, Core::Error::Code::Stanza);
        QCOMPARE(sm.unacknowledgedCount(), 1);
    }

    void resumeResendsTheRest()
    {
        StreamManagement sm;
        sm.onEnabled(u"s"_s, 60);
        for (const auto &id : {u"1"_s, u"2"_s, u"3"_s, u"4"_s})
            sm.onStanzaSent(message(id));
        QVERIFY(sm.onAck(1));
        sm.onTransportLost();
        QVERIFY(!sm.isEnabled());
        sm.onStanzaSent(message(u"while-down"_s)); // not counted: not on the wire
        auto resend = sm.onResumed(2);
        QVERIFY(resend);
        QCOMPARE(ids(*resend), QStringList({u"3"_s, u"4"_s}));
        QVERIFY(sm.isEnabled());
        // The caller resends them; counting continues from the server's h.
        for (const Element &e : *resend)
            sm.onStanzaSent(e);
        QCOMPARE(sm.outboundCount(), 4u);
        auto acked = sm.onAck(4);
        QVERIFY(acked);
        QCOMPARE(ids(*acked), QStringList({u"3"_s, u"4"_s}));
    }

    void failedResumeHandsBackUnacknowledged()
    {
        StreamManagement sm;
        sm.onEnabled(u"s"_s, 60);
        for (const auto &id : {u"1"_s, u"2"_s, u"3"_s})
            sm.onStanzaSent(message(id));
        sm.onTransportLost();
        const auto rest = sm.takeUnacknowledged(1u);
        QCOMPARE(ids(rest), QStringList({u"2"_s, u"3"_s}));
        QVERIFY(!sm.canResume());
        QCOMPARE(sm.unacknowledgedCount(), 0);
    }

    void enablingStartsFresh()
    {
        StreamManagement sm;
        sm.onEnabled(u"old"_s, 60);
        sm.onStanzaSent(message(u"x"_s));
        sm.onStanzaHandled();
        sm.onEnabled(u"new"_s, 30);
        QCOMPARE(sm.inboundCount(), 0u);
        QCOMPARE(sm.outboundCount(), 0u);
        QCOMPARE(sm.resumeId(), u"new"_s);
    }
};

QTEST_GUILESS_MAIN(tst_StreamManagement)
#include "tst_StreamManagement.moc"
