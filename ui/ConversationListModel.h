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

/// The account's conversations from its encrypted store, most recent first,
/// with unread counts. The last message's text is shown only where
/// `showPreview` allows (off by default: organisation policy decides).
/// Follows new messages, sends and reads as they are stored. Conversations with
/// an incoming urgent/STAT message still waiting for our acknowledgement
/// (ClinicalService::attentionNeeded until acknowledged or recalled) come first.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool showPreview READ showPreview WRITE setShowPreview NOTIFY showPreviewChanged)
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    /// How many conversations wait for an acknowledgement (pinned at the top).
    Q_PROPERTY(int attentionCount READ attentionCount NOTIFY attentionCountChanged)
public:
    enum Role {
        ConversationRole = Qt::UserRole + 1, ///< bare JID
        NameRole,                            ///< roster name, or the JID
        LastActivityRole,
        UnreadRole,
        PreviewRole,       ///< last text; empty unless showPreview
        LastOutgoingRole,  ///< the last message was ours
        EncryptedRole,     ///< the last message came end-to-end encrypted
        UndecryptableRole, ///< the last message could not be decrypted
        RoomRole,          ///< a care-team room (senders differ per message)
        NeedsAckRole,      ///< an urgent/STAT message here waits for our acknowledgement
        PriorityRole,      ///< highest priority waiting: "stat", "urgent", or ""
    };
    Q_ENUM(Role)

    explicit ConversationListModel(QObject *parent = nullptr);
    ~ConversationListModel() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    bool showPreview() const { return m_showPreview; }
    void setShowPreview(bool show);
    int totalUnread() const { return m_totalUnread; }
    bool isLoaded() const { return m_loaded; }
    int attentionCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Row of that conversation, or -1.
    Q_INVOKABLE int indexOf(const QString &jid) const;
    /// The next conversation with unread messages after `current` (before it
    /// when `forward` is false), wrapping around; empty when none has any.
    Q_INVOKABLE QString nextUnread(const QString &current, bool forward = true) const;
    /// Reads the list again from the store (also done by itself on changes).
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void sessionChanged();
    void showPreviewChanged();
    void totalUnreadChanged();
    void loadedChanged();
    void attentionCountChanged();

private:
    struct Row
    {
        Store::ConversationSummary summary;
        Store::Protection protection = Store::Protection::Plain;
    };

    void followSessionAccount();
    void apply(QList<Store::ConversationSummary> summaries);
    void fetchProtection(const QString &conversation, qint64 lastRowId);
    void setProtection(const QString &conversation, qint64 rowId, Store::Protection protection);
    void onAttentionNeeded(const QString &messageId);
    void dropAttention(const QString &messageId);
    /// Highest priority waiting for an acknowledgement in `conversation` (0: none).
    int attentionPriority(const QString &conversation) const;

    QPointer<Session> m_session;
    QPointer<Account::Account> m_account; ///< the account followed
    QList<Row> m_rows;
    QTimer m_reload; ///< coalesces bursts of changes into one read
    bool m_showPreview = false;
    bool m_loaded = false;
    int m_totalUnread = 0;
    int m_attentionCount = 0;
    /// Incoming urgent/STAT message id -> its conversation and priority.
    QHash<QString, std::pair<QString, int>> m_attention;
    quint64 m_generation = 0; ///< drops answers meant for a previous account
};

} // namespace Ui
