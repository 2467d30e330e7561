// SPDX-License-Identifier: GPL-3.0-or-later
// OmemoEngine: sessions, encryption, decryption, trust and fingerprints.
#include "crypto/OmemoEngine.h"
#include "crypto/OmemoCryptoProvider.h"
#include "crypto/OmemoEnginePrivate.h"
#include "crypto/OmemoPayload.h"

#include <QHash>
#include <QUrl>

#include <curve.h>
#include <protocol.h>
#include <session_builder.h>
#include <session_cipher.h>
#include <session_pre_key.h>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace Crypto {

namespace {

using Code = Core::Error::Code;
using Xmpp::Omemo::Version;
using namespace OmemoDetail;

/// The decryption callback's "payload did not authenticate".
constexpr int kBadPayload = SG_ERR_MINIMUM - 2;
constexpr quint32 kMaxDeviceId = 0x7FFFFFFFU;
constexpr qsizetype kSignatureSize = 64;

struct CipherFree
{
    void operator()(session_cipher *cipher) const { session_cipher_free(cipher); }
};
using Cipher = std::unique_ptr<session_cipher, CipherFree>;

struct BuilderFree
{
    void operator()(session_builder *builder) const { session_builder_free(builder); }
};
using Builder = std::unique_ptr<session_builder, BuilderFree>;

/// A libomemo-c address over a UTF-8 JID that outlives it.
signal_protocol_address addressOf(const QByteArray &jidUtf8, quint32 deviceId)
{
    return signal_protocol_address{jidUtf8.constData(), size_t(jidUtf8.size()), int32_t(deviceId)};
}

/// What the decryption callback needs, and what it found.
struct PayloadContext
{
    Version version;
    const QByteArray *iv;
    const std::optional<QByteArray> *payload;
    std::optional<QByteArray> plaintext;
};

// Runs inside libomemo-c after the ratchet step and before the session is
// stored: a payload that does not authenticate leaves the session as it was.
int openPayloadInside(session_cipher *, signal_buffer *keyMaterial, void *context)
{
    auto *payload = static_cast<PayloadContext *>(context);
    if (!payload->payload->has_value())
        return SG_SUCCESS; // key transport / heartbeat
    const QByteArrayView key(reinterpret_cast<const char *>(signal_buffer_data(keyMaterial)),
                             qsizetype(signal_buffer_len(keyMaterial)));
    auto opened = openPayload(payload->version, key, *payload->iv, **payload->payload);
    if (!opened)
        return kBadPayload;
    payload->plaintext = std::move(*opened);
    return SG_SUCCESS;
}

QString hexGroups(QByteArrayView key)
{
    const QString hex = QString::fromLatin1(key.toByteArray().toHex());
    QString out;
    out.reserve(hex.size() + hex.size() / 8);
    for (qsizetype i = 0; i < hex.size(); i += 8) {
        if (i > 0)
            out += u' ';
        out += QStringView(hex).mid(i, 8);
    }
    return out;
}

bool isPrefixedCurveKey(QByteArrayView key)
{
    return key.size() == 33 && key.front() == 0x05;
}

bool bundleSizesValid(const Xmpp::Omemo::Bundle &bundle, Version version)
{
    const auto keyValid = [version](const QByteArray &key) {
        return version == Version::Legacy ? isPrefixedCurveKey(key) : key.size() == 32;
    };
    if (!keyValid(bundle.identityKey) || !keyValid(bundle.signedPreKey) ||
        bundle.signedPreKeySignature.size() != kSignatureSize || bundle.preKeys.isEmpty() ||
        bundle.deviceId == 0 || bundle.deviceId > kMaxDeviceId)
        return false;
    return std::all_of(
        bundle.preKeys.begin(), bundle.preKeys.end(), [&](const Xmpp::Omemo::PreKey &preKey) {
            return keyValid(preKey.publicKey) && preKey.id != 0 && preKey.id <= kMaxPreKeyId;
        });
}

int decodePublicKey(ec_public_key **key, const QByteArray &wire, Version version, bool identity,
                    signal_context *context)
{
    if (version == Version::Legacy)
        return curve_decode_point(key, u8(wire), size_t(wire.size()), context);
    return identity ? curve_decode_point_ed(key, u8(wire), size_t(wire.size()), context)
                    : curve_decode_point_mont(key, u8(wire), size_t(wire.size()), context);
}

} // namespace

