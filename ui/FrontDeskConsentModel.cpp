// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrontDeskConsentModel.h"

namespace Ui {

FrontDeskConsentModel::FrontDeskConsentModel(QObject *parent)
    : FrontDeskListModel(parent)
{
}

FrontDeskConsentModel::~FrontDeskConsentModel() = default;

void FrontDeskConsentModel::reload()
{
    beginResetModel();
    m_rows = m_client ? m_client->status().consents : QList<Store::ConsentRecord>();
    endResetModel();
}

int FrontDeskConsentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FrontDeskConsentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::ConsentRecord &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PatientRole:
        return c.patient;
    case ChannelRole:
        return c.channel;
    case ChannelTextRole:
        return c.channel == u"sms" ? tr("SMS") : tr("Patient app");
    case InForceRole:
        return c.inForce();
    case SinceRole:
        return c.consentedAt;
    case RecordedByRole:
        return c.recordedBy;
    case WithdrawnAtRole:
        return c.withdrawnAt;
    case WithdrawnByRole:
        return c.withdrawnBy == u"patient-reply" ? tr("the patient (STOP reply)") : c.withdrawnBy;
    default:
        return {};
    }
}

QHash<int, QByteArray> FrontDeskConsentModel::roleNames() const
{
    return {{PatientRole, "patient"},
            {ChannelRole, "channel"},
            {ChannelTextRole, "channelText"},
            {InForceRole, "inForce"},
            {SinceRole, "since"},
            {RecordedByRole, "recordedBy"},
            {WithdrawnAtRole, "withdrawnAt"},
            {WithdrawnByRole, "withdrawnBy"}};
}

void FrontDeskConsentModel::record(const QString &patient, const QString &channel)
{
    if (m_client)
        m_client->recordConsent(patient, channel);
}

void FrontDeskConsentModel::revoke(int row)
{
    if (!m_client || row < 0 || row >= m_rows.size())
        return;
    m_client->revokeConsent(m_rows.at(row).patient, m_rows.at(row).channel);
}

} // namespace Ui
