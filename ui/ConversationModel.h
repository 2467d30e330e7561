// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ClinicalAnnotations.h"
#include "Session.h"

#include "store/AttachmentStore.h"
#include "store/StoreTypes.h"

#include "core/Error.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Account {
class Account;
}

namespace Ui {

/// The open conversation (`peer`) from the account's encrypted store, oldest
/// row first. The newest page is read when it opens; older pages as the view
/// scrolls up (loadOlder / fetchMore), never the whole history. Sends go
/// through the outbox (exactly once, end-to-end encrypted by default); a send
/// that fails keeps its row, says why, and can be retried. Opening a
/// conversation marks it read and is audited; so is each new message while
/// `active` (the view is on screen).
///
/// Clinical messaging (ClinicalService): sends carry a priority; urgent/STAT
/// messages show who acknowledged them, ours where they escalated to; incoming
/// ones wait for our acknowledge(); our own can be recalled. While the link is
/// down a message not yet handed to the server says so at once ("waiting") and
/// can be cancelled; it goes out once when the connection is back.
///
/// Forwarding: any message with text (not recalled) can be forwarded to a
/// colleague or room as a routine copy (ClinicalService::forward); a refusal
/// says why in errorText. Forwarded copies, ours and incoming, name the
/// conversation they came from (read for each loaded page in one query, kept
/// current as copies are sent or arrive).
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString peer READ peer WRITE setPeer NOTIFY peerChanged)
    Q_PROPERTY(QString peerName READ peerName NOTIFY peerChanged)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    /// Every older message is loaded.
    Q_PROPERTY(bool atStart READ isAtStart NOTIFY loadingChanged)
    /// Why the last send could not even be stored (translated); empty otherwise.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    /// The open conversation is a care-team room: messages name their senders.
    Q_PROPERTY(bool room READ isRoom NOTIFY peerChanged)
    /// Incoming urgent/STAT messages of this conversation we have not acknowledged.
    Q_PROPERTY(int unacknowledged READ unacknowledged NOTIFY unacknowledgedChanged)
public:
    enum Role {
        BodyRole = Qt::UserRole + 1,
        OutgoingRole,
        TimeRole,
        DeliveryRole,   ///< "pending", "sent", "delivered", "read", "failed", "received"
        ProtectionRole, ///< "plain", "encrypted", "verified", "untrusted", "undecryptable"
        UndecryptableRole,
        ProblemRole, ///< why it failed or could not be decrypted (translated)
        MessageIdRole,
        RowIdRole,
        DaySeparatorRole, ///< "Today", a date...: set on the first message of each day
        SenderRole,
        SenderNameRole, ///< roster name of the sender (rooms), or their address
        AttachmentRole, ///< the message carries a file
        AttachmentNameRole,
        AttachmentSizeRole,
        AttachmentMimeRole,
        AttachmentStateRole, ///< "pending", "downloading", "stored", "failed"; "" without a file
        TransferDoneRole,    ///< bytes moved of a running upload or download
        TransferTotalRole,   ///< their total; 0 when none runs, -1 when unknown
        PriorityRole,        ///< "routine", "urgent", "stat"
        NeedsAckRole,        ///< incoming urgent/STAT we have not acknowledged
        AcknowledgedRole,    ///< "Acknowledged by Ana Ruiz at 09:15" lines (translated)
        EscalationRole,      ///< "Escalated to Ben Okafor after 5 min" lines (translated)
        RecalledRole,        ///< the sender recalled it; no text left
        CanRecallRole,       ///< ours, and not recalled
        WaitingRole,         ///< ours, pending while there is no connection
        ForwardedFromRole,   ///< "Forwarded from Ben Okafor" (translated); empty if no copy
        CanForwardRole,      ///< has text to forward (not recalled, no file, decrypted)
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 50;

    explicit ConversationModel(QObject *parent = nullptr);
    ~ConversationModel() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);

    /// Bare address of the open conversation; empty when none is open.
    QString peer() const { return m_peer; }
    void setPeer(const QString &jid);
    QString peerName() const;
    bool isActive() const { return m_active; }
    void setActive(bool active);
    bool isLoading() const { return m_loading; }
    bool isAtStart() const { return m_atStart; }
    QString errorText() const { return m_errorText; }
    bool isRoom() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Reads the next older page (nothing while one is being read).
    Q_INVOKABLE void loadOlder();
    /// Opens `jid` with the message `rowId` loaded (and the page before it);
    /// messageShown(row) tells the view where it is.
    Q_INVOKABLE void openAt(const QString &jid, qint64 rowId);
    /// Row of the message with that store row id, or -1.
    Q_INVOKABLE int rowOf(qint64 rowId) const;

    /// Sends `body` to the open conversation through the outbox, with
    /// `priority` (0 routine, 1 urgent, 2 STAT). False when there is nothing to
    /// send or nobody to send it to.
    Q_INVOKABLE bool send(const QString &body, int priority = 0);
    /// Sends a failed message again.
    Q_INVOKABLE void retry(const QString &messageId);
    /// Takes a message waiting for the connection out of the outbox: it is
    /// shown as not sent (Retry puts it back).
    Q_INVOKABLE void cancel(const QString &messageId);
    /// Acknowledges an incoming urgent/STAT message.
    Q_INVOKABLE void acknowledge(const QString &messageId);
    /// The newest incoming message still waiting for our acknowledgement; empty if none.
    Q_INVOKABLE QString newestUnacknowledged() const;
    /// Recalls one of our messages at every recipient (XEP-0424).
    Q_INVOKABLE void recall(const QString &messageId);
    /// Forwards a message of this conversation to `to` (a bare address): the
    /// copy appears in that conversation; a refusal (outside the allowed
    /// domains, recalled) sets errorText and sends nothing.
    Q_INVOKABLE void forward(const QString &messageId, const QString &to);
    int unacknowledged() const;

    /// Sends a local file (a file: URL or path) to the open conversation: it is
    /// kept encrypted at rest and uploaded encrypted. False when nothing is open.
    Q_INVOKABLE bool sendFile(const QUrl &file);
    /// Fetches a received file again (after a failure, or one too large to
    /// fetch by itself).
    Q_INVOKABLE void downloadAttachment(const QString &messageId);
    /// Decrypts a stored file from its at-rest copy to `target` (a file: URL
    /// or path); attachmentSaved() or errorText tells how it went.
    Q_INVOKABLE void saveAttachment(const QString &messageId, const QUrl &target);

