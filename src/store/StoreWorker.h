// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Database.h"

#include "core/Error.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace Store {

/// Runs database work for one account on one background thread, in order.
/// Everything that touches the Database goes through run(); results come back
/// as futures the caller continues on its own thread with .then(context, ...).
class StoreWorker
{
public:
    /// Opens (and migrates) the database on the worker thread. The key bytes
    /// are copied for the open and wiped afterwards.
    static QFuture<Core::Result<std::shared_ptr<StoreWorker>>>
    open(const QString &path, const QByteArray &rawKey, Database::Mode mode);

    ~StoreWorker();

    template<typename F>
    auto run(F &&job) -> QFuture<std::invoke_result_t<F, Database &>>
    {
        return QtConcurrent::run(m_pool.get(), [this, job = std::forward<F>(job)]() mutable {
            return job(*m_db);
        });
    }

    /// Waits for queued work and closes the database (also from the destructor).
    void close();

private:
    StoreWorker() = default;
    std::unique_ptr<QThreadPool> m_pool;
    std::unique_ptr<Database> m_db;
};

} // namespace Store
