// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

/// A loopback TCP relay between a client under test and a real server, so a
/// test can fail the network the way a ward's Wi-Fi does: cut() resets every
/// relayed connection at once; stall() keeps them open but stops moving bytes
/// (a silent partition). TLS passes through untouched and is verified end to end.
class TcpProxy : public QObject
{
    Q_OBJECT
public:
    TcpProxy(QString targetHost, quint16 targetPort, QObject *parent = nullptr);
    ~TcpProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    void cut();
    /// Existing connections stop moving bytes but stay open; new ones work.
    void stallExisting();
    int connectionCount() const { return int(m_pairs.size()); }
    qint64 bytesFromServer() const { return m_bytesFromServer; }

private:
    struct Pair
    {
        std::unique_ptr<QTcpSocket> client;
        std::unique_ptr<QTcpSocket> upstream;
        QByteArray pendingToUpstream;
        bool stalled = false;
    };
    void onNewConnection();
    void pump(Pair *pair);
    void remove(Pair *pair);

    QString m_targetHost;
    quint16 m_targetPort;
    QTcpServer m_server;
    std::vector<std::unique_ptr<Pair>> m_pairs;
    qint64 m_bytesFromServer = 0;
};
