// SPDX-License-Identifier: GPL-3.0-or-later
// Multi-factor sign-in against the real Prosody (registered for Prosody only): on
// its clinic host (packaging/prosody/mod_rounds_auth.lua, TOTP required)
// enrolment, password plus code, FAST reconnects, replayed and wrong codes,
// lockout, admin revocation, the idle lock; on its plain host (no SASL2) the
// require-MFA policy refuses and without it the login says MFA is not enforced.
// ejabberd 23.01 (no SASL2) is covered by tst_Session's policy test.
// Codes are computed from the secret the server hands out at enrolment.
#include "account/Account.h"
#include "account/IdleLock.h"

#include "AuthTestSupport.h"
#include "ServerEnv.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Core::Error;

namespace {

constexpr auto Wait = std::chrono::seconds(30);

/// One Rounds installation: an account with its own encrypted store (where the
/// FAST token lives without a keychain) answering code prompts from `codes`.
struct Device
{
    Device(const ServerEnv &env, const QString &jid, const QString &dataDir)
    {
        Account::AccountSettings settings;
        settings.jid = Core::Jid(jid);
        settings.serverUrl = env.url;
        settings.caFile = env.caFile;
        account = std::make_unique<Account::Account>(settings);
        Account::LocalDataOptions local;
        local.dataDir = dataDir;
        local.passphrase = u"mfa test passphrase"_s;
        local.fastKdfForTests = true;
        auto opened = account->openLocalData(local);
        localOk = TestSupport::waitFor(opened, Wait) && opened.result().has_value();
        QObject::connect(account.get(), &Account::Account::secondFactorRequired, account.get(),
                         [this](Xmpp::SecondFactorTask task, const QString &uri) {
                             asked << task;
                             if (task == Xmpp::SecondFactorTask::Enrolment)
                                 secret = testOtpSecret(uri);
                             if (!answer)
                                 return;
                             const QString code = answer(task);
                             answerResult = account->provideSecondFactor(code);
                         });
    }
    ~Device()
    {
        if (account && account->client().isConnected()) {
            account->signOut();
            (void)QTest::qWaitFor(
                [&] { return account->client().state() == Xmpp::Client::State::Disconnected; },
                3000);
        }
    }

    Core::Result<void> signIn(const QString &password)
    {
        auto future = account->signIn(password);
        if (!TestSupport::waitFor(future, Wait))
            return Core::fail(Error::Code::Timeout, u"test wait expired"_s);
        return future.result();
    }

    std::unique_ptr<Account::Account> account;
    bool localOk = false;
    QList<Xmpp::SecondFactorTask> asked;
    QString secret; ///< from the enrolment URI
    std::function<QString(Xmpp::SecondFactorTask)> answer;
    Core::Result<void> answerResult;
};

} // namespace

class tst_Mfa : public QObject
{
    Q_OBJECT

    ServerEnv m_env;
    QTemporaryDir m_dirs;
    int m_dirCount = 0;

    QString newDataDir() { return m_dirs.filePath(QString::number(++m_dirCount)); }
    QString clinicAccount(int i) const { return m_env.clinicAccounts.value(i); }

    // Enrols `jid` on a new device; returns the device (signed in) and the secret.
    std::unique_ptr<Device> enrol(const QString &jid)
    {
        auto device = std::make_unique<Device>(m_env, jid, newDataDir());
        if (!device->localOk)
            return {};
        device->answer = [d = device.get()](Xmpp::SecondFactorTask) {
            return testTotpCodeAt(d->secret);
        };
        if (auto in = device->signIn(m_env.password(jid)); !in) {
            qWarning() << "enrolment failed:" << in.error().detail;
            return {};
        }
        if (device->asked != QList{Xmpp::SecondFactorTask::Enrolment} || device->secret.isEmpty())
            return {};
        return device;
    }

    // Signs the clinic host's admin in once (its TOTP secret is in the env file).
    bool adminSignIn()
    {
        m_admin = std::make_unique<Device>(m_env, m_env.clinicAdmin, newDataDir());
        // Other tests of this run sign the admin in too, and a code (30-second
        // step) is accepted once: now, then the next step, then wait for a fresh one.
        auto attempts = std::make_shared<int>(0);
        m_admin->answer = [this, attempts](Xmpp::SecondFactorTask) {
            return testTotpCodeAt(m_env.clinicAdminTotpSecret,
                                  testTotpStepForAttempt((*attempts)++));
        };
        auto in = m_admin->signIn(m_env.password(m_env.clinicAdmin));
        for (int retry = 0; !in && in.error().code == Error::Code::Mfa && retry < 2; ++retry) {
            if (retry == 1)
                waitForNextTotpStep();
            in = m_admin->signIn(m_env.password(m_env.clinicAdmin));
        }
        if (!in)
            qWarning() << "admin sign-in failed:" << in.error().detail;
        return in.has_value();
    }

