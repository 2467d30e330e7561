// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/IdleLock.h"

#include "core/ErrorText.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QThreadPool>

#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <memory>

using namespace std::chrono_literals;

namespace Account {

namespace {

Q_LOGGING_CATEGORY(lcLock, "rounds.account.lock", QtInfoMsg)

using Code = Core::Error::Code;
using std::chrono::milliseconds;

// The countdown is checked at least this often, so a wake past the deadline
// locks within a second even though Qt's timers do not count the sleep.
constexpr milliseconds MaxTick = 1000ms;
// A check this late past the deadline means the process did not run: a wake.
constexpr milliseconds WakeSlack = 5000ms;

const QString ReasonIdle = QStringLiteral("idle");
const QString ReasonWake = QStringLiteral("wake");
const QString MethodPassword = QStringLiteral("password");
const QString MethodPasswordCode = QStringLiteral("password+code");

// Monotonic (no wall-clock jumps) and, on Linux, counting suspended time too.
milliseconds bootClock()
{
#ifdef CLOCK_BOOTTIME
    timespec ts{};
    if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
        return std::chrono::duration_cast<milliseconds>(std::chrono::seconds(ts.tv_sec) +
                                                        std::chrono::nanoseconds(ts.tv_nsec));
#endif
    return std::chrono::duration_cast<milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch());
}

// Owns one UTF-8 copy of a password and wipes it when the last user lets go.
struct WipedUtf8
{
    explicit WipedUtf8(const QString &text)
        : bytes(text.toUtf8())
    {
    }
    ~WipedUtf8()
    {
        if (!bytes.isEmpty())
            sodium_memzero(bytes.data(), size_t(bytes.size()));
    }
    WipedUtf8(const WipedUtf8 &) = delete;
    WipedUtf8 &operator=(const WipedUtf8 &) = delete;

    QByteArray bytes;
};

} // namespace

IdleLock::IdleLock(QObject *parent)
    : QObject(parent)
    , m_clock(bootClock)
{
    if (sodium_init() < 0)
        qCWarning(lcLock, "libsodium failed to initialise");
    m_pool.setMaxThreadCount(1);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::checkDeadline);
    m_lastActivity = now();
}

IdleLock::~IdleLock()
{
    // Pool work posts its result back to us: it must be done before we go. What
    // it posted is dropped with us; a pending unlock then reports a cancellation.
    m_pool.waitForDone();
    if (!m_hash.isEmpty())
        sodium_memzero(m_hash.data(), size_t(m_hash.size()));
}

std::chrono::milliseconds IdleLock::now() const
{
    return m_clock();
}

std::optional<std::chrono::milliseconds> IdleLock::idleTimeout() const
{
    if (m_testTimeout)
        return m_testTimeout;
    if (m_policy.idleMinutes <= 0)
        return std::nullopt;
    return std::chrono::minutes(m_policy.idleMinutes);
}

void IdleLock::setPolicy(const LockPolicy &policy)
{
    if (policy == m_policy)
        return;
    m_policy = policy;
    Q_EMIT policyChanged();
    schedule();
}

void IdleLock::setClockForTests(Clock clock)
{
    m_clock = std::move(clock);
    m_lastActivity = now();
    schedule();
}

void IdleLock::setIdleTimeoutForTests(std::chrono::milliseconds timeout)
{
    m_testTimeout = timeout;
    schedule();
}

void IdleLock::rememberPassword(const QString &password)
{
    m_pool.waitForDone(); // a second sign-in replaces the first hash
    const bool fast = m_fastKdf;
    auto utf8 = std::make_shared<WipedUtf8>(password);
    auto slot = std::make_shared<QByteArray>();
    m_pendingHash = slot;
    m_pool.start([this, utf8, slot, fast] {
        const auto ops = fast ? crypto_pwhash_argon2id_OPSLIMIT_MIN
                              : crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
        const auto mem = fast ? crypto_pwhash_argon2id_MEMLIMIT_MIN
                              : crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
        char out[crypto_pwhash_argon2id_STRBYTES] = {};
        // On failure (out of memory) the slot stays empty; unlock says to sign in again.
        if (crypto_pwhash_argon2id_str(out, utf8->bytes.constData(), quint64(utf8->bytes.size()),
                                       ops, mem) == 0)
            *slot = QByteArray(out);
        QMetaObject::invokeMethod(
            this,
            [this, slot] {
                if (slot == m_pendingHash)
                    adoptHash();
            },
            Qt::QueuedConnection);
    });
    m_lastActivity = now();
    schedule();
}

