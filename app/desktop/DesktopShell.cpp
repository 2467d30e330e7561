// SPDX-License-Identifier: GPL-3.0-or-later
#include "DesktopShell.h"

#include "ConversationListModel.h"
#include "ConversationModel.h"
#include "MessageNotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMenu>
#include <QPainter>
#include <QQuickWindow>
#include <QScreen>
#include <QSettings>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace Desktop {

namespace {

const QString NotificationsService = u"org.freedesktop.Notifications"_s;
const QString NotificationsPath = u"/org/freedesktop/Notifications"_s;

// The tray icon with a dot when something is unread (the count is in the tooltip).
QIcon withBadge(const QIcon &base)
{
    QIcon icon;
    for (const int side : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(side, side);
        if (pixmap.isNull())
            continue;
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal r = side * 0.22;
        painter.setPen(QPen(Qt::white, std::max(1.0, side / 16.0)));
        painter.setBrush(QColor(0xb0, 0x00, 0x20));
        painter.drawEllipse(QPointF(side - r - 1, r + 1), r, r);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon.isNull() ? base : icon;
}

} // namespace

DesktopShell::DesktopShell(QQuickWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_icon(appIcon())
{
    m_window->setIcon(m_icon);
    m_conversations = m_window->findChild<Ui::ConversationListModel *>(u"conversationListModel"_s);
    m_conversation = m_window->findChild<Ui::ConversationModel *>(u"conversationModel"_s);
    restoreGeometry();
    connect(qApp, &QCoreApplication::aboutToQuit, this, &DesktopShell::saveGeometry);

    if (auto *notifier = m_window->findChild<Ui::MessageNotifier *>(u"messageNotifier"_s)) {
        connect(notifier, &Ui::MessageNotifier::notificationRequested, this,
                [this](const QString &title, const QString &body, const QString &conversation) {
                    notify(title, body, conversation);
                });
        connect(notifier, &Ui::MessageNotifier::urgentNotificationRequested, this,
                [this](const QString &title, const QString &conversation, const QString &) {
                    notify(title, QString(), conversation, true);
                });
    }
    QDBusConnection::sessionBus().connect(NotificationsService, NotificationsPath,
                                          NotificationsService, u"ActionInvoked"_s, this,
                                          SLOT(onNotificationAction(uint, QString)));
    setUpTray();
}

DesktopShell::~DesktopShell() = default;

QIcon DesktopShell::appIcon()
{
    QIcon icon(u":/rounds/icons/rounds.svg"_s);
    if (icon.pixmap(32, 32).isNull()) {
        qWarning("rounds: cannot draw the window icon: Qt's SVG image plugin is missing "
                 "(Debian package libqt6svg6)");
        return QIcon::fromTheme(u"rounds"_s);
    }
    return icon;
}

void DesktopShell::activateWindow()
{
    if (!m_window)
        return;
    m_window->setWindowStates(m_window->windowStates() & ~Qt::WindowMinimized);
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

void DesktopShell::restoreGeometry()
{
    QSettings settings;
    settings.beginGroup(u"window"_s);
    const QRect saved = settings.value(u"geometry"_s).toRect();
    const bool maximized = settings.value(u"maximized"_s, false).toBool();
    settings.endGroup();
    if (saved.isValid()) {
        // Only where a screen still is (a monitor may have gone since).
        for (const QScreen *screen : QGuiApplication::screens()) {
            if (screen->availableGeometry().intersects(saved)) {
                m_window->setGeometry(saved);
                break;
            }
        }
    }
    if (maximized)
        m_window->setWindowStates(Qt::WindowMaximized);
}

void DesktopShell::saveGeometry()
{
    if (!m_window)
        return;
    QSettings settings;
    settings.beginGroup(u"window"_s);
    const bool maximized = m_window->windowStates().testFlag(Qt::WindowMaximized);
    settings.setValue(u"maximized"_s, maximized);
    if (!maximized && !m_window->windowStates().testFlag(Qt::WindowMinimized))
        settings.setValue(u"geometry"_s, m_window->geometry());
    settings.endGroup();
}

void DesktopShell::setUpTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        qInfo("rounds: no system tray here; unread messages show in the window only");
        return;
    }
    m_trayMenu = std::make_unique<QMenu>();
    m_trayMenu->addAction(tr("Show Rounds"), this, &DesktopShell::activateWindow);
    m_trayMenu->addSeparator();
    m_trayMenu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
    m_tray = std::make_unique<QSystemTrayIcon>(m_icon);
    m_tray->setContextMenu(m_trayMenu.get());
    connect(m_tray.get(), &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    activateWindow();
            });
    connect(m_tray.get(), &QSystemTrayIcon::messageClicked, this, &DesktopShell::activateWindow);
    if (m_conversations)
        connect(m_conversations, &Ui::ConversationListModel::totalUnreadChanged, this,
                &DesktopShell::updateUnread);
    updateUnread();
    m_tray->show();
}

void DesktopShell::updateUnread()
{
    if (!m_tray)
        return;
    const int unread = m_conversations ? m_conversations->totalUnread() : 0;
    // A count only: no names, no text.
    m_tray->setIcon(unread > 0 ? withBadge(m_icon) : m_icon);
    m_tray->setToolTip(unread > 0 ? tr("Rounds: %n unread", nullptr, unread) : tr("Rounds"));
}

void DesktopShell::notify(const QString &title, const QString &body, const QString &conversation,
                          bool critical)
{
    if (!m_notificationServiceFailed) {
        QDBusMessage call = QDBusMessage::createMethodCall(NotificationsService, NotificationsPath,
                                                           NotificationsService, u"Notify"_s);
        QVariantMap hints{{u"desktop-entry"_s, u"rounds"_s}, {u"category"_s, u"im.received"_s}};
        if (critical)
            hints.insert(u"urgency"_s, QVariant::fromValue<uchar>(2));
        // Routine ones replace each other; a page waiting for acknowledgement stays.
        call << QCoreApplication::applicationName() << (critical ? 0u : m_lastNotification)
             << u"rounds"_s << title << body << QStringList{u"default"_s, tr("Open")} << hints
             << int(critical ? 0 : -1);
        auto *watcher =
            new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, watcher, title, body, conversation, critical] {
                    watcher->deleteLater();
                    QDBusPendingReply<uint> reply = *watcher;
                    if (reply.isValid()) {
                        if (!critical)
                            m_lastNotification = reply.value();
                        m_notificationTargets.insert(reply.value(), conversation);
                        return;
                    }
                    // No notification service: the tray shows it, when there is one.
                    qInfo("rounds: desktop notifications unavailable; using the tray");
                    m_notificationServiceFailed = true;
                    notify(title, body, conversation, critical);
                });
        return;
    }
    if (m_tray)
        m_tray->showMessage(title, body,
                            critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information);
}

void DesktopShell::onNotificationAction(uint id, const QString &action)
{
    const auto target = m_notificationTargets.constFind(id);
    if (target == m_notificationTargets.cend() || action != u"default"_s)
        return;
    openConversation(*target);
    activateWindow();
}

void DesktopShell::openConversation(const QString &jid)
{
    if (!jid.isEmpty() && m_conversation)
        m_conversation->setPeer(jid);
}

} // namespace Desktop
