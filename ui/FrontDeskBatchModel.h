// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FrontDeskClient.h"

#include "frontdesk/ReminderBatch.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// A batch of reminders being prepared at the front desk: a CSV file is
/// imported and checked (FrontDesk::ReminderBatch), every row shows exactly
/// what that patient will receive (language, channel, minimum-necessary
/// findings), and the batch is submitted to the reminder service. Nothing is
/// submittable while any row has an error; findings need an override with a
/// reason (the service decides whether its policy allows one, and audits it).
class FrontDeskBatchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::FrontDeskClient *client READ client WRITE setClient NOTIFY clientChanged)
    /// appointment, refill, follow-up, insurance-expiry or custom.
    Q_PROPERTY(QString templateName READ templateName WRITE setTemplateName NOTIFY inputChanged)
    Q_PROPERTY(QString customText READ customText WRITE setCustomText NOTIFY inputChanged)
    Q_PROPERTY(QString customTextEs READ customTextEs WRITE setCustomTextEs NOTIFY inputChanged)
    Q_PROPERTY(
        QString overrideReason READ overrideReason WRITE setOverrideReason NOTIFY inputChanged)
    Q_PROPERTY(bool overrideRequested READ overrideRequested WRITE setOverrideRequested NOTIFY
                   inputChanged)
    /// The imported file's name; empty before an import.
    Q_PROPERTY(QString fileName READ fileName NOTIFY checked)
    /// Every problem, in words, each with its CSV line ("Line 4, language: ...").
    Q_PROPERTY(QStringList errors READ errors NOTIFY checked)
    /// Some row has minimum-necessary findings: it goes only with an override.
    Q_PROPERTY(bool needsOverride READ needsOverride NOTIFY checked)
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY checked)
    /// Rows ready to send (previewed).
    Q_PROPERTY(int count READ count NOTIFY checked)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusTextChanged)
public:
    enum Role {
        LineRole = Qt::UserRole + 1,
        PatientRole,
        ChannelRole,     ///< "xmpp" or "sms"
        ChannelTextRole, ///< in words
        LanguageRole,    ///< "en", "es"
        SendAtRole,      ///< QDateTime, UTC
        BodyRole,        ///< exactly what the patient receives
        FindingsRole,    ///< minimum-necessary findings, in words; empty when none
    };
    Q_ENUM(Role)

    explicit FrontDeskBatchModel(QObject *parent = nullptr);
    ~FrontDeskBatchModel() override;

    FrontDeskClient *client() const { return m_client; }
    void setClient(FrontDeskClient *client);
    QString templateName() const { return m_templateName; }
    void setTemplateName(const QString &name);
    QString customText() const { return m_customText; }
    void setCustomText(const QString &text);
    QString customTextEs() const { return m_customTextEs; }
    void setCustomTextEs(const QString &text);
    QString overrideReason() const { return m_overrideReason; }
    void setOverrideReason(const QString &reason);
    bool overrideRequested() const { return m_overrideRequested; }
    void setOverrideRequested(bool requested);
    QString fileName() const { return m_fileName; }
    QStringList errors() const;
    bool needsOverride() const;
    bool canSubmit() const;
    int count() const { return int(m_items.size()); }
    bool isBusy() const { return m_busy; }
    QString statusText() const { return m_statusText; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Imports a CSV file (docs/frontdesk.md, "CSV columns").
    Q_INVOKABLE bool loadFile(const QUrl &file);
    /// Imports CSV text; `now` decides what is in the past (default: now).
    void loadCsv(const QByteArray &csv, const QString &name, const QDateTime &now = {});
    /// Sends the batch to the reminder service (only when canSubmit).
    Q_INVOKABLE void schedule();
    Q_INVOKABLE void clear();
    /// The problems as the service or the file reported them (line, column, detail).
    QList<FrontDesk::RowError> rowErrors() const { return m_errors; }

    /// A stable detail ("not-an-address", "minimum-necessary:ssn") in words.
    static QString describe(const FrontDesk::RowError &error);
    static QString describeFindings(const QList<FrontDesk::Finding> &findings);

Q_SIGNALS:
    void clientChanged();
    void inputChanged();
    void checked();
    void busyChanged();
    void statusTextChanged();
    /// The service scheduled the batch.
    void submitted(const QString &batchId);

private:
    void recheck();
    void setStatusText(const QString &text);

    QPointer<FrontDeskClient> m_client;
    QString m_templateName = QStringLiteral("appointment");
    QString m_customText, m_customTextEs, m_overrideReason;
    bool m_overrideRequested = false;
    QString m_fileName;
    FrontDesk::BatchImport m_import;
    QList<FrontDesk::PreviewItem> m_items;
    QList<FrontDesk::RowError> m_errors;
    bool m_busy = false;
    QString m_statusText;
};

} // namespace Ui
