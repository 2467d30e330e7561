// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/StoreWorker.h"

#include <sodium.h>

namespace Store {

QFuture<Core::Result<std::shared_ptr<StoreWorker>>>
StoreWorker::open(const QString &path, const QByteArray &rawKey, Database::Mode mode)
{
    std::shared_ptr<StoreWorker> worker(new StoreWorker);
    worker->m_pool = std::make_unique<QThreadPool>();
    worker->m_pool->setMaxThreadCount(1); // one connection, used in order
    worker->m_pool->setExpiryTimeout(-1);
    QByteArray key = rawKey;
    return QtConcurrent::run(worker->m_pool.get(),
                             [worker, path, key, mode]() mutable
                             -> Core::Result<std::shared_ptr<StoreWorker>> {
                                 auto db = Database::open(path, key, mode);
                                 sodium_memzero(key.data(), size_t(key.size()));
                                 if (!db)
                                     return std::unexpected(db.error());
                                 worker->m_db = std::move(*db);
                                 return worker;
                             });
}

StoreWorker::~StoreWorker()
{
    close();
}

void StoreWorker::close()
{
    if (!m_pool)
        return;
    // Close on the worker thread, after everything queued before.
    QtConcurrent::run(m_pool.get(), [this] { m_db.reset(); }).waitForFinished();
    m_pool->waitForDone();
}

} // namespace Store
