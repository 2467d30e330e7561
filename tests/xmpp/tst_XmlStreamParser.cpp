// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/XmlStreamParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::Element;
using Xmpp::XmlStreamParser;

namespace Xmpp {
// Lets QCOMPARE print both sides when elements differ.
char *toString(const Element &element)
{
    return QTest::toString(element.isNull() ? u"(null element)"_s : element.toXml());
}
} // namespace Xmpp

namespace {

const QString Client = u"jabber:client"_s;
const QString Framing = u"urn:ietf:params:xml:ns:xmpp-framing"_s;
const QString Streams = u"http://etherx.jabber.org/streams"_s;
const QString StreamErrors = u"urn:ietf:params:xml:ns:xmpp-streams"_s;
const QString Sasl = u"urn:ietf:params:xml:ns:xmpp-sasl"_s;
const QString Sid = u"urn:xmpp:sid:0"_s;

/// A message with the awkward parts in one place: entity and character
/// references in attributes and text, a literal emoji (a surrogate pair), CDATA,
/// xml:lang, namespaced children and a prefixed attribute.
const QString RealisticStanza =
    u"<message xmlns='jabber:client' from='alice@example.org/ward7' to='bob@example.org' "
    u"type='chat' id='m&amp;1' xml:lang='en'>"
    u"<body>Dose &lt; 5 mg &amp; &quot;stat&quot; \U0001F600 caf&#xE9; &#x1F600;"
    u"<![CDATA[<raw & data>]]></body>"
    u"<origin-id xmlns='urn:xmpp:sid:0' id='de305d54'/>"
    u"<stanza-id xmlns='urn:xmpp:sid:0' id='5f3d' by='bob@example.org'/>"
    u"<x xmlns:p='urn:example:p' p:flag='it&apos;s'/>"
    u"</message>"_s;

Element realisticExpected()
{
    Element message(u"message"_s, Client);
    message.setAttribute(u"from"_s, u"alice@example.org/ward7"_s)
        .setAttribute(u"to"_s, u"bob@example.org"_s)
        .setAttribute(u"type"_s, u"chat"_s)
        .setAttribute(u"id"_s, u"m&1"_s)
        .setAttribute(u"xml:lang"_s, u"en"_s);
    message.appendChild(Element(u"body"_s, Client)
                            .setText(u"Dose < 5 mg & \"stat\" \U0001F600 caf\u00E9 \U0001F600"
                                     u"<raw & data>"_s));
    message.appendChild(Element(u"origin-id"_s, Sid).setAttribute(u"id"_s, u"de305d54"_s));
    message.appendChild(Element(u"stanza-id"_s, Sid)
                            .setAttribute(u"id"_s, u"5f3d"_s)
                            .setAttribute(u"by"_s, u"bob@example.org"_s));
    message.appendChild(Element(u"x"_s, Client).setAttribute(u"{urn:example:p}flag"_s, u"it's"_s));
    return message;
}

Element featuresExpected()
{
    Element mechanisms(u"mechanisms"_s, Sasl);
    for (const QString &name : {u"SCRAM-SHA-1"_s, u"SCRAM-SHA-256"_s})
        mechanisms.appendChild(Element(u"mechanism"_s, Sasl).setText(name));
    Element features(u"features"_s, Streams);
    features.appendChild(mechanisms);
    features.appendChild(Element(u"sm"_s, u"urn:xmpp:sm:3"_s));
    return features;
}

/// Feeds every chunk in turn. Returns all elements, or the first error.
Core::Result<QList<Element>> feedAll(XmlStreamParser &parser, const QStringList &chunks)
{
    QList<Element> all;
    for (const QString &chunk : chunks) {
        auto parsed = parser.feed(chunk);
        if (!parsed)
            return parsed;
        all.append(*parsed);
    }
    return all;
}

QStringList splitInto(const QString &text, int parts)
{
    QStringList out;
    const qsizetype step = (text.size() + parts - 1) / parts;
    for (qsizetype i = 0; i < text.size(); i += step)
        out.append(text.mid(i, step));
    return out;
}

/// One chunk per UTF-16 code unit, so surrogate pairs arrive as halves.
QStringList codeUnits(const QString &text)
{
    QStringList out;
    out.reserve(text.size());
    for (QChar c : text)
        out.append(QString(c));
    return out;
}

QString nested(int depth)
{
    QString xml;
    for (int i = 0; i < depth; ++i)
        xml += u"<a>"_s;
    for (int i = 0; i < depth; ++i)
        xml += u"</a>"_s;
    return xml;
}

/// Checks a two-feed split of `xml` at `offset`; returns a description of
/// what went wrong, or an empty string.
QString checkSplit(const QString &xml, qsizetype offset, const QList<Element> &expected)
{
    XmlStreamParser parser;
    const auto first = parser.feed(QStringView(xml).left(offset));
    if (!first)
        return u"first feed failed: "_s + first.error().detail;
    const auto second = parser.feed(QStringView(xml).mid(offset));
    if (!second)
        return u"second feed failed: "_s + second.error().detail;
    const QList<Element> all = *first + *second;
    if (all != expected) {
        return u"got "_s + QString::number(all.size()) + u" element(s), first: "_s +
               (all.isEmpty() ? u"none"_s : all.first().toXml());
    }
    return {};
}

} // namespace

