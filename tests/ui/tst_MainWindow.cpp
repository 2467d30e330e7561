// SPDX-License-Identifier: GPL-3.0-or-later
// Main.qml loaded the way the app loads it (offscreen), in English and Spanish.
#include "Session.h"
#include "Translations.h"

#include "core/ErrorText.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(Rounds_UiPlugin)

class tst_MainWindow : public QObject
{
    Q_OBJECT

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

private Q_SLOTS:
    void init() { QVERIFY(Ui::Translations().load(QLocale(QLocale::English))); }
    void cleanup() { m_engine.reset(); }

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
