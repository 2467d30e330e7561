// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AuditChain.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

using VerifyReport = AuditChain::VerifyReport;

constexpr std::array<QLatin1StringView, 7> kKeys = {
    "seq"_L1, "time"_L1, "account"_L1, "action"_L1, "objects"_L1, "prev"_L1, "hash"_L1,
};

void appendJsonString(QByteArray &out, QStringView text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += "\\u00";
            out += QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    out += '"';
}

// Number of member names of the top-level object in (already valid) JSON text.
// QJsonObject keeps only the last of duplicated names, so they are counted here:
// a duplicate would let another reader see a value other than the one verified.
int countTopLevelKeys(QByteArrayView json)
{
    int depth = 0;
    int keys = 0;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == '"') {
            ++i;
            while (i < json.size() && json[i] != '"')
                i += json[i] == '\\' ? 2 : 1;
            qsizetype after = i + 1;
            while (after < json.size() && QChar::isSpace(uchar(json[after])))
                ++after;
            if (depth == 1 && after < json.size() && json[after] == ':')
                ++keys;
        }
    }
    return keys;
}

Result<AuditEntry> malformed(QLatin1StringView what)
{
    return fail(Error::Code::Storage, u"audit line: "_s + what);
}

std::optional<QByteArray> hashValue(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (!AuditEntry::isHexHash(text.toLatin1()))
        return std::nullopt;
    return text.toLatin1();
}

// What the walk needs of an entry. A non-genesis anchor has no known seq.
struct Link
{
    std::optional<quint64> seq;
    QByteArray prev;
    QByteArray hash;
};

Link linkOf(const AuditEntry &entry)
{
    return {entry.seq, entry.prevHash, entry.hash};
}

// True if `b` directly follows `a` in a chain.
bool follows(const Link &b, const Link &a)
{
    return b.prev == a.hash && (!a.seq || (b.seq && *b.seq == *a.seq + 1));
}

// One line of input: an entry, or why there is none.
struct Item
{
    std::optional<AuditEntry> entry;
    QString problem;
};
using ItemSource = std::function<std::optional<Item>()>;

// Walks the chain keeping the last two good entries; at the first break it reads
// one line ahead to tell which line is at fault (docs/audit.md, "Verification").
VerifyReport walk(const ItemSource &next, QByteArrayView anchor)
{
    VerifyReport report;
    const QByteArray zero = AuditEntry::zeroHash();
    const bool anchored = !anchor.isEmpty();
    std::optional<Link> before;   // line - 2, or what line 1 follows (anchor, start)
    std::optional<Link> previous; // line - 1
    qint64 line = 0;

    const auto finish = [&](qint64 badLine, const QString &problem) {
        report.ok = false;
        report.firstBadLine = badLine;
        report.problem = problem;
        report.entries = badLine - 1;
        if (badLine == 1)
            report.firstSeq = 0;
        const std::optional<Link> &last = badLine == line ? previous : before;
        report.lastSeq = report.entries > 0 ? last->seq.value_or(0) : 0;
        report.lastHash = report.entries > 0 ? last->hash : QByteArray();
        return report;
    };
    // The line after a break, if it is an entry with a correct own hash.
    const auto peek = [&]() -> std::optional<Link> {
        const std::optional<Item> item = next();
        if (!item || !item->entry || !AuditChain::verifyEntry(*item->entry))
            return std::nullopt;
        return linkOf(*item->entry);
    };

    while (const std::optional<Item> item = next()) {
        ++line;
        if (!item->entry)
            return finish(line, item->problem);
        if (!AuditChain::verifyEntry(*item->entry))
            return finish(line, u"edited"_s);
        const Link entry = linkOf(*item->entry);
        const quint64 seq = *entry.seq;
        if ((seq == 1) != (entry.prev == zero))
            return finish(line, u"edited"_s); // a rewritten start of the chain

        if (!previous) {
            report.firstSeq = seq;
            if (anchored && entry.prev != anchor) {
                const std::optional<Link> after = peek();
                if (after && *after->seq < seq)
                    return finish(line, u"reordered"_s);
                if (anchor == zero || !after || follows(*after, entry))
                    return finish(line, u"removed"_s);
                return finish(line, u"edited"_s);
            }
            // What line 1 follows (the anchor, or the chain's start) lets line 2 be
            // checked for a fork.
            if (anchored || seq == 1)
                before = Link{
                    entry.prev == zero ? std::optional<quint64>(0) : std::nullopt, {}, entry.prev};
            previous = entry;
            continue;
        }
        if (follows(entry, *previous)) {
            before = std::exchange(previous, entry);
            continue;
        }

        const std::optional<Link> after = peek();
        const quint64 previousSeq = *previous->seq;
        // Two lines claim the same predecessor: the one the chain does not continue
        // from is the extra one; at the end of input, a repeat or else the first.
        if (before && follows(entry, *before)) {
            const bool thisOne = after ? follows(*after, *previous) : entry.hash == previous->hash;
            return finish(thisOne ? line : line - 1, u"inserted"_s);
        }
        // Line 1 of an unanchored export was taken as a partial start, but the chain
        // goes on from line 2 with a lower seq: line 1 belongs further on.
        if (!before && seq < previousSeq &&
            (follows(*previous, entry) || (after && follows(*after, entry))))
            return finish(line - 1, u"reordered"_s);
        // The chain goes on around this line.
        if (after && follows(*after, *previous))
            return finish(line, follows(entry, *after) ? u"reordered"_s : u"inserted"_s);
        if (seq <= previousSeq)
            return finish(line, u"inserted"_s);
        if (seq > previousSeq + 1)
            return finish(line, after && *after->seq < seq ? u"reordered"_s : u"removed"_s);
        // Consecutive seq, wrong prev: the line before was rewritten with a recomputed
        // hash, unless the chain does not go on from this line either.
        return finish(after && !follows(*after, entry) ? line : line - 1, u"edited"_s);
    }

    report.ok = true;
    report.entries = line;
    report.lastSeq = previous ? previous->seq.value_or(0) : 0;
    report.lastHash = previous ? previous->hash : QByteArray();
    return report;
}

} // namespace

