// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Transport.h"

#include <QList>
#include <QSslError>
#include <QTimer>

#include <memory>

class QWebSocket;

namespace Xmpp {

/// XMPP over WebSocket (RFC 7395) on QWebSocket: subprotocol "xmpp", one XML
/// element per text frame. TLS is verified against the system CAs plus the
/// settings' CA file; certificate problems are reported, never ignored.
class WebSocketTransport : public Transport
{
    Q_OBJECT
public:
    explicit WebSocketTransport(QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void open(const TransportSettings &settings) override;
    void send(const QString &frame) override;
    void close() override;
    void abort() override;
    bool isOpen() const override;
    bool isEncrypted() const override;

private:
    void onConnected();
    void onDisconnected();
    void failWith(Core::Error error);
    void discardSocket();
    void finish(bool clean, const Core::Error &error);

    std::unique_ptr<QWebSocket> m_socket;
    TransportSettings m_settings;
    QTimer m_connectTimer;
    QList<QSslError> m_sslErrors;
    std::optional<Core::Error> m_pendingError;
    bool m_open = false;
    bool m_closing = false;
    quint64 m_socketGeneration = 0; ///< which socket a deferred disconnect belongs to
};

} // namespace Xmpp
