// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"
#include "xmpp/Message.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace Xmpp {

/// One XEP-0313 query for one page of an archive. Every member has a default, so
/// designated initializers can set any subset.
struct MamQuery
{
    std::optional<Core::Jid> with{};  ///< only the conversation with this address
    std::optional<QDateTime> start{}; ///< only messages at or after this time
    std::optional<QDateTime> end{};   ///< only messages at or before this time
    /// Page forwards: messages after this archive id; empty starts at the oldest.
    QString afterId{};
    /// Page backwards instead: messages before this archive id; an empty string
    /// asks for the newest page. Cannot be combined with afterId.
    std::optional<QString> beforeId{};
    int max = 100;       ///< page size (XEP-0059 <max/>)
    Core::Jid archive{}; ///< archive to ask (a room, say); empty: our own account's
};

struct ArchivedMessage
{
    QString archiveId; ///< the archive's id for the message (<result id=.../>)
    QDateTime stamp;   ///< when the archive stored it (XEP-0203 delay)
    Message message;
};

struct MamPage
{
    QList<ArchivedMessage> messages; ///< oldest first, also when paging backwards
    QString firstId;                 ///< <first/>: cursor for the next older page
    QString lastId;                  ///< <last/>: cursor for the next newer page
    bool complete = false;           ///< no more pages in the paging direction
    std::optional<int> count;        ///< messages matching the whole query, when told
};

/// XEP-0313 message archive queries, paged with XEP-0059 result set management.
/// Archive results are consumed here and never reach MessagingExtension as live
/// messages; results that do not belong to a running query, or do not come from
/// the archive asked, are dropped.
///
/// Fetching everything is a loop: query with afterId empty, then set afterId to
/// the previous page's lastId until a page says complete (or, newest first: set
/// beforeId to an empty string, then to each page's firstId until complete).
class MamExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    explicit MamExtension(Client &client);

    /// Finishes with the page once the archive's <fin/> arrives, or with an
    /// error: Stanza for an iq error or a bad query, Timeout, Network when the
    /// connection goes down first.
    QFuture<Core::Result<MamPage>> queryPage(const MamQuery &query);

    bool handleStanza(const Element &stanza) override;
    QStringList discoFeatures() const override;

private:
    struct Pending
    {
        Core::Jid archive; ///< expected `from` of the results
        QList<ArchivedMessage> messages;
    };

    Core::Jid ownBareJid() const;
    static Element buildQuery(const MamQuery &query, const QString &queryId);
    static MamPage finishPage(const Element &result, QList<ArchivedMessage> messages);

    QHash<QString, Pending> m_pending; ///< by queryid
};

} // namespace Xmpp
