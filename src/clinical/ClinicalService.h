// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clinical/ClinicalElements.h"
#include "clinical/EscalationScheduler.h"
#include "store/ClinicalStore.h"
#include "store/StoreTypes.h"
#include "xmpp/Message.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Account {
class Account;
}

namespace Clinical {

class DirectoryService;
namespace Detail {
struct ForwardStash; ///< private to ClinicalService.cpp
}

/// Organisation rules for clinical messaging.
struct ClinicalPolicy
{
    /// Length of one "minute" of the directory's escalation steps and of the
    /// reminders. One minute in production; tests shorten it to seconds.
    std::chrono::milliseconds minute{60 * 1000};
    /// Repeat the notification of an unacknowledged urgent/STAT message this often.
    int reminderMinutes = 2;
    /// Organisation retention (Admin::PolicyService::retentionDays); 0 keeps forever.
    int retentionDays = 0;
    /// How often expired messages are purged while running.
    std::chrono::milliseconds purgeInterval{15 * 60 * 1000};
    /// Domains messages may be forwarded to besides the account's own
    /// (Admin::OrgPolicy::forwardingDomains, lower case).
    QStringList forwardingDomains;
};

struct SendOptions
{
    Priority priority = Priority::Routine;
    QDateTime expiresAt; ///< invalid: no per-message expiry
};

/// A message addressed to a role: who it resolved to, and the stored message.
struct RoleSend
{
    QString role;
    Core::Jid resolvedTo;
    Store::StoredMessage message;
};

/// Clinical messaging for one account (docs/protocol.md): priority and expiry
/// on outgoing and incoming messages, acknowledgements, escalation of
/// unacknowledged urgent/STAT messages along the directory's chains (pending
/// escalations are store rows, rebuilt into timers by start()), role
/// addresses, XEP-0424 recall and the lifespan purge. Create it once the
/// account's local data is open; everything is audited by id.
class ClinicalService : public QObject
{
    Q_OBJECT
public:
    ClinicalService(Account::Account &account, DirectoryService &directory,
                    EscalationScheduler::Clock clock = {}, QObject *parent = nullptr);
    ~ClinicalService() override;

    void setPolicy(const ClinicalPolicy &policy);
    const ClinicalPolicy &policy() const { return m_policy; }
    Store::ClinicalStore &store() { return *m_store; }
    EscalationScheduler &scheduler() { return m_scheduler; }

    /// Rebuilds the escalation timers from the store and purges once. Finishes
    /// with how many escalations are pending.
    QFuture<Core::Result<int>> start();

