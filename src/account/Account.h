// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account/IdleLock.h"
#include "store/StoreTypes.h"
#include "xmpp/Client.h"
#include "xmpp/WebSocketTransport.h"

#include "core/AuditEntry.h"
#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>
#include <QSet>
#include <QUrl>

#include <memory>
#include <optional>

namespace Xmpp {
struct Message;
class MessagingExtension;
class RosterExtension;
class PresenceExtension;
class DiscoExtension;
class CarbonsExtension;
class MamExtension;
class ReceiptsExtension;
class ChatMarkersExtension;
class PubSubExtension;
class HttpUploadExtension;
class MucExtension;
} // namespace Xmpp

namespace Store {
class SettingsStore;
class StoreWorker;
class MessageStore;
class AuditStore;
class AttachmentStore;
class RoomStore;
struct RoomRead;
} // namespace Store

namespace Sync {
class MessagePipeline;
class Outbox;
class MamCatchUp;
class OmemoService;
struct E2ePolicy;
class AttachmentService;
struct AttachmentPolicy;
} // namespace Sync

namespace Account {

/// What a user (or IT) configures for one account. No secrets in here.
struct AccountSettings
{
    Core::Jid jid;
    QUrl serverUrl;                     ///< wss://host/xmpp-websocket
    QString caFile;                     ///< organisation CA (PEM); optional
    QByteArray pinnedSha256;            ///< server certificate fingerprint; optional
    bool allowInsecureLoopback = false; ///< developer flag, see Xmpp::TransportSettings
    QString resource;                   ///< empty lets the server choose
};

/// Where the account's encrypted store lives and how its key is kept.
struct LocalDataOptions
{
    QString dataDir;                   ///< this account's folder (database, wrapped key)
    std::optional<QString> passphrase; ///< no keychain here: wrap the key with this instead
    bool fastKdfForTests = false;      ///< cheaper Argon2id limits; tests and benchmarks only
};

class KeyCustody;

/// One signed-in account: owns its connection and the services on it. `main`
/// and rounds-cli create it; everything else receives it.
class Account : public QObject
{
    Q_OBJECT
public:
    explicit Account(AccountSettings settings, QObject *parent = nullptr);
    ~Account() override;

    const AccountSettings &settings() const { return m_settings; }

    /// Connects and authenticates. On a server with the clinical profile (SASL2)
    /// this computer's FAST token is used when it has one, so no password or code
    /// is asked; otherwise the password, and then secondFactorRequired() asks for
    /// a code (answer with provideSecondFactor()). An empty password signs in with
    /// the token alone (Auth "password-required" when there is none). The password
    /// stays in memory only until a token replaces it.
    QFuture<Core::Result<void>> signIn(const QString &password);
    /// The code for secondFactorRequired(); fails at once when it is not six digits.
    Core::Result<void> provideSecondFactor(const QString &code);
    /// Org policy require_mfa: refuse a server (or a login) without a second factor.
    void setRequireMfa(bool require) { m_requireMfa = require; }
    /// Whether the session passed a second factor; false also on servers without
    /// the clinical profile (the UI says that MFA is not enforced there).
    bool secondFactorEnforced() const { return m_client->authSummary().secondFactor; }
    void signOut();

    /// Opens this account's encrypted store, creating it (and its key) on first
    /// use. The key comes from the keychain, or from the wrapped key file when a
    /// passphrase is given. An existing store is never re-created: a missing key
    /// is an error. Once open, messages flow through the sync pipeline.
    QFuture<Core::Result<void>> openLocalData(const LocalDataOptions &options);
    bool hasLocalData() const { return m_messageStore != nullptr; }
    /// What went wrong opening the local data, and what to do, in the user's
    /// language: keychain problems, wrong passphrase or key, damaged database.
    static QString describeLocalDataError(const Core::Error &error);
    /// Default data folder of an account on this computer.
    static QString defaultDataDir(const Core::Jid &jid);

