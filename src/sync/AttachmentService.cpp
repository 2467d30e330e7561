// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/AttachmentService.h"

#include "crypto/MediaCrypto.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "xmpp/Client.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcAttachments, "rounds.sync.attachments", QtInfoMsg)

namespace Sync {

using Core::Error;
using Store::Attachment;
using Store::AttachmentState;
using Store::StoredMessage;

namespace {

template<typename T>
QFuture<Core::Result<T>> ready(Core::Result<T> value)
{
    QPromise<Core::Result<T>> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

template<typename T>
void settle(const std::shared_ptr<QPromise<Core::Result<T>>> &promise, Core::Result<T> value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

void wipe(QByteArray &bytes)
{
    std::fill(bytes.begin(), bytes.end(), '\0');
}

/// A body that makes its message an attachment: exactly one aesgcm:// link,
/// and the message came end-to-end encrypted (a link sent in clear gave its
/// key to every server on the way).
bool carriesAttachment(const StoredMessage &m)
{
    const bool protectedByOmemo = m.protection == Store::Protection::Encrypted ||
                                  m.protection == Store::Protection::Verified ||
                                  m.protection == Store::Protection::UntrustedDevice;
    return protectedByOmemo && Crypto::Media::isLink(m.body);
}

/// The wire name of an upload: random, with the original's extension when it
/// is a plain one (so other clients can show the type). Never the user's name.
QString wireName(const QString &randomPart, const QString &originalName)
{
    static const QRegularExpression plainSuffix(QStringLiteral("^[a-z0-9]{1,8}$"));
    const QString suffix = QFileInfo(originalName).suffix().toLower();
    if (plainSuffix.match(suffix).hasMatch())
        return randomPart + u'.' + suffix;
    return randomPart;
}

} // namespace

AttachmentService::AttachmentService(Xmpp::Client &client, Xmpp::HttpUploadExtension &upload,
                                     Store::MessageStore &messages,
                                     Store::AttachmentStore &attachments, Outbox &outbox,
                                     QString dataDir, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_upload(upload)
    , m_messages(messages)
    , m_attachments(attachments)
    , m_outbox(outbox)
    , m_dataDir(std::move(dataDir))
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    // No cookies, no cache: nothing of a transfer is kept outside our store.
    m_network->setCookieJar(nullptr);
}

AttachmentService::~AttachmentService()
{
    // Transfers cut short by shutting down are not failures: a download stays
    // Downloading and resumes at the next start; an upload is retried by the outbox.
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

QString AttachmentService::directory() const
{
    return m_dataDir + QStringLiteral("/attachments");
}

QString AttachmentService::pathFor(const QString &localName) const
{
    return directory() + u'/' + localName;
}

QString AttachmentService::randomName()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QString::fromLatin1(bytes.toHex());
}

Core::Result<QSslConfiguration> AttachmentService::sslConfiguration(const QString &caFile)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    if (!caFile.isEmpty()) {
        const auto certificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (certificates.isEmpty())
            return Core::fail(Error::Code::Tls,
                              QStringLiteral("the CA file could not be read or holds no "
                                             "PEM certificate"));
        ssl.addCaCertificates(certificates);
    }
    return ssl;
}

void AttachmentService::start()
{
    // Runs on the store thread inside the insert transaction: no `this`.
    m_messages.setAfterInsert(
        [](Store::Database &db, const StoredMessage &m) -> Core::Result<void> {
            if (!carriesAttachment(m))
                return {};
            const auto link = Crypto::Media::parseLink(m.body);
            Attachment a;
            a.messageRow = m.rowId;
            a.url = m.body.trimmed();
            a.name = link->httpsUrl.fileName(QUrl::FullyDecoded);
            a.mime = QMimeDatabase().mimeTypeForFile(a.name, QMimeDatabase::MatchExtension).name();
            a.state = AttachmentState::Pending;
            return Store::AttachmentStore::insertInTransaction(db, a);
        });
    // Downloads a restart (or a lost connection) cut short.
    m_attachments.notStored().then(this, [this](Core::Result<QList<Attachment>> waiting) {
        if (!waiting)
            return;
        for (const Attachment &a : std::as_const(*waiting))
            if (!a.url.isEmpty())
                fetch(a, true, nullptr);
    });
}

// ---------------------------------------------------------------------------
// Sending

QFuture<Core::Result<StoredMessage>> AttachmentService::sendFile(const Core::Jid &to,
                                                                 const QString &path)
{
    if (!m_policy.allowAttachments)
        return ready<StoredMessage>(
            Core::fail(Error::Code::Policy, QStringLiteral("attachments-disabled")));
    const QFileInfo info(path);
    QFile in(path);
    if (!info.isFile() || !in.open(QIODevice::ReadOnly))
        return ready<StoredMessage>(
            Core::fail(Error::Code::Storage, QStringLiteral("io: cannot read the file")));
    if (!QDir().mkpath(directory()))
        return ready<StoredMessage>(Core::fail(
            Error::Code::Storage, QStringLiteral("io: cannot create attachments folder")));
    QFile::setPermissions(directory(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    // Our own copy, encrypted at rest: the upload reads it (also after a restart).
    auto key = Crypto::AtRestFile::newKey();
    if (!key)
        return ready<StoredMessage>(std::unexpected(key.error()));
    const QString localName = randomName();
    auto writer = Crypto::AtRestFile::Writer::create(pathFor(localName), *key);
    if (!writer)
        return ready<StoredMessage>(std::unexpected(writer.error()));
    while (!in.atEnd()) {
        QByteArray chunk = in.read(Crypto::AtRestFile::ChunkSize);
        const auto written = writer->write(chunk);
        wipe(chunk);
        if (!written)
            return ready<StoredMessage>(std::unexpected(written.error()));
    }
    if (in.error() != QFileDevice::NoError)
        return ready<StoredMessage>(
            Core::fail(Error::Code::Storage, QStringLiteral("io: cannot read the file")));
    auto digest = writer->finish();
    if (!digest)
        return ready<StoredMessage>(std::unexpected(digest.error()));

    Attachment a;
    a.direction = Store::Direction::Outgoing;
    a.name = info.fileName();
    a.mime = QMimeDatabase().mimeTypeForFile(info).name();
    a.size = writer->plaintextSize();
    a.state = AttachmentState::Stored;
    a.localName = localName;
    a.atRestKey = key->view().toByteArray();
    a.sha256 = *digest;

    StoredMessage message;
    message.conversation = to.bareString();
    message.direction = Store::Direction::Outgoing;
    message.sender = m_client.config().jid.bareString();
    message.messageId = Xmpp::Client::newId();
    message.originId = message.messageId;
    message.timestamp = QDateTime::currentDateTimeUtc();
    message.state = Store::MessageState::Pending;
    const QString localPath = pathFor(localName);
    auto committing = m_attachments.enqueueOutgoing(message, a);
    wipe(a.atRestKey);
    return committing.then(this, [this, localPath](Core::Result<StoredMessage> stored) {
        if (!stored) {
            QFile::remove(localPath);
            return stored;
        }
        qCInfo(lcAttachments) << "attachment message committed:" << stored->messageId;
        Q_EMIT committed(*stored);
        m_outbox.flush();
        return stored;
    });
}

Outbox::Encryptor AttachmentService::wrapEncryptor(Outbox::Encryptor inner)
{
    m_inner = std::move(inner);
    return [this](const StoredMessage &message, Xmpp::Element stanza) {
        return prepare(message, std::move(stanza));
    };
}

QFuture<Core::Result<Xmpp::Element>> AttachmentService::prepare(const StoredMessage &message,
                                                                Xmpp::Element stanza)
{
    const auto sendWithBody = [this](StoredMessage m, Xmpp::Element s, const QString &body) {
        m.body = body;
        if (m_inner)
            return m_inner(m, std::move(s));
        s.appendChild(Xmpp::Element(QStringLiteral("body")).setText(body));
        return ready<Xmpp::Element>(std::move(s));
    };
    // Text messages have a body; attachment messages get theirs from the link.
    if (!message.body.isEmpty() || message.rowId == 0)
        return sendWithBody(message, std::move(stanza), message.body);

    auto promise = std::make_shared<QPromise<Core::Result<Xmpp::Element>>>();
    promise->start();
    auto future = promise->future();
    const auto sendLink = [this, promise, sendWithBody, message, stanza](const QString &link) {
        sendWithBody(message, stanza, link).then(this, [promise](Core::Result<Xmpp::Element> e) {
            settle(promise, std::move(e));
        });
    };
    m_attachments.byRow(message.rowId)
        .then(this, [this, promise, sendLink, sendWithBody, message,
                     stanza](Core::Result<std::optional<Attachment>> found) {
            if (!found) {
                settle(promise, Core::Result<Xmpp::Element>(std::unexpected(found.error())));
                return;
            }
            if (!*found) { // an empty text message
                sendWithBody(message, stanza, message.body)
                    .then(this, [promise](Core::Result<Xmpp::Element> e) {
                        settle(promise, std::move(e));
                    });
                return;
            }
            if (!(*found)->url.isEmpty()) { // uploaded before: the same link again
                sendLink((*found)->url);
                return;
            }
            const qint64 row = message.rowId;
            upload(**found).then(this, [this, promise, sendLink, row](Core::Result<QString> link) {
                if (!link) {
                    settle(promise, Core::Result<Xmpp::Element>(std::unexpected(link.error())));
                    return;
                }
                // Recorded before it goes out: a retry sends this link, never a second one.
                m_attachments.setUploaded(row, *link)
                    .then(this, [promise, sendLink](Core::Result<QString> kept) {
                        if (!kept)
                            settle(promise,
                                   Core::Result<Xmpp::Element>(std::unexpected(kept.error())));
                        else
                            sendLink(*kept);
                    });
            });
        });
    return future;
}

QFuture<Core::Result<QString>> AttachmentService::upload(const Attachment &a)
{
    if (!m_policy.allowAttachments)
        return ready<QString>(
            Core::fail(Error::Code::Policy, QStringLiteral("attachments-disabled")));
    if (m_policy.uploadMax > 0 && a.size > m_policy.uploadMax)
        return ready<QString>(Core::fail(Error::Code::Policy, QStringLiteral("upload-too-large")));
    auto plain =
        Crypto::AtRestFile::readAll(pathFor(a.localName), Crypto::SecretBytes::copyOf(a.atRestKey));
    if (!plain)
        return ready<QString>(std::unexpected(plain.error()));
    auto mediaKey = Crypto::MediaKey::generate();
    if (!mediaKey)
        return ready<QString>(std::unexpected(mediaKey.error()));
    auto sealed = Crypto::Media::encrypt(*plain, *mediaKey);
    wipe(*plain);
    if (!sealed)
        return ready<QString>(std::unexpected(sealed.error()));
    auto key = std::make_shared<Crypto::MediaKey>(std::move(*mediaKey));
    const QByteArray data = std::move(*sealed);
    const QString messageId = a.messageId;
    qCInfo(lcAttachments) << "uploading attachment of" << messageId << "bytes" << data.size();

    auto promise = std::make_shared<QPromise<Core::Result<QString>>>();
    promise->start();
    auto future = promise->future();
    m_upload
        .requestSlot(wireName(randomName(), a.name), data.size(),
                     QStringLiteral("application/octet-stream"))
        .then(this, [this, promise, key, data,
                     messageId](Core::Result<Xmpp::HttpUploadExtension::Slot> slot) {
            if (!slot) {
                qCInfo(lcAttachments) << "no upload slot for" << messageId << slot.error().detail;
                settle(promise, Core::Result<QString>(std::unexpected(slot.error())));
                return;
            }
            if (m_slotFilter)
                m_slotFilter(*slot);
            const QUrl getUrl = slot->getUrl;
            put(*slot, data, messageId)
                .then(this, [promise, key, getUrl, messageId](Core::Result<void> done) {
                    if (!done) {
                        qCInfo(lcAttachments)
                            << "upload of" << messageId << "failed:" << done.error().detail;
                        settle(promise, Core::Result<QString>(std::unexpected(done.error())));
                        return;
                    }
                    settle(promise, Crypto::Media::buildLink(getUrl, *key));
                });
        });
    return future;
}

} // namespace Sync
