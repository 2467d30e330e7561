// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's sign-in file (rounds --demo-account): read when it is the
// owner's alone and names the demo server on loopback and an @localhost
// account; refused otherwise, so it cannot sign in to a real deployment.
#include "DemoAccount.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Ui::DemoAccount;

class tst_DemoAccount : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &text,
                  QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text);
        file.close();
        file.setPermissions(permissions);
        return path;
    }

    static QByteArray account(const QByteArray &url = "wss://localhost:15443/xmpp-websocket",
                              const QByteArray &jid = "ana.ruiz@localhost")
    {
        return "# demo\nurl=" + url + "\nca=/tmp/ca.crt\njid=" + jid +
               "\npassword=ana-demo-pw\npassphrase=long random words\ndata=/tmp/demo-data\n";
    }

    static QString refusal(const QString &path)
    {
        const auto loaded = DemoAccount::load(path);
        return loaded ? QString() : loaded.error().detail;
    }

private Q_SLOTS:
    void readsAnOwnerOnlyFile()
    {
        const auto loaded = DemoAccount::load(write(u"ok"_s, account()));
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->serverUrl, u"wss://localhost:15443/xmpp-websocket"_s);
        QCOMPARE(loaded->jid, u"ana.ruiz@localhost"_s);
        QCOMPARE(loaded->password, u"ana-demo-pw"_s);
        QCOMPARE(loaded->passphrase, u"long random words"_s);
        QCOMPARE(loaded->dataDir, u"/tmp/demo-data"_s);
        QCOMPARE(loaded->caFile, u"/tmp/ca.crt"_s);
        QVERIFY(DemoAccount::load(write(u"v4"_s, account("wss://127.0.0.1:15443/xmpp-websocket")))
                    .has_value());
        QVERIFY(DemoAccount::load(write(u"v6"_s, account("wss://[::1]:15443/xmpp-websocket")))
                    .has_value());
    }

    void refusesAnythingElse()
    {
        QCOMPARE(refusal(m_dir.filePath(u"missing"_s)), u"demo-account-missing"_s);
        QCOMPARE(refusal(write(u"group"_s, account(),
                               QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup)),
                 u"demo-account-permissions"_s);
        QCOMPARE(refusal(write(u"world"_s, account(),
                               QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther)),
                 u"demo-account-permissions"_s);
        QCOMPARE(refusal(write(u"remote"_s, account("wss://chat.hospital.example/xmpp-websocket"))),
                 u"demo-account-not-loopback"_s);
        QCOMPARE(refusal(write(u"plain"_s, account("ws://localhost:15280/xmpp-websocket"))),
                 u"demo-account-not-loopback"_s);
        QCOMPARE(refusal(write(u"lan"_s, account("wss://10.0.0.5/xmpp-websocket"))),
                 u"demo-account-not-loopback"_s);
        QCOMPARE(
            refusal(write(u"realjid"_s, account("wss://localhost/ws", "ana@hospital.example"))),
            u"demo-account-not-demo-domain"_s);
        QCOMPARE(refusal(write(u"partial"_s, "url=wss://localhost/ws\njid=ana@localhost\n")),
                 u"demo-account-incomplete"_s);
        QCOMPARE(refusal(write(u"junk"_s, account() + "shell=rm -rf /\n")),
                 u"demo-account-malformed"_s);
        QVERIFY(!DemoAccount::describe({Core::Error::Code::Policy, u"demo-account-permissions"_s})
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DemoAccount)
#include "tst_DemoAccount.moc"