class tst_XmlStreamParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesCompleteStanza();
    void stanzaWithoutXmlnsIsInJabberClient();
    void framingOpen();
    void framingClose();
    void streamFeatures_data();
    void streamFeatures();
    void streamError();
    void sessionSequenceInSeparateFeeds();
    void severalElementsInOneFeedInOrder();
    void whitespaceKeepalivesAreIgnored();
    void longWhitespaceRunsAreNotCountedOrBuffered();
    void emptyFeedReturnsNothing();
    void splitAtEveryOffset();
    void splitAtEveryOffsetBetweenTwoStanzas();
    void oneCodeUnitPerFeed();
    void surrogatePairSplitAcrossFeeds();
    void entitiesAndCdataAreDecoded();
    void attributesAreDecodedAndQualified();
    void formattingWhitespaceBetweenChildrenIsDropped();
    void errors_data();
    void errors();
    void errorIsStickyUntilReset();
    void resetDiscardsPartialInput();
    void resetDiscardsHeldSurrogate();
    void maxSizeBoundary_data();
    void maxSizeBoundary();
    void oversizedElementIsRefusedBeforeItEnds();
    void oversizedElementIsRefusedAcrossFeeds();
    void hugeSingleFeedIsRefused();
    void feedLargerThanLimitWithSmallElementsIsAccepted();
    void nestingDepthLimit();
    void burstOf200StanzasInOneFeed();
    void maxStanzaSizeAccessor();
};

void tst_XmlStreamParser::parsesCompleteStanza()
{
    XmlStreamParser parser;
    const auto parsed = parser.feed(RealisticStanza);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->first(), realisticExpected());
}

