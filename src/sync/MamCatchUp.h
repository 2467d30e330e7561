// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/MessagePipeline.h"

#include "xmpp/Message.h"

#include "core/Error.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <memory>

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

    int pageSize = 250;
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
    void finish(const Core::Result<Report> &result);

    Xmpp::Client &m_client;
    Xmpp::MamExtension &m_mam;
    MessagePipeline &m_pipeline;
    Store::MessageStore &m_store;
    std::shared_ptr<QPromise<Core::Result<Report>>> m_promise;
    Report m_report;
};

} // namespace Sync
