// SPDX-License-Identifier: GPL-3.0-or-later
// Clinical messaging against the real Prosody (docs/protocol.md): the clinic's
// admin publishes the on-call directory on pubsub.clinic.<domain>; plain-host
// accounts page a role STAT, acknowledge, escalate (also across a restart of
// the sender's client), recall and let messages expire. Policy minutes are
// shortened to one second.
#include "account/Account.h"
#include "clinical/ClinicalService.h"
#include "clinical/DirectoryService.h"
#include "store/AuditStore.h"
#include "store/MessageStore.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/PresenceExtension.h"

#include "AuthTestSupport.h"
#include "ServerEnv.h"
#include "TestDevice.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using TestSupport::await;

QString tag()
{
    return TestSupport::randomTag();
}

/// One Rounds installation with the clinical services.
struct Node : TestSupport::TestDevice
{
    std::unique_ptr<Clinical::DirectoryService> directory;
    std::unique_ptr<Clinical::ClinicalService> clinical;

    bool open(const ServerEnv &env, const QString &bareJid, const QString &dir,
              const std::function<QString()> &code = {})
    {
        if (!openLocal(env, bareJid, dir, u"clinical"_s))
            return false;
        directory = std::make_unique<Clinical::DirectoryService>(*account);
        directory->setService(Core::Jid(QString(u"pubsub."_s + env.clinicDomain)));
        clinical = std::make_unique<Clinical::ClinicalService>(*account, *directory);
        Clinical::ClinicalPolicy policy;
        policy.minute = std::chrono::seconds(1);
        clinical->setPolicy(policy);
        if (!await(clinical->start()))
            return false;
        if (code)
            QObject::connect(account.get(), &Account::Account::secondFactorRequired, account.get(),
                             [this, code](Xmpp::SecondFactorTask, const QString &) {
                                 (void)account->provideSecondFactor(code());
                             });
        return signIn(env) && QTest::qWaitFor([&] { return directory->isLoaded(); }, 30000);
    }

    void close()
    {
        clinical.reset(); // before the account's store closes
        directory.reset();
        TestDevice::close();
    }

    bool waitSent(const QString &id)
    {
        return QTest::qWaitFor(
            [&] {
                auto m = await(account->messageStore()->messageById(id));
                return m && *m && (*m)->state >= Store::MessageState::Sent &&
                       (*m)->state != Store::MessageState::Failed;
            },
            30000);
    }

    QStringList auditActions()
    {
        // Through the export (JSON Lines), as an auditor would read it.
        QStringList out;
        const QString path = dataDir + u"/audit-"_s + tag() + u".jsonl"_s;
        if (!await(account->auditLog()->exportTo(path)))
            return out;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return out;
        while (!file.atEnd()) {
            const QJsonObject entry = QJsonDocument::fromJson(file.readLine()).object();
            QStringList ids;
            for (const QJsonValue &id : entry.value(u"objects").toArray())
                ids << id.toString();
            out << entry.value(u"action").toString() + u' ' + ids.join(u' ');
        }
        return out;
    }
};

} // namespace

class tst_Clinical : public QObject
{
    Q_OBJECT
    ServerEnv m_env;
    QTemporaryDir m_dirs;
    Node m_admin, m_sender, m_oncall, m_backup;
    QString m_role, m_backupRole;

