// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemoryOmemoStorage.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using Crypto::DeviceIdentity;
using Crypto::DeviceListEntry;
using Crypto::OwnIdentity;
using Crypto::SignedPreKeyInfo;

namespace TestSupport {

Core::Result<void> MemoryOmemoStorage::writable() const
{
    if (m_failWrites)
        return Core::fail(Core::Error::Code::Storage, u"memory-storage-write-refused"_s);
    return {};
}

Core::Result<std::optional<OwnIdentity>> MemoryOmemoStorage::loadIdentity()
{
    return m_state.identity;
}

Core::Result<void> MemoryOmemoStorage::saveIdentity(const OwnIdentity &identity)
{
    if (auto ok = writable(); !ok)
        return ok;
    m_state.identity = identity;
    return {};
}

Core::Result<std::optional<QByteArray>> MemoryOmemoStorage::loadPreKey(quint32 id)
{
    const auto found = m_state.preKeys.constFind(id);
    if (found == m_state.preKeys.cend())
        return std::nullopt;
    return *found;
}

Core::Result<void> MemoryOmemoStorage::storePreKey(quint32 id, const QByteArray &record)
{
    if (auto ok = writable(); !ok)
        return ok;
    m_state.preKeys.insert(id, record);
    m_state.retiredPreKeys.remove(id);
    return {};
}

Core::Result<bool> MemoryOmemoStorage::retirePreKey(quint32 id, const QDateTime &at)
{
    if (auto ok = writable(); !ok)
        return std::unexpected(ok.error());
    if (!m_state.preKeys.contains(id) || m_state.retiredPreKeys.contains(id))
        return false;
    m_state.retiredPreKeys.insert(id, at);
    return true;
}

Core::Result<int> MemoryOmemoStorage::removeRetiredPreKeys(const QDateTime &before)
{
    if (auto ok = writable(); !ok)
        return std::unexpected(ok.error());
    int removed = 0;
    for (auto it = m_state.retiredPreKeys.begin(); it != m_state.retiredPreKeys.end();) {
        if (it.value() < before) {
            m_state.preKeys.remove(it.key());
            it = m_state.retiredPreKeys.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

Core::Result<QList<quint32>> MemoryOmemoStorage::preKeyIds()
{
    QList<quint32> published;
    for (auto it = m_state.preKeys.cbegin(); it != m_state.preKeys.cend(); ++it)
        if (!m_state.retiredPreKeys.contains(it.key()))
            published.append(it.key());
    return published;
}

Core::Result<std::optional<QByteArray>> MemoryOmemoStorage::loadSignedPreKey(quint32 id)
{
    const auto found = m_state.signedPreKeys.constFind(id);
    if (found == m_state.signedPreKeys.cend())
        return std::nullopt;
    return found->record;
}

Core::Result<void> MemoryOmemoStorage::storeSignedPreKey(quint32 id, const QByteArray &record,
                                                         const QDateTime &created)
{
    if (auto ok = writable(); !ok)
        return ok;
    m_state.signedPreKeys.insert(id, {record, created});
    return {};
}

Core::Result<void> MemoryOmemoStorage::removeSignedPreKey(quint32 id)
{
    if (auto ok = writable(); !ok)
        return ok;
    m_state.signedPreKeys.remove(id);
    return {};
}

Core::Result<QList<SignedPreKeyInfo>> MemoryOmemoStorage::signedPreKeys()
{
    QList<SignedPreKeyInfo> out;
    for (auto it = m_state.signedPreKeys.cbegin(); it != m_state.signedPreKeys.cend(); ++it)
        out.append({it.key(), it->created});
    std::stable_sort(out.begin(), out.end(),
                     [](const auto &a, const auto &b) { return a.created < b.created; });
    return out;
}

Core::Result<std::optional<QByteArray>>
MemoryOmemoStorage::loadSession(Version version, const QString &jid, quint32 deviceId)
{
    const auto found = m_state.sessions.constFind({int(version), jid, deviceId});
    if (found == m_state.sessions.cend())
        return std::nullopt;
    return *found;
}

Core::Result<void> MemoryOmemoStorage::storeSession(Version version, const QString &jid,
                                                    quint32 deviceId, const QByteArray &record)
{
    if (auto ok = writable(); !ok)
        return ok;
    m_state.sessions.insert({int(version), jid, deviceId}, record);
    return {};
}

Core::Result<void> MemoryOmemoStorage::deleteSession(Version version, const QString &jid,
                                                     quint32 deviceId)
{
    if (auto ok = writable(); !ok)
        return ok;
    m_state.sessions.remove({int(version), jid, deviceId});
    return {};
}

Core::Result<QList<quint32>> MemoryOmemoStorage::sessionDevices(Version version, const QString &jid)
{
    QList<quint32> out;
    for (auto it = m_state.sessions.cbegin(); it != m_state.sessions.cend(); ++it) {
        if (std::get<0>(it.key()) == int(version) && std::get<1>(it.key()) == jid)
            out.append(std::get<2>(it.key()));
    }
    return out;
}

Core::Result<std::optional<DeviceIdentity>>
MemoryOmemoStorage::loadDeviceIdentity(const QString &jid, quint32 deviceId)
{
    const auto found = m_state.identities.constFind({jid, deviceId});
    if (found == m_state.identities.cend())
        return std::nullopt;
    return *found;
}

Core::Result<void> MemoryOmemoStorage::saveDeviceIdentity(const DeviceIdentity &identity)
{
    if (auto ok = writable(); !ok)
        return ok;
    m_state.identities.insert({identity.jid, identity.deviceId}, identity);
    return {};
}

Core::Result<QList<DeviceIdentity>> MemoryOmemoStorage::deviceIdentities(const QString &jid)
{
    QList<DeviceIdentity> out;
    for (const DeviceIdentity &identity : std::as_const(m_state.identities)) {
        if (identity.jid == jid)
            out.append(identity);
    }
    return out;
}

Core::Result<void> MemoryOmemoStorage::saveDeviceList(Version version, const QString &jid,
                                                      const QList<quint32> &deviceIds,
                                                      const QDateTime &seen)
{
    if (auto ok = writable(); !ok)
        return ok;
    QList<DeviceListEntry> &entries = m_state.deviceLists[{int(version), jid}];
    for (DeviceListEntry &entry : entries) {
        entry.active = deviceIds.contains(entry.deviceId);
        if (entry.active)
            entry.lastSeen = seen;
    }
    for (quint32 id : deviceIds) {
        const bool known = std::any_of(entries.cbegin(), entries.cend(),
                                       [id](const DeviceListEntry &e) { return e.deviceId == id; });
        if (!known)
            entries.append({id, true, seen});
    }
    return {};
}

Core::Result<QList<DeviceListEntry>> MemoryOmemoStorage::deviceList(Version version,
                                                                    const QString &jid)
{
    return m_state.deviceLists.value({int(version), jid});
}

Core::Result<std::optional<QByteArray>> MemoryOmemoStorage::value(const QString &key)
{
    const auto found = m_state.values.constFind(key);
    if (found == m_state.values.cend())
        return std::nullopt;
    return *found;
}

Core::Result<void> MemoryOmemoStorage::setValue(const QString &key, const QByteArray &value)
{
    if (auto ok = writable(); !ok)
        return ok;
    m_state.values.insert(key, value);
    return {};
}

Core::Result<void> MemoryOmemoStorage::transaction(const std::function<Core::Result<void>()> &work)
{
    if (m_depth > 0) {
        // Nested: part of the outer transaction, which commits or rolls back.
        ++m_depth;
        auto result = work();
        --m_depth;
        return result;
    }
    const State snapshot = m_state;
    ++m_depth;
    auto result = work();
    --m_depth;
    if (!result) {
        m_state = snapshot;
        ++m_rollbacks;
    }
    return result;
}

} // namespace TestSupport
