// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/OmemoEngine.h"
#include "crypto/OmemoPayload.h"

#include "MemoryOmemoStorage.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Crypto::OmemoAddress;
using Crypto::OmemoEngine;
using Crypto::OmemoOptions;
using Crypto::Trust;
using TestSupport::MemoryOmemoStorage;
using Xmpp::Omemo::Encrypted;
using Xmpp::Omemo::Version;

namespace {

const QString kAlice = u"alice@example.org"_s;
const QString kBob = u"bob@example.org"_s;
const QString kCarol = u"carol@example.net"_s;

/// One device: its storage outlives engine restarts.
struct Device
{
    QString jid;
    OmemoOptions options;
    std::unique_ptr<MemoryOmemoStorage> storage = std::make_unique<MemoryOmemoStorage>();
    std::unique_ptr<OmemoEngine> engine;

    bool open()
    {
        engine.reset();
        auto opened = OmemoEngine::open(*storage, jid, options);
        if (!opened)
            return false;
        engine = std::move(*opened);
        return true;
    }
    OmemoAddress address() const { return {jid, engine->deviceId()}; }
    OmemoEngine *operator->() const { return engine.get(); }
};

std::unique_ptr<Device> makeDevice(const QString &jid, OmemoOptions options = {})
{
    auto device = std::make_unique<Device>();
    device->jid = jid;
    device->options = options;
    if (!device->open())
        return nullptr;
    return device;
}

template<typename T>
QString errorOf(const Core::Result<T> &result)
{
    return result ? u"(success)"_s : result.error().detail;
}

Version versionOf(int version)
{
    return Version(version);
}

const char *nameOf(Version version)
{
    return version == Version::Legacy ? "legacy" : "omemo2";
}

/// The decrypted text, or a marker that cannot be a test's plaintext.
template<typename R>
QByteArray textOf(const R &result)
{
    if (!result)
        return "(failed)";
    if (!result->plaintext)
        return "(no payload)";
    return *result->plaintext;
}

/// `from` starts a session with `to` from its bundle in `version`.
bool startSession(Device &from, Device &to, Version version)
{
    auto bundle = to->bundle(version);
    return bundle && from->processBundle(version, to.jid, *bundle).has_value();
}

/// Sends `text` from `from` to `to` and returns what `to` decrypted.
std::optional<Crypto::OmemoDecryptResult> deliver(Device &from, Device &to, Version version,
                                                  const QByteArray &text)
{
    auto sent = from->encrypt(version, {to.address()}, text);
    if (!sent || sent->encrypted.keys.size() != 1)
        return std::nullopt;
    auto received = to->decrypt(sent->encrypted, from.jid);
    if (!received)
        return std::nullopt;
    return *received;
}

/// A session both ways: from's pre-key message and to's answer are delivered.
bool converse(Device &from, Device &to, Version version)
{
    if (!startSession(from, to, version))
        return false;
    auto first = deliver(from, to, version, "hello");
    auto answer = deliver(to, from, version, "hello back");
    return first && answer && first->plaintext == "hello" && answer->plaintext == "hello back";
}

void addVersions()
{
    QTest::addColumn<int>("version");
    QTest::newRow("legacy") << int(Version::Legacy);
    QTest::newRow("omemo2") << int(Version::V2);
}

} // namespace

class TestOmemoEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trustNames();
    void memoryStorageTransactions();
    void hkdfMatchesRfc5869();
    void legacyPayloadFromOldClients();
    void openCreatesAndReloadsIdentity();
    void bundleWireForm_data() { addVersions(); }
    void bundleWireForm();
    void roundTrip_data() { addVersions(); }
    void roundTrip();
    void replayIsRejected_data() { addVersions(); }
    void replayIsRejected();
    void twoRecipientDevices_data() { addVersions(); }
    void twoRecipientDevices();
    void keyTransportHasNoPlaintext_data() { addVersions(); }
    void keyTransportHasNoPlaintext();
    void tamperedPayloadFails_data() { addVersions(); }
    void tamperedPayloadFails();
    void notForThisDeviceAndNoSession_data() { addVersions(); }
    void notForThisDeviceAndNoSession();
    void storageFailureRollsBack();
    void consumedPreKeyReplacedByMaintain_data() { addVersions(); }
    void consumedPreKeyReplacedByMaintain();
    void usedPreKeyServesAStaleBundle_data() { addVersions(); }
    void usedPreKeyServesAStaleBundle();
    void restartKeepsTalking_data() { addVersions(); }
    void restartKeepsTalking();
    void signedPreKeyRotation_data() { addVersions(); }
    void signedPreKeyRotation();
    void separateSessionsPerVersion();
    void blindTrustBeforeVerification();
    void distrustedDevicesSkipped();
    void changedIdentityKeyRejected();
    void fingerprintsAndUri();
    void badBundleRejected_data() { addVersions(); }
    void badBundleRejected();
    void throughput_data() { addVersions(); }
    void throughput();
};

void TestOmemoEngine::trustNames()
{
    for (Trust trust : {Trust::Undecided, Trust::BlindTrusted, Trust::Verified, Trust::Distrusted})
        QCOMPARE(Crypto::trustFromName(Crypto::trustName(trust)), std::optional<Trust>(trust));
    QCOMPARE(Crypto::trustName(Trust::BlindTrusted), u"blind"_s);
    QVERIFY(!Crypto::trustFromName(u"trusted"));
}

