// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper for tst_Cli: a Rounds client that dies by SIGKILL at the worst
// moment of a send, leaving its data directory for a restarted client.
//   outbox_crash_helper commit DATA_DIR ENV_FILE FROM TO BODY
//       killed right after the outbox commit, before anything is on the wire
//   outbox_crash_helper wire DATA_DIR ENV_FILE FROM TO BODY
//       killed right after the stanza was written, before the server's ack
// The store passphrase comes from ROUNDS_DB_PASSPHRASE.
#include "account/Account.h"
#include "store/MessageStore.h"
#include "sync/Outbox.h"

#include "ServerEnv.h"
#include "TestSupport.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 7)
        return 2;
    const QString mode = args.at(1);
    qputenv("ROUNDS_TEST_ENV", args.at(3).toLocal8Bit());
    const ServerEnv env = ServerEnv::load();
    Account::AccountSettings settings;
    settings.jid = Core::Jid(args.at(4));
    settings.serverUrl = env.url;
    settings.caFile = env.caFile;
    Account::Account account(settings);
    Account::LocalDataOptions local;
    local.dataDir = args.at(2);
    local.passphrase = qEnvironmentVariable("ROUNDS_DB_PASSPHRASE");
    local.fastKdfForTests = true;
    auto opened = account.openLocalData(local);
    if (!TestSupport::waitFor(opened) || !opened.result())
        return 3;
    if (mode == u"wire") {
        auto signedIn = account.signIn(env.password(settings.jid.bareString()));
        if (!TestSupport::waitFor(signedIn) || !signedIn.result())
            return 4;
    }
    auto queued = account.outbox()->send(Core::Jid(args.at(5)), args.at(6));
    if (!TestSupport::waitFor(queued) || !queued.result())
        return 5;
    // "commit": the row is committed and the client is offline, so nothing left.
    // "wire": Outbox::send handed the stanza to the connected client in the same
    // continuation; let the socket write it, then die before the ack is handled.
    if (mode == u"wire")
        QCoreApplication::processEvents();
    std::fprintf(stdout, "%s\n", qPrintable(queued.result()->messageId));
    std::fflush(stdout);
    std::raise(SIGKILL);
    return 0;
}
