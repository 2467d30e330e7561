// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small helpers shared by the parts of rounds-bench.

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace Bench {

/// Runs the event loop until the future finishes, and wakes exactly then, so
/// latencies are not rounded up to a poll.
template<typename T>
T await(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

/// A bench that cannot go on: says why on stderr and exits 1.
[[noreturn]] inline void die(const QString &what)
{
    std::fprintf(stderr, "rounds-bench: %s\n", qPrintable(what));
    std::exit(1);
}

/// The p-quantile (0..1) of the values, nearest rank; 0 for none.
inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(p * double(values.size() - 1) + 0.5);
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

} // namespace Bench
