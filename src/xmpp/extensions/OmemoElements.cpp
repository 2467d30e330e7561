// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/OmemoElements.h"

#include "xmpp/Message.h"
#include "xmpp/Namespaces.h"
#include "xmpp/XmlStreamParser.h"

#include <QRandomGenerator>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Xmpp::Omemo {

namespace {

constexpr quint32 MaxDeviceId = 0x7fffffff;
constexpr qsizetype LegacyKeySize = 33; // 0x05 type byte + 32-byte Curve25519 key
constexpr qsizetype V2KeySize = 32;
constexpr qsizetype SignatureSize = 64;
constexpr char DjbKeyType = 0x05;
constexpr qsizetype MaxEnvelopeBytes = 64 * 1024;
constexpr int MaxPaddingChars = 200;

/// The sentinel after an envelope proves the envelope was complete and alone.
constexpr QStringView EndSentinel = u"<end xmlns='urn:rounds:sce-end'/>";

QString ns(Version version)
{
    return namespaceOf(version).toString();
}

std::optional<Version> versionOf(QStringView xmlns)
{
    if (xmlns == LegacyNs)
        return Version::Legacy;
    if (xmlns == V2Ns)
        return Version::V2;
    return std::nullopt;
}

/// Children built in code carry no namespace (they inherit it when written);
/// parsed ones carry the resolved one. Either is fine, a foreign one is not.
bool isChild(const Element &element, QStringView name, QStringView xmlns)
{
    return element.name() == name && (element.xmlns().isEmpty() || element.xmlns() == xmlns);
}

Element child(const Element &parent, QStringView name, QStringView xmlns)
{
    for (const Element &c : parent.children())
        if (isChild(c, name, xmlns))
            return c;
    return {};
}

QList<Element> children(const Element &parent, QStringView name, QStringView xmlns)
{
    QList<Element> out;
    for (const Element &c : parent.children())
        if (isChild(c, name, xmlns))
            out.append(c);
    return out;
}

QString toBase64(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64());
}

/// Strict base64: any character outside the alphabet (apart from surrounding
/// whitespace) or bad padding fails.
std::optional<QByteArray> fromBase64(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    QByteArray ascii;
    ascii.reserve(trimmed.size());
    for (const QChar c : trimmed) {
        if (c.unicode() > 0x7f)
            return std::nullopt;
        ascii.append(char(c.unicode()));
    }
    auto decoded = QByteArray::fromBase64Encoding(
        ascii, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

/// Decimal digits only, no sign or spaces, fits in 32 bits.
std::optional<quint32> parseUInt(QStringView text)
{
    if (text.isEmpty() || text.size() > 10)
        return std::nullopt;
    quint64 value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + quint64(c.unicode() - u'0');
    }
    if (value > 0xffffffffULL)
        return std::nullopt;
    return quint32(value);
}

/// Device ids are 31-bit and never 0 (XEP-0384).
std::optional<quint32> parseDeviceId(QStringView text)
{
    const auto id = parseUInt(text);
    if (!id || *id == 0 || *id > MaxDeviceId)
        return std::nullopt;
    return id;
}

bool isTrue(QStringView value)
{
    return value == u"true" || value == u"1";
}

bool validKey(const QByteArray &key, Version version)
{
    if (version == Version::Legacy)
        return key.size() == LegacyKeySize && key.at(0) == DjbKeyType;
    return key.size() == V2KeySize;
}

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

struct BundleNames
{
    QStringView signedPreKey, signedPreKeyId, signature, identityKey, preKey, preKeyId;
};

BundleNames bundleNames(Version version)
{
    if (version == Version::Legacy)
        return {u"signedPreKeyPublic", u"signedPreKeyId", u"signedPreKeySignature",
                u"identityKey",        u"preKeyPublic",   u"preKeyId"};
    return {u"spk", u"id", u"spks", u"ik", u"pk", u"id"};
}

Element textElement(QStringView name, const QString &text)
{
    return Element(name.toString()).setText(text);
}

} // namespace

