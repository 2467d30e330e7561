// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QIcon>
#include <QObject>
#include <QPointer>

#include <memory>

namespace Ui {
class ConversationListModel;
class ConversationModel;
} // namespace Ui

class QMenu;
class QQuickWindow;
class QSystemTrayIcon;

namespace Desktop {

/// What the window needs from the desktop around it: the window icon, a tray
/// icon that shows whether anything is unread, desktop notifications (through
/// the freedesktop notification service, the tray as fallback), the window's
/// size and place remembered between runs, and bringing the window to the
/// front when a second start asks for it.
class DesktopShell : public QObject
{
    Q_OBJECT
public:
    /// `window` is Main.qml's root; its children named conversationListModel,
    /// conversationModel and messageNotifier are looked up once.
    explicit DesktopShell(QQuickWindow *window, QObject *parent = nullptr);
    ~DesktopShell() override;

    /// The application icon (compiled in; the svg image plugin draws it).
    static QIcon appIcon();

    /// Brings the window to the front (a second start, a notification click).
    void activateWindow();

private:
    void restoreGeometry();
    void saveGeometry();
    void setUpTray();
    void updateUnread();
    /// `critical`: an urgent/STAT message waiting for acknowledgement; shown with
    /// critical urgency (stays until dismissed) and not replaced by routine ones.
    void notify(const QString &title, const QString &body, const QString &conversation,
                bool critical = false);
    void openConversation(const QString &jid);

private Q_SLOTS:
    /// The freedesktop service's ActionInvoked (a notification was clicked).
    void onNotificationAction(uint id, const QString &action);

private:
    QPointer<QQuickWindow> m_window;
    QPointer<Ui::ConversationListModel> m_conversations;
    QPointer<Ui::ConversationModel> m_conversation;
    QIcon m_icon;
    std::unique_ptr<QSystemTrayIcon> m_tray;
    std::unique_ptr<QMenu> m_trayMenu;
    uint m_lastNotification = 0;                ///< replaced by the next one
    QHash<uint, QString> m_notificationTargets; ///< notification id -> conversation
    bool m_notificationServiceFailed = false;
};

} // namespace Desktop
