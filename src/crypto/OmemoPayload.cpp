// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/OmemoPayload.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <array>
#include <cstring>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace Crypto::OmemoDetail {

namespace {

using Code = Core::Error::Code;
using Xmpp::Omemo::Version;

constexpr qsizetype kLegacyKeySize = 16;
constexpr qsizetype kLegacyTagSize = 16;
constexpr qsizetype kLegacyIvSize = 12;
constexpr qsizetype kV2KeySize = 32;
constexpr qsizetype kV2MacSize = 16;
constexpr qsizetype kV2DerivedSize = 80; // 32 AES key, 32 HMAC key, 16 IV
constexpr QByteArrayView kV2Info = "OMEMO Payload";

struct CipherContextFree
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree>;

const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

auto badPayload()
{
    return Core::fail(Code::Crypto, u"omemo-bad-payload"_s);
}

auto cipherFailure()
{
    return Core::fail(Code::Crypto, u"omemo-cipher-failure"_s);
}

bool fitsInt(qsizetype size)
{
    return size < qsizetype(std::numeric_limits<int>::max()) - 64;
}

Core::Result<QByteArray> gcmEncrypt(const unsigned char *key, QByteArrayView iv,
                                    QByteArrayView plaintext, unsigned char *tag)
{
    CipherContext context(EVP_CIPHER_CTX_new());
    if (!context || !fitsInt(plaintext.size()))
        return cipherFailure();
    QByteArray out(plaintext.size(), Qt::Uninitialized);
    int written = 0;
    int finalWritten = 0;
    if (EVP_EncryptInit_ex(context.get(), EVP_aes_128_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, int(iv.size()), nullptr) != 1 ||
        EVP_EncryptInit_ex(context.get(), nullptr, nullptr, key, bytes(iv)) != 1 ||
        EVP_EncryptUpdate(context.get(), bytes(out), &written, bytes(plaintext),
                          int(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(context.get(), bytes(out) + written, &finalWritten) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, int(kLegacyTagSize), tag) != 1)
        return cipherFailure();
    out.truncate(written + finalWritten);
    return out;
}

Core::Result<QByteArray> gcmDecrypt(const unsigned char *key, QByteArrayView iv,
                                    QByteArrayView ciphertext, const unsigned char *tag)
{
    CipherContext context(EVP_CIPHER_CTX_new());
    if (!context || !fitsInt(ciphertext.size()) || iv.isEmpty())
        return badPayload();
    QByteArray out(ciphertext.size(), Qt::Uninitialized);
    int written = 0;
    int finalWritten = 0;
    // OpenSSL wants a writable tag pointer even for SET_TAG.
    std::array<unsigned char, kLegacyTagSize> tagCopy{};
    std::memcpy(tagCopy.data(), tag, tagCopy.size());
    if (EVP_DecryptInit_ex(context.get(), EVP_aes_128_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, int(iv.size()), nullptr) != 1 ||
        EVP_DecryptInit_ex(context.get(), nullptr, nullptr, key, bytes(iv)) != 1 ||
        EVP_DecryptUpdate(context.get(), bytes(out), &written, bytes(ciphertext),
                          int(ciphertext.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, int(tagCopy.size()),
                            tagCopy.data()) != 1 ||
        EVP_DecryptFinal_ex(context.get(), bytes(out) + written, &finalWritten) != 1) {
        sodium_memzero(out.data(), size_t(out.size()));
        return badPayload();
    }
    out.truncate(written + finalWritten);
    return out;
}

Core::Result<QByteArray> cbc(bool encrypt, const unsigned char *key, const unsigned char *iv,
                             QByteArrayView input)
{
    CipherContext context(EVP_CIPHER_CTX_new());
    if (!context || !fitsInt(input.size()))
        return cipherFailure();
    QByteArray out(input.size() + 16, Qt::Uninitialized);
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherInit_ex(context.get(), EVP_aes_256_cbc(), nullptr, key, iv, encrypt ? 1 : 0) !=
            1 ||
        EVP_CipherUpdate(context.get(), bytes(out), &written, bytes(input), int(input.size())) !=
            1 ||
        EVP_CipherFinal_ex(context.get(), bytes(out) + written, &finalWritten) != 1) {
        sodium_memzero(out.data(), size_t(out.size()));
        return encrypt ? cipherFailure() : badPayload();
    }
    out.truncate(written + finalWritten);
    return out;
}

void hmacSha256(const unsigned char *key, size_t keyLength, QByteArrayView data, unsigned char *mac)
{
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key, keyLength);
    crypto_auth_hmacsha256_update(&state, bytes(data), size_t(data.size()));
    crypto_auth_hmacsha256_final(&state, mac);
    sodium_memzero(&state, sizeof state);
}

SecretBytes v2Keys(const unsigned char *key)
{
    static constexpr std::array<char, 32> zeroSalt{};
    return hkdfSha256(QByteArrayView(reinterpret_cast<const char *>(key), kV2KeySize),
                      QByteArrayView(zeroSalt.data(), zeroSalt.size()), kV2Info, kV2DerivedSize);
}

Core::Result<SealedPayload> sealLegacy(const std::optional<QByteArray> &plaintext)
{
    SealedPayload sealed;
    sealed.iv = QByteArray(kLegacyIvSize, Qt::Uninitialized);
    randombytes_buf(sealed.iv.data(), size_t(sealed.iv.size()));
    sealed.keyMaterial = SecretBytes(kLegacyKeySize + kLegacyTagSize);
    if (!plaintext) {
        randombytes_buf(sealed.keyMaterial.data(), size_t(sealed.keyMaterial.size()));
        return sealed;
    }
    unsigned char *key = sealed.keyMaterial.data();
    randombytes_buf(key, kLegacyKeySize);
    auto ciphertext = gcmEncrypt(key, sealed.iv, *plaintext, key + kLegacyKeySize);
    if (!ciphertext)
        return std::unexpected(ciphertext.error());
    sealed.payload = std::move(*ciphertext);
    return sealed;
}

Core::Result<SealedPayload> sealV2(const std::optional<QByteArray> &plaintext)
{
    SealedPayload sealed;
    sealed.keyMaterial = SecretBytes(kV2KeySize + kV2MacSize);
    if (!plaintext) {
        randombytes_buf(sealed.keyMaterial.data(), size_t(sealed.keyMaterial.size()));
        return sealed;
    }
    unsigned char *key = sealed.keyMaterial.data();
    randombytes_buf(key, kV2KeySize);
    const SecretBytes derived = v2Keys(key);
    auto ciphertext = cbc(true, derived.data(), derived.data() + 64, *plaintext);
    if (!ciphertext)
        return std::unexpected(ciphertext.error());
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    hmacSha256(derived.data() + 32, 32, *ciphertext, mac.data());
    std::memcpy(key + kV2KeySize, mac.data(), kV2MacSize);
    sealed.payload = std::move(*ciphertext);
    return sealed;
}

Core::Result<QByteArray> openLegacy(QByteArrayView keyMaterial, QByteArrayView iv,
                                    QByteArrayView payload)
{
    // Current clients: key16||tag16 in the key material. Old ones: a 16-byte key
    // and the tag at the end of the payload.
    if (keyMaterial.size() == kLegacyKeySize + kLegacyTagSize)
        return gcmDecrypt(bytes(keyMaterial), iv, payload, bytes(keyMaterial) + kLegacyKeySize);
    if (keyMaterial.size() == kLegacyKeySize && payload.size() >= kLegacyTagSize) {
        const QByteArrayView body = payload.first(payload.size() - kLegacyTagSize);
        return gcmDecrypt(bytes(keyMaterial), iv, body, bytes(payload) + body.size());
    }
    return badPayload();
}

Core::Result<QByteArray> openV2(QByteArrayView keyMaterial, QByteArrayView payload)
{
    if (keyMaterial.size() != kV2KeySize + kV2MacSize)
        return badPayload();
    const SecretBytes derived = v2Keys(bytes(keyMaterial));
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    hmacSha256(derived.data() + 32, 32, payload, mac.data());
    if (sodium_memcmp(mac.data(), bytes(keyMaterial) + kV2KeySize, kV2MacSize) != 0)
        return badPayload();
    return cbc(false, derived.data(), derived.data() + 64, payload);
}

} // namespace

