// SPDX-License-Identifier: GPL-3.0-or-later
// Front desk reminders against a real server: staff submit consent and a batch
// to the reminder service (OMEMO), the service sends on time to the consenting
// patient only, a restart in between sends nothing twice, CONFIRMO confirms,
// STOP opts out and the next reminder is not sent. Then the desktop's
// front-desk models against the service: a CSV of 50 with 3 bad rows is
// refused with exactly those errors, an SSN is blocked end to end, the SMS
// gateway stand-in gets plaintext under the strict rules, "C" shows confirmed
// in the status model, BAJA opts out, free text waits in the reply queue, and
// a reply stored just before a crash is handled after the restart.
#include "account/Account.h"
#include "frontdesk/ReminderService.h"
#include "frontdesk/ServiceClient.h"
#include "store/MessageStore.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/PresenceExtension.h"

#include "FrontDeskBatchModel.h"
#include "FrontDeskClient.h"
#include "FrontDeskConsentModel.h"
#include "FrontDeskRepliesModel.h"
#include "FrontDeskStatusModel.h"

#include "ServerEnv.h"
#include "TestDevice.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace FrontDesk;
using Store::ReminderState;

namespace {

using TestSupport::await;

QString tag()
{
    return TestSupport::randomTag();
}

struct Device : TestSupport::TestDevice
{
    std::unique_ptr<ReminderService> service;

    bool open(const ServerEnv &env, const QString &bareJid, const QString &dir,
              const ServiceConfig *serviceConfig = nullptr)
    {
        if (!openLocal(env, bareJid, dir, u"frontdesk"_s))
            return false;
        if (serviceConfig) {
            service = std::make_unique<ReminderService>(*account, *serviceConfig);
            if (!await(service->start()))
                return false;
        }
        return signIn(env);
    }

    void close()
    {
        // Signed out first, so the service sends nothing more; gone before the account.
        if (account) {
            account->signOut();
            (void)QTest::qWaitFor(
                [&] { return account->client().state() == Xmpp::Client::State::Disconnected; },
                5000);
        }
        service.reset();
        TestDevice::close();
    }

    int countIncoming(const QString &prefix) const
    {
        int n = 0;
        for (const auto &m : stored)
            if (m.direction == Store::Direction::Incoming && m.body.startsWith(prefix))
                ++n;
        return n;
    }

    Store::ReminderRecord reminder(const QString &batch, const QString &patient)
    {
        const auto rows = await(service->store().reminders(batch));
        for (const auto &r : *rows)
            if (r.patient == patient)
                return r;
        return {};
    }

    bool send(const QString &to, const QString &body)
    {
        return await(account->outbox()->send(Core::Jid(to), body)).has_value();
    }

    const Store::StoredMessage *incoming(const QString &containing) const
    {
        for (const auto &m : stored)
            if (m.direction == Store::Direction::Incoming && m.body.contains(containing))
                return &m;
        return nullptr;
    }
};

/// Asks the service for its status until `done` holds (where the test is not
/// about the service's <changed/> events).
bool refreshUntil(Ui::FrontDeskClient &desk, const std::function<bool()> &done, int ms = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QSignalSpy arrived(&desk, &Ui::FrontDeskClient::statusArrived);
        desk.refresh();
        if (!arrived.wait(10000) && !desk.errorText().isEmpty())
            qWarning() << "front desk:" << desk.errorText();
        if (done())
            return true;
        QTest::qWait(300);
    }
    return false;
}

QString stateOf(const Ui::FrontDeskStatusModel &model, const QString &patient,
                const QString &batch = {})
{
    const int row = model.indexOf(patient, batch);
    return row < 0 ? QString()
                   : model.index(row).data(Ui::FrontDeskStatusModel::StateRole).toString();
}

QByteArray csvOf(const QStringList &rows)
{
    return (u"patient,first_name,last_name,language,send_at,date,time,clinic\n"_s +
            rows.join(u'\n') + u'\n')
        .toUtf8();
}

QString csvRow(const QString &patient, const QString &first, const QString &language,
               const QDateTime &at)
{
    return patient + u',' + first + u",Quintana,"_s + language + u',' + at.toString(Qt::ISODate) +
           u",2030-05-02,9:30,Norte"_s;
}

} // namespace

