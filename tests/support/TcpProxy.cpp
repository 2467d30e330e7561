// SPDX-License-Identifier: GPL-3.0-or-later
#include "TcpProxy.h"

#include <QTimer>

TcpProxy::TcpProxy(QString targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::onNewConnection);
}

TcpProxy::~TcpProxy()
{
    cut();
}

bool TcpProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpProxy::onNewConnection()
{
    while (QTcpSocket *incoming = m_server.nextPendingConnection()) {
        auto pair = std::make_unique<Pair>();
        Pair *p = pair.get();
        incoming->setParent(nullptr);
        p->client.reset(incoming);
        p->upstream = std::make_unique<QTcpSocket>();
        connect(p->client.get(), &QTcpSocket::readyRead, this, [this, p] { pump(p); });
        connect(p->upstream.get(), &QTcpSocket::readyRead, this, [this, p] { pump(p); });
        connect(p->upstream.get(), &QTcpSocket::connected, this, [this, p] { pump(p); });
        connect(p->client.get(), &QTcpSocket::disconnected, this,
                [this, p] { QTimer::singleShot(0, this, [this, p] { remove(p); }); });
        connect(p->upstream.get(), &QTcpSocket::disconnected, this,
                [this, p] { QTimer::singleShot(0, this, [this, p] { remove(p); }); });
        p->upstream->connectToHost(m_targetHost, m_targetPort);
        m_pairs.push_back(std::move(pair));
    }
}

void TcpProxy::pump(Pair *p)
{
    if (p->stalled)
        return;
    p->pendingToUpstream += p->client->readAll();
    if (p->upstream->state() == QAbstractSocket::ConnectedState &&
        !p->pendingToUpstream.isEmpty()) {
        p->upstream->write(p->pendingToUpstream);
        p->pendingToUpstream.clear();
    }
    const QByteArray fromServer = p->upstream->readAll();
    m_bytesFromServer += fromServer.size();
    if (!fromServer.isEmpty())
        p->client->write(fromServer);
}

void TcpProxy::remove(Pair *p)
{
    for (auto it = m_pairs.begin(); it != m_pairs.end(); ++it) {
        if (it->get() == p) {
            p->client->disconnect(this);
            p->upstream->disconnect(this);
            p->client->abort();
            p->upstream->abort();
            m_pairs.erase(it);
            return;
        }
    }
}

void TcpProxy::cut()
{
    auto pairs = std::move(m_pairs);
    m_pairs.clear();
    for (auto &p : pairs) {
        p->client->disconnect(this);
        p->upstream->disconnect(this);
        p->client->abort();
        p->upstream->abort();
    }
}

void TcpProxy::stallExisting()
{
    for (auto &p : m_pairs)
        p->stalled = true;
}
