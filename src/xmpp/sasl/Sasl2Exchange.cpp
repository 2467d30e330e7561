// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/sasl/Sasl2Exchange.h"

#include "xmpp/Message.h"
#include "xmpp/Namespaces.h"
#include "xmpp/sasl/SaslSession.h"

#include <QUrl>
#include <QUrlQuery>

#include <sodium.h>

namespace Xmpp {

using Core::Error;

namespace {

constexpr QStringView HtSha256None = u"HT-SHA-256-NONE";

QByteArray hmacSha256(const QByteArray &key, QByteArrayView message)
{
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(key.constData()),
                                size_t(key.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(message.data()),
                                  quint64(message.size()));
    QByteArray out(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(out.data()));
    sodium_memzero(&state, sizeof state);
    return out;
}

QString base64(QByteArray data)
{
    const QString text = QString::fromLatin1(data.toBase64());
    sodium_memzero(data.data(), size_t(data.size()));
    return text;
}

Element sasl2(const QString &name)
{
    return Element(name, Ns::Sasl2.toString());
}

Element withBase64Child(Element parent, const QString &child, QByteArray payload)
{
    Element e(child, Ns::Sasl2.toString());
    e.setText(payload.isEmpty() ? QStringLiteral("=") : base64(std::move(payload)));
    parent.appendChild(e);
    return parent;
}

QByteArray decodePayload(const Element &element)
{
    const QString text = element.text().trimmed();
    if (text == u"=")
        return {};
    return QByteArray::fromBase64(text.toLatin1());
}

} // namespace

std::optional<Sasl2Offer> Sasl2Offer::fromFeatures(const Element &features)
{
    const Element auth = features.firstChild(u"authentication", Ns::Sasl2);
    if (auth.isNull())
        return std::nullopt;
    Sasl2Offer offer;
    for (const Element &m : auth.children())
        if (m.name() == u"mechanism")
            offer.mechanisms << m.text().trimmed();
    const Element inlined = auth.firstChild(u"inline", Ns::Sasl2);
    const Element fast = inlined.firstChild(u"fast", Ns::Fast);
    for (const Element &m : fast.children())
        if (m.name() == u"mechanism")
            offer.fastMechanisms << m.text().trimmed();
    const Element bind = inlined.firstChild(u"bind", Ns::Bind2);
    offer.bind2 = !bind.isNull();
    const Element bindInline = bind.firstChild(u"inline", Ns::Bind2);
    for (const Element &f : bindInline.children())
        if (f.name() == u"feature" && f.attribute(u"var") == Ns::Sm)
            offer.bind2Sm = true;
    offer.inlineSm = inlined.hasChild(u"sm", Ns::Sm);
    return offer;
}

Core::Result<OtpAuthUri> OtpAuthUri::parse(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"otpauth" || url.host() != u"totp")
        return Core::fail(Error::Code::Mfa, QStringLiteral("enrolment-uri"));
    const QUrlQuery query(url);
    OtpAuthUri out;
    out.secret = query.queryItemValue(QStringLiteral("secret")).toUpper();
    static const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567=");
    if (out.secret.size() < 16 || !std::all_of(out.secret.cbegin(), out.secret.cend(),
                                               [](QChar c) { return alphabet.contains(c); }))
        return Core::fail(Error::Code::Mfa, QStringLiteral("enrolment-uri"));
    out.issuer = query.queryItemValue(QStringLiteral("issuer"), QUrl::FullyDecoded);
    QString label = url.path(QUrl::FullyDecoded);
    if (label.startsWith(u'/'))
        label.remove(0, 1);
    const qsizetype colon = label.indexOf(u':');
    out.account = colon >= 0 ? label.mid(colon + 1) : label;
    if (out.issuer.isEmpty() && colon >= 0)
        out.issuer = label.left(colon);
    if (query.hasQueryItem(QStringLiteral("digits")))
        out.digits = query.queryItemValue(QStringLiteral("digits")).toInt();
    if (query.hasQueryItem(QStringLiteral("period")))
        out.period = query.queryItemValue(QStringLiteral("period")).toInt();
    const QString algorithm = query.queryItemValue(QStringLiteral("algorithm"));
    if (out.digits != 6 || out.period != 30 ||
        (!algorithm.isEmpty() && algorithm.compare(u"SHA1", Qt::CaseInsensitive) != 0))
        return Core::fail(Error::Code::Mfa, QStringLiteral("enrolment-parameters"));
    return out;
}

QByteArray hashedTokenInitialResponse(const QString &username, const QString &token)
{
    QByteArray key = token.toUtf8();
    QByteArray out = username.toUtf8() + '\0' + hmacSha256(key, "Initiator");
    sodium_memzero(key.data(), size_t(key.size()));
    return out;
}