void TestOmemoEngine::memoryStorageTransactions()
{
    MemoryOmemoStorage storage;
    QVERIFY(storage.setValue(u"a"_s, "1"));
    auto failed = storage.transaction([&]() -> Core::Result<void> {
        if (auto ok = storage.setValue(u"a"_s, "2"); !ok)
            return ok;
        // Nested work joins the outer transaction.
        auto inner = storage.transaction([&] { return storage.storePreKey(7, "record"); });
        if (!inner)
            return inner;
        return Core::fail(Core::Error::Code::Storage, u"abort"_s);
    });
    QCOMPARE(errorOf(failed), u"abort"_s);
    QCOMPARE(storage.rollbacks(), 1);
    QCOMPARE(**storage.value(u"a"_s), QByteArray("1"));
    QVERIFY(!storage.loadPreKey(7)->has_value());

    QVERIFY(storage.transaction([&] { return storage.storePreKey(7, "record"); }));
    QCOMPARE(**storage.loadPreKey(7), QByteArray("record"));
    QCOMPARE(storage.rollbacks(), 1);
}

void TestOmemoEngine::hkdfMatchesRfc5869()
{
    // RFC 5869 appendix A.1.
    const QByteArray ikm(22, '\x0b');
    const QByteArray salt = QByteArray::fromHex("000102030405060708090a0b0c");
    const QByteArray info = QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9");
    const Crypto::SecretBytes okm = Crypto::OmemoDetail::hkdfSha256(ikm, salt, info, 42);
    QCOMPARE(okm.view().toByteArray().toHex(),
             QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d"
                        "5b887185865"));
}

void TestOmemoEngine::legacyPayloadFromOldClients()
{
    auto sealed = Crypto::OmemoDetail::sealPayload(Version::Legacy, QByteArray("old layout"));
    QVERIFY(sealed);
    QCOMPARE(sealed->keyMaterial.size(), 32);
    QCOMPARE(sealed->iv.size(), 12);
    // Old clients send a 16-byte key and append the tag to the payload.
    const QByteArrayView key = sealed->keyMaterial.view().first(16);
    const QByteArray payloadWithTag = *sealed->payload + sealed->keyMaterial.view().sliced(16);
    auto opened =
        Crypto::OmemoDetail::openPayload(Version::Legacy, key, sealed->iv, payloadWithTag);
    QVERIFY(opened);
    QCOMPARE(*opened, QByteArray("old layout"));
    QCOMPARE(errorOf(Crypto::OmemoDetail::openPayload(Version::Legacy, key, sealed->iv,
                                                      *sealed->payload)),
             u"omemo-bad-payload"_s);
}

void TestOmemoEngine::openCreatesAndReloadsIdentity()
{
    auto alice = makeDevice(kAlice);
    QVERIFY(alice);
    const quint32 id = (*alice)->deviceId();
    QVERIFY(id >= 1 && id <= 0x7FFFFFFFU);
    QCOMPARE((*alice)->identityKey().size(), 33);
    QCOMPARE((*alice)->ownJid(), kAlice);
    QCOMPARE(alice->storage->preKeyIds()->size(), 100);
    QCOMPARE(alice->storage->signedPreKeys()->size(), 1);
    QCOMPARE(alice->storage->signedPreKeys()->first().id, 1u);
    QCOMPARE(**alice->storage->value(u"omemo.next-pre-key-id"_s), QByteArray("101"));

    const QByteArray key = (*alice)->identityKey();
    QVERIFY(alice->open());
    QCOMPARE((*alice)->deviceId(), id);
    QCOMPARE((*alice)->identityKey(), key);
    QCOMPARE(alice->storage->preKeyIds()->size(), 100);

    auto other = makeDevice(kAlice);
    QVERIFY(other);
    QVERIFY((*other)->identityKey() != key);

    // Nothing half-made when storage refuses the first write.
    MemoryOmemoStorage refusing;
    refusing.failWrites(true);
    auto failed = OmemoEngine::open(refusing, kAlice);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, Core::Error::Code::Storage);
    refusing.failWrites(false);
    QCOMPARE(refusing.loadIdentity()->has_value(), false);
    QCOMPARE(refusing.preKeyIds()->size(), 0);
}

void TestOmemoEngine::bundleWireForm()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto bob = makeDevice(kBob);
    QVERIFY(bob);
    auto bundle = (*bob)->bundle(v);
    QVERIFY(bundle);
    const qsizetype keySize = v == Version::Legacy ? 33 : 32;
    QCOMPARE(bundle->deviceId, (*bob)->deviceId());
    QCOMPARE(bundle->identityKey.size(), keySize);
    QCOMPARE(bundle->signedPreKey.size(), keySize);
    QCOMPARE(bundle->signedPreKeySignature.size(), 64);
    QCOMPARE(bundle->signedPreKeyId, 1u);
    QCOMPARE(bundle->preKeys.size(), 100);
    for (const auto &preKey : bundle->preKeys)
        QCOMPARE(preKey.publicKey.size(), keySize);
    if (v == Version::Legacy) {
        QCOMPARE(bundle->identityKey, (*bob)->identityKey());
        QCOMPARE(bundle->signedPreKey.front(), '\x05');
    }
    // Both versions publish the same keys, in different forms.
    auto other = (*bob)->bundle(v == Version::Legacy ? Version::V2 : Version::Legacy);
    QVERIFY(other);
    QCOMPARE(other->signedPreKeyId, bundle->signedPreKeyId);
    QCOMPARE(other->preKeys.first().id, bundle->preKeys.first().id);
    QCOMPARE(other->signedPreKey.right(32), bundle->signedPreKey.right(32));
}

