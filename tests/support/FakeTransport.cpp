// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeTransport.h"

#include "xmpp/XmlStreamParser.h"

#include <QTimer>

void FakeTransport::open(const Xmpp::TransportSettings &settings)
{
    m_settings = settings;
    ++m_openCount;
    if (m_autoOpen)
        QTimer::singleShot(0, this, &FakeTransport::acceptOpen);
}

void FakeTransport::acceptOpen()
{
    m_open = true;
    Q_EMIT opened();
}

void FakeTransport::failOpen(const Core::Error &error)
{
    m_open = false;
    Q_EMIT closed(false, error);
}

void FakeTransport::send(const QString &frame)
{
    m_sent.append(frame);
}

void FakeTransport::close()
{
    if (!m_open)
        return;
    m_open = false;
    QTimer::singleShot(0, this, [this] { Q_EMIT closed(true, {}); });
}

void FakeTransport::abort()
{
    ++m_abortCount;
    if (m_open) {
        drop();
        return;
    }
    // Aborting an open that has not completed yet.
    QTimer::singleShot(0, this, [this] {
        Q_EMIT closed(false, Core::Error{Core::Error::Code::Network, QStringLiteral("aborted")});
    });
}

void FakeTransport::drop()
{
    if (!m_open)
        return;
    m_open = false;
    Q_EMIT closed(false, Core::Error{Core::Error::Code::Network, QStringLiteral("fake drop")});
}

void FakeTransport::inject(const QString &frame)
{
    Q_EMIT frameReceived(frame);
}

QStringList FakeTransport::takeSent()
{
    return std::exchange(m_sent, {});
}

QList<Xmpp::Element> FakeTransport::takeSentElements()
{
    QList<Xmpp::Element> out;
    for (const QString &frame : takeSent()) {
        Xmpp::XmlStreamParser parser;
        auto parsed = parser.feed(frame);
        if (parsed)
            out.append(*parsed);
    }
    return out;
}

bool FakeTransport::expect(const QString &expected)
{
    if (m_sent.isEmpty()) {
        qWarning("expected a sent frame, nothing was sent: %s", qPrintable(expected));
        return false;
    }
    const QString actual = m_sent.takeFirst();
    Xmpp::XmlStreamParser a, b;
    auto pa = a.feed(actual);
    auto pb = b.feed(expected);
    if (!pa || !pb || pa->size() != 1 || pb->size() != 1 || !(pa->first() == pb->first())) {
        qWarning("sent frame differs\n  actual:   %s\n  expected: %s", qPrintable(actual),
                 qPrintable(expected));
        return false;
    }
    return true;
}