void tst_XmlStreamParser::stanzaWithoutXmlnsIsInJabberClient()
{
    XmlStreamParser parser;
    const auto parsed =
        parser.feed(u"<presence/><iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 2);
    QVERIFY(parsed->at(0).is(u"presence", Client));
    QVERIFY(parsed->at(1).is(u"iq", Client));
    QCOMPARE(parsed->at(1).attribute(u"id"), u"r1"_s);
    QVERIFY(parsed->at(1).firstChild(u"query").is(u"query", u"jabber:iq:roster"));
}

void tst_XmlStreamParser::framingOpen()
{
    // As Prosody answers the client's <open/>.
    XmlStreamParser parser;
    const auto parsed = parser.feed(
        u"<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' xml:lang='en' version='1.0' "
        u"from='example.org' id='4a9f7d3c-9a51-4c3e-8a07-3c1d5e6f7a8b'/>"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    Element expected(u"open"_s, Framing);
    expected.setAttribute(u"xml:lang"_s, u"en"_s)
        .setAttribute(u"version"_s, u"1.0"_s)
        .setAttribute(u"from"_s, u"example.org"_s)
        .setAttribute(u"id"_s, u"4a9f7d3c-9a51-4c3e-8a07-3c1d5e6f7a8b"_s);
    QCOMPARE(parsed->first(), expected);
}

void tst_XmlStreamParser::framingClose()
{
    XmlStreamParser parser;
    const auto parsed = parser.feed(
        u"<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"
        u"<close xmlns='urn:ietf:params:xml:ns:xmpp-framing' see-other-uri='wss://b.example/ws'/>"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->at(0), Element(u"close"_s, Framing));
    QVERIFY(parsed->at(1).is(u"close", Framing));
    QCOMPARE(parsed->at(1).attribute(u"see-other-uri"), u"wss://b.example/ws"_s);
}

void tst_XmlStreamParser::streamFeatures_data()
{
    QTest::addColumn<QString>("xml");
    const QString content =
        u"<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
        u"<mechanism>SCRAM-SHA-1</mechanism><mechanism>SCRAM-SHA-256</mechanism>"
        u"</mechanisms><sm xmlns='urn:xmpp:sm:3'/>"_s;
    QTest::newRow("prefix declared on the element (Prosody)")
        << u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"_s + content +
               u"</stream:features>"_s;
    QTest::newRow("default namespace (ejabberd)")
        << u"<features xmlns='http://etherx.jabber.org/streams'>"_s + content + u"</features>"_s;
    QTest::newRow("prefix from the stream context")
        << u"<stream:features>"_s + content + u"</stream:features>"_s;
}

void tst_XmlStreamParser::streamFeatures()
{
    QFETCH(QString, xml);
    XmlStreamParser parser;
    const auto parsed = parser.feed(xml);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->first(), featuresExpected());
}

void tst_XmlStreamParser::streamError()
{
    XmlStreamParser parser;
    const auto parsed =
        parser.feed(u"<stream:error xmlns:stream='http://etherx.jabber.org/streams'>"
                    u"<host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                    u"<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='en'>"
                    u"This server does not serve example.net</text></stream:error>"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    Element expected(u"error"_s, Streams);
    expected.appendChild(Element(u"host-unknown"_s, StreamErrors));
    expected.appendChild(Element(u"text"_s, StreamErrors)
                             .setAttribute(u"xml:lang"_s, u"en"_s)
                             .setText(u"This server does not serve example.net"_s));
    QCOMPARE(parsed->first(), expected);
}

void tst_XmlStreamParser::sessionSequenceInSeparateFeeds()
{
    XmlStreamParser parser;
    const QStringList frames{
        u"<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' from='example.org' id='s1' "
        u"version='1.0' xml:lang='en'/>"_s,
        u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
        u"<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
        u"</mechanisms></stream:features>"_s,
        u"<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>dj1yTzN4</success>"_s,
        u"<iq type='result' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
        u"<jid>alice@example.org/ward7</jid></bind></iq>"_s,
        u"<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"_s,
    };
    QList<Element> all;
    for (const QString &frame : frames) {
        const auto parsed = parser.feed(frame);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
        QCOMPARE(parsed->size(), 1);
        all.append(parsed->first());
    }
    QVERIFY(all.at(0).is(u"open", Framing));
    QVERIFY(all.at(1).is(u"features", Streams));
    QVERIFY(all.at(2).is(u"success", Sasl));
    QCOMPARE(all.at(2).text(), u"dj1yTzN4"_s);
    QVERIFY(all.at(3).is(u"iq", Client));
    QCOMPARE(all.at(3).firstChild(u"bind").childText(u"jid"), u"alice@example.org/ward7"_s);
    QVERIFY(all.at(4).is(u"close", Framing));
}

void tst_XmlStreamParser::severalElementsInOneFeedInOrder()
{
    XmlStreamParser parser;
    const auto parsed =
        parser.feed(u"<open xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>\n"
                    u"<stream:features/> <message id='1'/>\r\n\t"
                    u"<message id='2'><body>two</body></message><message id='3'/>"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 5);
    QVERIFY(parsed->at(0).is(u"open", Framing));
    QVERIFY(parsed->at(1).is(u"features", Streams));
    for (int i = 2; i < 5; ++i) {
        QVERIFY(parsed->at(i).is(u"message", Client));
        QCOMPARE(parsed->at(i).attribute(u"id"), QString::number(i - 1));
    }
    QCOMPARE(parsed->at(3).childText(u"body"), u"two"_s);
}

void tst_XmlStreamParser::whitespaceKeepalivesAreIgnored()
{
    XmlStreamParser parser;
    for (const QString &keepalive : {u" "_s, u"\n"_s, u"\r\n"_s, u"\t  \n "_s}) {
        const auto parsed = parser.feed(keepalive);
        QVERIFY(parsed);
        QVERIFY(parsed->isEmpty());
    }
    auto parsed = parser.feed(u"  <presence/>  "_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    parsed = parser.feed(u" "_s);
    QVERIFY(parsed);
    QVERIFY(parsed->isEmpty());
    parsed = parser.feed(u"\n<message id='k'/>\n"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->first().attribute(u"id"), u"k"_s);
}

void tst_XmlStreamParser::longWhitespaceRunsAreNotCountedOrBuffered()
{
    // A 64-character limit: any whitespace that counted towards an element or
    // piled up in front of one would trip it.
    XmlStreamParser parser(64);
    const QString chunk(4096, u' ');
    for (int i = 0; i < 256; ++i) { // 1 Mi spaces in many feeds
        const auto parsed = parser.feed(chunk);
        QVERIFY(parsed);
        QVERIFY(parsed->isEmpty());
    }
    const QString run(1 << 20, u'\n');
    auto parsed = parser.feed(QString(u"<a/>"_s + run + u"<b/>"_s + run));
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->at(0).name(), u"a"_s);
    QCOMPARE(parsed->at(1).name(), u"b"_s);
    parsed = parser.feed(QString(run + u"<c/>"_s));
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
}

void tst_XmlStreamParser::emptyFeedReturnsNothing()
{
    XmlStreamParser parser;
    const auto parsed = parser.feed(QStringView());
    QVERIFY(parsed);
    QVERIFY(parsed->isEmpty());
    const auto next = parser.feed(u"<presence/>"_s);
    QVERIFY(next);
    QCOMPARE(next->size(), 1);
}

void tst_XmlStreamParser::splitAtEveryOffset()
{
    const QList<Element> expected{realisticExpected()};
    // Offsets cover attribute values, entity and character references, the
    // CDATA markers and both halves of the emoji.
    for (qsizetype offset = 0; offset <= RealisticStanza.size(); ++offset) {
        const QString problem = checkSplit(RealisticStanza, offset, expected);
        QVERIFY2(problem.isEmpty(),
                 qPrintable(u"split at "_s + QString::number(offset) + u": "_s + problem));
    }
}

void tst_XmlStreamParser::splitAtEveryOffsetBetweenTwoStanzas()
{
    // The second stanza has CR LF line ends, which the reader normalises: to LF
    // in text, to a space in attribute values (as it does tabs).
    const QString second =
        u"<message id='2' note='a\r\nb\tc'><body>&#x1F600; line\r\nbreak</body></message>"_s;
    const QString xml = RealisticStanza + u" \r\n "_s + second;
    const QList<Element> expected{
        realisticExpected(),
        Element(u"message"_s, Client)
            .setAttribute(u"id"_s, u"2"_s)
            .setAttribute(u"note"_s, u"a b c"_s)
            .appendChild(Element(u"body"_s, Client).setText(u"\U0001F600 line\nbreak"_s)),
    };
    for (qsizetype offset = 0; offset <= xml.size(); ++offset) {
        const QString problem = checkSplit(xml, offset, expected);
        QVERIFY2(problem.isEmpty(),
                 qPrintable(u"split at "_s + QString::number(offset) + u": "_s + problem));
    }
}

void tst_XmlStreamParser::oneCodeUnitPerFeed()
{
    XmlStreamParser parser;
    QList<Element> all;
    const QStringList units = codeUnits(RealisticStanza + u"\n"_s + RealisticStanza);
    for (qsizetype i = 0; i < units.size(); ++i) {
        const auto parsed = parser.feed(units.at(i));
        QVERIFY2(parsed, qPrintable(u"at "_s + QString::number(i)));
        all.append(*parsed);
    }
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0), realisticExpected());
    QCOMPARE(all.at(1), realisticExpected());
}

