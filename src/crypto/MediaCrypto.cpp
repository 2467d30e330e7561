// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/MediaCrypto.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

#include <openssl/evp.h>
#include <sodium.h>

#include <limits>

namespace Crypto {

using Core::Error;

namespace {

constexpr QByteArrayView AtRestMagic = "RNDF\x01";
constexpr qsizetype SealedChunk =
    AtRestFile::ChunkSize + crypto_secretstream_xchacha20poly1305_ABYTES;

auto cryptoFail(const char *detail)
{
    return Core::fail(Error::Code::Crypto, QString::fromLatin1(detail));
}

struct CtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CtxDeleter>;

} // namespace

// ---------------------------------------------------------------------------
// MediaKey and links

Core::Result<MediaKey> MediaKey::generate()
{
    if (!initialize())
        return cryptoFail("libsodium unavailable");
    MediaKey key;
    key.iv.resize(IvSize);
    randombytes_buf(key.iv.data(), size_t(key.iv.size()));
    key.key = SecretBytes(KeySize);
    randombytes_buf(key.key.data(), size_t(KeySize));
    return key;
}

bool MediaKey::isValid() const
{
    return key.size() == KeySize && (iv.size() == IvSize || iv.size() == LegacyIvSize);
}

namespace Media {

Core::Result<QString> buildLink(const QUrl &httpsGetUrl, const MediaKey &key)
{
    if (!key.isValid())
        return cryptoFail("media key has wrong size");
    if (!httpsGetUrl.isValid() || httpsGetUrl.scheme() != u"https" ||
        httpsGetUrl.host().isEmpty() || httpsGetUrl.hasFragment())
        return Core::fail(Error::Code::Stanza, QStringLiteral("upload-url-not-https"));
    QUrl link = httpsGetUrl;
    link.setScheme(QStringLiteral("aesgcm"));
    const QByteArray hex =
        key.iv.toHex() +
        QByteArray(reinterpret_cast<const char *>(key.key.data()), key.key.size()).toHex();
    QString text = link.toString(QUrl::FullyEncoded) + u'#' + QString::fromLatin1(hex);
    return text;
}

Core::Result<MediaLink> parseLink(QStringView text)
{
    const auto notLink = [] {
        return Core::fail(Error::Code::Stanza, QStringLiteral("not-aesgcm-link"));
    };
    const QString trimmed = text.trimmed().toString();
    if (!trimmed.startsWith(u"aesgcm://", Qt::CaseInsensitive) ||
        trimmed.contains(QRegularExpression(QStringLiteral("\\s"))))
        return notLink();
    const qsizetype hash = trimmed.lastIndexOf(u'#');
    if (hash < 0)
        return notLink();
    const QString fragment = trimmed.mid(hash + 1);
    static const QRegularExpression hexOnly(QStringLiteral("^[0-9a-fA-F]+$"));
    // 12-byte IV + key = 88 hex digits; 16-byte IV (older clients) = 96.
    if ((fragment.size() != 88 && fragment.size() != 96) || !hexOnly.match(fragment).hasMatch())
        return notLink();
    const QByteArray raw = QByteArray::fromHex(fragment.toLatin1());
    const qsizetype ivSize = raw.size() - MediaKey::KeySize;
    QUrl url(trimmed.left(hash), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return notLink();
    url.setScheme(QStringLiteral("https"));
    MediaLink link;
    link.httpsUrl = url;
    link.key.iv = raw.left(ivSize);
    link.key.key = SecretBytes::copyOf(QByteArrayView(raw).sliced(ivSize));
    QByteArray wipe = raw;
    sodium_memzero(wipe.data(), size_t(wipe.size()));
    return link;
}

bool isLink(QStringView body)
{
    return parseLink(body).has_value();
}

Core::Result<QByteArray> encrypt(QByteArrayView plaintext, const MediaKey &key)
{
    auto cipher = MediaCipher::create(MediaCipher::Mode::Encrypt, key);
    if (!cipher)
        return std::unexpected(cipher.error());
    auto body = cipher->update(plaintext);
    if (!body)
        return body;
    auto tag = cipher->finish();
    if (!tag)
        return tag;
    return *body + *tag;
}

Core::Result<QByteArray> decrypt(QByteArrayView data, const MediaKey &key)
{
    if (data.size() < MediaKey::TagSize)
        return cryptoFail("media-auth-failed");
    auto cipher = MediaCipher::create(MediaCipher::Mode::Decrypt, key);
    if (!cipher)
        return std::unexpected(cipher.error());
    auto body = cipher->update(data);
    if (!body)
        return body;
    if (auto done = cipher->finish(); !done)
        return std::unexpected(done.error());
    return body;
}

} // namespace Media

// ---------------------------------------------------------------------------
// MediaCipher

struct MediaCipher::State
{
    CtxPtr ctx;
    Mode mode = Mode::Encrypt;
    QByteArray held; ///< decrypt: the last TagSize bytes seen (the tag, at the end)
};

MediaCipher::MediaCipher()
    : d(std::make_unique<State>())
{
}
MediaCipher::MediaCipher(MediaCipher &&) noexcept = default;
MediaCipher &MediaCipher::operator=(MediaCipher &&) noexcept = default;
MediaCipher::~MediaCipher() = default;

Core::Result<MediaCipher> MediaCipher::create(Mode mode, const MediaKey &key)
{
    if (!key.isValid())
        return cryptoFail("media key has wrong size");
    MediaCipher cipher;
    cipher.d->mode = mode;
    cipher.d->ctx.reset(EVP_CIPHER_CTX_new());
    EVP_CIPHER_CTX *ctx = cipher.d->ctx.get();
    const bool enc = mode == Mode::Encrypt;
    const auto init = enc ? EVP_EncryptInit_ex : EVP_DecryptInit_ex;
    if (!ctx || init(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, int(key.iv.size()), nullptr) != 1 ||
        init(ctx, nullptr, nullptr, key.key.data(),
             reinterpret_cast<const unsigned char *>(key.iv.constData())) != 1)
        return cryptoFail("aes-gcm init failed");
    return cipher;
}

Core::Result<QByteArray> MediaCipher::update(QByteArrayView data)
{
    if (!d->ctx)
        return cryptoFail("media cipher finished");
    QByteArrayView input = data;
    QByteArray joined;
    if (d->mode == Mode::Decrypt) {
        // Hold back the last TagSize bytes: they may be the tag.
        joined = d->held + data.toByteArray();
        const qsizetype usable = std::max<qsizetype>(0, joined.size() - MediaKey::TagSize);
        d->held = joined.mid(usable);
        input = QByteArrayView(joined).first(usable);
    }
    QByteArray out(input.size(), Qt::Uninitialized);
    qsizetype done = 0;
    // EVP takes int lengths: feed large buffers in pieces.
    constexpr qsizetype Step = 1 << 30;
    while (done < input.size()) {
        const int n = int(std::min(Step, input.size() - done));
        int written = 0;
        const auto *in = reinterpret_cast<const unsigned char *>(input.constData() + done);
        auto *dst = reinterpret_cast<unsigned char *>(out.data() + done);
        const int ok = d->mode == Mode::Encrypt
                           ? EVP_EncryptUpdate(d->ctx.get(), dst, &written, in, n)
                           : EVP_DecryptUpdate(d->ctx.get(), dst, &written, in, n);
        if (ok != 1 || written != n)
            return cryptoFail("aes-gcm update failed");
        done += n;
    }
    return out;
}

Core::Result<QByteArray> MediaCipher::finish()
{
    if (!d->ctx)
        return cryptoFail("media cipher finished");
    CtxPtr ctx = std::move(d->ctx);
    unsigned char tail[16];
    int written = 0;
    if (d->mode == Mode::Encrypt) {
        QByteArray tag(MediaKey::TagSize, Qt::Uninitialized);
        if (EVP_EncryptFinal_ex(ctx.get(), tail, &written) != 1 ||
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(MediaKey::TagSize),
                                tag.data()) != 1)
            return cryptoFail("aes-gcm final failed");
        return tag;
    }
    if (d->held.size() != MediaKey::TagSize ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(MediaKey::TagSize),
                            d->held.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), tail, &written) != 1)
        return cryptoFail("media-auth-failed");
    return QByteArray();
}

