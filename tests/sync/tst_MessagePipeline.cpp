// SPDX-License-Identifier: GPL-3.0-or-later
// MessagePipeline with care-team room messages: stored under the room with the
// member's real JID, our own reflection recognised, unknown senders kept visible.
#include "sync/MessagePipeline.h"

#include "store/MessageStore.h"
#include "store/StoreWorker.h"
#include "xmpp/XmlStreamParser.h"

#include "TestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

template<typename T>
T await(QFuture<T> future)
{
    if (!TestSupport::waitFor(future))
        qFatal("test wait expired");
    return future.result();
}

Xmpp::Message message(const QString &xml)
{
    Xmpp::XmlStreamParser parser;
    const auto parsed = parser.feed(xml);
    return parsed && parsed->size() == 1 ? Xmpp::Message::fromElement(parsed->first()).value()
                                         : Xmpp::Message{};
}

const QString Room = u"ward4@conference.example.org"_s;

} // namespace

class tst_MessagePipeline : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<Store::StoreWorker> m_worker;
    std::unique_ptr<Store::MessageStore> m_store;
    std::unique_ptr<Sync::MessagePipeline> m_pipeline;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(u"p.db"_s));
        auto worker = await(Store::StoreWorker::open(m_dir.filePath(u"p.db"_s), QByteArray(32, 'k'),
                                                     Store::Database::Mode::CreateNew));
        QVERIFY(worker);
        m_worker = *worker;
        m_store = std::make_unique<Store::MessageStore>(m_worker);
        m_pipeline =
            std::make_unique<Sync::MessagePipeline>(Core::Jid(u"ana@example.org"_s), *m_store);
    }
    void cleanup()
    {
        m_pipeline.reset();
        m_store.reset();
        m_worker->close();
        m_worker.reset();
    }

    void storesUnderRoomWithRealSender()
    {
        QSignalSpy stored(m_pipeline.get(), &Sync::MessagePipeline::messagesStored);
        m_pipeline->ingestGroupchat(
            message(u"<message xmlns='jabber:client' from='ward4@conference.example.org/ben' "
                    u"type='groupchat' id='m1'><body>x</body>"
                    u"<origin-id xmlns='urn:xmpp:sid:0' id='m1'/>"
                    u"<stanza-id xmlns='urn:xmpp:sid:0' by='ward4@conference.example.org' id='s1'/>"
                    u"</message>"_s),
            Core::Jid(u"ben@example.org/phone"_s));
        QVERIFY(stored.wait(2000));
        const auto m = stored.at(0).at(0).value<QList<Store::StoredMessage>>().value(0);
        QCOMPARE(m.conversation, Room);
        QCOMPARE(m.sender, u"ben@example.org"_s);
        QCOMPARE(m.direction, Store::Direction::Incoming);
        QCOMPARE(m.stanzaId, u"s1"_s);
        QCOMPARE(m.body, u"x"_s);
    }

    void reflectionMarksOurMessageDelivered()
    {
        Store::StoredMessage out;
        out.conversation = Room;
        out.sender = u"ana@example.org"_s;
        out.messageId = out.originId = u"o1"_s;
        out.body = u"y"_s;
        QVERIFY(await(m_store->enqueueOutgoing(out)));
        QSignalSpy reflected(m_pipeline.get(), &Sync::MessagePipeline::roomMessageReflected);
        QSignalSpy stored(m_pipeline.get(), &Sync::MessagePipeline::messagesStored);
        m_pipeline->ingestGroupchat(
            message(u"<message xmlns='jabber:client' from='ward4@conference.example.org/ana' "
                    u"type='groupchat' id='o1'><body>fallback</body>"
                    u"<origin-id xmlns='urn:xmpp:sid:0' id='o1'/></message>"_s),
            Core::Jid(u"ana@example.org/desk"_s));
        QVERIFY(reflected.wait(2000));
        QCOMPARE(reflected.at(0).at(0).toString(), u"o1"_s);
        QCOMPARE(stored.size(), 0);
        const auto row = await(m_store->messageById(u"o1"_s));
        QVERIFY(row && *row);
        QCOMPARE((*row)->state, Store::MessageState::Delivered);
        QCOMPARE((*row)->body, u"y"_s);
        QVERIFY(await(m_store->pendingOutbox())->isEmpty());
    }

    void unknownSenderIsUndecryptable()
    {
        QSignalSpy stored(m_pipeline.get(), &Sync::MessagePipeline::messagesStored);
        m_pipeline->ingestGroupchat(
            message(u"<message xmlns='jabber:client' from='ward4@conference.example.org/who' "
                    u"type='groupchat' id='m2'><body>fallback</body>"
                    u"<encrypted xmlns='urn:xmpp:omemo:2'><header sid='7'>"
                    u"<keys jid='ana@example.org'><key rid='1'>AAAA</key></keys></header>"
                    u"<payload>AAAA</payload></encrypted></message>"_s),
            Core::Jid());
        QVERIFY(stored.wait(2000));
        const auto m = stored.at(0).at(0).value<QList<Store::StoredMessage>>().value(0);
        QCOMPARE(m.conversation, Room);
        QCOMPARE(m.sender, u"ward4@conference.example.org/who"_s);
        QCOMPARE(m.protection, Store::Protection::Undecryptable);
        QCOMPARE(m.e2eError, u"muc-unknown-sender"_s);
        QVERIFY(m.body.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_MessagePipeline)
#include "tst_MessagePipeline.moc"
