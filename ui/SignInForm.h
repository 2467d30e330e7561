// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

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
/// the fields, and on success hands it to the Session.
class SignInForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString accountJid READ accountJid WRITE setAccountJid NOTIFY accountJidChanged)
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY caFileChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY signedInChanged)
public:
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

    bool isBusy() const { return m_pending != nullptr; }
    QString errorText() const { return m_errorText; }
    bool isSignedIn() const;

    /// Checks the fields, then connects. The password goes to the Account and is
    /// not kept here; errors end up in errorText.
    Q_INVOKABLE void signIn(const QString &password);

Q_SIGNALS:
    void sessionChanged();
    void serverUrlChanged();
    void accountJidChanged();
    void caFileChanged();
    void busyChanged();
    void errorTextChanged();
    void signedInChanged();

private:
    QString checkFields(const QString &password) const;
    void setErrorText(const QString &text);
    void finish(const QString &errorText);

    QPointer<Session> m_session;
    QString m_serverUrl;
    QString m_accountJid;
    QString m_caFile;
    QString m_errorText;
    std::unique_ptr<Account::Account> m_pending; ///< the account while it signs in
};

} // namespace Ui