void TestOmemoEngine::roundTrip()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    QVERIFY(startSession(*alice, *bob, v));
    QCOMPARE((*alice)->hasSession(v, bob->address()), true);
    QCOMPARE((*bob)->hasSession(v, alice->address()), false);

    auto sent = (*alice)->encrypt(v, {bob->address()}, QByteArray("hello, bob"));
    QVERIFY(sent);
    QVERIFY(sent->skipped.isEmpty());
    const Encrypted &first = sent->encrypted;
    QCOMPARE(first.version, v);
    QCOMPARE(first.senderDeviceId, (*alice)->deviceId());
    QCOMPARE(first.keys.size(), 1);
    QCOMPARE(first.keys[0].deviceId, (*bob)->deviceId());
    QCOMPARE(first.keys[0].jid, v == Version::V2 ? kBob : QString());
    QVERIFY(first.keys[0].preKey);
    QCOMPARE(first.iv.size(), v == Version::Legacy ? 12 : 0);
    QVERIFY(first.payload);
    QVERIFY(!first.payload->contains("hello"));

    // A second message before any answer is still a pre-key message.
    auto second = (*alice)->encrypt(v, {bob->address()}, QByteArray("second"));
    QVERIFY(second);
    QVERIFY(second->encrypted.keys[0].preKey);

    auto received = (*bob)->decrypt(first, kAlice);
    QVERIFY2(received, qPrintable(errorOf(received)));
    QCOMPARE(received->plaintext, QByteArray("hello, bob"));
    QCOMPARE(received->sender, alice->address());
    QCOMPARE(received->trust, Trust::BlindTrusted);
    QVERIFY(received->preKeyConsumed);
    QVERIFY(received->needsHeartbeat);
    QCOMPARE(bob->storage->preKeyIds()->size(), 99);

    auto receivedSecond = (*bob)->decrypt(second->encrypted, kAlice);
    QVERIFY2(receivedSecond, qPrintable(errorOf(receivedSecond)));
    QCOMPARE(receivedSecond->plaintext, QByteArray("second"));
    QVERIFY(!receivedSecond->preKeyConsumed);

    auto reply = (*bob)->encrypt(v, {alice->address()}, QByteArray("hi alice"));
    QVERIFY(reply);
    QCOMPARE(reply->encrypted.keys.size(), 1);
    QVERIFY(!reply->encrypted.keys[0].preKey);
    auto replyReceived = (*alice)->decrypt(reply->encrypted, kBob);
    QVERIFY2(replyReceived, qPrintable(errorOf(replyReceived)));
    QCOMPARE(replyReceived->plaintext, QByteArray("hi alice"));
    QVERIFY(!replyReceived->preKeyConsumed);
    QVERIFY(!replyReceived->needsHeartbeat);

    // The answer acknowledged the session: alice now sends normal messages.
    auto third = (*alice)->encrypt(v, {bob->address()}, QByteArray("third"));
    QVERIFY(third);
    QVERIFY(!third->encrypted.keys[0].preKey);
    auto thirdReceived = (*bob)->decrypt(third->encrypted, kAlice);
    QVERIFY(thirdReceived);
    QCOMPARE(thirdReceived->plaintext, QByteArray("third"));

    // Empty bodies and large ones survive too.
    const QByteArray large(70000, 'x');
    QCOMPARE(textOf(deliver(*alice, *bob, v, large)), large);
    QCOMPARE(textOf(deliver(*bob, *alice, v, QByteArray(""))), QByteArray(""));
}

void TestOmemoEngine::replayIsRejected()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    QVERIFY(startSession(*alice, *bob, v));
    auto preKeyMessage = (*alice)->encrypt(v, {bob->address()}, QByteArray("once"));
    QVERIFY(preKeyMessage);
    QVERIFY((*bob)->decrypt(preKeyMessage->encrypted, kAlice));
    QCOMPARE(errorOf((*bob)->decrypt(preKeyMessage->encrypted, kAlice)), u"omemo-duplicate"_s);

    QVERIFY(deliver(*bob, *alice, v, "ack"));
    auto normal = (*alice)->encrypt(v, {bob->address()}, QByteArray("normal"));
    QVERIFY(normal);
    QVERIFY(!normal->encrypted.keys[0].preKey);
    QVERIFY((*bob)->decrypt(normal->encrypted, kAlice));
    auto replay = (*bob)->decrypt(normal->encrypted, kAlice);
    QVERIFY(!replay);
    QCOMPARE(replay.error().code, Core::Error::Code::Crypto);
    QCOMPARE(replay.error().detail, u"omemo-duplicate"_s);
    // The session survives the replay.
    QCOMPARE(textOf(deliver(*alice, *bob, v, "after")), QByteArray("after"));
}