Result<AuditEntry> AuditChain::next(const AuditEntry *previous, const QDateTime &time,
                                    const QString &account, AuditEntry::Action action,
                                    const QStringList &objectIds)
{
    if (!previous)
        return next(0, AuditEntry::zeroHash(), time, account, action, objectIds);
    if (!verifyEntry(*previous))
        return fail(Error::Code::Storage, u"audit chain: previous entry does not verify"_s);
    return next(previous->seq, previous->hash, time, account, action, objectIds);
}

Result<AuditEntry> AuditChain::next(quint64 previousSeq, QByteArrayView previousHash,
                                    const QDateTime &time, const QString &account,
                                    AuditEntry::Action action, const QStringList &objectIds)
{
    if (previousSeq >= AuditEntry::kMaxSeq)
        return fail(Error::Code::Storage, u"audit chain: seq exhausted"_s);
    if ((previousSeq == 0) != (previousHash == AuditEntry::zeroHash()))
        return fail(Error::Code::Storage, u"audit chain: head seq and hash disagree"_s);
    AuditEntry entry;
    entry.seq = previousSeq + 1;
    entry.time = time.toUTC();
    entry.account = account;
    entry.action = action;
    entry.objectIds = objectIds;
    entry.prevHash = previousHash.toByteArray();
    if (const Result<void> valid = entry.validate(); !valid)
        return std::unexpected(valid.error());
    entry.hash = entry.computeHash();
    return entry;
}

bool AuditChain::verifyEntry(const AuditEntry &entry)
{
    return entry.validate().has_value() && AuditEntry::isHexHash(entry.hash) &&
           entry.hash == entry.computeHash();
}

QByteArray AuditChain::toJsonLine(const AuditEntry &entry)
{
    QByteArray out;
    out += "{\"seq\":";
    out += QByteArray::number(entry.seq);
    out += ",\"time\":";
    appendJsonString(out, AuditEntry::timeText(entry.time));
    out += ",\"account\":";
    appendJsonString(out, entry.account);
    out += ",\"action\":";
    appendJsonString(out, AuditEntry::actionName(entry.action));
    out += ",\"objects\":[";
    for (qsizetype i = 0; i < entry.objectIds.size(); ++i) {
        if (i > 0)
            out += ',';
        appendJsonString(out, entry.objectIds[i]);
    }
    out += "],\"prev\":";
    appendJsonString(out, QString::fromLatin1(entry.prevHash));
    out += ",\"hash\":";
    appendJsonString(out, QString::fromLatin1(entry.hash));
    out += "}\n";
    return out;
}

