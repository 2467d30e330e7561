// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"
#include "xmpp/Message.h"

namespace Xmpp {

/// XEP-0280 message carbons: copies of what this account's other devices send
/// and receive. Enables carbons on every new session (a resumed one keeps them;
/// only an <enable/> the server never answered is sent again after a resume)
/// and unwraps the copies. Add it before MessagingExtension so the wrappers are
/// consumed here.
///
/// Only copies sent by our own account (bare JID, or no `from`) are accepted; a
/// wrapper from anyone else is a spoofing attempt and is dropped unseen.
class CarbonsExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    enum class Direction {
        Received, ///< a message another of our devices received
        Sent,     ///< a message another of our devices sent
    };
    Q_ENUM(Direction)

    explicit CarbonsExtension(Client &client);

    /// The server confirmed carbons for the current session.
    bool isEnabled() const { return m_enabled; }

    /// Keeps a message out of carbons (XEP-0280 section 6): adds <private/> and
    /// the XEP-0334 <no-copy/> hint to an outgoing message stanza.
    static void markPrivate(Element &message);

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;
    QStringList discoFeatures() const override;

Q_SIGNALS:
    void enabledChanged(bool enabled);
    void carbonReceived(const Xmpp::Message &message, Xmpp::CarbonsExtension::Direction direction);

private:
    void setEnabled(bool enabled);

    bool m_enabled = false;
    bool m_answered = false; ///< the server answered this session's <enable/>
};

} // namespace Xmpp
