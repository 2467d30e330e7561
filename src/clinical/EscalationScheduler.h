// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Clinical {

/// Timers for pending escalations, keyed by the original message's row. One
/// QTimer aims at the earliest due time; the clock is injectable so tests move
/// time instead of waiting. The store keeps the rows; this only remembers when.
class EscalationScheduler : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    /// Without a clock, the system clock (UTC).
    explicit EscalationScheduler(Clock clock = {}, QObject *parent = nullptr);

    QDateTime now() const { return m_clock(); }
    /// Schedules (or moves) `key`; a due time already past fires on the next check.
    void schedule(qint64 key, const QDateTime &due);
    void cancel(qint64 key);
    bool isScheduled(qint64 key) const { return m_due.contains(key); }
    QDateTime dueOf(qint64 key) const { return m_due.value(key); }
    int size() const { return int(m_due.size()); }

    /// Fires due() for everything due by now(), earliest first, and forgets it.
    /// The timer calls it; tests call it after moving their clock.
    void check();

    /// Longest single wait: the timer re-checks at least this often, so a
    /// changed wall clock is noticed.
    static constexpr int MaxWaitMs = 60 * 1000;

Q_SIGNALS:
    void due(qint64 key);

private:
    void rearm();

    Clock m_clock;
    QHash<qint64, QDateTime> m_due;
    QTimer m_timer;
};

} // namespace Clinical