Result<AuditEntry> AuditChain::fromJsonLine(QByteArrayView line)
{
    if (line.size() > kMaxLineBytes + 1)
        return malformed("line too long"_L1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return malformed("not a JSON object"_L1);
    const QJsonObject object = document.object();
    if (object.size() != qsizetype(kKeys.size()) || countTopLevelKeys(line) != int(kKeys.size()))
        return malformed("missing, extra or duplicated keys"_L1);
    for (const QLatin1StringView key : kKeys) {
        if (!object.contains(key))
            return malformed("missing, extra or duplicated keys"_L1);
    }

    AuditEntry entry;
    const QJsonValue seq = object.value("seq"_L1);
    const qint64 seqValue = seq.isDouble() ? seq.toInteger(-1) : -1;
    if (seqValue < 1 || quint64(seqValue) > AuditEntry::kMaxSeq)
        return malformed("seq"_L1);
    entry.seq = quint64(seqValue);

    const QJsonValue time = object.value("time"_L1);
    entry.time = time.isString() ? AuditEntry::timeFromText(time.toString()) : QDateTime();
    if (!entry.time.isValid())
        return malformed("time"_L1);

    const QJsonValue account = object.value("account"_L1);
    if (!account.isString())
        return malformed("account"_L1);
    entry.account = account.toString();

    const QJsonValue action = object.value("action"_L1);
    const std::optional<AuditEntry::Action> actionValue =
        action.isString() ? AuditEntry::actionFromName(action.toString()) : std::nullopt;
    if (!actionValue)
        return malformed("action"_L1);
    entry.action = *actionValue;

    const QJsonValue objects = object.value("objects"_L1);
    if (!objects.isArray())
        return malformed("objects"_L1);
    const QJsonArray ids = objects.toArray();
    for (const QJsonValue &id : ids) {
        if (!id.isString())
            return malformed("objects"_L1);
        entry.objectIds.append(id.toString());
    }

    const std::optional<QByteArray> prev = hashValue(object.value("prev"_L1));
    const std::optional<QByteArray> hash = hashValue(object.value("hash"_L1));
    if (!prev || !hash)
        return malformed("prev or hash"_L1);
    entry.prevHash = *prev;
    entry.hash = *hash;

    if (const Result<void> valid = entry.validate(); !valid)
        return std::unexpected(valid.error());
    return entry;
}

AuditChain::VerifyReport AuditChain::verifyJsonLines(QIODevice &device,
                                                     QByteArrayView expectedFirstPrevHash)
{
    if (!device.isReadable()) {
        VerifyReport report;
        report.problem = u"unreadable"_s;
        return report;
    }
    const ItemSource lines = [&device]() -> std::optional<Item> {
        if (device.atEnd())
            return std::nullopt;
        // readLine(n) returns at most n - 1 bytes: one more than allowed, then '\n'.
        QByteArray text = device.readLine(kMaxLineBytes + 2);
        const bool newline = text.endsWith('\n');
        if (newline)
            text.chop(1);
        if (text.size() > kMaxLineBytes || (!newline && !device.atEnd()))
            return Item{std::nullopt, u"malformed"_s};
        Result<AuditEntry> entry = fromJsonLine(text);
        if (!entry) {
            const bool cut = !newline && text.startsWith('{');
            return Item{std::nullopt, cut ? u"truncated"_s : u"malformed"_s};
        }
        return Item{std::move(*entry), {}};
    };
    return walk(lines, expectedFirstPrevHash);
}

AuditChain::VerifyReport AuditChain::verifyEntries(const EntrySource &nextEntry,
                                                   QByteArrayView expectedFirstPrevHash)
{
    const ItemSource items = [&nextEntry]() -> std::optional<Item> {
        std::optional<AuditEntry> entry = nextEntry();
        if (!entry)
            return std::nullopt;
        return Item{std::move(entry), {}};
    };
    return walk(items, expectedFirstPrevHash);
}

} // namespace Core
