// SPDX-License-Identifier: GPL-3.0-or-later
// The front-desk view's models offline (docs/frontdesk.md): a CSV batch shows
// every problem with its line and is not submittable while there is one; the
// preview shows exactly what each patient receives; flagged rows need an
// override with a reason; status, replies and consents follow the client's
// last status; a request the service does not answer ends with a message.
// tests/integration/tst_FrontDesk drives them against the real service.
#include "FrontDeskBatchModel.h"
#include "FrontDeskClient.h"
#include "FrontDeskConsentModel.h"
#include "FrontDeskRepliesModel.h"
#include "FrontDeskStatusModel.h"
#include "Session.h"
#include "Translations.h"

#include "LocalAccount.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Store::ReminderState;

namespace {

const QDateTime kNow = QDateTime(QDate(2030, 4, 30), QTime(12, 0), Qt::UTC);

QByteArray csv(const QStringList &rows)
{
    return (u"patient,first_name,last_name,language,send_at,date,time,clinic\n"_s +
            rows.join(u'\n') + u'\n')
        .toUtf8();
}

QString row(const QString &patient, const QString &first, const QString &language = u"en"_s,
            const QString &sendAt = u"2030-05-01T09:00:00Z"_s)
{
    return patient + u',' + first + u",Ruiz,"_s + language + u',' + sendAt +
           u",2030-05-02,9:30,Norte"_s;
}

} // namespace

