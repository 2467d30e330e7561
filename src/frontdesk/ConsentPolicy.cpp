// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/ConsentPolicy.h"

namespace FrontDesk {

ConsentDecision decideConsent(const std::optional<Store::ConsentRecord> &latest, Channel channel)
{
    // Consent is per channel: agreeing to app messages is no consent to texts.
    if (!latest || latest->channel != channelName(channel))
        return ConsentDecision::NoConsent;
    return latest->inForce() ? ConsentDecision::Allowed : ConsentDecision::Withdrawn;
}

} // namespace FrontDesk
