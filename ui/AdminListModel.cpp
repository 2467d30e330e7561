// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminListModel.h"

#include "core/ErrorText.h"

namespace Ui {

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
