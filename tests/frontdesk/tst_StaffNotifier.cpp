// SPDX-License-Identifier: GPL-3.0-or-later
// <changed/> events to watching staff: only watchers within their window get
// them, a burst of changes becomes one event, and events are at least the
// gap apart.
#include "frontdesk/StaffNotifier.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace FrontDesk;
using Protocol::ChangeKind;

namespace {

struct Sent
{
    QString staff;
    Protocol::Changed changed;
    qint64 atMs = 0;
};

} // namespace

class tst_StaffNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nobodyWatchingNothingSent()
    {
        QList<Sent> sent;
        StaffNotifier notifier([&](const QString &s, const Protocol::Changed &c) {
            sent << Sent{s, c};
        });
        notifier.note(ChangeKind::Reminders, u"b"_s);
        QTest::qWait(300);
        QVERIFY(sent.isEmpty());
    }

    void aBurstIsOneEventToEachWatcher()
    {
        QList<Sent> sent;
        StaffNotifier notifier([&](const QString &s, const Protocol::Changed &c) {
            sent << Sent{s, c};
        });
        notifier.watch(u"desk1@example.org"_s);
        notifier.watch(u"desk2@example.org"_s);
        notifier.note(ChangeKind::Reminders, u"b1"_s);
        notifier.note(ChangeKind::Consents);
        notifier.note(ChangeKind::Reminders, u"b1"_s);
        notifier.note(ChangeKind::Reminders, u"b2"_s);
        QTRY_COMPARE(sent.size(), 2);
        QTest::qWait(300);
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[0].staff, u"desk1@example.org"_s);
        QCOMPARE(sent[1].staff, u"desk2@example.org"_s);
        QCOMPARE(sent[0].changed.kinds, ChangeKind::Reminders | ChangeKind::Consents);
        QCOMPARE(sent[0].changed.batches, (QStringList{u"b1"_s, u"b2"_s}));
        QCOMPARE(sent[1].changed, sent[0].changed);
    }

    void eventsAreAtLeastTheGapApart()
    {
        QElapsedTimer clock;
        clock.start();
        QList<Sent> sent;
        StaffNotifier notifier([&](const QString &s, const Protocol::Changed &c) {
            sent << Sent{s, c, clock.elapsed()};
        });
        notifier.setGap(800ms);
        notifier.watch(u"desk@example.org"_s);
        notifier.note(ChangeKind::Replies);
        QTRY_COMPARE(sent.size(), 1);
        QVERIFY(sent[0].atMs < 700); // the first of a quiet spell goes out at once
        for (int i = 0; i < 5; ++i) {
            notifier.note(ChangeKind::Reminders);
            QTest::qWait(50);
        }
        QTRY_COMPARE(sent.size(), 2);
        QVERIFY2(sent[1].atMs - sent[0].atMs >= 750, qPrintable(QString::number(sent[1].atMs)));
        QCOMPARE(sent[1].changed.kinds, Protocol::ChangeKinds(ChangeKind::Reminders));
        QTest::qWait(1000);
        QCOMPARE(sent.size(), 2);
    }

    void whoMadeTheChangeIsNotToldAgain()
    {
        QList<Sent> sent;
        StaffNotifier notifier([&](const QString &s, const Protocol::Changed &c) {
            sent << Sent{s, c};
        });
        notifier.setGap(0ms);
        notifier.watch(u"desk1@example.org"_s);
        notifier.watch(u"desk2@example.org"_s);
        notifier.note(ChangeKind::Consents, {}, u"desk1@example.org"_s);
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(sent[0].staff, u"desk2@example.org"_s);
        // Together with a change from elsewhere (a patient's reply), both are told.
        notifier.note(ChangeKind::Consents, {}, u"desk1@example.org"_s);
        notifier.note(ChangeKind::Reminders);
        QTRY_COMPARE(sent.size(), 3);
    }

    void aWatchEnds()
    {
        QList<Sent> sent;
        StaffNotifier notifier([&](const QString &s, const Protocol::Changed &c) {
            sent << Sent{s, c};
        });
        notifier.setWatchWindow(300ms);
        notifier.watch(u"desk@example.org"_s);
        QCOMPARE(notifier.watchers(), QStringList{u"desk@example.org"_s});
        QTest::qWait(400);
        QVERIFY(!notifier.hasWatchers());
        notifier.note(ChangeKind::Replies);
        QTest::qWait(300);
        QVERIFY(sent.isEmpty());
        // Another status request watches again.
        notifier.watch(u"desk@example.org"_s);
        notifier.note(ChangeKind::Replies);
        QTRY_COMPARE(sent.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_StaffNotifier)
#include "tst_StaffNotifier.moc"
