// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/WebSocketTransport.h"

#include <QFile>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

Q_LOGGING_CATEGORY(lcTransport, "rounds.xmpp.transport", QtInfoMsg)

namespace Xmpp {

using Core::Error;

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Error socketError(QAbstractSocket::SocketError error, const QString &text)
{
    switch (error) {
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return Error{Error::Code::Tls, text};
    case QAbstractSocket::SocketTimeoutError:
        return Error{Error::Code::Timeout, text};
    default:
        return Error{Error::Code::Network, text};
    }
}

} // namespace

Core::Result<void> validateTransportSettings(const TransportSettings &settings)
{
    const QUrl &url = settings.url;
    if (!url.isValid() || url.host().isEmpty())
        return Core::fail(Error::Code::Policy, QStringLiteral("invalid server URL"));
    const QString scheme = url.scheme().toLower();
    if (scheme == u"wss")
        return {};
    if (scheme == u"ws") {
        if (!settings.allowInsecureLoopback)
            return Core::fail(Error::Code::Policy,
                              QStringLiteral("ws:// is refused; use wss://, or the developer "
                                             "flag for a loopback server"));
        if (!isLoopbackHost(url.host()))
            return Core::fail(Error::Code::Policy,
                              QStringLiteral("ws:// is only allowed to a loopback address"));
        return {};
    }
    return Core::fail(Error::Code::Policy, QStringLiteral("unsupported URL scheme %1").arg(scheme));
}

WebSocketTransport::WebSocketTransport(QObject *parent)
    : Transport(parent)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        failWith(Error{Error::Code::Timeout, QStringLiteral("WebSocket connect timed out")});
    });
}

WebSocketTransport::~WebSocketTransport()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void WebSocketTransport::open(const TransportSettings &settings)
{
    discardSocket();
    m_settings = settings;
    m_sslErrors.clear();
    m_pendingError.reset();
    m_open = false;
    m_closing = false;

    if (auto valid = validateTransportSettings(settings); !valid) {
        const Error error = valid.error();
        QTimer::singleShot(0, this, [this, error] { Q_EMIT closed(false, error); });
        return;
    }

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    if (!settings.caFile.isEmpty()) {
        const auto certificates = QSslCertificate::fromPath(settings.caFile, QSsl::Pem);
        if (certificates.isEmpty()) {
            const Error error{Error::Code::Tls,
                              QStringLiteral("the CA file could not be read or holds no "
                                             "PEM certificate")};
            QTimer::singleShot(0, this, [this, error] { Q_EMIT closed(false, error); });
            return;
        }
        ssl.addCaCertificates(certificates);
    }

    m_socket = std::make_unique<QWebSocket>(QString(), QWebSocketProtocol::VersionLatest);
    m_socket->setSslConfiguration(ssl);
    m_socket->setMaxAllowedIncomingFrameSize(4 * 1024 * 1024);
    m_socket->setMaxAllowedIncomingMessageSize(4 * 1024 * 1024);

    connect(m_socket.get(), &QWebSocket::connected, this, &WebSocketTransport::onConnected);
    // QWebSocket parses what arrived through a queued call, so the last frames
    // before the server hung up (a stream error saying why, its </close>) are
    // still waiting when `disconnected` comes. Handle the disconnect after them,
    // and only if this socket is still ours by then.
    const quint64 generation = ++m_socketGeneration;
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this, generation] {
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (m_socket && generation == m_socketGeneration)
                    onDisconnected();
            },
            Qt::QueuedConnection);
    });
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &frame) {
        if (m_open)
            Q_EMIT frameReceived(frame);
    });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        failWith(Error{Error::Code::Stanza, QStringLiteral("binary WebSocket frame")});
    });
    connect(m_socket.get(), &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: recorded so the failure names the certificate problem.
        m_sslErrors = errors;
    });
    connect(m_socket.get(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) {
                if (!m_pendingError)
                    m_pendingError = socketError(error, m_socket->errorString());
            });

    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QStringLiteral("xmpp")});
    m_connectTimer.start(settings.connectTimeoutMs);
    qCInfo(lcTransport) << "connecting to" << settings.url.host() << "port"
                        << settings.url.port(settings.url.scheme() == u"wss" ? 443 : 80);
    m_socket->open(QNetworkRequest(settings.url), options);
}

