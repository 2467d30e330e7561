// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0045 on a fake transport: joining (status codes, refusals), room
// configuration, affiliations, occupants' real JIDs, groupchat and removal.
#include "xmpp/extensions/MucExtension.h"

#include "ClientHarness.h"
#include "TestSupport.h"

#include "xmpp/XmlStreamParser.h"
#include "xmpp/extensions/PresenceExtension.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::Element;
using Xmpp::MucExtension;

namespace {

const Core::Jid Room(u"ward4@conference.example.org"_s);

Element parse(const QString &xml)
{
    Xmpp::XmlStreamParser parser;
    const auto parsed = parser.feed(xml);
    return parsed && parsed->size() == 1 ? parsed->first() : Element();
}

QString occupantPresence(const QString &nick, const QString &jid, const QString &affiliation,
                         const QString &role, const QString &statuses = {},
                         const QString &type = {})
{
    return u"<presence from='ward4@conference.example.org/%1'%6>"
           u"<x xmlns='http://jabber.org/protocol/muc#user'>"
           u"<item affiliation='%3' role='%4' jid='%2'/>%5</x></presence>"_s.arg(
               nick, jid, affiliation, role, statuses,
               type.isEmpty() ? QString() : u" type='%1'"_s.arg(type));
}

QString status(int code)
{
    return u"<status code='%1'/>"_s.arg(code);
}

const QString FieldsForm =
    u"<x xmlns='jabber:x:data' type='form'>"
    u"<field var='FORM_TYPE' "
    u"type='hidden'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
    u"<field var='muc#roomconfig_roomname' type='text-single'/>"
    u"<field var='muc#roomconfig_persistentroom' type='boolean'/>"
    u"<field var='muc#roomconfig_publicroom' type='boolean'/>"
    u"<field var='muc#roomconfig_membersonly' type='boolean'/>"
    u"%1"
    u"<field var='muc#roomconfig_enablearchiving' type='boolean'/>"
    u"</x>"_s;

const QString WhoisField = u"<field var='muc#roomconfig_whois' type='list-single'/>"_s;

} // namespace

class tst_MucExtension : public QObject
{
    Q_OBJECT

    struct Setup
    {
        ClientHarness harness;
        MucExtension &muc = harness.client.addExtension<MucExtension>();
        Xmpp::PresenceExtension &presence = harness.client.addExtension<Xmpp::PresenceExtension>();
        QSignalSpy groupchat{&muc, &MucExtension::groupchatReceived};
        QSignalSpy left{&muc, &MucExtension::roomLeft};
        QSignalSpy unhandled{&harness.client, &Xmpp::Client::stanzaReceived};

        bool login()
        {
            if (!harness.login())
                return false;
            harness.takeSentStanzas();
            return true;
        }
        /// The next sent stanza named `name` equals `xml` (%id: its id); its id in `id`.
        bool sent(QStringView name, const QString &xml, QString *id = nullptr)
        {
            const Element actual = harness.takeSent(name);
            const QString sentId = actual.attribute(u"id");
            if (id)
                *id = sentId;
            const Element expected = parse(QString(xml).replace(u"%id"_s, sentId));
            if (actual.isNull() || expected.isNull() || !(actual == expected)) {
                qWarning("sent stanza differs\n  actual:   %s\n  expected: %s",
                         qPrintable(actual.toXml()), qPrintable(expected.toXml()));
                return false;
            }
            return true;
        }
        /// Joins as "nurse" with bob (member) already in the room.
        bool joined()
        {
            auto join = muc.join(Room, {u"nurse"_s, {}});
            harness.transport.inject(
                occupantPresence(u"bob"_s, u"bob@example.org/pc"_s, u"member"_s, u"participant"_s));
            harness.transport.inject(occupantPresence(u"nurse"_s, u"nurse@example.org/ward4"_s,
                                                      u"owner"_s, u"moderator"_s,
                                                      status(100) + status(110)));
            return finished(join) && join.result().has_value();
        }
    };

