// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QString>

/// The server side of SCRAM (RFC 5802/7677) for protocol tests: answers a
/// client-first message and checks the client's proof.
class TestScramServer
{
public:
    TestScramServer(QCryptographicHash::Algorithm hash, QString password, QByteArray salt = "salt",
                    int iterations = 4096);

    /// client-first-message in, server-first-message out.
    QByteArray first(const QByteArray &clientFirst);
    /// client-final-message in; the server-final-message ("v=...") when the
    /// proof is right, empty otherwise.
    QByteArray final(const QByteArray &clientFinal);

private:
    QByteArray hmac(const QByteArray &key, const QByteArray &message) const;
    QByteArray digest(const QByteArray &data) const;

    QCryptographicHash::Algorithm m_hash;
    QString m_password;
    QByteArray m_salt;
    int m_iterations;
    QByteArray m_clientFirstBare;
    QByteArray m_serverFirst;
    QByteArray m_nonce;
};

/// RFC 6238 TOTP (SHA-1, 6 digits, 30 s) from a base32 secret, as an
/// authenticator app computes it.
QString testTotpCode(const QString &base32Secret, const QDateTime &time);
/// The secret= parameter of an otpauth:// URI.
QString testOtpSecret(const QString &otpauthUri);
