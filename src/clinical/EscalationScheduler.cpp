// SPDX-License-Identifier: GPL-3.0-or-later
#include "clinical/EscalationScheduler.h"

#include <algorithm>

namespace Clinical {

EscalationScheduler::EscalationScheduler(Clock clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EscalationScheduler::check);
}

void EscalationScheduler::schedule(qint64 key, const QDateTime &due)
{
    m_due.insert(key, due);
    rearm();
}

void EscalationScheduler::cancel(qint64 key)
{
    if (m_due.remove(key))
        rearm();
}

void EscalationScheduler::check()
{
    const QDateTime now = m_clock();
    QList<std::pair<QDateTime, qint64>> ready;
    for (auto it = m_due.cbegin(); it != m_due.cend(); ++it)
        if (it.value() <= now)
            ready.append({it.value(), it.key()});
    std::sort(ready.begin(), ready.end());
    for (const auto &[when, key] : std::as_const(ready))
        m_due.remove(key);
    for (const auto &[when, key] : std::as_const(ready))
        Q_EMIT due(key); // a handler may schedule the key again
    rearm();
}

void EscalationScheduler::rearm()
{
    if (m_due.isEmpty()) {
        m_timer.stop();
        return;
    }
    const QDateTime earliest = *std::min_element(m_due.cbegin(), m_due.cend());
    const qint64 wait = std::clamp<qint64>(m_clock().msecsTo(earliest), 0, MaxWaitMs);
    m_timer.start(int(wait));
}

} // namespace Clinical
