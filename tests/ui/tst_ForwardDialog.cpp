// SPDX-License-Identifier: GPL-3.0-or-later
// Forwarding from the window (offscreen, a local account, no server): Ctrl+Shift+F
// on a message opens the picker with the filter focused, typing narrows it,
// Enter forwards to the match, Esc cancels without sending; the copy in the
// target conversation shows where it came from. No QML warning on the way.
#include "ConversationModel.h"
#include "Session.h"

#include "LocalAccount.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(Rounds_UiPlugin)

namespace {

QQuickItem *findItem(QQuickItem *root, const QString &name)
{
    if (root->objectName() == name)
        return root;
    const auto children = root->childItems();
    for (QQuickItem *child : children)
        if (QQuickItem *found = findItem(child, name))
            return found;
    return nullptr;
}

/// The visible item named `name` (hidden ones of other delegates are skipped).
QQuickItem *findVisible(QQuickItem *root, const QString &name)
{
    if (!root->isVisible())
        return nullptr;
    if (root->objectName() == name)
        return root;
    const auto children = root->childItems();
    for (QQuickItem *child : children)
        if (QQuickItem *found = findVisible(child, name))
            return found;
    return nullptr;
}

} // namespace

class tst_ForwardDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;
    QTemporaryDir m_data;
    Ui::Session m_session;

    static void type(QQuickWindow *window, const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(window, char(c.toLatin1()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QVERIFY(LocalAccount::adopt(m_session, m_data));
    }

    void forwardsFromTheKeyboard()
    {
        const QDateTime now = QDateTime::currentDateTime();
        const Store::StoredMessage original =
            LocalAccount::message(u"ben@example.org"_s, u"Bed 12 potassium 6.8"_s, now);
        QVERIFY(LocalAccount::arrive(
            m_session, {LocalAccount::message(u"chloe@example.org"_s, u"On my way"_s,
                                              now.addSecs(-300), Store::Direction::Outgoing),
                        original}));

        QQmlApplicationEngine engine;
        // A QML warning of the files forwarding touches (a missing property, a
        // binding to undefined) fails the test.
        QTest::failOnWarning(
            QRegularExpression(u"(ForwardDialog|MessageBubble|ConversationView)\\.qml:\\d+"_s));
        engine.setInitialProperties({{u"session"_s, QVariant::fromValue(&m_session)}});
        engine.load(QUrl(u"qrc:/Rounds/Ui/Main.qml"_s));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY(findItem(window->contentItem(), u"mainView"_s));
        auto *conversation = window->findChild<Ui::ConversationModel *>(u"conversationModel"_s);
        QVERIFY(conversation);
        auto *dialog = window->findChild<QObject *>(u"forwardDialog"_s);
        QVERIFY(dialog);
        QVERIFY(!dialog->property("visible").toBool());

        conversation->setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(conversation->rowCount(), 1);
        QTRY_VERIFY(findVisible(window->contentItem(), u"messageText"_s));
        QSignalSpy forwarded(conversation, &Ui::ConversationModel::forwarded);

        // Esc cancels: nothing is sent.
        window->requestActivate();
        QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(dialog->property("visible").toBool());
        QQuickItem *filter = nullptr;
        QTRY_VERIFY((filter = findItem(window->contentItem(), u"forwardFilter"_s)) &&
                    filter->hasActiveFocus());
        type(window, u"chl"_s);
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QTest::qWait(100);
        QCOMPARE(forwarded.count(), 0);

        // Enter forwards to the match.
        QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(dialog->property("visible").toBool());
        QTRY_VERIFY(filter->hasActiveFocus());
        QCOMPARE(filter->property("text").toString(), QString()); // a fresh start
        type(window, u"chl"_s);
        auto *targets = dialog->findChild<QAbstractItemModel *>(u"forwardTargets"_s);
        QVERIFY(targets);
        QTRY_COMPARE(targets->rowCount(), 1);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_COMPARE(forwarded.count(), 1);
        QCOMPARE(forwarded.first().at(0).toString(), original.messageId);
        QCOMPARE(forwarded.first().at(1).toString(), u"chloe@example.org"_s);
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QVERIFY(conversation->errorText().isEmpty());

        // Chloe's conversation has the copy, saying where it came from.
        conversation->setPeer(u"chloe@example.org"_s);
        QTRY_COMPARE(conversation->rowCount(), 2);
        QQuickItem *from = nullptr;
        QTRY_VERIFY((from = findVisible(window->contentItem(), u"forwardedFrom"_s)));
        QVERIFY(from->property("text").toString().contains(u"Forwarded from ben@example.org"_s));
        m_session.signOut();
    }
};

QTEST_MAIN(tst_ForwardDialog)
#include "tst_ForwardDialog.moc"
