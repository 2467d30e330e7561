// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace FrontDesk {

/// How a reminder reaches a patient. Gateway messages leave end-to-end
/// encryption (an XMPP SMS gateway turns them into text messages).
enum class Channel { Xmpp, SmsGateway };
/// "xmpp" / "sms" (the consent registry's channel names).
QString channelName(Channel channel);

/// Which addresses are SMS gateway numbers and where plaintext may go.
struct EndpointRules
{
    QString orgDomain; ///< gateway numbers are +<digits>@sms.<orgDomain>
    /// Further gateway domains (another provider's).
    QStringList gatewayDomains;
    /// Addresses treated as gateway endpoints although not of the +digits form
    /// (a test account standing in for a gateway number).
    QStringList gatewayStandIns;
    /// Gateway domains plaintext may go to (the gateway cannot do OMEMO). Only
    /// gateway endpoints of these domains are ever sent plaintext.
    QStringList plaintextDomains;

    /// The channel of a bare JID.
    Channel channelOf(const QString &bareJid) const;
    /// Whether a reminder to this address may go without end-to-end encryption.
    bool plaintextAllowed(const QString &bareJid) const;
    /// "+" followed by 7 to 15 digits (E.164).
    static bool isPhoneLocalPart(QStringView local);
};

} // namespace FrontDesk
