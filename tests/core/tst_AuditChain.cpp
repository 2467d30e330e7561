// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AuditChain.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::AuditChain;
using Core::AuditEntry;
using Action = AuditEntry::Action;
using Report = AuditChain::VerifyReport;

namespace {

constexpr int kChainLength = 100;

const QDateTime kStart(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);

QByteArray sha256Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// A chain with varied fields: two accounts, every action, 0-3 object ids.
QList<AuditEntry> makeChain(int length = kChainLength)
{
    QList<AuditEntry> chain;
    for (int i = 0; i < length; ++i) {
        QStringList ids;
        for (int j = 0; j < i % 4; ++j)
            ids.append(u"msg-%1-%2"_s.arg(i).arg(j));
        const QString account = i % 3 ? u"nurse@hospital.example"_s : u"dr.who@hospital.example"_s;
        const auto action = static_cast<Action>(i % 12);
        const QDateTime time = kStart.addMSecs(qint64(i) * 1234);
        auto entry =
            AuditChain::next(chain.isEmpty() ? nullptr : &chain.last(), time, account, action, ids);
        if (!entry)
            qFatal("cannot build the test chain");
        chain.append(*entry);
    }
    return chain;
}

// Export lines without their '\n'.
QList<QByteArray> toLines(const QList<AuditEntry> &chain)
{
    QList<QByteArray> lines;
    for (const AuditEntry &entry : chain)
        lines.append(AuditChain::toJsonLine(entry).chopped(1));
    return lines;
}

QByteArray joined(const QList<QByteArray> &lines)
{
    QByteArray data;
    for (const QByteArray &line : lines)
        data += line + '\n';
    return data;
}

Report verifyData(QByteArray data, QByteArrayView anchor = {})
{
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    return AuditChain::verifyJsonLines(buffer, anchor);
}

Report verifyLines(const QList<QByteArray> &lines, QByteArrayView anchor = {})
{
    return verifyData(joined(lines), anchor);
}

QByteArray lineOf(const AuditEntry &entry)
{
    return AuditChain::toJsonLine(entry).chopped(1);
}

AuditEntry rehashed(AuditEntry entry)
{
    entry.hash = entry.computeHash();
    return entry;
}

} // namespace

// Prints the report when a comparison of it fails.
#define QCOMPARE_REPORT(report, line, what)                                                        \
    do {                                                                                           \
        const Report r_ = (report);                                                                \
        if (r_.firstBadLine != (line) || r_.problem != (what))                                     \
            qWarning("report: ok=%d entries=%lld line=%lld problem=%s", r_.ok,                     \
                     qlonglong(r_.entries), qlonglong(r_.firstBadLine), qPrintable(r_.problem));   \
        QVERIFY(!r_.ok);                                                                           \
        QCOMPARE(r_.firstBadLine, qint64(line));                                                   \
        QCOMPARE(r_.problem, QString(what));                                                       \
        QCOMPARE(r_.entries, qint64(line) - 1);                                                    \
    } while (false)

class TestAuditChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextStartsAndContinuesChain();
    void nextFromStoredHead();
    void nextRejects();
    void verifyEntryDetectsChanges();
    void jsonLineExactBytes();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonOtherKeyOrderAndWhitespaceAccepted();
    void fromJsonLineRejects_data();
    void fromJsonLineRejects();

    void chainVerifies();
    void lastLineWithoutNewlineVerifies();
    void crlfLineEndingsVerify();
    void emptyInputVerifies();
    void partialExport();
    void editedField_data();
    void editedField();
    void rewrittenWithRecomputedHash_data();
    void rewrittenWithRecomputedHash();
    void rewrittenLastLineShowsInHead();
    void removedLine_data();
    void removedLine();
    void removedFirstLine();
    void removedLastLineShowsInHead();
    void insertedLine_data();
    void insertedLine();
    void reordered_data();
    void reordered();
    void truncatedLastLine_data();
    void truncatedLastLine();
    void damagedMiddleLineIsMalformed();
    void appended_data();
    void appended();
    void overlongLine();
    void unreadableDevice();
    void verifyEntriesFromStore();
};