    /// Sends through the outbox with priority and expiry (on first sends and
    /// resends). An urgent/STAT message to someone on call for a role with an
    /// escalation chain starts that chain.
    QFuture<Core::Result<Store::StoredMessage>> send(const Core::Jid &to, const QString &body,
                                                     const SendOptions &options);
    /// Resolves `roleId` to whoever is on call now (Policy "role-unknown",
    /// "role-nobody-on-call", "directory-not-loaded"), audits the resolution
    /// and sends; an urgent/STAT message follows the role's escalation chain.
    QFuture<Core::Result<RoleSend>> sendToRole(const QString &roleId, const QString &body,
                                               const SendOptions &options);
    /// Acknowledges an incoming message (by stanza or origin id): tells its
    /// sender and records it (Policy "ack-not-incoming" for our own messages).
    QFuture<Core::Result<void>> acknowledge(const QString &messageId);
    QFuture<Core::Result<QList<Store::Acknowledgement>>> acknowledgements(const QString &messageId);
    /// XEP-0424: retracts one of our messages at its recipient(s) and our other
    /// devices, deletes its text here; the copies its escalation chain already
    /// sent are retracted too and the chain stops. Policy "recall-not-sender"
    /// for others'.
    QFuture<Core::Result<void>> recall(const QString &messageId);
    /// Forwards a message we hold (incoming or ours) to `to` as a new routine
    /// message with the same text and expiry and a <forwarded-from/> reference
    /// (inside the OMEMO 2 envelope). Refused with Policy "forward-domain" when
    /// `to` is outside the own domain and ClinicalPolicy::forwardingDomains,
    /// "forward-recalled" for a recalled message, Storage "no-such-message".
    /// Audited as `forward` (original id, new id, target).
    QFuture<Core::Result<Store::StoredMessage>> forward(const QString &messageId,
                                                        const Core::Jid &to);
    /// Where a message (by stanza or origin id) was forwarded from; nullopt
    /// when it is no forwarded copy.
    QFuture<Core::Result<std::optional<Store::ForwardSource>>>
    forwardedFrom(const QString &messageId);
    /// Deletes expired messages now (per-message expiry, org retention).
    QFuture<Core::Result<int>> purgeNow();

Q_SIGNALS:
    /// One of our messages was acknowledged (or we acknowledged one elsewhere).
    void acknowledged(const QString &messageId, const QString &by, const QDateTime &at);
    /// An unacknowledged message went to the next target of its chain.
    void escalated(const QString &originId, int step, const QString &target);
    /// A message's text was deleted because its sender recalled it.
    void recalled(const QString &messageId);
    /// The forward reference of a copy (one we sent, or one we received) is
    /// stored: `messageId` is the copy's stanza id.
    void forwardRecorded(const QString &messageId, const Store::ForwardSource &source);
    void purged(int count);
    /// An urgent/STAT message waits for our acknowledgement: notify (again).
    void attentionNeeded(const QString &messageId);
    void failed(const Core::Error &error);

private:
    struct Outgoing
    {
        SendOptions options;
        QString role;         ///< chain to follow (empty: look it up by recipient)
        QString escalationOf; ///< set for an escalated copy
        int step = 0;
        std::optional<ForwardedFrom> forwardedFrom;
    };
    QFuture<Core::Result<Store::StoredMessage>>
    sendInternal(const Core::Jid &to, const QString &body, const Outgoing &outgoing);
    void annotate(const Xmpp::Message &message, Store::StoredMessage &row) const;
    void decorate(const Store::StoredMessage &message, Xmpp::Element &stanza) const;
    /// A clinical signal (ack, retract) seen live, as a carbon or in the archive;
    /// `own` when one of our devices sent it.
    void onSignal(const Xmpp::Element &stanza, bool own);
    void onAck(const Ack &ack, const Core::Jid &peer, bool own);
    void onRetract(const QString &originId, const Core::Jid &peer, bool own);
    void acceptAck(const Store::StoredMessage &message, const Core::Jid &by, const QDateTime &at);
    /// Retracts one of our messages on the wire and here.
    QFuture<Core::Result<void>> retract(const Store::StoredMessage &message);
    void onDue(qint64 row);
    void startChain(const Store::StoredMessage &message, const QString &role);
    void onStored(const QList<Store::StoredMessage> &messages);
    /// Stores where `copy` was forwarded from, then tells forwardRecorded().
    void keepForward(const Store::StoredMessage &copy, const Store::ForwardSource &source);
    void remind();
    QDateTime afterMinutes(const QDateTime &from, int minutes) const;

    Account::Account &m_account;
    DirectoryService &m_directory;
    std::unique_ptr<Store::ClinicalStore> m_store;
    EscalationScheduler m_scheduler;
    ClinicalPolicy m_policy;
    QHash<qint64, Store::PendingEscalation> m_pending; ///< by original row
    QSet<qint64> m_waiting;                            ///< due, waiting for the directory
    QHash<QString, QDateTime> m_unacknowledged;        ///< incoming urgent/STAT by id
    /// Forward references read from incoming stanzas (possibly on the store
    /// thread), kept until their row is stored.
    std::shared_ptr<Detail::ForwardStash> m_forwardStash;
    QHash<QString, ForwardedFrom> m_outgoingForwards; ///< by stanza id, while unsent
    QTimer m_purgeTimer;
    QTimer m_reminderTimer;
};

} // namespace Clinical
