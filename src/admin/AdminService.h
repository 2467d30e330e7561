// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/extensions/AdHocExtension.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QObject>

namespace Xmpp {
class Client;
}

namespace Admin {

/// One account of the domain (list-users).
struct UserRow
{
    QString jid;
    int devices = 0;
    bool totp = false; ///< TOTP enrolled
    bool disabled = false;
    bool online = false;
};

/// One client installation of an account (list-devices), docs/admin.md.
struct DeviceRow
{
    QString userAgentId;
    QString software;
    QString device;
    QDateTime firstSeen;
    QDateTime lastSeen;
    QString token;            ///< none, active, expired, revoked
    QStringList omemoDevices; ///< reported OMEMO device ids
    QString state;            ///< active, revoked, wipe-pending, wipe-delivered, wiped
    bool online = false;
    QString wipeId;
    QDateTime wipedAt;
};

/// One entry of the server's audit archive (export-audit): the parsed fields
/// plus the object itself, as needed to check the hash chain.
struct AuditRow
{
    qint64 seq = 0;
    QDateTime time;
    QString event;
    QString actor;
    QString account;
    QString userAgentId;
    QString detail;
    QString prev;
    QString hash;
    QJsonObject json;
};

/// The admin console's commands (XEP-0050 on the account's own domain,
/// docs/admin.md and docs/auth.md). Non-admins get Auth "admin-forbidden".
class AdminService : public QObject
{
    Q_OBJECT
public:
    static constexpr QStringView NodePrefix = u"https://rounds.invalid/ns/admin#";
    /// Audit entries per export-audit request (a result must stay far below
    /// the 256 KiB stanza limit).
    static constexpr int AuditPageSize = 200;

    /// Uses the client's AdHocExtension, adding one when it has none.
    explicit AdminService(Xmpp::Client &client, QObject *parent = nullptr);

    Core::Jid domain() const;

    /// Whether this account may administer the domain: the admin commands are
    /// listed for it.
    QFuture<Core::Result<bool>> isAdmin();
    QFuture<Core::Result<QList<UserRow>>> listUsers();
    QFuture<Core::Result<QList<DeviceRow>>> listDevices(const Core::Jid &account);
    QFuture<Core::Result<void>> revokeDevice(const Core::Jid &account, const QString &userAgentId);
    /// Finishes with the wipe id.
    QFuture<Core::Result<QString>> wipeDevice(const Core::Jid &account, const QString &userAgentId);
    /// https://rounds.invalid/ns/auth#reset-totp
    QFuture<Core::Result<void>> resetMfa(const Core::Jid &account);
    QFuture<Core::Result<void>> disableAccount(const Core::Jid &account);
    QFuture<Core::Result<void>> enableAccount(const Core::Jid &account);
    /// Oldest first; invalid times leave that end open; `max` 0: all of them.
    /// Fetched in pages of AuditPageSize.
    QFuture<Core::Result<QList<AuditRow>>> exportAudit(const QDateTime &since = {},
                                                       const QDateTime &until = {}, int max = 0);

    // Result-form parsers (public for tests).
    static Core::Result<QList<UserRow>> usersFrom(const Xmpp::AdHocExtension::Response &response);
    static Core::Result<QList<DeviceRow>>
    devicesFrom(const Xmpp::AdHocExtension::Response &response);
    static Core::Result<QList<AuditRow>> auditFrom(const Xmpp::AdHocExtension::Response &response);

private:
    QFuture<Core::Result<Xmpp::AdHocExtension::Response>>
    run(const QString &node, const Xmpp::AdHocExtension::Values &values);
    QFuture<Core::Result<void>> runVoid(const QString &node,
                                        const Xmpp::AdHocExtension::Values &values);

    Xmpp::Client &m_client;
    Xmpp::AdHocExtension *m_adhoc = nullptr;
};

} // namespace Admin
