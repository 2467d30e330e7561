// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/ReplyKeywords.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace FrontDesk;

class tst_ReplyKeywords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keywords_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<int>("intent");
        const auto row = [](const QString &reply, ReplyIntent intent) {
            QTest::newRow(qPrintable(reply)) << reply << int(intent);
        };
        for (const QString &r :
             {u"STOP"_s, u" stop "_s, u"Stop."_s, u"BAJA"_s, u"baja"_s, u"Alto!"_s, u"PARAR"_s})
            row(r, ReplyIntent::OptOut);
        for (const QString &r : {u"C"_s, u"c"_s, u"YES"_s, u"SI"_s, u"SÍ"_s, u"sí"_s, u"CONFIRMO"_s,
                                 u"Confirmo."_s, u"confirm"_s})
            row(r, ReplyIntent::Confirm);
        for (const QString &r : {u"R"_s, u"reschedule"_s, u"CAMBIAR"_s, u"reprogramar"_s})
            row(r, ReplyIntent::Reschedule);
        for (const QString &r : {u"CANCEL"_s, u"CANCELAR"_s, u"cancelación"_s})
            row(r, ReplyIntent::Cancel);
        for (const QString &r : {u"Can I come at 3 instead?"_s, u"stop sending me these"_s,
                                 u"si puedo"_s, u""_s, u"NO"_s})
            row(r, ReplyIntent::Other);
    }
    void keywords()
    {
        QFETCH(QString, reply);
        QFETCH(int, intent);
        QCOMPARE(int(classifyReply(reply)), intent);
    }
};

QTEST_GUILESS_MAIN(tst_ReplyKeywords)
#include "tst_ReplyKeywords.moc"
