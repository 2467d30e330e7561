// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FrontDeskListModel.h"

#include "store/FrontDeskStore.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// Every reminder the reminder service holds, with its state (scheduled, sent,
/// delivered, confirmed, reschedule requested, cancelled, opted out, failed),
/// as of the client's last refresh.
class FrontDeskStatusModel : public FrontDeskListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// Replies waiting for a person.
    Q_PROPERTY(int openReplies READ openReplies NOTIFY countsChanged)
    /// How many are in each state, in words ("3 confirmed, 1 opted out").
    Q_PROPERTY(QString summary READ summary NOTIFY countsChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        BatchRole,
        LineRole,
        PatientRole,
        StateRole,     ///< stable name: "confirmed", "reschedule-requested", ...
        StateTextRole, ///< in words
        DueRole,       ///< QDateTime
        UpdatedRole,   ///< QDateTime
        ReasonRole,    ///< why it failed or was not sent, in words
    };
    Q_ENUM(Role)

    explicit FrontDeskStatusModel(QObject *parent = nullptr);
    ~FrontDeskStatusModel() override;

    int openReplies() const;
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Row of the reminder of `patient` in `batch` (any batch when empty), or -1.
    Q_INVOKABLE int indexOf(const QString &patient, const QString &batch = {}) const;

    static QString stateText(Store::ReminderState state);

Q_SIGNALS:
    void countsChanged();

private:
    void reload() override;

    QList<Store::ReminderRecord> m_rows;
};

} // namespace Ui