// ---------------------------------------------------------------------------
// AtRestFile

Core::Result<SecretBytes> AtRestFile::newKey()
{
    if (!initialize())
        return cryptoFail("libsodium unavailable");
    static_assert(KeySize == crypto_secretstream_xchacha20poly1305_KEYBYTES);
    SecretBytes key(KeySize);
    crypto_secretstream_xchacha20poly1305_keygen(key.data());
    return key;
}

struct AtRestFile::Writer::State
{
    std::unique_ptr<QSaveFile> file;
    crypto_secretstream_xchacha20poly1305_state stream{};
    crypto_hash_sha256_state hash{};
    QByteArray pending; ///< plaintext not yet sealed (at most one chunk)
    qint64 size = 0;
    bool finished = false;

    ~State()
    {
        sodium_memzero(&stream, sizeof stream);
        if (!pending.isEmpty())
            sodium_memzero(pending.data(), size_t(pending.size()));
    }

    Core::Result<void> seal(QByteArrayView chunk, unsigned char tag)
    {
        QByteArray sealed(chunk.size() + crypto_secretstream_xchacha20poly1305_ABYTES,
                          Qt::Uninitialized);
        crypto_secretstream_xchacha20poly1305_push(
            &stream, reinterpret_cast<unsigned char *>(sealed.data()), nullptr,
            reinterpret_cast<const unsigned char *>(chunk.data()), size_t(chunk.size()), nullptr, 0,
            tag);
        if (file->write(sealed) != sealed.size())
            return Core::fail(Error::Code::Storage, QStringLiteral("io: attachment write failed"));
        return {};
    }
};

