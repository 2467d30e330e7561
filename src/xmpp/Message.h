// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"

#include "core/Jid.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Xmpp {

/// A chat message as the session sees it (RFC 6121 section 5 with XEP-0359
/// stable ids and XEP-0203 delay). Payload extensions stay in `element`.
struct Message
{
    QString id;
    Core::Jid from;
    Core::Jid to;
    QString type = QStringLiteral("chat");
    QString body;
    QString originId;   ///< XEP-0359 origin-id set by the sender; de-duplication key
    QString stanzaId;   ///< XEP-0359 stanza-id set by the server archive
    QString stanzaIdBy; ///< which archive set stanzaId
    QDateTime delayed;  ///< XEP-0203 delay stamp, when the server held the message
    Element element;    ///< the stanza as received

    static std::optional<Message> fromElement(const Element &stanza);
    Element toElement() const;
};

/// A message carried inside another stanza (XEP-0297), as carbons (XEP-0280)
/// and archive results (XEP-0313) deliver them.
struct ForwardedMessage
{
    Message message;
    QDateTime stamp; ///< the wrapper's XEP-0203 delay; invalid when it has none
};

/// Parses <forwarded xmlns='urn:xmpp:forward:0'>; nullopt when it is not one or
/// carries no jabber:client message.
std::optional<ForwardedMessage> parseForwarded(const Element &forwarded);

/// XEP-0082 date-time: any UTC offset and fraction digits; invalid when malformed.
QDateTime parseDateTime(QStringView text);
/// XEP-0082 date-time in UTC, with milliseconds only when there are any.
QString formatDateTime(const QDateTime &time);

} // namespace Xmpp
