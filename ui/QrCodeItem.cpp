// SPDX-License-Identifier: GPL-3.0-or-later
#include "QrCodeItem.h"

#include "account/QrCode.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Ui {

namespace {
// Modules this size read well from arm's length on an ordinary desktop screen.
constexpr int PreferredModulePixels = 6;
// The standard's quiet zone around the code on screen.
constexpr int QuietZone = 4;
} // namespace

QImage QrCodeItem::imageFor(const QByteArray &payload)
{
    const auto code = Account::encodeQr(payload);
    if (!code)
        return {};
    const int side = code->size + 2 * QuietZone;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < code->size; ++y) {
        uchar *line = image.scanLine(y + QuietZone) + QuietZone;
        for (int x = 0; x < code->size; ++x)
            line[x] = code->dark(x, y) ? 0 : 255;
    }
    return image;
}

QrCodeItem::QrCodeItem(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
    setSmooth(false);
    setMipmap(false);
    setImplicitSize(minimumSize, minimumSize);
}

void QrCodeItem::setImage(const QImage &image)
{
    if (image == m_image)
        return;
    m_image = image;
    const int modules = std::max(1, m_image.width());
    const int pixels = std::max(modules * PreferredModulePixels,
                                modules * int(std::ceil(double(minimumSize) / modules)));
    setImplicitSize(pixels, pixels);
    Q_EMIT imageChanged();
    update();
}

void QrCodeItem::paint(QPainter *painter)
{
    if (m_image.isNull())
        return;
    // Work in device pixels (the painter comes scaled by the device pixel ratio)
    // so that every module is the same whole number of them.
    painter->save();
    const QTransform toDevice = painter->transform();
    const qreal scale = toDevice.m11() > 0 ? toDevice.m11() : 1.0;
    painter->setTransform(QTransform::fromTranslate(toDevice.dx(), toDevice.dy()));
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->setRenderHint(QPainter::Antialiasing, false);
    const int modules = m_image.width();
    const int side = int(std::floor(std::min(width(), height()) * scale));
    const int drawn = std::max(1, side / modules) * modules;
    const int x = int(std::floor((width() * scale - drawn) / 2));
    const int y = int(std::floor((height() * scale - drawn) / 2));
    painter->drawImage(QRect(x, y, drawn, drawn), m_image);
    painter->restore();
}

} // namespace Ui