void WebSocketTransport::onConnected()
{
    m_connectTimer.stop();
    if (m_socket->subprotocol() != u"xmpp") {
        failWith(Error{Error::Code::Stanza,
                       QStringLiteral("server did not accept the xmpp WebSocket subprotocol")});
        return;
    }
    if (!m_settings.pinnedSha256.isEmpty()) {
        const QSslCertificate peer = m_socket->sslConfiguration().peerCertificate();
        const QByteArray actual = peer.digest(QCryptographicHash::Sha256).toHex();
        QByteArray pin = m_settings.pinnedSha256.toLower();
        pin.replace(':', QByteArray());
        if (peer.isNull() || actual != pin) {
            failWith(Error{Error::Code::Tls,
                           QStringLiteral("the server certificate does not match the pinned "
                                          "fingerprint (got %1)")
                               .arg(QString::fromLatin1(actual))});
            return;
        }
    }
    m_open = true;
    qCInfo(lcTransport) << "connected, encrypted:" << isEncrypted();
    Q_EMIT opened();
}

void WebSocketTransport::onDisconnected()
{
    m_connectTimer.stop();
    if (m_closing) {
        finish(true, {});
        return;
    }
    Error error;
    if (!m_sslErrors.isEmpty()) {
        QStringList problems;
        for (const QSslError &e : std::as_const(m_sslErrors))
            problems << e.errorString();
        error = Error{Error::Code::Tls, problems.join(QStringLiteral("; "))};
    } else if (m_pendingError) {
        error = *m_pendingError;
    } else {
        const auto code =
            m_socket ? m_socket->closeCode() : QWebSocketProtocol::CloseCodeAbnormalDisconnection;
        error = Error{Error::Code::Network,
                      QStringLiteral("connection closed (WebSocket code %1)").arg(int(code))};
    }
    finish(false, error);
}

void WebSocketTransport::failWith(Core::Error error)
{
    if (!m_socket)
        return;
    m_pendingError = std::move(error);
    discardSocket();
    onDisconnected();
}

void WebSocketTransport::discardSocket()
{
    if (!m_socket)
        return;
    // Aborting a TLS socket inside its own readyRead chain (a frame handler that
    // gives up on the stream) crashes Qt 6.4's OpenSSL backend when the stack
    // unwinds. Detach at once, abort on the next turn of the event loop.
    QWebSocket *socket = m_socket.release();
    socket->disconnect(this);
    QTimer::singleShot(0, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}

void WebSocketTransport::finish(bool clean, const Core::Error &error)
{
    const bool wasOpen = m_open;
    m_open = false;
    discardSocket();
    qCInfo(lcTransport) << "closed; clean:" << clean << "was open:" << wasOpen
                        << "reason:" << Core::errorCodeName(error.code) << error.detail;
    Q_EMIT closed(clean, error);
}

void WebSocketTransport::send(const QString &frame)
{
    if (m_socket && m_open)
        m_socket->sendTextMessage(frame);
}

void WebSocketTransport::close()
{
    if (!m_socket)
        return;
    m_closing = true;
    // The XMPP stream is closed (both <close/> elements crossed, or the server
    // stopped answering), so nothing is left to flush. QWebSocket::close() from
    // inside a frame handler re-enters Qt 6.4's OpenSSL backend and crashes, so
    // the socket is dropped on the next turn of the event loop instead.
    QTimer::singleShot(0, this, [this, socket = m_socket.get()] {
        if (!m_closing || m_socket.get() != socket)
            return; // already closed, or a new connection replaced it
        finish(true, {});
    });
}

void WebSocketTransport::abort()
{
    if (!m_socket)
        return;
    failWith(
        m_pendingError.value_or(Error{Error::Code::Network, QStringLiteral("connection aborted")}));
}

bool WebSocketTransport::isOpen() const
{
    return m_open;
}

bool WebSocketTransport::isEncrypted() const
{
    return m_open && m_settings.url.scheme() == u"wss";
}

} // namespace Xmpp