    template<typename T>
    static bool finished(const QFuture<T> &future)
    {
        return TestSupport::waitFor(future, std::chrono::seconds(2));
    }

private Q_SLOTS:
    void joinsWithoutHistoryAndTracksOccupants()
    {
        Setup s;
        QVERIFY(s.login());
        auto join = s.muc.join(Room, {u"nurse"_s, {}});
        QVERIFY(s.sent(u"presence",
                       u"<presence to='ward4@conference.example.org/nurse'>"
                       u"<x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/></x>"
                       u"</presence>"_s));
        s.harness.transport.inject(
            occupantPresence(u"bob"_s, u"bob@example.org/pc"_s, u"member"_s, u"participant"_s));
        QVERIFY(!join.isFinished());
        s.harness.transport.inject(occupantPresence(u"nurse"_s, u"nurse@example.org/ward4"_s,
                                                    u"owner"_s, u"moderator"_s,
                                                    status(100) + status(110) + status(201)));
        QVERIFY(finished(join));
        QVERIFY(join.result().has_value());
        QVERIFY(join.result()->created);
        QVERIFY(join.result()->nonAnonymous);
        QCOMPARE(join.result()->affiliation, MucExtension::Affiliation::Owner);
        QCOMPARE(join.result()->nick, u"nurse"_s);
        QVERIFY(s.muc.isJoined(Room));
        QCOMPARE(s.muc.realJid(Room, u"bob"_s), Core::Jid(u"bob@example.org"_s));
        QCOMPARE(s.muc.occupants(Room).size(), 2);
        // Room presence is the room's, not a contact's.
        QVERIFY(!s.presence.isAvailable(Room));
        QCOMPARE(s.unhandled.size(), 0);

        // bob leaves: no longer an occupant, still known for his history.
        s.harness.transport.inject(occupantPresence(u"bob"_s, u"bob@example.org/pc"_s, u"member"_s,
                                                    u"none"_s, {}, u"unavailable"_s));
        QCOMPARE(s.muc.occupants(Room).size(), 1);
        QCOMPARE(s.muc.realJid(Room, u"bob"_s), Core::Jid(u"bob@example.org"_s));
    }

    void asksForHistorySince()
    {
        Setup s;
        QVERIFY(s.login());
        const QDateTime since = QDateTime::fromString(u"2024-05-01T10:00:00Z"_s, Qt::ISODate);
        (void)s.muc.join(Room, {u"nurse"_s, since});
        QVERIFY(s.sent(u"presence", u"<presence to='ward4@conference.example.org/nurse'>"
                                    u"<x xmlns='http://jabber.org/protocol/muc'>"
                                    u"<history since='2024-05-01T10:00:00Z'/></x></presence>"_s));
    }

    void nonMemberIsRefused()
    {
        Setup s;
        QVERIFY(s.login());
        auto join = s.muc.join(Room, {u"nurse"_s, {}});
        s.harness.transport.inject(
            u"<presence from='ward4@conference.example.org/nurse' type='error'>"
            u"<x xmlns='http://jabber.org/protocol/muc'/>"
            u"<error type='auth'><registration-required "
            u"xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>"_s);
        QVERIFY(finished(join));
        QVERIFY(!join.result().has_value());
        QCOMPARE(join.result().error().code, Core::Error::Code::Policy);
        QCOMPARE(join.result().error().detail, u"muc-registration-required"_s);
        QVERIFY(!s.muc.isJoined(Room));
        QVERIFY(s.muc.knownRooms().isEmpty());
    }

