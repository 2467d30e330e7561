// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/KeyWrap.h"
#include "crypto/SecretBytes.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QObject>
#include <QString>

namespace Account {

/// Keeps one account's database key: in the OS keychain (Secret Service via
/// qtkeychain, service "Rounds", entry "<bare jid>/database-key", never the
/// insecure plaintext fallback), or, where no keychain works, in a key file
/// sealed with a passphrase (Crypto::KeyWrap).
///
/// Failures are Core::Error with a stable detail: Code::Storage with one of the
/// details below, Code::Auth with Crypto::KeyWrap::WrongPassphrase, or Code::Storage
/// with Crypto::KeyWrap::CorruptBlob. describeKeyError() gives the user's text.
/// Futures finish on the thread that called; the passphrase work (about a second
/// at the default cost) runs on the global thread pool.
class KeyCustody : public QObject
{
    Q_OBJECT
public:
    static constexpr QStringView ServiceName = u"Rounds";

    static constexpr QStringView NoKeychain = u"no-keychain"; ///< no D-Bus or no Secret Service
    static constexpr QStringView KeychainLocked = u"keychain-locked"; ///< locked, or no collection
    static constexpr QStringView NoKey = u"no-key"; ///< the keychain has no entry for the account
    static constexpr QStringView KeychainEntryCorrupt = u"keychain-entry-corrupt";
    static constexpr QStringView KeychainFailed = u"keychain-error"; ///< anything else
    static constexpr QStringView NoKeyFile = u"no-key-file";
    static constexpr QStringView KeyFileUnreadable = u"key-file-unreadable";
    static constexpr QStringView KeyFileUnwritable = u"key-file-unwritable";

    explicit KeyCustody(const Core::Jid &account, QObject *parent = nullptr);
    ~KeyCustody() override;

    static constexpr QStringView DatabaseKeyEntry = u"database-key";
    /// The keychain entry's key, "<bare jid>/database-key".
    QString entryName() const { return m_entryName; }
    /// The keychain entry "<bare jid>/<name>" for another secret of the account.
    QString entryFor(const QString &name) const { return m_account + u'/' + name; }

    /// Cost of wrapToFile(); MODERATE unless a test lowers it.
    void setKdfLimits(Crypto::KdfLimits limits) { m_limits = limits; }
    Crypto::KdfLimits kdfLimits() const { return m_limits; }

    QFuture<Core::Result<Crypto::SecretKey>> loadKey();
    QFuture<Core::Result<void>> storeKey(const Crypto::SecretKey &key);
    /// Succeeds when there is nothing to delete.
    QFuture<Core::Result<void>> deleteKey();

    /// Other secrets of the account (the FAST token), same errors as the key.
    QFuture<Core::Result<QByteArray>> loadSecret(const QString &name);
    QFuture<Core::Result<void>> storeSecret(const QString &name, const QByteArray &bytes);
    /// Succeeds when there is nothing to delete.
    QFuture<Core::Result<void>> deleteSecret(const QString &name);
    /// Seals the key with the passphrase and writes it atomically, mode 0600.
    QFuture<Core::Result<void>> wrapToFile(const Crypto::SecretKey &key, const QString &passphrase,
                                           const QString &path);
    QFuture<Core::Result<Crypto::SecretKey>> unwrapFromFile(const QString &path,
                                                            const QString &passphrase);

    /// What went wrong with the key and what to do, in the user's language.
    /// Errors that are not about the key get Core::describeError()'s text.
    static QString describeKeyError(const Core::Error &error);

private:
    QString m_account;
    QString m_entryName;
    Crypto::KdfLimits m_limits = Crypto::KdfLimits::moderate();
};

} // namespace Account
