// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include "core/Error.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace Admin {
class AdminService;
}

namespace Ui {

/// What the admin console's lists share: whether requests are running, why the
/// last one failed and what the last action did, in the user's words.
class AdminListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// Why the last request failed (translated); empty otherwise.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    /// What the last action did, in words; empty otherwise.
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusTextChanged)
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
public:
    using QAbstractListModel::QAbstractListModel;

    Session *session() const { return m_session; }
    void setSession(Session *session);

    bool isBusy() const { return m_pending > 0; }
    QString errorText() const { return m_errorText; }
    QString statusText() const { return m_statusText; }

Q_SIGNALS:
    void sessionChanged();
    void busyChanged();
    void errorTextChanged();
    void statusTextChanged();

protected:
    /// The session's admin service (null when not an administrator).
    Admin::AdminService *service() const;
    /// service(), or null with the reason in errorText() while offline.
    Admin::AdminService *onlineService();
    /// Another session or service: earlier answers are stale (generation()
    /// moves on), rows, requests and texts are dropped, then followService().
    void restart();
    quint64 generation() const { return m_generation; }
    virtual void clearRows() = 0;
    /// After restart(): a list that loads by itself asks again here.
    virtual void followService() {}
    void setErrorText(const QString &text);
    void setStatusText(const QString &text);
    /// A request starts (+1) or ends (-1); 0 forgets them all.
    void setPending(int pending);
    int pending() const { return m_pending; }
    /// An action (revoke, disable, ...) ended: its error, or `doneText` and a
    /// reload of the list through refreshAfterAction().
    void finishAction(const Core::Error *error, const QString &doneText);
    virtual void refreshAfterAction() = 0;

private:
    QPointer<Session> m_session;
    quint64 m_generation = 0;
    int m_pending = 0;
    QString m_errorText;
    QString m_statusText;
};

} // namespace Ui
