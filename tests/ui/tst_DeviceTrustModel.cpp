// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceTrustModel without a server: it says the lists need the connection
// instead of waiting for timeouts, and follows the session. (Device lists and
// trust changes against a real server: tst_DesktopLive, to come.)
#include "DeviceTrustModel.h"
#include "Session.h"

#include "LocalAccount.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::DeviceTrustModel;

class tst_DeviceTrustModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offlineSaysTheListsNeedTheServer()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        DeviceTrustModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        model.setJid(u"ben@example.org/desk"_s);
        QCOMPARE(model.jid(), u"ben@example.org"_s);
        QVERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.errorText().contains(u"online"_s));
        QVERIFY(!model.hasUnverified());
        QVERIFY(!model.contactHasDevices());
        model.verify(0); // nothing to act on: no effect, no crash
        // A scanned code is read before anything is looked up.
        for (const QString &bad :
             {u"hello"_s, u"https://example.org/?omemo-sid-1=ab"_s,
              u"xmpp:ben@example.org?omemo-sid-x=ab"_s, u"xmpp:ben@example.org?other=ab"_s})
            QVERIFY2(model.verifyScanned(bad).contains(u"not a Rounds or OMEMO"_s),
                     qPrintable(bad));
        QVERIFY(model.verifyScanned(u"xmpp:ben@example.org?omemo-sid-7=abcd"_s)
                    .startsWith(u"No device"_s));
        session.signOut();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_DeviceTrustModel)
#include "tst_DeviceTrustModel.moc"
