// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/Element.h"
#include "xmpp/XmlStreamParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::Element;

Q_DECLARE_METATYPE(Xmpp::Element)

namespace Xmpp {
// Lets QCOMPARE print both sides when elements differ.
char *toString(const Element &element)
{
    return QTest::toString(element.isNull() ? u"(null element)"_s : element.toXml());
}
} // namespace Xmpp

namespace {

const QString Client = u"jabber:client"_s;
const QString Sid = u"urn:xmpp:sid:0"_s;
const QString Sm = u"urn:xmpp:sm:3"_s;

Element textElement(const QString &name, const QString &xmlns, const QString &text)
{
    Element element(name, xmlns);
    element.setText(text);
    return element;
}

/// A chat message as the client sends it, every namespace explicit.
Element chatMessage()
{
    Element message(u"message"_s, Client);
    message.setAttribute(u"to"_s, u"bob@example.org"_s)
        .setAttribute(u"type"_s, u"chat"_s)
        .setAttribute(u"id"_s, u"c4f1e2"_s);
    message.appendChild(textElement(u"body"_s, Client, u"BP 120/80, recheck at 14:00"_s));
    message.appendChild(Element(u"origin-id"_s, Sid).setAttribute(u"id"_s, u"c4f1e2"_s));
    message.appendChild(Element(u"stanza-id"_s, Sid)
                            .setAttribute(u"id"_s, u"5f3dbc"_s)
                            .setAttribute(u"by"_s, u"bob@example.org"_s));
    return message;
}

/// Parses `xml`, which must hold exactly one complete top-level element.
Element parseOne(const QString &xml, QString *problem)
{
    Xmpp::XmlStreamParser parser;
    const auto parsed = parser.feed(xml);
    if (!parsed) {
        *problem = u"parse error: "_s + parsed.error().detail;
        return {};
    }
    if (parsed->size() != 1) {
        *problem = u"expected one element, got "_s + QString::number(parsed->size());
        return {};
    }
    return parsed->first();
}

} // namespace

class tst_Element : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultConstructedIsNull();
    void constructorSetsNameAndNamespace();
    void attributeAbsentIsNullAndPresentEmptyIsNot();
    void setAttributeReplacesInPlace();
    void removeAttribute();
    void childLookupByNameAndNamespace();
    void childTextIsNullWhenChildMissing();
    void setTextAndAppendText();
    void childrenAccessorIsMutable();
    void toXml_data();
    void toXml();
    void toXmlOmitsXmlnsMatchingParentArgument();
    void escapeXmlEscapesAllSpecialCharacters();
    void equality_data();
    void equality();
    void roundTrip_data();
    void roundTrip();
    void emptyNamespaceMeansSameAsParent();
};

void tst_Element::defaultConstructedIsNull()
{
    const Element element;
    QVERIFY(element.isNull());
    QVERIFY(element.name().isEmpty());
    QVERIFY(element.attributes().isEmpty());
    QVERIFY(element.children().isEmpty());
    QVERIFY(!Element(u"x"_s).isNull());
}

void tst_Element::constructorSetsNameAndNamespace()
{
    const Element element(u"r"_s, Sm);
    QCOMPARE(element.name(), u"r"_s);
    QCOMPARE(element.xmlns(), Sm);
    QVERIFY(element.is(u"r", u"urn:xmpp:sm:3"));
    QVERIFY(!element.is(u"r", u"urn:xmpp:sm:2"));
    QVERIFY(!element.is(u"a", u"urn:xmpp:sm:3"));
    QVERIFY(Element(u"presence"_s).xmlns().isEmpty());
}

void tst_Element::attributeAbsentIsNullAndPresentEmptyIsNot()
{
    Element element(u"iq"_s);
    element.setAttribute(u"id"_s, u"q1"_s).setAttribute(u"to"_s, QString());
    QCOMPARE(element.attribute(u"id"), u"q1"_s);
    QVERIFY(element.hasAttribute(u"to"));
    QVERIFY(!element.attribute(u"to").isNull());
    QVERIFY(element.attribute(u"to").isEmpty());
    QVERIFY(!element.hasAttribute(u"from"));
    QVERIFY(element.attribute(u"from").isNull());
}

