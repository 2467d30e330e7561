// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0388 SASL2 with XEP-0400 TOTP tasks and XEP-0484 FAST, client side, with
// the server played by the test (a real SCRAM server computation).
#include "xmpp/sasl/Sasl2Exchange.h"

#include "xmpp/XmlStreamParser.h"

#include "AuthTestSupport.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::Error;
using Xmpp::Element;
using Xmpp::Sasl2Exchange;

namespace {

Element parse(const QString &xml)
{
    Xmpp::XmlStreamParser parser;
    const QString frame = u"<open xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"_s + xml;
    auto elements = parser.feed(frame);
    return elements && elements->size() == 2 ? elements->at(1) : Element();
}

const QString Features =
    u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
    u"<authentication xmlns='urn:xmpp:sasl:2'>"
    u"<mechanism>SCRAM-SHA-1</mechanism><mechanism>SCRAM-SHA-256</mechanism>"
    u"<inline><fast xmlns='urn:xmpp:fast:0'><mechanism>HT-SHA-256-NONE</mechanism></fast>"
    u"<bind xmlns='urn:xmpp:bind:0'><inline><feature var='urn:xmpp:sm:3'/></inline></bind>"
    u"<sm xmlns='urn:xmpp:sm:3'/></inline></authentication></stream:features>"_s;

const QString Uri = u"otpauth://totp/Clinic:nurse%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DP"
                    u"EHPK3PXP&issuer=Clinic&algorithm=SHA1&digits=6&period=30"_s;

Xmpp::Sasl2Offer offer()
{
    return *Xmpp::Sasl2Offer::fromFeatures(parse(Features));
}

Sasl2Exchange::Options passwordOptions()
{
    Sasl2Exchange::Options o;
    o.username = u"nurse"_s;
    o.password = u"correct horse"_s;
    o.userAgent = {u"c0ffee00-0000-4000-8000-000000000001"_s, u"Rounds"_s, u"ward4-pc"_s};
    o.bindTag = u"Rounds"_s;
    return o;
}

Xmpp::FastToken token(int daysLeft = 10)
{
    return {u"s3cr3t-token"_s, u"HT-SHA-256-NONE"_s,
            QDateTime::currentDateTimeUtc().addDays(daysLeft), true};
}

Element sasl2(const QString &name, const QByteArray &payload)
{
    Element e(name, u"urn:xmpp:sasl:2"_s);
    e.setText(QString::fromLatin1(payload.toBase64()));
    return e;
}

QByteArray payloadOf(const Element &e, QStringView child = {})
{
    const Element source = child.isEmpty() ? e : e.firstChild(child, u"urn:xmpp:sasl:2");
    return QByteArray::fromBase64(source.text().toLatin1());
}

// Plays SCRAM up to the point where the server would send its outcome; returns
// the server-final message for the additional-data.
QByteArray playScram(Sasl2Exchange &exchange, TestScramServer &server)
{
    const Element auth = exchange.authenticate();
    const QByteArray serverFirst = server.first(payloadOf(auth, u"initial-response"));
    auto step = exchange.handle(sasl2(u"challenge"_s, serverFirst));
    if (!step || step->kind != Sasl2Exchange::Step::Kind::Send ||
        step->element.name() != u"response")
        return {};
    return server.final(payloadOf(step->element));
}

} // namespace

