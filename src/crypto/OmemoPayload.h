// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to src/crypto: the symmetric layer of OMEMO, under the ratchet.

#include "crypto/SecretBytes.h"

#include "xmpp/extensions/OmemoElements.h"

#include "core/Error.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Crypto::OmemoDetail {

/// What encrypt() puts on the wire besides the per-device keys.
struct SealedPayload
{
    /// What the ratchet encrypts for every device: legacy key16||tag16 (32 bytes),
    /// OMEMO 2 key32||hmac16 (48 bytes); random bytes of that size for key transport.
    SecretBytes keyMaterial;
    QByteArray iv;                     ///< legacy only (12 bytes)
    std::optional<QByteArray> payload; ///< nullopt for key transport
};

/// Legacy (XEP-0384 0.3): AES-128-GCM, 12-byte IV, tag moved into the key
/// material. OMEMO 2 (0.8): HKDF-SHA-256 of a 32-byte key into an AES-256-CBC key,
/// an HMAC-SHA-256 key and an IV; the HMAC over the ciphertext, cut to 16 bytes,
/// follows the key.
Core::Result<SealedPayload> sealPayload(Xmpp::Omemo::Version version,
                                        const std::optional<QByteArray> &plaintext);

/// Reverses sealPayload. Legacy also takes a 16-byte key with the tag appended to
/// the payload (old clients). "omemo-bad-payload" when the key material has the
/// wrong size or the tag/HMAC does not match.
Core::Result<QByteArray> openPayload(Xmpp::Omemo::Version version, QByteArrayView keyMaterial,
                                     QByteArrayView iv, QByteArrayView payload);

/// RFC 5869 HKDF with HMAC-SHA-256 (libsodium has none before 1.0.19).
/// `outputLength` at most 255 * 32.
SecretBytes hkdfSha256(QByteArrayView inputKey, QByteArrayView salt, QByteArrayView info,
                       qsizetype outputLength);

} // namespace Crypto::OmemoDetail
