// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>

namespace Xmpp {

/// Reconnect delays: exponential growth from `initial` up to `maximum`, each
/// delay drawn uniformly from its upper half ("equal jitter") so a ward full of
/// workstations does not reconnect in lock-step after a server restart.
class Backoff
{
public:
    using Random = std::function<double()>; ///< returns a value in [0, 1)

    Backoff(std::chrono::milliseconds initial = std::chrono::seconds(1),
            std::chrono::milliseconds maximum = std::chrono::seconds(60), Random random = {});

    std::chrono::milliseconds nextDelay();
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_maximum;
    Random m_random;
    int m_attempt = 0;
};

} // namespace Xmpp
