// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"

#include <QHash>
#include <QSet>

namespace Xmpp {

/// Initial presence when a session starts, and who is online now: the
/// available resources of each contact (RFC 6121 section 4).
class PresenceExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    explicit PresenceExtension(Client &client);

    bool isAvailable(const Core::Jid &bare) const { return !m_available.value(bare).isEmpty(); }
    QSet<QString> resources(const Core::Jid &bare) const { return m_available.value(bare); }

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;

Q_SIGNALS:
    void presenceChanged(const Core::Jid &bare);

private:
    QHash<Core::Jid, QSet<QString>> m_available;
};

} // namespace Xmpp
