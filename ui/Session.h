// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminAccess.h"
#include "PolicySettings.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Account {
class Account;
}
namespace Clinical {
class ClinicalService;
class DirectoryService;
} // namespace Clinical

namespace Ui {

/// The signed-in account as the window sees it. `main` creates one Session and
/// hands it to the QML root; SignInForm gives it the Account once sign-in worked,
/// and the models follow accountChanged(). It owns no protocol logic: it only
/// translates the Client's state into what the status line shows.
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Session is created by the application.")
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY accountChanged)
    Q_PROPERTY(QString accountJid READ accountJid NOTIFY accountChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString connectionErrorText READ connectionErrorText NOTIFY statusChanged)
    Q_PROPERTY(bool locked READ isLocked NOTIFY lockedChanged)
    Q_PROPERTY(bool unlocking READ isUnlocking NOTIFY unlockingChanged)
    Q_PROPERTY(bool unlockNeedsCode READ unlockNeedsCode NOTIFY lockPolicyChanged)
    /// Whether this session's sign-in passed a second factor (a code, or a token
    /// from such a sign-in). False on servers without two-step sign-in; the
    /// status line then says so. False while signed out.
    Q_PROPERTY(bool mfaEnforced READ isMfaEnforced NOTIFY mfaEnforcedChanged)
    /// An IT admin had this computer wiped: the account's local data is being
    /// erased. The window shows nothing of the account meanwhile; the session
    /// then ends (ended()) and the sign-in screen says why.
    Q_PROPERTY(bool wiping READ isWiping NOTIFY wipingChanged)
    /// The organisation's policy and the user's choices within it.
    Q_PROPERTY(Ui::PolicySettings *policy READ policy CONSTANT)
    /// Whether this account may use the admin console.
    Q_PROPERTY(Ui::AdminAccess *admin READ admin CONSTANT)
    /// "Sign out and erase" is under way: the account's local data is being
    /// removed; sign-in waits until it is done.
    Q_PROPERTY(bool erasing READ isErasing NOTIFY erasingChanged)
public:
    enum class Status { SignedOut, Connecting, Online, Reconnecting };
    Q_ENUM(Status)

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    /// Takes over a signed-in account. A previous one is signed out first.
    void adopt(std::unique_ptr<Account::Account> account);
    Account::Account *account() const { return m_account.get(); }

    bool isSignedIn() const { return m_account != nullptr; }
    QString accountJid() const;
    Status status() const { return m_status; }
    /// Why the link went down last (translated), while reconnecting; empty otherwise.
    QString connectionErrorText() const { return m_connectionErrorText; }
    bool isMfaEnforced() const { return m_mfaEnforced; }
    bool isWiping() const { return m_wiping; }
    PolicySettings *policy() const { return m_policy; }
    AdminAccess *admin() const { return m_admin; }
    bool isErasing() const { return m_erasing; }
    /// Clinical messaging of the signed-in account (priority, acknowledgement,
    /// escalation, roles, recall); null while signed out or without local data.
    /// Set before accountChanged() is emitted, gone before the next one.
    Clinical::ClinicalService *clinical() const { return m_clinical.get(); }
    Clinical::DirectoryService *directory() const { return m_directory.get(); }

    /// The roster name of `jid`, or its bare address when it has none.
    Q_INVOKABLE QString displayName(const QString &jid) const;
    /// Tells the conversation list to read the store again (a conversation was
    /// marked read, say).
    void notifyConversationsChanged() { Q_EMIT conversationsChanged(); }

    /// Ends the session cleanly; the account object goes once the link is closed.
    Q_INVOKABLE void signOut();
    /// Signs out and erases everything this account keeps on this computer
    /// (Account::signOutAndErase); the window returns to sign-in at once. When
    /// something could not be removed, ended() says so.
    Q_INVOKABLE void signOutAndErase();

    /// Automatic logoff (Account::IdleLock): while locked the window shows only
    /// the lock screen. Keyboard, mouse, wheel and touch input anywhere in the
    /// application counts as activity (an event filter on the application).
    bool isLocked() const;
    bool isUnlocking() const;
    bool unlockNeedsCode() const;
    Q_INVOKABLE void lockNow();
    /// Checks the password (and code); a refusal arrives as unlockFailed().
    Q_INVOKABLE void unlock(const QString &password, const QString &code = {});

Q_SIGNALS:
    void accountChanged();
    void statusChanged();
    /// The session ended for a reason a reconnect cannot fix (translated text).
    void ended(const QString &errorText);
    void lockedChanged();
    void unlockingChanged();
    void lockPolicyChanged();
    void mfaEnforcedChanged();
    void wipingChanged();
    void erasingChanged();
    /// Something the conversation list shows changed outside the pipeline.
    void conversationsChanged();
    /// Why unlocking failed and what to do (translated text).
    void unlockFailed(const QString &errorText);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void release();
    /// Takes the account away from the window (models let go of it first).
    Account::Account *detach();
    /// Deletes a detached account once its link is closed.
    void retire(Account::Account *account);
    void updateStatus();
    void updateMfaEnforced();

    std::unique_ptr<Account::Account> m_account;
    // Clinical messaging for the signed-in account: escalations keep running
    // and the org's retention is applied (docs/protocol.md, docs/admin.md).
    std::unique_ptr<Clinical::DirectoryService> m_directory;
    std::unique_ptr<Clinical::ClinicalService> m_clinical;
    void startClinical();
    /// Org retention and forwarding domains into the clinical service.
    void applyClinicalPolicy();
    Status m_status = Status::SignedOut;
    QString m_lastConnectionError; ///< why the link went down last, translated
    QString m_connectionErrorText; ///< what the status line shows of it
    bool m_mfaEnforced = false;
    bool m_wiping = false;
    bool m_erasing = false;
    PolicySettings *m_policy = nullptr; ///< child
    AdminAccess *m_admin = nullptr;     ///< child
};

/// What a model's setSession() does: drops the connections to the session it
/// followed, then calls `follow` now and whenever the new session's account
/// changes. False (nothing done) when `session` is the one already followed.
template<typename Owner>
bool followSession(Owner *owner, QPointer<Session> &current, Session *session,
                   void (Owner::*follow)())
{
    if (session == current)
        return false;
    if (current)
        QObject::disconnect(current, nullptr, owner, nullptr);
    current = session;
    if (current)
        QObject::connect(current, &Session::accountChanged, owner, follow);
    (owner->*follow)();
    return true;
}

} // namespace Ui
