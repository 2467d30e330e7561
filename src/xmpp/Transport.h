// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

namespace Xmpp {

/// Where and how to reach the server. TLS is always verified against the system
/// CAs; `caFile` adds the organisation's CA, `pinnedSha256` additionally requires
/// the server certificate to have that SHA-256 fingerprint.
struct TransportSettings
{
    QUrl url;                ///< wss://host[:port]/path (ws:// only to loopback, see below)
    QString domain;          ///< XMPP domain for <open to=...>
    QString caFile;          ///< PEM file with extra trusted CA certificates; optional
    QByteArray pinnedSha256; ///< hex SHA-256 of the server certificate (DER); optional
    bool allowInsecureLoopback = false; ///< developer flag: permit ws:// to 127.0.0.0/8 or ::1
    int connectTimeoutMs = 20000;
};

/// One connection carrying whole XML elements as text frames (RFC 7395: one
/// element per frame). Implemented by WebSocketTransport; unit tests use
/// FakeTransport.
class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Transport() override = default;

    /// Starts connecting. Ends in opened() or closed(false, error).
    virtual void open(const TransportSettings &settings) = 0;
    virtual void send(const QString &frame) = 0;
    /// Graceful close; closed(true, {}) follows.
    virtual void close() = 0;
    /// Drops the link at once, as a network failure would; closed(false, ...) follows.
    virtual void abort() = 0;
    virtual bool isOpen() const = 0;
    virtual bool isEncrypted() const = 0;

Q_SIGNALS:
    void opened();
    void frameReceived(const QString &frame);
    /// `clean` is true after close() or a close frame from the server.
    void closed(bool clean, const Core::Error &error);
};

/// Checks a settings object before any connection is attempted: the scheme is
/// wss, or ws with allowInsecureLoopback and a loopback host. Fails with code Policy.
Core::Result<void> validateTransportSettings(const TransportSettings &settings);

} // namespace Xmpp
