// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/Account.h"

#include "account/KeyCustody.h"
#include "crypto/KeyWrap.h"
#include "crypto/SecretBytes.h"
#include "store/AttachmentStore.h"
#include "store/AuditStore.h"
#include "store/MessageStore.h"
#include "store/RoomStore.h"
#include "store/SettingsStore.h"
#include "store/StoreWorker.h"
#include "sync/AttachmentService.h"
#include "sync/MamCatchUp.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/Namespaces.h"
#include "xmpp/extensions/CarbonsExtension.h"
#include "xmpp/extensions/ChatMarkersExtension.h"
#include "xmpp/extensions/DiscoExtension.h"
#include "xmpp/extensions/HttpUploadExtension.h"
#include "xmpp/extensions/MamExtension.h"
#include "xmpp/extensions/MessagingExtension.h"
#include "xmpp/extensions/MucExtension.h"
#include "xmpp/extensions/PresenceExtension.h"
#include "xmpp/extensions/PubSubExtension.h"
#include "xmpp/extensions/ReceiptsExtension.h"
#include "xmpp/extensions/RosterExtension.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPromise>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcAccount, "rounds.account", QtInfoMsg)

namespace Account {

using Core::Error;
using namespace Qt::StringLiterals;

namespace {
const QString DatabaseFile = QStringLiteral("messages.db");
const QString WrappedKeyFile = QStringLiteral("database-key.wrapped");
} // namespace

Account::Account(AccountSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_transport(std::make_unique<Xmpp::WebSocketTransport>())
    , m_client(std::make_unique<Xmpp::Client>(*m_transport))
    , m_e2ePolicy(std::make_unique<Sync::E2ePolicy>())
    , m_attachmentPolicy(std::make_unique<Sync::AttachmentPolicy>())
{
    // Order matters: wrappers (carbons, archive results) are unwrapped before
    // plain message handling sees them; receipts and markers answer last.
    m_disco = &m_client->addExtension<Xmpp::DiscoExtension>();
    m_roster = &m_client->addExtension<Xmpp::RosterExtension>();
    // Room presence and groupchat are the room's, not a contact's: before presence.
    m_muc = &m_client->addExtension<Xmpp::MucExtension>();
    m_presence = &m_client->addExtension<Xmpp::PresenceExtension>();
    m_carbons = &m_client->addExtension<Xmpp::CarbonsExtension>();
    m_mam = &m_client->addExtension<Xmpp::MamExtension>();
    m_pubsub = &m_client->addExtension<Xmpp::PubSubExtension>();
    m_markers = &m_client->addExtension<Xmpp::ChatMarkersExtension>();
    m_receipts = &m_client->addExtension<Xmpp::ReceiptsExtension>();
    m_messaging = &m_client->addExtension<Xmpp::MessagingExtension>();
    m_httpUpload = &m_client->addExtension<Xmpp::HttpUploadExtension>();
    connect(m_client.get(), &Xmpp::Client::secondFactorRequired, this,
            &Account::secondFactorRequired);
    connect(m_client.get(), &Xmpp::Client::fastTokenChanged, this, &Account::storeFastToken);

    m_idleLock = std::make_unique<IdleLock>();
    connect(m_idleLock.get(), &IdleLock::audit, this, &Account::audit);
    m_idleLock->setReauthenticate([this](const QString &password, const QString &code) {
        return checkWithServer(password, code);
    });
    connectAdministration();
}

QFuture<Core::Result<void>> Account::checkWithServer(const QString &password, const QString &code)
{
    // A short second connection proves password and a fresh code to the server
    // (the idle lock's "code" policy); the session itself is not touched.
    struct Probe
    {
        Xmpp::WebSocketTransport transport;
        Xmpp::Client client{transport};
    };
    auto probe = std::make_shared<Probe>();
    Xmpp::ClientConfig config = m_client->config();
    config.password = password;
    config.fastToken.reset();
    config.requestFastToken = false;
    config.requireSecondFactor = true;
    config.autoReconnect = false;
    config.resource.clear();
    probe->client.setConfig(std::move(config));
    auto refused = std::make_shared<std::optional<Core::Error>>();
    connect(&probe->client, &Xmpp::Client::secondFactorRequired, this,
            [client = &probe->client, code, refused](Xmpp::SecondFactorTask task, const QString &) {
                if (task != Xmpp::SecondFactorTask::Code) {
                    *refused = Error{Error::Code::Mfa, u"code-check-unavailable"_s};
                } else if (auto sent = client->provideSecondFactor(code); !sent) {
                    *refused = sent.error();
                } else {
                    return;
                }
                client->disconnectFromServer();
            });
    auto promise = std::make_shared<QPromise<Core::Result<void>>>();
    promise->start();
    auto future = promise->future();
    probe->client.connectToServer().then(
        this, [this, probe, promise, refused](Core::Result<void> result) {
            if (!result && *refused)
                result = std::unexpected(**refused);
            probe->client.disconnectFromServer();
            promise->addResult(result);
            promise->finish();
            // Let the close go out before the connection object goes.
            QTimer::singleShot(3000, this, [probe] {});
        });
    return future;
}

Account::~Account()
{
    // Every future must finish while the object waiting for it is alive (a
    // continuation must never find its context gone). Work still queued in the
    // store finishes first; then producers go before their consumers, so the
    // cancellations they leave behind reach objects that still exist:
    // connection -> pipeline -> catch-up, store -> outbox.
    if (m_omemo)
        m_omemo->shutdown();
    if (m_worker)
        m_worker->close();
    m_attachments.reset(); // aborts transfers before the connection goes
    m_client.reset();
    m_pipeline.reset();
    m_messageStore.reset();
    m_audit.reset();
    m_outbox.reset();
    m_catchUp.reset();
    m_roomStore.reset();
    m_omemo.reset();
    m_attachmentStore.reset();
    m_worker.reset();
}

void Account::setLockPolicy(const LockPolicy &policy)
{
    m_idleLock->setPolicy(policy);
}

void Account::setE2ePolicy(const Sync::E2ePolicy &policy)
{
    *m_e2ePolicy = policy;
    if (m_omemo)
        m_omemo->setPolicy(policy);
}

void Account::setAttachmentPolicy(const Sync::AttachmentPolicy &policy)
{
    *m_attachmentPolicy = policy;
    if (m_attachments)
        m_attachments->setPolicy(policy);
}

QString Account::defaultDataDir(const Core::Jid &jid)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/rounds/accounts/") + jid.bareString();
}

namespace {

constexpr QStringView FastTokenEntry = u"fast-token";
constexpr QStringView ClientIdKey = u"client-id";
constexpr QStringView PasswordVerifierKey =
    u"password-verifier"; ///< Argon2id string of the last full sign-in

QByteArray tokenToBytes(const Xmpp::FastToken &token)
{
    return QJsonDocument(QJsonObject{{u"token"_s, token.token},
                                     {u"mechanism"_s, token.mechanism},
                                     {u"expiry"_s, token.expiry.toString(Qt::ISODate)},
                                     {u"second_factor"_s, token.afterSecondFactor}})
        .toJson(QJsonDocument::Compact);
}

std::optional<Xmpp::FastToken> tokenFromBytes(QByteArray bytes)
{
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    sodium_memzero(bytes.data(), size_t(bytes.size()));
    Xmpp::FastToken token;
    token.token = o.value(u"token").toString();
    token.mechanism = o.value(u"mechanism").toString();
    token.expiry = QDateTime::fromString(o.value(u"expiry").toString(), Qt::ISODate);
    token.afterSecondFactor = o.value(u"second_factor").toBool();
    if (!token.isUsable(QDateTime::currentDateTimeUtc()))
        return std::nullopt;
    return token;
}

} // namespace

QFuture<std::optional<Xmpp::FastToken>> Account::prepareSignIn()
{
    auto promise = std::make_shared<QPromise<std::optional<Xmpp::FastToken>>>();
    promise->start();
    auto future = promise->future();
    const auto finish = [promise](std::optional<Xmpp::FastToken> token) {
        promise->addResult(std::move(token));
        promise->finish();
    };
    if (!m_settingsStore) { // no local data: nothing kept between runs
        if (m_clientId.isEmpty())
            m_clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        finish(std::nullopt);
        return future;
    }
    m_settingsStore->value(ClientIdKey.toString())
        .then(this, [this, finish](Core::Result<std::optional<QString>> id) {
            if (id && *id && !(**id).isEmpty()) {
                m_clientId = **id;
            } else {
                m_clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
                (void)m_settingsStore->setValue(ClientIdKey.toString(), m_clientId);
            }
            if (m_keychainCustody) {
                m_keys->loadSecret(FastTokenEntry.toString())
                    .then(this, [finish](Core::Result<QByteArray> stored) {
                        if (!stored) {
                            if (stored.error().detail != KeyCustody::NoKey)
                                qCWarning(lcAccount)
                                    << "sign-in token not readable:" << stored.error().detail;
                            return finish(std::nullopt);
                        }
                        finish(tokenFromBytes(*stored));
                    });
                return;
            }
            m_settingsStore->value(FastTokenEntry.toString())
                .then(this, [finish](Core::Result<std::optional<QString>> stored) {
                    if (!stored || !*stored)
                        return finish(std::nullopt);
                    finish(tokenFromBytes((**stored).toUtf8()));
                });
        });
    return future;
}

void Account::storeFastToken(const std::optional<Xmpp::FastToken> &token)
{
    if (!m_settingsStore)
        return;
    const auto report = [](const char *what) {
        return [what](Core::Result<void> done) {
            if (!done)
                qCWarning(lcAccount) << what << done.error().detail;
        };
    };
    if (m_keychainCustody) {
        if (token)
            m_keys->storeSecret(FastTokenEntry.toString(), tokenToBytes(*token))
                .then(this, report("sign-in token not stored:"));
        else
            m_keys->deleteSecret(FastTokenEntry.toString())
                .then(this, report("sign-in token not deleted:"));
        return;
    }
    if (token)
        m_settingsStore
            ->setValue(FastTokenEntry.toString(), QString::fromUtf8(tokenToBytes(*token)))
            .then(this, report("sign-in token not stored:"));
    else
        m_settingsStore->remove(FastTokenEntry.toString())
            .then(this, report("sign-in token not deleted:"));
}

QFuture<Core::Result<void>> Account::signIn(const QString &password)
{
    if (!password.isEmpty())
        m_idleLock->rememberPassword(password); // only its Argon2id hash, for unlocking
    m_verifierSaved = false;
    auto promise = std::make_shared<QPromise<Core::Result<void>>>();
    promise->start();
    auto future = promise->future();
    auto secret = std::make_shared<QString>(password);
    const auto connectWith = [this, promise, secret](std::optional<Xmpp::FastToken> token) {
        Xmpp::ClientConfig config;
        config.jid = m_settings.jid.bare();
        config.password = *secret;
        sodium_memzero(secret->data(), size_t(secret->size()) * sizeof(QChar));
        secret->clear();
        config.resource = m_settings.resource;
        config.transport.url = m_settings.serverUrl;
        config.transport.domain = m_settings.jid.domain();
        config.transport.caFile = m_settings.caFile;
        config.transport.pinnedSha256 = m_settings.pinnedSha256;
        config.transport.allowInsecureLoopback = m_settings.allowInsecureLoopback;
        config.userAgent = {m_clientId, u"Rounds"_s, QSysInfo::machineHostName()};
        config.fastToken = std::move(token);
        config.requireSecondFactor = m_requireMfa;
        if (config.password.isEmpty() && !config.fastToken) {
            promise->addResult(Core::fail(Error::Code::Auth, u"password-required"_s));
            promise->finish();
            return;
        }
        m_client->setConfig(std::move(config));
        m_client->connectToServer().then(this, [promise](Core::Result<void> connected) {
            promise->addResult(connected);
            promise->finish();
        });
    };
    prepareSignIn().then(this, [this, secret, connectWith](std::optional<Xmpp::FastToken> token) {
        // The stored token alone would let anyone at this computer in whatever
        // password they type. A typed password must match the one of the last
        // full sign-in here (its Argon2id verifier, in the encrypted store);
        // otherwise, or without a verifier, the server checks it: a full
        // sign-in with password and code, and the token is not used.
        if (!token || secret->isEmpty() || !m_settingsStore)
            return connectWith(std::move(token));
        m_settingsStore->value(PasswordVerifierKey.toString())
            .then(this, [this, secret, connectWith,
                         token](Core::Result<std::optional<QString>> stored) mutable {
                if (!stored || !*stored || (**stored).isEmpty()) {
                    qCInfo(lcAccount) << "no password verifier yet: full sign-in";
                    return connectWith(std::nullopt);
                }
                IdleLock::matches((**stored).toLatin1(), *secret)
                    .then(this, [connectWith, token](bool same) mutable {
                        if (!same)
                            qCInfo(lcAccount) << "typed password differs from the last full "
                                                 "sign-in here: full sign-in";
                        connectWith(same ? std::move(token) : std::nullopt);
                    });
            });
    });
    return future;
}

Core::Result<void> Account::provideSecondFactor(const QString &code)
{
    return m_client->provideSecondFactor(code);
}

void Account::signOut()
{
    if (m_client->isConnected())
        audit(Core::AuditEntry::Action::Logout, {m_client->boundJid().resource()});
    m_client->disconnectFromServer();
}

QString Account::describeLocalDataError(const Core::Error &error)
{
    if (error.code == Error::Code::Storage) {
        if (error.detail == u"wrong-key")
            return tr("The key does not open this computer's message store. Nothing was changed. "
                      "Ask IT for help; do not delete the store.");
        if (error.detail == u"corrupt")
            return tr("The message store on this computer is damaged and cannot be opened. "
                      "Nothing was changed. Ask IT for help.");
        if (error.detail == u"not-sqlcipher")
            return tr("Rounds was started with an unencrypted database library and refused to "
                      "run. Reinstall Rounds or ask IT.");
        if (error.detail == u"too-new")
            return tr("The message store was written by a newer version of Rounds. Update "
                      "Rounds on this computer.");
        if (error.detail == u"disk-full")
            return tr("The disk is full. Free some space, then try again.");
    }
    return KeyCustody::describeKeyError(error);
}

void Account::audit(Core::AuditEntry::Action action, const QStringList &objectIds)
{
    if (!m_audit)
        return;
    m_audit->append(action, objectIds).then(this, [action](Core::Result<Core::AuditEntry> entry) {
        if (!entry)
            qCWarning(lcAccount) << "audit append failed:" << Core::AuditEntry::actionName(action)
                                 << entry.error().detail;
    });
}

QFuture<Core::Result<void>> Account::openLocalData(const LocalDataOptions &options)
{
    auto promise = std::make_shared<QPromise<Core::Result<void>>>();
    promise->start();
    auto future = promise->future();
    const auto fail = [promise](const Error &error) {
        promise->addResult(Core::Result<void>(std::unexpected(error)));
        promise->finish();
    };
    if (m_messageStore) {
        fail(Error{Error::Code::Storage, QStringLiteral("local data already open")});
        return future;
    }
    if (!QDir().mkpath(options.dataDir) ||
        !QFile::setPermissions(options.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ExeOwner)) {
        fail(Error{Error::Code::Storage, QStringLiteral("io: cannot create the data folder")});
        return future;
    }
    m_dataDir = options.dataDir;
    const QString dbPath = options.dataDir + u'/' + DatabaseFile;
    const QString keyPath = options.dataDir + u'/' + WrappedKeyFile;
    const bool dbExists = QFile::exists(dbPath);
    const auto mode =
        dbExists ? Store::Database::Mode::OpenExisting : Store::Database::Mode::CreateNew;

    m_keys = std::make_unique<KeyCustody>(m_settings.jid.bare());
    m_keychainCustody = !options.passphrase.has_value();
    if (options.fastKdfForTests)
        m_keys->setKdfLimits(Crypto::KdfLimits::interactive());

    const auto openWith = [this, promise, fail, dbPath, mode](const Crypto::SecretKey &key) {
        QByteArray raw(reinterpret_cast<const char *>(key.data()), key.size());
        auto opening = Store::StoreWorker::open(dbPath, raw, mode);
        std::fill(raw.begin(), raw.end(), '\0');
        opening.then(
            this, [this, promise, fail](Core::Result<std::shared_ptr<Store::StoreWorker>> worker) {
                if (!worker) {
                    qCWarning(lcAccount) << "opening the store failed:" << worker.error().detail;
                    fail(worker.error());
                    return;
                }
                // Open once this device's OMEMO identity is loaded (or made).
                startServices(*worker).then(this, [this, promise](Core::Result<void> ready) {
                    if (!ready)
                        qCWarning(lcAccount) << "OMEMO identity failed:" << ready.error().detail;
                    else
                        sendDeviceReport(); // when the session came first
                    promise->addResult(ready);
                    promise->finish();
                });
            });
    };
    const auto createKey = [fail]() -> std::optional<Crypto::SecretKey> {
        auto key = Crypto::randomKey();
        if (!key) {
            fail(key.error());
            return std::nullopt;
        }
        return std::move(*key);
    };

    if (options.passphrase) {
        const QString passphrase = *options.passphrase;
        if (QFile::exists(keyPath)) {
            m_keys->unwrapFromFile(keyPath, passphrase)
                .then(this, [fail, openWith](Core::Result<Crypto::SecretKey> key) {
                    if (!key)
                        fail(key.error());
                    else
                        openWith(*key);
                });
        } else if (dbExists) {
            fail(Error{Error::Code::Storage, KeyCustody::NoKeyFile.toString()});
        } else if (auto key = createKey()) {
            auto shared = std::make_shared<Crypto::SecretKey>(std::move(*key));
            m_keys->wrapToFile(*shared, passphrase, keyPath)
                .then(this, [fail, openWith, shared](Core::Result<void> written) {
                    if (!written)
                        fail(written.error());
                    else
                        openWith(*shared);
                });
        }
        return future;
    }

    m_keys->loadKey().then(this, [this, fail, openWith, createKey,
                                  dbExists](Core::Result<Crypto::SecretKey> key) {
        if (key) {
            openWith(*key);
            return;
        }
        // A new device: make the key. An existing store without its key stays
        // untouched and the user is told.
        if (key.error().detail != KeyCustody::NoKey || dbExists) {
            fail(key.error());
            return;
        }
        auto fresh = createKey();
        if (!fresh)
            return;
        auto shared = std::make_shared<Crypto::SecretKey>(std::move(*fresh));
        m_keys->storeKey(*shared).then(this, [fail, openWith, shared](Core::Result<void> stored) {
            if (!stored)
                fail(stored.error());
            else
                openWith(*shared);
        });
    });
    return future;
}

QFuture<Core::Result<void>> Account::startServices(std::shared_ptr<Store::StoreWorker> worker)
{
    m_worker = std::move(worker);
    m_settingsStore = std::make_unique<Store::SettingsStore>(m_worker);
    m_messageStore = std::make_unique<Store::MessageStore>(m_worker);
    m_audit = std::make_unique<Store::AuditStore>(m_worker, m_settings.jid.bareString());
    m_pipeline = std::make_unique<Sync::MessagePipeline>(m_settings.jid, *m_messageStore);
    m_outbox = std::make_unique<Sync::Outbox>(*m_client, *m_messaging, *m_messageStore);
    m_catchUp = std::make_unique<Sync::MamCatchUp>(*m_client, *m_mam, *m_pipeline, *m_messageStore);
    // First on the store thread: which conversations are rooms must be known
    // before the outbox sends anything.
    auto roomsReady = startRooms();
    m_omemo = std::make_unique<Sync::OmemoService>(*m_client, *m_pubsub, m_worker, *m_messageStore,
                                                   m_settings.jid);
    m_omemo->setPolicy(*m_e2ePolicy);
    // Queued on the store thread before anything that stores messages.
    auto omemoReady = m_omemo->start();
    const Sync::Outbox::Encryptor omemoEncryptor = [this](const Store::StoredMessage &message,
                                                          Xmpp::Element stanza) {
        if (isRoom(message.conversation))
            return encryptForRoom(message, std::move(stanza));
        return m_omemo->encryptMessage(Core::Jid(message.conversation), message.body,
                                       std::move(stanza), message.timestamp);
    };
    // Attachments: the outbox uploads a message's file before OMEMO encrypts its link.
    m_attachmentStore = std::make_unique<Store::AttachmentStore>(m_worker);
    m_attachments = std::make_unique<Sync::AttachmentService>(
        *m_client, *m_httpUpload, *m_messageStore, *m_attachmentStore, *m_outbox, m_dataDir);
    m_attachments->setPolicy(*m_attachmentPolicy);
    m_attachments->setHttpsRules(
        {m_settings.caFile, m_settings.pinnedSha256, m_settings.serverUrl.host()});
    m_attachments->start();
    m_outbox->setEncryptor(m_attachments->wrapEncryptor(omemoEncryptor));
    m_outbox->setWarmer([this](const Core::Jid &to) {
        if (!isRoom(to.bareString())) // a room's members are looked up at encryption
            m_omemo->prefetchDeviceLists(to);
    });
    connect(m_pipeline.get(), &Sync::MessagePipeline::messagesStored, m_attachments.get(),
            &Sync::AttachmentService::onMessagesStored);
    connect(m_attachments.get(), &Sync::AttachmentService::committed, this,
            [this](const Store::StoredMessage &m) {
                audit(Core::AuditEntry::Action::Send, {m.messageId, m.conversation});
            });
    connect(m_pipeline.get(), &Sync::MessagePipeline::batchProcessed, m_omemo.get(),
            &Sync::OmemoService::afterIncoming);
    connect(m_omemo.get(), &Sync::OmemoService::trustChanged, this,
            [this](const QString &jid, quint32 deviceId, Crypto::Trust trust) {
                audit(Core::AuditEntry::Action::TrustChange,
                      {jid, QString::number(deviceId), Crypto::trustName(trust)});
            });
    connect(m_omemo.get(), &Sync::OmemoService::publishFailed, this, [](const Core::Error &error) {
        qCWarning(lcAccount) << "OMEMO keys not published:" << error.detail;
    });

    connect(m_messaging, &Xmpp::MessagingExtension::messageReceived, m_pipeline.get(),
            &Sync::MessagePipeline::ingestLive);
    connect(m_carbons, &Xmpp::CarbonsExtension::carbonReceived, m_pipeline.get(),
            [this](const Xmpp::Message &message, Xmpp::CarbonsExtension::Direction direction) {
                m_pipeline->ingestCarbon(message,
                                         direction == Xmpp::CarbonsExtension::Direction::Sent);
            });
    connect(m_receipts, &Xmpp::ReceiptsExtension::deliveryReceived, this,
            [this](const Core::Jid &from, const QString &id) {
                applyPeerState(from, id, Store::MessageState::Delivered);
            });
    connect(m_markers, &Xmpp::ChatMarkersExtension::markerReceived, this,
            [this](const Core::Jid &from, const QString &id,
                   Xmpp::ChatMarkersExtension::Marker marker) {
                applyPeerState(from, id,
                               marker == Xmpp::ChatMarkersExtension::Marker::Received
                                   ? Store::MessageState::Delivered
                                   : Store::MessageState::Read);
            });
    connect(m_client.get(), &Xmpp::Client::sessionStarted, this, [this](bool resumed) {
        if (resumed)
            return;
        const Xmpp::AuthSummary &auth = m_client->authSummary();
        const QString method = auth.fastToken      ? u"token"_s
                               : auth.secondFactor ? u"password+totp"_s
                                                   : u"password"_s;
        audit(Core::AuditEntry::Action::Login, {m_client->boundJid().resource(), method});
        // The server accepted the typed password: keep its verifier, which later
        // token sign-ins on this computer check typed passwords against.
        if (!auth.fastToken && m_settingsStore && !m_verifierSaved) {
            m_verifierSaved = true; // once per sign-in, not on every reconnect
            const QByteArray verifier = m_idleLock->passwordHash();
            if (!verifier.isEmpty())
                m_settingsStore
                    ->setValue(PasswordVerifierKey.toString(), QString::fromLatin1(verifier))
                    .then(this, [](Core::Result<void> stored) {
                        if (!stored)
                            qCWarning(lcAccount)
                                << "password verifier not stored:" << stored.error().detail;
                    });
        }
    });
    // Archive first, then presence: the server then hands nothing over twice
    // (offline delivery and archive). A second pass picks up what was archived
    // while the first ran; from presence on, messages arrive live.
    m_presence->setDeferInitialPresence(true);
    connect(m_catchUp.get(), &Sync::MamCatchUp::finished, this, [this] {
        if (!m_client || !m_client->isConnected() || m_presence->initialPresenceSent())
            return;
        m_presence->sendInitialPresence();
        (void)m_catchUp->run();
    });
    // Receipts and markers that arrived while this device was away are in the
    // archive only.
    connect(m_catchUp.get(), &Sync::MamCatchUp::archivedSignal, this,
            [this](const Xmpp::Message &message) {
                const Core::Jid peer = message.from.bare();
                if (peer == m_settings.jid.bare())
                    return; // our own markers, sent from another device
                const Xmpp::Element &stanza = message.element;
                const Xmpp::Element received = stanza.firstChild(u"received", Xmpp::Ns::Receipts);
                if (!received.isNull())
                    applyPeerState(peer, received.attribute(u"id"), Store::MessageState::Delivered);
                for (const auto *name : {u"displayed", u"acknowledged"}) {
                    const Xmpp::Element marker = stanza.firstChild(name, Xmpp::Ns::ChatMarkers);
                    if (!marker.isNull())
                        applyPeerState(peer, marker.attribute(u"id"), Store::MessageState::Read);
                }
            });
    connect(m_outbox.get(), &Sync::Outbox::committed, this, [this](const Store::StoredMessage &m) {
        audit(Core::AuditEntry::Action::Send, {m.messageId, m.conversation});
    });
    // Opened while already online: catch up and send what waits now.
    if (m_client->isConnected()) {
        m_presence->sendInitialPresence();
        (void)m_catchUp->run();
        m_outbox->flush();
    }
    // The rooms were queued first, so they are known by the time OMEMO is.
    return omemoReady.then(this, [roomsReady](Core::Result<void> ready) {
        if (ready && roomsReady.isFinished() && !roomsReady.result())
            return roomsReady.result();
        return ready;
    });
}

void Account::applyPeerState(const Core::Jid &from, const QString &messageId,
                             Store::MessageState state)
{
    // Only the conversation partner may say our message arrived or was read.
    m_messageStore->messageById(messageId).then(
        this, [this, from, messageId, state](Core::Result<std::optional<Store::StoredMessage>> m) {
            if (!m || !*m || (*m)->direction != Store::Direction::Outgoing ||
                (*m)->conversation != from.bareString())
                return;
            m_messageStore->updateState(messageId, state)
                .then(this, [this, messageId, state](Core::Result<void> done) {
                    if (done)
                        Q_EMIT messageStateChanged(messageId, state);
                });
        });
}

} // namespace Account
