// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/KeyWrap.h"
#include "crypto/SecretBytes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Core::Error;
using Crypto::KdfLimits;
using Crypto::KeyWrap;
using Crypto::SecretKey;

namespace {

SecretKey makeKey()
{
    auto key = Crypto::randomKey();
    Q_ASSERT(key);
    return *key;
}

// The cheapest limits libsodium accepts: the corruption sweep runs one
// derivation per byte.
constexpr KdfLimits kMinimal{1, 8};

} // namespace

class TestKeyWrap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomKeysDiffer();
    void hexAndPragma();
    void fromBytesChecksSize();
    void roundTrip();
    void roundTripNormalisesPassphrase();
    void wrongPassphraseIsAuth();
    void emptyPassphraseRefused();
    void outOfRangeLimitsRefused();
    void limitsAreRecorded();
    void everyFlippedByteFails();
    void truncatedIsCorrupt();
    void extendedIsCorrupt();
    void hugeLimitsInHeaderAreCorrupt();
    void wrapsDiffer();
    void blobDoesNotContainKey();
};

void TestKeyWrap::randomKeysDiffer()
{
    const SecretKey a = makeKey();
    const SecretKey b = makeKey();
    QCOMPARE(a.size(), 32);
    QVERIFY(!(a == b));
    QVERIFY(a == SecretKey(a));
}

void TestKeyWrap::hexAndPragma()
{
    QByteArray raw(32, '\0');
    for (int i = 0; i < raw.size(); ++i)
        raw[i] = char(i * 8 + 1);
    const auto key = SecretKey::fromBytes(raw);
    QVERIFY(key);
    const auto hex = key->toHex();
    QCOMPARE(hex.size(), 64);
    QCOMPARE(hex.view(), raw.toHex());
    QCOMPARE(QByteArrayView(hex.c_str()), raw.toHex());
    const auto pragma = key->sqlcipherKeyPragma();
    const QByteArray expected = "PRAGMA key = \"x'" + raw.toHex() + "'\";";
    QCOMPARE(QByteArrayView(pragma.c_str()), expected);
}

void TestKeyWrap::fromBytesChecksSize()
{
    QCOMPARE(SecretKey::fromBytes(QByteArray(31, 'x')).error().code, Error::Code::Crypto);
    QCOMPARE(SecretKey::fromBytes(QByteArray(33, 'x')).error().code, Error::Code::Crypto);
    QVERIFY(SecretKey::fromBytes(QByteArray(32, 'x')));
}

void TestKeyWrap::roundTrip()
{
    const SecretKey key = makeKey();
    const KeyWrap wrap(KdfLimits::interactive());
    const auto blob = wrap.wrap(key, u"correct horse battery staple"_s);
    QVERIFY(blob);
    QCOMPARE(blob->size(), 101);
    const auto back = wrap.unwrap(*blob, u"correct horse battery staple"_s);
    QVERIFY(back);
    QVERIFY(*back == key);
    QCOMPARE(back->view(), key.view());
}

void TestKeyWrap::roundTripNormalisesPassphrase()
{
    const SecretKey key = makeKey();
    const KeyWrap wrap(kMinimal);
    // "é" precomposed (NFC) and as e + combining acute (NFD) are the same passphrase.
    const auto blob = wrap.wrap(key, u"caf\u00e9 au lait"_s);
    QVERIFY(blob);
    const auto back = wrap.unwrap(*blob, u"cafe\u0301 au lait"_s);
    QVERIFY(back);
    QVERIFY(*back == key);
}

void TestKeyWrap::wrongPassphraseIsAuth()
{
    const KeyWrap wrap(KdfLimits::interactive());
    const auto blob = wrap.wrap(makeKey(), u"right"_s);
    QVERIFY(blob);
    for (const QString &wrong : {u"wrong"_s, u"Right"_s, u"right "_s, QString()}) {
        const auto result = wrap.unwrap(*blob, wrong);
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::Auth);
        QCOMPARE(result.error().detail, u"wrong passphrase"_s);
    }
}

void TestKeyWrap::emptyPassphraseRefused()
{
    const auto blob = KeyWrap(kMinimal).wrap(makeKey(), QString());
    QVERIFY(!blob);
    QCOMPARE(blob.error().code, Error::Code::Policy);
}

void TestKeyWrap::outOfRangeLimitsRefused()
{
    for (const KdfLimits limits :
         {KdfLimits{0, 8}, KdfLimits{1, 7}, KdfLimits{17, 8}, KdfLimits{1, 2u * 1024 * 1024}}) {
        const auto blob = KeyWrap(limits).wrap(makeKey(), u"pw"_s);
        QVERIFY(!blob);
        QCOMPARE(blob.error().code, Error::Code::Crypto);
    }
}