AtRestFile::Writer::Writer()
    : d(std::make_unique<State>())
{
}
AtRestFile::Writer::Writer(Writer &&) noexcept = default;
AtRestFile::Writer &AtRestFile::Writer::operator=(Writer &&) noexcept = default;
AtRestFile::Writer::~Writer()
{
    if (d && d->file && !d->finished)
        d->file->cancelWriting();
}

Core::Result<AtRestFile::Writer> AtRestFile::Writer::create(const QString &path,
                                                            const SecretBytes &key)
{
    if (!initialize())
        return cryptoFail("libsodium unavailable");
    if (key.size() != KeySize)
        return cryptoFail("at-rest key has wrong size");
    Writer writer;
    writer.d->file = std::make_unique<QSaveFile>(path);
    if (!writer.d->file->open(QIODevice::WriteOnly))
        return Core::fail(Error::Code::Storage,
                          QStringLiteral("io: cannot create attachment file"));
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    crypto_secretstream_xchacha20poly1305_init_push(&writer.d->stream, header, key.data());
    crypto_hash_sha256_init(&writer.d->hash);
    if (writer.d->file->write(AtRestMagic.data(), AtRestMagic.size()) != AtRestMagic.size() ||
        writer.d->file->write(reinterpret_cast<const char *>(header), sizeof header) !=
            qint64(sizeof header))
        return Core::fail(Error::Code::Storage, QStringLiteral("io: attachment write failed"));
    return writer;
}

