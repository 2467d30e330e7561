// SPDX-License-Identifier: GPL-3.0-or-later
// IdleLock: the idle countdown on a clock the test moves, manual and wake locks,
// offline password checks, the code policy and the audit entries.
#include "account/IdleLock.h"

#include "TestSupport.h"

#include <QPromise>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Account::IdleLock;
using Account::LockPolicy;
using Action = Core::AuditEntry::Action;

namespace {

const QString Password = u"correct horse battery"_s;

QFuture<Core::Result<void>> ready(Core::Result<void> result)
{
    QPromise<Core::Result<void>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

} // namespace

class tst_IdleLock : public QObject
{
    Q_OBJECT

    /// A lock on a clock that only moves when the test says so.
    struct Fixture
    {
        std::shared_ptr<std::chrono::milliseconds> time =
            std::make_shared<std::chrono::milliseconds>(1'000'000ms);
        IdleLock lock;
        QSignalSpy locked{&lock, &IdleLock::lockedChanged};
        QSignalSpy audits{&lock, &IdleLock::audit};

        explicit Fixture(LockPolicy policy = {})
        {
            lock.setFastKdfForTests(true);
            lock.setClockForTests([t = time] { return *t; });
            lock.setPolicy(policy);
            lock.rememberPassword(Password);
            lock.waitForPasswordHash();
        }
        void advance(std::chrono::milliseconds by) { *time += by; }

        Core::Result<void> unlock(const QString &password, const QString &code = {})
        {
            auto future = lock.unlock(password, code);
            if (!TestSupport::waitFor(future, 10s) || future.resultCount() != 1)
                return Core::fail(Core::Error::Code::Cancelled, u"test timeout"_s);
            return future.result();
        }
        /// (action, ids) of audit entry `i`.
        std::pair<Action, QStringList> audit(int i) const
        {
            return {audits.at(i).at(0).value<Action>(), audits.at(i).at(1).toStringList()};
        }
    };

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<Core::AuditEntry::Action>(); }

    void locksAfterTheIdleTime()
    {
        Fixture f(LockPolicy{.idleMinutes = 10});
        f.advance(9min + 59s);
        f.lock.checkDeadline();
        QVERIFY(!f.lock.isLocked());
        f.advance(1s);
        f.lock.checkDeadline();
        QVERIFY(f.lock.isLocked());
        QCOMPARE(f.locked.count(), 1);
        QCOMPARE(f.locked.at(0).at(0).toBool(), true);
        QCOMPARE(f.audits.count(), 1);
        QCOMPARE(f.audit(0), std::pair(Action::Lock, QStringList{u"idle"_s}));
    }

    void locksOnItsOwnTimer()
    {
        // Real time: the lock's own timer fires without anybody asking.
        IdleLock lock;
        lock.setFastKdfForTests(true);
        lock.setIdleTimeoutForTests(150ms);
        lock.rememberPassword(Password);
        lock.waitForPasswordHash();
        QSignalSpy audits(&lock, &IdleLock::audit);
        QVERIFY(!lock.isLocked());
        QTRY_VERIFY_WITH_TIMEOUT(lock.isLocked(), 5000);
        QCOMPARE(audits.count(), 1);
        QCOMPARE(audits.at(0).at(1).toStringList(), QStringList{u"idle"_s});
    }

    void activityPostponesTheLock()
    {
        Fixture f(LockPolicy{.idleMinutes = 10});
        for (int i = 0; i < 5; ++i) {
            f.advance(8min);
            f.lock.noteActivity();
            f.lock.checkDeadline();
            QVERIFY(!f.lock.isLocked());
        }
        f.advance(9min);
        f.lock.checkDeadline();
        QVERIFY(!f.lock.isLocked());
        f.advance(1min);
        f.lock.checkDeadline();
        QVERIFY(f.lock.isLocked());
        // Activity while locked does not unlock.
        f.lock.noteActivity();
        QVERIFY(f.lock.isLocked());
    }

    void zeroMinutesNeverLocksButManualLockWorks()
    {
        Fixture f(LockPolicy{.idleMinutes = 0});
        f.advance(24h);
        f.lock.checkDeadline();
        QVERIFY(!f.lock.isLocked());
        f.lock.lockNow();
        QVERIFY(f.lock.isLocked());
        QCOMPARE(f.audit(0), std::pair(Action::Lock, QStringList{u"manual"_s}));
        f.lock.lockNow(); // already locked: nothing new
        QCOMPARE(f.locked.count(), 1);
        QCOMPARE(f.audits.count(), 1);
    }

