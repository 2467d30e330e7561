// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/FrontDeskStore.h"

#include "frontdesk/Endpoint.h"

#include <optional>

namespace FrontDesk {

/// Whether a reminder may go out, from the consent registry's latest row for
/// the patient on the reminder's channel.
enum class ConsentDecision {
    Allowed,
    NoConsent, ///< never consented on this channel: the reminder fails ("no-consent")
    Withdrawn, ///< consent was withdrawn (opt-out): the reminder is opted out
};

ConsentDecision decideConsent(const std::optional<Store::ConsentRecord> &latest, Channel channel);

} // namespace FrontDesk
