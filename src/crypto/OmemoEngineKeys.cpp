// SPDX-License-Identifier: GPL-3.0-or-later
// OmemoEngine: our identity, pre-keys, bundle and key maintenance.
#include "crypto/OmemoCryptoProvider.h"
#include "crypto/OmemoEngine.h"
#include "crypto/OmemoEnginePrivate.h"

#include <curve.h>
#include <key_helper.h>
#include <ratchet.h>
#include <session_pre_key.h>
#include <sodium.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Crypto {

namespace {

using Code = Core::Error::Code;
using Xmpp::Omemo::Version;
using namespace OmemoDetail;

constexpr qsizetype kPublicKeySize = 33;
constexpr qsizetype kPrivateKeySize = 32;

void lockContext(void *userData)
{
    static_cast<std::recursive_mutex *>(userData)->lock();
}

void unlockContext(void *userData)
{
    static_cast<std::recursive_mutex *>(userData)->unlock();
}

std::unexpected<Core::Error> libraryFailure(int code)
{
    return Core::fail(Code::Crypto, u"omemo-library-error %1"_s.arg(code));
}

std::optional<SignedPreKeyInfo> newest(const QList<SignedPreKeyInfo> &keys)
{
    if (keys.isEmpty())
        return std::nullopt;
    return *std::max_element(keys.begin(), keys.end(),
                             [](const auto &a, const auto &b) { return a.id < b.id; });
}

// One published key in the version's wire form: legacy 0x05-prefixed Curve25519,
// OMEMO 2 raw X25519.
Core::Result<QByteArray> wireKey(const ec_public_key *key, Version version)
{
    signal_buffer *out = nullptr;
    const int rc = version == Version::Legacy ? ec_public_key_serialize(&out, key)
                                              : ec_public_key_serialize_omemo(&out, key);
    if (rc < 0)
        return libraryFailure(rc);
    const SignalBuffer buffer(out);
    return toByteArray(buffer.get());
}

} // namespace

OmemoEngine::Private::Private(OmemoStorage &storageRef, QString jid, OmemoOptions engineOptions)
    : storage(storageRef)
    , ownJid(std::move(jid))
    , ownJidUtf8(ownJid.toUtf8())
    , options(engineOptions)
{
}

OmemoEngine::Private::~Private()
{
    // Store contexts first: they belong to the signal_context.
    store.reset();
    if (context)
        signal_context_destroy(context);
}

bool OmemoEngine::Private::initLibrary()
{
    // The lock and log callbacks receive the context's user data: our mutex.
    if (signal_context_create(&context, &mutex) < 0)
        return false;
    if (signal_context_set_crypto_provider(context, &cryptoProvider()) < 0 ||
        signal_context_set_locking_functions(context, lockContext, unlockContext) < 0 ||
        signal_context_set_log_function(context, logCallback) < 0)
        return false;
    store = std::make_unique<SignalStore>(storage, context, identity);
    return store->isValid();
}

Core::Result<SignalRef<ratchet_identity_key_pair>> OmemoEngine::Private::identityKeyPair() const
{
    ec_public_key *publicKey = nullptr;
    ec_private_key *privateKey = nullptr;
    int rc = curve_decode_point(&publicKey, u8(identity.publicKey),
                                size_t(identity.publicKey.size()), context);
    if (rc < 0)
        return libraryFailure(rc);
    const SignalRef<ec_public_key> publicRef(publicKey);
    rc = curve_decode_private_point(&privateKey, identity.privateKey.data(),
                                    size_t(identity.privateKey.size()), context);
    if (rc < 0)
        return libraryFailure(rc);
    const SignalRef<ec_private_key> privateRef(privateKey);
    ratchet_identity_key_pair *pair = nullptr;
    rc = ratchet_identity_key_pair_create(&pair, publicKey, privateKey);
    if (rc < 0)
        return libraryFailure(rc);
    return SignalRef<ratchet_identity_key_pair>(pair);
}

