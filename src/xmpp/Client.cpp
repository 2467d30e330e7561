// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/Client.h"

#include "xmpp/Namespaces.h"
#include "xmpp/sasl/SaslSession.h"

#include <QLoggingCategory>
#include <QUuid>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcClient, "rounds.xmpp.client", QtInfoMsg)

namespace Xmpp {

using Core::Error;

namespace {

Element stanzaError(const Element &request, QStringView condition, QStringView type)
{
    Element reply(QStringLiteral("iq"), Ns::Client.toString());
    reply.setAttribute(QStringLiteral("type"), QStringLiteral("error"));
    reply.setAttribute(QStringLiteral("id"), request.attribute(u"id"));
    if (request.hasAttribute(u"from"))
        reply.setAttribute(QStringLiteral("to"), request.attribute(u"from"));
    Element error(QStringLiteral("error"));
    error.setAttribute(QStringLiteral("type"), type.toString());
    error.appendChild(Element(condition.toString(), Ns::Stanzas.toString()));
    reply.appendChild(error);
    return reply;
}

QString firstChildName(const Element &element, QStringView ns)
{
    for (const Element &child : element.children())
        if (child.xmlns() == ns)
            return child.name();
    return {};
}

bool isStanza(const Element &element)
{
    return element.xmlns() == Ns::Client &&
           (element.name() == u"message" || element.name() == u"presence" ||
            element.name() == u"iq");
}

} // namespace

Client::Client(Transport &transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
    connect(&m_transport, &Transport::opened, this, &Client::onTransportOpened);
    connect(&m_transport, &Transport::frameReceived, this, &Client::onFrame);
    connect(&m_transport, &Transport::closed, this, &Client::onTransportClosed);

    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        failConnection(
            Error{Error::Code::Timeout, QStringLiteral("no session within the handshake timeout")},
            true);
    });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Client::startConnection);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &Client::probeLink);
    m_probeTimer.setSingleShot(true);
    m_wipeTimer.setSingleShot(true);
    connect(&m_wipeTimer, &QTimer::timeout, this, [this] {
        finishWipe(false, Error{Error::Code::Timeout, QStringLiteral("wipe-not-acknowledged")});
    });
    connect(&m_probeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcClient) << "link probe unanswered, dropping the connection";
        failConnection(Error{Error::Code::Timeout, QStringLiteral("keep-alive not answered")},
                       true);
    });
}

Client::~Client()
{
    m_transport.disconnect(this);
    m_iqs.failAll(Error{Error::Code::Cancelled, QStringLiteral("client destroyed")});
    resolveConnect(Core::fail(Error::Code::Cancelled, QStringLiteral("client destroyed")));
    if (!m_config.password.isEmpty())
        sodium_memzero(m_config.password.data(), size_t(m_config.password.size()) * sizeof(QChar));
}

void Client::setConfig(ClientConfig config)
{
    m_config = std::move(config);
    if (m_config.transport.domain.isEmpty())
        m_config.transport.domain = m_config.jid.domain();
    m_backoff = Backoff(std::chrono::milliseconds(m_config.reconnectInitialMs),
                        std::chrono::milliseconds(m_config.reconnectMaxMs));
}

QString Client::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QFuture<Core::Result<void>> Client::connectToServer()
{
    if (m_connectPromise) {
        return m_connectPromise->future();
    }
    if (m_state == State::Connected)
        return QtFuture::makeReadyFuture(Core::Result<void>{});
    m_connectPromise.emplace();
    m_connectPromise->start();
    auto future = m_connectPromise->future();
    m_userDisconnect = false;
    m_everConnected = false;
    m_backoff.reset();
    setState(State::Connecting);
    startConnection();
    return future;
}

void Client::disconnectFromServer()
{
    m_userDisconnect = true;
    m_reconnectTimer.stop();
    m_queue.clear();
    (void)m_sm.takeUnacknowledged();
    if (m_transport.isOpen()) {
        m_phase = Phase::Closing;
        sendRaw(Element(QStringLiteral("close"), Ns::Framing.toString()));
        // Prosody answers with its own <close/>; don't wait long for it.
        QTimer::singleShot(2000, this, [this] {
            if (m_phase == Phase::Closing)
                m_transport.close();
        });
    } else {
        m_phase = Phase::Idle;
        setState(State::Disconnected);
    }
    resolveConnect(Core::fail(Error::Code::Cancelled, QStringLiteral("disconnect requested")));
}

