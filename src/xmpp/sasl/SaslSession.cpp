// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/sasl/SaslSession.h"

#include <sodium.h>

namespace Xmpp {

using Core::Error;

Core::Result<std::unique_ptr<SaslSession>> SaslSession::start(const QStringList &offered,
                                                              bool encrypted,
                                                              const QString &username,
                                                              const QString &password)
{
    auto mechanism = chooseSaslMechanism(offered, encrypted);
    if (!mechanism)
        return std::unexpected(mechanism.error());
    return std::unique_ptr<SaslSession>(new SaslSession(*mechanism, username, password));
}

SaslSession::SaslSession(SaslMechanism mechanism, const QString &username, const QString &password)
    : m_mechanism(mechanism)
{
    switch (mechanism) {
    case SaslMechanism::ScramSha256:
        m_scram.emplace(ScramClient::Hash::Sha256, username, password);
        break;
    case SaslMechanism::ScramSha1:
        m_scram.emplace(ScramClient::Hash::Sha1, username, password);
        break;
    case SaslMechanism::Plain:
        m_plain = QByteArray(1, '\0') + username.toUtf8() + QByteArray(1, '\0') + password.toUtf8();
        break;
    }
}

SaslSession::~SaslSession()
{
    if (!m_plain.isEmpty())
        sodium_memzero(m_plain.data(), size_t(m_plain.size()));
}

QString SaslSession::mechanismName() const
{
    return saslMechanismName(m_mechanism);
}

QByteArray SaslSession::initialResponse() const
{
    return m_scram ? m_scram->initialResponse() : m_plain;
}

Core::Result<QByteArray> SaslSession::respond(const QByteArray &challenge)
{
    if (!m_scram || m_responded)
        return Core::fail(Error::Code::Auth, QStringLiteral("unexpected SASL challenge"));
    m_responded = true;
    return m_scram->respond(challenge);
}

Core::Result<void> SaslSession::finish(const QByteArray &additionalData)
{
    if (!m_scram)
        return {};
    if (!m_responded)
        return Core::fail(Error::Code::Auth, QStringLiteral("SASL success before the exchange"));
    return m_scram->verifyServerFinal(additionalData);
}

Core::Error saslFailureError(const QString &condition)
{
    if (condition == u"account-disabled")
        return Error{Error::Code::AccountDisabled, condition};
    if (condition == u"invalid-mechanism" || condition == u"mechanism-too-weak" ||
        condition == u"encryption-required")
        return Error{Error::Code::NoMechanism, condition};
    if (condition == u"temporary-auth-failure")
        return Error{Error::Code::Network, condition};
    if (condition == u"malformed-request" || condition == u"incorrect-encoding" ||
        condition == u"invalid-authzid" || condition == u"aborted")
        return Error{Error::Code::Stanza, condition};
    // not-authorized, credentials-expired and anything unknown
    return Error{Error::Code::Auth,
                 condition.isEmpty() ? QStringLiteral("not-authorized") : condition};
}

} // namespace Xmpp
