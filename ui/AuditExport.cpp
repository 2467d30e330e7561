// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditExport.h"

#include "AdminAccess.h"

#include "admin/AdminService.h"

#include "core/ErrorText.h"

#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
// Entries written per event-loop turn, so the counts move and the window stays live.
constexpr int WriteBatch = 500;
} // namespace

AuditExport::AuditExport(QObject *parent)
    : QObject(parent)
{
}

AuditExport::~AuditExport() = default;

void AuditExport::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session->admin(), nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session->admin(), &AdminAccess::serviceChanged, this, [this] {
            ++m_generation;
            m_phase = Phase::Idle;
            m_fetched = m_written = 0;
            m_errorText.clear();
            Q_EMIT progressChanged();
        });
    Q_EMIT sessionChanged();
}

QString AuditExport::statusText() const
{
    switch (m_phase) {
    case Phase::Idle:
        return {};
    case Phase::Fetching:
        return tr("Fetching the audit log from the server…");
    case Phase::Writing:
        return tr("Writing: %1 of %n entries", "", m_fetched).arg(m_written);
    case Phase::Done:
        return tr("%n entries written", "", m_written);
    case Phase::Failed:
        return m_errorText;
    }
    return {};
}

QString AuditExport::localPath(const QUrl &url)
{
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}

void AuditExport::exportTo(const QString &file)
{
    if (m_phase == Phase::Fetching || m_phase == Phase::Writing)
        return;
    Admin::AdminService *admin = m_session ? m_session->admin()->service() : nullptr;
    if (!admin)
        return;
    const QString path = file.startsWith(u"file:") ? QUrl(file).toLocalFile() : file.trimmed();
    if (path.isEmpty()) {
        fail(tr("Choose a file to write the audit log to."));
        return;
    }
    if (const QString offline = m_session->admin()->offlineText(); !offline.isEmpty()) {
        fail(offline);
        return;
    }
    const quint64 generation = ++m_generation;
    m_phase = Phase::Fetching;
    m_fetched = m_written = 0;
    m_errorText.clear();
    Q_EMIT progressChanged();
    admin->exportAudit().then(
        this, [this, generation, path](Core::Result<QList<Admin::AuditRow>> rows) {
            if (generation != m_generation)
                return;
            if (!rows) {
                fail(Core::describeError(rows.error()));
                return;
            }
            auto out = std::make_shared<QSaveFile>(path);
            if (!out->open(QIODevice::WriteOnly)) {
                fail(tr("The file cannot be written. Choose a folder you may write to."));
                return;
            }
            auto entries = std::make_shared<QList<Admin::AuditRow>>(std::move(*rows));
            m_fetched = int(entries->size());
            m_phase = Phase::Writing;
            Q_EMIT progressChanged();
            // One batch per turn; a new export or sign-out (generation) stops it.
            auto step = std::make_shared<std::function<void()>>();
            *step = [this, generation, out, entries, step] {
                if (generation != m_generation) {
                    out->cancelWriting();
                    *step = nullptr;
                    return;
                }
                const int end = qMin(m_written + WriteBatch, int(entries->size()));
                for (int i = m_written; i < end; ++i)
                    out->write(QJsonDocument(entries->at(i).json).toJson(QJsonDocument::Compact) +
                               '\n');
                m_written = end;
                if (end < entries->size()) {
                    Q_EMIT progressChanged();
                    QTimer::singleShot(0, this, *step);
                    return;
                }
                *step = nullptr;
                if (!out->commit()) {
                    fail(tr("The file cannot be written. Choose a folder you may write to."));
                    return;
                }
                m_phase = Phase::Done;
                Q_EMIT progressChanged();
                Q_EMIT finished(true);
            };
            QTimer::singleShot(0, this, *step);
        });
}

void AuditExport::fail(const QString &text)
{
    m_phase = Phase::Failed;
    m_errorText = text;
    Q_EMIT progressChanged();
    Q_EMIT finished(false);
}

} // namespace Ui
