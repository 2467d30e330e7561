// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Error.h"

namespace Core {

QString errorCodeName(Error::Code code)
{
    switch (code) {
    case Error::Code::Network:
        return QStringLiteral("network");
    case Error::Code::Tls:
        return QStringLiteral("tls");
    case Error::Code::Timeout:
        return QStringLiteral("timeout");
    case Error::Code::Auth:
        return QStringLiteral("auth");
    case Error::Code::AccountDisabled:
        return QStringLiteral("account-disabled");
    case Error::Code::NoMechanism:
        return QStringLiteral("no-mechanism");
    case Error::Code::Mfa:
        return QStringLiteral("mfa");
    case Error::Code::Stanza:
        return QStringLiteral("stanza");
    case Error::Code::Crypto:
        return QStringLiteral("crypto");
    case Error::Code::Storage:
        return QStringLiteral("storage");
    case Error::Code::Policy:
        return QStringLiteral("policy");
    case Error::Code::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace Core
