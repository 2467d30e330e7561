// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/sasl/ScramClient.h"

#include "core/Error.h"

#include <QByteArray>
#include <QStringList>

#include <memory>
#include <optional>

namespace Xmpp {

/// One SASL exchange with the mechanism chooseSaslMechanism() picks. Raw
/// (not base64) payloads in and out; the Client does the base64 and XML.
class SaslSession
{
public:
    static Core::Result<std::unique_ptr<SaslSession>> start(const QStringList &offered,
                                                            bool encrypted, const QString &username,
                                                            const QString &password);
    ~SaslSession();

    QString mechanismName() const;
    QByteArray initialResponse() const;
    Core::Result<QByteArray> respond(const QByteArray &challenge);
    /// <success/> arrived with its additional data (SCRAM server-final).
    Core::Result<void> finish(const QByteArray &additionalData);

private:
    SaslSession(SaslMechanism mechanism, const QString &username, const QString &password);

    SaslMechanism m_mechanism;
    std::optional<ScramClient> m_scram;
    QByteArray m_plain;
    bool m_responded = false;
};

/// Maps a SASL <failure/> condition (RFC 6120 section 6.5) to an Error.
Core::Error saslFailureError(const QString &condition);

} // namespace Xmpp
