// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminDevicesModel.h"

#include "AdminAccess.h"

#include "core/ErrorText.h"

using namespace Qt::StringLiterals;

namespace Ui {

AdminDevicesModel::AdminDevicesModel(QObject *parent)
    : AdminListModel(parent)
{
}

AdminDevicesModel::~AdminDevicesModel() = default;

void AdminDevicesModel::setAccountJid(const QString &jid)
{
    const QString bare = jid.isEmpty() ? QString() : Core::Jid(jid).bareString();
    if (bare == m_accountJid)
        return;
    m_accountJid = bare;
    Q_EMIT accountJidChanged();
    restart();
}

Admin::AdminService *AdminDevicesModel::canAct()
{
    return m_accountJid.isEmpty() ? nullptr : onlineService();
}

void AdminDevicesModel::clearRows()
{
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
}

int AdminDevicesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString AdminDevicesModel::describeToken(const QString &token)
{
    if (token == u"active")
        return tr("Signed in (token active)");
    if (token == u"expired")
        return tr("Token expired");
    if (token == u"revoked")
        return tr("Token revoked");
    return tr("No token");
}

QString AdminDevicesModel::describeState(const QString &state)
{
    if (state == u"active")
        return tr("Active");
    if (state == u"revoked")
        return tr("Revoked");
    if (state == u"wipe-pending")
        return tr("Wipe ordered, waiting for the device to connect");
    if (state == u"wipe-delivered")
        return tr("Wipe delivered, not yet confirmed");
    if (state == u"wiped")
        return tr("Wiped");
    return state;
}

QVariant AdminDevicesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Admin::DeviceRow &row = m_rows.at(index.row());
    switch (role) {
    case UserAgentIdRole:
        return row.userAgentId;
    case SoftwareRole:
        return row.software;
    case Qt::DisplayRole:
    case DeviceNameRole:
        return row.device;
    case FirstSeenRole:
        return row.firstSeen.toLocalTime();
    case LastSeenRole:
        return row.lastSeen.toLocalTime();
    case TokenRole:
        return row.token;
    case TokenTextRole:
        return describeToken(row.token);
    case OmemoDevicesRole:
        return row.omemoDevices.join(u' ');
    case StateRole:
        return row.state;
    case StateTextRole:
        return describeState(row.state);
    case OnlineRole:
        return row.online;
    case WipedAtRole:
        return row.wipedAt.toLocalTime();
    default:
        return {};
    }
}

QHash<int, QByteArray> AdminDevicesModel::roleNames() const
{
    return {{UserAgentIdRole, "userAgentId"},
            {SoftwareRole, "software"},
            {DeviceNameRole, "deviceName"},
            {FirstSeenRole, "firstSeen"},
            {LastSeenRole, "lastSeen"},
            {TokenRole, "token"},
            {TokenTextRole, "tokenText"},
            {OmemoDevicesRole, "omemoDevices"},
            {StateRole, "state"},
            {StateTextRole, "stateText"},
            {OnlineRole, "online"},
            {WipedAtRole, "wipedAt"}};
}

int AdminDevicesModel::indexOf(const QString &userAgentId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).userAgentId == userAgentId)
            return i;
    return -1;
}

void AdminDevicesModel::refresh()
{
    Admin::AdminService *admin = canAct();
    if (!admin)
        return;
    const quint64 generation = this->generation();
    setPending(pending() + 1);
    admin->listDevices(Core::Jid(m_accountJid))
        .then(this, [this, generation](Core::Result<QList<Admin::DeviceRow>> devices) {
            if (generation != this->generation())
                return;
            setPending(pending() - 1);
            if (!devices) {
                setErrorText(Core::describeError(devices.error()));
                return;
            }
            setErrorText({});
            beginResetModel();
            m_rows = std::move(*devices);
            endResetModel();
        });
}

void AdminDevicesModel::revoke(const QString &userAgentId)
{
    Admin::AdminService *admin = canAct();
    if (!admin)
        return;
    const quint64 generation = this->generation();
    setPending(pending() + 1);
    setStatusText({});
    admin->revokeDevice(Core::Jid(m_accountJid), userAgentId)
        .then(this, [this, generation](Core::Result<void> done) {
            if (generation != this->generation())
                return;
            finishAction(done ? nullptr : &done.error(),
                         tr("The device was signed out. It needs the password and a code to "
                            "sign in again."));
        });
}

void AdminDevicesModel::wipe(const QString &userAgentId)
{
    Admin::AdminService *admin = canAct();
    if (!admin)
        return;
    const quint64 generation = this->generation();
    setPending(pending() + 1);
    setStatusText({});
    admin->wipeDevice(Core::Jid(m_accountJid), userAgentId)
        .then(this, [this, generation](Core::Result<QString> done) {
            if (generation != this->generation())
                return;
            finishAction(done ? nullptr : &done.error(),
                         tr("Wipe ordered. The device erases this account's data as soon as it "
                            "connects; its state here then becomes \"Wiped\"."));
        });
}

} // namespace Ui
