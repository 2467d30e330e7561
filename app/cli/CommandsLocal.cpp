// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli commands that read this device's encrypted store only.
#include "CliSession.h"

#include "store/AttachmentStore.h"
#include "store/AuditStore.h"
#include "store/MessageStore.h"

#include "core/AuditChain.h"

#include <QFile>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void printMessage(const char *event, const Store::StoredMessage &m,
                  const Store::Attachment *attachment = nullptr)
{
    QJsonObject o{{u"event"_s, QString::fromLatin1(event)},
                  {u"id"_s, m.messageId},
                  {u"conversation"_s, m.conversation},
                  {u"from"_s, m.sender},
                  {u"direction"_s, m.direction == Store::Direction::Outgoing ? u"out"_s : u"in"_s},
                  {u"time"_s, m.timestamp.toString(Qt::ISODateWithMs)},
                  {u"state"_s, int(m.state)},
                  {u"body"_s, m.body}};
    if (attachment) {
        o.insert(u"body"_s, QString()); // the link carries the file's key
        o.insert(u"attachment"_s, attachmentJson(*attachment));
    }
    printJson(o);
}

int limitOf(const QCommandLineParser &parser, int fallback)
{
    bool ok = false;
    const int limit = parser.value(u"limit"_s).toInt(&ok);
    return ok && limit > 0 ? limit : fallback;
}

} // namespace

int commandSearch(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() < 2) {
        std::fputs("rounds-cli search: give the words to look for\n", stderr);
        return ExitUsage;
    }
    CliSession session(parser);
    auto account = session.openLocal();
    if (!account)
        return account.error();
    const QString query = args.mid(1).join(u' ');
    (*account)->audit(Core::AuditEntry::Action::Search); // never the query text
    const auto hits = await((*account)->messageStore()->search(query, limitOf(parser, 50)),
                            session.timeoutSeconds());
    if (!hits)
        return reportError({Core::Error::Code::Timeout, u"search timed out"_s});
    if (!*hits)
        return reportError(hits->error());
    for (const Store::StoredMessage &m : **hits)
        printMessage("match", m);
    return ExitOk;
}

int commandHistory(const QCommandLineParser &parser)
{
    const Core::Jid with(parser.value(u"with"_s));
    if (!with.isValid()) {
        std::fputs("rounds-cli history: --with JID is required\n", stderr);
        return ExitUsage;
    }
    CliSession session(parser);
    auto account = session.openLocal();
    if (!account)
        return account.error();
    (*account)->audit(Core::AuditEntry::Action::OpenConversation, {with.bareString()});
    const auto page =
        await((*account)->messageStore()->messages(with.bareString(), 0, limitOf(parser, 100)),
              session.timeoutSeconds());
    if (!page)
        return reportError({Core::Error::Code::Timeout, u"reading history timed out"_s});
    if (!*page)
        return reportError(page->error());
    QList<qint64> rows;
    for (const Store::StoredMessage &m : std::as_const(**page))
        rows.append(m.rowId);
    const auto files =
        await((*account)->attachmentStore()->forRows(rows), session.timeoutSeconds());
    QHash<qint64, Store::Attachment> byRow;
    if (files && *files)
        for (const Store::Attachment &f : std::as_const(**files))
            byRow.insert(f.messageRow, f);
    // Oldest first, like a conversation reads.
    for (auto it = (*page)->crbegin(); it != (*page)->crend(); ++it) {
        const auto file = byRow.constFind(it->rowId);
        printMessage("message", *it, file != byRow.cend() ? &*file : nullptr);
    }
    return ExitOk;
}

int commandAudit(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(1);
    if (action == u"verify") {
        // Needs no account: anyone holding an export can check it.
        if (args.size() != 3) {
            std::fputs("rounds-cli audit verify FILE\n", stderr);
            return ExitUsage;
        }
        QFile file(args.at(2));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fputs("rounds-cli: cannot read the audit file\n", stderr);
            return ExitUsage;
        }
        const auto report = Core::AuditChain::verifyJsonLines(file);
        QJsonObject out{{u"event"_s, u"audit-verify"_s},
                        {u"ok"_s, report.ok},
                        {u"entries"_s, qint64(report.entries)}};
        if (!report.ok) {
            out.insert(u"first_bad_line"_s, qint64(report.firstBadLine));
            out.insert(u"problem"_s, report.problem);
        } else {
            out.insert(u"first_seq"_s, qint64(report.firstSeq));
            out.insert(u"last_seq"_s, qint64(report.lastSeq));
            out.insert(u"last_hash"_s, QString::fromLatin1(report.lastHash));
        }
        printJson(out);
        if (!report.ok)
            std::fprintf(stderr,
                         "rounds-cli: the audit file fails verification at line %lld (%s)\n",
                         qlonglong(report.firstBadLine), qPrintable(report.problem));
        return report.ok ? ExitOk : ExitVerifyFailed;
    }
    if (action == u"export" && args.size() == 2) {
        if (!parser.isSet(u"output"_s)) {
            std::fputs("rounds-cli audit export: --output FILE is required\n", stderr);
            return ExitUsage;
        }
        CliSession session(parser);
        auto account = session.openLocal();
        if (!account)
            return account.error();
        // The export itself is audited first, so the file records who took it.
        auto recorded = await((*account)->auditLog()->append(Core::AuditEntry::Action::Export, {}),
                              session.timeoutSeconds());
        if (!recorded || !*recorded)
            return recorded ? reportError(recorded->error())
                            : reportError({Core::Error::Code::Timeout, u"audit timed out"_s});
        const auto count = await((*account)->auditLog()->exportTo(parser.value(u"output"_s)),
                                 session.timeoutSeconds());
        if (!count)
            return reportError({Core::Error::Code::Timeout, u"export timed out"_s});
        if (!*count)
            return reportError(count->error());
        printJson({{u"event"_s, u"audit-export"_s},
                   {u"entries"_s, **count},
                   {u"last_seq"_s, qint64((*recorded)->seq)},
                   {u"last_hash"_s, QString::fromLatin1((*recorded)->hash)}});
        return ExitOk;
    }
    std::fputs("rounds-cli audit export --output FILE | audit verify FILE\n", stderr);
    return ExitUsage;
}
