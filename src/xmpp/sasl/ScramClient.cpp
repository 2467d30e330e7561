// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/sasl/ScramClient.h"

#include <QByteArrayView>
#include <QCryptographicHash>
#include <QList>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Xmpp {

namespace {

constexpr quint64 kMinIterations = 4096;
constexpr quint64 kMaxIterations = 10'000'000;
constexpr qsizetype kMaxServerMessageSize = 4096;
constexpr qsizetype kHashBlockSize = 64; // SHA-1 and SHA-256 alike
constexpr qsizetype kMaxTokenLength = 64;

QCryptographicHash::Algorithm algorithmFor(ScramClient::Hash hash)
{
    return hash == ScramClient::Hash::Sha256 ? QCryptographicHash::Sha256
                                             : QCryptographicHash::Sha1;
}

// Overwrites the buffer before releasing it. fill() is out of line in QtCore, so
// the compiler cannot drop the stores. A buffer shared with another object is
// detached first, which leaves the other owner's copy alone, as it should.
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        bytes.fill('\0');
    bytes.clear();
}

void wipe(QString &text)
{
    if (!text.isEmpty())
        text.fill(QChar(u'\0'));
    text.clear();
}

// HMAC (RFC 2104) on top of QCryptographicHash, so that the padded key blocks
// live in buffers this file owns and wipes. Results are written into a caller
// buffer of hash length, again so that no unwiped temporaries are left behind.
class Hmac
{
public:
    Hmac(QCryptographicHash::Algorithm algorithm, QByteArrayView key)
        : m_inner(algorithm)
        , m_outer(algorithm)
        , m_innerPad(kHashBlockSize, '\x36')
        , m_outerPad(kHashBlockSize, '\x5c')
    {
        QByteArray shortKey;
        if (key.size() > kHashBlockSize) {
            QCryptographicHash keyHash(algorithm);
            keyHash.addData(key);
            shortKey = keyHash.resultView().toByteArray();
            key = shortKey;
        }
        for (qsizetype i = 0; i < key.size(); ++i) {
            m_innerPad[i] = char(m_innerPad[i] ^ key[i]);
            m_outerPad[i] = char(m_outerPad[i] ^ key[i]);
        }
        wipe(shortKey);
    }

    ~Hmac()
    {
        wipe(m_innerPad);
        wipe(m_outerPad);
    }

    Hmac(const Hmac &) = delete;
    Hmac &operator=(const Hmac &) = delete;

    void compute(QByteArrayView message, QByteArray &out)
    {
        m_inner.reset();
        m_inner.addData(m_innerPad);
        m_inner.addData(message);
        m_outer.reset();
        m_outer.addData(m_outerPad);
        m_outer.addData(m_inner.resultView());
        const QByteArrayView digest = m_outer.resultView();
        out.resize(digest.size());
        std::copy(digest.begin(), digest.end(), out.begin());
    }

private:
    QCryptographicHash m_inner;
    QCryptographicHash m_outer;
    QByteArray m_innerPad;
    QByteArray m_outerPad;
};

// Hi() of RFC 5802: PBKDF2 with HMAC and an output of one hash length, so a
// single block.
QByteArray hi(QCryptographicHash::Algorithm algorithm, QByteArrayView password, QByteArrayView salt,
              quint64 iterations)
{
    Hmac mac(algorithm, password);
    QByteArray block = salt.toByteArray();
    block.append("\0\0\0\1", 4); // INT(1), the block index
    QByteArray u;
    mac.compute(block, u);
    QByteArray result = u;
    result.detach();
    for (quint64 n = 1; n < iterations; ++n) {
        mac.compute(u, u);
        for (qsizetype i = 0; i < result.size(); ++i)
            result[i] = char(result[i] ^ u[i]);
    }
    wipe(u);
    wipe(block);
    return result;
}

QByteArray hash(QCryptographicHash::Algorithm algorithm, QByteArrayView data)
{
    QCryptographicHash h(algorithm);
    h.addData(data);
    return h.resultView().toByteArray();
}

bool equalInConstantTime(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false; // both are hash-sized; the length is no secret
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

QByteArray randomNonce()
{
    std::array<quint32, 6> words{}; // 24 bytes, 32 base64 characters without padding
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)))
        .toBase64();
}

// RFC 5802 "printable": %x21-2B / %x2D-7E, that is visible ASCII without ",".
bool isPrintable(QByteArrayView text)
{
    for (const char c : text) {
        if (c < 0x21 || c > 0x7e || c == ',')
            return false;
    }
    return true;
}

