// SPDX-License-Identifier: GPL-3.0-or-later
// The window from the keyboard (offscreen, real encrypted store): Ctrl+K finds
// a conversation or contact by typing and opens it with Enter, Esc closes it
// without a change; Alt+Down / Alt+Up go to the next / previous unread
// conversation; the notifier knows which conversation is on screen.
#include "ConversationModel.h"
#include "MessageNotifier.h"
#include "Session.h"

#include "LocalAccount.h"

#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
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
    for (QQuickItem *child : root->childItems())
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
    for (QQuickItem *child : root->childItems())
        if (QQuickItem *found = findVisible(child, name))
            return found;
    return nullptr;
}

} // namespace

class tst_KeyboardNavigation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;
    QTemporaryDir m_data;
    Ui::Session m_session;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    Ui::ConversationModel *m_conversation = nullptr;

    void type(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, char(c.toLatin1()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QVERIFY(LocalAccount::adopt(m_session, m_data));
        const QDateTime now = QDateTime::currentDateTime();
        // Newest first in the list: dan (unread), chloe (read), ben (unread).
        auto chloe = LocalAccount::message(u"chloe@example.org"_s, u"seen"_s, now.addSecs(-200),
                                           Store::Direction::Outgoing);
        QVERIFY(LocalAccount::arrive(
            m_session,
            {LocalAccount::message(u"ben@example.org"_s, u"Bed 12"_s, now.addSecs(-300)), chloe,
             LocalAccount::message(u"dan@example.org"_s, u"Bed 14"_s, now.addSecs(-100))}));

        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->setInitialProperties({{u"session"_s, QVariant::fromValue(&m_session)}});
        m_engine->load(QUrl(u"qrc:/Rounds/Ui/Main.qml"_s));
        QCOMPARE(m_engine->rootObjects().size(), 1);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        QVERIFY(m_window);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_conversation = m_window->findChild<Ui::ConversationModel *>(u"conversationModel"_s);
        QVERIFY(m_conversation);
        QTRY_VERIFY(findItem(m_window->contentItem(), u"mainView"_s));
        QTRY_COMPARE(m_window->findChild<QObject *>(u"conversationListModel"_s)
                         ->property("totalUnread")
                         .toInt(),
                     2);
    }

    void quickSwitcherOpensByName()
    {
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QQuickItem *field = nullptr;
        QTRY_VERIFY((field = findItem(m_window->contentItem(), u"quickSwitcherField"_s)) &&
                    field->hasActiveFocus());
        type(u"cxq"_s);
        QTRY_COMPARE(field->property("text").toString(), u"cxq"_s);
        // Nothing matches: nothing to open, Enter does nothing.
        QTest::keyClick(m_window, Qt::Key_Return);
        QVERIFY(m_conversation->peer().isEmpty());
        QTest::keyClick(m_window, Qt::Key_Backspace);
        QTest::keyClick(m_window, Qt::Key_Backspace);
        type(u"hlo"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(m_conversation->peer(), u"chloe@example.org"_s);
        QQuickItem *composer = findItem(m_window->contentItem(), u"composer"_s);
        QVERIFY(composer);
        QTRY_VERIFY(composer->hasActiveFocus());

        // Esc closes it and leaves the open conversation as it was.
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(field->hasActiveFocus());
        type(u"ben"_s);
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!field->isVisible());
        QCOMPARE(m_conversation->peer(), u"chloe@example.org"_s);
    }

    void altDownAndUpGoToUnread()
    {
        auto *notifier = m_window->findChild<Ui::MessageNotifier *>(u"messageNotifier"_s);
        QVERIFY(notifier);
        QCOMPARE(notifier->openConversation(), u"chloe@example.org"_s);

        // From chloe (row 1): down is ben, up is dan.
        QTest::keyClick(m_window, Qt::Key_Down, Qt::AltModifier);
        QTRY_COMPARE(m_conversation->peer(), u"ben@example.org"_s);
        QCOMPARE(notifier->openConversation(), u"ben@example.org"_s);
        // Ben is read once shown: the only unread one left is dan.
        QTRY_COMPARE(m_window->findChild<QObject *>(u"conversationListModel"_s)
                         ->property("totalUnread")
                         .toInt(),
                     1);
        QTest::keyClick(m_window, Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(m_conversation->peer(), u"dan@example.org"_s);
        QTRY_COMPARE(m_window->findChild<QObject *>(u"conversationListModel"_s)
                         ->property("totalUnread")
                         .toInt(),
                     0);
        // Nothing unread: stays.
        QTest::keyClick(m_window, Qt::Key_Down, Qt::AltModifier);
        QTest::qWait(100);
        QCOMPARE(m_conversation->peer(), u"dan@example.org"_s);
    }

    // Not keyboard, but the same window: a file in the conversation shows its
    // name and size (the upload waits: this account is never connected).
    void fileShowsInTheConversation()
    {
        const QString path = m_data.filePath(u"discharge-letter.pdf"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(2048, 'd'));
        }
        QVERIFY(m_conversation->sendFile(QUrl::fromLocalFile(path)));
        QQuickItem *name = nullptr;
        QTRY_VERIFY((name = findVisible(m_window->contentItem(), u"attachmentName"_s)));
        QCOMPARE(name->property("text").toString(), u"discharge-letter.pdf"_s);
        QQuickItem *block = findVisible(m_window->contentItem(), u"attachmentBlock"_s);
        QVERIFY(block);
        QVERIFY(block->property("sizeText").toString().contains(u"2"_s));
        // Not an image: no preview.
        QVERIFY(!findVisible(block, u"attachmentPreview"_s));
        QVERIFY(findItem(m_window->contentItem(), u"attachButton"_s));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_session.signOut();
    }
};

QTEST_MAIN(tst_KeyboardNavigation)
#include "tst_KeyboardNavigation.moc"
