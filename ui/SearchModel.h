// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include "store/StoreTypes.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace Account {
class Account;
}

namespace Ui {

/// Full-text search over the account's history (the store's FTS index), newest
/// first: conversation, time and a snippet around the first word found. Each
/// search is audited, never with the words searched for.
class SearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /// Setting it searches after a short pause in typing; empty clears the results.
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool searching READ isSearching NOTIFY searchingChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        ConversationRole = Qt::UserRole + 1,
        NameRole,
        TimeRole,
        SnippetRole,
        RowIdRole,
        OutgoingRole,
    };
    Q_ENUM(Role)

    static constexpr int Limit = 50;
    static constexpr int SnippetContext = 40; ///< characters either side of the word found

    explicit SearchModel(QObject *parent = nullptr);
    ~SearchModel() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    bool isSearching() const { return m_searching; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Searches for `query` now.
    Q_INVOKABLE void search();
    Q_INVOKABLE void clear();

    /// A piece of `body` around the first of `query`'s words it contains.
    static QString snippet(const QString &body, const QString &query);

Q_SIGNALS:
    void sessionChanged();
    void queryChanged();
    void searchingChanged();
    void countChanged();

private:
    void followSessionAccount();
    void setResults(QList<Store::StoredMessage> results);
    void setSearching(bool searching);

    QPointer<Session> m_session;
    QPointer<Account::Account> m_account;
    QString m_query;
    QList<Store::StoredMessage> m_results;
    QTimer m_typing;
    bool m_searching = false;
    quint64 m_generation = 0;
};

} // namespace Ui
