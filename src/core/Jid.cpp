// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Jid.h"

namespace Core {

Jid::Jid(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    const QStringView address = slash < 0 ? text : text.left(slash);
    if (slash >= 0)
        m_resource = text.mid(slash + 1).toString();
    const qsizetype at = address.indexOf(u'@');
    if (at >= 0) {
        m_local = address.left(at).toString().toLower();
        m_domain = address.mid(at + 1).toString().toLower();
    } else {
        m_domain = address.toString().toLower();
    }
    if (m_domain.endsWith(u'.'))
        m_domain.chop(1);
    const bool bad = m_domain.isEmpty() || (at >= 0 && m_local.isEmpty()) ||
                     (slash >= 0 && m_resource.isEmpty()) || m_domain.contains(u'@') ||
                     m_local.size() > 1023 || m_domain.size() > 1023;
    if (bad)
        *this = Jid();
}

Jid::Jid(QString local, QString domain, QString resource)
    : m_local(std::move(local).toLower())
    , m_domain(std::move(domain).toLower())
    , m_resource(std::move(resource))
{
}

QString Jid::toString() const
{
    if (m_domain.isEmpty())
        return {};
    QString out;
    if (!m_local.isEmpty())
        out += m_local + u'@';
    out += m_domain;
    if (!m_resource.isEmpty())
        out += u'/' + m_resource;
    return out;
}

} // namespace Core