void Client::dropConnection()
{
    m_transport.abort();
}

void Client::startConnection()
{
    m_parser.reset();
    m_authenticated = false;
    m_sasl2.reset();
    m_sasl2Outcome.reset();
    m_auth = {};
    m_sasl.reset();
    m_phase = Phase::Opening;
    m_handshakeTimer.start(m_config.handshakeTimeoutMs);
    qCInfo(lcClient) << "connecting, attempt" << m_backoff.attempt();
    m_transport.open(m_config.transport);
}

void Client::onTransportOpened()
{
    sendOpen();
}

void Client::sendOpen()
{
    Element open(QStringLiteral("open"), Ns::Framing.toString());
    open.setAttribute(QStringLiteral("to"), m_config.transport.domain);
    open.setAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    open.setAttribute(QStringLiteral("xml:lang"), QStringLiteral("en"));
    m_phase = Phase::AwaitFeatures;
    sendRaw(open);
}

void Client::sendRaw(const Element &element)
{
    m_transport.send(element.toXml());
}

void Client::onFrame(const QString &frame)
{
    m_probeTimer.stop();
    if (m_phase == Phase::Ready)
        m_idleTimer.start(m_config.keepAliveIdleMs);
    auto elements = m_parser.feed(frame);
    if (!elements) {
        qCWarning(lcClient) << "stream parse error:" << elements.error().detail;
        failConnection(elements.error(), true);
        return;
    }
    for (const Element &element : std::as_const(*elements)) {
        if (m_phase == Phase::Idle)
            return; // a handler tore the connection down
        handleElement(element);
    }
}

void Client::handleElement(const Element &element)
{
    if (m_phase == Phase::Wiping || m_phase == Phase::WipeConfirming) {
        handleWipePhase(element);
        return;
    }
    const QString &ns = element.xmlns();
    if (ns == Ns::Client) {
        if (isStanza(element))
            handleStanza(element);
        return;
    }
    if (ns == Ns::Framing) {
        if (element.name() == u"close") {
            if (m_phase == Phase::Closing) {
                m_transport.close();
            } else {
                qCInfo(lcClient) << "server closed the stream";
                failConnection(
                    Error{Error::Code::Network, QStringLiteral("server closed the stream")}, true);
            }
        }
        // <open/> needs no action: features follow.
        return;
    }
    if (ns == Ns::Stream) {
        if (element.name() == u"features") {
            handleFeatures(element);
        } else if (element.name() == u"error") {
            handleStreamError(element);
        }
        return;
    }
    if (ns == Ns::Sasl) {
        handleSasl(element);
        return;
    }
    if (ns == Ns::Sasl2) {
        handleSasl2(element);
        return;
    }
    if (ns == Ns::Sm) {
        handleSmNonza(element);
        return;
    }
    qCDebug(lcClient) << "ignoring top-level element" << element.name() << element.xmlns();
}

void Client::handleStreamError(const Element &element)
{
    const QString condition = firstChildName(element, Ns::StreamErrors);
    qCWarning(lcClient) << "stream error:" << condition;
    if (condition == u"policy-violation" && element.hasChild(u"revoked", Ns::RoundsAdmin)) {
        onDeviceRevoked();
        return;
    }
    if (condition == u"policy-violation" && element.hasChild(u"disabled", Ns::RoundsAdmin)) {
        failConnection(Error{Error::Code::AccountDisabled, QStringLiteral("account-disabled")},
                       false);
        return;
    }
    if (condition == u"reset") {
        // The server wants this client back at once (for example to hand
        // it an order at the next authentication): no backoff.
        m_reconnectNow = true;
        failConnection(Error{Error::Code::Network, QStringLiteral("stream error: reset")}, true);
        return;
    }
    const bool fatal =
        condition == u"conflict" || condition == u"not-authorized" || condition == u"host-unknown";
    Error error{condition == u"not-authorized" ? Error::Code::Auth : Error::Code::Network,
                QStringLiteral("stream error: ") + condition};
    if (condition == u"policy-violation" || condition == u"not-well-formed" ||
        condition == u"invalid-xml" || condition == u"restricted-xml")
        error.code = Error::Code::Stanza;
    failConnection(error, !fatal);
}

