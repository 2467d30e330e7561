// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTPS half of AttachmentService: PUT of uploads, streamed downloads that
// are decrypted and re-encrypted at rest as they arrive, and reading stored files.
#include "sync/AttachmentService.h"

#include "crypto/MediaCrypto.h"
#include "xmpp/Client.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QSaveFile>
#include <QSslCertificate>

Q_DECLARE_LOGGING_CATEGORY(lcAttachments)

namespace Sync {

using Core::Error;
using Store::Attachment;
using Store::AttachmentState;

namespace {

constexpr int TransferTimeoutMs = 60000;

template<typename T>
void settle(const std::shared_ptr<QPromise<Core::Result<T>>> &promise, Core::Result<T> value)
{
    if (!promise)
        return;
    promise->addResult(std::move(value));
    promise->finish();
}

template<typename T>
QFuture<Core::Result<T>> ready(Core::Result<T> value)
{
    QPromise<Core::Result<T>> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

/// Why a reply failed, without its URL (it names the file on the server).
Error replyError(QNetworkReply *reply, const char *what)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0)
        return Error{Error::Code::Network,
                     QStringLiteral("%1: http %2").arg(QString::fromLatin1(what)).arg(status)};
    const auto code = reply->error();
    const Error::Code kind =
        code == QNetworkReply::SslHandshakeFailedError ? Error::Code::Tls
        : code == QNetworkReply::TimeoutError || code == QNetworkReply::OperationCanceledError
            ? Error::Code::Timeout
            : Error::Code::Network;
    return Error{
        kind, QStringLiteral("%1: network error %2").arg(QString::fromLatin1(what)).arg(int(code))};
}

} // namespace

struct AttachmentService::Download
{
    Attachment attachment;
    std::shared_ptr<QPromise<Core::Result<Attachment>>> promise;
    bool automatic = false;
    qint64 limit = 0; ///< plaintext bytes allowed
    std::optional<Crypto::MediaCipher> cipher;
    std::optional<Crypto::AtRestFile::Writer> writer;
    Crypto::SecretBytes atRestKey;
    QString localName;
    qint64 received = 0;
    qint64 announced = 0; ///< plaintext size from Content-Length, 0 when unknown
    std::shared_ptr<std::optional<Error>> tlsError = std::make_shared<std::optional<Error>>();
    std::optional<Error> stopReason;
    QNetworkReply *reply = nullptr;
};

void AttachmentService::guardTls(QNetworkReply *reply,
                                 std::shared_ptr<std::optional<Core::Error>> tlsError)
{
    // Certificate problems are never ignored: recorded so the failure names them.
    connect(reply, &QNetworkReply::sslErrors, this, [tlsError](const QList<QSslError> &errors) {
        QStringList problems;
        for (const QSslError &e : errors)
            problems << e.errorString();
        *tlsError = Error{Error::Code::Tls, problems.join(QStringLiteral("; "))};
    });
    // The pin is our server's certificate: it applies to HTTPS on that host.
    if (m_tls.pinnedSha256.isEmpty() ||
        reply->url().host().compare(m_tls.serverHost, Qt::CaseInsensitive) != 0)
        return;
    QByteArray pin = m_tls.pinnedSha256.toLower();
    pin.replace(':', QByteArray());
    connect(reply, &QNetworkReply::encrypted, this, [reply, pin, tlsError] {
        // Before any request data is written.
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (peer.isNull() || peer.digest(QCryptographicHash::Sha256).toHex() != pin) {
            *tlsError = Error{Error::Code::Tls,
                              QStringLiteral("the server certificate does not match the pinned "
                                             "fingerprint")};
            reply->abort();
        }
    });
}

QFuture<Core::Result<void>> AttachmentService::put(const Xmpp::HttpUploadExtension::Slot &slot,
                                                   const QByteArray &data, const QString &messageId)
{
    auto ssl = sslConfiguration(m_tls.caFile);
    if (!ssl)
        return ready<void>(std::unexpected(ssl.error()));
    QNetworkRequest request(slot.putUrl);
    request.setSslConfiguration(*ssl);
    request.setTransferTimeout(TransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/octet-stream"));
    for (const auto &[name, value] : slot.putHeaders)
        request.setRawHeader(name.toLatin1(), value.toUtf8());

    auto promise = std::make_shared<QPromise<Core::Result<void>>>();
    promise->start();
    auto future = promise->future();
    QNetworkReply *reply = m_network->put(request, data);
    auto tlsError = std::make_shared<std::optional<Error>>();
    guardTls(reply, tlsError);
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this, messageId](qint64 sent, qint64 total) {
                Q_EMIT transferProgress(messageId, sent, total);
            });
    connect(reply, &QNetworkReply::finished, this, [reply, promise, tlsError] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (*tlsError)
            settle(promise, Core::Result<void>(std::unexpected(**tlsError)));
        else if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300)
            settle(promise,
                   Core::Result<void>(std::unexpected(replyError(reply, "upload-failed"))));
        else
            settle(promise, Core::Result<void>());
    });
    return future;
}