QByteArray hashedTokenResponderProof(const QString &token)
{
    QByteArray key = token.toUtf8();
    QByteArray out = hmacSha256(key, "Responder");
    sodium_memzero(key.data(), size_t(key.size()));
    return out;
}

Sasl2Exchange::Sasl2Exchange(Options options)
    : m_options(std::move(options))
{
}

Sasl2Exchange::~Sasl2Exchange()
{
    if (!m_options.password.isEmpty())
        sodium_memzero(m_options.password.data(), size_t(m_options.password.size()) * 2);
    if (m_fast && !m_fast->token.isEmpty())
        sodium_memzero(m_fast->token.data(), size_t(m_fast->token.size()) * 2);
}

Core::Result<std::unique_ptr<Sasl2Exchange>> Sasl2Exchange::start(const Sasl2Offer &offer,
                                                                  Options options)
{
    std::unique_ptr<Sasl2Exchange> exchange(new Sasl2Exchange(std::move(options)));
    Options &o = exchange->m_options;
    if (o.token && o.token->isUsable(QDateTime::currentDateTimeUtc()) &&
        offer.fastMechanisms.contains(o.token->mechanism) && o.token->mechanism == HtSha256None) {
        exchange->m_fast = o.token;
        exchange->m_mechanism = o.token->mechanism;
    } else if (!o.password.isEmpty()) {
        QStringList scram;
        for (const QString &m : offer.mechanisms)
            if (m.startsWith(u"SCRAM-SHA-"))
                scram << m;
        auto chosen = chooseSaslMechanism(scram, true);
        if (!chosen)
            return std::unexpected(chosen.error());
        const auto hash = *chosen == SaslMechanism::ScramSha256 ? ScramClient::Hash::Sha256
                                                                : ScramClient::Hash::Sha1;
        exchange->m_scram.emplace(hash, o.username, o.password);
        exchange->m_mechanism = ScramClient::mechanismName(hash);
    } else {
        return Core::fail(Error::Code::Auth, QStringLiteral("password-required"));
    }
    o.token.reset();
    // Only ask for what the server offers.
    o.requestToken = o.requestToken && !exchange->m_fast &&
                     offer.fastMechanisms.contains(HtSha256None.toString());
    if (!offer.bind2)
        o.bindTag.clear();
    o.enableSm = o.enableSm && offer.bind2Sm;
    if (!offer.inlineSm)
        o.resumeId.clear();
    if (!o.resumeId.isEmpty())
        o.bindTag.clear(); // resume first; a failed resume binds classically
    return exchange;
}

Element Sasl2Exchange::authenticate() const
{
    Element auth = sasl2(QStringLiteral("authenticate"));
    auth.setAttribute(QStringLiteral("mechanism"), m_mechanism);
    auth = withBase64Child(auth, QStringLiteral("initial-response"),
                           m_fast ? hashedTokenInitialResponse(m_options.username, m_fast->token)
                                  : m_scram->initialResponse());
    const UserAgent &ua = m_options.userAgent;
    Element agent = sasl2(QStringLiteral("user-agent"));
    if (!ua.id.isEmpty())
        agent.setAttribute(QStringLiteral("id"), ua.id);
    if (!ua.software.isEmpty())
        agent.appendChild(sasl2(QStringLiteral("software")).setText(ua.software));
    if (!ua.device.isEmpty())
        agent.appendChild(sasl2(QStringLiteral("device")).setText(ua.device));
    auth.appendChild(agent);
    if (m_fast) {
        auth.appendChild(Element(QStringLiteral("fast"), Ns::Fast.toString()));
    } else if (m_options.requestToken) {
        Element request(QStringLiteral("request-token"), Ns::Fast.toString());
        request.setAttribute(QStringLiteral("mechanism"), HtSha256None.toString());
        auth.appendChild(request);
    }
    if (!m_options.resumeId.isEmpty()) {
        Element resume(QStringLiteral("resume"), Ns::Sm.toString());
        resume.setAttribute(QStringLiteral("previd"), m_options.resumeId);
        resume.setAttribute(QStringLiteral("h"), QString::number(m_options.resumeH));
        auth.appendChild(resume);
    } else if (!m_options.bindTag.isEmpty()) {
        Element bind(QStringLiteral("bind"), Ns::Bind2.toString());
        bind.appendChild(
            Element(QStringLiteral("tag"), Ns::Bind2.toString()).setText(m_options.bindTag));
        if (m_options.enableSm) {
            Element enable(QStringLiteral("enable"), Ns::Sm.toString());
            enable.setAttribute(QStringLiteral("resume"), QStringLiteral("true"));
            bind.appendChild(enable);
        }
        auth.appendChild(bind);
    }
    return auth;
}