    void configuresCareTeamRoom()
    {
        Setup s;
        QVERIFY(s.login());
        MucExtension::RoomConfig config;
        config.name = u"Ward 4"_s;
        auto done = s.muc.configure(Room, config);
        QString id;
        QVERIFY(s.sent(u"iq",
                       u"<iq type='get' id='%id' to='ward4@conference.example.org'>"
                       u"<query xmlns='http://jabber.org/protocol/muc#owner'/></iq>"_s,
                       &id));
        s.harness.transport.inject(
            u"<iq type='result' id='%1' from='ward4@conference.example.org'>"
            u"<query xmlns='http://jabber.org/protocol/muc#owner'>%2</query></iq>"_s.arg(
                id, FieldsForm.arg(WhoisField)));
        QVERIFY(
            s.sent(u"iq",
                   u"<iq type='set' id='%id' to='ward4@conference.example.org'>"
                   u"<query xmlns='http://jabber.org/protocol/muc#owner'>"
                   u"<x xmlns='jabber:x:data' type='submit'>"
                   u"<field var='FORM_TYPE' "
                   u"type='hidden'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
                   u"<field var='muc#roomconfig_membersonly'><value>1</value></field>"
                   u"<field var='muc#roomconfig_whois'><value>anyone</value></field>"
                   u"<field var='muc#roomconfig_persistentroom'><value>1</value></field>"
                   u"<field var='muc#roomconfig_publicroom'><value>0</value></field>"
                   u"<field var='muc#roomconfig_roomname'><value>Ward 4</value></field>"
                   u"<field var='muc#roomconfig_enablearchiving'><value>1</value></field>"
                   u"</x></query></iq>"_s,
                   &id));
        QVERIFY(!done.isFinished());
        s.harness.transport.inject(u"<iq type='result' id='%1'/>"_s.arg(id));
        QVERIFY(finished(done));
        QVERIFY(done.result().has_value());
    }

    void refusesRoomThatCannotShowRealJids()
    {
        Setup s;
        QVERIFY(s.login());
        auto done = s.muc.configure(Room, {});
        QString id;
        QVERIFY(s.sent(u"iq",
                       u"<iq type='get' id='%id' to='ward4@conference.example.org'>"
                       u"<query xmlns='http://jabber.org/protocol/muc#owner'/></iq>"_s,
                       &id));
        s.harness.transport.inject(
            u"<iq type='result' id='%1'><query xmlns='http://jabber.org/protocol/muc#owner'>%2"
            u"</query></iq>"_s.arg(id, FieldsForm.arg(QString())));
        QVERIFY(finished(done));
        QVERIFY(!done.result().has_value());
        QCOMPARE(done.result().error().detail, u"muc-config-unsupported: muc#roomconfig_whois"_s);
        QVERIFY(s.harness.expectNothingSent());
    }

    void setsAndReadsAffiliations()
    {
        Setup s;
        QVERIFY(s.login());
        auto granted = s.muc.setAffiliation(Room, Core::Jid(u"bob@example.org/pc"_s),
                                            MucExtension::Affiliation::Member);
        QString id;
        QVERIFY(s.sent(u"iq",
                       u"<iq type='set' id='%id' to='ward4@conference.example.org'>"
                       u"<query xmlns='http://jabber.org/protocol/muc#admin'>"
                       u"<item affiliation='member' jid='bob@example.org'/></query></iq>"_s,
                       &id));
        s.harness.transport.inject(u"<iq type='result' id='%1'/>"_s.arg(id));
        QVERIFY(finished(granted));
        QVERIFY(granted.result().has_value());

        auto members = s.muc.members(Room);
        QStringList ids;
        for (const QString &affiliation : {u"owner"_s, u"admin"_s, u"member"_s}) {
            QVERIFY(s.sent(u"iq",
                           u"<iq type='get' id='%id' to='ward4@conference.example.org'>"
                           u"<query xmlns='http://jabber.org/protocol/muc#admin'>"
                           u"<item affiliation='%1'/></query></iq>"_s.arg(affiliation),
                           &id));
            ids << id;
        }
        s.harness.transport.inject(
            u"<iq type='result' id='%1'><query xmlns='http://jabber.org/protocol/muc#admin'>"
            u"<item affiliation='owner' jid='nurse@example.org'/></query></iq>"_s.arg(ids[0]));
        // A server that hides the admin list from us: the others still count.
        s.harness.transport.inject(
            u"<iq type='error' id='%1'><error type='auth'>"
            u"<forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s.arg(ids[1]));
        QVERIFY(!members.isFinished());
        s.harness.transport.inject(
            u"<iq type='result' id='%1'><query xmlns='http://jabber.org/protocol/muc#admin'>"
            u"<item affiliation='member' jid='bob@example.org' nick='bob'/>"
            u"<item affiliation='member' jid='carol@example.org'/></query></iq>"_s.arg(ids[2]));
        QVERIFY(finished(members));
        QVERIFY(members.result().has_value());
        const QList<MucExtension::AffiliationItem> expected{
            {Core::Jid(u"nurse@example.org"_s), MucExtension::Affiliation::Owner, {}},
            {Core::Jid(u"bob@example.org"_s), MucExtension::Affiliation::Member, u"bob"_s},
            {Core::Jid(u"carol@example.org"_s), MucExtension::Affiliation::Member, {}}};
        QCOMPARE(*members.result(), expected);
    }

    void membersFailsWhenNoListIsShown()
    {
        Setup s;
        QVERIFY(s.login());
        auto members = s.muc.members(Room);
        for (int i = 0; i < 3; ++i) {
            const Element iq = s.harness.takeSent(u"iq");
            s.harness.transport.inject(
                u"<iq type='error' id='%1'><error type='auth'>"
                u"<forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s.arg(
                    iq.attribute(u"id")));
        }
        QVERIFY(finished(members));
        QVERIFY(!members.result().has_value());
        QCOMPARE(members.result().error().code, Core::Error::Code::Stanza);
    }

