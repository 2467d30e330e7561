// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/Endpoint.h"

#include "core/Jid.h"

using namespace Qt::StringLiterals;

namespace FrontDesk {

QString channelName(Channel channel)
{
    return channel == Channel::SmsGateway ? u"sms"_s : u"xmpp"_s;
}

bool EndpointRules::isPhoneLocalPart(QStringView local)
{
    if (local.size() < 8 || local.size() > 16 || local[0] != u'+')
        return false;
    for (qsizetype i = 1; i < local.size(); ++i)
        if (local[i] < u'0' || local[i] > u'9')
            return false;
    return true;
}

Channel EndpointRules::channelOf(const QString &bareJid) const
{
    const Core::Jid jid(bareJid);
    const QString bare = jid.bareString();
    for (const QString &standIn : gatewayStandIns)
        if (Core::Jid(standIn).bareString() == bare)
            return Channel::SmsGateway;
    const QString domain = jid.domain();
    const bool gatewayDomain = (!orgDomain.isEmpty() && domain == u"sms."_s + orgDomain) ||
                               gatewayDomains.contains(domain, Qt::CaseInsensitive);
    // Any address on a gateway domain leaves E2E, whatever its local part.
    if (gatewayDomain)
        return Channel::SmsGateway;
    return isPhoneLocalPart(jid.local()) && domain.startsWith(u"sms."_s) ? Channel::SmsGateway
                                                                         : Channel::Xmpp;
}

bool EndpointRules::plaintextAllowed(const QString &bareJid) const
{
    if (channelOf(bareJid) != Channel::SmsGateway)
        return false;
    return plaintextDomains.contains(Core::Jid(bareJid).domain(), Qt::CaseInsensitive);
}

} // namespace FrontDesk