void TestAuditChain::nextStartsAndContinuesChain()
{
    const QDateTime local(QDate(2024, 3, 1), QTime(9, 30, 0, 250), Qt::OffsetFromUTC, 3600);
    const auto first =
        AuditChain::next(nullptr, local, u"nurse@hospital.example"_s, Action::Login, {});
    QVERIFY(first);
    QCOMPARE(first->seq, 1u);
    QCOMPARE(first->prevHash, AuditEntry::zeroHash());
    QCOMPARE(first->time.timeSpec(), Qt::UTC);
    QCOMPARE(AuditEntry::timeText(first->time), u"2024-03-01T08:30:00.250Z"_s);
    QCOMPARE(first->hash, first->computeHash());
    QVERIFY(AuditChain::verifyEntry(*first));

    const auto second = AuditChain::next(&*first, local.addSecs(5), u"nurse@hospital.example"_s,
                                         Action::Send, {u"msg-1"_s});
    QVERIFY(second);
    QCOMPARE(second->seq, 2u);
    QCOMPARE(second->prevHash, first->hash);
    QCOMPARE(second->objectIds, QStringList{u"msg-1"_s});
    QVERIFY(AuditChain::verifyEntry(*second));
    QVERIFY(second->hash != first->hash);
}

void TestAuditChain::nextFromStoredHead()
{
    const QList<AuditEntry> chain = makeChain(3);
    const auto fromPointer =
        AuditChain::next(&chain[2], kStart, u"a@b.example"_s, Action::Lock, {});
    const auto fromHead =
        AuditChain::next(chain[2].seq, chain[2].hash, kStart, u"a@b.example"_s, Action::Lock, {});
    QVERIFY(fromPointer && fromHead);
    QCOMPARE(*fromHead, *fromPointer);
    QCOMPARE(fromHead->seq, 4u);
    const auto genesis =
        AuditChain::next(0, AuditEntry::zeroHash(), kStart, u"a@b.example"_s, Action::Lock, {});
    QVERIFY(genesis);
    QCOMPARE(genesis->seq, 1u);
}

void TestAuditChain::nextRejects()
{
    const QList<AuditEntry> chain = makeChain(2);
    const QString account = u"nurse@hospital.example"_s;
    const auto expectStorageError = [](const Core::Result<AuditEntry> &result) {
        return !result && result.error().code == Core::Error::Code::Storage;
    };
    AuditEntry tampered = chain[1];
    tampered.action = Action::Wipe;
    QVERIFY(expectStorageError(AuditChain::next(&tampered, kStart, account, Action::Lock, {})));
    QVERIFY(
        expectStorageError(AuditChain::next(0, chain[0].hash, kStart, account, Action::Lock, {})));
    QVERIFY(expectStorageError(
        AuditChain::next(5, AuditEntry::zeroHash(), kStart, account, Action::Lock, {})));
    QVERIFY(expectStorageError(AuditChain::next(5, "abc", kStart, account, Action::Lock, {})));
    QVERIFY(expectStorageError(
        AuditChain::next(AuditEntry::kMaxSeq, chain[1].hash, kStart, account, Action::Lock, {})));
    QVERIFY(
        expectStorageError(AuditChain::next(&chain[1], QDateTime(), account, Action::Lock, {})));
    QVERIFY(expectStorageError(
        AuditChain::next(&chain[1], kStart, account + u"/desk"_s, Action::Lock, {})));
    QVERIFY(expectStorageError(
        AuditChain::next(&chain[1], kStart, account, Action::Send, {u"two\nlines"_s})));
    QVERIFY(AuditChain::next(&chain[1], kStart, account, Action::Lock, {}));
}

void TestAuditChain::verifyEntryDetectsChanges()
{
    const AuditEntry entry = makeChain(4)[3];
    QVERIFY(AuditChain::verifyEntry(entry));
    QList<AuditEntry> variants(6, entry);
    variants[0].seq += 1;
    variants[1].time = variants[1].time.addMSecs(1);
    variants[2].account = u"other@hospital.example"_s;
    variants[3].action = Action::Wipe;
    variants[4].objectIds[0] = u"msg-x"_s;
    variants[5].hash = variants[5].hash.toUpper();
    for (const AuditEntry &variant : variants)
        QVERIFY(!AuditChain::verifyEntry(variant));
}

