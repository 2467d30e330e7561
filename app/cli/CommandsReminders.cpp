// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli reminders: the front-desk reminder service and its staff side
// (serve, preview, submit, consent, status). See docs/frontdesk.md.
#include "CliSession.h"

#include "frontdesk/ReminderBatch.h"
#include "frontdesk/ReminderService.h"
#include "frontdesk/ServiceClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

using namespace Qt::StringLiterals;
using namespace FrontDesk;

namespace {

/// Reminders per status page `reminders status` asks for.
constexpr int kStatusPage = 500;

int usage()
{
    std::fputs("rounds-cli reminders serve --config FILE            (as the reminder account)\n"
               "rounds-cli reminders preview --csv FILE --template T [--text TEXT --text-es TEXT]\n"
               "rounds-cli reminders submit --csv FILE --template T --service JID\n"
               "    [--override --override-reason TEXT]\n"
               "rounds-cli reminders consent --service JID --patient JID --channel xmpp|sms "
               "[--withdraw]\n"
               "rounds-cli reminders status --service JID [--batch ID]\n"
               "rounds-cli reminders handled --service JID --reply ID\n"
               "templates: appointment, refill, follow-up, insurance-expiry, custom\n",
               stderr);
    return ExitUsage;
}

QStringList listValue(const QSettings &settings, const QString &key)
{
    QStringList out;
    const QVariant value = settings.value(key);
    const QStringList parts = value.typeId() == QMetaType::QStringList
                                  ? value.toStringList()
                                  : value.toString().split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts)
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

std::optional<ServiceConfig> loadConfig(const QString &path)
{
    if (!QFile::exists(path))
        return std::nullopt;
    QSettings settings(path, QSettings::IniFormat);
    settings.beginGroup(u"service"_s);
    ServiceConfig config;
    config.staff = listValue(settings, u"staff"_s);
    config.endpoints.orgDomain = settings.value(u"org-domain"_s).toString();
    config.endpoints.gatewayDomains = listValue(settings, u"gateway-domains"_s);
    config.endpoints.gatewayStandIns = listValue(settings, u"gateway-stand-ins"_s);
    config.endpoints.plaintextDomains = listValue(settings, u"plaintext-domains"_s);
    config.rules.firstNamesOnly = settings.value(u"first-names-only"_s, true).toBool();
    config.rules.allowOverride = settings.value(u"allow-override"_s, false).toBool();
    config.rules.mrnPattern = settings.value(u"mrn-pattern"_s).toString();
    config.pollMs = settings.value(u"poll-ms"_s, 1000).toInt();
    if (config.staff.isEmpty())
        return std::nullopt;
    return config;
}

std::optional<MessageTemplate> templateFrom(const QCommandLineParser &parser)
{
    const auto kind = templateKindFromName(parser.value(u"template"_s));
    if (!kind)
        return std::nullopt;
    if (*kind != TemplateKind::Custom)
        return MessageTemplate::builtIn(*kind);
    auto made = MessageTemplate::make(*kind, parser.value(u"text"_s), parser.value(u"text-es"_s));
    if (!made) {
        reportError(made.error());
        return std::nullopt;
    }
    return *made;
}

QJsonArray errorsJson(const QList<RowError> &errors)
{
    QJsonArray out;
    for (const RowError &e : errors)
        out.append(
            QJsonObject{{u"line"_s, e.line}, {u"column"_s, e.column}, {u"error"_s, e.detail}});
    return out;
}

/// Imports and checks the file; prints the preview (or the errors).
std::optional<std::pair<QList<ReminderRow>, MessageTemplate>>
prepareBatch(const QCommandLineParser &parser, const QString &orgDomain, bool printItems)
{
    const auto messageTemplate = templateFrom(parser);
    QFile file(parser.value(u"csv"_s));
    if (!messageTemplate || !file.open(QIODevice::ReadOnly)) {
        usage();
        return std::nullopt;
    }
    const BatchImport import =
        ReminderBatch::importCsv(file.readAll(), QDateTime::currentDateTimeUtc());
    QList<RowError> errors = import.errors;
    BatchPreview preview;
    if (import.valid()) {
        EndpointRules endpoints;
        endpoints.orgDomain = orgDomain;
        // The service decides whether an override is allowed; here it is only asked for.
        MinimumNecessaryRules rules;
        rules.allowOverride = true;
        preview = ReminderBatch::preview(import.rows, *messageTemplate, endpoints,
                                         MinimumNecessaryPolicy(rules), parser.isSet(u"override"_s),
                                         QDate::currentDate());
        errors = preview.errors;
    }
    if (!errors.isEmpty()) {
        printJson({{u"event"_s, u"invalid"_s}, {u"errors"_s, errorsJson(errors)}});
        std::fprintf(stderr, "rounds-cli: %d problem(s) in the file; nothing was sent\n",
                     int(errors.size()));
        return std::nullopt;
    }
    if (printItems) {
        for (const PreviewItem &item : preview.items) {
            QJsonArray findings;
            for (const Finding f : item.findings)
                findings.append(findingName(f));
            printJson({{u"event"_s, u"preview"_s},
                       {u"line"_s, item.line},
                       {u"to"_s, item.patient},
                       {u"channel"_s, channelName(item.channel)},
                       {u"send_at"_s, item.sendAt.toString(Qt::ISODate)},
                       {u"body"_s, item.body},
                       {u"overridden"_s, findings}});
        }
    }
    return std::pair{import.rows, *messageTemplate};
}

int serve(const QCommandLineParser &parser)
{
    const auto config = loadConfig(parser.value(u"config"_s));
    if (!config) {
        std::fputs("rounds-cli reminders serve: --config FILE with [service] staff=... needed\n",
                   stderr);
        return ExitUsage;
    }
    CliSession session(parser);
    auto local = session.openLocal();
    if (!local)
        return local.error();
    Account::Account &a = **local;
    ServiceConfig effective = *config;
    if (effective.endpoints.orgDomain.isEmpty())
        effective.endpoints.orgDomain = a.settings().jid.domain();
    ReminderService service(a, effective);
    const auto started = await(service.start(), session.timeoutSeconds());
    if (!started || !*started)
        return reportError(started ? started->error()
                                   : Core::Error{Core::Error::Code::Timeout, u"store"_s});
    QObject::connect(&service, &ReminderService::reminderChanged, &service,
                     [](qint64 id, Store::ReminderState state) {
                         printJson({{u"event"_s, u"reminder"_s},
                                    {u"id"_s, id},
                                    {u"state"_s, Protocol::stateName(state)}});
                     });
    QObject::connect(&service, &ReminderService::requestHandled, &service,
                     [](const QString &from, const QString &id, const QString &outcome) {
                         printJson({{u"event"_s, u"request"_s},
                                    {u"from"_s, from},
                                    {u"id"_s, id},
                                    {u"outcome"_s, outcome}});
                     });
    auto signedIn = session.signIn();
    if (!signedIn)
        return signedIn.error();
    std::optional<Core::Error> fatal;
    const QObject scope;
    QObject::connect(&a.client(), &Xmpp::Client::fatalError, &scope,
                     [&](const Core::Error &error) { fatal = error; });
    printJson({{u"event"_s, u"serving"_s}, {u"jid"_s, a.client().boundJid().toString()}});
    runUntil([&] { return fatal.has_value(); }, 365 * 24 * 3600);
    session.finish();
    return fatal ? reportSessionEnd(*fatal) : ExitOk;
}

int ask(const QCommandLineParser &parser, const Protocol::Request &request)
{
    const Core::Jid service = Core::Jid(parser.value(u"service"_s)).bare();
    if (!service.isValid() || service.local().isEmpty())
        return usage();
    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    ServiceClient client(**account, service);
    const auto answer = await(client.request(request), session.timeoutSeconds());
    session.finish();
    if (!answer)
        return reportError({Core::Error::Code::Timeout, u"the reminder service did not answer"_s});
    if (!*answer)
        return reportError(answer->error());
    if (const auto *result = std::get_if<Protocol::Result>(&**answer)) {
        printJson({{u"event"_s, u"result"_s},
                   {u"id"_s, result->id},
                   {u"outcome"_s, result->outcome},
                   {u"errors"_s, errorsJson(result->errors)}});
        return result->outcome == u"rejected" ? int(ExitPolicy) : int(ExitOk);
    }
    return ExitOk; // a status is asked for by status()
}

void printReminders(const QList<Store::ReminderRecord> &reminders)
{
    for (const Store::ReminderRecord &r : reminders)
        printJson({{u"event"_s, u"reminder"_s},
                   {u"id"_s, r.id},
                   {u"batch"_s, r.batch},
                   {u"line"_s, r.line},
                   {u"to"_s, r.patient},
                   {u"state"_s, Protocol::stateName(r.state)},
                   {u"due"_s, r.due.toString(Qt::ISODate)},
                   {u"reason"_s, r.reason}});
}

/// Every reminder, page by page (a service that does not page answers with all at once).
int status(const QCommandLineParser &parser)
{
    const Core::Jid service = Core::Jid(parser.value(u"service"_s)).bare();
    if (!service.isValid() || service.local().isEmpty())
        return usage();
    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    ServiceClient client(**account, service);
    Protocol::Status first;
    qint64 after = 0;
    int printed = 0;
    for (;;) {
        const auto answer =
            await(client.request(Protocol::StatusRequest{
                      ServiceClient::newId(), parser.value(u"batch"_s), kStatusPage, after, false}),
                  session.timeoutSeconds());
        if (!answer) {
            session.finish();
            return reportError(
                {Core::Error::Code::Timeout, u"the reminder service did not answer"_s});
        }
        if (!*answer) {
            session.finish();
            return reportError(answer->error());
        }
        if (const auto *result = std::get_if<Protocol::Result>(&**answer)) {
            session.finish();
            printJson({{u"event"_s, u"result"_s},
                       {u"id"_s, result->id},
                       {u"outcome"_s, result->outcome},
                       {u"errors"_s, errorsJson(result->errors)}});
            return ExitPolicy;
        }
        const auto &page = std::get<Protocol::Status>(**answer);
        printReminders(page.reminders);
        printed += int(page.reminders.size());
        if (after == 0)
            first = page;
        if (!page.page || page.page->complete || page.page->last == 0)
            break;
        after = page.page->last;
    }
    session.finish();
    // Reply texts stay in the desktop's front-desk view; here only which ones wait.
    for (const Store::QueuedReply &r : std::as_const(first.replies))
        printJson({{u"event"_s, u"reply"_s},
                   {u"id"_s, r.id},
                   {u"from"_s, r.patient},
                   {u"reminder"_s, r.reminder},
                   {u"received"_s, r.receivedAt.toString(Qt::ISODate)}});
    for (const Store::ConsentRecord &c : std::as_const(first.consents))
        printJson({{u"event"_s, u"consent"_s},
                   {u"patient"_s, c.patient},
                   {u"channel"_s, c.channel},
                   {u"in_force"_s, c.inForce()},
                   {u"by"_s, c.inForce() ? c.recordedBy : c.withdrawnBy}});
    printJson({{u"event"_s, u"status"_s},
               {u"reminders"_s, printed},
               {u"open_replies"_s, first.openReplies}});
    return ExitOk;
}

} // namespace

