// SPDX-License-Identifier: GPL-3.0-or-later
// SignInForm: field checks before any connection, and a failed connection in words.
#include "Session.h"
#include "SignInForm.h"

#include "account/Account.h"
#include "account/KeyCustody.h"

#include "core/ErrorText.h"

#include "LocalAccount.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::Session;
using Ui::SignInForm;

class tst_SignInForm : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase()
    {
        // Remembered sign-in fields go here, not to the user's settings.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(u"rounds-test"_s);
        QCoreApplication::setApplicationName(u"tst_SignInForm"_s);
    }

    void checksFieldsBeforeConnecting_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("jid");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expectedStart");

        const QString url = u"wss://chat.example.org/xmpp-websocket"_s;
        QTest::newRow("no account") << url << u""_s << u""_s << u"pw"_s << u"Enter your account"_s;
        QTest::newRow("domain only")
            << url << u"example.org"_s << u""_s << u"pw"_s << u"Enter your account"_s;
        QTest::newRow("no server")
            << u""_s << u"ana@example.org"_s << u""_s << u"pw"_s << u"Enter the server address"_s;
        QTest::newRow("plain ws") << u"ws://chat.example.org/xmpp-websocket"_s
                                  << u"ana@example.org"_s << u""_s << u"pw"_s
                                  << u"The server address must start with wss://"_s;
        QTest::newRow("https") << u"https://chat.example.org/"_s << u"ana@example.org"_s << u""_s
                               << u"pw"_s << u"The server address must start with wss://"_s;
        QTest::newRow("no password")
            << url << u"ana@example.org"_s << u""_s << u""_s << u"Enter your password"_s;
        QTest::newRow("missing CA file") << url << u"ana@example.org"_s << u"/nonexistent/ca.pem"_s
                                         << u"pw"_s << u"The CA file cannot be read"_s;
    }

    void checksFieldsBeforeConnecting()
    {
        QFETCH(QString, url);
        QFETCH(QString, jid);
        QFETCH(QString, caFile);
        QFETCH(QString, password);
        QFETCH(QString, expectedStart);

        Session session;
        SignInForm form;
        form.setSession(&session);
        form.setServerUrl(url);
        form.setAccountJid(jid);
        form.setCaFile(caFile);
        QSignalSpy busy(&form, &SignInForm::busyChanged);
        form.signIn(password);
        QVERIFY2(form.errorText().startsWith(expectedStart), qPrintable(form.errorText()));
        QCOMPARE(busy.count(), 0); // nothing was attempted
        QVERIFY(!form.isBusy());
        QVERIFY(!form.isSignedIn());
    }

    void unreachableServerIsExplained()
    {
        // A port that was free a moment ago: the connection is refused at once.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();

        Session session;
        SignInForm form;
        form.setSession(&session);
        form.setServerUrl(u"wss://localhost:%1/xmpp-websocket"_s.arg(port));
        form.setAccountJid(u"ana.ruiz@localhost"_s);
        QTemporaryDir data;
        form.setDataDir(data.path());
        form.setPassphraseNeeded(true);
        form.setFastKdfForTests(true);
        QSignalSpy busy(&form, &SignInForm::busyChanged);
        form.signIn(u"secret"_s, u"local passphrase"_s);
        QVERIFY(form.isBusy());
        QVERIFY(form.errorText().isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return !form.isBusy(); }, 30000));
        QCOMPARE(busy.count(), 2);
        QCOMPARE(form.errorText(), Core::describeError({Core::Error::Code::Network, {}}));
        QVERIFY(!form.isSignedIn());
        QVERIFY(!session.isSignedIn());
        QCOMPARE(session.status(), Session::Status::SignedOut);
    }

    void withoutKeychainAsksForAPassphrase()
    {
        Session session;
        SignInForm form;
        form.setSession(&session);
        form.setServerUrl(u"wss://localhost:1/xmpp-websocket"_s);
        form.setAccountJid(u"ana.ruiz@localhost"_s);
        QTemporaryDir data;
        form.setDataDir(data.path());
        QVERIFY(!form.passphraseNeeded());
        QSignalSpy needed(&form, &SignInForm::passphraseNeededChanged);
        form.signIn(u"secret"_s);
        QVERIFY(form.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy(), 30000);
        // The keychain's problem in words, and the passphrase field offered.
        QCOMPARE(form.errorText(),
                 Account::Account::describeLocalDataError(
                     {Core::Error::Code::Storage, Account::KeyCustody::NoKeychain.toString()}));
        QVERIFY(form.passphraseNeeded());
        QCOMPARE(needed.count(), 1);
        QVERIFY(!QFile::exists(data.filePath(u"messages.db"_s))); // nothing was made
        QVERIFY(!session.isSignedIn());

        // Asked for, not given: said so before anything is tried.
        form.signIn(u"secret"_s);
        QVERIFY(!form.isBusy());
        QVERIFY(form.errorText().startsWith(u"Enter the passphrase"_s));
    }

    void wrongPassphraseChangesNothing()
    {
        QTemporaryDir data;
        {
            Session owner;
            QVERIFY(LocalAccount::adopt(owner, data)); // passphrase "test passphrase"
        }
        QTRY_VERIFY(QFile::exists(data.filePath(u"messages.db"_s)));
        QTest::qWait(200); // the store closes on its thread
        const auto bytes = [&](const QString &name) {
            QFile f(data.filePath(name));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray db = bytes(u"messages.db"_s);
        const QByteArray key = bytes(u"database-key.wrapped"_s);

        Session session;
        SignInForm form;
        form.setSession(&session);
        form.setServerUrl(u"wss://localhost:1/xmpp-websocket"_s);
        form.setAccountJid(LocalAccount::Self);
        form.setDataDir(data.path());
        form.setPassphraseNeeded(true);
        form.setFastKdfForTests(true);
        form.signIn(u"secret"_s, u"not the passphrase"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy(), 30000);
        QVERIFY2(form.errorText().startsWith(u"The passphrase is wrong"_s),
                 qPrintable(form.errorText()));
        QVERIFY(!session.isSignedIn());
        QCOMPARE(bytes(u"messages.db"_s), db);
        QCOMPARE(bytes(u"database-key.wrapped"_s), key);
    }

    void remembersFieldsButNoSecrets()
    {
        {
            QSettings settings;
            settings.clear();
            settings.setValue(u"signIn/serverUrl"_s, u"wss://chat.example.org/xmpp-websocket"_s);
            settings.setValue(u"signIn/account"_s, u"ana@example.org"_s);
            settings.setValue(u"signIn/caFile"_s, u"/etc/ssl/ca.pem"_s);
        }
        SignInForm form;
        QCOMPARE(form.serverUrl(), u"wss://chat.example.org/xmpp-websocket"_s);
        QCOMPARE(form.accountJid(), u"ana@example.org"_s);
        QCOMPARE(form.caFile(), u"/etc/ssl/ca.pem"_s);
        // The command line wins where it says something.
        form.prefill(QString(), u"ben@example.org"_s, QString());
        QCOMPARE(form.serverUrl(), u"wss://chat.example.org/xmpp-websocket"_s);
        QCOMPARE(form.accountJid(), u"ben@example.org"_s);
        QCOMPARE(form.caFile(), u"/etc/ssl/ca.pem"_s);
        QSettings().clear();
    }

    void fieldsNotifyChanges()
    {
        SignInForm form;
        QSignalSpy url(&form, &SignInForm::serverUrlChanged);
        QSignalSpy jid(&form, &SignInForm::accountJidChanged);
        QSignalSpy ca(&form, &SignInForm::caFileChanged);
        form.setServerUrl(u"wss://a/"_s);
        form.setServerUrl(u"wss://a/"_s);
        form.setAccountJid(u"a@b"_s);
        form.setCaFile(u"/tmp/ca.pem"_s);
        QCOMPARE(url.count(), 1);
        QCOMPARE(jid.count(), 1);
        QCOMPARE(ca.count(), 1);
        QCOMPARE(form.serverUrl(), u"wss://a/"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SignInForm)
#include "tst_SignInForm.moc"
