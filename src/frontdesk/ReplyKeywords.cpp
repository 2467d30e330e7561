// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/ReplyKeywords.h"

#include "frontdesk/MinimumNecessaryPolicy.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace FrontDesk {

QString replyIntentName(ReplyIntent intent)
{
    switch (intent) {
    case ReplyIntent::OptOut:
        return u"opt-out"_s;
    case ReplyIntent::Confirm:
        return u"confirm"_s;
    case ReplyIntent::Reschedule:
        return u"reschedule"_s;
    case ReplyIntent::Cancel:
        return u"cancel"_s;
    case ReplyIntent::Other:
        break;
    }
    return u"other"_s;
}

ReplyIntent classifyReply(const QString &reply)
{
    // Keywords are compared without accents: "SÍ" is "si", "CANCELACIÓN" "cancelacion".
    static const QStringList optOut = {u"stop"_s, u"stopall"_s, u"unsubscribe"_s,
                                       u"end"_s,  u"quit"_s,    u"baja"_s,
                                       u"alto"_s, u"parar"_s,   u"cancelar suscripcion"_s};
    static const QStringList confirm = {u"c"_s,         u"y"_s,         u"yes"_s, u"confirm"_s,
                                        u"confirmed"_s, u"ok"_s,        u"si"_s,  u"confirmo"_s,
                                        u"confirmar"_s, u"confirmado"_s};
    static const QStringList reschedule = {u"r"_s,       u"reschedule"_s, u"change"_s,
                                           u"cambiar"_s, u"cambio"_s,     u"reprogramar"_s};
    static const QStringList cancel = {u"cancel"_s, u"cancelar"_s, u"cancelo"_s, u"cancelacion"_s};

    QString word = MinimumNecessaryPolicy::normalise(reply).simplified();
    while (!word.isEmpty() && (word.back().isPunct() || word.back().isSymbol()))
        word.chop(1);
    while (!word.isEmpty() && (word.front().isPunct() || word.front().isSymbol()))
        word.remove(0, 1);
    word = word.trimmed();
    if (optOut.contains(word))
        return ReplyIntent::OptOut;
    if (confirm.contains(word))
        return ReplyIntent::Confirm;
    if (reschedule.contains(word))
        return ReplyIntent::Reschedule;
    if (cancel.contains(word))
        return ReplyIntent::Cancel;
    return ReplyIntent::Other;
}

} // namespace FrontDesk