QStringView namespaceOf(Version version)
{
    return version == Version::Legacy ? LegacyNs : V2Ns;
}

QString versionName(Version version)
{
    return version == Version::Legacy ? u"legacy"_s : u"omemo2"_s;
}

QString deviceListNode(Version version)
{
    return version == Version::Legacy ? u"eu.siacs.conversations.axolotl.devicelist"_s
                                      : u"urn:xmpp:omemo:2:devices"_s;
}

QString bundleNode(Version version, quint32 deviceId)
{
    if (version == Version::Legacy)
        return u"eu.siacs.conversations.axolotl.bundles:"_s + QString::number(deviceId);
    return u"urn:xmpp:omemo:2:bundles"_s;
}

QString bundleItemId(Version version, quint32 deviceId)
{
    return version == Version::Legacy ? u"current"_s : QString::number(deviceId);
}

// Bundles

Element bundleToElement(const Bundle &bundle, Version version)
{
    const BundleNames n = bundleNames(version);
    Element element(u"bundle"_s, ns(version));
    Element spk = textElement(n.signedPreKey, toBase64(bundle.signedPreKey));
    spk.setAttribute(n.signedPreKeyId.toString(), QString::number(bundle.signedPreKeyId));
    element.appendChild(spk);
    element.appendChild(textElement(n.signature, toBase64(bundle.signedPreKeySignature)));
    element.appendChild(textElement(n.identityKey, toBase64(bundle.identityKey)));
    Element preKeys(u"prekeys"_s);
    for (const PreKey &preKey : bundle.preKeys) {
        Element pk = textElement(n.preKey, toBase64(preKey.publicKey));
        pk.setAttribute(n.preKeyId.toString(), QString::number(preKey.id));
        preKeys.appendChild(pk);
    }
    element.appendChild(preKeys);
    return element;
}

std::optional<Bundle> bundleFromElement(const Element &element, Version version, quint32 deviceId)
{
    const QStringView xmlns = namespaceOf(version);
    if (!element.is(u"bundle", xmlns))
        return std::nullopt;
    const BundleNames n = bundleNames(version);
    Bundle bundle;
    bundle.deviceId = deviceId;

    const Element spk = child(element, n.signedPreKey, xmlns);
    const auto spkId = parseUInt(spk.attribute(n.signedPreKeyId));
    const auto spkData = fromBase64(spk.text());
    if (spk.isNull() || !spkId || !spkData || !validKey(*spkData, version))
        return std::nullopt;
    bundle.signedPreKeyId = *spkId;
    bundle.signedPreKey = *spkData;

    const Element signature = child(element, n.signature, xmlns);
    const auto signatureData = fromBase64(signature.text());
    if (signature.isNull() || !signatureData || signatureData->size() != SignatureSize)
        return std::nullopt;
    bundle.signedPreKeySignature = *signatureData;

    const Element identity = child(element, n.identityKey, xmlns);
    const auto identityData = fromBase64(identity.text());
    if (identity.isNull() || !identityData || !validKey(*identityData, version))
        return std::nullopt;
    bundle.identityKey = *identityData;

    // One bad pre-key does not make the device unreachable: skip it. A bundle
    // with no usable pre-key cannot start a session at all.
    for (const Element &pk : children(child(element, u"prekeys", xmlns), n.preKey, xmlns)) {
        const auto id = parseUInt(pk.attribute(n.preKeyId));
        const auto data = fromBase64(pk.text());
        if (id && data && validKey(*data, version))
            bundle.preKeys.append(PreKey{*id, *data});
    }
    if (bundle.preKeys.isEmpty())
        return std::nullopt;
    return bundle;
}

// Device lists

