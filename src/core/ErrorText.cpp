// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ErrorText.h"

#include <QCoreApplication>

namespace Core {

namespace {
// Strings are marked with QT_TRANSLATE_NOOP so lupdate files them under the
// context they are looked up with.
QString translated(const char *text)
{
    return QCoreApplication::translate("Core::ErrorText", text);
}
} // namespace

QString describeError(const Error &error)
{
    // End-to-end encryption refused a send: say what to do about it.
    if (error.detail == u"omemo-no-devices")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Not sent: the recipient has no device that can receive encrypted messages. "
            "Ask them to sign in to Rounds or another OMEMO app, then retry."));
    if (error.detail == u"omemo-no-sessions")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Not sent: the recipient's devices have no usable encryption keys on the server. "
            "Ask them to sign in again, then retry."));
    if (error.detail == u"omemo-no-trusted-devices")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Not sent: none of the recipient's devices is trusted. Compare a device's "
            "fingerprint with the recipient and mark it verified, then retry."));
    if (error.detail.startsWith(u"omemo-unverified-devices:"))
        return translated(
                   QT_TRANSLATE_NOOP(
                       "Core::ErrorText",
                       "Not sent: your organisation requires verified devices, and these are "
                       "not verified: %1. Compare their fingerprints, then retry."))
            .arg(error.detail.section(u':', 1).trimmed());
    if (error.detail == u"omemo-not-ready")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Encryption is not ready on this computer yet, so nothing was sent. Try again "
            "in a moment."));
    // Multi-factor sign-in (SASL2, TOTP, FAST).
    if (error.detail == u"mfa-unavailable")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Not signed in: your organisation requires a second sign-in step (a code from an "
            "authenticator app), and this server cannot ask for one. Ask IT which server to "
            "use."));
    if (error.detail == u"mfa-not-enforced")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Not signed in: your organisation requires a code from an authenticator app, but "
            "the server let this account in without one. Ask IT to turn on two-step sign-in "
            "for your account."));
    if (error.detail.startsWith(u"account-locked:")) {
        const int seconds = error.detail.section(u':', 1).toInt();
        const int minutes = (seconds + 59) / 60;
        return QCoreApplication::translate(
            "Core::ErrorText",
            QT_TRANSLATE_NOOP("Core::ErrorText",
                              "Too many failed sign-in attempts: the account is locked. Try "
                              "again in %n minute(s), or ask IT to unlock it."),
            nullptr, qMax(1, minutes));
    }
    if (error.detail == u"wrong-code")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "The code was not accepted. Codes change every 30 seconds and each works only "
            "once: wait for the next one, then sign in again with your password and the new "
            "code."));
    if (error.detail == u"wrong-enrolment-code")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "The code from your authenticator app did not match. Check that the app shows the "
            "account you just added, then sign in again and enter its current code."));
    if (error.detail == u"code-format")
        return translated(QT_TRANSLATE_NOOP("Core::ErrorText",
                                            "Enter the six digits your authenticator app "
                                            "shows."));
    if (error.detail == u"fast-token-rejected" || error.detail == u"password-required")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "This computer's sign-in has expired or was revoked by IT. Sign in again with "
            "your password and a code from your authenticator app."));
    // IT administration (docs/admin.md).
    if (error.detail == u"device-revoked")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "This computer was signed out by your administrator. Sign in again with your "
            "password and a code from your authenticator app, or ask IT."));
    if (error.detail == u"device-wiped")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Your administrator erased this account's messages and keys from this computer. "
            "Sign in again to use it here, or ask IT why."));
    if (error.detail == u"account-disabled")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "This account has been disabled by your administrator. Contact IT to have it "
            "enabled again."));
    if (error.detail == u"admin-forbidden")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Only IT administrators of this server can do this, and this account is not one."));
    if (error.detail == u"adhoc-item-not-found")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "The server does not know that account or device. Check the address and the "
            "device id, then try again."));
    if (error.detail == u"adhoc-bad-request")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText", "The server refused the request as incomplete or malformed."));
    if (error.detail.startsWith(u"erase-failed"))
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Not everything of this account could be erased from this computer. Close Rounds, "
            "then ask IT to remove the account's folder and keychain entries."));
    if (error.detail.startsWith(u"policy-malformed"))
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Your organisation published a policy Rounds could not read; the previous policy "
            "stays in force. Tell IT."));
    if (error.detail == u"policy-attachments")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText", "Your organisation's policy does not allow sending attachments."));
    if (error.detail == u"policy-forwarding-domain")
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "Your organisation's policy does not allow sending messages to that organisation."));
    switch (error.code) {
    case Error::Code::Network:
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "The server could not be reached. Check the server address and the network "
            "connection, then try again."));
    case Error::Code::Tls:
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "The server's certificate is not trusted. Ask IT for the organisation's CA "
            "file, then choose it in Settings."));
    case Error::Code::Timeout:
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "The server did not answer in time. Try again in a moment; if it keeps "
            "happening, tell IT."));
    case Error::Code::Auth:
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText", "The account name or password is wrong. Check both and try again."));
    case Error::Code::AccountDisabled:
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "This account has been disabled. Contact IT to have it enabled again."));
    case Error::Code::NoMechanism:
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "The server offers no sign-in method Rounds considers safe. Ask IT to check "
            "the server's configuration."));
    case Error::Code::Mfa:
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "The verification code was not accepted. Enter the current code from your "
            "authenticator app."));
    case Error::Code::Stanza:
        return translated(QT_TRANSLATE_NOOP(
            "Core::ErrorText",
            "The server sent data Rounds could not understand, so the connection was "
            "closed. Try again; if it keeps happening, tell IT."));
    case Error::Code::Crypto:
        return translated(
            QT_TRANSLATE_NOOP("Core::ErrorText", "A message could not be encrypted or decrypted."));
    case Error::Code::Storage:
        return translated(
            QT_TRANSLATE_NOOP("Core::ErrorText", "The local message store could not be used."));
    case Error::Code::Policy:
        return translated(QT_TRANSLATE_NOOP("Core::ErrorText",
                                            "Your organisation's policy does not allow this."));
    case Error::Code::Cancelled:
        return translated(QT_TRANSLATE_NOOP("Core::ErrorText", "The operation was cancelled."));
    }
    return translated(QT_TRANSLATE_NOOP("Core::ErrorText", "An unexpected error occurred."));
}

} // namespace Core
