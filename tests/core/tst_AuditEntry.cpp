// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AuditEntry.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Core::AuditEntry;
using Action = AuditEntry::Action;

namespace {

AuditEntry vectorEntry()
{
    AuditEntry entry;
    entry.seq = 1;
    entry.time = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    entry.account = u"nurse@hospital.example"_s;
    entry.action = Action::Send;
    entry.objectIds = {u"msg-1"_s, u"ward3@conference.hospital.example"_s};
    entry.prevHash = AuditEntry::zeroHash();
    return entry;
}

} // namespace

class TestAuditEntry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalVector();
    void canonicalVectorUtf8();
    void everyFieldChangesTheHash();
    void actionNames();
    void timeText();
    void timeFromTextRejects_data();
    void timeFromTextRejects();
    void validateAccepts();
    void validateRejects_data();
    void validateRejects();
};

// Known-answer vectors. The expected bytes and hashes were computed once with an
// independent Python script following docs/audit.md, then pasted here. If this
// test fails, the canonical format changed: every existing audit log would stop
// verifying, so change the format tag and the docs instead of these constants.
void TestAuditEntry::canonicalVector()
{
    const AuditEntry entry = vectorEntry();
    QCOMPARE(entry.canonicalBytes(),
             QByteArray("14:rounds-audit-1,1:1,24:2024-01-02T03:04:05.678Z,"
                        "22:nurse@hospital.example,4:send,1:2,5:msg-1,"
                        "33:ward3@conference.hospital.example,"
                        "64:0000000000000000000000000000000000000000000000000000000000000000,"));
    QCOMPARE(entry.computeHash(),
             QByteArray("3098de7e6216a8516b8ec7cc01ea5996ad13304f5471975a3b45d38a770beddf"));
}

// Lengths count UTF-8 bytes, and separators inside values need no escaping.
void TestAuditEntry::canonicalVectorUtf8()
{
    AuditEntry entry = vectorEntry();
    entry.seq = 2;
    entry.time = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 6), Qt::UTC);
    entry.action = Action::Export;
    entry.objectIds = {u"a,b\"c\\d"_s, u"zimmer-\u00fc"_s, u"\u75c5\u68df-\U0001F3E5"_s};
    entry.prevHash = "3098de7e6216a8516b8ec7cc01ea5996ad13304f5471975a3b45d38a770beddf";
    QCOMPARE(entry.canonicalBytes(),
             QByteArray("14:rounds-audit-1,1:2,24:2024-01-02T03:04:06.000Z,"
                        "22:nurse@hospital.example,6:export,1:3,7:a,b\"c\\d,9:zimmer-\xc3\xbc,"
                        "11:\xe7\x97\x85\xe6\xa3\x9f-\xf0\x9f\x8f\xa5,"
                        "64:3098de7e6216a8516b8ec7cc01ea5996ad13304f5471975a3b45d38a770beddf,"));
    QCOMPARE(entry.computeHash(),
             QByteArray("e6093dcd576e36f8827d538ae1580b52919aa26bae7887d364600b83421a3ffd"));
}

void TestAuditEntry::everyFieldChangesTheHash()
{
    const QByteArray original = vectorEntry().computeHash();
    QList<AuditEntry> variants(8, vectorEntry());
    variants[0].seq = 2;
    variants[1].time = variants[1].time.addMSecs(1);
    variants[2].account = u"nurse2@hospital.example"_s;
    variants[3].action = Action::Recall;
    variants[4].objectIds = {u"msg-1"_s};
    // Moving a boundary between ids must change the hash (no concatenation clash).
    variants[5].objectIds = {u"msg-1ward3@conference.hospital.example"_s};
    variants[6].objectIds = {u"ward3@conference.hospital.example"_s, u"msg-1"_s};
    variants[7].prevHash = QByteArray(64, '1');
    for (const AuditEntry &variant : variants)
        QVERIFY(variant.computeHash() != original);
}

void TestAuditEntry::actionNames()
{
    const QStringList expected = {
        u"login"_s,        u"logout"_s, u"open-conversation"_s, u"send"_s, u"recall"_s, u"export"_s,
        u"trust-change"_s, u"wipe"_s,   u"policy-change"_s,     u"lock"_s, u"unlock"_s, u"search"_s,
    };
    for (int i = 0; i < expected.size(); ++i) {
        const auto action = static_cast<Action>(i);
        QCOMPARE(AuditEntry::actionName(action), expected[i]);
        QVERIFY(AuditEntry::actionFromName(expected[i]) == action);
    }
    QVERIFY(!AuditEntry::actionFromName(u"Login"));
    QVERIFY(!AuditEntry::actionFromName(u"delete"));
    QVERIFY(!AuditEntry::actionFromName(u""));
}

