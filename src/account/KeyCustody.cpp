// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/KeyCustody.h"

#include "core/ErrorText.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>

#include <qt6keychain/keychain.h>

#include <sodium.h>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace Account {

namespace {

Q_LOGGING_CATEGORY(lcKeys, "rounds.account.keys", QtInfoMsg)

using Code = Core::Error::Code;

template<typename T>
using PromisePtr = std::shared_ptr<QPromise<Core::Result<T>>>;

template<typename T>
PromisePtr<T> startedPromise()
{
    auto promise = std::make_shared<QPromise<Core::Result<T>>>();
    promise->start();
    return promise;
}

template<typename T>
void settle(const PromisePtr<T> &promise, Core::Result<T> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

Core::Error storageError(QStringView detail)
{
    return Core::Error{Code::Storage, detail.toString()};
}

// A key file is 101 bytes; anything much larger is not one of ours.
constexpr qint64 kMaxKeyFileSize = 4096;
constexpr int kProbeTimeoutMs = 5000;

// qtkeychain's buffers share ours (QByteArray is implicitly shared), so wiping
// in place clears the job's copy too. The base64 form libsecret handles is out
// of reach.
void wipeShared(const QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(const_cast<char *>(bytes.constData()), size_t(bytes.size()));
}

// ---------------------------------------------------------------------------
// Classifying keychain failures.

enum class Operation { Read, Write, Delete };

const char *operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Delete:
        return "delete";
    }
    return "?";
}

// qtkeychain reports most Secret Service trouble as OtherError with the D-Bus or
// libsecret message as text; these are the ones seen on Debian 12 (README trap 6).
QStringView detailFromText(const QString &text)
{
    static const QStringView noKeychain[] = {
        u"Cannot autolaunch D-Bus",            // no session bus and no X11 $DISPLAY
        u"Could not connect",                  // session bus address leads nowhere
        u"not provided by any .service files", // bus without a Secret Service
        u"org.freedesktop.DBus.Error.ServiceUnknown",
        u"No such interface",
    };
    static const QStringView locked[] = {
        u"Object does not exist at path", // no login collection (keyring never created)
        u"locked collection",             // "Cannot create an item in a locked collection"
        u"is locked",
    };
    for (QStringView needle : noKeychain) {
        if (text.contains(needle, Qt::CaseInsensitive))
            return KeyCustody::NoKeychain;
    }
    for (QStringView needle : locked) {
        if (text.contains(needle, Qt::CaseInsensitive))
            return KeyCustody::KeychainLocked;
    }
    return {};
}

enum class ServiceState { Unreachable, Locked, Usable, Unknown };

// Asks the Secret Service directly whether the default collection exists and is
// unlocked. Needed because a read from a locked gnome-keyring, whose unlock prompt
// cannot be shown, comes back from qtkeychain as a plain EntryNotFound.
void probeSecretService(std::function<void(ServiceState)> done)
{
    static const QString service = u"org.freedesktop.secrets"_s;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(ServiceState::Unreachable);
        return;
    }
    QDBusMessage readAlias =
        QDBusMessage::createMethodCall(service, u"/org/freedesktop/secrets"_s,
                                       u"org.freedesktop.Secret.Service"_s, u"ReadAlias"_s);
    readAlias << u"default"_s;
    auto *aliasWatcher = new QDBusPendingCallWatcher(bus.asyncCall(readAlias, kProbeTimeoutMs));
    QObject::connect(
        aliasWatcher, &QDBusPendingCallWatcher::finished, aliasWatcher,
        [bus, done](QDBusPendingCallWatcher *watcher) {
            watcher->deleteLater();
            const QDBusPendingReply<QDBusObjectPath> alias = *watcher;
            if (alias.isError()) {
                done(alias.error().type() == QDBusError::ServiceUnknown ? ServiceState::Unreachable
                                                                        : ServiceState::Unknown);
                return;
            }
            const QString path = alias.value().path();
            if (path.isEmpty() || path == u"/")
                return done(ServiceState::Locked); // no default collection at all
            QDBusMessage get = QDBusMessage::createMethodCall(
                service, path, u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
            get << u"org.freedesktop.Secret.Collection"_s << u"Locked"_s;
            auto *lockedWatcher = new QDBusPendingCallWatcher(bus.asyncCall(get, kProbeTimeoutMs));
            QObject::connect(lockedWatcher, &QDBusPendingCallWatcher::finished, lockedWatcher,
                             [done](QDBusPendingCallWatcher *inner) {
                                 inner->deleteLater();
                                 const QDBusPendingReply<QDBusVariant> locked = *inner;
                                 if (locked.isError())
                                     return done(ServiceState::Unknown);
                                 done(locked.value().variant().toBool() ? ServiceState::Locked
                                                                        : ServiceState::Usable);
                             });
        });
}

