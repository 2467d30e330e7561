// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// The admin console's audit export: fetches the server's audit archive
/// (AdminService::exportAudit, in pages) and writes it to a file, one JSON
/// entry per line (the server's canonical form, hash chain included).
class AuditExport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(Phase phase READ phase NOTIFY progressChanged)
    /// Entries received from the server so far / written to the file so far.
    Q_PROPERTY(int fetched READ fetched NOTIFY progressChanged)
    Q_PROPERTY(int written READ written NOTIFY progressChanged)
    /// What is happening or what happened, in words ("N entries written").
    Q_PROPERTY(QString statusText READ statusText NOTIFY progressChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY progressChanged)
public:
    enum class Phase { Idle, Fetching, Writing, Done, Failed };
    Q_ENUM(Phase)

    explicit AuditExport(QObject *parent = nullptr);
    ~AuditExport() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    Phase phase() const { return m_phase; }
    int fetched() const { return m_fetched; }
    int written() const { return m_written; }
    QString statusText() const;
    QString errorText() const { return m_errorText; }

    /// Exports the whole archive to `file` (a local path or file: URL),
    /// replacing it. Ignored while an export runs.
    Q_INVOKABLE void exportTo(const QString &file);
    /// Turns a file: URL from a file dialog into a path (for the text field).
    Q_INVOKABLE static QString localPath(const QUrl &url);

Q_SIGNALS:
    void sessionChanged();
    void progressChanged();
    void finished(bool ok);

private:
    void fail(const QString &text);

    QPointer<Session> m_session;
    Phase m_phase = Phase::Idle;
    int m_fetched = 0;
    int m_written = 0;
    QString m_errorText;
    quint64 m_generation = 0;
};

} // namespace Ui
