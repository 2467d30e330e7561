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
/// The code `stepsAhead` 30-second steps from now (the server accepts -1..+1).
QString testTotpCodeAt(const QString &base32Secret, int stepsAhead = 0);
/// The step for a sign-in's `attempt` (0, 1, 2, ...): now, then the next one.
/// A step is accepted once per account, and the shared test admin signs in from
/// several tests in one run: when now and next are both taken, call
/// waitForNextTotpStep() and the next step is fresh again.
inline int testTotpStepForAttempt(int attempt)
{
    return attempt == 0 ? 0 : 1;
}
/// Waits until the next 30-second TOTP step has begun (up to 31 s).
void waitForNextTotpStep();
/// The secret= parameter of an otpauth:// URI.
QString testOtpSecret(const QString &otpauthUri);