Core::Result<void> AtRestFile::Writer::write(QByteArrayView plaintext)
{
    if (d->finished)
        return cryptoFail("at-rest writer finished");
    crypto_hash_sha256_update(&d->hash, reinterpret_cast<const unsigned char *>(plaintext.data()),
                              size_t(plaintext.size()));
    d->size += plaintext.size();
    d->pending.append(plaintext.data(), plaintext.size());
    // A full chunk is sealed only once more follows: the last one must be FINAL.
    qsizetype offset = 0;
    while (d->pending.size() - offset > ChunkSize) {
        if (auto r = d->seal(QByteArrayView(d->pending).sliced(offset, ChunkSize), 0); !r)
            return r;
        offset += ChunkSize;
    }
    if (offset > 0) {
        sodium_memzero(d->pending.data(), size_t(offset));
        d->pending.remove(0, offset);
    }
    return {};
}

Core::Result<QByteArray> AtRestFile::Writer::finish()
{
    if (d->finished)
        return cryptoFail("at-rest writer finished");
    if (auto r = d->seal(d->pending, crypto_secretstream_xchacha20poly1305_TAG_FINAL); !r)
        return std::unexpected(r.error());
    sodium_memzero(d->pending.data(), size_t(d->pending.size()));
    d->pending.clear();
    if (!d->file->commit())
        return Core::fail(Error::Code::Storage, QStringLiteral("io: attachment commit failed"));
    d->finished = true;
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256_final(&d->hash, reinterpret_cast<unsigned char *>(digest.data()));
    return digest;
}

qint64 AtRestFile::Writer::plaintextSize() const
{
    return d->size;
}

Core::Result<qint64> AtRestFile::decryptTo(const QString &path, const SecretBytes &key,
                                           QIODevice *out)
{
    if (!initialize())
        return cryptoFail("libsodium unavailable");
    if (key.size() != KeySize)
        return cryptoFail("at-rest key has wrong size");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Core::fail(Error::Code::Storage, QStringLiteral("io: attachment file missing"));
    const QByteArray magic = file.read(AtRestMagic.size());
    const QByteArray header = file.read(crypto_secretstream_xchacha20poly1305_HEADERBYTES);
    if (magic != AtRestMagic || header.size() != crypto_secretstream_xchacha20poly1305_HEADERBYTES)
        return cryptoFail("at-rest-corrupt");
    crypto_secretstream_xchacha20poly1305_state stream;
    if (crypto_secretstream_xchacha20poly1305_init_pull(
            &stream, reinterpret_cast<const unsigned char *>(header.constData()), key.data()) != 0)
        return cryptoFail("at-rest-corrupt");
    QByteArray plain(AtRestFile::ChunkSize, Qt::Uninitialized);
    qint64 total = 0;
    bool final = false;
    Core::Result<qint64> result = 0;
    while (!final) {
        const QByteArray sealed = file.read(SealedChunk);
        if (sealed.size() < qsizetype(crypto_secretstream_xchacha20poly1305_ABYTES)) {
            result = cryptoFail("at-rest-truncated");
            break;
        }
        unsigned long long length = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(
                &stream, reinterpret_cast<unsigned char *>(plain.data()), &length, &tag,
                reinterpret_cast<const unsigned char *>(sealed.constData()), size_t(sealed.size()),
                nullptr, 0) != 0) {
            result = cryptoFail("at-rest-corrupt");
            break;
        }
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        if (!final && sealed.size() < SealedChunk) {
            result = cryptoFail("at-rest-truncated");
            break;
        }
        if (out && out->write(plain.constData(), qint64(length)) != qint64(length)) {
            result = Core::fail(Error::Code::Storage, QStringLiteral("io: output write failed"));
            break;
        }
        total += qint64(length);
    }
    if (result && final && !file.atEnd())
        result = cryptoFail("at-rest-corrupt"); // data after the final chunk
    sodium_memzero(&stream, sizeof stream);
    sodium_memzero(plain.data(), size_t(plain.size()));
    if (!result)
        return result;
    return total;
}

Core::Result<QByteArray> AtRestFile::readAll(const QString &path, const SecretBytes &key)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    auto read = decryptTo(path, key, &buffer);
    if (!read) {
        sodium_memzero(data.data(), size_t(data.size()));
        return std::unexpected(read.error());
    }
    return data;
}

} // namespace Crypto
