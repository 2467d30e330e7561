// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/QrCode.h"

#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace Account {

namespace {
constexpr int QuietZone = 2;

struct QrCodeDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};
} // namespace

Core::Result<QrCode> encodeQr(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        return Core::fail(Core::Error::Code::Stanza, QStringLiteral("qr-empty"));
    errno = 0;
    // Version 0: the smallest that holds the data.
    const std::unique_ptr<QRcode, QrCodeDeleter> encoded(QRcode_encodeData(
        int(utf8.size()), reinterpret_cast<const unsigned char *>(utf8.constData()), 0,
        QR_ECLEVEL_M));
    if (!encoded) {
        if (errno == ERANGE)
            return Core::fail(Core::Error::Code::Stanza, QStringLiteral("qr-too-long"));
        return Core::fail(Core::Error::Code::Stanza,
                          QStringLiteral("qr-encode-failed:%1").arg(errno));
    }
    QrCode code;
    code.size = encoded->width;
    code.modules.resize(qsizetype(code.size) * code.size);
    // Bit 0 of each byte is the module's colour; the others describe its role.
    for (qsizetype i = 0; i < code.modules.size(); ++i)
        code.modules[i] = char(encoded->data[i] & 1);
    return code;
}

QString qrToTerminal(const QrCode &code, TerminalText text)
{
    // A character cell is "inked" where the text colour is wanted.
    const bool inkIsDark = text == TerminalText::Dark;
    const auto inked = [&](int x, int y) { return code.dark(x, y) == inkIsDark; };
    const int first = -QuietZone;
    const int end = code.size + QuietZone;
    QString out;
    out.reserve((end - first + 1) * ((end - first + 1) / 2 + 1));
    for (int y = first; y < end; y += 2) {
        for (int x = first; x < end; ++x) {
            const bool top = inked(x, y);
            // An odd total leaves the last line's lower half as quiet zone.
            const bool bottom = y + 1 < end ? inked(x, y + 1) : !inkIsDark;
            if (top && bottom)
                out += QChar(0x2588); // █
            else if (top)
                out += QChar(0x2580); // ▀
            else if (bottom)
                out += QChar(0x2584); // ▄
            else
                out += QLatin1Char(' ');
        }
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace Account
