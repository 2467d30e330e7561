// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/CsvReader.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace FrontDesk {

namespace {

std::unexpected<Core::Error> csvError(const QString &what, int line)
{
    return Core::fail(Core::Error::Code::Stanza,
                      u"csv-"_s + what + u":line "_s + QString::number(line));
}

} // namespace

Core::Result<QList<CsvRecord>> CsvReader::parse(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        // Name the line of the first bad byte ('\n' is never part of a UTF-8 sequence).
        const QList<QByteArray> lines = bytes.split('\n');
        for (qsizetype n = 0; n < lines.size(); ++n) {
            QStringDecoder probe(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = probe.decode(lines[n]);
            if (probe.hasError())
                return csvError(u"not-utf8"_s, int(n) + 1);
        }
        return csvError(u"not-utf8"_s, 1);
    }
    qsizetype i = text.startsWith(QChar(0xfeff)) ? 1 : 0;

    QList<CsvRecord> records;
    int line = 1;
    while (i < text.size()) {
        CsvRecord record;
        record.line = line;
        QString field;
        bool atRecordEnd = false;
        while (!atRecordEnd) {
            field.clear();
            if (i < text.size() && text[i] == u'"') {
                const int startLine = line;
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    const QChar c = text[i];
                    if (c == u'"') {
                        if (i + 1 < text.size() && text[i + 1] == u'"') {
                            field += u'"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == u'\n')
                        ++line;
                    field += c;
                    ++i;
                }
                if (!closed)
                    return csvError(u"unterminated-quote"_s, startLine);
                if (i < text.size() && text[i] != u',' && text[i] != u'\n' &&
                    !(text[i] == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') &&
                    !(text[i] == u'\r' && i + 1 == text.size()))
                    return csvError(u"text-after-quote"_s, line);
            } else {
                while (i < text.size() && text[i] != u',' && text[i] != u'\n') {
                    if (text[i] == u'\r' && (i + 1 == text.size() || text[i + 1] == u'\n')) {
                        ++i;
                        continue;
                    }
                    if (text[i] == u'"')
                        return csvError(u"stray-quote"_s, line);
                    field += text[i];
                    ++i;
                }
            }
            if (i < text.size() && text[i] == u'\r')
                ++i;
            record.fields << field;
            if (i >= text.size()) {
                atRecordEnd = true;
            } else if (text[i] == u',') {
                ++i;
            } else { // '\n'
                ++i;
                ++line;
                atRecordEnd = true;
            }
        }
        const bool blank = record.fields.size() == 1 && record.fields.first().isEmpty();
        if (!blank)
            records << record;
    }
    return records;
}

} // namespace FrontDesk
