// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/MessagePipeline.h"

#include "xmpp/Message.h"

#include "core/Error.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <QPromise>

#include <memory>
#include <optional>

namespace Xmpp {
class Client;
class MamExtension;
struct MamPage;
} // namespace Xmpp

namespace Sync {

/// XEP-0313 catch-up of the account's own archive: page by page from the last
/// archive id this device stored, each page stored before the position moves
/// on, so an interrupted catch-up continues where it stopped. Runs by itself
/// whenever a new session starts (not after a resume: nothing was missed).
///
/// Pipelined: the next page is asked for as soon as the previous one is
/// complete (its <fin/>), while the store decrypts and writes that one; at most
/// MaxPagesInStore pages wait for the store at a time. The store takes pages in
/// arrival order and the position follows each stored page, so it never passes
/// a page that is not on disk. run() finishes only after every page it fetched
/// went through the store, also when it stops on an error.
class MamCatchUp : public QObject
{
    Q_OBJECT
public:
    struct Report
    {
        int fetched = 0; ///< archived messages received
        int stored = 0;  ///< of those, new to this device
        int pages = 0;
        bool operator==(const Report &) const = default;
    };

    static constexpr QStringView PositionKey = u"mam.last-archive-id";

    MamCatchUp(Xmpp::Client &client, Xmpp::MamExtension &mam, MessagePipeline &pipeline,
               Store::MessageStore &store, QObject *parent = nullptr);

    /// Starts a catch-up unless one is running; finishes when the archive has
    /// nothing newer, or with the error that stopped it.
    QFuture<Core::Result<Report>> run();
    bool isRunning() const { return m_promise != nullptr; }

    /// Messages asked for per page (the server may cap it: Prosody's
    /// max_archive_query_results).
    int pageSize = 1000;
    /// Pages fetched but not yet stored, at most.
    static constexpr int MaxPagesInStore = 2;
    /// How far back the first catch-up of a new device reaches.
    int firstSyncDays = 14;

Q_SIGNALS:
    void progress(int fetched);
    /// An archived message without a body (a receipt or a chat marker, say):
    /// not stored, but what it says about our messages still counts.
    void archivedSignal(const Xmpp::Message &message);
    void finished(const Core::Result<Sync::MamCatchUp::Report> &result);

private:
    void fetchAfter(const QString &position);
    void onPage(const QString &position, Core::Result<Xmpp::MamPage> page);
    void storePage(QList<Store::StoredMessage> batch, const QString &next);
    void onPageStored(const Core::Result<void> &stored);
    /// Stops fetching; finishes once the pages in the store are through.
    void stop(const Core::Result<Report> &result);
    void finish(const Core::Result<Report> &result);

    Xmpp::Client &m_client;
    Xmpp::MamExtension &m_mam;
    MessagePipeline &m_pipeline;
    Store::MessageStore &m_store;
    std::shared_ptr<QPromise<Core::Result<Report>>> m_promise;
    Report m_report;
    quint64 m_generation = 0; ///< run() count: results of an earlier run are ignored
    QElapsedTimer m_clock;    ///< since run(), for the debug log of page timing
    int m_pagesInStore = 0;   ///< pages handed to the store, position not yet saved
    QString m_deferredFetch;  ///< next page to ask for once the store has room
    bool m_fetchDeferred = false;
    bool m_storeFailed = false; ///< a page failed to store: later pages leave the position
    std::optional<Core::Result<Report>> m_outcome; ///< set when no more pages are fetched
};

} // namespace Sync
