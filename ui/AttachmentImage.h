// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include <QImage>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// A preview of a received or sent image, decrypted in memory from its
/// at-rest copy (never written out in the clear), scaled to fit `maximumSize`.
/// `available` is false for anything that is not a stored image.
class AttachmentImage : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString messageId READ messageId WRITE setMessageId NOTIFY messageIdChanged)
    /// Bumped by the view when the file's state changes (downloaded).
    Q_PROPERTY(QString fileState READ fileState WRITE setFileState NOTIFY fileStateChanged)
    Q_PROPERTY(int maximumSize READ maximumSize WRITE setMaximumSize NOTIFY maximumSizeChanged)
    Q_PROPERTY(bool available READ isAvailable NOTIFY imageChanged)
public:
    /// Larger images are not previewed (their file is still there to save).
    static constexpr qint64 MaxPreviewBytes = 16 * 1024 * 1024;

    explicit AttachmentImage(QQuickItem *parent = nullptr);
    ~AttachmentImage() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString messageId() const { return m_messageId; }
    void setMessageId(const QString &id);
    QString fileState() const { return m_fileState; }
    void setFileState(const QString &state);
    int maximumSize() const { return m_maximumSize; }
    void setMaximumSize(int size);
    bool isAvailable() const { return !m_image.isNull(); }

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void sessionChanged();
    void messageIdChanged();
    void fileStateChanged();
    void maximumSizeChanged();
    void imageChanged();

private:
    void reload();
    void setImage(const QImage &image);

    QPointer<Session> m_session;
    QString m_messageId;
    QString m_fileState;
    int m_maximumSize = 320;
    QImage m_image;
    quint64 m_generation = 0;
};

} // namespace Ui
