// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <expected>

namespace Core {

/// The one error type that crosses module boundaries. `detail` is for logs and
/// carries ids and protocol conditions only, never message text or names; the UI
/// maps `code` to translated text (see ErrorText).
struct Error
{
    enum class Code {
        Network,         ///< server unreachable, connection refused or dropped
        Tls,             ///< TLS handshake or certificate verification failed
        Timeout,         ///< the server did not answer in time
        Auth,            ///< wrong account name or password
        AccountDisabled, ///< the server says the account is disabled
        NoMechanism,     ///< no authentication mechanism both sides accept
        Mfa,             ///< a second factor is missing or wrong
        Stanza,          ///< malformed, oversized or unexpected protocol data
        Crypto,
        Storage,
        Policy,    ///< refused by a rule (for example plain ws:// to a remote host)
        Cancelled, ///< the user or the program stopped the operation
    };

    Code code = Code::Network;
    QString detail;

    bool operator==(const Error &) const = default;
};

/// Short stable name for logs and JSON ("tls", "auth", ...).
QString errorCodeName(Error::Code code);

template<typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(Error::Code code, QString detail = {})
{
    return std::unexpected<Error>(Error{code, std::move(detail)});
}

} // namespace Core
