// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/ReminderBatch.h"

#include "frontdesk/CsvReader.h"

#include "core/Jid.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace FrontDesk {

namespace {

const QStringList kRequired = {u"patient"_s, u"first_name"_s, u"send_at"_s};

QString findingList(const QList<Finding> &findings)
{
    QStringList names;
    for (const Finding f : findings)
        names << findingName(f);
    return names.join(u',');
}

} // namespace

const QStringList &ReminderBatch::columns()
{
    static const QStringList all = {
        u"patient"_s, u"first_name"_s, u"last_name"_s, u"language"_s,     u"send_at"_s,
        u"date"_s,    u"time"_s,       u"clinic"_s,    u"clinic_phone"_s, u"location"_s};
    return all;
}

BatchImport ReminderBatch::importCsv(const QByteArray &csv, const QDateTime &now)
{
    BatchImport out;
    auto records = CsvReader::parse(csv);
    if (!records) {
        const QString detail = records.error().detail;
        out.errors << RowError{
            detail.section(u"line "_s, 1).toInt(), {}, detail.section(u':', 0, 0)};
        return out;
    }
    if (records->isEmpty()) {
        out.errors << RowError{1, {}, u"empty-file"_s};
        return out;
    }
    const CsvRecord header = records->takeFirst();
    QStringList names;
    for (const QString &field : header.fields)
        names << field.trimmed().toLower();
    for (const QString &name : std::as_const(names)) {
        if (!columns().contains(name))
            out.errors << RowError{header.line, name, u"unknown-column"_s};
        else if (names.count(name) > 1 && names.indexOf(name) != names.lastIndexOf(name) &&
                 !std::any_of(out.errors.cbegin(), out.errors.cend(),
                              [&](const RowError &e) { return e.column == name; }))
            out.errors << RowError{header.line, name, u"duplicate-column"_s};
    }
    for (const QString &required : kRequired)
        if (!names.contains(required))
            out.errors << RowError{header.line, required, u"missing-column"_s};
    if (!out.errors.isEmpty())
        return out;
    if (records->isEmpty()) {
        out.errors << RowError{header.line, {}, u"no-rows"_s};
        return out;
    }

    QSet<QString> seen;
    for (const CsvRecord &record : std::as_const(*records)) {
        if (record.fields.size() != names.size()) {
            out.errors << RowError{
                record.line,
                {},
                QStringLiteral("field-count:%1-of-%2").arg(record.fields.size()).arg(names.size())};
            continue;
        }
        ReminderRow row;
        row.line = record.line;
        const qsizetype before = out.errors.size();
        for (qsizetype c = 0; c < names.size(); ++c) {
            const QString &name = names[c];
            const QString value = record.fields[c].trimmed();
            if (name == u"patient") {
                const Core::Jid jid(value);
                if (!jid.isValid() || jid.local().isEmpty() || !jid.isBare())
                    out.errors << RowError{record.line, name, u"not-an-address"_s};
                row.patient = jid.bareString();
            } else if (name == u"language") {
                const auto language =
                    value.isEmpty() ? std::optional(Language::English) : languageFromCode(value);
                if (!language)
                    out.errors << RowError{record.line, name, u"unknown-language"_s};
                else
                    row.language = *language;
            } else if (name == u"send_at") {
                const QDateTime at = QDateTime::fromString(value, Qt::ISODate);
                if (!at.isValid())
                    out.errors << RowError{record.line, name, u"not-a-time"_s};
                else if (at.timeSpec() == Qt::LocalTime)
                    out.errors << RowError{record.line, name, u"time-zone-missing"_s};
                else if (at < now.addSecs(-3600))
                    out.errors << RowError{record.line, name, u"in-the-past"_s};
                row.sendAt = at.toUTC();
            } else if (!value.isEmpty()) {
                row.values.insert(name, value);
            }
        }
        if (!row.values.contains(u"first_name"_s))
            out.errors << RowError{record.line, u"first_name"_s, u"empty"_s};
        if (out.errors.size() != before)
            continue;
        const QString key = row.patient + u'|' + row.sendAt.toString(Qt::ISODate);
        if (seen.contains(key)) {
            out.errors << RowError{record.line, u"patient"_s, u"duplicate-row"_s};
            continue;
        }
        seen.insert(key);
        out.rows << row;
    }
    return out;
}

BatchPreview ReminderBatch::preview(const QList<ReminderRow> &rows,
                                    const MessageTemplate &messageTemplate,
                                    const EndpointRules &endpoints,
                                    const MinimumNecessaryPolicy &policy, bool overrideRequested,
                                    const QDate &today)
{
    BatchPreview out;
    for (const ReminderRow &row : rows) {
        const auto text = messageTemplate.text(row.language);
        if (!text) {
            out.errors << RowError{row.line, u"language"_s,
                                   u"no-template-for-language:"_s + languageCode(row.language)};
            continue;
        }
        auto body = render(*text, row.values);
        if (!body) {
            const QString detail = body.error().detail;
            out.errors << RowError{row.line, detail.section(u':', 1), detail.section(u':', 0, 0)};
            continue;
        }
        PreviewItem item;
        item.line = row.line;
        item.patient = row.patient;
        item.channel = endpoints.channelOf(row.patient);
        item.language = row.language;
        item.sendAt = row.sendAt;
        item.body = *body;
        item.findings =
            policy.check({item.body, item.channel, row.values.value(u"last_name"_s), today});
        if (!item.findings.isEmpty()) {
            if (!overrideRequested) {
                out.errors << RowError{
                    row.line, {}, u"minimum-necessary:"_s + findingList(item.findings)};
                continue;
            }
            if (!policy.mayOverride(item.findings)) {
                out.errors << RowError{
                    row.line, {}, u"override-not-allowed:"_s + findingList(item.findings)};
                continue;
            }
        }
        out.items << item;
    }
    return out;
}

} // namespace FrontDesk
