// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QTest>

#include <chrono>

namespace TestSupport {

/// Runs the event loop until the future finishes or the timeout passes.
/// Returns false on timeout so a test can QVERIFY it.
template<typename T>
bool waitFor(const QFuture<T> &future, std::chrono::milliseconds timeout = std::chrono::seconds(30))
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, int(timeout.count()));
}

} // namespace TestSupport
