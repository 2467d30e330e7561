// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frontdesk/BatchProtocol.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>

namespace FrontDesk {

/// Tells the staff who are watching (a status request with watch='true'
/// within the watch window) that something changed, with one <changed/>
/// event per burst: changes noted within `gap` of the last event go out
/// together in the next one, so each watcher gets at most one event per gap.
class StaffNotifier : public QObject
{
    Q_OBJECT
public:
    using Send = std::function<void(const QString &staff, const Protocol::Changed &changed)>;

    explicit StaffNotifier(Send send, QObject *parent = nullptr);
    ~StaffNotifier() override;

    /// How long a watch lasts after the staff member's last status request.
    void setWatchWindow(std::chrono::milliseconds window) { m_window = window; }
    /// The least time between two events.
    void setGap(std::chrono::milliseconds gap) { m_gap = gap; }

    /// `staff` (bare JID) watches from now for the watch window.
    void watch(const QString &staff);
    /// The staff watching now.
    QStringList watchers() const;
    bool hasWatchers() const { return !watchers().isEmpty(); }

    /// Something changed (`batch`: the batch whose reminders changed, if
    /// known; `by`: the staff member whose request changed it, who has its
    /// result and is not told again unless something else changed too).
    void note(Protocol::ChangeKind kind, const QString &batch = {}, const QString &by = {});

private:
    void flush();

    Send m_send;
    std::chrono::milliseconds m_window{std::chrono::minutes(10)};
    std::chrono::milliseconds m_gap{std::chrono::seconds(1)};
    QHash<QString, QDeadlineTimer> m_watching; ///< staff -> end of the watch
    Protocol::Changed m_pending;
    QSet<QString> m_causes;      ///< staff whose requests made the pending changes; "" for others
    QDeadlineTimer m_quietUntil; ///< no event before (the gap after the last)
    QTimer m_timer;
};

} // namespace FrontDesk
