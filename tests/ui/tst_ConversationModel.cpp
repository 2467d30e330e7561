// SPDX-License-Identifier: GPL-3.0-or-later
// ConversationModel on a real encrypted store: paging, live messages, day
// headings, undecryptable placeholders, sends through the outbox that fail
// with their reason and can be retried, opening at a search hit.
#include "ConversationModel.h"
#include "Session.h"

#include "LocalAccount.h"

#include "clinical/ClinicalService.h"
#include "store/MessageStore.h"
#include "sync/Outbox.h"

#include "core/ErrorText.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::ConversationModel;

class tst_ConversationModel : public QObject
{
    Q_OBJECT

    static QVariant at(const ConversationModel &model, int row, int role)
    {
        return model.data(model.index(row), role);
    }

    static QList<Store::StoredMessage> history(const QString &peer, int count, QDateTime start)
    {
        QList<Store::StoredMessage> out;
        for (int i = 0; i < count; ++i)
            out.append(LocalAccount::message(peer, u"message %1"_s.arg(i), start.addSecs(i * 60),
                                             i % 3 == 0 ? Store::Direction::Outgoing
                                                        : Store::Direction::Incoming));
        return out;
    }

private Q_SLOTS:
    void sendsAFileWithItsNameAndSize()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        QVERIFY(!model.sendFile(QUrl::fromLocalFile(dir.filePath(u"x"_s)))); // nothing open
        model.setPeer(u"ben@example.org"_s);
        QVERIFY(!model.isRoom());
        QTRY_VERIFY(!model.isLoading());

