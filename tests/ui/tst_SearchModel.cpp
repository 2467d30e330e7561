// SPDX-License-Identifier: GPL-3.0-or-later
// SearchModel over the store's full-text index: results, snippets, audit.
#include "SearchModel.h"
#include "Session.h"

#include "LocalAccount.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::SearchModel;

class tst_SearchModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsMessagesNewestFirst()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(LocalAccount::arrive(
            session,
            {LocalAccount::message(u"ben@example.org"_s, u"Potassium is 5.9 in bed 12"_s,
                                   now.addSecs(-60)),
             LocalAccount::message(u"chloe@example.org"_s, u"Repeat potassium at noon"_s, now),
             LocalAccount::message(u"chloe@example.org"_s, u"Nothing to see"_s, now)}));
        SearchModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(&session);
        model.setQuery(u"potass*"_s);
        QTRY_COMPARE(model.rowCount(), 2);
        QVERIFY(!model.isSearching());
        QCOMPARE(model.data(model.index(0), SearchModel::ConversationRole).toString(),
                 u"chloe@example.org"_s);
        QCOMPARE(model.data(model.index(1), SearchModel::SnippetRole).toString(),
                 u"Potassium is 5.9 in bed 12"_s);
        QVERIFY(model.data(model.index(1), SearchModel::RowIdRole).toLongLong() > 0);
        QVERIFY(model.data(model.index(1), SearchModel::TimeRole).toDateTime().isValid());

        model.setQuery(QString());
        QCOMPARE(model.rowCount(), 0);
        const QByteArray audit = LocalAccount::auditLines(session, dir);
        QVERIFY(audit.contains("\"search\""));
        QVERIFY(!audit.toLower().contains("potass"));
    }

    void snippetIsCutAroundTheWord()
    {
        const QString body = QString(100, u'a') + u" needle "_s + QString(100, u'b');
        const QString snippet = SearchModel::snippet(body, u"needle"_s);
        QVERIFY(snippet.startsWith(u'…'));
        QVERIFY(snippet.endsWith(u'…'));
        QVERIFY(snippet.contains(u"needle"_s));
        QVERIFY(snippet.size() < 2 * SearchModel::SnippetContext + 10);
        QCOMPARE(SearchModel::snippet(u"short\nline"_s, u"line"_s), u"short line"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SearchModel)
#include "tst_SearchModel.moc"