// Turns a finished job into success or one of KeyCustody's details; may ask the
// Secret Service first when qtkeychain's answer is ambiguous.
void classify(const QKeychain::Job &job, Operation operation,
              std::function<void(Core::Result<void>)> done)
{
    const QKeychain::Error error = job.error();
    auto report = [operation, error, done](QStringView detail) {
        qCInfo(lcKeys, "keychain %s failed: qtkeychain error %d -> %s", operationName(operation),
               int(error), qUtf8Printable(detail.toString()));
        done(std::unexpected(storageError(detail)));
    };

    switch (error) {
    case QKeychain::NoError:
        return done({});
    case QKeychain::EntryNotFound:
        if (operation == Operation::Delete)
            return done({});
        return probeSecretService([report](ServiceState state) {
            switch (state) {
            case ServiceState::Unreachable:
                return report(KeyCustody::NoKeychain);
            case ServiceState::Locked:
                return report(KeyCustody::KeychainLocked);
            case ServiceState::Usable:
            case ServiceState::Unknown:
                break;
            }
            report(KeyCustody::NoKey);
        });
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return report(KeyCustody::NoKeychain);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        // A refused or impossible unlock prompt: the collection stays locked.
        return report(KeyCustody::KeychainLocked);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }

    if (const QStringView detail = detailFromText(job.errorString()); !detail.isEmpty())
        return report(detail);
    probeSecretService([report](ServiceState state) {
        switch (state) {
        case ServiceState::Unreachable:
            return report(KeyCustody::NoKeychain);
        case ServiceState::Locked:
            return report(KeyCustody::KeychainLocked);
        case ServiceState::Usable:
        case ServiceState::Unknown:
            break;
        }
        report(KeyCustody::KeychainFailed);
    });
}

template<typename JobType>
JobType *newJob(const QString &entryName)
{
    auto *job = new JobType(KeyCustody::ServiceName.toString());
    job->setAutoDelete(false); // we wipe its buffer before it goes
    job->setInsecureFallback(false);
    job->setKey(entryName);
    return job;
}

} // namespace

// ---------------------------------------------------------------------------
// Passphrase files, run on the thread pool.

namespace {

Core::Result<void> writeKeyFile(const QByteArray &blob, const QString &path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return std::unexpected(storageError(KeyCustody::KeyFileUnwritable));
    QSaveFile file(path);
    // Owner-only before the first byte is written; QSaveFile applies this to its
    // temporary file, which then replaces the target in one rename.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(blob) != blob.size() || !file.commit()) {
        file.cancelWriting();
        return std::unexpected(storageError(KeyCustody::KeyFileUnwritable));
    }
    return {};
}

Core::Result<QByteArray> readKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return std::unexpected(storageError(KeyCustody::NoKeyFile));
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(storageError(KeyCustody::KeyFileUnreadable));
    const QByteArray blob = file.read(kMaxKeyFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return std::unexpected(storageError(KeyCustody::KeyFileUnreadable));
    return blob;
}

} // namespace

KeyCustody::KeyCustody(const Core::Jid &account, QObject *parent)
    : QObject(parent)
    , m_account(account.bareString())
    , m_entryName(entryFor(DatabaseKeyEntry.toString()))
{
}

KeyCustody::~KeyCustody() = default;

QFuture<Core::Result<QByteArray>> KeyCustody::loadSecret(const QString &name)
{
    auto promise = startedPromise<QByteArray>();
    auto *job = newJob<QKeychain::ReadPasswordJob>(entryFor(name));
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, job] {
        const QByteArray stored =
            job->error() == QKeychain::NoError ? job->binaryData() : QByteArray();
        classify(*job, Operation::Read, [promise, stored](Core::Result<void> result) {
            if (!result) {
                wipeShared(stored);
                return settle<QByteArray>(promise, std::unexpected(result.error()));
            }
            settle(promise, Core::Result<QByteArray>(stored));
        });
        job->deleteLater();
    });
    qCDebug(lcKeys, "keychain read started");
    job->start();
    return promise->future();
}

QFuture<Core::Result<void>> KeyCustody::storeSecret(const QString &name, const QByteArray &bytes)
{
    auto promise = startedPromise<void>();
    auto *job = newJob<QKeychain::WritePasswordJob>(entryFor(name));
    job->setBinaryData(bytes);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, job, bytes] {
        wipeShared(bytes);
        classify(*job, Operation::Write,
                 [promise](Core::Result<void> result) { settle(promise, std::move(result)); });
        job->deleteLater();
    });
    qCDebug(lcKeys, "keychain write started");
    job->start();
    return promise->future();
}

QFuture<Core::Result<void>> KeyCustody::deleteSecret(const QString &name)
{
    auto promise = startedPromise<void>();
    auto *job = newJob<QKeychain::DeletePasswordJob>(entryFor(name));
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, job] {
        classify(*job, Operation::Delete,
                 [promise](Core::Result<void> result) { settle(promise, std::move(result)); });
        job->deleteLater();
    });
    qCDebug(lcKeys, "keychain delete started");
    job->start();
    return promise->future();
}

