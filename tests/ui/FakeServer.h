// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Plays the server side of a login on a FakeTransport, for the model tests.

#include "xmpp/Client.h"
#include "xmpp/Element.h"

#include "FakeTransport.h"

#include <QTest>

namespace FakeServer {

using namespace Qt::StringLiterals;

inline Xmpp::ClientConfig config()
{
    Xmpp::ClientConfig c;
    c.jid = Core::Jid(u"nurse@example.org"_s);
    c.password = u"correct horse"_s;
    c.resource = u"ward4"_s;
    c.transport.url = QUrl(u"wss://example.org/xmpp-websocket"_s);
    c.transport.domain = u"example.org"_s;
    c.keepAliveIdleMs = 600000;
    return c;
}

/// The next sent element called `name`; everything sent before it is dropped.
inline Xmpp::Element takeSent(FakeTransport &transport, QStringView name)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        for (const Xmpp::Element &e : transport.takeSentElements())
            if (e.name() == name)
                return e;
        QTest::qWait(10);
    }
    return {};
}

/// SASL PLAIN, bind and XEP-0198 enable. True when the client is connected.
inline bool logIn(FakeTransport &transport, Xmpp::Client &client)
{
    const QString open = u"<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' from='example.org' "
                         u"id='s1' version='1.0' xml:lang='en'/>"_s;
    client.setConfig(config());
    client.connectToServer();
    if (!QTest::qWaitFor([&] { return transport.isOpen(); }, 2000))
        return false;
    transport.inject(open);
    transport.inject(u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
                     u"<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                     u"<mechanism>PLAIN</mechanism></mechanisms></stream:features>"_s);
    if (takeSent(transport, u"auth").isNull())
        return false;
    transport.inject(u"<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"_s);
    transport.inject(open);
    transport.inject(u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
                     u"<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/><sm xmlns='urn:xmpp:sm:3'/>"
                     u"</stream:features>"_s);
    const Xmpp::Element bind = takeSent(transport, u"iq");
    if (bind.isNull())
        return false;
    transport.inject(
        u"<iq type='result' id='%1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
        u"<jid>nurse@example.org/ward4</jid></bind></iq>"_s.arg(bind.attribute(u"id")));
    if (takeSent(transport, u"enable").isNull())
        return false;
    transport.inject(u"<enabled xmlns='urn:xmpp:sm:3' id='sm-1' resume='true' max='600'/>"_s);
    return QTest::qWaitFor([&] { return client.isConnected(); }, 2000);
}

} // namespace FakeServer
