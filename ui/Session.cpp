// SPDX-License-Identifier: GPL-3.0-or-later
#include "Session.h"

#include "AdminAccess.h"
#include "PolicySettings.h"

#include "account/Account.h"
#include "account/IdleLock.h"
#include "admin/PolicyService.h"
#include "clinical/ClinicalService.h"
#include "clinical/DirectoryService.h"
#include "xmpp/extensions/RosterExtension.h"

#include "core/ErrorText.h"

#include <QEvent>
#include <QGuiApplication>
#include <QTimer>

namespace Ui {

namespace {
// How long a signed-out account may take to close its stream before it goes anyway.
constexpr int CloseGraceMs = 3000;
} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
    , m_policy(new PolicySettings(this))
    , m_admin(new AdminAccess(this))
{
    // Input anywhere in the application restarts the idle countdown.
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
    // Back from sleep (or another window): lock now if the deadline passed meanwhile.
    if (auto *gui = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        connect(gui, &QGuiApplication::applicationStateChanged, this,
                [this](Qt::ApplicationState state) {
                    if (m_account && state == Qt::ApplicationActive)
                        m_account->idleLock()->checkDeadline();
                });
}

Session::~Session()
{
    // The services on the account go before it does.
    m_policy->setAccount(nullptr);
    m_admin->setAccount(nullptr);
}

void Session::adopt(std::unique_ptr<Account::Account> account)
{
    if (m_account)
        release();
    m_account = std::move(account);
    m_lastConnectionError.clear();
    if (m_account) {
        Xmpp::Client *client = &m_account->client();
        connect(client, &Xmpp::Client::stateChanged, this, &Session::updateStatus);
        connect(client, &Xmpp::Client::sessionStarted, this, [this] {
            m_lastConnectionError.clear();
            updateStatus();
            updateMfaEnforced(); // a reconnect may have logged in another way
        });
        connect(client, &Xmpp::Client::connectionLost, this, [this](const Core::Error &error) {
            m_lastConnectionError = Core::describeError(error);
            updateStatus();
        });
        connect(client, &Xmpp::Client::fatalError, this, [this](const Core::Error &error) {
            const QString text = Core::describeError(error);
            release();
            Q_EMIT ended(text);
        });
        // A remote wipe while signed in (the server reset the link and the
        // reconnect brought the order): hide everything at once; the erase
        // finishes inside the account, then the session ends.
        connect(m_account.get(), &Account::Account::wipeStarted, this, [this] {
            m_wiping = true;
            Q_EMIT wipingChanged();
        });
        connect(m_account.get(), &Account::Account::wiped, this, [this] {
            if (!m_account)
                return;
            release();
            Q_EMIT ended(
                Core::describeError({Core::Error::Code::Auth, QStringLiteral("device-wiped")}));
        });
        Account::IdleLock *lock = m_account->idleLock();
        connect(lock, &Account::IdleLock::lockedChanged, this, &Session::lockedChanged);
        connect(lock, &Account::IdleLock::unlockingChanged, this, &Session::unlockingChanged);
        connect(lock, &Account::IdleLock::policyChanged, this, &Session::lockPolicyChanged);
        connect(lock, &Account::IdleLock::signOutRequired, this, [this] {
            const QString text = Account::IdleLock::describeUnlockError(
                {Core::Error::Code::Auth, Account::IdleLock::TooManyAttempts.toString()});
            release();
            Q_EMIT ended(text);
        });
    }
    m_policy->setAccount(m_account.get());
    m_admin->setAccount(m_account.get());
    startClinical();
    Q_EMIT accountChanged();
    Q_EMIT lockedChanged();
    Q_EMIT unlockingChanged();
    Q_EMIT lockPolicyChanged();
    updateStatus();
    updateMfaEnforced();
}

QString Session::accountJid() const
{
    return m_account ? m_account->settings().jid.bareString() : QString();
}

QString Session::displayName(const QString &jid) const
{
    const Core::Jid bare = Core::Jid(jid).bare();
    if (m_account) {
        for (const Xmpp::RosterItem &item : m_account->roster().items())
            if (item.jid == bare && !item.name.isEmpty())
                return item.name;
    }
    return bare.bareString();
}

void Session::signOut()
{
    if (m_account)
        release();
}

bool Session::isLocked() const
{
    return m_account && m_account->idleLock()->isLocked();
}

bool Session::isUnlocking() const
{
    return m_account && m_account->idleLock()->isUnlocking();
}

bool Session::unlockNeedsCode() const
{
    return m_account && m_account->idleLock()->policy().unlockNeedsCode;
}

void Session::lockNow()
{
    if (m_account)
        m_account->idleLock()->lockNow(QStringLiteral("manual"));
}

void Session::unlock(const QString &password, const QString &code)
{
    if (!m_account)
        return;
    m_account->idleLock()->unlock(password, code).then(this, [this](Core::Result<void> result) {
        if (!result)
            Q_EMIT unlockFailed(Account::IdleLock::describeUnlockError(result.error()));
    });
}

bool Session::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
        if (m_account)
            m_account->idleLock()->noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void Session::release()
{
    Account::Account *account = detach();
    if (account->client().state() != Xmpp::Client::State::Disconnected)
        account->signOut();
    retire(account);
}

void Session::signOutAndErase()
{
    if (!m_account)
        return;
    Account::Account *account = detach();
    m_erasing = true;
    Q_EMIT erasingChanged();
    account->signOutAndErase().then(this, [this, account](const Core::Result<void> &erased) {
        retire(account);
        m_erasing = false;
        Q_EMIT erasingChanged();
        if (!erased)
            Q_EMIT ended(Core::describeError(erased.error()));
    });
}

Account::Account *Session::detach()
{
    Account::Account *account = m_account.release();
    disconnect(&account->client(), nullptr, this, nullptr);
    disconnect(account->idleLock(), nullptr, this, nullptr);
    disconnect(account, nullptr, this, nullptr);
    m_clinical.reset(); // before the account's store closes
    m_directory.reset();
    m_policy->setAccount(nullptr);
    m_admin->setAccount(nullptr);
    m_lastConnectionError.clear();
    if (m_wiping) {
        m_wiping = false;
        Q_EMIT wipingChanged();
    }
    // Models drop their pointers into the account here, before it can go.
    Q_EMIT accountChanged();
    Q_EMIT lockedChanged();
    Q_EMIT unlockingChanged();
    Q_EMIT lockPolicyChanged();
    updateStatus();
    updateMfaEnforced();
    account->setParent(this);
    return account;
}

void Session::retire(Account::Account *account)
{
    if (account->client().state() != Xmpp::Client::State::Disconnected) {
        connect(&account->client(), &Xmpp::Client::stateChanged, account,
                [account](Xmpp::Client::State state) {
                    if (state == Xmpp::Client::State::Disconnected)
                        account->deleteLater();
                });
        QTimer::singleShot(CloseGraceMs, account, &QObject::deleteLater);
    } else {
        account->deleteLater();
    }
}

void Session::updateMfaEnforced()
{
    const bool enforced = m_account && m_account->secondFactorEnforced();
    if (enforced == m_mfaEnforced)
        return;
    m_mfaEnforced = enforced;
    Q_EMIT mfaEnforcedChanged();
}

void Session::updateStatus()
{
    Status status = Status::SignedOut;
    if (m_account) {
        switch (m_account->client().state()) {
        case Xmpp::Client::State::Connecting:
            status = Status::Connecting;
            break;
        case Xmpp::Client::State::Connected:
            status = Status::Online;
            break;
        case Xmpp::Client::State::Reconnecting:
            status = Status::Reconnecting;
            break;
        case Xmpp::Client::State::Disconnected:
            status = Status::SignedOut;
            break;
        }
    }
    // The reason for a reconnect is only worth showing while the link is down.
    const bool down = status == Status::Reconnecting || status == Status::Connecting;
    const QString text = down ? m_lastConnectionError : QString();
    if (status == m_status && text == m_connectionErrorText)
        return;
    m_status = status;
    m_connectionErrorText = text;
    Q_EMIT statusChanged();
}

void Session::startClinical()
{
    if (!m_account || !m_account->messageStore())
        return; // no local data (some tests): nothing to keep or purge
    m_directory = std::make_unique<Clinical::DirectoryService>(*m_account);
    m_clinical = std::make_unique<Clinical::ClinicalService>(*m_account, *m_directory);
    applyClinicalPolicy();
    m_clinical->start().then(this, [](Core::Result<int> pending) {
        if (!pending)
            qWarning("clinical messaging did not start: %s", qPrintable(pending.error().detail));
    });
    connect(m_policy, &PolicySettings::changed, this, &Session::applyClinicalPolicy,
            Qt::UniqueConnection);
}

void Session::applyClinicalPolicy()
{
    if (!m_clinical)
        return;
    const Admin::PolicyService *service = m_policy->service();
    const int days = service ? service->retentionDays() : 0;
    QStringList forwarding = service ? service->forwardingDomains() : QStringList();
    for (QString &domain : forwarding)
        domain = domain.toLower();
    Clinical::ClinicalPolicy policy = m_clinical->policy();
    const bool retentionChanged = days != policy.retentionDays;
    if (!retentionChanged && forwarding == policy.forwardingDomains)
        return;
    policy.retentionDays = days;
    policy.forwardingDomains = forwarding; // forwarding follows the org policy too
    m_clinical->setPolicy(policy);
    if (retentionChanged)
        (void)m_clinical->purgeNow(); // a shorter retention applies at once
}

} // namespace Ui
