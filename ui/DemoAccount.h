// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QString>

namespace Ui {

/// The demo's sign-in (scripts/demo.sh, `rounds --demo-account FILE`): the
/// embedded test server's address, CA, a demo account with its password, and
/// the passphrase and folder of its local store, so that the window opens
/// signed in without typing. Only for a server on this computer: load()
/// refuses a file that others may read or that is not ours, a server that is
/// not on a loopback address, and an account outside the demo domain
/// `localhost`, so it cannot stand in for a real deployment's sign-in.
struct DemoAccount
{
    QString serverUrl;
    QString caFile;
    QString jid;
    QString password;
    QString passphrase; ///< seals the local store's key (no keychain needed)
    QString dataDir;

    /// Lines `key=value` (url, ca, jid, password, passphrase, data); `#` comments.
    /// Error::Code::Policy with detail "demo-account-<what>" when refused.
    static Core::Result<DemoAccount> load(const QString &path);
    /// The reason load() gave, in words (translated).
    static QString describe(const Core::Error &error);
};

} // namespace Ui
