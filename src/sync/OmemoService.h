// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/OmemoStorage.h"
#include "store/StoreTypes.h"
#include "xmpp/Element.h"
#include "xmpp/extensions/OmemoElements.h"
#include "xmpp/extensions/PubSubExtension.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>

#include <QPromise>
#include <functional>

#include <memory>

namespace Xmpp {
class Client;
}
namespace Store {
class StoreWorker;
class MessageStore;
} // namespace Store

namespace Sync {

/// Organisation rules for end-to-end encryption.
struct E2ePolicy
{
    /// Never send without OMEMO: a contact without devices is an error, not a
    /// plaintext fallback. On by default.
    bool requireEncryption = true;
    /// Send only when every device of the recipient (and our own other
    /// devices) is verified.
    bool requireVerifiedDevices = false;
};

/// One OMEMO device of a contact or of ourselves, for the trust screens.
struct OmemoDevice
{
    QString jid;
    quint32 deviceId = 0;
    bool legacy = false; ///< in the legacy device list
    bool v2 = false;     ///< in the OMEMO 2 device list
    bool active = true;  ///< in the latest device list
    bool own = false;    ///< this device
    Crypto::Trust trust = Crypto::Trust::Undecided;
    QByteArray identityKey; ///< empty until a session was built
    QString fingerprint;    ///< for reading aloud (see OmemoEngine::fingerprint)
    QString qrPayload;      ///< xmpp: URI with the fingerprint
    bool operator==(const OmemoDevice &) const = default;
};

/// OMEMO for one account (DESIGN section 3): owns the engine on the account's
/// store thread, publishes this device's lists and bundles over PEP in both
/// versions, follows contacts' device lists, encrypts outgoing messages to
/// every device of the recipient and of our other devices (each in the version
/// it speaks, OMEMO 2 preferred), and decrypts incoming ones inside the store
/// transaction that keeps them.
class OmemoService : public QObject
{
    Q_OBJECT
public:
    OmemoService(Xmpp::Client &client, Xmpp::PubSubExtension &pubsub,
                 std::shared_ptr<Store::StoreWorker> worker, Store::MessageStore &store,
                 Core::Jid self, QObject *parent = nullptr);
    /// Calls shutdown() if the owner did not.
    ~OmemoService() override;
    /// Removes the decryptor and releases the engine on the store thread after
    /// the work already queued. Call it while the MessageStore and the store
    /// worker are still open (before StoreWorker::close()).
    void shutdown();

    /// Opens (first time: creates) this device's identity and installs the
    /// decryptor. Publishing follows on every new session.
    QFuture<Core::Result<void>> start();
    bool isReady() const { return m_deviceId != 0; }
    quint32 deviceId() const { return m_deviceId; }
    /// Our device lists and bundles are on the server for this session.
    bool isPublished() const { return m_published; }

    void setPolicy(const E2ePolicy &policy) { m_policy = policy; }
    const E2ePolicy &policy() const { return m_policy; }

    /// XEP-0420 content: children of an outgoing stanza in one of these
    /// namespaces also travel inside the OMEMO 2 envelope, and stay in the
    /// clear only when some device gets legacy OMEMO (which has no envelope).
    void setSealedNamespaces(const QStringList &namespaces) { m_sealedNamespaces = namespaces; }
    /// Reads the envelope's other <content> children (see setSealedNamespaces)
    /// into a decrypted OMEMO 2 row. Runs on the store thread inside the
    /// transaction that stores the row, after the pipeline's annotator: it
    /// must touch only its arguments (and what it owns itself, thread-safely).
    using ContentReader =
        std::function<void(const QList<Xmpp::Element> &content, Store::StoredMessage &row)>;
    void setContentReader(ContentReader reader);

