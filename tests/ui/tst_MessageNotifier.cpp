// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications: who wrote by default, never what; only "New message"
// with detail "none" or while locked; the text only with "preview"; nothing
// for the conversation on screen in the focused window, our own messages, or
// messages read elsewhere; a burst becomes one notification.
#include "MessageNotifier.h"
#include "Session.h"

#include "LocalAccount.h"

#include "clinical/ClinicalService.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::MessageNotifier;

class tst_MessageNotifier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Ui::Session m_session;
    const QString m_ben = u"ben@example.org"_s;
    const QString m_secret = u"Bed 12 potassium 6.1"_s;

    Store::StoredMessage incoming(const QString &from, const QString &body)
    {
        return LocalAccount::message(from, body, QDateTime::currentDateTime());
    }

    /// What one arrival makes the notifier say: {title, body, conversation}, or
    /// nothing.
    QStringList notificationFor(MessageNotifier &notifier,
                                const QList<Store::StoredMessage> &messages)
    {
        QSignalSpy spy(&notifier, &MessageNotifier::notificationRequested);
        if (!LocalAccount::arrive(m_session, messages))
            return {u"store failed"_s};
        notifier.flush();
        if (spy.isEmpty())
            return {};
        if (spy.count() > 1)
            return {u"more than one"_s};
        const QList<QVariant> args = spy.takeFirst();
        return {args.at(0).toString(), args.at(1).toString(), args.at(2).toString()};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(LocalAccount::adopt(m_session, m_dir, /*keepLock=*/true)); }

    void namesTheSenderNotTheText()
    {
        MessageNotifier notifier;
        notifier.setSession(&m_session);
        QCOMPARE(notifier.notificationDetail(), u"sender"_s);
        const QStringList shown = notificationFor(notifier, {incoming(m_ben, m_secret)});
        QCOMPARE(shown, (QStringList{u"New message from ben@example.org"_s, QString(), m_ben}));
    }

    void urgentMessagesAreNotifiedUntilAcknowledged()
    {
        MessageNotifier notifier;
        notifier.setSession(&m_session);
        notifier.setOpenConversation(m_ben);
        notifier.setWindowActive(true); // even on screen: it waits for an acknowledgement
        QSignalSpy routine(&notifier, &MessageNotifier::notificationRequested);
        QSignalSpy urgent(&notifier, &MessageNotifier::urgentNotificationRequested);
        Store::StoredMessage stat = incoming(m_ben, m_secret);
        stat.priority = 2;
        QVERIFY(LocalAccount::arrive(m_session, {stat}));
        notifier.flush();
        QTRY_COMPARE(urgent.count(), 1);
        QCOMPARE(routine.count(), 0); // one notification, not two
        QList<QVariant> args = urgent.takeFirst();
        QCOMPARE(args.at(0).toString(),
                 u"STAT message from ben@example.org: acknowledgement needed"_s);
        QCOMPARE(args.at(1).toString(), m_ben);
        QCOMPARE(args.at(2).toString(), u"stat"_s);
        QVERIFY(!args.at(0).toString().contains(m_secret));

        // The reminder repeats it; "none" keeps the sender out, "preview" never adds text.
        notifier.setNotificationDetail(u"none"_s);
        Q_EMIT m_session.clinical()->attentionNeeded(stat.messageId);
        QTRY_COMPARE(urgent.count(), 1);
        args = urgent.takeFirst();
        QCOMPARE(args.at(0).toString(), u"STAT message: acknowledgement needed"_s);
        QVERIFY(args.at(1).toString().isEmpty());
        notifier.setNotificationDetail(u"preview"_s);
        Q_EMIT m_session.clinical()->attentionNeeded(stat.messageId);
        QTRY_COMPARE(urgent.count(), 1);
        QVERIFY(!urgent.takeFirst().at(0).toString().contains(m_secret));
    }

    void detailNoneSaysOnlyNewMessage()
    {
        MessageNotifier notifier;
        notifier.setSession(&m_session);
        notifier.setNotificationDetail(u"none"_s);
        QCOMPARE(notificationFor(notifier, {incoming(m_ben, m_secret)}),
                 (QStringList{u"New message"_s, QString(), QString()}));
        // Anything unknown is as private as "none".
        notifier.setNotificationDetail(u"everything"_s);
        QCOMPARE(notifier.notificationDetail(), u"none"_s);
    }

    void previewShowsTheText()
    {
        MessageNotifier notifier;
        notifier.setSession(&m_session);
        notifier.setNotificationDetail(u"preview"_s);
        QCOMPARE(notificationFor(notifier, {incoming(m_ben, m_secret)}),
                 (QStringList{u"New message from ben@example.org"_s, m_secret, m_ben}));
    }

    void quietForTheConversationOnScreen()
    {
        MessageNotifier notifier;
        notifier.setSession(&m_session);
        notifier.setOpenConversation(m_ben + u"/desk"_s);
        notifier.setWindowActive(true);
        QCOMPARE(notificationFor(notifier, {incoming(m_ben, m_secret)}), QStringList());
        // Another conversation still notifies, the window elsewhere too.
        QCOMPARE(notificationFor(notifier, {incoming(u"chloe@example.org"_s, m_secret)}).value(0),
                 u"New message from chloe@example.org"_s);
        notifier.setWindowActive(false);
        QCOMPARE(notificationFor(notifier, {incoming(m_ben, m_secret)}).value(0),
                 u"New message from ben@example.org"_s);
    }

    void quietForOwnAndReadMessages()
    {
        MessageNotifier notifier;
        notifier.setSession(&m_session);
        auto own = LocalAccount::message(m_ben, m_secret, QDateTime::currentDateTime(),
                                         Store::Direction::Outgoing);
        QCOMPARE(notificationFor(notifier, {own}), QStringList());
        auto read = incoming(m_ben, m_secret);
        read.state = Store::MessageState::Read;
        QCOMPARE(notificationFor(notifier, {read}), QStringList());
        notifier.setEnabled(false);
        QCOMPARE(notificationFor(notifier, {incoming(m_ben, m_secret)}), QStringList());
    }

    void aBurstIsOneNotification()
    {
        MessageNotifier notifier;
        notifier.setSession(&m_session);
        QCOMPARE(notificationFor(notifier, {incoming(m_ben, u"one"_s), incoming(m_ben, u"two"_s)}),
                 (QStringList{u"2 new messages from ben@example.org"_s, QString(), m_ben}));
        // Several people: no names at all.
        QCOMPARE(notificationFor(notifier, {incoming(m_ben, u"one"_s),
                                            incoming(u"chloe@example.org"_s, u"two"_s)}),
                 (QStringList{u"2 new messages"_s, QString(), QString()}));
        // Arrivals close together are coalesced by the timer.
        QSignalSpy spy(&notifier, &MessageNotifier::notificationRequested);
        QVERIFY(LocalAccount::arrive(m_session, {incoming(m_ben, u"three"_s)}));
        QVERIFY(LocalAccount::arrive(m_session, {incoming(m_ben, u"four"_s)}));
        QVERIFY(spy.wait(MessageNotifier::CoalesceMs * 5));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).toString(), u"2 new messages from ben@example.org"_s);
    }

    void lockedSaysOnlyNewMessage()
    {
        MessageNotifier notifier;
        notifier.setSession(&m_session);
        notifier.setNotificationDetail(u"preview"_s);
        m_session.lockNow();
        QVERIFY(m_session.isLocked());
        const QStringList shown = notificationFor(notifier, {incoming(m_ben, m_secret)});
        QCOMPARE(shown, (QStringList{u"New message"_s, QString(), QString()}));
    }
};

QTEST_GUILESS_MAIN(tst_MessageNotifier)
#include "tst_MessageNotifier.moc"
