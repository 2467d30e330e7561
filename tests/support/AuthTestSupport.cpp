// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuthTestSupport.h"

#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

TestScramServer::TestScramServer(QCryptographicHash::Algorithm hash, QString password,
                                 QByteArray salt, int iterations)
    : m_hash(hash)
    , m_password(std::move(password))
    , m_salt(std::move(salt))
    , m_iterations(iterations)
{
}

QByteArray TestScramServer::hmac(const QByteArray &key, const QByteArray &message) const
{
    return QMessageAuthenticationCode::hash(message, key, m_hash);
}

QByteArray TestScramServer::digest(const QByteArray &data) const
{
    return QCryptographicHash::hash(data, m_hash);
}

QByteArray TestScramServer::first(const QByteArray &clientFirst)
{
    // "n,,n=user,r=nonce"
    m_clientFirstBare = clientFirst.mid(clientFirst.indexOf(",,") + 2);
    const qsizetype r = m_clientFirstBare.indexOf("r=");
    m_nonce = m_clientFirstBare.mid(r + 2) + "3rfcNHYJY1ZVvWVs7j";
    m_serverFirst =
        "r=" + m_nonce + ",s=" + m_salt.toBase64() + ",i=" + QByteArray::number(m_iterations);
    return m_serverFirst;
}

QByteArray TestScramServer::final(const QByteArray &clientFinal)
{
    const qsizetype p = clientFinal.indexOf(",p=");
    const QByteArray withoutProof = clientFinal.left(p);
    const QByteArray proof = QByteArray::fromBase64(clientFinal.mid(p + 3));
    const int length = int(QCryptographicHash::hashLength(m_hash));
    const QByteArray salted = QPasswordDigestor::deriveKeyPbkdf2(
        m_hash, m_password.toUtf8(), m_salt, m_iterations, quint64(length));
    const QByteArray clientKey = hmac(salted, "Client Key");
    const QByteArray storedKey = digest(clientKey);
    const QByteArray authMessage = m_clientFirstBare + ',' + m_serverFirst + ',' + withoutProof;
    const QByteArray signature = hmac(storedKey, authMessage);
    QByteArray expectedProof(length, '\0');
    for (int i = 0; i < length; ++i)
        expectedProof[i] = char(clientKey[i] ^ signature[i]);
    if (proof != expectedProof || !withoutProof.contains(QByteArray("r=" + m_nonce)))
        return {};
    const QByteArray serverKey = hmac(salted, "Server Key");
    return "v=" + hmac(serverKey, authMessage).toBase64();
}

namespace {

QByteArray base32Decode(const QString &text)
{
    static const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QByteArray out;
    quint64 buffer = 0;
    int bits = 0;
    for (QChar c : text.toUpper()) {
        if (c == u'=')
            break;
        const qsizetype value = alphabet.indexOf(char(c.unicode()));
        if (value < 0)
            return {};
        buffer = (buffer << 5) | quint64(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    return out;
}

} // namespace

QString testTotpCode(const QString &base32Secret, const QDateTime &time)
{
    const quint64 step = quint64(time.toSecsSinceEpoch()) / 30;
    QByteArray counter(8, '\0');
    for (int i = 0; i < 8; ++i)
        counter[7 - i] = char((step >> (8 * i)) & 0xff);
    const QByteArray mac = QMessageAuthenticationCode::hash(counter, base32Decode(base32Secret),
                                                            QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary =
        (quint32(quint8(mac[offset]) & 0x7f) << 24) | (quint32(quint8(mac[offset + 1])) << 16) |
        (quint32(quint8(mac[offset + 2])) << 8) | quint32(quint8(mac[offset + 3]));
    return QStringLiteral("%1").arg(binary % 1000000, 6, 10, QLatin1Char('0'));
}

QString testTotpCodeAt(const QString &base32Secret, int stepsAhead)
{
    return testTotpCode(base32Secret, QDateTime::currentDateTimeUtc().addSecs(30 * stepsAhead));
}

void waitForNextTotpStep()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 next = (now / 30000 + 1) * 30000;
    QTest::qWait(int(next - now) + 500);
}

QString testOtpSecret(const QString &otpauthUri)
{
    return QUrlQuery(QUrl(otpauthUri)).queryItemValue(QStringLiteral("secret"));
}