void tst_XmlStreamParser::surrogatePairSplitAcrossFeeds()
{
    const QString emoji = u"\U0001F600"_s;
    QCOMPARE(emoji.size(), 2);
    XmlStreamParser parser;
    auto parsed = parser.feed(QString(u"<message id='"_s + emoji.front()));
    QVERIFY(parsed);
    QVERIFY(parsed->isEmpty());
    parsed = parser.feed(QString(emoji.back() + u"'><body>ok "_s + emoji.front()));
    QVERIFY(parsed);
    QVERIFY(parsed->isEmpty());
    parsed = parser.feed(QString(emoji.back() + u"</body></message>"_s));
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->first().attribute(u"id"), emoji);
    QCOMPARE(parsed->first().childText(u"body"), u"ok "_s + emoji);
}

void tst_XmlStreamParser::entitiesAndCdataAreDecoded()
{
    XmlStreamParser parser;
    const auto parsed =
        parser.feed(u"<message><body>&lt;&gt;&amp;&apos;&quot; &#60;&#x3C; &#x1F600;&#233;"
                    u"<![CDATA[<b>&amp;</b> ]]]]><![CDATA[>]]>\ttab</body></message>"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->first().childText(u"body"),
             u"<>&'\" << \U0001F600\u00E9<b>&amp;</b> ]]>\ttab"_s);
}

