// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrontDeskStatusModel.h"

#include "frontdesk/BatchProtocol.h"

#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Ui {

using Store::ReminderState;

FrontDeskStatusModel::FrontDeskStatusModel(QObject *parent)
    : FrontDeskListModel(parent)
{
}

FrontDeskStatusModel::~FrontDeskStatusModel() = default;

void FrontDeskStatusModel::reload()
{
    const QList<Store::ReminderRecord> next =
        m_client ? m_client->status().reminders : QList<Store::ReminderRecord>();
    // In place when the new rows are [new batches] + the shown rows (perhaps
    // fewer at the end): the usual refresh after a change.
    const qsizetype top =
        m_rows.isEmpty()
            ? -1
            : std::find_if(next.cbegin(), next.cend(), [id = m_rows.first().id](const auto &r) {
                  return r.id == id;
              }) - next.cbegin();
    const qsizetype kept = next.size() - top;
    bool inPlace = top >= 0 && top < next.size() && kept <= m_rows.size();
    for (qsizetype i = 0; inPlace && i < kept; ++i)
        inPlace = next[top + i].id == m_rows[i].id;
    if (!inPlace) {
        beginResetModel();
        m_rows = next;
        endResetModel();
        Q_EMIT countsChanged();
        return;
    }
    if (kept < m_rows.size()) {
        beginRemoveRows({}, int(kept), int(m_rows.size() - 1));
        m_rows.resize(kept);
        endRemoveRows();
    }
    if (top > 0) {
        beginInsertRows({}, 0, int(top - 1));
        m_rows = next.mid(0, top) + m_rows;
        endInsertRows();
    }
    qsizetype firstChanged = -1, lastChanged = -1;
    for (qsizetype i = top; i < next.size(); ++i) {
        if (m_rows[i] == next[i])
            continue;
        if (firstChanged < 0)
            firstChanged = i;
        lastChanged = i;
    }
    m_rows = next;
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(int(firstChanged)), index(int(lastChanged)));
    Q_EMIT countsChanged();
}

void FrontDeskStatusModel::connectClient()
{
    connect(m_client, &FrontDeskClient::remindersAppended, this, &FrontDeskStatusModel::append);
    connect(m_client, &FrontDeskClient::pageChanged, this, &FrontDeskStatusModel::countsChanged);
}

void FrontDeskStatusModel::append(int first, int count)
{
    const QList<Store::ReminderRecord> &all = m_client->status().reminders;
    if (first != m_rows.size() || first + count != all.size()) {
        reload();
        return;
    }
    beginInsertRows({}, first, first + count - 1);
    m_rows = all;
    endInsertRows();
    Q_EMIT countsChanged();
}

int FrontDeskStatusModel::total() const
{
    return m_client && m_client->status().page ? m_client->reminderTotal() : int(m_rows.size());
}

bool FrontDeskStatusModel::hasMore() const
{
    return m_client && m_client->hasMore();
}

bool FrontDeskStatusModel::isLoadingMore() const
{
    return m_client && m_client->isLoadingMore();
}

void FrontDeskStatusModel::loadMore()
{
    if (m_client)
        m_client->loadMore();
}

int FrontDeskStatusModel::openReplies() const
{
    return m_client ? m_client->status().openReplies : 0;
}

QString FrontDeskStatusModel::stateText(ReminderState state)
{
    switch (state) {
    case ReminderState::Scheduled:
        return tr("Scheduled");
    case ReminderState::Sending:
        return tr("Sending");
    case ReminderState::Sent:
        return tr("Sent");
    case ReminderState::Delivered:
        return tr("Delivered");
    case ReminderState::Confirmed:
        return tr("Confirmed");
    case ReminderState::RescheduleRequested:
        return tr("Reschedule requested");
    case ReminderState::Cancelled:
        return tr("Cancelled");
    case ReminderState::OptedOut:
        return tr("Opted out");
    case ReminderState::Failed:
        return tr("Failed");
    }
    return {};
}

QString FrontDeskStatusModel::summary() const
{
    QMap<int, int> counts;
    if (m_client && m_client->status().page) {
        for (const FrontDesk::Protocol::StateTotal &t : m_client->status().totals)
            counts[int(t.state)] += t.count;
    } else {
        for (const Store::ReminderRecord &r : m_rows)
            ++counts[int(r.state)];
    }
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << tr("%1: %2").arg(stateText(ReminderState(it.key()))).arg(it.value());
    return parts.join(u", "_s);
}

int FrontDeskStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FrontDeskStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::ReminderRecord &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case BatchRole:
        return r.batch;
    case LineRole:
        return r.line;
    case Qt::DisplayRole:
    case PatientRole:
        return r.patient;
    case StateRole:
        return FrontDesk::Protocol::stateName(r.state);
    case StateTextRole:
        return stateText(r.state);
    case DueRole:
        return r.due;
    case UpdatedRole:
        return r.updatedAt;
    case ReasonRole:
        if (r.reason == u"no-consent")
            return tr("no consent on this channel");
        if (r.reason == u"opted-out")
            return tr("the patient opted out");
        if (r.reason == u"send-failed")
            return tr("could not be delivered");
        return r.reason;
    default:
        return {};
    }
}

QHash<int, QByteArray> FrontDeskStatusModel::roleNames() const
{
    return {{IdRole, "reminderId"},   {BatchRole, "batch"},     {LineRole, "line"},
            {PatientRole, "patient"}, {StateRole, "state"},     {StateTextRole, "stateText"},
            {DueRole, "due"},         {UpdatedRole, "updated"}, {ReasonRole, "reason"}};
}

int FrontDeskStatusModel::indexOf(const QString &patient, const QString &batch) const
{
    // The newest reminder first: that is the one a reply refers to.
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i)
        if (m_rows[i].patient == patient && (batch.isEmpty() || m_rows[i].batch == batch))
            return int(i);
    return -1;
}

} // namespace Ui
