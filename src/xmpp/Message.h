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

} // namespace Xmpp
