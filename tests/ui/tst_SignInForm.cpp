// SPDX-License-Identifier: GPL-3.0-or-later
// SignInForm: field checks before any connection, and a failed connection in words.
#include "Session.h"
#include "SignInForm.h"

#include "core/ErrorText.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::Session;
using Ui::SignInForm;

class tst_SignInForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
        QSignalSpy busy(&form, &SignInForm::busyChanged);
        form.signIn(u"secret"_s);
        QVERIFY(form.isBusy());
        QVERIFY(form.errorText().isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return !form.isBusy(); }, 30000));
        QCOMPARE(busy.count(), 2);
        QCOMPARE(form.errorText(), Core::describeError({Core::Error::Code::Network, {}}));
        QVERIFY(!form.isSignedIn());
        QVERIFY(!session.isSignedIn());
        QCOMPARE(session.status(), Session::Status::SignedOut);
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
