// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/BatchProtocol.h"
#include "frontdesk/CsvReader.h"
#include "frontdesk/ReminderBatch.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace FrontDesk;

class tst_ReminderBatch : public QObject
{
    Q_OBJECT
    const QDateTime now = QDateTime(QDate(2030, 1, 15), QTime(8, 0), Qt::UTC);

    static QByteArray header()
    {
        return "patient,first_name,last_name,language,send_at,date,time,clinic\r\n";
    }

private Q_SLOTS:
    void rfc4180()
    {
        const QByteArray csv = "\xEF\xBB\xBF"
                               "a,\"b, with comma\",\"say \"\"hi\"\"\"\r\n"
                               "\r\n"
                               "\"multi\nline\",,x\n"
                               "\"Núñez\",2,3";
        auto records = CsvReader::parse(csv);
        QVERIFY(records);
        QCOMPARE(records->size(), 3);
        QCOMPARE(records->at(0), (CsvRecord{1, {u"a"_s, u"b, with comma"_s, u"say \"hi\""_s}}));
        QCOMPARE(records->at(1), (CsvRecord{3, {u"multi\nline"_s, u""_s, u"x"_s}}));
        QCOMPARE(records->at(2).line, 5);
        QCOMPARE(records->at(2).fields.first(), u"Núñez"_s);
    }