void TestKeyWrap::limitsAreRecorded()
{
    QCOMPARE(KeyWrap().limits(), KdfLimits::moderate());
    QCOMPARE(KdfLimits::moderate().opsLimit, 3u);
    QCOMPARE(KdfLimits::moderate().memLimitKiB, 256u * 1024);

    const auto blob = KeyWrap(KdfLimits{2, 4096}).wrap(makeKey(), u"pw"_s);
    QVERIFY(blob);
    const auto limits = KeyWrap::limitsOf(*blob);
    QVERIFY(limits);
    QCOMPARE(*limits, (KdfLimits{2, 4096}));
    // A default-constructed KeyWrap (MODERATE) still opens a blob made with
    // other limits: unwrap follows the blob.
    const auto back = KeyWrap().unwrap(*blob, u"pw"_s);
    QVERIFY(back);
}

void TestKeyWrap::everyFlippedByteFails()
{
    const SecretKey key = makeKey();
    const KeyWrap wrap(kMinimal);
    const auto blob = wrap.wrap(key, u"pw"_s);
    QVERIFY(blob);
    QVERIFY(wrap.unwrap(*blob, u"pw"_s));

    int auth = 0;
    int storage = 0;
    for (qsizetype i = 0; i < blob->size(); ++i) {
        for (const char mask : {char(0x01), char(0x80), char(0xff)}) {
            QByteArray damaged = *blob;
            damaged[i] = char(damaged[i] ^ mask);
            const auto result = wrap.unwrap(damaged, u"pw"_s);
            if (result)
                QFAIL(qPrintable(u"flipping byte %1 with mask %2 still unwrapped"_s.arg(i).arg(
                    int(quint8(mask)))));
            const Error &error = result.error();
            if (error.code == Error::Code::Auth && error.detail == u"wrong passphrase"_s)
                ++auth;
            else if (error.code == Error::Code::Storage && error.detail == u"key file is corrupt"_s)
                ++storage;
            else
                QFAIL(qPrintable(u"byte %1: unexpected error %2"_s.arg(i).arg(error.detail)));
        }
    }
    // Magic and version are rejected before any derivation; sealed bytes after it.
    QVERIFY(storage >= 5 * 3);
    QVERIFY(auth >= (16 + 24 + 48) * 3);
}

void TestKeyWrap::truncatedIsCorrupt()
{
    const auto blob = KeyWrap(kMinimal).wrap(makeKey(), u"pw"_s);
    QVERIFY(blob);
    for (qsizetype size = 0; size < blob->size(); ++size) {
        const auto result = KeyWrap(kMinimal).unwrap(blob->first(size), u"pw"_s);
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::Storage);
        QCOMPARE(result.error().detail, u"key file is corrupt"_s);
    }
    QCOMPARE(KeyWrap::limitsOf(QByteArray()).error().code, Error::Code::Storage);
}

void TestKeyWrap::extendedIsCorrupt()
{
    const auto blob = KeyWrap(kMinimal).wrap(makeKey(), u"pw"_s);
    QVERIFY(blob);
    const auto result = KeyWrap(kMinimal).unwrap(QByteArray(*blob + '\0'), u"pw"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().code, Error::Code::Storage);
}

void TestKeyWrap::hugeLimitsInHeaderAreCorrupt()
{
    const auto blob = KeyWrap(kMinimal).wrap(makeKey(), u"pw"_s);
    QVERIFY(blob);
    QByteArray hostile = *blob;
    hostile[5] = char(0x7f); // ops limit about 2^31
    QCOMPARE(KeyWrap().unwrap(hostile, u"pw"_s).error().code, Error::Code::Storage);
    hostile = *blob;
    hostile[9] = char(0x7f); // memory limit about 2 TiB
    QCOMPARE(KeyWrap().unwrap(hostile, u"pw"_s).error().code, Error::Code::Storage);
}

void TestKeyWrap::wrapsDiffer()
{
    const SecretKey key = makeKey();
    const KeyWrap wrap(kMinimal);
    const auto a = wrap.wrap(key, u"pw"_s);
    const auto b = wrap.wrap(key, u"pw"_s);
    QVERIFY(a && b);
    QVERIFY(*a != *b);
    // Salt (bytes 13..28) and nonce (29..52) both fresh.
    QVERIFY(a->mid(13, 16) != b->mid(13, 16));
    QVERIFY(a->mid(29, 24) != b->mid(29, 24));
    QCOMPARE(wrap.unwrap(*a, u"pw"_s)->view(), key.view());
    QCOMPARE(wrap.unwrap(*b, u"pw"_s)->view(), key.view());
}

void TestKeyWrap::blobDoesNotContainKey()
{
    const KeyWrap wrap(kMinimal);
    for (int round = 0; round < 8; ++round) {
        const SecretKey key = makeKey();
        const auto blob = wrap.wrap(key, u"pw"_s);
        QVERIFY(blob);
        QVERIFY(!blob->contains(key.view()));
        // Nor any 8-byte run of it, nor its hex form.
        for (qsizetype i = 0; i + 8 <= key.size(); ++i)
            QVERIFY(!blob->contains(key.view().sliced(i, 8)));
        QVERIFY(!blob->contains(key.toHex().view()));
    }
}

QTEST_GUILESS_MAIN(TestKeyWrap)
#include "tst_KeyWrap.moc"