// Only once the pool has finished the hash (its posted call, or waitForDone()).
void IdleLock::adoptHash()
{
    if (!m_pendingHash)
        return;
    const QByteArray hash = *m_pendingHash;
    m_pendingHash.reset();
    if (hash.isEmpty()) {
        qCWarning(lcLock, "password hash failed; unlocking will need a new sign-in");
        schedule();
        return;
    }
    if (!m_hash.isEmpty())
        sodium_memzero(m_hash.data(), size_t(m_hash.size()));
    m_hash = hash;
}

QByteArray IdleLock::passwordHash()
{
    waitForPasswordHash();
    return m_hash;
}

QFuture<bool> IdleLock::matches(const QByteArray &hash, const QString &password)
{
    auto promise = std::make_shared<QPromise<bool>>();
    promise->start();
    auto future = promise->future();
    auto utf8 = std::make_shared<WipedUtf8>(password);
    QThreadPool::globalInstance()->start([promise, hash, utf8] {
        // QByteArray keeps its data NUL-terminated, as the verifier expects.
        const bool ok = !hash.isEmpty() &&
                        crypto_pwhash_argon2id_str_verify(hash.constData(), utf8->bytes.constData(),
                                                          quint64(utf8->bytes.size())) == 0;
        promise->addResult(ok);
        promise->finish();
    });
    return future;
}

void IdleLock::waitForPasswordHash()
{
    if (!m_pendingHash)
        return;
    m_pool.waitForDone();
    adoptHash();
}

void IdleLock::setReauthenticate(Reauthenticate reauthenticate)
{
    m_reauthenticate = std::move(reauthenticate);
}

void IdleLock::noteActivity()
{
    if (m_locked)
        return;
    m_lastActivity = now();
    if (!m_timer.isActive())
        schedule();
}

void IdleLock::schedule()
{
    const auto timeout = idleTimeout();
    if (m_locked || !timeout || !hasPassword()) {
        m_timer.stop();
        return;
    }
    const milliseconds remaining = m_lastActivity + *timeout - now();
    m_timer.start(std::clamp(remaining, 0ms, MaxTick));
}

void IdleLock::checkDeadline()
{
    const auto timeout = idleTimeout();
    if (m_locked || !timeout || !hasPassword())
        return;
    const milliseconds late = now() - (m_lastActivity + *timeout);
    if (late >= 0ms)
        setLocked(true, late > WakeSlack ? ReasonWake : ReasonIdle);
    else
        schedule();
}

void IdleLock::lockNow(const QString &reason)
{
    if (!m_locked)
        setLocked(true, reason);
}

void IdleLock::setLocked(bool locked, const QString &reasonOrMethod)
{
    m_locked = locked;
    if (locked) {
        m_timer.stop();
        qCInfo(lcLock, "locked: %s", qUtf8Printable(reasonOrMethod));
        Q_EMIT audit(Core::AuditEntry::Action::Lock, {reasonOrMethod});
    } else {
        m_lastActivity = now();
        qCInfo(lcLock, "unlocked: %s", qUtf8Printable(reasonOrMethod));
        Q_EMIT audit(Core::AuditEntry::Action::Unlock, {reasonOrMethod});
        schedule();
    }
    Q_EMIT lockedChanged(locked);
}