Element deviceListToElement(const QList<quint32> &deviceIds, Version version)
{
    Element list(version == Version::Legacy ? u"list"_s : u"devices"_s, ns(version));
    for (const quint32 id : deviceIds)
        list.appendChild(Element(u"device"_s).setAttribute(u"id"_s, QString::number(id)));
    return list;
}

std::optional<QList<quint32>> deviceListFromElement(const Element &list, Version version)
{
    const QStringView name = version == Version::Legacy ? u"list" : u"devices";
    if (!list.is(name, namespaceOf(version)))
        return std::nullopt;
    QList<quint32> ids;
    for (const Element &device : children(list, u"device", namespaceOf(version))) {
        const auto id = parseDeviceId(device.attribute(u"id"));
        if (id && !ids.contains(*id))
            ids.append(*id);
    }
    return ids;
}

// Encrypted messages

QList<EncryptedKey> Encrypted::keysFor(const QString &bareJid, quint32 deviceId) const
{
    const Core::Jid wanted(bareJid);
    QList<EncryptedKey> out;
    for (const EncryptedKey &key : keys) {
        if (key.deviceId != deviceId)
            continue;
        if (version == Version::V2 && Core::Jid(key.jid).bare() != wanted.bare())
            continue;
        out.append(key);
    }
    return out;
}

Element encryptedToElement(const Encrypted &encrypted)
{
    const bool legacy = encrypted.version == Version::Legacy;
    auto keyElement = [legacy](const EncryptedKey &key) {
        Element element(u"key"_s);
        element.setAttribute(u"rid"_s, QString::number(key.deviceId));
        // Only when true: python-omemo reads any value, "false" included, as true.
        if (key.preKey)
            element.setAttribute(legacy ? u"prekey"_s : u"kex"_s, u"true"_s);
        element.setText(toBase64(key.data));
        return element;
    };

    Element header(u"header"_s);
    header.setAttribute(u"sid"_s, QString::number(encrypted.senderDeviceId));
    if (legacy) {
        for (const EncryptedKey &key : encrypted.keys)
            header.appendChild(keyElement(key));
        header.appendChild(textElement(u"iv", toBase64(encrypted.iv)));
    } else {
        QStringList jids;
        for (const EncryptedKey &key : encrypted.keys)
            if (!jids.contains(key.jid))
                jids.append(key.jid);
        for (const QString &jid : jids) {
            Element group(u"keys"_s);
            group.setAttribute(u"jid"_s, jid);
            for (const EncryptedKey &key : encrypted.keys)
                if (key.jid == jid)
                    group.appendChild(keyElement(key));
            header.appendChild(group);
        }
    }

    Element element(u"encrypted"_s, ns(encrypted.version));
    element.appendChild(header);
    if (encrypted.payload)
        element.appendChild(textElement(u"payload", toBase64(*encrypted.payload)));
    return element;
}

namespace {

std::optional<EncryptedKey> parseKey(const Element &key, Version version, const QString &jid,
                                     QString *error)
{
    const auto rid = parseDeviceId(key.attribute(u"rid"));
    if (!rid) {
        fail(error, u"key without a valid rid"_s);
        return std::nullopt;
    }
    const auto data = fromBase64(key.text());
    if (!data || data->isEmpty()) {
        fail(error, u"key for device %1 is not base64"_s.arg(*rid));
        return std::nullopt;
    }
    const QStringView flag = version == Version::Legacy ? u"prekey" : u"kex";
    return EncryptedKey{jid, *rid, *data, isTrue(key.attribute(flag))};
}

} // namespace

