// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/OmemoSignalStore.h"
#include "crypto/OmemoSignalRef.h"

#include <session_pre_key.h>

#include <QDateTime>

#include <utility>

namespace Crypto::OmemoDetail {

namespace {

SignalStore *storeOf(void *userData)
{
    return static_cast<SignalStore *>(userData);
}

QString jidOf(const signal_protocol_address *address)
{
    return QString::fromUtf8(address->name, qsizetype(address->name_len));
}

quint32 deviceOf(const signal_protocol_address *address)
{
    return quint32(address->device_id);
}

QByteArray bytesOf(const uint8_t *data, size_t length)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(length));
}

int putBuffer(signal_buffer **out, const QByteArray &bytes)
{
    *out = signal_buffer_create(u8(bytes), size_t(bytes.size()));
    return *out ? SG_SUCCESS : SG_ERR_NOMEM;
}

// ---- sessions: user data is the per-version SessionStoreData ----

template<typename Data>
int loadSession(signal_buffer **record, signal_buffer **, const signal_protocol_address *address,
                void *userData)
{
    auto *data = static_cast<Data *>(userData);
    auto loaded =
        data->store->storage().loadSession(data->version, jidOf(address), deviceOf(address));
    if (!loaded)
        return data->store->storageFailed(loaded.error());
    if (!*loaded)
        return 0;
    const int result = putBuffer(record, **loaded);
    return result < 0 ? result : 1;
}

template<typename Data>
int subDeviceSessions(signal_int_list **sessions, const char *name, size_t nameLength,
                      void *userData)
{
    auto *data = static_cast<Data *>(userData);
    auto devices = data->store->storage().sessionDevices(
        data->version, QString::fromUtf8(name, qsizetype(nameLength)));
    if (!devices)
        return data->store->storageFailed(devices.error());
    signal_int_list *list = signal_int_list_alloc();
    if (!list)
        return SG_ERR_NOMEM;
    for (quint32 device : *devices) {
        if (signal_int_list_push_back(list, int(device)) < 0) {
            signal_int_list_free(list);
            return SG_ERR_NOMEM;
        }
    }
    *sessions = list;
    return int(signal_int_list_size(list));
}

template<typename Data>
int storeSession(const signal_protocol_address *address, uint8_t *record, size_t recordLength,
                 uint8_t *, size_t, void *userData)
{
    auto *data = static_cast<Data *>(userData);
    auto stored = data->store->storage().storeSession(
        data->version, jidOf(address), deviceOf(address), bytesOf(record, recordLength));
    return stored ? SG_SUCCESS : data->store->storageFailed(stored.error());
}

template<typename Data>
int containsSession(const signal_protocol_address *address, void *userData)
{
    auto *data = static_cast<Data *>(userData);
    auto devices = data->store->storage().sessionDevices(data->version, jidOf(address));
    if (!devices)
        return data->store->storageFailed(devices.error());
    return devices->contains(deviceOf(address)) ? 1 : 0;
}

template<typename Data>
int deleteSession(const signal_protocol_address *address, void *userData)
{
    auto *data = static_cast<Data *>(userData);
    auto deleted =
        data->store->storage().deleteSession(data->version, jidOf(address), deviceOf(address));
    return deleted ? 1 : data->store->storageFailed(deleted.error());
}

template<typename Data>
int deleteAllSessions(const char *name, size_t nameLength, void *userData)
{
    auto *data = static_cast<Data *>(userData);
    const QString jid = QString::fromUtf8(name, qsizetype(nameLength));
    auto devices = data->store->storage().sessionDevices(data->version, jid);
    if (!devices)
        return data->store->storageFailed(devices.error());
    for (quint32 device : *devices) {
        auto deleted = data->store->storage().deleteSession(data->version, jid, device);
        if (!deleted)
            return data->store->storageFailed(deleted.error());
    }
    return int(devices->size());
}

// ---- one-time pre-keys ----

int loadPreKey(signal_buffer **record, uint32_t id, void *userData)
{
    auto loaded = storeOf(userData)->storage().loadPreKey(id);
    if (!loaded)
        return storeOf(userData)->storageFailed(loaded.error());
    if (!*loaded)
        return SG_ERR_INVALID_KEY_ID;
    return putBuffer(record, **loaded);
}

int storePreKey(uint32_t id, uint8_t *record, size_t length, void *userData)
{
    auto stored = storeOf(userData)->storage().storePreKey(id, bytesOf(record, length));
    return stored ? SG_SUCCESS : storeOf(userData)->storageFailed(stored.error());
}

