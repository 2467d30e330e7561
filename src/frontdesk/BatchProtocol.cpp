// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/BatchProtocol.h"

#include "xmpp/XmlStreamParser.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace FrontDesk::Protocol {

namespace {

using Store::ReminderState;

constexpr std::array<std::pair<ReminderState, QStringView>, 9> kStateNames = {{
    {ReminderState::Scheduled, u"scheduled"},
    {ReminderState::Sending, u"sending"},
    {ReminderState::Sent, u"sent"},
    {ReminderState::Delivered, u"delivered"},
    {ReminderState::Confirmed, u"confirmed"},
    {ReminderState::RescheduleRequested, u"reschedule-requested"},
    {ReminderState::Cancelled, u"cancelled"},
    {ReminderState::OptedOut, u"opted-out"},
    {ReminderState::Failed, u"failed"},
}};

std::unexpected<Core::Error> malformed(const QString &what)
{
    return Core::fail(Core::Error::Code::Stanza, u"frontdesk-malformed:"_s + what);
}

QString timeText(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

Xmpp::Element ns(const QString &name)
{
    return Xmpp::Element(name, Namespace.toString());
}

Xmpp::Element batchElement(const Batch &batch)
{
    Xmpp::Element e = ns(u"batch"_s);
    e.setAttribute(u"id"_s, batch.id);
    e.setAttribute(u"template"_s, templateKindName(batch.messageTemplate.kind));
    if (batch.overrideFindings)
        e.setAttribute(u"override"_s, u"true"_s);
    if (!batch.overrideReason.isEmpty())
        e.appendChild(Xmpp::Element(u"override-reason"_s).setText(batch.overrideReason));
    if (batch.messageTemplate.kind == TemplateKind::Custom) {
        for (const Language language : {Language::English, Language::Spanish}) {
            if (const auto text = batch.messageTemplate.text(language))
                e.appendChild(Xmpp::Element(u"text"_s)
                                  .setAttribute(u"lang"_s, languageCode(language))
                                  .setText(*text));
        }
    }
    for (const ReminderRow &row : batch.rows) {
        Xmpp::Element r(u"reminder"_s);
        r.setAttribute(u"line"_s, QString::number(row.line));
        r.setAttribute(u"to"_s, row.patient);
        r.setAttribute(u"lang"_s, languageCode(row.language));
        r.setAttribute(u"send-at"_s, timeText(row.sendAt));
        QStringList names = row.values.keys();
        names.sort();
        for (const QString &name : std::as_const(names))
            r.appendChild(Xmpp::Element(u"value"_s)
                              .setAttribute(u"name"_s, name)
                              .setText(row.values.value(name)));
        e.appendChild(std::move(r));
    }
    return e;
}

Core::Result<Batch> parseBatch(const Xmpp::Element &e)
{
    Batch batch;
    batch.id = e.attribute(u"id");
    if (batch.id.isEmpty())
        return malformed(u"batch-id"_s);
    const auto kind = templateKindFromName(e.attribute(u"template"));
    if (!kind)
        return malformed(u"template"_s);
    batch.overrideFindings = e.attribute(u"override") == u"true";
    batch.overrideReason = e.childText(u"override-reason").trimmed();
    if (*kind == TemplateKind::Custom) {
        QString english, spanish;
        for (const Xmpp::Element &t : e.childrenNamed(u"text")) {
            const auto language = languageFromCode(t.attribute(u"lang"));
            if (!language)
                return malformed(u"text-lang"_s);
            (*language == Language::Spanish ? spanish : english) = t.text();
        }
        auto made = MessageTemplate::make(*kind, english, spanish);
        if (!made)
            return std::unexpected(made.error());
        batch.messageTemplate = *made;
    } else {
        batch.messageTemplate = MessageTemplate::builtIn(*kind);
    }
    for (const Xmpp::Element &r : e.childrenNamed(u"reminder")) {
        ReminderRow row;
        bool ok = false;
        row.line = r.attribute(u"line").toInt(&ok);
        if (!ok || row.line < 1)
            return malformed(u"reminder-line"_s);
        row.patient = r.attribute(u"to");
        const auto language = languageFromCode(r.attribute(u"lang"));
        row.sendAt = timeFrom(r.attribute(u"send-at"));
        if (row.patient.isEmpty() || !language || !row.sendAt.isValid())
            return malformed(u"reminder"_s);
        row.language = *language;
        for (const Xmpp::Element &v : r.childrenNamed(u"value"))
            row.values.insert(v.attribute(u"name"), v.text());
        batch.rows << row;
    }
    if (batch.rows.isEmpty())
        return malformed(u"no-reminders"_s);
    return batch;
}

} // namespace

QString stateName(Store::ReminderState state)
{
    for (const auto &[value, name] : kStateNames)
        if (value == state)
            return name.toString();
    return {};
}

std::optional<Store::ReminderState> stateFromName(QStringView name)
{
    for (const auto &[value, text] : kStateNames)
        if (text == name)
            return value;
    return std::nullopt;
}

Xmpp::Element toElement(const Request &request)
{
    if (const auto *batch = std::get_if<Batch>(&request))
        return batchElement(*batch);
    if (const auto *consent = std::get_if<Consent>(&request)) {
        Xmpp::Element e = ns(u"consent"_s);
        e.setAttribute(u"id"_s, consent->id);
        e.setAttribute(u"patient"_s, consent->patient);
        e.setAttribute(u"channel"_s, channelName(consent->channel));
        e.setAttribute(u"action"_s, consent->grant ? u"grant"_s : u"withdraw"_s);
        return e;
    }
    if (const auto *handled = std::get_if<ReplyHandled>(&request)) {
        Xmpp::Element e = ns(u"reply-handled"_s);
        e.setAttribute(u"id"_s, handled->id);
        e.setAttribute(u"reply"_s, QString::number(handled->reply));
        return e;
    }
    const auto &status = std::get<StatusRequest>(request);
    Xmpp::Element e = ns(u"status-request"_s);
    e.setAttribute(u"id"_s, status.id);
    if (!status.batch.isEmpty())
        e.setAttribute(u"batch"_s, status.batch);
    return e;
}

Xmpp::Element toElement(const Answer &answer)
{
    if (const auto *result = std::get_if<Result>(&answer)) {
        Xmpp::Element e = ns(u"result"_s);
        e.setAttribute(u"id"_s, result->id);
        e.setAttribute(u"outcome"_s, result->outcome);
        for (const RowError &error : result->errors) {
            Xmpp::Element x(u"error"_s);
            x.setAttribute(u"line"_s, QString::number(error.line));
            if (!error.column.isEmpty())
                x.setAttribute(u"column"_s, error.column);
            x.setAttribute(u"detail"_s, error.detail);
            e.appendChild(std::move(x));
        }
        return e;
    }
    const auto &status = std::get<Status>(answer);
    Xmpp::Element e = ns(u"status"_s);
    e.setAttribute(u"id"_s, status.id);
    e.setAttribute(u"open-replies"_s, QString::number(status.openReplies));
    for (const Store::ReminderRecord &r : status.reminders) {
        Xmpp::Element x(u"reminder"_s);
        x.setAttribute(u"id"_s, QString::number(r.id));
        x.setAttribute(u"batch"_s, r.batch);
        x.setAttribute(u"line"_s, QString::number(r.line));
        x.setAttribute(u"to"_s, r.patient);
        x.setAttribute(u"state"_s, stateName(r.state));
        x.setAttribute(u"due"_s, timeText(r.due));
        x.setAttribute(u"updated"_s, timeText(r.updatedAt));
        if (!r.reason.isEmpty())
            x.setAttribute(u"reason"_s, r.reason);
        e.appendChild(std::move(x));
    }
    for (const Store::QueuedReply &r : status.replies) {
        Xmpp::Element x(u"reply"_s);
        x.setAttribute(u"id"_s, QString::number(r.id));
        x.setAttribute(u"from"_s, r.patient);
        if (r.reminder > 0)
            x.setAttribute(u"reminder"_s, QString::number(r.reminder));
        x.setAttribute(u"received"_s, timeText(r.receivedAt));
        x.setText(r.body);
        e.appendChild(std::move(x));
    }
    for (const Store::ConsentRecord &c : status.consents) {
        Xmpp::Element x(u"consent"_s);
        x.setAttribute(u"patient"_s, c.patient);
        x.setAttribute(u"channel"_s, c.channel);
        x.setAttribute(u"since"_s, timeText(c.consentedAt));
        x.setAttribute(u"by"_s, c.recordedBy);
        if (!c.inForce()) {
            x.setAttribute(u"withdrawn"_s, timeText(c.withdrawnAt));
            x.setAttribute(u"withdrawn-by"_s, c.withdrawnBy);
        }
        e.appendChild(std::move(x));
    }
    return e;
}

std::optional<Xmpp::Element> elementFromBody(const QString &body)
{
    const QString trimmed = body.trimmed();
    if (!trimmed.startsWith(u'<') || !trimmed.contains(Namespace))
        return std::nullopt;
    Xmpp::XmlStreamParser parser;
    auto elements = parser.feed(trimmed);
    if (!elements || elements->size() != 1 || elements->first().xmlns() != Namespace)
        return std::nullopt;
    return elements->first();
}

Core::Result<Request> parseRequest(const Xmpp::Element &e)
{
    if (e.xmlns() != Namespace)
        return malformed(u"namespace"_s);
    if (e.name() == u"batch") {
        auto batch = parseBatch(e);
        if (!batch)
            return std::unexpected(batch.error());
        return Request(*batch);
    }
    if (e.name() == u"consent") {
        Consent c;
        c.id = e.attribute(u"id");
        c.patient = e.attribute(u"patient");
        const QString channel = e.attribute(u"channel");
        const QString action = e.attribute(u"action");
        if (c.id.isEmpty() || c.patient.isEmpty() || (channel != u"xmpp" && channel != u"sms") ||
            (action != u"grant" && action != u"withdraw"))
            return malformed(u"consent"_s);
        c.channel = channel == u"sms" ? Channel::SmsGateway : Channel::Xmpp;
        c.grant = action == u"grant";
        return Request(c);
    }
    if (e.name() == u"reply-handled") {
        bool ok = false;
        ReplyHandled h{e.attribute(u"id"), e.attribute(u"reply").toLongLong(&ok)};
        if (h.id.isEmpty() || !ok || h.reply < 1)
            return malformed(u"reply-handled"_s);
        return Request(h);
    }
    if (e.name() == u"status-request") {
        StatusRequest s{e.attribute(u"id"), e.attribute(u"batch")};
        if (s.id.isEmpty())
            return malformed(u"status-request"_s);
        return Request(s);
    }
    return malformed(u"element"_s);
}

Core::Result<Answer> parseAnswer(const Xmpp::Element &e)
{
    if (e.xmlns() != Namespace)
        return malformed(u"namespace"_s);
    if (e.name() == u"result") {
        Result r{e.attribute(u"id"), e.attribute(u"outcome"), {}};
        for (const Xmpp::Element &x : e.childrenNamed(u"error"))
            r.errors << RowError{x.attribute(u"line").toInt(), x.attribute(u"column"),
                                 x.attribute(u"detail")};
        return Answer(r);
    }
    if (e.name() == u"status") {
        Status s;
        s.id = e.attribute(u"id");
        s.openReplies = e.attribute(u"open-replies").toInt();
        for (const Xmpp::Element &x : e.childrenNamed(u"reminder")) {
            Store::ReminderRecord r;
            r.id = x.attribute(u"id").toLongLong();
            r.batch = x.attribute(u"batch");
            r.line = x.attribute(u"line").toInt();
            r.patient = x.attribute(u"to");
            r.state = stateFromName(x.attribute(u"state")).value_or(Store::ReminderState::Failed);
            r.due = timeFrom(x.attribute(u"due"));
            r.updatedAt = timeFrom(x.attribute(u"updated"));
            r.reason = x.attribute(u"reason");
            s.reminders << r;
        }
        for (const Xmpp::Element &x : e.childrenNamed(u"reply"))
            s.replies << Store::QueuedReply{
                x.attribute(u"id").toLongLong(),       x.attribute(u"from"),
                x.attribute(u"reminder").toLongLong(), QString(),
                timeFrom(x.attribute(u"received")),    x.text()};
        for (const Xmpp::Element &x : e.childrenNamed(u"consent")) {
            Store::ConsentRecord c;
            c.patient = x.attribute(u"patient");
            c.channel = x.attribute(u"channel");
            c.consentedAt = timeFrom(x.attribute(u"since"));
            c.recordedBy = x.attribute(u"by");
            c.withdrawnAt = timeFrom(x.attribute(u"withdrawn"));
            c.withdrawnBy = x.attribute(u"withdrawn-by");
            s.consents << c;
        }
        return Answer(s);
    }
    return malformed(u"element"_s);
}

} // namespace FrontDesk::Protocol
