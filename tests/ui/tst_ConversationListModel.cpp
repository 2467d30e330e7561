// SPDX-License-Identifier: GPL-3.0-or-later
// ConversationListModel on a real encrypted store: order, unread counts, the
// preview only where allowed, live updates, reading a conversation.
#include "ConversationListModel.h"
#include "ConversationModel.h"
#include "Session.h"

#include "LocalAccount.h"

#include "clinical/ClinicalService.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::ConversationListModel;

class tst_ConversationListModel : public QObject
{
    Q_OBJECT

    static QVariant at(const ConversationListModel &model, int row, int role)
    {
        return model.data(model.index(row), role);
    }

private Q_SLOTS:
    void urgentConversationsArePinnedUntilAcknowledged()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(LocalAccount::arrive(
            session,
            {LocalAccount::message(u"ben@example.org"_s, u"Routine"_s, now.addSecs(-300)),
             LocalAccount::message(u"chloe@example.org"_s, u"Later"_s, now.addSecs(-100))}));
        ConversationListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.attentionCount(), 0);
        QCOMPARE(at(model, 0, ConversationListModel::ConversationRole).toString(),
                 u"chloe@example.org"_s);
        QVERIFY(!at(model, 0, ConversationListModel::NeedsAckRole).toBool());
        QVERIFY(at(model, 0, ConversationListModel::PriorityRole).toString().isEmpty());

        // An urgent message to an older conversation: pinned on top until acknowledged.
        Store::StoredMessage urgent =
            LocalAccount::message(u"dev@example.org"_s, u"Urgent"_s, now.addSecs(-400));
        urgent.priority = 1;
        Store::StoredMessage stat =
            LocalAccount::message(u"ben@example.org"_s, u"STAT"_s, now.addSecs(-250));
        stat.priority = 2;
        QVERIFY(LocalAccount::arrive(session, {urgent, stat}));
        QTRY_COMPARE(model.attentionCount(), 2);
        QTRY_COMPARE(at(model, 0, ConversationListModel::ConversationRole).toString(),
                     u"ben@example.org"_s); // STAT before urgent
        QCOMPARE(at(model, 0, ConversationListModel::PriorityRole).toString(), u"stat"_s);
        QVERIFY(at(model, 0, ConversationListModel::NeedsAckRole).toBool());
        QCOMPARE(at(model, 1, ConversationListModel::ConversationRole).toString(),
                 u"dev@example.org"_s);
        QCOMPARE(at(model, 1, ConversationListModel::PriorityRole).toString(), u"urgent"_s);
        QCOMPARE(at(model, 2, ConversationListModel::ConversationRole).toString(),
                 u"chloe@example.org"_s);

        auto acked = session.clinical()->acknowledge(stat.messageId);
        QVERIFY(TestSupport::waitFor(acked));
        QVERIFY(acked.result().has_value());
        QTRY_COMPARE(model.attentionCount(), 1);
        QTRY_COMPARE(at(model, 0, ConversationListModel::ConversationRole).toString(),
                     u"dev@example.org"_s);
        QTRY_VERIFY(
            !at(model, model.indexOf(u"ben@example.org"_s), ConversationListModel::NeedsAckRole)
                 .toBool());
        // Recalled by its sender: nothing left to acknowledge.
        Q_EMIT session.clinical()->recalled(urgent.messageId);
        QTRY_COMPARE(model.attentionCount(), 0);
    }

    void listsConversationsWithUnreadCounts()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(LocalAccount::arrive(
            session,
            {LocalAccount::message(u"ben@example.org"_s, u"Bed 12 needs review"_s,
                                   now.addSecs(-300)),
             LocalAccount::message(u"ben@example.org"_s, u"Also bed 14"_s, now.addSecs(-200)),
             LocalAccount::message(u"chloe@example.org"_s, u"On my way"_s, now.addSecs(-100))}));

        ConversationListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        QTRY_VERIFY(model.isLoaded());
        QCOMPARE(model.rowCount(), 2);
        // Most recent activity first.
        QCOMPARE(at(model, 0, ConversationListModel::ConversationRole).toString(),
                 u"chloe@example.org"_s);
        QCOMPARE(at(model, 0, ConversationListModel::UnreadRole).toInt(), 1);
        QCOMPARE(at(model, 1, ConversationListModel::ConversationRole).toString(),
                 u"ben@example.org"_s);
        QCOMPARE(at(model, 1, ConversationListModel::UnreadRole).toInt(), 2);
        QCOMPARE(at(model, 1, ConversationListModel::NameRole).toString(), u"ben@example.org"_s);
        QCOMPARE(model.totalUnread(), 3);
        QVERIFY(at(model, 0, ConversationListModel::LastActivityRole).toDateTime().isValid());
        QCOMPARE(at(model, 0, ConversationListModel::EncryptedRole).toBool(), false);

        // No message text unless policy allows it.
        QVERIFY(at(model, 0, ConversationListModel::PreviewRole).toString().isEmpty());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setShowPreview(true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(at(model, 0, ConversationListModel::PreviewRole).toString(), u"On my way"_s);
        model.setShowPreview(false);
        QVERIFY(at(model, 1, ConversationListModel::PreviewRole).toString().isEmpty());
    }

    void nextUnreadForAltUpAndDown()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        const QDateTime now = QDateTime::currentDateTime();
        const auto read = [&](const QString &peer, int secs) {
            auto m = LocalAccount::message(peer, u"seen"_s, now.addSecs(secs),
                                           Store::Direction::Outgoing);
            return m;
        };
        // Newest first: dan (unread), chloe (none unread), ben (unread).
        QVERIFY(LocalAccount::arrive(
            session, {LocalAccount::message(u"ben@example.org"_s, u"x"_s, now.addSecs(-300)),
                      read(u"chloe@example.org"_s, -200),
                      LocalAccount::message(u"dan@example.org"_s, u"y"_s, now.addSecs(-100))}));
        ConversationListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(at(model, 0, ConversationListModel::RoomRole).toBool(), false);
        QCOMPARE(model.nextUnread(QString(), true), u"dan@example.org"_s);
        QCOMPARE(model.nextUnread(QString(), false), u"ben@example.org"_s);
        QCOMPARE(model.nextUnread(u"dan@example.org"_s, true), u"ben@example.org"_s);
        QCOMPARE(model.nextUnread(u"ben@example.org"_s, true), u"dan@example.org"_s); // wraps
        QCOMPARE(model.nextUnread(u"chloe@example.org"_s, false), u"dan@example.org"_s);
        QCOMPARE(model.nextUnread(u"chloe@example.org"_s, true), u"ben@example.org"_s);
        // The only unread one is the current one: nowhere else to go.
        QVERIFY(TestSupport::waitFor(
            session.account()->messageStore()->markConversationRead(u"ben@example.org"_s)));
        session.notifyConversationsChanged();
        QTRY_COMPARE(model.totalUnread(), 1);
        QCOMPARE(model.nextUnread(u"dan@example.org"_s, true), QString());
        QCOMPARE(model.nextUnread(u"ben@example.org"_s, false), u"dan@example.org"_s);
    }

    void followsNewMessagesLive()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        ConversationListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        QTRY_VERIFY(model.isLoaded());
        QCOMPARE(model.rowCount(), 0);

        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(LocalAccount::arrive(
            session, {LocalAccount::message(u"ben@example.org"_s, u"one"_s, now.addSecs(-20))}));
        QTRY_COMPARE(model.rowCount(), 1);
        QVERIFY(LocalAccount::arrive(
            session, {LocalAccount::message(u"chloe@example.org"_s, u"two"_s, now.addSecs(-10))}));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(at(model, 0, ConversationListModel::ConversationRole).toString(),
                 u"chloe@example.org"_s);

        // Ben writes again: moves to the top, one more unread.
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QVERIFY(LocalAccount::arrive(
            session, {LocalAccount::message(u"ben@example.org"_s, u"three"_s, now)}));
        QTRY_COMPARE(at(model, 0, ConversationListModel::ConversationRole).toString(),
                     u"ben@example.org"_s);
        QCOMPARE(at(model, 0, ConversationListModel::UnreadRole).toInt(), 2);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(model.totalUnread(), 3);
        QCOMPARE(model.indexOf(u"chloe@example.org/phone"_s), 1);
    }

    void openingAConversationReadsIt()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(LocalAccount::arrive(
            session, {LocalAccount::message(u"ben@example.org"_s, u"one"_s, now.addSecs(-20)),
                      LocalAccount::message(u"ben@example.org"_s, u"two"_s, now.addSecs(-10))}));
        ConversationListModel list;
        QAbstractItemModelTester tester(&list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setSession(&session);
        QTRY_COMPARE(list.totalUnread(), 2);

        Ui::ConversationModel conversation;
        conversation.setSession(&session);
        conversation.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(conversation.rowCount(), 2);
        // Not on screen (locked, say): nothing counts as read.
        QTest::qWait(100);
        QCOMPARE(list.totalUnread(), 2);
        conversation.setActive(true);
        QTRY_COMPARE(list.totalUnread(), 0);
        QCOMPARE(at(list, 0, ConversationListModel::UnreadRole).toInt(), 0);

        // A new message while it is open and on screen is read at once.
        QVERIFY(LocalAccount::arrive(
            session, {LocalAccount::message(u"ben@example.org"_s, u"three"_s, now)}));
        QTRY_COMPARE(conversation.rowCount(), 3);
        QTest::qWait(100);
        QTRY_COMPARE(list.totalUnread(), 0);

        const QByteArray audit = LocalAccount::auditLines(session, dir);
        QVERIFY(audit.contains("open-conversation"));
        QVERIFY(audit.contains("ben@example.org"));
        QVERIFY(!audit.contains("three")); // ids only, never content
    }

    void marksEncryptionOfTheLastMessage()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        const QDateTime now = QDateTime::currentDateTime();
        Store::StoredMessage lost =
            LocalAccount::message(u"ben@example.org"_s, QString(), now.addSecs(-10));
        lost.protection = Store::Protection::Undecryptable;
        lost.e2eError = u"omemo-not-for-this-device"_s;
        Store::StoredMessage sealed =
            LocalAccount::message(u"chloe@example.org"_s, u"sealed"_s, now.addSecs(-20));
        sealed.protection = Store::Protection::Encrypted;
        QVERIFY(LocalAccount::arrive(session, {sealed, lost}));
        ConversationListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        QTRY_COMPARE(model.rowCount(), 2);
        QTRY_VERIFY(at(model, 0, ConversationListModel::UndecryptableRole).toBool());
        QVERIFY(at(model, 0, ConversationListModel::EncryptedRole).toBool());
        QTRY_VERIFY(at(model, 1, ConversationListModel::EncryptedRole).toBool());
        QVERIFY(!at(model, 1, ConversationListModel::UndecryptableRole).toBool());
    }

    void signingOutEmptiesIt()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        QVERIFY(LocalAccount::arrive(
            session,
            {LocalAccount::message(u"ben@example.org"_s, u"one"_s, QDateTime::currentDateTime())}));
        ConversationListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        QTRY_COMPARE(model.rowCount(), 1);
        session.signOut();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalUnread(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ConversationListModel)
#include "tst_ConversationListModel.moc"