// Strict base64 (RFC 4648 section 4) with padding, nothing else allowed.
std::optional<QByteArray> decodeBase64(QByteArrayView text)
{
    if (text.isEmpty() || text.size() % 4 != 0)
        return std::nullopt;
    qsizetype padding = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                              (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (c == '=') {
            ++padding;
        } else if (!alphabet || padding > 0) {
            return std::nullopt;
        }
    }
    if (padding > 2)
        return std::nullopt;
    auto decoded =
        QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

// "x=value" with the given attribute letter; the value may be empty here.
std::optional<QByteArrayView> attributeValue(QByteArrayView part, char name)
{
    if (part.size() < 2 || part[0] != name || part[1] != '=')
        return std::nullopt;
    return part.sliced(2);
}

// An optional extension: ALPHA "=" 1*value-char. Returns the attribute letter.
std::optional<char> extensionName(QByteArrayView part)
{
    if (part.size() < 3 || part[1] != '=')
        return std::nullopt;
    const char c = part[0];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
        return std::nullopt;
    return c;
}

// Makes server-chosen text safe for Error::detail: protocol-token characters
// only, bounded length.
QString protocolToken(QStringView text)
{
    QString out;
    for (const QChar c : text.left(kMaxTokenLength)) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') ||
                        (u >= u'0' && u <= u'9') || u == u'-' || u == u'_' || u == u'.';
        out += ok ? c : QChar(u'?');
    }
    if (text.size() > kMaxTokenLength)
        out += u"..."_s;
    return out;
}

} // namespace

ScramClient::ScramClient(Hash hash, QString username, QString password, QByteArray clientNonce)
    : m_hash(hash)
    , m_username(escapeScramUsername(username))
    , m_password(std::move(password))
    , m_clientNonce(clientNonce.isEmpty() ? randomNonce() : std::move(clientNonce))
{
    m_clientFirstBare =
        QByteArrayLiteral("n=") + m_username.toUtf8() + QByteArrayLiteral(",r=") + m_clientNonce;
}

ScramClient::~ScramClient()
{
    wipe(m_password);
    wipe(m_expectedServerSignature);
}

QString ScramClient::mechanismName(Hash hash)
{
    switch (hash) {
    case Hash::Sha1:
        return u"SCRAM-SHA-1"_s;
    case Hash::Sha256:
        return u"SCRAM-SHA-256"_s;
    }
    return {};
}

QByteArray ScramClient::initialResponse() const
{
    return QByteArrayLiteral("n,,") + m_clientFirstBare;
}

