// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/Element.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Xmpp {

namespace {

const QString XmlNamespace = u"http://www.w3.org/XML/1998/namespace"_s;

/// A QString that is empty but not null, so "present but empty" can be told
/// apart from "absent".
QString emptyNotNull()
{
    return u""_s;
}

enum class EscapeMode { Text, Attribute };

/// Characters that can be copied unchanged. Everything else is escaped,
/// written as a character reference, paired up (surrogates) or replaced.
bool isPlain(char16_t c, EscapeMode mode)
{
    if (c >= 0x20 && c < 0xD800) {
        switch (c) {
        case u'&':
        case u'<':
        case u'>':
            return false;
        case u'\'':
        case u'"':
            return mode == EscapeMode::Text;
        default:
            return true;
        }
    }
    if (c >= 0xE000)
        return c != 0xFFFE && c != 0xFFFF;
    if (c == u'\t' || c == u'\n')
        return mode == EscapeMode::Text;
    return false; // other C0 controls, CR, surrogates
}

void appendEscaped(QString &out, QStringView text, EscapeMode mode)
{
    const qsizetype size = text.size();
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text[i].unicode();
        if (isPlain(c, mode))
            continue;
        out.append(text.mid(runStart, i - runStart));
        runStart = i + 1;
        switch (c) {
        case u'&':
            out.append(u"&amp;");
            break;
        case u'<':
            out.append(u"&lt;");
            break;
        case u'>':
            out.append(u"&gt;");
            break;
        case u'\'':
            out.append(u"&apos;");
            break;
        case u'"':
            out.append(u"&quot;");
            break;
        case u'\t':
            out.append(u"&#9;");
            break;
        case u'\n':
            out.append(u"&#10;");
            break;
        case u'\r':
            out.append(u"&#13;");
            break;
        default:
            if (QChar::isHighSurrogate(c) && i + 1 < size && text[i + 1].isLowSurrogate()) {
                out.append(text.mid(i, 2));
                ++i;
                runStart = i + 1;
            } else {
                out.append(QChar(QChar::ReplacementCharacter));
            }
            break;
        }
    }
    out.append(text.mid(runStart));
}

bool attributesEqual(const QList<Element::Attribute> &a, const QList<Element::Attribute> &b)
{
    if (a.size() != b.size())
        return false;
    if (a.size() <= 8) {
        // Names are unique within an element, so a one-way lookup suffices.
        return std::all_of(a.cbegin(), a.cend(), [&b](const Element::Attribute &attr) {
            return std::any_of(b.cbegin(), b.cend(), [&attr](const Element::Attribute &other) {
                return other.first == attr.first && other.second == attr.second;
            });
        });
    }
    QList<Element::Attribute> sortedA = a;
    QList<Element::Attribute> sortedB = b;
    std::sort(sortedA.begin(), sortedA.end());
    std::sort(sortedB.begin(), sortedB.end());
    return sortedA == sortedB;
}

bool matches(const Element &element, QStringView name, QStringView xmlns)
{
    return element.name() == name && (xmlns.isEmpty() || element.xmlns() == xmlns);
}

