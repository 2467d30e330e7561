// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include "store/StoreTypes.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace Account {
class Account;
}

namespace Ui {

/// Decides which newly arrived messages deserve a desktop notification and
/// what it may say. By default only who wrote ("New message from Ana Ruiz"),
/// never the text: `notificationDetail` is "none" (only "New message"),
/// "sender" (default) or "preview" (the text too, where org policy allows).
/// Nothing for a conversation that is on screen in the focused window; only
/// "New message" while the window is locked. Arrivals within a short moment
/// become one notification ("3 new messages"). The desktop shell shows what
/// notificationRequested() carries (app/desktop).
///
/// Urgent and STAT messages are notified on their own, and again at every
/// reminder of ClinicalService::attentionNeeded until acknowledged, also while
/// their conversation is on screen: the title names the priority and (per
/// `notificationDetail`, never while locked) the sender, never the text.
class MessageNotifier : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString notificationDetail READ notificationDetail WRITE setNotificationDetail NOTIFY
                   notificationDetailChanged)
    /// The conversation shown in the window (bare JID), empty when none.
    Q_PROPERTY(QString openConversation READ openConversation WRITE setOpenConversation NOTIFY
                   openConversationChanged)
    /// The window has the keyboard focus (and shows the conversation view).
    Q_PROPERTY(
        bool windowActive READ isWindowActive WRITE setWindowActive NOTIFY windowActiveChanged)
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY enabledChanged)
public:
    explicit MessageNotifier(QObject *parent = nullptr);
    ~MessageNotifier() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString notificationDetail() const { return m_detail; }
    /// Unknown names count as "none", the most private.
    void setNotificationDetail(const QString &detail);
    QString openConversation() const { return m_openConversation; }
    void setOpenConversation(const QString &jid);
    bool isWindowActive() const { return m_windowActive; }
    void setWindowActive(bool active);
    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);

    /// Newly stored messages (MessagePipeline::messagesStored); public for tests.
    void onMessagesStored(const QList<Store::StoredMessage> &messages);
    /// Sends what was collected now instead of after the coalescing delay.
    void flush();
    /// An urgent/STAT message waits for our acknowledgement (again); public for tests.
    void onAttentionNeeded(const QString &messageId);

    static constexpr int CoalesceMs = 400;
    static constexpr int PreviewLength = 120;

Q_SIGNALS:
    void sessionChanged();
    void notificationDetailChanged();
    void openConversationChanged();
    void windowActiveChanged();
    void enabledChanged();
    /// Show this. `conversation` is the one to open when it is clicked (empty
    /// when the notification covers several). Translated; `body` may be empty.
    void notificationRequested(const QString &title, const QString &body,
                               const QString &conversation);
    /// The same for an urgent/STAT message waiting for acknowledgement: the
    /// shell shows it as critical. `priority` is "urgent" or "stat".
    void urgentNotificationRequested(const QString &title, const QString &conversation,
                                     const QString &priority);

private:
    void followSessionAccount();
    void notifyAttention(const Store::StoredMessage &message);
    bool wanted(const Store::StoredMessage &message) const;

    QPointer<Session> m_session;
    QPointer<Account::Account> m_account;
    QString m_detail = QStringLiteral("sender");
    QString m_openConversation;
    bool m_windowActive = false;
    bool m_enabled = true;
    QTimer m_coalesce;
    QList<Store::StoredMessage> m_pending;
};

} // namespace Ui