void Client::handleWipePhase(const Element &element)
{
    // Restricted: nothing but the wipe's own acknowledgement and the end of
    // the stream is looked at. Features, stanzas and SM nonzas are dropped.
    if (element.is(u"wiped", Ns::RoundsAdmin)) {
        if (m_phase == Phase::WipeConfirming && element.attribute(u"id") == m_wipeId)
            finishWipe(true, {});
        return;
    }
    if (element.is(u"close", Ns::Framing) || element.is(u"error", Ns::Stream)) {
        if (m_phase == Phase::WipeConfirming)
            finishWipe(false, Error{Error::Code::Network, QStringLiteral("wipe-link-lost")});
        else
            m_wipeLinkLost = true;
        return;
    }
    qCDebug(lcClient) << "ignoring" << element.name() << "while a wipe is pending";
}

QFuture<Core::Result<void>> Client::confirmWipe(const QString &wipeId)
{
    if (m_wipeId.isEmpty() || wipeId != m_wipeId || m_wipePromise)
        return QtFuture::makeReadyFuture(
            Core::Result<void>(Core::fail(Error::Code::Stanza, QStringLiteral("no-wipe-pending"))));
    m_wipePromise.emplace();
    m_wipePromise->start();
    auto future = m_wipePromise->future();
    if (m_wipeLinkLost || !m_transport.isOpen() || m_phase != Phase::Wiping) {
        finishWipe(false, Error{Error::Code::Network, QStringLiteral("wipe-link-lost")});
        return future;
    }
    Element wiped(QStringLiteral("wiped"), Ns::RoundsAdmin.toString());
    wiped.setAttribute(QStringLiteral("id"), wipeId);
    m_phase = Phase::WipeConfirming;
    sendRaw(wiped);
    m_wipeTimer.start(m_wipeConfirmTimeoutMs);
    qCInfo(lcClient) << "wipe confirmed to the server";
    return future;
}

void Client::finishWipe(bool acknowledged, const Core::Error &why)
{
    if (m_wipeId.isEmpty())
        return;
    m_wipeTimer.stop();
    m_wipeId.clear();
    m_wipeLinkLost = false;
    qCInfo(lcClient) << "wipe finished; acknowledged:" << acknowledged;
    const Error wiped{Error::Code::Auth, QStringLiteral("device-wiped")};
    m_userDisconnect = true;
    m_reconnectTimer.stop();
    if (m_everConnected)
        Q_EMIT fatalError(wiped);
    resolveConnect(std::unexpected(wiped));
    if (m_wipePromise) {
        auto promise = std::move(*m_wipePromise);
        m_wipePromise.reset();
        promise.addResult(acknowledged ? Core::Result<void>{}
                                       : Core::Result<void>(std::unexpected(why)));
        promise.finish();
    }
    if (m_transport.isOpen()) {
        m_pendingFailure = wiped;
        m_transport.abort();
    } else {
        m_phase = Phase::Idle;
        setState(State::Disconnected);
    }
}

void Client::handleFeatures(const Element &features)
{
    if (!m_authenticated) {
        if (auto offer = Sasl2Offer::fromFeatures(features)) {
            startSasl2(*offer);
            return;
        }
        if (m_config.requireSecondFactor) {
            qCWarning(lcClient) << "server offers no SASL2: no second factor possible";
            failConnection(Error{Error::Code::Policy, QStringLiteral("mfa-unavailable")}, false);
            return;
        }
        QStringList mechanisms;
        const Element list = features.firstChild(u"mechanisms", Ns::Sasl);
        for (const Element &m : list.children())
            if (m.name() == u"mechanism")
                mechanisms << m.text().trimmed();
        auto sasl = SaslSession::start(mechanisms, m_transport.isEncrypted(), m_config.jid.local(),
                                       m_config.password);
        if (!sasl) {
            failConnection(sasl.error(), false);
            return;
        }
        m_sasl = std::move(*sasl);
        Element auth(QStringLiteral("auth"), Ns::Sasl.toString());
        auth.setAttribute(QStringLiteral("mechanism"), m_sasl->mechanismName());
        QByteArray initial = m_sasl->initialResponse();
        auth.setText(initial.isEmpty() ? QStringLiteral("=")
                                       : QString::fromLatin1(initial.toBase64()));
        sodium_memzero(initial.data(), size_t(initial.size()));
        m_phase = Phase::Authenticating;
        qCInfo(lcClient) << "authenticating with" << m_sasl->mechanismName();
        sendRaw(auth);
        return;
    }

    m_postAuthFeatures.clear();
    for (const Element &child : features.children())
        m_postAuthFeatures << child.xmlns();
    if (continueAfterSasl2())
        return;
    const bool smOffered = features.hasChild(u"sm", Ns::Sm);
    if (smOffered && m_sm.canResume()) {
        Element resume(QStringLiteral("resume"), Ns::Sm.toString());
        resume.setAttribute(QStringLiteral("h"), QString::number(m_sm.inboundCount()));
        resume.setAttribute(QStringLiteral("previd"), m_sm.resumeId());
        m_phase = Phase::Resuming;
        qCInfo(lcClient) << "resuming stream management session, h" << m_sm.inboundCount();
        sendRaw(resume);
        return;
    }
    bind();
}

