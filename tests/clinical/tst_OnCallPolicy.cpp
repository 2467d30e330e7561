// SPDX-License-Identifier: GPL-3.0-or-later
#include "clinical/OnCallPolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Clinical;

namespace {

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC);
}

Directory directory()
{
    Role oncall;
    oncall.id = u"cardiology-oncall"_s;
    oncall.shifts = {{Core::Jid(u"ana@h"_s), at(25, 7), at(25, 19)},
                     {Core::Jid(u"ben@h"_s), at(25, 19), at(26, 7)},
                     // A cover shift inside Ana's: the later start wins.
                     {Core::Jid(u"cy@h"_s), at(25, 12), at(25, 13)}};
    oncall.escalation = {{5, u"cardiology-backup"_s, {}}, {10, {}, Core::Jid(u"lead@h"_s)}};
    Role backup;
    backup.id = u"cardiology-backup"_s;
    backup.shifts = {{Core::Jid(u"dee@h"_s), at(25, 0), at(26, 0)}};
    return {{oncall.id, oncall}, {backup.id, backup}};
}

} // namespace

class tst_OnCallPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void holderFollowsTheSchedule_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("expected");
        QTest::newRow("before any shift") << at(25, 6, 59) << QString();
        QTest::newRow("start is inclusive") << at(25, 7) << u"ana@h"_s;
        QTest::newRow("cover shift") << at(25, 12, 30) << u"cy@h"_s;
        QTest::newRow("after cover") << at(25, 13) << u"ana@h"_s;
        QTest::newRow("end is exclusive") << at(25, 19) << u"ben@h"_s;
        QTest::newRow("night") << at(26, 3) << u"ben@h"_s;
        QTest::newRow("after the last") << at(26, 7) << QString();
    }
    void holderFollowsTheSchedule()
    {
        QFETCH(QDateTime, now);
        QFETCH(QString, expected);
        const auto who = OnCallPolicy::holder(directory(), u"cardiology-oncall"_s, now);
        QCOMPARE(who ? who->toString() : QString(), expected);
    }

    void unknownRoleResolvesToNobody()
    {
        QVERIFY(!OnCallPolicy::holder(directory(), u"nope"_s, at(25, 9)));
    }

    void chainSteps()
    {
        const Directory d = directory();
        const auto first = OnCallPolicy::step(d, u"cardiology-oncall"_s, 0);
        QVERIFY(first);
        QCOMPARE(first->afterMinutes, 5);
        QCOMPARE(OnCallPolicy::stepTarget(d, *first, at(25, 9))->toString(), u"dee@h"_s);
        QVERIFY(!OnCallPolicy::stepTarget(d, *first, at(26, 9))); // nobody on backup then
        const auto second = OnCallPolicy::step(d, u"cardiology-oncall"_s, 1);
        QCOMPARE(OnCallPolicy::stepTarget(d, *second, at(26, 9))->toString(), u"lead@h"_s);
        QVERIFY(!OnCallPolicy::step(d, u"cardiology-oncall"_s, 2));
        QVERIFY(!OnCallPolicy::step(d, u"cardiology-backup"_s, 0)); // no chain
    }

    void roleHeldByPerson()
    {
        QCOMPARE(OnCallPolicy::roleHeldBy(directory(), Core::Jid(u"ana@h/laptop"_s), at(25, 9)),
                 u"cardiology-oncall"_s);
        QCOMPARE(OnCallPolicy::roleHeldBy(directory(), Core::Jid(u"ana@h"_s), at(25, 20)),
                 QString());
    }

    void acknowledgementsOnlyFromTheAddressee()
    {
        QVERIFY(OnCallPolicy::ackAccepted(u"ana@h"_s, false, Core::Jid(u"ana@h/phone"_s), {}));
        QVERIFY(!OnCallPolicy::ackAccepted(u"ana@h"_s, false, Core::Jid(u"eve@h"_s), {}));
        const QSet<QString> members{u"ana@h"_s, u"ben@h"_s};
        QVERIFY(OnCallPolicy::ackAccepted(u"room@muc"_s, true, Core::Jid(u"ben@h"_s), members));
        QVERIFY(!OnCallPolicy::ackAccepted(u"room@muc"_s, true, Core::Jid(u"eve@h"_s), members));
    }
};

QTEST_GUILESS_MAIN(tst_OnCallPolicy)
#include "tst_OnCallPolicy.moc"
