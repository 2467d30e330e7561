// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/MucExtension.h"

#include "xmpp/Namespaces.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QTimer>

Q_LOGGING_CATEGORY(lcMuc, "rounds.xmpp.muc", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Xmpp {

using Core::Error;

namespace {

constexpr int LeaveWaitMs = 5000;

Element iqOf(QStringView type, const Core::Jid &to, Element payload)
{
    Element iq(u"iq"_s, Ns::Client.toString());
    iq.setAttribute(u"type"_s, type.toString());
    if (to.isValid())
        iq.setAttribute(u"to"_s, to.toString());
    iq.appendChild(std::move(payload));
    return iq;
}

MucExtension::Role roleFromName(QStringView name)
{
    if (name == u"moderator")
        return MucExtension::Role::Moderator;
    if (name == u"participant")
        return MucExtension::Role::Participant;
    if (name == u"visitor")
        return MucExtension::Role::Visitor;
    return MucExtension::Role::None;
}

/// The first defined condition of a stanza's <error/>.
QString errorCondition(const Element &stanza)
{
    const Element error = stanza.firstChild(u"error");
    for (const Element &child : error.children())
        if (child.xmlns() == Ns::Stanzas && child.name() != u"text")
            return child.name();
    return u"undefined-condition"_s;
}

/// XEP-0045 section 7.2: why a room refused us, as a stable detail.
Error joinError(const QString &condition)
{
    if (condition == u"registration-required")
        return {Error::Code::Policy, u"muc-registration-required"_s};
    if (condition == u"forbidden")
        return {Error::Code::Policy, u"muc-banned"_s};
    if (condition == u"not-authorized")
        return {Error::Code::Auth, u"muc-password-required"_s};
    if (condition == u"not-allowed")
        return {Error::Code::Policy, u"muc-creation-refused"_s};
    if (condition == u"conflict")
        return {Error::Code::Stanza, u"muc-nick-conflict"_s};
    if (condition == u"item-not-found")
        return {Error::Code::Stanza, u"muc-room-not-found"_s};
    if (condition == u"service-unavailable")
        return {Error::Code::Policy, u"muc-room-full"_s};
    return {Error::Code::Stanza, u"muc-"_s + condition};
}

QList<int> statusCodes(const Element &x)
{
    QList<int> codes;
    for (const Element &status : x.childrenNamed(u"status"))
        codes << status.attribute(u"code").toInt();
    return codes;
}

Element formField(const QString &var, const QString &value)
{
    Element field(u"field"_s);
    field.setAttribute(u"var"_s, var);
    field.appendChild(Element(u"value"_s).setText(value));
    return field;
}

QString boolValue(bool value)
{
    return value ? u"1"_s : u"0"_s;
}

} // namespace

MucExtension::MucExtension(Client &client)
    : Extension(client)
{
}

QString MucExtension::affiliationName(Affiliation affiliation)
{
    switch (affiliation) {
    case Affiliation::Owner:
        return u"owner"_s;
    case Affiliation::Admin:
        return u"admin"_s;
    case Affiliation::Member:
        return u"member"_s;
    case Affiliation::Outcast:
        return u"outcast"_s;
    case Affiliation::None:
        break;
    }
    return u"none"_s;
}

std::optional<MucExtension::Affiliation> MucExtension::affiliationFromName(QStringView name)
{
    for (Affiliation a : {Affiliation::None, Affiliation::Outcast, Affiliation::Member,
                          Affiliation::Admin, Affiliation::Owner})
        if (affiliationName(a) == name)
            return a;
    return std::nullopt;
}

QStringList MucExtension::discoFeatures() const
{
    return {Ns::Muc.toString()};
}

QFuture<Core::Result<Core::Jid>> MucExtension::discoverService()
{
    using Out = Core::Result<Core::Jid>;
    if (m_service)
        return QtFuture::makeReadyFuture(Out(*m_service));
    auto promise = std::make_shared<QPromise<Out>>();
    promise->start();
    auto future = promise->future();
    const Core::Jid domain(client().config().jid.domain());
    client()
        .sendIq(iqOf(u"get", domain, Element(u"query"_s, Ns::DiscoItems.toString())))
        .then(this, [this, promise](const Core::Result<Element> &items) {
            QList<Core::Jid> candidates;
            if (items)
                for (const Element &item :
                     items->firstChild(u"query", Ns::DiscoItems).childrenNamed(u"item"))
                    if (item.attribute(u"node").isEmpty())
                        candidates << Core::Jid(item.attribute(u"jid"));
            if (candidates.isEmpty()) {
                promise->addResult(Out(Core::fail(Error::Code::Stanza, u"muc-no-service"_s)));
                promise->finish();
                return;
            }
            // Ask every item at once; the first (in the server's order) that is
            // a text conference service wins.
            struct Probe
            {
                QList<Core::Jid> candidates;
                QList<int> answers; ///< -1 unknown, 0 no, 1 yes
                bool done = false;
            };
            auto probe = std::make_shared<Probe>();
            probe->candidates = candidates;
            probe->answers = QList<int>(candidates.size(), -1);
            for (qsizetype i = 0; i < candidates.size(); ++i) {
                client()
                    .sendIq(iqOf(u"get", candidates.at(i),
                                 Element(u"query"_s, Ns::DiscoInfo.toString())))
                    .then(this, [this, promise, probe, i](const Core::Result<Element> &info) {
                        bool conference = false;
                        if (info)
                            for (const Element &identity : info->firstChild(u"query", Ns::DiscoInfo)
                                                               .childrenNamed(u"identity"))
                                conference = conference ||
                                             (identity.attribute(u"category") == u"conference" &&
                                              identity.attribute(u"type") == u"text");
                        probe->answers[i] = conference ? 1 : 0;
                        if (probe->done)
                            return;
                        for (qsizetype j = 0; j < probe->answers.size(); ++j) {
                            if (probe->answers.at(j) == -1)
                                return; // an earlier item may still be the one
                            if (probe->answers.at(j) == 1) {
                                probe->done = true;
                                m_service = probe->candidates.at(j);
                                promise->addResult(Out(*m_service));
                                promise->finish();
                                return;
                            }
                        }
                        probe->done = true;
                        promise->addResult(
                            Out(Core::fail(Error::Code::Stanza, u"muc-no-service"_s)));
                        promise->finish();
                    });
            }
        });
    return future;
}

QFuture<Core::Result<MucExtension::JoinResult>> MucExtension::join(const Core::Jid &roomJid,
                                                                   const JoinOptions &options)
{
    using Out = Core::Result<JoinResult>;
    const Core::Jid room = roomJid.bare();
    if (!room.isValid() || room.local().isEmpty() || options.nick.isEmpty())
        return QtFuture::makeReadyFuture(
            Out(Core::fail(Error::Code::Stanza, u"muc-bad-address"_s)));
    Room &state = m_rooms[room];
    if (state.joining)
        return state.joining->future();
    state.nick = options.nick;
    state.joined = false;
    state.occupants.clear();
    auto promise = std::make_shared<QPromise<Out>>();
    promise->start();
    state.joining = promise;

    Element history(u"history"_s);
    if (options.historySince.isValid())
        history.setAttribute(u"since"_s, formatDateTime(options.historySince));
    else
        history.setAttribute(u"maxstanzas"_s, u"0"_s);
    Element presence(u"presence"_s, Ns::Client.toString());
    presence.setAttribute(u"to"_s, Core::Jid(room.local(), room.domain(), options.nick).toString());
    presence.appendChild(Element(u"x"_s, Ns::Muc.toString()).appendChild(history));
    client().send(presence);
    qCInfo(lcMuc) << "joining a room";

    QTimer::singleShot(JoinTimeoutMs, this, [this, room, weak = std::weak_ptr(promise)] {
        auto p = weak.lock();
        if (p && m_rooms.contains(room) && m_rooms[room].joining == p)
            finishJoin(room, Core::fail(Error::Code::Timeout, u"muc-join-timeout"_s));
    });
    return promise->future();
}

void MucExtension::finishJoin(const Core::Jid &room, Core::Result<JoinResult> result)
{
    auto it = m_rooms.find(room);
    if (it == m_rooms.end() || !it->joining)
        return;
    auto promise = std::exchange(it->joining, nullptr);
    if (!result && !it->joined)
        m_rooms.erase(it);
    promise->addResult(std::move(result));
    promise->finish();
}

QFuture<Core::Result<void>> MucExtension::leave(const Core::Jid &roomJid)
{
    const Core::Jid room = roomJid.bare();
    auto it = m_rooms.find(room);
    if (it == m_rooms.end())
        return QtFuture::makeReadyFuture(Core::Result<void>{});
    if (it->leaving)
        return it->leaving->future();
    auto promise = std::make_shared<QPromise<Core::Result<void>>>();
    promise->start();
    it->leaving = promise;
    Element presence(u"presence"_s, Ns::Client.toString());
    presence.setAttribute(u"to"_s, Core::Jid(room.local(), room.domain(), it->nick).toString());
    presence.setAttribute(u"type"_s, u"unavailable"_s);
    client().send(presence);
    if (!client().isConnected()) {
        m_rooms.erase(it);
        promise->addResult(Core::Result<void>{});
        promise->finish();
        return promise->future();
    }
    QTimer::singleShot(LeaveWaitMs, this, [this, room, weak = std::weak_ptr(promise)] {
        auto p = weak.lock();
        if (!p || !m_rooms.contains(room) || m_rooms[room].leaving != p)
            return;
        m_rooms.remove(room);
        p->addResult(Core::Result<void>{});
        p->finish();
    });
    return promise->future();
}

QFuture<Core::Result<void>> MucExtension::configure(const Core::Jid &roomJid,
                                                    const RoomConfig &config)
{
    const Core::Jid room = roomJid.bare();
    auto promise = std::make_shared<QPromise<Core::Result<void>>>();
    promise->start();
    auto future = promise->future();
    const auto settle = [promise](Core::Result<void> r) {
        promise->addResult(std::move(r));
        promise->finish();
    };
    client()
        .sendIq(iqOf(u"get", room, Element(u"query"_s, Ns::MucOwner.toString())))
        .then(this, [this, room, config, settle](const Core::Result<Element> &form) {
            if (!form) {
                settle(std::unexpected(form.error()));
                return;
            }
            QSet<QString> offered;
            for (const Element &field : form->firstChild(u"query", Ns::MucOwner)
                                            .firstChild(u"x", Ns::DataForms)
                                            .childrenNamed(u"field"))
                offered.insert(field.attribute(u"var"));
            Element submit(u"x"_s, Ns::DataForms.toString());
            submit.setAttribute(u"type"_s, u"submit"_s);
            submit.appendChild(formField(u"FORM_TYPE"_s, Ns::MucRoomConfig.toString())
                                   .setAttribute(u"type"_s, u"hidden"_s));
            // The guarantees a care-team room rests on must be settable.
            const QList<std::pair<QString, QString>> required = {
                {u"muc#roomconfig_membersonly"_s, boolValue(config.membersOnly)},
                {u"muc#roomconfig_whois"_s, config.nonAnonymous ? u"anyone"_s : u"moderators"_s},
                {u"muc#roomconfig_persistentroom"_s, boolValue(config.persistent)},
                {u"muc#roomconfig_publicroom"_s, boolValue(config.isPublic)},
            };
            for (const auto &[var, value] : required) {
                if (!offered.contains(var)) {
                    settle(Core::fail(Error::Code::Policy, u"muc-config-unsupported: "_s + var));
                    return;
                }
                submit.appendChild(formField(var, value));
            }
            if (!config.name.isEmpty() && offered.contains(u"muc#roomconfig_roomname"_s))
                submit.appendChild(formField(u"muc#roomconfig_roomname"_s, config.name));
            // Prosody's mod_muc_mam and ejabberd name the archive switch differently.
            for (const QString &var :
                 {u"muc#roomconfig_enablearchiving"_s, u"mam"_s, u"muc#roomconfig_mam"_s})
                if (offered.contains(var))
                    submit.appendChild(formField(var, boolValue(config.archiving)));
            // Members may see who else is a member, so their clients can encrypt to all.
            if (offered.contains(u"muc#roomconfig_getmemberlist"_s)) {
                Element field(u"field"_s);
                field.setAttribute(u"var"_s, u"muc#roomconfig_getmemberlist"_s);
                for (const QString &role : {u"moderator"_s, u"participant"_s})
                    field.appendChild(Element(u"value"_s).setText(role));
                submit.appendChild(field);
            }
            client()
                .sendIq(iqOf(u"set", room,
                             Element(u"query"_s, Ns::MucOwner.toString()).appendChild(submit)))
                .then(this, [settle](const Core::Result<Element> &done) {
                    if (!done)
                        settle(std::unexpected(done.error()));
                    else
                        settle({});
                });
        });
    return future;
}

QFuture<Core::Result<void>>
MucExtension::setAffiliation(const Core::Jid &room, const Core::Jid &jid, Affiliation affiliation)
{
    Element item(u"item"_s);
    item.setAttribute(u"affiliation"_s, affiliationName(affiliation));
    item.setAttribute(u"jid"_s, jid.bareString());
    return client()
        .sendIq(iqOf(u"set", room.bare(),
                     Element(u"query"_s, Ns::MucAdmin.toString()).appendChild(item)))
        .then(this, [](const Core::Result<Element> &done) -> Core::Result<void> {
            if (!done)
                return std::unexpected(done.error());
            return {};
        });
}

QFuture<Core::Result<QList<MucExtension::AffiliationItem>>>
MucExtension::affiliations(const Core::Jid &room, Affiliation affiliation)
{
    Element item(u"item"_s);
    item.setAttribute(u"affiliation"_s, affiliationName(affiliation));
    return client()
        .sendIq(iqOf(u"get", room.bare(),
                     Element(u"query"_s, Ns::MucAdmin.toString()).appendChild(item)))
        .then(this,
              [affiliation](
                  const Core::Result<Element> &result) -> Core::Result<QList<AffiliationItem>> {
                  if (!result)
                      return std::unexpected(result.error());
                  QList<AffiliationItem> out;
                  for (const Element &i :
                       result->firstChild(u"query", Ns::MucAdmin).childrenNamed(u"item")) {
                      const Core::Jid jid = Core::Jid(i.attribute(u"jid")).bare();
                      if (!jid.isValid())
                          continue;
                      out.append(
                          {jid,
                           affiliationFromName(i.attribute(u"affiliation")).value_or(affiliation),
                           i.attribute(u"nick")});
                  }
                  return out;
              });
}

QFuture<Core::Result<QList<MucExtension::AffiliationItem>>>
MucExtension::members(const Core::Jid &room)
{
    using Out = Core::Result<QList<AffiliationItem>>;
    struct Join
    {
        QPromise<Out> promise;
        QList<AffiliationItem> items;
        int left = 3;
        int answered = 0;
        std::optional<Error> error;
    };
    auto join = std::make_shared<Join>();
    join->promise.start();
    auto future = join->promise.future();
    for (Affiliation a : {Affiliation::Owner, Affiliation::Admin, Affiliation::Member}) {
        affiliations(room, a).then(this, [join, a](Out list) {
            if (list) {
                ++join->answered;
                join->items += *list;
            } else {
                // A member may not see the owner list on some servers.
                qCInfo(lcMuc) << "affiliation list" << affiliationName(a)
                              << "unavailable:" << list.error().detail;
                join->error = list.error();
            }
            if (--join->left > 0)
                return;
            if (join->answered == 0) {
                join->promise.addResult(Out(std::unexpected(*join->error)));
            } else {
                QList<AffiliationItem> unique;
                QSet<Core::Jid> seen;
                for (const AffiliationItem &item : std::as_const(join->items))
                    if (!seen.contains(item.jid)) {
                        seen.insert(item.jid);
                        unique.append(item);
                    }
                join->promise.addResult(Out(unique));
            }
            join->promise.finish();
        });
    }
    return future;
}

QString MucExtension::sendGroupchat(const Core::Jid &room, const QString &body, const QString &id)
{
    Message message;
    message.id = id.isEmpty() ? Client::newId() : id;
    message.originId = message.id;
    message.to = room.bare();
    message.type = u"groupchat"_s;
    message.body = body;
    client().send(message.toElement());
    return message.id;
}

bool MucExtension::isJoined(const Core::Jid &room) const
{
    auto it = m_rooms.constFind(room.bare());
    return it != m_rooms.cend() && it->joined;
}

QList<Core::Jid> MucExtension::joinedRooms() const
{
    QList<Core::Jid> out;
    for (auto it = m_rooms.cbegin(); it != m_rooms.cend(); ++it)
        if (it->joined)
            out << it.key();
    return out;
}

QString MucExtension::nick(const Core::Jid &room) const
{
    return m_rooms.value(room.bare()).nick;
}

QList<MucExtension::Occupant> MucExtension::occupants(const Core::Jid &room) const
{
    return m_rooms.value(room.bare()).occupants.values();
}

Core::Jid MucExtension::realJid(const Core::Jid &room, const QString &nick) const
{
    auto it = m_rooms.constFind(room.bare());
    if (it == m_rooms.cend())
        return {};
    if (auto o = it->occupants.constFind(nick); o != it->occupants.cend() && o->realJid.isValid())
        return o->realJid.bare();
    return it->seen.value(nick);
}

void MucExtension::onSessionStarted(bool resumed)
{
    if (resumed)
        return;
    // A new session is in no room: the owner (Account) enters them again.
    const QList<Core::Jid> rooms = m_rooms.keys();
    for (const Core::Jid &room : rooms) {
        Room &state = m_rooms[room];
        state.joined = false;
        state.occupants.clear();
        if (state.leaving) {
            auto p = std::exchange(state.leaving, nullptr);
            p->addResult(Core::Result<void>{});
            p->finish();
        }
        if (state.joining)
            finishJoin(room, Core::fail(Error::Code::Network, u"muc-session-lost"_s));
        else
            m_rooms.remove(room);
    }
}

bool MucExtension::handleStanza(const Element &stanza)
{
    if (stanza.name() == u"presence")
        return handlePresence(stanza);
    if (stanza.name() == u"message")
        return handleMessage(stanza);
    return false;
}

bool MucExtension::handlePresence(const Element &stanza)
{
    const Core::Jid from(stanza.attribute(u"from"));
    const Core::Jid room = from.bare();
    auto it = m_rooms.find(room);
    if (it == m_rooms.end())
        return false;
    const QString type = stanza.attribute(u"type");
    const QString nick = from.resource();
    if (type == u"error") {
        const QString condition = errorCondition(stanza);
        qCInfo(lcMuc) << "room refused presence:" << condition;
        if (it->joining && !it->joined)
            finishJoin(room, std::unexpected(joinError(condition)));
        return true;
    }
    if (!type.isEmpty() && type != u"unavailable")
        return true;
    const Element x = stanza.firstChild(u"x", Ns::MucUser);
    const QList<int> codes = statusCodes(x);
    const Element item = x.firstChild(u"item");
    Occupant occupant;
    occupant.nick = nick;
    occupant.realJid = Core::Jid(item.attribute(u"jid"));
    occupant.affiliation =
        affiliationFromName(item.attribute(u"affiliation")).value_or(Affiliation::None);
    occupant.role = roleFromName(item.attribute(u"role"));
    // Status 110 marks our own presence (another session of ours may share the nick).
    const bool self = codes.contains(110);
    const bool available = type.isEmpty();

    if (self) {
        if (!available) {
            if (codes.contains(303)) { // our nick changed
                it->nick = item.attribute(u"nick");
                return true;
            }
            const bool wasJoined = it->joined;
            auto leaving = std::exchange(it->leaving, nullptr);
            QString reason = u"muc-left"_s;
            if (codes.contains(307))
                reason = u"muc-kicked"_s;
            else if (codes.contains(301))
                reason = u"muc-banned"_s;
            else if (codes.contains(321))
                reason = u"muc-membership-removed"_s;
            else if (codes.contains(322))
                reason = u"muc-members-only"_s;
            else if (codes.contains(332))
                reason = u"muc-shutdown"_s;
            else if (!x.firstChild(u"destroy").isNull())
                reason = u"muc-destroyed"_s;
            if (it->joining)
                finishJoin(room, Core::fail(Error::Code::Policy, reason));
            m_rooms.remove(room);
            if (leaving) {
                leaving->addResult(Core::Result<void>{});
                leaving->finish();
            } else if (wasJoined) {
                qCInfo(lcMuc) << "removed from a room:" << reason;
                Q_EMIT roomLeft(room, Error{Error::Code::Policy, reason});
            }
            return true;
        }
        it->nick = nick;
        it->affiliation = occupant.affiliation;
        it->role = occupant.role;
        it->occupants.insert(nick, occupant);
        if (occupant.realJid.isValid())
            it->seen.insert(nick, occupant.realJid.bare());
        const bool first = !it->joined;
        it->joined = true;
        if (it->joining) {
            JoinResult result;
            result.nick = nick;
            result.created = codes.contains(201);
            result.nonAnonymous = codes.contains(100);
            result.affiliation = occupant.affiliation;
            result.role = occupant.role;
            result.statusCodes = codes;
            qCInfo(lcMuc) << "in the room; status codes" << codes;
            finishJoin(room, result);
        } else if (first) {
            qCInfo(lcMuc) << "in the room again";
        }
        Q_EMIT occupantsChanged(room);
        return true;
    }

    if (available) {
        it->occupants.insert(nick, occupant);
        if (occupant.realJid.isValid())
            it->seen.insert(nick, occupant.realJid.bare());
    } else {
        it->occupants.remove(nick);
        if (codes.contains(303) && occupant.realJid.isValid())
            it->seen.insert(item.attribute(u"nick"), occupant.realJid.bare());
    }
    Q_EMIT occupantsChanged(room);
    return true;
}

QFuture<Core::Result<MucExtension::RoomInfo>> MucExtension::roomInfo(const Core::Jid &room)
{
    return client()
        .sendIq(iqOf(u"get", room.bare(), Element(u"query"_s, Ns::DiscoInfo.toString())))
        .then(this, [](const Core::Result<Element> &answer) -> Core::Result<RoomInfo> {
            if (!answer)
                return std::unexpected(answer.error());
            RoomInfo info;
            const Element query = answer->firstChild(u"query", Ns::DiscoInfo);
            for (const Element &identity : query.childrenNamed(u"identity"))
                if (identity.attribute(u"category") == u"conference" && info.name.isEmpty())
                    info.name = identity.attribute(u"name");
            for (const Element &feature : query.childrenNamed(u"feature"))
                info.archive = info.archive || feature.attribute(u"var") == u"urn:xmpp:mam:2";
            return info;
        });
}

void MucExtension::sendDirectInvitation(const Core::Jid &to, const Core::Jid &room)
{
    Element message(u"message"_s, Ns::Client.toString());
    message.setAttribute(u"to"_s, to.bareString());
    message.setAttribute(u"id"_s, Client::newId());
    Element x(u"x"_s, DirectInviteNs.toString());
    x.setAttribute(u"jid"_s, room.bareString());
    message.appendChild(x);
    client().send(message);
}

bool MucExtension::handleMessage(const Element &stanza)
{
    const QString type = stanza.attribute(u"type");
    const Core::Jid from(stanza.attribute(u"from"));
    const Core::Jid room = from.bare();
    if (type != u"groupchat") {
        // A mediated invitation comes from the room, as a normal message.
        const Element invite = stanza.firstChild(u"x", Ns::MucUser).firstChild(u"invite");
        if (type != u"error" && !invite.isNull() && from.isBare()) {
            Q_EMIT invited(room, Core::Jid(invite.attribute(u"from")).bare());
            return true;
        }
        // XEP-0249: the inviter writes to us directly; the room is named inside.
        const Element direct = stanza.firstChild(u"x", DirectInviteNs);
        if (type != u"error" && !direct.isNull()) {
            const Core::Jid invitedTo = Core::Jid(direct.attribute(u"jid")).bare();
            if (invitedTo.isValid() && !invitedTo.local().isEmpty())
                Q_EMIT directInvitation(invitedTo, from.bare());
            return true;
        }
        return false;
    }
    auto it = m_rooms.constFind(room);
    if (it == m_rooms.cend())
        return true; // a room we are not in has nothing to tell us
    auto message = Message::fromElement(stanza);
    if (!message || from.resource().isEmpty())
        return true; // the room's own notices (configuration changes)
    const QString nick = from.resource();
    Core::Jid real = realJid(room, nick);
    if (!real.isValid() && message->delayed.isValid()) {
        // History of someone no longer present: the archive of a non-anonymous
        // room names the real JID (Prosody: muc#user item; ejabberd: XEP-0033 ofrom).
        const Element item = stanza.firstChild(u"x", Ns::MucUser).firstChild(u"item");
        real = Core::Jid(item.attribute(u"jid")).bare();
        if (!real.isValid())
            for (const Element &address :
                 stanza.firstChild(u"addresses", Ns::Addresses).childrenNamed(u"address"))
                if (address.attribute(u"type") == u"ofrom")
                    real = Core::Jid(address.attribute(u"jid")).bare();
    }
    const bool own = nick == it->nick;
    Q_EMIT groupchatReceived(*message, real, own);
    return true;
}

} // namespace Xmpp