void TestOmemoEngine::twoRecipientDevices()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    auto bobPhone = makeDevice(kBob);
    auto carol = makeDevice(kCarol);
    QVERIFY(alice && bob && bobPhone && carol);
    QVERIFY(startSession(*alice, *bob, v));
    QVERIFY(startSession(*alice, *bobPhone, v));
    QVERIFY(startSession(*alice, *carol, v));

    auto sent = (*alice)->encrypt(v, {bob->address(), bobPhone->address(), carol->address()},
                                  QByteArray("to all"));
    QVERIFY(sent);
    QCOMPARE(sent->encrypted.keys.size(), 3);
    for (Device *device : {bob.get(), bobPhone.get(), carol.get()}) {
        auto received = (*device)->decrypt(sent->encrypted, kAlice);
        QVERIFY2(received, qPrintable(errorOf(received)));
        QCOMPARE(received->plaintext, QByteArray("to all"));
    }
}

void TestOmemoEngine::keyTransportHasNoPlaintext()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    QVERIFY(startSession(*alice, *bob, v));
    auto sent = (*alice)->encrypt(v, {bob->address()}, std::nullopt);
    QVERIFY(sent);
    QVERIFY(!sent->encrypted.payload);
    QCOMPARE(sent->encrypted.keys.size(), 1);
    auto received = (*bob)->decrypt(sent->encrypted, kAlice);
    QVERIFY2(received, qPrintable(errorOf(received)));
    QVERIFY(!received->plaintext);
    QVERIFY(received->needsHeartbeat);

    // Bob's heartbeat answer is a key transport too, and a normal message.
    auto heartbeat = (*bob)->encrypt(v, {alice->address()}, std::nullopt);
    QVERIFY(heartbeat);
    QVERIFY(!heartbeat->encrypted.keys[0].preKey);
    auto beat = (*alice)->decrypt(heartbeat->encrypted, kBob);
    QVERIFY(beat);
    QVERIFY(!beat->plaintext);
    QVERIFY(!beat->needsHeartbeat);
}

void TestOmemoEngine::tamperedPayloadFails()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    QVERIFY(startSession(*alice, *bob, v));
    auto sent = (*alice)->encrypt(v, {bob->address()}, QByteArray("intact message"));
    QVERIFY(sent);

    Encrypted tampered = sent->encrypted;
    (*tampered.payload)[0] = char((*tampered.payload)[0] ^ 0x01);
    auto failed = (*bob)->decrypt(tampered, kAlice);
    QVERIFY(!failed);
    QCOMPARE(failed.error().detail, u"omemo-bad-payload"_s);
    // Nothing was consumed: the pre-key and the ratchet step are still there.
    QCOMPARE(bob->storage->preKeyIds()->size(), 100);
    QCOMPARE((*bob)->hasSession(v, alice->address()), false);

    auto received = (*bob)->decrypt(sent->encrypted, kAlice);
    QVERIFY2(received, qPrintable(errorOf(received)));
    QCOMPARE(received->plaintext, QByteArray("intact message"));

    // A flipped byte in a normal message's payload fails the same way.
    QVERIFY(deliver(*bob, *alice, v, "ack"));
    auto normal = (*alice)->encrypt(v, {bob->address()}, QByteArray("normal"));
    QVERIFY(normal);
    Encrypted flipped = normal->encrypted;
    (*flipped.payload)[flipped.payload->size() - 1] ^= 0x40;
    QCOMPARE(errorOf((*bob)->decrypt(flipped, kAlice)), u"omemo-bad-payload"_s);
    QCOMPARE(textOf((*bob)->decrypt(normal->encrypted, kAlice)), QByteArray("normal"));
}

void TestOmemoEngine::notForThisDeviceAndNoSession()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    auto carol = makeDevice(kCarol);
    QVERIFY(alice && bob && carol);
    QVERIFY(converse(*alice, *bob, v));
    auto sent = (*alice)->encrypt(v, {bob->address()}, QByteArray("for bob"));
    QVERIFY(sent);
    QVERIFY(!sent->encrypted.keys[0].preKey);
    QCOMPARE(errorOf((*carol)->decrypt(sent->encrypted, kAlice)), u"omemo-not-for-this-device"_s);

    // Readdressed to carol, who has no session with alice.
    Encrypted readdressed = sent->encrypted;
    readdressed.keys[0].deviceId = (*carol)->deviceId();
    if (v == Version::V2)
        readdressed.keys[0].jid = kCarol;
    QCOMPARE(errorOf((*carol)->decrypt(readdressed, kAlice)), u"omemo-no-session"_s);

    // OMEMO 2 keys are per JID: bob's device id under another JID is not bob's.
    if (v == Version::V2) {
        Encrypted otherJid = sent->encrypted;
        otherJid.keys[0].jid = kCarol;
        QCOMPARE(errorOf((*bob)->decrypt(otherJid, kAlice)), u"omemo-not-for-this-device"_s);
    }
    QCOMPARE(textOf((*bob)->decrypt(sent->encrypted, kAlice)), QByteArray("for bob"));
}

