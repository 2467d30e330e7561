// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeTransport.h"

#include "xmpp/Client.h"

#include <QList>
#include <QString>

/// An Xmpp::Client on a FakeTransport, and the server's side of the login
/// dance, for extension tests. Add extensions, then login(); the account is
/// nurse@example.org, bound as nurse@example.org/ward4.
///
/// The helpers return false (after a qWarning saying why) instead of failing
/// the test themselves, so tests wrap them in QVERIFY.
class ClientHarness
{
public:
    explicit ClientHarness(Xmpp::ClientConfig config = defaultConfig());

    static Xmpp::ClientConfig defaultConfig();

    /// Connects (unless the client is already reconnecting by itself) and plays
    /// SASL PLAIN, bind and, with `streamManagement`, XEP-0198 enable.
    /// Frames the client sent during login are discarded; whatever extensions
    /// send when the session starts stays for the test to check.
    bool login(bool streamManagement = false);
    /// Drops the link and lets the client resume its XEP-0198 session (needs
    /// login(true)). Frames from the reconnect are discarded.
    bool dropAndResume();

    /// Stanzas (jabber:client elements) sent since the last take; nonzas such
    /// as XEP-0198 <r/> are skipped.
    QList<Xmpp::Element> takeSentStanzas();
    /// Removes sent elements up to and including the first with that name;
    /// a null Element (and nothing left) when there is none.
    Xmpp::Element takeSent(QStringView name);
    /// The next sent stanza equals `xml` structurally (attribute order aside);
    /// `%id` in `xml` stands for the sent stanza's id, whatever it is.
    bool expectStanza(QString xml);
    /// Nothing but nonzas was sent since the last take.
    bool expectNothingSent();

    FakeTransport transport;
    Xmpp::Client client{transport};

private:
    void pull();

    QList<Xmpp::Element> m_sent; ///< everything taken from the transport, not yet checked
};