void TestAuditEntry::timeText()
{
    const QDateTime utc(QDate(2024, 12, 31), QTime(23, 59, 59, 7), Qt::UTC);
    QCOMPARE(AuditEntry::timeText(utc), u"2024-12-31T23:59:59.007Z"_s);
    // Another offset is written as the same instant in UTC.
    const QDateTime plusTwo(QDate(2025, 1, 1), QTime(1, 59, 59, 7), Qt::OffsetFromUTC, 7200);
    QCOMPARE(AuditEntry::timeText(plusTwo), u"2024-12-31T23:59:59.007Z"_s);
    QCOMPARE(AuditEntry::timeFromText(u"2024-12-31T23:59:59.007Z"), utc);
    QCOMPARE(AuditEntry::timeFromText(u"2024-12-31T23:59:59.007Z").timeSpec(), Qt::UTC);
    QCOMPARE(AuditEntry::timeText(QDateTime()), QString());
    QCOMPARE(AuditEntry::timeText(QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC)), QString());
}

void TestAuditEntry::timeFromTextRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("no milliseconds") << u"2024-12-31T23:59:59Z"_s;
    QTest::newRow("offset") << u"2024-12-31T23:59:59.007+00:00"_s;
    QTest::newRow("lowercase z") << u"2024-12-31T23:59:59.007z"_s;
    QTest::newRow("space") << u"2024-12-31 23:59:59.007Z"_s;
    QTest::newRow("microseconds") << u"2024-12-31T23:59:59.0070Z"_s;
    QTest::newRow("sign in digits") << u"2024-12-31T23:59:+9.007Z"_s;
    QTest::newRow("month 13") << u"2024-13-31T23:59:59.007Z"_s;
    QTest::newRow("february 30") << u"2024-02-30T23:59:59.007Z"_s;
    QTest::newRow("hour 24") << u"2024-12-31T24:00:00.000Z"_s;
    QTest::newRow("leap second") << u"2016-12-31T23:59:60.000Z"_s;
    QTest::newRow("year 0") << u"0000-12-31T23:59:59.007Z"_s;
    QTest::newRow("arabic digits") << u"\u0662024-12-31T23:59:59.007Z"_s;
}

void TestAuditEntry::timeFromTextRejects()
{
    QFETCH(QString, text);
    QVERIFY(!AuditEntry::timeFromText(text).isValid());
}

void TestAuditEntry::validateAccepts()
{
    AuditEntry entry = vectorEntry();
    QVERIFY(entry.validate().has_value());
    entry.objectIds.clear();
    QVERIFY(entry.validate().has_value());
    entry.objectIds = QStringList(AuditEntry::kMaxObjectIds, u"id"_s);
    QVERIFY(entry.validate().has_value());
    entry.objectIds = {QString(AuditEntry::kMaxFieldBytes, u'x')};
    QVERIFY(entry.validate().has_value());
    entry.seq = AuditEntry::kMaxSeq;
    QVERIFY(entry.validate().has_value());
}

void TestAuditEntry::validateRejects_data()
{
    QTest::addColumn<AuditEntry>("entry");
    const AuditEntry base = vectorEntry();
    auto with = [&base](auto change) {
        AuditEntry entry = base;
        change(entry);
        return entry;
    };
    QTest::newRow("seq 0") << with([](AuditEntry &e) { e.seq = 0; });
    QTest::newRow("seq too big") << with([](AuditEntry &e) { e.seq = AuditEntry::kMaxSeq + 1; });
    QTest::newRow("no time") << with([](AuditEntry &e) { e.time = {}; });
    QTest::newRow("empty account") << with([](AuditEntry &e) { e.account.clear(); });
    QTest::newRow("full JID") << with([](AuditEntry &e) { e.account += u"/phone"_s; });
    QTest::newRow("upper case JID") << with([](AuditEntry &e) { e.account = u"Nurse@x.org"_s; });
    QTest::newRow("unknown action") << with([](AuditEntry &e) { e.action = Action(99); });
    QTest::newRow("empty id") << with([](AuditEntry &e) { e.objectIds.append(QString()); });
    QTest::newRow("newline in id") << with([](AuditEntry &e) { e.objectIds.append(u"a\nb"_s); });
    QTest::newRow("lone surrogate")
        << with([](AuditEntry &e) { e.objectIds.append(QString(QChar(0xd800))); });
    QTest::newRow("id too long") << with([](AuditEntry &e) {
        e.objectIds = {QString(AuditEntry::kMaxFieldBytes - 1, u'x') + u"\u00fc"_s};
    });
    QTest::newRow("too many ids") << with(
        [](AuditEntry &e) { e.objectIds = QStringList(AuditEntry::kMaxObjectIds + 1, u"id"_s); });
    QTest::newRow("prev upper case")
        << with([](AuditEntry &e) { e.prevHash = QByteArray(64, 'A'); });
    QTest::newRow("prev short") << with([](AuditEntry &e) { e.prevHash.chop(1); });
}

void TestAuditEntry::validateRejects()
{
    QFETCH(AuditEntry, entry);
    const Core::Result<void> result = entry.validate();
    QVERIFY(!result);
    QCOMPARE(result.error().code, Core::Error::Code::Storage);
}

QTEST_GUILESS_MAIN(TestAuditEntry)
#include "tst_AuditEntry.moc"