class tst_Sasl2Exchange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offerIsParsed()
    {
        const auto o = offer();
        QCOMPARE(o.mechanisms, QStringList({u"SCRAM-SHA-1"_s, u"SCRAM-SHA-256"_s}));
        QCOMPARE(o.fastMechanisms, QStringList({u"HT-SHA-256-NONE"_s}));
        QVERIFY(o.bind2);
        QVERIFY(o.bind2Sm);
        QVERIFY(o.inlineSm);
        QVERIFY(!Xmpp::Sasl2Offer::fromFeatures(
            parse(u"<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
                  u"<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN"
                  u"</mechanism></mechanisms></stream:features>"_s)));
    }

    void passwordThenCodeThenToken()
    {
        auto exchange = Sasl2Exchange::start(offer(), passwordOptions());
        QVERIFY(exchange);
        Sasl2Exchange &x = **exchange;
        QCOMPARE(x.mechanism(), u"SCRAM-SHA-256"_s);
        const Element auth = x.authenticate();
        QCOMPARE(auth.name(), u"authenticate"_s);
        QCOMPARE(auth.firstChild(u"user-agent", u"urn:xmpp:sasl:2").attribute(u"id"),
                 u"c0ffee00-0000-4000-8000-000000000001"_s);
        QCOMPARE(auth.firstChild(u"request-token", u"urn:xmpp:fast:0").attribute(u"mechanism"),
                 u"HT-SHA-256-NONE"_s);
        const Element bind = auth.firstChild(u"bind", u"urn:xmpp:bind:0");
        QCOMPARE(bind.childText(u"tag", u"urn:xmpp:bind:0"), u"Rounds"_s);
        QVERIFY(bind.hasChild(u"enable", u"urn:xmpp:sm:3"));

        TestScramServer server(QCryptographicHash::Sha256, u"correct horse"_s);
        const QByteArray serverFinal = playScram(x, server);
        QVERIFY(!serverFinal.isEmpty()); // the client's proof was right
        Element cont(u"continue"_s, u"urn:xmpp:sasl:2"_s);
        cont.appendChild(sasl2(u"additional-data"_s, serverFinal));
        Element tasks(u"tasks"_s, u"urn:xmpp:sasl:2"_s);
        tasks.appendChild(Element(u"task"_s, u"urn:xmpp:sasl:2"_s).setText(u"TOTP"_s));
        cont.appendChild(tasks);
        auto step = x.handle(cont);
        QVERIFY(step);
        QCOMPARE(step->kind, Sasl2Exchange::Step::Kind::NeedCode);
        QCOMPARE(step->task, Xmpp::SecondFactorTask::Code);
        QVERIFY(x.awaitingCode());

        auto next = x.provideCode(u"123 456"_s);
        QVERIFY(next);
        QCOMPARE(next->name(), u"next"_s);
        QCOMPARE(next->attribute(u"task"), u"TOTP"_s);
        QCOMPARE(payloadOf(*next, u"initial-response"), QByteArray("123456"));

        const Element success =
            parse(u"<success xmlns='urn:xmpp:sasl:2'><authorization-identifier>"
                  u"nurse@example.org/Rounds.x1</authorization-identifier>"
                  u"<token xmlns='urn:xmpp:fast:0' token='tok-1' expiry='2099-01-01T00:00:00Z'/>"
                  u"<bound xmlns='urn:xmpp:bind:0'><enabled xmlns='urn:xmpp:sm:3' id='sm-9' "
                  u"resume='true' max='600'/></bound></success>"_s);
        step = x.handle(success);
        QVERIFY(step);
        QCOMPARE(step->kind, Sasl2Exchange::Step::Kind::Success);
        const Xmpp::Sasl2Outcome &out = step->outcome;
        QCOMPARE(out.authorizationId.toString(), u"nurse@example.org/Rounds.x1"_s);
        QVERIFY(out.secondFactor);
        QVERIFY(!out.enrolled);
        QVERIFY(!out.usedFastToken);
        QVERIFY(out.bound);
        QCOMPARE(out.smEnabled.attribute(u"id"), u"sm-9"_s);
        QVERIFY(out.newToken);
        QCOMPARE(out.newToken->token, u"tok-1"_s);
        QVERIFY(out.newToken->afterSecondFactor);
        QCOMPARE(out.newToken->expiry.date().year(), 2099);
    }

    void forgedServerSignatureIsRefused()
    {
        auto exchange = Sasl2Exchange::start(offer(), passwordOptions());
        QVERIFY(exchange);
        TestScramServer server(QCryptographicHash::Sha256, u"correct horse"_s);
        QVERIFY(!playScram(**exchange, server).isEmpty());
        // A server that does not know the password cannot produce v=.
        const Element success = parse(
            u"<success xmlns='urn:xmpp:sasl:2'><additional-data>%1</additional-data>"
            u"<authorization-identifier>nurse@example.org</authorization-identifier></success>"_s
                .arg(QString::fromLatin1(
                    QByteArray("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").toBase64())));
        const auto step = (*exchange)->handle(success);
        QVERIFY(!step);
        QCOMPARE(step.error().code, Error::Code::Auth);
    }

    void enrolmentShowsTheUriAndSendsTheCode()
    {
        auto exchange = Sasl2Exchange::start(offer(), passwordOptions());
        QVERIFY(exchange);
        Sasl2Exchange &x = **exchange;
        TestScramServer server(QCryptographicHash::Sha256, u"correct horse"_s);
        const QByteArray serverFinal = playScram(x, server);
        auto step = x.handle(
            parse(u"<continue xmlns='urn:xmpp:sasl:2'><additional-data>%1</additional-data><tasks>"
                  u"<task>TOTP-INIT</task></tasks></continue>"_s.arg(
                      QString::fromLatin1(serverFinal.toBase64()))));
        QVERIFY(step);
        QCOMPARE(step->kind, Sasl2Exchange::Step::Kind::Send);
        QCOMPARE(step->element.name(), u"next"_s);
        QCOMPARE(step->element.attribute(u"task"), u"TOTP-INIT"_s);
        step = x.handle(sasl2(u"challenge"_s, Uri.toUtf8()));
        QVERIFY(step);
        QCOMPARE(step->kind, Sasl2Exchange::Step::Kind::NeedCode);
        QCOMPARE(step->task, Xmpp::SecondFactorTask::Enrolment);
        QCOMPARE(step->otpauthUri, Uri);
        auto response = x.provideCode(u"654321"_s);
        QVERIFY(response);
        QCOMPARE(response->name(), u"response"_s);
        QCOMPARE(payloadOf(*response), QByteArray("654321"));
        step = x.handle(parse(u"<success xmlns='urn:xmpp:sasl:2'><authorization-identifier>"
                              u"nurse@example.org</authorization-identifier></success>"_s));
        QVERIFY(step);
        QVERIFY(step->outcome.enrolled);
        QVERIFY(step->outcome.secondFactor);
    }

    void wrongCodeAndLockoutAreTold()
    {
        auto exchange = Sasl2Exchange::start(offer(), passwordOptions());
        QVERIFY(exchange);
        Sasl2Exchange &x = **exchange;
        TestScramServer server(QCryptographicHash::Sha256, u"correct horse"_s);
        const QByteArray serverFinal = playScram(x, server);
        QVERIFY(
            x.handle(parse(u"<continue xmlns='urn:xmpp:sasl:2'><additional-data>%1"
                           u"</additional-data><tasks><task>TOTP</task></tasks></continue>"_s.arg(
                               QString::fromLatin1(serverFinal.toBase64())))));
        auto badFormat = x.provideCode(u"12345a"_s);
        QVERIFY(!badFormat);
        QCOMPARE(badFormat.error(), (Error{Error::Code::Mfa, u"code-format"_s}));
        QVERIFY(x.awaitingCode()); // still waiting: nothing was sent
        QVERIFY(x.provideCode(u"000000"_s));
        auto step = x.handle(parse(u"<failure xmlns='urn:xmpp:sasl:2'><not-authorized "
                                   u"xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/></failure>"_s));
        QVERIFY(!step);
        QCOMPARE(step.error(), (Error{Error::Code::Mfa, u"wrong-code"_s}));

        auto second = Sasl2Exchange::start(offer(), passwordOptions());
        QVERIFY(second);
        step = (*second)->handle(parse(
            u"<failure xmlns='urn:xmpp:sasl:2'><temporary-auth-failure "
            u"xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/><text>locked</text>"
            u"<locked xmlns='https://rounds.invalid/ns/auth' retry-after='42'/></failure>"_s));
        QVERIFY(!step);
        QCOMPARE(step.error(), (Error{Error::Code::Auth, u"account-locked:42"_s}));

        auto third = Sasl2Exchange::start(offer(), passwordOptions());
        QVERIFY(third);
        step = (*third)->handle(parse(u"<failure xmlns='urn:xmpp:sasl:2'><not-authorized "
                                      u"xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/></failure>"_s));
        QCOMPARE(step.error(), (Error{Error::Code::Auth, u"not-authorized"_s}));
    }

    void fastTokenLogsInWithoutPasswordOrCode()
    {
        auto options = passwordOptions();
        options.password.clear();
        options.token = token();
        auto exchange = Sasl2Exchange::start(offer(), options);
        QVERIFY(exchange);
        Sasl2Exchange &x = **exchange;
        QVERIFY(x.usesFastToken());
        QCOMPARE(x.mechanism(), u"HT-SHA-256-NONE"_s);
        const Element auth = x.authenticate();
        QVERIFY(auth.hasChild(u"fast", u"urn:xmpp:fast:0"));
        QVERIFY(!auth.hasChild(u"request-token", u"urn:xmpp:fast:0"));
        const QByteArray initial = payloadOf(auth, u"initial-response");
        QCOMPARE(initial, QByteArray("nurse") + '\0' +
                              QMessageAuthenticationCode::hash("Initiator", "s3cr3t-token",
                                                               QCryptographicHash::Sha256));

        const QByteArray proof = QMessageAuthenticationCode::hash("Responder", "s3cr3t-token",
                                                                  QCryptographicHash::Sha256);
        auto step = x.handle(
            parse(u"<success xmlns='urn:xmpp:sasl:2'><additional-data>%1</additional-data>"
                  u"<authorization-identifier>nurse@example.org</authorization-identifier>"
                  u"<token xmlns='urn:xmpp:fast:0' token='rotated' expiry='2099-02-01T00:00:00Z'/>"
                  u"</success>"_s.arg(QString::fromLatin1(proof.toBase64()))));
        QVERIFY(step);
        QVERIFY(step->outcome.usedFastToken);
        QVERIFY(!step->outcome.secondFactor);
        QVERIFY(step->outcome.newToken);
        QVERIFY(step->outcome.newToken->afterSecondFactor); // inherited from the old token
    }

    void fastTokenProofAndRefusal()
    {
        auto options = passwordOptions();
        options.token = token();
        auto exchange = Sasl2Exchange::start(offer(), options);
        QVERIFY(exchange);
        auto step = (*exchange)->handle(
            parse(u"<success xmlns='urn:xmpp:sasl:2'><additional-data>AAAA</additional-data>"
                  u"<authorization-identifier>nurse@example.org</authorization-identifier>"
                  u"</success>"_s));
        QCOMPARE(step.error(), (Error{Error::Code::Auth, u"server-proof"_s}));

        auto refused = Sasl2Exchange::start(offer(), options);
        QVERIFY(refused);
        step = (*refused)->handle(parse(u"<failure xmlns='urn:xmpp:sasl:2'><credentials-expired "
                                        u"xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/></failure>"_s));
        QCOMPARE(step.error(), (Error{Error::Code::Auth, u"fast-token-rejected"_s}));

        // The refusal of a client an admin revoked says so.
        auto revoked = Sasl2Exchange::start(offer(), options);
        QVERIFY(revoked);
        step = (*revoked)->handle(parse(u"<failure xmlns='urn:xmpp:sasl:2'><credentials-expired "
                                        u"xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/><revoked "
                                        u"xmlns='https://rounds.invalid/ns/admin'/></failure>"_s));
        QCOMPARE(step.error(), (Error{Error::Code::Auth, u"device-revoked"_s}));
    }

    void expiredTokenUsesThePassword()
    {
        auto options = passwordOptions();
        options.token = token(-1);
        auto exchange = Sasl2Exchange::start(offer(), options);
        QVERIFY(exchange);
        QVERIFY(!(*exchange)->usesFastToken());
        QVERIFY((*exchange)->mechanism().startsWith(u"SCRAM-"));

        options.password.clear();
        auto none = Sasl2Exchange::start(offer(), options);
        QVERIFY(!none);
        QCOMPARE(none.error(), (Error{Error::Code::Auth, u"password-required"_s}));
    }

    void inlineResumeReplacesBind()
    {
        auto options = passwordOptions();
        options.resumeId = u"sm-1"_s;
        options.resumeH = 7;
        auto exchange = Sasl2Exchange::start(offer(), options);
        QVERIFY(exchange);
        const Element auth = (*exchange)->authenticate();
        const Element resume = auth.firstChild(u"resume", u"urn:xmpp:sm:3");
        QCOMPARE(resume.attribute(u"previd"), u"sm-1"_s);
        QCOMPARE(resume.attribute(u"h"), u"7"_s);
        QVERIFY(!auth.hasChild(u"bind", u"urn:xmpp:bind:0"));
    }

    void otpauthUris()
    {
        auto parsed = Xmpp::OtpAuthUri::parse(Uri);
        QVERIFY(parsed);
        QCOMPARE(parsed->issuer, u"Clinic"_s);
        QCOMPARE(parsed->account, u"nurse@example.org"_s);
        QCOMPARE(parsed->secret, u"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"_s);
        QVERIFY(!Xmpp::OtpAuthUri::parse(u"https://evil.example/?secret=JBSWY3DPEHPK3PXP"_s));
        QVERIFY(!Xmpp::OtpAuthUri::parse(u"otpauth://totp/x?secret=not*base32!"_s));
        QVERIFY(!Xmpp::OtpAuthUri::parse(u"otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=8"_s));
    }

    void totpTestVectors()
    {
        // RFC 6238 appendix B, SHA-1 seed "12345678901234567890", low six digits.
        const QString seed = u"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s;
        QCOMPARE(testTotpCode(seed, QDateTime::fromSecsSinceEpoch(59)), u"287082"_s);
        QCOMPARE(testTotpCode(seed, QDateTime::fromSecsSinceEpoch(1111111109)), u"081804"_s);
        QCOMPARE(testTotpCode(seed, QDateTime::fromSecsSinceEpoch(2000000000)), u"279037"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Sasl2Exchange)
#include "tst_Sasl2Exchange.moc"
