// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClientHarness.h"

#include "xmpp/Namespaces.h"
#include "xmpp/XmlStreamParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::Element;

namespace {

const QString Open = u"<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' from='example.org' "
                     u"id='s1' version='1.0' xml:lang='en'/>"_s;
const QString SaslFeatures =
    u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
    u"<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
    u"</mechanisms></stream:features>"_s;
const QString Success = u"<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"_s;

QString bindFeatures(bool sm)
{
    return u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
           u"<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"_s +
           (sm ? u"<sm xmlns='urn:xmpp:sm:3'/>"_s : QString()) + u"</stream:features>"_s;
}

bool fail(const char *why)
{
    qWarning("ClientHarness: %s", why);
    return false;
}

} // namespace

ClientHarness::ClientHarness(Xmpp::ClientConfig config)
{
    client.setConfig(std::move(config));
}

Xmpp::ClientConfig ClientHarness::defaultConfig()
{
    Xmpp::ClientConfig c;
    c.jid = Core::Jid(u"nurse@example.org"_s);
    c.password = u"correct horse"_s;
    c.resource = u"ward4"_s;
    c.transport.url = QUrl(u"wss://example.org/xmpp-websocket"_s);
    c.reconnectInitialMs = 10;
    c.reconnectMaxMs = 20;
    c.keepAliveIdleMs = 600000;
    return c;
}

bool ClientHarness::login(bool streamManagement)
{
    // After a dropped link the client reconnects by itself; only start it the first time.
    if (client.state() == Xmpp::Client::State::Disconnected)
        (void)client.connectToServer();
    if (!QTest::qWaitFor([&] { return transport.isOpen(); }, 2000))
        return fail("the client did not open the transport");
    transport.inject(Open);
    transport.inject(SaslFeatures);
    if (takeSent(u"auth").isNull())
        return fail("no SASL <auth/>");
    transport.inject(Success);
    transport.inject(Open);
    transport.inject(bindFeatures(streamManagement));
    const Element bind = takeSent(u"iq");
    if (!bind.hasChild(u"bind", Xmpp::Ns::Bind))
        return fail("no bind request");
    transport.inject(
        u"<iq type='result' id='%1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
        u"<jid>nurse@example.org/ward4</jid></bind></iq>"_s.arg(bind.attribute(u"id")));
    if (streamManagement) {
        if (!QTest::qWaitFor([&] { return !takeSent(u"enable").isNull(); }, 2000))
            return fail("no XEP-0198 <enable/>");
        transport.inject(u"<enabled xmlns='urn:xmpp:sm:3' id='sm-1' resume='true' max='600'/>"_s);
    }
    if (!QTest::qWaitFor([&] { return client.isConnected(); }, 2000))
        return fail("no session");
    return true;
}

bool ClientHarness::dropAndResume()
{
    if (!client.streamManagementEnabled())
        return fail("resumption needs stream management");
    // The server saw everything the client sent before the drop.
    const quint32 serverReceived = client.streamManagement().outboundCount();
    transport.drop();
    if (!QTest::qWaitFor([&] { return transport.isOpen(); }, 2000))
        return fail("the client did not reconnect");
    transport.inject(Open);
    transport.inject(SaslFeatures);
    transport.inject(Success);
    transport.inject(Open);
    transport.inject(bindFeatures(true));
    if (takeSent(u"resume").isNull())
        return fail("no <resume/>");
    transport.inject(
        u"<resumed xmlns='urn:xmpp:sm:3' h='%1' previd='sm-1'/>"_s.arg(serverReceived));
    if (!QTest::qWaitFor([&] { return client.isConnected(); }, 2000))
        return fail("the session was not resumed");
    return true;
}

void ClientHarness::pull()
{
    m_sent += transport.takeSentElements();
}

QList<Element> ClientHarness::takeSentStanzas()
{
    pull();
    QList<Element> out;
    for (const Element &e : std::exchange(m_sent, {}))
        if (e.xmlns() == Xmpp::Ns::Client)
            out << e;
    return out;
}

Element ClientHarness::takeSent(QStringView name)
{
    pull();
    while (!m_sent.isEmpty()) {
        const Element e = m_sent.takeFirst();
        if (e.name() == name)
            return e;
    }
    return {};
}

bool ClientHarness::expectStanza(QString xml)
{
    pull();
    while (!m_sent.isEmpty() && m_sent.first().xmlns() != Xmpp::Ns::Client)
        m_sent.removeFirst();
    if (m_sent.isEmpty()) {
        qWarning("expected a stanza, nothing was sent: %s", qPrintable(xml));
        return false;
    }
    const Element actual = m_sent.takeFirst();
    xml.replace(u"%id"_s, actual.attribute(u"id"));
    Xmpp::XmlStreamParser parser;
    const auto expected = parser.feed(xml);
    if (!expected || expected->size() != 1) {
        qWarning("expected stanza does not parse: %s", qPrintable(xml));
        return false;
    }
    if (!(actual == expected->first())) {
        qWarning("sent stanza differs\n  actual:   %s\n  expected: %s", qPrintable(actual.toXml()),
                 qPrintable(expected->first().toXml()));
        return false;
    }
    return true;
}

bool ClientHarness::expectNothingSent()
{
    const QList<Element> sent = takeSentStanzas();
    if (sent.isEmpty())
        return true;
    qWarning("expected nothing to be sent, got: %s", qPrintable(sent.first().toXml()));
    return false;
}