    Xmpp::Client &client() { return *m_client; }
    Xmpp::MessagingExtension &messaging() { return *m_messaging; }
    Xmpp::RosterExtension &roster() { return *m_roster; }
    Xmpp::PresenceExtension &presence() { return *m_presence; }
    Xmpp::DiscoExtension &disco() { return *m_disco; }
    Xmpp::CarbonsExtension &carbons() { return *m_carbons; }
    Xmpp::MamExtension &mam() { return *m_mam; }
    Xmpp::ReceiptsExtension &receipts() { return *m_receipts; }
    Xmpp::ChatMarkersExtension &markers() { return *m_markers; }
    Xmpp::PubSubExtension &pubsub() { return *m_pubsub; }
    Xmpp::HttpUploadExtension &httpUpload() { return *m_httpUpload; }
    Xmpp::MucExtension &muc() { return *m_muc; }

    // Available once openLocalData() succeeded; null before.
    Store::MessageStore *messageStore() { return m_messageStore.get(); }
    Sync::MessagePipeline *pipeline() { return m_pipeline.get(); }
    Sync::Outbox *outbox() { return m_outbox.get(); }
    Sync::MamCatchUp *catchUp() { return m_catchUp.get(); }
    /// End-to-end encryption; its identity opens with the local data.
    Sync::OmemoService *omemo() { return m_omemo.get(); }
    /// Organisation rules for encryption (E2E required by default). Applies
    /// from the next send on.
    void setE2ePolicy(const Sync::E2ePolicy &policy);
    Store::AuditStore *auditLog() { return m_audit.get(); }
    /// Files in conversations (XEP-0363 upload, XEP-0454 links, encrypted at
    /// rest under <dataDir>/attachments); null before openLocalData().
    Sync::AttachmentService *attachments() { return m_attachments.get(); }
    Store::AttachmentStore *attachmentStore() { return m_attachmentStore.get(); }
    /// Organisation rules for files (allowed at all, size limits). Applies from
    /// the next send or download on.
    void setAttachmentPolicy(const Sync::AttachmentPolicy &policy);
    const Sync::AttachmentPolicy &attachmentPolicy() const { return *m_attachmentPolicy; }
    Store::RoomStore *roomStore() { return m_roomStore.get(); }
    /// The store thread of the open local data (null before openLocalData()),
    /// for stores of modules above the account (src/clinical, the front-desk schedule).
    std::shared_ptr<Store::StoreWorker> storeWorker() const { return m_worker; }

    // Care-team rooms (XEP-0045 with OMEMO; AccountRooms.cpp, docs/e2e.md).
    // Available once openLocalData() succeeded. Rooms we are in are entered
    // again on every new session (not on a resumed one).

    /// Creates a members-only, non-anonymous, persistent, unlisted room and
    /// makes `members` its members; we are its owner and in it. `name` is the
    /// room's local part on our server's MUC service, or a full room JID.
    /// Fails with Policy "muc-room-exists" when someone else's room has that name.
    QFuture<Core::Result<Core::Jid>> createCareTeamRoom(const QString &name,
                                                        const QList<Core::Jid> &members);
    /// Enters a room (and keeps entering it on each new session). A room that
    /// is not ours to enter fails with Policy "muc-registration-required".
    QFuture<Core::Result<void>> joinRoom(const Core::Jid &room);
    /// Leaves a room and stops entering it; its messages stay.
    QFuture<Core::Result<void>> leaveRoom(const Core::Jid &room);
    /// Sends to a room we are in through the outbox, encrypted to every device
    /// of every member (see OmemoService::encryptMessage).
    QFuture<Core::Result<Store::StoredMessage>> sendToRoom(const Core::Jid &room,
                                                           const QString &body);
    /// Whether a conversation is one of our rooms.
    bool isRoom(const QString &conversation) const { return m_rooms.contains(conversation); }
    QList<QString> rooms() const { return m_rooms.values(); }
    /// The room's name (muc#roomconfig_roomname) for display; empty when not
    /// known yet (show the address then). Learnt at creation and on each entry.
    QString roomName(const QString &room) const { return m_roomNames.value(room); }

