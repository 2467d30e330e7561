// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/Backoff.h"

#include <QTest>

using namespace std::chrono_literals;

class tst_Backoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void growsExponentiallyAndCaps()
    {
        Xmpp::Backoff backoff(1000ms, 16000ms, [] { return 0.999999; });
        QList<long long> delays;
        for (int i = 0; i < 8; ++i)
            delays << backoff.nextDelay().count();
        // upper end of each window: 1s, 2s, 4s, 8s, 16s, then capped
        QCOMPARE(delays, (QList<long long>{999, 1999, 3999, 7999, 15999, 15999, 15999, 15999}));
    }

    void jitterStaysInUpperHalf()
    {
        Xmpp::Backoff low(1000ms, 60000ms, [] { return 0.0; });
        QCOMPARE(low.nextDelay().count(), 500);
        QCOMPARE(low.nextDelay().count(), 1000);
        Xmpp::Backoff real(1000ms, 60000ms);
        for (int i = 0; i < 6; ++i) {
            const long long ceiling = std::min<long long>(60000, 1000LL << i);
            const long long d = real.nextDelay().count();
            QVERIFY2(d >= ceiling / 2 && d <= ceiling, qPrintable(QString::number(d)));
        }
    }

    void resetStartsOver()
    {
        Xmpp::Backoff backoff(100ms, 10000ms, [] { return 0.0; });
        backoff.nextDelay();
        backoff.nextDelay();
        QCOMPARE(backoff.attempt(), 2);
        backoff.reset();
        QCOMPARE(backoff.nextDelay().count(), 50);
    }

    void hugeAttemptCountsDoNotOverflow()
    {
        Xmpp::Backoff backoff(1000ms, 30000ms, [] { return 1.0; });
        for (int i = 0; i < 200; ++i)
            QVERIFY(backoff.nextDelay().count() <= 30000);
    }
};

QTEST_GUILESS_MAIN(tst_Backoff)
#include "tst_Backoff.moc"