class tst_FrontDesk : public QObject
{
    Q_OBJECT
    ServerEnv m_env;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void remindersEndToEnd()
    {
        const QString staffJid = m_env.account(0), serviceJid = m_env.account(3),
                      patientJid = m_env.account(8), strangerJid = m_env.account(7);
        ServiceConfig config;
        config.staff = {staffJid};
        config.endpoints.orgDomain = m_env.domain;
        config.pollMs = 250;

        Device staff, service, patient;
        QVERIFY(patient.open(m_env, patientJid, m_dir.filePath(u"patient"_s)));
        QVERIFY(service.open(m_env, serviceJid, m_dir.filePath(u"service"_s), &config));
        QVERIFY(staff.open(m_env, staffJid, m_dir.filePath(u"staff"_s)));
        ServiceClient client(*staff.account, Core::Jid(serviceJid));

        // Consent for the patient, none for the stranger.
        auto consent = await(client.request(
            Protocol::Consent{ServiceClient::newId(), patientJid, Channel::Xmpp, true}));
        QVERIFY2(consent, qPrintable(consent ? QString() : consent.error().detail));
        QCOMPARE(std::get<Protocol::Result>(*consent).outcome, u"accepted"_s);

        const QString marker = u"Fd"_s + tag();
        const QDateTime sendAt = QDateTime::currentDateTimeUtc().addSecs(12);
        Protocol::Batch batch;
        batch.id = ServiceClient::newId();
        batch.messageTemplate = MessageTemplate::builtIn(TemplateKind::Appointment);
        for (const QString &to : {patientJid, strangerJid}) {
            ReminderRow row;
            row.line = batch.rows.size() + 2;
            row.patient = to;
            row.language = Language::Spanish;
            row.sendAt = sendAt;
            row.values = {{u"first_name"_s, marker},
                          {u"date"_s, u"2030-05-02"_s},
                          {u"time"_s, u"9:30"_s},
                          {u"clinic"_s, u"Norte"_s}};
            batch.rows << row;
        }
        auto accepted = await(client.request(batch));
        QVERIFY(accepted);
        QCOMPARE(std::get<Protocol::Result>(*accepted).outcome, u"accepted"_s);
        QCOMPARE(service.reminder(batch.id, patientJid).state, ReminderState::Scheduled);

        // The service restarts before the reminders are due.
        service.close();
        QVERIFY(service.open(m_env, serviceJid, m_dir.filePath(u"service"_s), &config));
        const QString expected = u"Hola "_s + marker;
        QVERIFY(QTest::qWaitFor([&] { return patient.countIncoming(expected) > 0; }, 45000));
        QVERIFY(QDateTime::currentDateTimeUtc() >= sendAt);
        QCOMPARE(patient.stored.last().protection == Store::Protection::Plain, false);

        // Another restart after sending: nothing goes out twice.
        service.close();
        QVERIFY(service.open(m_env, serviceJid, m_dir.filePath(u"service"_s), &config));
        QTest::qWait(3000);
        QCOMPARE(patient.countIncoming(expected), 1);
        const auto toStranger = await(service.account->messageStore()->messages(strangerJid));
        QVERIFY(toStranger && toStranger->isEmpty());
        const auto stranger = service.reminder(batch.id, strangerJid);
        QCOMPARE(stranger.state, ReminderState::Failed);
        QCOMPARE(stranger.reason, u"no-consent"_s);

        // CONFIRMO confirms the patient's latest reminder; staff see it in the status.
        QVERIFY(patient.send(serviceJid, u"CONFIRMO"_s));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return service.reminder(batch.id, patientJid).state == ReminderState::Confirmed;
            },
            30000));
        auto status =
            await(client.request(Protocol::StatusRequest{ServiceClient::newId(), batch.id}));
        QVERIFY(status);
        const auto &report = std::get<Protocol::Status>(*status);
        QCOMPARE(report.reminders.size(), 2);
        QCOMPARE(report.reminders[0].state, ReminderState::Confirmed);
        QVERIFY(report.reminders[0].body.isEmpty());

        // STOP withdraws consent; the next reminder is not sent.
        QVERIFY(patient.send(serviceJid, u" stop "_s));
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto c = await(service.service->store().consent(patientJid, u"xmpp"_s));
                return c && *c && !(*c)->inForce();
            },
            30000));
        Protocol::Batch next = batch;
        next.id = ServiceClient::newId();
        next.rows = {batch.rows.first()};
        next.rows.first().sendAt = QDateTime::currentDateTimeUtc().addSecs(2);
        next.rows.first().values.insert(u"first_name"_s, marker + u"x"_s);
        accepted = await(client.request(next));
        QVERIFY(accepted);
        QCOMPARE(std::get<Protocol::Result>(*accepted).outcome, u"accepted"_s);
        QVERIFY(QTest::qWaitFor(
            [&] { return service.reminder(next.id, patientJid).state == ReminderState::OptedOut; },
            30000));
        QTest::qWait(2000);
        QCOMPARE(patient.countIncoming(u"Hola "_s + marker + u"x"_s), 0);

        // A batch from someone not on the staff list is not accepted.
        QSignalSpy refused(service.service.get(), &ReminderService::requestRefused);
        QVERIFY(patient.send(serviceJid, Protocol::toElement(Protocol::Request(next)).toXml()));
        QVERIFY(refused.wait(30000));

        staff.close();
        service.close();
        patient.close();
    }

    void frontDeskViewAgainstTheService()
    {
        const QString staffJid = m_env.account(1), serviceJid = m_env.account(4),
                      patientJid = m_env.account(9), gatewayJid = m_env.account(10),
                      quietJid = m_env.account(5);
        ServiceConfig config;
        config.staff = {staffJid};
        config.endpoints.orgDomain = m_env.domain;
        // The gateway stand-in: a test account taken for a gateway number,
        // whose domain may receive plaintext (docs/frontdesk.md).
        config.endpoints.gatewayStandIns = {gatewayJid};
        config.endpoints.plaintextDomains = {m_env.domain};
        config.pollMs = 250;

        Device staff, service, patient, gateway;
        QVERIFY(patient.open(m_env, patientJid, m_dir.filePath(u"v-patient"_s)));
        QVERIFY(gateway.open(m_env, gatewayJid, m_dir.filePath(u"v-gateway"_s)));
        QVERIFY(service.open(m_env, serviceJid, m_dir.filePath(u"v-service"_s), &config));
        QVERIFY(staff.open(m_env, staffJid, m_dir.filePath(u"v-staff"_s)));

        // Which requests the service answered, for a failure's log (ids only).
        QObject::connect(service.service.get(), &ReminderService::requestHandled,
                         service.service.get(),
                         [](const QString &, const QString &id, const QString &outcome) {
                             qInfo() << "service answered" << id << outcome;
                         });
        // The desktop's view models, on the staff account.
        Ui::FrontDeskClient desk;
        desk.setService(serviceJid);
        desk.setAccount(staff.account.get());
        QVERIFY(desk.isReady());
        Ui::FrontDeskStatusModel status;
        Ui::FrontDeskBatchModel batch;
        Ui::FrontDeskRepliesModel replies;
        Ui::FrontDeskConsentModel consents;
        using Tester = QAbstractItemModelTester;
        Tester t1(&status, Tester::FailureReportingMode::QtTest);
        Tester t2(&batch, Tester::FailureReportingMode::QtTest);
        Tester t3(&replies, Tester::FailureReportingMode::QtTest);
        Tester t4(&consents, Tester::FailureReportingMode::QtTest);
        status.setClient(&desk);
        batch.setClient(&desk);
        replies.setClient(&desk);
        consents.setClient(&desk);
        const QString marker = u"Fv"_s + tag();

        // 50 patients, 3 bad rows: exactly those 3 errors, nothing submittable, nothing sent.
        const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(4);
        QStringList rows;
        for (int i = 0; i < 50; ++i)
            rows << csvRow(u"p%1@example.org"_s.arg(i), marker, u"en"_s, soon);
        rows[9] = csvRow(u"not-an-address"_s, marker, u"en"_s, soon);   // line 11
        rows[24] = csvRow(u"p24@example.org"_s, marker, u"fr"_s, soon); // line 26
        rows[40].replace(soon.toString(Qt::ISODate), u"yesterday"_s);   // line 42
        batch.loadCsv(csvOf(rows), u"fifty.csv"_s);
        const auto errors = batch.rowErrors();
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors[0].line, 11);
        QCOMPARE(errors[0].detail, u"not-an-address"_s);
        QCOMPARE(errors[1].line, 26);
        QCOMPARE(errors[1].detail, u"unknown-language"_s);
        QCOMPARE(errors[2].line, 42);
        QCOMPARE(errors[2].detail, u"not-a-time"_s);
        QCOMPARE(batch.rowCount(), 47);
        QVERIFY(!batch.canSubmit());
        QSignalSpy submitted(&batch, &Ui::FrontDeskBatchModel::submitted);
        batch.schedule();
        QVERIFY(refreshUntil(desk, [&] { return desk.refreshedAt().isValid(); }));
        QCOMPARE(status.rowCount(), 0);
        QCOMPARE(submitted.size(), 0);

        // Consent for the patient (app) and the gateway number (SMS); none for quiet.
        consents.record(patientJid, u"xmpp"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!desk.isBusy(), 30000);
        consents.record(gatewayJid, u"sms"_s);
        QVERIFY(refreshUntil(desk, [&] { return consents.rowCount() == 2; }));
        QVERIFY(consents.index(0).data(Ui::FrontDeskConsentModel::InForceRole).toBool());
        QCOMPARE(consents.index(0).data(Ui::FrontDeskConsentModel::RecordedByRole).toString(),
                 staffJid);

        // An SSN is blocked by the service even when a client skips its own check.
        const auto ask = [&](const Protocol::Request &request) {
            std::optional<Core::Result<Protocol::Answer>> out;
            desk.request(request, [&](const Core::Result<Protocol::Answer> &a) { out = a; });
            (void)QTest::qWaitFor([&] { return out.has_value(); }, 35000);
            return out;
        };
        const auto customBatch = [&](const QString &text, const QString &to) {
            Protocol::Batch b;
            b.id = ServiceClient::newId();
            b.messageTemplate = *MessageTemplate::make(TemplateKind::Custom, text);
            b.overrideFindings = true;
            b.overrideReason = u"test"_s;
            ReminderRow r;
            r.line = 2;
            r.patient = to;
            r.sendAt = QDateTime::currentDateTimeUtc();
            r.values = {{u"first_name"_s, marker}};
            b.rows = {r};
            return b;
        };
        auto answer = ask(customBatch(u"Hi {first_name}, SSN 123-45-6789 on file."_s, patientJid));
        QVERIFY(answer);
        QVERIFY2(*answer, qPrintable(answer->has_value() ? QString() : answer->error().detail));
        auto result = std::get<Protocol::Result>(**answer);
        QCOMPARE(result.outcome, u"rejected"_s);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors[0].detail, u"override-not-allowed:ssn"_s);
        // Strict on the gateway: a diagnosis term is fine to an app, not over SMS.
        answer = ask(customBatch(u"Hi {first_name}, your diabetes check is due."_s, gatewayJid));
        QVERIFY(answer && *answer);
        result = std::get<Protocol::Result>(**answer);
        QCOMPARE(result.outcome, u"rejected"_s);
        QVERIFY(result.errors[0].detail.contains(u"clinical-term"_s));

        // A valid batch from the view: the app patient in Spanish, the gateway
        // number in English, quiet without consent.
        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(3);
        batch.loadCsv(
            csvOf({csvRow(patientJid, marker, u"es"_s, at), csvRow(gatewayJid, marker, u"en"_s, at),
                   csvRow(quietJid, marker, u"en"_s, at)}),
            u"today.csv"_s);
        QVERIFY(batch.errors().isEmpty());
        QCOMPARE(batch.index(1).data(Ui::FrontDeskBatchModel::ChannelRole).toString(), u"xmpp"_s);
        QVERIFY(batch.canSubmit());
        batch.schedule();
        QVERIFY(submitted.wait(35000));
        const QString batchId = submitted.first().first().toString();
        QVERIFY(QTest::qWaitFor([&] { return patient.incoming(u"Hola "_s + marker); }, 30000));
        QVERIFY(QTest::qWaitFor([&] { return gateway.incoming(marker); }, 30000));
        const Store::StoredMessage *sms = gateway.incoming(marker);
        QCOMPARE(sms->protection, Store::Protection::Plain);
        QVERIFY(!sms->body.contains(u"Quintana"_s));
        QVERIFY(patient.incoming(u"Hola "_s + marker)->protection != Store::Protection::Plain);
        QVERIFY(
            refreshUntil(desk, [&] { return stateOf(status, quietJid, batchId) == u"failed"; }));
        QCOMPARE(status.index(status.indexOf(quietJid, batchId))
                     .data(Ui::FrontDeskStatusModel::ReasonRole)
                     .toString(),
                 u"no consent on this channel"_s);

        // "C" confirms: the front-desk status model shows it within seconds,
        // without a refresh from here (the view's fallback is every 120 s):
        // the service's <changed/> event makes the client ask.
        QVERIFY(refreshUntil(desk, [&] {
            const QString state = stateOf(status, patientJid, batchId);
            return state == u"sent" || state == u"delivered";
        }));
        QElapsedTimer sinceReply;
        sinceReply.start();
        QSignalSpy arrivedByItself(&desk, &Ui::FrontDeskClient::statusArrived);
        QVERIFY(patient.send(serviceJid, u"C"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(status, patientJid, batchId), u"confirmed"_s, 30000);
        QVERIFY(!arrivedByItself.isEmpty());
        QVERIFY2(sinceReply.elapsed() < 30000, qPrintable(QString::number(sinceReply.elapsed())));
        qInfo() << "confirmed shown after" << sinceReply.elapsed() << "ms";

        // BAJA (Spanish STOP) from the gateway number opts it out; its next reminder is not sent.
        QVERIFY(gateway.send(serviceJid, u"Baja."_s));
        QVERIFY(refreshUntil(desk, [&] {
            for (int i = 0; i < consents.rowCount(); ++i)
                if (consents.index(i).data(Ui::FrontDeskConsentModel::PatientRole) == gatewayJid)
                    return !consents.index(i).data(Ui::FrontDeskConsentModel::InForceRole).toBool();
            return false;
        }));
        batch.loadCsv(csvOf({csvRow(gatewayJid, marker + u"x"_s, u"en"_s,
                                    QDateTime::currentDateTimeUtc().addSecs(1))}),
                      u"next.csv"_s);
        submitted.clear();
        batch.schedule();
        QVERIFY(submitted.wait(35000));
        const QString nextId = submitted.first().first().toString();
        QVERIFY(refreshUntil(desk,
                             [&] { return stateOf(status, gatewayJid, nextId) == u"opted-out"; }));
        QVERIFY(!gateway.incoming(marker + u"x"_s));

        // Free text waits for a person, who marks it handled.
        const QString question = u"Can I bring my daughter? "_s + marker;
        QVERIFY(patient.send(serviceJid, question));
        QVERIFY(refreshUntil(desk, [&] { return replies.rowCount() == 1; }));
        QCOMPARE(replies.index(0).data(Ui::FrontDeskRepliesModel::TextRole).toString(), question);
        replies.markHandled(0);
        QVERIFY(refreshUntil(desk, [&] { return replies.rowCount() == 0; }));

        // A reply stored just before the service died is handled after the restart.
        service.close();
        QVERIFY(service.open(m_env, serviceJid, m_dir.filePath(u"v-service"_s)));
        const QString parking = u"Where do I park? "_s + marker;
        QVERIFY(patient.send(serviceJid, parking));
        QVERIFY(service.waitForBody(parking));
        service.close();
        QVERIFY(service.open(m_env, serviceJid, m_dir.filePath(u"v-service"_s), &config));
        QVERIFY(refreshUntil(desk, [&] {
            return replies.rowCount() == 1 &&
                   replies.index(0).data(Ui::FrontDeskRepliesModel::TextRole) == parking;
        }));
        // Handled once: another restart does not queue it again.
        service.close();
        QVERIFY(service.open(m_env, serviceJid, m_dir.filePath(u"v-service"_s), &config));
        QVERIFY(refreshUntil(desk, [&] { return desk.refreshedAt().isValid(); }));
        QTest::qWait(500);
        QVERIFY(refreshUntil(desk, [&] { return replies.rowCount() == 1; }));

        desk.setAccount(nullptr);
        staff.close();
        service.close();
        gateway.close();
        patient.close();
    }

    void theViewPagesTheStatus()
    {
        const QString staffJid = m_env.account(2), serviceJid = m_env.account(6),
                      colleagueJid = m_env.account(12);
        ServiceConfig config;
        config.staff = {staffJid, colleagueJid};
        config.endpoints.orgDomain = m_env.domain;
        config.pollMs = 250;
        Device staff, service;
        QVERIFY(service.open(m_env, serviceJid, m_dir.filePath(u"p-service"_s), &config));
        QVERIFY(staff.open(m_env, staffJid, m_dir.filePath(u"p-staff"_s)));

        // Two batches (7, then 5) due tomorrow: 12 scheduled reminders.
        ServiceClient client(*staff.account, Core::Jid(serviceJid));
        const QString marker = u"Fp"_s + tag();
        const auto submit = [&](int rows, ServiceClient *via = nullptr) {
            Protocol::Batch b;
            b.id = ServiceClient::newId();
            b.messageTemplate = MessageTemplate::builtIn(TemplateKind::Appointment);
            for (int i = 0; i < rows; ++i) {
                ReminderRow row;
                row.line = i + 2;
                row.patient = u"pg%1-%2@%3"_s.arg(marker).arg(i).arg(m_env.domain);
                row.sendAt = QDateTime::currentDateTimeUtc().addDays(1);
                row.values = {{u"first_name"_s, marker},
                              {u"date"_s, u"2030-05-02"_s},
                              {u"time"_s, u"9:30"_s},
                              {u"clinic"_s, u"Norte"_s}};
                b.rows << row;
            }
            auto answer = await((via ? via : &client)->request(b));
            return answer && std::get<Protocol::Result>(*answer).outcome == u"accepted" ? b.id
                                                                                        : QString();
        };
        const QString older = submit(7);
        const QString newer = submit(5);
        QVERIFY(!older.isEmpty() && !newer.isEmpty());

        Ui::FrontDeskClient desk;
        desk.setService(serviceJid);
        desk.setAccount(staff.account.get());
        desk.setPageSize(4);
        Ui::FrontDeskStatusModel status;
        QAbstractItemModelTester tester(&status,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        status.setClient(&desk);
        const auto ids = [&] {
            QList<qint64> out;
            for (int i = 0; i < status.rowCount(); ++i)
                out << status.index(i).data(Ui::FrontDeskStatusModel::IdRole).toLongLong();
            return out;
        };
        const auto exactlyOnce = [&] {
            const QList<qint64> shown = ids();
            return QSet<qint64>(shown.cbegin(), shown.cend()).size() == shown.size();
        };

        // The first page: the newest batch first; the counts are of all 12.
        QSignalSpy arrived(&desk, &Ui::FrontDeskClient::statusArrived);
        desk.refresh();
        QVERIFY(arrived.wait(30000));
        QCOMPARE(status.rowCount(), 4);
        QCOMPARE(status.total(), 12);
        QVERIFY(status.hasMore());
        QCOMPARE(status.summary(), u"Scheduled: 12"_s);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(status.index(i).data(Ui::FrontDeskStatusModel::BatchRole).toString(), newer);

        // Loading more brings the rest, each once, in order.
        status.loadMore();
        QTRY_COMPARE_WITH_TIMEOUT(status.rowCount(), 8, 30000);
        QTRY_VERIFY(!status.isLoadingMore());
        status.loadMore();
        QTRY_COMPARE_WITH_TIMEOUT(status.rowCount(), 12, 30000);
        QTRY_VERIFY(!status.isLoadingMore());
        QVERIFY(!status.hasMore());
        QVERIFY(exactlyOnce());
        QCOMPARE(status.index(5).data(Ui::FrontDeskStatusModel::BatchRole).toString(), older);
        const auto stored = await(service.service->store().reminders({}));
        QVERIFY(stored);
        QList<qint64> all;
        for (const auto &r : *stored)
            all << r.id;
        QList<qint64> shown = ids();
        std::sort(shown.begin(), shown.end());
        QCOMPARE(shown, all);
        QSignalSpy requests(service.service.get(), &ReminderService::requestHandled);
        status.loadMore(); // nothing more: nothing asked
        QTest::qWait(1500);
        QCOMPARE(requests.size(), 0);

        // A colleague's batch accepted meanwhile shows on top by itself (the
        // event); the refresh keeps as many as were shown, and the rest loads once.
        Device colleague;
        QVERIFY(colleague.open(m_env, colleagueJid, m_dir.filePath(u"p-colleague"_s)));
        ServiceClient colleagueClient(*colleague.account, Core::Jid(serviceJid));
        const QString newest = submit(2, &colleagueClient);
        QVERIFY(!newest.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(status.total(), 14, 30000);
        QCOMPARE(status.index(0).data(Ui::FrontDeskStatusModel::BatchRole).toString(), newest);
        QCOMPARE(status.rowCount(), 12);
        QVERIFY(status.hasMore());
        QTRY_VERIFY(!desk.isBusy());
        status.loadMore();
        QTRY_COMPARE_WITH_TIMEOUT(status.rowCount(), 14, 30000);
        QVERIFY(exactlyOnce());
        QVERIFY(!status.hasMore());
        QCOMPARE(status.summary(), u"Scheduled: 14"_s);

        desk.setAccount(nullptr);
        colleague.close();
        staff.close();
        service.close();
    }
};

QTEST_MAIN(tst_FrontDesk)
#include "tst_FrontDesk.moc"
