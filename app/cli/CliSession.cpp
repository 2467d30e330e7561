// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSession.h"

#include "account/QrCode.h"
#include "sync/OmemoService.h"

#include "core/ErrorText.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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
    case Code::Storage:
        return ExitStorage;
    case Code::Crypto:
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

void printJson(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
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
    parser.addOption({u"data-dir"_s, u"Where this account's encrypted store lives."_s, u"dir"_s});
    parser.addOption({u"timeout"_s, u"Seconds to wait (default 30)."_s, u"seconds"_s, u"30"_s});
    parser.addOption({u"allow-plaintext"_s,
                      u"Policy: send without end-to-end encryption to contacts that have no "
                      u"OMEMO device (off by default: such sends fail)."_s});
    parser.addOption(
        {u"require-verified"_s, u"Policy: send only when every device involved is verified."_s});
    parser.addOption({u"code"_s,
                      u"The 6-digit code from the authenticator app, when the server asks for "
                      u"one (or ROUNDS_TOTP_CODE; otherwise it is read from stdin)."_s,
                      u"digits"_s});
    parser.addOption(
        {u"token-only"_s, u"Sign in with this computer's stored sign-in token; no password."_s});
    parser.addOption(
        {u"require-mfa"_s, u"Policy: refuse servers and logins without a second factor."_s});
}

CliSession::CliSession(const QCommandLineParser &parser)
    : m_parser(parser)
{
    bool ok = false;
    const int seconds = parser.value(u"timeout"_s).toInt(&ok);
    m_timeout = ok && seconds > 0 ? seconds : 30;
}

namespace {

QString readSecretLine(const char *prompt)
{
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::fputs(prompt, stderr);
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
    QString secret;
    if (got) {
        secret = QString::fromUtf8(buffer);
        while (secret.endsWith(u'\n') || secret.endsWith(u'\r'))
            secret.chop(1);
    }
    sodium_memzero(buffer, sizeof buffer);
    return secret;
}

QString secretFromEnv(const char *name)
{
    QByteArray value = qgetenv(name);
    QString secret = QString::fromUtf8(value);
    sodium_memzero(value.data(), size_t(value.size()));
    return secret;
}

} // namespace

std::expected<Account::Account *, int> CliSession::openLocal()
{
    if (m_account)
        return m_account.get();
    Account::AccountSettings settings;
    settings.jid = Core::Jid(m_parser.value(u"jid"_s)).bare();
    settings.serverUrl = QUrl(m_parser.value(u"url"_s));
    settings.caFile = m_parser.value(u"ca-file"_s);
    settings.pinnedSha256 = m_parser.value(u"pin-sha256"_s).toLatin1();
    settings.resource = m_parser.value(u"resource"_s);
    settings.allowInsecureLoopback = m_parser.isSet(u"allow-insecure-loopback"_s);
    if (!settings.jid.isValid() || settings.jid.local().isEmpty()) {
        std::fputs("rounds-cli: --jid must be an account address like ana@example.org\n", stderr);
        return std::unexpected(int(ExitUsage));
    }
    if (!settings.caFile.isEmpty() && !QFile::exists(settings.caFile)) {
        std::fputs("rounds-cli: the --ca-file does not exist\n", stderr);
        return std::unexpected(int(ExitUsage));
    }
    m_account = std::make_unique<Account::Account>(settings);
    Sync::E2ePolicy policy;
    policy.requireEncryption = !m_parser.isSet(u"allow-plaintext"_s);
    policy.requireVerifiedDevices = m_parser.isSet(u"require-verified"_s);
    m_account->setE2ePolicy(policy);

    Account::LocalDataOptions local;
    local.dataDir = m_parser.isSet(u"data-dir"_s) ? m_parser.value(u"data-dir"_s)
                                                  : Account::Account::defaultDataDir(settings.jid);
    if (qEnvironmentVariableIsSet("ROUNDS_DB_PASSPHRASE"))
        local.passphrase = secretFromEnv("ROUNDS_DB_PASSPHRASE");
    const auto opened = await(m_account->openLocalData(local), m_timeout);
    if (local.passphrase)
        sodium_memzero(local.passphrase->data(), size_t(local.passphrase->size()) * sizeof(QChar));
    if (!opened)
        return std::unexpected(
            reportError({Core::Error::Code::Timeout, u"opening the store timed out"_s}));
    if (!*opened) {
        const Core::Error &error = opened->error();
        const QString text = u"rounds-cli: "_s + Account::Account::describeLocalDataError(error) +
                             u"\n  ("_s + Core::errorCodeName(error.code) + u": "_s + error.detail +
                             u")\n"_s;
        std::fputs(text.toLocal8Bit().constData(), stderr);
        return std::unexpected(exitCodeFor(error));
    }
    return m_account.get();
}