    /// Encrypts `body` into `stanza` (a message to `to`) for every trusted
    /// device of `to` and our other devices. Fails with Code::Policy
    /// ("omemo-no-devices", "omemo-no-trusted-devices",
    /// "omemo-unverified-devices: <jid>#<id> ...") instead of sending plaintext.
    /// Device lists not pushed to us are fetched unless a fetch finished after
    /// `composedAt` (the message's time; one prefetchDeviceLists() started).
    QFuture<Core::Result<Xmpp::Element>> encryptMessage(const Core::Jid &to, const QString &body,
                                                        Xmpp::Element stanza,
                                                        const QDateTime &composedAt = {});
    /// The same for several recipients (the members of a care-team room): every
    /// trusted device of each of them and our other devices get the key; OMEMO 2
    /// envelopes are addressed to `envelopeTo` (the room). A refusal names the
    /// members it is about ("omemo-no-devices: a@x b@x").
    QFuture<Core::Result<Xmpp::Element>> encryptMessage(const QList<Core::Jid> &recipients,
                                                        const Core::Jid &envelopeTo,
                                                        const QString &body, Xmpp::Element stanza,
                                                        const QDateTime &composedAt = {});

    /// Starts fetching the device lists a message to `peer` will need (its and
    /// ours), when they are not current; encryptMessage() then joins the fetch.
    void prefetchDeviceLists(const Core::Jid &peer);

    /// Devices of `jid` (ours included when jid is our own), fetched fresh from
    /// the server, with trust and fingerprints.
    QFuture<Core::Result<QList<OmemoDevice>>> devices(const Core::Jid &jid);
    QFuture<Core::Result<void>> setTrust(const Core::Jid &jid, quint32 deviceId,
                                         Crypto::Trust trust);

    /// Called by the pipeline after each stored batch: answers pre-key messages
    /// with a key transport and republishes the bundle when pre-keys were used.
    void afterIncoming();

Q_SIGNALS:
    /// This device's lists and bundles were published (each new session).
    void published();
    void publishFailed(const Core::Error &error);
    void trustChanged(const QString &jid, quint32 deviceId, Crypto::Trust trust);

private:
    struct State;
    struct Target
    {
        Xmpp::Omemo::Version version;
        QString jid;
        quint32 deviceId = 0;
    };

    void onSessionStarted(bool resumed);
    void publishOwn();
    void onItemsPublished(const Core::Jid &from, const QString &node,
                          const QList<Xmpp::PubSubExtension::Item> &items);
    /// Fetches the lists of `jids` that are not current: pushed ones are for a
    /// minute; others only when a fetch finished at or after `since` (ms since
    /// the epoch; 0 fetches them). `force` fetches all. A fetch in flight is joined.
    QFuture<Core::Result<void>> refreshDeviceLists(const QList<Core::Jid> &jids, bool force,
                                                   qint64 since = 0);
    /// Records a contact's (or our) device list as fetched now and stores it.
    /// A new connection: no list is known current, none is pushed yet.
    void forgetDeviceListAges();
    void keepDeviceList(Xmpp::Omemo::Version version, const QString &jid,
                        const QList<quint32> &ids);
    QFuture<Core::Result<void>> fetchDeviceList(const Core::Jid &jid, Xmpp::Omemo::Version version);
    QFuture<Core::Result<void>> ensureSessions(const QList<Target> &targets);
    void sendKeyTransports(const QList<Target> &targets);

    Xmpp::Client &m_client;
    Xmpp::PubSubExtension &m_pubsub;
    std::shared_ptr<Store::StoreWorker> m_worker;
    Store::MessageStore &m_store;
    Core::Jid m_self;
    E2ePolicy m_policy;
    QStringList m_sealedNamespaces;
    std::shared_ptr<State> m_state; ///< engine and its storage; used on the store thread only
    quint32 m_deviceId = 0;
    bool m_published = false;
    bool m_publishing = false;
    bool m_shutDown = false;
    /// "<version>|<jid>" -> when that device list was last fetched or pushed
    /// (ms since epoch) in this session.
    QHash<QString, qint64> m_fetchedAt;
    /// Lists the server pushed to us in this session (a roster contact's, or
    /// ours): later changes are pushed too, so a copy younger than
    /// ListMaxAgeMs is current. Colleagues outside the roster get no PEP
    /// notifications: their lists are fetched again before each message
    /// (messages sent together share one fetch), so a device they just signed
    /// in on is never left out.
    QSet<QString> m_pushed;
    struct ListFetch
    {
        QList<std::shared_ptr<QPromise<Core::Result<void>>>> waiters;
    };
    QHash<QString, std::shared_ptr<ListFetch>> m_listFetches; ///< in flight, per list
    static constexpr qint64 ListMaxAgeMs = 60 * 1000;
};

} // namespace Sync
