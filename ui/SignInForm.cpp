// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignInForm.h"

#include "Session.h"

#include "account/Account.h"

#include "core/ErrorText.h"
#include "core/Jid.h"

#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

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

SignInForm::~SignInForm() = default;

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
    account->signIn(password).then(this, [this, account](const Core::Result<void> &result) {
        if (m_pending.get() != account)
            return;
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

void SignInForm::finish(const QString &errorText)
{
    // The account may still be unwinding its failed connection: let it go later.
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
