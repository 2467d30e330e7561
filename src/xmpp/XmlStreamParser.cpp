// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/XmlStreamParser.h"

#include <QCoreApplication>
#include <QXmlStreamEntityResolver>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Xmpp {

namespace {

/// Opens the document the stream is parsed in. It is never emitted or counted;
/// it declares the defaults a stanza relies on: jabber:client and the
/// "stream" prefix.
constexpr QStringView StreamPrime =
    u"<stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

constexpr QStringView XmlNamespace = u"http://www.w3.org/XML/1998/namespace";

bool isXmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool isAllXmlSpace(QStringView text)
{
    return std::all_of(text.begin(), text.end(), isXmlSpace);
}

/// True when `text` has a low surrogate without a high one before it, or a
/// high surrogate without a low one after it.
bool hasUnpairedSurrogate(QStringView text)
{
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text[i];
        if (!c.isSurrogate())
            continue;
        if (c.isLowSurrogate() || i + 1 == size || !text[i + 1].isLowSurrogate())
            return true;
        ++i;
    }
    return false;
}

/// Does `message` come from the reader's `pattern` (which holds one "%1")?
/// The reader translates its messages with the "QXmlStream" context, so the
/// comparison holds whatever translator is installed.
bool isReaderMessage(const QString &message, const char *pattern)
{
    const QString translated = QCoreApplication::translate("QXmlStream", pattern);
    const qsizetype marker = translated.indexOf(u"%1");
    if (marker < 0)
        return message == translated;
    const QStringView head = QStringView(translated).left(marker);
    const QStringView tail = QStringView(translated).mid(marker + 2);
    return message.size() > head.size() + tail.size() && message.startsWith(head) &&
           message.endsWith(tail);
}

/// Without a DTD every entity other than the five predefined ones is
/// undeclared; the reader asks the resolver about it before failing. Noting
/// the call lets the failure be reported as restricted XML.
class UndeclaredEntityTrap : public QXmlStreamEntityResolver
{
public:
    QString resolveUndeclaredEntity(const QString &) override
    {
        triggered = true;
        return {};
    }

    bool triggered = false;
};

QString attributeName(const QXmlStreamAttribute &attribute)
{
    const QStringView uri = attribute.namespaceUri();
    if (uri.isEmpty())
        return attribute.name().toString();
    QString name;
    if (uri == XmlNamespace) {
        name.reserve(4 + attribute.name().size());
        name.append(u"xml:");
    } else {
        name.reserve(uri.size() + 2 + attribute.name().size());
        name.append(u'{');
        name.append(uri);
        name.append(u'}');
    }
    name.append(attribute.name());
    return name;
}

} // namespace

struct XmlStreamParser::State
{
    UndeclaredEntityTrap entityTrap; // declared first: the reader points at it
    QXmlStreamReader reader;
    QList<Element> open;        ///< elements started but not yet ended, outermost first
    qsizetype fed = 0;          ///< characters handed to the reader, priming included
    qsizetype elementStart = 0; ///< reader offset of the current top-level '<'
    bool atBoundary = true;     ///< only whitespace since the last top-level element
    QChar heldHighSurrogate;    ///< last character of the previous feed, if a high surrogate
    std::optional<Core::Error> error;

    std::optional<Core::Error> drain(QStringView slice, qsizetype maxSize, QList<Element> &out);
    Core::Error classifyReaderError() const;
};

namespace {

Core::Error stanzaError(QString detail)
{
    return Core::Error{Core::Error::Code::Stanza, std::move(detail)};
}

Core::Error textOutsideElement()
{
    return stanzaError(u"not-well-formed: character data outside an element"_s);
}

Core::Error tooLarge(qsizetype maxSize)
{
    return stanzaError(u"policy-violation: stanza exceeds "_s + QString::number(maxSize) +
                       u" characters"_s);
}

} // namespace

