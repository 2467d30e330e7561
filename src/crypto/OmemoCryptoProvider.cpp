// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/OmemoCryptoProvider.h"

#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <openssl/evp.h>
#include <sodium.h>

#include <array>
#include <limits>
#include <memory>
#include <new>
#include <vector>

Q_LOGGING_CATEGORY(lcOmemo, "rounds.crypto.omemo", QtInfoMsg)

namespace Crypto::OmemoDetail {

namespace {

// Heap objects that are wiped before they are freed.
template<typename State>
State *newState()
{
    return new (std::nothrow) State{};
}

template<typename State>
void deleteState(void *context)
{
    if (!context)
        return;
    auto *state = static_cast<State *>(context);
    sodium_memzero(state, sizeof(State));
    delete state;
}

int randomBytes(uint8_t *data, size_t length, void *)
{
    randombytes_buf(data, length);
    return SG_SUCCESS;
}

int hmacInit(void **context, const uint8_t *key, size_t keyLength, void *)
{
    auto *state = newState<crypto_auth_hmacsha256_state>();
    if (!state)
        return SG_ERR_NOMEM;
    crypto_auth_hmacsha256_init(state, key, keyLength);
    *context = state;
    return SG_SUCCESS;
}

int hmacUpdate(void *context, const uint8_t *data, size_t length, void *)
{
    return crypto_auth_hmacsha256_update(static_cast<crypto_auth_hmacsha256_state *>(context), data,
                                         length) == 0
               ? SG_SUCCESS
               : SG_ERR_UNKNOWN;
}

int hmacFinal(void *context, signal_buffer **output, void *)
{
    signal_buffer *buffer = signal_buffer_alloc(crypto_auth_hmacsha256_BYTES);
    if (!buffer)
        return SG_ERR_NOMEM;
    crypto_auth_hmacsha256_final(static_cast<crypto_auth_hmacsha256_state *>(context),
                                 signal_buffer_data(buffer));
    *output = buffer;
    return SG_SUCCESS;
}

void hmacCleanup(void *context, void *)
{
    deleteState<crypto_auth_hmacsha256_state>(context);
}

int sha512Init(void **context, void *)
{
    auto *state = newState<crypto_hash_sha512_state>();
    if (!state)
        return SG_ERR_NOMEM;
    crypto_hash_sha512_init(state);
    *context = state;
    return SG_SUCCESS;
}

int sha512Update(void *context, const uint8_t *data, size_t length, void *)
{
    return crypto_hash_sha512_update(static_cast<crypto_hash_sha512_state *>(context), data,
                                     length) == 0
               ? SG_SUCCESS
               : SG_ERR_UNKNOWN;
}

int sha512Final(void *context, signal_buffer **output, void *)
{
    auto *state = static_cast<crypto_hash_sha512_state *>(context);
    signal_buffer *buffer = signal_buffer_alloc(crypto_hash_sha512_BYTES);
    if (!buffer)
        return SG_ERR_NOMEM;
    crypto_hash_sha512_final(state, signal_buffer_data(buffer));
    // libomemo-c reuses the context after final.
    crypto_hash_sha512_init(state);
    *output = buffer;
    return SG_SUCCESS;
}

void sha512Cleanup(void *context, void *)
{
    deleteState<crypto_hash_sha512_state>(context);
}

const EVP_CIPHER *aesCipher(int cipher, size_t keyLength)
{
    switch (cipher) {
    case SG_CIPHER_AES_CBC_PKCS5:
        return keyLength == 16   ? EVP_aes_128_cbc()
               : keyLength == 24 ? EVP_aes_192_cbc()
               : keyLength == 32 ? EVP_aes_256_cbc()
                                 : nullptr;
    case SG_CIPHER_AES_CTR_NOPADDING:
        return keyLength == 16   ? EVP_aes_128_ctr()
               : keyLength == 24 ? EVP_aes_192_ctr()
               : keyLength == 32 ? EVP_aes_256_ctr()
                                 : nullptr;
    default:
        return nullptr;
    }
}

struct CipherContextFree
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};

// Runs one AES operation into `out`: room for the input plus one block when
// decrypting, exactly the ciphertext length when encrypting. Returns the number
// of bytes written, or -1.
int runAes(bool encrypt, int cipher, const uint8_t *key, size_t keyLength, const uint8_t *iv,
           size_t ivLength, const uint8_t *input, size_t inputLength, uint8_t *out)
{
    const EVP_CIPHER *evp = aesCipher(cipher, keyLength);
    if (!evp || ivLength != 16 || inputLength > size_t(std::numeric_limits<int>::max() - 32))
        return -1;
    std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree> context(EVP_CIPHER_CTX_new());
    if (!context)
        return -1;
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherInit_ex(context.get(), evp, nullptr, key, iv, encrypt ? 1 : 0) != 1)
        return -1;
    if (cipher == SG_CIPHER_AES_CTR_NOPADDING)
        EVP_CIPHER_CTX_set_padding(context.get(), 0);
    if (EVP_CipherUpdate(context.get(), out, &written, input, int(inputLength)) != 1)
        return -1;
    if (EVP_CipherFinal_ex(context.get(), out + written, &finalWritten) != 1)
        return -1;
    return written + finalWritten;
}

