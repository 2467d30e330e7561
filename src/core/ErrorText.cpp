// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ErrorText.h"

#include <QCoreApplication>

namespace Core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Core::ErrorText", text);
}
} // namespace

QString describeError(const Error &error)
{
    switch (error.code) {
    case Error::Code::Network:
        return tr("The server could not be reached. Check the server address and the network "
                  "connection, then try again.");
    case Error::Code::Tls:
        return tr("The server's certificate is not trusted. Ask IT for the organisation's CA "
                  "file, then choose it in Settings.");
    case Error::Code::Timeout:
        return tr("The server did not answer in time. Try again in a moment; if it keeps "
                  "happening, tell IT.");
    case Error::Code::Auth:
        return tr("The account name or password is wrong. Check both and try again.");
    case Error::Code::AccountDisabled:
        return tr("This account has been disabled. Contact IT to have it enabled again.");
    case Error::Code::NoMechanism:
        return tr("The server offers no sign-in method Rounds considers safe. Ask IT to check "
                  "the server's configuration.");
    case Error::Code::Mfa:
        return tr("The verification code was not accepted. Enter the current code from your "
                  "authenticator app.");
    case Error::Code::Stanza:
        return tr("The server sent data Rounds could not understand, so the connection was "
                  "closed. Try again; if it keeps happening, tell IT.");
    case Error::Code::Crypto:
        return tr("A message could not be encrypted or decrypted.");
    case Error::Code::Storage:
        return tr("The local message store could not be used.");
    case Error::Code::Policy:
        return tr("Your organisation's policy does not allow this.");
    case Error::Code::Cancelled:
        return tr("The operation was cancelled.");
    }
    return tr("An unexpected error occurred.");
}

} // namespace Core
