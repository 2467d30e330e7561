// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Core {

/// Log lines carry ids and event names only. The scrubber is the safety net for
/// what slips through: it blanks the text content of XML and every attribute
/// value except protocol bookkeeping (ids, types, namespaces, counters), and
/// masks long digit runs (phone numbers, record numbers, SSNs).
QString scrubLogText(QStringView text);

/// Installs a Qt message handler that writes scrubbed lines to stderr with a
/// UTC timestamp and the logging category. Call once from main().
void installScrubbingLogHandler();

} // namespace Core
