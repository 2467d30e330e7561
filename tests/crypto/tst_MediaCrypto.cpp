// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/MediaCrypto.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Crypto::AtRestFile;
using Crypto::MediaCipher;
using Crypto::MediaKey;
namespace Media = Crypto::Media;

namespace {

// Vectors computed independently with python3-cryptography's AESGCM:
//   AESGCM(bytes(range(32))).encrypt(iv, plaintext, None)
const QByteArray Plaintext = "Rounds XEP-0454 test vector: potassium 6.1\n";
const QByteArray Cipher12 = QByteArray::fromHex(
    "b477094321b822e72735aae3334ff4fe04c92a64b2c1270fe86154bc5fdb1a75b3053496da4f730b71ad0e"
    "2c767a986426087d67b224da40c23a97");
const QByteArray Cipher16 = QByteArray::fromHex(
    "e362f11c8e2035e86af38640f3d0d43ade78dba8ce781b5528fe4a277993d1f15041cb0921335e005c60de"
    "dd9df08fb44a9d3992727068c97f4af3");

QByteArray range(int from, int count)
{
    QByteArray b;
    for (int i = 0; i < count; ++i)
        b.append(char(from + i));
    return b;
}

MediaKey fixedKey(int ivSize)
{
    MediaKey key;
    key.iv = range(ivSize == 12 ? 0xa0 : 0xb0, ivSize);
    key.key = Crypto::SecretBytes::copyOf(range(0, 32));
    return key;
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        b[i] = char(QRandomGenerator::global()->bounded(256));
    return b;
}

Crypto::SecretBytes atRestKey()
{
    auto key = AtRestFile::newKey();
    Q_ASSERT(key);
    return *key;
}

} // namespace