// ---------------------------------------------------------------------------
// Receiving

void AttachmentService::onMessagesStored(const QList<Store::StoredMessage> &messages)
{
    for (const Store::StoredMessage &m : messages) {
        if (m.rowId == 0 || !Crypto::Media::isLink(m.body))
            continue;
        m_attachments.byRow(m.rowId).then(
            this, [this](Core::Result<std::optional<Attachment>> found) {
                if (found && *found && (*found)->state == AttachmentState::Pending)
                    fetch(**found, true, nullptr);
            });
    }
}

QFuture<Core::Result<Attachment>> AttachmentService::download(const QString &messageId)
{
    auto promise = std::make_shared<QPromise<Core::Result<Attachment>>>();
    promise->start();
    auto future = promise->future();
    m_attachments.byMessageId(messageId).then(
        this, [this, promise](Core::Result<std::optional<Attachment>> found) {
            if (!found)
                settle(promise, Core::Result<Attachment>(std::unexpected(found.error())));
            else if (!*found)
                settle(promise, Core::Result<Attachment>(Core::fail(
                                    Error::Code::Storage, QStringLiteral("no-attachment"))));
            else if ((*found)->state == AttachmentState::Stored)
                settle(promise, Core::Result<Attachment>(**found));
            else
                fetch(**found, false, promise);
        });
    return future;
}