void tst_XmlStreamParser::attributesAreDecodedAndQualified()
{
    XmlStreamParser parser;
    const auto parsed = parser.feed(u"<message xml:lang='en' id=\"a&lt;b&#x20;c&quot;\" "
                                    u"xmlns:p='urn:p' p:x='1' xmlns='jabber:client'/>"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    const QList<Element::Attribute> expected{
        {u"xml:lang"_s, u"en"_s}, {u"id"_s, u"a<b c\""_s}, {u"{urn:p}x"_s, u"1"_s}};
    QCOMPARE(parsed->first().attributes(), expected);
}

void tst_XmlStreamParser::formattingWhitespaceBetweenChildrenIsDropped()
{
    XmlStreamParser parser;
    const auto parsed =
        parser.feed(u"<message id='1'>\n  <body>  </body>\n  "
                    u"<thread>t1</thread>\n</message>"
                    u"<message id='1'><body>  </body><thread>t1</thread></message>"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->at(0), parsed->at(1));
    QVERIFY(parsed->at(0).text().isEmpty());
    QCOMPARE(parsed->at(0).childText(u"body"), u"  "_s); // a leaf keeps its whitespace
}

void tst_XmlStreamParser::errors_data()
{
    QTest::addColumn<QStringList>("chunks");
    QTest::addColumn<QString>("detail"); // expected prefix of the error detail

    const QString notWellFormed = u"not-well-formed"_s;
    const QString outside = u"not-well-formed: character data outside an element"_s;
    const QString unbound = u"not-well-formed: unbound namespace prefix"_s;
    const QString dtd = u"restricted-xml: DTD"_s;
    const QString pi = u"restricted-xml: processing instruction"_s;
    const QString comment = u"restricted-xml: comment"_s;
    const QString entity = u"restricted-xml: undeclared entity reference"_s;

    QTest::newRow("mismatched end tag")
        << QStringList{u"<message><body>hi</message>"_s} << notWellFormed;
    QTest::newRow("mismatched end tag across feeds")
        << QStringList{u"<message><bo"_s, u"dy>hi</mess"_s, u"age>"_s} << notWellFormed;
    QTest::newRow("unquoted attribute") << QStringList{u"<message id=1/>"_s} << notWellFormed;
    QTest::newRow("less-than in attribute value")
        << QStringList{u"<message id='<'/>"_s} << notWellFormed;
    QTest::newRow("duplicate attribute")
        << QStringList{u"<message id='1' id='2'/>"_s} << notWellFormed;
    QTest::newRow("control character")
        << QStringList{u"<message><body>a"_s + QChar(0x01) + u"</body></message>"_s}
        << notWellFormed;
    QTest::newRow("unpaired low surrogate")
        << QStringList{u"<message><body>"_s + QChar(0xDC00) + u"</body></message>"_s}
        << u"not-well-formed: unpaired surrogate"_s;
    QTest::newRow("unpaired high surrogate")
        << QStringList{u"<message><body>"_s + QChar(0xD800), u"x</body></message>"_s}
        << u"not-well-formed: unpaired surrogate"_s;
    QTest::newRow("DOCTYPE") << QStringList{u"<!DOCTYPE message>"_s} << dtd;
    QTest::newRow("DOCTYPE after a stanza")
        << QStringList{u"<presence/>"_s, u"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"_s} << dtd;
    QTest::newRow("billion laughs")
        << QStringList{u"<!DOCTYPE lolz [<!ENTITY lol 'lol'>"
                       u"<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
                       u"<!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>"
                       u"<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>"
                       u"<!ENTITY lol4 '&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;'>"
                       u"<!ENTITY lol5 '&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;'>"
                       u"<!ENTITY lol6 '&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;'>"
                       u"<!ENTITY lol7 '&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;'>"
                       u"<!ENTITY lol8 '&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;'>"
                       u"<!ENTITY lol9 '&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;'>"
                       u"]><message><body>&lol9;</body></message>"_s}
        << dtd;
    QTest::newRow("processing instruction") << QStringList{u"<?php echo 1; ?>"_s} << pi;
    QTest::newRow("processing instruction inside a stanza")
        << QStringList{u"<message><?app hint?></message>"_s} << pi;
    QTest::newRow("XML declaration in the stream")
        << QStringList{u"<?xml version='1.0'?><presence/>"_s} << pi;
    QTest::newRow("XML declaration after a stanza")
        << QStringList{u"<presence/>"_s, u"<?xml version='1.0' encoding='UTF-8'?>"_s} << pi;
    QTest::newRow("XML declaration inside a stanza")
        << QStringList{u"<message><?xml version='1.0'?></message>"_s} << pi;
    QTest::newRow("comment") << QStringList{u"<!-- hello -->"_s} << comment;
    QTest::newRow("comment inside a stanza")
        << QStringList{u"<message><body>a<!-- x -->b</body></message>"_s} << comment;
    QTest::newRow("undeclared entity in text")
        << QStringList{u"<message><body>&nbsp;</body></message>"_s} << entity;
    QTest::newRow("undeclared entity split across feeds")
        << QStringList{u"<message><body>&fo"_s, u"o;</body></message>"_s} << entity;
    QTest::newRow("undeclared entity in attribute")
        << QStringList{u"<message id='&foo;'/>"_s} << entity;
    QTest::newRow("text at top level") << QStringList{u"hello"_s} << outside;
    QTest::newRow("text after a stanza in the same feed")
        << QStringList{u"<presence/>hello"_s} << outside;
    QTest::newRow("text after a stanza in a later feed")
        << QStringList{u"<presence/>"_s, u"  x"_s} << outside;
    QTest::newRow("reference at top level") << QStringList{u"&amp;"_s} << outside;
    QTest::newRow("CDATA at top level") << QStringList{u"<![CDATA[x]]>"_s} << notWellFormed;
    QTest::newRow("unbound element prefix") << QStringList{u"<foo:message/>"_s} << unbound;
    QTest::newRow("unbound attribute prefix") << QStringList{u"<message foo:id='1'/>"_s} << unbound;
    QTest::newRow("end tag of the synthetic root")
        << QStringList{u"<presence/>"_s, u"</stream>"_s}
        << u"not-well-formed: end tag closes the stream"_s;
    QTest::newRow("stream:stream end tag") << QStringList{u"</stream:stream>"_s} << notWellFormed;
    QTest::newRow("end tag without start tag") << QStringList{u"</message>"_s} << notWellFormed;
    QTest::newRow("nesting too deep")
        << QStringList{nested(XmlStreamParser::MaxNestingDepth + 1)}
        << u"policy-violation: elements nested deeper than 128 levels"_s;
}

void tst_XmlStreamParser::errors()
{
    QFETCH(QStringList, chunks);
    QFETCH(QString, detail);
    XmlStreamParser parser;
    const auto parsed = feedAll(parser, chunks);
    QVERIFY2(!parsed, "malformed or restricted input was accepted");
    QCOMPARE(parsed.error().code, Core::Error::Code::Stanza);
    QVERIFY2(parsed.error().detail.startsWith(detail),
             qPrintable(u"detail was: "_s + parsed.error().detail));
}

void tst_XmlStreamParser::errorIsStickyUntilReset()
{
    XmlStreamParser parser;
    const auto failed = parser.feed(u"<message><!-- no --></message>"_s);
    QVERIFY(!failed);
    for (const QString &more : {u"<presence/>"_s, u" "_s, QString(), u"</message>"_s}) {
        const auto again = parser.feed(more);
        QVERIFY(!again);
        QCOMPARE(again.error(), failed.error());
    }
    parser.reset();
    const auto parsed = parser.feed(u"<presence/>"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
}

void tst_XmlStreamParser::resetDiscardsPartialInput()
{
    XmlStreamParser parser;
    QVERIFY(parser.feed(u"<message><body>half a mess"_s));
    parser.reset();
    const auto parsed = parser.feed(u"<presence/>"_s);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    QVERIFY(parsed->first().is(u"presence", Client));
}

void tst_XmlStreamParser::resetDiscardsHeldSurrogate()
{
    XmlStreamParser parser;
    QVERIFY(parser.feed(QString(u"<message><body>"_s + QChar(0xD83D))));
    parser.reset();
    const auto parsed = parser.feed(u"<presence/>"_s);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->size(), 1);
}

void tst_XmlStreamParser::maxSizeBoundary_data()
{
    QTest::addColumn<QStringList>("chunks");
    QTest::addColumn<int>("expectedElements");

    const QString stanza = RealisticStanza;
    QTest::newRow("one feed") << QStringList{stanza} << 1;
    QTest::newRow("three feeds") << splitInto(stanza, 3) << 1;
    QTest::newRow("one code unit per feed") << codeUnits(stanza) << 1;
    QTest::newRow("whitespace around, two stanzas in one feed")
        << QStringList{u"   \n"_s + stanza + u"\r\n  "_s + stanza + u" "_s} << 2;
    QTest::newRow("two stanzas, split in seven feeds")
        << splitInto(u"\n"_s + stanza + u"  "_s + stanza, 7) << 2;
}

void tst_XmlStreamParser::maxSizeBoundary()
{
    QFETCH(QStringList, chunks);
    QFETCH(int, expectedElements);
    const qsizetype size = RealisticStanza.size();

    XmlStreamParser exact(size);
    const auto parsed = feedAll(exact, chunks);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->size(), expectedElements);
    for (const Element &element : *parsed)
        QCOMPARE(element, realisticExpected());

    XmlStreamParser oneShort(size - 1);
    const auto refused = feedAll(oneShort, chunks);
    QVERIFY(!refused);
    QCOMPARE(refused.error(), (Core::Error{Core::Error::Code::Stanza,
                                           u"policy-violation: stanza exceeds "_s +
                                               QString::number(size - 1) + u" characters"_s}));
}

