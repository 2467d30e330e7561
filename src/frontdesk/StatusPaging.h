// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frontdesk/BatchProtocol.h"
#include "store/FrontDeskStore.h"

#include "core/Error.h"

#include <QList>

namespace FrontDesk {

/// Pages of the reminder service's status (docs/frontdesk.md, Protocol).
namespace StatusPaging {

/// The largest page one status answer carries, whatever max a client asks.
inline constexpr int MaxPage = 1000;

/// Status order: the newest batch first (batches by their first reminder's id),
/// the reminders of a batch in CSV line order. A batch accepted while a clerk
/// pages goes before the first page, so later pages are not shifted by it.
QList<Store::ReminderRecord> ordered(QList<Store::ReminderRecord> reminders);

/// One page of the whole set `reminders` (any order): at most `max` (capped at
/// MaxPage) in status order after the reminder `after` (0: from the start),
/// with the page info and the totals per state of the whole set. Fails
/// (Stanza, "page-not-found") when `after` is not in the set.
Core::Result<Protocol::Status> page(QList<Store::ReminderRecord> reminders, int max, qint64 after);

} // namespace StatusPaging

} // namespace FrontDesk
