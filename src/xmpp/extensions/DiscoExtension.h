// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"

#include <QStringList>

namespace Xmpp {

/// XEP-0030 service discovery: answers disco#info about this client, and asks
/// the server what it supports when a session starts.
class DiscoExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    explicit DiscoExtension(Client &client);

    const QStringList &serverFeatures() const { return m_serverFeatures; }
    bool serverSupports(QStringView feature) const;

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;

Q_SIGNALS:
    void serverFeaturesChanged();

private:
    QStringList m_serverFeatures;
};

} // namespace Xmpp
