// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frontdesk/Endpoint.h"
#include "frontdesk/MinimumNecessaryPolicy.h"
#include "frontdesk/Templates.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace FrontDesk {

/// One patient's row of a batch (a CSV line).
struct ReminderRow
{
    int line = 0;    ///< CSV line, for errors and as the row's key within its batch
    QString patient; ///< bare JID: the patient's account or a gateway number
    Language language = Language::English;
    QDateTime sendAt;               ///< UTC
    QHash<QString, QString> values; ///< placeholder values (first_name, date, ...)
    bool operator==(const ReminderRow &) const = default;
};

/// A problem with one row (line 1 is the header).
struct RowError
{
    int line = 0;
    QString column; ///< empty when about the whole row
    QString detail; ///< stable text, no values from the file
    bool operator==(const RowError &) const = default;
};

/// Exactly what one patient will receive.
struct PreviewItem
{
    int line = 0;
    QString patient;
    Channel channel = Channel::Xmpp;
    Language language = Language::English;
    QDateTime sendAt;
    QString body;
    QList<Finding> findings; ///< overridden ones (an item with findings otherwise is an error)
};

struct BatchImport
{
    QList<ReminderRow> rows;
    QList<RowError> errors;
    bool valid() const { return errors.isEmpty(); }
};

struct BatchPreview
{
    QList<PreviewItem> items;
    QList<RowError> errors;
    bool valid() const { return errors.isEmpty(); }
};

/// Batches of reminders: CSV import with per-row validation, then rendering
/// and the minimum-necessary check of every row. Nothing of a batch with any
/// error may be sent (the service refuses such a batch whole).
class ReminderBatch
{
public:
    /// Columns a file may have; patient, first_name and send_at are required.
    static const QStringList &columns();
    /// Parses and validates a CSV file (docs/frontdesk.md). A row sent more
    /// than an hour before `now` is an error.
    static BatchImport importCsv(const QByteArray &csv, const QDateTime &now);
    /// Renders each row with its language's text of `messageTemplate` and
    /// checks it. A finding is an error unless `overrideRequested` and the
    /// policy allows overriding it.
    static BatchPreview preview(const QList<ReminderRow> &rows,
                                const MessageTemplate &messageTemplate,
                                const EndpointRules &endpoints,
                                const MinimumNecessaryPolicy &policy, bool overrideRequested,
                                const QDate &today);
};

} // namespace FrontDesk