    // Runs an admin ad-hoc command (XEP-0050) on the clinic host.
    Core::Result<void> adminCommand(const QString &node,
                                    const QList<QPair<QString, QString>> &fields)
    {
        Device &admin = *m_admin;
        Xmpp::Element execute(u"iq"_s, u"jabber:client"_s);
        execute.setAttribute(u"type"_s, u"set"_s);
        execute.setAttribute(u"to"_s, m_env.clinicDomain);
        Xmpp::Element command(u"command"_s, u"http://jabber.org/protocol/commands"_s);
        command.setAttribute(u"node"_s, node);
        command.setAttribute(u"action"_s, u"execute"_s);
        execute.appendChild(command);
        auto first = admin.account->client().sendIq(execute);
        if (!TestSupport::waitFor(first, Wait) || !first.result())
            return Core::fail(Error::Code::Stanza, u"execute refused"_s);
        const QString session = first.result()
                                    ->firstChild(u"command", u"http://jabber.org/protocol/commands")
                                    .attribute(u"sessionid");
        Xmpp::Element submit(u"iq"_s, u"jabber:client"_s);
        submit.setAttribute(u"type"_s, u"set"_s);
        submit.setAttribute(u"to"_s, m_env.clinicDomain);
        Xmpp::Element next(u"command"_s, u"http://jabber.org/protocol/commands"_s);
        next.setAttribute(u"node"_s, node);
        next.setAttribute(u"sessionid"_s, session);
        Xmpp::Element form(u"x"_s, u"jabber:x:data"_s);
        form.setAttribute(u"type"_s, u"submit"_s);
        for (const auto &[var, value] : fields) {
            Xmpp::Element field(u"field"_s, u"jabber:x:data"_s);
            field.setAttribute(u"var"_s, var);
            field.appendChild(Xmpp::Element(u"value"_s, u"jabber:x:data"_s).setText(value));
            form.appendChild(field);
        }
        next.appendChild(form);
        submit.appendChild(next);
        auto done = admin.account->client().sendIq(submit);
        if (!TestSupport::waitFor(done, Wait) || !done.result())
            return Core::fail(Error::Code::Stanza, u"submit refused"_s);
        const QString status = done.result()
                                   ->firstChild(u"command", u"http://jabber.org/protocol/commands")
                                   .attribute(u"status");
        if (status != u"completed")
            return Core::fail(Error::Code::Stanza, u"command status "_s + status);
        return {};
    }
    std::unique_ptr<Device> m_admin;
    QString m_cliSecret;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(m_dirs.isValid());
        // Registered for Prosody only: its test instance always has the clinic host.
        QVERIFY2(!m_env.clinicDomain.isEmpty() && m_env.clinicAccounts.size() >= 5,
                 "the env file lacks the clinical-profile host");
        QVERIFY(!m_env.clinicAdminTotpSecret.isEmpty());
        QVERIFY(adminSignIn());
        // Re-runnable against one running server: start from unenrolled accounts.
        for (int i = 0; i < 5; ++i) {
            QVERIFY(adminCommand(u"https://rounds.invalid/ns/auth#reset-totp"_s,
                                 {{u"accountjid"_s, clinicAccount(i)}}));
            QVERIFY(adminCommand(
                u"https://rounds.invalid/ns/auth#revoke-tokens"_s,
                {{u"accountjid"_s, clinicAccount(i)}, {u"user-agent-id"_s, QString()}}));
        }
    }

    void cleanupTestCase() { m_admin.reset(); }

    void withoutClinicalProfileMfaIsNotEnforced()
    {
        // Prosody's plain host has no SASL2 (ejabberd 23.01 neither: tst_Session).
        const QString jid = m_env.account(10);
        Device device(m_env, jid, newDataDir());
        QVERIFY(device.localOk);
        QVERIFY(device.signIn(m_env.password(jid)));
        QVERIFY(!device.account->client().authSummary().sasl2);
        QVERIFY(!device.account->secondFactorEnforced());
        QVERIFY(device.asked.isEmpty());
    }

    void requireMfaRefusesServersWithoutIt()
    {
        const QString jid = m_env.account(10);
        Device device(m_env, jid, newDataDir());
        QVERIFY(device.localOk);
        device.account->setRequireMfa(true);
        const auto in = device.signIn(m_env.password(jid));
        QVERIFY(!in);
        QCOMPARE(in.error(), (Error{Error::Code::Policy, u"mfa-unavailable"_s}));
        QVERIFY(!device.account->client().isConnected());
    }

    void enrolmentThenTokenReconnects()
    {
        const QString jid = clinicAccount(0);
        const QString dir = newDataDir();
        QString secret;
        {
            Device device(m_env, jid, dir);
            QVERIFY(device.localOk);
            device.account->setRequireMfa(true);
            device.answer = [&](Xmpp::SecondFactorTask) { return testTotpCodeAt(device.secret); };
            QVERIFY(device.signIn(m_env.password(jid)));
            QCOMPARE(device.asked, QList{Xmpp::SecondFactorTask::Enrolment});
            QVERIFY(device.account->client().authSummary().enrolled);
            QVERIFY(device.account->secondFactorEnforced());
            QVERIFY(device.account->client().fastToken().has_value());
            QVERIFY(device.account->client().boundJid().resource().size() > 0);
            QVERIFY(device.account->client().streamManagementEnabled()); // Bind2 enabled it
            secret = device.secret;

            // A dropped link comes back with the token: no code asked.
            device.account->client().dropConnection();
            QVERIFY(QTest::qWaitFor([&] { return device.account->client().isConnected(); }, 20000));
            QCOMPARE(device.asked.size(), 1);
        }
        // The stored token does not let a wrong password in: the typed password
        // is checked against the last full sign-in's verifier, and when it
        // differs the server decides (here: refused, and no code was asked).
        {
            Device wrongPassword(m_env, jid, dir);
            QVERIFY(wrongPassword.localOk);
            const auto in = wrongPassword.signIn(m_env.password(jid) + u"-typo"_s);
            QVERIFY(!in);
            QCOMPARE(in.error().code, Error::Code::Auth);
            QVERIFY(wrongPassword.asked.isEmpty());
            QVERIFY(!wrongPassword.account->client().authSummary().fastToken);
        }
        // The same workstation after a restart: the stored token, no code.
        Device again(m_env, jid, dir);
        QVERIFY(again.localOk);
        again.account->setRequireMfa(true); // a token from an MFA login satisfies it
        QVERIFY(again.signIn(m_env.password(jid)));
        QVERIFY(again.asked.isEmpty());
        QVERIFY(again.account->client().authSummary().fastToken);
        QVERIFY(again.account->secondFactorEnforced());

        // Where policy says so, unlocking the idle lock needs a fresh code, which
        // the server checks on a connection of its own.
        Account::IdleLock *lock = again.account->idleLock();
        lock->setPolicy({10, true});
        lock->waitForPasswordHash();
        lock->lockNow();
        auto wrong = lock->unlock(m_env.password(jid),
                                  testTotpCodeAt(secret) == u"000000" ? u"111111"_s : u"000000"_s);
        QVERIFY(TestSupport::waitFor(wrong, Wait));
        QVERIFY(!wrong.result());
        QCOMPARE(wrong.result().error().code, Error::Code::Mfa);
        QVERIFY(lock->isLocked());
        auto right = lock->unlock(m_env.password(jid), testTotpCodeAt(secret, 1));
        QVERIFY(TestSupport::waitFor(right, Wait));
        QVERIFY2(right.result(), right.result() ? "" : qPrintable(right.result().error().detail));
        QVERIFY(!lock->isLocked());
        QVERIFY(again.account->client().isConnected());
    }

    void newDeviceNeedsPasswordAndCodeAndCodesWorkOnce()
    {
        const QString jid = clinicAccount(1);
        auto first = enrol(jid); // uses this step's code
        QVERIFY(first);
        const QString secret = first->secret;
        const QString usedCode = testTotpCodeAt(secret);

        // A second computer: password alone is not enough.
        Device second(m_env, jid, newDataDir());
        QVERIFY(second.localOk);
        second.answer = [&](Xmpp::SecondFactorTask) { return u"12ab56"_s; };
        auto in = second.signIn(m_env.password(jid));
        QVERIFY(!in); // nothing valid was sent, so the sign-in fails
        QCOMPARE(second.answerResult.error(), (Error{Error::Code::Mfa, u"code-format"_s}));
        QCOMPARE(second.asked, QList{Xmpp::SecondFactorTask::Code});

        // The code already used for the enrolment is refused (replay).
        Device third(m_env, jid, newDataDir());
        QVERIFY(third.localOk);
        third.answer = [&](Xmpp::SecondFactorTask) { return usedCode; };
        in = third.signIn(m_env.password(jid));
        QVERIFY(!in);
        QCOMPARE(in.error(), (Error{Error::Code::Mfa, u"wrong-code"_s}));
        QVERIFY(!third.account->client().isConnected());

        // The next code works.
        Device fourth(m_env, jid, newDataDir());
        QVERIFY(fourth.localOk);
        fourth.answer = [&](Xmpp::SecondFactorTask) { return testTotpCodeAt(secret, 1); };
        QVERIFY(fourth.signIn(m_env.password(jid)));
        QVERIFY(fourth.account->secondFactorEnforced());
        QVERIFY(!fourth.account->client().authSummary().enrolled);
    }

    void wrongCodesLockTheAccountForAWhile()
    {
        const QString jid = clinicAccount(2);
        auto first = enrol(jid);
        QVERIFY(first);
        const QString secret = first->secret;
        const QString right = testTotpCodeAt(secret, 1);
        const QString wrong = right == u"000000" ? u"111111"_s : u"000000"_s;
        for (int attempt = 0; attempt < 5; ++attempt) {
            Device d(m_env, jid, newDataDir());
            d.answer = [&](Xmpp::SecondFactorTask) { return wrong; };
            const auto in = d.signIn(m_env.password(jid));
            QVERIFY(!in);
            QCOMPARE(in.error(), (Error{Error::Code::Mfa, u"wrong-code"_s}));
        }
        // Locked: even the right code is refused now, and the wait is told.
        Device locked(m_env, jid, newDataDir());
        locked.answer = [&](Xmpp::SecondFactorTask) { return right; };
        auto in = locked.signIn(m_env.password(jid));
        QVERIFY(!in);
        QCOMPARE(in.error().code, Error::Code::Auth);
        QVERIFY2(in.error().detail.startsWith(u"account-locked:"), qPrintable(in.error().detail));
        const int seconds = in.error().detail.section(u':', 1).toInt();
        QVERIFY(seconds >= 1 && seconds <= 60);
        QVERIFY(locked.asked.isEmpty()); // credentials not even checked
        QTest::qWait((seconds + 1) * 1000);
        // After the lockout the account works again.
        Device later(m_env, jid, newDataDir());
        later.answer = [&](Xmpp::SecondFactorTask) { return testTotpCodeAt(secret, 1); };
        in = later.signIn(m_env.password(jid));
        if (!in && in.error() == Error{Error::Code::Mfa, u"wrong-code"_s}) {
            // The wait crossed into the next 30 s step, whose code was then the "+1".
            Device retry(m_env, jid, newDataDir());
            retry.answer = [&](Xmpp::SecondFactorTask) { return testTotpCodeAt(secret, 1); };
            in = retry.signIn(m_env.password(jid));
        }
        QVERIFY2(in, in ? "" : qPrintable(in.error().detail));
    }

    void revokedTokenForcesFullLogin()
    {
        const QString jid = clinicAccount(3);
        const QString dir = newDataDir();
        {
            Device device(m_env, jid, dir);
            QVERIFY(device.localOk);
            device.answer = [&](Xmpp::SecondFactorTask) { return testTotpCodeAt(device.secret); };
            QVERIFY(device.signIn(m_env.password(jid)));
            QVERIFY(device.account->client().fastToken());
        }
        QVERIFY(adminCommand(u"https://rounds.invalid/ns/auth#revoke-tokens"_s,
                             {{u"accountjid"_s, jid}, {u"user-agent-id"_s, QString()}}));
        Device again(m_env, jid, dir);
        QVERIFY(again.localOk);
        const auto in = again.signIn(QString());
        QVERIFY(!in);
        QCOMPARE(in.error(), (Error{Error::Code::Auth, u"fast-token-rejected"_s}));
        // The refused token is gone: the next start asks for the password.
        Device third(m_env, jid, dir);
        QVERIFY(third.localOk);
        const auto none = third.signIn(QString());
        QCOMPARE(none.error(), (Error{Error::Code::Auth, u"password-required"_s}));
    }

    void cliEnrolsAndThenUsesItsToken()
    {
        const QString jid = clinicAccount(4);
        const QString dir = newDataDir();
        const QStringList common{u"--url"_s,        m_env.url.toString(), u"--jid"_s,      jid,
                                 u"--ca-file"_s,    m_env.caFile,         u"--data-dir"_s, dir,
                                 u"--require-mfa"_s};
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"ROUNDS_DB_PASSPHRASE"_s, u"cli mfa passphrase"_s);
        environment.remove(u"ROUNDS_PASSWORD"_s);
        environment.remove(u"ROUNDS_TOTP_CODE"_s);

        // First login: the enrolment URI comes as JSON, the code goes to stdin.
        QProcess login;
        login.setProcessEnvironment(environment);
        login.start(qEnvironmentVariable("ROUNDS_CLI"), common + QStringList{u"login"_s});
        QVERIFY(login.waitForStarted());
        login.write(m_env.password(jid).toUtf8() + '\n');
        QJsonObject enrolment;
        QVERIFY(QTest::qWaitFor(
            [&] {
                while (login.canReadLine()) {
                    const auto line = QJsonDocument::fromJson(login.readLine()).object();
                    if (line.value(u"event"_s).toString() == u"enrolment")
                        enrolment = line;
                }
                return !enrolment.isEmpty() || login.state() == QProcess::NotRunning;
            },
            30000));
        QVERIFY2(!enrolment.isEmpty(), login.readAllStandardError().constData());
        m_cliSecret = enrolment.value(u"secret"_s).toString();
        QCOMPARE(testOtpSecret(enrolment.value(u"otpauth_uri"_s).toString()), m_cliSecret);
        QCOMPARE(enrolment.value(u"account"_s).toString(), jid);
        login.write(testTotpCodeAt(m_cliSecret).toUtf8() + '\n');
        login.closeWriteChannel();
        QVERIFY(login.waitForFinished(30000));
        const QByteArray out = login.readAllStandardOutput();
        QVERIFY2(login.exitCode() == 0, login.readAllStandardError().constData());
        QVERIFY(out.contains("\"second_factor\":true"));
        QVERIFY(out.contains("\"enrolled\":true"));
        QVERIFY(!out.contains(m_env.password(jid).toUtf8()));

        // Later the same computer signs in with its token: no password, no code.
        QProcess again;
        again.setProcessEnvironment(environment);
        again.start(qEnvironmentVariable("ROUNDS_CLI"),
                    common + QStringList{u"login"_s, u"--token-only"_s});
        QVERIFY(again.waitForStarted());
        again.closeWriteChannel();
        QVERIFY(again.waitForFinished(30000));
        QVERIFY2(again.exitCode() == 0, again.readAllStandardError().constData());
        const QByteArray second = again.readAllStandardOutput();
        QVERIFY(second.contains("\"token_login\":true"));
        QVERIFY(second.contains("\"second_factor\":true"));

        // A wrong code from the environment is refused with the auth exit code.
        QProcess wrong;
        QProcessEnvironment wrongEnv = environment;
        wrongEnv.insert(u"ROUNDS_PASSWORD"_s, m_env.password(jid));
        wrongEnv.insert(u"ROUNDS_TOTP_CODE"_s, u"12ab56"_s);
        wrong.setProcessEnvironment(wrongEnv);
        QStringList fresh = common;
        fresh[fresh.indexOf(u"--data-dir"_s) + 1] = newDataDir();
        wrong.start(qEnvironmentVariable("ROUNDS_CLI"), fresh + QStringList{u"login"_s});
        QVERIFY(wrong.waitForStarted());
        wrong.closeWriteChannel();
        QVERIFY(wrong.waitForFinished(30000));
        QCOMPARE(wrong.exitCode(), 3);
        QVERIFY(wrong.readAllStandardError().contains("six digits"));
    }

    void idleLockEngagesAndUnlocks()
    {
        const QString jid = clinicAccount(4); // enrolled by the rounds-cli test
        QVERIFY(!m_cliSecret.isEmpty());
        Device device(m_env, jid, newDataDir());
        QVERIFY(device.localOk);
        device.answer = [&](Xmpp::SecondFactorTask) { return testTotpCodeAt(m_cliSecret, 1); };
        QVERIFY(device.signIn(m_env.password(jid)));
        Account::IdleLock *lock = device.account->idleLock();
        lock->waitForPasswordHash();
        QVERIFY(lock->passwordHashForTests().startsWith("$argon2id$"));
        lock->setIdleTimeoutForTests(std::chrono::milliseconds(300));
        QVERIFY(QTest::qWaitFor([&] { return lock->isLocked(); }, 5000));
        auto wrong = lock->unlock(u"not the password"_s);
        QVERIFY(TestSupport::waitFor(wrong, Wait));
        QVERIFY(!wrong.result());
        QVERIFY(lock->isLocked());
        auto right = lock->unlock(m_env.password(jid));
        QVERIFY(TestSupport::waitFor(right, Wait));
        QVERIFY(right.result());
        QVERIFY(!lock->isLocked());
        QVERIFY(device.account->client().isConnected()); // the session stayed up
    }
};

QTEST_GUILESS_MAIN(tst_Mfa)
#include "tst_Mfa.moc"