Core::Result<void> Sasl2Exchange::verifyMechanismProof(const QByteArray &additionalData)
{
    if (m_mechanismVerified)
        return {};
    if (m_fast) {
        const QByteArray expected = hashedTokenResponderProof(m_fast->token);
        if (additionalData.size() != expected.size() ||
            sodium_memcmp(additionalData.constData(), expected.constData(),
                          size_t(expected.size())) != 0)
            return Core::fail(Error::Code::Auth, QStringLiteral("server-proof"));
    } else {
        if (!m_scramResponded)
            return Core::fail(Error::Code::Auth,
                              QStringLiteral("SASL success before the exchange"));
        if (auto verified = m_scram->verifyServerFinal(additionalData); !verified)
            return verified;
    }
    m_mechanismVerified = true;
    return {};
}

Core::Result<void> Sasl2Exchange::acceptOutcome(const Element &element)
{
    // <continue/> and <success/>: the mechanism's proof (once), and the task
    // that was answered, if any, passed.
    if (m_state != State::Mechanism && m_state != State::TaskSent)
        return Core::fail(Error::Code::Stanza,
                          QStringLiteral("unexpected SASL2 ") + element.name());
    if (auto ok =
            verifyMechanismProof(decodePayload(element.firstChild(u"additional-data", Ns::Sasl2)));
        !ok)
        return ok;
    if (m_state == State::TaskSent) {
        m_secondFactor = true;
        m_enrolled = m_enrolled || m_task == SecondFactorTask::Enrolment;
    }
    return {};
}

Core::Result<Sasl2Exchange::Step> Sasl2Exchange::handle(const Element &element)
{
    if (element.xmlns() != Ns::Sasl2 || m_state == State::Done)
        return Core::fail(Error::Code::Stanza, QStringLiteral("unexpected SASL2 element"));
    const QString &name = element.name();
    if (name == u"failure") {
        m_state = State::Done;
        return std::unexpected(failureError(element));
    }
    if (name == u"challenge") {
        const QByteArray payload = decodePayload(element);
        if (m_state == State::Mechanism && m_scram && !m_scramResponded) {
            m_scramResponded = true;
            auto response = m_scram->respond(payload);
            if (!response)
                return std::unexpected(response.error());
            Step step;
            Element reply = sasl2(QStringLiteral("response"));
            reply.setText(base64(std::move(*response)));
            step.element = reply;
            return step;
        }
        if (m_state == State::AwaitingEnrolChallenge) {
            const QString uri = QString::fromUtf8(payload);
            if (auto parsed = OtpAuthUri::parse(uri); !parsed)
                return std::unexpected(parsed.error());
            m_state = State::AwaitingCode;
            Step step;
            step.kind = Step::Kind::NeedCode;
            step.task = SecondFactorTask::Enrolment;
            step.otpauthUri = uri;
            return step;
        }
        return Core::fail(Error::Code::Stanza, QStringLiteral("unexpected SASL2 challenge"));
    }
    if (name == u"continue")
        return onContinue(element);
    if (name == u"success")
        return onSuccess(element);
    return Core::fail(Error::Code::Stanza, QStringLiteral("unexpected SASL2 element"));
}

Core::Result<Sasl2Exchange::Step> Sasl2Exchange::onContinue(const Element &element)
{
    if (m_fast)
        return Core::fail(Error::Code::Stanza, QStringLiteral("a token login was given a task"));
    if (auto ok = acceptOutcome(element); !ok)
        return std::unexpected(ok.error());
    QStringList tasks;
    const Element taskList = element.firstChild(u"tasks", Ns::Sasl2);
    for (const Element &t : taskList.children())
        if (t.name() == u"task")
            tasks << t.text().trimmed();
    Step step;
    if (tasks.contains(QStringLiteral("TOTP"))) {
        m_task = SecondFactorTask::Code;
        m_state = State::AwaitingCode;
        step.kind = Step::Kind::NeedCode;
        step.task = m_task;
        return step;
    }
    if (tasks.contains(QStringLiteral("TOTP-INIT"))) {
        m_task = SecondFactorTask::Enrolment;
        m_state = State::AwaitingEnrolChallenge;
        Element next = sasl2(QStringLiteral("next"));
        next.setAttribute(QStringLiteral("task"), QStringLiteral("TOTP-INIT"));
        step.element = next;
        return step;
    }
    return Core::fail(Error::Code::Mfa, QStringLiteral("unsupported-task:") + tasks.join(u','));
}