    void malformedFiles_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("detail");
        QTest::newRow("unterminated")
            << QByteArray("a,b\n\"open,c\nd,e\n") << u"csv-unterminated-quote:line 2"_s;
        QTest::newRow("stray quote") << QByteArray("a,b\nx\"y,c\n") << u"csv-stray-quote:line 2"_s;
        QTest::newRow("after quote")
            << QByteArray("a,b\n\"x\"y,c\n") << u"csv-text-after-quote:line 2"_s;
        QTest::newRow("not utf8") << QByteArray("a,b\nc,d\n\xff\xfe,x\n")
                                  << u"csv-not-utf8:line 3"_s;
    }
    void malformedFiles()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, detail);
        auto records = CsvReader::parse(csv);
        QVERIFY(!records);
        QCOMPARE(records.error().detail, detail);
        // Nothing of such a file becomes a row.
        const BatchImport import = ReminderBatch::importCsv(csv, now);
        QVERIFY(!import.valid());
        QVERIFY(import.rows.isEmpty());
    }

    void fiftyRowsThreeInvalid()
    {
        QByteArray csv = header();
        for (int i = 0; i < 50; ++i) {
            QByteArray row = "p" + QByteArray::number(i) +
                             "@clinic.example,Ana,,es,2030-01-16T09:00:00Z,"
                             "2030-01-17,10:00,North\r\n";
            if (i == 5)
                row = "not an address,Ana,,en,2030-01-16T09:00:00Z,2030-01-17,10:00,North\r\n";
            if (i == 20)
                row = "p20@clinic.example,Ana,,fr,2030-01-16T09:00:00,2030-01-17,10:00,North\r\n";
            if (i == 33)
                row = "p33@clinic.example,,,en,2030-01-16T09:00:00Z,2030-01-17,10:00\r\n";
            csv += row;
        }
        const BatchImport import = ReminderBatch::importCsv(csv, now);
        QCOMPARE(import.rows.size(), 47);
        QCOMPARE(import.errors.size(), 4);
        QCOMPARE(import.errors[0], (RowError{7, u"patient"_s, u"not-an-address"_s}));
        QCOMPARE(import.errors[1], (RowError{22, u"language"_s, u"unknown-language"_s}));
        QCOMPARE(import.errors[2], (RowError{22, u"send_at"_s, u"time-zone-missing"_s}));
        QCOMPARE(import.errors[3], (RowError{35, {}, u"field-count:7-of-8"_s}));
    }

    void headerProblems()
    {
        auto import = ReminderBatch::importCsv("patient,first_name,diagnosis\r\nx@y,A,B\r\n", now);
        QCOMPARE(import.errors, (QList<RowError>{{1, u"diagnosis"_s, u"unknown-column"_s},
                                                 {1, u"send_at"_s, u"missing-column"_s}}));
        import = ReminderBatch::importCsv("", now);
        QCOMPARE(import.errors, (QList<RowError>{{1, {}, u"empty-file"_s}}));
        import =
            ReminderBatch::importCsv(header() + "x@y,A,,en,2029-01-01T00:00:00Z,d,t,c\r\n", now);
        QCOMPARE(import.errors, (QList<RowError>{{2, u"send_at"_s, u"in-the-past"_s}}));
    }

    void previewShowsExactBodies()
    {
        const QByteArray csv =
            header() +
            "ana@clinic.example,Ana,Ruiz,es,2030-01-16T09:00:00+01:00,17/1,10:00,Norte\r\n"
            "+15551234567@sms.clinic.example,Bo,,en,2030-01-16T09:00:00Z,Jan 17,11:00,North\r\n";
        const BatchImport import = ReminderBatch::importCsv(csv, now);
        QVERIFY(import.valid());
        EndpointRules endpoints;
        endpoints.orgDomain = u"clinic.example"_s;
        const BatchPreview preview =
            ReminderBatch::preview(import.rows, MessageTemplate::builtIn(TemplateKind::Appointment),
                                   endpoints, MinimumNecessaryPolicy(), false, now.date());
        QVERIFY(preview.valid());
        QCOMPARE(preview.items.size(), 2);
        QCOMPARE(preview.items[0].sendAt, QDateTime(QDate(2030, 1, 16), QTime(8, 0), Qt::UTC));
        QVERIFY(preview.items[0].body.startsWith(
            u"Hola Ana, le recordamos su cita en Norte el 17/1"_s));
        QCOMPARE(preview.items[1].channel, Channel::SmsGateway);
        QVERIFY(preview.items[1].body.startsWith(u"Hi Bo, this is a reminder"_s));
    }

    void flaggedRowsNeedAnAllowedOverride()
    {
        const QByteArray csv =
            header() + "ana@clinic.example,Ana,,en,2030-01-16T09:00:00Z,d,t,Diabetes Center\r\n"
                       "bo@clinic.example,Bo,,en,2030-01-16T09:00:00Z,d,t,North\r\n";
        EndpointRules endpoints;
        endpoints.orgDomain = u"clinic.example"_s;
        endpoints.gatewayStandIns = {u"ana@clinic.example"_s};
        const auto rows = ReminderBatch::importCsv(csv, now).rows;
        const auto appointment = MessageTemplate::builtIn(TemplateKind::Appointment);
        auto preview = ReminderBatch::preview(rows, appointment, endpoints,
                                              MinimumNecessaryPolicy(), false, now.date());
        QCOMPARE(preview.errors, (QList<RowError>{{2, {}, u"minimum-necessary:clinical-term"_s}}));
        preview = ReminderBatch::preview(rows, appointment, endpoints, MinimumNecessaryPolicy(),
                                         true, now.date());
        QCOMPARE(preview.errors,
                 (QList<RowError>{{2, {}, u"override-not-allowed:clinical-term"_s}}));
        MinimumNecessaryRules rules;
        rules.allowOverride = true;
        preview = ReminderBatch::preview(rows, appointment, endpoints,
                                         MinimumNecessaryPolicy(rules), true, now.date());
        QVERIFY(preview.valid());
        QCOMPARE(preview.items[0].findings, (QList{Finding::ClinicalTerm}));
    }

    void customTemplateNeedsTheLanguage()
    {
        const QByteArray csv =
            header() + "ana@clinic.example,Ana,,es,2030-01-16T09:00:00Z,d,t,c\r\n";
        auto custom = MessageTemplate::make(TemplateKind::Custom, u"Hi {first_name} {location}"_s);
        auto preview = ReminderBatch::preview(ReminderBatch::importCsv(csv, now).rows, *custom, {},
                                              MinimumNecessaryPolicy(), false, now.date());
        QCOMPARE(preview.errors,
                 (QList<RowError>{{2, u"language"_s, u"no-template-for-language:es"_s}}));
        custom =
            MessageTemplate::make(TemplateKind::Custom, u"x"_s, u"Hola {first_name} {location}"_s);
        preview = ReminderBatch::preview(ReminderBatch::importCsv(csv, now).rows, *custom, {},
                                         MinimumNecessaryPolicy(), false, now.date());
        QCOMPARE(preview.errors,
                 (QList<RowError>{{2, u"location"_s, u"template-missing-value"_s}}));
    }

    void protocolRoundTrip()
    {
        const QByteArray csv =
            header() + "ana@clinic.example,Ana <&>,,es,2030-01-16T09:00:00Z,d,t,c\r\n";
        Protocol::Batch batch;
        batch.id = u"b1"_s;
        batch.messageTemplate = *MessageTemplate::make(TemplateKind::Custom, u"Hi {first_name}"_s,
                                                       u"Hola {first_name}"_s);
        batch.overrideFindings = true;
        batch.rows = ReminderBatch::importCsv(csv, now).rows;
        const QString body = Protocol::toElement(Protocol::Request(batch)).toXml();
        const auto element = Protocol::elementFromBody(body);
        QVERIFY(element);
        auto parsed = Protocol::parseRequest(*element);
        QVERIFY(parsed);
        const auto &back = std::get<Protocol::Batch>(*parsed);
        QCOMPARE(back.id, batch.id);
        QCOMPARE(back.messageTemplate, batch.messageTemplate);
        QVERIFY(back.overrideFindings);
        QCOMPARE(back.rows, batch.rows);
        QVERIFY(!Protocol::elementFromBody(u"CONFIRMO"_s));
        QVERIFY(!Protocol::elementFromBody(u"<x xmlns='urn:other'/>"_s));
        auto bad = Protocol::parseRequest(*Protocol::elementFromBody(
            u"<batch xmlns='https://rounds.invalid/ns/frontdesk' id='x' template='lab'/>"_s));
        QCOMPARE(bad.error().detail, u"frontdesk-malformed:template"_s);
    }
};

QTEST_GUILESS_MAIN(tst_ReminderBatch)
#include "tst_ReminderBatch.moc"