void Client::handleSasl(const Element &element)
{
    if (m_phase != Phase::Authenticating || !m_sasl) {
        failConnection(Error{Error::Code::Stanza, QStringLiteral("unexpected SASL element")}, true);
        return;
    }
    const QByteArray payload = QByteArray::fromBase64(element.text().trimmed().toLatin1());
    if (element.name() == u"challenge") {
        auto response = m_sasl->respond(payload);
        if (!response) {
            failConnection(response.error(), false);
            return;
        }
        Element reply(QStringLiteral("response"), Ns::Sasl.toString());
        reply.setText(QString::fromLatin1(response->toBase64()));
        sodium_memzero(response->data(), size_t(response->size()));
        sendRaw(reply);
    } else if (element.name() == u"success") {
        auto verified = m_sasl->finish(payload);
        m_sasl.reset();
        if (!verified) {
            // The server could not prove it knows the password: do not continue.
            failConnection(verified.error(), false);
            return;
        }
        qCInfo(lcClient) << "authenticated";
        m_authenticated = true;
        sendOpen(); // RFC 7395: a new <open/> restarts the stream after SASL
    } else if (element.name() == u"failure") {
        const Error error = saslFailureError(firstChildName(element, Ns::Sasl));
        qCWarning(lcClient) << "authentication failed:" << error.detail;
        m_sasl.reset();
        failConnection(error, error.code == Error::Code::Network);
    }
}

void Client::bind()
{
    requeueUnacknowledged();
    m_phase = Phase::Binding;
    Element iq(QStringLiteral("iq"), Ns::Client.toString());
    const QString id = newId();
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("set"));
    iq.setAttribute(QStringLiteral("id"), id);
    Element bindElement(QStringLiteral("bind"), Ns::Bind.toString());
    if (!m_config.resource.isEmpty())
        bindElement.appendChild(Element(QStringLiteral("resource")).setText(m_config.resource));
    iq.appendChild(bindElement);

    // No timeout of its own: the handshake timer covers binding.
    m_iqs.track(id, 0).then(this, [this](const Core::Result<Element> &result) {
        if (m_phase != Phase::Binding)
            return;
        if (!result) {
            failConnection(Error{Error::Code::Stanza, QStringLiteral("resource binding failed: ") +
                                                          result.error().detail},
                           result.error().code != Error::Code::Stanza);
            return;
        }
        const Core::Jid jid(result->firstChild(u"bind", Ns::Bind).childText(u"jid"));
        if (!jid.isValid() || jid.bare() != m_config.jid.bare()) {
            failConnection(
                Error{Error::Code::Stanza, QStringLiteral("server bound an unexpected address")},
                false);
            return;
        }
        m_boundJid = jid;
        qCInfo(lcClient) << "bound resource";
        enableOrStart();
    });
    sendRaw(iq);
}

void Client::requeueUnacknowledged()
{
    // Anything a lost session never got acknowledged goes out again in the new one.
    QList<Element> requeue;
    for (const Element &stanza : m_sm.takeUnacknowledged())
        if (stanza.name() == u"message")
            requeue << stanza;
    if (!requeue.isEmpty())
        qCInfo(lcClient) << "re-queueing" << requeue.size() << "unacknowledged messages";
    m_queue = requeue + m_queue;
}

void Client::enableOrStart()
{
    if (m_postAuthFeatures.contains(Ns::Sm.toString())) {
        Element enable(QStringLiteral("enable"), Ns::Sm.toString());
        enable.setAttribute(QStringLiteral("resume"), QStringLiteral("true"));
        m_phase = Phase::Enabling;
        sendRaw(enable);
        return;
    }
    sessionReady(false);
}

