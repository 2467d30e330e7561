// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/StreamManagement.h"

namespace Xmpp {

void StreamManagement::onEnabled(const QString &resumeId, int maxSeconds)
{
    m_enabled = true;
    m_resumeId = resumeId;
    m_maxSeconds = maxSeconds;
    m_inbound = 0;
    m_outbound = 0;
    m_acked = 0;
    // Anything still queued from before belongs to an older session and was
    // handed back by takeUnacknowledged(); start clean.
    m_unacked.clear();
}

void StreamManagement::onStanzaSent(const Element &stanza)
{
    if (!m_enabled)
        return;
    ++m_outbound;
    m_unacked.append(stanza);
}

Core::Result<QList<Element>> StreamManagement::onAck(quint32 h)
{
    const quint32 newlyAcked = h - m_acked; // wraps correctly at 2^32
    if (newlyAcked > quint32(m_unacked.size()))
        return Core::fail(Core::Error::Code::Stanza,
                          QStringLiteral("server acknowledged %1 stanzas, only %2 outstanding")
                              .arg(newlyAcked)
                              .arg(m_unacked.size()));
    QList<Element> acked = m_unacked.mid(0, qsizetype(newlyAcked));
    m_unacked.remove(0, qsizetype(newlyAcked));
    m_acked = h;
    return acked;
}

Core::Result<QList<Element>> StreamManagement::onResumed(quint32 h)
{
    auto acked = onAck(h);
    if (!acked)
        return acked;
    m_enabled = true;
    // The resent stanzas are counted again by onStanzaSent().
    QList<Element> resend = std::exchange(m_unacked, {});
    m_outbound = m_acked;
    return resend;
}

QList<Element> StreamManagement::takeUnacknowledged(std::optional<quint32> h)
{
    if (h)
        (void)onAck(*h); // an impossible h is ignored: better resend than lose
    m_enabled = false;
    m_resumeId.clear();
    m_maxSeconds = 0;
    return std::exchange(m_unacked, {});
}

} // namespace Xmpp
