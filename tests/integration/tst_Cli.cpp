// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli as scripts and admins use it: a server someone else started, its
// URL and its CA file, the password on stdin or in the environment.
#include "ServerEnv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Cli : public QObject
{
    Q_OBJECT
    ServerEnv m_env;
    QString m_cli;

    QStringList common(const QString &jid, const QString &caFile) const
    {
        return {u"--url"_s, m_env.url.toString(), u"--jid"_s, jid, u"--ca-file"_s, caFile};
    }

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &args, const QByteArray &stdinData, int timeoutMs = 60000)
    {
        QProcess p;
        p.start(m_cli, args);
        if (!p.waitForStarted())
            return {};
        p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(timeoutMs);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        m_cli = qEnvironmentVariable("ROUNDS_CLI");
        QVERIFY2(QFile::exists(m_cli), "ROUNDS_CLI must name the rounds-cli binary");
    }

    void sendsToAListener()
    {
        const QString alice = m_env.account(0), dave = m_env.account(3);
        QProcess listener;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"ROUNDS_PASSWORD"_s, m_env.password(dave));
        listener.setProcessEnvironment(env);
        listener.start(m_cli,
                       common(dave, m_env.caFile) +
                           QStringList{u"listen"_s, u"--count"_s, u"1"_s, u"--timeout"_s, u"60"_s});
        QVERIFY(listener.waitForStarted());
        listener.closeWriteChannel();
        QVERIFY(QTest::qWaitFor([&] { return listener.canReadLine(); }, 30000));
        const auto ready = QJsonDocument::fromJson(listener.readLine()).object();
        QCOMPARE(ready.value(u"event"_s).toString(), u"ready"_s);

        const Run sent =
            run(common(alice, m_env.caFile) + QStringList{u"send"_s, u"--to"_s, dave, u"--body"_s,
                                                          u"cli: Bed 12 needs review"_s},
                m_env.password(alice).toUtf8() + '\n');
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        const auto sentJson = QJsonDocument::fromJson(sent.out.trimmed()).object();
        QCOMPARE(sentJson.value(u"event"_s).toString(), u"sent"_s);

        QVERIFY(listener.waitForFinished(30000));
        QCOMPARE(listener.exitCode(), 0);
        const auto message = QJsonDocument::fromJson(listener.readLine()).object();
        QCOMPARE(message.value(u"event"_s).toString(), u"message"_s);
        QCOMPARE(message.value(u"body"_s).toString(), u"cli: Bed 12 needs review"_s);
        QCOMPARE(message.value(u"origin_id"_s).toString(), sentJson.value(u"id"_s).toString());
        QVERIFY(message.value(u"from"_s).toString().startsWith(alice + u'/'));
    }

    void loginPrintsTheSession()
    {
        const QString alice = m_env.account(0);
        const Run r = run(common(alice, m_env.caFile) + QStringList{u"login"_s},
                          m_env.password(alice).toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto json = QJsonDocument::fromJson(r.out.trimmed()).object();
        QVERIFY(json.value(u"jid"_s).toString().startsWith(alice + u'/'));
        QCOMPARE(json.value(u"stream_management"_s).toBool(), true);
    }

    void exitCodesAreMeaningful()
    {
        const QString alice = m_env.account(0);
        Run r = run(common(alice, m_env.caFile) + QStringList{u"login"_s}, "wrong-password\n");
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("password"));
        QVERIFY(!r.err.contains("wrong-password")); // never echoes the secret
        r = run(common(alice, m_env.otherCaFile) + QStringList{u"login"_s},
                m_env.password(alice).toUtf8() + '\n');
        QCOMPARE(r.exitCode, 5);
        r = run(common(alice, m_env.caFile) + QStringList{u"send"_s, u"--to"_s, u"x@y"_s}, "pw\n");
        QCOMPARE(r.exitCode, 2);
        QStringList insecure = common(alice, m_env.caFile);
        insecure[1] = u"ws://chat.example.org/ws"_s;
        r = run(insecure + QStringList{u"login"_s, u"--allow-insecure-loopback"_s}, "pw\n");
        QCOMPARE(r.exitCode, 8);
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