void AttachmentService::fetch(const Attachment &attachment, bool automatic,
                              std::shared_ptr<QPromise<Core::Result<Attachment>>> promise)
{
    const auto refuse = [&](Error error) {
        settle(promise, Core::Result<Attachment>(std::unexpected(std::move(error))));
    };
    if (m_downloading.contains(attachment.messageRow))
        return refuse(Error{Error::Code::Cancelled, QStringLiteral("download-running")});
    const qint64 limit =
        automatic ? std::min(m_policy.autoDownloadMax, m_policy.downloadMax) : m_policy.downloadMax;
    if (automatic && attachment.size > limit)
        return settle(promise, Core::Result<Attachment>(attachment)); // waits for the user

    auto d = std::make_shared<Download>();
    d->attachment = attachment;
    d->promise = std::move(promise);
    d->automatic = automatic;
    d->limit = limit;
    const auto failNow = [&](Error error) {
        m_downloading.insert(attachment.messageRow);
        finishDownload(d, std::unexpected(std::move(error)));
    };
    auto link = Crypto::Media::parseLink(attachment.url);
    if (!link)
        return failNow(link.error());
    auto ssl = sslConfiguration(m_tls.caFile);
    if (!ssl)
        return failNow(ssl.error());
    if (!QDir().mkpath(directory()))
        return failNow(
            Error{Error::Code::Storage, QStringLiteral("io: cannot create attachments folder")});
    QFile::setPermissions(directory(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto key = Crypto::AtRestFile::newKey();
    if (!key)
        return failNow(key.error());
    d->atRestKey = std::move(*key);
    d->localName = randomName();
    auto writer = Crypto::AtRestFile::Writer::create(pathFor(d->localName), d->atRestKey);
    if (!writer)
        return failNow(writer.error());
    d->writer.emplace(std::move(*writer));
    auto cipher = Crypto::MediaCipher::create(Crypto::MediaCipher::Mode::Decrypt, link->key);
    if (!cipher)
        return failNow(cipher.error());
    d->cipher.emplace(std::move(*cipher));

    m_downloading.insert(attachment.messageRow);
    d->attachment.state = AttachmentState::Downloading;
    (void)m_attachments.update(d->attachment);
    Q_EMIT attachmentChanged(attachment.messageId, AttachmentState::Downloading);
    qCInfo(lcAttachments) << "downloading attachment of" << attachment.messageId;

    QNetworkRequest request(link->httpsUrl);
    request.setSslConfiguration(*ssl);
    request.setTransferTimeout(TransferTimeoutMs);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    d->reply = m_network->get(request);
    guardTls(d->reply, d->tlsError);
    const qint64 maxWire = limit + Crypto::MediaKey::TagSize;
    const auto stop = [d](Error reason) {
        if (d->stopReason)
            return;
        d->stopReason = std::move(reason);
        d->reply->abort();
    };
    connect(d->reply, &QNetworkReply::metaDataChanged, this, [d, maxWire, stop] {
        const qint64 length = d->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > Crypto::MediaKey::TagSize)
            d->announced = length - Crypto::MediaKey::TagSize;
        if (length > maxWire)
            stop(Error{Error::Code::Policy, QStringLiteral("download-too-large")});
    });
    connect(d->reply, &QNetworkReply::readyRead, this, [this, d, maxWire, stop] {
        if (d->stopReason)
            return;
        QByteArray chunk = d->reply->readAll();
        d->received += chunk.size();
        if (d->received > maxWire)
            return stop(Error{Error::Code::Policy, QStringLiteral("download-too-large")});
        auto plain = d->cipher->update(chunk);
        if (!plain)
            return stop(plain.error());
        const auto written = d->writer->write(*plain);
        std::fill(plain->begin(), plain->end(), '\0');
        if (!written)
            return stop(written.error());
        const qint64 total = d->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        Q_EMIT transferProgress(d->attachment.messageId, d->received, total > 0 ? total : -1);
    });
    connect(d->reply, &QNetworkReply::finished, this, [this, d] {
        d->reply->deleteLater();
        if (d->stopReason)
            return finishDownload(d, std::unexpected(*d->stopReason));
        if (*d->tlsError)
            return finishDownload(d, std::unexpected(**d->tlsError));
        if (d->reply->error() != QNetworkReply::NoError)
            return finishDownload(d, std::unexpected(replyError(d->reply, "download-failed")));
        finishDownload(d, {});
    });
}

void AttachmentService::finishDownload(const std::shared_ptr<Download> &d,
                                       Core::Result<void> outcome)
{
    m_downloading.remove(d->attachment.messageRow);
    Attachment &a = d->attachment;
    if (outcome) {
        // The tag covers everything: only now is the plaintext trusted and kept.
        if (auto tag = d->cipher->finish(); !tag)
            outcome = std::unexpected(tag.error());
    }
    std::optional<QByteArray> digest;
    if (outcome) {
        auto finished = d->writer->finish();
        if (!finished)
            outcome = std::unexpected(finished.error());
        else
            digest = *finished;
    }
    if (!outcome) {
        d->writer.reset(); // removes the partial file
        const Error error = outcome.error();
        // Too large for an automatic download: it waits for the user, with its
        // size. A lost connection is tried again at the next start; what the
        // server or the cryptography refused stays failed until asked again.
        const bool waits = d->automatic && error.detail == u"download-too-large";
        const bool transient =
            error.code == Error::Code::Network && !error.detail.contains(u": http ");
        a.state = waits || transient ? AttachmentState::Pending : AttachmentState::Failed;
        a.error = waits ? QString() : error.detail;
        if (d->announced > 0)
            a.size = d->announced;
        qCInfo(lcAttachments) << "download of" << a.messageId << "stopped:" << error.detail;
        (void)m_attachments.update(a);
        Q_EMIT attachmentChanged(a.messageId, a.state);
        settle(d->promise, Core::Result<Attachment>(std::unexpected(error)));
        return;
    }
    a.state = AttachmentState::Stored;
    a.error.clear();
    a.size = d->writer->plaintextSize();
    a.localName = d->localName;
    a.atRestKey = d->atRestKey.view().toByteArray();
    a.sha256 = *digest;
    m_attachments.update(a).then(this, [this, d](Core::Result<void> saved) {
        Attachment &stored = d->attachment;
        if (!saved) {
            QFile::remove(pathFor(stored.localName));
            settle(d->promise, Core::Result<Attachment>(std::unexpected(saved.error())));
            return;
        }
        qCInfo(lcAttachments) << "attachment of" << stored.messageId << "stored";
        Q_EMIT attachmentChanged(stored.messageId, AttachmentState::Stored);
        settle(d->promise, Core::Result<Attachment>(stored));
    });
}

QFuture<Core::Result<qint64>> AttachmentService::saveTo(const QString &messageId,
                                                        const QString &outPath)
{
    auto promise = std::make_shared<QPromise<Core::Result<qint64>>>();
    promise->start();
    auto future = promise->future();
    m_attachments.byMessageId(messageId).then(
        this, [this, promise, outPath](Core::Result<std::optional<Attachment>> found) {
            if (!found)
                return settle(promise, Core::Result<qint64>(std::unexpected(found.error())));
            if (!*found || (*found)->state != AttachmentState::Stored)
                return settle(promise,
                              Core::Result<qint64>(Core::fail(
                                  Error::Code::Storage, QStringLiteral("attachment-not-stored"))));
            QSaveFile out(outPath);
            if (!out.open(QIODevice::WriteOnly))
                return settle(
                    promise, Core::Result<qint64>(Core::fail(
                                 Error::Code::Storage, QStringLiteral("io: cannot write output"))));
            auto written = Crypto::AtRestFile::decryptTo(
                pathFor((*found)->localName), Crypto::SecretBytes::copyOf((*found)->atRestKey),
                &out);
            if (!written) {
                out.cancelWriting();
                return settle(promise, std::move(written));
            }
            if (!out.commit())
                return settle(
                    promise, Core::Result<qint64>(Core::fail(
                                 Error::Code::Storage, QStringLiteral("io: cannot write output"))));
            settle(promise, std::move(written));
        });
    return future;
}

} // namespace Sync
