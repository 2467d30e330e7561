// SPDX-License-Identifier: GPL-3.0-or-later
// rounds-cli as scripts and admins use it: a server someone else started, its
// URL and its CA file, the password on stdin or in the environment.
#include "ServerEnv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Cli : public QObject
{
    Q_OBJECT
    ServerEnv m_env;
    QString m_cli;
    QTemporaryDir m_data; ///< one store folder per account, as on a workstation

    QString dataDir(const QString &jid) const { return m_data.filePath(jid); }
    QStringList common(const QString &jid, const QString &caFile) const
    {
        return {u"--url"_s, m_env.url.toString(), u"--jid"_s,  jid, u"--ca-file"_s,
                caFile,     u"--data-dir"_s,      dataDir(jid)};
    }
    static QProcessEnvironment environment(const QString &password = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"ROUNDS_DB_PASSPHRASE"_s, u"cli test passphrase"_s);
        if (!password.isEmpty())
            env.insert(u"ROUNDS_PASSWORD"_s, password);
        return env;
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
        p.setProcessEnvironment(environment());
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
        listener.setProcessEnvironment(environment(m_env.password(dave)));
        listener.start(m_cli, common(dave, m_env.caFile) +
                                  QStringList{u"listen"_s, u"--timeout"_s, u"90"_s});
        QVERIFY(listener.waitForStarted());
        listener.closeWriteChannel();
        QVERIFY(QTest::qWaitFor([&] { return listener.canReadLine(); }, 30000));
        const auto ready = QJsonDocument::fromJson(listener.readLine()).object();
        QCOMPARE(ready.value(u"event"_s).toString(), u"ready"_s);

        const QString body = u"cli: Bed 12 needs review "_s +
                             QString::number(QRandomGenerator::global()->generate(), 16);
        const Run sent = run(common(alice, m_env.caFile) +
                                 QStringList{u"send"_s, u"--to"_s, dave, u"--body"_s, body},
                             m_env.password(alice).toUtf8() + '\n');
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        const auto sentJson = QJsonDocument::fromJson(sent.out.trimmed()).object();
        QCOMPARE(sentJson.value(u"event"_s).toString(), u"sent"_s);

        // Earlier messages to this account may be printed first (offline delivery).
        QJsonObject message;
        QVERIFY(QTest::qWaitFor(
            [&] {
                while (listener.canReadLine()) {
                    const auto line = QJsonDocument::fromJson(listener.readLine()).object();
                    if (line.value(u"body"_s).toString() == body)
                        message = line;
                }
                return !message.isEmpty();
            },
            30000));
        listener.terminate();
        QVERIFY(listener.waitForFinished(10000));
        QCOMPARE(message.value(u"event"_s).toString(), u"message"_s);
        QCOMPARE(message.value(u"origin_id"_s).toString(), sentJson.value(u"id"_s).toString());
        QVERIFY(message.value(u"from"_s).toString().startsWith(alice + u'/'));
        // End-to-end encrypted by default: the listener decrypted it.
        QCOMPARE(message.value(u"protection"_s).toString(), u"encrypted"_s);
        QVERIFY(message.value(u"sender_device"_s).toInteger() > 0);

        // The store keeps it: searchable offline, in the conversation's history.
        const Run found =
            run(common(dave, m_env.caFile) + QStringList{u"search"_s, body.section(u' ', -1)}, {});
        QVERIFY2(found.exitCode == 0, found.err.constData());
        QVERIFY(found.out.contains(body.toUtf8()));
        const Run history =
            run(common(dave, m_env.caFile) +
                    QStringList{u"history"_s, u"--with"_s, alice, u"--limit"_s, u"1000"_s},
                {});
        QVERIFY2(history.exitCode == 0, history.err.constData());
        QCOMPARE(history.out.count(body.toUtf8()), qsizetype(1));
    }

    void outboxSurvivesSigkill_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("killed after the outbox commit") << u"commit"_s;
        QTest::newRow("killed after the stanza was written") << u"wire"_s;
    }
    void outboxSurvivesSigkill()
    {
        QFETCH(QString, mode);
        const QString bob = m_env.account(1), carol = m_env.account(2);
        QTemporaryDir senderDir;
        const QString body = u"sigkill "_s + mode + u' ' +
                             QString::number(QRandomGenerator::global()->generate(), 16);

        // Carol's device publishes its keys first: messages are encrypted to it.
        const Run enrolled = run(common(carol, m_env.caFile) + QStringList{u"login"_s},
                                 m_env.password(carol).toUtf8() + '\n');
        QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());

        QProcess crash;
        crash.setProcessEnvironment(environment());
        crash.start(
            qEnvironmentVariable("ROUNDS_CRASH_HELPER"),
            {mode, senderDir.path(), qEnvironmentVariable("ROUNDS_TEST_ENV"), bob, carol, body});
        QVERIFY(crash.waitForFinished(60000));
        QCOMPARE(crash.exitStatus(), QProcess::CrashExit); // died by SIGKILL
        const QString id = QString::fromUtf8(crash.readAllStandardOutput()).trimmed();
        QVERIFY(!id.isEmpty());

        // The restarted client finds the message in its outbox and delivers it.
        QStringList restart = common(bob, m_env.caFile);
        restart[restart.indexOf(u"--data-dir"_s) + 1] = senderDir.path();
        const Run synced =
            run(restart + QStringList{u"sync"_s}, m_env.password(bob).toUtf8() + '\n');
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        QVERIFY(synced.out.contains("\"outbox_pending\":0"));

        // The receiver has it exactly once, however often it crossed the wire.
        const Run received = run(common(carol, m_env.caFile) + QStringList{u"sync"_s},
                                 m_env.password(carol).toUtf8() + '\n');
        QVERIFY2(received.exitCode == 0, received.err.constData());
        const Run history =
            run(common(carol, m_env.caFile) +
                    QStringList{u"history"_s, u"--with"_s, bob, u"--limit"_s, u"1000"_s},
                {});
        QVERIFY2(history.exitCode == 0, history.err.constData());
        QCOMPARE(history.out.count(body.toUtf8()), qsizetype(1));
        QVERIFY(history.out.contains(id.toUtf8()));
    }

    void auditExportVerifiesAndEditsAreCaught()
    {
        const QString alice = m_env.account(0);
        // sendsToAListener ran first: alice's device has login, send, logout entries.
        const Run login = run(common(alice, m_env.caFile) + QStringList{u"login"_s},
                              m_env.password(alice).toUtf8() + '\n');
        QVERIFY2(login.exitCode == 0, login.err.constData());
        QTemporaryDir dir;
        const QString file = dir.filePath(u"audit.jsonl"_s);
        const Run exported = run(common(alice, m_env.caFile) +
                                     QStringList{u"audit"_s, u"export"_s, u"--output"_s, file},
                                 {});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().split('\n');
        f.close();
        while (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        QVERIFY2(lines.size() >= 4, qPrintable(QString::number(lines.size())));
        const QByteArray all = lines.join('\n');
        for (const char *action : {"\"login\"", "\"send\"", "\"logout\"", "\"export\""})
            QVERIFY2(all.contains(action), action);
        QVERIFY(!all.contains("Bed 12")); // ids only, never message text

        Run verified = run({u"audit"_s, u"verify"_s, file}, {});
        QVERIFY2(verified.exitCode == 0, verified.err.constData());
        QVERIFY(verified.out.contains("\"ok\":true"));

        // Change one entry's action (line 2): verification names that line.
        QByteArray edited = lines.at(1);
        QVERIFY(edited.contains("\"action\":\""));
        const qsizetype at = edited.indexOf("\"action\":\"") + 10;
        const qsizetype end = edited.indexOf('"', at);
        edited.replace(at, end - at, edited.mid(at, end - at) == "logout" ? "login" : "logout");
        lines[1] = edited;
        const QString tampered = dir.filePath(u"tampered.jsonl"_s);
        QFile t(tampered);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(lines.join('\n') + '\n');
        t.close();
        verified = run({u"audit"_s, u"verify"_s, tampered}, {});
        QCOMPARE(verified.exitCode, 10);
        QVERIFY(verified.out.contains("\"first_bad_line\":2"));
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
