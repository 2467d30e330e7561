// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/AttachmentStore.h"
#include "store/StoreTypes.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/HttpUploadExtension.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Xmpp {
class Client;
}
namespace Store {
class MessageStore;
}

namespace Sync {

/// Organisation and user rules for files.
struct AttachmentPolicy
{
    /// Org policy: false refuses every send (Code::Policy "attachments-disabled").
    bool allowAttachments = true;
    /// Received files up to this size are fetched at once; larger ones wait
    /// for download().
    qint64 autoDownloadMax = 8 * 1024 * 1024;
    /// Never download more than this (also on demand).
    qint64 downloadMax = 100 * 1024 * 1024;
    /// Org limit on sends, below the server's own; 0: the server's limit only.
    qint64 uploadMax = 0;
    bool operator==(const AttachmentPolicy &) const = default;
};

/// The TLS rules of the account's connection, applied to HTTPS as well:
/// system CAs plus the organisation's CA file; the pin (our server's
/// certificate) applies to HTTPS on the server's own host.
struct HttpsRules
{
    QString caFile;
    QByteArray pinnedSha256;
    QString serverHost;
};

/// Files in conversations (XEP-0363 upload, XEP-0454 aesgcm:// links), for one
/// account. Sending: the file is copied encrypted at rest, committed with its
/// message through the outbox (exactly-once as for text), and uploaded when
/// the outbox gets to it: encrypted with a fresh AES-256-GCM key, PUT over
/// verified HTTPS, then the aesgcm:// link goes out as the OMEMO-encrypted
/// body. A failed upload marks the message failed; Outbox::retry uploads
/// again, and a link, once recorded, is the one every later retry sends.
/// Receiving: a decrypted body that is exactly one aesgcm:// link becomes the
/// message's attachment (in the transaction that stores the message); it is
/// downloaded over HTTPS, decrypted and re-encrypted at rest under
/// <dataDir>/attachments/<random name>. The file's name, type and size live
/// only in the encrypted database; logs carry message ids only.
class AttachmentService : public QObject
{
    Q_OBJECT
public:
    AttachmentService(Xmpp::Client &client, Xmpp::HttpUploadExtension &upload,
                      Store::MessageStore &messages, Store::AttachmentStore &attachments,
                      Outbox &outbox, QString dataDir, QObject *parent = nullptr);
    ~AttachmentService() override;

    void setPolicy(const AttachmentPolicy &policy) { m_policy = policy; }
    void setHttpsRules(HttpsRules rules) { m_tls = std::move(rules); }
    const AttachmentPolicy &policy() const { return m_policy; }

    /// The outbox encryptor to install: uploads a message's file (once) and
    /// hands the message with its link as body to `inner` (OMEMO).
    Outbox::Encryptor wrapEncryptor(Outbox::Encryptor inner);
    /// Installs the store hook that records received links, and resumes
    /// downloads a restart cut short.
    void start();

    /// Sends a file. Finishes once the message is committed (the upload
    /// follows). Code::Policy "attachments-disabled", Code::Storage for a file
    /// that cannot be read.
    QFuture<Core::Result<Store::StoredMessage>> sendFile(const Core::Jid &to, const QString &path);
    /// Downloads (again) the attachment of a received message, up to
    /// policy().downloadMax. Finishes with the attachment as stored.
    QFuture<Core::Result<Store::Attachment>> download(const QString &messageId);
    /// Writes the decrypted file of a stored attachment to `outPath`.
    QFuture<Core::Result<qint64>> saveTo(const QString &messageId, const QString &outPath);

    /// Newly stored messages (MessagePipeline::messagesStored): fetches the
    /// attachments among them that are small enough.
    void onMessagesStored(const QList<Store::StoredMessage> &messages);

    /// Where at-rest copies live: <dataDir>/attachments.
    QString directory() const;

    /// Test hook: changes each upload slot before it is used (for example to
    /// make the PUT fail). Never set in the application.
    void setSlotFilterForTests(std::function<void(Xmpp::HttpUploadExtension::Slot &)> filter)
    {
        m_slotFilter = std::move(filter);
    }

    /// The TLS rules of the XMPP connection (system CAs plus the CA file) for
    /// HTTPS; exposed for tests.
    static Core::Result<QSslConfiguration> sslConfiguration(const QString &caFile);

Q_SIGNALS:
    /// An attachment message was committed to the outbox.
    void committed(const Store::StoredMessage &message);
    /// Bytes moved so far of an upload or download (total -1 when unknown).
    void transferProgress(const QString &messageId, qint64 done, qint64 total);
    /// A received attachment changed state (downloaded, failed, ...).
    void attachmentChanged(const QString &messageId, Store::AttachmentState state);

private:
    struct Download;

    QFuture<Core::Result<Xmpp::Element>> prepare(const Store::StoredMessage &message,
                                                 Xmpp::Element stanza);
    QFuture<Core::Result<QString>> upload(const Store::Attachment &attachment);
    QFuture<Core::Result<void>> put(const Xmpp::HttpUploadExtension::Slot &slot,
                                    const QByteArray &data, const QString &messageId);
    void fetch(const Store::Attachment &attachment, bool automatic,
               std::shared_ptr<QPromise<Core::Result<Store::Attachment>>> promise);
    void finishDownload(const std::shared_ptr<Download> &download, Core::Result<void> outcome);
    /// Checks TLS of a reply as the transport does (pin for our own server).
    void guardTls(QNetworkReply *reply, std::shared_ptr<std::optional<Core::Error>> tlsError);
    QString pathFor(const QString &localName) const;
    static QString randomName();

    Xmpp::Client &m_client;
    Xmpp::HttpUploadExtension &m_upload;
    Store::MessageStore &m_messages;
    Store::AttachmentStore &m_attachments;
    Outbox &m_outbox;
    QString m_dataDir;
    AttachmentPolicy m_policy;
    HttpsRules m_tls;
    Outbox::Encryptor m_inner;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QSet<qint64> m_downloading; ///< message rows with a download running
    std::function<void(Xmpp::HttpUploadExtension::Slot &)> m_slotFilter;
};

} // namespace Sync
