// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoAccount.h"

#include "core/Jid.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QUrl>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Ui {

namespace {

Core::Result<DemoAccount> refuse(const char *what)
{
    return std::unexpected(
        Core::Error{Core::Error::Code::Policy, u"demo-account-"_s + QLatin1StringView(what)});
}

bool isLoopback(const QString &host)
{
    if (host == u"localhost"_s)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

Core::Result<DemoAccount> DemoAccount::load(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return refuse("missing");
    // Owner-only, and ours: the file holds a password.
    if (info.ownerId() != uint(::getuid()))
        return refuse("not-owner");
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                      QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    if (info.permissions() & others)
        return refuse("permissions");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return refuse("unreadable");
    DemoAccount demo;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            return refuse("malformed");
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        if (key == u"url")
            demo.serverUrl = value;
        else if (key == u"ca")
            demo.caFile = value;
        else if (key == u"jid")
            demo.jid = value;
        else if (key == u"password")
            demo.password = value;
        else if (key == u"passphrase")
            demo.passphrase = value;
        else if (key == u"data")
            demo.dataDir = value;
        else
            return refuse("malformed");
    }
    if (demo.serverUrl.isEmpty() || demo.jid.isEmpty() || demo.password.isEmpty() ||
        demo.passphrase.isEmpty() || demo.dataDir.isEmpty())
        return refuse("incomplete");
    const QUrl url(demo.serverUrl);
    if (!url.isValid() || url.scheme() != u"wss" || !isLoopback(url.host()))
        return refuse("not-loopback");
    const Core::Jid jid(demo.jid);
    if (!jid.isValid() || !jid.isBare() || jid.local().isEmpty() || jid.domain() != u"localhost")
        return refuse("not-demo-domain");
    return demo;
}

QString DemoAccount::describe(const Core::Error &error)
{
    const QString &d = error.detail;
    if (d == u"demo-account-missing" || d == u"demo-account-unreadable")
        return QCoreApplication::translate("Ui::DemoAccount",
                                           "The demo account file cannot be read.");
    if (d == u"demo-account-not-owner" || d == u"demo-account-permissions")
        return QCoreApplication::translate(
            "Ui::DemoAccount",
            "The demo account file must belong to you and be readable by you only (chmod 600).");
    if (d == u"demo-account-not-loopback" || d == u"demo-account-not-demo-domain")
        return QCoreApplication::translate(
            "Ui::DemoAccount", "A demo account can only sign in to the demo server on this "
                               "computer (a wss:// address on localhost, an account @localhost).");
    return QCoreApplication::translate("Ui::DemoAccount",
                                       "The demo account file is incomplete or malformed.");
}

} // namespace Ui
