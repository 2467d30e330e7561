// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace Core {

/// An XMPP address (RFC 7622): local@domain/resource. Parsing keeps the parts as
/// given apart from lower-casing local part and domain (a stand-in for the
/// PRECIS case mapping that is enough to compare addresses of this product).
class Jid
{
public:
    Jid() = default;
    explicit Jid(QStringView text);
    Jid(QString local, QString domain, QString resource = {});

    static Jid fromString(QStringView text) { return Jid(text); }

    bool isValid() const { return !m_domain.isEmpty(); }
    const QString &local() const { return m_local; }
    const QString &domain() const { return m_domain; }
    const QString &resource() const { return m_resource; }

    Jid bare() const { return Jid(m_local, m_domain); }
    bool isBare() const { return m_resource.isEmpty(); }
    QString toString() const;
    QString bareString() const { return bare().toString(); }

    bool operator==(const Jid &other) const = default;

private:
    QString m_local;
    QString m_domain;
    QString m_resource;
};

inline size_t qHash(const Jid &jid, size_t seed = 0)
{
    return qHash(jid.toString(), seed);
}

} // namespace Core
