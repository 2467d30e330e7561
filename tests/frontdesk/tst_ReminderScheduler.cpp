// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/ConsentPolicy.h"
#include "frontdesk/ReminderScheduler.h"
#include "store/FrontDeskStore.h"
#include "store/MessageStore.h"

#include "TestSupport.h"

#include <QPromise>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FrontDesk;
using Store::ReminderState;

namespace {

template<typename T>
T await(QFuture<T> future)
{
    if (!TestSupport::waitFor(future))
        qFatal("test wait expired");
    return future.result();
}

} // namespace

/// The schedule on a real encrypted store, with a clock the test moves.
class tst_ReminderScheduler : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<Store::StoreWorker> m_worker;
    std::unique_ptr<Store::FrontDeskStore> m_store;
    std::unique_ptr<Store::MessageStore> m_messages;
    QDateTime m_now = QDateTime(QDate(2030, 1, 15), QTime(8, 0), Qt::UTC);
    QStringList m_sentTo;
    EndpointRules m_endpoints;

    std::unique_ptr<ReminderScheduler> makeScheduler(bool commitToOutbox = false)
    {
        auto s = std::make_unique<ReminderScheduler>(
            *m_store, [this](const QString &p) { return m_endpoints.channelOf(p); },
            [this] { return m_now; });
        s->setPollInterval(0);
        s->setSender([this, commitToOutbox](const Store::ReminderRecord &r) {
            m_sentTo << r.patient;
            Store::StoredMessage m;
            m.conversation = r.patient;
            m.direction = Store::Direction::Outgoing;
            m.messageId = u"m"_s + QString::number(r.id);
            m.originId = m.messageId;
            m.timestamp = m_now;
            m.body = r.body;
            m.state = Store::MessageState::Pending;
            QPromise<Core::Result<QString>> p;
            p.start();
            if (commitToOutbox)
                (void)await(m_messages->enqueueOutgoing(m));
            p.addResult(Core::Result<QString>(m.messageId));
            p.finish();
            return p.future();
        });
        return s;
    }

    void addBatch(const QString &id, const QList<std::pair<QString, int>> &rows)
    {
        QList<Store::ReminderRecord> reminders;
        int line = 2;
        for (const auto &[patient, minutes] : rows) {
            Store::ReminderRecord r;
            r.line = line++;
            r.patient = patient;
            r.body = u"Hi, reminder for line "_s + QString::number(r.line) + u" of "_s + id;
            r.due = m_now.addSecs(minutes * 60);
            reminders << r;
        }
        QVERIFY(*await(m_store->addBatch(
            {id, u"staff@clinic.example"_s, m_now, u"appointment"_s, false}, reminders)));
    }

    QHash<QString, ReminderState> states()
    {
        QHash<QString, ReminderState> out;
        const auto rows = await(m_store->reminders({}));
        for (const auto &r : *rows)
            out.insert(r.patient, r.state);
        return out;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto opened = await(Store::StoreWorker::open(
            m_dir.filePath(u"fd.db"_s), QByteArray(32, '\x42'), Store::Database::Mode::CreateNew));
        QVERIFY(opened);
        m_worker = *opened;
        m_store = std::make_unique<Store::FrontDeskStore>(m_worker);
        m_messages = std::make_unique<Store::MessageStore>(m_worker);
        m_sentTo.clear();
        m_endpoints = {};
        m_endpoints.orgDomain = u"clinic.example"_s;
    }
    void cleanup()
    {
        m_messages.reset();
        m_store.reset();
        m_worker->close();
        m_worker.reset();
        QFile::remove(m_dir.filePath(u"fd.db"_s));
    }

    void consentRules()
    {
        using S = Store::ConsentRecord;
        const QDateTime at = m_now;
        QCOMPARE(decideConsent(std::nullopt, Channel::Xmpp), ConsentDecision::NoConsent);
        QCOMPARE(decideConsent(S{1, u"a@x"_s, u"xmpp"_s, at, u"s@x"_s, {}, {}}, Channel::Xmpp),
                 ConsentDecision::Allowed);
        QCOMPARE(
            decideConsent(S{1, u"a@x"_s, u"xmpp"_s, at, u"s@x"_s, {}, {}}, Channel::SmsGateway),
            ConsentDecision::NoConsent);
        QCOMPARE(decideConsent(S{1, u"a@x"_s, u"sms"_s, at, u"s@x"_s, at, u"patient-reply"_s},
                               Channel::SmsGateway),
                 ConsentDecision::Withdrawn);

        const QString ana = u"ana@clinic.example"_s;
        const qint64 first = *await(m_store->grantConsent(ana, u"xmpp"_s, at, u"s@x"_s));
        QCOMPARE(*await(m_store->grantConsent(ana, u"xmpp"_s, at, u"t@x"_s)), first);
        QCOMPARE(*await(m_store->withdrawConsent(ana, {}, at, u"patient-reply"_s)), QList{first});
        QVERIFY(await(m_store->withdrawConsent(ana, {}, at, u"patient-reply"_s))->isEmpty());
        const auto latest = *await(m_store->consent(ana, u"xmpp"_s));
        QVERIFY(latest && !latest->inForce());
        QCOMPARE(latest->withdrawnBy, u"patient-reply"_s);
        QCOMPARE(latest->recordedBy, u"s@x"_s);
        QVERIFY(*await(m_store->grantConsent(ana, u"xmpp"_s, at, u"s@x"_s)) > first);
        QCOMPARE(await(m_store->consentHistory(ana))->size(), 2);
    }

    void sendsOnTimeOnlyWithConsent()
    {
        const QString ana = u"ana@clinic.example"_s, bo = u"bo@clinic.example"_s,
                      cy = u"cy@clinic.example"_s;
        await(m_store->grantConsent(ana, u"xmpp"_s, m_now, u"s@x"_s));
        await(m_store->grantConsent(cy, u"xmpp"_s, m_now, u"s@x"_s));
        await(m_store->withdrawConsent(cy, u"xmpp"_s, m_now, u"patient-reply"_s));
        addBatch(u"b1"_s, {{ana, 10}, {bo, 10}, {cy, 10}});
        auto scheduler = makeScheduler();
        QCOMPARE(*await(scheduler->start()), 0);
        QCOMPARE(*await(scheduler->tick()), 0); // not yet due
        QVERIFY(m_sentTo.isEmpty());
        m_now = m_now.addSecs(9 * 60 + 59);
        QCOMPARE(*await(scheduler->tick()), 0);
        m_now = m_now.addSecs(1);
        QCOMPARE(*await(scheduler->tick()), 3);
        QCOMPARE(m_sentTo, QStringList{ana});
        const auto s = states();
        QCOMPARE(s.value(ana), ReminderState::Sent);
        QCOMPARE(s.value(bo), ReminderState::Failed);
        QCOMPARE(s.value(cy), ReminderState::OptedOut);
        QCOMPARE(*await(scheduler->tick()), 0);
        QCOMPARE(m_sentTo.size(), 1);
        // Consent on another channel is no consent for a gateway number.
        const QString gw = u"+15551234567@sms.clinic.example"_s;
        await(m_store->grantConsent(gw, u"xmpp"_s, m_now, u"s@x"_s));
        addBatch(u"b2"_s, {{gw, 0}});
        QCOMPARE(*await(scheduler->tick()), 1);
        QCOMPARE(states().value(gw), ReminderState::Failed);
        QCOMPARE(await(m_store->reminders(u"b2"_s))->first().reason, u"no-consent"_s);
    }

    void restartSendsNothingTwice()
    {
        const QString ana = u"ana@clinic.example"_s, bo = u"bo@clinic.example"_s;
        await(m_store->grantConsent(ana, u"xmpp"_s, m_now, u"s@x"_s));
        await(m_store->grantConsent(bo, u"xmpp"_s, m_now, u"s@x"_s));
        addBatch(u"b1"_s, {{ana, 0}, {bo, 0}});
        QVERIFY(
            !*await(m_store->addBatch({u"b1"_s, u"s@x"_s, m_now, u"appointment"_s, false}, {})));
        const auto rows = *await(m_store->reminders(u"b1"_s));
        // A crash after the claim: ana's message reached the outbox, bo's did not.
        QVERIFY(*await(m_store->claim(rows[0].id, m_now)));
        QVERIFY(*await(m_store->claim(rows[1].id, m_now)));
        QVERIFY(!*await(m_store->claim(rows[1].id, m_now)));
        Store::StoredMessage m;
        m.conversation = ana;
        m.direction = Store::Direction::Outgoing;
        m.messageId = u"out-ana"_s;
        m.originId = m.messageId;
        m.timestamp = m_now;
        m.body = rows[0].body;
        m.state = Store::MessageState::Pending;
        QVERIFY(await(m_messages->enqueueOutgoing(m)));

        auto scheduler = makeScheduler(true);
        QCOMPARE(*await(scheduler->start()), 2);
        const auto settled = *await(m_store->reminders(u"b1"_s));
        QCOMPARE(settled[0].state, ReminderState::Sent);
        QCOMPARE(settled[0].messageId, u"out-ana"_s);
        QCOMPARE(settled[1].state, ReminderState::Scheduled);
        QCOMPARE(*await(scheduler->tick()), 1);
        QCOMPARE(m_sentTo, QStringList{bo});
        // Another restart: both sent, nothing again.
        scheduler = makeScheduler(true);
        QCOMPARE(*await(scheduler->start()), 0);
        QCOMPARE(*await(scheduler->tick()), 0);
        QCOMPARE(m_sentTo, QStringList{bo});
        QCOMPARE((*await(m_store->reminderForMessage(u"out-ana"_s)))->id, rows[0].id);
        QCOMPARE((*await(m_store->latestSentTo(bo)))->id, rows[1].id);
    }

    void optOutStopsScheduled()
    {
        const QString ana = u"ana@clinic.example"_s;
        await(m_store->grantConsent(ana, u"xmpp"_s, m_now, u"s@x"_s));
        addBatch(u"b1"_s, {{ana, 5}});
        QCOMPARE(await(m_store->optOutScheduled(ana, m_now))->size(), 1);
        auto scheduler = makeScheduler();
        m_now = m_now.addSecs(600);
        QCOMPARE(*await(scheduler->tick()), 0);
        QVERIFY(m_sentTo.isEmpty());
        QCOMPARE(states().value(ana), ReminderState::OptedOut);
        QCOMPARE(await(m_store->enqueueReply({0, ana, 0, u"r1"_s, m_now, {}})).value_or(0), 1);
        QCOMPARE(await(m_store->openReplies())->size(), 1);
    }

    void repliesAreHandledOnceAcrossRestarts()
    {
        const auto incoming = [this](const QString &from, const QString &id, const QString &body) {
            Store::StoredMessage m;
            m.conversation = from;
            m.sender = from;
            m.direction = Store::Direction::Incoming;
            m.messageId = id;
            m.originId = id;
            m.timestamp = m_now;
            m.body = body;
            m.protection = Store::Protection::Encrypted;
            QVERIFY(await(m_messages->insertMessages({m})));
        };
        const QString ana = u"ana@clinic.example"_s;
        incoming(ana, u"old"_s, u"from before the service"_s);
        // First start: what was there before is not the service's to handle.
        auto pending = await(m_store->unhandledIncoming());
        QVERIFY(pending && pending->isEmpty());

        incoming(ana, u"q1"_s, u"Can I bring my daughter?"_s);
        incoming(ana, u"q2"_s, u"C"_s);
        pending = await(m_store->unhandledIncoming());
        QVERIFY(pending);
        QCOMPARE(pending->size(), 2);
        QCOMPARE(pending->at(0).messageId, u"q1"_s);
        // q1 handled completely (queued, marked); q2 cut short by a crash.
        const qint64 queued = *await(m_store->enqueueReply({0, ana, 0, u"q1"_s, m_now, {}}));
        QVERIFY(await(m_store->markHandled(pending->at(0).rowId, m_now)));
        pending = await(m_store->unhandledIncoming());
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->at(0).messageId, u"q2"_s);
        QVERIFY(await(m_store->markHandled(pending->at(0).rowId, m_now)));
        QVERIFY(await(m_store->unhandledIncoming())->isEmpty());

        // Queued once per message, with its text; handled once.
        QCOMPARE(*await(m_store->enqueueReply({0, ana, 0, u"q1"_s, m_now, {}})), queued);
        auto open = await(m_store->openReplies());
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->at(0).body, u"Can I bring my daughter?"_s);
        QVERIFY(*await(m_store->markQueuedHandled(queued, u"desk@clinic.example"_s, m_now)));
        QVERIFY(!*await(m_store->markQueuedHandled(queued, u"desk@clinic.example"_s, m_now)));
        QVERIFY(await(m_store->openReplies())->isEmpty());
    }

    void consentRegistryShowsTheLatestPerChannel()
    {
        const QString ana = u"ana@clinic.example"_s, bo = u"+15551234567@sms.clinic.example"_s;
        QVERIFY(await(m_store->grantConsent(ana, u"xmpp"_s, m_now, u"s@x"_s)));
        QVERIFY(await(m_store->grantConsent(bo, u"sms"_s, m_now, u"s@x"_s)));
        QVERIFY(await(m_store->withdrawConsent(bo, u"sms"_s, m_now, u"patient-reply"_s)));
        QVERIFY(await(m_store->grantConsent(ana, u"xmpp"_s, m_now, u"t@x"_s))); // in force already
        const auto all = await(m_store->consents());
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).patient, bo);
        QVERIFY(!all->at(0).inForce());
        QCOMPARE(all->at(1).patient, ana);
        QVERIFY(all->at(1).inForce());
        QCOMPARE(all->at(1).recordedBy, u"s@x"_s);
    }
};

QTEST_GUILESS_MAIN(tst_ReminderScheduler)
#include "tst_ReminderScheduler.moc"
