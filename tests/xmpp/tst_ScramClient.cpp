// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/sasl/ScramClient.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::SaslMechanism;
using Xmpp::ScramClient;

namespace {

// RFC 5802 section 5.
const QByteArray kSha1Nonce = QByteArrayLiteral("fyko+d2lbbFgONRv9qkxdawL");
const QByteArray kSha1ServerFirst =
    QByteArrayLiteral("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
const QByteArray kSha1ClientFinal = QByteArrayLiteral(
    "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
const QByteArray kSha1ServerFinal = QByteArrayLiteral("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
const QByteArray kSha1Proof = QByteArrayLiteral("v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");

// RFC 7677 section 3.
const QByteArray kSha256Nonce = QByteArrayLiteral("rOprNGfwEbeRWgbNEkqO");
const QByteArray kSha256ServerFirst = QByteArrayLiteral(
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
const QByteArray kSha256ClientFinal =
    QByteArrayLiteral("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                      "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
const QByteArray kSha256ServerFinal =
    QByteArrayLiteral("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");

const QString kPassword = u"pencil"_s;

QByteArray nonceOf(const QByteArray &clientFirst)
{
    const qsizetype at = clientFirst.indexOf(",r=");
    return at < 0 ? QByteArray() : clientFirst.mid(at + 3);
}

} // namespace

class TestScramClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc5802Sha1Vector();
    void rfc7677Sha256Vector();
    void longPasswordAndEscapedUsername();
    void passwordIsNfkcNormalised();
    void optionalExtensionsAreAccepted();
    void tamperedServerSignatureFails_data();
    void tamperedServerSignatureFails();
    void serverErrorFails();
    void malformedServerFinalFails_data();
    void malformedServerFinalFails();
    void badServerFirstFails_data();
    void badServerFirstFails();
    void verifyBeforeRespondFails();
    void respondTwiceFails();
    void verifyTwiceFails();
    void usernamePreparation_data();
    void usernamePreparation();
    void initialResponseUsesPreparedUsername();
    void randomNoncesDifferAndArePrintableBase64();
    void mechanismNames();
    void chooseMechanism_data();
    void chooseMechanism();
};

void TestScramClient::rfc5802Sha1Vector()
{
    ScramClient client(ScramClient::Hash::Sha1, u"user"_s, kPassword, kSha1Nonce);
    QCOMPARE(client.mechanismName(), u"SCRAM-SHA-1"_s);
    QCOMPARE(client.initialResponse(), QByteArrayLiteral("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"));
    const auto final = client.respond(kSha1ServerFirst);
    QVERIFY2(final.has_value(), qPrintable(final ? QString() : final.error().detail));
    QCOMPARE(*final, kSha1ClientFinal);
    const auto verified = client.verifyServerFinal(kSha1ServerFinal);
    QVERIFY2(verified.has_value(), qPrintable(verified ? QString() : verified.error().detail));
}

void TestScramClient::rfc7677Sha256Vector()
{
    ScramClient client(ScramClient::Hash::Sha256, u"user"_s, kPassword, kSha256Nonce);
    QCOMPARE(client.mechanismName(), u"SCRAM-SHA-256"_s);
    QCOMPARE(client.initialResponse(), QByteArrayLiteral("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
    const auto final = client.respond(kSha256ServerFirst);
    QVERIFY2(final.has_value(), qPrintable(final ? QString() : final.error().detail));
    QCOMPARE(*final, kSha256ClientFinal);
    const auto verified = client.verifyServerFinal(kSha256ServerFinal);
    QVERIFY2(verified.has_value(), qPrintable(verified ? QString() : verified.error().detail));
}

// A password longer than the 64-byte HMAC block (the key is hashed first) and a
// user name that needs escaping, which must appear escaped in AuthMessage.
// Expected values computed independently with Python's hashlib and hmac.
void TestScramClient::longPasswordAndEscapedUsername()
{
    const QString password =
        u"correct horse battery staple, but much longer than one hash block of 64 bytes"_s;
    QVERIFY(password.toUtf8().size() > 64);
    ScramClient client(ScramClient::Hash::Sha256, u"nurse=station,4"_s, password,
                       QByteArrayLiteral("abcdefghijklmnop"));
    QCOMPARE(client.initialResponse(),
             QByteArrayLiteral("n,,n=nurse=3Dstation=2C4,r=abcdefghijklmnop"));
    const auto final = client.respond(
        QByteArrayLiteral("r=abcdefghijklmnopQRSTUVWXYZ,s=cm91bmRzLXNhbHQtMTZieQ==,i=4096"));
    QVERIFY(final.has_value());
    QCOMPARE(*final, QByteArrayLiteral("c=biws,r=abcdefghijklmnopQRSTUVWXYZ,"
                                       "p=bKStxiYLcGlAtIEAgZHJoMKNTDvK0jOYjC+p9cMjNPs="));
    QVERIFY(
        client
            .verifyServerFinal(QByteArrayLiteral("v=vj49evBLNl9EInzjdClTvPKE36s+vWCEF5TyFQAUbeU="))
            .has_value());
}

void TestScramClient::passwordIsNfkcNormalised()
{
    // U+2168 ROMAN NUMERAL NINE is "IX" after NFKC, so both give the same proof.
    ScramClient plain(ScramClient::Hash::Sha1, u"user"_s, u"IX"_s, kSha1Nonce);
    ScramClient compatible(ScramClient::Hash::Sha1, u"user"_s, u"\u2168"_s, kSha1Nonce);
    ScramClient other(ScramClient::Hash::Sha1, u"user"_s, u"IIX"_s, kSha1Nonce);
    const auto a = plain.respond(kSha1ServerFirst);
    const auto b = compatible.respond(kSha1ServerFirst);
    const auto c = other.respond(kSha1ServerFirst);
    QVERIFY(a && b && c);
    QCOMPARE(*b, *a);
    QVERIFY(*c != *a);
}

void TestScramClient::optionalExtensionsAreAccepted()
{
    ScramClient client(ScramClient::Hash::Sha1, u"user"_s, kPassword, kSha1Nonce);
    const auto final = client.respond(kSha1ServerFirst + QByteArrayLiteral(",x=future,y=1"));
    QVERIFY2(final.has_value(), qPrintable(final ? QString() : final.error().detail));
    QVERIFY(final->startsWith("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p="));
    // The extension is part of AuthMessage, so the RFC proof no longer applies.
    QVERIFY(*final != kSha1ClientFinal);
}

void TestScramClient::tamperedServerSignatureFails_data()
{
    QTest::addColumn<QByteArray>("serverFinal");
    QTest::newRow("one character changed") << QByteArrayLiteral("v=smF9pqV8S7suAoZWja4dJRkFsKQ=");
    QTest::newRow("last byte changed") << QByteArrayLiteral("v=rmF9pqV8S7suAoZWja4dJRkFsKA=");
    QTest::newRow("truncated") << QByteArrayLiteral("v=rmF9pqV8S7suAoZWja4dJRkF");
    QTest::newRow("SHA-256 length") << kSha256ServerFinal;
    QTest::newRow("client proof echoed") << QByteArray("v=" + kSha1Proof);
}

void TestScramClient::tamperedServerSignatureFails()
{
    QFETCH(QByteArray, serverFinal);
    ScramClient client(ScramClient::Hash::Sha1, u"user"_s, kPassword, kSha1Nonce);
    QVERIFY(client.respond(kSha1ServerFirst).has_value());
    const auto verified = client.verifyServerFinal(serverFinal);
    QVERIFY(!verified.has_value());
    QCOMPARE(verified.error().code, Core::Error::Code::Auth);
    QVERIFY2(verified.error().detail.contains(u"signature"), qPrintable(verified.error().detail));
}

void TestScramClient::serverErrorFails()
{
    ScramClient client(ScramClient::Hash::Sha256, u"user"_s, kPassword, kSha256Nonce);
    QVERIFY(client.respond(kSha256ServerFirst).has_value());
    const auto verified = client.verifyServerFinal(QByteArrayLiteral("e=invalid-proof"));
    QVERIFY(!verified.has_value());
    QCOMPARE(verified.error().code, Core::Error::Code::Auth);
    QVERIFY2(verified.error().detail.contains(u"invalid-proof"),
             qPrintable(verified.error().detail));
}

void TestScramClient::malformedServerFinalFails_data()
{
    QTest::addColumn<QByteArray>("serverFinal");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("unknown attribute") << QByteArrayLiteral("x=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    QTest::newRow("empty verifier") << QByteArrayLiteral("v=");
    QTest::newRow("verifier not base64") << QByteArrayLiteral("v=rmF9pqV8S7suAoZW!a4dJRkFsKQ=");
    QTest::newRow("verifier without padding") << QByteArrayLiteral("v=rmF9pqV8S7suAoZWja4dJRkFsKQ");
    QTest::newRow("bad extension") << QByteArray(kSha1ServerFinal + ",garbage");
    QTest::newRow("empty error") << QByteArrayLiteral("e=");
    QTest::newRow("no equals sign") << QByteArrayLiteral("rmF9pqV8S7suAoZWja4dJRkFsKQ=");
}

void TestScramClient::malformedServerFinalFails()
{
    QFETCH(QByteArray, serverFinal);
    ScramClient client(ScramClient::Hash::Sha1, u"user"_s, kPassword, kSha1Nonce);
    QVERIFY(client.respond(kSha1ServerFirst).has_value());
    const auto verified = client.verifyServerFinal(serverFinal);
    QVERIFY(!verified.has_value());
    QCOMPARE(verified.error().code, Core::Error::Code::Auth);
    QVERIFY2(verified.error().detail.contains(u"malformed"), qPrintable(verified.error().detail));
}

void TestScramClient::badServerFirstFails_data()
{
    QTest::addColumn<QByteArray>("serverFirst");
    QTest::addColumn<QString>("expectedDetail");

    const QByteArray nonce = QByteArrayLiteral("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j");
    const QByteArray salt = QByteArrayLiteral("s=QSXCR+Q6sek8bf92");
    // QTest rows must hold QByteArray, not the QStringBuilder that "+" yields.
    const auto bytes = [](const QByteArray &message) { return message; };

    QTest::newRow("nonce not extending ours")
        << bytes(QByteArrayLiteral("r=xyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,") + salt +
                 ",i=4096")
        << u"nonce"_s;
    QTest::newRow("nonce equal to ours")
        << bytes(QByteArrayLiteral("r=fyko+d2lbbFgONRv9qkxdawL,") + salt + ",i=4096") << u"nonce"_s;
    QTest::newRow("nonce prefix of ours")
        << bytes(QByteArrayLiteral("r=fyko+d2lbb,") + salt + ",i=4096") << u"nonce"_s;
    QTest::newRow("nonce with control character")
        << bytes(QByteArrayLiteral("r=fyko+d2lbbFgONRv9qkxdawL\x01x,") + salt + ",i=4096")
        << u"nonce"_s;
    QTest::newRow("empty nonce") << bytes(QByteArrayLiteral("r=,") + salt + ",i=4096")
                                 << u"nonce"_s;
    QTest::newRow("iterations 4095") << bytes(nonce + ',' + salt + ",i=4095") << u"iteration"_s;
    QTest::newRow("iterations 1") << bytes(nonce + ',' + salt + ",i=1") << u"iteration"_s;
    QTest::newRow("iterations 0") << bytes(nonce + ',' + salt + ",i=0") << u"iteration"_s;
    QTest::newRow("iterations 10000001")
        << bytes(nonce + ',' + salt + ",i=10000001") << u"iteration"_s;
    QTest::newRow("iterations huge")
        << bytes(nonce + ',' + salt + ",i=99999999999999999999") << u"iteration"_s;
    QTest::newRow("iterations negative")
        << bytes(nonce + ',' + salt + ",i=-4096") << u"iteration"_s;
    QTest::newRow("iterations not a number")
        << bytes(nonce + ',' + salt + ",i=lots") << u"iteration"_s;
    QTest::newRow("iterations with sign")
        << bytes(nonce + ',' + salt + ",i=+4096") << u"iteration"_s;
    QTest::newRow("iterations empty") << bytes(nonce + ',' + salt + ",i=") << u"iteration"_s;
    QTest::newRow("mandatory extension first")
        << bytes(QByteArrayLiteral("m=ext,") + nonce + ',' + salt + ",i=4096") << u"mandatory"_s;
    QTest::newRow("mandatory extension last")
        << bytes(nonce + ',' + salt + ",i=4096,m=ext") << u"mandatory"_s;
    QTest::newRow("missing salt") << bytes(nonce + ",i=4096") << u"malformed"_s;
    QTest::newRow("salt attribute missing, order broken")
        << bytes(nonce + ",i=4096," + salt) << u"salt"_s;
    QTest::newRow("salt not base64")
        << bytes(nonce + QByteArrayLiteral(",s=QSXCR+Q6sek8b!92,i=4096")) << u"base64"_s;
    QTest::newRow("salt bad length")
        << bytes(nonce + QByteArrayLiteral(",s=QSXCR+Q6sek8bf9,i=4096")) << u"base64"_s;
    QTest::newRow("salt padding in the middle")
        << bytes(nonce + QByteArrayLiteral(",s=QS=CR+Q6sek8bf92,i=4096")) << u"base64"_s;
    QTest::newRow("salt empty") << bytes(nonce + QByteArrayLiteral(",s=,i=4096")) << u"base64"_s;
    QTest::newRow("nonce missing") << bytes(salt + ",i=4096," + nonce) << u"nonce"_s;
    QTest::newRow("empty message") << bytes(QByteArray()) << u"malformed"_s;
    QTest::newRow("garbage extension")
        << bytes(nonce + ',' + salt + ",i=4096,junk") << u"malformed"_s;
    QTest::newRow("too long") << bytes(nonce + ',' + salt + ",i=4096,x=" + QByteArray(5000, 'a'))
                              << u"too long"_s;
}

void TestScramClient::badServerFirstFails()
{
    QFETCH(QByteArray, serverFirst);
    QFETCH(QString, expectedDetail);
    ScramClient client(ScramClient::Hash::Sha1, u"user"_s, kPassword, kSha1Nonce);
    const auto final = client.respond(serverFirst);
    QVERIFY(!final.has_value());
    QCOMPARE(final.error().code, Core::Error::Code::Auth);
    const QString &detail = final.error().detail;
    QVERIFY2(detail.contains(expectedDetail, Qt::CaseInsensitive), qPrintable(detail));
    QVERIFY2(!detail.contains(kPassword), qPrintable(detail));
    // A failed exchange is over: no second attempt, nothing to verify.
    QVERIFY(!client.respond(kSha1ServerFirst).has_value());
    QVERIFY(!client.verifyServerFinal(kSha1ServerFinal).has_value());
}

void TestScramClient::verifyBeforeRespondFails()
{
    ScramClient client(ScramClient::Hash::Sha1, u"user"_s, kPassword, kSha1Nonce);
    const auto verified = client.verifyServerFinal(kSha1ServerFinal);
    QVERIFY(!verified.has_value());
    QCOMPARE(verified.error().code, Core::Error::Code::Auth);
    QVERIFY(!verified.error().detail.isEmpty());
    // The premature call must not spoil the real exchange... nor pass it.
    const auto final = client.respond(kSha1ServerFirst);
    QVERIFY(final.has_value());
    QCOMPARE(*final, kSha1ClientFinal);
    QVERIFY(client.verifyServerFinal(kSha1ServerFinal).has_value());
}

void TestScramClient::respondTwiceFails()
{
    ScramClient client(ScramClient::Hash::Sha1, u"user"_s, kPassword, kSha1Nonce);
    QVERIFY(client.respond(kSha1ServerFirst).has_value());
    const auto again = client.respond(kSha1ServerFirst);
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().code, Core::Error::Code::Auth);
}

void TestScramClient::verifyTwiceFails()
{
    ScramClient client(ScramClient::Hash::Sha1, u"user"_s, kPassword, kSha1Nonce);
    QVERIFY(client.respond(kSha1ServerFirst).has_value());
    QVERIFY(
        !client.verifyServerFinal(QByteArrayLiteral("v=smF9pqV8S7suAoZWja4dJRkFsKQ=")).has_value());
    // After a failure the right signature must not be accepted on a retry.
    const auto retry = client.verifyServerFinal(kSha1ServerFinal);
    QVERIFY(!retry.has_value());
    QCOMPARE(retry.error().code, Core::Error::Code::Auth);
    QVERIFY(!retry.error().detail.contains(QString::fromLatin1(kSha1Proof)));
}

void TestScramClient::usernamePreparation_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"user"_s << u"user"_s;
    QTest::newRow("equals") << u"a=b"_s << u"a=3Db"_s;
    QTest::newRow("comma") << u"a,b"_s << u"a=2Cb"_s;
    QTest::newRow("both, repeated") << u"=,=,"_s << u"=3D=2C=3D=2C"_s;
    QTest::newRow("escape-looking input") << u"=2C"_s << u"=3D2C"_s;
    QTest::newRow("roman numeral nine") << u"\u2168"_s << u"IX"_s;
    QTest::newRow("fullwidth letters") << u"\uFF55\uFF53\uFF45\uFF52"_s << u"user"_s;
    QTest::newRow("composed accent") << u"Jose\u0301"_s << u"Jos\u00E9"_s;
    QTest::newRow("fullwidth comma is escaped after NFKC") << u"a\uFF0Cb"_s << u"a=2Cb"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestScramClient::usernamePreparation()
{
    QFETCH(QString, username);
    QFETCH(QString, expected);
    QCOMPARE(Xmpp::escapeScramUsername(username), expected);
}

void TestScramClient::initialResponseUsesPreparedUsername()
{
    ScramClient client(ScramClient::Hash::Sha256, u"\u2168,ward=3"_s, kPassword,
                       QByteArrayLiteral("nonce"));
    QCOMPARE(client.initialResponse(), QByteArrayLiteral("n,,n=IX=2Cward=3D3,r=nonce"));
    ScramClient accented(ScramClient::Hash::Sha256, u"Jos\u00E9"_s, kPassword,
                         QByteArrayLiteral("nonce"));
    QCOMPARE(accented.initialResponse(), QByteArrayLiteral("n,,n=Jos\xC3\xA9,r=nonce"));
}

void TestScramClient::randomNoncesDifferAndArePrintableBase64()
{
    ScramClient first(ScramClient::Hash::Sha256, u"user"_s, kPassword);
    ScramClient second(ScramClient::Hash::Sha256, u"user"_s, kPassword);
    const QByteArray a = nonceOf(first.initialResponse());
    const QByteArray b = nonceOf(second.initialResponse());
    QVERIFY(first.initialResponse().startsWith("n,,n=user,r="));
    QCOMPARE(a.size(), 32); // 24 random bytes
    QCOMPARE(b.size(), 32);
    QVERIFY(a != b);
    static const QRegularExpression base64(u"^[A-Za-z0-9+/]{32}$"_s);
    for (const QByteArray &nonce : {a, b}) {
        const QString text = QString::fromLatin1(nonce);
        QVERIFY2(base64.match(text).hasMatch(), nonce.constData());
        for (const char c : nonce)
            QVERIFY(c >= 0x21 && c <= 0x7e && c != ',');
        const auto decoded =
            QByteArray::fromBase64Encoding(nonce, QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(decoded);
        QCOMPARE(decoded.decoded.size(), 24);
    }
    // The same client keeps its nonce.
    QCOMPARE(nonceOf(first.initialResponse()), a);
}

void TestScramClient::mechanismNames()
{
    QCOMPARE(ScramClient::mechanismName(ScramClient::Hash::Sha1), u"SCRAM-SHA-1"_s);
    QCOMPARE(ScramClient::mechanismName(ScramClient::Hash::Sha256), u"SCRAM-SHA-256"_s);
    QCOMPARE(Xmpp::saslMechanismName(SaslMechanism::ScramSha256), u"SCRAM-SHA-256"_s);
    QCOMPARE(Xmpp::saslMechanismName(SaslMechanism::ScramSha1), u"SCRAM-SHA-1"_s);
    QCOMPARE(Xmpp::saslMechanismName(SaslMechanism::Plain), u"PLAIN"_s);
}

void TestScramClient::chooseMechanism_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<int>("expected"); // SaslMechanism when succeeds
    QTest::addColumn<QStringList>("detailContains");

    const int sha256 = int(SaslMechanism::ScramSha256);
    const int sha1 = int(SaslMechanism::ScramSha1);
    const int plain = int(SaslMechanism::Plain);
    const QString s256 = u"SCRAM-SHA-256"_s;
    const QString s256plus = u"SCRAM-SHA-256-PLUS"_s;
    const QString s1 = u"SCRAM-SHA-1"_s;
    const QString s1plus = u"SCRAM-SHA-1-PLUS"_s;
    const QString p = u"PLAIN"_s;

    QTest::newRow("all, encrypted")
        << QStringList{p, s1, s256} << true << true << sha256 << QStringList();
    QTest::newRow("all, plaintext")
        << QStringList{s256, s1, p} << false << true << sha256 << QStringList();
    QTest::newRow("all with PLUS variants")
        << QStringList{s256plus, s256, s1plus, s1, p} << true << true << sha256 << QStringList();
    QTest::newRow("SHA-1 and PLAIN") << QStringList{p, s1} << true << true << sha1 << QStringList();
    QTest::newRow("SHA-1 without TLS") << QStringList{s1} << false << true << sha1 << QStringList();
    QTest::newRow("SHA-256 PLUS ignored, SHA-1 chosen")
        << QStringList{s256plus, s1} << true << true << sha1 << QStringList();
    QTest::newRow("PLAIN with TLS")
        << QStringList{u"X-OAUTH2"_s, p} << true << true << plain << QStringList();
    QTest::newRow("PLUS ignored, PLAIN with TLS")
        << QStringList{s256plus, s1plus, p} << true << true << plain << QStringList();
    QTest::newRow("surrounding whitespace")
        << QStringList{u" SCRAM-SHA-256\n"_s} << true << true << sha256 << QStringList();
    QTest::newRow("PLAIN without TLS")
        << QStringList{p} << false << false << 0 << QStringList{p, u"TLS"_s};
    QTest::newRow("PLUS only") << QStringList{s256plus, s1plus} << true << false << 0
                               << QStringList{s256plus, s1plus};
    QTest::newRow("PLUS and PLAIN without TLS")
        << QStringList{s256plus, p} << false << false << 0 << QStringList{s256plus, p};
    QTest::newRow("unknown only") << QStringList{u"DIGEST-MD5"_s, u"CRAM-MD5"_s} << true << false
                                  << 0 << QStringList{u"DIGEST-MD5"_s, u"CRAM-MD5"_s};
    QTest::newRow("nothing offered")
        << QStringList() << true << false << 0 << QStringList{u"(none)"_s};
    QTest::newRow("near misses") << QStringList{u"SCRAM-SHA-2"_s, u"SCRAM-SHA-2560"_s, u"PLAINX"_s}
                                 << true << false << 0 << QStringList{u"SCRAM-SHA-2560"_s};
}

void TestScramClient::chooseMechanism()
{
    QFETCH(QStringList, offered);
    QFETCH(bool, encrypted);
    QFETCH(bool, succeeds);
    QFETCH(int, expected);
    QFETCH(QStringList, detailContains);

    const auto chosen = Xmpp::chooseSaslMechanism(offered, encrypted);
    QCOMPARE(chosen.has_value(), succeeds);
    if (succeeds) {
        QCOMPARE(int(*chosen), expected);
        return;
    }
    QCOMPARE(chosen.error().code, Core::Error::Code::NoMechanism);
    for (const QString &part : detailContains)
        QVERIFY2(chosen.error().detail.contains(part), qPrintable(chosen.error().detail));
}

QTEST_GUILESS_MAIN(TestScramClient)
#include "tst_ScramClient.moc"
