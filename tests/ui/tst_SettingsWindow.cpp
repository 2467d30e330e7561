// SPDX-License-Identifier: GPL-3.0-or-later
// Main.qml offscreen with a real encrypted store (no server): settings from
// the keyboard (Ctrl+,, Esc closes), the account and CA certificate shown,
// the idle lock clamped to the policy, the language remembered, sign out and
// erase behind a confirmation that ends on the sign-in screen with the data
// folder gone; no admin console for an account the server has not said is an admin.
#include "AppSettings.h"
#include "PolicySettings.h"
#include "Session.h"
#include "Translations.h"

#include "account/Account.h"
#include "account/IdleLock.h"

#include "LocalAccount.h"

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

class tst_SettingsWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;
    Ui::Session m_session;
    std::unique_ptr<QQmlApplicationEngine> m_engine;

    QQuickWindow *load()
    {
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->setInitialProperties({{u"session"_s, QVariant::fromValue(&m_session)}});
        m_engine->load(QUrl(u"qrc:/Rounds/Ui/Main.qml"_s));
        if (m_engine->rootObjects().size() != 1)
            return nullptr;
        auto *window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        if (window) {
            window->show();
            if (!QTest::qWaitForWindowExposed(window))
                return nullptr;
        }
        return window;
    }

    template<typename T = QQuickItem>
    static T *find(QObject *root, const QString &objectName)
    {
        return root->findChild<T *>(objectName);
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

    void settingsOpenFromTheKeyboardAndClampToPolicy()
    {
        QTemporaryDir dir;
        QVERIFY(LocalAccount::adopt(m_session, dir, true));
        QQuickWindow *window = load();
        QVERIFY(window);
        QTRY_VERIFY(find(window, u"mainView"_s));
        // Not known to be an admin: no view switcher, no console.
        QQuickItem *switcher = find(window, u"viewSwitcher"_s);
        QVERIFY(switcher);
        QVERIFY(!switcher->isVisible());
        QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(!find<QObject>(window, u"adminConsole"_s));
        // No policy text outside the conversation by default.
        QVERIFY(
            !find<QObject>(window, u"conversationListModel"_s)->property("showPreview").toBool());

        QObject *dialog = find<QObject>(window, u"settingsDialog"_s);
        QVERIFY(dialog);
        QVERIFY(!dialog->property("visible").toBool());
        QTest::keyClick(window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(find(dialog, u"settingsAccount"_s)->property("text").toString(),
                 LocalAccount::Self);
        QVERIFY(find(dialog, u"idleLockLimit"_s)->property("text").toString().contains(u"15"_s));

        // A looser idle lock than the policy allows is refused; the limit applies.
        QQuickItem *spin = find(dialog, u"idleLockSpin"_s);
        QVERIFY(spin);
        QCOMPARE(spin->property("value").toInt(),
                 m_session.account()->idleLock()->policy().idleMinutes);
        spin->setProperty("value", 60);
        QVERIFY(QMetaObject::invokeMethod(spin, "valueModified"));
        QCOMPARE(spin->property("value").toInt(), 15);
        QCOMPARE(m_session.account()->idleLock()->policy().idleMinutes, 15);
        QQuickItem *refusal = find(dialog, u"settingsRefusal"_s);
        QVERIFY(refusal->isVisible());
        QVERIFY(refusal->property("text").toString().contains(u"at most 15 minute"_s));
        // A stricter one is taken.
        spin->setProperty("value", 4);
        QVERIFY(QMetaObject::invokeMethod(spin, "valueModified"));
        QCOMPARE(m_session.account()->idleLock()->policy().idleMinutes, 4);
        QCOMPARE(m_session.policy()->idleLockMinutes(), 4);
        QVERIFY(!refusal->isVisible());

        // Previews are beyond the default policy (sender): refused.
        QObject *detail = find<QObject>(dialog, u"detailCombo"_s);
        QVERIFY(detail);
        detail->setProperty("currentIndex", 2);
        QVERIFY(QMetaObject::invokeMethod(detail, "activated", Q_ARG(int, 2)));
        QCOMPARE(detail->property("currentIndex").toInt(), 1);
        QCOMPARE(m_session.policy()->notificationDetail(), u"sender"_s);
        QVERIFY(refusal->isVisible());

        // Language: remembered for the next start.
        QObject *language = find<QObject>(dialog, u"languageCombo"_s);
        language->setProperty("currentIndex", 2);
        QVERIFY(QMetaObject::invokeMethod(language, "activated", Q_ARG(int, 2)));
        QCOMPARE(QSettings().value(u"ui/language"_s).toString(), u"es"_s);
        QCOMPARE(Ui::AppSettings::startupLocale().language(), QLocale::Spanish);
        QTRY_COMPARE(find(dialog, u"settingsSignOutButton"_s)->property("text").toString(),
                     QCoreApplication::translate("SettingsDialog", "Sign out"));
        language->setProperty("currentIndex", 0);
        QVERIFY(QMetaObject::invokeMethod(language, "activated", Q_ARG(int, 0)));
        QVERIFY(!QSettings().contains(u"ui/language"_s));
        QVERIFY(Ui::Translations().load(QLocale(QLocale::English)));

        // Esc closes.
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    void signOutAndEraseAsksThenReturnsToSignIn()
    {
        QTemporaryDir parent;
        QTemporaryDir dir(parent.filePath(u"dataXXXXXX"_s));
        dir.setAutoRemove(false);
        QVERIFY(LocalAccount::adopt(m_session, dir, true));
        QVERIFY(LocalAccount::arrive(m_session,
                                     {LocalAccount::message(u"ben@example.org"_s, u"Bed 12"_s,
                                                            QDateTime::currentDateTime())}));
        QQuickWindow *window = load();
        QVERIFY(window);
        QTRY_VERIFY(find(window, u"mainView"_s));
        QObject *dialog = find<QObject>(window, u"settingsDialog"_s);
        QTest::keyClick(window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(dialog->property("opened").toBool());

        QQuickItem *erase = find(dialog, u"eraseButton"_s);
        QVERIFY(erase);
        QObject *confirm = find<QObject>(dialog, u"eraseConfirmDialog"_s);
        QVERIFY(confirm);
        click(window, erase);
        QTRY_VERIFY(confirm->property("opened").toBool());
        const QString message = find(confirm, u"confirmMessage"_s)->property("text").toString();
        QVERIFY(message.contains(u"messages"_s));
        QVERIFY(message.contains(u"encryption keys"_s));
        QVERIFY(message.contains(u"sign-in token"_s));
        QVERIFY(message.contains(LocalAccount::Self));
        // Cancel has the focus: Esc or Enter there changes nothing.
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!confirm->property("visible").toBool());
        QVERIFY(m_session.isSignedIn());
        QVERIFY(QFileInfo::exists(dir.path()));

        click(window, erase);
        QTRY_VERIFY(confirm->property("opened").toBool());
        QQuickItem *yes = find(confirm, u"confirmButton"_s);
        QVERIFY(yes);
        click(window, yes);
        QTRY_VERIFY(!m_session.isSignedIn());
        QTRY_VERIFY(find(window, u"signInButton"_s));
        QTRY_VERIFY(!m_session.isErasing());
        QVERIFY(!QFileInfo::exists(dir.path()));
        QVERIFY(!find(window, u"mainView"_s) || !find(window, u"mainView"_s)->isVisible());
    }
};

QTEST_MAIN(tst_SettingsWindow)
#include "tst_SettingsWindow.moc"