    bool hasAudit(Node &node, const QString &prefix)
    {
        const QStringList actions = node.auditActions();
        if (!std::any_of(actions.cbegin(), actions.cend(),
                         [&](const QString &a) { return a.startsWith(prefix); }))
            qWarning() << "audit lacks" << prefix << "in"
                       << actions.filter(prefix.section(u' ', 0, 0));
        return std::any_of(actions.cbegin(), actions.cend(),
                           [&](const QString &a) { return a.startsWith(prefix); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(!m_env.clinicDomain.isEmpty());
        QVERIFY(m_dirs.isValid());
        auto attempts = std::make_shared<int>(0);
        QVERIFY(
            m_admin.open(m_env, m_env.clinicAdmin, m_dirs.filePath(u"admin"_s), [this, attempts] {
                return testTotpCodeAt(m_env.clinicAdminTotpSecret,
                                      testTotpStepForAttempt((*attempts)++));
            }));
        // dave, erin, frank: their archives hold other tests' traffic; our data dirs are new.
        QVERIFY(m_sender.open(m_env, m_env.account(3), m_dirs.filePath(u"sender"_s)));
        QVERIFY(m_oncall.open(m_env, m_env.account(4), m_dirs.filePath(u"oncall"_s)));
        QVERIFY(m_backup.open(m_env, m_env.account(5), m_dirs.filePath(u"backup"_s)));
    }

    void cleanupTestCase()
    {
        m_backup.close();
        m_oncall.close();
        m_sender.close();
        m_admin.close();
    }

    void adminPublishesTheDirectory()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_role = u"cardiology-oncall-"_s + tag();
        m_backupRole = u"cardiology-backup-"_s + tag();
        Clinical::Role backup;
        backup.id = m_backupRole;
        backup.shifts = {{Core::Jid(m_backup.jid), now.addSecs(-3600), now.addSecs(3600)}};
        Clinical::Role oncall;
        oncall.id = m_role;
        oncall.name = u"On-call cardiology"_s;
        // The on-call person now, and the backup later today (not now).
        oncall.shifts = {{Core::Jid(m_oncall.jid), now.addSecs(-3600), now.addSecs(3600)},
                         {Core::Jid(m_backup.jid), now.addSecs(3600), now.addSecs(7200)}};
        oncall.escalation = {{3, m_backupRole, {}}};
        auto published = await(m_admin.directory->publish(backup));
        QVERIFY2(published, qPrintable(published ? QString() : published.error().detail));
        QVERIFY(await(m_admin.directory->publish(oncall)));

        // A staff account may read but not publish.
        Clinical::Role forged = oncall;
        forged.shifts = {{Core::Jid(m_sender.jid), now.addSecs(-60), now.addSecs(3600)}};
        auto refused = await(m_sender.directory->publish(forged));
        QVERIFY(!refused);
        QCOMPARE(refused.error().detail, u"admin-forbidden"_s);

        // Everyone sees the admin's version (notification or fetch).
        for (Node *node : {&m_sender, &m_oncall, &m_backup})
            QVERIFY(QTest::qWaitFor(
                [&] {
                    if (!node->directory->directory().contains(m_role))
                        (void)await(node->directory->refresh());
                    return node->directory->directory().value(m_role) == oncall;
                },
                15000));
    }

    void roleAddressResolvesToTheOnCallHolder()
    {
        const QString body = u"role page "_s + tag();
        auto sent = await(m_sender.clinical->sendToRole(m_role, body, {}));
        QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().detail));
        QCOMPARE(sent->resolvedTo.bareString(), m_oncall.jid); // not the backup's later shift
        QVERIFY(m_oncall.waitForBody(body));
        QVERIFY(hasAudit(m_sender, u"resolve-role "_s + m_role + u' ' + m_oncall.jid));
        auto unknown = await(m_sender.clinical->sendToRole(u"no-such-role"_s, body, {}));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().detail, u"role-unknown"_s);
    }

    void statIsAcknowledged()
    {
        const QString body = u"STAT troponin "_s + tag();
        QSignalSpy acked(m_sender.clinical.get(), &Clinical::ClinicalService::acknowledged);
        QSignalSpy escalated(m_sender.clinical.get(), &Clinical::ClinicalService::escalated);
        auto sent =
            await(m_sender.clinical->sendToRole(m_role, body, {Clinical::Priority::Stat, {}}));
        QVERIFY(sent);
        const auto got = m_oncall.waitForBody(body);
        QVERIFY(got);
        QCOMPARE(got->priority, int(Clinical::Priority::Stat));
        QVERIFY(await(m_oncall.clinical->acknowledge(got->messageId)));
        QVERIFY(acked.size() > 0 || acked.wait(45000));
        QCOMPARE(acked.first().at(0).toString(), sent->message.messageId);
        QCOMPARE(acked.first().at(1).toString(), m_oncall.jid);
        auto acks = await(m_sender.clinical->acknowledgements(sent->message.messageId));
        QVERIFY(acks);
        QCOMPARE(acks->size(), 1);
        QCOMPARE(acks->first().jid, m_oncall.jid);
        QVERIFY(qAbs(acks->first().at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(hasAudit(m_sender, u"acknowledge "_s + sent->message.messageId));
        // Acknowledged in time: the chain (3 "minutes" = 3 s here) never runs.
        QTest::qWait(4500);
        QCOMPARE(escalated.size(), 0);
    }

    void unacknowledgedStatEscalatesAcrossARestart()
    {
        const QString body = u"STAT unanswered "_s + tag();
        auto sent =
            await(m_sender.clinical->sendToRole(m_role, body, {Clinical::Priority::Stat, {}}));
        QVERIFY(sent);
        const QString originId = sent->message.originId;
        QVERIFY(m_sender.waitSent(sent->message.messageId));
        QVERIFY(m_oncall.waitForBody(body)); // arrives, nobody acknowledges
        // The sender's client goes away before the escalation is due ...
        const QString senderDir = m_sender.dataDir;
        m_sender.close();
        QTest::qWait(4000);
        QVERIFY(!m_backup.waitForBody(body, 1000));
        // ... and comes back: the pending row becomes a timer again, and fires.
        QVERIFY(m_sender.open(m_env, m_env.account(3), senderDir));
        const auto copy = m_backup.waitForBody(body, 30000);
        QVERIFY(copy);
        QCOMPARE(copy->escalationOf, originId);
        QCOMPARE(copy->escalationStep, 1);
        QCOMPARE(copy->priority, int(Clinical::Priority::Stat));
        QVERIFY(hasAudit(m_sender,
                         u"escalate "_s + originId + u" 1 "_s + m_role + u' ' + m_backup.jid));
        // The backup acknowledges the copy: the original's chain is done.
        QSignalSpy acked(m_sender.clinical.get(), &Clinical::ClinicalService::acknowledged);
        QVERIFY(await(m_backup.clinical->acknowledge(copy->messageId)));
        QVERIFY(acked.wait(20000));
        QVERIFY(await(m_sender.clinical->store().pendingEscalations())->isEmpty());
    }

    void ackFromSomeoneElseIsIgnored()
    {
        const QString body = u"urgent for oncall only "_s + tag();
        auto sent = await(m_sender.clinical->send(Core::Jid(m_oncall.jid), body,
                                                  {Clinical::Priority::Urgent, {}}));
        QVERIFY(sent);
        QVERIFY(m_oncall.waitForBody(body));
        QSignalSpy acked(m_sender.clinical.get(), &Clinical::ClinicalService::acknowledged);
        // The backup forges an ack of a message it never got.
        m_backup.account->client().send(Clinical::ackStanza(
            m_sender.jid, u"forged-"_s + tag(), {sent->originId, QDateTime::currentDateTimeUtc()}));
        QVERIFY(!acked.wait(3000));
        QVERIFY(await(m_sender.clinical->acknowledgements(sent->messageId))->isEmpty());
    }

    void recallRemovesTheTextAtTheRecipient()
    {
        const QString word = u"zq"_s + tag();
        const QString body = u"wrong patient "_s + word;
        auto sent = await(m_sender.clinical->send(Core::Jid(m_oncall.jid), body, {}));
        QVERIFY(sent);
        const auto got = m_oncall.waitForBody(body);
        QVERIFY(got);
        QCOMPARE(await(m_oncall.account->messageStore()->search(word))->size(), 1);
        // Only the sender may recall: the recipient cannot recall what it got.
        auto refused = await(m_oncall.clinical->recall(got->messageId));
        QVERIFY(!refused);
        QCOMPARE(refused.error().detail, u"recall-not-sender"_s);

        QSignalSpy recalled(m_oncall.clinical.get(), &Clinical::ClinicalService::recalled);
        QVERIFY(await(m_sender.clinical->recall(sent->messageId)));
        QVERIFY(recalled.wait(20000));
        auto row = await(m_oncall.account->messageStore()->messageById(got->messageId));
        QVERIFY(row && *row);
        QVERIFY((*row)->recalled);
        QVERIFY((*row)->body.isEmpty());
        QCOMPARE(await(m_oncall.account->messageStore()->search(word))->size(), 0);
        QCOMPARE(await(m_sender.account->messageStore()->search(word))->size(), 0);
        QVERIFY(hasAudit(m_sender, u"recall "_s + sent->messageId));
        QVERIFY(hasAudit(m_oncall, u"recall "_s + got->messageId));
    }

    void expiredMessageIsGoneFromTheDatabase()
    {
        const QString word = u"zx"_s + tag();
        const QString body = u"short-lived "_s + word;
        const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(4);
        auto sent = await(m_sender.clinical->send(Core::Jid(m_oncall.jid), body,
                                                  {Clinical::Priority::Routine, expires}));
        QVERIFY(sent);
        const auto got = m_oncall.waitForBody(body);
        QVERIFY(got);
        QCOMPARE(got->expiresAt, expires);
        // Not yet. (The purge may delete older expired copies from the archive
        // catch-up: earlier runs of this test used these accounts.)
        QVERIFY(await(m_oncall.clinical->purgeNow()));
        QVERIFY(*await(m_oncall.account->messageStore()->messageById(got->messageId)));
        QTest::qWait(int(QDateTime::currentDateTimeUtc().msecsTo(expires)) + 500);
        QVERIFY(*await(m_oncall.clinical->purgeNow()) >= 1);
        QVERIFY(!*await(m_oncall.account->messageStore()->messageById(got->messageId)));
        QCOMPARE(await(m_oncall.account->messageStore()->search(word))->size(), 0);
        QVERIFY(*await(m_sender.clinical->purgeNow()) >= 1); // the sender's copy too
        QVERIFY(!*await(m_sender.account->messageStore()->messageById(sent->messageId)));
        QVERIFY(hasAudit(m_oncall, u"expire "_s));
    }
};

QTEST_MAIN(tst_Clinical)
#include "tst_Clinical.moc"
