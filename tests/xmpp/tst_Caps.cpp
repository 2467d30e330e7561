// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0115 entity capabilities: the verification string, the <c/> in presence and
// the disco#info answers for "<node>#<ver>".
#include "xmpp/extensions/DiscoExtension.h"
#include "xmpp/extensions/PresenceExtension.h"
#include "xmpp/extensions/PubSubExtension.h"

#include "ClientHarness.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using Identity = Xmpp::DiscoExtension::Identity;
using Xmpp::DiscoExtension;
using Xmpp::Element;

namespace {

const QString CapsNs = u"http://jabber.org/protocol/caps"_s;
const QString DiscoNs = u"http://jabber.org/protocol/disco#info"_s;

struct Setup
{
    explicit Setup(bool withDisco = true)
    {
        if (withDisco)
            disco = &harness.client.addExtension<DiscoExtension>();
        pubsub = &harness.client.addExtension<Xmpp::PubSubExtension>();
        presence = &harness.client.addExtension<Xmpp::PresenceExtension>();
    }
    ClientHarness harness;
    DiscoExtension *disco = nullptr;
    Xmpp::PubSubExtension *pubsub = nullptr;
    Xmpp::PresenceExtension *presence = nullptr;

    /// Available presences sent since the last call.
    QList<Element> presences()
    {
        QList<Element> out;
        for (const Element &e : harness.takeSentStanzas())
            if (e.name() == u"presence")
                out << e;
        return out;
    }
    /// Asks disco#info (with `node` unless null) and returns the client's answer.
    Element ask(const QString &node)
    {
        const QString nodeAttr = node.isNull() ? QString() : u" node='%1'"_s.arg(node);
        harness.transport.inject(
            u"<iq type='get' from='example.org' id='d1'>"
            u"<query xmlns='http://jabber.org/protocol/disco#info'%1/></iq>"_s.arg(nodeAttr));
        return harness.takeSent(u"iq");
    }
};

/// The verification string a peer would compute from a disco#info answer.
QString verOfAnswer(const Element &query)
{
    QList<Identity> identities;
    for (const Element &i : query.childrenNamed(u"identity"))
        identities.append(Identity{i.attribute(u"category"), i.attribute(u"type"),
                                   i.attribute(u"name"), i.attribute(u"xml:lang")});
    QStringList features;
    for (const Element &f : query.childrenNamed(u"feature"))
        features.append(f.attribute(u"var"));
    return DiscoExtension::capsVerification(identities, features);
}

} // namespace