class tst_FrontDeskModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(Ui::Translations().load(QLocale(QLocale::English)));
        QSettings().remove(u"frontdesk"_s); // the service remembered by an earlier test
    }

    void invalidRowsAreListedByLineAndNothingIsSubmittable()
    {
        Ui::FrontDeskBatchModel batch;
        QAbstractItemModelTester tester(&batch,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!batch.canSubmit());
        batch.loadCsv(csv({row(u"ana@example.org"_s, u"Ana"_s), row(u"not an address"_s, u"Bo"_s),
                           row(u"cy@example.org"_s, u"Cy"_s, u"fr"_s),
                           row(u"di@example.org"_s, u"Di"_s, u"es"_s, u"tomorrow"_s)}),
                      u"tomorrow.csv"_s, kNow);
        QCOMPARE(batch.fileName(), u"tomorrow.csv"_s);
        const auto errors = batch.rowErrors();
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors[0].line, 3);
        QCOMPARE(errors[0].detail, u"not-an-address"_s);
        QCOMPARE(errors[1].line, 4);
        QCOMPARE(errors[1].detail, u"unknown-language"_s);
        QCOMPARE(errors[2].line, 5);
        QCOMPARE(errors[2].detail, u"not-a-time"_s);
        QVERIFY(batch.errors()[0].startsWith(u"Line 3"_s));
        QVERIFY(batch.errors()[1].contains(u"unknown language"_s));
        // The valid row is shown, but nothing can be submitted.
        QCOMPARE(batch.rowCount(), 1);
        QVERIFY(!batch.canSubmit());
        QSignalSpy checked(&batch, &Ui::FrontDeskBatchModel::checked);
        batch.schedule();
        QVERIFY(!batch.isBusy());

        batch.clear();
        QCOMPARE(batch.rowCount(), 0);
        QVERIFY(batch.errors().isEmpty());
    }

    void previewShowsExactlyWhatEachPatientReceives()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        Ui::FrontDeskClient client;
        client.setSession(&session);
        Ui::FrontDeskBatchModel batch;
        QAbstractItemModelTester tester(&batch,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        batch.setClient(&client);
        batch.loadCsv(csv({row(u"ana@example.org"_s, u"Ana"_s, u"es"_s),
                           row(u"+15551234567@sms.example.org"_s, u"Bo"_s)}),
                      u"list.csv"_s, kNow);
        QVERIFY(batch.errors().isEmpty());
        QCOMPARE(batch.rowCount(), 2);
        const QModelIndex first = batch.index(0);
        QCOMPARE(first.data(Ui::FrontDeskBatchModel::LineRole).toInt(), 2);
        QCOMPARE(first.data(Ui::FrontDeskBatchModel::LanguageRole).toString(), u"es"_s);
        QCOMPARE(first.data(Ui::FrontDeskBatchModel::ChannelRole).toString(), u"xmpp"_s);
        QVERIFY(first.data(Ui::FrontDeskBatchModel::BodyRole).toString().startsWith(u"Hola Ana"_s));
        QVERIFY(!first.data(Ui::FrontDeskBatchModel::BodyRole).toString().contains(u"Ruiz"_s));
        const QModelIndex second = batch.index(1);
        QCOMPARE(second.data(Ui::FrontDeskBatchModel::ChannelRole).toString(), u"sms"_s);
        QVERIFY(second.data(Ui::FrontDeskBatchModel::FindingsRole).toString().isEmpty());
        QCOMPARE(second.data(Ui::FrontDeskBatchModel::SendAtRole).toDateTime(),
                 QDateTime(QDate(2030, 5, 1), QTime(9, 0), Qt::UTC));

        // Not submittable without a reminder service; then it is.
        QVERIFY(!batch.canSubmit());
        client.setService(u"reminders@example.org"_s);
        QVERIFY(client.isReady());
        QVERIFY(batch.canSubmit());
    }

    void flaggedRowsNeedAnOverrideWithAReason()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        Ui::FrontDeskClient client;
        client.setSession(&session);
        client.setService(u"reminders@example.org"_s);
        Ui::FrontDeskBatchModel batch;
        QAbstractItemModelTester tester(&batch,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        batch.setClient(&client);
        batch.setTemplateName(u"custom"_s);
        batch.setCustomText(u"Hello {first_name} {last_name}, see you {date} at {clinic}."_s);
        batch.loadCsv(csv({row(u"ana@example.org"_s, u"Ana"_s)}), u"list.csv"_s, kNow);
        QVERIFY(batch.errors().isEmpty());
        QVERIFY(batch.needsOverride());
        QCOMPARE(batch.index(0).data(Ui::FrontDeskBatchModel::FindingsRole).toString(),
                 u"full name"_s);
        QVERIFY(!batch.canSubmit());
        batch.setOverrideRequested(true);
        QVERIFY(!batch.canSubmit()); // no reason yet
        batch.setOverrideReason(u"Two patients with the same first name"_s);
        QVERIFY(batch.canSubmit());

        // An SSN is never overridable: an error, not a flag.
        batch.setCustomText(u"Hello {first_name}, your SSN 123-45-6789 is on file."_s);
        QCOMPARE(batch.rowErrors().size(), 1);
        QCOMPARE(batch.rowErrors()[0].line, 2);
        QVERIFY(batch.rowErrors()[0].detail.startsWith(u"override-not-allowed:ssn"_s));
        QVERIFY(batch.errors()[0].contains(u"social security number"_s));
        QVERIFY(!batch.canSubmit());
    }

    void statusRepliesAndConsentsFollowTheClient()
    {
        Ui::FrontDeskClient client;
        Ui::FrontDeskStatusModel status;
        Ui::FrontDeskRepliesModel replies;
        Ui::FrontDeskConsentModel consents;
        QAbstractItemModelTester t1(&status,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&replies,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&consents,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        status.setClient(&client);
        replies.setClient(&client);
        consents.setClient(&client);
        QCOMPARE(status.rowCount(), 0);

        FrontDesk::Protocol::Status s;
        Store::ReminderRecord a;
        a.id = 1;
        a.batch = u"b1"_s;
        a.line = 2;
        a.patient = u"ana@example.org"_s;
        a.state = ReminderState::Confirmed;
        a.due = kNow;
        Store::ReminderRecord b = a;
        b.id = 2;
        b.line = 3;
        b.patient = u"bo@example.org"_s;
        b.state = ReminderState::Failed;
        b.reason = u"no-consent"_s;
        Store::ReminderRecord c = a;
        c.id = 3;
        c.line = 4;
        c.patient = u"cy@example.org"_s;
        c.state = ReminderState::RescheduleRequested;
        s.reminders = {a, b, c};
        s.replies = {{7, u"cy@example.org"_s, 3, u"m7"_s, kNow, u"Can we make it Friday?"_s}};
        s.openReplies = 1;
        Store::ConsentRecord consent;
        consent.patient = u"ana@example.org"_s;
        consent.channel = u"xmpp"_s;
        consent.consentedAt = kNow;
        consent.recordedBy = u"frontdesk@example.org"_s;
        Store::ConsentRecord revoked = consent;
        revoked.patient = u"dee@example.org"_s;
        revoked.channel = u"sms"_s;
        revoked.withdrawnAt = kNow;
        revoked.withdrawnBy = u"patient-reply"_s;
        s.consents = {consent, revoked};
        client.setStatus(s);

        QCOMPARE(status.rowCount(), 3);
        const int ana = status.indexOf(u"ana@example.org"_s);
        QCOMPARE(ana, 0);
        QCOMPARE(status.index(ana).data(Ui::FrontDeskStatusModel::StateRole).toString(),
                 u"confirmed"_s);
        QCOMPARE(status.index(ana).data(Ui::FrontDeskStatusModel::StateTextRole).toString(),
                 u"Confirmed"_s);
        QCOMPARE(status.index(1).data(Ui::FrontDeskStatusModel::ReasonRole).toString(),
                 u"no consent on this channel"_s);
        QCOMPARE(status.index(2).data(Ui::FrontDeskStatusModel::StateTextRole).toString(),
                 u"Reschedule requested"_s);
        QCOMPARE(status.openReplies(), 1);
        QVERIFY(status.summary().contains(u"Confirmed: 1"_s));
        QCOMPARE(status.indexOf(u"nobody@example.org"_s), -1);

        QCOMPARE(replies.rowCount(), 1);
        QCOMPARE(replies.index(0).data(Ui::FrontDeskRepliesModel::TextRole).toString(),
                 u"Can we make it Friday?"_s);
        QCOMPARE(replies.index(0).data(Ui::FrontDeskRepliesModel::IdRole).toLongLong(), 7);
        replies.markHandled(0); // no service: nothing to send, said so
        QVERIFY(!client.errorText().isEmpty() || !client.isReady());

        QCOMPARE(consents.rowCount(), 2);
        QVERIFY(consents.index(0).data(Ui::FrontDeskConsentModel::InForceRole).toBool());
        QVERIFY(!consents.index(1).data(Ui::FrontDeskConsentModel::InForceRole).toBool());
        QCOMPARE(consents.index(1).data(Ui::FrontDeskConsentModel::WithdrawnByRole).toString(),
                 u"the patient (STOP reply)"_s);

        client.setStatus({});
        QCOMPARE(status.rowCount(), 0);
        QCOMPARE(replies.rowCount(), 0);
        QCOMPARE(consents.rowCount(), 0);
    }

    void pagesAreAppendedAndCountsAreOfTheWholeSet()
    {
        Ui::FrontDeskClient client;
        Ui::FrontDeskStatusModel status;
        QAbstractItemModelTester tester(&status,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        status.setClient(&client);
        const auto reminder = [](qint64 id, const QString &batch, ReminderState state) {
            Store::ReminderRecord r;
            r.id = id;
            r.batch = batch;
            r.line = int(id) + 1;
            r.patient = u"p%1@example.org"_s.arg(id);
            r.state = state;
            r.due = kNow;
            return r;
        };
        // The first page: 2 of 5, totals of all 5.
        FrontDesk::Protocol::Status first;
        first.reminders = {reminder(1, u"b1"_s, ReminderState::Scheduled),
                           reminder(2, u"b1"_s, ReminderState::Scheduled)};
        first.page = FrontDesk::Protocol::Page{0, 5, 2, false};
        first.totals = {{ReminderState::Scheduled, 4}, {ReminderState::Confirmed, 1}};
        first.openReplies = 1;
        client.setStatus(first);
        QCOMPARE(status.rowCount(), 2);
        QCOMPARE(status.total(), 5);
        QVERIFY(status.hasMore());
        QVERIFY(status.summary().contains(u"Scheduled: 4"_s));
        QVERIFY(status.summary().contains(u"Confirmed: 1"_s));

        // The next page is appended; a page that does not continue the list is dropped.
        QSignalSpy inserted(&status, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&status, &QAbstractItemModel::modelReset);
        FrontDesk::Protocol::Status stale;
        stale.reminders = {reminder(9, u"b1"_s, ReminderState::Sent)};
        stale.page = FrontDesk::Protocol::Page{7, 5, 9, false};
        client.setStatus(stale);
        QCOMPARE(status.rowCount(), 2);
        FrontDesk::Protocol::Status second;
        second.reminders = {reminder(2, u"b1"_s, ReminderState::Scheduled), // once only
                            reminder(3, u"b1"_s, ReminderState::Scheduled),
                            reminder(4, u"b1"_s, ReminderState::Confirmed),
                            reminder(5, u"b1"_s, ReminderState::Scheduled)};
        second.page = FrontDesk::Protocol::Page{2, 5, 5, true};
        second.totals = first.totals;
        client.setStatus(second);
        QCOMPARE(status.rowCount(), 5);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 2);
        QCOMPARE(inserted[0][2].toInt(), 4);
        QVERIFY(!status.hasMore());
        QCOMPARE(status.openReplies(), 1); // a further page keeps the first page's replies
        QCOMPARE(status.index(3).data(Ui::FrontDeskStatusModel::StateRole).toString(),
                 u"confirmed"_s);

        // A refresh with a new batch on top and one state changed: rows move
        // in place, no reset (the list being read does not jump).
        FrontDesk::Protocol::Status refreshed;
        refreshed.reminders = {reminder(6, u"b2"_s, ReminderState::Scheduled)};
        for (qint64 id = 1; id <= 5; ++id)
            refreshed.reminders << reminder(id, u"b1"_s,
                                            id == 1 || id == 4 ? ReminderState::Confirmed
                                                               : ReminderState::Scheduled);
        refreshed.page = FrontDesk::Protocol::Page{0, 6, 5, true};
        refreshed.totals = {{ReminderState::Scheduled, 4}, {ReminderState::Confirmed, 2}};
        QSignalSpy changed(&status, &QAbstractItemModel::dataChanged);
        inserted.clear();
        client.setStatus(refreshed);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(inserted[0][2].toInt(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().row(), 1);
        QCOMPARE(status.rowCount(), 6);
        QCOMPARE(status.index(0).data(Ui::FrontDeskStatusModel::BatchRole).toString(), u"b2"_s);
        QCOMPARE(status.index(1).data(Ui::FrontDeskStatusModel::StateRole).toString(),
                 u"confirmed"_s);
        QVERIFY(status.summary().contains(u"Confirmed: 2"_s));

        // Without paging (an older service): everything, counted from the rows.
        FrontDesk::Protocol::Status old;
        old.reminders = {reminder(1, u"b1"_s, ReminderState::Sent)};
        client.setStatus(old);
        QCOMPARE(status.rowCount(), 1);
        QCOMPARE(status.total(), 1);
        QVERIFY(!status.hasMore());
        QCOMPARE(status.summary(), u"Sent: 1"_s);
    }

    void anUnansweredRequestEndsWithAMessageAndTheServiceIsRemembered()
    {
        QTemporaryDir dir;
        Ui::Session session;
        QVERIFY(LocalAccount::adopt(session, dir));
        {
            Ui::FrontDeskClient client;
            client.setSession(&session);
            QVERIFY(!client.isReady());
            client.setService(u"not a jid"_s);
            QVERIFY(!client.isReady());
            client.setService(u"reminders@example.org/desk"_s);
            QCOMPARE(client.service(), u"reminders@example.org"_s);
            QVERIFY(client.isReady());
            client.setTimeout(300);
            client.refresh();
            QVERIFY(client.isBusy());
            QTRY_VERIFY(!client.isBusy());
            QVERIFY(client.errorText().contains(u"did not answer"_s));
            client.recordConsent(u"no address"_s, u"xmpp"_s);
            QVERIFY(client.errorText().contains(u"patient's address"_s));
        }
        // The next view of this account starts with the same service.
        Ui::FrontDeskClient again;
        again.setSession(&session);
        QCOMPARE(again.service(), u"reminders@example.org"_s);
        QVERIFY(again.isReady());
        session.signOut();
        QTRY_VERIFY(!again.isReady());
    }
};

QTEST_MAIN(tst_FrontDeskModels)
#include "tst_FrontDeskModels.moc"
