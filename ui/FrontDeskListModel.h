// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FrontDeskClient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// Base of the front-desk lists fed by the reminder service's status answer
/// (reminders, replies, consents): follows one FrontDeskClient and reads its
/// rows again whenever a status arrives.
class FrontDeskListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Ui::FrontDeskClient *client READ client WRITE setClient NOTIFY clientChanged)
public:
    using QAbstractListModel::QAbstractListModel;

    FrontDeskClient *client() const { return m_client; }
    void setClient(FrontDeskClient *client);

Q_SIGNALS:
    void clientChanged();

protected:
    /// Takes the rows from client() (none without one), inside a model reset.
    virtual void reload() = 0;
    /// Connects to signals of client() beyond statusArrived (none by default).
    virtual void connectClient() {}

    QPointer<FrontDeskClient> m_client;
};

} // namespace Ui
