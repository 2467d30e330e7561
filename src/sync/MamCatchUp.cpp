// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MamCatchUp.h"

#include "xmpp/Client.h"
#include "xmpp/extensions/MamExtension.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCatchUp, "rounds.sync.mam", QtInfoMsg)

namespace Sync {

MamCatchUp::MamCatchUp(Xmpp::Client &client, Xmpp::MamExtension &mam, MessagePipeline &pipeline,
                       Store::MessageStore &store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_mam(mam)
    , m_pipeline(pipeline)
    , m_store(store)
{
    connect(&m_client, &Xmpp::Client::sessionStarted, this, [this](bool resumed) {
        if (!resumed)
            (void)run();
    });
}

QFuture<Core::Result<MamCatchUp::Report>> MamCatchUp::run()
{
    if (m_promise)
        return m_promise->future();
    m_promise = std::make_shared<QPromise<Core::Result<Report>>>();
    m_promise->start();
    auto future = m_promise->future();
    m_report = {};
    m_clock.start();
    ++m_generation;
    m_pagesInStore = 0;
    m_fetchDeferred = false;
    m_outcome.reset();
    m_storeFailed = false;
    m_store.setting(PositionKey.toString())
        .then(this, [this, generation = m_generation](Core::Result<QString> position) {
            if (generation != m_generation)
                return;
            if (!position) {
                stop(std::unexpected(position.error()));
                return;
            }
            fetchAfter(*position);
        });
    return future;
}

void MamCatchUp::fetchAfter(const QString &position)
{
    if (m_pagesInStore >= MaxPagesInStore) {
        // The store is behind: ask for more once a page is through.
        m_fetchDeferred = true;
        m_deferredFetch = position;
        return;
    }
    Xmpp::MamQuery query;
    query.max = pageSize;
    query.afterId = position;
    if (position.isEmpty())
        query.start = QDateTime::currentDateTimeUtc().addDays(-firstSyncDays);
    qCDebug(lcCatchUp) << "query page"
                       << (position.isEmpty() ? "from the window" : "after our position") << "ms"
                       << m_clock.elapsed();
    m_mam.queryPage(query).then(
        this, [this, position, generation = m_generation](Core::Result<Xmpp::MamPage> page) {
            if (generation == m_generation)
                onPage(position, std::move(page));
        });
}

void MamCatchUp::onPage(const QString &position, Core::Result<Xmpp::MamPage> page)
{
    if (!page && !position.isEmpty() && page.error().detail.contains(u"item-not-found")) {
        // Our position expired from the archive: start again from the window.
        qCInfo(lcCatchUp) << "archive no longer has our position; restarting from the window";
        fetchAfter(QString());
        return;
    }
    if (!page) {
        qCInfo(lcCatchUp) << "catch-up stopped:" << page.error().detail;
        stop(std::unexpected(page.error()));
        return;
    }
    ++m_report.pages;
    m_report.fetched += int(page->messages.size());
    qCDebug(lcCatchUp) << "page" << m_report.pages << page->messages.size() << "ms"
                       << m_clock.elapsed();
    Q_EMIT progress(m_report.fetched);

    const Core::Jid self = m_pipeline.self();
    QList<Store::StoredMessage> batch;
    batch.reserve(page->messages.size());
    for (const Xmpp::ArchivedMessage &archived : std::as_const(page->messages)) {
        const Xmpp::Message &message = archived.message;
        if (message.type == u"groupchat" || message.type == u"error")
            continue;
        if (!MessagePipeline::isStorable(message)) {
            Q_EMIT archivedSignal(message);
            continue;
        }
        const bool outgoing = message.from.bare() == self;
        Store::StoredMessage stored = m_pipeline.toStored(message, outgoing);
        stored.stanzaId = archived.archiveId; // our own archive's id
        if (archived.stamp.isValid())
            stored.timestamp = archived.stamp.toUTC();
        batch.append(std::move(stored));
    }
    const QString next = page->lastId.isEmpty() ? position : page->lastId;
    const bool complete = page->complete || page->messages.isEmpty();

    // Store this page, and meanwhile ask for the next one.
    storePage(std::move(batch), next);
    if (complete)
        stop(m_report);
    else
        fetchAfter(next);
}

void MamCatchUp::storePage(QList<Store::StoredMessage> batch, const QString &next)
{
    ++m_pagesInStore;
    const quint64 generation = m_generation;
    m_pipeline.ingestBatch(batch).then(
        this, [this, next, generation](Core::Result<QList<Store::InsertOutcome>> outcomes) {
            if (generation != m_generation)
                return;
            if (!outcomes) {
                onPageStored(std::unexpected(outcomes.error()));
                return;
            }
            for (const Store::InsertOutcome &o : std::as_const(*outcomes))
                m_report.stored += (o.duplicate || o.skipped) ? 0 : 1;
            if (m_storeFailed) {
                // An earlier page failed: the position stays before it.
                onPageStored({});
                return;
            }
            // The position moves only after the page is stored. Positions are
            // queued on the store thread in page order.
            m_store.setSetting(PositionKey.toString(), next)
                .then(this, [this, generation](Core::Result<void> saved) {
                    if (generation == m_generation)
                        onPageStored(saved);
                });
        });
}

void MamCatchUp::onPageStored(const Core::Result<void> &stored)
{
    qCDebug(lcCatchUp) << "page stored ms" << m_clock.elapsed();
    --m_pagesInStore;
    if (!stored)
        m_storeFailed = true;
    if (!stored && (!m_outcome || *m_outcome)) {
        // Nothing after a failed page may move the position: the pages queued
        // behind it still go through the store (de-duplication makes a later
        // run harmless), but this run ends with the error.
        m_outcome = std::unexpected(stored.error());
        m_fetchDeferred = false;
    }
    if (m_fetchDeferred && !m_outcome) {
        m_fetchDeferred = false;
        fetchAfter(m_deferredFetch);
        return;
    }
    if (m_outcome && m_pagesInStore == 0)
        finish(*m_outcome);
}

void MamCatchUp::stop(const Core::Result<Report> &result)
{
    if (!m_outcome || *m_outcome)
        m_outcome = result;
    m_fetchDeferred = false;
    if (m_pagesInStore == 0)
        finish(*m_outcome);
}

void MamCatchUp::finish(const Core::Result<Report> &result)
{
    if (!m_promise)
        return;
    auto promise = std::exchange(m_promise, nullptr);
    Core::Result<Report> out = result;
    if (out)
        out = m_report; // counts of pages that were stored after the last page arrived
    if (out)
        qCInfo(lcCatchUp) << "catch-up done: fetched" << out->fetched << "new" << out->stored
                          << "pages" << out->pages;
    promise->addResult(out);
    promise->finish();
    Q_EMIT finished(out);
}

} // namespace Sync
