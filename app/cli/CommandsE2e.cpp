// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli commands for end-to-end encryption: devices (fingerprints and
// trust of a contact's or our own OMEMO devices) and trust (verify, distrust).
#include "CliSession.h"

#include "sync/OmemoService.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

int commandDevices(const QCommandLineParser &parser)
{
    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    Account::Account &a = **account;
    const Core::Jid jid = parser.isSet(u"with"_s) ? Core::Jid(parser.value(u"with"_s)).bare()
                                                  : a.settings().jid.bare();
    if (!jid.isValid()) {
        std::fputs("rounds-cli devices: --with must be an address\n", stderr);
        return ExitUsage;
    }
    const auto devices = await(a.omemo()->devices(jid), session.timeoutSeconds());
    if (!devices)
        return reportError({Core::Error::Code::Timeout, u"the device list did not arrive"_s});
    if (!*devices)
        return reportError(devices->error());
    QJsonArray list;
    for (const Sync::OmemoDevice &d : std::as_const(**devices)) {
        QJsonArray versions;
        if (d.legacy)
            versions.append(u"legacy"_s);
        if (d.v2)
            versions.append(u"omemo2"_s);
        list.append(QJsonObject{{u"device"_s, qint64(d.deviceId)},
                                {u"versions"_s, versions},
                                {u"active"_s, d.active},
                                {u"own"_s, d.own},
                                {u"trust"_s, Crypto::trustName(d.trust)},
                                {u"fingerprint"_s, d.fingerprint},
                                {u"qr"_s, d.qrPayload}});
    }
    printJson({{u"event"_s, u"devices"_s}, {u"jid"_s, jid.bareString()}, {u"devices"_s, list}});
    session.finish();
    return ExitOk;
}

int commandTrust(const QCommandLineParser &parser)
{
    const Core::Jid jid = Core::Jid(parser.value(u"with"_s)).bare();
    bool ok = false;
    const quint32 device = parser.value(u"device"_s).toUInt(&ok);
    const auto trust = Crypto::trustFromName(parser.value(u"set"_s));
    if (!jid.isValid() || !ok || device == 0 || !trust) {
        std::fputs("rounds-cli trust: --with JID --device ID --set "
                   "verified|blind|undecided|distrusted are required\n",
                   stderr);
        return ExitUsage;
    }
    CliSession session(parser);
    auto account = session.signIn();
    if (!account)
        return account.error();
    Account::Account &a = **account;
    const auto done = await(a.omemo()->setTrust(jid, device, *trust), session.timeoutSeconds());
    if (!done)
        return reportError({Core::Error::Code::Timeout, u"the store did not answer"_s});
    if (!*done)
        return reportError(done->error());
    printJson({{u"event"_s, u"trust"_s},
               {u"jid"_s, jid.bareString()},
               {u"device"_s, qint64(device)},
               {u"trust"_s, Crypto::trustName(*trust)}});
    session.finish();
    return ExitOk;
}
