// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>

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
public:
    using QAbstractListModel::QAbstractListModel;

    bool isBusy() const { return m_pending > 0; }
    QString errorText() const { return m_errorText; }
    QString statusText() const { return m_statusText; }

Q_SIGNALS:
    void busyChanged();
    void errorTextChanged();
    void statusTextChanged();

protected:
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
    int m_pending = 0;
    QString m_errorText;
    QString m_statusText;
};

} // namespace Ui
