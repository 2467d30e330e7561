// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminListModel.h"

#include "AdminAccess.h"

#include "core/ErrorText.h"

namespace Ui {

void AdminListModel::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session->admin(), nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session->admin(), &AdminAccess::serviceChanged, this, &AdminListModel::restart);
    restart();
    Q_EMIT sessionChanged();
}

Admin::AdminService *AdminListModel::service() const
{
    return m_session ? m_session->admin()->service() : nullptr;
}

Admin::AdminService *AdminListModel::onlineService()
{
    Admin::AdminService *admin = service();
    if (!admin)
        return nullptr;
    if (const QString offline = m_session->admin()->offlineText(); !offline.isEmpty()) {
        setErrorText(offline);
        return nullptr;
    }
    return admin;
}

void AdminListModel::restart()
{
    ++m_generation;
    clearRows();
    setPending(0);
    setErrorText({});
    setStatusText({});
    followService();
}

void AdminListModel::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void AdminListModel::setStatusText(const QString &text)
{
    if (text == m_statusText)
        return;
    m_statusText = text;
    Q_EMIT statusTextChanged();
}

void AdminListModel::setPending(int pending)
{
    const bool wasBusy = isBusy();
    m_pending = qMax(0, pending);
    if (wasBusy != isBusy())
        Q_EMIT busyChanged();
}

void AdminListModel::finishAction(const Core::Error *error, const QString &doneText)
{
    setPending(m_pending - 1);
    if (error) {
        setErrorText(Core::describeError(*error));
        return;
    }
    setErrorText({});
    setStatusText(doneText);
    refreshAfterAction();
}

} // namespace Ui
