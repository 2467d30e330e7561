// SPDX-License-Identifier: GPL-3.0-or-later
// The second sign-in step over real wire frames (TLS WebSocket, SASL2 with TOTP
// and TOTP-INIT, or a server without SASL2): SignInForm's steps, and the window
// showing the QR code, taking the code and telling when MFA is not enforced.
#include "QrCodeItem.h"
#include "Session.h"
#include "SignInForm.h"
#include "Translations.h"

#include "account/Account.h"

#include "core/ErrorText.h"

#include "LoginTestServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

using namespace Qt::StringLiterals;
using LoginTest::Server;
using Ui::Session;
using Ui::SignInForm;

Q_IMPORT_QML_PLUGIN(Rounds_UiPlugin)

namespace {
constexpr int NetworkTimeoutMs = 20000;
}

class tst_SignInSecondFactor : public QObject
{
    Q_OBJECT

    QString m_caDir;
    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_data;
    // The window's session outlives the engine, even when a test fails midway.
    Session m_windowSession;
    std::unique_ptr<QQmlApplicationEngine> m_engine;

    std::unique_ptr<Server> startServer(Server::Mode mode)
    {
        auto server = std::make_unique<Server>(mode);
        QString error;
        if (!server->listen(m_caDir, &error)) {
            qWarning("test server: %s", qPrintable(error));
            return nullptr;
        }
        return server;
    }

    static inline const QString Passphrase = QStringLiteral("local store passphrase");

    void fill(SignInForm &form, const Server &server)
    {
        form.setServerUrl(server.url());
        form.setAccountJid(Server::Jid);
        form.setCaFile(m_caDir + u"/ca.crt"_s);
        prepareLocalData(form);
    }

    /// No keychain in the test environment: the store's key is sealed with a
    /// passphrase, in a fresh folder per sign-in.
    void prepareLocalData(SignInForm &form)
    {
        m_data = std::make_unique<QTemporaryDir>();
        form.setDataDir(m_data->path());
        form.setPassphraseNeeded(true);
        form.setFastKdfForTests(true);
    }

    QQuickWindow *load(const Server &server)
    {
        Session &session = m_windowSession;
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->setInitialProperties({
            {u"session"_s, QVariant::fromValue(&session)},
            {u"initialServerUrl"_s, server.url()},
            {u"initialAccountJid"_s, Server::Jid},
            {u"initialCaFile"_s, QString(m_caDir + u"/ca.crt"_s)},
        });
        m_engine->load(QUrl(u"qrc:/Rounds/Ui/Main.qml"_s));
        if (m_engine->rootObjects().size() != 1)
            return nullptr;
        auto *window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        if (!window)
            return nullptr;
        auto *form = window->findChild<SignInForm *>(u"signInForm"_s);
        QQuickItem *passphrase = window->findChild<QQuickItem *>(u"passphraseField"_s);
        if (!form || !passphrase)
            return nullptr;
        prepareLocalData(*form);
        passphrase->setProperty("text", Passphrase);
        window->show();
        if (!QTest::qWaitForWindowExposed(window))
            return nullptr;
        return window;
    }

    template<typename T = QQuickItem>
    static T *item(QQuickWindow *window, const QString &objectName)
    {
        return window->findChild<T *>(objectName);
    }

    /// QTest::keyClicks is for widgets only.
    static void type(QQuickWindow *window, const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(window, char(c.toLatin1()));
    }

    static void waitUntilAskingCode(SignInForm &form, SignInForm::SecondFactorStep step)
    {
        QTRY_VERIFY_WITH_TIMEOUT(form.secondFactorStep() != SignInForm::SecondFactorStep::None ||
                                     !form.isBusy(),
                                 NetworkTimeoutMs);
        QVERIFY2(form.errorText().isEmpty(), qPrintable(form.errorText()));
        QCOMPARE(form.secondFactorStep(), step);
        QVERIFY(!form.isBusy()); // a person is typing now
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(u"rounds-test"_s);
        m_caDir = qEnvironmentVariable("ROUNDS_TEST_CA_DIR");
        QVERIFY2(!m_caDir.isEmpty(), "ROUNDS_TEST_CA_DIR is not set (see tests/ui/CMakeLists.txt)");
        QVERIFY(Ui::Translations().load(QLocale(QLocale::English)));
    }

