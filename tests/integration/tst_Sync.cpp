// SPDX-License-Identifier: GPL-3.0-or-later
// The encrypted cache and sync pipeline against a real server: archive
// catch-up after being offline, carbons from another device, and no message
// text on disk.
#include "account/Account.h"
#include "store/MessageStore.h"
#include "sync/MamCatchUp.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/ChatMarkersExtension.h"
#include "xmpp/extensions/MessagingExtension.h"
#include "xmpp/extensions/PresenceExtension.h"

#include "ServerEnv.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<Account::Account> makeAccount(const ServerEnv &env, const QString &jid)
{
    Account::AccountSettings settings;
    settings.jid = Core::Jid(jid);
    settings.serverUrl = env.url;
    settings.caFile = env.caFile;
    settings.resource = u"sync-"_s + QString::number(QRandomGenerator::global()->generate(), 16);
    auto account = std::make_unique<Account::Account>(settings);
    // These tests are about delivery, not encryption (tst_Omemo): their raw
    // peers may have no OMEMO device.
    Sync::E2ePolicy policy;
    policy.requireEncryption = false;
    account->setE2ePolicy(policy);
    return account;
}

template<typename T>
T await(QFuture<T> future, int seconds = 60)
{
    if (!TestSupport::waitFor(future, std::chrono::seconds(seconds)))
        qFatal("test wait expired");
    return future.result();
}

Account::LocalDataOptions localData(const QString &dir)
{
    Account::LocalDataOptions options;
    options.dataDir = dir;
    options.passphrase = u"correct horse battery staple"_s;
    options.fastKdfForTests = true;
    return options;
}

QList<Store::StoredMessage> history(Account::Account &account, const QString &with)
{
    auto page = await(account.messageStore()->messages(with, 0, 1000));
    return page ? *page : QList<Store::StoredMessage>{};
}

int countBody(const QList<Store::StoredMessage> &messages, const QString &body)
{
    return int(std::count_if(messages.begin(), messages.end(),
                             [&](const Store::StoredMessage &m) { return m.body == body; }));
}

} // namespace