class tst_MediaCrypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encryptMatchesVector()
    {
        const auto out = Media::encrypt(Plaintext, fixedKey(12));
        QVERIFY(out);
        QCOMPARE(out->toHex(), Cipher12.toHex());
        QCOMPARE(out->size(), Plaintext.size() + MediaKey::TagSize);
    }

    void decryptsVectorsWith12And16ByteIvs()
    {
        const auto a = Media::decrypt(Cipher12, fixedKey(12));
        QVERIFY(a);
        QCOMPARE(*a, Plaintext);
        const auto b = Media::decrypt(Cipher16, fixedKey(16));
        QVERIFY(b);
        QCOMPARE(*b, Plaintext);
    }

    void tamperedOrTruncatedFails()
    {
        for (qsizetype i = 0; i < Cipher12.size(); ++i) {
            QByteArray bad = Cipher12;
            bad[i] = char(bad[i] ^ 0x01);
            const auto r = Media::decrypt(bad, fixedKey(12));
            QVERIFY2(!r, qPrintable(u"byte %1"_s.arg(i)));
            QCOMPARE(r.error().detail, u"media-auth-failed"_s);
        }
        for (qsizetype n : {qsizetype(0), qsizetype(5), qsizetype(16), Cipher12.size() - 1})
            QVERIFY(!Media::decrypt(Cipher12.left(n), fixedKey(12)));
        MediaKey wrong = fixedKey(12);
        wrong.key.data()[0] ^= 1;
        QVERIFY(!Media::decrypt(Cipher12, wrong));
    }

    void streamingMatchesWholeBuffer()
    {
        auto key = MediaKey::generate();
        QVERIFY(key);
        QCOMPARE(key->iv.size(), MediaKey::IvSize);
        const QByteArray data = randomBytes(300 * 1024 + 7);
        const auto whole = Media::encrypt(data, *key);
        QVERIFY(whole);
        // Decrypt in uneven pieces, some shorter than the tag.
        auto cipher = MediaCipher::create(MediaCipher::Mode::Decrypt, *key);
        QVERIFY(cipher);
        QByteArray plain;
        qsizetype at = 0;
        const qsizetype steps[] = {1, 3, 15, 4096, 65536, 11};
        for (int i = 0; at < whole->size(); ++i) {
            const qsizetype n = std::min(steps[i % 6], whole->size() - at);
            auto part = cipher->update(QByteArrayView(*whole).sliced(at, n));
            QVERIFY(part);
            plain += *part;
            at += n;
        }
        QVERIFY(cipher->finish());
        QCOMPARE(plain, data);
    }

    void linkRoundTrip()
    {
        const MediaKey key = fixedKey(12);
        const auto link =
            Media::buildLink(QUrl(u"https://upload.example.org:5443/s/AbC/f%20x"_s), key);
        QVERIFY(link);
        QVERIFY(link->startsWith(u"aesgcm://upload.example.org:5443/s/AbC/f%20x#"_s));
        QVERIFY(link->endsWith(QString::fromLatin1(key.iv.toHex() + range(0, 32).toHex())));
        const auto parsed = Media::parseLink(QString(u"  "_s + *link + u"\n"_s));
        QVERIFY(parsed);
        QCOMPARE(parsed->httpsUrl.toString(QUrl::FullyEncoded),
                 u"https://upload.example.org:5443/s/AbC/f%20x"_s);
        QCOMPARE(parsed->key.iv, key.iv);
        QVERIFY(parsed->key.key == key.key);
        QVERIFY(Media::isLink(*link));
    }

    void parsesLegacyIvLinkAndRefusesOthers()
    {
        const QString hex96 = QString::fromLatin1(range(0xb0, 16).toHex() + range(0, 32).toHex());
        const auto legacy = Media::parseLink(QString(u"aesgcm://h.example/p/f.jpg#"_s + hex96));
        QVERIFY(legacy);
        QCOMPARE(legacy->key.iv.size(), 16);
        const auto opened = Media::decrypt(Cipher16, legacy->key);
        QVERIFY(opened);

        const QString hex88 = hex96.mid(8);
        for (const QString &bad :
             QStringList{u"https://h.example/p#"_s + hex88, u"see aesgcm://h.example/p#"_s + hex88,
                         u"aesgcm://h.example/p#"_s + hex88 + u" and more"_s,
                         u"aesgcm://h.example/p#"_s + hex88.left(80),
                         u"aesgcm://h.example/p#"_s + hex88.left(87) + u"g"_s,
                         u"aesgcm://h.example/p"_s, u"aesgcm:///p#"_s + hex88})
            QVERIFY2(!Media::isLink(bad), qPrintable(bad));
        QVERIFY(!Media::buildLink(QUrl(u"http://h.example/p"_s), fixedKey(12)));
    }

    void atRestRoundTripAcrossChunkSizes()
    {
        QTemporaryDir dir;
        const auto key = atRestKey();
        const qsizetype C = AtRestFile::ChunkSize;
        for (qsizetype size : {qsizetype(0), qsizetype(1), C - 1, C, C + 1, 3 * C, 3 * C + 5}) {
            const QByteArray data = randomBytes(size);
            const QString path = dir.filePath(u"f%1"_s.arg(size));
            auto writer = AtRestFile::Writer::create(path, key);
            QVERIFY(writer);
            // Uneven writes.
            for (qsizetype at = 0; at < size; at += 10000)
                QVERIFY(writer->write(data.mid(at, 10000)));
            const auto digest = writer->finish();
            QVERIFY(digest);
            QCOMPARE(*digest, QCryptographicHash::hash(data, QCryptographicHash::Sha256));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray onDisk = f.readAll();
            if (size > 32)
                QVERIFY(!onDisk.contains(data.left(32)));
            const auto back = AtRestFile::readAll(path, key);
            QVERIFY2(back, qPrintable(u"size %1"_s.arg(size)));
            QCOMPARE(*back, data);
        }
    }

    void atRestDetectsTamperTruncationAndExtension()
    {
        QTemporaryDir dir;
        const auto key = atRestKey();
        const QString path = dir.filePath(u"f"_s);
        const QByteArray marker = "PATIENT-MRN-0042 HIV positive";
        auto writer = AtRestFile::Writer::create(path, key);
        QVERIFY(writer);
        QVERIFY(writer->write(QByteArray(randomBytes(2 * AtRestFile::ChunkSize) + marker)));
        QVERIFY(writer->finish());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        f.close();
        QVERIFY(!good.contains(marker));

        const auto check = [&](const QByteArray &bytes) {
            const QString p = dir.filePath(u"bad"_s);
            QFile out(p);
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return false;
            out.write(bytes);
            out.close();
            return !AtRestFile::decryptTo(p, key, nullptr).has_value();
        };
        // Truncated at a chunk boundary (after whole chunks) and in the middle.
        const qsizetype sealed = AtRestFile::ChunkSize + 17;
        const qsizetype headerSize = 5 + 24;
        QVERIFY(check(good.left(headerSize + sealed)));
        QVERIFY(check(good.left(headerSize + 2 * sealed)));
        QVERIFY(check(good.left(good.size() - 1)));
        QVERIFY(check(good.left(headerSize)));
        QVERIFY(check(good + "x"));
        for (qsizetype i : {qsizetype(0), qsizetype(7), headerSize + 3, good.size() - 2}) {
            QByteArray bad = good;
            bad[i] = char(bad[i] ^ 0x40);
            QVERIFY2(check(bad), qPrintable(u"byte %1"_s.arg(i)));
        }
        const auto wrongKey = atRestKey();
        QVERIFY(!AtRestFile::decryptTo(path, wrongKey, nullptr));
        QVERIFY(AtRestFile::decryptTo(path, key, nullptr));
    }

    void unfinishedWriterLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"f"_s);
        {
            auto writer = AtRestFile::Writer::create(path, atRestKey());
            QVERIFY(writer);
            QVERIFY(writer->write("abc"));
        }
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0);
    }
};

QTEST_APPLESS_MAIN(tst_MediaCrypto)
#include "tst_MediaCrypto.moc"
