// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminUsersModel.h"

#include "AdminAccess.h"

#include "core/ErrorText.h"

using namespace Qt::StringLiterals;

namespace Ui {

AdminUsersModel::AdminUsersModel(QObject *parent)
    : AdminListModel(parent)
{
}

AdminUsersModel::~AdminUsersModel() = default;

void AdminUsersModel::clearRows()
{
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
}

int AdminUsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AdminUsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Admin::UserRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case JidRole:
        return row.jid;
    case DevicesRole:
        return row.devices;
    case EnrolledRole:
        return row.totp;
    case DisabledRole:
        return row.disabled;
    case OnlineRole:
        return row.online;
    default:
        return {};
    }
}

QHash<int, QByteArray> AdminUsersModel::roleNames() const
{
    return {{JidRole, "jid"},
            {DevicesRole, "devices"},
            {EnrolledRole, "enrolled"},
            {DisabledRole, "disabled"},
            {OnlineRole, "online"}};
}

int AdminUsersModel::indexOf(const QString &jid) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).jid == jid)
            return i;
    return -1;
}

void AdminUsersModel::refresh()
{
    Admin::AdminService *admin = onlineService();
    if (!admin)
        return;
    const quint64 generation = this->generation();
    setPending(pending() + 1);
    admin->listUsers().then(this, [this, generation](Core::Result<QList<Admin::UserRow>> users) {
        if (generation != this->generation())
            return;
        setPending(pending() - 1);
        if (!users) {
            setErrorText(Core::describeError(users.error()));
            return;
        }
        setErrorText({});
        beginResetModel();
        m_rows = std::move(*users);
        endResetModel();
    });
}

void AdminUsersModel::resetMfa(const QString &jid)
{
    if (Admin::AdminService *admin = onlineService())
        run(admin->resetMfa(Core::Jid(jid)),
            tr("%1 must set up an authenticator app again at the next sign-in.").arg(jid));
}

void AdminUsersModel::disableAccount(const QString &jid)
{
    if (Admin::AdminService *admin = onlineService())
        run(admin->disableAccount(Core::Jid(jid)),
            tr("%1 is disabled: its devices are signed out and cannot sign in.").arg(jid));
}

void AdminUsersModel::enableAccount(const QString &jid)
{
    if (Admin::AdminService *admin = onlineService())
        run(admin->enableAccount(Core::Jid(jid)), tr("%1 can sign in again.").arg(jid));
}

void AdminUsersModel::run(QFuture<Core::Result<void>> action, const QString &doneText)
{
    // Sent already: a request made offline waits for the connection.
    const quint64 generation = this->generation();
    setPending(pending() + 1);
    setStatusText({});
    action.then(this, [this, generation, doneText](Core::Result<void> done) {
        if (generation != this->generation())
            return;
        finishAction(done ? nullptr : &done.error(), doneText);
    });
}

} // namespace Ui
