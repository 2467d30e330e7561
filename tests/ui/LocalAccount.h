// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An account with a real encrypted store in a temporary folder (passphrase
// custody, cheap KDF), never connected, adopted by a Session: what the models
// see after sign-in, without a server. Messages are put in through the pipeline
// as if they had arrived.

#include "Session.h"

#include "account/Account.h"
#include "store/AuditStore.h"
#include "store/MessageStore.h"
#include "sync/MessagePipeline.h"

#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>

#include <memory>

namespace LocalAccount {

using namespace Qt::StringLiterals;

inline const QString Self = QStringLiteral("nurse@example.org");

/// Opens the store and hands the account to `session`. False on failure.
inline bool adopt(Ui::Session &session, const QTemporaryDir &dir, bool keepLock = false)
{
    Account::AccountSettings settings;
    settings.jid = Core::Jid(Self);
    settings.serverUrl = QUrl(u"wss://localhost:1/xmpp-websocket"_s); // never contacted
    auto account = std::make_unique<Account::Account>(std::move(settings));
    Account::LocalDataOptions local;
    local.dataDir = dir.path();
    local.passphrase = u"test passphrase"_s;
    local.fastKdfForTests = true;
    auto opened = account->openLocalData(local);
    if (!TestSupport::waitFor(opened) || !opened.result()) {
        qWarning("local data: %s",
                 opened.isFinished() ? qPrintable(opened.result().error().detail) : "timeout");
        return false;
    }
    if (keepLock) {
        account->idleLock()->setFastKdfForTests(true);
        account->idleLock()->rememberPassword(u"correct horse"_s);
        account->idleLock()->waitForPasswordHash();
    }
    session.adopt(std::move(account));
    return true;
}

inline Store::StoredMessage message(const QString &peer, const QString &body, QDateTime when,
                                    Store::Direction direction = Store::Direction::Incoming)
{
    static int counter = 0;
    Store::StoredMessage m;
    m.conversation = peer;
    m.direction = direction;
    m.sender = direction == Store::Direction::Incoming ? peer + u"/desk"_s : Self;
    m.messageId = u"m%1"_s.arg(++counter);
    m.originId = m.messageId;
    m.timestamp = when.toUTC();
    m.body = body;
    m.state = direction == Store::Direction::Incoming ? Store::MessageState::Received
                                                      : Store::MessageState::Sent;
    return m;
}

/// Stores `messages` as if they had arrived (through the pipeline, so the
/// models hear of them). False on failure.
inline bool arrive(Ui::Session &session, const QList<Store::StoredMessage> &messages)
{
    auto stored = session.account()->pipeline()->ingestBatch(messages);
    return TestSupport::waitFor(stored) && stored.result().has_value();
}

/// The audit chain's lines (JSON), exported to a file in `dir`.
inline QByteArray auditLines(Ui::Session &session, const QTemporaryDir &dir)
{
    const QString path = dir.filePath(u"audit.jsonl"_s);
    auto exported = session.account()->auditLog()->exportTo(path);
    if (!TestSupport::waitFor(exported) || !exported.result())
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace LocalAccount