void Client::handleSmNonza(const Element &element)
{
    // A closing stream gave its unacknowledged stanzas up already; the server's
    // late <a/> or <r/> for it needs no answer.
    if (m_phase == Phase::Closing)
        return;
    const QString &name = element.name();
    if (name == u"r") {
        Element a(QStringLiteral("a"), Ns::Sm.toString());
        a.setAttribute(QStringLiteral("h"), QString::number(m_sm.inboundCount()));
        sendRaw(a);
        return;
    }
    if (name == u"a") {
        bool ok = false;
        const quint32 h = element.attribute(u"h").toUInt(&ok);
        auto acked = ok ? m_sm.onAck(h)
                        : Core::Result<QList<Element>>(
                              Core::fail(Error::Code::Stanza, QStringLiteral("bad h")));
        if (!acked) {
            failConnection(acked.error(), true);
            return;
        }
        for (const Element &stanza : std::as_const(*acked))
            if (stanza.hasAttribute(u"id"))
                Q_EMIT stanzaAcknowledged(stanza.attribute(u"id"));
        return;
    }
    if (name == u"enabled" && m_phase == Phase::Enabling) {
        applyEnabled(element);
        return;
    }
    if (name == u"resumed" && m_phase == Phase::Resuming) {
        applyResumed(element);
        return;
    }
    if (name == u"failed") {
        std::optional<quint32> h;
        bool ok = false;
        if (const quint32 value = element.attribute(u"h").toUInt(&ok); ok)
            h = value;
        if (m_phase == Phase::Resuming) {
            qCInfo(lcClient) << "stream resumption failed:" << firstChildName(element, Ns::Stanzas);
            if (h)
                (void)m_sm.onAck(*h);
            bind();
        } else if (m_phase == Phase::Enabling) {
            qCInfo(lcClient) << "server refused stream management";
            sessionReady(false);
        }
        return;
    }
}

void Client::applyEnabled(const Element &enabled)
{
    const bool resumable =
        enabled.attribute(u"resume") == u"true" || enabled.attribute(u"resume") == u"1";
    m_sm.onEnabled(resumable ? enabled.attribute(u"id") : QString(),
                   enabled.attribute(u"max").toInt());
    qCInfo(lcClient) << "stream management enabled, resumable:" << resumable
                     << "max:" << m_sm.resumeMaxSeconds();
    sessionReady(false);
}

void Client::applyResumed(const Element &resumed)
{
    bool ok = false;
    const quint32 h = resumed.attribute(u"h").toUInt(&ok);
    auto resend =
        ok ? m_sm.onResumed(h)
           : Core::Result<QList<Element>>(Core::fail(Error::Code::Stanza, QStringLiteral("bad h")));
    if (!resend) {
        failConnection(resend.error(), true);
        return;
    }
    qCInfo(lcClient) << "stream resumed; resending" << resend->size() << "stanzas";
    m_phase = Phase::Ready;
    // Stanzas queued while offline go after the resent ones, in order.
    m_queue = *resend + m_queue;
    sessionReady(true);
}

void Client::startSasl2(const Sasl2Offer &offer)
{
    m_sasl2Offer = offer;
    Sasl2Exchange::Options options;
    options.username = m_config.jid.local();
    options.password = m_config.password;
    options.token = m_config.fastToken;
    options.userAgent = m_config.userAgent;
    options.requestToken = m_config.requestFastToken;
    options.bindTag = m_config.resource.isEmpty() ? m_config.bindTag : QString();
    if (m_sm.canResume()) {
        options.resumeId = m_sm.resumeId();
        options.resumeH = m_sm.inboundCount();
    }
    auto exchange = Sasl2Exchange::start(offer, std::move(options));
    if (!exchange) {
        failConnection(exchange.error(), false);
        return;
    }
    m_sasl2 = std::move(*exchange);
    m_phase = Phase::Authenticating;
    qCInfo(lcClient) << "authenticating with SASL2" << m_sasl2->mechanism();
    sendRaw(m_sasl2->authenticate());
}

