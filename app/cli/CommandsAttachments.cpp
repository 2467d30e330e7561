// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli commands for files: send --file (XEP-0363 upload of an XEP-0454
// encrypted file, its link sent over OMEMO) and attachment get (the decrypted
// file from this device's encrypted copy, downloaded first when needed).
#include "CliSession.h"

#include "store/AttachmentStore.h"
#include "sync/AttachmentService.h"
#include "sync/Outbox.h"

#include <QFile>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

QJsonObject attachmentJson(const Store::Attachment &a)
{
    static const char *const states[] = {"pending", "downloading", "stored", "failed"};
    QJsonObject o{{u"name"_s, a.name},
                  {u"mime"_s, a.mime},
                  {u"size"_s, a.size},
                  {u"state"_s, QString::fromLatin1(states[qBound(0, int(a.state), 3)])},
                  {u"uploaded"_s, !a.url.isEmpty()}};
    if (!a.sha256.isEmpty())
        o.insert(u"sha256"_s, QString::fromLatin1(a.sha256.toHex()));
    if (!a.error.isEmpty())
        o.insert(u"error"_s, a.error);
    return o;
}

int commandSendFile(const QCommandLineParser &parser)
{
    const Core::Jid to(parser.value(u"to"_s));
    const QString path = parser.value(u"file"_s);
    if (!to.isValid() || to.local().isEmpty() || path.isEmpty()) {
        std::fputs("rounds-cli send: --to JID and --file PATH are required\n", stderr);
        return ExitUsage;
    }
    if (!QFile::exists(path)) {
        std::fputs("rounds-cli send: the file does not exist\n", stderr);
        return ExitUsage;
    }
    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    Account::Account &a = **account;
    QHash<QString, Store::MessageState> changes;
    QHash<QString, Core::Error> refusals;
    const QObject scope; // dies before the locals the handlers write to
    QObject::connect(
        a.outbox(), &Sync::Outbox::stateChanged, &scope,
        [&](const QString &changed, Store::MessageState s) { changes.insert(changed, s); });
    QObject::connect(
        a.outbox(), &Sync::Outbox::sendFailed, &scope,
        [&](const QString &failed, const Core::Error &error) { refusals.insert(failed, error); });
    // Uploads take longer than a text message: allow a few timeouts' worth.
    const int timeout = session.timeoutSeconds() * 4;
    const auto queued = await(a.attachments()->sendFile(to, path), timeout);
    if (!queued)
        return reportError({Core::Error::Code::Timeout, u"the store did not answer"_s});
    if (!*queued)
        return reportError(queued->error());
    const QString id = (*queued)->messageId;
    runUntil([&] { return changes.contains(id) || refusals.contains(id); }, timeout);
    if (refusals.contains(id)) {
        const int code = reportError(refusals.value(id));
        session.finish();
        return code;
    }
    const auto state = changes.contains(id) ? std::optional(changes.value(id)) : std::nullopt;
    if (state == Store::MessageState::Failed)
        return reportError({Core::Error::Code::Network, u"the server refused the message"_s});
    if (!state)
        return reportError({Core::Error::Code::Timeout,
                            u"the server did not confirm the message; it stays in the outbox"_s});
    QJsonObject out{{u"event"_s, u"sent"_s}, {u"id"_s, id}, {u"to"_s, to.bareString()}};
    const auto stored = await(a.attachmentStore()->byMessageId(id), session.timeoutSeconds());
    if (stored && *stored && **stored)
        out.insert(u"attachment"_s, attachmentJson(***stored));
    printJson(out);
    session.finish();
    return ExitOk;
}

int commandAttachment(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    const QString id = parser.value(u"message"_s);
    const QString out = parser.value(u"out"_s);
    if (args.value(1) != u"get" || args.size() != 2 || id.isEmpty() || out.isEmpty()) {
        std::fputs("rounds-cli attachment get --message ID --out PATH\n", stderr);
        return ExitUsage;
    }
    CliSession session(parser);
    auto account = session.openLocal();
    if (!account)
        return account.error();
    Account::Account &a = **account;
    const int timeout = session.timeoutSeconds() * 4;
    // Fetched now if it was not yet (too large to fetch by itself, or it failed).
    const auto fetched = await(a.attachments()->download(id), timeout);
    if (!fetched)
        return reportError({Core::Error::Code::Timeout, u"the download did not finish"_s});
    if (!*fetched)
        return reportError(fetched->error());
    const auto written = await(a.attachments()->saveTo(id, out), timeout);
    if (!written)
        return reportError({Core::Error::Code::Timeout, u"writing the file timed out"_s});
    if (!*written)
        return reportError(written->error());
    QJsonObject event = attachmentJson(**fetched);
    event.insert(u"event"_s, u"attachment"_s);
    event.insert(u"id"_s, id);
    event.insert(u"bytes"_s, **written);
    printJson(event);
    return ExitOk;
}