void TestAuditChain::jsonLineExactBytes()
{
    AuditEntry entry;
    entry.seq = 1;
    entry.time = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    entry.account = u"nurse@hospital.example"_s;
    entry.action = Action::Send;
    entry.objectIds = {u"msg-1"_s, u"a \"quoted\" \\ id \u00fc"_s};
    entry.prevHash = AuditEntry::zeroHash();
    entry.hash = QByteArray(64, 'f');
    QCOMPARE(
        AuditChain::toJsonLine(entry),
        QByteArray(
            "{\"seq\":1,\"time\":\"2024-01-02T03:04:05.678Z\","
            "\"account\":\"nurse@hospital.example\",\"action\":\"send\","
            "\"objects\":[\"msg-1\",\"a \\\"quoted\\\" \\\\ id \xc3\xbc\"],"
            "\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\","
            "\"hash\":\"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\"}\n"));
}

void TestAuditChain::jsonRoundTrip_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("none") << QStringList();
    QTest::newRow("commas and quotes") << QStringList{u"a,b"_s, u"\"x\""_s, u"'y'"_s, u",,"_s};
    QTest::newRow("json syntax") << QStringList{u"],\"hash\":\"0\""_s, u"{}"_s, u"\\u0041"_s};
    QTest::newRow("backslashes") << QStringList{u"\\"_s, u"\\\\\""_s};
    QTest::newRow("netstring syntax") << QStringList{u"5:abc,"_s, u"1:"_s};
    QTest::newRow("unicode") << QStringList{u"caf\u00e9"_s, u"\u75c5\u68df"_s, u"\U0001F3E5"_s,
                                            u"\u200f\u05d0"_s, u"\u2028"_s};
    QTest::newRow("jids") << QStringList{u"ward3@conference.hospital.example"_s,
                                         u"nurse@hospital.example/phone"_s};
}

void TestAuditChain::jsonRoundTrip()
{
    QFETCH(QStringList, ids);
    const auto entry =
        AuditChain::next(nullptr, kStart, u"nurse@hospital.example"_s, Action::Recall, ids);
    QVERIFY(entry);
    const QByteArray line = AuditChain::toJsonLine(*entry);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1);
    const auto parsed = AuditChain::fromJsonLine(line);
    QVERIFY(parsed);
    QCOMPARE(parsed->objectIds, ids);
    QCOMPARE(*parsed, *entry);
    QVERIFY(AuditChain::verifyEntry(*parsed));
    QCOMPARE(AuditChain::toJsonLine(*parsed), line);
    // Also without the trailing newline.
    QCOMPARE(*AuditChain::fromJsonLine(line.chopped(1)), *entry);
}

// Decision: JSON syntax is free (key order, whitespace, string escapes); the hash
// is over the canonical serialisation of the values, so such a line verifies and
// exports back to the canonical line.
void TestAuditChain::jsonOtherKeyOrderAndWhitespaceAccepted()
{
    const AuditEntry entry = makeChain(6)[5];
    QCOMPARE(entry.objectIds.size(), 1);
    const QByteArray reordered =
        "  { \"hash\" : \"" + entry.hash + "\",\n\t\"prev\":\"" + entry.prevHash +
        "\", \"objects\" : [ \"\\u006dsg-5-0\" ] , \"action\":\"" +
        AuditEntry::actionName(entry.action).toLatin1() + "\", \"account\":\"" +
        entry.account.toLatin1() + "\", \"time\": \"" +
        AuditEntry::timeText(entry.time).toLatin1() + "\", \"seq\": 6 }  \r\n";
    const auto parsed = AuditChain::fromJsonLine(reordered);
    QVERIFY(parsed);
    QCOMPARE(*parsed, entry);
    QVERIFY(AuditChain::verifyEntry(*parsed));
    QCOMPARE(AuditChain::toJsonLine(*parsed), AuditChain::toJsonLine(entry));
}

