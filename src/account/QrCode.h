// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>

namespace Account {

/// A QR code as a square of modules, row by row. No quiet zone is included:
/// whoever draws it adds one (at least 2 modules; the standard asks for 4).
struct QrCode
{
    int size = 0;       ///< modules per side
    QByteArray modules; ///< size * size bytes, 1 = dark, 0 = light

    /// Outside the square counts as light (the quiet zone).
    bool dark(int x, int y) const
    {
        return x >= 0 && y >= 0 && x < size && y < size && modules.at(y * size + x) != 0;
    }
};

/// Encodes `utf8` as bytes (8-bit mode), error correction level M, in the smallest
/// version that holds it. Fails with Stanza "qr-empty", or "qr-too-long" beyond
/// what version 40 holds at level M (2,331 bytes).
Core::Result<QrCode> encodeQr(const QByteArray &utf8);

/// Which colour the terminal draws its text in, as opposed to its background.
enum class TerminalText {
    Light, ///< light text on a dark background (most terminals)
    Dark,  ///< dark text on a light background
};

/// The code as text for a terminal: two module rows per line, drawn with the
/// half blocks "▀", "▄", "█" and spaces, plus a 2-module quiet zone, so
/// ceil((size + 4) / 2) lines, each ending in '\n'. The blocks are drawn where the
/// result must be light (text colour Light, the default) or dark, so a scanner
/// always sees dark modules on a light ground.
QString qrToTerminal(const QrCode &code, TerminalText text = TerminalText::Light);

} // namespace Account
