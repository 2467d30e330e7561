// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/MinimumNecessaryPolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace FrontDesk;

class tst_MinimumNecessaryPolicy : public QObject
{
    Q_OBJECT
    const QDate today{2030, 1, 15};

    QList<Finding> check(const QString &text, Channel channel = Channel::Xmpp,
                         const QString &last = {}, MinimumNecessaryRules rules = {})
    {
        return MinimumNecessaryPolicy(rules).check({text, channel, last, today});
    }

private Q_SLOTS:
    void cleanReminderPasses()
    {
        const QString text = u"Hi Ana, this is a reminder of your appointment at North Clinic on "
                             u"2030-01-20 at 9:30. Call 555-123-4567."_s;
        QVERIFY(check(text).isEmpty());
        QVERIFY(check(text, Channel::SmsGateway, u"Ruiz"_s).isEmpty());
    }

    void ssnMrnBirthDate()
    {
        QCOMPARE(check(u"Your SSN 123-45-6789 is on file"_s), (QList{Finding::Ssn}));
        QCOMPARE(check(u"ref 123 45 6789"_s), (QList{Finding::Ssn}));
        QCOMPARE(check(u"MRN: 00123456"_s), (QList{Finding::Mrn}));
        QCOMPARE(check(u"expediente nº 44556"_s), (QList{Finding::Mrn}));
        QCOMPARE(check(u"DOB 03/14/1980"_s), (QList{Finding::DateOfBirth}));
        QCOMPARE(check(u"born 1975-02-01"_s), (QList{Finding::DateOfBirth}));
        QCOMPARE(check(u"record of 14.03.1980"_s), (QList{Finding::DateOfBirth}));
        QCOMPARE(check(u"fecha de nacimiento: 1 de marzo"_s), (QList{Finding::DateOfBirth}));
        QVERIFY(check(u"see you 2030-01-20"_s).isEmpty());
        MinimumNecessaryRules rules;
        rules.mrnPattern = u"\\bK\\d{7}\\b"_s;
        QCOMPARE(check(u"chart K1234567"_s, Channel::Xmpp, {}, rules), (QList{Finding::Mrn}));
        QVERIFY(check(u"chart K1234567"_s).isEmpty());
    }

    void clinicalTermsOnlyLeavingE2e()
    {
        const QString en = u"Your insulin refill is ready"_s;
        const QString es = u"Su resultado de la BIOPSIA está listo; DIAGNÓSTICO pendiente"_s;
        QVERIFY(check(en).isEmpty());
        QCOMPARE(check(en, Channel::SmsGateway), (QList{Finding::ClinicalTerm}));
        QCOMPARE(check(es, Channel::SmsGateway), (QList{Finding::ClinicalTerm}));
        QCOMPARE(check(u"sin diagnostico"_s, Channel::SmsGateway), (QList{Finding::ClinicalTerm}));
        // Whole words only.
        QVERIFY(check(u"Strokes of luck; chemistry class"_s, Channel::SmsGateway).isEmpty());
        QVERIFY(MinimumNecessaryPolicy::clinicalTerms().contains(u"quimioterapia"_s));
    }

    void fullNames()
    {
        MinimumNecessaryRules loose;
        loose.firstNamesOnly = false;
        const QString text = u"Hi Ana Ruiz"_s;
        QCOMPARE(check(text, Channel::Xmpp, u"Ruiz"_s), (QList{Finding::FullName}));
        QVERIFY(check(text, Channel::Xmpp, u"Ruiz"_s, loose).isEmpty());
        // Gateway endpoints: always first names only.
        QCOMPARE(check(text, Channel::SmsGateway, u"Ruiz"_s, loose), (QList{Finding::FullName}));
        QCOMPARE(check(u"Hola Ana Núñez"_s, Channel::Xmpp, u"Nunez"_s), (QList{Finding::FullName}));
    }

    void overrides()
    {
        MinimumNecessaryPolicy strict;
        QVERIFY(!strict.mayOverride({Finding::ClinicalTerm}));
        MinimumNecessaryRules rules;
        rules.allowOverride = true;
        MinimumNecessaryPolicy allowing(rules);
        QVERIFY(allowing.mayOverride({Finding::ClinicalTerm, Finding::FullName}));
        QVERIFY(!allowing.mayOverride({Finding::Ssn}));
    }

    void endpoints()
    {
        EndpointRules rules;
        rules.orgDomain = u"clinic.example"_s;
        rules.plaintextDomains = {u"sms.clinic.example"_s};
        rules.gatewayStandIns = {u"gw@localhost"_s};
        QCOMPARE(rules.channelOf(u"+15551234567@sms.clinic.example"_s), Channel::SmsGateway);
        QCOMPARE(rules.channelOf(u"ana@clinic.example"_s), Channel::Xmpp);
        QCOMPARE(rules.channelOf(u"gw@localhost"_s), Channel::SmsGateway);
        QCOMPARE(rules.channelOf(u"+15551234567@sms.other.example"_s), Channel::SmsGateway);
        QVERIFY(rules.plaintextAllowed(u"+15551234567@sms.clinic.example"_s));
        // Another provider's gateway: no plaintext without its own rule.
        QVERIFY(!rules.plaintextAllowed(u"+15551234567@sms.other.example"_s));
        QVERIFY(!rules.plaintextAllowed(u"ana@clinic.example"_s));
        QVERIFY(!rules.plaintextAllowed(u"gw@localhost"_s));
        QVERIFY(!EndpointRules::isPhoneLocalPart(u"+1555"));
        QVERIFY(!EndpointRules::isPhoneLocalPart(u"15551234567"));
    }
};

QTEST_GUILESS_MAIN(tst_MinimumNecessaryPolicy)
#include "tst_MinimumNecessaryPolicy.moc"
