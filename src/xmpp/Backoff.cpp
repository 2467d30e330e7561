// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Xmpp {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum,
                 Random random)
    : m_initial(initial)
    , m_maximum(maximum)
    , m_random(random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); }))
{
}

std::chrono::milliseconds Backoff::nextDelay()
{
    const int shift = std::min(m_attempt, 20);
    const auto ceiling = std::min<long long>(m_maximum.count(), m_initial.count() << shift);
    ++m_attempt;
    const double jitter = std::clamp(m_random(), 0.0, 1.0);
    return std::chrono::milliseconds(ceiling / 2 + (long long)(jitter * double(ceiling / 2)));
}

} // namespace Xmpp
