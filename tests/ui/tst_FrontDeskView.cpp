// SPDX-License-Identifier: GPL-3.0-or-later
// The front-desk view in the window (offline, a local account): Ctrl+3 opens
// it for anyone, without a QML warning; once a reminder service is set the
// view switcher shows the Front desk tab; an imported CSV with a bad row
// lists the problem with its line and leaves the Schedule button disabled.
#include "FrontDeskBatchModel.h"
#include "FrontDeskClient.h"
#include "Session.h"
#include "Translations.h"

#include "LocalAccount.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(Rounds_UiPlugin)

class tst_FrontDeskView : public QObject
{
    Q_OBJECT
    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QVERIFY(Ui::Translations().load(QLocale(QLocale::English)));
    }

    void ctrl3OpensTheFrontDesk()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        QQmlApplicationEngine engine;
        // Any QML warning (a missing property, a binding to undefined) fails the test.
        QTest::failOnWarning(QRegularExpression(u"\\.qml:\\d+"_s));
        engine.setInitialProperties({{u"session"_s, QVariant::fromValue(&session)}});
        engine.load(QUrl(u"qrc:/Rounds/Ui/Main.qml"_s));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY(window->findChild<QQuickItem *>(u"mainView"_s));
        auto *switcher = window->findChild<QQuickItem *>(u"viewSwitcher"_s);
        QVERIFY(switcher);
        QVERIFY(!switcher->isVisible()); // no admin, no reminder service yet

        window->requestActivate();
        QTest::keyClick(window, Qt::Key_3, Qt::ControlModifier);
        QTRY_VERIFY(window->findChild<QObject *>(u"frontDeskView"_s));
        auto *client = window->findChild<Ui::FrontDeskClient *>(u"frontDeskClient"_s);
        QVERIFY(client);
        QVERIFY(!client->isReady());
        client->setService(u"reminders@example.org"_s);
        QTRY_VERIFY(switcher->isVisible());

        auto *batch = window->findChild<Ui::FrontDeskBatchModel *>(u"frontDeskBatchModel"_s);
        QVERIFY(batch);
        batch->loadCsv("patient,first_name,send_at\n"
                       "ana@example.org,Ana,2030-05-01T09:00:00Z\n"
                       "nobody,Bo,2030-05-01T09:00:00Z\n",
                       u"list.csv"_s);
        // Line 2 lacks the appointment's values, line 3 is not an address.
        QCOMPARE(batch->errors().size(), 2);
        QVERIFY(batch->errors()[0].startsWith(u"Line 2, "_s));
        QVERIFY(batch->errors()[1].startsWith(u"Line 3, patient"_s));
        auto *submit = window->findChild<QQuickItem *>(u"frontDeskSubmitButton"_s);
        QVERIFY(submit);
        QVERIFY(!submit->isEnabled());

        QTest::keyClick(window, Qt::Key_1, Qt::ControlModifier);
        QTRY_VERIFY(!window->findChild<QObject *>(u"frontDeskView"_s));
        session.signOut();
    }
};

QTEST_MAIN(tst_FrontDeskView)
#include "tst_FrontDeskView.moc"
