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
    m_store.setting(PositionKey.toString()).then(this, [this](Core::Result<QString> position) {
        if (!position) {
            finish(std::unexpected(position.error()));
            return;
        }
        fetchAfter(*position);
    });
    return future;
}

void MamCatchUp::fetchAfter(const QString &position)
{
    Xmpp::MamQuery query;
    query.max = pageSize;
    query.afterId = position;
    if (position.isEmpty())
        query.start = QDateTime::currentDateTimeUtc().addDays(-firstSyncDays);
    m_mam.queryPage(query).then(this, [this, position](Core::Result<Xmpp::MamPage> page) {
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
        finish(std::unexpected(page.error()));
        return;
    }
    ++m_report.pages;
    m_report.fetched += int(page->messages.size());
    Q_EMIT progress(m_report.fetched);

    const Core::Jid self = m_pipeline.self();
    QList<Store::StoredMessage> batch;
    batch.reserve(page->messages.size());
    for (const Xmpp::ArchivedMessage &archived : std::as_const(page->messages)) {
        Xmpp::Message message = archived.message;
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

    m_pipeline.ingestBatch(batch).then(
        this, [this, next, complete](Core::Result<QList<Store::InsertOutcome>> outcomes) {
            if (!outcomes) {
                finish(std::unexpected(outcomes.error()));
                return;
            }
            for (const Store::InsertOutcome &o : std::as_const(*outcomes))
                m_report.stored += (o.duplicate || o.skipped) ? 0 : 1;
            // The position moves only after the page is stored.
            m_store.setSetting(PositionKey.toString(), next)
                .then(this, [this, next, complete](Core::Result<void> saved) {
                    if (!saved) {
                        finish(std::unexpected(saved.error()));
                        return;
                    }
                    if (complete)
                        finish(m_report);
                    else
                        fetchAfter(next);
                });
        });
}

void MamCatchUp::finish(const Core::Result<Report> &result)
{
    if (!m_promise)
        return;
    auto promise = std::exchange(m_promise, nullptr);
    if (result)
        qCInfo(lcCatchUp) << "catch-up done: fetched" << result->fetched << "new" << result->stored
                          << "pages" << result->pages;
    promise->addResult(result);
    promise->finish();
    Q_EMIT finished(result);
}

} // namespace Sync