Core::Result<void> OmemoEngine::Private::atomically(const std::function<Core::Result<void>()> &work)
{
    store->resetReports();
    auto result = storage.transaction(work);
    if (!result) {
        if (auto changed = store->takeChangedIdentity()) {
            qCInfo(lcOmemo) << "identity key changed for device" << changed->deviceId
                            << "- recorded as undecided";
            const DeviceIdentity undecided = *changed;
            auto saved = storage.transaction(
                [this, &undecided]() { return storage.saveDeviceIdentity(undecided); });
            if (!saved)
                return saved;
        }
    }
    return result;
}

Core::Error OmemoEngine::Private::errorFor(int code, QStringView fallback)
{
    if (auto failed = store->takeStorageError())
        return *failed;
    switch (code) {
    case SG_ERR_DUPLICATE_MESSAGE:
        return {Code::Crypto, u"omemo-duplicate"_s};
    case SG_ERR_NO_SESSION:
        return {Code::Crypto, u"omemo-no-session"_s};
    case SG_ERR_UNTRUSTED_IDENTITY:
        return {Code::Crypto, u"omemo-untrusted-identity"_s};
    case SG_ERR_INVALID_KEY_ID:
        return {Code::Crypto, u"omemo-invalid-key-id"_s};
    case kBadPayload:
        return {Code::Crypto, u"omemo-bad-payload"_s};
    default:
        return {Code::Crypto, fallback.toString()};
    }
}

Core::Result<bool> OmemoEngine::hasSession(Version version, const OmemoAddress &device)
{
    auto record = d->storage.loadSession(version, device.jid, device.deviceId);
    if (!record)
        return std::unexpected(record.error());
    return record->has_value();
}

Core::Result<void> OmemoEngine::processBundle(Version version, const QString &jid,
                                              const Xmpp::Omemo::Bundle &bundle)
{
    const auto badBundle = [] { return Core::fail(Code::Crypto, u"omemo-bad-bundle"_s); };
    if (jid.isEmpty() || !bundleSizesValid(bundle, version) ||
        (jid == d->ownJid && bundle.deviceId == d->identity.deviceId))
        return badBundle();

    ec_public_key *decoded = nullptr;
    if (decodePublicKey(&decoded, bundle.identityKey, version, true, d->context) < 0)
        return badBundle();
    const SignalRef<ec_public_key> identityKey(decoded);
    if (decodePublicKey(&decoded, bundle.signedPreKey, version, false, d->context) < 0)
        return badBundle();
    const SignalRef<ec_public_key> signedPreKey(decoded);
    const Xmpp::Omemo::PreKey &chosen =
        bundle.preKeys.at(qsizetype(randombytes_uniform(uint32_t(bundle.preKeys.size()))));
    if (decodePublicKey(&decoded, chosen.publicKey, version, false, d->context) < 0)
        return badBundle();
    const SignalRef<ec_public_key> preKey(decoded);

    // OMEMO publishes no registration id; libomemo-c only records it.
    session_pre_key_bundle *made = nullptr;
    const int createdRc = session_pre_key_bundle_create(
        &made, 0, int(bundle.deviceId), chosen.id, preKey.get(), bundle.signedPreKeyId,
        signedPreKey.get(), u8(bundle.signedPreKeySignature),
        size_t(bundle.signedPreKeySignature.size()), identityKey.get());
    if (createdRc < 0)
        return badBundle();
    const SignalRef<session_pre_key_bundle> preKeyBundle(made);

    const QByteArray jidUtf8 = jid.toUtf8();
    const signal_protocol_address address = addressOf(jidUtf8, bundle.deviceId);
    Private *p = d.get();
    return d->atomically([&]() -> Core::Result<void> {
        session_builder *created = nullptr;
        int rc = session_builder_create(&created, p->store->context(version), &address, p->context);
        if (rc < 0)
            return std::unexpected(p->errorFor(rc, u"omemo-bad-bundle"));
        const Builder builder(created);
        session_builder_set_version(builder.get(), uint32_t(version));
        rc = session_builder_process_pre_key_bundle(builder.get(), preKeyBundle.get());
        if (rc < 0)
            return std::unexpected(p->errorFor(rc, u"omemo-bad-bundle"));
        qCDebug(lcOmemo) << "session built from bundle, device" << bundle.deviceId << "version"
                         << int(version);
        return {};
    });
}

