// SPDX-License-Identifier: GPL-3.0-or-later
#include "clinical/EscalationScheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace Clinical;

class tst_EscalationScheduler : public QObject
{
    Q_OBJECT
    QDateTime m_now = QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);

private Q_SLOTS:
    void firesInOrderWhenTheClockPasses()
    {
        EscalationScheduler scheduler([this] { return m_now; });
        QSignalSpy due(&scheduler, &EscalationScheduler::due);
        scheduler.schedule(2, m_now.addSecs(600));
        scheduler.schedule(1, m_now.addSecs(300));
        scheduler.schedule(3, m_now.addSecs(900));
        QCOMPARE(scheduler.size(), 3);
        scheduler.check();
        QCOMPARE(due.size(), 0);
        m_now = m_now.addSecs(601);
        scheduler.check();
        QCOMPARE(due.size(), 2);
        QCOMPARE(due.at(0).at(0).toLongLong(), 1);
        QCOMPARE(due.at(1).at(0).toLongLong(), 2);
        QVERIFY(!scheduler.isScheduled(1));
        QVERIFY(scheduler.isScheduled(3));
    }

    void cancelledNeverFires()
    {
        EscalationScheduler scheduler([this] { return m_now; });
        QSignalSpy due(&scheduler, &EscalationScheduler::due);
        scheduler.schedule(7, m_now.addSecs(60));
        scheduler.cancel(7);
        m_now = m_now.addSecs(120);
        scheduler.check();
        QCOMPARE(due.size(), 0);
    }

    void rescheduleMovesTheTime()
    {
        EscalationScheduler scheduler([this] { return m_now; });
        QSignalSpy due(&scheduler, &EscalationScheduler::due);
        scheduler.schedule(5, m_now.addSecs(60));
        scheduler.schedule(5, m_now.addSecs(300));
        m_now = m_now.addSecs(120);
        scheduler.check();
        QCOMPARE(due.size(), 0);
        QCOMPARE(scheduler.dueOf(5), m_now.addSecs(180));
    }

    void pastDueFiresFromTheTimer()
    {
        // Rows rebuilt after a restart may be overdue: they fire at once.
        EscalationScheduler scheduler([this] { return m_now; });
        QSignalSpy due(&scheduler, &EscalationScheduler::due);
        scheduler.schedule(9, m_now.addSecs(-30));
        QVERIFY(due.wait(2000));
        QCOMPARE(due.first().at(0).toLongLong(), 9);
    }

    void aHandlerMayScheduleAgain()
    {
        EscalationScheduler scheduler([this] { return m_now; });
        int fired = 0;
        connect(&scheduler, &EscalationScheduler::due, this, [&](qint64 key) {
            ++fired;
            scheduler.schedule(key, m_now.addSecs(60)); // the next step
        });
        scheduler.schedule(4, m_now);
        scheduler.check();
        QCOMPARE(fired, 1);
        QVERIFY(scheduler.isScheduled(4));
        QCOMPARE(scheduler.dueOf(4), m_now.addSecs(60));
    }

    void systemClockByDefault()
    {
        EscalationScheduler scheduler;
        QVERIFY(qAbs(scheduler.now().msecsTo(QDateTime::currentDateTimeUtc())) < 5000);
    }
};

QTEST_GUILESS_MAIN(tst_EscalationScheduler)
#include "tst_EscalationScheduler.moc"