void tst_Element::setAttributeReplacesInPlace()
{
    Element element(u"iq"_s);
    element.setAttribute(u"type"_s, u"get"_s)
        .setAttribute(u"id"_s, u"1"_s)
        .setAttribute(u"type"_s, u"set"_s);
    const QList<Element::Attribute> expected{{u"type"_s, u"set"_s}, {u"id"_s, u"1"_s}};
    QCOMPARE(element.attributes(), expected);
}

void tst_Element::removeAttribute()
{
    Element element(u"iq"_s);
    element.setAttribute(u"type"_s, u"get"_s).setAttribute(u"id"_s, u"1"_s);
    element.removeAttribute(u"type").removeAttribute(u"absent");
    QVERIFY(!element.hasAttribute(u"type"));
    QCOMPARE(element.attributes().size(), 1);
    QCOMPARE(element.attribute(u"id"), u"1"_s);
}

void tst_Element::childLookupByNameAndNamespace()
{
    Element message(u"message"_s, Client);
    message.appendChild(Element(u"x"_s, u"urn:a"_s).setAttribute(u"n"_s, u"1"_s));
    message.appendChild(Element(u"x"_s, u"urn:b"_s).setAttribute(u"n"_s, u"2"_s));
    message.appendChild(Element(u"x"_s, u"urn:a"_s).setAttribute(u"n"_s, u"3"_s));

    QCOMPARE(message.firstChild(u"x").attribute(u"n"), u"1"_s);
    QCOMPARE(message.firstChild(u"x", u"urn:b").attribute(u"n"), u"2"_s);
    QVERIFY(message.firstChild(u"x", u"urn:c").isNull());
    QVERIFY(message.firstChild(u"y").isNull());

    QCOMPARE(message.childrenNamed(u"x").size(), 3);
    const QList<Element> inA = message.childrenNamed(u"x", u"urn:a");
    QCOMPARE(inA.size(), 2);
    QCOMPARE(inA.at(0).attribute(u"n"), u"1"_s);
    QCOMPARE(inA.at(1).attribute(u"n"), u"3"_s);
    QVERIFY(message.childrenNamed(u"y").isEmpty());

    QVERIFY(message.hasChild(u"x"));
    QVERIFY(message.hasChild(u"x", u"urn:b"));
    QVERIFY(!message.hasChild(u"x", u"urn:c"));
    QVERIFY(!message.hasChild(u"y"));
}

void tst_Element::childTextIsNullWhenChildMissing()
{
    Element message(u"message"_s, Client);
    message.appendChild(textElement(u"body"_s, Client, u"hello"_s));
    message.appendChild(Element(u"subject"_s, Client));
    QCOMPARE(message.childText(u"body"), u"hello"_s);
    QCOMPARE(message.childText(u"body", Client), u"hello"_s);
    QVERIFY(message.childText(u"body", u"urn:other").isNull());
    QVERIFY(message.childText(u"thread").isNull());
    // Present but empty is not the same as missing.
    QVERIFY(!message.childText(u"subject").isNull());
    QVERIFY(message.childText(u"subject").isEmpty());
}

void tst_Element::setTextAndAppendText()
{
    Element body(u"body"_s);
    body.setText(u"abc"_s).appendText(u"def");
    QCOMPARE(body.text(), u"abcdef"_s);
    body.setText(u"x"_s);
    QCOMPARE(body.text(), u"x"_s);
}

void tst_Element::childrenAccessorIsMutable()
{
    Element message(u"message"_s, Client);
    message.appendChild(Element(u"body"_s));
    message.children().first().setText(u"edited"_s);
    QCOMPARE(message.childText(u"body"), u"edited"_s);
}

