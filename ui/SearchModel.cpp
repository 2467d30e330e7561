// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchModel.h"

#include "Session.h"

#include "account/Account.h"
#include "store/MessageStore.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
constexpr int TypingPauseMs = 250;
} // namespace

SearchModel::SearchModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_typing.setSingleShot(true);
    m_typing.setInterval(TypingPauseMs);
    connect(&m_typing, &QTimer::timeout, this, &SearchModel::search);
}

SearchModel::~SearchModel() = default;

void SearchModel::setSession(Session *session)
{
    if (followSession(this, m_session, session, &SearchModel::followSessionAccount))
        Q_EMIT sessionChanged();
}

void SearchModel::followSessionAccount()
{
    Account::Account *account = m_session ? m_session->account() : nullptr;
    if (account == m_account && account)
        return;
    m_account = account;
    clear();
}

void SearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    if (m_query.trimmed().isEmpty()) {
        m_typing.stop();
        ++m_generation;
        setSearching(false);
        setResults({});
    } else {
        m_typing.start();
    }
}

void SearchModel::clear()
{
    m_typing.stop();
    ++m_generation;
    setSearching(false);
    if (!m_query.isEmpty()) {
        m_query.clear();
        Q_EMIT queryChanged();
    }
    setResults({});
}

void SearchModel::search()
{
    m_typing.stop();
    const QString query = m_query.trimmed();
    if (query.isEmpty() || !m_account || !m_account->messageStore())
        return;
    const quint64 generation = ++m_generation;
    setSearching(true);
    m_account->audit(Core::AuditEntry::Action::Search); // never the words
    m_account->messageStore()
        ->search(query, Limit)
        .then(this, [this, generation](Core::Result<QList<Store::StoredMessage>> found) {
            if (generation != m_generation)
                return;
            setSearching(false);
            if (!found) {
                qWarning("search failed: %s", qPrintable(found.error().detail));
                setResults({});
                return;
            }
            setResults(std::move(*found));
        });
}

void SearchModel::setResults(QList<Store::StoredMessage> results)
{
    if (results.isEmpty() && m_results.isEmpty())
        return;
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
    Q_EMIT countChanged();
}

void SearchModel::setSearching(bool searching)
{
    if (searching == m_searching)
        return;
    m_searching = searching;
    Q_EMIT searchingChanged();
}

QString SearchModel::snippet(const QString &body, const QString &query)
{
    const QString flat = QString(body).replace(u'\n', u' ');
    qsizetype at = -1;
    qsizetype length = 0;
    static const QRegularExpression words(u"[\\s\"]+"_s);
    for (QString word : query.split(words, Qt::SkipEmptyParts)) {
        if (word.endsWith(u'*'))
            word.chop(1);
        if (word.isEmpty())
            continue;
        const qsizetype found = flat.indexOf(word, 0, Qt::CaseInsensitive);
        if (found >= 0 && (at < 0 || found < at)) {
            at = found;
            length = word.size();
        }
    }
    if (at < 0)
        return flat.left(2 * SnippetContext);
    const qsizetype from = std::max<qsizetype>(0, at - SnippetContext);
    const qsizetype to = std::min<qsizetype>(flat.size(), at + length + SnippetContext);
    QString out = flat.mid(from, to - from);
    if (from > 0)
        out.prepend(u'…');
    if (to < flat.size())
        out.append(u'…');
    return out;
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::StoredMessage &m = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SnippetRole:
        return snippet(m.body, m_query);
    case ConversationRole:
        return m.conversation;
    case NameRole:
        return m_session ? m_session->displayName(m.conversation) : m.conversation;
    case TimeRole:
        return m.timestamp.toLocalTime();
    case RowIdRole:
        return m.rowId;
    case OutgoingRole:
        return m.direction == Store::Direction::Outgoing;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{ConversationRole, "conversation"}, {NameRole, "name"},   {TimeRole, "time"},
            {SnippetRole, "snippet"},           {RowIdRole, "rowId"}, {OutgoingRole, "outgoing"}};
}

} // namespace Ui
