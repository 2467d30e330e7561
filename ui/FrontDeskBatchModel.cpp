// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrontDeskBatchModel.h"

#include "frontdesk/MinimumNecessaryPolicy.h"
#include "frontdesk/ServiceClient.h"

#include "core/ErrorText.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace FrontDesk;

namespace Ui {

namespace {

QString findingText(QStringView name)
{
    if (name == u"ssn")
        return FrontDeskBatchModel::tr("social security number");
    if (name == u"mrn")
        return FrontDeskBatchModel::tr("medical record number");
    if (name == u"date-of-birth")
        return FrontDeskBatchModel::tr("date of birth");
    if (name == u"clinical-term")
        return FrontDeskBatchModel::tr("diagnosis or medication term");
    if (name == u"full-name")
        return FrontDeskBatchModel::tr("full name");
    return name.toString();
}

QString findingsText(const QString &names)
{
    QStringList out;
    for (const QString &name : names.split(u',', Qt::SkipEmptyParts))
        out << findingText(name);
    return out.join(u", "_s);
}

QString detailText(const QString &detail)
{
    const QString head = detail.section(u':', 0, 0);
    const QString tail = detail.section(u':', 1);
    if (head == u"minimum-necessary")
        return FrontDeskBatchModel::tr("contains more than a reminder needs (%1); send it only "
                                       "with an override and a reason")
            .arg(findingsText(tail));
    if (head == u"override-not-allowed")
        return FrontDeskBatchModel::tr("contains %1, which may never be sent; change the row")
            .arg(findingsText(tail));
    if (head == u"override-reason-missing")
        return FrontDeskBatchModel::tr("an override needs a reason");
    if (head == u"field-count")
        return FrontDeskBatchModel::tr("has %1 fields, the header has %2")
            .arg(tail.section(u"-of-"_s, 0, 0), tail.section(u"-of-"_s, 1));
    if (head == u"no-template-for-language")
        return FrontDeskBatchModel::tr("the template has no text in this language");
    if (head == u"template-missing-value")
        return FrontDeskBatchModel::tr("the template needs this value");
    if (head == u"template-unknown-placeholder")
        return FrontDeskBatchModel::tr("the template uses an unknown placeholder {%1}").arg(tail);
    if (head == u"template-malformed")
        return FrontDeskBatchModel::tr("the template has a stray brace");
    static const QHash<QString, const char *> texts = {
        {u"unknown-column"_s, QT_TR_NOOP("unknown column")},
        {u"duplicate-column"_s, QT_TR_NOOP("column given twice")},
        {u"missing-column"_s, QT_TR_NOOP("required column missing")},
        {u"not-an-address"_s, QT_TR_NOOP("not an XMPP address or gateway number")},
        {u"unknown-language"_s, QT_TR_NOOP("unknown language (use en or es)")},
        {u"not-a-time"_s, QT_TR_NOOP("not a date and time (2030-05-01T09:00:00Z)")},
        {u"time-zone-missing"_s, QT_TR_NOOP("the time has no time zone (add Z or +02:00)")},
        {u"in-the-past"_s, QT_TR_NOOP("the time is in the past")},
        {u"empty"_s, QT_TR_NOOP("empty")},
        {u"duplicate-row"_s, QT_TR_NOOP("the same patient and time appear twice")},
        {u"csv-unterminated-quote"_s, QT_TR_NOOP("a quoted field is not closed")},
        {u"csv-stray-quote"_s, QT_TR_NOOP("a quote inside an unquoted field")},
        {u"csv-text-after-quote"_s, QT_TR_NOOP("text after a closing quote")},
        {u"csv-not-utf8"_s, QT_TR_NOOP("the file is not UTF-8 text")},
        {u"empty-file"_s, QT_TR_NOOP("the file is empty")},
    };
    if (const auto it = texts.constFind(head); it != texts.constEnd())
        return FrontDeskBatchModel::tr(it.value());
    return detail;
}

} // namespace

FrontDeskBatchModel::FrontDeskBatchModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

FrontDeskBatchModel::~FrontDeskBatchModel() = default;

QString FrontDeskBatchModel::describe(const RowError &error)
{
    const QString what = detailText(error.detail);
    if (error.line <= 0)
        return error.column.isEmpty() ? tr("File: %1").arg(what)
                                      : tr("File, %1: %2").arg(error.column, what);
    return error.column.isEmpty() ? tr("Line %1: %2").arg(error.line).arg(what)
                                  : tr("Line %1, %2: %3").arg(error.line).arg(error.column, what);
}

QString FrontDeskBatchModel::describeFindings(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding f : findings)
        out << findingText(findingName(f));
    return out.join(u", "_s);
}

