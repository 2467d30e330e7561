// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli commands that read this device's encrypted store only.
#include "CliSession.h"

#include "store/MessageStore.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

void printMessage(const char *event, const Store::StoredMessage &m)
{
    printJson({{u"event"_s, QString::fromLatin1(event)},
               {u"id"_s, m.messageId},
               {u"conversation"_s, m.conversation},
               {u"from"_s, m.sender},
               {u"direction"_s, m.direction == Store::Direction::Outgoing ? u"out"_s : u"in"_s},
               {u"time"_s, m.timestamp.toString(Qt::ISODateWithMs)},
               {u"state"_s, int(m.state)},
               {u"body"_s, m.body}});
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
    const auto page = await((*account)->messageStore()->messages(with.bareString(), 0,
                                                                 limitOf(parser, 100)),
                            session.timeoutSeconds());
    if (!page)
        return reportError({Core::Error::Code::Timeout, u"reading history timed out"_s});
    if (!*page)
        return reportError(page->error());
    // Oldest first, like a conversation reads.
    for (auto it = (*page)->crbegin(); it != (*page)->crend(); ++it)
        printMessage("message", *it);
    return ExitOk;
}