SecretBytes hkdfSha256(QByteArrayView inputKey, QByteArrayView salt, QByteArrayView info,
                       qsizetype outputLength)
{
    constexpr qsizetype hashSize = crypto_auth_hmacsha256_BYTES;
    if (outputLength <= 0 || outputLength > 255 * hashSize)
        return {};
    // Extract: PRK = HMAC(salt, IKM); an absent salt is HashLen zero bytes.
    std::array<unsigned char, hashSize> prk{};
    static constexpr std::array<unsigned char, hashSize> zeroSalt{};
    if (salt.isEmpty())
        hmacSha256(zeroSalt.data(), zeroSalt.size(), inputKey, prk.data());
    else
        hmacSha256(bytes(salt), size_t(salt.size()), inputKey, prk.data());

    // Expand: T(i) = HMAC(PRK, T(i-1) || info || i).
    SecretBytes out(outputLength);
    std::array<unsigned char, hashSize> block{};
    qsizetype done = 0;
    for (unsigned char counter = 1; done < outputLength; ++counter) {
        crypto_auth_hmacsha256_state state;
        crypto_auth_hmacsha256_init(&state, prk.data(), prk.size());
        if (counter > 1)
            crypto_auth_hmacsha256_update(&state, block.data(), block.size());
        crypto_auth_hmacsha256_update(&state, bytes(info), size_t(info.size()));
        crypto_auth_hmacsha256_update(&state, &counter, 1);
        crypto_auth_hmacsha256_final(&state, block.data());
        sodium_memzero(&state, sizeof state);
        const qsizetype take = std::min(hashSize, outputLength - done);
        std::memcpy(out.data() + done, block.data(), size_t(take));
        done += take;
    }
    sodium_memzero(prk.data(), prk.size());
    sodium_memzero(block.data(), block.size());
    return out;
}

Core::Result<SealedPayload> sealPayload(Version version, const std::optional<QByteArray> &plaintext)
{
    return version == Version::Legacy ? sealLegacy(plaintext) : sealV2(plaintext);
}

Core::Result<QByteArray> openPayload(Version version, QByteArrayView keyMaterial, QByteArrayView iv,
                                     QByteArrayView payload)
{
    return version == Version::Legacy ? openLegacy(keyMaterial, iv, payload)
                                      : openV2(keyMaterial, payload);
}

} // namespace Crypto::OmemoDetail
