// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One Rounds installation of an account for integration tests: its own data
// folder (passphrase custody, cheap KDF), its own resource, signed in to the
// test server with OMEMO published and initial presence sent.

#include "account/Account.h"
#include "store/StoreTypes.h"
#include "sync/OmemoService.h"

#include "ServerEnv.h"
#include "TestSupport.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace TestSupport {

/// Waits for a future (qFatal after `seconds`) and returns its result.
template<typename T>
T await(QFuture<T> future, int seconds = 60)
{
    if (!waitFor(future, std::chrono::seconds(seconds)))
        qFatal("test wait expired");
    return future.result();
}

/// A random hex tag that keeps texts and resources unique per run.
QString randomTag();

struct TestDevice
{
    std::unique_ptr<Account::Account> account;
    QString jid;
    QString dataDir;
    QList<Store::StoredMessage> stored;  ///< everything its pipeline stored
    QHash<QString, Core::Error> refused; ///< outbox send failures by message id

    Account::Account *operator->() { return account.get(); }

    /// Opens (or creates) the local data in `dir` and signs in; true once the
    /// OMEMO keys are published and initial presence went out (after the
    /// archive catch-up), so others can encrypt to us and live messages arrive.
    bool open(const ServerEnv &env, const QString &bareJid, const QString &dir,
              const QString &resourcePrefix, const Sync::E2ePolicy &policy = {});
    /// open() in two steps, for tests that set up services of their own in
    /// between: the account and its local data, then the sign-in and the wait.
    bool openLocal(const ServerEnv &env, const QString &bareJid, const QString &dir,
                   const QString &resourcePrefix, const Sync::E2ePolicy &policy = {});
    bool signIn(const ServerEnv &env);
    /// Signs out and drops the account (and what it stored in memory).
    void close();
    /// Waits until a message with exactly this body was stored.
    std::optional<Store::StoredMessage> waitForBody(const QString &body, int ms = 30000);
};

} // namespace TestSupport
