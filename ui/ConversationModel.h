// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include "xmpp/Client.h"
#include "xmpp/Message.h"
#include "xmpp/extensions/MessagingExtension.h"

#include "core/Jid.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// The messages of the open conversation (`peer`). Until the encrypted store
/// arrives they live in memory, per peer, for as long as the account is signed in.
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString peer READ peer WRITE setPeer NOTIFY peerChanged)
public:
    enum Role { BodyRole = Qt::UserRole + 1, OutgoingRole, TimeRole, DeliveryRole };
    Q_ENUM(Role)

    explicit ConversationModel(QObject *parent = nullptr);
    ~ConversationModel() override;

    Session *session() const { return m_session; }
    /// Follows the session's account: its client and messaging.
    void setSession(Session *session);
    /// Shows messages of this client (both may be null). Used by setSession and tests.
    void attach(Xmpp::Client *client, Xmpp::MessagingExtension *messaging);

    /// Bare address of the open conversation; empty when none is open.
    QString peer() const { return m_peer.bareString(); }
    void setPeer(const QString &jid);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Sends `body` to the open conversation. False when there is nothing to
    /// send or nobody to send it to.
    Q_INVOKABLE bool send(const QString &body);

Q_SIGNALS:
    void sessionChanged();
    void peerChanged();

private:
    enum class Delivery { Received, Sending, Sent };
    struct Entry
    {
        QString id;
        QString body;
        QDateTime time;
        bool outgoing = false;
        Delivery delivery = Delivery::Received;
    };

    void followSessionAccount();
    void append(const Core::Jid &peer, Entry entry);
    void onMessageReceived(const Xmpp::Message &message);
    void onAcknowledged(const QString &id);
    const QList<Entry> &shown() const;

    QPointer<Session> m_session;
    QPointer<Xmpp::Client> m_client;
    QPointer<Xmpp::MessagingExtension> m_messaging;
    Core::Jid m_peer;
    QHash<Core::Jid, QList<Entry>> m_conversations;
    QHash<QString, Core::Jid> m_awaitingAck; ///< sent message id -> its conversation
};

} // namespace Ui
