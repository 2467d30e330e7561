// SPDX-License-Identifier: GPL-3.0-or-later
// The admin console and the org policy in the window, on the real Prosody's
// clinic host (registered for Prosody only): the clinic admin signs in once
// through the sign-in form (TOTP) and sees the console, its users and a
// user's devices, exports the audit, and publishes policies that a second
// window (noah, a non-admin without the console) applies at once: idle lock
// minutes, list previews on and off, a notice in the status line, and local
// choices never looser. noah's data is finally signed out and erased.
// noah belongs to tst_Mfa too, which resets its second factor and tokens at
// start; this test resets the second factor itself before enrolling, and
// both never run at once (RESOURCE_LOCK server_prosody).
#include "AdminDevicesModel.h"
#include "AdminUsersModel.h"
#include "AuditExport.h"
#include "PolicyEditor.h"
#include "Session.h"
#include "SignInForm.h"
#include "Translations.h"

#include "account/Account.h"
#include "account/IdleLock.h"
#include "admin/AdminService.h"
#include "admin/PolicyService.h"

#include "AuthTestSupport.h"
#include "ServerEnv.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(Rounds_UiPlugin)

namespace {

/// A window of its own: session, sign-in form, data folder, Main.qml.
struct Window
{
    Ui::Session session;
    Ui::SignInForm form;
    QTemporaryDir data;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow *window = nullptr;
    QString secret;  ///< TOTP secret (base32)
    int attempt = 0; ///< sign-in attempt; a refused (already used) code moves on

    /// Signs `jid` in through the form, answering codes (and enrolment) from `secret`.
    bool signIn(const ServerEnv &env, const QString &jid, const QString &totpSecret)
    {
        secret = totpSecret;
        form.setSession(&session);
        form.setServerUrl(env.url.toString());
        form.setAccountJid(jid);
        form.setCaFile(env.caFile);
        form.setDataDir(data.path());
        form.setPassphraseNeeded(true);
        form.setFastKdfForTests(true);
        QObject::connect(&form, &Ui::SignInForm::secondFactorChanged, &form, [this] {
            if (form.secondFactorStep() == Ui::SignInForm::SecondFactorStep::None)
                return;
            if (form.secondFactorStep() == Ui::SignInForm::SecondFactorStep::Enrolment)
                secret = form.enrolmentSecret().remove(u' ');
            QTimer::singleShot(0, &form, [this] {
                form.submitCode(testTotpCodeAt(secret, testTotpStepForAttempt(attempt)));
            });
        });
        for (attempt = 0; attempt < 3 && !session.isSignedIn(); ++attempt) {
            if (attempt == 2)
                waitForNextTotpStep(); // now and next were both taken
            form.signIn(env.password(jid), u"live passphrase"_s);
            if (!QTest::qWaitFor(
                    [&] {
                        return !form.isBusy() &&
                               form.secondFactorStep() == Ui::SignInForm::SecondFactorStep::None;
                    },
                    30000))
                return false;
            if (!session.isSignedIn())
                qWarning("sign-in refused: %s", qPrintable(form.errorText()));
        }
        return session.isSignedIn();
    }

    bool load()
    {
        engine = std::make_unique<QQmlApplicationEngine>();
        engine->setInitialProperties({{u"session"_s, QVariant::fromValue(&session)}});
        engine->load(QUrl(u"qrc:/Rounds/Ui/Main.qml"_s));
        if (engine->rootObjects().size() != 1)
            return false;
        window = qobject_cast<QQuickWindow *>(engine->rootObjects().first());
        if (!window)
            return false;
        window->show();
        return QTest::qWaitForWindowExposed(window);
    }

    /// Delegates have no QObject parent: search the visual tree.
    QQuickItem *findInTree(const QString &objectName, QQuickItem *root = nullptr) const
    {
        if (!root)
            root = window->contentItem();
        if (root->objectName() == objectName)
            return root;
        for (QQuickItem *child : root->childItems())
            if (QQuickItem *found = findInTree(objectName, child))
                return found;
        return nullptr;
    }

    /// Shortcuts go to the active window.
    bool activate() const
    {
        window->requestActivate();
        return QTest::qWaitForWindowActive(window);
    }

    template<typename T = QQuickItem>
    T *find(const QString &objectName) const
    {
        return window->findChild<T *>(objectName);
    }
};

} // namespace

class tst_AdminConsoleLive : public QObject
{
    Q_OBJECT

    ServerEnv m_env;
    QTemporaryDir m_config;
    std::unique_ptr<Window> m_admin;
    std::unique_ptr<Window> m_user;
    QString m_userJid;

    QString clinic(const QString &local) const
    {
        for (const QString &jid : m_env.clinicAccounts)
            if (jid.section(u'@', 0, 0) == local)
                return jid;
        return {};
    }

