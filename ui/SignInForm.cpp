// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignInForm.h"

#include "QrCodeItem.h"
#include "Session.h"

#include "account/Account.h"
#include "account/KeyCustody.h"

#include "core/ErrorText.h"
#include "core/Jid.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Ui {

Q_LOGGING_CATEGORY(lcSignIn, "rounds.ui.signin")

namespace {

// "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP": easier to copy by hand.
QString groupedByFour(const QString &secret)
{
    QString out;
    out.reserve(secret.size() + secret.size() / 4);
    for (qsizetype i = 0; i < secret.size(); i += 4) {
        if (i > 0)
            out += u' ';
        out += QStringView(secret).mid(i, 4);
    }
    return out;
}

// Overwrites the characters before letting go (copies handed to QML are out of reach).
void wipe(QString &text)
{
    text.fill(u'\0');
    text.clear();
}

// A file chooser hands over file:// URLs; people type plain paths.
QString localPath(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u"file:"_s))
        return QUrl(trimmed).toLocalFile();
    return trimmed;
}

} // namespace

namespace {
// QSettings keys: what sign-in remembers on this computer (no secrets, no PHI).
const QString ServerUrlKey = QStringLiteral("signIn/serverUrl");
const QString AccountKey = QStringLiteral("signIn/account");
const QString CaFileKey = QStringLiteral("signIn/caFile");
QString custodyKey(const QString &jid)
{
    return u"localData/"_s + QString::fromLatin1(jid.toUtf8().toHex()) + u"/passphrase"_s;
}

// Keychain problems that a passphrase avoids.
bool keychainUnavailable(const Core::Error &error)
{
    return error.code == Core::Error::Code::Storage &&
           (error.detail == Account::KeyCustody::NoKeychain ||
            error.detail == Account::KeyCustody::KeychainLocked ||
            error.detail == Account::KeyCustody::KeychainFailed);
}
} // namespace

SignInForm::SignInForm(QObject *parent)
    : QObject(parent)
{
    const QSettings settings;
    m_serverUrl = settings.value(ServerUrlKey).toString();
    m_accountJid = settings.value(AccountKey).toString();
    m_caFile = settings.value(CaFileKey).toString();
    if (!m_accountJid.isEmpty())
        m_passphraseNeeded = settings.value(custodyKey(m_accountJid), false).toBool();
}

void SignInForm::prefill(const QString &serverUrl, const QString &accountJid, const QString &caFile)
{
    if (!serverUrl.isEmpty())
        setServerUrl(serverUrl);
    if (!accountJid.isEmpty())
        setAccountJid(accountJid);
    if (!caFile.isEmpty())
        setCaFile(caFile);
}

void SignInForm::remember() const
{
    if (!m_remember)
        return;
    QSettings settings;
    settings.setValue(ServerUrlKey, m_serverUrl.trimmed());
    settings.setValue(AccountKey, m_accountJid.trimmed());
    settings.setValue(CaFileKey, localPath(m_caFile));
    settings.setValue(custodyKey(Core::Jid(m_accountJid.trimmed()).bareString()),
                      m_passphraseNeeded);
}

void SignInForm::setDataDir(const QString &dir)
{
    if (dir == m_dataDir)
        return;
    m_dataDir = dir;
    Q_EMIT dataDirChanged();
}

void SignInForm::setPassphraseNeeded(bool needed)
{
    if (needed == m_passphraseNeeded)
        return;
    m_passphraseNeeded = needed;
    Q_EMIT passphraseNeededChanged();
}

SignInForm::~SignInForm()
{
    // A pending account finishes its sign-in future while it is destroyed, and the
    // continuation runs at once: it must find nothing pending here, and every
    // member still alive.
    std::unique_ptr<Account::Account> pending = std::move(m_pending);
    pending.reset();
}