Core::Result<void> OmemoEngine::Private::createIdentity()
{
    ratchet_identity_key_pair *generated = nullptr;
    int rc = signal_protocol_key_helper_generate_identity_key_pair(&generated, context);
    if (rc < 0)
        return libraryFailure(rc);
    const SignalRef<ratchet_identity_key_pair> pair(generated);

    signal_buffer *publicOut = nullptr;
    signal_buffer *privateOut = nullptr;
    rc = ec_public_key_serialize(&publicOut, ratchet_identity_key_pair_get_public(pair.get()));
    const SignalBuffer publicBuffer(publicOut);
    if (rc < 0)
        return libraryFailure(rc);
    rc = ec_private_key_serialize(&privateOut, ratchet_identity_key_pair_get_private(pair.get()));
    const SignalBuffer privateBuffer(privateOut);
    if (rc < 0)
        return libraryFailure(rc);

    uint32_t registrationId = 0;
    rc = signal_protocol_key_helper_generate_registration_id(&registrationId, 0, context);
    if (rc < 0)
        return libraryFailure(rc);

    OwnIdentity created;
    created.deviceId = randombytes_uniform(0x7FFFFFFFU) + 1; // 1..2^31-1
    created.registrationId = registrationId;
    created.publicKey = toByteArray(publicBuffer.get());
    created.privateKey = SecretBytes::copyOf(
        QByteArrayView(reinterpret_cast<const char *>(signal_buffer_data(privateBuffer.get())),
                       qsizetype(signal_buffer_len(privateBuffer.get()))));
    identity = std::move(created);
    return storage.saveIdentity(identity);
}

Core::Result<void> OmemoEngine::Private::addSignedPreKey(quint32 id, const QDateTime &created)
{
    auto pair = identityKeyPair();
    if (!pair)
        return std::unexpected(pair.error());
    session_signed_pre_key *generated = nullptr;
    int rc = signal_protocol_key_helper_generate_signed_pre_key(
        &generated, pair->get(), id, uint64_t(created.toMSecsSinceEpoch()), context);
    if (rc < 0)
        return libraryFailure(rc);
    const SignalRef<session_signed_pre_key> key(generated);
    signal_buffer *out = nullptr;
    rc = session_signed_pre_key_serialize(&out, key.get());
    const SignalBuffer record(out);
    if (rc < 0)
        return libraryFailure(rc);
    return storage.storeSignedPreKey(id, toByteArray(record.get()), created);
}

Core::Result<void> OmemoEngine::Private::addPreKeys(int count)
{
    auto stored = storage.value(kNextPreKeyIdKey.toString());
    if (!stored)
        return std::unexpected(stored.error());
    quint32 next = 1;
    if (*stored) {
        bool ok = false;
        next = (*stored)->toUInt(&ok);
        if (!ok || next == 0 || next > kMaxPreKeyId)
            next = 1;
    }
    for (int made = 0; made < count;) {
        const quint32 id = next;
        next = next >= kMaxPreKeyId ? 1 : next + 1;
        // Only after 16 million pre-keys does the counter wrap; even then never
        // overwrite one still published.
        auto existing = storage.loadPreKey(id);
        if (!existing)
            return std::unexpected(existing.error());
        if (*existing)
            continue;

        ec_key_pair *generated = nullptr;
        int rc = curve_generate_key_pair(context, &generated);
        if (rc < 0)
            return libraryFailure(rc);
        const SignalRef<ec_key_pair> pair(generated);
        session_pre_key *preKey = nullptr;
        rc = session_pre_key_create(&preKey, id, pair.get());
        if (rc < 0)
            return libraryFailure(rc);
        const SignalRef<session_pre_key> preKeyRef(preKey);
        signal_buffer *out = nullptr;
        rc = session_pre_key_serialize(&out, preKey);
        const SignalBuffer record(out);
        if (rc < 0)
            return libraryFailure(rc);
        if (auto saved = storage.storePreKey(id, toByteArray(record.get())); !saved)
            return saved;
        ++made;
    }
    return storage.setValue(kNextPreKeyIdKey.toString(), QByteArray::number(next));
}

