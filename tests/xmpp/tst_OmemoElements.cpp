// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0384 wire format (legacy 0.3 and OMEMO 2) and the XEP-0420 envelope.
#include "xmpp/extensions/OmemoElements.h"

#include "xmpp/XmlStreamParser.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::Element;
using namespace Xmpp::Omemo;

Q_DECLARE_METATYPE(Xmpp::Omemo::Version)

namespace {

Element parse(const QString &xml)
{
    Xmpp::XmlStreamParser parser;
    const auto parsed = parser.feed(xml);
    return parsed && parsed->size() == 1 ? parsed->first() : Element();
}

/// Serialised and parsed again: what a peer would see.
Element reparse(const Element &element)
{
    return parse(element.toXml());
}

QByteArray bytes(char fill, qsizetype size)
{
    return QByteArray(size, fill);
}

QByteArray legacyKey(char fill)
{
    return QByteArray(1, 0x05) + bytes(fill, 32);
}

QByteArray keyFor(Version version, char fill)
{
    return version == Version::Legacy ? legacyKey(fill) : bytes(fill, 32);
}

QString b64(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64());
}

Bundle sampleBundle(Version version)
{
    Bundle bundle;
    bundle.deviceId = 4242;
    bundle.identityKey = keyFor(version, 'i');
    bundle.signedPreKeyId = 7;
    bundle.signedPreKey = keyFor(version, 's');
    bundle.signedPreKeySignature = bytes('g', 64);
    bundle.preKeys = {PreKey{1, keyFor(version, 'a')}, PreKey{2, keyFor(version, 'b')},
                      PreKey{0, keyFor(version, 'c')}};
    return bundle;
}

/// A bundle XML with each part replaceable; %1 spk id, %2 spk, %3 signature,
/// %4 identity key, %5 pre-keys.
QString bundleXml(Version version, const QString &spkId, const QString &spk, const QString &sig,
                  const QString &ik, const QString &preKeys)
{
    if (version == Version::Legacy)
        return u"<bundle xmlns='eu.siacs.conversations.axolotl'>"
               u"<signedPreKeyPublic signedPreKeyId='%1'>%2</signedPreKeyPublic>"
               u"<signedPreKeySignature>%3</signedPreKeySignature>"
               u"<identityKey>%4</identityKey><prekeys>%5</prekeys></bundle>"_s.arg(spkId, spk, sig,
                                                                                    ik, preKeys);
    return u"<bundle xmlns='urn:xmpp:omemo:2'><spk id='%1'>%2</spk><spks>%3</spks><ik>%4</ik>"
           u"<prekeys>%5</prekeys></bundle>"_s.arg(spkId, spk, sig, ik, preKeys);
}

QString preKeyXml(Version version, const QString &id, const QString &data)
{
    if (version == Version::Legacy)
        return u"<preKeyPublic preKeyId='%1'>%2</preKeyPublic>"_s.arg(id, data);
    return u"<pk id='%1'>%2</pk>"_s.arg(id, data);
}

Encrypted sampleEncrypted(Version version)
{
    Encrypted e;
    e.version = version;
    e.senderDeviceId = 1001;
    if (version == Version::Legacy) {
        e.iv = bytes('v', 12);
        e.keys = {EncryptedKey{{}, 2002, bytes('k', 40), true},
                  EncryptedKey{{}, 2003, bytes('l', 40), false}};
    } else {
        e.keys = {EncryptedKey{u"doc@example.org"_s, 2002, bytes('k', 40), true},
                  EncryptedKey{u"nurse@example.org"_s, 3003, bytes('m', 40), false},
                  EncryptedKey{u"doc@example.org"_s, 2003, bytes('l', 40), false}};
    }
    e.payload = bytes('p', 20);
    return e;
}

} // namespace

