// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/OmemoStorage.h"

using namespace Qt::StringLiterals;

namespace Crypto {

QString trustName(Trust trust)
{
    switch (trust) {
    case Trust::Undecided:
        return u"undecided"_s;
    case Trust::BlindTrusted:
        return u"blind"_s;
    case Trust::Verified:
        return u"verified"_s;
    case Trust::Distrusted:
        return u"distrusted"_s;
    }
    return u"undecided"_s;
}

std::optional<Trust> trustFromName(QStringView name)
{
    for (Trust trust :
         {Trust::Undecided, Trust::BlindTrusted, Trust::Verified, Trust::Distrusted}) {
        if (name == trustName(trust))
            return trust;
    }
    return std::nullopt;
}

} // namespace Crypto
