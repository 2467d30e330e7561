// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0050 ad-hoc commands on a fake transport: listing, two-step execution,
// single-step results, notes and errors.
#include "xmpp/extensions/AdHocExtension.h"

#include "ClientHarness.h"
#include "TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Core::Error;
using Xmpp::AdHocExtension;
using Xmpp::Element;

namespace {

const Core::Jid Host(u"example.org"_s);
const QString Node = u"https://rounds.invalid/ns/admin#revoke-device"_s;

} // namespace

class tst_AdHocExtension : public QObject
{
    Q_OBJECT

    struct Setup
    {
        ClientHarness harness;
        AdHocExtension &adhoc = harness.client.addExtension<AdHocExtension>();
    };

private Q_SLOTS:
    void listsCommandsWithIds()
    {
        Setup s;
        QVERIFY(s.harness.login());
        auto future = s.adhoc.commands(Host);
        const Element iq = s.harness.takeSent(u"iq");
        QCOMPARE(iq.attribute(u"to"), u"example.org"_s);
        QCOMPARE(
            iq.firstChild(u"query", u"http://jabber.org/protocol/disco#items").attribute(u"node"),
            u"http://jabber.org/protocol/commands"_s);
        s.harness.transport.inject(
            u"<iq type='result' from='example.org' id='%1'>"
            u"<query xmlns='http://jabber.org/protocol/disco#items' "
            u"node='http://jabber.org/protocol/commands'>"
            u"<item jid='example.org' node='%2' name='Revoke'/></query></iq>"_s.arg(
                iq.attribute(u"id"), Node));
        QVERIFY(TestSupport::waitFor(future));
        QVERIFY(future.result());
        QCOMPARE(future.result()->size(), 1);
        QCOMPARE(future.result()->first().node, Node);
        QCOMPARE(future.result()->first().name, u"Revoke"_s);
    }

    void runsTwoStepCommand()
    {
        Setup s;
        QVERIFY(s.harness.login());
        auto future = s.adhoc.run(
            Host, Node,
            {{u"accountjid"_s, {u"ana@example.org"_s}}, {u"user-agent-id"_s, {u"ua-1"_s}}});
        const Element execute = s.harness.takeSent(u"iq");
        const Element command =
            execute.firstChild(u"command", u"http://jabber.org/protocol/commands");
        QCOMPARE(command.attribute(u"node"), Node);
        QCOMPARE(command.attribute(u"action"), u"execute"_s);
        QVERIFY(!command.hasChild(u"x", u"jabber:x:data"));
        s.harness.transport.inject(
            u"<iq type='result' from='example.org' id='%1'>"
            u"<command xmlns='http://jabber.org/protocol/commands' node='%2' sessionid='s7' "
            u"status='executing'><x xmlns='jabber:x:data' type='form'>"
            u"<field var='FORM_TYPE' type='hidden'><value>urn:x</value></field>"
            u"<field var='accountjid' type='jid-single'/><field var='user-agent-id' "
            u"type='text-single'/></x></command></iq>"_s.arg(execute.attribute(u"id"), Node));
        Element submit;
        QVERIFY(QTest::qWaitFor(
            [&] {
                submit = s.harness.takeSent(u"iq");
                return !submit.isNull();
            },
            2000));
        const Element next = submit.firstChild(u"command", u"http://jabber.org/protocol/commands");
        QCOMPARE(next.attribute(u"sessionid"), u"s7"_s);
        const auto form = Xmpp::DataForm::fromElement(next.firstChild(u"x", u"jabber:x:data"));
        QVERIFY(form);
        QCOMPARE(form->type(), Xmpp::DataForm::Type::Submit);
        QCOMPARE(form->formType(), u"urn:x"_s);
        QCOMPARE(form->value(u"accountjid"), u"ana@example.org"_s);
        QCOMPARE(form->value(u"user-agent-id"), u"ua-1"_s);
        s.harness.transport.inject(
            u"<iq type='result' from='example.org' id='%1'>"
            u"<command xmlns='http://jabber.org/protocol/commands' node='%2' sessionid='s7' "
            u"status='completed'><note type='info'>Revoked</note>"
            u"<x xmlns='jabber:x:data' type='result'><field var='wipe-id'><value>w1</value>"
            u"</field></x></command></iq>"_s.arg(submit.attribute(u"id"), Node));
        QVERIFY(TestSupport::waitFor(future));
        QVERIFY(future.result());
        QCOMPARE(future.result()->status, AdHocExtension::Response::Status::Completed);
        QCOMPARE(future.result()->notes.size(), 1);
        QVERIFY(future.result()->form);
        QCOMPARE(future.result()->form->value(u"wipe-id"), u"w1"_s);
    }

    void singleStepCompletesAtOnce()
    {
        Setup s;
        QVERIFY(s.harness.login());
        auto future = s.adhoc.run(Host, u"list"_s);
        const Element execute = s.harness.takeSent(u"iq");
        s.harness.transport.inject(
            u"<iq type='result' id='%1'><command xmlns='http://jabber.org/protocol/commands' "
            u"node='list' status='completed'/></iq>"_s.arg(execute.attribute(u"id")));
        QVERIFY(TestSupport::waitFor(future));
        QVERIFY(future.result());
        QVERIFY(s.harness.takeSent(u"iq").isNull()); // nothing submitted
    }

    void errorsAreMapped_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("detail");
        QTest::newRow("forbidden")
            << u"forbidden"_s << int(Error::Code::Auth) << u"admin-forbidden"_s;
        QTest::newRow("item-not-found")
            << u"item-not-found"_s << int(Error::Code::Stanza) << u"adhoc-item-not-found"_s;
        QTest::newRow("bad-request")
            << u"bad-request"_s << int(Error::Code::Stanza) << u"adhoc-bad-request"_s;
        QTest::newRow("other") << u"internal-server-error"_s << int(Error::Code::Stanza)
                               << u"iq error: internal-server-error"_s;
    }
    void errorsAreMapped()
    {
        QFETCH(QString, condition);
        QFETCH(int, code);
        QFETCH(QString, detail);
        const Error expected{Error::Code(code), detail};
        Setup s;
        QVERIFY(s.harness.login());
        auto future = s.adhoc.run(Host, Node, {{u"accountjid"_s, {u"a@example.org"_s}}});
        const Element execute = s.harness.takeSent(u"iq");
        s.harness.transport.inject(
            u"<iq type='error' id='%1'><error type='auth'><%2 "
            u"xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s.arg(
                execute.attribute(u"id"), condition));
        QVERIFY(TestSupport::waitFor(future));
        QVERIFY(!future.result());
        QCOMPARE(future.result().error(), expected);
    }

    void errorNoteFails()
    {
        Setup s;
        QVERIFY(s.harness.login());
        auto future = s.adhoc.execute(Host, Node);
        const Element execute = s.harness.takeSent(u"iq");
        s.harness.transport.inject(
            u"<iq type='result' id='%1'><command xmlns='http://jabber.org/protocol/commands' "
            u"node='x' status='completed'><note type='error'>no</note></command></iq>"_s.arg(
                execute.attribute(u"id")));
        QVERIFY(TestSupport::waitFor(future));
        QVERIFY(!future.result());
        QCOMPARE(future.result().error().detail, u"adhoc-note-error"_s);
    }
};

QTEST_GUILESS_MAIN(tst_AdHocExtension)
#include "tst_AdHocExtension.moc"
