// SPDX-License-Identifier: GPL-3.0-or-later
// One Rounds per user: a second start wakes the first; a socket left by a
// crash is taken over with a notice; no socket at all still lets Rounds run.
#include "SingleInstance.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::SingleInstance;

class tst_SingleInstance : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void secondStartActivatesTheFirst()
    {
        const QString path = m_dir.filePath(u"rounds.instance"_s);
        SingleInstance first(path);
        QCOMPARE(first.claim(), SingleInstance::Outcome::Primary);
        QVERIFY(first.notice().isEmpty());
        QCOMPARE(first.socketPath(), path);
        QSignalSpy activated(&first, &SingleInstance::activationRequested);

        SingleInstance second(path);
        QCOMPARE(second.claim(), SingleInstance::Outcome::AlreadyRunning);
        QVERIFY(activated.wait(5000));
        QCOMPARE(activated.count(), 1);

        // And again: the first keeps listening.
        SingleInstance third(path);
        QCOMPARE(third.claim(), SingleInstance::Outcome::AlreadyRunning);
        QTRY_COMPARE(activated.count(), 2);
    }

    void staleSocketIsTakenOver()
    {
        const QString path = m_dir.filePath(u"stale.instance"_s);
        {
            QFile leftover(path); // what a crash leaves: a file nobody listens on
            QVERIFY(leftover.open(QIODevice::WriteOnly));
        }
        SingleInstance instance(path);
        QCOMPARE(instance.claim(500), SingleInstance::Outcome::Primary);
        QVERIFY(instance.notice().contains(path));
        QVERIFY(instance.notice().contains(u"removed"_s));

        SingleInstance second(path);
        QCOMPARE(second.claim(), SingleInstance::Outcome::AlreadyRunning);
    }

    void noSocketStillRuns()
    {
        SingleInstance instance(m_dir.filePath(u"missing/folder/rounds.instance"_s));
        QCOMPARE(instance.claim(500), SingleInstance::Outcome::Unavailable);
        QVERIFY(instance.notice().contains(u"second window"_s));
    }

    void defaultNameIsInTheRuntimeFolder()
    {
        SingleInstance instance(SingleInstance::defaultName());
        QVERIFY(instance.socketPath().endsWith(u"/rounds.instance"_s));
    }
};

QTEST_GUILESS_MAIN(tst_SingleInstance)
#include "tst_SingleInstance.moc"