void Client::handleSasl2(const Element &element)
{
    if (!m_sasl2 || (m_phase != Phase::Authenticating && m_phase != Phase::AwaitingCode)) {
        failConnection(Error{Error::Code::Stanza, QStringLiteral("unexpected SASL2 element")},
                       true);
        return;
    }
    auto step = m_sasl2->handle(element);
    if (!step) {
        const Error error = step.error();
        const bool tokenRefused = m_sasl2->usesFastToken() && error.code == Error::Code::Auth &&
                                  error.detail == u"fast-token-rejected";
        m_sasl2.reset();
        if (error.detail == u"device-revoked") {
            onDeviceRevoked();
            return;
        }
        if (tokenRefused) {
            // Expired or revoked by an admin: forget it. The stream is still
            // unauthenticated, so a password (if we still hold one) goes next.
            qCInfo(lcClient) << "FAST token refused by the server";
            m_config.fastToken.reset();
            Q_EMIT fastTokenChanged(std::nullopt);
            if (!m_config.password.isEmpty() && m_sasl2Offer) {
                startSasl2(*m_sasl2Offer);
                return;
            }
        }
        qCWarning(lcClient) << "SASL2 authentication failed:" << Core::errorCodeName(error.code)
                            << error.detail;
        failConnection(error, error.code == Error::Code::Network);
        return;
    }
    switch (step->kind) {
    case Sasl2Exchange::Step::Kind::Send:
        sendRaw(step->element);
        return;
    case Sasl2Exchange::Step::Kind::NeedCode:
        qCInfo(lcClient) << "server asks for a second factor"
                         << (step->task == SecondFactorTask::Enrolment ? "(enrolment)" : "");
        m_phase = Phase::AwaitingCode;
        m_handshakeTimer.stop(); // a person is typing now
        Q_EMIT secondFactorRequired(step->task, step->otpauthUri);
        return;
    case Sasl2Exchange::Step::Kind::Success:
        onSasl2Success(step->outcome);
        return;
    }
}

Core::Result<void> Client::provideSecondFactor(const QString &code)
{
    if (m_phase != Phase::AwaitingCode || !m_sasl2)
        return Core::fail(Error::Code::Mfa, QStringLiteral("no-code-requested"));
    auto element = m_sasl2->provideCode(code);
    if (!element)
        return std::unexpected(element.error());
    m_phase = Phase::Authenticating;
    m_handshakeTimer.start(m_config.handshakeTimeoutMs);
    sendRaw(*element);
    return {};
}

void Client::onSasl2Success(const Sasl2Outcome &outcome)
{
    const bool tokenHadSecondFactor =
        m_sasl2->usesFastToken() && m_config.fastToken && m_config.fastToken->afterSecondFactor;
    m_auth.sasl2 = true;
    m_auth.fastToken = outcome.usedFastToken;
    m_auth.secondFactor = outcome.secondFactor || tokenHadSecondFactor;
    m_auth.enrolled = outcome.enrolled;
    m_auth.mechanism = m_sasl2->mechanism();
    m_sasl2.reset();
    if (outcome.authorizationId.bare() != m_config.jid.bare()) {
        failConnection(
            Error{Error::Code::Stanza, QStringLiteral("server authorized an unexpected address")},
            false);
        return;
    }
    qCInfo(lcClient) << "authenticated (SASL2" << m_auth.mechanism
                     << "second factor:" << m_auth.secondFactor << ")";
    if (!outcome.wipeId.isEmpty()) {
        // docs/admin.md: this session exists only to receive the order. Never
        // bind, resume or queue; forget the credentials; wait for the owner.
        qCWarning(lcClient) << "the server ordered this device wiped";
        m_handshakeTimer.stop();
        m_queue.clear();
        (void)m_sm.takeUnacknowledged();
        m_config.fastToken.reset();
        if (!m_config.password.isEmpty()) {
            sodium_memzero(m_config.password.data(),
                           size_t(m_config.password.size()) * sizeof(QChar));
            m_config.password.clear();
        }
        m_authenticated = true;
        m_wipeId = outcome.wipeId;
        m_wipeLinkLost = false;
        m_phase = Phase::Wiping;
        Q_EMIT wipeRequested(m_wipeId);
        return;
    }
    if (m_config.requireSecondFactor && !m_auth.secondFactor) {
        qCWarning(lcClient) << "login passed without a second factor; policy refuses it";
        failConnection(Error{Error::Code::Policy, QStringLiteral("mfa-not-enforced")}, false);
        return;
    }
    if (outcome.newToken) {
        m_config.fastToken = outcome.newToken;
        m_config.fastToken->afterSecondFactor = m_auth.secondFactor;
        Q_EMIT fastTokenChanged(m_config.fastToken);
    }
    if (m_auth.secondFactor && m_config.fastToken && !m_config.password.isEmpty()) {
        // A full login needs a fresh code anyway: the token reconnects from now
        // on, so the password need not stay in memory.
        sodium_memzero(m_config.password.data(), size_t(m_config.password.size()) * sizeof(QChar));
        m_config.password.clear();
    }
    m_authenticated = true;
    m_sasl2Outcome = outcome;
    m_phase = Phase::AwaitFeatures; // no stream restart: the features follow at once
}

