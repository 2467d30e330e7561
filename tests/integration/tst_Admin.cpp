// SPDX-License-Identifier: GPL-3.0-or-later
// IT administration against the real Prosody (registered for Prosody only), on its
// clinic host (packaging/prosody/mod_rounds_admin.lua, docs/admin.md): a non-admin
// is refused; a revoked device stops, its token is refused and it must sign in
// fully; a device wiped while offline erases itself on its next connection and the
// admin sees it wiped; a policy change reaches a connected client; the server's
// audit export holds the revoke and the wipe.
//
// Accounts uma, vic and wen are reserved for this test; the admin signs in once
// (a TOTP step is accepted once per account) and that session serves every test.
// Devices use passphrase custody (no keychain here), so the FAST token lives in
// the encrypted store: the wipe removes it with the data folder. Deleting the
// keychain entries is covered against a real gnome-keyring by
// tests/account/tst_AccountErase (keyring variant).
#include "account/Account.h"
#include "account/IdleLock.h"
#include "admin/AdminService.h"
#include "admin/PolicyService.h"
#include "sync/AttachmentService.h"
#include "sync/OmemoService.h"
#include "xmpp/WebSocketTransport.h"

#include "AuthTestSupport.h"
#include "ServerEnv.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
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
const QString Passphrase = u"admin test passphrase"_s;

/// One Rounds installation of an account, answering code prompts from `answer`.
struct Device
{
    Device(const ServerEnv &env, const QString &jid, const QString &dir, bool withPolicy = false)
        : dataDir(dir)
    {
        Account::AccountSettings settings;
        settings.jid = Core::Jid(jid);
        settings.serverUrl = env.url;
        settings.caFile = env.caFile;
        account = std::make_unique<Account::Account>(settings);
        Account::LocalDataOptions local;
        local.dataDir = dir;
        local.passphrase = Passphrase;
        local.fastKdfForTests = true;
        auto opened = account->openLocalData(local);
        localOk = TestSupport::waitFor(opened, Wait) && opened.result().has_value();
        if (withPolicy)
            policy = std::make_unique<Admin::PolicyService>(*account);
        QObject::connect(account.get(), &Account::Account::secondFactorRequired, account.get(),
                         [this](Xmpp::SecondFactorTask task, const QString &uri) {
                             if (task == Xmpp::SecondFactorTask::Enrolment)
                                 secret = testOtpSecret(uri);
                             if (answer)
                                 (void)account->provideSecondFactor(answer(task));
                         });
    }
    ~Device()
    {
        policy.reset();
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
    QString userAgentId() const { return account->client().config().userAgent.id; }

    QString dataDir;
    std::unique_ptr<Account::Account> account;
    std::unique_ptr<Admin::PolicyService> policy;
    bool localOk = false;
    QString secret; ///< from the enrolment URI
    std::function<QString(Xmpp::SecondFactorTask)> answer;
};

template<typename T>
Core::Result<T> wait(const QFuture<Core::Result<T>> &future)
{
    if (!TestSupport::waitFor(future, Wait))
        return Core::fail(Error::Code::Timeout, u"test wait expired"_s);
    return future.result();
}

} // namespace

class tst_Admin : public QObject
{
    Q_OBJECT

    ServerEnv m_env;
    QTemporaryDir m_dirs;
    int m_dirCount = 0;
    std::unique_ptr<Device> m_admin;
    std::unique_ptr<Admin::AdminService> m_adminService;
    std::unique_ptr<Device> m_uma; ///< stays signed in for the policy test
    QString m_umaSecret;
    QString m_vicUa;
    QString m_wenUa;
    QString m_wenSecret;

    QString newDataDir() { return m_dirs.filePath(QString::number(++m_dirCount)); }
    QString clinic(const QString &local) const
    {
        for (const QString &jid : m_env.clinicAccounts)
            if (jid.section(u'@', 0, 0) == local)
                return jid;
        return {};
    }
    Admin::AdminService &admin() { return *m_adminService; }

    bool adminSignIn()
    {
        m_admin = std::make_unique<Device>(m_env, m_env.clinicAdmin, newDataDir());
        if (!m_admin->localOk)
            return false;
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
        if (!in) {
            qWarning() << "admin sign-in failed:" << in.error().detail;
            return false;
        }
        m_adminService = std::make_unique<Admin::AdminService>(m_admin->account->client());
        return true;
    }