Core::Result<std::unique_ptr<OmemoEngine>>
OmemoEngine::open(OmemoStorage &storage, const QString &ownBareJid, OmemoOptions options)
{
    if (!Crypto::initialize())
        return Core::fail(Code::Crypto, u"libsodium unavailable"_s);
    if (ownBareJid.isEmpty() || options.preKeyCount < 1 || options.signedPreKeyRotationDays < 1 ||
        options.signedPreKeyRetentionDays < 0)
        return Core::fail(Code::Crypto, u"omemo-bad-options"_s);
    auto d = std::make_unique<Private>(storage, ownBareJid, options);
    if (!d->initLibrary())
        return Core::fail(Code::Crypto, u"omemo-library-init"_s);

    auto loaded = storage.loadIdentity();
    if (!loaded)
        return std::unexpected(loaded.error());
    if (*loaded) {
        d->identity = std::move(**loaded);
        if (d->identity.publicKey.size() != kPublicKeySize ||
            d->identity.privateKey.size() != kPrivateKeySize || d->identity.deviceId == 0 ||
            d->identity.deviceId > 0x7FFFFFFFU)
            return Core::fail(Code::Storage, u"omemo-identity-corrupt"_s);
        qCDebug(lcOmemo) << "identity loaded, device" << d->identity.deviceId;
    } else {
        Private *p = d.get();
        auto created = storage.transaction([p]() -> Core::Result<void> {
            if (auto made = p->createIdentity(); !made)
                return made;
            if (auto made = p->addSignedPreKey(1, QDateTime::currentDateTimeUtc()); !made)
                return made;
            return p->addPreKeys(p->options.preKeyCount);
        });
        if (!created)
            return std::unexpected(created.error());
        qCInfo(lcOmemo) << "identity created, device" << d->identity.deviceId;
    }
    return std::unique_ptr<OmemoEngine>(new OmemoEngine(std::move(d)));
}

OmemoEngine::OmemoEngine(std::unique_ptr<Private> priv)
    : d(std::move(priv))
{
}

OmemoEngine::~OmemoEngine() = default;

quint32 OmemoEngine::deviceId() const
{
    return d->identity.deviceId;
}

const QString &OmemoEngine::ownJid() const
{
    return d->ownJid;
}

QByteArray OmemoEngine::identityKey() const
{
    return d->identity.publicKey;
}

Core::Result<Xmpp::Omemo::Bundle> OmemoEngine::bundle(Version version)
{
    Xmpp::Omemo::Bundle out;
    out.deviceId = d->identity.deviceId;

    if (version == Version::Legacy) {
        out.identityKey = d->identity.publicKey;
    } else {
        ec_public_key *decoded = nullptr;
        const int rc = curve_decode_point(&decoded, u8(d->identity.publicKey),
                                          size_t(d->identity.publicKey.size()), d->context);
        if (rc < 0)
            return libraryFailure(rc);
        const SignalRef<ec_public_key> key(decoded);
        const SignalBuffer ed(ec_public_key_get_ed(key.get()));
        if (!ed)
            return libraryFailure(SG_ERR_NOMEM);
        out.identityKey = toByteArray(ed.get());
    }

    auto signedKeys = d->storage.signedPreKeys();
    if (!signedKeys)
        return std::unexpected(signedKeys.error());
    const auto current = newest(*signedKeys);
    if (!current)
        return Core::fail(Code::Crypto, u"omemo-no-signed-pre-key"_s);
    auto record = d->storage.loadSignedPreKey(current->id);
    if (!record)
        return std::unexpected(record.error());
    if (!*record)
        return Core::fail(Code::Storage, u"omemo-no-signed-pre-key"_s);
    session_signed_pre_key *parsed = nullptr;
    int rc = session_signed_pre_key_deserialize(&parsed, u8(**record), size_t((*record)->size()),
                                                d->context);
    if (rc < 0)
        return libraryFailure(rc);
    const SignalRef<session_signed_pre_key> signedKey(parsed);
    auto signedPublic = wireKey(
        ec_key_pair_get_public(session_signed_pre_key_get_key_pair(signedKey.get())), version);
    if (!signedPublic)
        return std::unexpected(signedPublic.error());
    out.signedPreKeyId = current->id;
    out.signedPreKey = std::move(*signedPublic);
    if (version == Version::Legacy) {
        out.signedPreKeySignature = QByteArray(
            reinterpret_cast<const char *>(session_signed_pre_key_get_signature(signedKey.get())),
            qsizetype(session_signed_pre_key_get_signature_len(signedKey.get())));
    } else {
        out.signedPreKeySignature =
            QByteArray(reinterpret_cast<const char *>(
                           session_signed_pre_key_get_signature_omemo(signedKey.get())),
                       qsizetype(session_signed_pre_key_get_signature_omemo_len(signedKey.get())));
    }

    auto ids = d->storage.preKeyIds();
    if (!ids)
        return std::unexpected(ids.error());
    QList<quint32> sorted = *ids;
    std::sort(sorted.begin(), sorted.end());
    out.preKeys.reserve(sorted.size());
    for (quint32 id : sorted) {
        auto preKeyRecord = d->storage.loadPreKey(id);
        if (!preKeyRecord)
            return std::unexpected(preKeyRecord.error());
        if (!*preKeyRecord)
            continue;
        session_pre_key *preKey = nullptr;
        rc = session_pre_key_deserialize(&preKey, u8(**preKeyRecord),
                                         size_t((*preKeyRecord)->size()), d->context);
        if (rc < 0)
            return libraryFailure(rc);
        const SignalRef<session_pre_key> preKeyRef(preKey);
        auto publicKey =
            wireKey(ec_key_pair_get_public(session_pre_key_get_key_pair(preKey)), version);
        if (!publicKey)
            return std::unexpected(publicKey.error());
        out.preKeys.append({id, std::move(*publicKey)});
    }
    return out;
}

