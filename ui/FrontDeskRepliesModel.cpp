// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrontDeskRepliesModel.h"

namespace Ui {

FrontDeskRepliesModel::FrontDeskRepliesModel(QObject *parent)
    : FrontDeskListModel(parent)
{
}

FrontDeskRepliesModel::~FrontDeskRepliesModel() = default;

void FrontDeskRepliesModel::reload()
{
    beginResetModel();
    m_rows = m_client ? m_client->status().replies : QList<Store::QueuedReply>();
    endResetModel();
}

int FrontDeskRepliesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FrontDeskRepliesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::QueuedReply &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case Qt::DisplayRole:
    case PatientRole:
        return r.patient;
    case ReminderRole:
        return r.reminder;
    case ReceivedRole:
        return r.receivedAt;
    case TextRole:
        return r.body;
    default:
        return {};
    }
}

QHash<int, QByteArray> FrontDeskRepliesModel::roleNames() const
{
    return {{IdRole, "replyId"},
            {PatientRole, "patient"},
            {ReminderRole, "reminder"},
            {ReceivedRole, "received"},
            {TextRole, "text"}};
}

void FrontDeskRepliesModel::markHandled(int row)
{
    if (!m_client || row < 0 || row >= m_rows.size())
        return;
    m_client->markReplyHandled(m_rows.at(row).id);
}

} // namespace Ui