    /// Signs `jid` in on a new device, enrolling TOTP; the device stays signed in.
    std::unique_ptr<Device> enrol(const QString &jid, bool withPolicy = false)
    {
        auto device = std::make_unique<Device>(m_env, jid, newDataDir(), withPolicy);
        if (!device->localOk)
            return {};
        device->answer = [d = device.get()](Xmpp::SecondFactorTask) {
            return testTotpCodeAt(d->secret);
        };
        if (auto in = device->signIn(m_env.password(jid)); !in) {
            qWarning() << "enrolment failed:" << in.error().detail;
            return {};
        }
        if (device->secret.isEmpty())
            return {};
        return device;
    }

    std::optional<Admin::DeviceRow> deviceRecord(const QString &jid, const QString &ua)
    {
        const auto rows = wait(admin().listDevices(Core::Jid(jid)));
        if (!rows) {
            qWarning() << "list-devices failed:" << rows.error().detail;
            return std::nullopt;
        }
        for (const Admin::DeviceRow &row : *rows)
            if (row.userAgentId == ua)
                return row;
        return std::nullopt;
    }

    bool waitForState(const QString &jid, const QString &ua, const QString &state)
    {
        QString last;
        const bool ok = QTest::qWaitFor(
            [&] {
                const auto row = deviceRecord(jid, ua);
                last = row ? row->state : u"(none)"_s;
                return last == state;
            },
            15000);
        if (!ok)
            qWarning() << "device state" << last << "instead of" << state;
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(m_dirs.isValid());
        QVERIFY2(!m_env.clinicDomain.isEmpty(), "the env file lacks the clinical-profile host");
        for (const auto *name : {u"uma", u"vic", u"wen"})
            QVERIFY2(!clinic(QString::fromUtf16(name)).isEmpty(), "reserved account missing");
        QVERIFY(!m_env.clinicAdminTotpSecret.isEmpty());
        QVERIFY(adminSignIn());
        // Re-runnable against one running server: unenrolled, no tokens, enabled.
        for (const auto *name : {u"uma", u"vic", u"wen"}) {
            const Core::Jid jid(clinic(QString::fromUtf16(name)));
            QVERIFY(wait(admin().resetMfa(jid)));
            QVERIFY(wait(admin().enableAccount(jid)));
        }
    }

    void cleanupTestCase()
    {
        m_uma.reset();
        m_adminService.reset();
        m_admin.reset();
    }

    void onlyAdminsAdminister()
    {
        const auto isAdmin = wait(admin().isAdmin());
        QVERIFY(isAdmin);
        QVERIFY(*isAdmin);
        const auto users = wait(admin().listUsers());
        QVERIFY2(users, users ? "" : qPrintable(users.error().detail));
        QVERIFY(std::any_of(users->cbegin(), users->cend(),
                            [&](const Admin::UserRow &u) { return u.jid == clinic(u"uma"_s); }));

        m_uma = enrol(clinic(u"uma"_s), true);
        QVERIFY(m_uma);
        m_umaSecret = m_uma->secret;
        Admin::AdminService notAdmin(m_uma->account->client());
        const auto refused = wait(notAdmin.isAdmin());
        QVERIFY(refused);
        QVERIFY(!*refused); // the admin commands are not listed
        const auto forbidden = wait(notAdmin.listUsers());
        QVERIFY(!forbidden);
        QCOMPARE(forbidden.error(), (Error{Error::Code::Auth, u"admin-forbidden"_s}));
        const auto wipe =
            wait(notAdmin.wipeDevice(Core::Jid(clinic(u"vic"_s)), m_uma->userAgentId()));
        QCOMPARE(wipe.error(), (Error{Error::Code::Auth, u"admin-forbidden"_s}));
    }