void TestAuditChain::fromJsonLineRejects_data()
{
    QTest::addColumn<QByteArray>("line");
    const QList<AuditEntry> chain = makeChain(2);
    const QByteArray good = lineOf(chain[1]);
    const QByteArray prev = chain[0].hash;
    const auto replaced = [&good](const char *from, const char *to) {
        QByteArray line = good;
        const qsizetype at = line.indexOf(from);
        if (at < 0)
            qFatal("test data: %s not found", from);
        return line.replace(at, qsizetype(qstrlen(from)), to);
    };
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("seq=1");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("two objects") << good + good;
    QTest::newRow("missing key") << replaced("\"seq\":2,", "");
    QTest::newRow("extra key") << replaced("{", "{\"body\":\"hello\",");
    QTest::newRow("duplicate key") << replaced("{", "{\"action\":\"wipe\",");
    QTest::newRow("renamed key") << replaced("\"objects\"", "\"object\"");
    QTest::newRow("seq string") << replaced("\"seq\":2", "\"seq\":\"2\"");
    QTest::newRow("seq zero") << replaced("\"seq\":2", "\"seq\":0");
    QTest::newRow("seq negative") << replaced("\"seq\":2", "\"seq\":-2");
    QTest::newRow("seq fraction") << replaced("\"seq\":2", "\"seq\":2.5");
    QTest::newRow("seq beyond 2^53") << replaced("\"seq\":2", "\"seq\":9007199254740992");
    QTest::newRow("time offset") << replaced(".234Z", ".234+00:00");
    QTest::newRow("time number") << replaced("\"2024-03-01T08:00:01.234Z\"", "1709280001");
    QTest::newRow("account full JID") << replaced("@hospital.example\"", "@hospital.example/x\"");
    QTest::newRow("account upper case") << replaced("\"nurse@", "\"Nurse@");
    QTest::newRow("unknown action") << replaced("\"logout\"", "\"delete\"");
    QTest::newRow("objects string") << replaced("\"objects\":[\"msg-1-0\"]", "\"objects\":\"a\"");
    QTest::newRow("object number") << replaced("\"msg-1-0\"", "7");
    QTest::newRow("object empty") << replaced("\"msg-1-0\"", "\"\"");
    QTest::newRow("object control") << replaced("\"msg-1-0\"", "\"a\\u0000b\"");
    QTest::newRow("object lone surrogate") << replaced("\"msg-1-0\"", "\"\\ud800\"");
    QTest::newRow("prev upper case") << replaced(prev.constData(), prev.toUpper().constData());
    QTest::newRow("hash short") << good.left(good.indexOf("\"hash\":")) + "\"hash\":\"abc\"}";
    QTest::newRow("invalid utf-8") << replaced("msg-1-0", "msg-\xff");
    QTest::newRow("cut") << good.left(good.size() / 2);
}

void TestAuditChain::fromJsonLineRejects()
{
    QFETCH(QByteArray, line);
    const auto parsed = AuditChain::fromJsonLine(line);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, Core::Error::Code::Storage);
}

void TestAuditChain::chainVerifies()
{
    const QList<AuditEntry> chain = makeChain();
    const QByteArray data = joined(toLines(chain));
    QCOMPARE(data.count('\n'), kChainLength);
    const QByteArray zero = AuditEntry::zeroHash();
    for (const QByteArrayView anchor : {QByteArrayView(), QByteArrayView(zero)}) {
        const Report report = verifyData(data, anchor);
        QVERIFY(report.ok);
        QCOMPARE(report.entries, kChainLength);
        QCOMPARE(report.firstBadLine, 0);
        QCOMPARE(report.problem, QString());
        QCOMPARE(report.firstSeq, 1u);
        QCOMPARE(report.lastSeq, quint64(kChainLength));
        QCOMPARE(report.lastHash, chain.last().hash);
    }
}

void TestAuditChain::lastLineWithoutNewlineVerifies()
{
    const Report report = verifyData(joined(toLines(makeChain())).chopped(1));
    QVERIFY(report.ok);
    QCOMPARE(report.entries, kChainLength);
}

void TestAuditChain::crlfLineEndingsVerify()
{
    QByteArray data = joined(toLines(makeChain()));
    data.replace("\n", "\r\n");
    const Report report = verifyData(data);
    QVERIFY(report.ok);
    QCOMPARE(report.entries, kChainLength);
}

