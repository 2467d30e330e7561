// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/StaffNotifier.h"

#include <algorithm>
#include <utility>

using namespace std::chrono_literals;

namespace FrontDesk {

namespace {

/// Changes a few steps of one request make (a STOP: consent, reminders) go together.
constexpr auto kGather = 100ms;

} // namespace

StaffNotifier::StaffNotifier(Send send, QObject *parent)
    : QObject(parent)
    , m_send(std::move(send))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StaffNotifier::flush);
}

StaffNotifier::~StaffNotifier() = default;

void StaffNotifier::watch(const QString &staff)
{
    m_watching.insert(staff, QDeadlineTimer(m_window));
}

QStringList StaffNotifier::watchers() const
{
    QStringList out;
    for (auto it = m_watching.cbegin(); it != m_watching.cend(); ++it)
        if (!it.value().hasExpired())
            out << it.key();
    out.sort();
    return out;
}

void StaffNotifier::note(Protocol::ChangeKind kind, const QString &batch, const QString &by)
{
    if (!hasWatchers())
        return;
    m_causes.insert(by);
    m_pending.kinds |= kind;
    if (!batch.isEmpty() && !m_pending.batches.contains(batch))
        m_pending.batches << batch;
    if (m_timer.isActive())
        return;
    const auto wait = std::max<std::chrono::milliseconds>(
        kGather, std::chrono::milliseconds(m_quietUntil.remainingTime()));
    m_timer.start(wait);
}

void StaffNotifier::flush()
{
    // Watches that ended are forgotten; a new status request starts one again.
    for (auto it = m_watching.begin(); it != m_watching.end();) {
        if (it.value().hasExpired())
            it = m_watching.erase(it);
        else
            ++it;
    }
    const Protocol::Changed changed = std::exchange(m_pending, {});
    const QSet<QString> causes = std::exchange(m_causes, {});
    if (!changed.kinds)
        return;
    m_quietUntil = QDeadlineTimer(m_gap);
    for (const QString &staff : watchers())
        if (causes != QSet<QString>{staff})
            m_send(staff, changed);
}

} // namespace FrontDesk
