// SPDX-License-Identifier: GPL-3.0-or-later
// QR codes for TOTP enrolment: version choice at level M, the finder patterns,
// the terminal rendering and the limits.
#include "account/QrCode.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Account::QrCode;

namespace {

const QByteArray Uri = "otpauth://totp/Clinic:nurse%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DP"
                       "EHPK3PXP&issuer=Clinic&algorithm=SHA1&digits=6&period=30";

/// The 7x7 finder pattern with its top-left corner at (x0, y0): dark ring, light
/// ring, dark 3x3 core; and the light separator around it inside the code.
bool hasFinderAt(const QrCode &code, int x0, int y0)
{
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (code.dark(x0 + x, y0 + y) != (ring || core))
                return false;
        }
    }
    for (int i = -1; i <= 7; ++i) {
        for (const auto &[x, y] : {std::pair{x0 + i, y0 - 1}, std::pair{x0 + i, y0 + 7},
                                   std::pair{x0 - 1, y0 + i}, std::pair{x0 + 7, y0 + i}}) {
            if (x >= 0 && y >= 0 && x < code.size && y < code.size && code.dark(x, y))
                return false;
        }
    }
    return true;
}

} // namespace

class tst_QrCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionFollowsLength_data()
    {
        QTest::addColumn<int>("bytes");
        QTest::addColumn<int>("size");
        // Byte-mode capacity at level M: version 1 holds 14, version 2 holds 26,
        // version 40 holds 2,331 (ISO/IEC 18004 table 7).
        QTest::newRow("v1 full") << 14 << 21;
        QTest::newRow("v2") << 15 << 25;
        QTest::newRow("v2 full") << 26 << 25;
        QTest::newRow("v40 full") << 2331 << 177;
    }
    void versionFollowsLength()
    {
        QFETCH(int, bytes);
        QFETCH(int, size);
        // Lower-case letters keep libqrencode in 8-bit mode.
        const auto code = Account::encodeQr(QByteArray(bytes, 'a'));
        QVERIFY(code);
        QCOMPARE(code->size, size);
        QCOMPARE(code->modules.size(), qsizetype(size) * size);
    }

    void enrolmentUriHasFinderPatterns()
    {
        const auto code = Account::encodeQr(Uri);
        QVERIFY(code);
        // 129 bytes: version 8 at level M (holds 152; version 7 holds 122).
        QCOMPARE(code->size, 49);
        QVERIFY(hasFinderAt(*code, 0, 0));
        QVERIFY(hasFinderAt(*code, code->size - 7, 0));
        QVERIFY(hasFinderAt(*code, 0, code->size - 7));
        // No fourth finder in the bottom-right corner.
        QVERIFY(!hasFinderAt(*code, code->size - 7, code->size - 7));
        // The dark module next to the lower-left separator (ISO/IEC 18004 6.3.9).
        QVERIFY(code->dark(8, code->size - 8));
        // Outside the square is quiet zone.
        QVERIFY(!code->dark(-1, 0));
        QVERIFY(!code->dark(code->size, code->size - 1));
        // Modules are 0 or 1 only.
        for (const char m : code->modules)
            QVERIFY(m == 0 || m == 1);
    }

    void sameInputSameCode()
    {
        const auto a = Account::encodeQr(Uri);
        const auto b = Account::encodeQr(Uri);
        const auto c = Account::encodeQr(Uri + "x");
        QVERIFY(a && b && c);
        QCOMPARE(a->modules, b->modules);
        QVERIFY(a->modules != c->modules);
    }

    void terminalRendering_data()
    {
        QTest::addColumn<int>("text");
        QTest::newRow("light text") << int(Account::TerminalText::Light);
        QTest::newRow("dark text") << int(Account::TerminalText::Dark);
    }
    void terminalRendering()
    {
        QFETCH(int, text);
        const auto mode = Account::TerminalText(text);
        const auto code = Account::encodeQr(Uri);
        QVERIFY(code);
        const QString rendered = Account::qrToTerminal(*code, mode);
        QVERIFY(rendered.endsWith(u'\n'));
        const QStringList lines = rendered.chopped(1).split(u'\n');
        QCOMPARE(lines.size(), (code->size + 4 + 1) / 2);
        for (const QString &line : lines) {
            QCOMPARE(line.size(), code->size + 4);
            for (const QChar c : line)
                QVERIFY2(c == u' ' || c == QChar(0x2580) || c == QChar(0x2584) ||
                             c == QChar(0x2588),
                         qPrintable(QString(c)));
        }

        // Decode the picture back into modules: where the ink is, is light
        // (light text) or dark (dark text).
        const bool inkIsDark = mode == Account::TerminalText::Dark;
        const auto darkAt = [&](int x, int y) {
            const QChar c = lines.at((y + 2) / 2).at(x + 2);
            const bool upper = (y + 2) % 2 == 0;
            const bool inked =
                c == QChar(0x2588) || (upper ? c == QChar(0x2580) : c == QChar(0x2584));
            return inked == inkIsDark;
        };
        for (int y = -2; y < code->size + 2; ++y)
            for (int x = -2; x < code->size + 2; ++x)
                QVERIFY2(darkAt(x, y) == code->dark(x, y), qPrintable(u"%1,%2"_s.arg(x).arg(y)));
        // The first line is all quiet zone: fully inked for light text, blank for dark.
        QCOMPARE(lines.first(), QString(code->size + 4, inkIsDark ? QChar(u' ') : QChar(0x2588)));
    }

    void emptyAndOversizedInputFail()
    {
        const auto empty = Account::encodeQr({});
        QVERIFY(!empty);
        QCOMPARE(empty.error(), (Core::Error{Core::Error::Code::Stanza, u"qr-empty"_s}));
        const auto tooLong = Account::encodeQr(QByteArray(2332, 'a'));
        QVERIFY(!tooLong);
        QCOMPARE(tooLong.error(), (Core::Error{Core::Error::Code::Stanza, u"qr-too-long"_s}));
        QVERIFY(!Account::encodeQr(QByteArray(3000, 'a')));
    }
};

QTEST_GUILESS_MAIN(tst_QrCode)
#include "tst_QrCode.moc"