    void wakeAfterTheDeadlineLocksAtOnce()
    {
        Fixture f(LockPolicy{.idleMinutes = 10});
        QVERIFY(!f.lock.isLocked());
        // The laptop sleeps for two hours: the clock jumps, Qt's timers do not
        // know. The lock's next tick (at most a second away) must lock.
        f.advance(2h);
        QTRY_VERIFY_WITH_TIMEOUT(f.lock.isLocked(), 3000);
        QCOMPARE(f.audit(0), std::pair(Action::Lock, QStringList{u"wake"_s}));
    }

    void noPasswordNoCountdown()
    {
        // Before sign-in there is nothing to unlock with, so nothing locks by itself.
        IdleLock lock;
        auto time = std::make_shared<std::chrono::milliseconds>(0ms);
        lock.setClockForTests([time] { return *time; });
        *time += 1h;
        lock.checkDeadline();
        QVERIFY(!lock.isLocked());
        lock.lockNow();
        auto future = lock.unlock(Password);
        QVERIFY(TestSupport::waitFor(future));
        QCOMPARE(future.result().error(),
                 (Core::Error{Core::Error::Code::Auth, IdleLock::NoPassword.toString()}));
    }

    void rightPasswordUnlocks()
    {
        Fixture f;
        f.lock.lockNow();
        QSignalSpy unlocking(&f.lock, &IdleLock::unlockingChanged);
        const auto result = f.unlock(Password);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().detail));
        QVERIFY(!f.lock.isLocked());
        QCOMPARE(f.locked.count(), 2);
        QCOMPARE(f.locked.at(1).at(0).toBool(), false);
        QCOMPARE(unlocking.count(), 2);
        QCOMPARE(f.audits.count(), 2);
        QCOMPARE(f.audit(1), std::pair(Action::Unlock, QStringList{u"password"_s}));
        // The countdown starts again from the unlock.
        f.advance(9min);
        f.lock.checkDeadline();
        QVERIFY(!f.lock.isLocked());
        f.advance(1min);
        f.lock.checkDeadline();
        QVERIFY(f.lock.isLocked());
    }

    void wrongPasswordIsRefused()
    {
        Fixture f;
        f.lock.lockNow();
        const auto result = f.unlock(u"correct horse battery "_s);
        QVERIFY(!result);
        QCOMPARE(result.error(),
                 (Core::Error{Core::Error::Code::Auth, IdleLock::WrongPassword.toString()}));
        QVERIFY(f.lock.isLocked());
        QCOMPARE(f.lock.failedAttempts(), 1);
        QCOMPARE(f.audits.count(), 1); // the lock only
        QVERIFY(IdleLock::describeUnlockError(result.error()).contains(u"5"_s));
        // A right password resets the count.
        QVERIFY(f.unlock(Password));
        QCOMPARE(f.lock.failedAttempts(), 0);
    }

    void fiveWrongAttemptsRequireSignOut()
    {
        Fixture f;
        f.lock.lockNow();
        QSignalSpy signOut(&f.lock, &IdleLock::signOutRequired);
        for (int i = 1; i < IdleLock::MaxFailedAttempts; ++i) {
            const auto result = f.unlock(u"guess %1"_s.arg(i));
            QCOMPARE(result.error().detail, IdleLock::WrongPassword.toString());
            QCOMPARE(signOut.count(), 0);
        }
        const auto fifth = f.unlock(u"guess 5"_s);
        QCOMPARE(fifth.error(),
                 (Core::Error{Core::Error::Code::Auth, IdleLock::TooManyAttempts.toString()}));
        QCOMPARE(signOut.count(), 1);
        // Even the right password no longer helps.
        const auto after = f.unlock(Password);
        QCOMPARE(after.error().detail, IdleLock::TooManyAttempts.toString());
        QVERIFY(f.lock.isLocked());
        QVERIFY(!IdleLock::describeUnlockError(after.error()).isEmpty());
    }

    void codePolicyAsksTheServer()
    {
        Fixture f(LockPolicy{.idleMinutes = 10, .unlockNeedsCode = true});
        f.lock.lockNow();
        // No server round trip supplied: a clear refusal, not an unlock.
        QCOMPARE(f.unlock(Password, u"123456"_s).error(),
                 (Core::Error{Core::Error::Code::Mfa, IdleLock::CodeUnavailable.toString()}));

        QList<std::pair<QString, QString>> calls;
        Core::Result<void> answer = Core::fail(Core::Error::Code::Mfa, u"bad-code"_s);
        f.lock.setReauthenticate([&](const QString &password, const QString &code) {
            calls.append({password, code});
            return ready(answer);
        });
        QCOMPARE(f.unlock(Password).error().detail, IdleLock::CodeRequired.toString());
        QVERIFY(calls.isEmpty());

        // A wrong password never reaches the server.
        QCOMPARE(f.unlock(u"nope"_s, u"123456"_s).error().detail,
                 IdleLock::WrongPassword.toString());
        QVERIFY(calls.isEmpty());

        // The server refuses the code: still locked, and it counts as a wrong attempt.
        const auto refused = f.unlock(Password, u"123456"_s);
        QCOMPARE(refused.error(), (Core::Error{Core::Error::Code::Mfa, u"bad-code"_s}));
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.at(0), std::pair(Password, u"123456"_s));
        QVERIFY(f.lock.isLocked());
        QCOMPARE(f.lock.failedAttempts(), 2);

        answer = {};
        QVERIFY(f.unlock(Password, u" 654321 "_s));
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(1).second, u"654321"_s);
        QVERIFY(!f.lock.isLocked());
        QCOMPARE(f.audits.last().at(1).toStringList(), QStringList{u"password+code"_s});
    }

    void networkTroubleIsNotAWrongAttempt()
    {
        Fixture f(LockPolicy{.idleMinutes = 10, .unlockNeedsCode = true});
        f.lock.setReauthenticate([](const QString &, const QString &) {
            return ready(Core::fail(Core::Error::Code::Network, u"offline"_s));
        });
        f.lock.lockNow();
        QCOMPARE(f.unlock(Password, u"123456"_s).error().code, Core::Error::Code::Network);
        QCOMPARE(f.lock.failedAttempts(), 0);
        QVERIFY(f.lock.isLocked());

        // A check that is cancelled leaves the lock ready for the next attempt.
        f.lock.setReauthenticate([](const QString &, const QString &) {
            QPromise<Core::Result<void>> promise;
            promise.start();
            promise.future().cancel();
            promise.finish();
            return promise.future();
        });
        QCOMPARE(f.unlock(Password, u"123456"_s).error().detail, u"code-check-cancelled"_s);
        QVERIFY(!f.lock.isUnlocking());
        QCOMPARE(f.lock.failedAttempts(), 0);
        QVERIFY(f.lock.isLocked());
    }

    void onlyAHashIsKept()
    {
        Fixture f;
        const QByteArray hash = f.lock.passwordHashForTests();
        QVERIFY2(hash.startsWith("$argon2id$"), hash.constData());
        QVERIFY(!hash.contains(Password.toUtf8()));
        // The real limits are libsodium's interactive ones (m=65536 KiB, t=2).
        IdleLock real;
        real.rememberPassword(Password);
        real.waitForPasswordHash();
        QVERIFY(real.passwordHashForTests().startsWith("$argon2id$v=19$m=65536,t=2,"));
    }

    void describesEveryRefusal()
    {
        using Code = Core::Error::Code;
        QSet<QString> texts;
        for (const Core::Error &error :
             {Core::Error{Code::Auth, IdleLock::WrongPassword.toString()},
              Core::Error{Code::Auth, IdleLock::TooManyAttempts.toString()},
              Core::Error{Code::Auth, IdleLock::NoPassword.toString()},
              Core::Error{Code::Mfa, IdleLock::CodeRequired.toString()},
              Core::Error{Code::Mfa, IdleLock::CodeUnavailable.toString()},
              Core::Error{Code::Cancelled, IdleLock::Busy.toString()},
              Core::Error{Code::Network, u"offline"_s}}) {
            const QString text = IdleLock::describeUnlockError(error);
            QVERIFY2(!text.isEmpty(), qPrintable(error.detail));
            texts.insert(text);
        }
        QCOMPARE(texts.size(), 7);
    }
};

QTEST_GUILESS_MAIN(tst_IdleLock)
#include "tst_IdleLock.moc"