Core::Result<bool> OmemoEngine::maintain(const QDateTime &now)
{
    bool changed = false;
    Private *p = d.get();
    auto done = d->storage.transaction([p, &now, &changed]() -> Core::Result<void> {
        auto signedKeys = p->storage.signedPreKeys();
        if (!signedKeys)
            return std::unexpected(signedKeys.error());
        QList<SignedPreKeyInfo> keys = *signedKeys;
        std::sort(keys.begin(), keys.end(),
                  [](const auto &a, const auto &b) { return a.id < b.id; });

        if (keys.isEmpty() ||
            keys.last().created.addDays(p->options.signedPreKeyRotationDays) <= now) {
            const quint32 id = keys.isEmpty() ? 1 : keys.last().id + 1;
            if (auto added = p->addSignedPreKey(id, now); !added)
                return added;
            keys.append({id, now});
            changed = true;
            qCInfo(lcOmemo) << "signed pre-key rotated to" << id;
        }
        // An old signed pre-key is still needed for pre-key messages sent before
        // its successor was published: keep it for the retention period counted
        // from then. The newest is always kept.
        for (qsizetype i = 0; i + 1 < keys.size(); ++i) {
            const QDateTime superseded = keys.at(i + 1).created;
            if (superseded.addDays(p->options.signedPreKeyRetentionDays) <= now) {
                if (auto removed = p->storage.removeSignedPreKey(keys.at(i).id); !removed)
                    return removed;
                qCDebug(lcOmemo) << "signed pre-key" << keys.at(i).id << "expired";
            }
        }

        const QDateTime graceEnd = now.addSecs(-60LL * p->options.usedPreKeyGraceMinutes);
        auto expired = p->storage.removeRetiredPreKeys(graceEnd);
        if (!expired)
            return std::unexpected(expired.error());
        if (*expired > 0)
            qCDebug(lcOmemo) << "used pre-keys deleted:" << *expired;

        auto ids = p->storage.preKeyIds();
        if (!ids)
            return std::unexpected(ids.error());
        const int missing = p->options.preKeyCount - int(ids->size());
        if (missing > 0) {
            if (auto added = p->addPreKeys(missing); !added)
                return added;
            changed = true;
            qCDebug(lcOmemo) << "pre-keys refilled:" << missing;
        }
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return changed;
}

} // namespace Crypto
