// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Jid.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::Jid;

class TestJid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void defaultIsInvalid();
    void caseFolding();
    void bare();
    void partsConstructor();
    void equality();
    void hashInSet();
};

void TestJid::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("string");

    QTest::newRow("full") << u"alice@example.org/phone"_s << u"alice"_s << u"example.org"_s
                          << u"phone"_s << u"alice@example.org/phone"_s;
    QTest::newRow("bare") << u"alice@example.org"_s << u"alice"_s << u"example.org"_s << QString()
                          << u"alice@example.org"_s;
    QTest::newRow("domain only") << u"example.org"_s << QString() << u"example.org"_s << QString()
                                 << u"example.org"_s;
    QTest::newRow("domain and resource") << u"example.org/admin"_s << QString() << u"example.org"_s
                                         << u"admin"_s << u"example.org/admin"_s;
    QTest::newRow("resource with slash and at")
        << u"alice@example.org/ward 3/bed@7"_s << u"alice"_s << u"example.org"_s
        << u"ward 3/bed@7"_s << u"alice@example.org/ward 3/bed@7"_s;
    QTest::newRow("domain-only with at in resource")
        << u"example.org/a@b"_s << QString() << u"example.org"_s << u"a@b"_s
        << u"example.org/a@b"_s;
    QTest::newRow("trailing dot dropped")
        << u"alice@example.org."_s << u"alice"_s << u"example.org"_s << QString()
        << u"alice@example.org"_s;
}

void TestJid::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, local);
    QFETCH(QString, domain);
    QFETCH(QString, resource);
    QFETCH(QString, string);

    const Jid jid(text);
    QVERIFY(jid.isValid());
    QCOMPARE(jid.local(), local);
    QCOMPARE(jid.domain(), domain);
    QCOMPARE(jid.resource(), resource);
    QCOMPARE(jid.isBare(), resource.isEmpty());
    QCOMPARE(jid.toString(), string);
    QCOMPARE(Jid::fromString(text), jid);
    // Round trip.
    QCOMPARE(Jid(jid.toString()), jid);
}

void TestJid::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("empty local part") << u"@example.org"_s;
    QTest::newRow("at only") << u"@x"_s;
    QTest::newRow("empty domain") << u"a@"_s;
    QTest::newRow("empty domain with resource") << u"a@/r"_s;
    QTest::newRow("empty resource") << u"x/"_s;
    QTest::newRow("empty resource, full") << u"a@x/"_s;
    QTest::newRow("slash only") << u"/"_s;
    QTest::newRow("resource only") << u"/resource"_s;
    QTest::newRow("two at signs") << u"a@b@c"_s;
    QTest::newRow("dot only") << u"."_s;
    QTest::newRow("local part too long") << QString(QString(1024, u'a') + u"@example.org");
    QTest::newRow("domain too long") << QString(u"a@" + QString(1024, u'd'));
}

void TestJid::invalid()
{
    QFETCH(QString, text);
    const Jid jid(text);
    QVERIFY(!jid.isValid());
    QVERIFY(jid.local().isEmpty());
    QVERIFY(jid.domain().isEmpty());
    QVERIFY(jid.resource().isEmpty());
    QVERIFY(jid.toString().isEmpty());
    QCOMPARE(jid, Jid());
}

void TestJid::defaultIsInvalid()
{
    const Jid jid;
    QVERIFY(!jid.isValid());
    QVERIFY(jid.toString().isEmpty());
    QVERIFY(jid.bareString().isEmpty());
}

void TestJid::caseFolding()
{
    const Jid jid(u"Alice.Smith@Example.ORG/Phone-A"_s);
    QVERIFY(jid.isValid());
    QCOMPARE(jid.local(), u"alice.smith"_s);
    QCOMPARE(jid.domain(), u"example.org"_s);
    QCOMPARE(jid.resource(), u"Phone-A"_s);
    QCOMPARE(jid.toString(), u"alice.smith@example.org/Phone-A"_s);
    QCOMPARE(jid, Jid(u"alice.smith@example.org/Phone-A"_s));
    QVERIFY(jid != Jid(u"alice.smith@example.org/phone-a"_s));
}

void TestJid::bare()
{
    const Jid full(u"alice@example.org/phone"_s);
    const Jid bare = full.bare();
    QVERIFY(bare.isValid());
    QVERIFY(bare.isBare());
    QVERIFY(!full.isBare());
    QCOMPARE(bare.toString(), u"alice@example.org"_s);
    QCOMPARE(full.bareString(), u"alice@example.org"_s);
    QCOMPARE(bare, Jid(u"alice@example.org"_s));
    QCOMPARE(bare.bare(), bare);
    QCOMPARE(Jid(u"example.org/x"_s).bare(), Jid(u"example.org"_s));
}

void TestJid::partsConstructor()
{
    const Jid jid(u"Bob"_s, u"Example.org"_s, u"Desk"_s);
    QVERIFY(jid.isValid());
    QCOMPARE(jid.local(), u"bob"_s);
    QCOMPARE(jid.domain(), u"example.org"_s);
    QCOMPARE(jid.resource(), u"Desk"_s);
    QCOMPARE(jid, Jid(u"bob@example.org/Desk"_s));
    QVERIFY(!Jid(u"bob"_s, QString()).isValid());
}

void TestJid::equality()
{
    QCOMPARE(Jid(u"a@b/c"_s), Jid(u"A@B/c"_s));
    QVERIFY(Jid(u"a@b/c"_s) != Jid(u"a@b/d"_s));
    QVERIFY(Jid(u"a@b/c"_s) != Jid(u"a@b"_s));
    QVERIFY(Jid(u"a@b"_s) != Jid(u"b"_s));
    QVERIFY(Jid(u"a@b"_s) != Jid(u"a@c"_s));
    QVERIFY(Jid(u"x@b"_s) != Jid(u"a@b"_s));
}

void TestJid::hashInSet()
{
    QSet<Jid> set;
    set.insert(Jid(u"alice@example.org/phone"_s));
    set.insert(Jid(u"ALICE@example.org/phone"_s)); // same after case folding
    set.insert(Jid(u"alice@example.org/Phone"_s)); // resource is case-sensitive
    set.insert(Jid(u"alice@example.org"_s));
    QCOMPARE(set.size(), 3);
    QVERIFY(set.contains(Jid(u"alice@EXAMPLE.org/phone"_s)));
    QVERIFY(set.contains(Jid(u"alice@example.org"_s)));
    QVERIFY(!set.contains(Jid(u"bob@example.org"_s)));
    QCOMPARE(qHash(Jid(u"A@B/c"_s)), qHash(Jid(u"a@b/c"_s)));
}

QTEST_GUILESS_MAIN(TestJid)
#include "tst_Jid.moc"
