// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/SecretBytes.h"

#include "core/Error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <memory>

class QIODevice;

namespace Crypto {

/// Key and IV of one XEP-0454 file: AES-256-GCM, 12-byte IV (16 accepted on
/// receive, as older clients send them), the 16-byte tag appended to the
/// ciphertext.
struct MediaKey
{
    static constexpr qsizetype KeySize = 32;
    static constexpr qsizetype IvSize = 12;
    static constexpr qsizetype LegacyIvSize = 16;
    static constexpr qsizetype TagSize = 16;

    QByteArray iv;
    SecretBytes key;

    /// A fresh random key and 12-byte IV.
    static Core::Result<MediaKey> generate();
    bool isValid() const;
};

/// An aesgcm:// link: where the ciphertext is (https) and how to open it.
struct MediaLink
{
    QUrl httpsUrl;
    MediaKey key;
};

/// XEP-0454 OMEMO media sharing: the encryption of uploaded files and the
/// aesgcm://host/path#<hex iv><hex key> links that carry their keys.
namespace Media {

/// The link for a file uploaded to `httpsGetUrl` (the slot's GET URL). Refuses
/// anything but https and a valid key.
Core::Result<QString> buildLink(const QUrl &httpsGetUrl, const MediaKey &key);
/// Parses a whole message body that is exactly one aesgcm:// link (spaces
/// around it allowed). Code::Stanza "not-aesgcm-link" otherwise.
Core::Result<MediaLink> parseLink(QStringView text);
/// True when `body` is exactly one aesgcm:// link.
bool isLink(QStringView body);

/// Whole-buffer AES-256-GCM: ciphertext followed by the tag.
Core::Result<QByteArray> encrypt(QByteArrayView plaintext, const MediaKey &key);
/// Code::Crypto "media-auth-failed" when the tag does not match (tampered,
/// truncated or wrong key).
Core::Result<QByteArray> decrypt(QByteArrayView data, const MediaKey &key);

} // namespace Media

/// Streaming AES-256-GCM for downloads and uploads: constant memory. When
/// decrypting, the last TagSize bytes seen are held back as the tag; finish()
/// verifies it. Plaintext handed out before finish() is unauthenticated: the
/// caller keeps it only once finish() succeeded.
class MediaCipher
{
public:
    enum class Mode { Encrypt, Decrypt };
    static Core::Result<MediaCipher> create(Mode mode, const MediaKey &key);
    MediaCipher(MediaCipher &&) noexcept;
    MediaCipher &operator=(MediaCipher &&) noexcept;
    ~MediaCipher();

    Core::Result<QByteArray> update(QByteArrayView data);
    /// Encrypt: the tag. Decrypt: empty, or "media-auth-failed".
    Core::Result<QByteArray> finish();

private:
    MediaCipher();
    struct State;
    std::unique_ptr<State> d;
};

/// A file encrypted at rest with libsodium's crypto_secretstream_xchacha20poly1305
/// under its own random key: "RNDF" + version byte, the 24-byte stream header,
/// then chunks of 64 KiB plaintext (each +17 bytes), the last one tagged FINAL.
/// Truncation, reordering, extension and tampering all fail to open.
class AtRestFile
{
public:
    static constexpr qsizetype KeySize = 32;
    static constexpr qsizetype ChunkSize = 64 * 1024;

    static Core::Result<SecretBytes> newKey();

    /// Writes `path` (through a temporary file renamed at finish()).
    class Writer
    {
    public:
        static Core::Result<Writer> create(const QString &path, const SecretBytes &key);
        Writer(Writer &&) noexcept;
        Writer &operator=(Writer &&) noexcept;
        ~Writer(); ///< an unfinished writer removes its temporary file

        Core::Result<void> write(QByteArrayView plaintext);
        /// Seals the last chunk and renames into place. Returns the SHA-256
        /// of the whole plaintext.
        Core::Result<QByteArray> finish();
        qint64 plaintextSize() const;

    private:
        Writer();
        struct State;
        std::unique_ptr<State> d;
    };

    /// Decrypts `path` chunk by chunk into `out` (or only checks it when `out`
    /// is null). Code::Crypto "at-rest-corrupt" / "at-rest-truncated" on a bad
    /// file; nothing written to `out` is trustworthy then.
    static Core::Result<qint64> decryptTo(const QString &path, const SecretBytes &key,
                                          QIODevice *out);
    /// The whole plaintext in memory (for files below a size the caller chose).
    static Core::Result<QByteArray> readAll(const QString &path, const SecretBytes &key);
};

} // namespace Crypto
