// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/LogScrubber.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Core::scrubLogText;

namespace {

// Pieces of protected information used in the inputs below. None may survive.
const QStringList kSecrets = {
    u"Jane"_s,
    u"Doe"_s,
    u"555"_s,
    u"123 4567"_s,
    u"4567"_s,
    u"6789"_s,
    u"123-45"_s,
    u"alice@example.org"_s,
    u"bob@example.org"_s,
    u"fever"_s,
    u"penicillin"_s,
    u"Ward 7"_s,
};

} // namespace

class TestLogScrubber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageStanza();
    void secretsNeverSurvive_data();
    void secretsNeverSurvive();
    void numbersInPlainText_data();
    void numbersInPlainText();
    void plainTextWithoutNumbersIsKept();
    void bookkeepingAttributesSurvive();
};

void TestLogScrubber::messageStanza()
{
    const QString stanza =
        u"<message to='alice@example.org' from=\"bob@example.org/phone\" id='msg-42' type='chat'>"
        u"<body>Call +1 555 123 4567 about Jane Doe, SSN 123-45-6789</body></message>"_s;
    const QString scrubbed = scrubLogText(stanza);

    QVERIFY2(scrubbed.startsWith(u"<message "), qPrintable(scrubbed));
    QVERIFY2(scrubbed.contains(u"<body>"), qPrintable(scrubbed));
    QVERIFY2(scrubbed.contains(u"</body></message>"), qPrintable(scrubbed));
    QVERIFY2(scrubbed.contains(u"id='msg-42'"), qPrintable(scrubbed));
    QVERIFY2(scrubbed.contains(u"type='chat'"), qPrintable(scrubbed));
    QVERIFY2(scrubbed.contains(u"to='[redacted]'"), qPrintable(scrubbed));
    QVERIFY2(scrubbed.contains(u"from='[redacted]'"), qPrintable(scrubbed));
    for (const QString &secret : kSecrets)
        QVERIFY2(!scrubbed.contains(secret), qPrintable(secret + u" in " + scrubbed));
    QVERIFY2(!scrubbed.contains(u"Call"), qPrintable(scrubbed));
    QVERIFY2(!scrubbed.contains(u"SSN"), qPrintable(scrubbed));
    // The body is replaced by a length marker, not dropped silently.
    QVERIFY2(scrubbed.contains(u"<body>[52 chars]</body>"), qPrintable(scrubbed));
}

void TestLogScrubber::secretsNeverSurvive_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("body with attributes on body")
        << u"<body xml:lang='en' extra='Jane Doe'>fever, Jane Doe +1 555 123 4567</body>"_s;
    QTest::newRow("CDATA section")
        << u"<message id='1'><body><![CDATA[Jane Doe, penicillin, 123-45-6789]]></body></message>"_s;
    QTest::newRow("unterminated CDATA") << u"<body><![CDATA[Jane Doe has fever"_s;
    QTest::newRow("comment") << u"<message id='1'><!-- Jane Doe, Ward 7 --><body/></message>"_s;
    QTest::newRow("stray less-than in text")
        << u"<message id='1'><body>temp a < b, Jane Doe</body></message>"_s;
    QTest::newRow("stray less-than before a tag") << u"dose < 5 for Jane Doe <iq id='x'/>"_s;
    QTest::newRow("text after the last tag") << u"<presence id='p1'/>Jane Doe, Ward 7"_s;
    QTest::newRow("truncated tag") << u"<message id='1' to='alice@example.org' from='bob@ex"_s;
    QTest::newRow("junk inside a tag") << u"<message Jane Doe id='1'>fever</message>"_s;
    QTest::newRow("double-quoted attributes")
        << u"<presence from=\"alice@example.org/Ward 7\" to=\"bob@example.org\"/>"_s;
    QTest::newRow("greater-than in an attribute value")
        << u"<x to='a>Jane Doe' id='2'>penicillin</x>"_s;
    QTest::newRow("nested stanza")
        << u"<forwarded xmlns='urn:xmpp:forward:0'><message from='alice@example.org'>"
           u"<body>Jane Doe</body><subject>fever</subject></message></forwarded>"_s;
    QTest::newRow("processing instruction")
        << u"<?xml version='1.0' note='Jane Doe'?><body>fever</body>"_s;
    QTest::newRow("phone number only") << u"<body>+1 555 123 4567</body>"_s;
    QTest::newRow("ssn only") << u"<body>123-45-6789</body>"_s;
    QTest::newRow("ssn in an id attribute") << u"<iq id='123-45-6789' type='get'/>"_s;
}

void TestLogScrubber::secretsNeverSurvive()
{
    QFETCH(QString, input);
    const QString scrubbed = scrubLogText(input);
    for (const QString &secret : kSecrets)
        QVERIFY2(!scrubbed.contains(secret), qPrintable(secret + u" in: " + scrubbed));
}

void TestLogScrubber::numbersInPlainText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("phone") << u"callback +1 555 123 4567 requested"_s
                           << u"callback [number] requested"_s;
    QTest::newRow("ssn") << u"ssn 123-45-6789"_s << u"ssn [number]"_s;
    QTest::newRow("ssn without dashes") << u"ssn 123456789"_s << u"ssn [number]"_s;
    QTest::newRow("bracketed phone") << u"tel (555) 123-4567"_s << u"tel ([number]"_s;
    QTest::newRow("medical record number") << u"mrn 00123456 seen"_s << u"mrn [number] seen"_s;
}

void TestLogScrubber::numbersInPlainText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(scrubLogText(input), expected);
}

void TestLogScrubber::plainTextWithoutNumbersIsKept()
{
    // Log lines are event names and ids; short counters stay readable.
    QCOMPARE(scrubLogText(u"stream resumed, h=42"_s), u"stream resumed, h=42"_s);
    QCOMPARE(scrubLogText(u"sasl mechanism SCRAM-SHA-256"_s), u"sasl mechanism SCRAM-SHA-256"_s);
    QCOMPARE(scrubLogText(QString()), QString());
}

void TestLogScrubber::bookkeepingAttributesSurvive()
{
    const QString scrubbed =
        scrubLogText(u"<iq type='result' id='disco1' to='alice@example.org'>"
                     u"<query xmlns='http://jabber.org/protocol/disco#info' node='n1'>"
                     u"<feature var='urn:xmpp:mam:2'/></query></iq>"
                     u"<r xmlns='urn:xmpp:sm:3'/><a xmlns='urn:xmpp:sm:3' h='12'/>"_s);
    QCOMPARE(scrubbed, u"<iq type='result' id='disco1' to='[redacted]'>"
                       u"<query xmlns='http://jabber.org/protocol/disco#info' node='n1'>"
                       u"<feature var='urn:xmpp:mam:2'/></query></iq>"
                       u"<r xmlns='urn:xmpp:sm:3'/><a xmlns='urn:xmpp:sm:3' h='12'/>"_s);
}

QTEST_GUILESS_MAIN(TestLogScrubber)
#include "tst_LogScrubber.moc"
