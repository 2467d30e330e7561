// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account/Account.h"
#include "store/AttachmentStore.h"

#include "core/Error.h"

#include <QCommandLineParser>

#include <expected>
#include <functional>
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
    ExitStorage = 9,
    ExitVerifyFailed = 10,
    ExitWiped = 11, ///< an IT admin wiped this computer's copy of the account
};

int exitCodeFor(const Core::Error &error);
/// Prints the user-facing explanation and the code/detail for scripts to stderr.
int reportError(const Core::Error &error);
void printJson(const class QJsonObject &object);
/// Like reportError(), but a remote wipe (Auth "device-wiped") prints
/// {"event":"wiped"} and gives ExitWiped.
int reportSessionEnd(const Core::Error &error);

/// Everything a command needs from the command line: the account, its local
/// data (opened with the keychain, or a passphrase from ROUNDS_DB_PASSPHRASE),
/// and for online commands the signed-in session.
class CliSession
{
public:
    static void addOptions(QCommandLineParser &parser);

    explicit CliSession(const QCommandLineParser &parser);

    int timeoutSeconds() const { return m_timeout; }
    /// Creates the account and opens its encrypted store. Returns an exit code on failure.
    std::expected<Account::Account *, int> openLocal();
    /// openLocal(), then reads the password and signs in.
    std::expected<Account::Account *, int> signIn();
    /// Signs out cleanly if signed in.
    void finish();

private:
    static void showEnrolment(const QString &uri);

    const QCommandLineParser &m_parser;
    int m_timeout = 30;
    std::unique_ptr<Account::Account> m_account;
};

/// Runs the event loop until `done` is true or the timeout passes.
bool runUntil(const std::function<bool()> &done, int timeoutSeconds);

/// Waits for a future on the event loop; nullopt on timeout.
template<typename T>
std::optional<T> await(const QFuture<T> &future, int timeoutSeconds)
{
    if (!runUntil([&] { return future.isFinished(); }, timeoutSeconds))
        return std::nullopt;
    return future.result();
}

// Commands (Commands*.cpp). Each returns the process exit code.
int commandLogin(const QCommandLineParser &parser);
int commandSend(const QCommandLineParser &parser);
int commandListen(const QCommandLineParser &parser);
int commandSync(const QCommandLineParser &parser);
int commandSearch(const QCommandLineParser &parser);
int commandHistory(const QCommandLineParser &parser);
int commandAudit(const QCommandLineParser &parser);
int commandDevices(const QCommandLineParser &parser);
int commandTrust(const QCommandLineParser &parser);
int commandSendFile(const QCommandLineParser &parser);
int commandAttachment(const QCommandLineParser &parser);
/// An attachment as JSON for history and send (name, mime, size, state, sha256).
QJsonObject attachmentJson(const Store::Attachment &attachment);
// Care-team rooms (CommandsRooms.cpp): room create | join | leave | send.
int commandRoom(const QCommandLineParser &parser);
void addRoomOptions(QCommandLineParser &parser);
int commandAdmin(const QCommandLineParser &parser);
// Clinical messaging (CommandsClinical.cpp): send --priority/--to-role/--expires,
// ack, recall, directory publish|show.
void addClinicalOptions(QCommandLineParser &parser);
bool isClinicalSend(const QCommandLineParser &parser);
int commandClinicalSend(const QCommandLineParser &parser);
int commandAck(const QCommandLineParser &parser);
int commandRecall(const QCommandLineParser &parser);
int commandForward(const QCommandLineParser &parser);
int commandDirectory(const QCommandLineParser &parser);
int commandErase(const QCommandLineParser &parser);
// Front-desk reminders (CommandsReminders.cpp): serve | preview | submit | consent | status.
int commandReminders(const QCommandLineParser &parser);
void addReminderOptions(QCommandLineParser &parser);
