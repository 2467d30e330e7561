// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignInForm.h"

#include "Session.h"

#include "account/Account.h"
#include "account/QrCode.h"

#include "core/ErrorText.h"
#include "core/Jid.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Ui {

Q_LOGGING_CATEGORY(lcSignIn, "rounds.ui.signin")

namespace {

// The standard's quiet zone around the code on screen.
constexpr int QrQuietZone = 4;

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

QImage qrImage(const Account::QrCode &code)
{
    const int side = code.size + 2 * QrQuietZone;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < code.size; ++y) {
        uchar *line = image.scanLine(y + QrQuietZone) + QrQuietZone;
        for (int x = 0; x < code.size; ++x)
            line[x] = code.dark(x, y) ? 0 : 255;
    }
    return image;
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

SignInForm::SignInForm(QObject *parent)
    : QObject(parent)
{
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

QString SignInForm::checkFields(const QString &password) const
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
    const QString ca = localPath(m_caFile);
    if (!ca.isEmpty() && !QFileInfo(ca).isReadable())
        return tr("The CA file cannot be read. Check the path, or leave the field empty to "
                  "trust only the system's certificates.");
    return {};
}

void SignInForm::signIn(const QString &password)
{
    if (isBusy())
        return;
    if (!m_session) {
        qWarning("SignInForm: no session to sign in to");
        return;
    }
    if (const QString problem = checkFields(password); !problem.isEmpty()) {
        setErrorText(problem);
        return;
    }
    Account::AccountSettings settings;
    settings.jid = Core::Jid(m_accountJid.trimmed());
    settings.serverUrl = QUrl(m_serverUrl.trimmed());
    settings.caFile = localPath(m_caFile);

    setErrorText({});
    m_pending = std::make_unique<Account::Account>(std::move(settings));
    Account::Account *account = m_pending.get();
    Q_EMIT busyChanged();
    connect(account, &Account::Account::secondFactorRequired, this,
            &SignInForm::onSecondFactorRequired);
    account->signIn(password).then(this, [this, account](const Core::Result<void> &result) {
        if (m_pending.get() != account)
            return;
        endSecondFactor();
        if (!result) {
            finish(Core::describeError(result.error()));
            return;
        }
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
        if (auto code = Account::encodeQr(otpauthUri.toUtf8()))
            m_enrolmentQr = qrImage(*code);
        else // the secret is still there to type in
            qCWarning(lcSignIn) << "enrolment QR code not drawn:" << code.error().detail;
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
