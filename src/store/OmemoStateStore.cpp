// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/OmemoStateStore.h"

#include <sodium.h>

namespace Store {

using Crypto::DeviceIdentity;
using Crypto::DeviceListEntry;
using Crypto::OmemoVersion;
using Crypto::OwnIdentity;
using Crypto::SecretBytes;
using Crypto::SignedPreKeyInfo;
using Crypto::Trust;

namespace {

// Resets the statement when the call ends: no read stays open, no bound
// record (or key) stays in it.
class InUse
{
public:
    explicit InUse(Database::Statement *statement)
        : m_statement(statement)
    {
    }
    ~InUse() { m_statement->reset(); }
    InUse(const InUse &) = delete;
    InUse &operator=(const InUse &) = delete;
    Database::Statement *operator->() const { return m_statement; }
    Database::Statement &operator*() const { return *m_statement; }

private:
    Database::Statement *m_statement;
};

qint64 versionNumber(OmemoVersion version)
{
    return qint64(version);
}

void bindTime(Database::Statement &statement, int index, const QDateTime &time)
{
    if (time.isValid())
        statement.bind(index, time.toMSecsSinceEpoch());
    else
        statement.bindNull(index);
}

QDateTime timeAt(const Database::Statement &statement, int column)
{
    if (statement.isNull(column))
        return {};
    return QDateTime::fromMSecsSinceEpoch(statement.int64(column), Qt::UTC);
}

// The stored names, owned here so the file format does not follow a rename
// elsewhere; the same strings as Crypto::trustName.
QString storedTrustName(Trust trust)
{
    switch (trust) {
    case Trust::Undecided:
        return QStringLiteral("undecided");
    case Trust::BlindTrusted:
        return QStringLiteral("blind");
    case Trust::Verified:
        return QStringLiteral("verified");
    case Trust::Distrusted:
        return QStringLiteral("distrusted");
    }
    return QStringLiteral("undecided");
}

std::optional<Trust> storedTrustFrom(QStringView name)
{
    if (name == u"undecided")
        return Trust::Undecided;
    if (name == u"blind")
        return Trust::BlindTrusted;
    if (name == u"verified")
        return Trust::Verified;
    if (name == u"distrusted")
        return Trust::Distrusted;
    return std::nullopt;
}

// Column 0 of the first row, if there is one.
Core::Result<std::optional<QByteArray>> optionalBlob(Database::Statement &statement)
{
    auto row = statement.step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::nullopt;
    return statement.blob(0);
}

// Column 0 of every row.
Core::Result<QList<quint32>> idColumn(Database::Statement &statement)
{
    QList<quint32> ids;
    while (true) {
        auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return ids;
        ids.append(quint32(statement.int64(0)));
    }
}

// A row of SELECT device, identity_key, trust, first_seen.
Core::Result<DeviceIdentity> identityRow(const Database::Statement &row, const QString &jid)
{
    const auto trust = storedTrustFrom(row.text(2));
    if (!trust)
        return Core::fail(Core::Error::Code::Storage, QStringLiteral("corrupt: trust"));
    DeviceIdentity identity;
    identity.jid = jid;
    identity.deviceId = quint32(row.int64(0));
    identity.identityKey = row.blob(1);
    identity.trust = *trust;
    identity.firstSeen = timeAt(row, 3);
    return identity;
}

} // namespace

const char *OmemoStateStore::sqlOf(Query query)
{
    switch (query) {
    case Query::LoadIdentity:
        return "SELECT device_id, registration_id, public_key, private_key FROM omemo_identity"
               " WHERE singleton = 1";
    case Query::SaveIdentity:
        return "INSERT OR REPLACE INTO omemo_identity (singleton, device_id, registration_id,"
               " public_key, private_key) VALUES (1, ?, ?, ?, ?)";
    case Query::LoadPreKey:
        return "SELECT record FROM omemo_pre_keys WHERE id = ?";
    case Query::StorePreKey:
        return "INSERT OR REPLACE INTO omemo_pre_keys (id, record, retired) VALUES (?, ?, NULL)";
    case Query::RetirePreKey:
        return "UPDATE omemo_pre_keys SET retired = ? WHERE id = ? AND retired IS NULL";
    case Query::RemoveRetiredPreKeys:
        return "DELETE FROM omemo_pre_keys WHERE retired < ?";
    case Query::PreKeyIds:
        return "SELECT id FROM omemo_pre_keys WHERE retired IS NULL ORDER BY id";
    case Query::LoadSignedPreKey:
        return "SELECT record FROM omemo_signed_pre_keys WHERE id = ?";
    case Query::StoreSignedPreKey:
        return "INSERT OR REPLACE INTO omemo_signed_pre_keys (id, record, created)"
               " VALUES (?, ?, ?)";
    case Query::RemoveSignedPreKey:
        return "DELETE FROM omemo_signed_pre_keys WHERE id = ?";
    case Query::SignedPreKeys:
        return "SELECT id, created FROM omemo_signed_pre_keys ORDER BY created, id";
    case Query::LoadSession:
        return "SELECT record FROM omemo_sessions WHERE version = ? AND jid = ? AND device = ?";
    case Query::UpdateSession:
        return "UPDATE OR FAIL omemo_sessions SET record = ?4"
               " WHERE version = ?1 AND jid = ?2 AND device = ?3";
    case Query::StoreSession:
        return "INSERT OR FAIL INTO omemo_sessions (version, jid, device, record)"
               " VALUES (?, ?, ?, ?)";
    case Query::DeleteSession:
        return "DELETE FROM omemo_sessions WHERE version = ? AND jid = ? AND device = ?";
    case Query::SessionDevices:
        return "SELECT device FROM omemo_sessions WHERE version = ? AND jid = ? ORDER BY device";
    case Query::LoadDeviceIdentity:
        return "SELECT device, identity_key, trust, first_seen FROM omemo_device_identities"
               " WHERE jid = ? AND device = ?";
    case Query::SaveDeviceIdentity:
        return "INSERT OR REPLACE INTO omemo_device_identities"
               " (jid, device, identity_key, trust, first_seen) VALUES (?, ?, ?, ?, ?)";
    case Query::DeviceIdentities:
        return "SELECT device, identity_key, trust, first_seen FROM omemo_device_identities"
               " WHERE jid = ? ORDER BY device";
    case Query::DeactivateDevices:
        return "UPDATE omemo_device_lists SET active = 0"
               " WHERE version = ? AND jid = ? AND active = 1";
    case Query::SaveListedDevice:
        return "INSERT OR REPLACE INTO omemo_device_lists (version, jid, device, active, last_seen)"
               " VALUES (?, ?, ?, 1, ?)";
    case Query::DeviceList:
        return "SELECT device, active, last_seen FROM omemo_device_lists"
               " WHERE version = ? AND jid = ? ORDER BY device";
    case Query::LoadValue:
        return "SELECT value FROM omemo_settings WHERE key = ?";
    case Query::SetValue:
        return "INSERT OR REPLACE INTO omemo_settings (key, value) VALUES (?, ?)";
    case Query::Count:
        break;
    }
    return "";
}

OmemoStateStore::OmemoStateStore(Database &db)
    : m_db(db)
{
}

Core::Result<Database::Statement *> OmemoStateStore::statement(Query query)
{
    Database::Statement *&cached = m_statements[std::size_t(query)];
    if (!cached) {
        auto prepared = m_db.prepare(sqlOf(query));
        if (!prepared)
            return std::unexpected(prepared.error());
        cached = *prepared;
    }
    cached->reset();
    return cached;
}

// --- Own identity -------------------------------------------------------------

Core::Result<std::optional<OwnIdentity>> OmemoStateStore::loadIdentity()
{
    auto prepared = statement(Query::LoadIdentity);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    auto row = s->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::nullopt;
    OwnIdentity identity;
    identity.deviceId = quint32(s->int64(0));
    identity.registrationId = quint32(s->int64(1));
    identity.publicKey = s->blob(2);
    QByteArray privateKey = s->blob(3);
    identity.privateKey = SecretBytes::copyOf(privateKey);
    if (!privateKey.isEmpty())
        sodium_memzero(privateKey.data(), std::size_t(privateKey.size()));
    return identity;
}

Core::Result<void> OmemoStateStore::saveIdentity(const OwnIdentity &identity)
{
    auto prepared = statement(Query::SaveIdentity);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    // A view on the secret buffer, not a copy (SQLite copies it into the row).
    const QByteArray privateKey =
        QByteArray::fromRawData(identity.privateKey.c_str(), identity.privateKey.size());
    s->bind(1, qint64(identity.deviceId))
        .bind(2, qint64(identity.registrationId))
        .bind(3, identity.publicKey)
        .bind(4, privateKey);
    return s->exec();
}

// --- Pre-keys -----------------------------------------------------------------

Core::Result<std::optional<QByteArray>> OmemoStateStore::loadPreKey(quint32 id)
{
    auto prepared = statement(Query::LoadPreKey);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, qint64(id));
    return optionalBlob(*s);
}

