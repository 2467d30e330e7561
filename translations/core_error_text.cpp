// SPDX-License-Identifier: GPL-3.0-or-later
// Not compiled: read by lupdate only (see ui/CMakeLists.txt).
//
// src/core/ErrorText.cpp translates through a local tr() helper with the context
// "Core::ErrorText", which lupdate cannot follow (it files those strings under
// "Core"). So they are listed here under the context used at run time. Keep them
// identical to ErrorText.cpp: tst_MainWindow fails when an Error::Code's text
// has no Spanish translation.
#include <QtGlobal>

[[maybe_unused]] static const char *const coreErrorText[] = {
    QT_TRANSLATE_NOOP("Core::ErrorText",
                      "The server could not be reached. Check the server address and the network "
                      "connection, then try again."),
    QT_TRANSLATE_NOOP("Core::ErrorText",
                      "The server's certificate is not trusted. Ask IT for the organisation's CA "
                      "file, then choose it in Settings."),
    QT_TRANSLATE_NOOP("Core::ErrorText",
                      "The server did not answer in time. Try again in a moment; if it keeps "
                      "happening, tell IT."),
    QT_TRANSLATE_NOOP("Core::ErrorText",
                      "The account name or password is wrong. Check both and try again."),
    QT_TRANSLATE_NOOP("Core::ErrorText",
                      "This account has been disabled. Contact IT to have it enabled again."),
    QT_TRANSLATE_NOOP("Core::ErrorText",
                      "The server offers no sign-in method Rounds considers safe. Ask IT to check "
                      "the server's configuration."),
    QT_TRANSLATE_NOOP("Core::ErrorText",
                      "The verification code was not accepted. Enter the current code from your "
                      "authenticator app."),
    QT_TRANSLATE_NOOP("Core::ErrorText",
                      "The server sent data Rounds could not understand, so the connection was "
                      "closed. Try again; if it keeps happening, tell IT."),
    QT_TRANSLATE_NOOP("Core::ErrorText", "A message could not be encrypted or decrypted."),
    QT_TRANSLATE_NOOP("Core::ErrorText", "The local message store could not be used."),
    QT_TRANSLATE_NOOP("Core::ErrorText", "Your organisation's policy does not allow this."),
    QT_TRANSLATE_NOOP("Core::ErrorText", "The operation was cancelled."),
    QT_TRANSLATE_NOOP("Core::ErrorText", "An unexpected error occurred."),
};
