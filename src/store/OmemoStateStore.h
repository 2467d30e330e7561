// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Database.h"

#include "crypto/OmemoStorage.h"

#include <array>

namespace Store {

/// Crypto::OmemoStorage on the account's encrypted database (tables of
/// migration 0003_omemo). Synchronous: constructed and used on the store
/// worker thread, inside StoreWorker jobs, and must not outlive the Database.
/// The statements of the per-message paths stay prepared for its lifetime.
///
/// Errors are Code::Storage with the Database's details ("disk-full",
/// "corrupt", "sql: ..."); a stored trust value this build does not know is
/// "corrupt: trust". Errors returned by the work of transaction() come back as
/// they are.
class OmemoStateStore : public Crypto::OmemoStorage
{
public:
    explicit OmemoStateStore(Database &db);
    OmemoStateStore(const OmemoStateStore &) = delete;
    OmemoStateStore &operator=(const OmemoStateStore &) = delete;

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

    Core::Result<std::optional<QByteArray>>
    loadSession(Crypto::OmemoVersion version, const QString &jid, quint32 deviceId) override;
    Core::Result<void> storeSession(Crypto::OmemoVersion version, const QString &jid,
                                    quint32 deviceId, const QByteArray &record) override;
    Core::Result<void> deleteSession(Crypto::OmemoVersion version, const QString &jid,
                                     quint32 deviceId) override;
    Core::Result<QList<quint32>> sessionDevices(Crypto::OmemoVersion version,
                                                const QString &jid) override;

    Core::Result<std::optional<Crypto::DeviceIdentity>>
    loadDeviceIdentity(const QString &jid, quint32 deviceId) override;
    Core::Result<void> saveDeviceIdentity(const Crypto::DeviceIdentity &identity) override;
    Core::Result<QList<Crypto::DeviceIdentity>> deviceIdentities(const QString &jid) override;

    Core::Result<void> saveDeviceList(Crypto::OmemoVersion version, const QString &jid,
                                      const QList<quint32> &deviceIds,
                                      const QDateTime &seen) override;
    Core::Result<QList<Crypto::DeviceListEntry>> deviceList(Crypto::OmemoVersion version,
                                                            const QString &jid) override;

    Core::Result<std::optional<QByteArray>> value(const QString &key) override;
    Core::Result<void> setValue(const QString &key, const QByteArray &value) override;

    /// BEGIN IMMEDIATE ... COMMIT when no transaction is open on the Database;
    /// inside one (ours or a caller's), a SAVEPOINT, so a failing nested call
    /// undoes only its own writes and the outer one decides about the rest.
    Core::Result<void> transaction(const std::function<Core::Result<void>()> &work) override;

private:
    /// Every statement, one slot each in the cache below.
    enum class Query {
        LoadIdentity,
        SaveIdentity,
        LoadPreKey,
        StorePreKey,
        RetirePreKey,
        RemoveRetiredPreKeys,
        PreKeyIds,
        LoadSignedPreKey,
        StoreSignedPreKey,
        RemoveSignedPreKey,
        SignedPreKeys,
        LoadSession,
        UpdateSession,
        StoreSession,
        DeleteSession,
        SessionDevices,
        LoadDeviceIdentity,
        SaveDeviceIdentity,
        DeviceIdentities,
        DeactivateDevices,
        SaveListedDevice,
        DeviceList,
        LoadValue,
        SetValue,
        Count
    };

    static const char *sqlOf(Query query);
    /// The prepared statement for `query`, reset and unbound.
    Core::Result<Database::Statement *> statement(Query query);

    Database &m_db;
    std::array<Database::Statement *, std::size_t(Query::Count)> m_statements{};
};

} // namespace Store
