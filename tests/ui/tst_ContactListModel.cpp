// SPDX-License-Identifier: GPL-3.0-or-later
// ContactListModel over a roster and presence played by the test on a fake transport.
#include "ContactListModel.h"

#include "xmpp/extensions/PresenceExtension.h"
#include "xmpp/extensions/RosterExtension.h"

#include "FakeServer.h"
#include "FakeTransport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::ContactListModel;

class tst_ContactListModel : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        FakeTransport transport;
        Xmpp::Client client{transport};
        Xmpp::RosterExtension &roster = client.addExtension<Xmpp::RosterExtension>();
        Xmpp::PresenceExtension &presence = client.addExtension<Xmpp::PresenceExtension>();
        ContactListModel model;
        QAbstractItemModelTester tester{&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest};

        Fixture() { model.attach(&roster, &presence); }

        // Answers the roster request sent when the session starts.
        bool loadRoster(const QString &items)
        {
            const Xmpp::Element get = FakeServer::takeSent(transport, u"iq");
            if (get.firstChild(u"query", u"jabber:iq:roster").isNull())
                return false;
            transport.inject(u"<iq type='result' id='%1'><query xmlns='jabber:iq:roster'>%2"
                             u"</query></iq>"_s.arg(get.attribute(u"id"), items));
            return QTest::qWaitFor([&] { return roster.isLoaded(); }, 2000);
        }
    };

    static QString name(const ContactListModel &model, int row)
    {
        return model.data(model.index(row), ContactListModel::NameRole).toString();
    }

private Q_SLOTS:
    void listsTheRosterSortedByName()
    {
        Fixture f;
        QCOMPARE(f.model.rowCount(), 0);
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        QVERIFY(f.loadRoster(
            u"<item jid='dev.patel@example.org' name='Dev Patel' subscription='both'/>"
            u"<item jid='ben.okafor@example.org' name='Ben Okafor' subscription='both'/>"
            u"<item jid='chloe@example.org' subscription='to'/>"_s));
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(name(f.model, 0), u"Ben Okafor"_s);
        // Without a roster name the address stands in.
        QCOMPARE(name(f.model, 1), u"chloe@example.org"_s);
        QCOMPARE(name(f.model, 2), u"Dev Patel"_s);
        QCOMPARE(f.model.data(f.model.index(0), ContactListModel::JidRole).toString(),
                 u"ben.okafor@example.org"_s);
        QCOMPARE(f.model.data(f.model.index(0), ContactListModel::OnlineRole).toBool(), false);
        QCOMPARE(f.model.indexOf(u"dev.patel@example.org/desk"_s), 2);
        QCOMPARE(f.model.indexOf(u"nobody@example.org"_s), -1);
        const QHash<int, QByteArray> roles = f.model.roleNames();
        QCOMPARE(roles.value(ContactListModel::JidRole), QByteArray("jid"));
        QCOMPARE(roles.value(ContactListModel::NameRole), QByteArray("name"));
        QCOMPARE(roles.value(ContactListModel::OnlineRole), QByteArray("online"));
    }

    void followsPresence()
    {
        Fixture f;
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        QVERIFY(f.loadRoster(u"<item jid='ben.okafor@example.org' name='Ben Okafor'/>"
                             u"<item jid='dev.patel@example.org' name='Dev Patel'/>"_s));
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.transport.inject(u"<presence from='dev.patel@example.org/phone'/>"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QVERIFY(f.model.data(f.model.index(1), ContactListModel::OnlineRole).toBool());
        QVERIFY(!f.model.data(f.model.index(0), ContactListModel::OnlineRole).toBool());
        f.transport.inject(u"<presence from='dev.patel@example.org/phone' type='unavailable'/>"_s);
        QCOMPARE(changed.count(), 2);
        QVERIFY(!f.model.data(f.model.index(1), ContactListModel::OnlineRole).toBool());
    }

    void followsRosterPushes()
    {
        Fixture f;
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        QVERIFY(f.loadRoster(u"<item jid='ben.okafor@example.org' name='Ben Okafor'/>"_s));
        f.transport.inject(u"<iq type='set' id='push1'><query xmlns='jabber:iq:roster'>"
                           u"<item jid='ana.ruiz@example.org' name='Ana Ruiz' subscription='both'/>"
                           u"</query></iq>"_s);
        QCOMPARE(f.model.rowCount(), 2);
        QCOMPARE(name(f.model, 0), u"Ana Ruiz"_s);
        f.transport.inject(u"<iq type='set' id='push2'><query xmlns='jabber:iq:roster'>"
                           u"<item jid='ben.okafor@example.org' subscription='remove'/>"
                           u"</query></iq>"_s);
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(name(f.model, 0), u"Ana Ruiz"_s);
    }

    void detachingEmptiesTheList()
    {
        Fixture f;
        QVERIFY(FakeServer::logIn(f.transport, f.client));
        QVERIFY(f.loadRoster(u"<item jid='ben.okafor@example.org' name='Ben Okafor'/>"_s));
        QCOMPARE(f.model.rowCount(), 1);
        f.model.attach(nullptr, nullptr);
        QCOMPARE(f.model.rowCount(), 0);
        // A detached model no longer follows the roster.
        f.transport.inject(u"<iq type='set' id='push1'><query xmlns='jabber:iq:roster'>"
                           u"<item jid='ana.ruiz@example.org' name='Ana Ruiz'/></query></iq>"_s);
        QCOMPARE(f.model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ContactListModel)
#include "tst_ContactListModel.moc"
