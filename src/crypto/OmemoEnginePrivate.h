// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to src/crypto: OmemoEngine's state, shared by its two source files.

#include "crypto/OmemoEngine.h"
#include "crypto/OmemoSignalRef.h"
#include "crypto/OmemoSignalStore.h"

#include <signal_protocol.h>

#include <functional>
#include <memory>
#include <mutex>

namespace Crypto {

struct OmemoEngine::Private
{
    Private(OmemoStorage &storage, QString ownJid, OmemoOptions options);
    ~Private();
    Private(const Private &) = delete;
    Private &operator=(const Private &) = delete;

    /// The signal_context (crypto provider, recursive lock, log) and both store
    /// contexts. False when libomemo-c cannot allocate them.
    bool initLibrary();

    /// Runs `work` in one storage transaction. When it fails because a known
    /// device showed a new identity key, that key is recorded as Undecided after
    /// the rollback, so it is never trusted silently and never lost.
    Core::Result<void> atomically(const std::function<Core::Result<void>()> &work);
    /// The error for a failed libomemo-c call: a storage error a callback hit,
    /// else the stable detail for `code`, else `fallback`.
    Core::Error errorFor(int code, QStringView fallback);

    Core::Result<OmemoDetail::SignalRef<ratchet_identity_key_pair>> identityKeyPair() const;
    Core::Result<void> createIdentity();
    /// A signed pre-key signed for both versions, stored with `created`.
    Core::Result<void> addSignedPreKey(quint32 id, const QDateTime &created);
    /// `count` one-time pre-keys with ids never used before.
    Core::Result<void> addPreKeys(int count);

    OmemoStorage &storage;
    QString ownJid;
    QByteArray ownJidUtf8;
    OmemoOptions options;
    OwnIdentity identity;
    std::recursive_mutex mutex;
    signal_context *context = nullptr;
    std::unique_ptr<OmemoDetail::SignalStore> store;
};

namespace OmemoDetail {

/// storage.value() key of the next one-time pre-key id.
inline constexpr QStringView kNextPreKeyIdKey = u"omemo.next-pre-key-id";
/// Pre-key ids stay below libomemo-c's PRE_KEY_MEDIUM_MAX_VALUE (0xFFFFFF, which
/// it treats as "no pre-key").
inline constexpr quint32 kMaxPreKeyId = 0xFFFFFE;

} // namespace OmemoDetail

} // namespace Crypto
