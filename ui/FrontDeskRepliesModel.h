// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FrontDeskListModel.h"

#include "store/FrontDeskStore.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// Patients' replies no keyword matched, waiting for a person at the front
/// desk, oldest first (as of the client's last refresh).
class FrontDeskRepliesModel : public FrontDeskListModel
{
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        PatientRole,
        ReminderRole, ///< the reminder it answers, 0 when none
        ReceivedRole, ///< QDateTime
        TextRole,     ///< what the patient wrote
    };
    Q_ENUM(Role)

    explicit FrontDeskRepliesModel(QObject *parent = nullptr);
    ~FrontDeskRepliesModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The reply in `row` was handled (by the signed-in user).
    Q_INVOKABLE void markHandled(int row);

private:
    void reload() override;

    QList<Store::QueuedReply> m_rows;
};

} // namespace Ui
