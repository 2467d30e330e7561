// SPDX-License-Identifier: GPL-3.0-or-later
// The org policy payload (docs/admin.md): defaults, parsing, malformed values,
// serialisation, and clamping local settings so they are never looser.
#include "admin/OrgPolicy.h"

#include "xmpp/XmlStreamParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Admin::NotificationDetail;
using Admin::OrgPolicy;

namespace {

Xmpp::Element parse(const QString &xml)
{
    Xmpp::XmlStreamParser parser;
    const auto parsed = parser.feed(xml);
    return parsed && parsed->size() == 1 ? parsed->first() : Xmpp::Element();
}

QString payload(const QString &inner)
{
    return u"<policy xmlns='https://rounds.invalid/ns/policy'>"_s + inner + u"</policy>"_s;
}

} // namespace

class tst_OrgPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyPayloadGivesDefaults()
    {
        const auto policy = OrgPolicy::fromElement(parse(payload({})));
        QVERIFY(policy);
        QCOMPARE(policy->idleLockMinutes, 15);
        QCOMPARE(policy->retentionDays, 0);
        QVERIFY(!policy->requireMfa);
        QVERIFY(!policy->requireVerifiedDevices);
        QVERIFY(policy->allowAttachments);
        QCOMPARE(policy->notificationDetail, NotificationDetail::Sender);
        QVERIFY(policy->forwardingDomains.isEmpty());
        QCOMPARE(*policy, OrgPolicy{});
    }

    void parsesEveryField()
    {
        const auto policy = OrgPolicy::fromElement(parse(
            payload(u"<idle-lock-minutes>5</idle-lock-minutes><retention-days>30</retention-days>"
                    u"<require-mfa>true</require-mfa><require-verified-devices>1"
                    u"</require-verified-devices><allow-attachments>false</allow-attachments>"
                    u"<notification-detail>none</notification-detail>"
                    u"<forwarding-domain>Partner.Example</forwarding-domain>"
                    u"<forwarding-domain>lab.example</forwarding-domain>"
                    u"<future-setting>ignored</future-setting>"
                    u"<idle-lock-minutes xmlns='urn:other'>x</idle-lock-minutes>"_s)));
        QVERIFY2(policy, policy ? "" : qPrintable(policy.error().detail));
        QCOMPARE(policy->idleLockMinutes, 5);
        QCOMPARE(policy->retentionDays, 30);
        QVERIFY(policy->requireMfa);
        QVERIFY(policy->requireVerifiedDevices);
        QVERIFY(!policy->allowAttachments);
        QCOMPARE(policy->notificationDetail, NotificationDetail::None);
        QCOMPARE(policy->forwardingDomains, (QStringList{u"partner.example"_s, u"lab.example"_s}));
        QVERIFY(policy->allowsForwardingTo(u"lab.example"_s, u"clinic.example"_s));
        QVERIFY(policy->allowsForwardingTo(u"Clinic.Example"_s, u"clinic.example"_s));
        QVERIFY(!policy->allowsForwardingTo(u"evil.example"_s, u"clinic.example"_s));
    }

    void malformedValuesAreRefused_data()
    {
        QTest::addColumn<QString>("inner");
        QTest::addColumn<QString>("detail");
        QTest::newRow("idle 0") << u"<idle-lock-minutes>0</idle-lock-minutes>"_s
                                << u"policy-malformed:idle-lock-minutes"_s;
        QTest::newRow("idle 481") << u"<idle-lock-minutes>481</idle-lock-minutes>"_s
                                  << u"policy-malformed:idle-lock-minutes"_s;
        QTest::newRow("idle text") << u"<idle-lock-minutes>five</idle-lock-minutes>"_s
                                   << u"policy-malformed:idle-lock-minutes"_s;
        QTest::newRow("retention negative")
            << u"<retention-days>-1</retention-days>"_s << u"policy-malformed:retention-days"_s;
        QTest::newRow("bool") << u"<require-mfa>yes</require-mfa>"_s
                              << u"policy-malformed:require-mfa"_s;
        QTest::newRow("detail") << u"<notification-detail>all</notification-detail>"_s
                                << u"policy-malformed:notification-detail"_s;
        QTest::newRow("domain") << u"<forwarding-domain>a b</forwarding-domain>"_s
                                << u"policy-malformed:forwarding-domain"_s;
    }
    void malformedValuesAreRefused()
    {
        QFETCH(QString, inner);
        QFETCH(QString, detail);
        const auto policy = OrgPolicy::fromElement(parse(payload(inner)));
        QVERIFY(!policy);
        QCOMPARE(policy.error(), (Core::Error{Core::Error::Code::Policy, detail}));
    }

    void otherPayloadIsRefused()
    {
        QVERIFY(!OrgPolicy::fromElement(parse(u"<policy xmlns='urn:other'/>"_s)));
    }

    void roundTrips()
    {
        OrgPolicy policy;
        policy.idleLockMinutes = 7;
        policy.retentionDays = 90;
        policy.requireMfa = true;
        policy.allowAttachments = false;
        policy.notificationDetail = NotificationDetail::Preview;
        policy.forwardingDomains = {u"partner.example"_s};
        QVERIFY(policy.validate());
        const auto back = OrgPolicy::fromElement(parse(policy.toElement().toXml()));
        QVERIFY(back);
        QCOMPARE(*back, policy);
        policy.idleLockMinutes = 0;
        QVERIFY(!policy.validate());
    }

    void clampNeverLoosens()
    {
        OrgPolicy policy;
        policy.idleLockMinutes = 5;
        policy.retentionDays = 30;
        policy.requireVerifiedDevices = true;
        policy.notificationDetail = NotificationDetail::Sender;

        Admin::LocalPreferences loose;
        loose.idleLockMinutes = 30;
        loose.retentionDays = 0;
        loose.requireVerifiedDevices = false;
        loose.notificationDetail = NotificationDetail::Preview;
        const auto clamped = policy.clamp(loose);
        QCOMPARE(clamped.idleLockMinutes, 5);
        QCOMPARE(clamped.retentionDays, 30);
        QVERIFY(clamped.requireVerifiedDevices);
        QCOMPARE(clamped.notificationDetail, NotificationDetail::Sender);

        Admin::LocalPreferences strict;
        strict.idleLockMinutes = 2;
        strict.retentionDays = 7;
        strict.notificationDetail = NotificationDetail::None;
        const auto kept = policy.clamp(strict);
        QCOMPARE(kept.idleLockMinutes, 2);
        QCOMPARE(kept.retentionDays, 7);
        QCOMPARE(kept.notificationDetail, NotificationDetail::None);

        // No choice of one's own: the policy's value.
        QCOMPARE(policy.clamp({}).idleLockMinutes, 5);
        // A policy that keeps forever leaves the user's retention alone.
        QCOMPARE(OrgPolicy{}.clamp(strict).retentionDays, 7);
    }
};

QTEST_GUILESS_MAIN(tst_OrgPolicy)
#include "tst_OrgPolicy.moc"
