// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"

#include <functional>

namespace Xmpp {

/// XEP-0184 message delivery receipts: asks for them on outgoing messages,
/// answers requests on incoming ones and reports receipts for ours.
///
/// Requests are answered for 1:1 messages with a body from a full JID (not
/// groupchat or error), echoing the stanza id. Messages with a body are left
/// for MessagingExtension; receipt-only messages are consumed here. Carbon
/// copies and archive results are not answered: another device or an earlier
/// session already did. Add it before MessagingExtension, which consumes every
/// message with a body.
class ReceiptsExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    /// Decides whether a sender may learn that we are online (XEP-0184
    /// section 8); receives the sender's full address.
    using ReplyFilter = std::function<bool(const Core::Jid &from)>;

    explicit ReceiptsExtension(Client &client);

    /// Adds <request xmlns='urn:xmpp:receipts'/> to an outgoing message, which
    /// must carry an id: the receipt names it.
    static void addRequest(Element &message);

    /// Only senders the filter accepts get receipts; by default everyone does.
    void setReplyFilter(ReplyFilter filter) { m_replyFilter = std::move(filter); }

    bool handleStanza(const Element &stanza) override;
    QStringList discoFeatures() const override;

Q_SIGNALS:
    /// `from` confirmed delivery of our message `messageId`.
    void deliveryReceived(const Core::Jid &from, const QString &messageId);

private:
    void maybeReply(const Element &stanza);

    ReplyFilter m_replyFilter;
};

} // namespace Xmpp