// Decision: an empty export is a valid (empty) chain; whether entries are
// expected is for the caller to check against the stored head.
void TestAuditChain::emptyInputVerifies()
{
    const QByteArray zero = AuditEntry::zeroHash();
    for (const QByteArrayView anchor : {QByteArrayView(), QByteArrayView(zero)}) {
        const Report report = verifyData({}, anchor);
        QVERIFY(report.ok);
        QCOMPARE(report.entries, 0);
        QCOMPARE(report.firstSeq, 0u);
        QCOMPARE(report.lastSeq, 0u);
        QVERIFY(report.lastHash.isEmpty());
    }
}

void TestAuditChain::partialExport()
{
    const QList<AuditEntry> chain = makeChain();
    const QList<QByteArray> lines = toLines(chain).mid(40); // seq 41..100
    Report report = verifyLines(lines);
    QVERIFY(report.ok);
    QCOMPARE(report.entries, 60);
    QCOMPARE(report.firstSeq, 41u);
    QCOMPARE(report.lastSeq, 100u);

    report = verifyLines(lines, chain[39].hash);
    QVERIFY(report.ok);
    QCOMPARE(report.entries, 60);

    QCOMPARE_REPORT(verifyLines(lines, chain[38].hash), 1, u"removed"_s);
    QCOMPARE_REPORT(verifyLines(lines, AuditEntry::zeroHash()), 1, u"removed"_s);
    QCOMPARE_REPORT(verifyLines(lines, "not a hash"), 1, u"removed"_s);
}

void TestAuditChain::editedField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("line");
    for (const int line : {1, 2, 50, kChainLength}) {
        for (const char *field : {"action", "object", "time", "account", "seq", "prev", "hash"})
            QTest::addRow("%s line %d", field, line) << QString::fromLatin1(field) << line;
    }
}

void TestAuditChain::editedField()
{
    QFETCH(QString, field);
    QFETCH(int, line);
    QList<AuditEntry> chain = makeChain();
    AuditEntry &entry = chain[line - 1];
    if (field == u"action")
        entry.action = entry.action == Action::Wipe ? Action::Lock : Action::Wipe;
    else if (field == u"object")
        entry.objectIds = entry.objectIds.isEmpty() ? QStringList{u"x"_s} : QStringList{u"y"_s};
    else if (field == u"time")
        entry.time = entry.time.addMSecs(1);
    else if (field == u"account")
        entry.account = u"intruder@hospital.example"_s;
    else if (field == u"seq")
        entry.seq += 1;
    else if (field == u"prev")
        entry.prevHash = sha256Hex("other");
    else
        entry.hash = sha256Hex("other");
    QCOMPARE_REPORT(verifyLines(toLines(chain)), line, u"edited"_s);
    QCOMPARE_REPORT(verifyLines(toLines(chain), AuditEntry::zeroHash()), line, u"edited"_s);
}

// A careful forger also recomputes the edited line's own hash; the break then
// shows in the next line's prev, and is still blamed on the edited line.
void TestAuditChain::rewrittenWithRecomputedHash_data()
{
    QTest::addColumn<int>("line");
    for (const int line : {1, 2, 50, kChainLength - 1})
        QTest::addRow("line %d", line) << line;
}

void TestAuditChain::rewrittenWithRecomputedHash()
{
    QFETCH(int, line);
    QList<AuditEntry> chain = makeChain();
    chain[line - 1].objectIds = {u"forged"_s};
    chain[line - 1] = rehashed(chain[line - 1]);
    QCOMPARE_REPORT(verifyLines(toLines(chain)), line, u"edited"_s);
}

// No export can prove its own last line; the stored head can.
void TestAuditChain::rewrittenLastLineShowsInHead()
{
    QList<AuditEntry> chain = makeChain();
    const QByteArray head = chain.last().hash;
    chain.last().action = Action::Lock;
    chain.last() = rehashed(chain.last());
    const Report report = verifyLines(toLines(chain));
    QVERIFY(report.ok);
    QVERIFY(report.lastHash != head);
}

void TestAuditChain::removedLine_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("count");
    for (const int line : {2, 3, 50, kChainLength - 1})
        QTest::addRow("line %d", line) << line << 1;
    QTest::newRow("lines 50-59") << 50 << 10;
}

void TestAuditChain::removedLine()
{
    QFETCH(int, line);
    QFETCH(int, count);
    QList<QByteArray> lines = toLines(makeChain());
    lines.remove(line - 1, count);
    QCOMPARE_REPORT(verifyLines(lines), line, u"removed"_s);
}

