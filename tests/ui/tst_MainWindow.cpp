// SPDX-License-Identifier: GPL-3.0-or-later
// Main.qml loaded the way the app loads it (offscreen), in English and Spanish.
#include "ConversationListModel.h"
#include "ConversationModel.h"
#include "DeviceTrustModel.h"
#include "SearchModel.h"
#include "Session.h"
#include "Translations.h"

#include "account/Account.h"
#include "account/IdleLock.h"

#include "core/ErrorText.h"

#include "LocalAccount.h"

#include <QPromise>
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

Q_IMPORT_QML_PLUGIN(Rounds_UiPlugin)

class tst_MainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;
    Ui::Session m_session;
    std::unique_ptr<QQmlApplicationEngine> m_engine;

    QQuickWindow *load()
    {
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->setInitialProperties({
            {u"session"_s, QVariant::fromValue(&m_session)},
            {u"initialServerUrl"_s, u"wss://chat.example.org/xmpp-websocket"_s},
            {u"initialAccountJid"_s, u"ana@example.org"_s},
        });
        m_engine->load(QUrl(u"qrc:/Rounds/Ui/Main.qml"_s));
        if (m_engine->rootObjects().size() != 1)
            return nullptr;
        return qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
    }

    template<typename T = QQuickItem>
    static T *item(QQuickWindow *window, const QString &objectName)
    {
        return window->findChild<T *>(objectName);
    }

    /// Hands the session an account that knows its password, as sign-in does.
    /// Its link stays down: the window does not need one to lock and unlock.
    void adoptAccount()
    {
        Account::AccountSettings settings;
        settings.jid = Core::Jid(u"ana@example.org"_s);
        settings.serverUrl = QUrl(u"wss://chat.example.org/xmpp-websocket"_s);
        auto account = std::make_unique<Account::Account>(std::move(settings));
        account->idleLock()->setFastKdfForTests(true);
        account->idleLock()->rememberPassword(u"correct horse"_s);
        account->idleLock()->waitForPasswordHash();
        m_session.adopt(std::move(account));
    }

    /// Objects of the window made from `qmlType` (ConversationView.qml, ...).
    static int countOfType(QQuickWindow *window, QLatin1StringView qmlType)
    {
        int count = 0;
        for (const QObject *object : window->findChildren<QObject *>())
            if (QLatin1StringView(object->metaObject()->className()).startsWith(qmlType))
                ++count;
        for (const QQuickItem *object : window->contentItem()->findChildren<QQuickItem *>())
            if (QLatin1StringView(object->metaObject()->className()).startsWith(qmlType))
                ++count;
        return count;
    }

    /// Items of `qmlType` in the visual tree (delegates have no QObject parent).
    static int itemsOfType(QQuickItem *root, QLatin1StringView qmlType)
    {
        int count = QLatin1StringView(root->metaObject()->className()).startsWith(qmlType) ? 1 : 0;
        for (QQuickItem *child : root->childItems())
            count += itemsOfType(child, qmlType);
        return count;
    }

    /// QTest::keyClicks is for widgets only.
    static void type(QQuickWindow *window, const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(window, char(c.toLatin1()));
    }

    static void click(QQuickWindow *window, QQuickItem *target)
    {
        QTest::mouseClick(
            window, Qt::LeftButton, {},
            target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    }
    void init() { QVERIFY(Ui::Translations().load(QLocale(QLocale::English))); }
    void cleanup()
    {
        m_engine.reset();
        m_session.signOut();
    }

    void signInFormIsComplete()
    {
        QQuickWindow *window = load();
        QVERIFY(window);
        QCOMPARE(window->title(), u"Rounds"_s);
        for (const QString &name :
             {u"serverUrlField"_s, u"accountField"_s, u"passwordField"_s, u"caFileField"_s,
              u"signInButton"_s, u"signInBusy"_s, u"signInError"_s})
            QVERIFY2(item(window, name), qPrintable(name));
        QCOMPARE(item(window, u"serverUrlField"_s)->property("text").toString(),
                 u"wss://chat.example.org/xmpp-websocket"_s);
        QCOMPARE(item(window, u"accountField"_s)->property("text").toString(),
                 u"ana@example.org"_s);
        QCOMPARE(item(window, u"passwordField"_s)->property("echoMode").toInt(), 2); // Password
        QCOMPARE(item(window, u"signInButton"_s)->property("text").toString(), u"Sign in"_s);
        QVERIFY(!item(window, u"signInBusy"_s)->property("running").toBool());
        QVERIFY(!item(window, u"signInError"_s)->isVisible());
        QVERIFY(!item(window, u"mainView"_s)); // only after signing in
    }

    void missingPasswordIsShown()
    {
        QQuickWindow *window = load();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QQuickItem *button = item(window, u"signInButton"_s);
        QVERIFY(button);
        QTest::mouseClick(
            window, Qt::LeftButton, {},
            button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint());
        QQuickItem *error = item(window, u"signInError"_s);
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->property("text").toString(), u"Enter your password."_s);
    }

    void lockingRemovesTheMainView()
    {
        adoptAccount();
        QQuickWindow *window = load();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(item(window, u"mainView"_s));
        QVERIFY(countOfType(window, "ConversationView"_L1) > 0);
        QVERIFY(!item(window, u"lockScreen"_s));
        QVERIFY(item<QObject>(window, u"lockAction"_s));

        // Ctrl+L locks: the main view and everything in it are gone.
        QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(m_session.isLocked());
        QTRY_VERIFY(item(window, u"lockScreen"_s));
        // The Loader deletes its previous item on the next event-loop turn.
        QTRY_VERIFY(!item(window, u"mainView"_s));
        QVERIFY(!item(window, u"conversationView"_s));
        QCOMPARE(countOfType(window, "ConversationView"_L1), 0);
        QCOMPARE(countOfType(window, "MessageBubble"_L1), 0);
        QCOMPARE(itemsOfType(window->contentItem(), "MessageBubble"_L1), 0);
        QCOMPARE(countOfType(window, "MainView"_L1), 0);
        QCOMPARE(window->title(), u"Rounds"_s);
        QVERIFY(item(window, u"lockedAccount"_s)
                    ->property("text")
                    .toString()
                    .contains(u"ana@example.org"_s));
        QVERIFY(!item(window, u"unlockCodeField"_s)->isVisible());

        // A wrong password is refused with what to do, and the lock stays.
        QQuickItem *password = item(window, u"unlockPasswordField"_s);
        QVERIFY(password);
        QTRY_VERIFY(password->hasActiveFocus());
        type(window, u"wrong"_s);
        QTest::keyClick(window, Qt::Key_Return);
        QQuickItem *error = item(window, u"unlockError"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->property("text").toString().contains(u"not correct"_s));
        QVERIFY(m_session.isLocked());
        QVERIFY(!item(window, u"mainView"_s));

        // The right password, submitted with the button, brings the main view back.
        QTRY_VERIFY(password->hasActiveFocus());
        type(window, u"correct horse"_s);
        click(window, item(window, u"unlockButton"_s));
        QTRY_VERIFY(!m_session.isLocked());
        QTRY_VERIFY(item(window, u"mainView"_s));
        QTRY_VERIFY(!item(window, u"lockScreen"_s));
        QVERIFY(countOfType(window, "ConversationView"_L1) > 0);
    }

    void lockScreenAsksForTheCodeWherePolicySaysSo()
    {
        adoptAccount();
        m_session.account()->setLockPolicy({.idleMinutes = 10, .unlockNeedsCode = true});
        QStringList codes;
        m_session.account()->idleLock()->setReauthenticate(
            [&codes](const QString &, const QString &code) {
                codes.append(code);
                QPromise<Core::Result<void>> promise;
                promise.start();
                promise.addResult(Core::Result<void>());
                promise.finish();
                return promise.future();
            });
        QQuickWindow *window = load();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        m_session.lockNow();
        QTRY_VERIFY(item(window, u"lockScreen"_s));
        QQuickItem *code = item(window, u"unlockCodeField"_s);
        QVERIFY(code->isVisible());

        // Password alone is not enough.
        QTRY_VERIFY(item(window, u"unlockPasswordField"_s)->hasActiveFocus());
        type(window, u"correct horse"_s);
        QTest::keyClick(window, Qt::Key_Return);
        QQuickItem *error = item(window, u"unlockError"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->property("text").toString().contains(u"6-digit"_s));
        QVERIFY(codes.isEmpty());

        QTRY_VERIFY(code->hasActiveFocus());
        type(window, u"123456"_s);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_VERIFY(!m_session.isLocked());
        QCOMPARE(codes, QStringList{u"123456"_s});
        QTRY_VERIFY(item(window, u"mainView"_s));
    }

    void inputCountsAsActivity()
    {
        adoptAccount();
        Account::IdleLock *lock = m_session.account()->idleLock();
        auto time = std::make_shared<std::chrono::milliseconds>(0);
        lock->setClockForTests([time] { return *time; });
        QQuickWindow *window = load();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        *time += std::chrono::minutes(9);
        QTest::mouseMove(window, QPoint(20, 20));
        QTest::mouseMove(window, QPoint(40, 40));
        *time += std::chrono::minutes(9);
        lock->checkDeadline();
        QVERIFY(!m_session.isLocked()); // 9 minutes since the mouse moved
        *time += std::chrono::minutes(1);
        lock->checkDeadline();
        QVERIFY(m_session.isLocked());
        QTRY_VERIFY(item(window, u"lockScreen"_s));
    }

    void lockingKeepsTheOpenConversation()
    {
        QTemporaryDir dir;
        QVERIFY(LocalAccount::adopt(m_session, dir, true));
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(LocalAccount::arrive(
            m_session, {LocalAccount::message(u"ben@example.org"_s, u"Bed 12 needs review"_s,
                                              now.addSecs(-60)),
                        LocalAccount::message(u"chloe@example.org"_s, u"On my way"_s, now)}));
        QQuickWindow *window = load();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *conversation = item<Ui::ConversationModel>(window, u"conversationModel"_s);
        auto *list = item<Ui::ConversationListModel>(window, u"conversationListModel"_s);
        QVERIFY(conversation && list);
        QTRY_COMPARE(list->rowCount(), 2);
        QCOMPARE(list->totalUnread(), 2);

        // Enter on the conversation list opens the newest conversation.
        QQuickItem *conversations = item(window, u"conversationListView"_s);
        QTRY_VERIFY(conversations->hasActiveFocus());
        QTest::keyClick(window, Qt::Key_Down);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_COMPARE(conversation->peer(), u"ben@example.org"_s);
        QTRY_COMPARE(conversation->rowCount(), 1);
        QTRY_COMPARE(list->totalUnread(), 1); // on screen: read
        QTRY_VERIFY(itemsOfType(window->contentItem(), "MessageBubble"_L1) > 0);
        QCOMPARE(item(window, u"peerName"_s)->property("text").toString(), u"ben@example.org"_s);

        m_session.lockNow();
        QTRY_VERIFY(item(window, u"lockScreen"_s));
        QTRY_VERIFY(!item(window, u"mainView"_s));
        QCOMPARE(itemsOfType(window->contentItem(), "MessageBubble"_L1), 0);
        QVERIFY(!conversation->isActive());
        // Arriving while locked: kept, but not read by nobody.
        QVERIFY(LocalAccount::arrive(
            m_session, {LocalAccount::message(u"ben@example.org"_s, u"Still there?"_s, now)}));
        QTRY_COMPARE(conversation->rowCount(), 2);
        QTest::qWait(100);
        QTRY_COMPARE(list->totalUnread(), 2);

        QQuickItem *password = item(window, u"unlockPasswordField"_s);
        QTRY_VERIFY(password->hasActiveFocus());
        type(window, u"correct horse"_s);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_VERIFY(item(window, u"mainView"_s));
        // The same conversation, with what arrived meanwhile, and now read.
        QCOMPARE(conversation->peer(), u"ben@example.org"_s);
        QCOMPARE(conversation->rowCount(), 2);
        QTRY_VERIFY(itemsOfType(window->contentItem(), "MessageBubble"_L1) >= 2);
        QTRY_COMPARE(list->totalUnread(), 1);
    }

    void trustPanelAndSearchOpenFromTheKeyboard()
    {
        QTemporaryDir dir;
        QVERIFY(LocalAccount::adopt(m_session, dir, true));
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(LocalAccount::arrive(
            m_session,
            {LocalAccount::message(u"ben@example.org"_s, u"Bed 12 needs review"_s,
                                   now.addSecs(-60)),
             LocalAccount::message(u"chloe@example.org"_s, u"Potassium results are in"_s, now)}));
        QQuickWindow *window = load();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *conversation = item<Ui::ConversationModel>(window, u"conversationModel"_s);
        conversation->setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(conversation->rowCount(), 1);

        // Ctrl+I: devices and trust; our own device with its fingerprint.
        QVERIFY(!item(window, u"trustPanel"_s)->isVisible());
        QTest::keyClick(window, Qt::Key_I, Qt::ControlModifier);
        QTRY_VERIFY(item(window, u"trustPanel"_s)->isVisible());
        auto *devices = item<Ui::DeviceTrustModel>(window, u"deviceTrustModel"_s);
        QVERIFY(devices);
        // Offline: the device lists come from the server, and the panel says so
        // instead of waiting (the lists themselves: tst_DesktopLive).
        QVERIFY(!devices->isLoading());
        QVERIFY(devices->errorText().contains(u"online"_s));
        QTRY_VERIFY(item(window, u"trustError"_s)->isVisible());
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!item(window, u"trustPanel"_s)->isVisible());

        // Ctrl+F: search, Enter opens the conversation at the hit.
        QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
        QQuickItem *field = item(window, u"searchField"_s);
        QVERIFY(field);
        QTRY_VERIFY(field->hasActiveFocus());
        type(window, u"potassium"_s);
        auto *search = item<Ui::SearchModel>(window, u"searchModel"_s);
        QTRY_COMPARE(search->rowCount(), 1);
        QCOMPARE(search->data(search->index(0), Ui::SearchModel::SnippetRole).toString(),
                 u"Potassium results are in"_s);
        QTest::keyClick(window, Qt::Key_Down);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_COMPARE(conversation->peer(), u"chloe@example.org"_s);
        QTRY_VERIFY(!item<QObject>(window, u"searchPanel"_s)->property("visible").toBool());
        const QByteArray audit = LocalAccount::auditLines(m_session, dir);
        QVERIFY(audit.contains("\"search\""));
        QVERIFY(!audit.toLower().contains("potassium")); // never the words
    }

    void spanishTranslationLoads()
    {
        Ui::Translations translations;
        QVERIFY(translations.load(QLocale(QLocale::Spanish, QLocale::Spain)));
        QQuickWindow *window = load();
        QVERIFY(window);
        QCOMPARE(item(window, u"signInButton"_s)->property("text").toString(), u"Iniciar sesión"_s);
        QCOMPARE(Core::describeError({Core::Error::Code::Auth, {}}),
                 u"La dirección de la cuenta o la contraseña no son correctas. Compruebe ambas "
                 u"e inténtelo de nuevo."_s);
        // Every error the core can report has its Spanish text (translations/
        // core_error_text.cpp must follow src/core/ErrorText.cpp).
        using Code = Core::Error::Code;
        for (Code code : {Code::Network, Code::Tls, Code::Timeout, Code::Auth,
                          Code::AccountDisabled, Code::NoMechanism, Code::Mfa, Code::Stanza,
                          Code::Crypto, Code::Storage, Code::Policy, Code::Cancelled}) {
            const QString spanish = Core::describeError({code, {}});
            QVERIFY(translations.load(QLocale(QLocale::English)));
            const QString english = Core::describeError({code, {}});
            QVERIFY(translations.load(QLocale(QLocale::Spanish)));
            QVERIFY2(spanish != english, qPrintable(Core::errorCodeName(code)));
        }
        // Spanish from a bare language code too, as --lang es gives it.
        QVERIFY(translations.load(QLocale(u"es"_s)));
        QVERIFY(!translations.load(QLocale(QLocale::Japanese)));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