    // Managing a care-team room: its owner (the admin who created it) and its
    // team leads (admin affiliation) may; the server refuses anyone else, as
    // Policy "muc-not-team-lead".
    /// Makes `member` a member and sends a XEP-0249 direct invitation.
    QFuture<Core::Result<void>> addRoomMember(const Core::Jid &room, const Core::Jid &member);
    /// Takes `member`'s membership away (the room removes them, status 321).
    QFuture<Core::Result<void>> removeRoomMember(const Core::Jid &room, const Core::Jid &member);
    /// Owners: makes `member` a team lead (admin affiliation), or a member again.
    QFuture<Core::Result<void>> setRoomTeamLead(const Core::Jid &room, const Core::Jid &member,
                                                bool lead);
    /// Tells the room's members we displayed `messageId` (its origin-id), a
    /// XEP-0333 marker sent to the room.
    void markRoomDisplayed(const Core::Jid &room, const QString &messageId);
    /// Who of the room's members displayed a message (by origin-id), and when
    /// we learnt it, earliest first.
    QFuture<Core::Result<QList<Store::RoomRead>>> roomReadState(const Core::Jid &room,
                                                                const QString &messageId);

    /// Appends to the local audit chain (ids only; no-op before openLocalData()).
    /// Sign-in, sign-out and sends are recorded by the account itself.
    void audit(Core::AuditEntry::Action action, const QStringList &objectIds = {});

    /// Automatic logoff: knows the sign-in password's hash, locks when idle.
    IdleLock *idleLock() { return m_idleLock.get(); }
    void setLockPolicy(const LockPolicy &policy);

    // IT administration (docs/admin.md); AccountAdmin.cpp.
    /// Erases everything this account keeps on this computer: closes the
    /// services and the store, deletes the data folder (database with its
    /// -wal/-shm, wrapped key, attachments, anything else) and the keychain
    /// entries (database key, FAST token). The session, if any, stays. Fails
    /// with Storage "erase-failed:<what>" when something could not be removed
    /// (the rest is removed anyway).
    QFuture<Core::Result<void>> eraseLocalData();
    /// "Sign out and erase": signs out, then eraseLocalData().
    QFuture<Core::Result<void>> signOutAndErase();
    /// The folder openLocalData() used (empty before).
    QString dataDir() const { return m_dataDir; }
    /// The encrypted key/value settings (null before openLocalData()).
    Store::SettingsStore *settingsStore() { return m_settingsStore.get(); }
    const Sync::E2ePolicy &e2ePolicy() const { return *m_e2ePolicy; }
    bool requireMfa() const { return m_requireMfa; }

Q_SIGNALS:
    /// The server asks for a code (Code) or for enrolment (Enrolment: show the
    /// otpauth:// URI as a QR code and its secret for typing, then ask for a code).
    void secondFactorRequired(Xmpp::SecondFactorTask task, const QString &otpauthUri);
    /// Delivery or read state of one of our messages changed (receipt, marker).
    void messageStateChanged(const QString &messageId, Store::MessageState state);
    /// We were removed from a room (kicked, membership revoked, room destroyed);
    /// it is no longer entered. `reason` is a "muc-..." detail.
    void roomLeft(const QString &room, const Core::Error &reason);
    /// Someone invited us to a room (XEP-0249 or a mediated invitation).
    /// `joining`: the inviter is of our own domain, so we enter it now;
    /// otherwise nothing happens unless the user joins.
    void roomInvitation(const QString &room, const QString &from, bool joining);
    void roomNameChanged(const QString &room, const QString &name);
    /// A member displayed a room message (see roomReadState).
    void roomReadStateChanged(const QString &room, const QString &messageId, const QString &member);
    /// An IT admin ordered this computer wiped: erasing has begun (signIn()
    /// then fails with Auth "device-wiped"; go back to the sign-in screen).
    void wipeStarted();
    /// The remote wipe finished: local data erased and the server told.
    void wiped();

private:
    void applyPeerState(const Core::Jid &from, const QString &messageId, Store::MessageState state);
    /// Password plus a fresh code, proven on a separate short connection.
    QFuture<Core::Result<void>> checkWithServer(const QString &password, const QString &code);
    /// This installation's SASL2 user-agent id and its stored FAST token.
    QFuture<std::optional<Xmpp::FastToken>> prepareSignIn();
    void storeFastToken(const std::optional<Xmpp::FastToken> &token);
    /// Finishes when the OMEMO identity is open.
    QFuture<Core::Result<void>> startServices(std::shared_ptr<Store::StoreWorker> worker);
    /// Room services on top of the open store (AccountRooms.cpp); finishes when
    /// the rooms are known.
    QFuture<Core::Result<void>> startRooms();
    void rejoinRooms();
    void onRoomInvitation(const Core::Jid &room, const Core::Jid &from);
    /// Settles every joinRoom() call waiting for the entry of `room`.
    void finishRoomJoin(const QString &room, const Core::Result<void> &result);
    void learnRoomName(const Core::Jid &room, const QString &known);
    /// Room archive (XEP-0313 to the room) since what we hold, when the room keeps one.
    void catchUpRoom(const Core::Jid &room);
    /// Records a member's XEP-0333 displayed marker sent to a room (live,
    /// history or archive); `at` is when it was sent when known.
    void recordRoomMarker(const Xmpp::Message &message, const Core::Jid &realSender,
                          const QDateTime &at);
    /// The stanza for a room message, encrypted to all members' devices.
    QFuture<Core::Result<Xmpp::Element>> encryptForRoom(const Store::StoredMessage &message,
                                                        Xmpp::Element stanza);
    // AccountAdmin.cpp
    void connectAdministration();
    void onWipeRequested(const QString &wipeId);
    void sendDeviceReport();
    void closeServices();