void TestOmemoEngine::storageFailureRollsBack()
{
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    QVERIFY(startSession(*alice, *bob, Version::V2));
    auto sent = (*alice)->encrypt(Version::V2, {bob->address()}, QByteArray("stored?"));
    QVERIFY(sent);
    const int rollbacks = bob->storage->rollbacks();
    bob->storage->failWrites(true);
    auto failed = (*bob)->decrypt(sent->encrypted, kAlice);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, Core::Error::Code::Storage);
    QCOMPARE(bob->storage->rollbacks(), rollbacks + 1);
    bob->storage->failWrites(false);
    QCOMPARE(bob->storage->preKeyIds()->size(), 100);
    QVERIFY((*bob)->identities(kAlice)->isEmpty());
    QCOMPARE(textOf((*bob)->decrypt(sent->encrypted, kAlice)), QByteArray("stored?"));

    // Encrypting: a refused session write fails the whole call.
    alice->storage->failWrites(true);
    auto refused = (*alice)->encrypt(Version::V2, {bob->address()}, QByteArray("x"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Core::Error::Code::Storage);
    alice->storage->failWrites(false);
}

void TestOmemoEngine::consumedPreKeyReplacedByMaintain()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    auto before = (*bob)->bundle(v);
    QVERIFY(before);
    QCOMPARE((*bob)->maintain(), false);

    QVERIFY(startSession(*alice, *bob, v));
    auto received = deliver(*alice, *bob, v, "uses a pre-key");
    QVERIFY(received);
    QVERIFY(received->preKeyConsumed);
    auto consumed = (*bob)->bundle(v);
    QVERIFY(consumed);
    QCOMPARE(consumed->preKeys.size(), 99);

    auto changed = (*bob)->maintain();
    QVERIFY(changed);
    QVERIFY(*changed);
    auto after = (*bob)->bundle(v);
    QVERIFY(after);
    QCOMPARE(after->preKeys.size(), 100);
    QVERIFY(*after != *before);
    QCOMPARE(after->signedPreKeyId, before->signedPreKeyId);
    // The new pre-key has a fresh id: 101, never one used before.
    QCOMPARE(after->preKeys.last().id, 101u);
    QCOMPARE((*bob)->maintain(), false);
}

void TestOmemoEngine::usedPreKeyServesAStaleBundle()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    // One pre-key published, so every sender picks the same one.
    OmemoOptions single;
    single.preKeyCount = 1;
    auto bob = makeDevice(kBob, single);
    auto alice = makeDevice(kAlice);
    auto carol = makeDevice(u"carol@clinic.example"_s);
    auto dave = makeDevice(u"dave@clinic.example"_s);
    QVERIFY(bob && alice && carol && dave);
    auto stale = (*bob)->bundle(v);
    QVERIFY(stale);
    QCOMPARE(stale->preKeys.size(), 1);

    // Alice and Carol both fetched the bundle before Bob republished it.
    QVERIFY((*alice)->processBundle(v, kBob, *stale));
    QVERIFY((*carol)->processBundle(v, kBob, *stale));
    auto first = deliver(*alice, *bob, v, "from alice");
    QVERIFY(first);
    QVERIFY(first->preKeyConsumed);
    QCOMPARE(first->plaintext, QByteArray("from alice"));
    // The used pre-key left the bundle at once...
    QVERIFY((*bob)->maintain());
    auto republished = (*bob)->bundle(v);
    QVERIFY(republished);
    QCOMPARE(republished->preKeys.size(), 1);
    QVERIFY(republished->preKeys.first().id != stale->preKeys.first().id);
    // ...but Carol, who picked the same one, still reaches Bob.
    auto second = deliver(*carol, *bob, v, "from carol");
    QVERIFY(second);
    QCOMPARE(second->plaintext, QByteArray("from carol"));
    QVERIFY(!second->preKeyConsumed); // already retired

    // After the grace period it is gone: a sender with the old bundle fails.
    QVERIFY((*bob)->maintain(QDateTime::currentDateTimeUtc().addSecs(
        60LL * (OmemoOptions().usedPreKeyGraceMinutes + 1))));
    QVERIFY((*dave)->processBundle(v, kBob, *stale));
    auto sent = (*dave)->encrypt(v, {bob->address()}, QByteArray("too late"));
    QVERIFY(sent);
    auto late = (*bob)->decrypt(sent->encrypted, dave->jid);
    QVERIFY(!late);
    QCOMPARE(late.error().detail, u"omemo-invalid-key-id"_s);
}

void TestOmemoEngine::restartKeepsTalking()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    QVERIFY(converse(*alice, *bob, v));
    const quint32 aliceId = (*alice)->deviceId();
    const QByteArray bobKey = (*bob)->identityKey();

    QVERIFY(alice->open());
    QVERIFY(bob->open());
    QCOMPARE((*alice)->deviceId(), aliceId);
    QCOMPARE((*bob)->identityKey(), bobKey);
    QCOMPARE((*alice)->hasSession(v, bob->address()), true);
    for (int i = 0; i < 3; ++i) {
        auto there = deliver(*alice, *bob, v, "after restart");
        QVERIFY(there);
        QCOMPARE(there->plaintext, QByteArray("after restart"));
        QVERIFY(!there->needsHeartbeat);
        auto back = deliver(*bob, *alice, v, "me too");
        QVERIFY(back);
        QCOMPARE(back->plaintext, QByteArray("me too"));
    }
}

