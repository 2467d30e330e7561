// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DemoAccount.h"
#include "Session.h"

#include "xmpp/sasl/Sasl2Exchange.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Account {
class Account;
}

namespace Ui {

/// The sign-in screen's state: what was typed (never the password), whether a
/// sign-in runs, and the last error in words. signIn() builds the Account from
/// the fields, and on success hands it to the Session. When the server asks for
/// a second factor, secondFactorStep says which: a code from the authenticator
/// app, or (first sign-in) its enrolment, with the QR code and the secret to
/// type; submitCode() answers. The secret is wiped when the step ends.
///
/// Before connecting it opens the account's encrypted store on this computer
/// (its key in the system keychain; where there is none, sealed with a
/// passphrase: passphraseNeeded then asks for one). Server, account, CA file
/// and the choice of passphrase are remembered (QSettings), never a password.
class SignInForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString accountJid READ accountJid WRITE setAccountJid NOTIFY accountJidChanged)
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY caFileChanged)
    /// Where the account's store lives; empty: Account::defaultDataDir().
    Q_PROPERTY(QString dataDir READ dataDir WRITE setDataDir NOTIFY dataDirChanged)
    /// The store's key is sealed with a passphrase (no keychain here): ask for it.
    Q_PROPERTY(bool passphraseNeeded READ passphraseNeeded WRITE setPassphraseNeeded NOTIFY
                   passphraseNeededChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY signedInChanged)
    Q_PROPERTY(SecondFactorStep secondFactorStep READ secondFactorStep NOTIFY secondFactorChanged)
    /// The enrolment secret (base32) in groups of four, for typing it in by hand.
    Q_PROPERTY(QString enrolmentSecret READ enrolmentSecret NOTIFY secondFactorChanged)
    Q_PROPERTY(QString enrolmentAccount READ enrolmentAccount NOTIFY secondFactorChanged)
    Q_PROPERTY(QString enrolmentIssuer READ enrolmentIssuer NOTIFY secondFactorChanged)
    /// The otpauth:// URI as a QR code, one pixel per module with a 4-module
    /// quiet zone (draw it with QrCodeItem); null outside enrolment.
    Q_PROPERTY(QImage enrolmentQr READ enrolmentQr NOTIFY secondFactorChanged)
public:
    enum class SecondFactorStep { None, Code, Enrolment };
    Q_ENUM(SecondFactorStep)

    explicit SignInForm(QObject *parent = nullptr);
    ~SignInForm() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QString &url);
    QString accountJid() const { return m_accountJid; }
    void setAccountJid(const QString &jid);
    QString caFile() const { return m_caFile; }
    void setCaFile(const QString &path);
    QString dataDir() const { return m_dataDir; }
    void setDataDir(const QString &dir);
    bool passphraseNeeded() const { return m_passphraseNeeded; }
    void setPassphraseNeeded(bool needed);
    /// Cheaper key derivation for the passphrase; tests only.
    void setFastKdfForTests(bool fast) { m_fastKdfForTests = fast; }

    /// Fills in what the command line gives; empty values keep what was remembered.
    Q_INVOKABLE void prefill(const QString &serverUrl, const QString &accountJid,
                             const QString &caFile);

    /// True while the server is working; false while it waits for a code.
    bool isBusy() const
    {
        return m_pending != nullptr && (m_step == SecondFactorStep::None || m_codeSent);
    }
    QString errorText() const { return m_errorText; }
    bool isSignedIn() const;

    SecondFactorStep secondFactorStep() const { return m_step; }
    QString enrolmentSecret() const { return m_enrolmentSecret; }
    QString enrolmentAccount() const { return m_enrolmentAccount; }
    QString enrolmentIssuer() const { return m_enrolmentIssuer; }
    QImage enrolmentQr() const { return m_enrolmentQr; }

    /// Checks the fields, then connects. The password goes to the Account and is
    /// not kept here; errors end up in errorText.
    /// `passphrase` opens the local store where passphraseNeeded.
    Q_INVOKABLE void signIn(const QString &password, const QString &passphrase = {});
    /// The code for the second-factor step. A code that is not six digits is
    /// refused here (errorText says so) and nothing is sent.
    Q_INVOKABLE void submitCode(const QString &code);
    /// Gives up the sign-in while a code is asked for.
    Q_INVOKABLE void cancel();
    /// The demo (rounds --demo-account): signs in with `demo` at once. Its
    /// store is sealed with its passphrase in its own folder, and nothing of
    /// it is remembered for the next start. Not reachable from QML.
    void signInAsDemo(DemoAccount demo);

Q_SIGNALS:
    void sessionChanged();
    void serverUrlChanged();
    void accountJidChanged();
    void caFileChanged();
    void dataDirChanged();
    void passphraseNeededChanged();
    void busyChanged();
    void errorTextChanged();
    void signedInChanged();
    void secondFactorChanged();

private:
    void onSecondFactorRequired(Xmpp::SecondFactorTask task, const QString &otpauthUri);
    void endSecondFactor();
    QString checkFields(const QString &password, const QString &passphrase) const;
    void connectAccount(Account::Account *account, QString password);
    void remember() const;
    void setErrorText(const QString &text);
    void finish(const QString &errorText);

    QPointer<Session> m_session;
    QString m_serverUrl;
    QString m_accountJid;
    QString m_caFile;
    QString m_dataDir;
    bool m_passphraseNeeded = false;
    bool m_fastKdfForTests = false;
    bool m_remember = true; ///< false for the demo account
    QString m_errorText;
    std::unique_ptr<Account::Account> m_pending; ///< the account while it signs in
    SecondFactorStep m_step = SecondFactorStep::None;
    bool m_codeSent = false; ///< the server is checking a code
    QString m_enrolmentSecret;
    QString m_enrolmentAccount;
    QString m_enrolmentIssuer;
    QImage m_enrolmentQr;
};

} // namespace Ui
