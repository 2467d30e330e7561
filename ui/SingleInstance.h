// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocalServer>
#include <QObject>
#include <QString>

namespace Ui {

/// One Rounds window per user session: the first start listens on a local
/// socket in the user's runtime folder; a later start finds it there, asks it
/// to come to the front and exits. A socket file that nobody answers on (left
/// by a crash) is removed and taken over, and `notice()` says so.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Outcome {
        Primary,        ///< this process is the instance; activationRequested() follows
        AlreadyRunning, ///< another instance was asked to show itself: exit
        Unavailable,    ///< no socket could be made; run alone (notice() says why)
    };

    /// `name`: the socket's file name in the runtime folder, or an absolute path.
    explicit SingleInstance(QString name, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// Becomes the instance, or wakes the one that runs. Waits at most
    /// `timeoutMs` for a running instance to answer.
    Outcome claim(int timeoutMs = 2000);
    /// What happened that the user should know (stale socket removed, no
    /// socket possible); empty otherwise. Translated.
    QString notice() const { return m_notice; }
    /// The socket's full path.
    QString socketPath() const { return m_path; }

    /// Default name: per user (the runtime folder is the user's own).
    static QString defaultName();

Q_SIGNALS:
    /// Another start asked this instance to show its window.
    void activationRequested();

private:
    bool listen();
    void onConnection();

    QString m_path;
    QString m_notice;
    QLocalServer m_server;
};

} // namespace Ui
