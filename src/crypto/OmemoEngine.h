// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/OmemoStorage.h"

#include "xmpp/extensions/OmemoElements.h"

#include "core/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Crypto {

struct OmemoOptions
{
    int preKeyCount = 100;              ///< one-time pre-keys kept published
    int signedPreKeyRotationDays = 7;   ///< a new signed pre-key after this long
    int signedPreKeyRetentionDays = 30; ///< old signed pre-keys kept for late pre-key messages
    /// A used one-time pre-key stays loadable this long (see OmemoStorage),
    /// for senders that picked it from the bundle before we republished it.
    int usedPreKeyGraceMinutes = 60;
};

struct OmemoAddress
{
    QString jid; ///< bare
    quint32 deviceId = 0;
    bool operator==(const OmemoAddress &) const = default;
};

struct OmemoEncryptResult
{
    Xmpp::Omemo::Encrypted encrypted;
    /// Targets left out: no session in this version, or not trusted.
    QList<OmemoAddress> skipped;
};

struct OmemoDecryptResult
{
    /// The payload: the UTF-8 body (legacy) or the SCE envelope bytes (OMEMO 2).
    /// nullopt for a key-transport / heartbeat message.
    std::optional<QByteArray> plaintext;
    OmemoAddress sender;
    Trust trust = Trust::Undecided; ///< of the sender's device, after this message
    /// A one-time pre-key was used up: maintain() and republish the bundle.
    bool preKeyConsumed = false;
    /// The sender started a new session with a pre-key message: answer with an
    /// empty key-transport message so its next messages are normal ones.
    bool needsHeartbeat = false;
};

/// OMEMO (XEP-0384, both wire versions) on libomemo-c 0.5.0, with a crypto
/// provider on libsodium and OpenSSL libcrypto. Thread-confined: create and use
/// it on one thread (the account's store worker), with its OmemoStorage.
///
/// Errors are Code::Crypto (or the storage's Code::Storage) with a stable
/// detail: "omemo-not-for-this-device", "omemo-no-session",
/// "omemo-duplicate", "omemo-untrusted-identity", "omemo-invalid-message",
/// "omemo-bad-payload", "omemo-bad-bundle", "omemo-invalid-key-id".
class OmemoEngine
{
public:
    /// Loads our identity, or creates it (device id, identity key, a signed
    /// pre-key and the one-time pre-keys) on first use, in one transaction.
    static Core::Result<std::unique_ptr<OmemoEngine>>
    open(OmemoStorage &storage, const QString &ownBareJid, OmemoOptions options = {});
    ~OmemoEngine();
    OmemoEngine(const OmemoEngine &) = delete;
    OmemoEngine &operator=(const OmemoEngine &) = delete;

    quint32 deviceId() const;
    const QString &ownJid() const;
    /// 33-byte 0x05-prefixed Curve25519 public identity key.
    QByteArray identityKey() const;

    /// What to publish for this version: the current signed pre-key and every
    /// one-time pre-key not yet used.
    Core::Result<Xmpp::Omemo::Bundle> bundle(Xmpp::Omemo::Version version);
    /// Rotates the signed pre-key when due, drops expired old ones, deletes used
    /// one-time pre-keys past their grace period, and refills one-time pre-keys
    /// to the configured count. True when the bundle changed.
    Core::Result<bool> maintain(const QDateTime &now = QDateTime::currentDateTimeUtc());

    Core::Result<bool> hasSession(Xmpp::Omemo::Version version, const OmemoAddress &device);
    /// Starts a session from a fetched bundle (signature checked, a random
    /// one-time pre-key chosen) and records the device's identity with the trust
    /// BTBV gives it.
    Core::Result<void> processBundle(Xmpp::Omemo::Version version, const QString &jid,
                                     const Xmpp::Omemo::Bundle &bundle);

    /// Encrypts `plaintext` (nullopt: key transport) once with a fresh key and
    /// that key to every target that has a session in `version` and is
    /// BlindTrusted or Verified.
    Core::Result<OmemoEncryptResult> encrypt(Xmpp::Omemo::Version version,
                                             const QList<OmemoAddress> &targets,
                                             const std::optional<QByteArray> &plaintext);
    /// Decrypts a message from `senderJid` (bare) addressed to this device.
    Core::Result<OmemoDecryptResult> decrypt(const Xmpp::Omemo::Encrypted &encrypted,
                                             const QString &senderJid);

    /// Trust of a remote device; a device we never saw is an error.
    Core::Result<void> setTrust(const OmemoAddress &device, Trust trust);
    Core::Result<QList<DeviceIdentity>> identities(const QString &jid);

    /// Fingerprint for reading aloud: the identity key as that version shows it
    /// (legacy: the 32-byte Curve25519 key, OMEMO 2: the Ed25519 key) in eight
    /// groups of eight lower-case hex digits separated by spaces.
    static QString fingerprint(const QByteArray &identityKey, Xmpp::Omemo::Version version);
    /// QR payload in the form Conversations scans:
    /// xmpp:<jid>?omemo-sid-<device>=<64 hex digits of the legacy fingerprint>
    static QString fingerprintUri(const QString &jid, quint32 deviceId,
                                  const QByteArray &identityKey);

private:
    struct Private;
    explicit OmemoEngine(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace Crypto