void TestOmemoEngine::signedPreKeyRotation()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob, {100, 7, 30});
    auto carol = makeDevice(kCarol);
    QVERIFY(alice && bob && carol);
    auto oldBundle = (*bob)->bundle(v);
    QVERIFY(oldBundle);
    QVERIFY(startSession(*alice, *bob, v));
    // Sent before the rotation, delivered after it.
    auto late = (*alice)->encrypt(v, {bob->address()}, QByteArray("late"));
    QVERIFY(late);

    QCOMPARE((*bob)->maintain(now.addDays(6)), false);
    QCOMPARE((*bob)->maintain(now.addDays(7).addSecs(60)), true);
    auto rotated = (*bob)->bundle(v);
    QVERIFY(rotated);
    QCOMPARE(rotated->signedPreKeyId, 2u);
    QVERIFY(rotated->signedPreKey != oldBundle->signedPreKey);
    QVERIFY(rotated->signedPreKeySignature != oldBundle->signedPreKeySignature);
    QCOMPARE(rotated->preKeys, oldBundle->preKeys);
    QCOMPARE((*bob)->maintain(now.addDays(8)), false);

    auto received = (*bob)->decrypt(late->encrypted, kAlice);
    QVERIFY2(received, qPrintable(errorOf(received)));
    QCOMPARE(received->plaintext, QByteArray("late"));

    // New sessions use the rotated key.
    QVERIFY(startSession(*carol, *bob, v));
    QCOMPARE(textOf(deliver(*carol, *bob, v, "new")), QByteArray("new"));

    // The old key stays for the retention period after it was replaced, then goes.
    // Dave still has the old bundle (with pre-keys nobody used yet).
    auto dave = makeDevice(u"dave@example.org"_s);
    QVERIFY(dave);
    auto staleBundle = *oldBundle;
    staleBundle.preKeys = (*bob)->bundle(v)->preKeys;
    QVERIFY((*dave)->processBundle(v, kBob, staleBundle));
    auto tooLate = (*dave)->encrypt(v, {bob->address()}, QByteArray("too late"));
    QVERIFY(tooLate);
    // Day 36: key 3 replaces key 2; key 1, replaced on day 7, is kept until day 37.
    QCOMPARE((*bob)->maintain(now.addDays(7 + 29)), true);
    QVERIFY(bob->storage->loadSignedPreKey(1)->has_value());
    QCOMPARE((*bob)->bundle(v)->signedPreKeyId, 3u);
    // Dropping an unpublished key does not change the bundle.
    QCOMPARE((*bob)->maintain(now.addDays(7 + 31)), false);
    QVERIFY(!bob->storage->loadSignedPreKey(1)->has_value());
    QVERIFY(bob->storage->loadSignedPreKey(2)->has_value());
    QVERIFY(bob->storage->loadSignedPreKey(3)->has_value());
    QCOMPARE(errorOf((*bob)->decrypt(tooLate->encrypted, u"dave@example.org"_s)),
             u"omemo-invalid-key-id"_s);
}

void TestOmemoEngine::separateSessionsPerVersion()
{
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    QVERIFY(startSession(*alice, *bob, Version::Legacy));
    QCOMPARE((*alice)->hasSession(Version::Legacy, bob->address()), true);
    QCOMPARE((*alice)->hasSession(Version::V2, bob->address()), false);
    // No OMEMO 2 session: the target is skipped, not encrypted with the legacy one.
    auto skipped = (*alice)->encrypt(Version::V2, {bob->address()}, QByteArray("v2?"));
    QVERIFY(skipped);
    QVERIFY(skipped->encrypted.keys.isEmpty());
    QCOMPARE(skipped->skipped, QList<OmemoAddress>{bob->address()});

    QVERIFY(startSession(*alice, *bob, Version::V2));
    QCOMPARE((*alice)->hasSession(Version::V2, bob->address()), true);
    QCOMPARE(alice->storage->sessionCount(), 2);

    for (Version v : {Version::Legacy, Version::V2, Version::Legacy, Version::V2}) {
        auto there = deliver(*alice, *bob, v, "both");
        QVERIFY2(there, nameOf(v));
        QCOMPARE(there->plaintext, QByteArray("both"));
        auto back = deliver(*bob, *alice, v, "back");
        QVERIFY(back);
        QCOMPARE(back->plaintext, QByteArray("back"));
    }
    QCOMPARE(bob->storage->sessionCount(), 2);
    QCOMPARE(bob->storage->preKeyIds()->size(), 98);
    // One identity row for the device, whatever the version.
    QCOMPARE((*bob)->identities(kAlice)->size(), 1);
    QCOMPARE((*bob)->identities(kAlice)->first().identityKey, (*alice)->identityKey());
}

