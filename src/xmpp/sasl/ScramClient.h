// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Xmpp {

/// Client side of SCRAM (RFC 5802 with SHA-1, RFC 7677 with SHA-256), without
/// channel binding (gs2 header "n,,"). The server signature is verified, so a
/// server that does not know the password cannot pretend to be the real one.
class ScramClient
{
public:
    enum class Hash { Sha1, Sha256 };

    /// `clientNonce` is for test vectors; empty means 24 random bytes, base64.
    ScramClient(Hash hash, QString username, QString password, QByteArray clientNonce = {});
    ~ScramClient();

    // Holds secrets that the destructor wipes; copying would leave unwiped copies.
    ScramClient(const ScramClient &) = delete;
    ScramClient &operator=(const ScramClient &) = delete;

    static QString mechanismName(Hash hash); ///< "SCRAM-SHA-1", "SCRAM-SHA-256"
    QString mechanismName() const { return mechanismName(m_hash); }

    /// client-first-message, e.g. "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL".
    QByteArray initialResponse() const;

    /// Takes server-first-message, returns client-final-message. Fails (code
    /// Auth) on a malformed message, a nonce that does not extend ours, an
    /// iteration count below 4096 or above 10,000,000, or a mandatory extension,
    /// and when called more than once. Any failure ends the exchange.
    Core::Result<QByteArray> respond(const QByteArray &serverFirst);

    /// Checks server-final-message ("v=..."). A wrong signature or "e=..." fails
    /// with code Auth, and so does a call before respond() or a second call.
    Core::Result<void> verifyServerFinal(const QByteArray &serverFinal);

private:
    enum class State { AwaitingServerFirst, AwaitingServerFinal, Done };

    State m_state = State::AwaitingServerFirst;
    Hash m_hash;
    QString m_username;
    QString m_password;
    QByteArray m_clientNonce;
    QByteArray m_clientFirstBare;
    QByteArray m_expectedServerSignature;
};

/// Which mechanism to use from what the server offers: SCRAM-SHA-256, then
/// SCRAM-SHA-1, then PLAIN only when `encrypted` is true. Anything else (or
/// PLAIN without TLS) fails with code NoMechanism and the offered list in detail.
enum class SaslMechanism { ScramSha256, ScramSha1, Plain };
Core::Result<SaslMechanism> chooseSaslMechanism(const QStringList &offered, bool encrypted);
QString saslMechanismName(SaslMechanism mechanism);

/// Saslprep-style preparation used for SCRAM user names and passwords: NFKC
/// normalisation, and for user names the "=" -> "=3D", "," -> "=2C" escaping.
QString escapeScramUsername(const QString &username);

} // namespace Xmpp
