// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Database.h"

#include "core/Error.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <memory>

namespace Store {

/// Runs database work for one account on its own thread, strictly in the
/// order it was asked for. Everything that touches the Database goes through
/// run(); results come back as futures the caller continues on its own thread
/// with .then(context, ...). (Not QtConcurrent: a waiting QFuture may "steal"
/// a queued QtConcurrent task and run it on the waiting thread, out of order
/// and concurrently with the worker, which one SQLite connection must never see.)
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
        using R = std::invoke_result_t<F, Database &>;
        auto promise = std::make_shared<QPromise<R>>();
        promise->start();
        auto future = promise->future();
        QMetaObject::invokeMethod(
            m_context.get(),
            [this, promise, job = std::forward<F>(job)]() mutable {
                if (m_db)
                    promise->addResult(job(*m_db));
                else
                    promise->addResult(R(std::unexpected(
                        Core::Error{Core::Error::Code::Storage, QStringLiteral("store closed")})));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    /// Finishes the work queued so far and closes the database (also done by
    /// the destructor). Later run() calls fail with "store closed".
    void close();

private:
    StoreWorker();
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<QObject> m_context; ///< lives in m_thread; receives the jobs
    std::unique_ptr<Database> m_db;
};

} // namespace Store
