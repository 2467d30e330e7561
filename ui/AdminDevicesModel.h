// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminListModel.h"
#include "Session.h"

#include "admin/AdminService.h"

#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// The admin console's devices of one account (AdminService::listDevices:
/// one record per installation) and what can be done to one: revoke it, or
/// have it wiped. Every action reloads the list.
class AdminDevicesModel : public AdminListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// Whose devices (bare JID); empty: none.
    Q_PROPERTY(QString accountJid READ accountJid WRITE setAccountJid NOTIFY accountJidChanged)
public:
    enum Role {
        UserAgentIdRole = Qt::UserRole + 1,
        SoftwareRole,
        DeviceNameRole,
        FirstSeenRole,    ///< QDateTime (local time)
        LastSeenRole,     ///< QDateTime (local time)
        TokenRole,        ///< none, active, expired, revoked
        TokenTextRole,    ///< the same in words
        OmemoDevicesRole, ///< the reported OMEMO ids, space separated
        StateRole,        ///< active, revoked, wipe-pending, wipe-delivered, wiped
        StateTextRole,    ///< the same in words
        OnlineRole,
        WipedAtRole,
    };
    Q_ENUM(Role)

    explicit AdminDevicesModel(QObject *parent = nullptr);
    ~AdminDevicesModel() override;

    QString accountJid() const { return m_accountJid; }
    void setAccountJid(const QString &jid);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOf(const QString &userAgentId) const;
    Q_INVOKABLE void refresh();
    /// Signs the device out for good: its token dies, its sessions end, its
    /// encryption keys are dropped from the account's device list.
    Q_INVOKABLE void revoke(const QString &userAgentId);
    /// The device erases this account's data the next time it connects (at
    /// once when it is connected).
    Q_INVOKABLE void wipe(const QString &userAgentId);

    static QString describeToken(const QString &token);
    static QString describeState(const QString &state);

Q_SIGNALS:
    void accountJidChanged();

private:
    void refreshAfterAction() override { refresh(); }
    Admin::AdminService *canAct();
    void clearRows() override;
    void followService() override { refresh(); }

    QString m_accountJid;
    QList<Admin::DeviceRow> m_rows;
};

} // namespace Ui
