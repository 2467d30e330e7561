// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include "sync/OmemoService.h"

#include <QAbstractListModel>
#include <QImage>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Account {
class Account;
}

namespace Ui {

/// The trust screen's devices: those of `jid` (a contact), then our own
/// account's, each with its OMEMO versions, fingerprint for reading aloud, QR
/// code and trust. A thin layer over OmemoService::devices and setTrust.
class DeviceTrustModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString jid READ jid WRITE setJid NOTIFY jidChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    /// The contact has an active device that is not verified (or is distrusted).
    Q_PROPERTY(bool hasUnverified READ hasUnverified NOTIFY devicesChanged)
    /// The contact has at least one device that can receive encrypted messages.
    Q_PROPERTY(bool contactHasDevices READ contactHasDevices NOTIFY devicesChanged)
    /// Why the last load or trust change failed (translated); empty otherwise.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
public:
    enum Role {
        JidRole = Qt::UserRole + 1,
        DeviceIdRole,
        ThisDeviceRole, ///< the device this app runs on
        OwnAccountRole, ///< a device of our own account
        VersionsRole,   ///< "OMEMO 2", "OMEMO (legacy)" or both, translated
        FingerprintRole,
        TrustRole,     ///< "verified", "blind", "undecided", "distrusted"
        TrustTextRole, ///< the same in words
        ActiveRole,    ///< in the latest device list
        QrRole,        ///< the fingerprint URI as a QR image (QrCodeItem)
        QrPayloadRole,
    };
    Q_ENUM(Role)

    explicit DeviceTrustModel(QObject *parent = nullptr);
    ~DeviceTrustModel() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString jid() const { return m_jid; }
    void setJid(const QString &jid);
    bool isLoading() const { return m_loading; }
    bool hasUnverified() const;
    bool contactHasDevices() const;
    QString errorText() const { return m_errorText; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Fetches the device lists again (from the server when online).
    Q_INVOKABLE void refresh();
    /// The user compared the fingerprint: trust this device.
    Q_INVOKABLE void verify(int row);
    /// Never encrypt to this device again; flag its messages.
    Q_INVOKABLE void distrust(int row);
    /// Back to trust without verification.
    Q_INVOKABLE void resetTrust(int row);
    /// The code of another device's QR image, as a scanner (or a paste) typed
    /// it: verifies that device when the fingerprint matches. Returns what to
    /// tell the user when nothing was verified, empty on success.
    Q_INVOKABLE QString verifyScanned(const QString &payload);

Q_SIGNALS:
    void sessionChanged();
    void jidChanged();
    void loadingChanged();
    void devicesChanged();
    void errorTextChanged();
    /// A trust change was stored.
    void trustChanged(int row);

private:
    void followSessionAccount();
    void setTrust(int row, Crypto::Trust trust);
    void setLoading(bool loading);
    void setErrorText(const QString &text);

    QPointer<Session> m_session;
    QPointer<Account::Account> m_account;
    QString m_jid;
    QList<Sync::OmemoDevice> m_devices; ///< the contact's, then ours
    QList<QImage> m_qr;                 ///< per row
    bool m_loading = false;
    QString m_errorText;
    quint64 m_generation = 0;
};

} // namespace Ui
