// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"

#include "core/Error.h"

#include <QList>
#include <QString>

namespace Xmpp {

/// XEP-0198 bookkeeping, free of I/O so it can be tested on its own: counts the
/// stanzas handled in each direction (32-bit wrapping, as the XEP says), keeps
/// sent stanzas until the server acknowledges them, and remembers the resumption
/// id. The Client decides when to send <enable/>, <r/>, <a/> and <resume/>.
class StreamManagement
{
public:
    static constexpr QStringView Ns = u"urn:xmpp:sm:3";

    bool isEnabled() const { return m_enabled; }
    bool canResume() const { return !m_resumeId.isEmpty(); }
    const QString &resumeId() const { return m_resumeId; }
    int resumeMaxSeconds() const { return m_maxSeconds; }

    /// <enabled/> arrived: start counting from zero in both directions.
    void onEnabled(const QString &resumeId, int maxSeconds);
    /// The transport dropped: counting stops until resume or a new session.
    void onTransportLost() { m_enabled = false; }
    /// <resumed h=.../> arrived: acknowledges up to h; the rest must be resent
    /// (returned in order; they stay queued and are counted again when resent).
    Core::Result<QList<Element>> onResumed(quint32 h);
    /// Resumption failed or the session ended: the id is forgotten and the
    /// stanzas never acknowledged are returned so the caller can re-queue them.
    /// `h`, when the server sent one on <failed/>, drops what it did receive.
    QList<Element> takeUnacknowledged(std::optional<quint32> h = std::nullopt);

    /// A stanza went on the wire while enabled.
    void onStanzaSent(const Element &stanza);
    /// A stanza arrived and was handled while enabled.
    void onStanzaHandled()
    {
        if (m_enabled)
            ++m_inbound;
    }
    /// <a h=.../> arrived. Returns the newly acknowledged stanzas, or an error
    /// when h acknowledges more than was sent (a protocol violation).
    Core::Result<QList<Element>> onAck(quint32 h);

    quint32 inboundCount() const { return m_inbound; }
    quint32 outboundCount() const { return m_outbound; }
    qsizetype unacknowledgedCount() const { return m_unacked.size(); }

private:
    bool m_enabled = false;
    QString m_resumeId;
    int m_maxSeconds = 0;
    quint32 m_inbound = 0;  ///< stanzas handled from the server
    quint32 m_outbound = 0; ///< stanzas sent to the server
    quint32 m_acked = 0;    ///< last h the server acknowledged
    QList<Element> m_unacked;
};

} // namespace Xmpp
