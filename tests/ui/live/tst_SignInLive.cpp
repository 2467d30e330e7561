// SPDX-License-Identifier: GPL-3.0-or-later
// SignInForm, Session and the models against a real server (ROUNDS_TEST_ENV):
// what the window does when someone signs in, fails to, and signs out.
#include "ContactListModel.h"
#include "Session.h"
#include "SignInForm.h"

#include "account/Account.h"
#include "xmpp/extensions/RosterExtension.h"

#include "core/ErrorText.h"

#include "ServerEnv.h"

#include <QAbstractItemModelTester>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Ui::Session;
using Ui::SignInForm;

class tst_SignInLive : public QObject
{
    Q_OBJECT
    ServerEnv m_env;
    QTemporaryDir m_config;

    // The last test account: the integration tests mostly talk as the first ones.
    QString account() const { return m_env.accounts.last(); }

    std::unique_ptr<QTemporaryDir> m_data;

    // The local store's key sealed with a passphrase (no keychain in tests).
    void fill(SignInForm &form, const QString &caFile)
    {
        form.setServerUrl(m_env.url.toString());
        form.setAccountJid(account());
        form.setCaFile(caFile);
        m_data = std::make_unique<QTemporaryDir>();
        form.setDataDir(m_data->path());
        form.setPassphraseNeeded(true);
        form.setFastKdfForTests(true);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        qInfo("server under test: %s", qPrintable(m_env.kind));
    }

    void signsInAndOut()
    {
        Session session;
        SignInForm form;
        form.setSession(&session);
        Ui::ContactListModel contacts;
        QAbstractItemModelTester tester(&contacts,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        contacts.setSession(&session);
        fill(form, m_env.caFile);
        QSignalSpy signedIn(&form, &SignInForm::signedInChanged);

        form.signIn(m_env.password(account()), u"live passphrase"_s);
        QVERIFY(form.isBusy());
        QVERIFY(QTest::qWaitFor([&] { return !form.isBusy(); }, 30000));
        QVERIFY2(form.errorText().isEmpty(), qPrintable(form.errorText()));
        QVERIFY(form.isSignedIn());
        QCOMPARE(signedIn.count(), 1);
        QVERIFY(session.isSignedIn());
        QCOMPARE(session.accountJid(), account());
        QCOMPARE(session.status(), Session::Status::Online);
        QVERIFY(session.connectionErrorText().isEmpty());

        Xmpp::RosterExtension &roster = session.account()->roster();
        QVERIFY(QTest::qWaitFor([&] { return roster.isLoaded(); }, 10000));
        QCOMPARE(contacts.rowCount(), int(roster.items().size()));

        QPointer<Account::Account> account = session.account();
        session.signOut();
        QVERIFY(!session.isSignedIn());
        QVERIFY(!form.isSignedIn());
        QCOMPARE(signedIn.count(), 2);
        QCOMPARE(session.status(), Session::Status::SignedOut);
        QCOMPARE(contacts.rowCount(), 0);
        // The account closes its stream, then goes.
        QVERIFY(QTest::qWaitFor([&] { return account.isNull(); }, 10000));
    }

    void wrongPasswordIsExplained()
    {
        Session session;
        SignInForm form;
        form.setSession(&session);
        fill(form, m_env.caFile);
        form.signIn(m_env.password(account()) + u"-wrong"_s, u"live passphrase"_s);
        QVERIFY(QTest::qWaitFor([&] { return !form.isBusy(); }, 30000));
        QCOMPARE(form.errorText(), Core::describeError({Core::Error::Code::Auth, {}}));
        QVERIFY(!session.isSignedIn());
    }

    void untrustedServerIsExplained()
    {
        Session session;
        SignInForm form;
        form.setSession(&session);
        fill(form, m_env.otherCaFile);
        form.signIn(m_env.password(account()), u"live passphrase"_s);
        QVERIFY(QTest::qWaitFor([&] { return !form.isBusy(); }, 30000));
        QCOMPARE(form.errorText(), Core::describeError({Core::Error::Code::Tls, {}}));
        QVERIFY(!session.isSignedIn());
    }
};

QTEST_GUILESS_MAIN(tst_SignInLive)
#include "tst_SignInLive.moc"
