// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"

#include <QHash>
#include <QSet>

namespace Xmpp {

/// Initial presence when a session starts, and who is online now: the
/// available resources of each contact (RFC 6121 section 4). Every available
/// presence carries our XEP-0115 capabilities when a DiscoExtension is added,
/// which is how the server learns our PEP +notify interests.
class PresenceExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    explicit PresenceExtension(Client &client);

    bool isAvailable(const Core::Jid &bare) const { return !m_available.value(bare).isEmpty(); }
    QSet<QString> resources(const Core::Jid &bare) const { return m_available.value(bare); }

    /// Holds the initial presence of each new session back until
    /// sendInitialPresence(): a client that catches up with the archive first
    /// is not also sent the same messages as offline deliveries.
    void setDeferInitialPresence(bool defer) { m_defer = defer; }
    void sendInitialPresence();
    bool initialPresenceSent() const { return m_sent; }
    /// Sends available presence again (with the current capabilities) when the
    /// session's initial presence already went out; otherwise does nothing.
    void refreshPresence();

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;

Q_SIGNALS:
    void presenceChanged(const Core::Jid &bare);

private:
    Element availablePresence() const;

    QHash<Core::Jid, QSet<QString>> m_available;
    bool m_defer = false;
    bool m_sent = false;
};

} // namespace Xmpp
