// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Clinical {

/// One on-call window: `jid` holds the role from `start` (inclusive) to `end` (exclusive).
struct Shift
{
    Core::Jid jid;
    QDateTime start;
    QDateTime end;
    bool operator==(const Shift &) const = default;
};

/// One step of a role's escalation chain: after `afterMinutes` without an
/// acknowledgement (counted from the previous send), the message goes to
/// whoever holds `role` then, or to `jid`.
struct EscalationStep
{
    int afterMinutes = 5;
    QString role;
    Core::Jid jid;
    bool operator==(const EscalationStep &) const = default;
};

/// A role of the organisation's directory (docs/protocol.md): pubsub item
/// <role xmlns='https://rounds.invalid/ns/clinical'/> on node
/// https://rounds.invalid/ns/directory. No phone numbers: there is no field for them.
struct Role
{
    static constexpr QStringView Node = u"https://rounds.invalid/ns/directory";

    QString id;   ///< item id; letters, digits, '-', '_', '.'
    QString name; ///< display name ("On-call cardiology")
    QList<Shift> shifts;
    QList<EscalationStep> escalation;

    /// Error::Code::Policy "directory-invalid: <what>" (never a value).
    static Core::Result<Role> fromElement(const Xmpp::Element &element);
    Xmpp::Element toElement() const;
    Core::Result<void> validate() const;
    bool operator==(const Role &) const = default;
};

/// All roles, by id.
using Directory = QHash<QString, Role>;

} // namespace Clinical
