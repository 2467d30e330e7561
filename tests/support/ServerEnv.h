// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

/// The running test server an integration test talks to, read from the env
/// file scripts/servers.sh writes (path in ROUNDS_TEST_ENV).
struct ServerEnv
{
    QString kind; ///< prosody | ejabberd
    QUrl url;     ///< wss URL
    QString domain;
    QString caFile;
    QString otherCaFile; ///< an unrelated CA: must be refused
    QString host;
    quint16 port = 0;
    quint16 c2sPort = 0;               ///< plain XMPP (STARTTLS), for the python interop peer
    QHash<QString, QString> passwords; ///< bare jid -> password
    QStringList accounts;              ///< bare jids in file order
    // The clinical-profile host (Prosody with packaging/prosody's module, TOTP
    // required); empty on servers without it.
    QString clinicDomain;
    QStringList clinicAccounts;    ///< bare jids; passwords in `passwords`
    QString clinicAdmin;           ///< a host admin (ad-hoc commands); password in `passwords`
    QString clinicAdminTotpSecret; ///< base32: the admin's TOTP is pre-enrolled

    bool isValid() const { return url.isValid() && !accounts.isEmpty(); }
    QString account(int index) const { return accounts.value(index); }
    QString password(const QString &jid) const { return passwords.value(jid); }

    static ServerEnv load(QString *error = nullptr);
};
