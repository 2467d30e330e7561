// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace Xmpp::Ns {

inline constexpr QStringView Client = u"jabber:client";
inline constexpr QStringView Framing = u"urn:ietf:params:xml:ns:xmpp-framing";
inline constexpr QStringView Stream = u"http://etherx.jabber.org/streams";
inline constexpr QStringView StreamErrors = u"urn:ietf:params:xml:ns:xmpp-streams";
inline constexpr QStringView Sasl = u"urn:ietf:params:xml:ns:xmpp-sasl";
inline constexpr QStringView Bind = u"urn:ietf:params:xml:ns:xmpp-bind";
inline constexpr QStringView Stanzas = u"urn:ietf:params:xml:ns:xmpp-stanzas";
inline constexpr QStringView Sm = u"urn:xmpp:sm:3";
inline constexpr QStringView Ping = u"urn:xmpp:ping";
inline constexpr QStringView DiscoInfo = u"http://jabber.org/protocol/disco#info";
inline constexpr QStringView Roster = u"jabber:iq:roster";
inline constexpr QStringView Sid = u"urn:xmpp:sid:0";
inline constexpr QStringView Delay = u"urn:xmpp:delay";
inline constexpr QStringView Forward = u"urn:xmpp:forward:0";
inline constexpr QStringView DataForms = u"jabber:x:data";
inline constexpr QStringView Hints = u"urn:xmpp:hints";
inline constexpr QStringView Carbons = u"urn:xmpp:carbons:2";
inline constexpr QStringView Mam = u"urn:xmpp:mam:2";
inline constexpr QStringView Rsm = u"http://jabber.org/protocol/rsm";
inline constexpr QStringView Receipts = u"urn:xmpp:receipts";
inline constexpr QStringView ChatMarkers = u"urn:xmpp:chat-markers:0";
inline constexpr QStringView PubSub = u"http://jabber.org/protocol/pubsub";
inline constexpr QStringView PubSubEvent = u"http://jabber.org/protocol/pubsub#event";
inline constexpr QStringView PubSubOwner = u"http://jabber.org/protocol/pubsub#owner";
inline constexpr QStringView PubSubErrors = u"http://jabber.org/protocol/pubsub#errors";
inline constexpr QStringView PubSubPublishOptions =
    u"http://jabber.org/protocol/pubsub#publish-options";
inline constexpr QStringView PubSubNodeConfig = u"http://jabber.org/protocol/pubsub#node_config";
inline constexpr QStringView Caps = u"http://jabber.org/protocol/caps";
inline constexpr QStringView Eme = u"urn:xmpp:eme:0";
inline constexpr QStringView Sce = u"urn:xmpp:sce:1";
inline constexpr QStringView DiscoItems = u"http://jabber.org/protocol/disco#items";
inline constexpr QStringView Muc = u"http://jabber.org/protocol/muc";
inline constexpr QStringView MucUser = u"http://jabber.org/protocol/muc#user";
inline constexpr QStringView MucAdmin = u"http://jabber.org/protocol/muc#admin";
inline constexpr QStringView MucOwner = u"http://jabber.org/protocol/muc#owner";
inline constexpr QStringView MucRoomConfig = u"http://jabber.org/protocol/muc#roomconfig";
inline constexpr QStringView Addresses = u"http://jabber.org/protocol/address";
inline constexpr QStringView Commands = u"http://jabber.org/protocol/commands";
/// Rounds IT administration (docs/admin.md): device report, wipe, revoke.
inline constexpr QStringView RoundsAdmin = u"https://rounds.invalid/ns/admin";
inline constexpr QStringView RoundsPolicy = u"https://rounds.invalid/ns/policy";

} // namespace Xmpp::Ns