class tst_OmemoElements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeNames()
    {
        QCOMPARE(deviceListNode(Version::Legacy), u"eu.siacs.conversations.axolotl.devicelist"_s);
        QCOMPARE(deviceListNode(Version::V2), u"urn:xmpp:omemo:2:devices"_s);
        QCOMPARE(bundleNode(Version::Legacy, 42), u"eu.siacs.conversations.axolotl.bundles:42"_s);
        QCOMPARE(bundleItemId(Version::Legacy, 42), u"current"_s);
        QCOMPARE(bundleNode(Version::V2, 42), u"urn:xmpp:omemo:2:bundles"_s);
        QCOMPARE(bundleItemId(Version::V2, 42), u"42"_s);
        QCOMPARE(namespaceOf(Version::Legacy), LegacyNs);
        QCOMPARE(namespaceOf(Version::V2), V2Ns);
        QCOMPARE(versionName(Version::Legacy), u"legacy"_s);
        QCOMPARE(versionName(Version::V2), u"omemo2"_s);
    }

    void bundleRoundTrip_data()
    {
        QTest::addColumn<Version>("version");
        QTest::newRow("legacy") << Version::Legacy;
        QTest::newRow("omemo2") << Version::V2;
    }
    void bundleRoundTrip()
    {
        QFETCH(Version, version);
        const Bundle bundle = sampleBundle(version);
        const Element element = reparse(bundleToElement(bundle, version));
        QVERIFY(!element.isNull());
        const auto parsed = bundleFromElement(element, version, 4242);
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, bundle);
        // The other version's parser does not take it.
        const Version other = version == Version::Legacy ? Version::V2 : Version::Legacy;
        QVERIFY(!bundleFromElement(element, other, 4242));
    }

    void bundleExactXml()
    {
        Bundle bundle;
        bundle.identityKey = bytes('\x01', 32);
        bundle.signedPreKeyId = 3;
        bundle.signedPreKey = bytes('\x02', 32);
        bundle.signedPreKeySignature = bytes('\x03', 64);
        bundle.preKeys = {PreKey{5, bytes('\x04', 32)}};
        QCOMPARE(bundleToElement(bundle, Version::V2).toXml(),
                 u"<bundle xmlns='urn:xmpp:omemo:2'><spk id='3'>%1</spk><spks>%2</spks>"
                 u"<ik>%3</ik><prekeys><pk id='5'>%4</pk></prekeys></bundle>"_s.arg(
                     b64(bundle.signedPreKey), b64(bundle.signedPreKeySignature),
                     b64(bundle.identityKey), b64(bundle.preKeys[0].publicKey)));

        bundle.identityKey.prepend('\x05');
        bundle.signedPreKey.prepend('\x05');
        bundle.preKeys[0].publicKey.prepend('\x05');
        QCOMPARE(bundleToElement(bundle, Version::Legacy).toXml(),
                 u"<bundle xmlns='eu.siacs.conversations.axolotl'>"
                 u"<signedPreKeyPublic signedPreKeyId='3'>%1</signedPreKeyPublic>"
                 u"<signedPreKeySignature>%2</signedPreKeySignature><identityKey>%3</identityKey>"
                 u"<prekeys><preKeyPublic preKeyId='5'>%4</preKeyPublic></prekeys></bundle>"_s.arg(
                     b64(bundle.signedPreKey), b64(bundle.signedPreKeySignature),
                     b64(bundle.identityKey), b64(bundle.preKeys[0].publicKey)));
    }

    void bundleMalformed_data()
    {
        QTest::addColumn<Version>("version");
        QTest::addColumn<QString>("xml");
        for (const Version v : {Version::Legacy, Version::V2}) {
            const QString name = versionName(v) + u": "_s;
            const QString key = b64(keyFor(v, 'k'));
            const QString sig = b64(bytes('g', 64));
            const QString pk = preKeyXml(v, u"1"_s, key);
            auto row = [&](const char *what, const QString &xml) {
                QTest::newRow(qPrintable(name + QLatin1String(what))) << v << xml;
            };
            // The well-formed one parses (checked in the test), so each row fails for its reason.
            row("spk id missing", bundleXml(v, {}, key, sig, key, pk));
            row("spk id not a number", bundleXml(v, u"x1"_s, key, sig, key, pk));
            row("spk id negative", bundleXml(v, u"-1"_s, key, sig, key, pk));
            row("spk not base64", bundleXml(v, u"1"_s, u"!!!!"_s, sig, key, pk));
            row("spk empty", bundleXml(v, u"1"_s, {}, sig, key, pk));
            row("spk short", bundleXml(v, u"1"_s, b64(bytes('\x05', 31)), sig, key, pk));
            row("spk long", bundleXml(v, u"1"_s, b64(bytes('\x05', 34)), sig, key, pk));
            row("signature short", bundleXml(v, u"1"_s, key, b64(bytes('g', 63)), key, pk));
            row("signature not base64", bundleXml(v, u"1"_s, key, u"a b=c"_s, key, pk));
            row("identity key bad padding", bundleXml(v, u"1"_s, key, sig, key + u"="_s, pk));
            row("identity key wrong size", bundleXml(v, u"1"_s, key, sig, b64(bytes('i', 16)), pk));
            row("no pre-keys", bundleXml(v, u"1"_s, key, sig, key, {}));
            row("only bad pre-keys",
                bundleXml(v, u"1"_s, key, sig, key,
                          preKeyXml(v, u"x"_s, key) + preKeyXml(v, u"2"_s, u"%%"_s)));
            row("other element", u"<list xmlns='%1'/>"_s.arg(namespaceOf(v).toString()));
        }
        // Legacy keys are type-prefixed (0x05); a raw 33-byte key is not one.
        const QString sig = b64(bytes('g', 64));
        const QString good = b64(legacyKey('k'));
        const QString unprefixed = b64(bytes('k', 33));
        QTest::newRow("legacy: identity key without 0x05")
            << Version::Legacy
            << bundleXml(Version::Legacy, u"1"_s, good, sig, unprefixed,
                         preKeyXml(Version::Legacy, u"1"_s, good));
        QTest::newRow("legacy: 32-byte keys")
            << Version::Legacy
            << bundleXml(Version::Legacy, u"1"_s, b64(bytes('k', 32)), sig, b64(bytes('k', 32)),
                         preKeyXml(Version::Legacy, u"1"_s, b64(bytes('k', 32))));
        QTest::newRow("omemo2: 33-byte keys") << Version::V2
                                              << bundleXml(Version::V2, u"1"_s, good, sig, good,
                                                           preKeyXml(Version::V2, u"1"_s, good));
    }
    void bundleMalformed()
    {
        QFETCH(Version, version);
        QFETCH(QString, xml);
        const Element element = parse(xml);
        QVERIFY2(!element.isNull(), qPrintable(xml));
        QVERIFY(!bundleFromElement(element, version, 1).has_value());

        // Sanity: the same shape with good values parses, so the row tests what it says.
        const QString key = b64(keyFor(version, 'k'));
        const auto good =
            bundleFromElement(parse(bundleXml(version, u"1"_s, key, b64(bytes('g', 64)), key,
                                              preKeyXml(version, u"1"_s, key))),
                              version, 1);
        QVERIFY(good.has_value());
    }

    void bundleSkipsBadPreKeys()
    {
        for (const Version v : {Version::Legacy, Version::V2}) {
            const QString key = b64(keyFor(v, 'k'));
            const QString pks = preKeyXml(v, u"1"_s, key) + preKeyXml(v, u"two"_s, key) +
                                preKeyXml(v, u"3"_s, u"not*base64"_s) +
                                preKeyXml(v, u"4"_s, b64(bytes('k', 8))) +
                                preKeyXml(v, u"5"_s, b64(keyFor(v, 'f')));
            const auto bundle = bundleFromElement(
                parse(bundleXml(v, u"9"_s, key, b64(bytes('g', 64)), key, pks)), v, 77);
            QVERIFY(bundle.has_value());
            QCOMPARE(bundle->deviceId, 77u);
            QCOMPARE(bundle->signedPreKeyId, 9u);
            QCOMPARE(bundle->preKeys.size(), 2);
            QCOMPARE(bundle->preKeys[0], (PreKey{1, keyFor(v, 'k')}));
            QCOMPARE(bundle->preKeys[1], (PreKey{5, keyFor(v, 'f')}));
        }
    }

    void deviceLists()
    {
        QCOMPARE(deviceListToElement({1, 2147483647}, Version::Legacy).toXml(),
                 u"<list xmlns='eu.siacs.conversations.axolotl'><device id='1'/>"
                 u"<device id='2147483647'/></list>"_s);
        QCOMPARE(deviceListToElement({5}, Version::V2).toXml(),
                 u"<devices xmlns='urn:xmpp:omemo:2'><device id='5'/></devices>"_s);
        QCOMPARE(deviceListToElement({}, Version::V2).toXml(),
                 u"<devices xmlns='urn:xmpp:omemo:2'/>"_s);

        for (const Version v : {Version::Legacy, Version::V2}) {
            const QList<quint32> ids{12, 3456789, 2147483647};
            QCOMPARE(deviceListFromElement(reparse(deviceListToElement(ids, v)), v),
                     std::optional(ids));
        }

        // Bad ids are skipped; labels of other clients are fine to read.
        const auto parsed = deviceListFromElement(
            parse(u"<devices xmlns='urn:xmpp:omemo:2'><device id='7' label='Phone'/>"
                  u"<device id='0'/><device id='abc'/><device id='-4'/><device id='2147483648'/>"
                  u"<device id='99999999999'/><device/><device id=' 8'/><device id='7'/>"
                  u"<device id='9'/></devices>"_s),
            Version::V2);
        QCOMPARE(parsed, std::optional(QList<quint32>{7, 9}));

        // Not a device list of that version.
        QVERIFY(!deviceListFromElement(parse(u"<list xmlns='urn:xmpp:omemo:2'/>"_s), Version::V2));
        QVERIFY(!deviceListFromElement(
            parse(u"<devices xmlns='eu.siacs.conversations.axolotl'/>"_s), Version::Legacy));
        QVERIFY(!deviceListFromElement(parse(u"<list xmlns='eu.siacs.conversations.axolotl'/>"_s),
                                       Version::V2));
        QCOMPARE(deviceListFromElement(parse(u"<list xmlns='eu.siacs.conversations.axolotl'/>"_s),
                                       Version::Legacy),
                 std::optional(QList<quint32>{}));
    }

    void encryptedExactXml()
    {
        const Encrypted legacy = sampleEncrypted(Version::Legacy);
        QCOMPARE(encryptedToElement(legacy).toXml(),
                 u"<encrypted xmlns='eu.siacs.conversations.axolotl'><header sid='1001'>"
                 u"<key rid='2002' prekey='true'>%1</key><key rid='2003'>%2</key>"
                 u"<iv>%3</iv></header><payload>%4</payload></encrypted>"_s.arg(
                     b64(bytes('k', 40)), b64(bytes('l', 40)), b64(bytes('v', 12)),
                     b64(bytes('p', 20))));

        const Encrypted v2 = sampleEncrypted(Version::V2);
        QCOMPARE(encryptedToElement(v2).toXml(),
                 u"<encrypted xmlns='urn:xmpp:omemo:2'><header sid='1001'>"
                 u"<keys jid='doc@example.org'><key rid='2002' kex='true'>%1</key>"
                 u"<key rid='2003'>%2</key></keys>"
                 u"<keys jid='nurse@example.org'><key rid='3003'>%3</key></keys>"
                 u"</header><payload>%4</payload></encrypted>"_s.arg(
                     b64(bytes('k', 40)), b64(bytes('l', 40)), b64(bytes('m', 40)),
                     b64(bytes('p', 20))));

        // Key transport: no payload element at all.
        Encrypted transport = v2;
        transport.payload.reset();
        QVERIFY(!encryptedToElement(transport).hasChild(u"payload"));
    }

    void encryptedRoundTrip_data()
    {
        QTest::addColumn<Version>("version");
        QTest::addColumn<bool>("withPayload");
        QTest::newRow("legacy") << Version::Legacy << true;
        QTest::newRow("legacy key transport") << Version::Legacy << false;
        QTest::newRow("omemo2") << Version::V2 << true;
        QTest::newRow("omemo2 key transport") << Version::V2 << false;
    }
    void encryptedRoundTrip()
    {
        QFETCH(Version, version);
        QFETCH(bool, withPayload);
        Encrypted e = sampleEncrypted(version);
        if (!withPayload)
            e.payload.reset();
        Element message = parse(u"<message to='doc@example.org' type='chat'/>"_s);
        message.appendChild(encryptedToElement(e));
        QString error;
        const auto parsed = encryptedFromMessage(reparse(message), &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        // Keys come back grouped per JID in OMEMO 2.
        if (version == Version::V2)
            std::ranges::stable_sort(e.keys, {}, &EncryptedKey::jid);
        QCOMPARE(*parsed, e);
    }

    void preKeyFlag_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("expected");
        QTest::newRow("true") << u"true"_s << true;
        QTest::newRow("1") << u"1"_s << true;
        QTest::newRow("false") << u"false"_s << false;
        QTest::newRow("0") << u"0"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("TRUE") << u"TRUE"_s << false;
        QTest::newRow("yes") << u"yes"_s << false;
    }
    void preKeyFlag()
    {
        QFETCH(QString, value);
        QFETCH(bool, expected);
        const QString key = b64(bytes('k', 8));
        const auto legacy = encryptedFromElement(
            parse(u"<encrypted xmlns='eu.siacs.conversations.axolotl'><header sid='1'>"
                  u"<key rid='2' prekey='%1'>%2</key><iv>AAAAAAAAAAAAAAAA</iv></header>"
                  u"</encrypted>"_s.arg(value, key)));
        QVERIFY(legacy.has_value());
        QCOMPARE(legacy->keys.value(0).preKey, expected);
        const auto v2 = encryptedFromElement(
            parse(u"<encrypted xmlns='urn:xmpp:omemo:2'><header sid='1'><keys jid='a@b'>"
                  u"<key rid='2' kex='%1'>%2</key></keys></header></encrypted>"_s.arg(value, key)));
        QVERIFY(v2.has_value());
        QCOMPARE(v2->keys.value(0).preKey, expected);
        // The other version's attribute means nothing.
        const auto crossed = encryptedFromElement(
            parse(u"<encrypted xmlns='urn:xmpp:omemo:2'><header sid='1'><keys jid='a@b'>"
                  u"<key rid='2' prekey='true'>%1</key></keys></header></encrypted>"_s.arg(key)));
        QVERIFY(crossed.has_value());
        QVERIFY(!crossed->keys.value(0).preKey);
    }

    void encryptedMalformed_data()
    {
        QTest::addColumn<QString>("xml");
        const QString L = u"<encrypted xmlns='eu.siacs.conversations.axolotl'>"_s;
        const QString V = u"<encrypted xmlns='urn:xmpp:omemo:2'>"_s;
        const QString iv = u"<iv>AAAAAAAAAAAAAAAA</iv>"_s;
        const QString end = u"</encrypted>"_s;
        QTest::newRow("legacy: no header") << L + u"<payload>AQ==</payload>"_s + end;
        QTest::newRow("legacy: no sid") << L + u"<header>"_s + iv + u"</header>"_s + end;
        QTest::newRow("legacy: sid not numeric")
            << L + u"<header sid='abc'>"_s + iv + u"</header>"_s + end;
        QTest::newRow("legacy: sid 0") << L + u"<header sid='0'>"_s + iv + u"</header>"_s + end;
        QTest::newRow("legacy: sid beyond 31 bits")
            << L + u"<header sid='2147483648'>"_s + iv + u"</header>"_s + end;
        QTest::newRow("legacy: sid with a sign")
            << L + u"<header sid='+5'>"_s + iv + u"</header>"_s + end;
        QTest::newRow("legacy: no iv")
            << L + u"<header sid='1'><key rid='2'>AQ==</key></header>"_s + end;
        QTest::newRow("legacy: empty iv") << L + u"<header sid='1'><iv/></header>"_s + end;
        QTest::newRow("legacy: iv not base64")
            << L + u"<header sid='1'><iv>AA=A</iv></header>"_s + end;
        QTest::newRow("legacy: rid missing")
            << L + u"<header sid='1'><key>AQ==</key>"_s + iv + u"</header>"_s + end;
        QTest::newRow("legacy: rid not numeric")
            << L + u"<header sid='1'><key rid='x'>AQ==</key>"_s + iv + u"</header>"_s + end;
        QTest::newRow("legacy: key not base64")
            << L + u"<header sid='1'><key rid='2'>AQ=</key>"_s + iv + u"</header>"_s + end;
        QTest::newRow("legacy: key empty")
            << L + u"<header sid='1'><key rid='2'/>"_s + iv + u"</header>"_s + end;
        QTest::newRow("legacy: payload not base64")
            << L + u"<header sid='1'>"_s + iv + u"</header><payload>@@@@</payload>"_s + end;
        QTest::newRow("omemo2: no header") << V + end;
        QTest::newRow("omemo2: no sid") << V + u"<header/>"_s + end;
        QTest::newRow("omemo2: keys without jid")
            << V + u"<header sid='1'><keys><key rid='2'>AQ==</key></keys></header>"_s + end;
        QTest::newRow("omemo2: keys with a bad jid")
            << V + u"<header sid='1'><keys jid='@'><key rid='2'>AQ==</key></keys></header>"_s + end;
        QTest::newRow("omemo2: rid not numeric")
            << V + u"<header sid='1'><keys jid='a@b'><key rid='1e3'>AQ==</key></keys></header>"_s +
                   end;
        QTest::newRow("omemo2: key with non-ASCII")
            << V + u"<header sid='1'><keys jid='a@b'><key rid='2'>AQ\u00e9=</key></keys></header>"_s +
                   end;
        QTest::newRow("omemo2: payload with a bad character")
            << V + u"<header sid='1'/><payload>AQ#=</payload>"_s + end;
        QTest::newRow("other namespace")
            << u"<encrypted xmlns='urn:xmpp:omemo:1'><header sid='1'/></encrypted>"_s;
        QTest::newRow("other element") << u"<header xmlns='urn:xmpp:omemo:2' sid='1'/>"_s;
    }
    void encryptedMalformed()
    {
        QFETCH(QString, xml);
        const Element element = parse(xml);
        QVERIFY2(!element.isNull(), qPrintable(xml));
        QString error;
        QVERIFY(!encryptedFromElement(element, &error).has_value());
        QVERIFY(!error.isEmpty());
        // Inside a message the result is the same, and no crash without an error pointer.
        Element message = parse(u"<message/>"_s);
        message.appendChild(element);
        QVERIFY(!encryptedFromMessage(message).has_value());
    }

    void whitespaceAroundBase64IsAccepted()
    {
        const auto parsed = encryptedFromElement(
            parse(u"<encrypted xmlns='eu.siacs.conversations.axolotl'><header sid='1'>"
                  u"<key rid='2'>\n  AQI=\n</key><iv> AAAAAAAAAAAAAAAA </iv></header>"
                  u"<payload>\nAw==\n</payload></encrypted>"_s));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->keys.value(0).data, QByteArray("\x01\x02"));
        QCOMPARE(parsed->payload, std::optional(QByteArray("\x03")));
    }

    void keysForSelectsOurDevice()
    {
        const Encrypted v2 = sampleEncrypted(Version::V2);
        QCOMPARE(v2.keysFor(u"doc@example.org"_s, 2002).size(), 1);
        QCOMPARE(v2.keysFor(u"Doc@Example.org"_s, 2003).value(0).data, bytes('l', 40));
        QVERIFY(v2.keysFor(u"nurse@example.org"_s, 2002).isEmpty());
        QCOMPARE(v2.keysFor(u"nurse@example.org"_s, 3003).size(), 1);
        QVERIFY(v2.keysFor(u"doc@example.org"_s, 9).isEmpty());

        const Encrypted legacy = sampleEncrypted(Version::Legacy);
        QCOMPARE(legacy.keysFor(u"anyone@example.org"_s, 2003).value(0).data, bytes('l', 40));
        QVERIFY(legacy.keysFor(u"anyone@example.org"_s, 3003).isEmpty());
    }

    void encryptedFromMessagePrefersOmemo2()
    {
        Element message = parse(u"<message/>"_s);
        QString error;
        QVERIFY(!encryptedFromMessage(message, &error));
        QVERIFY(!error.isEmpty());
        message.appendChild(encryptedToElement(sampleEncrypted(Version::Legacy)));
        QCOMPARE(encryptedFromMessage(reparse(message))->version, Version::Legacy);
        message.appendChild(encryptedToElement(sampleEncrypted(Version::V2)));
        QCOMPARE(encryptedFromMessage(reparse(message))->version, Version::V2);
    }

    void attachEncryptedMarksAndFallsBack()
    {
        Element message = parse(u"<message to='doc@example.org' type='chat' id='m1'>"
                                u"<body>secret</body></message>"_s);
        attachEncrypted(message, sampleEncrypted(Version::Legacy), u"[encrypted]"_s);
        attachEncrypted(message, sampleEncrypted(Version::V2), u"[encrypted]"_s);
        const Element sent = reparse(message);

        QCOMPARE(sent.childrenNamed(u"encrypted", LegacyNs).size(), 1);
        QCOMPARE(sent.childrenNamed(u"encrypted", V2Ns).size(), 1);
        QCOMPARE(sent.childrenNamed(u"store", u"urn:xmpp:hints").size(), 1);
        const QList<Element> bodies = sent.childrenNamed(u"body", u"jabber:client");
        QCOMPARE(bodies.size(), 1);
        QCOMPARE(bodies.first().text(), u"[encrypted]"_s); // the plaintext is gone
        const QList<Element> markers = sent.childrenNamed(u"encryption", EmeNs);
        QCOMPARE(markers.size(), 2);
        QCOMPARE(markers[0].attribute(u"namespace"), LegacyNs.toString());
        QCOMPARE(markers[0].attribute(u"name"), u"OMEMO"_s);
        QCOMPARE(markers[1].attribute(u"namespace"), V2Ns.toString());
        QCOMPARE(markers[1].attribute(u"name"), u"OMEMO 2"_s);

        // Exact stanza for one version.
        Element single = parse(u"<message to='doc@example.org' type='chat'/>"_s);
        Encrypted e = sampleEncrypted(Version::V2);
        e.keys = {EncryptedKey{u"doc@example.org"_s, 5, QByteArray("\x01", 1), false}};
        e.payload = QByteArray("\x02", 1);
        attachEncrypted(single, e, u"This message is encrypted."_s);
        QCOMPARE(single.toXml(),
                 u"<message xmlns='jabber:client' to='doc@example.org' type='chat'>"
                 u"<encrypted xmlns='urn:xmpp:omemo:2'><header sid='1001'>"
                 u"<keys jid='doc@example.org'><key rid='5'>AQ==</key></keys></header>"
                 u"<payload>Ag==</payload></encrypted>"
                 u"<encryption xmlns='urn:xmpp:eme:0' namespace='urn:xmpp:omemo:2' name='OMEMO 2'/>"
                 u"<store xmlns='urn:xmpp:hints'/><body>This message is encrypted.</body>"
                 u"</message>"_s);
    }

    void sceRoundTrip()
    {
        SceEnvelope envelope;
        envelope.body = u"Bed 4: <K+> 5.9 & rising \u00e9\U0001F489"_s;
        envelope.to = Core::Jid(u"doc@example.org"_s);
        envelope.from = Core::Jid(u"nurse@example.org"_s);
        envelope.time = QDateTime(QDate(2024, 3, 1), QTime(8, 30, 15, 250), Qt::UTC);
        const QByteArray xml = sceToBytes(envelope);
        QVERIFY(xml.startsWith("<envelope xmlns='urn:xmpp:sce:1'><content>"
                               "<body xmlns='jabber:client'>"));
        QString error;
        const auto parsed = sceFromBytes(xml, &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QCOMPARE(parsed->body, envelope.body);
        QCOMPARE(parsed->to, envelope.to);
        QCOMPARE(parsed->from, envelope.from);
        QCOMPARE(parsed->time, envelope.time);
        QVERIFY(parsed->extra.isEmpty());
    }

    void sceCarriesExtraContent()
    {
        SceEnvelope envelope;
        envelope.body = u"page"_s;
        Element priority(u"priority"_s, u"https://rounds.invalid/ns/clinical"_s);
        priority.setAttribute(u"level"_s, u"stat"_s);
        envelope.extra = {priority};
        const auto parsed = sceFromBytes(sceToBytes(envelope));
        QVERIFY(parsed);
        QCOMPARE(parsed->body, u"page"_s);
        QCOMPARE(parsed->extra.size(), 1);
        QVERIFY(parsed->extra.first().is(u"priority", u"https://rounds.invalid/ns/clinical"));
        QCOMPARE(parsed->extra.first().attribute(u"level"), u"stat"_s);
    }

    void scePaddingVaries()
    {
        SceEnvelope envelope;
        envelope.body = u"ok"_s;
        envelope.time = QDateTime(QDate(2024, 3, 1), QTime(8, 30), Qt::UTC);
        QSet<qsizetype> sizes;
        QSet<QByteArray> pads;
        for (int i = 0; i < 60; ++i) {
            const QByteArray xml = sceToBytes(envelope);
            sizes.insert(xml.size());
            const Element root = parse(QString::fromUtf8(xml));
            const QString rpad = root.childText(u"rpad");
            QVERIFY(rpad.size() <= 200);
            pads.insert(rpad.toLatin1());
            QVERIFY(sceFromBytes(xml).has_value());
        }
        QVERIFY2(sizes.size() > 10, "padding length hardly varies");
        QVERIFY2(pads.size() > 10, "padding text hardly varies");
    }

    void sceFromOtherSerialisers()
    {
        // Python's ElementTree writes a declaration and double quotes.
        const auto parsed = sceFromBytes(
            "<?xml version='1.0' encoding='utf-8'?>\n"
            "<envelope xmlns=\"urn:xmpp:sce:1\"><content><body xmlns=\"jabber:client\">hi</body>"
            "</content><rpad>abc</rpad><time stamp=\"2024-03-01T09:00:00+01:00\"/>"
            "<to jid=\"doc@example.org\"/><from jid=\"nurse@example.org\"/></envelope>");
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->body, u"hi"_s);
        QCOMPARE(parsed->time, QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC));
        // No affixes and no body: an empty message is still an envelope.
        const auto bare = sceFromBytes("<envelope xmlns='urn:xmpp:sce:1'><content/></envelope>");
        QVERIFY(bare.has_value());
        QVERIFY(bare->body.isEmpty());
        QVERIFY(!bare->from.isValid());
        QVERIFY(!bare->time.isValid());
    }

    void sceMalformed_data()
    {
        QTest::addColumn<QByteArray>("xml");
        const QByteArray ok = "<envelope xmlns='urn:xmpp:sce:1'><content><body "
                              "xmlns='jabber:client'>x</body></content></envelope>";
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not xml") << QByteArray("hello");
        QTest::newRow("wrong namespace")
            << QByteArray("<envelope xmlns='urn:xmpp:sce:0'><content/></envelope>");
        QTest::newRow("no namespace") << QByteArray("<envelope><content/></envelope>");
        QTest::newRow("no content") << QByteArray("<envelope xmlns='urn:xmpp:sce:1'/>");
        QTest::newRow("incomplete") << ok.left(ok.size() - 3);
        QTest::newRow("unclosed trailing element") << ok + "<x>";
        QTest::newRow("partial trailing element") << ok + "<x";
        QTest::newRow("two elements") << ok + ok;
        QTest::newRow("trailing text") << ok + "junk";
        QTest::newRow("not utf-8") << QByteArray(ok).replace("x</body>", "\xff\xfe</body>");
        QTest::newRow("dtd") << "<!DOCTYPE envelope [<!ENTITY a 'b'>]>" + ok;
        QTest::newRow("entity") << QByteArray(
            "<envelope xmlns='urn:xmpp:sce:1'><content>&a;</content></envelope>");
        QTest::newRow("comment") << "<!-- c -->" + ok;
        QTest::newRow("bad time") << QByteArray(
            "<envelope xmlns='urn:xmpp:sce:1'><content/><time stamp='yesterday'/>"
            "</envelope>");
        QTest::newRow("bad from") << QByteArray(
            "<envelope xmlns='urn:xmpp:sce:1'><content/><from jid=''/></envelope>");
        QTest::newRow("too large") << QByteArray(ok).replace(
            "x</body>", QByteArray(QByteArray(64 * 1024, 'x') + "</body>"));
        QTest::newRow("unterminated declaration") << "<?xml version='1.0'" + ok;
        QTest::newRow("sentinel smuggled") << ok + "<end xmlns='urn:rounds:sce-end'/>";
    }
    void sceMalformed()
    {
        QFETCH(QByteArray, xml);
        QString error;
        QVERIFY(!sceFromBytes(xml, &error).has_value());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_OmemoElements)
#include "tst_OmemoElements.moc"
