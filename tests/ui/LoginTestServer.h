// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A scripted XMPP server on a real TLS WebSocket (wss://127.0.0.1:<port>/), for
// the sign-in tests that must go through the wire: the clinical-profile login
// (XEP-0388 SASL2 with SCRAM-SHA-256, then a XEP-0400 TOTP or TOTP-INIT task
// and XEP-0386 Bind2 with inline SM), or a plain RFC 6120 login (PLAIN, bind,
// SM) as on a server without SASL2. The certificate comes from
// scripts/make-test-ca.sh (directory in ROUNDS_TEST_CA_DIR).

#include "xmpp/Element.h"
#include "xmpp/XmlStreamParser.h"

#include "AuthTestSupport.h"

#include <QDateTime>
#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <optional>

namespace LoginTest {

using namespace Qt::StringLiterals;

class Server : public QObject
{
public:
    enum class Mode {
        Totp,         ///< SASL2, then the TOTP task
        Enrolment,    ///< SASL2, then TOTP-INIT with an otpauth:// URI
        PasswordOnly, ///< no SASL2: PLAIN, bind, SM
    };

    static inline const QString Domain = QStringLiteral("localhost");
    static inline const QString Jid = QStringLiteral("nurse@localhost");
    static inline const QString Password = QStringLiteral("correct horse");
    static inline const QString Secret = QStringLiteral("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

    explicit Server(Mode mode, QObject *parent = nullptr)
        : QObject(parent)
        , m_mode(mode)
        , m_server(QStringLiteral("rounds-test"), QWebSocketServer::SecureMode)
    {
        m_server.setSupportedSubprotocols({QStringLiteral("xmpp")});
        connect(&m_server, &QWebSocketServer::newConnection, this, &Server::accept);
    }

    /// Listens on 127.0.0.1 with the test CA's localhost certificate.
    bool listen(const QString &caDir, QString *error)
    {
        QFile certFile(caDir + u"/localhost.crt");
        QFile keyFile(caDir + u"/localhost.key");
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = u"no test certificate in "_s + caDir;
            return false;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        // Server side: no client certificate is asked for. The client under
        // test verifies this server against the generated test CA as always.
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(tls);
        if (!m_server.listen(QHostAddress::LocalHost)) {
            *error = m_server.errorString();
            return false;
        }
        return true;
    }

    QString url() const
    {
        return u"wss://127.0.0.1:%1/xmpp-websocket"_s.arg(m_server.serverPort());
    }
    static QString otpauthUri()
    {
        return u"otpauth://totp/Clinic:nurse%40localhost?secret="_s + Secret +
               u"&issuer=Clinic&algorithm=SHA1&digits=6&period=30"_s;
    }
    static QString currentCode() { return testTotpCode(Secret, QDateTime::currentDateTimeUtc()); }
    /// A well-formed code that is not the current one.
    static QString wrongCode()
    {
        return QStringLiteral("%1").arg((currentCode().toInt() + 500000) % 1000000, 6, 10,
                                        QLatin1Char('0'));
    }

    /// Codes the client sent (TOTP <next/> or TOTP-INIT <response/>).
    int codesReceived() const { return m_codesReceived; }
    /// Logins that completed.
    int successes() const { return m_successes; }
    /// docs/admin.md: the next completed login is answered with a remote wipe
    /// order instead of a session; the client's <wiped/> is recorded.
    void orderWipe(const QString &wipeId) { m_wipeId = wipeId; }
    /// The wipe id the client confirmed, empty until then.
    QString wipeConfirmed() const { return m_wipeConfirmed; }

private:
    struct Connection
    {
        QWebSocket *socket = nullptr;
        Xmpp::XmlStreamParser parser;
        std::optional<TestScramServer> scram;
        bool scramDone = false;
        bool authenticated = false;
    };

    void accept()
    {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            auto connection = std::make_shared<Connection>();
            connection->socket = socket;
            socket->setParent(this);
            connect(socket, &QWebSocket::textMessageReceived, this,
                    [this, connection](const QString &frame) {
                        auto elements = connection->parser.feed(frame);
                        if (!elements) {
                            connection->socket->close();
                            return;
                        }
                        for (const Xmpp::Element &element : *elements)
                            handle(*connection, element);
                    });
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    static void send(Connection &c, const QString &xml) { c.socket->sendTextMessage(xml); }

    static QString base64(const QByteArray &data) { return QString::fromLatin1(data.toBase64()); }
    static QByteArray payload(const Xmpp::Element &e)
    {
        return QByteArray::fromBase64(e.text().toLatin1());
    }

    bool codeIsRight(const QByteArray &code) const
    {
        // The current step, or the one before in case the clock just ticked over.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString typed = QString::fromLatin1(code);
        return typed == testTotpCode(Secret, now) ||
               typed == testTotpCode(Secret, now.addSecs(-30));
    }

    void handle(Connection &c, const Xmpp::Element &e)
    {
        const QString sasl2 = QStringLiteral("urn:xmpp:sasl:2");
        const QString sasl = QStringLiteral("urn:ietf:params:xml:ns:xmpp-sasl");
        if (e.name() == u"open") {
            send(c, u"<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' from='localhost' "
                    u"id='s1' version='1.0' xml:lang='en'/>"_s);
            if (c.authenticated) // after PLAIN: the restarted stream
                send(c, u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
                        u"<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
                        u"<sm xmlns='urn:xmpp:sm:3'/></stream:features>"_s);
            else if (m_mode == Mode::PasswordOnly)
                send(c, u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
                        u"<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                        u"<mechanism>PLAIN</mechanism></mechanisms></stream:features>"_s);
            else
                send(c, u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
                        u"<authentication xmlns='urn:xmpp:sasl:2'>"
                        u"<mechanism>SCRAM-SHA-256</mechanism><inline>"
                        u"<bind xmlns='urn:xmpp:bind:0'><inline><feature var='urn:xmpp:sm:3'/>"
                        u"</inline></bind><sm xmlns='urn:xmpp:sm:3'/></inline></authentication>"
                        u"</stream:features>"_s);
        } else if (e.is(u"auth", sasl)) {
            const QByteArray expected = QByteArray("\0nurse\0", 7) + Password.toUtf8();
            if (payload(e) == expected) {
                c.authenticated = true;
                send(c, u"<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"_s);
            } else {
                send(c, u"<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/>"
                        u"</failure>"_s);
            }
        } else if (e.is(u"authenticate", sasl2)) {
            c.scram.emplace(QCryptographicHash::Sha256, Password);
            const QByteArray first =
                c.scram->first(payload(e.firstChild(u"initial-response", sasl2)));
            send(c, u"<challenge xmlns='urn:xmpp:sasl:2'>%1</challenge>"_s.arg(base64(first)));
        } else if (e.is(u"response", sasl2) && c.scram && !c.scramDone) {
            const QByteArray final = c.scram->final(payload(e));
            if (final.isEmpty()) {
                send(c, u"<failure xmlns='urn:xmpp:sasl:2'><not-authorized "
                        u"xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/></failure>"_s);
                return;
            }
            c.scramDone = true;
            const QString task = m_mode == Mode::Enrolment ? u"TOTP-INIT"_s : u"TOTP"_s;
            send(c, u"<continue xmlns='urn:xmpp:sasl:2'><additional-data>%1</additional-data>"
                    u"<tasks><task>%2</task></tasks></continue>"_s.arg(base64(final), task));
        } else if (e.is(u"next", sasl2) && c.scramDone) {
            if (e.attribute(u"task") == u"TOTP-INIT") {
                send(c, u"<challenge xmlns='urn:xmpp:sasl:2'>%1</challenge>"_s.arg(
                            base64(otpauthUri().toUtf8())));
                return;
            }
            ++m_codesReceived;
            finishTask(c, codeIsRight(payload(e.firstChild(u"initial-response", sasl2))));
        } else if (e.is(u"response", sasl2) && c.scramDone) { // the TOTP-INIT code
            ++m_codesReceived;
            finishTask(c, codeIsRight(payload(e)));
        } else if (e.name() == u"iq" && e.hasChild(u"bind", u"urn:ietf:params:xml:ns:xmpp-bind")) {
            send(c, u"<iq xmlns='jabber:client' type='result' id='%1'><bind "
                    u"xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>nurse@localhost/ward4</jid>"
                    u"</bind></iq>"_s.arg(e.attribute(u"id")));
        } else if (e.name() == u"enable") {
            ++m_successes;
            send(c, u"<enabled xmlns='urn:xmpp:sm:3' id='sm-1' resume='true' max='600'/>"_s);
        } else if (e.is(u"wiped", u"https://rounds.invalid/ns/admin")) {
            if (m_wipeId.isEmpty() || e.attribute(u"id") != m_wipeId)
                return;
            m_wipeConfirmed = m_wipeId;
            send(c, u"<wiped xmlns='https://rounds.invalid/ns/admin' id='%1' ack='true'/>"_s.arg(
                        m_wipeId));
            send(c, u"<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"_s);
            c.socket->close();
        } else if (e.name() == u"close") {
            send(c, u"<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"_s);
            c.socket->close();
        }
        // Everything else (roster, disco, presence, acks) goes unanswered.
    }

    void finishTask(Connection &c, bool right)
    {
        if (!right) {
            send(c, u"<failure xmlns='urn:xmpp:sasl:2'><not-authorized "
                    u"xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/></failure>"_s);
            return;
        }
        if (!m_wipeId.isEmpty()) {
            // Nothing but the order: no session, no token (docs/admin.md).
            send(c, u"<success xmlns='urn:xmpp:sasl:2'><authorization-identifier>"
                    u"nurse@localhost</authorization-identifier><wipe "
                    u"xmlns='https://rounds.invalid/ns/admin' id='%1'/></success>"_s.arg(m_wipeId));
            send(c, u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'/>"_s);
            return;
        }
        ++m_successes;
        send(c, u"<success xmlns='urn:xmpp:sasl:2'><authorization-identifier>"
                u"nurse@localhost/Rounds.x1</authorization-identifier>"
                u"<bound xmlns='urn:xmpp:bind:0'><enabled xmlns='urn:xmpp:sm:3' id='sm-9' "
                u"resume='true' max='600'/></bound></success>"_s);
        send(c, u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
                u"<sm xmlns='urn:xmpp:sm:3'/></stream:features>"_s);
    }

    Mode m_mode;
    QWebSocketServer m_server;
    int m_codesReceived = 0;
    int m_successes = 0;
    QString m_wipeId;
    QString m_wipeConfirmed;
};

} // namespace LoginTest