        const QString path = dir.filePath(u"ward-round.pdf"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(3000, 'r'));
        }
        QVERIFY(model.sendFile(QUrl::fromLocalFile(path)));
        // Committed with its file at once; the upload waits for a connection.
        QTRY_COMPARE(model.rowCount(), 1);
        QTRY_VERIFY(at(model, 0, ConversationModel::AttachmentRole).toBool());
        QCOMPARE(at(model, 0, ConversationModel::AttachmentNameRole).toString(),
                 u"ward-round.pdf"_s);
        QCOMPARE(at(model, 0, ConversationModel::AttachmentSizeRole).toLongLong(), 3000);
        QCOMPARE(at(model, 0, ConversationModel::OutgoingRole).toBool(), true);
        QCOMPARE(at(model, 0, ConversationModel::SenderNameRole).toString(), u"You"_s);
        QVERIFY(at(model, 0, ConversationModel::BodyRole).toString().isEmpty());
        QVERIFY(!at(model, 0, ConversationModel::AttachmentStateRole).toString().isEmpty());
        QCOMPARE(at(model, 0, ConversationModel::TransferTotalRole).toLongLong(), 0);

        // Reopened from the store: the file is still there.
        model.setPeer(QString());
        model.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(model.rowCount(), 1);
        QTRY_COMPARE(at(model, 0, ConversationModel::AttachmentNameRole).toString(),
                     u"ward-round.pdf"_s);

        // A file that cannot be read says so.
        QVERIFY(model.sendFile(QUrl::fromLocalFile(dir.filePath(u"missing.pdf"_s))));
        QTRY_VERIFY(!model.errorText().isEmpty());
        QCOMPARE(model.rowCount(), 1);
    }

    void incomingLinkIsNotShownAsText()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        model.setPeer(u"ben@example.org"_s);
        QVERIFY(LocalAccount::arrive(
            session, {LocalAccount::message(u"ben@example.org"_s,
                                            u"aesgcm://upload.example.org/f/scan.png#"_s +
                                                QString(u'a').repeated(88),
                                            QDateTime::currentDateTime())}));
        QTRY_COMPARE(model.rowCount(), 1);
        QVERIFY(at(model, 0, ConversationModel::BodyRole).toString().isEmpty());
        QCOMPARE(at(model, 0, ConversationModel::SenderNameRole).toString(), u"ben@example.org"_s);
    }

    void pagesHistoryAsTheViewScrollsUp()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        QVERIFY(LocalAccount::arrive(
            session,
            history(u"ben@example.org"_s, 120, QDateTime::currentDateTime().addSecs(-120 * 60))));
        QVERIFY(LocalAccount::arrive(
            session, history(u"chloe@example.org"_s, 3, QDateTime::currentDateTime())));

        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        model.setPeer(u"ben@example.org/desk"_s);
        QCOMPARE(model.peer(), u"ben@example.org"_s);
        QCOMPARE(model.peerName(), u"ben@example.org"_s);
        QTRY_COMPARE(model.rowCount(), ConversationModel::PageSize);
        QVERIFY(!model.isLoading());
        // Oldest first; the newest page only.
        QCOMPARE(at(model, 49, ConversationModel::BodyRole).toString(), u"message 119"_s);
        QCOMPARE(at(model, 0, ConversationModel::BodyRole).toString(), u"message 70"_s);
        QVERIFY(model.canFetchMore({}));

        model.fetchMore({});
        QVERIFY(model.isLoading());
        QVERIFY(!model.canFetchMore({})); // one page at a time
        QTRY_COMPARE(model.rowCount(), 100);
        QCOMPARE(at(model, 0, ConversationModel::BodyRole).toString(), u"message 20"_s);
        model.loadOlder();
        QTRY_COMPARE(model.rowCount(), 120);
        QTRY_VERIFY(model.isAtStart());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(at(model, 0, ConversationModel::BodyRole).toString(), u"message 0"_s);

        // Roles of one outgoing and one incoming message.
        QCOMPARE(at(model, 0, ConversationModel::OutgoingRole).toBool(), true);
        QCOMPARE(at(model, 0, ConversationModel::DeliveryRole).toString(), u"sent"_s);
        QCOMPARE(at(model, 1, ConversationModel::OutgoingRole).toBool(), false);
        QCOMPARE(at(model, 1, ConversationModel::DeliveryRole).toString(), u"received"_s);
        QCOMPARE(at(model, 1, ConversationModel::ProtectionRole).toString(), u"plain"_s);
        QVERIFY(at(model, 1, ConversationModel::ProblemRole).toString().isEmpty());
        // Rows stay in time order.
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(at(model, row, ConversationModel::RowIdRole).toLongLong() >
                    at(model, row - 1, ConversationModel::RowIdRole).toLongLong());
    }

    void daySeparatorsMarkTheFirstMessageOfEachDay()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        const QDateTime today(QDate::currentDate(), QTime(0, 30));
        QVERIFY(LocalAccount::arrive(
            session,
            {LocalAccount::message(u"ben@example.org"_s, u"a"_s, today.addDays(-3)),
             LocalAccount::message(u"ben@example.org"_s, u"b"_s, today.addDays(-3).addSecs(60)),
             LocalAccount::message(u"ben@example.org"_s, u"c"_s, today.addDays(-1)),
             LocalAccount::message(u"ben@example.org"_s, u"d"_s, today)}));
        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        model.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(model.rowCount(), 4);
        QVERIFY(!at(model, 0, ConversationModel::DaySeparatorRole).toString().isEmpty());
        QVERIFY(at(model, 1, ConversationModel::DaySeparatorRole).toString().isEmpty());
        QCOMPARE(at(model, 2, ConversationModel::DaySeparatorRole).toString(), u"Yesterday"_s);
        QCOMPARE(at(model, 3, ConversationModel::DaySeparatorRole).toString(), u"Today"_s);
    }

    void newMessagesOfTheOpenConversationAppear()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        model.setPeer(u"ben@example.org"_s);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        const QDateTime now = QDateTime::currentDateTime();
        Store::StoredMessage lost = LocalAccount::message(u"ben@example.org"_s, {}, now);
        lost.protection = Store::Protection::Undecryptable;
        lost.e2eError = u"omemo-not-for-this-device"_s;
        QVERIFY(LocalAccount::arrive(
            session, {LocalAccount::message(u"ben@example.org"_s, u"Bed 12"_s, now),
                      LocalAccount::message(u"chloe@example.org"_s, u"elsewhere"_s, now), lost}));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(at(model, 0, ConversationModel::BodyRole).toString(), u"Bed 12"_s);
        QCOMPARE(at(model, 1, ConversationModel::UndecryptableRole).toBool(), true);
        QCOMPARE(at(model, 1, ConversationModel::ProtectionRole).toString(), u"undecryptable"_s);
        QVERIFY(at(model, 1, ConversationModel::ProblemRole)
                    .toString()
                    .contains(u"not encrypted for this computer"_s));

        // Another conversation starts from its own history.
        QSignalSpy peerChanged(&model, &ConversationModel::peerChanged);
        model.setPeer(u"chloe@example.org"_s);
        QCOMPARE(peerChanged.count(), 1);
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(at(model, 0, ConversationModel::BodyRole).toString(), u"elsewhere"_s);
        model.setPeer(QString());
        QCOMPARE(model.rowCount(), 0);
    }

    void failedSendSaysWhyAndCanBeRetried()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        QVERIFY(!model.send(u"hello"_s)); // no conversation open
        model.setPeer(u"ben@example.org"_s);
        QTRY_VERIFY(!model.isLoading());
        QVERIFY(!model.send(u"  \n "_s));

        QVERIFY(model.send(u"Thanks,\non my way"_s));
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(at(model, 0, ConversationModel::OutgoingRole).toBool(), true);
        QCOMPARE(at(model, 0, ConversationModel::BodyRole).toString(), u"Thanks,\non my way"_s);
        QCOMPARE(at(model, 0, ConversationModel::DeliveryRole).toString(), u"pending"_s);

        // What the outbox does when end-to-end encryption refuses a message (the
        // real refusal needs a server: tst_DesktopLive): failed, with the reason.
        const QString id = at(model, 0, ConversationModel::MessageIdRole).toString();
        Account::Account *account = session.account();
        auto failed = account->messageStore()->updateState(id, Store::MessageState::Failed);
        QVERIFY(TestSupport::waitFor(failed));
        const Core::Error refusal{Core::Error::Code::Policy, u"omemo-no-devices"_s};
        Q_EMIT account->outbox()->sendFailed(id, refusal);
        QCOMPARE(at(model, 0, ConversationModel::DeliveryRole).toString(), u"failed"_s);
        QCOMPARE(at(model, 0, ConversationModel::ProblemRole).toString(),
                 Core::describeError(refusal));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.retry(id);
        QTRY_COMPARE(at(model, 0, ConversationModel::DeliveryRole).toString(), u"pending"_s);
        QVERIFY(at(model, 0, ConversationModel::ProblemRole).toString().isEmpty());
        QCOMPARE(model.rowCount(), 1); // the same message, not a copy
        failed = account->messageStore()->updateState(id, Store::MessageState::Failed);
        QVERIFY(TestSupport::waitFor(failed));

        // Kept in the store: a fresh model shows it, still failed.
        ConversationModel again;
        again.setSession(&session);
        again.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(again.rowCount(), 1);
        QCOMPARE(at(again, 0, ConversationModel::DeliveryRole).toString(), u"failed"_s);
        QVERIFY(!at(again, 0, ConversationModel::ProblemRole).toString().isEmpty());
    }

    void offlineSendWaitsAndCanBeCancelled()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir)); // never connected
        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        model.setPeer(u"ben@example.org"_s);
        QTRY_VERIFY(!model.isLoading());

        QVERIFY(model.send(u"Bed 12 needs review"_s, 2));
        QTRY_COMPARE(model.rowCount(), 1);
        const QString id = at(model, 0, ConversationModel::MessageIdRole).toString();
        // Offline: shown waiting at once, not after a timeout; nothing is on its way.
        QCOMPARE(at(model, 0, ConversationModel::DeliveryRole).toString(), u"pending"_s);
        QVERIFY(at(model, 0, ConversationModel::WaitingRole).toBool());
        QCOMPARE(at(model, 0, ConversationModel::PriorityRole).toString(), u"stat"_s);
        QVERIFY(!at(model, 0, ConversationModel::CanRecallRole).toBool());
        QVERIFY(session.account()->outbox()->isWaiting(id));
        QCOMPARE(session.account()->outbox()->inFlight(), 0);

        model.cancel(id);
        QTRY_COMPARE(at(model, 0, ConversationModel::DeliveryRole).toString(), u"failed"_s);
        QVERIFY(!at(model, 0, ConversationModel::WaitingRole).toBool());
        QVERIFY(at(model, 0, ConversationModel::ProblemRole).toString().contains(u"Cancelled"_s));
        QVERIFY(!session.account()->outbox()->isWaiting(id));

        // Retry puts it back in the queue: waiting again, the same message.
        model.retry(id);
        QTRY_COMPARE(at(model, 0, ConversationModel::DeliveryRole).toString(), u"pending"_s);
        QTRY_VERIFY(session.account()->outbox()->isWaiting(id));
        QVERIFY(at(model, 0, ConversationModel::WaitingRole).toBool());
        QCOMPARE(model.rowCount(), 1);
    }

    void urgentMessagesAreAcknowledgedAndRecalled()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        Clinical::ClinicalService *clinical = session.clinical();
        QVERIFY(clinical);
        const QDateTime now = QDateTime::currentDateTime();
        Store::StoredMessage stat =
            LocalAccount::message(u"ben@example.org"_s, u"Bed 12 crashing"_s, now.addSecs(-60));
        stat.priority = 2;
        Store::StoredMessage mine =
            LocalAccount::message(u"ben@example.org"_s, u"Bed 14 potassium 6.8"_s, now.addSecs(-30),
                                  Store::Direction::Outgoing);
        mine.priority = 1;
        QVERIFY(LocalAccount::arrive(session, {stat, mine}));

        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        model.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(at(model, 0, ConversationModel::PriorityRole).toString(), u"stat"_s);
        QCOMPARE(at(model, 1, ConversationModel::PriorityRole).toString(), u"urgent"_s);
        QVERIFY(at(model, 0, ConversationModel::NeedsAckRole).toBool());
        QVERIFY(!at(model, 1, ConversationModel::NeedsAckRole).toBool()); // ours
        QVERIFY(!at(model, 0, ConversationModel::CanRecallRole).toBool());
        QVERIFY(at(model, 1, ConversationModel::CanRecallRole).toBool());
        QCOMPARE(model.unacknowledged(), 1);
        QCOMPARE(model.newestUnacknowledged(), stat.messageId);

        // We acknowledge: the button goes, the message says so.
        QSignalSpy unacked(&model, &ConversationModel::unacknowledgedChanged);
        model.acknowledge(model.newestUnacknowledged());
        QTRY_VERIFY(!at(model, 0, ConversationModel::NeedsAckRole).toBool());
        QVERIFY(at(model, 0, ConversationModel::AcknowledgedRole)
                    .toString()
                    .startsWith(u"You acknowledged at"_s));
        QCOMPARE(model.unacknowledged(), 0);
        QVERIFY(model.newestUnacknowledged().isEmpty());
        QVERIFY(!unacked.isEmpty());

        // Ours: who acknowledged and when, and where it escalated to.
        Q_EMIT clinical->escalated(mine.messageId, 1, u"chloe@example.org"_s);
        QVERIFY(at(model, 1, ConversationModel::EscalationRole)
                    .toString()
                    .startsWith(u"Escalated to chloe@example.org after"_s));
        Q_EMIT clinical->acknowledged(mine.messageId, u"chloe@example.org"_s,
                                      QDateTime::currentDateTimeUtc());
        QVERIFY(at(model, 1, ConversationModel::AcknowledgedRole)
                    .toString()
                    .startsWith(u"Acknowledged by chloe@example.org at"_s));

        // The copy that escalation sent to Chloe, as the service stores it.
        Store::StoredMessage copy = LocalAccount::message(
            u"chloe@example.org"_s, mine.body, now.addSecs(-20), Store::Direction::Outgoing);
        copy.priority = 1;
        copy.escalationOf = mine.originId.isEmpty() ? mine.messageId : mine.originId;
        copy.escalationStep = 1;
        QVERIFY(LocalAccount::arrive(session, {copy}));

        // Reopened: our acknowledgement, and where ours escalated to, come from the store.
        model.setPeer(QString());
        model.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(model.rowCount(), 2);
        QTRY_VERIFY(!at(model, 0, ConversationModel::AcknowledgedRole).toString().isEmpty());
        QVERIFY(!at(model, 0, ConversationModel::NeedsAckRole).toBool());
        QTRY_VERIFY(at(model, 1, ConversationModel::EscalationRole)
                        .toString()
                        .startsWith(u"Escalated to chloe@example.org after"_s));
        QCOMPARE(at(model, 1, ConversationModel::EscalationRole).toString().count(u'\n'), 0);

        // Recall: the text goes, the row stays, marked.
        model.recall(mine.messageId);
        QTRY_VERIFY(at(model, 1, ConversationModel::RecalledRole).toBool());
        QVERIFY(at(model, 1, ConversationModel::BodyRole).toString().isEmpty());
        QVERIFY(!at(model, 1, ConversationModel::CanRecallRole).toBool());
        QCOMPARE(model.rowCount(), 2);
        // Someone else's cannot be recalled: the model says why.
        model.recall(stat.messageId);
        QTRY_VERIFY(!model.errorText().isEmpty());
    }

    void forwardsWithinTheDomain()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        const Store::StoredMessage original = LocalAccount::message(
            u"ben@example.org"_s, u"Bed 12 potassium 6.8"_s, QDateTime::currentDateTime());
        QVERIFY(LocalAccount::arrive(session, {original}));

        ConversationModel source;
        QAbstractItemModelTester tester(&source,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        source.setSession(&session);
        source.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(source.rowCount(), 1);
        QVERIFY(at(source, 0, ConversationModel::CanForwardRole).toBool());
        QVERIFY(at(source, 0, ConversationModel::ForwardedFromRole).toString().isEmpty());

        // The target conversation is open elsewhere: the copy appears there,
        // saying where it came from, as soon as its reference is stored.
        ConversationModel target;
        QAbstractItemModelTester targetTester(
            &target, QAbstractItemModelTester::FailureReportingMode::QtTest);
        target.setSession(&session);
        target.setPeer(u"chloe@example.org"_s);
        QTRY_VERIFY(!target.isLoading());
        QCOMPARE(target.rowCount(), 0);

        QSignalSpy forwarded(&source, &ConversationModel::forwarded);
        source.forward(original.messageId, u"chloe@example.org"_s);
        QTRY_COMPARE(forwarded.count(), 1);
        QCOMPARE(forwarded.first().at(1).toString(), u"chloe@example.org"_s);
        QVERIFY(source.errorText().isEmpty());
        QCOMPARE(source.rowCount(), 1); // nothing new in the source conversation
        QTRY_COMPARE(target.rowCount(), 1);
        QCOMPARE(at(target, 0, ConversationModel::BodyRole).toString(), original.body);
        QVERIFY(at(target, 0, ConversationModel::OutgoingRole).toBool());
        QCOMPARE(at(target, 0, ConversationModel::PriorityRole).toString(), u"routine"_s);
        QTRY_COMPARE(at(target, 0, ConversationModel::ForwardedFromRole).toString(),
                     u"Forwarded from ben@example.org"_s);

        // Reopened: the line is read back from the store.
        target.setPeer(QString());
        target.setPeer(u"chloe@example.org"_s);
        QTRY_COMPARE(target.rowCount(), 1);
        QTRY_COMPARE(at(target, 0, ConversationModel::ForwardedFromRole).toString(),
                     u"Forwarded from ben@example.org"_s);
        // The original is no copy.
        source.setPeer(QString());
        source.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(source.rowCount(), 1);
        QTest::qWait(50);
        QVERIFY(at(source, 0, ConversationModel::ForwardedFromRole).toString().isEmpty());
    }

    void forwardOutsideTheDomainsIsRefused()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        Clinical::ClinicalService *clinical = session.clinical();
        QVERIFY(clinical);
        const Store::StoredMessage original = LocalAccount::message(
            u"ben@example.org"_s, u"Bed 12 potassium 6.8"_s, QDateTime::currentDateTime());
        QVERIFY(LocalAccount::arrive(session, {original}));
        ConversationModel model;
        model.setSession(&session);
        model.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(model.rowCount(), 1);

        QSignalSpy forwarded(&model, &ConversationModel::forwarded);
        model.forward(original.messageId, u"gp@elsewhere.org"_s);
        QTRY_VERIFY(!model.errorText().isEmpty());
        QVERIFY(model.errorText().contains(u"elsewhere.org"_s));
        QVERIFY(model.errorText().contains(u"outside the domains your organisation allows"_s));
        QCOMPARE(forwarded.count(), 0);
        auto stored = session.account()->messageStore()->messages(u"gp@elsewhere.org"_s, 0, 10);
        QVERIFY(TestSupport::waitFor(stored));
        QVERIFY(stored.result());
        QVERIFY(stored.result()->isEmpty());

        // A domain the organisation allows: sent, and the error line clears.
        Clinical::ClinicalPolicy policy = clinical->policy();
        policy.forwardingDomains = {u"partner.org"_s};
        clinical->setPolicy(policy);
        model.forward(original.messageId, u"gp@partner.org"_s);
        QTRY_COMPARE(forwarded.count(), 1);
        QVERIFY(model.errorText().isEmpty());
    }

    void recalledMessageCannotBeForwarded()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        const Store::StoredMessage mine =
            LocalAccount::message(u"ben@example.org"_s, u"Wrong patient"_s,
                                  QDateTime::currentDateTime(), Store::Direction::Outgoing);
        QVERIFY(LocalAccount::arrive(session, {mine}));
        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        model.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(model.rowCount(), 1);
        QVERIFY(at(model, 0, ConversationModel::CanForwardRole).toBool());
        model.recall(mine.messageId);
        QTRY_VERIFY(at(model, 0, ConversationModel::RecalledRole).toBool());
        QVERIFY(!at(model, 0, ConversationModel::CanForwardRole).toBool());

        QSignalSpy forwarded(&model, &ConversationModel::forwarded);
        model.forward(mine.messageId, u"chloe@example.org"_s);
        QTRY_VERIFY(!model.errorText().isEmpty());
        QVERIFY(model.errorText().contains(u"recalled"_s));
        QCOMPARE(forwarded.count(), 0);
        auto stored = session.account()->messageStore()->messages(u"chloe@example.org"_s, 0, 10);
        QVERIFY(TestSupport::waitFor(stored));
        QVERIFY(stored.result());
        QVERIFY(stored.result()->isEmpty());
    }

    void incomingForwardedCopyNamesItsSource()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        Clinical::ClinicalService *clinical = session.clinical();
        QVERIFY(clinical);
        const QDateTime now = QDateTime::currentDateTime();
        const Store::StoredMessage plain =
            LocalAccount::message(u"dan@example.org"_s, u"Morning"_s, now.addSecs(-60));
        const Store::StoredMessage copy =
            LocalAccount::message(u"dan@example.org"_s, u"Bed 4 febrile"_s, now.addSecs(-30));
        QVERIFY(LocalAccount::arrive(session, {plain, copy}));
        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        model.setPeer(u"dan@example.org"_s);
        QTRY_COMPARE(model.rowCount(), 2);

        // The service stores the reference after the row and says so.
        const Store::ForwardSource source{u"ward3@rooms.example.org"_s, u"r1"_s};
        auto recorded = clinical->store().recordForward(
            at(model, 1, ConversationModel::RowIdRole).toLongLong(), source);
        QVERIFY(TestSupport::waitFor(recorded));
        QVERIFY(recorded.result());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Q_EMIT clinical->forwardRecorded(copy.messageId, source);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(at(model, 1, ConversationModel::ForwardedFromRole).toString(),
                 u"Forwarded from ward3@rooms.example.org"_s);
        QVERIFY(at(model, 0, ConversationModel::ForwardedFromRole).toString().isEmpty());
        // A copy in another conversation changes nothing here.
        Q_EMIT clinical->forwardRecorded(u"elsewhere"_s, source);
        QCOMPARE(changed.count(), 1);

        model.setPeer(QString());
        model.setPeer(u"dan@example.org"_s);
        QTRY_COMPARE(model.rowCount(), 2);
        QTRY_COMPARE(at(model, 1, ConversationModel::ForwardedFromRole).toString(),
                     u"Forwarded from ward3@rooms.example.org"_s);
        QVERIFY(at(model, 0, ConversationModel::ForwardedFromRole).toString().isEmpty());
    }

    void opensAtASearchHit()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        QVERIFY(LocalAccount::arrive(
            session,
            history(u"ben@example.org"_s, 400, QDateTime::currentDateTime().addSecs(-400 * 60))));
        ConversationModel probe;
        probe.setSession(&session);
        probe.setPeer(u"ben@example.org"_s);
        QTRY_COMPARE(probe.rowCount(), ConversationModel::PageSize);
        // The row id of "message 250", read from a full load.
        while (!probe.isAtStart()) {
            probe.loadOlder();
            QTRY_VERIFY(!probe.isLoading());
        }
        QCOMPARE(probe.rowCount(), 400);
        const qint64 target = at(probe, 250, ConversationModel::RowIdRole).toLongLong();

        ConversationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        QSignalSpy shown(&model, &ConversationModel::messageShown);
        model.openAt(u"ben@example.org"_s, target);
        QTRY_COMPARE(shown.count(), 1);
        const int row = shown.first().first().toInt();
        QCOMPARE(at(model, row, ConversationModel::RowIdRole).toLongLong(), target);
        QCOMPARE(at(model, row, ConversationModel::BodyRole).toString(), u"message 250"_s);
        QVERIFY(row >= 10);              // some messages before it
        QVERIFY(model.rowCount() < 400); // not the whole history
    }
};

QTEST_GUILESS_MAIN(tst_ConversationModel)
#include "tst_ConversationModel.moc"
