// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"

#include <QList>
#include <QStringList>

namespace Xmpp {

struct RosterItem
{
    Core::Jid jid;
    QString name;
    QString subscription; ///< none, to, from, both
    QStringList groups;
    bool operator==(const RosterItem &) const = default;
};

/// RFC 6121 roster: fetched when a session starts, kept current by roster pushes.
class RosterExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    explicit RosterExtension(Client &client);

    const QList<RosterItem> &items() const { return m_items; }
    bool isLoaded() const { return m_loaded; }

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;

Q_SIGNALS:
    void rosterChanged();

private:
    void applyItem(const Element &item);

    QList<RosterItem> m_items;
    bool m_loaded = false;
};

} // namespace Xmpp
