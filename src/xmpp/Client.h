// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Backoff.h"
#include "xmpp/Element.h"
#include "xmpp/IqTracker.h"
#include "xmpp/StreamManagement.h"
#include "xmpp/Transport.h"
#include "xmpp/XmlStreamParser.h"
#include "xmpp/sasl/Sasl2Exchange.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>
#include <QTimer>

#include <memory>
#include <vector>

namespace Xmpp {

class Client;
class SaslSession;

/// One XEP (or RFC part) on top of the Client: sees every incoming stanza and
/// the session's start. Extensions are owned by the Client (addExtension).
class Extension
{
public:
    explicit Extension(Client &client)
        : m_client(client)
    {
    }
    virtual ~Extension() = default;
    Extension(const Extension &) = delete;
    Extension &operator=(const Extension &) = delete;

    /// Return true when the stanza was handled and nobody else should see it.
    virtual bool handleStanza(const Element &stanza) = 0;
    /// A new session is bound (`resumed` false) or an old one resumed.
    virtual void onSessionStarted(bool resumed) { Q_UNUSED(resumed); }
    /// disco#info features this extension implements.
    virtual QStringList discoFeatures() const { return {}; }

protected:
    Client &client() const { return m_client; }

private:
    Client &m_client;
};

struct ClientConfig
{
    TransportSettings transport;
    Core::Jid jid;             ///< bare account address
    QString password;          ///< kept for reconnects; wiped when the Client goes
    QString resource;          ///< requested resource; empty lets the server choose
    bool autoReconnect = true; ///< reconnect (and resume) after a dropped link
    int handshakeTimeoutMs = 30000;
    int keepAliveIdleMs = 45000;    ///< probe the link after this much silence
    int keepAliveTimeoutMs = 15000; ///< ...and drop it when the probe is not answered
    int iqTimeoutMs = 30000;
    int reconnectInitialMs = 1000; ///< first reconnect delay (doubles, with jitter)
    int reconnectMaxMs = 60000;

    // XEP-0388 SASL2 (used whenever the server offers it)
    UserAgent userAgent;                ///< id stable per installation
    std::optional<FastToken> fastToken; ///< XEP-0484: log in with this instead of password + code
    bool requestFastToken = true;       ///< ask for a token after a full login
    QString bindTag = QStringLiteral("Rounds"); ///< XEP-0386 tag; ignored when `resource` is set
    /// Refuse servers that cannot prove a second factor (org policy require_mfa):
    /// no SASL2 at all, or a login that passed no TOTP task (nor a token from one).
    bool requireSecondFactor = false;
};

/// How the current (or last) session authenticated.
struct AuthSummary
{
    bool sasl2 = false;
    bool fastToken = false;    ///< logged in with a FAST token
    bool secondFactor = false; ///< a TOTP task passed (now, or for the token's login)
    bool enrolled = false;     ///< this login enrolled TOTP
    QString mechanism;
};

/// The XMPP session over one Transport: RFC 7395 framing, SASL (SCRAM-SHA-256,
/// SCRAM-SHA-1, PLAIN only over TLS), resource binding, XEP-0198 stream
/// management with resumption, dead-link detection and reconnect with backoff.
/// Stanzas sent while the link is down are queued and go out once the session is
/// back; stanzas never acknowledged are resent after resume or re-queued after a
/// failed resume.
class Client : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit Client(Transport &transport, QObject *parent = nullptr);
    ~Client() override;

    void setConfig(ClientConfig config);
    const ClientConfig &config() const { return m_config; }

    template<typename T, typename... Args>
    T &addExtension(Args &&...args)
    {
        auto extension = std::make_unique<T>(*this, std::forward<Args>(args)...);
        T &ref = *extension;
        m_extensions.push_back(std::move(extension));
        return ref;
    }
    template<typename T>
    T *extension() const
    {
        for (const auto &e : m_extensions)
            if (auto *t = dynamic_cast<T *>(e.get()))
                return t;
        return nullptr;
    }

    /// Connects, authenticates and binds. Finishes when the session is usable, or
    /// with the first error (wrong password, TLS, unreachable, timeout...).
    QFuture<Core::Result<void>> connectToServer();
    /// Ends the session cleanly (<close/>); queued stanzas are dropped.
    void disconnectFromServer();

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    const Core::Jid &boundJid() const { return m_boundJid; }
    bool streamManagementEnabled() const { return m_sm.isEnabled(); }
    const StreamManagement &streamManagement() const { return m_sm; }
    /// How the session authenticated (SASL2, token, second factor).
    const AuthSummary &authSummary() const { return m_auth; }
    /// The FAST token the next login will use (kept in memory; Account stores it).
    const std::optional<FastToken> &fastToken() const { return m_config.fastToken; }
    /// Answers secondFactorRequired(): the code from the authenticator app.
    /// Fails at once (nothing sent) when no code is asked for or it is not six digits.
    Core::Result<void> provideSecondFactor(const QString &code);
    /// Features the server announced after authentication (namespaces).
    const QStringList &streamFeatures() const { return m_postAuthFeatures; }
    QStringList discoFeatures() const;

    /// Sends a stanza now, or queues it until the session is up. The stanza must
    /// carry an id when the caller wants stanzaAcknowledged() for it.
    void send(const Element &stanza);
    /// Sends an iq get/set and finishes with the result stanza, or with an error
    /// (the stanza's error condition in detail, or a timeout).
    QFuture<Core::Result<Element>> sendIq(Element iq);
    /// Asks the server for an acknowledgement now (XEP-0198 <r/>).
    void requestAck();

    /// Test hook: drops the link as a network failure would.
    void dropConnection();