void SignInForm::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::accountChanged, this, &SignInForm::signedInChanged);
        connect(m_session, &Session::ended, this, &SignInForm::setErrorText);
    }
    Q_EMIT sessionChanged();
    Q_EMIT signedInChanged();
}

void SignInForm::setServerUrl(const QString &url)
{
    if (url == m_serverUrl)
        return;
    m_serverUrl = url;
    Q_EMIT serverUrlChanged();
}

void SignInForm::setAccountJid(const QString &jid)
{
    if (jid == m_accountJid)
        return;
    m_accountJid = jid;
    Q_EMIT accountJidChanged();
    // Each account remembers how its store's key is kept.
    const Core::Jid bare(jid.trimmed());
    if (bare.isValid() && !bare.local().isEmpty())
        setPassphraseNeeded(QSettings().value(custodyKey(bare.bareString()), false).toBool());
}

void SignInForm::setCaFile(const QString &path)
{
    if (path == m_caFile)
        return;
    m_caFile = path;
    Q_EMIT caFileChanged();
}

bool SignInForm::isSignedIn() const
{
    return m_session && m_session->isSignedIn();
}

QString SignInForm::checkFields(const QString &password, const QString &passphrase) const
{
    const Core::Jid jid(m_accountJid.trimmed());
    if (!jid.isValid() || jid.local().isEmpty() || !jid.isBare())
        return tr("Enter your account address, for example ana.ruiz@hospital.example.");
    const QUrl url(m_serverUrl.trimmed());
    if (m_serverUrl.trimmed().isEmpty() || !url.isValid() || url.host().isEmpty())
        return tr("Enter the server address, for example "
                  "wss://chat.hospital.example/xmpp-websocket.");
    if (url.scheme() != u"wss")
        return tr("The server address must start with wss:// so that the connection is "
                  "encrypted.");
    if (password.isEmpty())
        return tr("Enter your password.");
    if (m_passphraseNeeded && passphrase.isEmpty())
        return tr("Enter the passphrase that protects the messages kept on this computer.");
    const QString ca = localPath(m_caFile);
    if (!ca.isEmpty() && !QFileInfo(ca).isReadable())
        return tr("The CA file cannot be read. Check the path, or leave the field empty to "
                  "trust only the system's certificates.");
    return {};
}

void SignInForm::signIn(const QString &password, const QString &passphrase)
{
    if (isBusy())
        return;
    if (!m_session) {
        qWarning("SignInForm: no session to sign in to");
        return;
    }
    if (const QString problem = checkFields(password, passphrase); !problem.isEmpty()) {
        setErrorText(problem);
        return;
    }
    Account::AccountSettings settings;
    settings.jid = Core::Jid(m_accountJid.trimmed());
    settings.serverUrl = QUrl(m_serverUrl.trimmed());
    settings.caFile = localPath(m_caFile);

    Account::LocalDataOptions local;
    local.dataDir =
        m_dataDir.isEmpty() ? Account::Account::defaultDataDir(settings.jid) : m_dataDir;
    if (m_passphraseNeeded)
        local.passphrase = passphrase;
    local.fastKdfForTests = m_fastKdfForTests;

    setErrorText({});
    m_pending = std::make_unique<Account::Account>(std::move(settings));
    Account::Account *account = m_pending.get();
    Q_EMIT busyChanged();
    // The store first (as rounds-cli does): messages that arrive right after
    // sign-in have somewhere to go, and a store that cannot open stops here.
    account->openLocalData(local).then(
        this, [this, account, password](const Core::Result<void> &opened) {
            if (m_pending.get() != account)
                return;
            if (!opened) {
                qCInfo(lcSignIn) << "local data not opened:" << opened.error().detail;
                if (keychainUnavailable(opened.error()))
                    setPassphraseNeeded(true);
                finish(Account::Account::describeLocalDataError(opened.error()));
                return;
            }
            connectAccount(account, password);
        });
    if (local.passphrase)
        wipe(*local.passphrase);
}