int containsPreKey(uint32_t id, void *userData)
{
    auto loaded = storeOf(userData)->storage().loadPreKey(id);
    if (!loaded)
        return storeOf(userData)->storageFailed(loaded.error());
    return loaded->has_value() ? 1 : 0;
}

// libomemo-c removes the pre-key a new session was set up with: we retire it
// (see OmemoStorage) and note it, so the engine knows to republish the bundle.
int removePreKey(uint32_t id, void *userData)
{
    auto retired = storeOf(userData)->storage().retirePreKey(id, QDateTime::currentDateTimeUtc());
    if (!retired)
        return storeOf(userData)->storageFailed(retired.error());
    if (*retired)
        storeOf(userData)->notePreKeyRetired(id);
    return SG_SUCCESS;
}

// ---- signed pre-keys ----

int loadSignedPreKey(signal_buffer **record, uint32_t id, void *userData)
{
    auto loaded = storeOf(userData)->storage().loadSignedPreKey(id);
    if (!loaded)
        return storeOf(userData)->storageFailed(loaded.error());
    if (!*loaded)
        return SG_ERR_INVALID_KEY_ID;
    return putBuffer(record, **loaded);
}

int storeSignedPreKey(uint32_t id, uint8_t *record, size_t length, void *userData)
{
    // The creation time is the record's own timestamp.
    session_signed_pre_key *parsed = nullptr;
    if (session_signed_pre_key_deserialize(&parsed, record, length, nullptr) < 0)
        return SG_ERR_INVALID_PROTO_BUF;
    const SignalRef<session_signed_pre_key> key(parsed);
    const QDateTime created = QDateTime::fromMSecsSinceEpoch(
        qint64(session_signed_pre_key_get_timestamp(key.get())), Qt::UTC);
    auto stored =
        storeOf(userData)->storage().storeSignedPreKey(id, bytesOf(record, length), created);
    return stored ? SG_SUCCESS : storeOf(userData)->storageFailed(stored.error());
}

int containsSignedPreKey(uint32_t id, void *userData)
{
    auto loaded = storeOf(userData)->storage().loadSignedPreKey(id);
    if (!loaded)
        return storeOf(userData)->storageFailed(loaded.error());
    return loaded->has_value() ? 1 : 0;
}

int removeSignedPreKey(uint32_t id, void *userData)
{
    auto removed = storeOf(userData)->storage().removeSignedPreKey(id);
    return removed ? SG_SUCCESS : storeOf(userData)->storageFailed(removed.error());
}

// ---- identities ----

int identityKeyPair(signal_buffer **publicData, signal_buffer **privateData, void *userData)
{
    const OwnIdentity &own = storeOf(userData)->own();
    *publicData = signal_buffer_create(u8(own.publicKey), size_t(own.publicKey.size()));
    *privateData = signal_buffer_create(own.privateKey.data(), size_t(own.privateKey.size()));
    if (*publicData && *privateData)
        return SG_SUCCESS;
    signal_buffer_free(*publicData);
    signal_buffer_bzero_free(*privateData);
    *publicData = nullptr;
    *privateData = nullptr;
    return SG_ERR_NOMEM;
}

int localRegistrationId(void *userData, uint32_t *registrationId)
{
    *registrationId = storeOf(userData)->own().registrationId;
    return SG_SUCCESS;
}

int saveIdentity(const signal_protocol_address *address, uint8_t *keyData, size_t keyLength,
                 void *userData)
{
    SignalStore *store = storeOf(userData);
    if (!keyData)
        return SG_SUCCESS; // libomemo-c never clears identities in the paths we use
    const QString jid = jidOf(address);
    const QByteArray key = bytesOf(keyData, keyLength);
    auto existing = store->storage().loadDeviceIdentity(jid, deviceOf(address));
    if (!existing)
        return store->storageFailed(existing.error());
    if (*existing && (*existing)->identityKey == key)
        return SG_SUCCESS;

    DeviceIdentity identity;
    identity.jid = jid;
    identity.deviceId = deviceOf(address);
    identity.identityKey = key;
    identity.firstSeen = QDateTime::currentDateTimeUtc();
    if (*existing) {
        // A different key never inherits trust.
        identity.trust = Trust::Undecided;
    } else {
        auto trust = store->trustForNewDevice(jid);
        if (!trust)
            return store->storageFailed(trust.error());
        identity.trust = *trust;
    }
    auto saved = store->storage().saveDeviceIdentity(identity);
    return saved ? SG_SUCCESS : store->storageFailed(saved.error());
}