void tst_Element::toXml_data()
{
    QTest::addColumn<Element>("element");
    QTest::addColumn<QString>("xml");

    QTest::newRow("self-closing with namespace")
        << Element(u"r"_s, Sm) << u"<r xmlns='urn:xmpp:sm:3'/>"_s;
    QTest::newRow("no namespace writes no xmlns") << Element(u"presence"_s) << u"<presence/>"_s;
    QTest::newRow("text only") << textElement(u"body"_s, {}, u"hi"_s) << u"<body>hi</body>"_s;

    QTest::newRow("child in parent namespace omits xmlns")
        << Element(u"message"_s, Client).appendChild(textElement(u"body"_s, Client, u"hi"_s))
        << u"<message xmlns='jabber:client'><body>hi</body></message>"_s;
    QTest::newRow("child with empty namespace omits xmlns")
        << Element(u"message"_s, Client).appendChild(textElement(u"body"_s, {}, u"hi"_s))
        << u"<message xmlns='jabber:client'><body>hi</body></message>"_s;
    QTest::newRow("child in other namespace writes xmlns")
        << Element(u"message"_s, Client)
               .appendChild(Element(u"origin-id"_s, Sid).setAttribute(u"id"_s, u"a1"_s))
        << u"<message xmlns='jabber:client'><origin-id xmlns='urn:xmpp:sid:0' id='a1'/></message>"_s;
    QTest::newRow("grandchild compares with nearest explicit namespace")
        << Element(u"a"_s, u"urn:a"_s)
               .appendChild(Element(u"b"_s).appendChild(Element(u"c"_s, u"urn:a"_s)))
        << u"<a xmlns='urn:a'><b><c/></b></a>"_s;
    QTest::newRow("namespace switches back")
        << Element(u"a"_s, u"urn:a"_s)
               .appendChild(Element(u"b"_s, u"urn:b"_s).appendChild(Element(u"c"_s, u"urn:a"_s)))
        << u"<a xmlns='urn:a'><b xmlns='urn:b'><c xmlns='urn:a'/></b></a>"_s;
    QTest::newRow("attributes in insertion order")
        << Element(u"iq"_s, Client).setAttribute(u"type"_s, u"get"_s).setAttribute(u"id"_s, u"q1"_s)
        << u"<iq xmlns='jabber:client' type='get' id='q1'/>"_s;
    QTest::newRow("text escapes & < > only")
        << textElement(u"body"_s, {}, u"a < b & c > d 'q' \"dq\""_s)
        << u"<body>a &lt; b &amp; c &gt; d 'q' \"dq\"</body>"_s;
    QTest::newRow("attribute escapes & < > ' \"")
        << Element(u"item"_s).setAttribute(u"name"_s, u"O'Brien & \"Co\" <x>"_s)
        << u"<item name='O&apos;Brien &amp; &quot;Co&quot; &lt;x&gt;'/>"_s;
    QTest::newRow("attribute whitespace as references")
        << Element(u"item"_s).setAttribute(u"v"_s, u"a\tb\nc\rd"_s)
        << u"<item v='a&#9;b&#10;c&#13;d'/>"_s;
    QTest::newRow("text keeps tab and newline, references CR")
        << textElement(u"body"_s, {}, u"a\tb\nc\r\nd"_s) << u"<body>a\tb\nc&#13;\nd</body>"_s;
    QTest::newRow("xml:lang") << Element(u"body"_s).setAttribute(u"xml:lang"_s, u"en"_s)
                              << u"<body xml:lang='en'/>"_s;
    QTest::newRow("xml namespace attribute in braces")
        << Element(u"body"_s).setAttribute(u"{http://www.w3.org/XML/1998/namespace}lang"_s, u"de"_s)
        << u"<body xml:lang='de'/>"_s;
    QTest::newRow("other namespaced attribute gets a prefix")
        << Element(u"x"_s, u"urn:x"_s)
               .setAttribute(u"{urn:p}a"_s, u"1"_s)
               .setAttribute(u"{urn:p}b"_s, u"2"_s)
               .setAttribute(u"{urn:q}c"_s, u"3"_s)
        << u"<x xmlns='urn:x' xmlns:ns0='urn:p' ns0:a='1' ns0:b='2' xmlns:ns1='urn:q' ns1:c='3'/>"_s;
    QTest::newRow("xmlns attribute is not duplicated")
        << Element(u"r"_s, Sm).setAttribute(u"xmlns"_s, u"urn:other"_s)
        << u"<r xmlns='urn:xmpp:sm:3'/>"_s;
    QTest::newRow("emoji surrogate pair kept")
        << textElement(u"body"_s, {}, u"ok \U0001F600"_s) << u"<body>ok \U0001F600</body>"_s;
    QTest::newRow("characters XML cannot carry become U+FFFD")
        << textElement(u"body"_s, {},
                       u"a"_s + QChar(0x01) + u"b"_s + QChar(0xFFFE) + u"c"_s + QChar(0xD800) +
                           u"d"_s + QChar(0xDC00))
        << u"<body>a\uFFFDb\uFFFDc\uFFFDd\uFFFD</body>"_s;
    QTest::newRow("text written before children")
        << textElement(u"p"_s, {}, u"t"_s).appendChild(Element(u"br"_s)) << u"<p>t<br/></p>"_s;
}

