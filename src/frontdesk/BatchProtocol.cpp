// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/BatchProtocol.h"

#include "xmpp/XmlStreamParser.h"

#include <array>
#include <limits>
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

constexpr std::array<std::pair<ChangeKind, QStringView>, 3> kKindNames = {{
    {ChangeKind::Reminders, u"reminders"},
    {ChangeKind::Replies, u"replies"},
    {ChangeKind::Consents, u"consents"},
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

/// A whole number >= minimum, or nothing (absent, not a number, too small).
std::optional<qint64> numberFrom(const QString &text, qint64 minimum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum)
        return std::nullopt;
    return value;
}

/// "true"/"false" (absent: `absent`); nothing for anything else.
std::optional<bool> flagFrom(const Xmpp::Element &e, QStringView name, bool absent)
{
    if (!e.hasAttribute(name))
        return absent;
    const QString text = e.attribute(name);
    if (text == u"true" || text == u"1")
        return true;
    if (text == u"false" || text == u"0")
        return false;
    return std::nullopt;
}

Core::Result<StatusRequest> parseStatusRequest(const Xmpp::Element &e)
{
    StatusRequest s{e.attribute(u"id"), e.attribute(u"batch")};
    if (s.id.isEmpty())
        return malformed(u"status-request"_s);
    if (e.hasAttribute(u"max")) {
        const auto max = numberFrom(e.attribute(u"max"), 1);
        if (!max || *max > std::numeric_limits<int>::max())
            return malformed(u"status-request-max"_s);
        s.max = int(*max);
    }
    if (e.hasAttribute(u"after")) {
        const auto after = numberFrom(e.attribute(u"after"), 1);
        if (!after || s.max == 0) // a cursor belongs to a paged request
            return malformed(u"status-request-after"_s);
        s.after = *after;
    }
    const auto watch = flagFrom(e, u"watch", false);
    if (!watch)
        return malformed(u"status-request-watch"_s);
    s.watch = *watch;
    return s;
}

Core::Result<Page> parsePage(const Xmpp::Element &x)
{
    const auto count = numberFrom(x.attribute(u"count"), 0);
    const std::optional<qint64> none = 0;
    const auto after = x.hasAttribute(u"after") ? numberFrom(x.attribute(u"after"), 1) : none;
    const auto last = x.hasAttribute(u"last") ? numberFrom(x.attribute(u"last"), 1) : none;
    const auto complete = flagFrom(x, u"complete", true);
    if (!count || *count > std::numeric_limits<int>::max() || !after || !last || !complete ||
        (!*complete && *last == 0))
        return malformed(u"status-page"_s);
    return Page{*after, int(*count), *last, *complete};
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
    if (status.max > 0)
        e.setAttribute(u"max"_s, QString::number(status.max));
    if (status.max > 0 && status.after > 0)
        e.setAttribute(u"after"_s, QString::number(status.after));
    if (status.watch)
        e.setAttribute(u"watch"_s, u"true"_s);
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
    if (status.page) {
        Xmpp::Element x(u"page"_s);
        if (status.page->after > 0)
            x.setAttribute(u"after"_s, QString::number(status.page->after));
        x.setAttribute(u"count"_s, QString::number(status.page->count));
        if (status.page->last > 0)
            x.setAttribute(u"last"_s, QString::number(status.page->last));
        x.setAttribute(u"complete"_s, status.page->complete ? u"true"_s : u"false"_s);
        e.appendChild(std::move(x));
    }
    for (const StateTotal &total : status.totals)
        e.appendChild(Xmpp::Element(u"total"_s)
                          .setAttribute(u"state"_s, stateName(total.state))
                          .setAttribute(u"count"_s, QString::number(total.count)));
    return e;
}

Xmpp::Element toElement(const Changed &changed)
{
    Xmpp::Element e = ns(u"changed"_s);
    QStringList kinds;
    for (const auto &[kind, name] : kKindNames)
        if (changed.kinds.testFlag(kind))
            kinds << name.toString();
    e.setAttribute(u"kinds"_s, kinds.join(u' '));
    for (const QString &batch : changed.batches)
        e.appendChild(Xmpp::Element(u"batch"_s).setAttribute(u"id"_s, batch));
    return e;
}

Core::Result<Changed> parseChanged(const Xmpp::Element &e)
{
    if (e.xmlns() != Namespace || e.name() != u"changed")
        return malformed(u"element"_s);
    Changed changed;
    // Kinds a later service adds are ignored; an event naming none is not one.
    const QStringList kinds = e.attribute(u"kinds").split(u' ', Qt::SkipEmptyParts);
    for (const QString &kind : kinds)
        for (const auto &[value, name] : kKindNames)
            if (kind == name)
                changed.kinds |= value;
    if (!changed.kinds)
        return malformed(u"changed-kinds"_s);
    for (const Xmpp::Element &b : e.childrenNamed(u"batch")) {
        const QString id = b.attribute(u"id");
        if (id.isEmpty())
            return malformed(u"changed-batch"_s);
        changed.batches << id;
    }
    return changed;
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
        auto s = parseStatusRequest(e);
        if (!s)
            return std::unexpected(s.error());
        return Request(*s);
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
        const auto pages = e.childrenNamed(u"page");
        if (pages.size() > 1)
            return malformed(u"status-page"_s);
        if (!pages.isEmpty()) {
            auto page = parsePage(pages.first());
            if (!page)
                return std::unexpected(page.error());
            s.page = *page;
        }
        for (const Xmpp::Element &x : e.childrenNamed(u"total")) {
            const auto count = numberFrom(x.attribute(u"count"), 0);
            if (!count || *count > std::numeric_limits<int>::max())
                return malformed(u"status-total"_s);
            // A state a later service adds is left out of the totals.
            if (const auto state = stateFromName(x.attribute(u"state")))
                s.totals << StateTotal{*state, int(*count)};
        }
        return Answer(s);
    }
    return malformed(u"element"_s);
}

} // namespace FrontDesk::Protocol