void tst_XmlStreamParser::oversizedElementIsRefusedBeforeItEnds()
{
    XmlStreamParser parser(1000);
    // No end tag: the parser must not wait for one before refusing.
    const auto parsed = parser.feed(QString(u"<message><body>"_s + QString(5000, u'x')));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, Core::Error::Code::Stanza);
    QCOMPARE(parsed.error().detail, u"policy-violation: stanza exceeds 1000 characters"_s);
}

void tst_XmlStreamParser::oversizedElementIsRefusedAcrossFeeds()
{
    XmlStreamParser parser(1000);
    const QString start = u"<message><body>"_s; // 15 characters
    QVERIFY(parser.feed(u"<presence/>  "_s));   // earlier elements do not count
    QVERIFY(parser.feed(start));
    const QString chunk(100, u'y');
    for (int i = 1; i <= 9; ++i) // 15 + 900 characters so far
        QVERIFY2(parser.feed(chunk), qPrintable(u"feed "_s + QString::number(i)));
    QVERIFY(parser.feed(QString(85, u'y'))); // exactly 1000, still open
    const auto parsed = parser.feed(u"<"_s);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().detail, u"policy-violation: stanza exceeds 1000 characters"_s);
}

void tst_XmlStreamParser::hugeSingleFeedIsRefused()
{
    XmlStreamParser parser;
    const QString huge =
        u"<message><body>"_s + QString(16 * 1024 * 1024, u'z') + u"</body></message>"_s;
    const auto parsed = parser.feed(huge);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().detail, u"policy-violation: stanza exceeds "_s +
                                        QString::number(XmlStreamParser::DefaultMaxStanzaSize) +
                                        u" characters"_s);
}

