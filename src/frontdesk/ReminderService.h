// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frontdesk/BatchProtocol.h"
#include "frontdesk/Endpoint.h"
#include "frontdesk/MinimumNecessaryPolicy.h"
#include "frontdesk/ReminderScheduler.h"
#include "frontdesk/ReplyKeywords.h"
#include "store/FrontDeskStore.h"
#include "store/StoreTypes.h"

#include "core/Error.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <chrono>
#include <memory>

namespace Account {
class Account;
}

namespace FrontDesk {

class StaffNotifier;

/// The reminder service's configuration (docs/frontdesk.md, rounds-cli
/// reminders serve --config).
struct ServiceConfig
{
    QStringList staff; ///< bare JIDs whose batches, consents and status requests are accepted
    EndpointRules endpoints;
    MinimumNecessaryRules rules;
    int pollMs = 1000;
    /// How long staff get <changed/> events after a status request with watch='true'.
    std::chrono::milliseconds watchWindow{std::chrono::minutes(10)};
    /// The least time between two events to one staff member.
    std::chrono::milliseconds eventGap{std::chrono::seconds(1)};
};

/// The headless reminder service of one organisation, running as its reminder
/// account (whose local data must be open): accepts OMEMO-encrypted requests
/// from authorised staff (Protocol), keeps the consent registry and the
/// schedule in the account's encrypted store, sends due reminders through the
/// outbox (OMEMO to patient accounts; plaintext only to gateway endpoints of
/// the plaintext-allowed domains) and matches patients' replies to their
/// latest reminder. Batches, sends, overrides and consent changes are audited.
/// Staff watching the status get a <changed/> event when something changes.
class ReminderService : public QObject
{
    Q_OBJECT
public:
    ReminderService(Account::Account &account, ServiceConfig config,
                    ReminderScheduler::Clock clock = {}, QObject *parent = nullptr);
    ~ReminderService() override;

    /// Installs the encryptor and starts the scheduler (after settling claims).
    QFuture<Core::Result<int>> start();

    Store::FrontDeskStore &store() { return *m_store; }
    StaffNotifier &notifier() { return *m_notifier; }
    ReminderScheduler &scheduler() { return *m_scheduler; }
    const ServiceConfig &config() const { return m_config; }

Q_SIGNALS:
    /// A staff request was answered ("accepted", "duplicate", "rejected", "status").
    void requestHandled(const QString &from, const QString &requestId, const QString &outcome);
    /// A request from someone not on the staff list, or not end-to-end encrypted, was ignored.
    void requestRefused(const QString &from, const QString &why);
    /// A patient's reply was matched (reminder 0: none to match, queued).
    void replyHandled(const QString &patient, qint64 reminder, FrontDesk::ReplyIntent intent);
    void reminderChanged(qint64 id, Store::ReminderState state);

private:
    void onMessagesStored(const QList<Store::StoredMessage> &messages);
    void handleRequest(const Store::StoredMessage &message, const Protocol::Request &request);
    void handleBatch(const QString &from, const Protocol::Batch &batch);
    void handleConsent(const QString &from, const Protocol::Consent &consent);
    void handleStatus(const QString &from, const Protocol::StatusRequest &request);
    void handleReply(const Store::StoredMessage &message);
    void handleReplyHandled(const QString &from, const Protocol::ReplyHandled &handled);
    /// A patient's message to the service (not staff, not a request, not a room).
    bool isReply(const Store::StoredMessage &message) const;
    /// Handles the replies a crash left unhandled (FrontDeskStore::unhandledIncoming).
    void recoverReplies();
    void answer(const QString &to, const Protocol::Answer &answer);
    /// Sends the status (or one page of it) of `reminders`.
    void answerStatus(const QString &from, const Protocol::StatusRequest &request,
                      QList<Store::ReminderRecord> reminders);
    void onMessageState(const QString &messageId, Store::MessageState state);
    QFuture<Core::Result<QString>> sendReminder(const Store::ReminderRecord &reminder);

    Account::Account &m_account;
    ServiceConfig m_config;
    MinimumNecessaryPolicy m_policy;
    std::unique_ptr<Store::FrontDeskStore> m_store;
    std::unique_ptr<ReminderScheduler> m_scheduler;
    std::unique_ptr<StaffNotifier> m_notifier;
    QSet<qint64> m_replying; ///< messages whose handling is under way
};

} // namespace FrontDesk
