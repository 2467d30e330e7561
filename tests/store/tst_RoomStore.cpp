// SPDX-License-Identifier: GPL-3.0-or-later
// RoomStore on a real SQLCipher file: rooms survive a reopen, keep their first
// join time, and know when their newest message arrived.
#include "store/MessageStore.h"
#include "store/RoomStore.h"
#include "store/StoreWorker.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Store;

namespace {

template<typename T>
T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace

class tst_RoomStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    std::shared_ptr<StoreWorker> open(Database::Mode mode)
    {
        auto worker =
            await(StoreWorker::open(m_dir.filePath(u"rooms.db"_s), QByteArray(32, 'k'), mode));
        return worker ? *worker : nullptr;
    }

private Q_SLOTS:
    void keepsRoomsAcrossReopen()
    {
        QVERIFY(m_dir.isValid());
        const QDateTime first = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
        {
            auto worker = open(Database::Mode::CreateNew);
            QVERIFY(worker);
            RoomStore rooms(worker);
            QVERIFY(await(rooms.rooms())->isEmpty());
            RoomRecord ward{
                u"ward4@conference.example.org"_s, u"ana"_s, u"Ward 4"_s, true, u"owner"_s, first};
            QVERIFY(await(rooms.saveRoom(ward)));
            // Saving again (a later join) keeps the first join time.
            ward.nick = u"ana2"_s;
            ward.joinedAt = first.addDays(1);
            QVERIFY(await(rooms.saveRoom(ward)));
            QVERIFY(await(rooms.saveRoom(
                {u"icu@conference.example.org"_s, u"ana"_s, {}, true, u"member"_s, first})));
            QVERIFY(await(rooms.setJoined(u"icu@conference.example.org"_s, false)));
            worker->close();
        }
        auto worker = open(Database::Mode::OpenExisting);
        QVERIFY(worker);
        RoomStore rooms(worker);
        const auto all = await(rooms.rooms());
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(
            all->at(0),
            (RoomRecord{u"icu@conference.example.org"_s, u"ana"_s, {}, false, u"member"_s, first}));
        QCOMPARE(all->at(1), (RoomRecord{u"ward4@conference.example.org"_s, u"ana2"_s, u"Ward 4"_s,
                                         true, u"owner"_s, first}));
        const auto one = await(rooms.room(u"ward4@conference.example.org"_s));
        QVERIFY(one && *one);
        QCOMPARE((*one)->nick, u"ana2"_s);
        QVERIFY(await(rooms.room(u"none@conference.example.org"_s)).value() == std::nullopt);
    }

    void knowsNewestMessage()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(u"rooms.db"_s));
        auto worker = open(Database::Mode::CreateNew);
        QVERIFY(worker);
        RoomStore rooms(worker);
        MessageStore messages(worker);
        const QString room = u"ward4@conference.example.org"_s;
        QVERIFY(!await(rooms.lastActivity(room))->isValid());
        StoredMessage m;
        m.conversation = room;
        m.sender = u"ben@example.org"_s;
        m.messageId = u"m1"_s;
        m.originId = u"m1"_s;
        m.timestamp = QDateTime::fromMSecsSinceEpoch(1700000123000, Qt::UTC);
        m.body = u"x"_s;
        QVERIFY(await(messages.insertMessages({m})));
        QCOMPARE(*await(rooms.lastActivity(room)), m.timestamp);
    }
};

QTEST_GUILESS_MAIN(tst_RoomStore)
#include "tst_RoomStore.moc"