    void revokedDeviceMustSignInFully()
    {
        const QString jid = clinic(u"vic"_s);
        auto device = enrol(jid);
        QVERIFY(device);
        const QString secret = device->secret;
        const QString dir = device->dataDir;
        m_vicUa = device->userAgentId();
        const auto token = device->account->client().fastToken();
        QVERIFY(token);
        // The device reported its OMEMO device id after binding.
        const quint32 omemoId = device->account->omemo()->deviceId();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto row = deviceRecord(jid, m_vicUa);
                return row && row->omemoDevices.contains(QString::number(omemoId)) && row->online;
            },
            15000));

        QSignalSpy fatal(&device->account->client(), &Xmpp::Client::fatalError);
        QVERIFY(wait(admin().revokeDevice(Core::Jid(jid), m_vicUa)));
        QVERIFY(QTest::qWaitFor([&] { return fatal.size() == 1; }, 10000));
        QCOMPARE(fatal.first().first().value<Error>(),
                 (Error{Error::Code::Auth, u"device-revoked"_s}));
        QTest::qWait(1500);
        QVERIFY(!device->account->client().isConnected()); // no reconnect
        QVERIFY(!device->account->client().fastToken());
        QVERIFY(waitForState(jid, m_vicUa, u"revoked"_s));
        device.reset();

        // The old token is refused by the server, not only forgotten here.
        {
            Xmpp::WebSocketTransport transport;
            Xmpp::Client client(transport);
            Xmpp::ClientConfig config;
            config.jid = Core::Jid(jid);
            config.transport.url = m_env.url;
            config.transport.domain = m_env.clinicDomain;
            config.transport.caFile = m_env.caFile;
            config.autoReconnect = false;
            config.fastToken = token;
            config.userAgent = {m_vicUa, u"Rounds"_s, u"test"_s};
            client.setConfig(config);
            const auto in = wait(client.connectToServer());
            QVERIFY(!in);
            // ...and the refusal says why, as the stream error did.
            QCOMPARE(in.error(), (Error{Error::Code::Auth, u"device-revoked"_s}));
        }
        // ...and the installation's own copy is gone: a password is needed.
        Device again(m_env, jid, dir);
        QVERIFY(again.localOk);
        QCOMPARE(again.signIn(QString()).error(),
                 (Error{Error::Code::Auth, u"password-required"_s}));
        // A full sign-in (password and a fresh code) brings the record back.
        again.answer = [&](Xmpp::SecondFactorTask) { return testTotpCodeAt(secret, 1); };
        const auto full = again.signIn(m_env.password(jid));
        QVERIFY2(full, full ? "" : qPrintable(full.error().detail));
        QCOMPARE(again.userAgentId(), m_vicUa);
        QVERIFY(waitForState(jid, m_vicUa, u"active"_s));
    }

    void deviceWipedWhileOfflineErasesItselfOnConnect()
    {
        const QString jid = clinic(u"wen"_s);
        QString dir;
        {
            auto device = enrol(jid);
            QVERIFY(device);
            dir = device->dataDir;
            m_wenUa = device->userAgentId();
            m_wenSecret = device->secret;
            QVERIFY(device->account->client().fastToken());
            // An attachment on disk, as the attachment service keeps them.
            QVERIFY(QDir().mkpath(dir + u"/attachments/ab"_s));
            QFile attachment(dir + u"/attachments/ab/file.bin"_s);
            QVERIFY(attachment.open(QIODevice::WriteOnly));
            attachment.write("encrypted bytes");
            attachment.close();
        } // signed out: the computer is off
        QVERIFY(QFile::exists(dir + u"/messages.db"_s));

        const auto wipeId = wait(admin().wipeDevice(Core::Jid(jid), m_wenUa));
        QVERIFY2(wipeId, wipeId ? "" : qPrintable(wipeId.error().detail));
        QVERIFY(!wipeId->isEmpty());
        QVERIFY(waitForState(jid, m_wenUa, u"wipe-pending"_s));

        // The computer starts again and signs in with its token.
        Device device(m_env, jid, dir);
        QVERIFY(device.localOk);
        QSignalSpy started(device.account.get(), &Account::Account::wipeStarted);
        QSignalSpy wiped(device.account.get(), &Account::Account::wiped);
        QSignalSpy sessions(&device.account->client(), &Xmpp::Client::sessionStarted);
        const auto in = device.signIn(QString());
        QVERIFY(!in);
        QCOMPARE(in.error(), (Error{Error::Code::Auth, u"device-wiped"_s}));
        QCOMPARE(started.size(), 1);
        QVERIFY(QTest::qWaitFor([&] { return wiped.size() == 1; }, 12000));
        QCOMPARE(sessions.size(), 0); // never bound: no stanza reached it
        QVERIFY(!QFileInfo::exists(dir + u"/messages.db"_s));
        QVERIFY(!QFileInfo::exists(dir + u"/database-key.wrapped"_s));
        QVERIFY(!QFileInfo::exists(dir + u"/attachments/ab/file.bin"_s));
        QVERIFY(!QFileInfo::exists(dir));
        QVERIFY(!device.account->hasLocalData());

        const auto record = deviceRecord(jid, m_wenUa);
        QVERIFY(record);
        QCOMPARE(record->state, u"wiped"_s);
        QCOMPARE(record->wipeId, *wipeId);
        QVERIFY(record->wipedAt.isValid());
    }

    void policyReachesConnectedClient()
    {
        QVERIFY(m_uma && m_uma->policy);
        Account::Account &uma = *m_uma->account;
        QVERIFY(uma.client().isConnected());
        QSignalSpy changed(m_uma->policy.get(), &Admin::PolicyService::policyChanged);
        Admin::PolicyService publisher(*m_admin->account);
        Admin::OrgPolicy policy;
        policy.idleLockMinutes = 5;
        policy.allowAttachments = false;
        policy.forwardingDomains = {u"partner.example"_s};
        QVERIFY(uma.attachmentPolicy().allowAttachments);
        QVERIFY(wait(publisher.publish(policy)));
        QVERIFY(QTest::qWaitFor([&] { return uma.idleLock()->policy().idleMinutes == 5; }, 15000));
        QCOMPARE(m_uma->policy->policy(), policy);
        QVERIFY(!uma.attachmentPolicy().allowAttachments);
        QVERIFY(changed.size() >= 1);
        // A user's stricter choice stays; a looser one does not.
        m_uma->policy->setLocalPreferences({3, 0, false, Admin::NotificationDetail::Preview});
        QCOMPARE(uma.idleLock()->policy().idleMinutes, 3);
        m_uma->policy->setLocalPreferences({30, 0, false, Admin::NotificationDetail::Preview});
        QCOMPARE(uma.idleLock()->policy().idleMinutes, 5);
        // Non-admins cannot publish.
        const auto refused = wait(m_uma->policy->publish(Admin::OrgPolicy{}));
        QVERIFY(!refused);
        // Back to the defaults for later runs; the client follows.
        QVERIFY(wait(publisher.publish(Admin::OrgPolicy{})));
        QVERIFY(QTest::qWaitFor([&] { return uma.idleLock()->policy().idleMinutes == 15; }, 15000));
        QVERIFY(uma.attachmentPolicy().allowAttachments);
    }

    void auditExportHoldsRevokeAndWipe()
    {
        const auto rows = wait(admin().exportAudit(QDateTime::currentDateTimeUtc().addSecs(-3600)));
        QVERIFY2(rows, rows ? "" : qPrintable(rows.error().detail));
        const auto has = [&](const QString &event, const QString &account, const QString &ua) {
            return std::any_of(rows->cbegin(), rows->cend(), [&](const Admin::AuditRow &r) {
                return r.event == event && r.account == account && r.userAgentId == ua;
            });
        };
        QVERIFY(has(u"revoke-device"_s, clinic(u"vic"_s), m_vicUa));
        QVERIFY(has(u"wipe-requested"_s, clinic(u"wen"_s), m_wenUa));
        QVERIFY(has(u"wipe-confirmed"_s, clinic(u"wen"_s), m_wenUa));
        for (const Admin::AuditRow &r : *rows) {
            QCOMPARE(r.hash.size(), 64);
            QCOMPARE(r.prev.size(), 64);
        }
        // Entries are chained: each prev is the hash before it.
        for (qsizetype i = 1; i < rows->size(); ++i)
            if (rows->at(i).seq == rows->at(i - 1).seq + 1)
                QCOMPARE(rows->at(i).prev, rows->at(i - 1).hash);
    }

    void cliAdminUsesTheAdminsToken()
    {
        // The admin's installation: same folder and passphrase, so its token.
        const QString out = m_dirs.filePath(u"audit.jsonl"_s);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"ROUNDS_DB_PASSPHRASE"_s, Passphrase);
        environment.remove(u"ROUNDS_PASSWORD"_s);
        const QStringList common{u"--url"_s,        m_env.url.toString(), u"--jid"_s,
                                 m_env.clinicAdmin, u"--ca-file"_s,       m_env.caFile,
                                 u"--data-dir"_s,   m_admin->dataDir,     u"--token-only"_s};
        const auto run = [&](const QStringList &args, QByteArray *stdoutText) {
            QProcess cli;
            cli.setProcessEnvironment(environment);
            cli.start(qEnvironmentVariable("ROUNDS_CLI"), args + common);
            if (!cli.waitForStarted())
                return -1;
            cli.closeWriteChannel();
            if (!cli.waitForFinished(60000))
                return -2;
            *stdoutText = cli.readAllStandardOutput();
            if (cli.exitCode() != 0)
                qWarning() << cli.readAllStandardError();
            return cli.exitCode();
        };
        QByteArray text;
        QCOMPARE(run({u"admin"_s, u"devices"_s, u"--user"_s, clinic(u"wen"_s)}, &text), 0);
        bool sawWiped = false;
        for (const QByteArray &line : text.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(u"user_agent_id"_s).toString() == m_wenUa)
                sawWiped = o.value(u"state"_s).toString() == u"wiped";
        }
        QVERIFY(sawWiped);
        QCOMPARE(run({u"admin"_s, u"audit-export"_s, u"--out"_s, out}, &text), 0);
        QVERIFY(text.contains("\"event\":\"audit-exported\""));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray audit = file.readAll();
        QVERIFY(audit.contains("\"event\":\"revoke-device\""));
        QVERIFY(audit.contains("\"event\":\"wipe-confirmed\""));
    }

    void cliReportsAWipeWithItsOwnExitCode()
    {
        const QString jid = clinic(u"wen"_s);
        QVERIFY(!m_wenSecret.isEmpty());
        const QString dir = newDataDir();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"ROUNDS_DB_PASSPHRASE"_s, Passphrase);
        const QStringList common{u"login"_s, u"--url"_s,     m_env.url.toString(), u"--jid"_s,
                                 jid,        u"--ca-file"_s, m_env.caFile,         u"--data-dir"_s,
                                 dir};
        const auto run = [&](const QStringList &extra, QByteArray *out) {
            QProcess cli;
            cli.setProcessEnvironment(environment);
            cli.start(qEnvironmentVariable("ROUNDS_CLI"), common + extra);
            if (!cli.waitForStarted())
                return -1;
            cli.closeWriteChannel();
            if (!cli.waitForFinished(60000))
                return -2;
            *out = cli.readAllStandardOutput();
            return cli.exitCode();
        };
        // A full login on a new computer (the enrolment used this step's code).
        environment.insert(u"ROUNDS_PASSWORD"_s, m_env.password(jid));
        environment.insert(u"ROUNDS_TOTP_CODE"_s, testTotpCodeAt(m_wenSecret, 1));
        QByteArray out;
        QCOMPARE(run({}, &out), 0);
        environment.remove(u"ROUNDS_PASSWORD"_s);
        environment.remove(u"ROUNDS_TOTP_CODE"_s);
        // Its record: the one active installation of wen (the other was wiped).
        const auto rows = wait(admin().listDevices(Core::Jid(jid)));
        QVERIFY(rows);
        QString ua;
        QDateTime newest;
        for (const Admin::DeviceRow &row : *rows)
            if (row.state == u"active" && (!newest.isValid() || row.lastSeen > newest)) {
                newest = row.lastSeen;
                ua = row.userAgentId;
            }
        QVERIFY(!ua.isEmpty());
        QVERIFY(ua != m_wenUa);
        QVERIFY(wait(admin().wipeDevice(Core::Jid(jid), ua)));
        // The next start signs in with its token, erases itself and says so.
        QCOMPARE(run({u"--token-only"_s}, &out), 11);
        QVERIFY2(out.contains("\"event\":\"wiped\""), out.constData());
        QVERIFY(!QFileInfo::exists(dir + u"/messages.db"_s));
        QVERIFY(waitForState(jid, ua, u"wiped"_s));
    }

    void connectedDeviceIsWipedAtOnce()
    {
        // uma is still signed in from the first test (and the policy test).
        QVERIFY(m_uma && m_uma->account->client().isConnected());
        Account::Account &uma = *m_uma->account;
        const QString dir = m_uma->dataDir;
        QSignalSpy wiped(&uma, &Account::Account::wiped);
        QSignalSpy fatal(&uma.client(), &Xmpp::Client::fatalError);
        QVERIFY(wait(admin().wipeDevice(Core::Jid(clinic(u"uma"_s)), m_uma->userAgentId())));
        // <reset/> makes it reconnect at once; its token login gets the order.
        QVERIFY(QTest::qWaitFor([&] { return wiped.size() == 1; }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return fatal.size() == 1; }, 5000));
        QCOMPARE(fatal.first().first().value<Error>(),
                 (Error{Error::Code::Auth, u"device-wiped"_s}));
        QVERIFY(!QFileInfo::exists(dir));
        QVERIFY(!uma.hasLocalData());
        QVERIFY(!uma.client().isConnected());
        QVERIFY(waitForState(clinic(u"uma"_s), m_uma->userAgentId(), u"wiped"_s));
    }
};

QTEST_GUILESS_MAIN(tst_Admin)
#include "tst_Admin.moc"
