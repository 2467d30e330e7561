// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/SecretBytes.h"

#include "core/Error.h"

#include <QByteArray>
#include <QString>

namespace Crypto {

/// Cost of the Argon2id derivation from a passphrase. Each blob records the
/// limits it was made with, so a stronger default applies to new blobs while old
/// ones still open.
struct KdfLimits
{
    quint32 opsLimit = 0;    ///< Argon2 passes
    quint32 memLimitKiB = 0; ///< Argon2 memory in KiB

    /// The default: libsodium's MODERATE (3 passes, 256 MiB, about a second).
    static KdfLimits moderate();
    /// libsodium's INTERACTIVE (2 passes, 64 MiB); for tests.
    static KdfLimits interactive();

    bool operator==(const KdfLimits &) const = default;
};

/// Protects a key with a passphrase: Argon2id (random 16-byte salt) derives a
/// key-encryption key, XChaCha20-Poly1305 (random 24-byte nonce) seals the key.
///
/// Blob, 101 bytes: "RNDK", version 1, ops limit (u32 BE), memory limit in KiB
/// (u32 BE), salt, nonce, sealed key (32 + 16-byte tag). Everything before the
/// sealed key is associated data, so changing any header byte fails like a wrong
/// passphrase.
class KeyWrap
{
public:
    /// Error details (Core::Error::detail) of unwrap().
    static constexpr QStringView WrongPassphrase = u"wrong passphrase"; ///< with Code::Auth
    static constexpr QStringView CorruptBlob = u"key file is corrupt";  ///< with Code::Storage

    explicit KeyWrap(KdfLimits limits = KdfLimits::moderate());

    KdfLimits limits() const { return m_limits; }

    /// Fails with Code::Policy for an empty passphrase, Code::Crypto if the limits
    /// are out of range or the derivation cannot get its memory.
    Core::Result<QByteArray> wrap(const SecretKey &key, const QString &passphrase) const;

    /// Uses the limits recorded in the blob. Code::Auth WrongPassphrase when the
    /// passphrase (or a sealed byte) is wrong; Code::Storage CorruptBlob when the
    /// blob is truncated or its header is not one this version writes.
    Core::Result<SecretKey> unwrap(QByteArrayView blob, const QString &passphrase) const;

    /// The limits a blob was made with, so a caller can re-wrap weaker blobs.
    static Core::Result<KdfLimits> limitsOf(QByteArrayView blob);

private:
    KdfLimits m_limits;
};

} // namespace Crypto
