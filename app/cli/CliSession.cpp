// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSession.h"

#include "core/ErrorText.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <sodium.h>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

int exitCodeFor(const Core::Error &error)
{
    using Code = Core::Error::Code;
    switch (error.code) {
    case Code::Auth:
    case Code::AccountDisabled:
    case Code::NoMechanism:
    case Code::Mfa:
        return ExitAuth;
    case Code::Network:
        return ExitNetwork;
    case Code::Tls:
        return ExitTls;
    case Code::Timeout:
        return ExitTimeout;
    case Code::Stanza:
        return ExitProtocol;
    case Code::Policy:
        return ExitPolicy;
    case Code::Crypto:
    case Code::Storage:
    case Code::Cancelled:
        return ExitInternal;
    }
    return ExitInternal;
}

int reportError(const Core::Error &error)
{
    const QString text = u"rounds-cli: "_s + Core::describeError(error) + u"\n  ("_s +
                         Core::errorCodeName(error.code) + u": "_s + error.detail + u")\n"_s;
    std::fputs(text.toLocal8Bit().constData(), stderr);
    return exitCodeFor(error);
}

void CliSession::addOptions(QCommandLineParser &parser)
{
    parser.addOption({u"url"_s,
                      u"Server WebSocket URL, e.g. wss://chat.example.org/xmpp-websocket."_s,
                      u"url"_s});
    parser.addOption({u"jid"_s, u"Account address, e.g. ana@example.org."_s, u"jid"_s});
    parser.addOption(
        {u"ca-file"_s, u"PEM file with the organisation's CA certificate(s)."_s, u"file"_s});
    parser.addOption({u"pin-sha256"_s,
                      u"Also require this SHA-256 fingerprint (hex) of the server certificate."_s,
                      u"hex"_s});
    parser.addOption(
        {u"resource"_s, u"Resource to request (default: server-assigned)."_s, u"name"_s});
    parser.addOption({u"allow-insecure-loopback"_s,
                      u"Developer flag: permit ws:// (no TLS) to a loopback address."_s});
    parser.addOption({u"timeout"_s, u"Seconds to wait (default 30)."_s, u"seconds"_s, u"30"_s});
}

namespace {

QString readPassword()
{
    QByteArray fromEnv = qgetenv("ROUNDS_PASSWORD");
    if (!fromEnv.isEmpty()) {
        QString password = QString::fromUtf8(fromEnv);
        sodium_memzero(fromEnv.data(), size_t(fromEnv.size()));
        return password;
    }
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::fputs("Password: ", stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    char buffer[1024] = {};
    const bool got = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    QString password;
    if (got) {
        password = QString::fromUtf8(buffer);
        while (password.endsWith(u'\n') || password.endsWith(u'\r'))
            password.chop(1);
    }
    sodium_memzero(buffer, sizeof buffer);
    return password;
}

} // namespace

std::expected<std::unique_ptr<Account::Account>, int>
CliSession::signIn(const QCommandLineParser &parser, int timeoutSeconds)
{
    Account::AccountSettings settings;
    settings.jid = Core::Jid(parser.value(u"jid"_s)).bare();
    settings.serverUrl = QUrl(parser.value(u"url"_s));
    settings.caFile = parser.value(u"ca-file"_s);
    settings.pinnedSha256 = parser.value(u"pin-sha256"_s).toLatin1();
    settings.resource = parser.value(u"resource"_s);
    settings.allowInsecureLoopback = parser.isSet(u"allow-insecure-loopback"_s);
    if (!settings.jid.isValid() || settings.jid.local().isEmpty()) {
        std::fputs("rounds-cli: --jid must be an account address like ana@example.org\n", stderr);
        return std::unexpected(int(ExitUsage));
    }
    if (!settings.serverUrl.isValid() || settings.serverUrl.host().isEmpty()) {
        std::fputs("rounds-cli: --url must be the server's WebSocket URL\n", stderr);
        return std::unexpected(int(ExitUsage));
    }
    if (!settings.caFile.isEmpty() && !QFile::exists(settings.caFile)) {
        std::fputs("rounds-cli: the --ca-file does not exist\n", stderr);
        return std::unexpected(int(ExitUsage));
    }
    QString password = readPassword();
    if (password.isEmpty()) {
        std::fputs("rounds-cli: no password (set ROUNDS_PASSWORD or pass it on stdin)\n", stderr);
        return std::unexpected(int(ExitUsage));
    }
    auto account = std::make_unique<Account::Account>(settings);
    auto future = account->signIn(password);
    sodium_memzero(password.data(), size_t(password.size()) * sizeof(QChar));
    if (!runUntil([&] { return future.isFinished(); }, timeoutSeconds))
        return std::unexpected(reportError({Core::Error::Code::Timeout, u"sign-in timed out"_s}));
    const auto result = future.result();
    if (!result)
        return std::unexpected(reportError(result.error()));
    return account;
}

bool runUntil(const std::function<bool()> &done, int timeoutSeconds)
{
    const QDeadlineTimer deadline{std::chrono::seconds(timeoutSeconds)};
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    poll.start(10);
    if (!done())
        loop.exec();
    return done();
}