Core::Result<void> OmemoStateStore::storePreKey(quint32 id, const QByteArray &record)
{
    auto prepared = statement(Query::StorePreKey);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, qint64(id)).bind(2, record);
    return s->exec();
}

Core::Result<bool> OmemoStateStore::retirePreKey(quint32 id, const QDateTime &at)
{
    auto prepared = statement(Query::RetirePreKey);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    bindTime(*s, 1, at);
    s->bind(2, qint64(id));
    if (auto done = s->exec(); !done)
        return std::unexpected(done.error());
    return m_db.changes() > 0;
}

Core::Result<int> OmemoStateStore::removeRetiredPreKeys(const QDateTime &before)
{
    auto prepared = statement(Query::RemoveRetiredPreKeys);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    bindTime(*s, 1, before);
    if (auto done = s->exec(); !done)
        return std::unexpected(done.error());
    return m_db.changes();
}

Core::Result<QList<quint32>> OmemoStateStore::preKeyIds()
{
    auto prepared = statement(Query::PreKeyIds);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    return idColumn(*s);
}

// --- Signed pre-keys ----------------------------------------------------------

Core::Result<std::optional<QByteArray>> OmemoStateStore::loadSignedPreKey(quint32 id)
{
    auto prepared = statement(Query::LoadSignedPreKey);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, qint64(id));
    return optionalBlob(*s);
}

