// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContactListModel.h"

#include "Session.h"

#include "account/Account.h"

#include <QCollator>

#include <algorithm>

namespace Ui {

ContactListModel::ContactListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

ContactListModel::~ContactListModel() = default;

void ContactListModel::setSession(Session *session)
{
    if (followSession(this, m_session, session, &ContactListModel::followSessionAccount))
        Q_EMIT sessionChanged();
}

void ContactListModel::followSessionAccount()
{
    Account::Account *account = m_session ? m_session->account() : nullptr;
    if (account)
        attach(&account->roster(), &account->presence());
    else
        attach(nullptr, nullptr);
}

void ContactListModel::attach(Xmpp::RosterExtension *roster, Xmpp::PresenceExtension *presence)
{
    if (m_roster)
        disconnect(m_roster, nullptr, this, nullptr);
    if (m_presence)
        disconnect(m_presence, nullptr, this, nullptr);
    m_roster = roster;
    m_presence = presence;
    if (m_roster)
        connect(m_roster, &Xmpp::RosterExtension::rosterChanged, this, &ContactListModel::reload);
    if (m_presence)
        connect(m_presence, &Xmpp::PresenceExtension::presenceChanged, this,
                &ContactListModel::onPresenceChanged);
    reload();
}

void ContactListModel::reload()
{
    QList<Contact> contacts;
    if (m_roster) {
        for (const Xmpp::RosterItem &item : m_roster->items())
            contacts.append({item.jid, item.name.isEmpty() ? item.jid.bareString() : item.name});
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true); // "Bed 2" before "Bed 10"
    std::stable_sort(contacts.begin(), contacts.end(), [&](const Contact &a, const Contact &b) {
        return collator.compare(a.name, b.name) < 0;
    });
    beginResetModel();
    m_contacts = std::move(contacts);
    endResetModel();
}

void ContactListModel::onPresenceChanged(const Core::Jid &bare)
{
    for (qsizetype row = 0; row < m_contacts.size(); ++row) {
        if (m_contacts.at(row).jid == bare) {
            const QModelIndex changed = index(int(row));
            Q_EMIT dataChanged(changed, changed, {OnlineRole});
        }
    }
}

bool ContactListModel::isOnline(const Core::Jid &jid) const
{
    return m_presence && m_presence->isAvailable(jid);
}

int ContactListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_contacts.size());
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Contact &contact = m_contacts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return contact.name;
    case JidRole:
        return contact.jid.bareString();
    case OnlineRole:
        return isOnline(contact.jid);
    default:
        return {};
    }
}

QHash<int, QByteArray> ContactListModel::roleNames() const
{
    return {{JidRole, "jid"}, {NameRole, "name"}, {OnlineRole, "online"}};
}

int ContactListModel::indexOf(const QString &jid) const
{
    const Core::Jid wanted = Core::Jid(jid).bare();
    for (qsizetype row = 0; row < m_contacts.size(); ++row)
        if (m_contacts.at(row).jid == wanted)
            return int(row);
    return -1;
}

} // namespace Ui
