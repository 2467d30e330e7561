// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminAccess.h"

#include "account/Account.h"
#include "admin/AdminService.h"

#include "core/ErrorText.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAdminUi, "rounds.ui.admin", QtInfoMsg)

namespace Ui {

AdminAccess::AdminAccess(QObject *parent)
    : QObject(parent)
{
}

AdminAccess::~AdminAccess() = default;

Account::Account *AdminAccess::account() const
{
    return m_account;
}

void AdminAccess::setAccount(Account::Account *account)
{
    if (account == m_account && (account != nullptr) == (m_service != nullptr))
        return;
    ++m_generation;
    if (m_account)
        disconnect(&m_account->client(), nullptr, this, nullptr);
    m_service.reset();
    m_account = account;
    setAvailable(false);
    if (account) {
        m_service = std::make_unique<Admin::AdminService>(account->client());
        connect(&account->client(), &Xmpp::Client::sessionStarted, this, [this](bool resumed) {
            if (!resumed)
                check();
        });
        if (account->client().isConnected())
            check();
    }
    Q_EMIT serviceChanged();
}

QString AdminAccess::offlineText() const
{
    if (m_account && m_account->client().isConnected())
        return {};
    return Core::describeError({Core::Error::Code::Network, QStringLiteral("not-connected")});
}

void AdminAccess::check()
{
    if (!m_service)
        return;
    const quint64 generation = m_generation;
    m_service->isAdmin().then(this, [this, generation](Core::Result<bool> admin) {
        if (generation != m_generation)
            return;
        if (!admin) {
            // Unknown: keep what we knew (a lost link is no demotion).
            qCInfo(lcAdminUi) << "admin check failed:" << admin.error().detail;
            return;
        }
        setAvailable(*admin);
    });
}

void AdminAccess::setAvailable(bool available)
{
    if (available == m_available)
        return;
    m_available = available;
    Q_EMIT availableChanged();
}

} // namespace Ui
