// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/OmemoStorage.h"

#include <QMap>

#include <tuple>

namespace TestSupport {

/// Crypto::OmemoStorage in memory, for unit tests. transaction() is real: the
/// state is snapshotted (copy-on-write maps, so this is cheap) and restored when
/// the outermost work fails. failWrites() makes every write fail with
/// Code::Storage, to test error paths.
class MemoryOmemoStorage : public Crypto::OmemoStorage
{
public:
    using Version = Crypto::OmemoVersion;

    Core::Result<std::optional<Crypto::OwnIdentity>> loadIdentity() override;
    Core::Result<void> saveIdentity(const Crypto::OwnIdentity &identity) override;

    Core::Result<std::optional<QByteArray>> loadPreKey(quint32 id) override;
    Core::Result<void> storePreKey(quint32 id, const QByteArray &record) override;
    Core::Result<bool> retirePreKey(quint32 id, const QDateTime &at) override;
    Core::Result<int> removeRetiredPreKeys(const QDateTime &before) override;
    Core::Result<QList<quint32>> preKeyIds() override;

    Core::Result<std::optional<QByteArray>> loadSignedPreKey(quint32 id) override;
    Core::Result<void> storeSignedPreKey(quint32 id, const QByteArray &record,
                                         const QDateTime &created) override;
    Core::Result<void> removeSignedPreKey(quint32 id) override;
    Core::Result<QList<Crypto::SignedPreKeyInfo>> signedPreKeys() override;

    Core::Result<std::optional<QByteArray>> loadSession(Version version, const QString &jid,
                                                        quint32 deviceId) override;
    Core::Result<void> storeSession(Version version, const QString &jid, quint32 deviceId,
                                    const QByteArray &record) override;
    Core::Result<void> deleteSession(Version version, const QString &jid,
                                     quint32 deviceId) override;
    Core::Result<QList<quint32>> sessionDevices(Version version, const QString &jid) override;

    Core::Result<std::optional<Crypto::DeviceIdentity>>
    loadDeviceIdentity(const QString &jid, quint32 deviceId) override;
    Core::Result<void> saveDeviceIdentity(const Crypto::DeviceIdentity &identity) override;
    Core::Result<QList<Crypto::DeviceIdentity>> deviceIdentities(const QString &jid) override;

    Core::Result<void> saveDeviceList(Version version, const QString &jid,
                                      const QList<quint32> &deviceIds,
                                      const QDateTime &seen) override;
    Core::Result<QList<Crypto::DeviceListEntry>> deviceList(Version version,
                                                            const QString &jid) override;

    Core::Result<std::optional<QByteArray>> value(const QString &key) override;
    Core::Result<void> setValue(const QString &key, const QByteArray &value) override;

    Core::Result<void> transaction(const std::function<Core::Result<void>()> &work) override;

    /// Every write fails (Code::Storage "memory-storage-write-refused") while set.
    void failWrites(bool fail) { m_failWrites = fail; }
    /// Outermost transactions that failed and were rolled back.
    int rollbacks() const { return m_rollbacks; }
    int sessionCount() const { return int(m_state.sessions.size()); }

private:
    using SessionKey = std::tuple<int, QString, quint32>;
    using DeviceKey = std::tuple<QString, quint32>;
    using ListKey = std::tuple<int, QString>;
    struct SignedPreKey
    {
        QByteArray record;
        QDateTime created;
    };
    struct State
    {
        std::optional<Crypto::OwnIdentity> identity;
        QMap<quint32, QByteArray> preKeys;
        QMap<quint32, QDateTime> retiredPreKeys;
        QMap<quint32, SignedPreKey> signedPreKeys;
        QMap<SessionKey, QByteArray> sessions;
        QMap<DeviceKey, Crypto::DeviceIdentity> identities;
        QMap<ListKey, QList<Crypto::DeviceListEntry>> deviceLists;
        QMap<QString, QByteArray> values;
    };

    Core::Result<void> writable() const;

    State m_state;
    int m_depth = 0;
    int m_rollbacks = 0;
    bool m_failWrites = false;
};

} // namespace TestSupport
