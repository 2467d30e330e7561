// SPDX-License-Identifier: GPL-3.0-or-later
// ConversationModel over messaging played by the test on a fake transport.
#include "ConversationModel.h"

#include "FakeServer.h"
#include "FakeTransport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::ConversationModel;

class tst_ConversationModel : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        FakeTransport transport;
        Xmpp::Client client{transport};
        Xmpp::MessagingExtension &messaging = client.addExtension<Xmpp::MessagingExtension>();
        ConversationModel model;
        QAbstractItemModelTester tester{&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest};

        Fixture() { model.attach(&client, &messaging); }
    };

    static QVariant at(const ConversationModel &model, int row, int role)
    {
        return model.data(model.index(row), role);
    }

private Q_SLOTS:
    void showsMessagesOfTheOpenConversation()
    {
        Fixture f;
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        f.model.setPeer(u"ben@example.org"_s);
        f.transport.inject(u"<message from='ben@example.org/desk' id='m1' type='chat'>"
                           u"<body>Bed 12 needs review</body></message>"_s);
        f.transport.inject(u"<message from='chloe@example.org/phone' id='m2' type='chat'>"
                           u"<body>On my way</body></message>"_s);
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(at(f.model, 0, ConversationModel::BodyRole).toString(), u"Bed 12 needs review"_s);
        QCOMPARE(at(f.model, 0, ConversationModel::OutgoingRole).toBool(), false);
        QCOMPARE(at(f.model, 0, ConversationModel::DeliveryRole).toString(), u"received"_s);
        QVERIFY(at(f.model, 0, ConversationModel::TimeRole).toDateTime().isValid());

        QSignalSpy peerChanged(&f.model, &ConversationModel::peerChanged);
        f.model.setPeer(u"chloe@example.org/phone"_s);
        QCOMPARE(peerChanged.count(), 1);
        QCOMPARE(f.model.peer(), u"chloe@example.org"_s);
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(at(f.model, 0, ConversationModel::BodyRole).toString(), u"On my way"_s);

        f.model.setPeer(QString());
        QCOMPARE(f.model.rowCount(), 0);
    }

    void sendingBecomesSentWhenTheServerAcknowledges()
    {
        Fixture f;
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        f.transport.takeSent();
        f.model.setPeer(u"ben@example.org"_s);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QVERIFY(f.model.send(u"Thanks,\non my way"_s));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(at(f.model, 0, ConversationModel::OutgoingRole).toBool(), true);
        QCOMPARE(at(f.model, 0, ConversationModel::DeliveryRole).toString(), u"sending"_s);

        const Xmpp::Element sent = FakeServer::takeSent(f.transport, u"message");
        QCOMPARE(sent.attribute(u"to"), u"ben@example.org"_s);
        QCOMPARE(sent.childText(u"body"), u"Thanks,\non my way"_s);

        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QVERIFY(QTest::qWaitFor(
            [&] { return f.client.streamManagement().unacknowledgedCount() == 1; }, 1000));
        f.transport.inject(u"<a xmlns='urn:xmpp:sm:3' h='1'/>"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(at(f.model, 0, ConversationModel::DeliveryRole).toString(), u"sent"_s);
    }

    void acknowledgementOfAnotherConversationIsKept()
    {
        Fixture f;
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        f.model.setPeer(u"ben@example.org"_s);
        QVERIFY(f.model.send(u"one"_s));
        f.model.setPeer(u"chloe@example.org"_s);
        QVERIFY(QTest::qWaitFor(
            [&] { return f.client.streamManagement().unacknowledgedCount() == 1; }, 1000));
        f.transport.inject(u"<a xmlns='urn:xmpp:sm:3' h='1'/>"_s);
        f.model.setPeer(u"ben@example.org"_s);
        QCOMPARE(at(f.model, 0, ConversationModel::DeliveryRole).toString(), u"sent"_s);
    }

    void refusesEmptyMessagesAndMissingPeer()
    {
        Fixture f;
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        QVERIFY(!f.model.send(u"hello"_s)); // no conversation open
        f.model.setPeer(u"ben@example.org"_s);
        QVERIFY(!f.model.send(u"  \n "_s));
        QCOMPARE(f.model.rowCount(), 0);
        ConversationModel detached;
        detached.setPeer(u"ben@example.org"_s);
        QVERIFY(!detached.send(u"hello"_s));
    }

    void replayedMessageIsShownOnce()
    {
        Fixture f;
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        f.model.setPeer(u"ben@example.org"_s);
        const QString message = u"<message from='ben@example.org/desk' id='m1' type='chat'>"
                                u"<body>Bed 12</body><origin-id xmlns='urn:xmpp:sid:0' id='o1'/>"
                                u"</message>"_s;
        f.transport.inject(message);
        f.transport.inject(message);
        QCOMPARE(f.model.rowCount(), 1);
    }

    void delayedMessageKeepsItsTime()
    {
        Fixture f;
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        f.model.setPeer(u"ben@example.org"_s);
        f.transport.inject(u"<message from='ben@example.org/desk' id='m1' type='chat'>"
                           u"<body>Sent while you were away</body>"
                           u"<delay xmlns='urn:xmpp:delay' stamp='2024-03-01T08:15:00Z'/>"
                           u"</message>"_s);
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(at(f.model, 0, ConversationModel::TimeRole).toDateTime().toUTC(),
                 QDateTime(QDate(2024, 3, 1), QTime(8, 15), Qt::UTC));
    }

    void anotherAccountStartsEmpty()
    {
        Fixture f;
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        f.model.setPeer(u"ben@example.org"_s);
        f.transport.inject(u"<message from='ben@example.org/desk' id='m1' type='chat'>"
                           u"<body>hello</body></message>"_s);
        QCOMPARE(f.model.rowCount(), 1);
        f.model.attach(nullptr, nullptr);
        QCOMPARE(f.model.rowCount(), 0);
        QVERIFY(!f.model.send(u"hello"_s));
    }
};

QTEST_GUILESS_MAIN(tst_ConversationModel)
#include "tst_ConversationModel.moc"
