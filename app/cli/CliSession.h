// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account/Account.h"

#include "core/Error.h"

#include <QCommandLineParser>
#include <QObject>

#include <memory>

/// Exit codes of rounds-cli (documented in README.md).
enum ExitCode : int {
    ExitOk = 0,
    ExitInternal = 1,
    ExitUsage = 2,
    ExitAuth = 3,
    ExitNetwork = 4,
    ExitTls = 5,
    ExitTimeout = 6,
    ExitProtocol = 7,
    ExitPolicy = 8,
};

int exitCodeFor(const Core::Error &error);
/// Prints the user-facing explanation and the code/detail for scripts to stderr.
int reportError(const Core::Error &error);

/// Options shared by every command and the signed-in account they create.
class CliSession
{
public:
    static void addOptions(QCommandLineParser &parser);

    /// Reads the options and the password (ROUNDS_PASSWORD, else stdin).
    /// Returns an exit code on failure.
    std::expected<std::unique_ptr<Account::Account>, int> signIn(const QCommandLineParser &parser,
                                                                 int timeoutSeconds);
};

/// Runs the event loop until `done` is true or the timeout passes.
bool runUntil(const std::function<bool()> &done, int timeoutSeconds);