std::optional<Encrypted> encryptedFromElement(const Element &element, QString *error)
{
    const auto version = element.name() == u"encrypted" ? versionOf(element.xmlns()) : std::nullopt;
    if (!version) {
        fail(error, u"not an OMEMO encrypted element"_s);
        return std::nullopt;
    }
    const QStringView xmlns = element.xmlns();
    Encrypted encrypted;
    encrypted.version = *version;

    const Element header = child(element, u"header", xmlns);
    if (header.isNull()) {
        fail(error, u"no header"_s);
        return std::nullopt;
    }
    const auto sid = parseDeviceId(header.attribute(u"sid"));
    if (!sid) {
        fail(error, u"header without a valid sid"_s);
        return std::nullopt;
    }
    encrypted.senderDeviceId = *sid;

    if (*version == Version::Legacy) {
        for (const Element &key : children(header, u"key", xmlns)) {
            auto parsed = parseKey(key, *version, {}, error);
            if (!parsed)
                return std::nullopt;
            encrypted.keys.append(std::move(*parsed));
        }
        const Element iv = child(header, u"iv", xmlns);
        const auto ivData = iv.isNull() ? std::nullopt : fromBase64(iv.text());
        if (!ivData || ivData->isEmpty()) {
            fail(error, u"legacy header without a valid iv"_s);
            return std::nullopt;
        }
        encrypted.iv = *ivData;
    } else {
        for (const Element &group : children(header, u"keys", xmlns)) {
            const QString jid = group.attribute(u"jid");
            if (!Core::Jid(jid).isValid()) {
                fail(error, u"keys without a valid jid"_s);
                return std::nullopt;
            }
            for (const Element &key : children(group, u"key", xmlns)) {
                auto parsed = parseKey(key, *version, jid, error);
                if (!parsed)
                    return std::nullopt;
                encrypted.keys.append(std::move(*parsed));
            }
        }
    }

    const Element payload = child(element, u"payload", xmlns);
    if (!payload.isNull()) {
        auto data = fromBase64(payload.text());
        if (!data) {
            fail(error, u"payload is not base64"_s);
            return std::nullopt;
        }
        encrypted.payload = std::move(*data);
    }
    return encrypted;
}

std::optional<Encrypted> encryptedFromMessage(const Element &message, QString *error)
{
    // A message may carry one element per version; OMEMO 2 comes first.
    for (const QStringView xmlns : {V2Ns, LegacyNs}) {
        const Element encrypted = message.firstChild(u"encrypted", xmlns);
        if (!encrypted.isNull())
            return encryptedFromElement(encrypted, error);
    }
    fail(error, u"no OMEMO encrypted element"_s);
    return std::nullopt;
}

void attachEncrypted(Element &message, const Encrypted &encrypted, const QString &fallbackBody)
{
    const QString xmlns = ns(encrypted.version);
    message.appendChild(encryptedToElement(encrypted));

    // One XEP-0380 marker per version carried; one store hint and one body in all.
    const bool marked = std::ranges::any_of(message.children(), [&](const Element &c) {
        return c.is(u"encryption", EmeNs) && c.attribute(u"namespace") == xmlns;
    });
    if (!marked) {
        Element eme(u"encryption"_s, EmeNs.toString());
        eme.setAttribute(u"namespace"_s, xmlns);
        eme.setAttribute(u"name"_s,
                         encrypted.version == Version::Legacy ? u"OMEMO"_s : u"OMEMO 2"_s);
        message.appendChild(eme);
    }
    if (!message.hasChild(u"store", Ns::Hints))
        message.appendChild(Element(u"store"_s, Ns::Hints.toString()));

    message.children().removeIf([](const Element &c) { return isChild(c, u"body", Ns::Client); });
    if (!fallbackBody.isEmpty())
        message.appendChild(Element(u"body"_s).setText(fallbackBody));
}

// XEP-0420 envelope