    bool publish(const Admin::OrgPolicy &policy)
    {
        auto done = m_admin->session.policy()->service()->publish(policy);
        if (!TestSupport::waitFor(done, std::chrono::seconds(30)) || !done.result()) {
            qWarning("publish failed");
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QVERIFY(Ui::Translations().load(QLocale(QLocale::English)));
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY2(!m_env.clinicDomain.isEmpty(), "the env file lacks the clinical-profile host");
        m_userJid = clinic(u"noah"_s);
        QVERIFY(!m_userJid.isEmpty());

        // The admin signs in once (a code is accepted only once per account).
        m_admin = std::make_unique<Window>();
        QVERIFY(m_admin->signIn(m_env, m_env.clinicAdmin, m_env.clinicAdminTotpSecret));
        QTRY_VERIFY_WITH_TIMEOUT(m_admin->session.admin()->isAvailable(), 15000);

        // noah starts unenrolled whatever ran before: then enrols in the form.
        auto reset = m_admin->session.admin()->service()->resetMfa(Core::Jid(m_userJid));
        QVERIFY(TestSupport::waitFor(reset, std::chrono::seconds(30)));
        QVERIFY(reset.result().has_value());
        m_user = std::make_unique<Window>();
        QVERIFY(m_user->signIn(m_env, m_userJid, {}));
        QVERIFY(!m_user->secret.isEmpty());

        QVERIFY(m_admin->load());
        QVERIFY(m_user->load());
    }

    void cleanupTestCase()
    {
        // Leave the clinic host's policy as the other tests expect it.
        if (m_admin && m_admin->session.isSignedIn())
            QVERIFY(publish(Admin::OrgPolicy{}));
        m_user.reset();
        m_admin.reset();
    }

    void adminSeesUsersAndDevices()
    {
        Window &admin = *m_admin;
        QQuickItem *switcher = admin.find(u"viewSwitcher"_s);
        QVERIFY(switcher);
        QTRY_VERIFY(switcher->isVisible());
        QVERIFY(!admin.find<QObject>(u"adminConsole"_s));
        QVERIFY(admin.activate());
        QTest::keyClick(admin.window, Qt::Key_2, Qt::ControlModifier);
        QTRY_VERIFY(admin.find<QObject>(u"adminConsole"_s));

        auto *users = admin.find<Ui::AdminUsersModel>(u"adminUsersModel"_s);
        QVERIFY(users);
        QAbstractItemModelTester usersTester(
            users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(users->indexOf(m_userJid) >= 0, 15000);
        QVERIFY2(users->errorText().isEmpty(), qPrintable(users->errorText()));
        const QModelIndex noah = users->index(users->indexOf(m_userJid));
        QVERIFY(users->data(noah, Ui::AdminUsersModel::EnrolledRole).toBool());
        QVERIFY(users->data(noah, Ui::AdminUsersModel::OnlineRole).toBool());
        QVERIFY(!users->data(noah, Ui::AdminUsersModel::DisabledRole).toBool());
        QVERIFY(users->data(noah, Ui::AdminUsersModel::DevicesRole).toInt() >= 1);
        users->refresh(); // a reload under the tester
        QTRY_VERIFY(!users->isBusy());

        QQuickItem *page = admin.find(u"adminUsersPage"_s);
        QVERIFY(page);
        auto *devices = admin.find<Ui::AdminDevicesModel>(u"adminDevicesModel"_s);
        QVERIFY(devices);
        QAbstractItemModelTester devicesTester(
            devices, QAbstractItemModelTester::FailureReportingMode::QtTest);
        page->setProperty("selectedJid", m_userJid);
        QCOMPARE(devices->accountJid(), m_userJid);
        QTRY_VERIFY_WITH_TIMEOUT(devices->rowCount() >= 1, 15000);
        bool online = false;
        for (int row = 0; row < devices->rowCount(); ++row) {
            const QModelIndex i = devices->index(row);
            if (!devices->data(i, Ui::AdminDevicesModel::OnlineRole).toBool())
                continue;
            online = true;
            QCOMPARE(devices->data(i, Ui::AdminDevicesModel::StateRole).toString(), u"active"_s);
            QCOMPARE(devices->data(i, Ui::AdminDevicesModel::TokenRole).toString(), u"active"_s);
            QVERIFY(!devices->data(i, Ui::AdminDevicesModel::SoftwareRole).toString().isEmpty());
            QVERIFY(devices->data(i, Ui::AdminDevicesModel::LastSeenRole).toDateTime().isValid());
        }
        QVERIFY(online);
        // The window shows the revoke and wipe actions for them.
        QTRY_VERIFY(admin.findInTree(u"adminRevoke"_s));
        QVERIFY(admin.findInTree(u"adminWipe"_s));
        QVERIFY(admin.findInTree(u"adminRevoke"_s)->property("enabled").toBool());
    }

    void nonAdminHasNoConsole()
    {
        Window &user = *m_user;
        QTRY_VERIFY(user.find(u"mainView"_s));
        QTest::qWait(1000); // the admin check has had its answer
        QVERIFY(!user.session.admin()->isAvailable());
        QVERIFY(!user.find(u"viewSwitcher"_s)->isVisible());
        QVERIFY(user.activate());
        QTest::keyClick(user.window, Qt::Key_2, Qt::ControlModifier);
        QTest::qWait(200);
        QVERIFY(!user.find<QObject>(u"adminConsole"_s));
        // The shortcuts work in this window: Ctrl+, opens the settings.
        QTest::keyClick(user.window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(user.find<QObject>(u"settingsDialog"_s)->property("opened").toBool());
        QTest::keyClick(user.window, Qt::Key_Escape);
        QTRY_VERIFY(!user.find<QObject>(u"settingsDialog"_s)->property("visible").toBool());
        // Asked anyway, the server refuses, and the error says why.
        Ui::AdminUsersModel users;
        users.setSession(&user.session);
        users.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!users.errorText().isEmpty(), 15000);
        QVERIFY2(users.errorText().contains(u"administrators"_s), qPrintable(users.errorText()));
        QCOMPARE(users.rowCount(), 0);
    }

    void publishedPolicyReachesTheOtherWindow()
    {
        Window &admin = *m_admin;
        Window &user = *m_user;
        auto *editor = admin.find<Ui::PolicyEditor>(u"policyEditor"_s);
        QVERIFY(editor);
        editor->load();
        editor->setIdleLockMinutes(3);
        editor->setNotificationDetail(u"preview"_s);
        QVERIFY(editor->isValid());
        editor->publish();
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isBusy(), 15000);
        QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
        QVERIFY(!editor->statusText().isEmpty());

        Account::IdleLock *lock = user.session.account()->idleLock();
        QTRY_COMPARE_WITH_TIMEOUT(lock->policy().idleMinutes, 3, 15000);
        QObject *list = user.find<QObject>(u"conversationListModel"_s);
        QTRY_VERIFY(list->property("showPreview").toBool());
        QCOMPARE(user.session.policy()->notificationDetail(), u"preview"_s);

        // Previews off again: the list hides them at once, and says why.
        editor->setNotificationDetail(u"sender"_s);
        editor->publish();
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isBusy(), 15000);
        QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
        QTRY_VERIFY_WITH_TIMEOUT(!list->property("showPreview").toBool(), 15000);
        QCOMPARE(user.session.policy()->notificationDetail(), u"sender"_s);
        QQuickItem *notice = user.find(u"policyNotice"_s);
        QVERIFY(notice);
        QTRY_VERIFY(notice->isVisible());
        QVERIFY2(notice->property("text").toString().contains(u"sender's name"_s),
                 qPrintable(notice->property("text").toString()));
        QVERIFY(!editor->isModified());

        // The user's own choices: looser is refused, stricter is taken.
        Ui::PolicySettings *policy = user.session.policy();
        QCOMPARE(policy->policyIdleLockMinutes(), 3);
        QVERIFY(!policy->chooseIdleLockMinutes(30));
        QCOMPARE(lock->policy().idleMinutes, 3);
        QVERIFY(policy->chooseIdleLockMinutes(2));
        QCOMPARE(lock->policy().idleMinutes, 2);
        QVERIFY(!policy->chooseNotificationDetail(u"preview"_s));
        QCOMPARE(policy->notificationDetail(), u"sender"_s);
    }

