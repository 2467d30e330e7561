// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AuditEntry.h"
#include "core/Error.h"

#include <QByteArray>
#include <QFuture>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Account {

/// Organisation rules for the automatic logoff (HIPAA 164.312(a)(2)(iii)).
struct LockPolicy
{
    int idleMinutes = 10;         ///< 0: never lock automatically (manual lock still works)
    bool unlockNeedsCode = false; ///< unlocking needs a fresh second-factor code too

    bool operator==(const LockPolicy &) const = default;
};

/// Locks the account after the policy's idle time, or on request, and unlocks
/// it with the user's password (checked offline against an Argon2id hash kept in
/// memory) plus, where policy says so, a fresh code checked by the server. No UI
/// and no network code: the window reports activity and shows the lock screen,
/// the Account supplies the server round trip.
///
/// Time is measured on a monotonic clock that keeps counting while the computer
/// sleeps (CLOCK_BOOTTIME), so neither a suspend nor a wall-clock change can skip
/// the lock: after a wake past the deadline the account locks at once.
class IdleLock : public QObject
{
    Q_OBJECT
public:
    /// Error details (Core::Error::detail) of unlock().
    static constexpr QStringView WrongPassword = u"wrong-password";           ///< Code::Auth
    static constexpr QStringView TooManyAttempts = u"too-many-attempts";      ///< Code::Auth
    static constexpr QStringView NoPassword = u"no-password";                 ///< Code::Auth
    static constexpr QStringView CodeRequired = u"code-required";             ///< Code::Mfa
    static constexpr QStringView CodeUnavailable = u"code-check-unavailable"; ///< Code::Mfa
    static constexpr QStringView Busy = u"unlock-in-progress";                ///< Code::Cancelled

    /// Wrong unlock attempts in a row after which the account must sign out.
    static constexpr int MaxFailedAttempts = 5;

    /// Checks the code (and the password again) with the server.
    using Reauthenticate =
        std::function<QFuture<Core::Result<void>>(const QString &password, const QString &code)>;
    /// Milliseconds on a monotonic clock; injectable for tests.
    using Clock = std::function<std::chrono::milliseconds()>;

    explicit IdleLock(QObject *parent = nullptr);
    ~IdleLock() override;

    void setPolicy(const LockPolicy &policy);
    LockPolicy policy() const { return m_policy; }

    /// Stores an Argon2id hash of the password (hashed off the GUI thread) and
    /// starts the idle countdown. The password itself is not kept.
    void rememberPassword(const QString &password);
    bool hasPassword() const { return !m_hash.isEmpty() || m_pendingHash != nullptr; }
    /// The remembered password's Argon2id hash ("$argon2id$..." with its salt and
    /// limits), waiting for it if it is still being computed; empty without one.
    QByteArray passwordHash();
    /// Whether `password` matches a hash from passwordHash(), checked on a
    /// worker thread (Argon2id is deliberately slow).
    static QFuture<bool> matches(const QByteArray &hash, const QString &password);
    void setReauthenticate(Reauthenticate reauthenticate);

    /// Restarts the idle countdown; the window calls it on keyboard and mouse input.
    void noteActivity();
    /// Locks now; `reason` goes to the audit log ("manual", "idle", "wake").
    void lockNow(const QString &reason = QStringLiteral("manual"));
    bool isLocked() const { return m_locked; }
    /// Locks if the idle deadline has passed. Runs on its own timer; also worth
    /// calling when the application becomes active again (after a wake).
    void checkDeadline();

    /// Checks the password (and the code where policy needs one). Fails with
    /// Code::Auth WrongPassword, Code::Auth TooManyAttempts (then
    /// signOutRequired() was emitted), Code::Mfa CodeRequired / CodeUnavailable,
    /// or whatever the server's check reports.
    QFuture<Core::Result<void>> unlock(const QString &password, const QString &code = {});
    bool isUnlocking() const { return m_unlocking; }
    /// Wrong attempts in a row so far.
    int failedAttempts() const { return m_failedAttempts; }

    /// What went wrong unlocking, and what to do, in the user's language.
    static QString describeUnlockError(const Core::Error &error);

    // For tests only: cheapest Argon2id limits, a clock and an idle time in ms.
    void setFastKdfForTests(bool fast) { m_fastKdf = fast; }
    void setClockForTests(Clock clock);
    void setIdleTimeoutForTests(std::chrono::milliseconds timeout);
    /// Waits until a pending rememberPassword() hash is stored; for tests.
    void waitForPasswordHash();
    QByteArray passwordHashForTests() const { return m_hash; }

Q_SIGNALS:
    void lockedChanged(bool locked);
    void unlockingChanged(bool unlocking);
    void policyChanged();
    /// Too many wrong attempts: the account must sign out now.
    void signOutRequired();
    /// Lock and unlock, ids only: connect to Account::audit.
    void audit(Core::AuditEntry::Action action, const QStringList &objectIds);

private:
    std::chrono::milliseconds now() const;
    std::optional<std::chrono::milliseconds> idleTimeout() const;
    void schedule();
    void setLocked(bool locked, const QString &reason);
    void finishUnlock(const Core::Result<void> &result, const QString &method);
    QFuture<Core::Result<void>> settled(Core::Result<void> result);
    void adoptHash();

    LockPolicy m_policy;
    Reauthenticate m_reauthenticate;
    Clock m_clock;
    std::optional<std::chrono::milliseconds> m_testTimeout;
    std::chrono::milliseconds m_lastActivity{0};
    QTimer m_timer;
    QByteArray m_hash;                         ///< crypto_pwhash_str output, "$argon2id$..."
    std::shared_ptr<QByteArray> m_pendingHash; ///< filled by the pool, then moved to m_hash
    QThreadPool m_pool; ///< Argon2id off the GUI thread; last member, so it goes first
    bool m_locked = false;
    bool m_unlocking = false;
    bool m_fastKdf = false;
    int m_failedAttempts = 0;
};

} // namespace Account