bool Client::continueAfterSasl2()
{
    if (!m_sasl2Outcome)
        return false;
    const Sasl2Outcome outcome = *std::exchange(m_sasl2Outcome, std::nullopt);
    if (!outcome.smResumed.isNull()) {
        applyResumed(outcome.smResumed);
        return true;
    }
    if (!outcome.smFailed.isNull()) {
        qCInfo(lcClient) << "inline resumption failed:"
                         << firstChildName(outcome.smFailed, Ns::Stanzas);
        bool ok = false;
        if (const quint32 h = outcome.smFailed.attribute(u"h").toUInt(&ok); ok)
            (void)m_sm.onAck(h);
        bind();
        return true;
    }
    if (!outcome.bound)
        return false; // classic resume or bind, as after RFC 6120 SASL
    if (outcome.authorizationId.resource().isEmpty()) {
        failConnection(Error{Error::Code::Stanza, QStringLiteral("Bind2 bound no resource")},
                       false);
        return true;
    }
    requeueUnacknowledged();
    m_boundJid = outcome.authorizationId;
    qCInfo(lcClient) << "bound resource (Bind2)";
    if (!outcome.smEnabled.isNull())
        applyEnabled(outcome.smEnabled);
    else
        enableOrStart();
    return true;
}

void Client::handleStanza(const Element &stanza)
{
    m_sm.onStanzaHandled();
    const QString type = stanza.attribute(u"type");
    if (stanza.name() == u"iq") {
        const QString id = stanza.attribute(u"id");
        if (type == u"result" || type == u"error") {
            m_iqs.resolve(stanza);
            return;
        }
        if (type != u"get" && type != u"set")
            return;
        if (type == u"get" && stanza.hasChild(u"ping", Ns::Ping)) {
            Element pong(QStringLiteral("iq"), Ns::Client.toString());
            pong.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
            pong.setAttribute(QStringLiteral("id"), id);
            if (stanza.hasAttribute(u"from"))
                pong.setAttribute(QStringLiteral("to"), stanza.attribute(u"from"));
            send(pong);
            return;
        }
        for (const auto &extension : m_extensions)
            if (extension->handleStanza(stanza))
                return;
        // RFC 6120 section 8.4: an iq nobody understands gets an error, not silence.
        send(stanzaError(stanza, u"service-unavailable", u"cancel"));
        return;
    }
    for (const auto &extension : m_extensions)
        if (extension->handleStanza(stanza))
            return;
    Q_EMIT stanzaReceived(stanza);
}

void Client::sessionReady(bool resumed)
{
    m_handshakeTimer.stop();
    m_phase = Phase::Ready;
    m_backoff.reset();
    m_everConnected = true;
    setState(State::Connected);
    m_idleTimer.start(m_config.keepAliveIdleMs);

    if (!resumed)
        for (const auto &extension : m_extensions)
            extension->onSessionStarted(false);
    const QList<Element> queued = std::exchange(m_queue, {});
    for (const Element &stanza : queued)
        writeStanza(stanza);
    if (resumed)
        for (const auto &extension : m_extensions)
            extension->onSessionStarted(true);
    Q_EMIT sessionStarted(resumed);
    resolveConnect(Core::Result<void>{});
}

void Client::send(const Element &stanza)
{
    if (m_phase == Phase::Ready && m_transport.isOpen()) {
        writeStanza(stanza);
        return;
    }
    m_queue.append(stanza);
}

void Client::writeStanza(const Element &stanza)
{
    sendRaw(stanza);
    m_sm.onStanzaSent(stanza);
    if (m_sm.isEnabled() && !m_ackRequestScheduled) {
        // One <r/> after a burst, not one per stanza.
        m_ackRequestScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_ackRequestScheduled = false;
            if (m_phase == Phase::Ready && m_sm.unacknowledgedCount() > 0)
                requestAck();
        });
    }
}

void Client::requestAck()
{
    if (!m_sm.isEnabled() || !m_transport.isOpen())
        return;
    sendRaw(Element(QStringLiteral("r"), Ns::Sm.toString()));
    if (!m_probeTimer.isActive())
        m_probeTimer.start(m_config.keepAliveTimeoutMs);
}