void TestAuditChain::removedFirstLine()
{
    const QList<QByteArray> lines = toLines(makeChain()).mid(1);
    QCOMPARE_REPORT(verifyLines(lines, AuditEntry::zeroHash()), 1, u"removed"_s);
    // Without an anchor this is a valid partial export starting at seq 2.
    const Report report = verifyLines(lines);
    QVERIFY(report.ok);
    QCOMPARE(report.firstSeq, 2u);
}

void TestAuditChain::removedLastLineShowsInHead()
{
    const QList<AuditEntry> chain = makeChain();
    const Report report = verifyLines(toLines(chain).mid(0, kChainLength - 1));
    QVERIFY(report.ok);
    QCOMPARE(report.lastSeq, quint64(kChainLength - 1));
    QVERIFY(report.lastHash != chain.last().hash);
}

void TestAuditChain::insertedLine_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("line");
    QTest::addColumn<bool>("anchored");
    QTest::addColumn<QString>("problem");
    for (const int line : {2, 3, 50, kChainLength}) {
        for (const char *kind : {"linked", "copy of previous", "duplicate of previous", "stray",
                                 "restart", "far seq"}) {
            for (const bool anchored : {false, true})
                QTest::addRow("%s at %d%s", kind, line, anchored ? " anchored" : "")
                    << QString::fromLatin1(kind) << line << anchored << u"inserted"_s;
        }
        // Without a recomputed hash the line is simply not what it claims to be.
        QTest::addRow("stray unhashed at %d", line)
            << u"stray unhashed"_s << line << false << u"edited"_s;
    }
    for (const bool anchored : {false, true})
        QTest::addRow("restart at 1%s", anchored ? " anchored" : "")
            << u"restart"_s << 1 << anchored << u"inserted"_s;
    QTest::newRow("duplicate appended")
        << u"duplicate of previous"_s << kChainLength + 1 << false << u"inserted"_s;
}

void TestAuditChain::insertedLine()
{
    QFETCH(QString, kind);
    QFETCH(int, line);
    QFETCH(bool, anchored);
    QFETCH(QString, problem);
    const QList<AuditEntry> chain = makeChain();
    const AuditEntry *predecessor = line >= 2 ? &chain[line - 2] : nullptr;
    AuditEntry forged;
    if (kind == u"linked") {
        forged = AuditChain::next(predecessor, kStart, u"intruder@hospital.example"_s, Action::Wipe,
                                  {u"forged"_s})
                     .value();
    } else if (kind == u"copy of previous") {
        forged = *predecessor;
        forged.objectIds = {u"forged"_s};
        forged = rehashed(forged);
    } else if (kind == u"duplicate of previous") {
        forged = *predecessor;
    } else if (kind.startsWith(u"stray")) {
        forged = AuditChain::next(predecessor->seq, sha256Hex("elsewhere"), kStart,
                                  predecessor->account, Action::Send, {u"forged"_s})
                     .value();
        if (kind == u"stray unhashed")
            forged.objectIds = {u"forged too"_s};
    } else if (kind == u"restart") {
        forged =
            AuditChain::next(nullptr, kStart, u"intruder@hospital.example"_s, Action::Login, {})
                .value();
    } else if (kind == u"far seq") {
        forged = AuditChain::next(1000, sha256Hex("elsewhere"), kStart,
                                  u"intruder@hospital.example"_s, Action::Send, {u"forged"_s})
                     .value();
    }
    QCOMPARE(AuditChain::verifyEntry(forged), kind != u"stray unhashed");
    QList<QByteArray> lines = toLines(chain);
    lines.insert(line - 1, lineOf(forged));
    const QByteArray anchor = anchored ? AuditEntry::zeroHash() : QByteArray();
    QCOMPARE_REPORT(verifyLines(lines, anchor), line, problem);
}

void TestAuditChain::reordered_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("second");
    QTest::addColumn<bool>("anchored");
    const QList<std::pair<int, int>> swaps = {
        {1, 2}, {2, 3}, {50, 51}, {kChainLength - 1, kChainLength}, {10, 60}, {1, 50}};
    for (const auto &[first, second] : swaps) {
        for (const bool anchored : {false, true})
            QTest::addRow("%d and %d%s", first, second, anchored ? " anchored" : "")
                << first << second << anchored;
    }
}

