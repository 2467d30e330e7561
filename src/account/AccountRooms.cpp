// SPDX-License-Identifier: GPL-3.0-or-later
// Care-team rooms of an Account: XEP-0045 rooms whose messages are OMEMO
// encrypted to every device of every member (docs/e2e.md, "Care-team rooms").
#include "account/Account.h"

#include "store/MessageStore.h"
#include "store/RoomStore.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
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
            [this](const Xmpp::Message &message, const Core::Jid &realSender, bool) {
                m_pipeline->ingestGroupchat(message, realSender);
            });
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
            for (const Store::RoomRecord &room : std::as_const(*rooms))
                if (room.joined)
                    m_rooms.insert(room.jid);
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
                                this, [this, promise, room](Core::Result<void> saved) {
                                    if (!saved) {
                                        settle(promise, Out(std::unexpected(saved.error())));
                                        return;
                                    }
                                    m_rooms.insert(room.bareString());
                                    qCInfo(lcRooms) << "care-team room created";
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
                                .then(this, [grants, done](Core::Result<void> granted) {
                                    if (!granted && !grants->error)
                                        grants->error = granted.error();
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
    auto promise = std::make_shared<QPromise<Out>>();
    promise->start();
    auto future = promise->future();
    const QString key = room.bareString();
    // What we missed while away comes as the room's discussion history.
    m_roomStore->room(key).then(
        this, [this, promise, room, key](Core::Result<std::optional<Store::RoomRecord>> known) {
            const std::optional<Store::RoomRecord> record =
                known ? *known : std::optional<Store::RoomRecord>();
            m_roomStore->lastActivity(key).then(this, [this, promise, room, key,
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
                    .then(this, [this, promise, key,
                                 record](Core::Result<MucExtension::JoinResult> joined) {
                        if (!joined) {
                            if (joined.error().detail == u"muc-registration-required" && record)
                                (void)m_roomStore->setJoined(key, false); // no longer a member
                            if (joined.error().detail == u"muc-registration-required")
                                m_rooms.remove(key);
                            settle(promise, Out(std::unexpected(joined.error())));
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
                        if (!joined->nonAnonymous)
                            qCWarning(lcRooms) << "room does not show real JIDs; OMEMO cannot work";
                        m_roomStore->saveRoom(updated).then(
                            this, [promise](Core::Result<void> saved) { settle(promise, saved); });
                    });
            });
        });
    return future;
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
    // Every member, present or not: the affiliation lists name their real JIDs.
    m_muc->members(room).then(this, [this, promise, room, body, stanza](
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
        m_omemo->encryptMessage(recipients, room, body, stanza)
            .then(this, [promise](Out encrypted) { settle(promise, std::move(encrypted)); });
    });
    return future;
}

} // namespace Account