void Client::probeLink()
{
    if (m_phase != Phase::Ready)
        return;
    if (m_sm.isEnabled()) {
        requestAck();
        return;
    }
    Element ping(QStringLiteral("iq"), Ns::Client.toString());
    ping.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
    ping.setAttribute(QStringLiteral("to"), m_config.transport.domain);
    ping.appendChild(Element(QStringLiteral("ping"), Ns::Ping.toString()));
    (void)sendIq(ping);
    m_probeTimer.start(m_config.keepAliveTimeoutMs);
}

QFuture<Core::Result<Element>> Client::sendIq(Element iq)
{
    QString id = iq.attribute(u"id");
    if (id.isEmpty()) {
        id = newId();
        iq.setAttribute(QStringLiteral("id"), id);
    }
    auto future = m_iqs.track(id, m_config.iqTimeoutMs);
    send(iq);
    return future;
}

void Client::onDeviceRevoked()
{
    // An IT admin signed this computer out: its token is dead, and only a
    // full sign-in (password and code) may bring it back.
    qCWarning(lcClient) << "this device was revoked by an administrator";
    if (!m_config.password.isEmpty()) {
        sodium_memzero(m_config.password.data(), size_t(m_config.password.size()) * sizeof(QChar));
        m_config.password.clear();
    }
    if (m_config.fastToken) {
        m_config.fastToken.reset();
        Q_EMIT fastTokenChanged(std::nullopt);
    }
    failConnection(Error{Error::Code::Auth, QStringLiteral("device-revoked")}, false);
}

void Client::failConnection(const Core::Error &error, bool retryable)
{
    if (m_phase == Phase::Idle)
        return;
    qCInfo(lcClient) << "connection failed:" << Core::errorCodeName(error.code) << error.detail
                     << "retryable:" << retryable;
    if (!m_everConnected || !retryable || !m_config.autoReconnect) {
        // The first connection reports its error to the caller; a session that
        // worked before stops only for errors a retry cannot fix.
        m_userDisconnect = true;
        if (m_everConnected)
            Q_EMIT fatalError(error);
        resolveConnect(std::unexpected(error));
    }
    m_pendingFailure = error;
    m_transport.abort();
}

void Client::onTransportClosed(bool clean, const Core::Error &transportError)
{
    const Error error = m_pendingFailure.value_or(
        clean ? Error{Error::Code::Network, QStringLiteral("connection closed")} : transportError);
    m_pendingFailure.reset();
    m_handshakeTimer.stop();
    m_idleTimer.stop();
    m_probeTimer.stop();
    m_sm.onTransportLost();
    m_sasl.reset();
    if (!m_wipeId.isEmpty()) {
        // The owner is still erasing (or waits for the acknowledgement): no
        // reconnect; confirmWipe() or the finished wipe reports the rest.
        m_iqs.failAll(Error{Error::Code::Network, QStringLiteral("connection lost")});
        if (m_phase == Phase::WipeConfirming) {
            finishWipe(false, Error{Error::Code::Network, QStringLiteral("wipe-link-lost")});
        } else {
            m_wipeLinkLost = true;
            m_phase = Phase::Idle;
        }
        return;
    }
    const bool wasReady = m_phase == Phase::Ready;
    m_phase = Phase::Idle;
    m_iqs.failAll(Error{Error::Code::Network, QStringLiteral("connection lost")});

    if (m_userDisconnect) {
        setState(State::Disconnected);
        resolveConnect(std::unexpected(error));
        return;
    }
    if (!m_everConnected) {
        qCInfo(lcClient) << "connection failed before a session:"
                         << Core::errorCodeName(error.code);
        setState(State::Disconnected);
        resolveConnect(std::unexpected(error));
        return;
    }
    if (wasReady)
        Q_EMIT connectionLost(error);
    scheduleReconnect();
}

void Client::scheduleReconnect()
{
    const auto delay =
        std::exchange(m_reconnectNow, false) ? std::chrono::milliseconds(0) : m_backoff.nextDelay();
    qCInfo(lcClient) << "reconnecting in" << delay.count() << "ms";
    setState(State::Reconnecting);
    m_reconnectTimer.start(delay);
}

void Client::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Client::resolveConnect(const Core::Result<void> &result)
{
    if (!m_connectPromise)
        return;
    auto promise = std::move(*m_connectPromise);
    m_connectPromise.reset();
    promise.addResult(result);
    promise.finish();
}

QStringList Client::discoFeatures() const
{
    QStringList features{Ns::DiscoInfo.toString(), Ns::Ping.toString()};
    for (const auto &extension : m_extensions)
        features += extension->discoFeatures();
    features.removeDuplicates();
    features.sort();
    return features;
}

} // namespace Xmpp
