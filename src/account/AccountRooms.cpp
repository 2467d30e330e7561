// SPDX-License-Identifier: GPL-3.0-or-later
// Care-team rooms of an Account: XEP-0045 rooms whose messages are OMEMO
// encrypted to every device of every member (docs/e2e.md, "Care-team rooms").
#include "account/Account.h"

#include "store/MessageStore.h"
#include "store/RoomStore.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/Namespaces.h"
#include "xmpp/extensions/MamExtension.h"
#include "xmpp/extensions/MucExtension.h"

#include <QLoggingCategory>
#include <QPromise>

Q_LOGGING_CATEGORY(lcRooms, "rounds.account.rooms", QtInfoMsg)

namespace Account {

using Core::Error;
using Xmpp::MucExtension;
using namespace Qt::StringLiterals;

namespace {

/// Discussion history asked for when entering a room again: from a little
/// before the newest message we have (the store drops what we already hold).
constexpr qint64 HistoryMarginMs = 5 * 60 * 1000;

template<typename T>
QFuture<Core::Result<T>> failed(Error::Code code, const QString &detail)
{
    return QtFuture::makeReadyFuture(Core::Result<T>(Core::fail(code, detail)));
}

/// A room refusing an affiliation change: we are no owner or team lead.
Error managementError(const Error &error)
{
    if (error.detail.contains(u"forbidden") || error.detail.contains(u"not-allowed") ||
        error.detail.contains(u"not-authorized"))
        return {Error::Code::Policy, u"muc-not-team-lead"_s};
    return error;
}

/// The real bare JID of a room message's sender: the occupant we know, else
/// what the room's archive names (Prosody: muc#user item; ejabberd: ofrom).
Core::Jid realSenderOf(MucExtension &muc, const Xmpp::Message &message)
{
    const Core::Jid room = message.from.bare();
    Core::Jid real = muc.realJid(room, message.from.resource());
    if (real.isValid())
        return real.bare();
    const Xmpp::Element item =
        message.element.firstChild(u"x", Xmpp::Ns::MucUser).firstChild(u"item");
    real = Core::Jid(item.attribute(u"jid")).bare();
    if (!real.isValid())
        for (const Xmpp::Element &address :
             message.element.firstChild(u"addresses", Xmpp::Ns::Addresses)
                 .childrenNamed(u"address"))
            if (address.attribute(u"type") == u"ofrom")
                real = Core::Jid(address.attribute(u"jid")).bare();
    return real;
}

template<typename T>
void settle(const std::shared_ptr<QPromise<T>> &promise, T value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

} // namespace

QFuture<Core::Result<void>> Account::startRooms()
{
    m_roomStore = std::make_unique<Store::RoomStore>(m_worker);
    m_outbox->setRoomCheck([this](const QString &conversation) { return isRoom(conversation); });
    connect(m_muc, &MucExtension::groupchatReceived, m_pipeline.get(),
            [this](const Xmpp::Message &message, const Core::Jid &realSender, bool own) {
                m_pipeline->ingestGroupchat(message, realSender);
                if (!own)
                    recordRoomMarker(message, realSender, message.delayed);
            });
    connect(m_muc, &MucExtension::directInvitation, this, &Account::onRoomInvitation);
    connect(m_muc, &MucExtension::invited, this, &Account::onRoomInvitation);
    connect(m_pipeline.get(), &Sync::MessagePipeline::roomMessageReflected, this,
            [this](const QString &id) {
                Q_EMIT messageStateChanged(id, Store::MessageState::Delivered);
            });
    connect(m_muc, &MucExtension::roomLeft, this,
            [this](const Core::Jid &room, const Core::Error &reason) {
                // Removed by the room: stop entering it. Its history stays.
                m_rooms.remove(room.bareString());
                (void)m_roomStore->setJoined(room.bareString(), false);
                Q_EMIT roomLeft(room.bareString(), reason);
            });
    connect(m_client.get(), &Xmpp::Client::sessionStarted, this, [this](bool resumed) {
        if (!resumed)
            rejoinRooms();
    });
    return m_roomStore->rooms().then(
        this, [this](Core::Result<QList<Store::RoomRecord>> rooms) -> Core::Result<void> {
            if (!rooms) {
                qCWarning(lcRooms) << "rooms not loaded:" << rooms.error().detail;
                return std::unexpected(rooms.error());
            }
            for (const Store::RoomRecord &room : std::as_const(*rooms)) {
                if (room.joined)
                    m_rooms.insert(room.jid);
                if (!room.name.isEmpty())
                    m_roomNames.insert(room.jid, room.name);
            }
            if (m_client->isConnected())
                rejoinRooms();
            return {};
        });
}

void Account::rejoinRooms()
{
    if (!m_roomStore)
        return;
    const QList<QString> rooms = m_rooms.values();
    for (const QString &room : rooms)
        joinRoom(Core::Jid(room)).then(this, [room](Core::Result<void> joined) {
            if (!joined)
                qCWarning(lcRooms) << "could not enter a room again:" << joined.error().detail;
        });
}

QFuture<Core::Result<Core::Jid>> Account::createCareTeamRoom(const QString &name,
                                                             const QList<Core::Jid> &members)
{
    using Out = Core::Result<Core::Jid>;
    if (!m_roomStore)
        return failed<Core::Jid>(Error::Code::Storage, u"local data not open"_s);
    if (name.trimmed().isEmpty())
        return failed<Core::Jid>(Error::Code::Stanza, u"muc-bad-address"_s);
    auto promise = std::make_shared<QPromise<Out>>();
    promise->start();
    auto future = promise->future();
    const auto fail = [promise](const Error &error) {
        settle(promise, Out(std::unexpected(error)));
    };

    const QString naturalName = name.contains(u'@') ? Core::Jid(name).local() : name.trimmed();
    auto service = name.contains(u'@')
                       ? QtFuture::makeReadyFuture(Out(Core::Jid(name).bare()))
                       : m_muc->discoverService().then(this, [naturalName](Out found) -> Out {
                             if (!found)
                                 return found;
                             return Core::Jid(naturalName.toLower(), found->domain());
                         });
    service.then(this, [this, promise, fail, members, naturalName](Out resolved) {
        if (!resolved) {
            fail(resolved.error());
            return;
        }
        const Core::Jid room = *resolved;
        const QString nick = m_settings.jid.local();
        MucExtension::JoinOptions options;
        options.nick = nick;
        m_muc->join(room, options)
            .then(this, [this, promise, fail, members, naturalName, room,
                         nick](Core::Result<MucExtension::JoinResult> joined) {
                if (!joined) {
                    fail(joined.error());
                    return;
                }
                if (!joined->created && joined->affiliation != MucExtension::Affiliation::Owner) {
                    (void)m_muc->leave(room);
                    fail({Error::Code::Policy, u"muc-room-exists"_s});
                    return;
                }
                MucExtension::RoomConfig config;
                config.name = naturalName;
                m_muc->configure(room, config)
                    .then(this, [this, promise, fail, members, naturalName, room,
                                 nick](Core::Result<void> configured) {
                        if (!configured) {
                            // A half-made room must not stay open to anyone.
                            (void)m_muc->leave(room);
                            fail(configured.error());
                            return;
                        }
                        struct Grants
                        {
                            qsizetype left = 0;
                            std::optional<Error> error;
                        };
                        auto grants = std::make_shared<Grants>();
                        const auto done = [this, promise, fail, naturalName, room, nick, grants] {
                            if (grants->error) {
                                fail(*grants->error);
                                return;
                            }
                            Store::RoomRecord record;
                            record.jid = room.bareString();
                            record.nick = nick;
                            record.name = naturalName;
                            record.affiliation =
                                MucExtension::affiliationName(MucExtension::Affiliation::Owner);
                            record.joinedAt = QDateTime::currentDateTimeUtc();
                            m_roomStore->saveRoom(record).then(
                                this, [this, promise, room, naturalName](Core::Result<void> saved) {
                                    if (!saved) {
                                        settle(promise, Out(std::unexpected(saved.error())));
                                        return;
                                    }
                                    m_rooms.insert(room.bareString());
                                    qCInfo(lcRooms) << "care-team room created";
                                    learnRoomName(room, naturalName);
                                    settle(promise, Out(room));
                                });
                        };
                        QList<Core::Jid> others;
                        for (const Core::Jid &member : members)
                            if (member.bare() != m_settings.jid.bare() &&
                                !others.contains(member.bare()))
                                others << member.bare();
                        if (others.isEmpty()) {
                            done();
                            return;
                        }
                        grants->left = others.size();
                        for (const Core::Jid &member : std::as_const(others))
                            m_muc->setAffiliation(room, member, MucExtension::Affiliation::Member)
                                .then(this, [this, grants, done, room,
                                             member](Core::Result<void> granted) {
                                    if (!granted && !grants->error)
                                        grants->error = granted.error();
                                    if (granted)
                                        m_muc->sendDirectInvitation(member, room);
                                    if (--grants->left == 0)
                                        done();
                                });
                    });
            });
    });
    return future;
}

QFuture<Core::Result<void>> Account::joinRoom(const Core::Jid &roomJid)
{
    using Out = Core::Result<void>;
    const Core::Jid room = roomJid.bare();
    if (!m_roomStore)
        return failed<void>(Error::Code::Storage, u"local data not open"_s);
    if (!room.isValid() || room.local().isEmpty())
        return failed<void>(Error::Code::Stanza, u"muc-bad-address"_s);
    const QString key = room.bareString();
    if (m_rooms.contains(key) && m_muc->isJoined(room))
        return QtFuture::makeReadyFuture(Out{}); // in it already (an invitation was faster)
    auto promise = std::make_shared<QPromise<Out>>();
    promise->start();
    auto future = promise->future();
    QList<std::shared_ptr<QPromise<Out>>> &waiting = m_roomJoins[key];
    waiting.append(promise);
    if (waiting.size() > 1)
        return future; // settled with the entry under way
    // What we missed while away comes as the room's discussion history.
    m_roomStore->room(key).then(
        this, [this, room, key](Core::Result<std::optional<Store::RoomRecord>> known) {
            const std::optional<Store::RoomRecord> record =
                known ? *known : std::optional<Store::RoomRecord>();
            m_roomStore->lastActivity(key).then(this, [this, room, key,
                                                       record](Core::Result<QDateTime> last) {
                MucExtension::JoinOptions options;
                options.nick =
                    record && !record->nick.isEmpty() ? record->nick : m_settings.jid.local();
                QDateTime since = last && last->isValid() ? *last
                                  : record                ? record->joinedAt
                                                          : QDateTime();
                if (since.isValid())
                    options.historySince = since.addMSecs(-HistoryMarginMs);
                m_muc->join(room, options)
                    .then(this, [this, key, record](Core::Result<MucExtension::JoinResult> joined) {
                        if (!joined) {
                            if (joined.error().detail == u"muc-registration-required" && record)
                                (void)m_roomStore->setJoined(key, false); // no longer a member
                            if (joined.error().detail == u"muc-registration-required")
                                m_rooms.remove(key);
                            finishRoomJoin(key, Out(std::unexpected(joined.error())));
                            return;
                        }
                        Store::RoomRecord updated = record.value_or(Store::RoomRecord{});
                        updated.jid = key;
                        updated.nick = joined->nick;
                        updated.joined = true;
                        updated.affiliation = MucExtension::affiliationName(joined->affiliation);
                        if (!updated.joinedAt.isValid())
                            updated.joinedAt = QDateTime::currentDateTimeUtc();
                        m_rooms.insert(key);
                        learnRoomName(Core::Jid(key), updated.name);
                        catchUpRoom(Core::Jid(key));
                        if (!joined->nonAnonymous)
                            qCWarning(lcRooms) << "room does not show real JIDs; OMEMO cannot work";
                        m_roomStore->saveRoom(updated).then(
                            this,
                            [this, key](Core::Result<void> saved) { finishRoomJoin(key, saved); });
                    });
            });
        });
    return future;
}

void Account::finishRoomJoin(const QString &room, const Core::Result<void> &result)
{
    const auto waiting = m_roomJoins.take(room);
    for (const auto &promise : waiting)
        settle(promise, result);
}

QFuture<Core::Result<void>> Account::leaveRoom(const Core::Jid &roomJid)
{
    const Core::Jid room = roomJid.bare();
    if (!m_roomStore)
        return failed<void>(Error::Code::Storage, u"local data not open"_s);
    m_rooms.remove(room.bareString());
    auto promise = std::make_shared<QPromise<Core::Result<void>>>();
    promise->start();
    auto future = promise->future();
    m_roomStore->setJoined(room.bareString(), false)
        .then(this, [this, promise, room](Core::Result<void> stored) {
            if (!stored) {
                settle(promise, stored);
                return;
            }
            m_muc->leave(room).then(this,
                                    [promise](Core::Result<void> left) { settle(promise, left); });
        });
    return future;
}

QFuture<Core::Result<Store::StoredMessage>> Account::sendToRoom(const Core::Jid &room,
                                                                const QString &body)
{
    if (!m_outbox)
        return failed<Store::StoredMessage>(Error::Code::Storage, u"local data not open"_s);
    if (!isRoom(room.bareString()))
        return failed<Store::StoredMessage>(Error::Code::Policy, u"muc-not-joined"_s);
    return m_outbox->send(room.bare(), body);
}

QFuture<Core::Result<Xmpp::Element>> Account::encryptForRoom(const Store::StoredMessage &message,
                                                             Xmpp::Element stanza)
{
    using Out = Core::Result<Xmpp::Element>;
    auto promise = std::make_shared<QPromise<Out>>();
    promise->start();
    auto future = promise->future();
    const Core::Jid room(message.conversation);
    const QString body = message.body;
    const QDateTime composedAt = message.timestamp;
    // Every member, present or not: the affiliation lists name their real JIDs.
    m_muc->members(room).then(this, [this, promise, room, body, stanza, composedAt](
                                        Core::Result<QList<MucExtension::AffiliationItem>> list) {
        QList<Core::Jid> recipients;
        if (list) {
            for (const auto &item : std::as_const(*list))
                if (item.affiliation != MucExtension::Affiliation::Outcast)
                    recipients << item.jid;
        } else {
            qCWarning(lcRooms) << "member list unavailable, encrypting to present occupants:"
                               << list.error().detail;
        }
        for (const MucExtension::Occupant &occupant : m_muc->occupants(room))
            if (occupant.realJid.isValid() && !recipients.contains(occupant.realJid.bare()))
                recipients << occupant.realJid.bare();
        m_omemo->encryptMessage(recipients, room, body, stanza, composedAt)
            .then(this, [promise](Out encrypted) { settle(promise, std::move(encrypted)); });
    });
    return future;
}

void Account::learnRoomName(const Core::Jid &room, const QString &known)
{
    const QString key = room.bareString();
    if (!known.isEmpty() && m_roomNames.value(key) != known) {
        m_roomNames.insert(key, known);
        Q_EMIT roomNameChanged(key, known);
    }
    // The room's own idea of its name wins (an owner may rename it).
    m_muc->roomInfo(room).then(this, [this, key](Core::Result<MucExtension::RoomInfo> info) {
        if (!info || info->name.isEmpty() || info->name == key ||
            m_roomNames.value(key) == info->name || !m_roomStore)
            return;
        m_roomNames.insert(key, info->name);
        Q_EMIT roomNameChanged(key, info->name);
        m_roomStore->room(key).then(
            this, [this, name = info->name](Core::Result<std::optional<Store::RoomRecord>> found) {
                if (!found || !*found)
                    return;
                Store::RoomRecord record = **found;
                record.name = name;
                (void)m_roomStore->saveRoom(record);
            });
    });
}

void Account::recordRoomMarker(const Xmpp::Message &message, const Core::Jid &realSender,
                               const QDateTime &at)
{
    // Per-member read state: a member's displayed marker to the room.
    const Xmpp::Element marker = message.element.firstChild(u"displayed", Xmpp::Ns::ChatMarkers);
    if (marker.isNull() || !realSender.isValid() || !m_roomStore)
        return;
    const QString room = message.from.bare().bareString();
    const QString id = marker.attribute(u"id");
    const QString member = realSender.bareString();
    if (id.isEmpty())
        return;
    m_roomStore
        ->recordRead(room, id, member, at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc())
        .then(this, [this, room, id, member](Core::Result<bool> fresh) {
            if (fresh && *fresh)
                Q_EMIT roomReadStateChanged(room, id, member);
        });
}

void Account::catchUpRoom(const Core::Jid &room)
{
    // Discussion history came with the join; the room's archive (when it keeps
    // one) also has what is older than the history the room sends.
    m_muc->roomInfo(room).then(this, [this, room](Core::Result<MucExtension::RoomInfo> info) {
        if (!info || !info->archive || !m_roomStore)
            return;
        m_roomStore->room(room.bareString())
            .then(this,
                  [this, room](Core::Result<std::optional<Store::RoomRecord>> record) {
                      return m_roomStore->lastActivity(room.bareString())
                          .then(this, [record](Core::Result<QDateTime> last) {
                              // From a little before our newest message; a new
                              // member from its entry on (nothing older is
                              // encrypted for it).
                              if (last && last->isValid())
                                  return last->addMSecs(-HistoryMarginMs);
                              return record && *record ? (*record)->joinedAt : QDateTime();
                          });
                  })
            .unwrap()
            .then(this, [this, room](const QDateTime &since) {
                if (!since.isValid())
                    return;
                Xmpp::MamQuery query;
                query.archive = room;
                query.max = 100;
                query.start = since;
                struct Pager
                {
                    std::function<void(const Xmpp::MamQuery &)> next;
                    int pages = 0;
                };
                auto pager = std::make_shared<Pager>();
                pager->next = [this, room, pager](const Xmpp::MamQuery &q) {
                    m_mam->queryPage(q).then(
                        this, [this, room, pager, q](Core::Result<Xmpp::MamPage> page) {
                            if (!page) {
                                qCInfo(lcRooms) << "room archive not read:" << page.error().detail;
                                pager->next = nullptr;
                                return;
                            }
                            for (const Xmpp::ArchivedMessage &archived :
                                 std::as_const(page->messages)) {
                                if (archived.message.from.bare() != room ||
                                    archived.message.from.resource().isEmpty())
                                    continue;
                                const Core::Jid sender = realSenderOf(*m_muc, archived.message);
                                m_pipeline->ingestGroupchat(archived.message, sender);
                                // Markers members sent while we were away, too.
                                if (sender.bare() != m_settings.jid.bare())
                                    recordRoomMarker(archived.message, sender, archived.stamp);
                            }
                            if (page->complete || page->lastId.isEmpty() || ++pager->pages >= 20) {
                                qCInfo(lcRooms) << "room archive read; pages:" << pager->pages + 1;
                                pager->next = nullptr; // ends the cycle
                                return;
                            }
                            Xmpp::MamQuery more = q;
                            more.afterId = page->lastId;
                            pager->next(more);
                        });
                };
                pager->next(query);
            });
    });
}

void Account::onRoomInvitation(const Core::Jid &room, const Core::Jid &from)
{
    const QString key = room.bare().bareString();
    // Only colleagues of our own organisation bring us into a room unasked.
    const bool join = from.isValid() && from.domain() == m_settings.jid.domain() && m_roomStore &&
                      !m_rooms.contains(key) && !m_muc->knownRooms().contains(room.bare());
    qCInfo(lcRooms) << "room invitation; joining:" << join;
    Q_EMIT roomInvitation(key, from.bare().bareString(), join);
    if (join)
        joinRoom(room).then(this, [](Core::Result<void> joined) {
            if (!joined)
                qCInfo(lcRooms) << "invited room not entered:" << joined.error().detail;
        });
}

QFuture<Core::Result<void>> Account::addRoomMember(const Core::Jid &room, const Core::Jid &member)
{
    if (!m_roomStore)
        return failed<void>(Error::Code::Storage, u"local data not open"_s);
    if (!member.isValid() || member.local().isEmpty())
        return failed<void>(Error::Code::Stanza, u"muc-bad-address"_s);
    return m_muc->setAffiliation(room.bare(), member.bare(), MucExtension::Affiliation::Member)
        .then(this, [this, room, member](Core::Result<void> done) -> Core::Result<void> {
            if (!done)
                return std::unexpected(managementError(done.error()));
            m_muc->sendDirectInvitation(member.bare(), room.bare());
            return {};
        });
}

QFuture<Core::Result<void>> Account::removeRoomMember(const Core::Jid &room,
                                                      const Core::Jid &member)
{
    if (!m_roomStore)
        return failed<void>(Error::Code::Storage, u"local data not open"_s);
    return m_muc->setAffiliation(room.bare(), member.bare(), MucExtension::Affiliation::None)
        .then(this, [](Core::Result<void> done) -> Core::Result<void> {
            if (!done)
                return std::unexpected(managementError(done.error()));
            return {};
        });
}

QFuture<Core::Result<void>> Account::setRoomTeamLead(const Core::Jid &room, const Core::Jid &member,
                                                     bool lead)
{
    if (!m_roomStore)
        return failed<void>(Error::Code::Storage, u"local data not open"_s);
    return m_muc
        ->setAffiliation(room.bare(), member.bare(),
                         lead ? MucExtension::Affiliation::Admin
                              : MucExtension::Affiliation::Member)
        .then(this, [](Core::Result<void> done) -> Core::Result<void> {
            if (!done)
                return std::unexpected(managementError(done.error()));
            return {};
        });
}

void Account::markRoomDisplayed(const Core::Jid &room, const QString &messageId)
{
    if (!isRoom(room.bare().bareString()) || messageId.isEmpty())
        return;
    Xmpp::Element stanza(u"message"_s, Xmpp::Ns::Client.toString());
    stanza.setAttribute(u"to"_s, room.bare().bareString());
    stanza.setAttribute(u"type"_s, u"groupchat"_s);
    stanza.setAttribute(u"id"_s, Xmpp::Client::newId());
    Xmpp::Element marker(u"displayed"_s, Xmpp::Ns::ChatMarkers.toString());
    marker.setAttribute(u"id"_s, messageId);
    stanza.appendChild(marker);
    stanza.appendChild(Xmpp::Element(u"store"_s, u"urn:xmpp:hints"_s));
    m_client->send(stanza);
}

QFuture<Core::Result<QList<Store::RoomRead>>> Account::roomReadState(const Core::Jid &room,
                                                                     const QString &messageId)
{
    if (!m_roomStore)
        return failed<QList<Store::RoomRead>>(Error::Code::Storage, u"local data not open"_s);
    return m_roomStore->reads(room.bare().bareString(), messageId);
}

} // namespace Account