class tst_Sync : public QObject
{
    Q_OBJECT
    ServerEnv m_env;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
    }

    void offlineMessagesArriveThroughTheArchive()
    {
        const QString carol = m_env.account(2), bob = m_env.account(1);
        QTemporaryDir dir;
        const QString tag = QString::number(QRandomGenerator::global()->generate(), 16);
        {
            auto account = makeAccount(m_env, carol);
            QVERIFY(await(account->openLocalData(localData(dir.path()))));
            QVERIFY(await(account->signIn(m_env.password(carol))));
            QVERIFY(await(account->catchUp()->run()));
            account->signOut();
            QVERIFY(QTest::qWaitFor(
                [&] { return account->client().state() == Xmpp::Client::State::Disconnected; },
                5000));
        }
        {
            // Bob writes while Carol is away.
            auto sender = makeAccount(m_env, bob);
            QVERIFY(await(sender->signIn(m_env.password(bob))));
            QSignalSpy acked(&sender->client(), &Xmpp::Client::stanzaAcknowledged);
            for (int i = 0; i < 5; ++i)
                sender->messaging().sendChat(Core::Jid(carol), u"mam %1 #%2"_s.arg(tag).arg(i));
            QVERIFY(QTest::qWaitFor([&] { return acked.count() >= 5; }, 15000));
            sender->signOut();
        }
        auto account = makeAccount(m_env, carol);
        QVERIFY(await(account->openLocalData(localData(dir.path()))));
        QVERIFY(await(account->signIn(m_env.password(carol))));
        // The session start triggers the catch-up; wait for it to finish.
        QVERIFY(QTest::qWaitFor([&] { return !account->catchUp()->isRunning(); }, 30000));
        const auto report = await(account->catchUp()->run());
        QVERIFY(report);
        QTest::qWait(500); // offline delivery may also arrive live: it must not duplicate
        const auto messages = history(*account, bob);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(countBody(messages, u"mam %1 #%2"_s.arg(tag).arg(i)), 1);
        const auto list = await(account->messageStore()->conversations());
        QVERIFY(list);
        QVERIFY(std::any_of(list->begin(), list->end(), [&](const Store::ConversationSummary &c) {
            return c.conversation == bob && c.unread >= 5;
        }));
        const auto found = await(account->messageStore()->search(u"mam "_s + tag));
        QVERIFY(found);
        QCOMPARE(found->size(), 5);
    }

    void carbonsBringMessagesFromAnotherDevice()
    {
        const QString alice = m_env.account(0), dave = m_env.account(3);
        QTemporaryDir dir;
        auto workstation = makeAccount(m_env, alice);
        QVERIFY(await(workstation->openLocalData(localData(dir.path()))));
        QVERIFY(await(workstation->signIn(m_env.password(alice))));
        QVERIFY(QTest::qWaitFor([&] { return !workstation->catchUp()->isRunning(); }, 30000));
        QSignalSpy stored(workstation->pipeline(), &Sync::MessagePipeline::messagesStored);

        auto phone = makeAccount(m_env, alice); // second device, same account
        QVERIFY(await(phone->signIn(m_env.password(alice))));
        const QString body =
            u"carbon copy "_s + QString::number(QRandomGenerator::global()->generate(), 16);
        phone->messaging().sendChat(Core::Jid(dave), body);
        QVERIFY(QTest::qWaitFor([&] { return countBody(history(*workstation, dave), body) == 1; },
                                15000));
        const auto copy = history(*workstation, dave);
        const auto it = std::find_if(copy.begin(), copy.end(),
                                     [&](const Store::StoredMessage &m) { return m.body == body; });
        QVERIFY(it != copy.end());
        QCOMPARE(it->direction, Store::Direction::Outgoing);
        QVERIFY(stored.count() >= 1);
    }

    void outboxDeliversAndMarksSent()
    {
        const QString alice = m_env.account(0), bob = m_env.account(1);
        QTemporaryDir dir;
        auto account = makeAccount(m_env, alice);
        QVERIFY(await(account->openLocalData(localData(dir.path()))));
        QVERIFY(await(account->signIn(m_env.password(alice))));
        const auto queued = await(account->outbox()->send(Core::Jid(bob), u"outbox hello"_s));
        QVERIFY(queued);
        QCOMPARE(queued->state, Store::MessageState::Pending);
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto m = await(account->messageStore()->messageById(queued->messageId));
                return m && *m && (*m)->state >= Store::MessageState::Sent &&
                       (*m)->state != Store::MessageState::Failed;
            },
            15000));
        const auto pending = await(account->messageStore()->pendingOutbox());
        QVERIFY(pending);
        QVERIFY(pending->isEmpty());
    }

    void receiptsAndMarkersMoveDeliveryState()
    {
        const QString alice = m_env.account(0), carol = m_env.account(2);
        QTemporaryDir dir;
        auto account = makeAccount(m_env, alice);
        QVERIFY(await(account->openLocalData(localData(dir.path()))));
        QVERIFY(await(account->signIn(m_env.password(alice))));
        // Presence goes out once the archive catch-up is done: from then on
        // markers arrive live (before, the second catch-up pass brings them).
        QVERIFY(QTest::qWaitFor([&] { return account->presence().initialPresenceSent(); }, 60000));
        auto peer = makeAccount(m_env, carol); // answers receipts by itself
        QVERIFY(await(peer->signIn(m_env.password(carol))));
        QSignalSpy seen(&peer->messaging(), &Xmpp::MessagingExtension::messageReceived);
        // The peer's presence must be in effect before the message is routed.
        Xmpp::Element ping(u"iq"_s, u"jabber:client"_s);
        ping.setAttribute(u"type"_s, u"get"_s)
            .appendChild(Xmpp::Element(u"ping"_s, u"urn:xmpp:ping"_s));
        QVERIFY(await(peer->client().sendIq(ping)));

        const auto queued = await(account->outbox()->send(Core::Jid(carol), u"receipt please"_s));
        QVERIFY(queued);
        const QString id = queued->messageId;
        const auto stateOf = [&] {
            auto m = await(account->messageStore()->messageById(id));
            return m && *m ? (*m)->state : Store::MessageState::Failed;
        };
        QVERIFY(
            QTest::qWaitFor([&] { return stateOf() == Store::MessageState::Delivered; }, 15000));
        QVERIFY(seen.count() >= 1);

        // The peer opens the conversation: a displayed marker makes it read.
        peer->markers().sendDisplayed(Core::Jid(alice), id);
        QVERIFY(QTest::qWaitFor([&] { return stateOf() == Store::MessageState::Read; }, 15000));

        // A marker from someone who is not in the conversation changes nothing.
        auto stranger = makeAccount(m_env, m_env.account(1));
        QVERIFY(await(stranger->signIn(m_env.password(m_env.account(1)))));
        const auto second = await(account->outbox()->send(Core::Jid(carol), u"second"_s));
        QVERIFY(second);
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto m = await(account->messageStore()->messageById(second->messageId));
                return m && *m && (*m)->state == Store::MessageState::Delivered;
            },
            15000));
        stranger->markers().sendDisplayed(Core::Jid(alice), second->messageId);
        QTest::qWait(1000);
        auto after = await(account->messageStore()->messageById(second->messageId));
        QCOMPARE((*after)->state, Store::MessageState::Delivered);
    }

    void nothingOnDiskIsReadable()
    {
        const QString alice = m_env.account(0), bob = m_env.account(1);
        QTemporaryDir dir;
        const QByteArray marker =
            "PLAINTEXT-CANARY-" + QByteArray::number(QRandomGenerator::global()->generate());
        {
            auto account = makeAccount(m_env, alice);
            QVERIFY(await(account->openLocalData(localData(dir.path()))));
            QVERIFY(await(account->signIn(m_env.password(alice))));
            QVERIFY(await(account->outbox()->send(Core::Jid(bob), QString::fromLatin1(marker))));
            QVERIFY(QTest::qWaitFor([&] { return account->outbox()->inFlight() == 0; }, 15000));
            account->signOut();
        }
        const QByteArray utf16(reinterpret_cast<const char *>(QString::fromLatin1(marker).utf16()),
                               marker.size() * 2);
        int files = 0;
        QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            ++files;
            QVERIFY2(!bytes.contains(marker), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(utf16), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(alice.toUtf8()), qPrintable(file.fileName()));
        }
        QVERIFY(files >= 2); // the database and the wrapped key at least
    }
};

QTEST_GUILESS_MAIN(tst_Sync)
#include "tst_Sync.moc"
