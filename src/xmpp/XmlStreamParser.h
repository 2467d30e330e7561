// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"

#include "core/Error.h"

#include <QList>
#include <QXmlStreamReader>

#include <memory>

namespace Xmpp {

/// Incremental parser for an RFC 7395 stream: text is fed as it arrives (one
/// WebSocket frame, part of one, or several elements in one go) and every
/// completed top-level element comes back: stanzas (default namespace
/// jabber:client), the framing <open/> and <close/>
/// (urn:ietf:params:xml:ns:xmpp-framing), <stream:features/>, <stream:error/>, SASL
/// and stream-management nonzas.
///
/// Restricted XML (RFC 6120 section 11.1): a DTD, processing instruction,
/// comment, undeclared entity, non-whitespace text between elements, a
/// malformed document, or an element larger than the maximum size ends the
/// stream: feed() returns an Error with code Stanza and a detail naming the
/// condition ("restricted-xml", "not-well-formed", "policy-violation: stanza
/// exceeds N characters"); after that every feed() returns the same error until
/// reset(). Memory stays bounded by the maximum size.
///
/// Sizes are counted in UTF-16 code units from the '<' of a top-level element
/// to its final '>', across feeds; an element of exactly maxStanzaSize() is
/// accepted. A feed may carry any number of complete or partial elements: it is
/// handed to the XML reader in slices no larger than the remaining allowance,
/// so an oversized element is refused before more than maxStanzaSize()
/// characters of it are buffered. Whitespace between top-level elements
/// (keepalives) is dropped before it reaches the reader. Whitespace-only
/// character data of an element that has child elements is formatting and is
/// dropped. Elements nested deeper than MaxNestingDepth are refused
/// ("policy-violation").
class XmlStreamParser
{
public:
    static constexpr qsizetype DefaultMaxStanzaSize = 256 * 1024;
    /// Depth limit for nested elements inside one top-level element (that
    /// element is depth 1).
    static constexpr int MaxNestingDepth = 128;

    explicit XmlStreamParser(qsizetype maxStanzaSize = DefaultMaxStanzaSize);
    ~XmlStreamParser();
    XmlStreamParser(const XmlStreamParser &) = delete;
    XmlStreamParser &operator=(const XmlStreamParser &) = delete;

    Core::Result<QList<Element>> feed(QStringView data);

    /// Starts a fresh stream (a new connection).
    void reset();

    qsizetype maxStanzaSize() const { return m_maxStanzaSize; }

private:
    struct State;
    qsizetype m_maxStanzaSize;
    std::unique_ptr<State> m_state;
};

} // namespace Xmpp