void TestOmemoEngine::blindTrustBeforeVerification()
{
    const Version v = Version::V2;
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    auto bobPhone = makeDevice(kBob);
    auto carol = makeDevice(kCarol);
    QVERIFY(alice && bob && bobPhone && carol);

    QVERIFY(startSession(*alice, *bob, v));
    auto identities = (*alice)->identities(kBob);
    QVERIFY(identities);
    QCOMPARE(identities->size(), 1);
    QCOMPARE(identities->first().trust, Trust::BlindTrusted);
    QCOMPARE(identities->first().deviceId, (*bob)->deviceId());
    QCOMPARE(identities->first().identityKey, (*bob)->identityKey());
    QVERIFY(identities->first().firstSeen.isValid());

    QVERIFY((*alice)->setTrust(bob->address(), Trust::Verified));
    QVERIFY(startSession(*alice, *bobPhone, v));
    QVERIFY(startSession(*alice, *carol, v));
    const auto bobIdentities = (*alice)->identities(kBob);
    QVERIFY(bobIdentities);
    QCOMPARE(bobIdentities->size(), 2);
    for (const auto &identity : *bobIdentities) {
        QCOMPARE(identity.trust,
                 identity.deviceId == (*bob)->deviceId() ? Trust::Verified : Trust::Undecided);
    }
    // Verification is per JID: carol's new device is still blindly trusted.
    QCOMPARE((*alice)->identities(kCarol)->first().trust, Trust::BlindTrusted);

    auto sent = (*alice)->encrypt(v, {bob->address(), bobPhone->address(), carol->address()},
                                  QByteArray("who reads?"));
    QVERIFY(sent);
    QCOMPARE(sent->encrypted.keys.size(), 2);
    QCOMPARE(sent->skipped, QList<OmemoAddress>{bobPhone->address()});
    QCOMPARE(errorOf((*bobPhone)->decrypt(sent->encrypted, kAlice)),
             u"omemo-not-for-this-device"_s);

    // Once decided, the device is used.
    QVERIFY((*alice)->setTrust(bobPhone->address(), Trust::Verified));
    auto decided = (*alice)->encrypt(v, {bobPhone->address()}, QByteArray("now you"));
    QVERIFY(decided);
    QCOMPARE(decided->encrypted.keys.size(), 1);
    QCOMPARE(textOf((*bobPhone)->decrypt(decided->encrypted, kAlice)), QByteArray("now you"));

    QCOMPARE(errorOf((*alice)->setTrust({kBob, 12345}, Trust::Verified)),
             u"omemo-unknown-device"_s);
}

void TestOmemoEngine::distrustedDevicesSkipped()
{
    const Version v = Version::Legacy;
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    QVERIFY(converse(*alice, *bob, v));
    QVERIFY((*alice)->setTrust(bob->address(), Trust::Distrusted));

    auto sent = (*alice)->encrypt(v, {bob->address()}, QByteArray("not for you"));
    QVERIFY(sent);
    QVERIFY(sent->encrypted.keys.isEmpty());
    QCOMPARE(sent->skipped, QList<OmemoAddress>{bob->address()});

    // Its messages still decrypt, flagged.
    auto sentByBob = (*bob)->encrypt(v, {alice->address()}, QByteArray("still here"));
    QVERIFY(sentByBob);
    auto received = (*alice)->decrypt(sentByBob->encrypted, kBob);
    QVERIFY(received);
    QCOMPARE(received->plaintext, QByteArray("still here"));
    QCOMPARE(received->trust, Trust::Distrusted);
}

void TestOmemoEngine::changedIdentityKeyRejected()
{
    const Version v = Version::V2;
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    QVERIFY(converse(*alice, *bob, v));
    const QByteArray oldKey = (*bob)->identityKey();

    // Bob reinstalls and ends up with the same device id but a new identity key.
    auto reinstalled = makeDevice(kBob);
    QVERIFY(reinstalled);
    Crypto::OwnIdentity identity = **reinstalled->storage->loadIdentity();
    identity.deviceId = (*bob)->deviceId();
    QVERIFY(reinstalled->storage->saveIdentity(identity));
    QVERIFY(reinstalled->open());
    QCOMPARE(reinstalled->address(), bob->address());
    QVERIFY((*reinstalled)->identityKey() != oldKey);

    QVERIFY(startSession(*reinstalled, *alice, v));
    auto sent = (*reinstalled)->encrypt(v, {alice->address()}, QByteArray("it's me, really"));
    QVERIFY(sent);
    QCOMPARE(errorOf((*alice)->decrypt(sent->encrypted, kBob)), u"omemo-untrusted-identity"_s);
    // The new key is on record, undecided; never silently trusted.
    auto identities = (*alice)->identities(kBob);
    QVERIFY(identities);
    QCOMPARE(identities->size(), 1);
    QCOMPARE(identities->first().identityKey, (*reinstalled)->identityKey());
    QCOMPARE(identities->first().trust, Trust::Undecided);
    // Alice's pre-key is untouched by the refused message.
    QCOMPARE(alice->storage->preKeyIds()->size(), 100);

    // Reading it now reports the undecided trust, and alice does not encrypt to it.
    auto received = (*alice)->decrypt(sent->encrypted, kBob);
    QVERIFY2(received, qPrintable(errorOf(received)));
    QCOMPARE(received->trust, Trust::Undecided);
    auto answer = (*alice)->encrypt(v, {bob->address()}, QByteArray("hm"));
    QVERIFY(answer);
    QVERIFY(answer->encrypted.keys.isEmpty());

    // The same through a bundle: carol's device changes its key.
    auto carol = makeDevice(kCarol);
    QVERIFY(carol);
    QVERIFY(startSession(*alice, *carol, Version::Legacy));
    auto carolNew = makeDevice(kCarol);
    QVERIFY(carolNew);
    auto bundle = (*carolNew)->bundle(Version::Legacy);
    QVERIFY(bundle);
    bundle->deviceId = (*carol)->deviceId();
    QCOMPARE(errorOf((*alice)->processBundle(Version::Legacy, kCarol, *bundle)),
             u"omemo-untrusted-identity"_s);
    QCOMPARE((*alice)->identities(kCarol)->first().trust, Trust::Undecided);
    QCOMPARE((*alice)->identities(kCarol)->first().identityKey, (*carolNew)->identityKey());
}