Q_SIGNALS:
    void sessionChanged();
    void peerChanged();
    void activeChanged();
    void loadingChanged();
    void errorTextChanged();
    void unacknowledgedChanged();
    /// A message asked for with openAt() is loaded, at this row.
    void messageShown(int row);
    /// saveAttachment() wrote the file (local path).
    void attachmentSaved(const QString &messageId, const QString &path);
    /// forward() sent the copy of `messageId` to `to`.
    void forwarded(const QString &messageId, const QString &to);

private:
    void followSessionAccount();
    void open(const QString &jid, qint64 targetRowId);
    void loadPage(int limit, qint64 targetRowId);
    void onStored(const QList<Store::StoredMessage> &messages);
    void onCommitted(const Store::StoredMessage &message);
    void onStateChanged(const QString &messageId, Store::MessageState state);
    void onSendFailed(const QString &messageId, const Core::Error &error);
    void onRecalled(const QString &messageId);
    void onAnnotationChanged(const QString &messageId);
    void onLinkChanged();
    /// Reads where these message rows were forwarded from (one query).
    void loadForwards(const QList<qint64> &rowIds);
    void onForwardRecorded(const QString &messageId, const Store::ForwardSource &source);
    QString forwardedFromText(const Store::StoredMessage &m) const;
    QString acknowledgedText(const Store::StoredMessage &m) const;
    QString escalationText(const Store::StoredMessage &m) const;
    bool needsAck(const Store::StoredMessage &m) const;
    void append(const Store::StoredMessage &message);
    /// Reads the attachments of these message rows (after a page or arrival).
    void loadAttachments(const QList<qint64> &rowIds);
    void onAttachmentChanged(const QString &messageId);
    void onTransferProgress(const QString &messageId, qint64 done, qint64 total);
    void emitRowChanged(int row, const QList<int> &roles);
    void markRead();
    void setLoading(bool loading);
    void setErrorText(const QString &text);
    int rowOfMessage(const QString &messageId) const;
    QString daySeparator(int row) const;

    QPointer<Session> m_session;
    QPointer<Account::Account> m_account;
    QString m_peer;
    QList<Store::StoredMessage> m_messages; ///< oldest first
    QHash<QString, QString> m_problems;     ///< message id -> why sending failed
    /// Message row id -> its file (without the at-rest key).
    QHash<qint64, Store::Attachment> m_attachments;
    /// Message row id -> the message it is a forwarded copy of.
    QHash<qint64, Store::ForwardSource> m_forwards;
    /// Message id -> bytes done and total of a running transfer.
    QHash<QString, std::pair<qint64, qint64>> m_transfers;
    bool m_active = false;
    bool m_loading = false;
    bool m_atStart = false;
    QString m_errorText;
    QString m_lastDisplayed;  ///< incoming message id a displayed marker went out for
    quint64 m_generation = 0; ///< drops answers meant for a previous conversation
    ClinicalAnnotations m_clinical;
    bool m_online = false; ///< the account's link is up (pending sends are on their way)
};

} // namespace Ui
