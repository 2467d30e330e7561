// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FrontDeskListModel.h"

#include "store/FrontDeskStore.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// The reminders the reminder service holds, with their state (scheduled,
/// sent, delivered, confirmed, reschedule requested, cancelled, opted out,
/// failed), as of the client's last refresh: the pages loaded so far (newest
/// batch first), loadMore() for the next. A refresh updates rows in place and
/// puts new batches on top, so a list being read does not jump.
///
/// Paging is loadMore()/hasMore, not canFetchMore()/fetchMore(): views and
/// model testers call fetchMore() on every change, and each page is a request
/// to the service.
class FrontDeskStatusModel : public FrontDeskListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// Replies waiting for a person.
    Q_PROPERTY(int openReplies READ openReplies NOTIFY countsChanged)
    /// How many are in each state, in words ("3 confirmed, 1 opted out").
    Q_PROPERTY(QString summary READ summary NOTIFY countsChanged)
    /// Reminders of the whole set, loaded or not.
    Q_PROPERTY(int total READ total NOTIFY countsChanged)
    /// The service holds more than are loaded.
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY countsChanged)
    Q_PROPERTY(bool loadingMore READ isLoadingMore NOTIFY countsChanged)
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
    /// Counts per state of the whole set (the service's totals where it pages).
    QString summary() const;
    int total() const;
    bool hasMore() const;
    bool isLoadingMore() const;
    /// Loads the next page (FrontDeskClient::loadMore()).
    Q_INVOKABLE void loadMore();

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
    void connectClient() override;
    void append(int first, int count);

    QList<Store::ReminderRecord> m_rows;
};

} // namespace Ui