void addReminderOptions(QCommandLineParser &parser)
{
    parser.addOption({u"config"_s, u"reminders serve: the service's config file."_s, u"file"_s});
    parser.addOption({u"csv"_s, u"reminders submit|preview: the batch (CSV)."_s, u"file"_s});
    parser.addOption({u"template"_s,
                      u"reminders: appointment, refill, follow-up, "
                      u"insurance-expiry or custom."_s,
                      u"name"_s});
    parser.addOption({u"text"_s, u"reminders: the custom template's English text."_s, u"text"_s});
    parser.addOption(
        {u"text-es"_s, u"reminders: the custom template's Spanish text."_s, u"text"_s});
    parser.addOption({u"service"_s, u"reminders: the reminder service's address."_s, u"jid"_s});
    parser.addOption({u"override"_s, u"reminders submit: send despite minimum-necessary "
                                     u"findings (where policy allows; audited)."_s});
    parser.addOption(
        {u"override-reason"_s, u"reminders submit: why the override (audited)."_s, u"text"_s});
    parser.addOption({u"reply"_s, u"reminders handled: the queued reply's id."_s, u"id"_s});
    parser.addOption({u"patient"_s, u"reminders consent: the patient's address."_s, u"jid"_s});
    parser.addOption({u"channel"_s, u"reminders consent: xmpp or sms."_s, u"channel"_s});
    parser.addOption({u"withdraw"_s, u"reminders consent: withdraw instead of grant."_s});
    parser.addOption({u"batch"_s, u"reminders status: one batch only."_s, u"id"_s});
}

