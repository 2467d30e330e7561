// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuickSwitchModel.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

int roleOf(const QAbstractItemModel *model, const QByteArray &name)
{
    return model ? model->roleNames().key(name, -1) : -1;
}

} // namespace

QuickSwitchModel::QuickSwitchModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

QuickSwitchModel::~QuickSwitchModel() = default;

void QuickSwitchModel::setConversations(QAbstractItemModel *model)
{
    if (model == m_conversations)
        return;
    if (m_conversations)
        disconnect(m_conversations, nullptr, this, nullptr);
    m_conversations = model;
    watch(model);
    rebuild();
    Q_EMIT conversationsChanged();
}

void QuickSwitchModel::setContacts(QAbstractItemModel *model)
{
    if (model == m_contacts)
        return;
    if (m_contacts)
        disconnect(m_contacts, nullptr, this, nullptr);
    m_contacts = model;
    watch(model);
    rebuild();
    Q_EMIT contactsChanged();
}

void QuickSwitchModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_foldedFilter = folded(filter.trimmed());
    rebuild();
    Q_EMIT filterChanged();
}

void QuickSwitchModel::watch(QAbstractItemModel *model)
{
    if (!model)
        return;
    const auto again = [this] { rebuild(); };
    connect(model, &QAbstractItemModel::modelReset, this, again);
    connect(model, &QAbstractItemModel::rowsInserted, this, again);
    connect(model, &QAbstractItemModel::rowsRemoved, this, again);
    connect(model, &QAbstractItemModel::rowsMoved, this, again);
    connect(model, &QAbstractItemModel::dataChanged, this, again);
    connect(model, &QAbstractItemModel::layoutChanged, this, again);
}

QString QuickSwitchModel::folded(const QString &text)
{
    // "José" matches "jose": decomposed, without the combining marks.
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toCaseFolded());
    return out;
}

int QuickSwitchModel::rank(const Entry &entry) const
{
    if (m_foldedFilter.isEmpty())
        return 0;
    const QString name = folded(entry.name);
    if (name.startsWith(m_foldedFilter))
        return 0;
    for (qsizetype at = name.indexOf(m_foldedFilter); at > 0;
         at = name.indexOf(m_foldedFilter, at + 1))
        if (!name.at(at - 1).isLetterOrNumber())
            return 0;
    if (name.contains(m_foldedFilter) || folded(entry.jid).contains(m_foldedFilter))
        return 1;
    return -1;
}

void QuickSwitchModel::rebuild()
{
    QList<Entry> all;
    QSet<QString> seen;
    if (m_conversations) {
        const int jidRole = roleOf(m_conversations, "conversation");
        const int nameRole = roleOf(m_conversations, "name");
        const int unreadRole = roleOf(m_conversations, "unread");
        const int roomRole = roleOf(m_conversations, "room");
        for (int row = 0; row < m_conversations->rowCount(); ++row) {
            const QModelIndex at = m_conversations->index(row, 0);
            Entry entry{at.data(jidRole).toString(), at.data(nameRole).toString(),
                        roomRole >= 0 && at.data(roomRole).toBool() ? u"room"_s : u"conversation"_s,
                        unreadRole >= 0 ? at.data(unreadRole).toInt() : 0};
            if (entry.jid.isEmpty() || seen.contains(entry.jid))
                continue;
            seen.insert(entry.jid);
            all.append(entry);
        }
    }
    if (m_contacts) {
        const int jidRole = roleOf(m_contacts, "jid");
        const int nameRole = roleOf(m_contacts, "name");
        for (int row = 0; row < m_contacts->rowCount(); ++row) {
            const QModelIndex at = m_contacts->index(row, 0);
            Entry entry{at.data(jidRole).toString(), at.data(nameRole).toString(), u"contact"_s, 0};
            if (entry.jid.isEmpty() || seen.contains(entry.jid))
                continue;
            seen.insert(entry.jid);
            all.append(entry);
        }
    }
    QList<std::pair<int, Entry>> ranked;
    for (const Entry &entry : std::as_const(all))
        if (const int r = rank(entry); r >= 0)
            ranked.append({r, entry});
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });

    beginResetModel();
    m_entries.clear();
    for (const auto &[r, entry] : std::as_const(ranked))
        m_entries.append(entry);
    endResetModel();
}

int QuickSwitchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant QuickSwitchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return entry.name;
    case JidRole:
        return entry.jid;
    case KindRole:
        return entry.kind;
    case UnreadRole:
        return entry.unread;
    default:
        return {};
    }
}

QHash<int, QByteArray> QuickSwitchModel::roleNames() const
{
    return {{JidRole, "jid"}, {NameRole, "name"}, {KindRole, "kind"}, {UnreadRole, "unread"}};
}

QString QuickSwitchModel::jidAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).jid : QString();
}

} // namespace Ui
