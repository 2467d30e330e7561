// SPDX-License-Identifier: GPL-3.0-or-later
#include "SingleInstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocalSocket>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {
// What a second start writes; anything else on the socket is ignored.
constexpr char ActivateRequest[] = "activate\n";
} // namespace

SingleInstance::SingleInstance(QString name, QObject *parent)
    : QObject(parent)
{
    if (QDir::isAbsolutePath(name)) {
        m_path = std::move(name);
    } else {
        QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        if (dir.isEmpty())
            dir = QDir::tempPath();
        m_path = QDir(dir).filePath(name);
    }
    // Only this user may talk to it.
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultName()
{
    return u"rounds.instance"_s;
}

SingleInstance::Outcome SingleInstance::claim(int timeoutMs)
{
    m_notice.clear();
    QLocalSocket probe;
    probe.connectToServer(m_path);
    if (probe.waitForConnected(timeoutMs)) {
        probe.write(ActivateRequest);
        probe.flush();
        probe.waitForBytesWritten(timeoutMs);
        probe.disconnectFromServer();
        return Outcome::AlreadyRunning;
    }
    if (QFileInfo::exists(m_path)) {
        // Nobody answers: a previous run ended without removing its socket.
        QLocalServer::removeServer(m_path);
        if (QFileInfo::exists(m_path)) {
            m_notice = tr("Another Rounds may be running, but it does not answer and its "
                          "socket %1 cannot be removed. Close Rounds everywhere, or delete "
                          "that file, then start Rounds again.")
                           .arg(m_path);
            return Outcome::Unavailable;
        }
        m_notice = tr("Rounds did not close properly last time; its leftover socket %1 was "
                      "removed.")
                       .arg(m_path);
    }
    if (!listen())
        return Outcome::Unavailable;
    return Outcome::Primary;
}

bool SingleInstance::listen()
{
    if (m_server.listen(m_path))
        return true;
    m_notice = tr("Rounds cannot check whether it is already running (socket %1: %2). "
                  "A second start opens a second window.")
                   .arg(m_path, m_server.errorString());
    return false;
}

void SingleInstance::onConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            if (socket->readLine(64) == ActivateRequest)
                Q_EMIT activationRequested();
            socket->disconnectFromServer();
        });
    }
}

} // namespace Ui