QFuture<Core::Result<Crypto::SecretKey>> KeyCustody::loadKey()
{
    return loadSecret(DatabaseKeyEntry.toString())
        .then([](Core::Result<QByteArray> stored) -> Core::Result<Crypto::SecretKey> {
            if (!stored)
                return std::unexpected(stored.error());
            auto key = Crypto::SecretKey::fromBytes(*stored);
            wipeShared(*stored);
            if (!key) {
                qCWarning(lcKeys, "keychain entry has the wrong size");
                return std::unexpected(storageError(KeyCustody::KeychainEntryCorrupt));
            }
            qCInfo(lcKeys, "key loaded from keychain");
            return key;
        });
}

QFuture<Core::Result<void>> KeyCustody::storeKey(const Crypto::SecretKey &key)
{
    return storeSecret(DatabaseKeyEntry.toString(), QByteArray(key.view().data(), key.size()))
        .then([](Core::Result<void> result) {
            if (result)
                qCInfo(lcKeys, "key stored in keychain");
            return result;
        });
}

QFuture<Core::Result<void>> KeyCustody::deleteKey()
{
    return deleteSecret(DatabaseKeyEntry.toString()).then([](Core::Result<void> result) {
        if (result)
            qCInfo(lcKeys, "key deleted from keychain");
        return result;
    });
}

QFuture<Core::Result<void>> KeyCustody::wrapToFile(const Crypto::SecretKey &key,
                                                   const QString &passphrase, const QString &path)
{
    auto promise = startedPromise<void>();
    const Crypto::KdfLimits limits = m_limits;
    QThreadPool::globalInstance()->start([promise, key, passphrase, path, limits] {
        const auto blob = Crypto::KeyWrap(limits).wrap(key, passphrase);
        if (!blob) {
            qCInfo(lcKeys, "key wrap failed: %s", qUtf8Printable(blob.error().detail));
            return settle<void>(promise, std::unexpected(blob.error()));
        }
        auto written = writeKeyFile(*blob, path);
        if (written)
            qCInfo(lcKeys, "key file written");
        else
            qCWarning(lcKeys, "key file not written");
        settle(promise, std::move(written));
    });
    return promise->future();
}

QFuture<Core::Result<Crypto::SecretKey>> KeyCustody::unwrapFromFile(const QString &path,
                                                                    const QString &passphrase)
{
    auto promise = startedPromise<Crypto::SecretKey>();
    QThreadPool::globalInstance()->start([promise, passphrase, path] {
        const auto blob = readKeyFile(path);
        if (!blob) {
            qCInfo(lcKeys, "key file not read: %s", qUtf8Printable(blob.error().detail));
            return settle<Crypto::SecretKey>(promise, std::unexpected(blob.error()));
        }
        // unwrap() uses the limits stored in the blob; the default here is unused.
        auto key = Crypto::KeyWrap().unwrap(*blob, passphrase);
        if (key)
            qCInfo(lcKeys, "key file opened");
        else
            qCInfo(lcKeys, "key file not opened: %s", qUtf8Printable(key.error().detail));
        settle(promise, std::move(key));
    });
    return promise->future();
}

QString KeyCustody::describeKeyError(const Core::Error &error)
{
    const QString &detail = error.detail;
    if (error.code == Code::Auth && detail == Crypto::KeyWrap::WrongPassphrase) {
        return tr("The passphrase is wrong. Check it (and Caps Lock and the keyboard layout), "
                  "then try again.");
    }
    if (error.code == Code::Policy && detail == u"empty passphrase") {
        return tr("Choose a passphrase to protect the local message store; it cannot be "
                  "empty.");
    }
    if (error.code != Code::Storage)
        return Core::describeError(error);

    if (detail == NoKeychain) {
        return tr("No keychain is available on this computer. Choose a passphrase to protect "
                  "the local message store.");
    }
    if (detail == KeychainLocked) {
        return tr("The keychain is locked. Unlock it (sign in to the desktop session) and try "
                  "again, or use a passphrase.");
    }
    if (detail == NoKey) {
        return tr("The keychain holds no key for this account's local message store. Sign in "
                  "again to set up a new local message store.");
    }
    if (detail == KeychainEntryCorrupt) {
        return tr("The key for the local message store in the keychain is damaged. Sign in "
                  "again to set up a new local message store.");
    }
    if (detail == KeychainFailed) {
        return tr("The keychain could not be used. Try again, or use a passphrase to protect "
                  "the local message store.");
    }
    if (detail == Crypto::KeyWrap::CorruptBlob) {
        return tr("The key file is damaged, so the local message store cannot be opened. Sign "
                  "in again to set up a new local message store.");
    }
    if (detail == NoKeyFile) {
        return tr("The key file for the local message store is missing. Sign in again to set "
                  "up a new local message store.");
    }
    if (detail == KeyFileUnreadable) {
        return tr("The key file could not be read. Check that your user account may read it, "
                  "then try again.");
    }
    if (detail == KeyFileUnwritable) {
        return tr("The key file could not be saved. Check that the disk is not full and that "
                  "your user account may write to its folder, then try again.");
    }
    return Core::describeError(error);
}

} // namespace Account