Core::Result<void> OmemoStateStore::storeSignedPreKey(quint32 id, const QByteArray &record,
                                                      const QDateTime &created)
{
    auto prepared = statement(Query::StoreSignedPreKey);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, qint64(id)).bind(2, record);
    bindTime(*s, 3, created);
    return s->exec();
}

Core::Result<void> OmemoStateStore::removeSignedPreKey(quint32 id)
{
    auto prepared = statement(Query::RemoveSignedPreKey);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, qint64(id));
    return s->exec();
}

Core::Result<QList<SignedPreKeyInfo>> OmemoStateStore::signedPreKeys()
{
    auto prepared = statement(Query::SignedPreKeys);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    QList<SignedPreKeyInfo> keys;
    while (true) {
        auto row = s->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return keys;
        keys.append({quint32(s->int64(0)), timeAt(*s, 1)});
    }
}

// --- Sessions -----------------------------------------------------------------

Core::Result<std::optional<QByteArray>>
OmemoStateStore::loadSession(OmemoVersion version, const QString &jid, quint32 deviceId)
{
    auto prepared = statement(Query::LoadSession);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, versionNumber(version)).bind(2, jid).bind(3, qint64(deviceId));
    return optionalBlob(*s);
}

Core::Result<void> OmemoStateStore::storeSession(OmemoVersion version, const QString &jid,
                                                 quint32 deviceId, const QByteArray &record)
{
    // Every message moves the ratchet, so this runs once per message. An
    // UPDATE, and an INSERT only for a new session, instead of INSERT OR
    // REPLACE: REPLACE makes SQLite keep a statement journal, whose page
    // copies SQLCipher encrypts (see MessageRows: OR FAIL).
    for (const Query query : {Query::UpdateSession, Query::StoreSession}) {
        auto prepared = statement(query);
        if (!prepared)
            return std::unexpected(prepared.error());
        const InUse s(*prepared);
        s->bind(1, versionNumber(version)).bind(2, jid).bind(3, qint64(deviceId)).bind(4, record);
        if (auto r = s->exec(); !r)
            return r;
        if (query == Query::UpdateSession && m_db.changes() > 0)
            return {};
    }
    return {};
}

Core::Result<void> OmemoStateStore::deleteSession(OmemoVersion version, const QString &jid,
                                                  quint32 deviceId)
{
    auto prepared = statement(Query::DeleteSession);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, versionNumber(version)).bind(2, jid).bind(3, qint64(deviceId));
    return s->exec();
}

Core::Result<QList<quint32>> OmemoStateStore::sessionDevices(OmemoVersion version,
                                                             const QString &jid)
{
    auto prepared = statement(Query::SessionDevices);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, versionNumber(version)).bind(2, jid);
    return idColumn(*s);
}