int commandReminders(const QCommandLineParser &parser)
{
    const QString action = parser.positionalArguments().value(1);
    if (action == u"serve")
        return serve(parser);
    if (action == u"preview")
        return prepareBatch(parser, parser.value(u"org-domain"_s), true) ? int(ExitOk)
                                                                         : int(ExitPolicy);
    if (action == u"submit") {
        const QString domain = Core::Jid(parser.value(u"jid"_s)).domain();
        const auto prepared = prepareBatch(parser, domain, true);
        if (!prepared)
            return ExitPolicy;
        Protocol::Batch batch;
        batch.id = ServiceClient::newId();
        batch.rows = prepared->first;
        batch.messageTemplate = prepared->second;
        batch.overrideFindings = parser.isSet(u"override"_s);
        batch.overrideReason = parser.value(u"override-reason"_s).trimmed();
        return ask(parser, batch);
    }
    if (action == u"consent") {
        const QString channel = parser.value(u"channel"_s);
        if (!parser.isSet(u"patient"_s) || (channel != u"xmpp" && channel != u"sms"))
            return usage();
        return ask(parser,
                   Protocol::Consent{ServiceClient::newId(),
                                     Core::Jid(parser.value(u"patient"_s)).bareString(),
                                     channel == u"sms" ? Channel::SmsGateway : Channel::Xmpp,
                                     !parser.isSet(u"withdraw"_s)});
    }
    if (action == u"handled") {
        const qint64 reply = parser.value(u"reply"_s).toLongLong();
        if (reply < 1)
            return usage();
        return ask(parser, Protocol::ReplyHandled{ServiceClient::newId(), reply});
    }
    if (action == u"status")
        return status(parser);
    return usage();
}
