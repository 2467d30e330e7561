// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"
#include "xmpp/Transport.h"

#include <QStringList>

/// In-memory Transport for protocol unit tests: records what the client sends
/// and lets the test inject what the server would send.
class FakeTransport : public Xmpp::Transport
{
    Q_OBJECT
public:
    using Xmpp::Transport::Transport;

    void open(const Xmpp::TransportSettings &settings) override;
    void send(const QString &frame) override;
    void close() override;
    void abort() override;
    bool isOpen() const override { return m_open; }
    bool isEncrypted() const override { return m_encrypted; }

    // test side
    void setEncrypted(bool encrypted) { m_encrypted = encrypted; }
    /// When false, open() waits for acceptOpen(); when true it succeeds at once.
    void setAutoOpen(bool autoOpen) { m_autoOpen = autoOpen; }
    void acceptOpen();
    void failOpen(const Core::Error &error);
    void inject(const QString &frame);
    /// Simulates the network dropping the link.
    void drop();
    /// Frames sent since the last take, parsed. Frames that are not XML stay as text.
    QStringList takeSent();
    QList<Xmpp::Element> takeSentElements();
    /// Compares the next sent frame structurally with `expected`; false with a
    /// qWarning describing the difference otherwise.
    bool expect(const QString &expected);

    int openCount() const { return m_openCount; }
    int abortCount() const { return m_abortCount; }
    const Xmpp::TransportSettings &lastSettings() const { return m_settings; }

private:
    Xmpp::TransportSettings m_settings;
    QStringList m_sent;
    bool m_open = false;
    bool m_encrypted = true;
    bool m_autoOpen = true;
    int m_openCount = 0;
    int m_abortCount = 0;
};