void tst_Element::toXml()
{
    QFETCH(Element, element);
    QFETCH(QString, xml);
    QCOMPARE(element.toXml(), xml);
}

void tst_Element::toXmlOmitsXmlnsMatchingParentArgument()
{
    const Element message = Element(u"message"_s, Client).appendChild(Element(u"body"_s, Client));
    QCOMPARE(message.toXml(Client), u"<message><body/></message>"_s);
    QCOMPARE(message.toXml(u"jabber:server"),
             u"<message xmlns='jabber:client'><body/></message>"_s);
}

void tst_Element::escapeXmlEscapesAllSpecialCharacters()
{
    QCOMPARE(Xmpp::escapeXml(u"<a href=\"x\">Tom & Jerry's</a>"),
             u"&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"_s);
    QCOMPARE(Xmpp::escapeXml(u"plain text \u00E9 \U0001F600"), u"plain text \u00E9 \U0001F600"_s);
    QCOMPARE(Xmpp::escapeXml(u""), QString());
}

void tst_Element::equality_data()
{
    QTest::addColumn<Element>("a");
    QTest::addColumn<Element>("b");
    QTest::addColumn<bool>("equal");

    const Element base = chatMessage();
    QTest::newRow("identical") << base << chatMessage() << true;
    QTest::newRow("null elements") << Element() << Element() << true;

    Element reordered(u"message"_s, Client);
    reordered.setAttribute(u"id"_s, u"c4f1e2"_s)
        .setAttribute(u"type"_s, u"chat"_s)
        .setAttribute(u"to"_s, u"bob@example.org"_s);
    for (const Element &child : base.children())
        reordered.appendChild(child);
    QTest::newRow("attribute order ignored") << base << reordered << true;

    Element manyA(u"x"_s), manyB(u"x"_s);
    for (int i = 0; i < 20; ++i) {
        manyA.setAttribute(u"a"_s + QString::number(i), QString::number(i));
        manyB.setAttribute(u"a"_s + QString::number(19 - i), QString::number(19 - i));
    }
    QTest::newRow("many attributes, order ignored") << manyA << manyB << true;
    Element manyC = manyB;
    manyC.setAttribute(u"a7"_s, u"changed"_s);
    QTest::newRow("many attributes, one value differs") << manyA << manyC << false;

    QTest::newRow("different name")
        << Element(u"message"_s, Client) << Element(u"presence"_s, Client) << false;
    QTest::newRow("different namespace")
        << Element(u"message"_s, Client) << Element(u"message"_s, u"jabber:server"_s) << false;
    QTest::newRow("empty namespace is not resolved")
        << Element(u"message"_s, Client) << Element(u"message"_s) << false;

    Element otherValue = base;
    otherValue.setAttribute(u"type"_s, u"groupchat"_s);
    QTest::newRow("different attribute value") << base << otherValue << false;

    Element extraAttribute = base;
    extraAttribute.setAttribute(u"from"_s, u"alice@example.org"_s);
    QTest::newRow("extra attribute") << base << extraAttribute << false;

    Element otherText = base;
    otherText.children()[0].setText(u"BP 120/80"_s);
    QTest::newRow("different child text") << base << otherText << false;

    Element swapped = base;
    swapped.children().swapItemsAt(1, 2);
    QTest::newRow("child order matters") << base << swapped << false;

    Element missingChild = base;
    missingChild.children().removeLast();
    QTest::newRow("missing child") << base << missingChild << false;

    QTest::newRow("text differs") << textElement(u"b"_s, {}, u"x"_s)
                                  << textElement(u"b"_s, {}, u"y"_s) << false;
}

void tst_Element::equality()
{
    QFETCH(Element, a);
    QFETCH(Element, b);
    QFETCH(bool, equal);
    QCOMPARE(a == b, equal);
    QCOMPARE(b == a, equal);
}

