// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"
#include "xmpp/DataForm.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>

#include <optional>

namespace Xmpp {

/// XEP-0050 ad-hoc commands, the requesting side: list the commands an entity
/// offers, run one (execute, then submit its form when it asks for one).
///
/// Errors are Core::Error: a <forbidden/> (not an admin) is Auth
/// "admin-forbidden"; item-not-found, bad-request, not-allowed and
/// feature-not-implemented are Stanza "adhoc-<condition>"; a completed command
/// whose note is of type error is Stanza "adhoc-note-error". Anything else
/// keeps the iq error ("iq error: <condition>") or the timeout.
class AdHocExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    struct Command
    {
        Core::Jid jid;
        QString node;
        QString name;
        bool operator==(const Command &) const = default;
    };
    struct Note
    {
        QString type; ///< info, warn, error
        QString text; ///< the server's language: for logs of ids and admins, not users
        bool operator==(const Note &) const = default;
    };
    struct Response
    {
        enum class Status { Executing, Completed, Canceled };
        Status status = Status::Completed;
        QString node;
        QString sessionId;
        std::optional<DataForm> form;
        QList<Note> notes;
    };
    /// Submitted values by field var.
    using Values = QHash<QString, QStringList>;

    explicit AdHocExtension(Client &client);

    /// disco#items of node http://jabber.org/protocol/commands at `to`.
    QFuture<Core::Result<QList<Command>>> commands(const Core::Jid &to);
    /// One execute request: with `form` (submit) or without (the command
    /// answers with its form); `sessionId` continues a running command.
    QFuture<Core::Result<Response>> execute(const Core::Jid &to, const QString &node,
                                            const std::optional<DataForm> &form = std::nullopt,
                                            const QString &sessionId = {});
    /// Runs a command to completion: executes it, and when it answers with a
    /// form, submits that form with `values` filled in. Finishes with the
    /// completed response (notes, result form).
    QFuture<Core::Result<Response>> run(const Core::Jid &to, const QString &node,
                                        const Values &values = {});

    /// Maps an iq error (IqTracker detail) of a command request to the errors above.
    static Core::Error commandError(const Core::Error &iqError);
    /// Parses the <command/> of a result iq.
    static Core::Result<Response> parseResponse(const Element &iq);

    bool handleStanza(const Element &stanza) override;
};

} // namespace Xmpp
