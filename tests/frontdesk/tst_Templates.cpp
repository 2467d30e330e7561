// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/Templates.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace FrontDesk;

class tst_Templates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInsRenderInBothLanguages()
    {
        const QHash<QString, QString> values = {{u"first_name"_s, u"Ana"_s},
                                                {u"date"_s, u"2030-05-02"_s},
                                                {u"time"_s, u"9:30"_s},
                                                {u"clinic"_s, u"North Clinic"_s},
                                                {u"clinic_phone"_s, u"555-0100"_s}};
        for (const TemplateKind kind : {TemplateKind::Appointment, TemplateKind::Refill,
                                        TemplateKind::FollowUp, TemplateKind::InsuranceExpiry}) {
            const MessageTemplate t = MessageTemplate::builtIn(kind);
            for (const Language language : {Language::English, Language::Spanish}) {
                auto text = render(*t.text(language), values);
                QVERIFY2(text, qPrintable(text ? QString() : text.error().detail));
                QVERIFY(text->contains(u"Ana"_s));
                QVERIFY(!text->contains(u'{'));
            }
        }
        auto es = render(
            *MessageTemplate::builtIn(TemplateKind::Appointment).text(Language::Spanish), values);
        QVERIFY(es->startsWith(u"Hola Ana"_s));
    }

    void missingAndUnknownPlaceholders()
    {
        auto missing = render(u"Hi {first_name} on {date}"_s, {{u"first_name"_s, u"Ana"_s}});
        QVERIFY(!missing);
        QCOMPARE(missing.error().detail, u"template-missing-value:date"_s);
        auto blank = render(u"Hi {first_name}"_s, {{u"first_name"_s, u"  "_s}});
        QCOMPARE(blank.error().detail, u"template-missing-value:first_name"_s);
        auto unknown = render(u"Hi {diagnosis}"_s, {{u"diagnosis"_s, u"x"_s}});
        QCOMPARE(unknown.error().detail, u"template-unknown-placeholder:diagnosis"_s);
        auto made = MessageTemplate::make(TemplateKind::Custom, u"Hi {first_name} {ssn}"_s);
        QVERIFY(!made);
        QCOMPARE(made.error().detail, u"template-unknown-placeholder:ssn"_s);
        QCOMPARE(MessageTemplate::make(TemplateKind::Custom, u"Hi {first_name"_s).error().detail,
                 u"template-malformed:en"_s);
        QCOMPARE(MessageTemplate::make(TemplateKind::Custom, u"Hi }"_s).error().detail,
                 u"template-malformed:en"_s);
        QCOMPARE(MessageTemplate::make(TemplateKind::Custom, u" "_s).error().detail,
                 u"template-empty"_s);
    }

    void customWithoutSpanish()
    {
        auto made =
            MessageTemplate::make(TemplateKind::Custom, u"Hi {first_name}, see you {date}"_s);
        QVERIFY(made);
        QVERIFY(!made->text(Language::Spanish));
        QCOMPARE(made->placeholders(Language::English), (QStringList{u"date"_s, u"first_name"_s}));
    }

    void names()
    {
        QCOMPARE(templateKindFromName(u"insurance-expiry"), TemplateKind::InsuranceExpiry);
        QVERIFY(!templateKindFromName(u"lab-results"));
        QCOMPARE(languageFromCode(u"ES-mx"), Language::Spanish);
        QVERIFY(!languageFromCode(u"fr"));
    }
};

QTEST_GUILESS_MAIN(tst_Templates)
#include "tst_Templates.moc"