QFuture<Core::Result<void>> IdleLock::settled(Core::Result<void> result)
{
    QPromise<Core::Result<void>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

QFuture<Core::Result<void>> IdleLock::unlock(const QString &password, const QString &code)
{
    if (!m_locked)
        return settled({});
    if (m_failedAttempts >= MaxFailedAttempts)
        return settled(Core::fail(Code::Auth, TooManyAttempts.toString()));
    if (m_unlocking)
        return settled(Core::fail(Code::Cancelled, Busy.toString()));
    if (m_policy.unlockNeedsCode) {
        if (!m_reauthenticate)
            return settled(Core::fail(Code::Mfa, CodeUnavailable.toString()));
        if (code.trimmed().isEmpty())
            return settled(Core::fail(Code::Mfa, CodeRequired.toString()));
    }
    waitForPasswordHash(); // only blocks when locked within a moment of signing in
    if (m_hash.isEmpty())
        return settled(Core::fail(Code::Auth, NoPassword.toString()));

    m_unlocking = true;
    Q_EMIT unlockingChanged(true);
    auto promise = std::make_shared<QPromise<Core::Result<void>>>();
    promise->start();
    auto future = promise->future();
    const auto finish = [this, promise](Core::Result<void> result, const QString &method) {
        finishUnlock(result, method);
        promise->addResult(m_failedAttempts >= MaxFailedAttempts
                               ? Core::fail(Code::Auth, TooManyAttempts.toString())
                               : result);
        promise->finish();
        if (m_failedAttempts >= MaxFailedAttempts)
            Q_EMIT signOutRequired();
    };

    const QByteArray hash = m_hash;
    auto utf8 = std::make_shared<WipedUtf8>(password);
    const auto verified = [this, finish, password, code](bool ok) {
        if (!ok) {
            finish(Core::fail(Code::Auth, WrongPassword.toString()), MethodPassword);
            return;
        }
        if (!m_policy.unlockNeedsCode) {
            finish({}, MethodPassword);
            return;
        }
        if (!m_reauthenticate) {
            finish(Core::fail(Code::Mfa, CodeUnavailable.toString()), MethodPasswordCode);
            return;
        }
        // A cancelled check (the account went offline, say) must not leave us busy.
        m_reauthenticate(password, code.trimmed())
            .then(this,
                  [finish](Core::Result<void> confirmed) { finish(confirmed, MethodPasswordCode); })
            .onCanceled(this, [finish] {
                finish(Core::fail(Code::Cancelled, QStringLiteral("code-check-cancelled")),
                       MethodPasswordCode);
            });
    };
    // `utf8` is wiped when the pool lets go of it; the caller's QString is theirs.
    m_pool.start([this, hash, utf8, verified] {
        const bool ok = crypto_pwhash_argon2id_str_verify(hash.constData(), utf8->bytes.constData(),
                                                          quint64(utf8->bytes.size())) == 0;
        QMetaObject::invokeMethod(
            this, [verified, ok] { verified(ok); }, Qt::QueuedConnection);
    });
    return future;
}

void IdleLock::finishUnlock(const Core::Result<void> &result, const QString &method)
{
    m_unlocking = false;
    if (result) {
        m_failedAttempts = 0;
        setLocked(false, method);
    } else if (result.error().code == Code::Auth || result.error().code == Code::Mfa) {
        // Wrong password or wrong code; a network failure is no guess.
        ++m_failedAttempts;
        qCInfo(lcLock, "unlock refused (%d in a row): %s", m_failedAttempts,
               qUtf8Printable(result.error().detail));
    }
    Q_EMIT unlockingChanged(false);
}

QString IdleLock::describeUnlockError(const Core::Error &error)
{
    if (error.detail == WrongPassword)
        return tr("The password is not correct. Type your password again. After %n wrong "
                  "attempts in a row you will be signed out.",
                  nullptr, MaxFailedAttempts);
    if (error.detail == TooManyAttempts)
        return tr("Too many wrong attempts to unlock. You have been signed out to protect "
                  "patient information; sign in again with your password.");
    if (error.detail == NoPassword)
        return tr("Rounds cannot check your password on this computer. Sign out, then sign "
                  "in again.");
    if (error.detail == CodeRequired)
        return tr("Enter the 6-digit code from your authenticator app as well.");
    if (error.detail == CodeUnavailable)
        return tr("Your organisation requires a code to unlock, but Rounds cannot check codes "
                  "for this account. Sign out and sign in again, or ask IT.");
    if (error.detail == Busy)
        return tr("Still checking your password. Wait a moment.");
    return Core::describeError(error);
}

} // namespace Account
