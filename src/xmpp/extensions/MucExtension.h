// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"
#include "xmpp/Message.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QSet>

#include <memory>
#include <optional>

namespace Xmpp {

/// XEP-0045 multi-user chat, the parts care-team rooms need: create and
/// configure a members-only, non-anonymous room, manage its affiliations,
/// join and leave with a nick, follow occupants and their real JIDs, and
/// send and receive groupchat messages. Presence and messages of rooms we are
/// in (or joining) are handled here and reach no other extension, so add this
/// extension before PresenceExtension.
class MucExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    enum class Affiliation { None, Outcast, Member, Admin, Owner };
    Q_ENUM(Affiliation)
    enum class Role { None, Visitor, Participant, Moderator };
    Q_ENUM(Role)

    struct Occupant
    {
        QString nick;
        Core::Jid realJid; ///< full JID; invalid in a room that hides it
        Affiliation affiliation = Affiliation::None;
        Role role = Role::None;
        bool operator==(const Occupant &) const = default;
    };
    /// One entry of an affiliation list (muc#admin).
    struct AffiliationItem
    {
        Core::Jid jid; ///< bare
        Affiliation affiliation = Affiliation::None;
        QString nick;
        bool operator==(const AffiliationItem &) const = default;
    };
    /// What the room told us in our own presence when we entered.
    struct JoinResult
    {
        QString nick;              ///< the nick the room gave us (status 210 may change it)
        bool created = false;      ///< status 201: a new room, locked until configured
        bool nonAnonymous = false; ///< status 100: everyone sees real JIDs
        Affiliation affiliation = Affiliation::None;
        Role role = Role::None;
        QList<int> statusCodes;
    };
    struct RoomConfig
    {
        QString name; ///< muc#roomconfig_roomname
        bool membersOnly = true;
        bool nonAnonymous = true; ///< muc#roomconfig_whois = anyone
        bool persistent = true;
        bool isPublic = false;
        bool archiving = true; ///< set where the server offers it
    };
    struct JoinOptions
    {
        QString nick;
        /// Discussion history since then (XEP-0045 7.2.14); none when invalid.
        QDateTime historySince;
    };

    /// disco#info of a room (XEP-0045 6.4).
    struct RoomInfo
    {
        QString name;         ///< the identity's name (muc#roomconfig_roomname)
        bool archive = false; ///< the room keeps an archive (urn:xmpp:mam:2)
    };

    static constexpr int JoinTimeoutMs = 30000;
    static constexpr QStringView DirectInviteNs = u"jabber:x:conference";

    explicit MucExtension(Client &client);

    /// The MUC service of our server (disco#items of the domain, the item with a
    /// conference/text identity). Remembered once found.
    QFuture<Core::Result<Core::Jid>> discoverService();

    /// Enters `room` (bare) with a nick. Finishes with our own presence
    /// (status 110), or with the room's refusal: Policy "muc-registration-required"
    /// (not a member of a members-only room), "muc-banned", Stanza "muc-nick-conflict",
    /// "muc-room-not-found", ..., or Timeout.
    QFuture<Core::Result<JoinResult>> join(const Core::Jid &room, const JoinOptions &options);
    /// Leaves the room; finishes when the room confirms (or after a short wait).
    QFuture<Core::Result<void>> leave(const Core::Jid &room);

    /// Fetches the owner configuration form and submits `config` with the
    /// fields the server offers (a created room is unlocked by this). Fails
    /// with Policy "muc-config-unsupported: <var>" when the server lacks a field
    /// the members-only / non-anonymous guarantee needs.
    QFuture<Core::Result<void>> configure(const Core::Jid &room, const RoomConfig &config);
    /// Grants (or with None, removes) an affiliation of a bare JID.
    QFuture<Core::Result<void>> setAffiliation(const Core::Jid &room, const Core::Jid &jid,
                                               Affiliation affiliation);
    /// The JIDs with one affiliation (muc#admin list).
    QFuture<Core::Result<QList<AffiliationItem>>> affiliations(const Core::Jid &room,
                                                               Affiliation affiliation);
    /// Owners, admins and members together. A list the server does not show us
    /// is left out; fails only when it shows none.
    QFuture<Core::Result<QList<AffiliationItem>>> members(const Core::Jid &room);

    /// The room's name and features.
    QFuture<Core::Result<RoomInfo>> roomInfo(const Core::Jid &room);
    /// XEP-0249 direct invitation: a normal message to `to` naming the room.
    void sendDirectInvitation(const Core::Jid &to, const Core::Jid &room);

    /// Sends a plain groupchat message (origin-id = id); returns the id.
    QString sendGroupchat(const Core::Jid &room, const QString &body, const QString &id = {});

    bool isJoined(const Core::Jid &room) const;
    QList<Core::Jid> joinedRooms() const;
    /// Rooms we are in or entering.
    QList<Core::Jid> knownRooms() const { return m_rooms.keys(); }
    QString nick(const Core::Jid &room) const;
    QList<Occupant> occupants(const Core::Jid &room) const;
    /// The real JID behind an occupant nick, also for an occupant who has left
    /// since we saw them in this session; invalid when unknown.
    Core::Jid realJid(const Core::Jid &room, const QString &nick) const;

    static QString affiliationName(Affiliation affiliation);
    static std::optional<Affiliation> affiliationFromName(QStringView name);

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;
    QStringList discoFeatures() const override;

Q_SIGNALS:
    /// A groupchat message from a room we are in. `realSender` is the
    /// occupant's real JID (bare), invalid when the room did not reveal it;
    /// `own` when the occupant is us (our nick: the room reflects our messages).
    void groupchatReceived(const Xmpp::Message &message, const Core::Jid &realSender, bool own);
    void occupantsChanged(const Core::Jid &room);
    /// We are no longer in the room: kicked (307), removed as member (321),
    /// room made members-only (322), banned (301), destroyed or shut down.
    void roomLeft(const Core::Jid &room, const Core::Error &reason);
    /// A mediated invitation (XEP-0045 7.8.2) arrived.
    void invited(const Core::Jid &room, const Core::Jid &from);
    /// A direct invitation (XEP-0249) arrived; `from` is the inviter's bare JID.
    void directInvitation(const Core::Jid &room, const Core::Jid &from);

private:
    struct Room
    {
        QString nick;
        bool joined = false;
        std::shared_ptr<QPromise<Core::Result<JoinResult>>> joining;
        std::shared_ptr<QPromise<Core::Result<void>>> leaving;
        QHash<QString, Occupant> occupants;
        QHash<QString, Core::Jid> seen; ///< nick -> real bare JID, this session
        Affiliation affiliation = Affiliation::None;
        Role role = Role::None;
    };

    bool handlePresence(const Element &stanza);
    bool handleMessage(const Element &stanza);
    void finishJoin(const Core::Jid &room, Core::Result<JoinResult> result);

    QHash<Core::Jid, Room> m_rooms;
    std::optional<Core::Jid> m_service;
};

} // namespace Xmpp
