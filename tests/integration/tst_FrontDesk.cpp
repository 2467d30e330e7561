// SPDX-License-Identifier: GPL-3.0-or-later
// Front desk reminders against a real server: staff submit consent and a batch
// to the reminder service (OMEMO), the service sends on time to the consenting
// patient only, a restart in between sends nothing twice, CONFIRMO confirms,
// STOP opts out and the next reminder is not sent.
#include "account/Account.h"
#include "frontdesk/ReminderService.h"
#include "frontdesk/ServiceClient.h"
#include "store/MessageStore.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/PresenceExtension.h"

#include "ServerEnv.h"
#include "TestDevice.h"
#include "TestSupport.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
};

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
};

QTEST_MAIN(tst_FrontDesk)
#include "tst_FrontDesk.moc"
