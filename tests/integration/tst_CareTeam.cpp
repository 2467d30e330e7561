// SPDX-License-Identifier: GPL-3.0-or-later
// Care-team rooms against a real server: a members-only, non-anonymous room
// whose messages are OMEMO encrypted to every member's devices. Three members
// write and read; the room's archive holds no text; a non-member is refused;
// a member who was away gets what was said after entering again.
#include "account/Account.h"
#include "store/MessageStore.h"
#include "store/RoomStore.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/MamExtension.h"
#include "xmpp/extensions/MucExtension.h"
#include "xmpp/extensions/PresenceExtension.h"

#include "ServerEnv.h"
#include "TestDevice.h"
#include "TestSupport.h"

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

const QString Fallback = u"This message is end-to-end encrypted with OMEMO"_s;

/// One member's Rounds: its own data folder, everything its pipeline stored.
struct Member : TestSupport::TestDevice
{
    bool open(const ServerEnv &env, const QString &bareJid, const QString &dir)
    {
        return TestDevice::open(env, bareJid, dir, u"careteam"_s);
    }

    /// Sends to the room and waits for the server's acknowledgement.
    std::optional<Core::Error> send(const Core::Jid &room, const QString &body,
                                    QString *id = nullptr)
    {
        auto queued = await(account->sendToRoom(room, body));
        if (!queued)
            return queued.error();
        const QString sentId = queued->messageId;
        if (id)
            *id = sentId;
        bool sent = false;
        (void)QTest::qWaitFor(
            [&] {
                if (refused.contains(sentId))
                    return true;
                auto m = await(account->messageStore()->messageById(sentId));
                sent = m && *m && (*m)->state >= Store::MessageState::Sent &&
                       (*m)->state != Store::MessageState::Failed;
                return sent;
            },
            30000);
        if (refused.contains(sentId))
            return refused.value(sentId);
        if (!sent)
            return Core::Error{Core::Error::Code::Timeout, u"not acknowledged"_s};
        return std::nullopt;
    }

    Store::MessageState stateOf(const QString &id)
    {
        auto m = await(account->messageStore()->messageById(id));
        return m && *m ? (*m)->state : Store::MessageState::Failed;
    }

    /// Whether a message of `room` was stored undecryptable. Other conversations
    /// are left out: these accounts' archives hold 1:1 messages of other tests
    /// (tst_Omemo's interop peers) made for devices that no longer exist.
    bool sawUndecryptable(const Core::Jid &room) const
    {
        return std::any_of(stored.cbegin(), stored.cend(), [&](const Store::StoredMessage &m) {
            return m.conversation == room.bareString() &&
                   m.protection == Store::Protection::Undecryptable;
        });
    }
};

} // namespace

class tst_CareTeam : public QObject
{
    Q_OBJECT
    ServerEnv m_env;
    QTemporaryDir m_dir;
    Member m_a, m_b, m_c;
    Core::Jid m_room;

    void checkReceived(const std::optional<Store::StoredMessage> &got, const QString &sender)
    {
        QVERIFY(got);
        QCOMPARE(got->conversation, m_room.bareString());
        QCOMPARE(got->sender, sender);
        QCOMPARE(got->direction, Store::Direction::Incoming);
        QCOMPARE(got->protection, Store::Protection::Encrypted);
        QCOMPARE(got->e2eVersion, 4);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(m_env.accounts.size() >= 11);
        QVERIFY(m_dir.isValid());
        // hank, ivan and judy (tst_Omemo's interop accounts; tests of one server run in turn).
        QVERIFY(m_a.open(m_env, m_env.account(7), m_dir.filePath(u"a"_s)));
        QVERIFY(m_b.open(m_env, m_env.account(8), m_dir.filePath(u"b"_s)));
        QVERIFY(m_c.open(m_env, m_env.account(9), m_dir.filePath(u"c"_s)));
    }

