// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frontdesk/Endpoint.h"
#include "store/FrontDeskStore.h"

#include "core/Error.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QTimer>

#include <functional>

namespace FrontDesk {

/// Sends scheduled reminders when they are due, exactly once: a due row is
/// claimed (Sending) in the store before the sender commits its message to
/// the outbox, and marked Sent with the message id after. After a restart,
/// start() settles claimed rows from the outbox's own records (see
/// FrontDeskStore::recoverClaims), so nothing is sent twice. The consent
/// registry is asked right before each send.
class ReminderScheduler : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    /// Commits the reminder's message to the outbox; finishes with its message id.
    using Sender = std::function<QFuture<Core::Result<QString>>(const Store::ReminderRecord &)>;
    using ChannelOf = std::function<Channel(const QString &patient)>;

    ReminderScheduler(Store::FrontDeskStore &store, ChannelOf channelOf, Clock clock = {},
                      QObject *parent = nullptr);

    void setSender(Sender sender) { m_sender = std::move(sender); }
    /// How often due reminders are looked for (default 1 s); 0 stops polling.
    void setPollInterval(int ms);
    QDateTime now() const { return m_clock(); }

    /// Settles rows claimed before a restart, then starts polling.
    QFuture<Core::Result<int>> start();
    /// Sends whatever is due now; finishes with how many reminders were handled
    /// (sent, failed or opted out). A tick while one runs does nothing (0).
    QFuture<Core::Result<int>> tick();

Q_SIGNALS:
    void reminderChanged(qint64 id, Store::ReminderState state, const QString &reason);

private:
    struct Run;
    void handleNext(std::shared_ptr<Run> run);
    void finishOne(std::shared_ptr<Run> run, qint64 id, Store::ReminderState state,
                   const QString &reason);

    Store::FrontDeskStore &m_store;
    ChannelOf m_channelOf;
    Clock m_clock;
    Sender m_sender;
    QTimer m_timer;
    bool m_busy = false;
    bool m_polling = true;
};

} // namespace FrontDesk
