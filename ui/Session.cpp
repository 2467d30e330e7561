// SPDX-License-Identifier: GPL-3.0-or-later
#include "Session.h"

#include "account/Account.h"

#include "core/ErrorText.h"

#include <QTimer>

namespace Ui {

namespace {
// How long a signed-out account may take to close its stream before it goes anyway.
constexpr int CloseGraceMs = 3000;
} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
{
}

Session::~Session() = default;

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
    }
    Q_EMIT accountChanged();
    updateStatus();
}

QString Session::accountJid() const
{
    return m_account ? m_account->settings().jid.bareString() : QString();
}

void Session::signOut()
{
    if (m_account)
        release();
}

void Session::release()
{
    Account::Account *account = m_account.release();
    disconnect(&account->client(), nullptr, this, nullptr);
    m_lastConnectionError.clear();
    // Models drop their pointers into the account here, before it can go.
    Q_EMIT accountChanged();
    updateStatus();

    account->setParent(this);
    if (account->client().state() != Xmpp::Client::State::Disconnected) {
        connect(&account->client(), &Xmpp::Client::stateChanged, account,
                [account](Xmpp::Client::State state) {
                    if (state == Xmpp::Client::State::Disconnected)
                        account->deleteLater();
                });
        QTimer::singleShot(CloseGraceMs, account, &QObject::deleteLater);
        account->signOut();
    } else {
        account->deleteLater();
    }
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

} // namespace Ui
