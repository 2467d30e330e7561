// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttachmentImage.h"

#include "account/Account.h"
#include "crypto/MediaCrypto.h"
#include "crypto/SecretBytes.h"
#include "store/AttachmentStore.h"
#include "sync/AttachmentService.h"

#include <QDir>
#include <QPainter>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Ui {

AttachmentImage::AttachmentImage(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
}

AttachmentImage::~AttachmentImage() = default;

void AttachmentImage::setSession(Session *session)
{
    if (session == m_session)
        return;
    m_session = session;
    Q_EMIT sessionChanged();
    reload();
}

void AttachmentImage::setMessageId(const QString &id)
{
    if (id == m_messageId)
        return;
    m_messageId = id;
    Q_EMIT messageIdChanged();
    reload();
}

void AttachmentImage::setFileState(const QString &state)
{
    if (state == m_fileState)
        return;
    m_fileState = state;
    Q_EMIT fileStateChanged();
    reload();
}

void AttachmentImage::setMaximumSize(int size)
{
    if (size == m_maximumSize)
        return;
    m_maximumSize = size;
    Q_EMIT maximumSizeChanged();
    reload();
}

void AttachmentImage::reload()
{
    const quint64 generation = ++m_generation;
    Account::Account *account = m_session ? m_session->account() : nullptr;
    if (!account || !account->attachmentStore() || !account->attachments() ||
        m_messageId.isEmpty()) {
        setImage({});
        return;
    }
    const QString folder = account->attachments()->directory();
    account->attachmentStore()
        ->byMessageId(m_messageId)
        .then(this,
              [this, generation, folder](Core::Result<std::optional<Store::Attachment>> found) {
                  if (generation != m_generation)
                      return;
                  if (!found || !*found || (*found)->state != Store::AttachmentState::Stored ||
                      !(*found)->mime.startsWith(u"image/"_s) || (*found)->size > MaxPreviewBytes) {
                      setImage({});
                      return;
                  }
                  auto plain =
                      Crypto::AtRestFile::readAll(QDir(folder).filePath((*found)->localName),
                                                  Crypto::SecretBytes::copyOf((*found)->atRestKey));
                  (*found)->atRestKey.fill('\0');
                  if (!plain) {
                      setImage({});
                      return;
                  }
                  QImage image = QImage::fromData(*plain);
                  // The clear bytes go as soon as they are decoded.
                  std::memset(plain->data(), 0, size_t(plain->size()));
                  if (!image.isNull() &&
                      (image.width() > m_maximumSize || image.height() > m_maximumSize))
                      image = image.scaled(m_maximumSize, m_maximumSize, Qt::KeepAspectRatio,
                                           Qt::SmoothTransformation);
                  setImage(image);
              });
}

void AttachmentImage::setImage(const QImage &image)
{
    if (image.isNull() && m_image.isNull())
        return;
    m_image = image;
    setImplicitSize(m_image.width(), m_image.height());
    update();
    Q_EMIT imageChanged();
}

void AttachmentImage::paint(QPainter *painter)
{
    if (m_image.isNull())
        return;
    const QSizeF fitted = QSizeF(m_image.size()).scaled(size(), Qt::KeepAspectRatio);
    const QRectF target((width() - fitted.width()) / 2, (height() - fitted.height()) / 2,
                        fitted.width(), fitted.height());
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(target, m_image);
}

} // namespace Ui