Core::Result<OmemoEncryptResult> OmemoEngine::encrypt(Version version,
                                                      const QList<OmemoAddress> &targets,
                                                      const std::optional<QByteArray> &plaintext)
{
    auto sealed = sealPayload(version, plaintext);
    if (!sealed)
        return std::unexpected(sealed.error());

    OmemoEncryptResult result;
    result.encrypted.version = version;
    result.encrypted.senderDeviceId = d->identity.deviceId;
    if (version == Version::Legacy)
        result.encrypted.iv = sealed->iv;
    result.encrypted.payload = sealed->payload;

    Private *p = d.get();
    auto done = d->atomically([&]() -> Core::Result<void> {
        result.encrypted.keys.clear();
        result.skipped.clear();
        // One trust and one session query per JID, not per device.
        QHash<QString, QHash<quint32, Trust>> trustOf;
        QHash<QString, QList<quint32>> sessionsOf;
        for (const OmemoAddress &target : targets) {
            if (!trustOf.contains(target.jid)) {
                auto identities = p->storage.deviceIdentities(target.jid);
                if (!identities)
                    return std::unexpected(identities.error());
                QHash<quint32, Trust> &trusts = trustOf[target.jid];
                for (const DeviceIdentity &identity : *identities)
                    trusts.insert(identity.deviceId, identity.trust);
                auto sessions = p->storage.sessionDevices(version, target.jid);
                if (!sessions)
                    return std::unexpected(sessions.error());
                sessionsOf.insert(target.jid, *sessions);
            }
            const Trust trust = trustOf.value(target.jid).value(target.deviceId, Trust::Undecided);
            const bool usable =
                (trust == Trust::BlindTrusted || trust == Trust::Verified) &&
                sessionsOf.value(target.jid).contains(target.deviceId) &&
                !(target.jid == p->ownJid && target.deviceId == p->identity.deviceId);
            if (!usable) {
                result.skipped.append(target);
                continue;
            }

            const QByteArray jidUtf8 = target.jid.toUtf8();
            const signal_protocol_address address = addressOf(jidUtf8, target.deviceId);
            session_cipher *created = nullptr;
            int rc =
                session_cipher_create(&created, p->store->context(version), &address, p->context);
            if (rc < 0)
                return std::unexpected(p->errorFor(rc, u"omemo-cipher-failure"));
            const Cipher cipher(created);
            session_cipher_set_version(cipher.get(), uint32_t(version));
            ciphertext_message *message = nullptr;
            rc = session_cipher_encrypt(cipher.get(), sealed->keyMaterial.data(),
                                        size_t(sealed->keyMaterial.size()), &message);
            if (rc < 0) {
                if (auto failed = p->store->takeStorageError())
                    return std::unexpected(*failed);
                // A broken session for one device does not stop the others.
                qCWarning(lcOmemo) << "encrypt failed for device" << target.deviceId << rc;
                result.skipped.append(target);
                continue;
            }
            const SignalRef<ciphertext_message> messageRef(message);
            Xmpp::Omemo::EncryptedKey key;
            if (version == Version::V2)
                key.jid = target.jid;
            key.deviceId = target.deviceId;
            key.data = toByteArray(ciphertext_message_get_serialized(message));
            key.preKey = ciphertext_message_get_type(message) == CIPHERTEXT_PREKEY_TYPE;
            result.encrypted.keys.append(std::move(key));
        }
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return result;
}

Core::Result<OmemoDecryptResult> OmemoEngine::decrypt(const Xmpp::Omemo::Encrypted &encrypted,
                                                      const QString &senderJid)
{
    const Version version = encrypted.version;
    const Xmpp::Omemo::EncryptedKey *ours = nullptr;
    for (const Xmpp::Omemo::EncryptedKey &key : encrypted.keys) {
        const bool jidMatches = version == Version::V2
                                    ? key.jid == d->ownJid
                                    : (key.jid.isEmpty() || key.jid == d->ownJid);
        if (jidMatches && key.deviceId == d->identity.deviceId) {
            ours = &key;
            break;
        }
    }
    if (!ours)
        return Core::fail(Code::Crypto, u"omemo-not-for-this-device"_s);
    if (senderJid.isEmpty() || encrypted.senderDeviceId == 0 ||
        encrypted.senderDeviceId > kMaxDeviceId)
        return Core::fail(Code::Crypto, u"omemo-invalid-message"_s);

    OmemoDecryptResult result;
    result.sender = {senderJid, encrypted.senderDeviceId};
    const QByteArray jidUtf8 = senderJid.toUtf8();
    const signal_protocol_address address = addressOf(jidUtf8, encrypted.senderDeviceId);
    Private *p = d.get();
    auto done = d->atomically([&]() -> Core::Result<void> {
        session_cipher *created = nullptr;
        int rc = session_cipher_create(&created, p->store->context(version), &address, p->context);
        if (rc < 0)
            return std::unexpected(p->errorFor(rc, u"omemo-invalid-message"));
        const Cipher cipher(created);
        session_cipher_set_version(cipher.get(), uint32_t(version));
        session_cipher_set_decryption_callback(cipher.get(), openPayloadInside);
        PayloadContext payload{version, &encrypted.iv, &encrypted.payload, std::nullopt};
        signal_buffer *keyMaterial = nullptr;

        if (ours->preKey) {
            pre_key_signal_message *parsed = nullptr;
            rc = version == Version::Legacy
                     ? pre_key_signal_message_deserialize(&parsed, u8(ours->data),
                                                          size_t(ours->data.size()), p->context)
                     : pre_key_signal_message_deserialize_omemo(
                           &parsed, u8(ours->data), size_t(ours->data.size()),
                           p->identity.registrationId, p->context);
            if (rc < 0)
                return Core::fail(Code::Crypto, u"omemo-invalid-message"_s);
            const SignalRef<pre_key_signal_message> message(parsed);
            rc = session_cipher_decrypt_pre_key_signal_message(cipher.get(), message.get(),
                                                               &payload, &keyMaterial);
            if (rc < 0)
                return std::unexpected(p->errorFor(rc, u"omemo-invalid-message"));
            // libomemo-c retired the pre-key if this message set up the session:
            // the bundle must be republished without it.
            result.preKeyConsumed = p->store->takeRetiredPreKey().has_value();
            result.needsHeartbeat = true;
        } else {
            signal_message *parsed = nullptr;
            rc = version == Version::Legacy
                     ? signal_message_deserialize(&parsed, u8(ours->data),
                                                  size_t(ours->data.size()), p->context)
                     : signal_message_deserialize_omemo(&parsed, u8(ours->data),
                                                        size_t(ours->data.size()), p->context);
            if (rc < 0)
                return Core::fail(Code::Crypto, u"omemo-invalid-message"_s);
            const SignalRef<signal_message> message(parsed);
            rc = session_cipher_decrypt_signal_message(cipher.get(), message.get(), &payload,
                                                       &keyMaterial);
            if (rc < 0)
                return std::unexpected(p->errorFor(rc, u"omemo-invalid-message"));
        }
        signal_buffer_bzero_free(keyMaterial);
        result.plaintext = std::move(payload.plaintext);

        auto identity = p->storage.loadDeviceIdentity(senderJid, encrypted.senderDeviceId);
        if (!identity)
            return std::unexpected(identity.error());
        result.trust = *identity ? (*identity)->trust : Trust::Undecided;
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return result;
}

Core::Result<void> OmemoEngine::setTrust(const OmemoAddress &device, Trust trust)
{
    return d->storage.transaction([this, &device, trust]() -> Core::Result<void> {
        auto identity = d->storage.loadDeviceIdentity(device.jid, device.deviceId);
        if (!identity)
            return std::unexpected(identity.error());
        if (!*identity)
            return Core::fail(Code::Crypto, u"omemo-unknown-device"_s);
        DeviceIdentity changed = **identity;
        changed.trust = trust;
        qCInfo(lcOmemo) << "trust of device" << device.deviceId << "set to" << trustName(trust);
        return d->storage.saveDeviceIdentity(changed);
    });
}

Core::Result<QList<DeviceIdentity>> OmemoEngine::identities(const QString &jid)
{
    return d->storage.deviceIdentities(jid);
}

QString OmemoEngine::fingerprint(const QByteArray &identityKey, Version version)
{
    // 33 bytes: our storage form (0x05 || Curve25519). 32 bytes: the version's
    // wire form (legacy Curve25519, OMEMO 2 Ed25519, kept with its sign bit).
    if (identityKey.size() == 32)
        return hexGroups(identityKey);
    if (!isPrefixedCurveKey(identityKey))
        return {};
    if (version == Version::Legacy)
        return hexGroups(QByteArrayView(identityKey).sliced(1));
    ec_public_key *decoded = nullptr;
    if (curve_decode_point_mont(&decoded, u8(identityKey), size_t(identityKey.size()), nullptr) < 0)
        return {};
    const SignalRef<ec_public_key> key(decoded);
    const SignalBuffer ed(ec_public_key_get_ed(key.get()));
    return ed ? hexGroups(toByteArray(ed.get())) : QString();
}

QString OmemoEngine::fingerprintUri(const QString &jid, quint32 deviceId,
                                    const QByteArray &identityKey)
{
    QString hex = fingerprint(identityKey, Version::Legacy);
    if (hex.isEmpty())
        return {};
    hex.remove(u' ');
    return u"xmpp:"_s + QString::fromLatin1(QUrl::toPercentEncoding(jid, "@")) + u"?omemo-sid-"_s +
           QString::number(deviceId) + u'=' + hex;
}

} // namespace Crypto
