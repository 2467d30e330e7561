// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to src/crypto: libomemo-c's store callbacks on OmemoStorage.

#include "crypto/OmemoStorage.h"

#include "core/Error.h"

#include <QByteArray>

#include <signal_protocol.h>

#include <optional>
#include <utility>

namespace Crypto::OmemoDetail {

/// A callback's return value for "OmemoStorage failed"; below libomemo-c's own
/// codes so it passes through unchanged. The error itself is kept in the store.
inline constexpr int kStorageFailure = SG_ERR_MINIMUM - 1;

/// Two libomemo-c store contexts over one OmemoStorage: one per protocol version,
/// because libomemo-c knows one session store per context and a legacy and an
/// OMEMO 2 session with the same device must not share a record. Pre-keys,
/// signed pre-keys and identities are shared.
///
/// Identities follow BTBV: a new device is BlindTrusted unless a device of its
/// JID is Verified (then Undecided). A device presenting a different identity key
/// is refused (SG_ERR_UNTRUSTED_IDENTITY); the new key is kept aside as Undecided
/// for the engine to record once the failed operation has rolled back.
class SignalStore
{
public:
    /// The identity must stay alive as long as the store.
    SignalStore(OmemoStorage &storage, signal_context *context, const OwnIdentity &own);
    ~SignalStore();
    SignalStore(const SignalStore &) = delete;
    SignalStore &operator=(const SignalStore &) = delete;

    /// False if libomemo-c could not allocate the contexts.
    bool isValid() const { return m_legacy && m_v2; }
    signal_protocol_store_context *context(OmemoVersion version) const;

    /// Clears what the callbacks recorded; call before each operation.
    void resetReports();
    /// The first storage error a callback hit since resetReports().
    std::optional<Core::Error> takeStorageError();
    /// A changed identity key refused since resetReports(), as an Undecided row.
    std::optional<DeviceIdentity> takeChangedIdentity();

    /// BTBV: Undecided if a device of `jid` is Verified, else BlindTrusted.
    Core::Result<Trust> trustForNewDevice(const QString &jid);

    // Called by the C callbacks.
    OmemoStorage &storage() { return m_storage; }
    const OwnIdentity &own() const { return m_own; }
    int storageFailed(const Core::Error &error);
    void setChangedIdentity(DeviceIdentity identity) { m_changed = std::move(identity); }
    void notePreKeyRetired(quint32 id) { m_retired = id; }
    /// The pre-key retired since resetReports(), if one was.
    std::optional<quint32> takeRetiredPreKey() { return std::exchange(m_retired, std::nullopt); }

private:
    struct SessionStoreData
    {
        SignalStore *store = nullptr;
        OmemoVersion version = OmemoVersion::V2;
    };

    signal_protocol_store_context *create(signal_context *context, SessionStoreData *data);

    OmemoStorage &m_storage;
    const OwnIdentity &m_own;
    SessionStoreData m_legacyData;
    SessionStoreData m_v2Data;
    signal_protocol_store_context *m_legacy = nullptr;
    signal_protocol_store_context *m_v2 = nullptr;
    std::optional<Core::Error> m_storageError;
    std::optional<DeviceIdentity> m_changed;
    std::optional<quint32> m_retired;
};

} // namespace Crypto::OmemoDetail
