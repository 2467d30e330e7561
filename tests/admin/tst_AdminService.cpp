// SPDX-License-Identifier: GPL-3.0-or-later
// The admin console's commands on a fake transport: admin detection from the
// command list, typed rows from result forms, wipe ids, refusals.
#include "admin/AdminService.h"

#include "ClientHarness.h"
#include "TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Core::Error;
using Xmpp::Element;

namespace {

const QString Commands = u"http://jabber.org/protocol/commands"_s;

QString completed(const QString &id, const QString &node, const QString &form)
{
    return u"<iq type='result' from='example.org' id='%1'><command xmlns='%2' node='%3' "
           u"status='completed'><note type='info'>done</note>%4</command></iq>"_s.arg(id, Commands,
                                                                                      node, form);
}

QString executing(const QString &id, const QString &node, const QString &fields)
{
    return u"<iq type='result' from='example.org' id='%1'><command xmlns='%2' node='%3' "
           u"sessionid='s1' status='executing'><x xmlns='jabber:x:data' type='form'>%4</x>"
           u"</command></iq>"_s.arg(id, Commands, node, fields);
}

} // namespace

class tst_AdminService : public QObject
{
    Q_OBJECT

    // Answers the execute with a form of `fields`, then the submit with `result`;
    // returns the submitted form.
    static Xmpp::DataForm play(ClientHarness &h, const QString &fields, const QString &result)
    {
        const Element execute = h.takeSent(u"iq");
        const QString node = execute.firstChild(u"command", Commands).attribute(u"node");
        h.transport.inject(executing(execute.attribute(u"id"), node, fields));
        Element submit;
        (void)QTest::qWaitFor(
            [&] {
                submit = h.takeSent(u"iq");
                return !submit.isNull();
            },
            2000);
        h.transport.inject(completed(submit.attribute(u"id"), node, result));
        const auto form = Xmpp::DataForm::fromElement(
            submit.firstChild(u"command", Commands).firstChild(u"x", u"jabber:x:data"));
        return form ? *form : Xmpp::DataForm();
    }

private Q_SLOTS:
    void adminSeesTheAdminCommands()
    {
        ClientHarness h;
        Admin::AdminService admin(h.client);
        QVERIFY(h.login());
        auto future = admin.isAdmin();
        const Element iq = h.takeSent(u"iq");
        QCOMPARE(iq.attribute(u"to"), u"example.org"_s);
        h.transport.inject(
            u"<iq type='result' id='%1'><query xmlns='http://jabber.org/protocol/disco#items' "
            u"node='%2'><item jid='example.org' node='https://rounds.invalid/ns/admin#list-users'"
            u"/></query></iq>"_s.arg(iq.attribute(u"id"), Commands));
        QVERIFY(TestSupport::waitFor(future));
        QCOMPARE(future.result(), Core::Result<bool>(true));
    }

    void othersDoNot()
    {
        ClientHarness h;
        Admin::AdminService admin(h.client);
        QVERIFY(h.login());
        auto future = admin.isAdmin();
        const Element iq = h.takeSent(u"iq");
        h.transport.inject(
            u"<iq type='result' id='%1'><query xmlns='http://jabber.org/protocol/disco#items' "
            u"node='%2'><item jid='example.org' node='urn:other#ping'/></query></iq>"_s.arg(
                iq.attribute(u"id"), Commands));
        QVERIFY(TestSupport::waitFor(future));
        QCOMPARE(future.result(), Core::Result<bool>(false));
    }