QByteArray sceToBytes(const SceEnvelope &envelope)
{
    Element content(u"content"_s);
    content.appendChild(Element(u"body"_s, Ns::Client.toString()).setText(envelope.body));
    for (const Element &extra : envelope.extra)
        content.appendChild(extra);

    Element root(u"envelope"_s, SceNs.toString());
    root.appendChild(content);

    // Hides the body's length: 0..200 characters of base64 text.
    auto *random = QRandomGenerator::system();
    const int padding = int(random->bounded(MaxPaddingChars + 1));
    if (padding > 0) {
        QByteArray bytes(padding, Qt::Uninitialized);
        for (char &b : bytes)
            b = char(random->bounded(256));
        const QString text = QString::fromLatin1(bytes.toBase64()).left(padding);
        root.appendChild(textElement(u"rpad", text));
    }

    const QDateTime time =
        envelope.time.isValid() ? envelope.time : QDateTime::currentDateTimeUtc();
    root.appendChild(Element(u"time"_s).setAttribute(u"stamp"_s, formatDateTime(time)));
    if (envelope.to.isValid())
        root.appendChild(Element(u"to"_s).setAttribute(u"jid"_s, envelope.to.toString()));
    if (envelope.from.isValid())
        root.appendChild(Element(u"from"_s).setAttribute(u"jid"_s, envelope.from.toString()));
    return root.toXml().toUtf8();
}

std::optional<SceEnvelope> sceFromBytes(const QByteArray &xml, QString *error)
{
    if (xml.size() > MaxEnvelopeBytes) {
        fail(error, u"envelope larger than %1 bytes"_s.arg(MaxEnvelopeBytes));
        return std::nullopt;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(xml);
    if (decoder.hasError()) {
        fail(error, u"envelope is not UTF-8"_s);
        return std::nullopt;
    }
    // Serialisers such as Python's ElementTree may put a declaration first; the
    // stream parser refuses processing instructions, so drop it here.
    if (text.startsWith(u"<?xml") && text.size() > 5 && text.at(5).isSpace()) {
        const qsizetype end = text.indexOf(u"?>");
        if (end < 0) {
            fail(error, u"envelope has an unterminated declaration"_s);
            return std::nullopt;
        }
        text.remove(0, end + 2);
    }

    XmlStreamParser parser(MaxEnvelopeBytes);
    text += EndSentinel;
    const auto parsed = parser.feed(text);
    if (!parsed) {
        fail(error, u"envelope is not well-formed: "_s + parsed.error().detail);
        return std::nullopt;
    }
    if (parsed->size() != 2 || !parsed->at(1).is(u"end", u"urn:rounds:sce-end")) {
        fail(error, u"not exactly one complete envelope"_s);
        return std::nullopt;
    }
    const Element &root = parsed->first();
    if (!root.is(u"envelope", SceNs)) {
        fail(error, u"not an envelope"_s);
        return std::nullopt;
    }
    const Element content = root.firstChild(u"content", SceNs);
    if (content.isNull()) {
        fail(error, u"envelope without content"_s);
        return std::nullopt;
    }

    SceEnvelope envelope;
    Element body = content.firstChild(u"body", Ns::Client);
    if (body.isNull())
        body = content.firstChild(u"body");
    envelope.body = body.text();
    for (const Element &child : content.children())
        if (child.name() != u"body")
            envelope.extra.append(child);

    const Element time = root.firstChild(u"time", SceNs);
    if (!time.isNull()) {
        envelope.time = parseDateTime(time.attribute(u"stamp"));
        if (!envelope.time.isValid()) {
            fail(error, u"envelope with a malformed time stamp"_s);
            return std::nullopt;
        }
    }
    const std::pair<QStringView, Core::Jid *> affixes[] = {{u"to", &envelope.to},
                                                           {u"from", &envelope.from}};
    for (const auto &[name, jid] : affixes) {
        const Element affix = root.firstChild(name, SceNs);
        if (affix.isNull())
            continue;
        *jid = Core::Jid(affix.attribute(u"jid"));
        if (!jid->isValid()) {
            fail(error, u"envelope with a malformed %1 jid"_s.arg(name));
            return std::nullopt;
        }
    }
    return envelope;
}

} // namespace Xmpp::Omemo