void TestOmemoEngine::fingerprintsAndUri()
{
    auto alice = makeDevice(kAlice);
    QVERIFY(alice);
    const QByteArray key = (*alice)->identityKey();
    const QRegularExpression format(u"^([0-9a-f]{8} ){7}[0-9a-f]{8}$"_s);

    const QString legacy = OmemoEngine::fingerprint(key, Version::Legacy);
    QVERIFY2(format.match(legacy).hasMatch(), qPrintable(legacy));
    QCOMPARE(QString(legacy).remove(u' '), QString::fromLatin1(key.mid(1).toHex()));

    const QString v2 = OmemoEngine::fingerprint(key, Version::V2);
    QVERIFY2(format.match(v2).hasMatch(), qPrintable(v2));
    QVERIFY(v2 != legacy);
    const QByteArray edKey = (*alice)->bundle(Version::V2)->identityKey;
    QCOMPARE(QString(v2).remove(u' '), QString::fromLatin1(edKey.toHex()));
    // A 32-byte key is taken in the version's wire form as is.
    QCOMPARE(OmemoEngine::fingerprint(edKey, Version::V2), v2);

    QCOMPARE(OmemoEngine::fingerprint(QByteArray(5, 'x'), Version::Legacy), QString());
    QCOMPARE(OmemoEngine::fingerprint(QByteArray(33, '\x07'), Version::V2), QString());

    QCOMPARE(OmemoEngine::fingerprintUri(kAlice, 1234567, key),
             u"xmpp:alice@example.org?omemo-sid-1234567="_s +
                 QString::fromLatin1(key.mid(1).toHex()));
}

void TestOmemoEngine::badBundleRejected()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    auto bundle = (*bob)->bundle(v);
    QVERIFY(bundle);

    auto badSignature = *bundle;
    badSignature.signedPreKeySignature[10] ^= 0x01;
    QCOMPARE(errorOf((*alice)->processBundle(v, kBob, badSignature)), u"omemo-bad-bundle"_s);
    auto otherKey = *bundle;
    otherKey.signedPreKey = (*alice)->bundle(v)->signedPreKey;
    QCOMPARE(errorOf((*alice)->processBundle(v, kBob, otherKey)), u"omemo-bad-bundle"_s);

    auto shortKey = *bundle;
    shortKey.identityKey.chop(1);
    QCOMPARE(errorOf((*alice)->processBundle(v, kBob, shortKey)), u"omemo-bad-bundle"_s);
    auto noPreKeys = *bundle;
    noPreKeys.preKeys.clear();
    QCOMPARE(errorOf((*alice)->processBundle(v, kBob, noPreKeys)), u"omemo-bad-bundle"_s);
    auto wrongVersion = (*bob)->bundle(v == Version::Legacy ? Version::V2 : Version::Legacy);
    QCOMPARE(errorOf((*alice)->processBundle(v, kBob, *wrongVersion)), u"omemo-bad-bundle"_s);
    auto ownDevice = (*alice)->bundle(v);
    QCOMPARE(errorOf((*alice)->processBundle(v, kAlice, *ownDevice)), u"omemo-bad-bundle"_s);

    QCOMPARE((*alice)->hasSession(v, bob->address()), false);
    QVERIFY((*alice)->identities(kBob)->isEmpty());
    QVERIFY((*alice)->processBundle(v, kBob, *bundle));
    QCOMPARE((*alice)->hasSession(v, bob->address()), true);
}

void TestOmemoEngine::throughput()
{
    QFETCH(int, version);
    const Version v = versionOf(version);
    auto alice = makeDevice(kAlice);
    auto bob = makeDevice(kBob);
    QVERIFY(alice && bob);
    QVERIFY(converse(*alice, *bob, v));

    constexpr int count = 1000;
    const QByteArray body(200, 'm');
    QList<Encrypted> sent;
    sent.reserve(count);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        auto encrypted = (*alice)->encrypt(v, {bob->address()}, body);
        QVERIFY(encrypted);
        sent.append(std::move(encrypted->encrypted));
    }
    const qint64 encryptNs = timer.nsecsElapsed();
    timer.restart();
    for (const Encrypted &encrypted : std::as_const(sent)) {
        auto received = (*bob)->decrypt(encrypted, kAlice);
        QVERIFY(received);
        QCOMPARE(received->plaintext, body);
    }
    const qint64 decryptNs = timer.nsecsElapsed();
    qInfo("%s, %d messages of 200 bytes, one session, in-memory storage: "
          "encrypt %.0f/s, decrypt %.0f/s",
          nameOf(v), count, count * 1e9 / double(encryptNs), count * 1e9 / double(decryptNs));
}

QTEST_GUILESS_MAIN(TestOmemoEngine)
#include "tst_OmemoEngine.moc"