    void cleanup()
    {
        m_engine.reset();
        m_windowSession.signOut();
    }

    void codeStepSignsIn()
    {
        auto server = startServer(Server::Mode::Totp);
        QVERIFY(server);
        Session session;
        SignInForm form;
        form.setSession(&session);
        fill(form, *server);
        QSignalSpy steps(&form, &SignInForm::secondFactorChanged);

        form.signIn(Server::Password, Passphrase);
        QVERIFY(form.isBusy());
        waitUntilAskingCode(form, SignInForm::SecondFactorStep::Code);
        QCOMPARE(steps.count(), 1);
        QVERIFY(form.enrolmentSecret().isEmpty());
        QVERIFY(form.enrolmentQr().isNull());
        QVERIFY(!form.isSignedIn());

        // Not six digits: told at once, nothing goes to the server.
        form.submitCode(u"12a456"_s);
        QCOMPARE(form.errorText(), Core::describeError({Core::Error::Code::Mfa, u"code-format"_s}));
        QVERIFY(!form.isBusy());
        form.submitCode(u"12345"_s);
        QCOMPARE(form.errorText(), Core::describeError({Core::Error::Code::Mfa, u"code-format"_s}));
        QTest::qWait(200);
        QCOMPARE(server->codesReceived(), 0);
        QCOMPARE(form.secondFactorStep(), SignInForm::SecondFactorStep::Code);

        form.submitCode(Server::currentCode());
        QVERIFY(form.isBusy());
        QVERIFY(form.errorText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy(), NetworkTimeoutMs);
        QVERIFY2(form.errorText().isEmpty(), qPrintable(form.errorText()));
        QCOMPARE(server->codesReceived(), 1);
        QVERIFY(form.isSignedIn());
        QCOMPARE(form.secondFactorStep(), SignInForm::SecondFactorStep::None);
        QCOMPARE(session.status(), Session::Status::Online);
        QVERIFY(session.isMfaEnforced());
        session.signOut();
        QVERIFY(!session.isMfaEnforced());
    }

    /// A computer an admin ordered wiped erases the account's data during sign-in,
    /// before any session exists (so nothing of it is ever shown), confirms, and
    /// stays on the sign-in screen saying why.
    void remoteWipeAtSignInErasesBeforeAnything()
    {
        auto server = startServer(Server::Mode::Totp);
        QVERIFY(server);
        QQuickWindow *window = load(*server);
        QVERIFY(window);
        auto *form = item<SignInForm>(window, u"signInForm"_s);
        QVERIFY(form);
        const QString dataDir = form->dataDir();
        server->orderWipe(u"wipe-42"_s);

        form->signIn(Server::Password, Passphrase);
        waitUntilAskingCode(*form, SignInForm::SecondFactorStep::Code);
        // The store was opened (and written) before the server was asked.
        QVERIFY(!QDir(dataDir).isEmpty());
        form->submitCode(Server::currentCode());
        QTRY_VERIFY_WITH_TIMEOUT(!form->isBusy(), NetworkTimeoutMs);

        QCOMPARE(form->errorText(),
                 Core::describeError({Core::Error::Code::Auth, u"device-wiped"_s}));
        QVERIFY(!form->isSignedIn());
        QVERIFY(!m_windowSession.isSignedIn());
        QCOMPARE(server->wipeConfirmed(), u"wipe-42"_s);
        QCOMPARE(server->successes(), 0);
        QVERIFY2(!QFileInfo::exists(dataDir) || QDir(dataDir).isEmpty(),
                 qPrintable(
                     QDir(dataDir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).join(u", ")));
        // The main view was never built.
        QVERIFY(item(window, u"signInPage"_s));
        QVERIFY(!item(window, u"mainView"_s));
    }

