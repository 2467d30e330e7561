// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

/// The local-store figures of issue 10 (docs/performance.md): insert into the
/// encrypted cache with search, search over it, and the desktop app's cold
/// start and memory on that same cache.
namespace StoreBench {

struct Options
{
    QString dir; ///< where the account data goes
    int messages = 1000000;
    int conversations = 500;
    int queries = 200;
    int scroll = 10000;    ///< messages of one conversation the desktop scrolls through
    QString desktopBinary; ///< bin/rounds; empty leaves out the desktop figures
};

/// Keys: insert, search, cold_open, desktop (each with its workload).
QJsonObject run(const Options &options);

} // namespace StoreBench