    void groupchatCarriesRealSender()
    {
        Setup s;
        QVERIFY(s.login());
        QVERIFY(s.joined());
        s.harness.takeSentStanzas();
        s.harness.transport.inject(
            u"<message from='ward4@conference.example.org/bob' type='groupchat' id='m1'>"
            u"<body>x</body><origin-id xmlns='urn:xmpp:sid:0' id='m1'/></message>"_s);
        QCOMPARE(s.groupchat.size(), 1);
        QCOMPARE(s.groupchat.at(0).at(1).value<Core::Jid>(), Core::Jid(u"bob@example.org"_s));
        QCOMPARE(s.groupchat.at(0).at(2).toBool(), false);
        QCOMPARE(s.groupchat.at(0).at(0).value<Xmpp::Message>().originId, u"m1"_s);

        // Our own message, reflected.
        const QString id = s.muc.sendGroupchat(Room, u"y"_s);
        QVERIFY(s.sent(
            u"message",
            u"<message to='ward4@conference.example.org' id='%1' type='groupchat'>"
            u"<body>y</body><origin-id xmlns='urn:xmpp:sid:0' id='%1'/></message>"_s.arg(id)));
        s.harness.transport.inject(
            u"<message from='ward4@conference.example.org/nurse' type='groupchat' id='%1'>"
            u"<body>y</body><origin-id xmlns='urn:xmpp:sid:0' id='%1'/></message>"_s.arg(id));
        QCOMPARE(s.groupchat.size(), 2);
        QCOMPARE(s.groupchat.at(1).at(1).value<Core::Jid>(), Core::Jid(u"nurse@example.org"_s));
        QCOMPARE(s.groupchat.at(1).at(2).toBool(), true);

        // History of someone who is not here: the archive names the real JID.
        s.harness.transport.inject(
            u"<message from='ward4@conference.example.org/carol' type='groupchat' id='m2'>"
            u"<body>z</body><delay xmlns='urn:xmpp:delay' stamp='2024-05-01T10:00:00Z'/>"
            u"<x xmlns='http://jabber.org/protocol/muc#user'><item jid='carol@example.org'/></x>"
            u"</message>"_s);
        QCOMPARE(s.groupchat.size(), 3);
        QCOMPARE(s.groupchat.at(2).at(1).value<Core::Jid>(), Core::Jid(u"carol@example.org"_s));
        // ... but a live message cannot claim one.
        s.harness.transport.inject(
            u"<message from='ward4@conference.example.org/mallory' type='groupchat' id='m3'>"
            u"<body>z</body>"
            u"<x xmlns='http://jabber.org/protocol/muc#user'><item jid='carol@example.org'/></x>"
            u"</message>"_s);
        QCOMPARE(s.groupchat.size(), 4);
        QVERIFY(!s.groupchat.at(3).at(1).value<Core::Jid>().isValid());
        QCOMPARE(s.unhandled.size(), 0);

        // A bounce is the outbox's business.
        s.harness.transport.inject(
            u"<message from='ward4@conference.example.org' type='error' id='e1'>"
            u"<error type='modify'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
            u"</error></message>"_s);
        QCOMPARE(s.unhandled.size(), 1);
    }

