// SPDX-License-Identifier: GPL-3.0-or-later
// The admin console's models and the policy settings offline (a real
// encrypted store, no server): empty and honest without a connection, the
// editor's validation, the user's choices clamped to the policy and kept in
// the encrypted settings, and "sign out and erase" removing the data folder.
// tests/ui/live/tst_AdminConsoleLive runs them against the real Prosody.
#include "AdminDevicesModel.h"
#include "AdminUsersModel.h"
#include "AuditExport.h"
#include "PolicyEditor.h"
#include "PolicySettings.h"
#include "Session.h"
#include "Translations.h"

#include "account/Account.h"
#include "account/IdleLock.h"
#include "admin/PolicyService.h"

#include "LocalAccount.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_AdminModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(Ui::Translations().load(QLocale(QLocale::English))); }

    void modelsWithoutAConnectionStayEmptyAndSaySo()
    {
        Ui::Session session;
        Ui::AdminUsersModel users;
        Ui::AdminDevicesModel devices;
        QAbstractItemModelTester usersTester(
            &users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester devicesTester(
            &devices, QAbstractItemModelTester::FailureReportingMode::QtTest);
        users.setSession(&session);
        devices.setSession(&session);
        users.refresh(); // signed out: nothing to ask
        QVERIFY(!users.isBusy());
        QVERIFY(!session.admin()->isAvailable());
        QVERIFY(!session.admin()->service());

        QTemporaryDir dir;
        QVERIFY(LocalAccount::adopt(session, dir));
        QVERIFY(session.admin()->service());
        QVERIFY(!session.admin()->isAvailable()); // never connected: not known to be an admin
        users.refresh();
        QTRY_VERIFY(!users.isBusy());
        QVERIFY(!users.errorText().isEmpty());
        QCOMPARE(users.rowCount(), 0);
        devices.setAccountJid(u"ana@example.org"_s);
        QTRY_VERIFY(!devices.isBusy());
        QVERIFY(!devices.errorText().isEmpty());
        QCOMPARE(devices.rowCount(), 0);
        QCOMPARE(devices.roleNames().value(Ui::AdminDevicesModel::StateRole), "state");
        QCOMPARE(Ui::AdminDevicesModel::describeState(u"wipe-pending"_s),
                 u"Wipe ordered, waiting for the device to connect"_s);

        // Signing out clears them and their errors.
        session.signOut();
        QVERIFY(users.errorText().isEmpty());
        QVERIFY(devices.errorText().isEmpty());
        QVERIFY(!session.admin()->service());
    }

    void policyEditorValidates()
    {
        Ui::Session session;
        QTemporaryDir dir;
        QVERIFY(LocalAccount::adopt(session, dir));
        Ui::PolicyEditor editor;
        editor.setSession(&session);
        // Starts from the policy in force: the defaults here.
        QCOMPARE(editor.policy(), Admin::OrgPolicy{});
        QVERIFY(editor.isValid());
        QVERIFY(!editor.isModified());

        QSignalSpy edited(&editor, &Ui::PolicyEditor::edited);
        editor.setIdleLockMinutes(0);
        QVERIFY(!editor.isValid());
        QVERIFY(editor.validationText().contains(u"between 1 and 480"_s));
        editor.setIdleLockMinutes(481);
        QVERIFY(!editor.isValid());
        editor.setIdleLockMinutes(5);
        QVERIFY(editor.isValid());
        QVERIFY(editor.isModified());
        editor.setRetentionDays(-1);
        QVERIFY(!editor.isValid());
        editor.setRetentionDays(30);
        editor.setForwardingDomains(u"partner.example, lab.example.net\nbad domain!"_s);
        QVERIFY(!editor.isValid());
        QVERIFY(editor.validationText().contains(u"domain!"_s));
        editor.setForwardingDomains(u"partner.example, lab.example.net"_s);
        QVERIFY(editor.isValid());
        editor.setNotificationDetail(u"everything"_s);
        QVERIFY(!editor.isValid());
        editor.setNotificationDetail(u"none"_s);
        editor.setAllowAttachments(false);
        editor.setRequireMfa(true);
        editor.setRequireVerifiedDevices(true);
        QVERIFY(editor.isValid());
        QVERIFY(edited.count() >= 9);

        Admin::OrgPolicy expected;
        expected.idleLockMinutes = 5;
        expected.retentionDays = 30;
        expected.forwardingDomains = {u"partner.example"_s, u"lab.example.net"_s};
        expected.notificationDetail = Admin::NotificationDetail::None;
        expected.allowAttachments = false;
        expected.requireMfa = true;
        expected.requireVerifiedDevices = true;
        QCOMPARE(editor.policy(), expected);

        // An invalid policy is never sent: the error says why.
        editor.setIdleLockMinutes(0);
        editor.publish();
        QVERIFY(!editor.isBusy());
        QVERIFY(editor.errorText().contains(u"between 1 and 480"_s));

        editor.load();
        QCOMPARE(editor.policy(), Admin::OrgPolicy{});
        QVERIFY(editor.errorText().isEmpty());
    }

    void localChoicesAreNeverLooserThanPolicy()
    {
        QTemporaryDir dir;
        {
            Ui::Session session;
            QVERIFY(LocalAccount::adopt(session, dir));
            Ui::PolicySettings *policy = session.policy();
            QVERIFY(policy->service());
            // No policy published: the defaults are the limits (15 min, sender).
            QCOMPARE(policy->policyIdleLockMinutes(), 15);
            QCOMPARE(policy->policyNotificationDetail(), u"sender"_s);
            QCOMPARE(policy->notificationDetail(), u"sender"_s);
            QVERIFY(!policy->showPreview());

            QSignalSpy changed(policy, &Ui::PolicySettings::changed);
            QVERIFY(!policy->chooseIdleLockMinutes(30)); // looser: refused, the limit applies
            QCOMPARE(policy->localIdleLockMinutes(), 15);
            QCOMPARE(policy->idleLockMinutes(), 15);
            QVERIFY(policy->chooseIdleLockMinutes(3));
            QCOMPARE(policy->idleLockMinutes(), 3);
            QCOMPARE(session.account()->idleLock()->policy().idleMinutes, 3);
            QVERIFY(changed.count() >= 2);

            QVERIFY(!policy->chooseNotificationDetail(u"preview"_s));
            QCOMPARE(policy->notificationDetail(), u"sender"_s);
            QVERIFY(policy->chooseNotificationDetail(u"none"_s));
            QCOMPARE(policy->notificationDetail(), u"none"_s);
            QCOMPARE(policy->localNotificationDetail(), u"none"_s);
            QVERIFY(!policy->chooseNotificationDetail(u"loud"_s));
            QCOMPARE(policy->notificationDetail(), u"none"_s);
            // The choices are written to the encrypted settings before sign-out.
            QTest::qWait(200);
            session.signOut();
            QCOMPARE(policy->idleLockMinutes(), 0);
            QVERIFY(!policy->service());
        }
        // They come back with the account.
        QTest::qWait(200);
        Ui::Session again;
        QVERIFY(LocalAccount::adopt(again, dir));
        QTRY_COMPARE(again.policy()->localIdleLockMinutes(), 3);
        QCOMPARE(again.policy()->notificationDetail(), u"none"_s);
        QCOMPARE(again.account()->idleLock()->policy().idleMinutes, 3);
    }

    void signOutAndEraseRemovesTheDataFolder()
    {
        QTemporaryDir parent;
        const QString folder = parent.filePath(u"account"_s);
        QVERIFY(QDir().mkpath(folder));
        QTemporaryDir dir(folder + u"/XXXXXX"_s); // adopt() needs a QTemporaryDir
        dir.setAutoRemove(false);
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        QVERIFY(
            LocalAccount::arrive(session, {LocalAccount::message(u"ben@example.org"_s, u"Bed 12"_s,
                                                                 QDateTime::currentDateTime())}));
        QVERIFY(!QDir(dir.path()).isEmpty());
        QSignalSpy ended(&session, &Ui::Session::ended);
        QSignalSpy erasing(&session, &Ui::Session::erasingChanged);
        session.signOutAndErase();
        QVERIFY(!session.isSignedIn());
        QTRY_VERIFY(!session.isErasing());
        QCOMPARE(erasing.count(), 2);
        QVERIFY(!QFileInfo::exists(dir.path()));
        QCOMPARE(ended.count(), 0); // nothing stayed behind
    }

    void auditExportNeedsAFile()
    {
        Ui::Session session;
        QTemporaryDir dir;
        QVERIFY(LocalAccount::adopt(session, dir));
        Ui::AuditExport exporter;
        exporter.setSession(&session);
        QSignalSpy finished(&exporter, &Ui::AuditExport::finished);
        exporter.exportTo(QString());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(exporter.phase(), Ui::AuditExport::Phase::Failed);
        QVERIFY(!exporter.statusText().isEmpty());
        // Not connected: the server cannot be asked; the error says so.
        exporter.exportTo(dir.filePath(u"audit.jsonl"_s));
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(exporter.phase(), Ui::AuditExport::Phase::Failed);
        QVERIFY(!QFileInfo::exists(dir.filePath(u"audit.jsonl"_s)));
    }
};

QTEST_MAIN(tst_AdminModels)
#include "tst_AdminModels.moc"