void FrontDeskBatchModel::setClient(FrontDeskClient *client)
{
    if (client == m_client)
        return;
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    if (m_client)
        connect(m_client, &FrontDeskClient::readyChanged, this, &FrontDeskBatchModel::recheck);
    recheck();
    Q_EMIT clientChanged();
}

void FrontDeskBatchModel::setTemplateName(const QString &name)
{
    if (name == m_templateName)
        return;
    m_templateName = name;
    Q_EMIT inputChanged();
    recheck();
}

void FrontDeskBatchModel::setCustomText(const QString &text)
{
    if (text == m_customText)
        return;
    m_customText = text;
    Q_EMIT inputChanged();
    recheck();
}

void FrontDeskBatchModel::setCustomTextEs(const QString &text)
{
    if (text == m_customTextEs)
        return;
    m_customTextEs = text;
    Q_EMIT inputChanged();
    recheck();
}

void FrontDeskBatchModel::setOverrideReason(const QString &reason)
{
    if (reason == m_overrideReason)
        return;
    m_overrideReason = reason;
    Q_EMIT inputChanged();
    Q_EMIT checked();
}

void FrontDeskBatchModel::setOverrideRequested(bool requested)
{
    if (requested == m_overrideRequested)
        return;
    m_overrideRequested = requested;
    Q_EMIT inputChanged();
    Q_EMIT checked();
}

QStringList FrontDeskBatchModel::errors() const
{
    QStringList out;
    for (const RowError &e : m_errors)
        out << describe(e);
    return out;
}

bool FrontDeskBatchModel::needsOverride() const
{
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [](const PreviewItem &item) { return !item.findings.isEmpty(); });
}

bool FrontDeskBatchModel::canSubmit() const
{
    return m_client && m_client->isReady() && !m_busy && m_errors.isEmpty() && !m_items.isEmpty() &&
           (!needsOverride() || (m_overrideRequested && !m_overrideReason.trimmed().isEmpty()));
}

int FrontDeskBatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant FrontDeskBatchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PreviewItem &item = m_items.at(index.row());
    switch (role) {
    case LineRole:
        return item.line;
    case Qt::DisplayRole:
    case PatientRole:
        return item.patient;
    case ChannelRole:
        return channelName(item.channel);
    case ChannelTextRole:
        return item.channel == Channel::SmsGateway ? tr("SMS gateway (not end-to-end encrypted)")
                                                   : tr("Patient app (end-to-end encrypted)");
    case LanguageRole:
        return languageCode(item.language);
    case SendAtRole:
        return item.sendAt;
    case BodyRole:
        return item.body;
    case FindingsRole:
        return describeFindings(item.findings);
    default:
        return {};
    }
}

QHash<int, QByteArray> FrontDeskBatchModel::roleNames() const
{
    return {{LineRole, "line"},         {PatientRole, "patient"},
            {ChannelRole, "channel"},   {ChannelTextRole, "channelText"},
            {LanguageRole, "language"}, {SendAtRole, "sendAt"},
            {BodyRole, "body"},         {FindingsRole, "findings"}};
}

