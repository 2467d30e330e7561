// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"

#include "core/Jid.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Xmpp::Omemo {

/// The two wire versions of XEP-0384. The numbers are libomemo-c's session
/// versions (session_builder_set_version / session_cipher_set_version).
enum class Version : int {
    Legacy = 3, ///< eu.siacs.conversations.axolotl (XEP-0384 0.3)
    V2 = 4,     ///< urn:xmpp:omemo:2 (XEP-0384 0.8+)
};

inline constexpr QStringView LegacyNs = u"eu.siacs.conversations.axolotl";
inline constexpr QStringView V2Ns = u"urn:xmpp:omemo:2";
inline constexpr QStringView SceNs = u"urn:xmpp:sce:1";
inline constexpr QStringView EmeNs = u"urn:xmpp:eme:0";

QStringView namespaceOf(Version version);
/// "legacy" or "omemo2" (logs, JSON, settings).
QString versionName(Version version);

/// PEP node of the device list: eu.siacs.conversations.axolotl.devicelist or
/// urn:xmpp:omemo:2:devices. The item id is "current" for both.
QString deviceListNode(Version version);
/// PEP node and item id of one device's bundle. Legacy: node
/// "eu.siacs.conversations.axolotl.bundles:<id>", item "current"; OMEMO 2: node
/// "urn:xmpp:omemo:2:bundles", item "<id>".
QString bundleNode(Version version, quint32 deviceId);
QString bundleItemId(Version version, quint32 deviceId);

struct PreKey
{
    quint32 id = 0;
    QByteArray publicKey; ///< as on the wire for the version (see Bundle)
    bool operator==(const PreKey &) const = default;
};

/// A device's published keys, raw bytes as that version puts them on the wire
/// (base64 only in XML). Legacy: 33-byte 0x05-prefixed Curve25519 keys and an
/// XEdDSA signature over the prefixed signed pre-key. OMEMO 2: a 32-byte Ed25519
/// identity key, 32-byte X25519 pre-keys, signature over the raw signed pre-key.
struct Bundle
{
    quint32 deviceId = 0; ///< not in the XML; from the node or item id
    QByteArray identityKey;
    quint32 signedPreKeyId = 0;
    QByteArray signedPreKey;
    QByteArray signedPreKeySignature;
    QList<PreKey> preKeys;
    bool operator==(const Bundle &) const = default;
};

/// <bundle/> payload of a PEP item. Legacy element names: signedPreKeyPublic,
/// signedPreKeySignature, identityKey, prekeys/preKeyPublic(preKeyId); OMEMO 2:
/// spk(id), spks, ik, prekeys/pk(id).
Element bundleToElement(const Bundle &bundle, Version version);
/// nullopt when anything required is missing, not base64, or has the wrong size
/// for the version.
std::optional<Bundle> bundleFromElement(const Element &bundle, Version version, quint32 deviceId);

/// <list xmlns=legacy><device id/></list> or <devices xmlns=v2><device id/></devices>.
/// OMEMO 2 labels are never published (python-omemo rejects labelsig).
Element deviceListToElement(const QList<quint32> &deviceIds, Version version);
/// Device ids in a device-list payload; ids that are 0, not numbers or out of
/// the 31-bit range are skipped. nullopt when the element is not a device list.
std::optional<QList<quint32>> deviceListFromElement(const Element &list, Version version);

/// One encrypted key for one recipient device.
struct EncryptedKey
{
    QString jid;          ///< OMEMO 2 groups keys per bare JID; legacy has no JID (empty)
    quint32 deviceId = 0; ///< rid
    QByteArray data;
    bool preKey = false; ///< legacy prekey='true', OMEMO 2 kex='true'; only written when true
    bool operator==(const EncryptedKey &) const = default;
};

/// <encrypted/> as carried by a message. No payload = key transport / heartbeat.
struct Encrypted
{
    Version version = Version::V2;
    quint32 senderDeviceId = 0; ///< sid
    QByteArray iv;              ///< legacy only (12 bytes)
    QList<EncryptedKey> keys;
    std::optional<QByteArray> payload;
    bool operator==(const Encrypted &) const = default;

    /// Keys addressed to this device (of this JID for OMEMO 2).
    QList<EncryptedKey> keysFor(const QString &bareJid, quint32 deviceId) const;
};

Element encryptedToElement(const Encrypted &encrypted);
/// The <encrypted/> child of a message stanza in either namespace; nullopt when
/// there is none or it is malformed (then `error`, if given, says what).
std::optional<Encrypted> encryptedFromMessage(const Element &message, QString *error = nullptr);
std::optional<Encrypted> encryptedFromElement(const Element &encrypted, QString *error = nullptr);

/// Adds <encrypted/>, the XEP-0380 <encryption/> marker, a <store/> hint and the
/// plain fallback body (the only body an encrypted message carries) to a message.
void attachEncrypted(Element &message, const Encrypted &encrypted, const QString &fallbackBody);

/// XEP-0420 envelope for OMEMO 2 payloads:
/// <envelope xmlns='urn:xmpp:sce:1'><content><body xmlns='jabber:client'>..</body></content>
///   <rpad>..</rpad><time stamp=''/><to jid=''/><from jid=''/></envelope>
struct SceEnvelope
{
    QString body;
    Core::Jid to;   ///< bare JID of the recipient (or room)
    Core::Jid from; ///< bare JID of the sender
    QDateTime time;
    /// Other children of <content> (XEP-0420: elements protected with the
    /// body, such as the clinical ones of docs/protocol.md), in order.
    QList<Element> extra;
};
/// UTF-8 XML, with random padding of 0..200 characters.
QByteArray sceToBytes(const SceEnvelope &envelope);
/// nullopt when not a well-formed envelope.
std::optional<SceEnvelope> sceFromBytes(const QByteArray &xml, QString *error = nullptr);

} // namespace Xmpp::Omemo