void tst_Element::roundTrip_data()
{
    QTest::addColumn<Element>("element");

    QTest::newRow("message with body, origin-id and stanza-id") << chatMessage();

    Element event(u"message"_s, Client);
    event.setAttribute(u"from"_s, u"pubsub.example.org"_s);
    Element entry(u"entry"_s, u"http://www.w3.org/2005/Atom"_s);
    entry.setAttribute(u"xml:lang"_s, u"en"_s);
    entry.appendChild(textElement(u"title"_s, u"http://www.w3.org/2005/Atom"_s, u"Ward 7"_s));
    Element item(u"item"_s, u"http://jabber.org/protocol/pubsub#event"_s);
    item.setAttribute(u"id"_s, u"ae890ac52d"_s);
    item.appendChild(entry);
    Element items(u"items"_s, u"http://jabber.org/protocol/pubsub#event"_s);
    items.setAttribute(u"node"_s, u"urn:example:handover"_s);
    items.appendChild(item);
    event.appendChild(
        Element(u"event"_s, u"http://jabber.org/protocol/pubsub#event"_s).appendChild(items));
    event.appendChild(Element(u"delay"_s, u"urn:xmpp:delay"_s)
                          .setAttribute(u"stamp"_s, u"2026-11-24T08:00:00Z"_s));
    QTest::newRow("nested elements with mixed namespaces") << event;

    QTest::newRow("attribute escaping")
        << Element(u"item"_s, u"jabber:iq:roster"_s)
               .setAttribute(u"jid"_s, u"o'brien@example.org"_s)
               .setAttribute(u"name"_s, u"Dr \"Bones\" <McCoy> & Co\t\n\r'"_s);
    QTest::newRow("text escaping and non-ASCII") << textElement(
        u"body"_s, Client, u"<b>5 mg</b> & 10 mg > 2 mg; caf\u00E9 \U0001F600\nline two\r\n]]>"_s);
    QTest::newRow("xml:lang") << Element(u"message"_s, Client)
                                     .setAttribute(u"xml:lang"_s, u"de"_s)
                                     .appendChild(textElement(u"body"_s, Client, u"Hallo"_s)
                                                      .setAttribute(u"xml:lang"_s, u"en"_s));
    QTest::newRow("namespaced attribute")
        << Element(u"x"_s, u"urn:x"_s).setAttribute(u"{urn:p}flag"_s, u"on"_s);
    QTest::newRow("stream management ack request") << Element(u"r"_s, Sm);
    QTest::newRow("framing open") << Element(u"open"_s, u"urn:ietf:params:xml:ns:xmpp-framing"_s)
                                         .setAttribute(u"to"_s, u"example.org"_s)
                                         .setAttribute(u"version"_s, u"1.0"_s);
}

void tst_Element::roundTrip()
{
    QFETCH(Element, element);
    const QString xml = element.toXml();
    QString problem;
    const Element parsed = parseOne(xml, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + u" in "_s + xml));
    QCOMPARE(parsed, element);
    QCOMPARE(parsed.toXml(), xml);
}

void tst_Element::emptyNamespaceMeansSameAsParent()
{
    // Built in code: the children have no namespace of their own...
    Element message(u"message"_s, Client);
    message.appendChild(textElement(u"body"_s, {}, u"hi"_s));
    Element reply(u"reply"_s, u"urn:xmpp:reply:0"_s);
    reply.appendChild(Element(u"note"_s));
    message.appendChild(reply);
    const QString xml = message.toXml();
    QCOMPARE(xml, u"<message xmlns='jabber:client'><body>hi</body>"
                  u"<reply xmlns='urn:xmpp:reply:0'><note/></reply></message>"_s);

    // ...so once parsed each one is in its parent's namespace.
    QString problem;
    const Element parsed = parseOne(xml, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(parsed.firstChild(u"body").xmlns(), Client);
    QCOMPARE(parsed.firstChild(u"reply").firstChild(u"note").xmlns(), u"urn:xmpp:reply:0"_s);

    // Structural equality compares namespaces as stored: the parsed tree is
    // resolved, the one built in code is not.
    QVERIFY(!(parsed == message));

    // A top-level element without a namespace is a stanza in the stream's
    // default namespace.
    const Element presence = parseOne(Element(u"presence"_s).toXml(), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(presence.xmlns(), Client);
}

QTEST_GUILESS_MAIN(tst_Element)
#include "tst_Element.moc"