bool FrontDeskBatchModel::loadFile(const QUrl &file)
{
    QFile in(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (!in.open(QIODevice::ReadOnly)) {
        setStatusText(tr("The file could not be opened. Choose a CSV file you can read."));
        return false;
    }
    // A day's list is small; a file past 5 MB is not a reminder list.
    if (in.size() > 5 * 1024 * 1024) {
        setStatusText(tr("The file is too large for a reminder list (more than 5 MB)."));
        return false;
    }
    loadCsv(in.readAll(), QFileInfo(in.fileName()).fileName());
    return true;
}

void FrontDeskBatchModel::loadCsv(const QByteArray &csv, const QString &name, const QDateTime &now)
{
    m_fileName = name.isEmpty() ? tr("(unnamed)") : name;
    m_import = ReminderBatch::importCsv(csv, now.isValid() ? now : QDateTime::currentDateTimeUtc());
    setStatusText({});
    recheck();
}

void FrontDeskBatchModel::clear()
{
    m_fileName.clear();
    m_import = {};
    m_overrideRequested = false;
    m_overrideReason.clear();
    Q_EMIT inputChanged();
    setStatusText({});
    recheck();
}

void FrontDeskBatchModel::recheck()
{
    QList<PreviewItem> items;
    QList<RowError> errors = m_import.errors;
    // Valid rows are previewed even when others have errors (nothing is
    // submittable then), so the clerk sees the whole file at once.
    if (!m_fileName.isEmpty() && !m_import.rows.isEmpty()) {
        const auto kind = templateKindFromName(m_templateName).value_or(TemplateKind::Appointment);
        Core::Result<MessageTemplate> made =
            kind == TemplateKind::Custom ? MessageTemplate::make(kind, m_customText, m_customTextEs)
                                         : MessageTemplate::builtIn(kind);
        if (!made) {
            errors << RowError{0, tr("template"), made.error().detail};
        } else {
            EndpointRules endpoints;
            endpoints.orgDomain = m_client ? m_client->ownDomain() : QString();
            // The service's policy decides whether an override is allowed; here
            // every overridable finding is shown so the clerk can decide.
            MinimumNecessaryRules rules;
            rules.allowOverride = true;
            const BatchPreview preview =
                ReminderBatch::preview(m_import.rows, *made, endpoints,
                                       MinimumNecessaryPolicy(rules), true, QDate::currentDate());
            items = preview.items;
            errors << preview.errors;
        }
    }
    std::stable_sort(errors.begin(), errors.end(),
                     [](const RowError &a, const RowError &b) { return a.line < b.line; });
    beginResetModel();
    m_items = items;
    m_errors = errors;
    endResetModel();
    Q_EMIT checked();
}

void FrontDeskBatchModel::schedule()
{
    if (!canSubmit())
        return;
    Protocol::Batch batch;
    batch.id = ServiceClient::newId();
    const auto kind = templateKindFromName(m_templateName).value_or(TemplateKind::Appointment);
    batch.messageTemplate = kind == TemplateKind::Custom
                                ? MessageTemplate::make(kind, m_customText, m_customTextEs)
                                      .value_or(MessageTemplate::builtIn(TemplateKind::Appointment))
                                : MessageTemplate::builtIn(kind);
    batch.overrideFindings = needsOverride() && m_overrideRequested;
    if (batch.overrideFindings)
        batch.overrideReason = m_overrideReason.trimmed();
    batch.rows = m_import.rows;
    m_busy = true;
    Q_EMIT busyChanged();
    Q_EMIT checked();
    const int count = int(batch.rows.size());
    QPointer<FrontDeskBatchModel> self(this);
    m_client->request(batch, [self, count,
                              id = batch.id](const Core::Result<Protocol::Answer> &answer) {
        if (!self)
            return;
        self->m_busy = false;
        Q_EMIT self->busyChanged();
        const auto *result = answer ? std::get_if<Protocol::Result>(&*answer) : nullptr;
        if (!answer) {
            self->setStatusText(
                answer.error().code == Core::Error::Code::Timeout
                    ? tr("The reminder service did not answer. Nothing is known to be "
                         "scheduled: check the status list before submitting again.")
                    : Core::describeError(answer.error()));
        } else if (result && result->outcome != u"rejected") {
            self->setStatusText(tr("%n reminder(s) scheduled.", nullptr, count));
            Q_EMIT self->submitted(id);
            if (self->m_client)
                self->m_client->refresh();
        } else {
            // The service refused the batch whole: its reasons, by line.
            self->beginResetModel();
            self->m_errors = result ? result->errors : QList<RowError>();
            if (self->m_errors.isEmpty())
                self->m_errors << RowError{0, {}, u"rejected"_s};
            self->endResetModel();
            self->setStatusText(tr("The reminder service refused the batch; nothing was sent."));
        }
        Q_EMIT self->checked();
    });
}

void FrontDeskBatchModel::setStatusText(const QString &text)
{
    if (text == m_statusText)
        return;
    m_statusText = text;
    Q_EMIT statusTextChanged();
}

} // namespace Ui