    void listDevicesGivesTypedRows()
    {
        ClientHarness h;
        Admin::AdminService admin(h.client);
        QVERIFY(h.login());
        auto future = admin.listDevices(Core::Jid(u"uma@example.org/x"_s));
        const auto submitted =
            play(h, u"<field var='accountjid' type='jid-single'/>"_s,
                 u"<x xmlns='jabber:x:data' type='result'><reported><field var='user-agent-id'/>"
                 u"<field var='state'/><field var='online'/><field var='omemo-devices'/>"
                 u"<field var='last-seen'/><field var='token'/></reported>"
                 u"<item><field var='user-agent-id'><value>ua-1</value></field><field var='state'>"
                 u"<value>wiped</value></field><field var='online'><value>false</value></field>"
                 u"<field var='omemo-devices'><value>11 12</value></field><field var='last-seen'>"
                 u"<value>2026-01-02T03:04:05Z</value></field><field var='token'><value>revoked"
                 u"</value></field></item></x>"_s);
        QCOMPARE(submitted.value(u"accountjid"), u"uma@example.org"_s); // bare
        QVERIFY(TestSupport::waitFor(future));
        QVERIFY(future.result());
        QCOMPARE(future.result()->size(), 1);
        const Admin::DeviceRow &row = future.result()->first();
        QCOMPARE(row.userAgentId, u"ua-1"_s);
        QCOMPARE(row.state, u"wiped"_s);
        QVERIFY(!row.online);
        QCOMPARE(row.omemoDevices, (QStringList{u"11"_s, u"12"_s}));
        QCOMPARE(row.lastSeen, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(row.token, u"revoked"_s);
    }

    void wipeGivesTheWipeId()
    {
        ClientHarness h;
        Admin::AdminService admin(h.client);
        QVERIFY(h.login());
        auto future = admin.wipeDevice(Core::Jid(u"uma@example.org"_s), u"ua-1"_s);
        const auto submitted = play(h,
                                    u"<field var='accountjid' type='jid-single'/>"
                                    u"<field var='user-agent-id' type='text-single'/>"_s,
                                    u"<x xmlns='jabber:x:data' type='result'><field "
                                    u"var='wipe-id'><value>W-9</value></field></x>"_s);
        QCOMPARE(submitted.value(u"user-agent-id"), u"ua-1"_s);
        QVERIFY(TestSupport::waitFor(future));
        QCOMPARE(future.result(), Core::Result<QString>(u"W-9"_s));
    }

    void auditEntriesAreParsed()
    {
        ClientHarness h;
        Admin::AdminService admin(h.client);
        QVERIFY(h.login());
        auto future = admin.exportAudit(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        const auto submitted = play(
            h, u"<field var='since'/><field var='until'/><field var='max'/>"_s,
            u"<x xmlns='jabber:x:data' type='result'><field var='count'><value>1</value></field>"
            u"<field var='entries' type='text-multi'><value>{\"seq\":3,\"ts\":"
            u"\"2026-01-02T00:00:00Z\",\"event\":\"revoke-device\",\"actor\":\"a@example.org\","
            u"\"account\":\"uma@example.org\",\"user_agent_id\":\"ua-1\",\"prev\":\"00\","
            u"\"hash\":\"ff\"}</value></field></x>"_s);
        QCOMPARE(submitted.value(u"since"), u"2026-01-01T00:00:00Z"_s);
        QVERIFY(submitted.value(u"until").isEmpty());
        QVERIFY(TestSupport::waitFor(future));
        QVERIFY(future.result());
        QCOMPARE(future.result()->size(), 1);
        const Admin::AuditRow &row = future.result()->first();
        QCOMPARE(row.seq, 3);
        QCOMPARE(row.event, u"revoke-device"_s);
        QCOMPARE(row.userAgentId, u"ua-1"_s);
        QCOMPARE(row.hash, u"ff"_s);
    }

    void nonAdminIsRefused()
    {
        ClientHarness h;
        Admin::AdminService admin(h.client);
        QVERIFY(h.login());
        auto future = admin.listUsers();
        const Element iq = h.takeSent(u"iq");
        h.transport.inject(u"<iq type='error' id='%1'><error type='auth'><forbidden "
                           u"xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"_s.arg(
                               iq.attribute(u"id")));
        QVERIFY(TestSupport::waitFor(future));
        QCOMPARE(future.result().error(), (Error{Error::Code::Auth, u"admin-forbidden"_s}));
    }
};

QTEST_GUILESS_MAIN(tst_AdminService)
#include "tst_AdminService.moc"