    void auditExportWritesEveryEntry()
    {
        auto *exporter = m_admin->find<Ui::AuditExport>(u"auditExport"_s);
        QVERIFY(exporter);
        QTemporaryDir out;
        const QString path = out.filePath(u"audit.jsonl"_s);
        exporter->exportTo(path);
        QTRY_VERIFY_WITH_TIMEOUT(exporter->phase() == Ui::AuditExport::Phase::Done ||
                                     exporter->phase() == Ui::AuditExport::Phase::Failed,
                                 60000);
        QVERIFY2(exporter->phase() == Ui::AuditExport::Phase::Done,
                 qPrintable(exporter->errorText()));
        QVERIFY(exporter->written() > 0);
        QCOMPARE(exporter->written(), exporter->fetched());
        QCOMPARE(exporter->statusText(), u"%1 entries written"_s.arg(exporter->written()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QCOMPARE(text.count('\n'), exporter->written());
        QVERIFY(text.contains("\"event\":\"policy-published\""));
    }

    void signOutAndEraseReturnsToSignIn()
    {
        Window &user = *m_user;
        const QString folder = user.session.account()->dataDir();
        QVERIFY(QFileInfo::exists(folder));
        user.session.signOutAndErase();
        QTRY_VERIFY(user.find(u"signInButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!user.session.isErasing(), 15000);
        QVERIFY(!QFileInfo::exists(folder));
        QVERIFY(!user.find(u"mainView"_s) || !user.find(u"mainView"_s)->isVisible());
    }
};

QTEST_MAIN(tst_AdminConsoleLive)
#include "tst_AdminConsoleLive.moc"
