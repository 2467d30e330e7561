// SPDX-License-Identifier: GPL-3.0-or-later
// XEP-0004 data forms: parse, build, reported tables, submissions.
#include "xmpp/DataForm.h"

#include "xmpp/XmlStreamParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Xmpp::DataForm;
using Xmpp::Element;

namespace {

Element parse(const QString &xml)
{
    Xmpp::XmlStreamParser parser;
    const auto parsed = parser.feed(xml);
    return parsed && parsed->size() == 1 ? parsed->first() : Element();
}

} // namespace

class tst_DataForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesFieldsTypesAndValues()
    {
        const auto form = DataForm::fromElement(parse(
            u"<x xmlns='jabber:x:data' type='form'><title>Revoke</title>"
            u"<instructions>Pick one</instructions>"
            u"<field var='FORM_TYPE' type='hidden'><value>urn:example</value></field>"
            u"<field var='accountjid' type='jid-single' label='Account'><required/></field>"
            u"<field var='flags' type='list-multi'><option label='A'><value>a</value></option>"
            u"<value>a</value><value>b</value></field>"
            u"<field var='on' type='boolean'><value>1</value></field>"
            u"<field type='fixed'><value>note</value></field></x>"_s));
        QVERIFY(form);
        QCOMPARE(form->type(), DataForm::Type::Form);
        QCOMPARE(form->title(), u"Revoke"_s);
        QCOMPARE(form->instructions(), QStringList{u"Pick one"_s});
        QCOMPARE(form->formType(), u"urn:example"_s);
        QCOMPARE(form->fields().size(), 5);
        const auto *account = form->field(u"accountjid");
        QVERIFY(account);
        QCOMPARE(account->type, u"jid-single"_s);
        QCOMPARE(account->label, u"Account"_s);
        QVERIFY(account->required);
        QVERIFY(account->values.isEmpty());
        QCOMPARE(form->values(u"flags"), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(form->field(u"flags")->options.size(), 1);
        QVERIFY(form->field(u"on")->isTrue());
        QVERIFY(form->value(u"missing").isNull());
    }

    void parsesReportedTable()
    {
        const auto form = DataForm::fromElement(parse(
            u"<x xmlns='jabber:x:data' type='result'>"
            u"<reported><field var='jid' type='jid-single'/><field var='online' type='boolean'/>"
            u"</reported>"
            u"<item><field var='jid'><value>a@h</value></field><field var='online'><value>true"
            u"</value></field></item>"
            u"<item><field var='jid'><value>b@h</value></field></item></x>"_s));
        QVERIFY(form);
        QCOMPARE(form->type(), DataForm::Type::Result);
        QCOMPARE(form->reported().size(), 2);
        QCOMPARE(form->items().size(), 2);
        QCOMPARE(DataForm::cell(form->items().at(0), u"jid"), u"a@h"_s);
        QCOMPARE(DataForm::cell(form->items().at(0), u"online"), u"true"_s);
        QVERIFY(DataForm::cell(form->items().at(1), u"online").isNull());
    }

    void refusesMalformedForms_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::newRow("no type") << u"<x xmlns='jabber:x:data'/>"_s;
        QTest::newRow("bad type") << u"<x xmlns='jabber:x:data' type='nonsense'/>"_s;
        QTest::newRow("field without var")
            << u"<x xmlns='jabber:x:data' type='form'><field type='text-single'/></x>"_s;
        QTest::newRow("two values in a single field")
            << u"<x xmlns='jabber:x:data' type='form'><field var='a' type='text-single'>"
               u"<value>1</value><value>2</value></field></x>"_s;
        QTest::newRow("items without reported")
            << u"<x xmlns='jabber:x:data' type='result'><item/></x>"_s;
        QTest::newRow("other element") << u"<y xmlns='jabber:x:data' type='form'/>"_s;
    }
    void refusesMalformedForms()
    {
        QFETCH(QString, xml);
        const auto form = DataForm::fromElement(parse(xml));
        QVERIFY(!form);
        QCOMPARE(form.error().code, Core::Error::Code::Stanza);
    }

    void buildsAndRoundTrips()
    {
        DataForm form(DataForm::Type::Result);
        form.setTitle(u"Users"_s);
        form.setValue(u"count"_s, u"2"_s, u"text-single"_s);
        form.setValues(u"entries"_s, {u"{}"_s, u"{\"a\":1}"_s}, u"text-multi"_s);
        form.setReported({{u"jid"_s, u"jid-single"_s, {}, {}, false, {}}});
        form.addItem({{u"jid"_s, {}, {}, {u"a@h"_s}, false, {}}});
        const Element x = form.toElement();
        QCOMPARE(x.attribute(u"type"), u"result"_s);
        const auto back = DataForm::fromElement(parse(x.toXml()));
        QVERIFY(back);
        QCOMPARE(*back, form);
    }

    void submissionCarriesValuesButNotFixedFields()
    {
        auto form = DataForm::fromElement(
            parse(u"<x xmlns='jabber:x:data' type='form'>"
                  u"<field var='FORM_TYPE' type='hidden'><value>urn:example</value></field>"
                  u"<field type='fixed'><value>read me</value></field>"
                  u"<field var='accountjid' type='jid-single'/></x>"_s));
        QVERIFY(form);
        DataForm submit = form->submission();
        submit.setValue(u"accountjid"_s, u"a@h"_s);
        QCOMPARE(submit.toElement(),
                 parse(u"<x xmlns='jabber:x:data' type='submit'>"
                       u"<field var='FORM_TYPE' type='hidden'><value>urn:example</value></field>"
                       u"<field var='accountjid'><value>a@h</value></field></x>"_s));
    }
};

QTEST_GUILESS_MAIN(tst_DataForm)
#include "tst_DataForm.moc"
