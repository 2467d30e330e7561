// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreTypes.h"
#include "store/StoreWorker.h"

#include "core/Error.h"

#include <QFuture>

#include <optional>

namespace Store {

/// Where an attachment's file is on this device.
enum class AttachmentState : int {
    Pending = 0,     ///< known (link received), not downloaded yet
    Downloading = 1, ///< a download is running
    Stored = 2,      ///< encrypted at rest under attachments/<localName>
    Failed = 3,      ///< the download failed or was refused (`error` says why)
};

/// One file of a message (table of migration 0005_attachments). `atRestKey`
/// is key material: it lives only in the encrypted database and in memory.
struct Attachment
{
    qint64 messageRow = 0;
    QString messageId; ///< of the message (read only: joined from messages)
    QString conversation;
    Direction direction = Direction::Incoming;
    QString url; ///< the aesgcm:// link; empty until uploaded
    QString name;
    QString mime;
    qint64 size = 0;
    AttachmentState state = AttachmentState::Pending;
    QString localName;
    QByteArray atRestKey;
    QByteArray sha256;
    QString error;
    bool operator==(const Attachment &) const = default;
};

/// The attachments table of one account, on its store thread.
class AttachmentStore
{
public:
    explicit AttachmentStore(std::shared_ptr<StoreWorker> worker);

    /// Commits an outgoing message (Pending, in the outbox) with its attachment
    /// in one transaction. The message's body stays empty: the link is known
    /// only after the upload (setUploaded()).
    QFuture<Core::Result<StoredMessage>> enqueueOutgoing(StoredMessage message,
                                                         Attachment attachment);
    /// Records the link of an uploaded file, once: an attachment that already
    /// has one keeps it (a retried send never uploads or links twice).
    QFuture<Core::Result<QString>> setUploaded(qint64 messageRow, QString url);

    QFuture<Core::Result<std::optional<Attachment>>> byMessageId(QString messageId);
    QFuture<Core::Result<std::optional<Attachment>>> byRow(qint64 messageRow);
    /// Attachments of the given message rows (history views), by row.
    QFuture<Core::Result<QList<Attachment>>> forRows(QList<qint64> messageRows);
    /// Incoming attachments not stored yet (pending, failed, or a download cut
    /// short by a restart), oldest first.
    QFuture<Core::Result<QList<Attachment>>> notStored();
    /// Writes state, size, mime, localName, atRestKey, sha256 and error.
    QFuture<Core::Result<void>> update(Attachment attachment);

    /// Inside a running transaction (MessageStore's insert hook): records an
    /// incoming attachment of a just-stored message row.
    static Core::Result<void> insertInTransaction(Database &db, const Attachment &attachment);

private:
    std::shared_ptr<StoreWorker> m_worker;
};

} // namespace Store
