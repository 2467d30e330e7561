// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// Draws a QR code image (one pixel per module, quiet zone included, as
/// SignInForm::enrolmentQr) crisply: whole device pixels per module, no
/// smoothing, centred. Its implicit size is at least minimumSize, so a phone held
/// at arm's length can read it.
class QrCodeItem : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QImage image READ image WRITE setImage NOTIFY imageChanged)
    Q_PROPERTY(bool empty READ isEmpty NOTIFY imageChanged)
    Q_PROPERTY(int moduleCount READ moduleCount NOTIFY imageChanged)
public:
    static constexpr int minimumSize = 240;

    explicit QrCodeItem(QQuickItem *parent = nullptr);

    /// `payload` as a QR code image for `image`: one pixel per module and a
    /// 4-module quiet zone. Null when it cannot be encoded.
    static QImage imageFor(const QByteArray &payload);

    QImage image() const { return m_image; }
    void setImage(const QImage &image);
    bool isEmpty() const { return m_image.isNull(); }
    /// Modules per side, quiet zone included.
    int moduleCount() const { return m_image.width(); }

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void imageChanged();

private:
    QImage m_image;
};

} // namespace Ui