void SignInForm::connectAccount(Account::Account *account, QString password)
{
    connect(account, &Account::Account::secondFactorRequired, this,
            &SignInForm::onSecondFactorRequired);
    auto signingIn = account->signIn(password);
    wipe(password);
    signingIn.then(this, [this, account](const Core::Result<void> &result) {
        if (m_pending.get() != account)
            return;
        endSecondFactor();
        if (!result) {
            finish(Core::describeError(result.error()));
            return;
        }
        remember();
        std::unique_ptr<Account::Account> signedIn = std::move(m_pending);
        Q_EMIT busyChanged();
        if (m_session)
            m_session->adopt(std::move(signedIn));
    });
}

void SignInForm::onSecondFactorRequired(Xmpp::SecondFactorTask task, const QString &otpauthUri)
{
    if (!m_pending || sender() != m_pending.get())
        return;
    if (task == Xmpp::SecondFactorTask::Enrolment) {
        auto uri = Xmpp::OtpAuthUri::parse(otpauthUri);
        if (!uri) {
            // The client checked it already; this is only a second line of defence.
            m_pending->signOut();
            finish(Core::describeError(uri.error()));
            return;
        }
        m_enrolmentSecret = groupedByFour(uri->secret);
        wipe(uri->secret);
        m_enrolmentAccount = uri->account;
        m_enrolmentIssuer = uri->issuer;
        m_enrolmentQr = QrCodeItem::imageFor(otpauthUri.toUtf8());
        if (m_enrolmentQr.isNull()) // the secret is still there to type in
            qCWarning(lcSignIn) << "enrolment QR code not drawn";
    }
    qCInfo(lcSignIn) << "second factor asked:"
                     << (task == Xmpp::SecondFactorTask::Enrolment ? "enrolment" : "code");
    m_step = task == Xmpp::SecondFactorTask::Enrolment ? SecondFactorStep::Enrolment
                                                       : SecondFactorStep::Code;
    m_codeSent = false;
    setErrorText({});
    Q_EMIT secondFactorChanged();
    Q_EMIT busyChanged();
}

void SignInForm::submitCode(const QString &code)
{
    if (!m_pending || m_step == SecondFactorStep::None || m_codeSent)
        return;
    if (auto sent = m_pending->provideSecondFactor(code); !sent) {
        setErrorText(Core::describeError(sent.error()));
        return;
    }
    m_codeSent = true;
    setErrorText({});
    Q_EMIT busyChanged();
}

void SignInForm::cancel()
{
    if (!m_pending || isBusy())
        return;
    // Taken out first: signing out may finish the sign-in future right away.
    std::unique_ptr<Account::Account> account = std::move(m_pending);
    endSecondFactor();
    Q_EMIT busyChanged();
    setErrorText({});
    account->signOut();
    account.release()->deleteLater();
}

void SignInForm::signInAsDemo(DemoAccount demo)
{
    m_remember = false;
    setServerUrl(demo.serverUrl);
    setAccountJid(demo.jid);
    setCaFile(demo.caFile);
    setDataDir(demo.dataDir);
    setPassphraseNeeded(true);
    signIn(demo.password, demo.passphrase);
    wipe(demo.password);
    wipe(demo.passphrase);
}

void SignInForm::endSecondFactor()
{
    if (m_step == SecondFactorStep::None && m_enrolmentSecret.isEmpty())
        return;
    m_step = SecondFactorStep::None;
    m_codeSent = false;
    wipe(m_enrolmentSecret);
    m_enrolmentAccount.clear();
    m_enrolmentIssuer.clear();
    m_enrolmentQr = QImage();
    Q_EMIT secondFactorChanged();
}

void SignInForm::finish(const QString &errorText)
{
    // The account may still be unwinding its failed connection: let it go later.
    if (m_pending)
        m_pending.release()->deleteLater();
    Q_EMIT busyChanged();
    setErrorText(errorText);
}

void SignInForm::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

} // namespace Ui