int isTrustedIdentity(const signal_protocol_address *address, uint8_t *keyData, size_t keyLength,
                      void *userData)
{
    SignalStore *store = storeOf(userData);
    const QString jid = jidOf(address);
    const QByteArray key = bytesOf(keyData, keyLength);
    auto existing = store->storage().loadDeviceIdentity(jid, deviceOf(address));
    if (!existing)
        return store->storageFailed(existing.error());
    // Unknown devices are accepted and recorded by saveIdentity with BTBV trust;
    // known ones with their key, whatever the trust: encrypt() applies trust, and
    // decrypt() reports it.
    if (!*existing || (*existing)->identityKey == key)
        return 1;
    DeviceIdentity changed;
    changed.jid = jid;
    changed.deviceId = deviceOf(address);
    changed.identityKey = key;
    changed.trust = Trust::Undecided;
    changed.firstSeen = QDateTime::currentDateTimeUtc();
    store->setChangedIdentity(std::move(changed));
    return 0;
}

} // namespace

SignalStore::SignalStore(OmemoStorage &storage, signal_context *context, const OwnIdentity &own)
    : m_storage(storage)
    , m_own(own)
    , m_legacyData{this, OmemoVersion::Legacy}
    , m_v2Data{this, OmemoVersion::V2}
{
    m_legacy = create(context, &m_legacyData);
    m_v2 = create(context, &m_v2Data);
}

SignalStore::~SignalStore()
{
    if (m_legacy)
        signal_protocol_store_context_destroy(m_legacy);
    if (m_v2)
        signal_protocol_store_context_destroy(m_v2);
}

signal_protocol_store_context *SignalStore::create(signal_context *context, SessionStoreData *data)
{
    signal_protocol_store_context *store = nullptr;
    if (signal_protocol_store_context_create(&store, context) < 0)
        return nullptr;
    using Data = SessionStoreData;
    const signal_protocol_session_store sessions = {
        loadSession<Data>,
        subDeviceSessions<Data>,
        storeSession<Data>,
        containsSession<Data>,
        deleteSession<Data>,
        deleteAllSessions<Data>,
        nullptr,
        data,
    };
    const signal_protocol_pre_key_store preKeys = {
        loadPreKey, storePreKey, containsPreKey, removePreKey, nullptr, this,
    };
    const signal_protocol_signed_pre_key_store signedPreKeys = {
        loadSignedPreKey,   storeSignedPreKey, containsSignedPreKey,
        removeSignedPreKey, nullptr,           this,
    };
    const signal_protocol_identity_key_store identities = {
        identityKeyPair, localRegistrationId, saveIdentity, isTrustedIdentity, nullptr, this,
    };
    if (signal_protocol_store_context_set_session_store(store, &sessions) < 0 ||
        signal_protocol_store_context_set_pre_key_store(store, &preKeys) < 0 ||
        signal_protocol_store_context_set_signed_pre_key_store(store, &signedPreKeys) < 0 ||
        signal_protocol_store_context_set_identity_key_store(store, &identities) < 0) {
        signal_protocol_store_context_destroy(store);
        return nullptr;
    }
    return store;
}

signal_protocol_store_context *SignalStore::context(OmemoVersion version) const
{
    return version == OmemoVersion::Legacy ? m_legacy : m_v2;
}

void SignalStore::resetReports()
{
    m_storageError.reset();
    m_changed.reset();
    m_retired.reset();
}

std::optional<Core::Error> SignalStore::takeStorageError()
{
    return std::exchange(m_storageError, std::nullopt);
}

std::optional<DeviceIdentity> SignalStore::takeChangedIdentity()
{
    return std::exchange(m_changed, std::nullopt);
}

int SignalStore::storageFailed(const Core::Error &error)
{
    if (!m_storageError)
        m_storageError = error;
    return kStorageFailure;
}

Core::Result<Trust> SignalStore::trustForNewDevice(const QString &jid)
{
    auto known = m_storage.deviceIdentities(jid);
    if (!known)
        return std::unexpected(known.error());
    for (const DeviceIdentity &identity : *known) {
        if (identity.trust == Trust::Verified)
            return Trust::Undecided;
    }
    return Trust::BlindTrusted;
}

} // namespace Crypto::OmemoDetail