Core::Result<Element> Sasl2Exchange::provideCode(const QString &code)
{
    if (m_state != State::AwaitingCode)
        return Core::fail(Error::Code::Mfa, QStringLiteral("no-code-requested"));
    QByteArray digits;
    for (QChar c : code) {
        if (c.isSpace())
            continue;
        if (c < u'0' || c > u'9')
            return Core::fail(Error::Code::Mfa, QStringLiteral("code-format"));
        digits.append(char(c.unicode()));
    }
    if (digits.size() != 6)
        return Core::fail(Error::Code::Mfa, QStringLiteral("code-format"));
    m_state = State::TaskSent;
    if (m_task == SecondFactorTask::Code) {
        Element next = sasl2(QStringLiteral("next"));
        next.setAttribute(QStringLiteral("task"), QStringLiteral("TOTP"));
        return withBase64Child(next, QStringLiteral("initial-response"), digits);
    }
    Element response = sasl2(QStringLiteral("response"));
    response.setText(base64(digits));
    return response;
}

Core::Result<Sasl2Exchange::Step> Sasl2Exchange::onSuccess(const Element &element)
{
    if (auto ok = acceptOutcome(element); !ok)
        return std::unexpected(ok.error());
    m_state = State::Done;
    Step step;
    step.kind = Step::Kind::Success;
    Sasl2Outcome &out = step.outcome;
    out.authorizationId =
        Core::Jid(element.childText(u"authorization-identifier", Ns::Sasl2).trimmed());
    if (!out.authorizationId.isValid())
        return Core::fail(Error::Code::Stanza, QStringLiteral("SASL2 success without identity"));
    out.usedFastToken = m_fast.has_value();
    out.secondFactor = m_secondFactor;
    out.enrolled = m_enrolled;
    const Element token = element.firstChild(u"token", Ns::Fast);
    if (!token.isNull()) {
        FastToken t;
        t.token = token.attribute(u"token");
        t.mechanism = m_fast ? m_fast->mechanism : HtSha256None.toString();
        t.expiry = parseDateTime(token.attribute(u"expiry"));
        t.afterSecondFactor = m_secondFactor || (m_fast && m_fast->afterSecondFactor);
        if (t.isUsable(QDateTime::currentDateTimeUtc()))
            out.newToken = std::move(t);
    }
    const Element bound = element.firstChild(u"bound", Ns::Bind2);
    out.bound = !bound.isNull();
    if (out.bound)
        out.smEnabled = bound.firstChild(u"enabled", Ns::Sm);
    out.smResumed = element.firstChild(u"resumed", Ns::Sm);
    out.smFailed = element.firstChild(u"failed", Ns::Sm);
    const Element wipe = element.firstChild(u"wipe", Ns::RoundsAdmin);
    if (!wipe.isNull()) {
        out.wipeId = wipe.attribute(u"id");
        if (out.wipeId.isEmpty())
            out.wipeId = QStringLiteral("-"); // still a wipe: never bind this session
        // Nothing the success carries may be used: no token, no session.
        out.newToken.reset();
        out.bound = false;
        out.smEnabled = {};
        out.smResumed = {};
        out.smFailed = {};
    }
    return step;
}

Core::Error Sasl2Exchange::failureError(const Element &failure) const
{
    QString condition;
    for (const Element &child : failure.children())
        if (child.xmlns() == Ns::Sasl) {
            condition = child.name();
            break;
        }
    const Element locked = failure.firstChild(u"locked", Ns::RoundsAuth);
    if (!locked.isNull()) {
        const int seconds = qMax(1, locked.attribute(u"retry-after").toInt());
        return Error{Error::Code::Auth, QStringLiteral("account-locked:%1").arg(seconds)};
    }
    // An administrator revoked this client: said again at its next token login,
    // in case the stream error that ended the session was lost with the connection.
    if (m_fast && failure.hasChild(u"revoked", Ns::RoundsAdmin))
        return Error{Error::Code::Auth, QStringLiteral("device-revoked")};
    if (m_fast && (condition == u"credentials-expired" || condition == u"not-authorized"))
        return Error{Error::Code::Auth, QStringLiteral("fast-token-rejected")};
    // Past the mechanism, a refusal is about the code.
    if (m_mechanismVerified && condition == u"not-authorized")
        return Error{Error::Code::Mfa, m_task == SecondFactorTask::Enrolment
                                           ? QStringLiteral("wrong-enrolment-code")
                                           : QStringLiteral("wrong-code")};
    return saslFailureError(condition);
}

} // namespace Xmpp