    void createsRoomAndMembersEnter()
    {
        auto created = await(m_a->createCareTeamRoom(u"careteam-"_s + tag(),
                                                     {Core::Jid(m_b.jid), Core::Jid(m_c.jid)}));
        QVERIFY2(created, qPrintable(created ? QString() : created.error().detail));
        m_room = *created;
        QVERIFY(m_a->isRoom(m_room.bareString()));
        QVERIFY(m_a->muc().isJoined(m_room));

        // The member list names everyone by real JID.
        auto members = await(m_a->muc().members(m_room));
        QVERIFY(members);
        QStringList jids;
        for (const auto &m : std::as_const(*members))
            jids << m.jid.bareString();
        jids.sort();
        QStringList expected{m_a.jid, m_b.jid, m_c.jid};
        expected.sort();
        QCOMPARE(jids, expected);

        for (Member *m : {&m_b, &m_c}) {
            auto joined = await((*m)->joinRoom(m_room));
            QVERIFY2(joined, qPrintable(joined ? QString() : joined.error().detail));
            auto record = await((*m)->roomStore()->room(m_room.bareString()));
            QVERIFY(record && *record);
            QVERIFY((*record)->joined);
            QCOMPARE((*record)->affiliation, u"member"_s);
        }
        // Non-anonymous: everyone sees the others' real JIDs.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_a->muc().realJid(m_room, Core::Jid(m_b.jid).local()) ==
                           Core::Jid(m_b.jid) &&
                       m_a->muc().realJid(m_room, Core::Jid(m_c.jid).local()) == Core::Jid(m_c.jid);
            },
            10000));
    }

    void membersReadEachOther()
    {
        QVERIFY(m_room.isValid());
        const QString first = u"room round 1 %1 ünïcødé <&>"_s.arg(tag());
        QString id;
        QCOMPARE(m_a.send(m_room, first, &id), std::nullopt);
        checkReceived(m_b.waitForBody(first), m_a.jid);
        checkReceived(m_c.waitForBody(first), m_a.jid);
        // The room's reflection of our own message: recognised, not stored twice.
        QVERIFY(QTest::qWaitFor([&] { return m_a.stateOf(id) == Store::MessageState::Delivered; },
                                10000));
        QVERIFY(!m_a.waitForBody(first, 500));

        const QString reply = u"room reply %1"_s.arg(tag());
        QCOMPARE(m_b.send(m_room, reply), std::nullopt);
        checkReceived(m_a.waitForBody(reply), m_b.jid);
        checkReceived(m_c.waitForBody(reply), m_b.jid);

        for (Member *m : {&m_a, &m_b, &m_c})
            QVERIFY2(!m->sawUndecryptable(m_room), qPrintable(m->jid));
        auto history = await(m_c->messageStore()->messages(m_room.bareString()));
        QVERIFY(history);
        QCOMPARE(history->size(), 2);
    }

    void archiveHoldsNoText()
    {
        QVERIFY(m_room.isValid());
        const QString secret = u"archive check %1"_s.arg(tag());
        QCOMPARE(m_a.send(m_room, secret), std::nullopt);
        QVERIFY(m_b.waitForBody(secret));
        auto page = await(m_b->mam().queryPage(Xmpp::MamQuery{.max = 50, .archive = m_room}));
        QVERIFY2(page, qPrintable(page ? QString() : page.error().detail));
        QVERIFY2(!page->messages.isEmpty(), "the room archive is empty");
        for (const auto &archived : std::as_const(page->messages)) {
            const QString xml = archived.message.element.toXml();
            QVERIFY2(!xml.contains(secret) && !xml.contains(u"room round"_s) &&
                         !xml.contains(u"room reply"_s),
                     "plaintext in the room archive");
            QVERIFY(archived.message.body.startsWith(Fallback));
        }
    }

    void nonMemberIsRefused()
    {
        QVERIFY(m_room.isValid());
        Member stranger;
        // gina: already an OMEMO user in tst_Omemo (kim must stay without devices there).
        QVERIFY(stranger.open(m_env, m_env.account(6), m_dir.filePath(u"stranger"_s)));
        auto joined = await(stranger->joinRoom(m_room));
        QVERIFY(!joined);
        QCOMPARE(joined.error().code, Core::Error::Code::Policy);
        QCOMPARE(joined.error().detail, u"muc-registration-required"_s);
        QVERIFY(!stranger->isRoom(m_room.bareString()));
        // Nor can it send there.
        auto sent = await(stranger->sendToRoom(m_room, u"x"_s));
        QVERIFY(!sent);
        stranger.close();
    }

    void memberAwayCatchesUpOnReentry()
    {
        QVERIFY(m_room.isValid());
        m_c.close();
        const QString missed = u"while you were away %1"_s.arg(tag());
        QCOMPARE(m_a.send(m_room, missed), std::nullopt);
        QVERIFY(m_b.waitForBody(missed));
        // Restart with the same data: the room is entered again on the new
        // session, and its history since our newest message comes with it.
        QVERIFY(m_c.open(m_env, m_env.account(9), m_dir.filePath(u"c"_s)));
        QVERIFY(m_c->isRoom(m_room.bareString()));
        const auto got = m_c.waitForBody(missed);
        checkReceived(got, m_a.jid);
        QVERIFY(!m_c.sawUndecryptable(m_room));
        // What C already had is not stored again.
        QVERIFY(QTest::qWaitFor([&] { return m_c->muc().isJoined(m_room); }, 10000));
        auto history = await(m_c->messageStore()->messages(m_room.bareString()));
        QVERIFY(history);
        QCOMPARE(history->size(), 4);
    }

    void teamLeadManagesMembersAndEveryonesReadStateIsKept()
    {
        QVERIFY(m_room.isValid());
        const QString name = m_room.local();
        // The room's name, not its address, is what the UI shows.
        QCOMPARE(m_a->roomName(m_room.bareString()), name);
        QVERIFY(QTest::qWaitFor([&] { return m_b->roomName(m_room.bareString()) == name; }, 10000));

        // The owner makes B a team lead; a plain member may not manage.
        QVERIFY(await(m_a->setRoomTeamLead(m_room, Core::Jid(m_b.jid), true)));
        Member d;
        QVERIFY(d.open(m_env, m_env.account(6), m_dir.filePath(u"stranger"_s)));
        auto refused = await(m_c->addRoomMember(m_room, Core::Jid(d.jid)));
        QVERIFY(!refused);
        QCOMPARE(refused.error().detail, u"muc-not-team-lead"_s);
        QVERIFY(!d->isRoom(m_room.bareString()));

        // The team lead adds D: a direct invitation from our own domain, so
        // D's client enters the room by itself.
        QSignalSpy invited(d.account.get(), &Account::Account::roomInvitation);
        auto added = await(m_b->addRoomMember(m_room, Core::Jid(d.jid)));
        QVERIFY2(added, qPrintable(added ? QString() : added.error().detail));
        QVERIFY(invited.size() > 0 || invited.wait(20000));
        QCOMPARE(invited.first().at(0).toString(), m_room.bareString());
        QCOMPARE(invited.first().at(1).toString(), m_b.jid);
        QVERIFY(invited.first().at(2).toBool());
        QVERIFY(QTest::qWaitFor(
            [&] { return d->isRoom(m_room.bareString()) && d->muc().isJoined(m_room); }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return d->roomName(m_room.bareString()) == name; }, 10000));

        // A message after D joined reaches D; B and D mark it displayed, and
        // A sees who read it.
        const QString body = u"team update %1"_s.arg(tag());
        QString id;
        QCOMPARE(m_a.send(m_room, body, &id), std::nullopt);
        checkReceived(m_b.waitForBody(body), m_a.jid);
        checkReceived(d.waitForBody(body), m_a.jid);
        QSignalSpy read(m_a.account.get(), &Account::Account::roomReadStateChanged);
        m_b->markRoomDisplayed(m_room, id);
        d->markRoomDisplayed(m_room, id);
        QStringList readers;
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto state = await(m_a->roomReadState(m_room, id));
                readers.clear();
                if (state)
                    for (const Store::RoomRead &r : std::as_const(*state))
                        if (r.at.isValid())
                            readers << r.member;
                readers.sort();
                return readers.size() == 2;
            },
            20000));
        QStringList expected{m_b.jid, d.jid};
        expected.sort();
        QCOMPARE(readers, expected);
        QVERIFY(QTest::qWaitFor([&] { return read.size() >= 2; }, 5000));

        // The team lead removes D: the room puts D out.
        QSignalSpy left(d.account.get(), &Account::Account::roomLeft);
        QVERIFY(await(m_b->removeRoomMember(m_room, Core::Jid(d.jid))));
        QVERIFY(left.size() > 0 || left.wait(20000));
        QVERIFY(!d->isRoom(m_room.bareString()));
        d.close();
    }

    void longAbsenceCatchesUpFromTheRoomArchive()
    {
        // More than the room's discussion history (20 on both servers) was
        // said while C was away: the rest comes from the room's archive.
        QVERIFY(m_room.isValid());
        m_c.close();
        const QString round = tag();
        constexpr int Missed = 24;
        QString firstId;
        for (int i = 0; i < Missed; ++i) {
            QCOMPARE(m_a.send(m_room, u"absence %1 #%2"_s.arg(round).arg(i),
                              i == 0 ? &firstId : nullptr),
                     std::nullopt);
            // B reads the first at once: that marker is older than the history
            // the room replays, so only its archive tells C.
            if (i == 0) {
                QVERIFY(m_b.waitForBody(u"absence %1 #0"_s.arg(round)));
                m_b->markRoomDisplayed(m_room, firstId);
            }
        }
        QVERIFY(m_c.open(m_env, m_env.account(9), m_dir.filePath(u"c"_s)));
        QVERIFY(m_c.waitForBody(u"absence %1 #%2"_s.arg(round).arg(Missed - 1)));
        QVERIFY(m_c.waitForBody(u"absence %1 #0"_s.arg(round), 20000));
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto history = await(m_c->messageStore()->messages(m_room.bareString(), 0, 500));
                return history &&
                       std::count_if(history->cbegin(), history->cend(), [&](const auto &m) {
                           return m.body.startsWith(u"absence "_s + round);
                       }) == Missed;
            },
            20000));
        QVERIFY(!m_c.sawUndecryptable(m_room));
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto state = await(m_c->roomReadState(m_room, firstId));
                return state && std::any_of(state->cbegin(), state->cend(), [&](const auto &r) {
                           return r.member == m_b.jid && r.at.isValid();
                       });
            },
            20000));
    }

    void cleanupTestCase()
    {
        for (Member *m : {&m_a, &m_b, &m_c})
            m->close();
    }
};

QTEST_GUILESS_MAIN(tst_CareTeam)
#include "tst_CareTeam.moc"
