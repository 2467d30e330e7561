// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoleDirectoryModel.h"

#include "clinical/ClinicalService.h"
#include "clinical/DirectoryService.h"
#include "clinical/OnCallPolicy.h"

#include "core/ErrorText.h"

#include <algorithm>

namespace Ui {

namespace {

QString describePageError(const Core::Error &error)
{
    if (error.detail == u"role-nobody-on-call")
        return RoleDirectoryModel::tr("Nobody is on call for this role right now. Page a person "
                                      "directly, or ask the charge nurse who covers it.");
    if (error.detail == u"role-unknown")
        return RoleDirectoryModel::tr(
            "This role is no longer in the directory. Choose another role.");
    if (error.detail == u"directory-not-loaded")
        return RoleDirectoryModel::tr("The on-call directory has not been read from the server "
                                      "yet. Wait until Rounds is online, then try again.");
    return Core::describeError(error);
}

} // namespace

RoleDirectoryModel::RoleDirectoryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

RoleDirectoryModel::~RoleDirectoryModel() = default;

void RoleDirectoryModel::setSession(Session *session)
{
    if (followSession(this, m_session, session, &RoleDirectoryModel::followSessionAccount))
        Q_EMIT sessionChanged();
}

void RoleDirectoryModel::followSessionAccount()
{
    Clinical::DirectoryService *directory = m_session ? m_session->directory() : nullptr;
    if (directory == m_directory && directory)
        return;
    if (m_directory)
        disconnect(m_directory, nullptr, this, nullptr);
    m_directory = directory;
    if (m_directory)
        connect(m_directory, &Clinical::DirectoryService::directoryChanged, this,
                &RoleDirectoryModel::reload);
    reload();
}

bool RoleDirectoryModel::isLoaded() const
{
    return m_directory && m_directory->isLoaded();
}

void RoleDirectoryModel::refresh()
{
    if (!m_directory) {
        reload();
        return;
    }
    (void)m_directory->refresh(); // directoryChanged() follows
    reload();
}

void RoleDirectoryModel::reload()
{
    beginResetModel();
    m_roles.clear();
    if (m_directory)
        m_roles = m_directory->directory().values();
    std::sort(m_roles.begin(), m_roles.end(), [](const Clinical::Role &a, const Clinical::Role &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    endResetModel();
    Q_EMIT loadedChanged();
}

void RoleDirectoryModel::page(const QString &roleId, const QString &body, int priority)
{
    Clinical::ClinicalService *clinical = m_session ? m_session->clinical() : nullptr;
    if (!clinical || body.trimmed().isEmpty() || m_busy)
        return;
    QString roleName = roleId;
    for (const Clinical::Role &role : std::as_const(m_roles))
        if (role.id == roleId)
            roleName = role.name;
    Clinical::SendOptions options;
    options.priority = Clinical::Priority(std::clamp(priority, 0, 2));
    setBusy(true);
    clinical->sendToRole(roleId, body, options)
        .then(this, [this, roleName](const Core::Result<Clinical::RoleSend> &sent) {
            setBusy(false);
            if (!sent) {
                Q_EMIT pageFailed(describePageError(sent.error()));
                return;
            }
            const QString jid = sent->resolvedTo.bareString();
            Q_EMIT paged(roleName, jid, m_session ? m_session->displayName(jid) : jid);
        });
}

void RoleDirectoryModel::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

int RoleDirectoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_roles.size());
}

QVariant RoleDirectoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Clinical::Role &r = m_roles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name.isEmpty() ? r.id : r.name;
    case RoleIdRole:
        return r.id;
    case OnCallRole:
    case OnCallJidRole: {
        const auto who = Clinical::OnCallPolicy::holder(r, QDateTime::currentDateTimeUtc());
        if (!who)
            return QString();
        if (role == OnCallJidRole)
            return who->bareString();
        return m_session ? m_session->displayName(who->bareString()) : who->bareString();
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> RoleDirectoryModel::roleNames() const
{
    return {{RoleIdRole, "roleId"},
            {NameRole, "name"},
            {OnCallRole, "onCall"},
            {OnCallJidRole, "onCallJid"}};
}

} // namespace Ui