// --- Remote identities --------------------------------------------------------

Core::Result<std::optional<DeviceIdentity>> OmemoStateStore::loadDeviceIdentity(const QString &jid,
                                                                                quint32 deviceId)
{
    auto prepared = statement(Query::LoadDeviceIdentity);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, jid).bind(2, qint64(deviceId));
    auto row = s->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::nullopt;
    auto identity = identityRow(*s, jid);
    if (!identity)
        return std::unexpected(identity.error());
    return std::move(*identity);
}

Core::Result<void> OmemoStateStore::saveDeviceIdentity(const DeviceIdentity &identity)
{
    auto prepared = statement(Query::SaveDeviceIdentity);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, identity.jid)
        .bind(2, qint64(identity.deviceId))
        .bind(3, identity.identityKey)
        .bind(4, storedTrustName(identity.trust));
    bindTime(*s, 5, identity.firstSeen);
    return s->exec();
}

Core::Result<QList<DeviceIdentity>> OmemoStateStore::deviceIdentities(const QString &jid)
{
    auto prepared = statement(Query::DeviceIdentities);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, jid);
    QList<DeviceIdentity> identities;
    while (true) {
        auto row = s->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return identities;
        auto identity = identityRow(*s, jid);
        if (!identity)
            return std::unexpected(identity.error());
        identities.append(std::move(*identity));
    }
}

// --- Device lists -------------------------------------------------------------

Core::Result<void> OmemoStateStore::saveDeviceList(OmemoVersion version, const QString &jid,
                                                   const QList<quint32> &deviceIds,
                                                   const QDateTime &seen)
{
    return transaction([&]() -> Core::Result<void> {
        {
            auto prepared = statement(Query::DeactivateDevices);
            if (!prepared)
                return std::unexpected(prepared.error());
            const InUse s(*prepared);
            s->bind(1, versionNumber(version)).bind(2, jid);
            if (auto done = s->exec(); !done)
                return done;
        }
        auto prepared = statement(Query::SaveListedDevice);
        if (!prepared)
            return std::unexpected(prepared.error());
        const InUse s(*prepared);
        for (const quint32 deviceId : deviceIds) {
            s->bind(1, versionNumber(version)).bind(2, jid).bind(3, qint64(deviceId));
            bindTime(*s, 4, seen);
            if (auto done = s->exec(); !done)
                return done;
        }
        return {};
    });
}

Core::Result<QList<DeviceListEntry>> OmemoStateStore::deviceList(OmemoVersion version,
                                                                 const QString &jid)
{
    auto prepared = statement(Query::DeviceList);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, versionNumber(version)).bind(2, jid);
    QList<DeviceListEntry> entries;
    while (true) {
        auto row = s->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return entries;
        entries.append({quint32(s->int64(0)), s->int64(1) != 0, timeAt(*s, 2)});
    }
}

// --- Settings -----------------------------------------------------------------

Core::Result<std::optional<QByteArray>> OmemoStateStore::value(const QString &key)
{
    auto prepared = statement(Query::LoadValue);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, key);
    return optionalBlob(*s);
}

Core::Result<void> OmemoStateStore::setValue(const QString &key, const QByteArray &value)
{
    auto prepared = statement(Query::SetValue);
    if (!prepared)
        return std::unexpected(prepared.error());
    const InUse s(*prepared);
    s->bind(1, key).bind(2, value);
    return s->exec();
}

// --- Transactions -------------------------------------------------------------

Core::Result<void> OmemoStateStore::transaction(const std::function<Core::Result<void>()> &work)
{
    if (!m_db.inTransaction()) {
        if (auto began = m_db.begin(); !began)
            return began;
        auto result = work();
        if (!result) {
            m_db.rollback();
            return result;
        }
        if (auto committed = m_db.commit(); !committed) {
            m_db.rollback();
            return committed;
        }
        return {};
    }
    // Nested: savepoints of one name stack, ROLLBACK TO and RELEASE take the
    // innermost. If SQLite already rolled the whole transaction back (disk
    // full, I/O), these fail and the outer COMMIT reports it.
    if (auto saved = m_db.exec("SAVEPOINT omemo;"); !saved)
        return saved;
    auto result = work();
    if (result)
        result = m_db.exec("RELEASE omemo;");
    if (!result) {
        (void)m_db.exec("ROLLBACK TO omemo;");
        (void)m_db.exec("RELEASE omemo;");
    }
    return result;
}

} // namespace Store