void writeElement(QString &out, const Element &element, QStringView parentXmlns)
{
    out.append(u'<');
    out.append(element.name());
    if (!element.xmlns().isEmpty() && element.xmlns() != parentXmlns) {
        out.append(u" xmlns='");
        appendEscaped(out, element.xmlns(), EscapeMode::Attribute);
        out.append(u'\'');
    }

    // Namespaced attributes other than xml:* are stored as "{uri}local"; each
    // distinct namespace gets a generated prefix declared on this element.
    QList<QStringView> prefixedNamespaces;
    for (const auto &[name, value] : element.attributes()) {
        if (name == u"xmlns")
            continue; // the namespace comes from xmlns()
        out.append(u' ');
        const qsizetype close = name.startsWith(u'{') ? name.indexOf(u'}') : -1;
        if (close == 1) {
            out.append(QStringView(name).mid(2)); // "{}local": no namespace
        } else if (close > 1) {
            const QStringView uri = QStringView(name).mid(1, close - 1);
            const QStringView local = QStringView(name).mid(close + 1);
            if (uri == XmlNamespace) {
                out.append(u"xml:");
            } else {
                qsizetype index = prefixedNamespaces.indexOf(uri);
                if (index < 0) {
                    index = prefixedNamespaces.size();
                    prefixedNamespaces.append(uri);
                    out.append(u"xmlns:ns");
                    out.append(QString::number(index));
                    out.append(u"='");
                    appendEscaped(out, uri, EscapeMode::Attribute);
                    out.append(u"' ");
                }
                out.append(u"ns");
                out.append(QString::number(index));
                out.append(u':');
            }
            out.append(local);
        } else {
            out.append(name);
        }
        out.append(u"='");
        appendEscaped(out, value, EscapeMode::Attribute);
        out.append(u'\'');
    }

    if (element.children().isEmpty() && element.text().isEmpty()) {
        out.append(u"/>");
        return;
    }
    out.append(u'>');
    appendEscaped(out, element.text(), EscapeMode::Text);
    const QStringView childParent =
        element.xmlns().isEmpty() ? parentXmlns : QStringView(element.xmlns());
    for (const Element &child : element.children())
        writeElement(out, child, childParent);
    out.append(u"</");
    out.append(element.name());
    out.append(u'>');
}

} // namespace

Element::Element(QString name, QString xmlns)
    : m_name(std::move(name))
    , m_xmlns(std::move(xmlns))
{
}

QString Element::attribute(QStringView name) const
{
    for (const auto &[key, value] : m_attributes) {
        if (key == name)
            return value.isNull() ? emptyNotNull() : value;
    }
    return {};
}

bool Element::hasAttribute(QStringView name) const
{
    return std::any_of(m_attributes.cbegin(), m_attributes.cend(),
                       [name](const Attribute &attr) { return attr.first == name; });
}

Element &Element::setAttribute(const QString &name, const QString &value)
{
    for (auto &attr : m_attributes) {
        if (attr.first == name) {
            attr.second = value;
            return *this;
        }
    }
    m_attributes.append({name, value});
    return *this;
}

Element &Element::removeAttribute(QStringView name)
{
    m_attributes.removeIf([name](const Attribute &attr) { return attr.first == name; });
    return *this;
}

Element Element::firstChild(QStringView name, QStringView xmlns) const
{
    for (const Element &child : m_children) {
        if (matches(child, name, xmlns))
            return child;
    }
    return {};
}

QList<Element> Element::childrenNamed(QStringView name, QStringView xmlns) const
{
    QList<Element> out;
    for (const Element &child : m_children) {
        if (matches(child, name, xmlns))
            out.append(child);
    }
    return out;
}

bool Element::hasChild(QStringView name, QStringView xmlns) const
{
    return std::any_of(m_children.cbegin(), m_children.cend(),
                       [&](const Element &child) { return matches(child, name, xmlns); });
}

Element &Element::appendChild(Element child)
{
    m_children.append(std::move(child));
    return *this;
}

QString Element::childText(QStringView name, QStringView xmlns) const
{
    for (const Element &child : m_children) {
        if (matches(child, name, xmlns))
            return child.text().isNull() ? emptyNotNull() : child.text();
    }
    return {};
}

Element &Element::setText(QString text)
{
    m_text = std::move(text);
    return *this;
}

Element &Element::appendText(QStringView text)
{
    m_text.append(text);
    return *this;
}

QString Element::toXml(QStringView parentXmlns) const
{
    QString out;
    writeElement(out, *this, parentXmlns);
    return out;
}

bool Element::operator==(const Element &other) const
{
    return m_name == other.m_name && m_xmlns == other.m_xmlns && m_text == other.m_text &&
           attributesEqual(m_attributes, other.m_attributes) && m_children == other.m_children;
}

QString escapeXml(QStringView text)
{
    QString out;
    out.reserve(text.size());
    appendEscaped(out, text, EscapeMode::Attribute);
    return out;
}

} // namespace Xmpp
