// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerEnv.h"

#include <QFile>

ServerEnv ServerEnv::load(QString *error)
{
    ServerEnv env;
    const QString path = qEnvironmentVariable("ROUNDS_TEST_ENV");
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read ROUNDS_TEST_ENV file '%1'").arg(path);
        return env;
    }
    QHash<QString, QString> values;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const qsizetype eq = line.indexOf(u'=');
        if (line.isEmpty() || line.startsWith(u'#') || eq <= 0)
            continue;
        values.insert(line.left(eq), line.mid(eq + 1));
    }
    env.kind = values.value(QStringLiteral("ROUNDS_SERVER_KIND"));
    env.url = QUrl(values.value(QStringLiteral("ROUNDS_SERVER_URL")));
    env.domain = values.value(QStringLiteral("ROUNDS_SERVER_DOMAIN"));
    env.caFile = values.value(QStringLiteral("ROUNDS_SERVER_CA"));
    env.otherCaFile = values.value(QStringLiteral("ROUNDS_SERVER_OTHER_CA"));
    env.host = values.value(QStringLiteral("ROUNDS_SERVER_HOST"));
    env.port = values.value(QStringLiteral("ROUNDS_SERVER_PORT")).toUShort();
    env.c2sPort = values.value(QStringLiteral("ROUNDS_SERVER_C2S_PORT")).toUShort();
    const auto readAccounts = [&](const QString &key, QStringList &into) {
        const QStringList pairs = values.value(key).split(u' ', Qt::SkipEmptyParts);
        for (const QString &pair : pairs) {
            const qsizetype colon = pair.indexOf(u':');
            if (colon <= 0)
                continue;
            into << pair.left(colon);
            env.passwords.insert(pair.left(colon), pair.mid(colon + 1));
        }
    };
    readAccounts(QStringLiteral("ROUNDS_SERVER_ACCOUNTS"), env.accounts);
    readAccounts(QStringLiteral("ROUNDS_SERVER_CLINIC_ACCOUNTS"), env.clinicAccounts);
    env.clinicDomain = values.value(QStringLiteral("ROUNDS_SERVER_CLINIC_DOMAIN"));
    env.clinicAdmin = values.value(QStringLiteral("ROUNDS_SERVER_CLINIC_ADMIN"));
    env.clinicAdminTotpSecret =
        values.value(QStringLiteral("ROUNDS_SERVER_CLINIC_ADMIN_TOTP_SECRET"));
    if (!env.clinicAdmin.isEmpty())
        env.passwords.insert(env.clinicAdmin,
                             values.value(QStringLiteral("ROUNDS_SERVER_CLINIC_ADMIN_PASSWORD")));
    if (!env.isValid() && error)
        *error = QStringLiteral("env file '%1' lacks ROUNDS_SERVER_URL or accounts").arg(path);
    return env;
}
