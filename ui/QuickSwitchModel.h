// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// What the Ctrl+K quick switcher offers: the conversations (most recent
/// first, rooms among them), then the contacts without one, filtered as the
/// user types. Matching ignores case and accents; names whose words start with
/// the filter come before names that merely contain it.
class QuickSwitchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// A ConversationListModel (roles conversation, name, unread, room).
    Q_PROPERTY(QAbstractItemModel *conversations READ conversations WRITE setConversations NOTIFY
                   conversationsChanged)
    /// A ContactListModel (roles jid, name).
    Q_PROPERTY(QAbstractItemModel *contacts READ contacts WRITE setContacts NOTIFY contactsChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
public:
    enum Role {
        JidRole = Qt::UserRole + 1,
        NameRole,
        KindRole, ///< "conversation", "room" or "contact"
        UnreadRole,
    };
    Q_ENUM(Role)

    explicit QuickSwitchModel(QObject *parent = nullptr);
    ~QuickSwitchModel() override;

    QAbstractItemModel *conversations() const { return m_conversations; }
    void setConversations(QAbstractItemModel *model);
    QAbstractItemModel *contacts() const { return m_contacts; }
    void setContacts(QAbstractItemModel *model);
    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The address in that row, or empty.
    Q_INVOKABLE QString jidAt(int row) const;

Q_SIGNALS:
    void conversationsChanged();
    void contactsChanged();
    void filterChanged();

private:
    struct Entry
    {
        QString jid;
        QString name;
        QString kind;
        int unread = 0;
    };

    void watch(QAbstractItemModel *model);
    void rebuild();
    /// 0: a word of the name starts with the filter; 1: name or address
    /// contains it; -1: no match.
    int rank(const Entry &entry) const;
    static QString folded(const QString &text);

    QPointer<QAbstractItemModel> m_conversations;
    QPointer<QAbstractItemModel> m_contacts;
    QString m_filter;
    QString m_foldedFilter;
    QList<Entry> m_entries;
};

} // namespace Ui
