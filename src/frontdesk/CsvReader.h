// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace FrontDesk {

/// One CSV record and the (1-based) line it starts on.
struct CsvRecord
{
    int line = 0;
    QStringList fields;
    bool operator==(const CsvRecord &) const = default;
};

/// RFC 4180 reader: comma separated, fields optionally in double quotes, a
/// quote inside a quoted field doubled, quoted fields may span lines; CRLF or
/// LF line ends; UTF-8 (a byte-order mark is skipped). Blank lines are skipped.
/// Errors (Stanza, detail "csv-<what>:line <n>"): not UTF-8, an unterminated
/// quoted field, a quote inside an unquoted field, text after a closing quote.
class CsvReader
{
public:
    static Core::Result<QList<CsvRecord>> parse(const QByteArray &bytes);
};

} // namespace FrontDesk
