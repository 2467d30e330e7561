// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/ReminderScheduler.h"

#include "frontdesk/ConsentPolicy.h"

#include <QLoggingCategory>
#include <QPromise>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcScheduler, "rounds.frontdesk.scheduler")

namespace FrontDesk {

using Store::ReminderState;

struct ReminderScheduler::Run
{
    QList<Store::ReminderRecord> due;
    int handled = 0;
    QPromise<Core::Result<int>> promise;
};

ReminderScheduler::ReminderScheduler(Store::FrontDeskStore &store, ChannelOf channelOf, Clock clock,
                                     QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_channelOf(std::move(channelOf))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { (void)tick(); });
}

void ReminderScheduler::setPollInterval(int ms)
{
    m_polling = ms > 0;
    if (!m_polling) {
        m_timer.stop();
        return;
    }
    m_timer.setInterval(ms);
}

QFuture<Core::Result<int>> ReminderScheduler::start()
{
    return m_store.recoverClaims(now()).then(
        this, [this](Core::Result<int> recovered) -> Core::Result<int> {
            if (!recovered)
                return std::unexpected(recovered.error());
            const int count = *recovered;
            if (count > 0)
                qCInfo(lcScheduler) << "settled claimed reminders after restart:" << count;
            if (m_polling)
                m_timer.start();
            return count;
        });
}

QFuture<Core::Result<int>> ReminderScheduler::tick()
{
    if (m_busy || !m_sender) {
        QPromise<Core::Result<int>> idle;
        idle.start();
        idle.addResult(Core::Result<int>(0));
        idle.finish();
        return idle.future();
    }
    m_busy = true;
    auto run = std::make_shared<Run>();
    run->promise.start();
    auto future = run->promise.future();
    m_store.due(now()).then(this, [this, run](Core::Result<QList<Store::ReminderRecord>> due) {
        if (!due) {
            m_busy = false;
            run->promise.addResult(Core::Result<int>(std::unexpected(due.error())));
            run->promise.finish();
            return;
        }
        run->due = *due;
        handleNext(run);
    });
    return future;
}

void ReminderScheduler::handleNext(std::shared_ptr<Run> run)
{
    if (run->due.isEmpty()) {
        m_busy = false;
        run->promise.addResult(Core::Result<int>(run->handled));
        run->promise.finish();
        return;
    }
    const Store::ReminderRecord reminder = run->due.takeFirst();
    const Channel channel = m_channelOf(reminder.patient);
    m_store.consent(reminder.patient, channelName(channel))
        .then(this, [this, run, reminder,
                     channel](Core::Result<std::optional<Store::ConsentRecord>> consent) {
            if (!consent) {
                qCWarning(lcScheduler) << "consent lookup failed:" << consent.error().detail;
                return handleNext(run); // stays scheduled; tried again on the next tick
            }
            switch (decideConsent(*consent, channel)) {
            case ConsentDecision::NoConsent:
                return finishOne(run, reminder.id, ReminderState::Failed, u"no-consent"_s);
            case ConsentDecision::Withdrawn:
                return finishOne(run, reminder.id, ReminderState::OptedOut, u"opted-out"_s);
            case ConsentDecision::Allowed:
                break;
            }
            m_store.claim(reminder.id, now())
                .then(this, [this, run, reminder](Core::Result<bool> claimed) {
                    if (!claimed || !*claimed)
                        return handleNext(run); // someone else has it, or it changed
                    m_sender(reminder).then(this, [this, run,
                                                   reminder](Core::Result<QString> sent) {
                        if (!sent)
                            return finishOne(run, reminder.id, ReminderState::Failed,
                                             sent.error().detail);
                        m_store.markSent(reminder.id, *sent, now())
                            .then(this, [this, run, id = reminder.id](Core::Result<void> marked) {
                                if (!marked)
                                    qCWarning(lcScheduler) << "marking reminder sent failed:" << id
                                                           << marked.error().detail;
                                ++run->handled;
                                Q_EMIT reminderChanged(id, ReminderState::Sent, {});
                                handleNext(run);
                            });
                    });
                });
        });
}

void ReminderScheduler::finishOne(std::shared_ptr<Run> run, qint64 id, ReminderState state,
                                  const QString &reason)
{
    m_store.setState(id, state, now(), reason)
        .then(this, [this, run, id, state, reason](Core::Result<void> set) {
            if (!set)
                qCWarning(lcScheduler) << "reminder state not stored:" << id << set.error().detail;
            ++run->handled;
            Q_EMIT reminderChanged(id, state, reason);
            handleNext(run);
        });
}

} // namespace FrontDesk