void tst_XmlStreamParser::feedLargerThanLimitWithSmallElementsIsAccepted()
{
    XmlStreamParser parser(2000);
    QString burst;
    for (int i = 0; i < 10; ++i) {
        burst += u"<message id='"_s + QString::number(i) + u"'><body>"_s + QString(1000, u'b') +
                 u"</body></message>\n"_s;
    }
    QVERIFY(burst.size() > 5 * parser.maxStanzaSize());
    const auto parsed = parser.feed(burst);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->size(), 10);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(parsed->at(i).attribute(u"id"), QString::number(i));
}

void tst_XmlStreamParser::nestingDepthLimit()
{
    XmlStreamParser parser;
    const auto parsed = parser.feed(nested(XmlStreamParser::MaxNestingDepth));
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->size(), 1);
    int depth = 1;
    for (Element e = parsed->first(); !e.children().isEmpty();) {
        const Element child = e.children().first();
        e = child;
        ++depth;
    }
    QCOMPARE(depth, XmlStreamParser::MaxNestingDepth);
}

void tst_XmlStreamParser::burstOf200StanzasInOneFeed()
{
    QString burst;
    const QString text(900, u't');
    for (int i = 0; i < 200; ++i) {
        burst += u"<message from='ward7@muc.example.org/nurse' type='groupchat' id='b"_s +
                 QString::number(i) + u"'><body>"_s + text +
                 u"</body><stanza-id xmlns='urn:xmpp:sid:0' id='s"_s + QString::number(i) +
                 u"' by='ward7@muc.example.org'/></message>"_s;
    }
    QVERIFY(burst.size() > 200 * 1024);
    XmlStreamParser parser;
    const auto parsed = parser.feed(burst);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QCOMPARE(parsed->size(), 200);
    for (int i = 0; i < 200; ++i) {
        const Element &message = parsed->at(i);
        QCOMPARE(message.attribute(u"id"), u"b"_s + QString::number(i));
        QCOMPARE(message.childText(u"body"), text);
        QCOMPARE(message.firstChild(u"stanza-id", Sid).attribute(u"id"),
                 u"s"_s + QString::number(i));
    }
}

void tst_XmlStreamParser::maxStanzaSizeAccessor()
{
    QCOMPARE(XmlStreamParser().maxStanzaSize(), XmlStreamParser::DefaultMaxStanzaSize);
    QCOMPARE(XmlStreamParser(4096).maxStanzaSize(), 4096);
}

QTEST_GUILESS_MAIN(tst_XmlStreamParser)
#include "tst_XmlStreamParser.moc"