    /// docs/admin.md remote wipe: after wipeRequested() the owner erases the
    /// account's local data, then calls this. Sends <wiped/> and waits (up to
    /// `wipeConfirmTimeoutMs`) for the server's acknowledgement or the end of
    /// the stream; then the connection ends and connectToServer() (or, for a
    /// reconnect, fatalError()) reports Auth "device-wiped". Finishes with the
    /// acknowledgement, or Timeout "wipe-not-acknowledged" / Network
    /// "wipe-link-lost" (the device is erased either way).
    QFuture<Core::Result<void>> confirmWipe(const QString &wipeId);
    /// A wipe was ordered and not yet confirmed.
    bool wipePending() const { return !m_wipeId.isEmpty(); }
    void setWipeConfirmTimeoutMs(int ms) { m_wipeConfirmTimeoutMs = ms; }

    static QString newId();

Q_SIGNALS:
    void stateChanged(Xmpp::Client::State state);
    /// The server acknowledged (XEP-0198) a stanza we sent; `id` is its id.
    void stanzaAcknowledged(const QString &id);
    /// A session started (`resumed` false) or was resumed.
    void sessionStarted(bool resumed);
    /// The link went down; a reconnect follows when autoReconnect is on.
    void connectionLost(const Core::Error &error);
    /// Reconnecting stopped for good (for example the password was changed).
    void fatalError(const Core::Error &error);
    /// The server wants a TOTP code (Code) or an enrolment (Enrolment, with the
    /// otpauth:// URI to show as a QR code). Answer with provideSecondFactor(); the
    /// handshake timeout is paused meanwhile.
    void secondFactorRequired(Xmpp::SecondFactorTask task, const QString &otpauthUri);
    /// A new FAST token arrived, or (nullopt) the old one was refused or dropped.
    void fastTokenChanged(const std::optional<Xmpp::FastToken> &token);
    /// A stanza no extension handled.
    void stanzaReceived(const Xmpp::Element &stanza);
    /// docs/admin.md: the server authenticated this device only to order it
    /// wiped. Nothing is bound and no stanza will arrive; the connection waits
    /// in a restricted state until confirmWipe(`wipeId`).
    void wipeRequested(const QString &wipeId);

private:
    enum class Phase {
        Idle,
        Opening,
        AwaitFeatures,
        Authenticating,
        AwaitingCode, ///< SASL2 task waits for the user's code
        Resuming,
        Binding,
        Enabling,
        Ready,
        Closing,
        Wiping,        ///< authenticated for a wipe only; waits for confirmWipe()
        WipeConfirming ///< <wiped/> sent; waits for the acknowledgement
    };

    void startConnection();
    void onTransportOpened();
    void onFrame(const QString &frame);
    void onTransportClosed(bool clean, const Core::Error &error);
    void handleElement(const Element &element);
    void handleFeatures(const Element &features);
    void handleSasl(const Element &element);
    void startSasl2(const Sasl2Offer &offer);
    void handleSasl2(const Element &element);
    void onSasl2Success(const Sasl2Outcome &outcome);
    bool continueAfterSasl2();
    void applyResumed(const Element &resumed);
    void applyEnabled(const Element &enabled);
    void requeueUnacknowledged();
    void handleSmNonza(const Element &element);
    void handleStanza(const Element &stanza);
    void sendOpen();
    void sendRaw(const Element &element);
    void writeStanza(const Element &stanza);
    void bind();
    void enableOrStart();
    void sessionReady(bool resumed);
    void failConnection(const Core::Error &error, bool retryable);
    /// Forgets the password and token and fails for good with Auth "device-revoked".
    void onDeviceRevoked();
    void scheduleReconnect();
    void setState(State state);
    void resolveConnect(const Core::Result<void> &result);
    void armKeepAlive();
    void probeLink();
    void handleWipePhase(const Element &element);
    void finishWipe(bool acknowledged, const Core::Error &why);
    void handleStreamError(const Element &element);

    Transport &m_transport;
    ClientConfig m_config;
    XmlStreamParser m_parser;
    StreamManagement m_sm;
    Backoff m_backoff;
    std::vector<std::unique_ptr<Extension>> m_extensions;
    std::unique_ptr<SaslSession> m_sasl;
    std::unique_ptr<Sasl2Exchange> m_sasl2;
    std::optional<Sasl2Offer> m_sasl2Offer;
    std::optional<Sasl2Outcome> m_sasl2Outcome; ///< until the features after success
    AuthSummary m_auth;

    State m_state = State::Disconnected;
    Phase m_phase = Phase::Idle;
    bool m_authenticated = false;
    bool m_everConnected = false;
    bool m_userDisconnect = false;
    Core::Jid m_boundJid;
    QStringList m_postAuthFeatures;
    QList<Element> m_queue; ///< waiting for a session
    std::optional<QPromise<Core::Result<void>>> m_connectPromise;
    std::optional<Core::Error> m_pendingFailure; ///< why we are dropping the link
    IqTracker m_iqs;

    QTimer m_handshakeTimer;
    QTimer m_reconnectTimer;
    QTimer m_idleTimer;
    QTimer m_probeTimer;
    bool m_ackRequestScheduled = false;

    bool m_reconnectNow = false; ///< the server asked for an immediate reconnect (<reset/>)
    QString m_wipeId;            ///< a wipe ordered at authentication, until it is confirmed
    bool m_wipeLinkLost = false;
    int m_wipeConfirmTimeoutMs = 10000;
    QTimer m_wipeTimer;
    std::optional<QPromise<Core::Result<void>>> m_wipePromise;
};

} // namespace Xmpp