    void removalIsReported()
    {
        Setup s;
        QVERIFY(s.login());
        QVERIFY(s.joined());
        s.harness.transport.inject(occupantPresence(u"nurse"_s, u"nurse@example.org/ward4"_s,
                                                    u"none"_s, u"none"_s, status(110) + status(321),
                                                    u"unavailable"_s));
        QCOMPARE(s.left.size(), 1);
        QCOMPARE(s.left.at(0).at(1).value<Core::Error>().detail, u"muc-membership-removed"_s);
        QVERIFY(!s.muc.isJoined(Room));
    }

    void leavesAndForgetsOnNewSession()
    {
        Setup s;
        QVERIFY(s.login());
        QVERIFY(s.joined());
        s.harness.takeSentStanzas();
        auto left = s.muc.leave(Room);
        QVERIFY(
            s.sent(u"presence",
                   u"<presence to='ward4@conference.example.org/nurse' type='unavailable'/>"_s));
        QVERIFY(!left.isFinished());
        s.harness.transport.inject(occupantPresence(u"nurse"_s, u"nurse@example.org/ward4"_s,
                                                    u"owner"_s, u"none"_s, status(110),
                                                    u"unavailable"_s));
        QVERIFY(finished(left));
        QVERIFY(left.result().has_value());
        QCOMPARE(s.left.size(), 0); // we left; nobody removed us
        QVERIFY(s.muc.knownRooms().isEmpty());

        QVERIFY(s.joined());
        s.muc.onSessionStarted(true);
        QVERIFY(s.muc.isJoined(Room));
        s.muc.onSessionStarted(false);
        QVERIFY(!s.muc.isJoined(Room));
    }

    void discoversService()
    {
        Setup s;
        QVERIFY(s.login());
        auto service = s.muc.discoverService();
        QString id;
        QVERIFY(s.sent(u"iq",
                       u"<iq type='get' id='%id' to='example.org'>"
                       u"<query xmlns='http://jabber.org/protocol/disco#items'/></iq>"_s,
                       &id));
        s.harness.transport.inject(
            u"<iq type='result' id='%1' from='example.org'>"
            u"<query xmlns='http://jabber.org/protocol/disco#items'>"
            u"<item jid='upload.example.org'/><item jid='conference.example.org'/>"
            u"</query></iq>"_s.arg(id));
        QString upload, conference;
        QVERIFY(s.sent(u"iq",
                       u"<iq type='get' id='%id' to='upload.example.org'>"
                       u"<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"_s,
                       &upload));
        QVERIFY(s.sent(u"iq",
                       u"<iq type='get' id='%id' to='conference.example.org'>"
                       u"<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"_s,
                       &conference));
        s.harness.transport.inject(
            u"<iq type='result' id='%1'><query xmlns='http://jabber.org/protocol/disco#info'>"
            u"<identity category='conference' type='text'/></query></iq>"_s.arg(conference));
        QVERIFY(!service.isFinished()); // the first item has not answered yet
        s.harness.transport.inject(
            u"<iq type='result' id='%1'><query xmlns='http://jabber.org/protocol/disco#info'>"
            u"<identity category='store' type='file'/></query></iq>"_s.arg(upload));
        QVERIFY(finished(service));
        QVERIFY(service.result().has_value());
        QCOMPARE(*service.result(), Core::Jid(u"conference.example.org"_s));
    }
};

QTEST_GUILESS_MAIN(tst_MucExtension)
#include "tst_MucExtension.moc"
