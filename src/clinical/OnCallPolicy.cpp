// SPDX-License-Identifier: GPL-3.0-or-later
#include "clinical/OnCallPolicy.h"

#include <algorithm>

namespace Clinical::OnCallPolicy {

std::optional<Core::Jid> holder(const Role &role, const QDateTime &now)
{
    const Shift *best = nullptr;
    for (const Shift &shift : role.shifts) {
        if (shift.start <= now && now < shift.end && (!best || shift.start > best->start))
            best = &shift;
    }
    if (!best)
        return std::nullopt;
    return best->jid.bare();
}

std::optional<Core::Jid> holder(const Directory &directory, const QString &roleId,
                                const QDateTime &now)
{
    const auto it = directory.constFind(roleId);
    if (it == directory.cend())
        return std::nullopt;
    return holder(*it, now);
}

QString roleHeldBy(const Directory &directory, const Core::Jid &jid, const QDateTime &now)
{
    QStringList ids = directory.keys();
    std::sort(ids.begin(), ids.end());
    for (const QString &id : std::as_const(ids)) {
        const auto who = holder(directory.value(id), now);
        if (who && *who == jid.bare())
            return id;
    }
    return {};
}

std::optional<EscalationStep> step(const Directory &directory, const QString &roleId, int index)
{
    const auto it = directory.constFind(roleId);
    if (it == directory.cend() || index < 0 || index >= it->escalation.size())
        return std::nullopt;
    return it->escalation.at(index);
}

std::optional<Core::Jid> stepTarget(const Directory &directory, const EscalationStep &step,
                                    const QDateTime &now)
{
    if (step.jid.isValid())
        return step.jid.bare();
    return holder(directory, step.role, now);
}

bool ackAccepted(const QString &conversation, bool isRoom, const Core::Jid &from,
                 const QSet<QString> &roomMembers)
{
    const QString who = from.bareString();
    if (isRoom)
        return roomMembers.contains(who);
    return !who.isEmpty() && who == conversation;
}

} // namespace Clinical::OnCallPolicy