/// Reads every token the reader can complete from what it has been given.
/// `slice` is the text most recently added; every token completed now ends
/// inside it, because earlier text was drained when it was added.
std::optional<Core::Error> XmlStreamParser::State::drain(QStringView slice, qsizetype maxSize,
                                                         QList<Element> &out)
{
    for (;;) {
        switch (reader.readNext()) {
        case QXmlStreamReader::NoToken:
        case QXmlStreamReader::StartDocument:
            break;
        case QXmlStreamReader::StartElement: {
            if (open.size() >= MaxNestingDepth) {
                return stanzaError(u"policy-violation: elements nested deeper than "_s +
                                   QString::number(MaxNestingDepth) + u" levels"_s);
            }
            Element element(reader.name().toString(), reader.namespaceUri().toString());
            const QXmlStreamAttributes attributes = reader.attributes();
            element.m_attributes.reserve(attributes.size());
            // The reader has already rejected duplicate attributes.
            for (const QXmlStreamAttribute &attribute : attributes)
                element.m_attributes.append(
                    {attributeName(attribute), attribute.value().toString()});
            open.append(std::move(element));
            break;
        }
        case QXmlStreamReader::EndElement: {
            if (open.isEmpty())
                return stanzaError(u"not-well-formed: end tag closes the stream"_s);
            Element done = open.takeLast();
            if (!done.children().isEmpty() && isAllXmlSpace(done.text()))
                done.setText({});
            if (!open.isEmpty()) {
                open.last().appendChild(std::move(done));
                break;
            }
            const qsizetype end = reader.characterOffset();
            if (end - elementStart > maxSize)
                return tooLarge(maxSize);
            out.append(std::move(done));
            // Find where the next top-level element starts, if it is in this slice.
            const qsizetype sliceStart = fed - slice.size();
            qsizetype i = std::max<qsizetype>(end - sliceStart, 0);
            while (i < slice.size() && isXmlSpace(slice[i]))
                ++i;
            if (i == slice.size())
                atBoundary = true;
            else if (slice[i] != u'<')
                return textOutsideElement();
            else
                elementStart = sliceStart + i;
            break;
        }
        case QXmlStreamReader::Characters:
            if (!open.isEmpty())
                open.last().appendText(reader.text());
            else if (!reader.isWhitespace())
                return textOutsideElement();
            break;
        case QXmlStreamReader::Comment:
            return stanzaError(u"restricted-xml: comment"_s);
        case QXmlStreamReader::DTD:
            return stanzaError(u"restricted-xml: DTD"_s);
        case QXmlStreamReader::ProcessingInstruction:
            return stanzaError(u"restricted-xml: processing instruction"_s);
        case QXmlStreamReader::EntityReference:
            return stanzaError(u"restricted-xml: entity reference"_s);
        case QXmlStreamReader::EndDocument:
            return stanzaError(u"not-well-formed: end tag closes the stream"_s);
        case QXmlStreamReader::Invalid:
            if (reader.error() == QXmlStreamReader::PrematureEndOfDocumentError)
                return std::nullopt; // wait for more data
            return classifyReaderError();
        }
    }
}

Core::Error XmlStreamParser::State::classifyReaderError() const
{
    if (entityTrap.triggered)
        return stanzaError(u"restricted-xml: undeclared entity reference"_s);
    const QString message = reader.errorString();
    if (isReaderMessage(message, "XML declaration not at start of document."))
        return stanzaError(u"restricted-xml: processing instruction"_s);
    if (isReaderMessage(message, "Namespace prefix '%1' not declared"))
        return stanzaError(u"not-well-formed: unbound namespace prefix"_s);
    return stanzaError(u"not-well-formed"_s);
}

XmlStreamParser::XmlStreamParser(qsizetype maxStanzaSize)
    : m_maxStanzaSize(std::max<qsizetype>(maxStanzaSize, 1))
{
    reset();
}

XmlStreamParser::~XmlStreamParser() = default;

void XmlStreamParser::reset()
{
    m_state = std::make_unique<State>();
    State &s = *m_state;
    s.reader.setNamespaceProcessing(true);
    s.reader.setEntityResolver(&s.entityTrap);
    s.reader.addData(StreamPrime.toString());
    s.fed = StreamPrime.size();
    // Consume StartDocument and the synthetic root; the reader then waits for data.
    while (s.reader.readNext() != QXmlStreamReader::Invalid) {
    }
}

Core::Result<QList<Element>> XmlStreamParser::feed(QStringView data)
{
    State &s = *m_state;
    if (s.error)
        return std::unexpected(*s.error);

    const auto failWith = [&s](Core::Error error) -> Core::Result<QList<Element>> {
        s.error = std::move(error);
        // Nothing more will be parsed: release what the stream was holding.
        s.open.clear();
        s.reader.clear();
        return std::unexpected(*s.error);
    };

    // A surrogate pair may be split between feeds; the reader takes UTF-16
    // text only as whole strings, so hold a trailing high surrogate back.
    QString joined;
    QStringView input = data;
    if (!s.heldHighSurrogate.isNull()) {
        joined.reserve(data.size() + 1);
        joined.append(s.heldHighSurrogate);
        joined.append(data);
        input = joined;
        s.heldHighSurrogate = QChar();
    }
    if (!input.isEmpty() && input.back().isHighSurrogate()) {
        s.heldHighSurrogate = input.back();
        input.chop(1);
    }
    if (hasUnpairedSurrogate(input))
        return failWith(stanzaError(u"not-well-formed: unpaired surrogate"_s));

    QList<Element> out;
    qsizetype pos = 0;
    while (pos < input.size()) {
        if (s.atBoundary) {
            // Whitespace between top-level elements never reaches the reader.
            while (pos < input.size() && isXmlSpace(input[pos]))
                ++pos;
            if (pos == input.size())
                break;
            if (input[pos] != u'<')
                return failWith(textOutsideElement());
            s.atBoundary = false;
            s.elementStart = s.fed;
        }
        // Hand over no more than the current element may still grow by, so an
        // oversized element is refused with at most maxStanzaSize() buffered.
        const qsizetype allowance = m_maxStanzaSize - (s.fed - s.elementStart);
        qsizetype count = std::min(allowance, input.size() - pos);
        if (count > 0 && count < input.size() - pos && input[pos + count - 1].isHighSurrogate())
            --count; // keep the pair together
        if (count <= 0)
            return failWith(tooLarge(m_maxStanzaSize));
        const QStringView slice = input.mid(pos, count);
        s.reader.addData(slice.toString());
        s.fed += count;
        pos += count;
        if (auto error = s.drain(slice, m_maxStanzaSize, out))
            return failWith(std::move(*error));
    }
    return out;
}

} // namespace Xmpp
