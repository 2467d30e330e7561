// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/KeyWrap.h"

#include <QStringEncoder>
#include <QtEndian>

#include <sodium.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Crypto {

namespace {

using Code = Core::Error::Code;

constexpr QByteArrayView kMagic = "RNDK";
constexpr char kVersion = 1;

constexpr qsizetype kSaltSize = crypto_pwhash_SALTBYTES;
constexpr qsizetype kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr qsizetype kKekSize = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;

constexpr qsizetype kVersionAt = kMagic.size();
constexpr qsizetype kOpsAt = kVersionAt + 1;
constexpr qsizetype kMemAt = kOpsAt + 4;
constexpr qsizetype kSaltAt = kMemAt + 4;
constexpr qsizetype kNonceAt = kSaltAt + kSaltSize;
constexpr qsizetype kHeaderSize = kNonceAt + kNonceSize;
constexpr qsizetype kBlobSize = kHeaderSize + SecretKey::Size + kTagSize;

static_assert(kKekSize == SecretKey::Size);
static_assert(kBlobSize == 101);

// Bounds on what a blob may ask for, so a damaged or hostile file cannot make the
// derivation run for hours or allocate more than libsodium's SENSITIVE level.
constexpr quint32 kMaxOps = 16;
constexpr quint32 kMinMemKiB = crypto_pwhash_argon2id_MEMLIMIT_MIN / 1024;
constexpr quint32 kMaxMemKiB = crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE / 1024;

bool inRange(KdfLimits limits)
{
    return limits.opsLimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN && limits.opsLimit <= kMaxOps &&
           limits.memLimitKiB >= kMinMemKiB && limits.memLimitKiB <= kMaxMemKiB;
}

const unsigned char *bytesAt(QByteArrayView blob, qsizetype offset)
{
    return reinterpret_cast<const unsigned char *>(blob.data()) + offset;
}

// NFC first, so the same passphrase typed through different input methods
// derives the same key; then UTF-8 straight into a wiped buffer.
SecretBytes passphraseBytes(const QString &passphrase)
{
    QString nfc = passphrase.normalized(QString::NormalizationForm_C);
    QStringEncoder encoder(QStringEncoder::Utf8);
    SecretBytes buffer(encoder.requiredSpace(nfc.size()));
    char *begin = reinterpret_cast<char *>(buffer.data());
    const char *end = encoder.appendToBuffer(begin, nfc);
    // normalized() may share the caller's buffer; fill() then detaches and the
    // caller's string stays as it was, otherwise this wipes our own copy.
    nfc.fill(QChar(u'\0'));
    return SecretBytes::copyOf(QByteArrayView(begin, end - begin));
}

bool deriveKek(SecretBytes &kek, const QString &passphrase, const unsigned char *salt,
               KdfLimits limits)
{
    const SecretBytes secret = passphraseBytes(passphrase);
    return crypto_pwhash(kek.data(), size_t(kek.size()), secret.c_str(), size_t(secret.size()),
                         salt, limits.opsLimit, size_t(limits.memLimitKiB) * 1024,
                         crypto_pwhash_ALG_ARGON2ID13) == 0;
}

Core::Result<KdfLimits> parseHeader(QByteArrayView blob)
{
    if (blob.size() != kBlobSize || blob.first(kMagic.size()) != kMagic ||
        blob.at(kVersionAt) != kVersion)
        return Core::fail(Code::Storage, KeyWrap::CorruptBlob.toString());
    const KdfLimits limits{qFromBigEndian<quint32>(bytesAt(blob, kOpsAt)),
                           qFromBigEndian<quint32>(bytesAt(blob, kMemAt))};
    if (!inRange(limits))
        return Core::fail(Code::Storage, KeyWrap::CorruptBlob.toString());
    return limits;
}

} // namespace

KdfLimits KdfLimits::moderate()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE,
            quint32(crypto_pwhash_argon2id_MEMLIMIT_MODERATE / 1024)};
}

KdfLimits KdfLimits::interactive()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
            quint32(crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE / 1024)};
}

KeyWrap::KeyWrap(KdfLimits limits)
    : m_limits(limits)
{
}

Core::Result<QByteArray> KeyWrap::wrap(const SecretKey &key, const QString &passphrase) const
{
    if (!initialize())
        return Core::fail(Code::Crypto, u"libsodium unavailable"_s);
    if (passphrase.isEmpty())
        return Core::fail(Code::Policy, u"empty passphrase"_s);
    if (!inRange(m_limits))
        return Core::fail(Code::Crypto, u"key derivation limits out of range"_s);

    QByteArray blob(kBlobSize, '\0');
    auto *out = reinterpret_cast<unsigned char *>(blob.data());
    std::memcpy(out, kMagic.data(), size_t(kMagic.size()));
    out[kVersionAt] = kVersion;
    qToBigEndian(m_limits.opsLimit, out + kOpsAt);
    qToBigEndian(m_limits.memLimitKiB, out + kMemAt);
    randombytes_buf(out + kSaltAt, size_t(kSaltSize));
    randombytes_buf(out + kNonceAt, size_t(kNonceSize));

    SecretBytes kek(kKekSize);
    if (!deriveKek(kek, passphrase, out + kSaltAt, m_limits))
        return Core::fail(Code::Crypto, u"key derivation failed"_s);

    unsigned long long sealedSize = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out + kHeaderSize, &sealedSize, key.data(),
                                               size_t(key.size()), out, size_t(kHeaderSize),
                                               nullptr, out + kNonceAt, kek.data());
    Q_ASSERT(qsizetype(sealedSize) == kBlobSize - kHeaderSize);
    return blob;
}

Core::Result<SecretKey> KeyWrap::unwrap(QByteArrayView blob, const QString &passphrase) const
{
    if (!initialize())
        return Core::fail(Code::Crypto, u"libsodium unavailable"_s);
    const auto limits = parseHeader(blob);
    if (!limits)
        return std::unexpected(limits.error());

    SecretBytes kek(kKekSize);
    if (!deriveKek(kek, passphrase, bytesAt(blob, kSaltAt), *limits))
        return Core::fail(Code::Crypto, u"key derivation failed"_s);

    SecretBytes plain(SecretKey::Size);
    unsigned long long plainSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.data(), &plainSize, nullptr, bytesAt(blob, kHeaderSize),
            size_t(kBlobSize - kHeaderSize), bytesAt(blob, 0), size_t(kHeaderSize),
            bytesAt(blob, kNonceAt), kek.data()) != 0)
        return Core::fail(Code::Auth, WrongPassphrase.toString());
    return SecretKey::fromBytes(plain.view());
}

Core::Result<KdfLimits> KeyWrap::limitsOf(QByteArrayView blob)
{
    return parseHeader(blob);
}

} // namespace Crypto