void TestAuditChain::reordered()
{
    QFETCH(int, first);
    QFETCH(int, second);
    QFETCH(bool, anchored);
    QList<QByteArray> lines = toLines(makeChain());
    lines.swapItemsAt(first - 1, second - 1);
    const QByteArray anchor = anchored ? AuditEntry::zeroHash() : QByteArray();
    QCOMPARE_REPORT(verifyLines(lines, anchor), first, u"reordered"_s);
}

void TestAuditChain::truncatedLastLine_data()
{
    QTest::addColumn<int>("keep");
    const qsizetype length = lineOf(makeChain().last()).size();
    for (const qsizetype keep : {qsizetype(1), qsizetype(8), length / 2, length - 1})
        QTest::addRow("keep %lld", qlonglong(keep)) << int(keep);
}

void TestAuditChain::truncatedLastLine()
{
    QFETCH(int, keep);
    QList<QByteArray> lines = toLines(makeChain());
    lines.last().truncate(keep);
    QCOMPARE_REPORT(verifyData(joined(lines).chopped(1)), kChainLength, u"truncated"_s);
}

void TestAuditChain::damagedMiddleLineIsMalformed()
{
    QList<QByteArray> lines = toLines(makeChain());
    lines[41].truncate(lines[41].size() / 2);
    QCOMPARE_REPORT(verifyLines(lines), 42, u"malformed"_s);
    lines[41].clear();
    QCOMPARE_REPORT(verifyLines(lines), 42, u"malformed"_s);
}

void TestAuditChain::appended_data()
{
    QTest::addColumn<QByteArray>("tail");
    QTest::addColumn<QString>("problem");
    QTest::newRow("garbage line") << QByteArray("garbage\n") << u"malformed"_s;
    QTest::newRow("garbage without newline") << QByteArray("garbage") << u"malformed"_s;
    QTest::newRow("binary") << QByteArray("\x00\xff\x01\n", 4) << u"malformed"_s;
    QTest::newRow("empty object") << QByteArray("{}\n") << u"malformed"_s;
    QTest::newRow("blank line") << QByteArray("\n") << u"malformed"_s;
    QTest::newRow("start of an entry") << QByteArray("{\"seq\":101,\"ti") << u"truncated"_s;
}

void TestAuditChain::appended()
{
    QFETCH(QByteArray, tail);
    QFETCH(QString, problem);
    QCOMPARE_REPORT(verifyData(joined(toLines(makeChain())) + tail), kChainLength + 1, problem);
}

void TestAuditChain::overlongLine()
{
    QList<QByteArray> lines = toLines(makeChain(3));
    lines.insert(1, "{\"seq\":\"" + QByteArray(AuditChain::kMaxLineBytes, 'x') + "\"}");
    QCOMPARE_REPORT(verifyLines(lines), 2, u"malformed"_s);
}

void TestAuditChain::unreadableDevice()
{
    QBuffer closed;
    const Report report = AuditChain::verifyJsonLines(closed);
    QVERIFY(!report.ok);
    QCOMPARE(report.problem, u"unreadable"_s);
    QCOMPARE(report.firstBadLine, 0);
}

void TestAuditChain::verifyEntriesFromStore()
{
    QList<AuditEntry> chain = makeChain();
    const auto sourceOf = [](const QList<AuditEntry> &entries) {
        return [&entries, index = qsizetype(0)]() mutable -> std::optional<AuditEntry> {
            if (index == entries.size())
                return std::nullopt;
            return entries[index++];
        };
    };
    Report report = AuditChain::verifyEntries(sourceOf(chain), AuditEntry::zeroHash());
    QVERIFY(report.ok);
    QCOMPARE(report.entries, kChainLength);
    QCOMPARE(report.lastHash, chain.last().hash);

    chain[29].account = u"intruder@hospital.example"_s;
    report = AuditChain::verifyEntries(sourceOf(chain));
    QCOMPARE_REPORT(report, 30, u"edited"_s);
    QCOMPARE(report.lastSeq, 29u);
    QCOMPARE(report.lastHash, chain[28].hash);
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_AuditChain.moc"