int aesEncrypt(signal_buffer **output, int cipher, const uint8_t *key, size_t keyLength,
               const uint8_t *iv, size_t ivLength, const uint8_t *plaintext, size_t length, void *)
{
    // The ciphertext length is known up front (whole blocks for CBC, the input
    // length for CTR), so it goes straight into the buffer libomemo-c receives.
    const size_t expected = cipher == SG_CIPHER_AES_CBC_PKCS5 ? (length / 16 + 1) * 16 : length;
    signal_buffer *buffer = signal_buffer_alloc(expected);
    if (!buffer)
        return SG_ERR_NOMEM;
    const int written = runAes(true, cipher, key, keyLength, iv, ivLength, plaintext, length,
                               signal_buffer_data(buffer));
    if (written < 0 || size_t(written) != expected) {
        signal_buffer_free(buffer);
        return SG_ERR_UNKNOWN;
    }
    *output = buffer;
    return SG_SUCCESS;
}

int aesDecrypt(signal_buffer **output, int cipher, const uint8_t *key, size_t keyLength,
               const uint8_t *iv, size_t ivLength, const uint8_t *ciphertext, size_t length, void *)
{
    // Small messages (the usual 32/48-byte key material) decrypt on the stack.
    std::array<uint8_t, 512> small{};
    std::vector<uint8_t> large;
    uint8_t *out = small.data();
    if (length + 16 > small.size()) {
        large.resize(length + 16);
        out = large.data();
    }
    const int written =
        runAes(false, cipher, key, keyLength, iv, ivLength, ciphertext, length, out);
    int result = SG_ERR_UNKNOWN;
    if (written >= 0) {
        *output = signal_buffer_create(out, size_t(written));
        result = *output ? SG_SUCCESS : SG_ERR_NOMEM;
    }
    sodium_memzero(out, length + 16);
    return result;
}

} // namespace

const signal_crypto_provider &cryptoProvider()
{
    static const signal_crypto_provider provider = {
        randomBytes,  hmacInit,    hmacUpdate,    hmacFinal,  hmacCleanup, sha512Init,
        sha512Update, sha512Final, sha512Cleanup, aesEncrypt, aesDecrypt,  nullptr,
    };
    return provider;
}

void logCallback(int level, const char *message, size_t length, void *)
{
    if (!lcOmemo().isDebugEnabled())
        return;
    // libomemo-c names addresses ("No session for: alice@example.org:1234"): blank
    // every word that looks like a JID.
    QStringList words = QString::fromUtf8(message, qsizetype(length)).split(u' ');
    for (QString &word : words) {
        if (word.contains(u'@'))
            word = QStringLiteral("<jid>");
    }
    qCDebug(lcOmemo).noquote() << "libomemo-c" << level << words.join(u' ');
}

} // namespace Crypto::OmemoDetail