Core::Result<QByteArray> ScramClient::respond(const QByteArray &serverFirst)
{
    using Core::Error;
    if (m_state != State::AwaitingServerFirst)
        return Core::fail(Error::Code::Auth, u"SCRAM: server-first-message out of order"_s);
    m_state = State::Done; // stays so unless everything below succeeds

    if (serverFirst.size() > kMaxServerMessageSize)
        return Core::fail(Error::Code::Auth, u"SCRAM: server-first-message too long"_s);
    const QList<QByteArray> parts = serverFirst.split(',');
    if (!parts.isEmpty() && parts.front().startsWith("m="))
        return Core::fail(Error::Code::Auth, u"SCRAM: unsupported mandatory extension"_s);
    if (parts.size() < 3)
        return Core::fail(Error::Code::Auth, u"SCRAM: malformed server-first-message"_s);

    const auto nonce = attributeValue(parts[0], 'r');
    if (!nonce || nonce->isEmpty() || !isPrintable(*nonce))
        return Core::fail(Error::Code::Auth, u"SCRAM: malformed nonce in server-first-message"_s);
    if (nonce->size() <= m_clientNonce.size() || !nonce->startsWith(m_clientNonce))
        return Core::fail(Error::Code::Auth, u"SCRAM: server nonce does not extend ours"_s);

    const auto saltText = attributeValue(parts[1], 's');
    if (!saltText)
        return Core::fail(Error::Code::Auth, u"SCRAM: salt missing in server-first-message"_s);
    const auto salt = decodeBase64(*saltText);
    if (!salt || salt->isEmpty())
        return Core::fail(Error::Code::Auth, u"SCRAM: salt is not valid base64"_s);

    const auto countText = attributeValue(parts[2], 'i');
    if (!countText)
        return Core::fail(Error::Code::Auth,
                          u"SCRAM: iteration count missing in server-first-message"_s);
    // At most 8 digits keeps the value far from overflow; the range check follows.
    const bool digitsOnly = !countText->isEmpty() && countText->size() <= 8 &&
                            std::all_of(countText->begin(), countText->end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
    if (!digitsOnly)
        return Core::fail(Error::Code::Auth, u"SCRAM: malformed iteration count"_s);
    const quint64 iterations = countText->toByteArray().toULongLong();
    if (iterations < kMinIterations || iterations > kMaxIterations)
        return Core::fail(Error::Code::Auth,
                          u"SCRAM: iteration count %1 outside %2..%3"_s.arg(iterations)
                              .arg(kMinIterations)
                              .arg(kMaxIterations));

    for (qsizetype i = 3; i < parts.size(); ++i) {
        const auto name = extensionName(parts[i]);
        if (!name)
            return Core::fail(Error::Code::Auth, u"SCRAM: malformed server-first-message"_s);
        if (*name == 'm')
            return Core::fail(Error::Code::Auth, u"SCRAM: unsupported mandatory extension"_s);
    }

    const QCryptographicHash::Algorithm algorithm = algorithmFor(m_hash);
    const QByteArray clientFinalWithoutProof = QByteArrayLiteral("c=biws,r=") + *nonce;
    const QByteArray authMessage =
        m_clientFirstBare + ',' + serverFirst + ',' + clientFinalWithoutProof;

    QString preparedPassword = m_password.normalized(QString::NormalizationForm_KC);
    QByteArray password = preparedPassword.toUtf8();
    wipe(preparedPassword);
    wipe(m_password);

    QByteArray saltedPassword = hi(algorithm, password, *salt, iterations);
    wipe(password);

    QByteArray clientKey;
    QByteArray serverKey;
    {
        Hmac mac(algorithm, saltedPassword);
        mac.compute("Client Key", clientKey);
        mac.compute("Server Key", serverKey);
    }
    wipe(saltedPassword);

    QByteArray storedKey = hash(algorithm, clientKey);
    QByteArray proof; // ClientSignature, then XORed with ClientKey in place
    Hmac(algorithm, storedKey).compute(authMessage, proof);
    wipe(storedKey);
    for (qsizetype i = 0; i < proof.size(); ++i)
        proof[i] = char(proof[i] ^ clientKey[i]);
    wipe(clientKey);

    Hmac(algorithm, serverKey).compute(authMessage, m_expectedServerSignature);
    wipe(serverKey);

    QByteArray proofText = proof.toBase64();
    wipe(proof);
    QByteArray clientFinal = clientFinalWithoutProof + QByteArrayLiteral(",p=") + proofText;
    wipe(proofText);

    m_state = State::AwaitingServerFinal;
    return clientFinal;
}

Core::Result<void> ScramClient::verifyServerFinal(const QByteArray &serverFinal)
{
    using Core::Error;
    if (m_state != State::AwaitingServerFinal)
        return Core::fail(Error::Code::Auth, u"SCRAM: server-final-message out of order"_s);
    m_state = State::Done;
    QByteArray expected = std::exchange(m_expectedServerSignature, {});

    const auto malformed = [&expected] {
        wipe(expected);
        return Core::fail(Error::Code::Auth, u"SCRAM: malformed server-final-message"_s);
    };
    if (serverFinal.size() > kMaxServerMessageSize)
        return malformed();
    const QList<QByteArray> parts = serverFinal.split(',');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (!extensionName(parts[i]))
            return malformed();
    }

    if (const auto error = attributeValue(parts.front(), 'e')) {
        if (error->isEmpty())
            return malformed();
        wipe(expected);
        return Core::fail(Error::Code::Auth,
                          u"SCRAM: server error: "_s + protocolToken(QString::fromUtf8(*error)));
    }

    const auto verifierText = attributeValue(parts.front(), 'v');
    if (!verifierText)
        return malformed();
    const auto verifier = decodeBase64(*verifierText);
    if (!verifier)
        return malformed();

    const bool match = equalInConstantTime(*verifier, expected);
    wipe(expected);
    if (!match)
        return Core::fail(Error::Code::Auth, u"SCRAM: server signature does not match"_s);
    return {};
}

Core::Result<SaslMechanism> chooseSaslMechanism(const QStringList &offered, bool encrypted)
{
    bool sha256 = false;
    bool sha1 = false;
    bool plain = false;
    for (const QString &name : offered) {
        // Exact names only: the -PLUS variants need channel binding, which Qt
        // does not expose, so they are never chosen.
        const QStringView trimmed = QStringView(name).trimmed();
        if (trimmed == u"SCRAM-SHA-256")
            sha256 = true;
        else if (trimmed == u"SCRAM-SHA-1")
            sha1 = true;
        else if (trimmed == u"PLAIN")
            plain = true;
    }
    if (sha256)
        return SaslMechanism::ScramSha256;
    if (sha1)
        return SaslMechanism::ScramSha1;
    if (plain && encrypted)
        return SaslMechanism::Plain;

    QStringList shown;
    shown.reserve(offered.size());
    for (const QString &name : offered)
        shown.append(protocolToken(QStringView(name).trimmed()));
    QString detail = u"offered: "_s + (shown.isEmpty() ? u"(none)"_s : shown.join(u", "));
    if (plain)
        detail += u"; PLAIN refused without TLS"_s;
    return Core::fail(Core::Error::Code::NoMechanism, detail);
}

QString saslMechanismName(SaslMechanism mechanism)
{
    switch (mechanism) {
    case SaslMechanism::ScramSha256:
        return u"SCRAM-SHA-256"_s;
    case SaslMechanism::ScramSha1:
        return u"SCRAM-SHA-1"_s;
    case SaslMechanism::Plain:
        return u"PLAIN"_s;
    }
    return {};
}

QString escapeScramUsername(const QString &username)
{
    const QString normalized = username.normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(normalized.size());
    for (const QChar c : normalized) {
        if (c == u'=')
            out += u"=3D";
        else if (c == u',')
            out += u"=2C";
        else
            out += c;
    }
    return out;
}

} // namespace Xmpp
