// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/OmemoService.h"

#include "crypto/OmemoEngine.h"
#include "store/MessageStore.h"
#include "store/OmemoStateStore.h"
#include "store/StoreWorker.h"
#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"

#include <QLoggingCategory>
#include <QPromise>

#include <algorithm>

Q_LOGGING_CATEGORY(lcOmemoService, "rounds.sync.omemo", QtInfoMsg)

namespace Sync {

using Core::Error;
using Crypto::Trust;
using Xmpp::Omemo::Version;

namespace {

constexpr Version AllVersions[] = {Version::V2, Version::Legacy};

template<typename T>
QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

/// Settles when every future has; the first error wins.
QFuture<Core::Result<void>> whenAll(QObject *context,
                                    const QList<QFuture<Core::Result<void>>> &futures)
{
    if (futures.isEmpty())
        return ready(Core::Result<void>{});
    struct Join
    {
        QPromise<Core::Result<void>> promise;
        qsizetype left = 0;
        std::optional<Error> error;
    };
    auto join = std::make_shared<Join>();
    join->left = futures.size();
    join->promise.start();
    auto out = join->promise.future();
    for (auto future : futures) {
        future.then(context, [join](Core::Result<void> done) {
            if (!done && !join->error)
                join->error = done.error();
            if (--join->left == 0) {
                join->promise.addResult(join->error
                                            ? Core::Result<void>(std::unexpected(*join->error))
                                            : Core::Result<void>{});
                join->promise.finish();
            }
        });
    }
    return out;
}

QString listKey(Version version, const QString &jid)
{
    return QString::number(int(version)) + u'|' + jid;
}

Store::Protection protectionFor(Trust trust)
{
    switch (trust) {
    case Trust::Verified:
        return Store::Protection::Verified;
    case Trust::BlindTrusted:
        return Store::Protection::Encrypted;
    case Trust::Undecided:
    case Trust::Distrusted:
        break;
    }
    return Store::Protection::UntrustedDevice;
}

/// The device ids in the items of a device-list node (the last valid list wins).
QList<quint32> deviceIdsOf(const QList<Xmpp::PubSubExtension::Item> &items, Version version)
{
    QList<quint32> ids;
    for (const auto &item : items)
        if (auto list = Xmpp::Omemo::deviceListFromElement(item.payload, version))
            ids = *list;
    return ids;
}

QList<Xmpp::PubSubExtension::Option> openAccess()
{
    return {{QStringLiteral("access_model"), QStringLiteral("open")}};
}

} // namespace

/// The engine and what the decryptor leaves for afterIncoming(). Touched only
/// on the store thread (jobs and the decryptor run there, one at a time).
struct OmemoService::State
{
    std::unique_ptr<Store::OmemoStateStore> storage;
    std::unique_ptr<Crypto::OmemoEngine> engine;
    QList<Target> heartbeats;
    bool bundleStale = false;
    ContentReader contentReader;
};

OmemoService::OmemoService(Xmpp::Client &client, Xmpp::PubSubExtension &pubsub,
                           std::shared_ptr<Store::StoreWorker> worker, Store::MessageStore &store,
                           Core::Jid self, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pubsub(pubsub)
    , m_worker(std::move(worker))
    , m_store(store)
    , m_self(self.bare())
    , m_state(std::make_shared<State>())
{
    for (Version version : AllVersions)
        m_pubsub.addNotify(Xmpp::Omemo::deviceListNode(version));
    connect(&m_pubsub, &Xmpp::PubSubExtension::itemsPublished, this,
            &OmemoService::onItemsPublished);
    // Installed now so that nothing is stored before it; it waits for the
    // engine start() opens (queued first on the same thread).
    const QString ownJid = m_self.bareString();
    m_store.setDecryptor([state = m_state, self = ownJid](
                             Store::Database &, Store::StoredMessage &m) -> Core::Result<bool> {
        if (!state->engine) {
            m.protection = Store::Protection::Undecryptable;
            m.e2eError = QStringLiteral("omemo-unavailable");
            m.body.clear();
            return true;
        }
        const bool outgoing = m.direction == Store::Direction::Outgoing;
        const QString sender = outgoing ? self : Core::Jid(m.sender).bareString();
        const Version version = m.encrypted->version;
        m.body.clear();
        auto decrypted = state->engine->decrypt(*m.encrypted, sender);
        if (!decrypted) {
            if (decrypted.error().code == Error::Code::Storage)
                return std::unexpected(decrypted.error());
            if (!m.encrypted->payload)
                return false; // a key transport we cannot use: nothing to show
            qCInfo(lcOmemoService) << "undecryptable message" << m.messageId << "from device"
                                   << m.encrypted->senderDeviceId << decrypted.error().detail;
            m.protection = Store::Protection::Undecryptable;
            m.e2eError = decrypted.error().detail;
            return true;
        }
        if (decrypted->needsHeartbeat)
            state->heartbeats.append({version, sender, decrypted->sender.deviceId});
        if (decrypted->preKeyConsumed)
            state->bundleStale = true;
        if (!decrypted->plaintext)
            return false;
        m.senderDevice = decrypted->sender.deviceId;
        m.e2eVersion = int(version);
        if (version == Version::Legacy) {
            m.body = QString::fromUtf8(*decrypted->plaintext);
        } else {
            // XEP-0420: the envelope must name the real sender and recipient.
            const auto envelope = Xmpp::Omemo::sceFromBytes(*decrypted->plaintext);
            // In a room (conversation is not the sender) the envelope is addressed
            // to the room, as are our own messages.
            const QString expectedTo = outgoing || m.conversation != sender ? m.conversation : self;
            if (!envelope || envelope->from.bareString() != sender ||
                envelope->to.bareString() != expectedTo) {
                m.protection = Store::Protection::Undecryptable;
                m.e2eError = QStringLiteral("omemo-bad-envelope");
                return true;
            }
            m.body = envelope->body;
            if (state->contentReader && !envelope->extra.isEmpty())
                state->contentReader(envelope->extra, m);
        }
        m.protection = protectionFor(decrypted->trust);
        return true;
    });
    connect(&m_client, &Xmpp::Client::sessionStarted, this, &OmemoService::onSessionStarted);
    connect(&m_client, &Xmpp::Client::stateChanged, this, [this](Xmpp::Client::State state) {
        if (state != Xmpp::Client::State::Connected) {
            m_published = false;
            forgetDeviceListAges();
        }
    });
}

OmemoService::~OmemoService()
{
    shutdown();
}

void OmemoService::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_store.setDecryptor({});
    // The engine's statements belong to the store thread's connection: that
    // thread drops them, after the work queued before this.
    m_worker->run([state = m_state](Store::Database &) -> Core::Result<void> {
        state->engine.reset();
        state->storage.reset();
        return {};
    });
}

QFuture<Core::Result<void>> OmemoService::start()
{
    const QString self = m_self.bareString();
    return m_worker
        ->run([state = m_state, self](Store::Database &db) -> Core::Result<quint32> {
            if (!state->engine) {
                state->storage = std::make_unique<Store::OmemoStateStore>(db);
                auto engine = Crypto::OmemoEngine::open(*state->storage, self);
                if (!engine) {
                    state->storage.reset();
                    return std::unexpected(engine.error());
                }
                state->engine = std::move(*engine);
            }
            return state->engine->deviceId();
        })
        .then(this, [this](Core::Result<quint32> device) -> Core::Result<void> {
            if (!device) {
                qCWarning(lcOmemoService) << "OMEMO identity unavailable:" << device.error().detail;
                return std::unexpected(device.error());
            }
            m_deviceId = *device;
            qCInfo(lcOmemoService) << "OMEMO device" << m_deviceId << "ready";
            if (m_client.isConnected())
                publishOwn();
            return {};
        });
}

void OmemoService::onSessionStarted(bool resumed)
{
    if (resumed && m_published)
        return;
    forgetDeviceListAges();
    publishOwn();
}

void OmemoService::publishOwn()
{
    if (!isReady() || m_publishing || !m_client.isConnected())
        return;
    m_publishing = true;
    const Core::Jid self = m_self;
    QList<QFuture<Core::Result<void>>> steps;
    for (Version version : AllVersions) {
        auto promise = std::make_shared<QPromise<Core::Result<void>>>();
        promise->start();
        steps.append(promise->future());
        const auto settle = [promise](Core::Result<void> r) {
            promise->addResult(std::move(r));
            promise->finish();
        };
        m_pubsub.items(self, Xmpp::Omemo::deviceListNode(version), QStringLiteral("current"))
            .then(this, [this, version, self,
                         settle](Core::Result<QList<Xmpp::PubSubExtension::Item>> items) {
                if (!items) {
                    settle(std::unexpected(items.error()));
                    return;
                }
                QList<quint32> ids = deviceIdsOf(*items, version);
                const bool listed = ids.contains(m_deviceId);
                if (!listed)
                    ids.append(m_deviceId);
                keepDeviceList(version, self.bareString(), ids);
                m_worker
                    ->run([state = m_state,
                           version](Store::Database &) -> Core::Result<Xmpp::Omemo::Bundle> {
                        if (!state->engine)
                            return Core::fail(Error::Code::Crypto,
                                              QStringLiteral("omemo-not-ready"));
                        if (auto r = state->engine->maintain(); !r)
                            return std::unexpected(r.error());
                        state->bundleStale = false;
                        return state->engine->bundle(version);
                    })
                    .then(this, [this, version, ids, listed,
                                 settle](Core::Result<Xmpp::Omemo::Bundle> bundle) {
                        if (!bundle) {
                            settle(std::unexpected(bundle.error()));
                            return;
                        }
                        QList<QFuture<Core::Result<void>>> writes;
                        writes.append(m_pubsub.publish(
                            Xmpp::Omemo::bundleNode(version, m_deviceId),
                            Xmpp::Omemo::bundleItemId(version, m_deviceId),
                            Xmpp::Omemo::bundleToElement(*bundle, version),
                            version == Version::V2
                                ? openAccess()
                                      << Xmpp::PubSubExtension::Option{QStringLiteral("max_items"),
                                                                       QStringLiteral("max")}
                                : openAccess()));
                        if (!listed)
                            writes.append(m_pubsub.publish(
                                Xmpp::Omemo::deviceListNode(version), QStringLiteral("current"),
                                Xmpp::Omemo::deviceListToElement(ids, version), openAccess()));
                        whenAll(this, writes).then(this, settle);
                    });
            });
    }
    whenAll(this, steps).then(this, [this](Core::Result<void> done) {
        m_publishing = false;
        if (!done) {
            qCWarning(lcOmemoService) << "publishing OMEMO keys failed:" << done.error().detail;
            Q_EMIT publishFailed(done.error());
            return;
        }
        m_published = true;
        qCInfo(lcOmemoService) << "OMEMO device" << m_deviceId << "published";
        Q_EMIT published();
    });
}

void OmemoService::onItemsPublished(const Core::Jid &from, const QString &node,
                                    const QList<Xmpp::PubSubExtension::Item> &items)
{
    for (Version version : AllVersions) {
        if (node != Xmpp::Omemo::deviceListNode(version))
            continue;
        const QList<quint32> ids = deviceIdsOf(items, version);
        keepDeviceList(version, from.bareString(), ids);
        m_pushed.insert(listKey(version, from.bareString()));
        // Someone (another client of ours) rewrote our list without this device.
        if (from.bare() == m_self && isReady() && !ids.contains(m_deviceId) && m_published) {
            qCInfo(lcOmemoService)
                << "our device list lost device" << m_deviceId << "; republishing";
            m_published = false;
            publishOwn();
        }
    }
}

void OmemoService::forgetDeviceListAges()
{
    m_fetchedAt.clear();
    m_pushed.clear();
}

void OmemoService::keepDeviceList(Version version, const QString &jid, const QList<quint32> &ids)
{
    m_fetchedAt.insert(listKey(version, jid), QDateTime::currentMSecsSinceEpoch());
    // Queued on the store thread before anything that reads it.
    m_worker->run([state = m_state, version, jid, ids](Store::Database &) -> Core::Result<void> {
        if (!state->storage)
            return {};
        return state->storage->saveDeviceList(version, jid, ids, QDateTime::currentDateTimeUtc());
    });
}

QFuture<Core::Result<void>> OmemoService::fetchDeviceList(const Core::Jid &jid, Version version)
{
    const QString bare = jid.bareString();
    return m_pubsub
        .items(jid.bare(), Xmpp::Omemo::deviceListNode(version), QStringLiteral("current"))
        .then(this,
              [this, version,
               bare](Core::Result<QList<Xmpp::PubSubExtension::Item>> items) -> Core::Result<void> {
                  if (!items) {
                      // An account without PEP or a node we may not read: keep what we knew.
                      qCInfo(lcOmemoService)
                          << "device list unavailable:" << Xmpp::Omemo::versionName(version)
                          << items.error().detail;
                      return {};
                  }
                  keepDeviceList(version, bare, deviceIdsOf(*items, version));
                  return {};
              });
}

QFuture<Core::Result<void>> OmemoService::refreshDeviceLists(const QList<Core::Jid> &jids,
                                                             bool force, qint64 since)
{
    QList<QFuture<Core::Result<void>>> fetches;
    // A QFuture takes one continuation (another replaces it), so everyone
    // joining a fetch in flight gets a promise of their own.
    const auto join = [&fetches](ListFetch &running) {
        auto waiter = std::make_shared<QPromise<Core::Result<void>>>();
        waiter->start();
        fetches.append(waiter->future());
        running.waiters.append(std::move(waiter));
    };
    for (const Core::Jid &jid : jids)
        for (Version version : AllVersions) {
            const QString key = listKey(version, jid.bareString());
            if (const auto running = m_listFetches.constFind(key);
                running != m_listFetches.cend()) {
                join(**running);
                continue;
            }
            const qint64 fetchedAt = m_fetchedAt.value(key, 0);
            if (!force && ((m_pushed.contains(key) &&
                            QDateTime::currentMSecsSinceEpoch() - fetchedAt <= ListMaxAgeMs) ||
                           (since > 0 && fetchedAt >= since)))
                continue;
            auto running = std::make_shared<ListFetch>();
            m_listFetches.insert(key, running);
            join(*running);
            fetchDeviceList(jid, version).then(this, [this, key, running](Core::Result<void> done) {
                if (m_listFetches.value(key) == running)
                    m_listFetches.remove(key);
                for (const auto &waiter : std::as_const(running->waiters)) {
                    waiter->addResult(done);
                    waiter->finish();
                }
            });
        }
    // The saves are queued on the store thread before anything that reads them.
    return whenAll(this, fetches);
}

void OmemoService::prefetchDeviceLists(const Core::Jid &peer)
{
    if (!isReady() || !m_client.isConnected())
        return;
    QList<Core::Jid> jids{m_self};
    if (peer.bare() != m_self)
        jids << peer.bare();
    (void)refreshDeviceLists(jids, false);
}

QFuture<Core::Result<void>> OmemoService::ensureSessions(const QList<Target> &targets)
{
    QList<QFuture<Core::Result<void>>> fetches;
    for (const Target &target : targets) {
        const Core::Jid jid(target.jid);
        fetches.append(
            m_pubsub
                .items(jid, Xmpp::Omemo::bundleNode(target.version, target.deviceId),
                       Xmpp::Omemo::bundleItemId(target.version, target.deviceId))
                .then(this,
                      [this, target](Core::Result<QList<Xmpp::PubSubExtension::Item>> items)
                          -> Core::Result<void> {
                          std::optional<Xmpp::Omemo::Bundle> bundle;
                          if (items)
                              for (const auto &item : std::as_const(*items))
                                  if (!bundle)
                                      bundle = Xmpp::Omemo::bundleFromElement(
                                          item.payload, target.version, target.deviceId);
                          if (!bundle) {
                              // A vanished or broken device: the others still get the message.
                              qCInfo(lcOmemoService)
                                  << "no usable bundle for device" << target.deviceId
                                  << Xmpp::Omemo::versionName(target.version);
                              return {};
                          }
                          m_worker->run([state = m_state, target, bundle = *bundle](
                                            Store::Database &) -> Core::Result<void> {
                              if (!state->engine)
                                  return {};
                              if (auto r = state->engine->processBundle(target.version, target.jid,
                                                                        bundle);
                                  !r)
                                  qCInfo(lcOmemoService) << "bundle of device" << target.deviceId
                                                         << "refused:" << r.error().detail;
                              return {};
                          });
                          return {};
                      }));
    }
    return whenAll(this, fetches);
}

QFuture<Core::Result<Xmpp::Element>> OmemoService::encryptMessage(const Core::Jid &to,
                                                                  const QString &body,
                                                                  Xmpp::Element stanza,
                                                                  const QDateTime &composedAt)
{
    return encryptMessage(QList<Core::Jid>{to}, to, body, std::move(stanza), composedAt);
}

QFuture<Core::Result<Xmpp::Element>>
OmemoService::encryptMessage(const QList<Core::Jid> &recipients, const Core::Jid &envelopeTo,
                             const QString &body, Xmpp::Element stanza, const QDateTime &composedAt)
{
    using Out = Core::Result<Xmpp::Element>;
    if (!isReady())
        return ready(Out(Core::fail(Error::Code::Crypto, QStringLiteral("omemo-not-ready"))));
    const QString self = m_self.bareString();
    QStringList peers;
    QList<Core::Jid> toRefresh{m_self};
    for (const Core::Jid &jid : recipients) {
        const QString bare = jid.bareString();
        if (bare != self && !peers.contains(bare)) {
            peers << bare;
            toRefresh << jid.bare();
        }
    }
    if (peers.isEmpty())
        return ready(Out(Core::fail(Error::Code::Policy, QStringLiteral("omemo-no-recipients"))));
    auto promise = std::make_shared<QPromise<Out>>();
    promise->start();
    auto future = promise->future();
    const auto settle = [promise](Out out) {
        promise->addResult(std::move(out));
        promise->finish();
    };
    const QString envelopePeer = envelopeTo.bareString();
    QList<Xmpp::Element> sealed;
    for (const Xmpp::Element &child : stanza.children())
        if (m_sealedNamespaces.contains(child.xmlns()))
            sealed.append(child);
    // A room names the members a refusal is about; 1:1 details stay as they were.
    const bool nameWho = peers.size() > 1 || envelopePeer != peers.first();
    const quint32 ownDevice = m_deviceId;

    // Which device gets which version: OMEMO 2 where the device lists it,
    // legacy otherwise; and which of them still lack a session.
    const auto plan =
        [state = m_state, peers, self,
         ownDevice](Store::Database &) -> Core::Result<std::pair<QList<Target>, QList<Target>>> {
        if (!state->engine)
            return Core::fail(Error::Code::Crypto, QStringLiteral("omemo-not-ready"));
        QList<Target> all, missing;
        for (const QString &jid : peers + QStringList{self}) {
            QHash<quint32, Version> chosen;
            for (Version version : {Version::Legacy, Version::V2}) {
                auto list = state->storage->deviceList(version, jid);
                if (!list)
                    return std::unexpected(list.error());
                for (const auto &entry : std::as_const(*list))
                    if (entry.active && !(jid == self && entry.deviceId == ownDevice))
                        chosen.insert(entry.deviceId, version); // V2 comes last and wins
            }
            for (auto it = chosen.cbegin(); it != chosen.cend(); ++it) {
                const Target target{it.value(), jid, it.key()};
                all.append(target);
                auto has = state->engine->hasSession(target.version, {jid, target.deviceId});
                if (!has)
                    return std::unexpected(has.error());
                if (!*has)
                    missing.append(target);
            }
        }
        return std::pair{all, missing};
    };

    const auto encrypt =
        [state = m_state, peers, self, body, envelopePeer, sealed,
         nameWho](const QList<Target> &planned,
                  const E2ePolicy &policy) -> Core::Result<QList<Xmpp::Omemo::Encrypted>> {
        if (!state->engine)
            return Core::fail(Error::Code::Crypto, QStringLiteral("omemo-not-ready"));
        const auto refuse = [&](const QString &code, const QStringList &who) {
            return Core::fail(Error::Code::Policy,
                              nameWho ? code + QStringLiteral(": ") + who.join(u' ') : code);
        };
        const auto without = [&](const QList<Target> &list) {
            QStringList left = peers;
            for (const Target &t : list)
                left.removeAll(t.jid);
            return left;
        };
        if (const QStringList none = without(planned); !none.isEmpty())
            return refuse(QStringLiteral("omemo-no-devices"), none);
        // Devices without a session (no usable bundle) get nothing, so they
        // neither count nor block.
        QList<Target> usable;
        for (const Target &t : planned) {
            auto has = state->engine->hasSession(t.version, {t.jid, t.deviceId});
            if (!has)
                return std::unexpected(has.error());
            if (*has)
                usable.append(t);
        }
        if (const QStringList none = without(usable); !none.isEmpty())
            return refuse(QStringLiteral("omemo-no-sessions"), none);
        if (policy.requireVerifiedDevices) {
            QStringList unverified;
            for (const Target &t : usable) {
                auto identity = state->storage->loadDeviceIdentity(t.jid, t.deviceId);
                if (!identity)
                    return std::unexpected(identity.error());
                if (!*identity || (*identity)->trust != Trust::Verified)
                    unverified << t.jid + u'#' + QString::number(t.deviceId);
            }
            if (!unverified.isEmpty())
                return Core::fail(Error::Code::Policy,
                                  QStringLiteral("omemo-unverified-devices: ") +
                                      unverified.join(u' '));
        }
        QList<Xmpp::Omemo::Encrypted> out;
        QSet<QString> reached;
        for (Version version : AllVersions) {
            QList<Crypto::OmemoAddress> addresses;
            for (const Target &t : usable)
                if (t.version == version)
                    addresses.append({t.jid, t.deviceId});
            if (addresses.isEmpty())
                continue;
            QByteArray plaintext;
            if (version == Version::Legacy) {
                plaintext = body.toUtf8();
            } else {
                Xmpp::Omemo::SceEnvelope envelope;
                envelope.body = body;
                envelope.to = Core::Jid(envelopePeer);
                envelope.from = Core::Jid(self);
                envelope.time = QDateTime::currentDateTimeUtc();
                envelope.extra = sealed;
                plaintext = Xmpp::Omemo::sceToBytes(envelope);
            }
            auto encrypted = state->engine->encrypt(version, addresses, plaintext);
            if (!encrypted)
                return std::unexpected(encrypted.error());
            for (const auto &key : std::as_const(encrypted->encrypted.keys)) {
                if (version == Version::V2) {
                    reached.insert(key.jid);
                    continue;
                }
                // Legacy keys carry no JID: look the device up in the targets.
                for (const Target &t : std::as_const(usable))
                    if (t.version == version && t.deviceId == key.deviceId)
                        reached.insert(t.jid);
            }
            if (!encrypted->encrypted.keys.isEmpty())
                out.append(encrypted->encrypted);
        }
        QStringList unreached;
        for (const QString &peer : peers)
            if (!reached.contains(peer))
                unreached << peer;
        if (!unreached.isEmpty())
            return refuse(QStringLiteral("omemo-no-trusted-devices"), unreached);
        return out;
    };

    refreshDeviceLists(toRefresh, false, composedAt.isValid() ? composedAt.toMSecsSinceEpoch() : 0)
        .then(this, [this, plan, encrypt, settle, body, stanza](Core::Result<void>) {
            m_worker->run(plan).then(this, [this, encrypt, settle, body, stanza](
                                               Core::Result<std::pair<QList<Target>, QList<Target>>>
                                                   planned) {
                if (!planned) {
                    settle(std::unexpected(planned.error()));
                    return;
                }
                const QList<Target> targets = planned->first;
                ensureSessions(planned->second)
                    .then(this, [this, encrypt, settle, targets, body, stanza](Core::Result<void>) {
                        const E2ePolicy policy = m_policy;
                        m_worker
                            ->run([encrypt, targets, policy](Store::Database &) {
                                return encrypt(targets, policy);
                            })
                            .then(this, [settle, stanza, policy, body,
                                         sealedNs = m_sealedNamespaces](
                                            Core::Result<QList<Xmpp::Omemo::Encrypted>>
                                                encrypted) mutable {
                                if (!encrypted && !policy.requireEncryption &&
                                    encrypted.error().detail.startsWith(u"omemo-no-devices")) {
                                    // The organisation allows plaintext to contacts without OMEMO.
                                    stanza.appendChild(
                                        Xmpp::Element(QStringLiteral("body")).setText(body));
                                    settle(stanza);
                                    return;
                                }
                                if (!encrypted) {
                                    settle(std::unexpected(encrypted.error()));
                                    return;
                                }
                                // The fallback text is all a client without OMEMO sees.
                                const QString fallback = QStringLiteral(
                                    "This message is end-to-end encrypted with OMEMO. Open it in a "
                                    "client that supports OMEMO.");
                                for (const auto &e : std::as_const(*encrypted))
                                    Xmpp::Omemo::attachEncrypted(stanza, e, fallback);
                                // Sealed elements stay in the clear only for legacy devices.
                                const bool legacy = std::any_of(
                                    encrypted->cbegin(), encrypted->cend(),
                                    [](const auto &e) { return e.version == Version::Legacy; });
                                if (!legacy)
                                    stanza.children().removeIf([&](const Xmpp::Element &c) {
                                        return sealedNs.contains(c.xmlns());
                                    });
                                settle(stanza);
                            });
                    });
            });
        });
    return future;
}

void OmemoService::setContentReader(ContentReader reader)
{
    m_worker->run([state = m_state,
                   reader = std::move(reader)](Store::Database &) mutable -> Core::Result<void> {
        state->contentReader = std::move(reader);
        return {};
    });
}

void OmemoService::afterIncoming()
{
    m_worker
        ->run([state = m_state](Store::Database &) -> Core::Result<std::pair<QList<Target>, bool>> {
            QList<Target> heartbeats = std::exchange(state->heartbeats, {});
            const bool stale = std::exchange(state->bundleStale, false);
            return std::pair{heartbeats, stale};
        })
        .then(this, [this](Core::Result<std::pair<QList<Target>, bool>> work) {
            if (!work)
                return;
            if (!work->first.isEmpty())
                sendKeyTransports(work->first);
            if (work->second && m_published) {
                m_published = false;
                publishOwn();
            }
        });
}

void OmemoService::sendKeyTransports(const QList<Target> &targets)
{
    QSet<QString> seen;
    for (const Target &target : targets) {
        const QString key =
            listKey(target.version, target.jid) + u'|' + QString::number(target.deviceId);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        m_worker
            ->run([state = m_state,
                   target](Store::Database &) -> Core::Result<Xmpp::Omemo::Encrypted> {
                if (!state->engine)
                    return Core::fail(Error::Code::Crypto, QStringLiteral("omemo-not-ready"));
                auto r = state->engine->encrypt(target.version, {{target.jid, target.deviceId}},
                                                std::nullopt);
                if (!r)
                    return std::unexpected(r.error());
                if (r->encrypted.keys.isEmpty())
                    return Core::fail(Error::Code::Crypto, QStringLiteral("omemo-no-session"));
                return r->encrypted;
            })
            .then(this, [this, target](Core::Result<Xmpp::Omemo::Encrypted> encrypted) {
                if (!encrypted)
                    return;
                Xmpp::Element message(QStringLiteral("message"), Xmpp::Ns::Client.toString());
                message.setAttribute(QStringLiteral("to"), target.jid);
                message.setAttribute(QStringLiteral("type"), QStringLiteral("chat"));
                message.setAttribute(QStringLiteral("id"), Xmpp::Client::newId());
                message.appendChild(Xmpp::Omemo::encryptedToElement(*encrypted));
                message.appendChild(
                    Xmpp::Element(QStringLiteral("store"), Xmpp::Ns::Hints.toString()));
                m_client.send(message);
                qCInfo(lcOmemoService) << "key transport sent to device" << target.deviceId;
            });
    }
}

QFuture<Core::Result<QList<OmemoDevice>>> OmemoService::devices(const Core::Jid &jid)
{
    using Out = Core::Result<QList<OmemoDevice>>;
    auto promise = std::make_shared<QPromise<Out>>();
    promise->start();
    auto future = promise->future();
    const QString bare = jid.bareString();
    const bool own = jid.bare() == m_self;
    const quint32 ownDevice = m_deviceId;
    refreshDeviceLists({jid.bare()}, true)
        .then(this, [this, promise, bare, own, ownDevice](Core::Result<void>) {
            m_worker
                ->run([state = m_state, bare, own, ownDevice](Store::Database &) -> Out {
                    if (!state->engine)
                        return Core::fail(Error::Code::Crypto, QStringLiteral("omemo-not-ready"));
                    QMap<quint32, OmemoDevice> devices;
                    for (Version version : {Version::Legacy, Version::V2}) {
                        auto list = state->storage->deviceList(version, bare);
                        if (!list)
                            return std::unexpected(list.error());
                        for (const auto &entry : std::as_const(*list)) {
                            OmemoDevice &d = devices[entry.deviceId];
                            d.jid = bare;
                            d.deviceId = entry.deviceId;
                            (version == Version::V2 ? d.v2 : d.legacy) = entry.active;
                        }
                    }
                    auto identities = state->storage->deviceIdentities(bare);
                    if (!identities)
                        return std::unexpected(identities.error());
                    for (const auto &identity : std::as_const(*identities)) {
                        OmemoDevice &d = devices[identity.deviceId];
                        d.jid = bare;
                        d.deviceId = identity.deviceId;
                        d.trust = identity.trust;
                        d.identityKey = identity.identityKey;
                    }
                    if (own) {
                        OmemoDevice &d = devices[ownDevice];
                        d.jid = bare;
                        d.deviceId = ownDevice;
                        d.own = true;
                        d.trust = Trust::Verified;
                        d.identityKey = state->engine->identityKey();
                    }
                    QList<OmemoDevice> out;
                    for (OmemoDevice d : std::as_const(devices)) {
                        d.active = d.own || d.legacy || d.v2;
                        if (!d.identityKey.isEmpty()) {
                            d.fingerprint = Crypto::OmemoEngine::fingerprint(
                                d.identityKey, d.v2 || !d.legacy ? Version::V2 : Version::Legacy);
                            d.qrPayload = Crypto::OmemoEngine::fingerprintUri(bare, d.deviceId,
                                                                              d.identityKey);
                        }
                        out.append(d);
                    }
                    return out;
                })
                .then(this, [promise](Out out) {
                    promise->addResult(std::move(out));
                    promise->finish();
                });
        });
    return future;
}

QFuture<Core::Result<void>> OmemoService::setTrust(const Core::Jid &jid, quint32 deviceId,
                                                   Trust trust)
{
    const QString bare = jid.bareString();
    return m_worker
        ->run([state = m_state, bare, deviceId, trust](Store::Database &) -> Core::Result<void> {
            if (!state->engine)
                return Core::fail(Error::Code::Crypto, QStringLiteral("omemo-not-ready"));
            return state->engine->setTrust({bare, deviceId}, trust);
        })
        .then(this, [this, bare, deviceId, trust](Core::Result<void> done) {
            if (done) {
                qCInfo(lcOmemoService)
                    << "trust of device" << deviceId << "set to" << Crypto::trustName(trust);
                Q_EMIT trustChanged(bare, deviceId, trust);
            }
            return done;
        });
}

} // namespace Sync
