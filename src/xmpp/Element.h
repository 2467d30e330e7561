// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace Xmpp {

/// A parsed or to-be-sent XML element: name, namespace, attributes, child
/// elements and character data. Value type; cheap to copy for stanza sizes.
/// Mixed content is not kept in order: text() is all character data of this
/// element concatenated, which is all XMPP payloads need.
///
/// Namespaces: an element built in code with an empty xmlns means "the same
/// namespace as the parent" when serialised (no xmlns attribute is written);
/// elements from XmlStreamParser always carry their resolved namespace.
class Element
{
public:
    using Attribute = std::pair<QString, QString>;

    Element() = default;
    explicit Element(QString name, QString xmlns = {});

    bool isNull() const { return m_name.isEmpty(); }
    const QString &name() const { return m_name; }
    const QString &xmlns() const { return m_xmlns; }
    bool is(QStringView name, QStringView xmlns) const
    {
        return m_name == name && m_xmlns == xmlns;
    }

    /// Attributes other than namespace declarations, in document order. Names
    /// are plain ("id"), "xml:lang" style for the XML namespace, or
    /// "{namespace-uri}local" for any other namespaced attribute; toXml()
    /// declares a prefix for the latter.
    const QList<Attribute> &attributes() const { return m_attributes; }
    QString attribute(QStringView name) const; ///< null QString when absent
    bool hasAttribute(QStringView name) const;
    Element &setAttribute(const QString &name, const QString &value); ///< replaces
    Element &removeAttribute(QStringView name);

    const QList<Element> &children() const { return m_children; }
    QList<Element> &children() { return m_children; }
    /// First child with that name (and namespace, when given); a null Element if none.
    Element firstChild(QStringView name, QStringView xmlns = {}) const;
    QList<Element> childrenNamed(QStringView name, QStringView xmlns = {}) const;
    bool hasChild(QStringView name, QStringView xmlns = {}) const;
    Element &appendChild(Element child);
    /// Text of the first matching child, or a null QString.
    QString childText(QStringView name, QStringView xmlns = {}) const;

    const QString &text() const { return m_text; }
    Element &setText(QString text);
    Element &appendText(QStringView text);

    /// Serialises with single-quoted attributes and escaped text. An xmlns
    /// attribute is written when the namespace is not empty and differs from
    /// `parentXmlns`, so a top-level call qualifies every element that has a
    /// namespace. An element without children and text self-closes. Text is
    /// written before the children. Characters XML cannot carry (most C0
    /// controls, U+FFFE, U+FFFF, unpaired surrogates) become U+FFFD.
    QString toXml(QStringView parentXmlns = {}) const;

    /// Structural equality: same name, namespace, text, children in order, and
    /// the same attribute set regardless of order.
    bool operator==(const Element &other) const;

private:
    friend class XmlStreamParser; // appends parsed attributes without duplicate checks

    QString m_name;
    QString m_xmlns;
    QList<Attribute> m_attributes;
    QList<Element> m_children;
    QString m_text;
};

/// XML escaping for attribute values and character data (&, <, >, ', ").
/// Tab, line feed and carriage return become character references so that
/// they survive attribute-value normalisation; characters XML cannot carry
/// become U+FFFD.
QString escapeXml(QStringView text);

} // namespace Xmpp