class tst_Caps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verificationStringOfTheSpecExample()
    {
        // XEP-0115 section 5.2.
        const QList<Identity> identities{Identity{u"client"_s, u"pc"_s, u"Exodus 0.9.1"_s, {}}};
        const QStringList features{
            u"http://jabber.org/protocol/disco#info"_s, u"http://jabber.org/protocol/disco#items"_s,
            u"http://jabber.org/protocol/muc"_s, u"http://jabber.org/protocol/caps"_s};
        QCOMPARE(DiscoExtension::capsVerification(identities, features),
                 u"QgayPKawpkPSDYmwT/WM94uAlu0="_s);
        // Order and duplicates of the input do not matter.
        QStringList shuffled = features;
        std::ranges::reverse(shuffled);
        shuffled << features.first();
        QCOMPARE(DiscoExtension::capsVerification(identities, shuffled),
                 u"QgayPKawpkPSDYmwT/WM94uAlu0="_s);
        // Any other feature set does.
        QVERIFY(DiscoExtension::capsVerification(identities, features.mid(1)) !=
                u"QgayPKawpkPSDYmwT/WM94uAlu0="_s);
    }

    void identitiesAreSortedByCategoryTypeLang()
    {
        const Identity a{u"client"_s, u"pc"_s, u"Psi 0.11"_s, u"en"_s};
        const Identity b{u"client"_s, u"pc"_s, u"\u03a8 0.11"_s, u"el"_s};
        const Identity c{u"automation"_s, u"bot"_s, u"x"_s, {}};
        const QStringList features{u"urn:a"_s};
        const QString ver = DiscoExtension::capsVerification({a, b, c}, features);
        QCOMPARE(DiscoExtension::capsVerification({c, a, b}, features), ver);
        QCOMPARE(DiscoExtension::capsVerification({b, c, a}, features), ver);
        QVERIFY(DiscoExtension::capsVerification({a, c}, features) != ver);
    }

    void presenceCarriesCaps()
    {
        Setup s;
        s.pubsub->addNotify(u"urn:xmpp:omemo:2:devices"_s);
        QVERIFY(s.harness.login());
        const QList<Element> presences = s.presences();
        QCOMPARE(presences.size(), 1);
        const Element c = presences.first().firstChild(u"c", CapsNs);
        QVERIFY(!c.isNull());
        QCOMPARE(c.attribute(u"hash"), u"sha-1"_s);
        QCOMPARE(c.attribute(u"node"), u"https://rounds.invalid/caps"_s);
        const QString ver = c.attribute(u"ver");
        QCOMPARE(ver, s.disco->capsVersion());
        QCOMPARE(ver, DiscoExtension::capsVerification(
                          {Identity{u"client"_s, u"pc"_s, u"Rounds"_s, {}}},
                          {u"http://jabber.org/protocol/caps"_s, DiscoNs, u"urn:xmpp:ping"_s,
                           u"urn:xmpp:omemo:2:devices+notify"_s}));
    }

    void answersTheCapsNode()
    {
        Setup s;
        s.pubsub->addNotify(u"urn:xmpp:omemo:2:devices"_s);
        QVERIFY(s.harness.login());
        const QString ver = s.presences().value(0).firstChild(u"c", CapsNs).attribute(u"ver");
        QVERIFY(!ver.isEmpty());

        const QString node = u"https://rounds.invalid/caps#"_s + ver;
        const Element answer = s.ask(node);
        QCOMPARE(answer.attribute(u"type"), u"result"_s);
        QCOMPARE(answer.attribute(u"id"), u"d1"_s);
        const Element query = answer.firstChild(u"query", DiscoNs);
        QCOMPARE(query.attribute(u"node"), node);
        QVERIFY(query.childrenNamed(u"feature").size() >= 4);
        // What the server computes from our answer is what we announced.
        QCOMPARE(verOfAnswer(query), ver);

        // Without a node: the same content, no node attribute.
        const Element plain = s.ask({}).firstChild(u"query", DiscoNs);
        QVERIFY(!plain.hasAttribute(u"node"));
        QCOMPARE(verOfAnswer(plain), ver);
    }

    void unknownNodesAreNotFound()
    {
        Setup s;
        QVERIFY(s.harness.login());
        s.harness.takeSentStanzas();
        for (const QString &node : {u"https://rounds.invalid/caps#stale="_s, u"other"_s}) {
            const Element answer = s.ask(node);
            QCOMPARE(answer.attribute(u"type"), u"error"_s);
            QCOMPARE(answer.attribute(u"to"), u"example.org"_s);
            QVERIFY(answer.firstChild(u"error").hasChild(u"item-not-found",
                                                         u"urn:ietf:params:xml:ns:xmpp-stanzas"));
        }
    }

    void newInterestsAreAnnounced()
    {
        Setup s;
        QVERIFY(s.harness.login());
        const QString before = s.presences().value(0).firstChild(u"c", CapsNs).attribute(u"ver");
        s.pubsub->addNotify(u"eu.siacs.conversations.axolotl.devicelist"_s);
        const QList<Element> again = s.presences();
        QCOMPARE(again.size(), 1);
        const QString after = again.first().firstChild(u"c", CapsNs).attribute(u"ver");
        QVERIFY(after != before);
        QCOMPARE(after, s.disco->capsVersion());
        // Known already: nothing new to say.
        s.pubsub->addNotify(u"eu.siacs.conversations.axolotl.devicelist"_s);
        QVERIFY(s.presences().isEmpty());
    }

    void noPresenceRefreshBeforeInitialPresence()
    {
        Setup s;
        s.presence->setDeferInitialPresence(true);
        QVERIFY(s.harness.login());
        s.pubsub->addNotify(u"urn:xmpp:omemo:2:devices"_s);
        QVERIFY(s.presences().isEmpty());
        s.presence->sendInitialPresence();
        QCOMPARE(s.presences().size(), 1);
    }

    void noCapsWithoutDisco()
    {
        Setup s(false);
        QVERIFY(s.harness.login());
        QVERIFY(s.harness.expectStanza(u"<presence/>"_s));
    }
};

QTEST_GUILESS_MAIN(tst_Caps)
#include "tst_Caps.moc"
