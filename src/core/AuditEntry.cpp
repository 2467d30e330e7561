// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AuditEntry.h"

#include "core/Jid.h"

#include <QCryptographicHash>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

using Action = AuditEntry::Action;

// These strings are hashed into every entry: never change one.
constexpr std::array<std::pair<Action, QStringView>, 21> kActionNames = {{
    {Action::Login, u"login"},
    {Action::Logout, u"logout"},
    {Action::OpenConversation, u"open-conversation"},
    {Action::Send, u"send"},
    {Action::Recall, u"recall"},
    {Action::Export, u"export"},
    {Action::TrustChange, u"trust-change"},
    {Action::Wipe, u"wipe"},
    {Action::PolicyChange, u"policy-change"},
    {Action::Lock, u"lock"},
    {Action::Unlock, u"unlock"},
    {Action::Search, u"search"},
    {Action::Acknowledge, u"acknowledge"},
    {Action::Escalate, u"escalate"},
    {Action::ResolveRole, u"resolve-role"},
    {Action::Expire, u"expire"},
    {Action::ReminderBatch, u"reminder-batch"},
    {Action::ReminderSend, u"reminder-send"},
    {Action::ReminderOverride, u"reminder-override"},
    {Action::ConsentChange, u"consent-change"},
    {Action::Forward, u"forward"},
}};

// Domain separation and format version; a new format gets a new tag.
constexpr QByteArrayView kFormatTag = "rounds-audit-1";

// Netstring: decimal byte length, ':', the bytes, ','. Self-delimiting, so no
// field value can be mistaken for a separator or for the next field.
void appendNetstring(QByteArray &out, QByteArrayView bytes)
{
    out += QByteArray::number(bytes.size());
    out += ':';
    out += bytes;
    out += ',';
}

bool hasForbiddenCharacters(QStringView text)
{
    if (!text.isValidUtf16())
        return true;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

int digitsAt(QStringView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

QString AuditEntry::actionName(Action action)
{
    for (const auto &[value, name] : kActionNames) {
        if (value == action)
            return name.toString();
    }
    return {};
}

std::optional<AuditEntry::Action> AuditEntry::actionFromName(QStringView name)
{
    for (const auto &[value, text] : kActionNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

QByteArray AuditEntry::zeroHash()
{
    return QByteArray(64, '0');
}

bool AuditEntry::isHexHash(QByteArrayView text)
{
    if (text.size() != 64)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

QString AuditEntry::timeText(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (!utc.isValid() || date.year() < 1 || date.year() > 9999)
        return {};
    return QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year(), date.month(),
                             date.day(), clock.hour(), clock.minute(), clock.second(),
                             clock.msec());
}

QDateTime AuditEntry::timeFromText(QStringView text)
{
    // Fixed layout "yyyy-MM-ddTHH:mm:ss.zzzZ"; separators are checked one by one
    // so no other ISO 8601 variant slips through.
    if (text.size() != 24 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' ||
        text[13] != u':' || text[16] != u':' || text[19] != u'.' || text[23] != u'Z')
        return {};
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2);
    const int minute = digitsAt(text, 14, 2);
    const int second = digitsAt(text, 17, 2);
    const int msec = digitsAt(text, 20, 3);
    if (year < 1 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || msec < 0)
        return {};
    const QDate date(year, month, day);
    const QTime clock(hour, minute, second, msec);
    if (!date.isValid() || !clock.isValid())
        return {};
    return QDateTime(date, clock, Qt::UTC);
}

Result<void> AuditEntry::validate() const
{
    if (seq < 1 || seq > kMaxSeq)
        return fail(Error::Code::Storage, u"audit entry: seq out of range"_s);
    if (timeText(time).isEmpty())
        return fail(Error::Code::Storage, u"audit entry: invalid time"_s);
    const Jid jid(account);
    if (!jid.isValid() || !jid.isBare() || jid.toString() != account ||
        account.toUtf8().size() > kMaxFieldBytes || hasForbiddenCharacters(account))
        return fail(Error::Code::Storage, u"audit entry: account is not a normalised bare JID"_s);
    if (actionName(action).isEmpty())
        return fail(Error::Code::Storage, u"audit entry: unknown action"_s);
    if (objectIds.size() > kMaxObjectIds)
        return fail(Error::Code::Storage, u"audit entry: too many object ids"_s);
    for (const QString &id : objectIds) {
        if (id.isEmpty() || id.toUtf8().size() > kMaxFieldBytes || hasForbiddenCharacters(id))
            return fail(Error::Code::Storage, u"audit entry: invalid object id"_s);
    }
    if (!isHexHash(prevHash))
        return fail(Error::Code::Storage, u"audit entry: prev is not a lowercase hex SHA-256"_s);
    return {};
}

QByteArray AuditEntry::canonicalBytes() const
{
    QByteArray out;
    appendNetstring(out, kFormatTag);
    appendNetstring(out, QByteArray::number(seq));
    appendNetstring(out, timeText(time).toLatin1());
    appendNetstring(out, account.toUtf8());
    appendNetstring(out, actionName(action).toLatin1());
    appendNetstring(out, QByteArray::number(objectIds.size()));
    for (const QString &id : objectIds)
        appendNetstring(out, id.toUtf8());
    appendNetstring(out, prevHash);
    return out;
}

QByteArray AuditEntry::computeHash() const
{
    return QCryptographicHash::hash(canonicalBytes(), QCryptographicHash::Sha256).toHex();
}

} // namespace Core
