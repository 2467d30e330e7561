// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"

namespace Xmpp {

/// XEP-0333 chat markers: marks outgoing messages markable, sends markers for
/// messages we received and reports markers for ours. Marker-only messages are
/// consumed; a marker riding on a message with a body is reported and the
/// message left for MessagingExtension.
class ChatMarkersExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    enum class Marker {
        Received,     ///< the message reached a device
        Displayed,    ///< the user saw it
        Acknowledged, ///< the user took note of it
    };
    Q_ENUM(Marker)

    explicit ChatMarkersExtension(Client &client);

    /// Adds <markable xmlns='urn:xmpp:chat-markers:0'/> to an outgoing message.
    static void addMarkable(Element &message);
    /// The sender of this incoming message asked for markers.
    static bool isMarkable(const Element &message);

    /// Sends a marker for message `messageId` from `to`; returns the marker
    /// stanza's own id. `type` follows the marked message (chat or groupchat).
    /// The marker carries a <store/> hint so the archive keeps it for our other
    /// devices and the sender's.
    QString sendMarker(const Core::Jid &to, const QString &messageId, Marker marker,
                       const QString &type = QStringLiteral("chat"));
    QString sendDisplayed(const Core::Jid &to, const QString &messageId)
    {
        return sendMarker(to, messageId, Marker::Displayed);
    }
    QString sendReceived(const Core::Jid &to, const QString &messageId)
    {
        return sendMarker(to, messageId, Marker::Received);
    }
    QString sendAcknowledged(const Core::Jid &to, const QString &messageId)
    {
        return sendMarker(to, messageId, Marker::Acknowledged);
    }

    bool handleStanza(const Element &stanza) override;
    QStringList discoFeatures() const override;

Q_SIGNALS:
    /// `from` marked our message `messageId`.
    void markerReceived(const Core::Jid &from, const QString &messageId,
                        Xmpp::ChatMarkersExtension::Marker marker);
};

} // namespace Xmpp