void CliSession::showEnrolment(const QString &uri)
{
    auto parsed = Xmpp::OtpAuthUri::parse(uri);
    if (!parsed)
        return;
    printJson({{u"event"_s, u"enrolment"_s},
               {u"otpauth_uri"_s, uri},
               {u"secret"_s, parsed->secret},
               {u"issuer"_s, parsed->issuer},
               {u"account"_s, parsed->account}});
    std::fputs("rounds-cli: two-step sign-in is required. Scan this QR code with your "
               "authenticator app (or type the secret printed on stdout), then enter the "
               "6-digit code it shows.\n",
               stderr);
    if (auto qr = Account::encodeQr(uri.toUtf8()))
        std::fputs(Account::qrToTerminal(*qr).toUtf8().constData(), stderr);
}

std::expected<Account::Account *, int> CliSession::signIn()
{
    if (!m_parser.isSet(u"url"_s) || !QUrl(m_parser.value(u"url"_s)).isValid()) {
        std::fputs("rounds-cli: --url must be the server's WebSocket URL\n", stderr);
        return std::unexpected(int(ExitUsage));
    }
    auto account = openLocal();
    if (!account)
        return account;
    const bool tokenOnly = m_parser.isSet(u"token-only"_s);
    QString password;
    if (!tokenOnly)
        password = qEnvironmentVariableIsSet("ROUNDS_PASSWORD") ? secretFromEnv("ROUNDS_PASSWORD")
                                                                : readSecretLine("Password: ");
    if (password.isEmpty() && !tokenOnly) {
        std::fputs("rounds-cli: no password (set ROUNDS_PASSWORD or pass it on stdin)\n", stderr);
        return std::unexpected(int(ExitUsage));
    }
    (*account)->setRequireMfa(m_parser.isSet(u"require-mfa"_s));

    // The second factor: a code from --code / ROUNDS_TOTP_CODE or stdin; on the
    // first login, enrolment (the otpauth URI as JSON on stdout, a QR code on
    // stderr), then the code from the newly set-up app.
    QString presetCode =
        m_parser.isSet(u"code"_s) ? m_parser.value(u"code"_s) : secretFromEnv("ROUNDS_TOTP_CODE");
    std::optional<int> refused;
    const QObject scope;
    Account::Account *a = *account;
    QObject::connect(a, &Account::Account::secondFactorRequired, &scope,
                     [&](Xmpp::SecondFactorTask task, const QString &uri) {
                         if (task == Xmpp::SecondFactorTask::Enrolment) {
                             presetCode.clear(); // a code from before enrolment cannot match
                             showEnrolment(uri);
                         }
                         QString code = !presetCode.isEmpty() ? std::exchange(presetCode, {})
                                                              : readSecretLine("Code: ");
                         auto sent = a->provideSecondFactor(code);
                         if (!sent) {
                             refused = reportError(sent.error());
                             a->signOut();
                         }
                     });
    auto future = a->signIn(password);
    sodium_memzero(password.data(), size_t(password.size()) * sizeof(QChar));
    const auto result = await(future, m_timeout);
    if (refused)
        return std::unexpected(*refused);
    if (!result)
        return std::unexpected(reportError({Core::Error::Code::Timeout, u"sign-in timed out"_s}));
    if (!*result)
        return std::unexpected(reportSessionEnd(result->error()));
    // Others can encrypt to this device once its keys are on the server.
    Sync::OmemoService *omemo = (*account)->omemo();
    std::optional<Core::Error> publishError;
    const QMetaObject::Connection watch =
        QObject::connect(omemo, &Sync::OmemoService::publishFailed, omemo,
                         [&](const Core::Error &error) { publishError = error; });
    // A dropped link reconnects and publishes again: wait for success.
    runUntil([&] { return omemo->isPublished(); }, m_timeout);
    QObject::disconnect(watch); // publishError lives on this stack frame only
    if (!omemo->isPublished())
        std::fprintf(stderr,
                     "rounds-cli: warning: this device's encryption keys are not on the "
                     "server yet (%s)\n",
                     publishError ? qPrintable(publishError->detail) : "timeout");
    return account;
}

void CliSession::finish()
{
    if (!m_account || m_account->client().state() == Xmpp::Client::State::Disconnected)
        return;
    m_account->signOut();
    runUntil([&] { return m_account->client().state() == Xmpp::Client::State::Disconnected; }, 3);
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
