// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clinical/Directory.h"

#include "core/Jid.h"

#include <QDateTime>
#include <QSet>

#include <optional>

/// Pure decisions over the directory: who is on call, who is next in a chain,
/// who may acknowledge. No I/O; tests give the time.
namespace Clinical::OnCallPolicy {

/// The holder of `role` at `now`: the shift whose window covers it (of
/// overlapping ones, the one that started last). nullopt when nobody is on call.
std::optional<Core::Jid> holder(const Role &role, const QDateTime &now);
/// holder() of a role by id; nullopt for an unknown role.
std::optional<Core::Jid> holder(const Directory &directory, const QString &roleId,
                                const QDateTime &now);

/// The role `jid` is on call for at `now` (the first by id when several), or
/// empty: the chain that applies to a message addressed to a person.
QString roleHeldBy(const Directory &directory, const Core::Jid &jid, const QDateTime &now);

/// Step `index` of `roleId`'s escalation chain; nullopt past its end.
std::optional<EscalationStep> step(const Directory &directory, const QString &roleId, int index);
/// Who a step reaches at `now` (a fixed JID, or the holder of its role).
std::optional<Core::Jid> stepTarget(const Directory &directory, const EscalationStep &step,
                                    const QDateTime &now);

/// Whether an acknowledgement of one of our messages from `from` counts: it
/// must come from the conversation partner, or for a room from a member.
bool ackAccepted(const QString &conversation, bool isRoom, const Core::Jid &from,
                 const QSet<QString> &roomMembers);

} // namespace Clinical::OnCallPolicy
