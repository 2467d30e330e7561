// SPDX-License-Identifier: GPL-3.0-or-later
// RoleDirectoryModel without a server: empty until the directory is read, and
// a page then says in words why it could not go out. Paging a role that
// resolves to the on-call holder runs against the real Prosody in
// tests/integration/tst_Clinical (the service) and the live UI tests.
#include "RoleDirectoryModel.h"
#include "Session.h"

#include "LocalAccount.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::RoleDirectoryModel;

class tst_RoleDirectoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyUntilReadAndPagingSaysWhy()
    {
        QTemporaryDir dir;
        Ui::Session session;
        RoleDirectoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &RoleDirectoryModel::pageFailed);
        model.setSession(&session);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoaded());
        model.page(u"cardiology"_s, u"Bed 12"_s, 2); // signed out: nothing happens
        QCOMPARE(failed.count(), 0);

        QVERIFY(LocalAccount::adopt(session, dir));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoaded());
        QCOMPARE(model.roleNames().value(RoleDirectoryModel::OnCallRole), QByteArray("onCall"));
        model.page(u"cardiology"_s, u"Bed 12"_s, 2);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(u"directory"_s));
        QVERIFY(!model.isBusy());

        session.signOut();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(tst_RoleDirectoryModel)
#include "tst_RoleDirectoryModel.moc"