    AccountSettings m_settings;
    std::unique_ptr<Xmpp::WebSocketTransport> m_transport;
    std::unique_ptr<Xmpp::Client> m_client;
    Xmpp::MessagingExtension *m_messaging = nullptr;
    Xmpp::RosterExtension *m_roster = nullptr;
    Xmpp::PresenceExtension *m_presence = nullptr;
    Xmpp::DiscoExtension *m_disco = nullptr;
    Xmpp::CarbonsExtension *m_carbons = nullptr;
    Xmpp::MamExtension *m_mam = nullptr;
    Xmpp::ReceiptsExtension *m_receipts = nullptr;
    Xmpp::ChatMarkersExtension *m_markers = nullptr;
    Xmpp::PubSubExtension *m_pubsub = nullptr;
    Xmpp::HttpUploadExtension *m_httpUpload = nullptr;
    Xmpp::MucExtension *m_muc = nullptr;

    std::unique_ptr<KeyCustody> m_keys;
    std::unique_ptr<Store::SettingsStore> m_settingsStore;
    bool m_keychainCustody = false; ///< the database key (and so the FAST token) is in the keychain
    bool m_requireMfa = false;
    bool m_verifierSaved = false; ///< this sign-in's password verifier is stored
    QString m_clientId;           ///< SASL2 user-agent id of this installation
    std::shared_ptr<Store::StoreWorker> m_worker;
    std::unique_ptr<Store::MessageStore> m_messageStore;
    std::unique_ptr<Store::AuditStore> m_audit;
    std::unique_ptr<Sync::MessagePipeline> m_pipeline;
    std::unique_ptr<Sync::Outbox> m_outbox;
    std::unique_ptr<Sync::MamCatchUp> m_catchUp;
    std::unique_ptr<Sync::OmemoService> m_omemo;
    std::unique_ptr<Sync::E2ePolicy> m_e2ePolicy;
    std::unique_ptr<IdleLock> m_idleLock;
    QString m_dataDir;
    std::unique_ptr<Store::AttachmentStore> m_attachmentStore;
    std::unique_ptr<Sync::AttachmentService> m_attachments;
    std::unique_ptr<Sync::AttachmentPolicy> m_attachmentPolicy;
    std::unique_ptr<Store::RoomStore> m_roomStore;
    QSet<QString> m_rooms;               ///< bare JIDs of the rooms we are in (or re-enter)
    QHash<QString, QString> m_roomNames; ///< room -> its name, when known
    /// joinRoom() calls per room while one entry is under way (an invitation and
    /// the user may ask at once; a QFuture takes only one continuation).
    QHash<QString, QList<std::shared_ptr<QPromise<Core::Result<void>>>>> m_roomJoins;
    bool m_deviceReported = false; ///< in this session
};

} // namespace Account
