// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"
#include "xmpp/sasl/ScramClient.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Xmpp {

namespace Ns {
inline constexpr QStringView Sasl2 = u"urn:xmpp:sasl:2";
inline constexpr QStringView Fast = u"urn:xmpp:fast:0";
inline constexpr QStringView Bind2 = u"urn:xmpp:bind:0";
inline constexpr QStringView RoundsAuth = u"https://rounds.invalid/ns/auth";
} // namespace Ns

/// A XEP-0484 FAST token: lets this client log in again without password or code.
/// The token string is a secret (as good as the password plus code until it expires).
struct FastToken
{
    QString token;
    QString mechanism; ///< "HT-SHA-256-NONE"
    QDateTime expiry;  ///< UTC
    /// The login that produced it (or its predecessor) passed a second factor.
    bool afterSecondFactor = false;

    bool isUsable(const QDateTime &now) const
    {
        return !token.isEmpty() && !mechanism.isEmpty() && expiry.isValid() && now < expiry;
    }
};

/// XEP-0388 <user-agent/>: `id` is stable per installation (the server keeps one
/// FAST token and one device record per id).
struct UserAgent
{
    QString id;
    QString software;
    QString device;
};

/// What <authentication xmlns='urn:xmpp:sasl:2'> in the stream features offers.
struct Sasl2Offer
{
    QStringList mechanisms;
    QStringList fastMechanisms;
    bool bind2 = false;    ///< XEP-0386 inline bind
    bool bind2Sm = false;  ///< SM can be enabled inside the bind request
    bool inlineSm = false; ///< XEP-0198 <resume/> inside <authenticate/>

    /// Empty when the features carry no SASL2 offer.
    static std::optional<Sasl2Offer> fromFeatures(const Element &features);
};

/// The XEP-0400 task the server asks for.
enum class SecondFactorTask {
    Code,      ///< TOTP: the code from the enrolled authenticator
    Enrolment, ///< TOTP-INIT: set up an authenticator from `otpauthUri`, then a code
};

/// A parsed otpauth://totp/ URI (what a QR code carries).
struct OtpAuthUri
{
    QString issuer;
    QString account;
    QString secret; ///< base32, as in the URI; show it for manual entry
    int digits = 6;
    int period = 30;

    static Core::Result<OtpAuthUri> parse(const QString &uri);
};

/// Everything a successful SASL2 exchange established.
struct Sasl2Outcome
{
    Core::Jid authorizationId; ///< full JID when the resource was bound inline
    std::optional<FastToken> newToken;
    bool usedFastToken = false;
    bool secondFactor = false; ///< a TOTP or TOTP-INIT task was completed
    bool enrolled = false;     ///< TOTP-INIT completed
    bool bound = false;        ///< Bind2 bound a resource
    Element smEnabled;         ///< <enabled/> from inside <bound/> (null if none)
    Element smResumed;         ///< <resumed/> (null if none)
    Element smFailed;          ///< <failed/> of an inline resume (null if none)
    /// docs/admin.md: an IT admin ordered this device wiped. The session is
    /// authenticated but can never be bound; erase, then confirm with this id.
    QString wipeId;
};

/// Client side of one XEP-0388 exchange with XEP-0400 tasks and XEP-0484 FAST
/// (HT-SHA-256-NONE). Pure protocol logic: the Client sends what it returns.
/// The server's proof (SCRAM server signature or HT responder hash) is always
/// verified before success is accepted.
class Sasl2Exchange
{
public:
    struct Options
    {
        QString username; ///< localpart
        QString password; ///< empty when logging in with `token`
        std::optional<FastToken> token;
        UserAgent userAgent;
        bool requestToken = true;
        QString bindTag;      ///< non-empty: XEP-0386 inline bind with this tag
        bool enableSm = true; ///< with Bind2: enable SM inline
        QString resumeId;     ///< non-empty: inline XEP-0198 resume...
        quint32 resumeH = 0;  ///< ...with this h
    };

    struct Step
    {
        enum class Kind { Send, NeedCode, Success };
        Kind kind = Kind::Send;
        Element element; ///< Send: the element to send
        SecondFactorTask task = SecondFactorTask::Code;
        QString otpauthUri;   ///< NeedCode with Enrolment
        Sasl2Outcome outcome; ///< Success
    };

    /// Picks the mechanism: the FAST token when it is usable and its mechanism is
    /// offered, else SCRAM-SHA-256, then SCRAM-SHA-1 (never PLAIN here).
    static Core::Result<std::unique_ptr<Sasl2Exchange>> start(const Sasl2Offer &offer,
                                                              Options options);
    ~Sasl2Exchange();
    Sasl2Exchange(const Sasl2Exchange &) = delete;
    Sasl2Exchange &operator=(const Sasl2Exchange &) = delete;

    QString mechanism() const { return m_mechanism; }
    bool usesFastToken() const { return m_fast.has_value(); }
    /// The <authenticate/> element that opens the exchange.
    Element authenticate() const;

    /// A SASL2 element from the server: <challenge/>, <continue/>, <success/> or
    /// <failure/>. A failure comes back as the error it names (see saslFailure()).
    Core::Result<Step> handle(const Element &element);
    /// The user's code for the pending task: the element to send. Only six
    /// digits are accepted (spaces are ignored); anything else fails with Mfa
    /// "code-format" and nothing is sent.
    Core::Result<Element> provideCode(const QString &code);
    bool awaitingCode() const { return m_state == State::AwaitingCode; }
    SecondFactorTask pendingTask() const { return m_task; }

    /// Maps a SASL2 <failure/> to an Error: Auth "not-authorized", Mfa
    /// "wrong-code" (during a task), Auth "fast-token-rejected" (token login),
    /// Auth "device-revoked" (token login of a client an admin revoked),
    /// Auth "account-locked:<seconds>", AccountDisabled, Stanza... The <text/>
    /// is not used: it is the server's language, not the user's.
    Core::Error failureError(const Element &failure) const;

private:
    enum class State { Mechanism, AwaitingEnrolChallenge, AwaitingCode, TaskSent, Done };
    explicit Sasl2Exchange(Options options);
    Core::Result<void> verifyMechanismProof(const QByteArray &additionalData);
    Core::Result<void> acceptOutcome(const Element &element);
    Core::Result<Step> onContinue(const Element &element);
    Core::Result<Step> onSuccess(const Element &element);

    Options m_options;
    QString m_mechanism;
    std::optional<ScramClient> m_scram;
    std::optional<FastToken> m_fast;
    State m_state = State::Mechanism;
    bool m_mechanismVerified = false;
    bool m_scramResponded = false;
    bool m_secondFactor = false;
    bool m_enrolled = false;
    SecondFactorTask m_task = SecondFactorTask::Code;
};

/// HT-SHA-256-NONE (draft-schmaus-kitten-sasl-ht): the initial response
/// authcid NUL HMAC-SHA-256(token, "Initiator") and the server's expected proof
/// HMAC-SHA-256(token, "Responder").
QByteArray hashedTokenInitialResponse(const QString &username, const QString &token);
QByteArray hashedTokenResponderProof(const QString &token);

} // namespace Xmpp
