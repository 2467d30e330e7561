// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QList>
#include <QStringList>

namespace Xmpp {

/// XEP-0060 / XEP-0163 personal eventing: publish to our own PEP service with
/// publish-options, fetch items of anyone's node, and receive +notify events.
class PubSubExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    struct Item
    {
        QString id;
        Element payload; ///< the item's first child element (null when empty)
        bool operator==(const Item &) const = default;
    };
    struct Option
    {
        QString var; ///< without the "pubsub#" prefix, e.g. "access_model"
        QString value;
        bool operator==(const Option &) const = default;
    };

    explicit PubSubExtension(Client &client);

    /// Publishes an item to our own PEP node with publish-options. When the
    /// node exists with another configuration (precondition-not-met) the node is
    /// reconfigured with the options and the publish is tried once more.
    QFuture<Core::Result<void>> publish(const QString &node, const QString &itemId,
                                        const Element &payload, const QList<Option> &options);
    /// Items of a node (all, or the one with `itemId`). A node or item that does
    /// not exist gives an empty list, not an error.
    QFuture<Core::Result<QList<Item>>> items(const Core::Jid &jid, const QString &node,
                                             const QString &itemId = {});
    /// Sets options of one of our own nodes (pubsub#owner configure).
    QFuture<Core::Result<void>> configure(const QString &node, const QList<Option> &options);
    /// Removes one of our own items.
    QFuture<Core::Result<void>> retract(const QString &node, const QString &itemId);

    /// Asks for notifications of a node: announces "<node>+notify" in disco#info
    /// and so in the XEP-0115 caps hash sent with presence.
    void addNotify(const QString &node);

    bool handleStanza(const Element &stanza) override;
    QStringList discoFeatures() const override;

Q_SIGNALS:
    /// Items published (or included in the last-item notification) on a node we
    /// asked to be notified about. `from` is the publisher's bare JID.
    void itemsPublished(const Core::Jid &from, const QString &node,
                        const QList<Xmpp::PubSubExtension::Item> &items);

private:
    QStringList m_notify;
};

} // namespace Xmpp
