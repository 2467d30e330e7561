// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/SecretBytes.h"

#include "xmpp/extensions/OmemoElements.h"

#include "core/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Crypto {

using OmemoVersion = Xmpp::Omemo::Version;

/// How far we trust one remote device's identity key (XEP-0384 trust, with
/// blind trust before verification, BTBV).
enum class Trust {
    Undecided, ///< seen after the user verified another device of that JID: not used until decided
    BlindTrusted, ///< trusted without verification (BTBV: no device of that JID verified yet)
    Verified,     ///< the user compared the fingerprint
    Distrusted,   ///< the user rejected it; never encrypted to, its messages are flagged
};
/// "undecided", "blind", "verified", "distrusted" (storage, logs, JSON).
QString trustName(Trust trust);
std::optional<Trust> trustFromName(QStringView name);

/// Our own long-term identity: one device id and one identity key pair used by
/// both protocol versions. Keys are libomemo-c's serialisations
/// (ec_public_key_serialize / ec_private_key_serialize).
struct OwnIdentity
{
    quint32 deviceId = 0;       ///< 1..2^31-1, random, the same in both device lists
    quint32 registrationId = 0; ///< libomemo-c registration id
    QByteArray publicKey;       ///< 33 bytes, 0x05-prefixed Curve25519
    SecretBytes privateKey;     ///< 32 bytes
};

struct SignedPreKeyInfo
{
    quint32 id = 0;
    QDateTime created;
    bool operator==(const SignedPreKeyInfo &) const = default;
};

/// A remote device's identity as we learned it, and our trust in it.
struct DeviceIdentity
{
    QString jid; ///< bare
    quint32 deviceId = 0;
    QByteArray identityKey; ///< 33 bytes, 0x05-prefixed Curve25519 (both versions)
    Trust trust = Trust::Undecided;
    QDateTime firstSeen;
    bool operator==(const DeviceIdentity &) const = default;
};

/// A device as published in someone's device list.
struct DeviceListEntry
{
    quint32 deviceId = 0;
    bool active = true; ///< in the most recently seen list
    QDateTime lastSeen; ///< when the list last contained it
    bool operator==(const DeviceListEntry &) const = default;
};

/// Persistence for OmemoEngine. Implemented on the encrypted database
/// (Store::OmemoStateStore) and in memory for unit tests. Every call is
/// synchronous and made on the thread that owns the engine (the account's store
/// worker). Absent rows are `std::nullopt` / empty lists, not errors. Sessions
/// are kept per protocol version: a legacy and an OMEMO 2 session with the same
/// device never share a record.
class OmemoStorage
{
public:
    virtual ~OmemoStorage() = default;

    virtual Core::Result<std::optional<OwnIdentity>> loadIdentity() = 0;
    virtual Core::Result<void> saveIdentity(const OwnIdentity &identity) = 0;

    /// One-time pre-keys (session_pre_key_serialize records), shared by both versions.
    /// A pre-key a session was set up with is retired, not deleted at once: it
    /// leaves the published set (preKeyIds()) but loadPreKey() still finds it,
    /// so a second sender that picked it from the bundle we had not yet
    /// republished still reaches us. removeRetiredPreKeys() deletes it later.
    virtual Core::Result<std::optional<QByteArray>> loadPreKey(quint32 id) = 0;
    virtual Core::Result<void> storePreKey(quint32 id, const QByteArray &record) = 0;
    /// True if it was published until now; retiring an absent or already
    /// retired pre-key is not an error (false).
    virtual Core::Result<bool> retirePreKey(quint32 id, const QDateTime &at) = 0;
    /// Deletes the pre-keys retired before `before`; how many.
    virtual Core::Result<int> removeRetiredPreKeys(const QDateTime &before) = 0;
    /// The published (not retired) pre-keys.
    virtual Core::Result<QList<quint32>> preKeyIds() = 0;

    /// Signed pre-keys (session_signed_pre_key_serialize records).
    virtual Core::Result<std::optional<QByteArray>> loadSignedPreKey(quint32 id) = 0;
    virtual Core::Result<void> storeSignedPreKey(quint32 id, const QByteArray &record,
                                                 const QDateTime &created) = 0;
    virtual Core::Result<void> removeSignedPreKey(quint32 id) = 0;
    /// Oldest first.
    virtual Core::Result<QList<SignedPreKeyInfo>> signedPreKeys() = 0;

    /// Session records (session_record_serialize), per version.
    virtual Core::Result<std::optional<QByteArray>>
    loadSession(OmemoVersion version, const QString &jid, quint32 deviceId) = 0;
    virtual Core::Result<void> storeSession(OmemoVersion version, const QString &jid,
                                            quint32 deviceId, const QByteArray &record) = 0;
    virtual Core::Result<void> deleteSession(OmemoVersion version, const QString &jid,
                                             quint32 deviceId) = 0;
    virtual Core::Result<QList<quint32>> sessionDevices(OmemoVersion version,
                                                        const QString &jid) = 0;

    /// Remote identity keys and trust. One row per (jid, device).
    virtual Core::Result<std::optional<DeviceIdentity>> loadDeviceIdentity(const QString &jid,
                                                                           quint32 deviceId) = 0;
    virtual Core::Result<void> saveDeviceIdentity(const DeviceIdentity &identity) = 0;
    virtual Core::Result<QList<DeviceIdentity>> deviceIdentities(const QString &jid) = 0;

    /// Published device lists, per version: saving a list marks devices no longer
    /// in it inactive (kept, with their last-seen time) and adds new ones.
    virtual Core::Result<void> saveDeviceList(OmemoVersion version, const QString &jid,
                                              const QList<quint32> &deviceIds,
                                              const QDateTime &seen) = 0;
    virtual Core::Result<QList<DeviceListEntry>> deviceList(OmemoVersion version,
                                                            const QString &jid) = 0;

    /// Small settings of the engine (next pre-key id, last rotation...).
    virtual Core::Result<std::optional<QByteArray>> value(const QString &key) = 0;
    virtual Core::Result<void> setValue(const QString &key, const QByteArray &value) = 0;

    /// Runs `work` atomically: all of its writes or none. Nested calls join the
    /// outer transaction.
    virtual Core::Result<void> transaction(const std::function<Core::Result<void>()> &work) = 0;
};

} // namespace Crypto
