// SPDX-License-Identifier: GPL-3.0-or-later
// Pages of the reminder service's status: newest batch first, lines in
// order; paging through gives every reminder exactly once, also when a batch
// arrives in between; totals are those of the whole set; an unknown cursor
// is refused.
#include "frontdesk/StatusPaging.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FrontDesk;
using Store::ReminderState;

namespace {

/// `rows` reminders of batch `batch`, ids from `firstId` (as the store adds a batch).
QList<Store::ReminderRecord> batchOf(const QString &batch, qint64 firstId, int rows,
                                     ReminderState state = ReminderState::Scheduled)
{
    QList<Store::ReminderRecord> out;
    for (int i = 0; i < rows; ++i) {
        Store::ReminderRecord r;
        r.id = firstId + i;
        r.batch = batch;
        r.line = i + 2;
        r.state = state;
        out << r;
    }
    return out;
}

QList<qint64> idsOf(const QList<Store::ReminderRecord> &reminders)
{
    QList<qint64> ids;
    for (const auto &r : reminders)
        ids << r.id;
    return ids;
}

} // namespace

class tst_StatusPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestBatchFirstLinesInOrder()
    {
        const auto all = batchOf(u"a"_s, 1, 3) + batchOf(u"b"_s, 4, 2) + batchOf(u"c"_s, 6, 2);
        QCOMPARE(idsOf(StatusPaging::ordered(all)), (QList<qint64>{6, 7, 4, 5, 1, 2, 3}));
    }

    void pagingGivesEveryReminderOnceWithTotalsOfTheWholeSet()
    {
        auto all = batchOf(u"a"_s, 1, 5, ReminderState::Confirmed) + batchOf(u"b"_s, 6, 7);
        auto first = StatusPaging::page(all, 4, 0);
        QVERIFY(first);
        QCOMPARE(idsOf(first->reminders), (QList<qint64>{6, 7, 8, 9}));
        QCOMPARE(first->page->count, 12);
        QCOMPARE(first->page->after, 0);
        QCOMPARE(first->page->last, 9);
        QVERIFY(!first->page->complete);
        QCOMPARE(first->totals, (QList<Protocol::StateTotal>{{ReminderState::Scheduled, 7},
                                                             {ReminderState::Confirmed, 5}}));

        // A batch accepted between pages goes before the first: later pages do not shift.
        all += batchOf(u"c"_s, 13, 3);
        QList<qint64> seen = idsOf(first->reminders);
        qint64 after = first->page->last;
        int pages = 1;
        for (;;) {
            auto next = StatusPaging::page(all, 4, after);
            QVERIFY(next);
            QCOMPARE(next->page->after, after);
            QCOMPARE(next->page->count, 15);
            seen += idsOf(next->reminders);
            ++pages;
            if (next->page->complete)
                break;
            after = next->page->last;
            QVERIFY(pages < 10);
        }
        QCOMPARE(seen, (QList<qint64>{6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5}));
        QCOMPARE(pages, 3);
    }

    void anExactFitEndsComplete()
    {
        const auto all = batchOf(u"a"_s, 1, 4);
        auto page = StatusPaging::page(all, 4, 0);
        QVERIFY(page);
        QCOMPARE(page->reminders.size(), 4);
        QVERIFY(page->page->complete);
        auto none = StatusPaging::page({}, 4, 0);
        QVERIFY(none);
        QVERIFY(none->reminders.isEmpty());
        QCOMPARE(none->page->count, 0);
        QCOMPARE(none->page->last, 0);
        QVERIFY(none->page->complete);
        QVERIFY(none->totals.isEmpty());
    }

    void anUnknownCursorIsRefused()
    {
        auto page = StatusPaging::page(batchOf(u"a"_s, 1, 4), 2, 77);
        QVERIFY(!page);
        QCOMPARE(page.error().detail, u"page-not-found"_s);
    }

    void aPageIsCapped()
    {
        auto page = StatusPaging::page(batchOf(u"a"_s, 1, StatusPaging::MaxPage + 5), 1'000'000, 0);
        QVERIFY(page);
        QCOMPARE(page->reminders.size(), StatusPaging::MaxPage);
        QVERIFY(!page->page->complete);
    }
};

QTEST_GUILESS_MAIN(tst_StatusPaging)
#include "tst_StatusPaging.moc"
