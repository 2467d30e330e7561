// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace FrontDesk {

/// What a patient's reply asks for.
enum class ReplyIntent { OptOut, Confirm, Reschedule, Cancel, Other };
/// "opt-out", "confirm", "reschedule", "cancel", "other".
QString replyIntentName(ReplyIntent intent);

/// Matches a whole reply (trimmed, case- and accent-insensitive, trailing
/// punctuation ignored) against the English and Spanish keywords of
/// docs/frontdesk.md: STOP / BAJA / ALTO / PARAR opt out; C / YES / SI / SÍ /
/// CONFIRMO ... confirm; R / CAMBIAR ... reschedule; CANCEL / CANCELAR ... cancel.
/// Anything else (a question, a sentence) is Other and goes to a person.
ReplyIntent classifyReply(const QString &reply);

} // namespace FrontDesk
