// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"

#include <QStringList>

namespace Xmpp {

/// XEP-0030 service discovery: answers disco#info about this client, and asks
/// the server what it supports when a session starts. Also the XEP-0115
/// entity capabilities of this client: the hash PresenceExtension announces and
/// the "<node>#<ver>" queries it leads to.
class DiscoExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    struct Identity
    {
        QString category;
        QString type;
        QString name;
        QString lang; ///< xml:lang, usually empty
        bool operator==(const Identity &) const = default;
    };

    /// The XEP-0115 node of this software.
    static constexpr QStringView CapsNode = u"https://rounds.invalid/caps";

    explicit DiscoExtension(Client &client);

    /// client/pc "Rounds".
    static Identity ownIdentity();
    /// XEP-0115 section 5.1 verification string (SHA-1, base64) of identities
    /// and features, without extended forms. Duplicate features count once.
    static QString capsVerification(const QList<Identity> &identities, const QStringList &features);
    /// The verification string of this client now (identity and every
    /// extension's features).
    QString capsVersion() const;

    const QStringList &serverFeatures() const { return m_serverFeatures; }
    bool serverSupports(QStringView feature) const;

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;
    QStringList discoFeatures() const override;

Q_SIGNALS:
    void serverFeaturesChanged();

private:
    QStringList m_serverFeatures;
};

} // namespace Xmpp
