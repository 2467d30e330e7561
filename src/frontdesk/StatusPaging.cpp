// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/StatusPaging.h"

#include <QHash>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace FrontDesk::StatusPaging {

QList<Store::ReminderRecord> ordered(QList<Store::ReminderRecord> reminders)
{
    // The rows of a batch are inserted in one transaction, so its first id
    // orders batches by arrival.
    QHash<QString, qint64> firstId;
    for (const Store::ReminderRecord &r : std::as_const(reminders)) {
        auto it = firstId.find(r.batch);
        if (it == firstId.end())
            firstId.insert(r.batch, r.id);
        else if (r.id < *it)
            *it = r.id;
    }
    std::sort(reminders.begin(), reminders.end(),
              [&firstId](const Store::ReminderRecord &a, const Store::ReminderRecord &b) {
                  const qint64 batchA = firstId.value(a.batch), batchB = firstId.value(b.batch);
                  if (batchA != batchB)
                      return batchA > batchB;
                  return a.id < b.id;
              });
    return reminders;
}

Core::Result<Protocol::Status> page(QList<Store::ReminderRecord> reminders, int max, qint64 after)
{
    const QList<Store::ReminderRecord> all = ordered(std::move(reminders));
    qsizetype start = 0;
    if (after > 0) {
        const auto it = std::find_if(all.cbegin(), all.cend(),
                                     [after](const auto &r) { return r.id == after; });
        if (it == all.cend())
            return Core::fail(Core::Error::Code::Stanza, u"page-not-found"_s);
        start = (it - all.cbegin()) + 1;
    }
    const qsizetype size = std::clamp<qsizetype>(max, 1, MaxPage);
    Protocol::Status status;
    status.reminders = all.mid(start, size);
    Protocol::Page info;
    info.after = after;
    info.count = int(all.size());
    info.last = status.reminders.isEmpty() ? 0 : status.reminders.last().id;
    info.complete = start + status.reminders.size() >= all.size();
    status.page = info;
    QMap<int, int> counts;
    for (const Store::ReminderRecord &r : all)
        ++counts[int(r.state)];
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        status.totals << Protocol::StateTotal{Store::ReminderState(it.key()), it.value()};
    return status;
}

} // namespace FrontDesk::StatusPaging