    void wrongCodeIsExplained()
    {
        auto server = startServer(Server::Mode::Totp);
        QVERIFY(server);
        Session session;
        SignInForm form;
        form.setSession(&session);
        fill(form, *server);
        form.signIn(Server::Password, Passphrase);
        waitUntilAskingCode(form, SignInForm::SecondFactorStep::Code);

        form.submitCode(Server::wrongCode());
        QVERIFY(form.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy(), NetworkTimeoutMs);
        QCOMPARE(server->codesReceived(), 1);
        QCOMPARE(form.errorText(), Core::describeError({Core::Error::Code::Mfa, u"wrong-code"_s}));
        QCOMPARE(form.secondFactorStep(), SignInForm::SecondFactorStep::None);
        QVERIFY(!form.isSignedIn());
        QVERIFY(!session.isSignedIn());
    }

    void enrolmentShowsQrAndSecret()
    {
        auto server = startServer(Server::Mode::Enrolment);
        QVERIFY(server);
        Session session;
        SignInForm form;
        form.setSession(&session);
        fill(form, *server);
        form.signIn(Server::Password, Passphrase);
        waitUntilAskingCode(form, SignInForm::SecondFactorStep::Enrolment);

        QCOMPARE(form.enrolmentSecret(), u"JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP"_s);
        QCOMPARE(form.enrolmentAccount(), u"nurse@localhost"_s);
        QCOMPARE(form.enrolmentIssuer(), u"Clinic"_s);
        const QImage qr = form.enrolmentQr();
        QVERIFY(!qr.isNull());
        QCOMPARE(qr.width(), qr.height());
        QVERIFY(qr.width() >= 21 + 8);
        // 4-module light quiet zone, then the top-left finder's dark corner.
        QCOMPARE(qGray(qr.pixel(0, 0)), 255);
        QCOMPARE(qGray(qr.pixel(3, 3)), 255);
        QCOMPARE(qGray(qr.pixel(4, 4)), 0);
        QCOMPARE(qGray(qr.pixel(qr.width() - 5, 4)), 0);
        QCOMPARE(qGray(qr.pixel(4, qr.height() - 5)), 0);

        form.submitCode(u"abcdef"_s);
        QCOMPARE(form.errorText(), Core::describeError({Core::Error::Code::Mfa, u"code-format"_s}));
        QCOMPARE(server->codesReceived(), 0);

        QSignalSpy steps(&form, &SignInForm::secondFactorChanged);
        form.submitCode(Server::currentCode());
        QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy(), NetworkTimeoutMs);
        QVERIFY2(form.errorText().isEmpty(), qPrintable(form.errorText()));
        QVERIFY(form.isSignedIn());
        QVERIFY(session.isMfaEnforced());
        // The step is over: nothing of the secret is left in the form.
        QCOMPARE(steps.count(), 1);
        QCOMPARE(form.secondFactorStep(), SignInForm::SecondFactorStep::None);
        QVERIFY(form.enrolmentSecret().isEmpty());
        QVERIFY(form.enrolmentAccount().isEmpty());
        QVERIFY(form.enrolmentQr().isNull());
    }

    void cancelLeavesTheStep()
    {
        auto server = startServer(Server::Mode::Enrolment);
        QVERIFY(server);
        Session session;
        SignInForm form;
        form.setSession(&session);
        fill(form, *server);
        form.signIn(Server::Password, Passphrase);
        waitUntilAskingCode(form, SignInForm::SecondFactorStep::Enrolment);
        form.cancel();
        QCOMPARE(form.secondFactorStep(), SignInForm::SecondFactorStep::None);
        QVERIFY(form.enrolmentSecret().isEmpty());
        QVERIFY(form.enrolmentQr().isNull());
        QVERIFY(!form.isBusy());
        QVERIFY(form.errorText().isEmpty());
        QVERIFY(!form.isSignedIn());
        form.submitCode(Server::currentCode()); // nobody is asking any more
        QTest::qWait(200);
        QCOMPARE(server->codesReceived(), 0);
    }

    void serverWithoutSasl2IsNotEnforced()
    {
        auto server = startServer(Server::Mode::PasswordOnly);
        QVERIFY(server);
        Session session;
        SignInForm form;
        form.setSession(&session);
        fill(form, *server);
        QSignalSpy steps(&form, &SignInForm::secondFactorChanged);
        QSignalSpy enforced(&session, &Session::mfaEnforcedChanged);
        form.signIn(Server::Password, Passphrase);
        QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy(), NetworkTimeoutMs);
        QVERIFY2(form.errorText().isEmpty(), qPrintable(form.errorText()));
        QVERIFY(form.isSignedIn());
        QCOMPARE(steps.count(), 0);
        QVERIFY(!session.isMfaEnforced());
        QCOMPARE(enforced.count(), 0);
        // The store was opened before connecting.
        QVERIFY(session.account()->hasLocalData());
        QVERIFY(QFile::exists(m_data->filePath(u"messages.db"_s)));

        // Remembered for next time: server, account, CA file and that a
        // passphrase is needed; never the password or the passphrase.
        SignInForm next;
        QCOMPARE(next.serverUrl(), server->url());
        QCOMPARE(next.accountJid(), Server::Jid);
        QCOMPARE(next.caFile(), m_caDir + u"/ca.crt"_s);
        QVERIFY(next.passphraseNeeded());
        QFile settingsFile(QSettings().fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const QByteArray remembered = settingsFile.readAll();
        QVERIFY(!remembered.contains(Server::Password.toUtf8()));
        QVERIFY(!remembered.contains(Passphrase.toUtf8()));
    }

    void windowEnrolsWithQrCode()
    {
        auto server = startServer(Server::Mode::Enrolment);
        QVERIFY(server);
        Session &session = m_windowSession;
        QQuickWindow *window = load(*server);
        QVERIFY(window);
        QQuickItem *password = item(window, u"passwordField"_s);
        QVERIFY(password);
        QTRY_VERIFY(password->hasActiveFocus());
        type(window, Server::Password);
        QTest::keyClick(window, Qt::Key_Return);

        QQuickItem *code = item(window, u"codeField"_s);
        QVERIFY(code);
        QTRY_VERIFY_WITH_TIMEOUT(code->isVisible() && code->hasActiveFocus(), NetworkTimeoutMs);
        QVERIFY(!item(window, u"credentials"_s)->isVisible());
        QVERIFY(password->property("text").toString().isEmpty());
        QVERIFY(item(window, u"enrolmentInstructions"_s)->isVisible());
        QVERIFY(item(window, u"enrolmentInstructions"_s)
                    ->property("text")
                    .toString()
                    .startsWith(u"Scan this code with your authenticator app"_s));

        auto *qr = item<Ui::QrCodeItem>(window, u"enrolmentQr"_s);
        QVERIFY(qr);
        QVERIFY(qr->isVisible());
        QVERIFY(!qr->isEmpty());
        QVERIFY(qr->moduleCount() >= 21 + 8);
        QVERIFY2(qr->width() >= Ui::QrCodeItem::minimumSize,
                 qPrintable(QString::number(qr->width())));
        QCOMPARE(qr->width(), qr->height());
        QCOMPARE(int(qr->width()) % qr->moduleCount(), 0); // whole pixels per module

        // What is on screen: light quiet zone, dark finder corner, and only black
        // and white pixels (no smoothing). The item may sit on a fractional
        // position, so module edges may move by a pixel: sample module centres.
        const QImage shot = window->grabWindow();
        QVERIFY(!shot.isNull());
        const qreal dpr = shot.devicePixelRatio();
        const QRect area = QRectF(qr->mapToScene(QPointF(0, 0)) * dpr, qr->size() * dpr).toRect();
        const int module = area.width() / qr->moduleCount();
        QVERIFY(module >= 4);
        const auto grey = [&](int mx, int my) {
            return qGray(shot.pixel(area.x() + mx * module + module / 2,
                                    area.y() + my * module + module / 2));
        };
        QCOMPARE(grey(1, 1), 255);
        QCOMPARE(grey(4, 4), 0);
        QCOMPARE(grey(5, 5), 255); // the finder's light ring
        QCOMPARE(grey(7, 7), 0);   // its dark core
        int dark = 0;
        for (int y = area.top() + 1; y < area.bottom(); ++y) {
            for (int x = area.left() + 1; x < area.right(); ++x) {
                const int g = qGray(shot.pixel(x, y));
                QVERIFY2(g == 0 || g == 255,
                         qPrintable(u"grey %1 at %2,%3"_s.arg(g).arg(x).arg(y)));
                dark += g == 0;
            }
        }
        QVERIFY(dark > area.width()); // more than a stray line

        QCOMPARE(item(window, u"enrolmentSecret"_s)->property("text").toString(),
                 u"JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP"_s);
        QVERIFY(item(window, u"enrolmentAccount"_s)
                    ->property("text")
                    .toString()
                    .contains(u"nurse@localhost"_s));

        // Letters do not get into the field; the digits do, and Enter sends them.
        type(window, u"x"_s);
        QVERIFY(code->property("text").toString().isEmpty());
        type(window, Server::currentCode());
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(item(window, u"mainView"_s), NetworkTimeoutMs);
        QCOMPARE(server->codesReceived(), 1);
        QVERIFY(session.isMfaEnforced());
        QQuickItem *notice = item(window, u"mfaNotEnforcedNotice"_s);
        QVERIFY(notice);
        QVERIFY(!notice->isVisible());
        session.signOut();
    }

    void closingDuringTheCodeStepIsClean()
    {
        // The window (and its SignInForm) goes while the account waits for a code:
        // the account's sign-in ends as it is destroyed, without touching the
        // half-destroyed form.
        auto server = startServer(Server::Mode::Enrolment);
        QVERIFY(server);
        QQuickWindow *window = load(*server);
        QVERIFY(window);
        auto *form = window->findChild<SignInForm *>();
        QVERIFY(form);
        form->signIn(Server::Password, Passphrase);
        waitUntilAskingCode(*form, SignInForm::SecondFactorStep::Enrolment);
        QVERIFY(!item<Ui::QrCodeItem>(window, u"enrolmentQr"_s)->isEmpty());
        m_engine.reset();
        QVERIFY(!m_windowSession.isSignedIn());
        QTest::qWait(100);
    }

    void statusLineTellsMfaIsNotEnforced()
    {
        auto server = startServer(Server::Mode::PasswordOnly);
        QVERIFY(server);
        Session &session = m_windowSession;
        QQuickWindow *window = load(*server);
        QVERIFY(window);
        QQuickItem *password = item(window, u"passwordField"_s);
        QTRY_VERIFY(password->hasActiveFocus());
        type(window, Server::Password);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(item(window, u"mainView"_s), NetworkTimeoutMs);
        QQuickItem *notice = item(window, u"mfaNotEnforcedNotice"_s);
        QVERIFY(notice);
        QTRY_VERIFY(notice->isVisible());
        auto *noticeLabel = notice->property("contentItem").value<QQuickItem *>();
        QVERIFY(noticeLabel);
        QCOMPARE(noticeLabel->property("text").toString(), u"Two-step sign-in not enforced"_s);
        QQuickItem *statusLine = item(window, u"statusLine"_s);
        QVERIFY(statusLine);
        QCOMPARE(statusLine->property("mfaNoticeText").toString(),
                 u"Two-step sign-in not enforced"_s);
        QVERIFY(
            statusLine->property("mfaNoticeExplanation").toString().contains(u"password only"_s));
        session.signOut();
        QTRY_VERIFY(!item(window, u"mainView"_s));
    }
};

QTEST_MAIN(tst_SignInSecondFactor)
#include "tst_SignInSecondFactor.moc"
