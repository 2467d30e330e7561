// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/StoreWorker.h"

#include <QCoreApplication>

#include <sodium.h>

namespace Store {

StoreWorker::StoreWorker()
    : m_thread(std::make_unique<QThread>())
    , m_context(std::make_unique<QObject>())
{
    m_thread->setObjectName(QStringLiteral("rounds-store"));
    m_context->moveToThread(m_thread.get());
    m_thread->start();
}

QFuture<Core::Result<std::shared_ptr<StoreWorker>>>
StoreWorker::open(const QString &path, const QByteArray &rawKey, Database::Mode mode)
{
    std::shared_ptr<StoreWorker> worker(new StoreWorker);
    auto promise = std::make_shared<QPromise<Core::Result<std::shared_ptr<StoreWorker>>>>();
    promise->start();
    auto future = promise->future();
    QByteArray key = rawKey;
    QObject *context = worker->m_context.get();
    QMetaObject::invokeMethod(
        context,
        [self = std::move(worker), promise, path, key, mode]() mutable {
            auto db = Database::open(path, key, mode);
            sodium_memzero(key.data(), size_t(key.size()));
            if (db) {
                self->m_db = std::move(*db);
                promise->addResult(Core::Result<std::shared_ptr<StoreWorker>>(self));
            } else {
                promise->addResult(std::unexpected(db.error()));
            }
            promise->finish();
            // A worker must never be destroyed on its own thread: hand this
            // reference back to the application thread to drop it there.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(), [keep = std::move(self)] {}, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return future;
}

StoreWorker::~StoreWorker()
{
    close();
    m_thread->quit();
    m_thread->wait();
    m_context.reset();
}

void StoreWorker::close()
{
    if (QThread::currentThread() == m_thread.get()) {
        m_db.reset();
        return;
    }
    // After everything queued before it, on the worker thread.
    QMetaObject::invokeMethod(
        m_context.get(), [this] { m_db.reset(); }, Qt::BlockingQueuedConnection);
}

} // namespace Store
