// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end encryption against a real server: Rounds with Rounds (two devices
// per account, carbons), and Rounds with an independent OMEMO implementation
// (Syndace's python-omemo via tests/interop/omemo_peer.py) in legacy OMEMO and
// OMEMO 2, across restarts of either side. The archive carries no text.
#include "account/Account.h"
#include "store/AuditStore.h"
#include "store/MessageStore.h"
#include "sync/AttachmentService.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/MamExtension.h"
#include "xmpp/extensions/PresenceExtension.h"

#include "ServerEnv.h"
#include "TestDevice.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using TestSupport::await;

QString tag()
{
    return TestSupport::randomTag();
}

/// One Rounds device of an account: its own data folder and resource.
struct Device : TestSupport::TestDevice
{
    bool open(const ServerEnv &env, const QString &bareJid, const QString &dir,
              Sync::E2ePolicy policy = {})
    {
        return TestDevice::open(env, bareJid, dir, u"omemo"_s, policy);
    }

    std::optional<Core::Error> send(const QString &to, const QString &body)
    {
        auto queued = await(account->outbox()->send(Core::Jid(to), body));
        if (!queued)
            return queued.error();
        const QString id = queued->messageId;
        bool sent = false;
        (void)QTest::qWaitFor(
            [&] {
                if (refused.contains(id))
                    return true;
                auto m = await(account->messageStore()->messageById(id));
                sent = m && *m && (*m)->state >= Store::MessageState::Sent &&
                       (*m)->state != Store::MessageState::Failed;
                return sent;
            },
            30000);
        if (refused.contains(id))
            return refused.value(id);
        if (!sent)
            return Core::Error{Core::Error::Code::Timeout, u"not acknowledged"_s};
        return std::nullopt;
    }
};

/// The independent OMEMO client (python-omemo), driven over JSON lines.
class PythonPeer
{
public:
    bool start(const ServerEnv &env, const QString &jid, const QString &versions,
               const QString &statePath)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->setProgram(u"/usr/bin/python3"_s);
        m_process->setArguments({QStringLiteral(ROUNDS_SOURCE_DIR "/tests/interop/omemo_peer.py"),
                                 u"--jid"_s, jid, u"--password"_s, env.password(jid), u"--host"_s,
                                 env.host, u"--port"_s, QString::number(env.c2sPort),
                                 u"--ca-file"_s, env.caFile, u"--server-name"_s, env.domain,
                                 u"--state"_s, statePath, u"--versions"_s, versions});
        m_process->start();
        if (!m_process->waitForStarted(10000))
            return false;
        const auto ready =
            waitFor([](const QJsonObject &e) { return e[u"event"_s] == u"ready"_s; });
        if (!ready)
            return false;
        deviceId = quint32(ready->value(u"device_id"_s).toInteger());
        return true;
    }

    void stop()
    {
        if (!m_process)
            return;
        command({{u"cmd"_s, u"quit"_s}});
        if (!m_process->waitForFinished(15000))
            m_process->kill();
        m_process.reset();
    }

    ~PythonPeer()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    void command(const QJsonObject &object)
    {
        m_process->write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    }

    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject &)> &match,
                                       int ms = 30000)
    {
        std::optional<QJsonObject> found;
        (void)QTest::qWaitFor(
            [&] {
                while (m_process->canReadLine()) {
                    const auto event = QJsonDocument::fromJson(m_process->readLine()).object();
                    m_events.append(event);
                }
                for (qsizetype i = 0; i < m_events.size(); ++i)
                    if (match(m_events[i])) {
                        found = m_events.takeAt(i);
                        return true;
                    }
                return m_process->state() == QProcess::NotRunning;
            },
            ms);
        if (!found)
            qWarning().noquote() << "peer events:"
                                 << QJsonDocument::fromVariant(QVariant()).toJson()
                                 << m_events.size()
                                 << "stderr:" << m_process->readAllStandardError().right(2000);
        return found;
    }

    std::optional<QJsonObject> waitForMessage(const QString &body)
    {
        return waitFor([&](const QJsonObject &e) {
            return e[u"event"_s] == u"message"_s && e[u"body"_s] == body;
        });
    }

    bool send(const QString &to, const QString &body, const QString &version)
    {
        const QString id = u"peer-"_s + tag();
        command({{u"cmd"_s, u"send"_s},
                 {u"to"_s, to},
                 {u"body"_s, body},
                 {u"version"_s, version},
                 {u"id"_s, id}});
        const auto sent = waitFor([&](const QJsonObject &e) {
            return (e[u"event"_s] == u"sent"_s || e[u"event"_s] == u"error"_s) && e[u"id"_s] == id;
        });
        return sent && (*sent)[u"event"_s] == u"sent"_s && (*sent)[u"devices"_s].toInt() > 0;
    }

    quint32 deviceId = 0;

private:
    std::unique_ptr<QProcess> m_process;
    QList<QJsonObject> m_events;
};

} // namespace

class tst_Omemo : public QObject
{
    Q_OBJECT
    ServerEnv m_env;

    /// Rounds <-> python-omemo in one protocol version, then again after each
    /// side restarts with its saved state.
    void interop(const QString &roundsJid, const QString &peerJid, const QString &version)
    {
        QTemporaryDir dir;
        const QString statePath = dir.filePath(u"peer.json"_s);
        const int expectedVersion = version == u"legacy"_s ? 3 : 4;
        PythonPeer peer;
        QVERIFY2(peer.start(m_env, peerJid, version, statePath), "the python peer did not start");
        Device rounds;
        QVERIFY(rounds.open(m_env, roundsJid, dir.filePath(u"rounds"_s)));

        for (int round = 0; round < 3; ++round) {
            const QString out = u"to peer %1 %2 ünïcødé <&>"_s.arg(round).arg(tag());
            QCOMPARE(rounds.send(peerJid, out), std::nullopt);
            const auto got = peer.waitForMessage(out);
            QVERIFY2(got, qPrintable(u"the peer did not decrypt round %1"_s.arg(round)));
            QCOMPARE((*got)[u"version"_s].toString(), version);
            QCOMPARE(quint32((*got)[u"sender_device"_s].toInteger()), rounds->omemo()->deviceId());

            const QString back = u"from peer %1 %2"_s.arg(round).arg(tag());
            QVERIFY(peer.send(roundsJid, back, version));
            const auto reply = rounds.waitForBody(back);
            QVERIFY2(reply, qPrintable(u"Rounds did not decrypt round %1"_s.arg(round)));
            QCOMPARE(reply->e2eVersion, expectedVersion);
            QCOMPARE(reply->senderDevice, peer.deviceId);
            QCOMPARE(reply->protection, Store::Protection::Encrypted);

            if (round == 0) { // the peer restarts with its saved state
                const quint32 id = peer.deviceId;
                peer.stop();
                QVERIFY(peer.start(m_env, peerJid, version, statePath));
                QCOMPARE(peer.deviceId, id);
            } else if (round == 1) { // Rounds restarts with its saved state
                const quint32 id = rounds->omemo()->deviceId();
                rounds.close();
                QVERIFY(rounds.open(m_env, roundsJid, dir.filePath(u"rounds"_s)));
                QCOMPARE(rounds->omemo()->deviceId(), id);
            }
        }

        // A file (XEP-0363 upload, XEP-0454 link inside OMEMO): the peer fetches
        // the upload over https and decrypts it with the key from the link.
        QByteArray file(150 * 1024 + 7, Qt::Uninitialized);
        for (char &c : file)
            c = char(QRandomGenerator::global()->bounded(256));
        const QString path = dir.filePath(u"scan.bin"_s);
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(file), file.size());
        }
        const auto queued = await(rounds->attachments()->sendFile(Core::Jid(peerJid), path));
        QVERIFY2(queued, queued ? "" : qPrintable(queued.error().detail));
        const auto fetched = peer.waitFor([](const QJsonObject &e) {
            return e[u"event"_s] == u"attachment"_s || e[u"event"_s] == u"attachment-error"_s;
        });
        QVERIFY2(fetched, "the peer got no attachment");
        QVERIFY2((*fetched)[u"event"_s] == u"attachment"_s,
                 qPrintable((*fetched)[u"error"_s].toString()));
        QCOMPARE((*fetched)[u"size"_s].toInteger(), file.size());
        QCOMPARE((*fetched)[u"sha256"_s].toString(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex()));
        peer.stop();
        rounds.close();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(m_env.accounts.size() >= 11);
    }

    void interopLegacy() { interop(m_env.account(6), m_env.account(7), u"legacy"_s); }
    void interopOmemo2() { interop(m_env.account(8), m_env.account(9), u"omemo2"_s); }

    void roundsWithRoundsOnTwoDevices()
    {
        const QString erin = m_env.account(4), frank = m_env.account(5);
        QTemporaryDir dir;
        Device erin1, erin2, frank1;
        QVERIFY(erin1.open(m_env, erin, dir.filePath(u"erin1"_s)));
        QVERIFY(erin2.open(m_env, erin, dir.filePath(u"erin2"_s)));
        QVERIFY(frank1.open(m_env, frank, dir.filePath(u"frank1"_s)));
        QVERIFY(erin1->omemo()->deviceId() != erin2->omemo()->deviceId());

        // Frank to Erin: both of Erin's devices decrypt.
        const QString secret = u"potassium 6.1 for bed 12 "_s + tag();
        QCOMPARE(frank1.send(erin, secret), std::nullopt);
        for (Device *d : {&erin1, &erin2}) {
            const auto got = d->waitForBody(secret);
            QVERIFY(got);
            QCOMPARE(got->protection, Store::Protection::Encrypted);
            QCOMPARE(got->e2eVersion, 4);
            QCOMPARE(got->senderDevice, frank1->omemo()->deviceId());
        }
        // Erin answers from one device; the other decrypts the carbon.
        const QString answer = u"repeat the panel at 14:00 "_s + tag();
        QCOMPARE(erin1.send(frank, answer), std::nullopt);
        QVERIFY(frank1.waitForBody(answer));
        const auto carbon = erin2.waitForBody(answer);
        QVERIFY(carbon);
        QCOMPARE(carbon->direction, Store::Direction::Outgoing);
        QCOMPARE(carbon->conversation, frank);

        // The server's archive (and so the wire) has no message text.
        const auto page =
            await(frank1->mam().queryPage(Xmpp::MamQuery{.with = Core::Jid(erin), .max = 200}));
        QVERIFY(page);
        int encrypted = 0;
        for (const auto &archived : std::as_const(page->messages)) {
            const QString xml = archived.message.element.toXml();
            QVERIFY2(!xml.contains(secret) && !xml.contains(answer), "plaintext in the archive");
            encrypted += xml.contains(u"urn:xmpp:omemo:2"_s) ? 1 : 0;
        }
        QVERIFY(encrypted >= 2);

        // Verified devices only: Frank's device is named until it is verified.
        Sync::E2ePolicy strict;
        strict.requireVerifiedDevices = true;
        erin1->setE2ePolicy(strict);
        const auto refused = erin1.send(frank, u"needs verification "_s + tag());
        QVERIFY(refused);
        QCOMPARE(refused->code, Core::Error::Code::Policy);
        const QString frankDevice = frank + u'#' + QString::number(frank1->omemo()->deviceId());
        QVERIFY2(refused->detail.contains(frankDevice), qPrintable(refused->detail));
        const auto devices = await(erin1->omemo()->devices(Core::Jid(frank)));
        QVERIFY(devices);
        for (const auto &d : std::as_const(*devices))
            if (d.active && !d.identityKey.isEmpty())
                QVERIFY(await(erin1->omemo()->setTrust(Core::Jid(frank), d.deviceId,
                                                       Crypto::Trust::Verified)));
        const auto own = await(erin1->omemo()->devices(Core::Jid(erin)));
        QVERIFY(own);
        for (const auto &d : std::as_const(*own)) {
            if (d.own) {
                QCOMPARE(d.fingerprint.size(), 8 * 8 + 7);
                continue;
            }
            if (d.active && !d.identityKey.isEmpty())
                QVERIFY(await(erin1->omemo()->setTrust(Core::Jid(erin), d.deviceId,
                                                       Crypto::Trust::Verified)));
        }
        const QString verifiedText = u"verified only "_s + tag();
        QCOMPARE(erin1.send(frank, verifiedText), std::nullopt);
        const auto verifiedArrival = frank1.waitForBody(verifiedText);
        QVERIFY(verifiedArrival);
        // Trust changes are in the audit chain.
        const QString auditPath = dir.filePath(u"audit.jsonl"_s);
        QVERIFY(await(erin1->auditLog()->exportTo(auditPath)));
        QFile audit(auditPath);
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QByteArray trail = audit.readAll();
        QVERIFY(trail.contains("trust-change"));
        QVERIFY(trail.contains(QByteArray::number(frank1->omemo()->deviceId())));
    }

    void newDeviceOfAColleagueIsReachedAtOnce()
    {
        // Erin and Frank share no roster, so no PEP notification tells Erin of a
        // workstation Frank just signed in on: her next message, seconds after
        // the last one, must reach it all the same.
        const QString erin = m_env.account(4), frank = m_env.account(5);
        QTemporaryDir dir;
        Device erin1, frank1, frank2;
        QVERIFY(erin1.open(m_env, erin, dir.filePath(u"erin1"_s)));
        QVERIFY(frank1.open(m_env, frank, dir.filePath(u"frank1"_s)));
        const QString first = u"first of the shift "_s + tag();
        QCOMPARE(erin1.send(frank, first), std::nullopt);
        QVERIFY(frank1.waitForBody(first));

        QVERIFY(frank2.open(m_env, frank, dir.filePath(u"frank2"_s)));
        const QString second = u"after the new sign-in "_s + tag();
        QCOMPARE(erin1.send(frank, second), std::nullopt);
        for (Device *d : {&frank1, &frank2}) {
            const auto got = d->waitForBody(second);
            QVERIFY(got);
            QCOMPARE(got->protection, Store::Protection::Encrypted);
        }

        // A burst (Send pressed five times at once): every message shares the
        // device-list lookups in flight, and every one of them goes out.
        const QString round = tag();
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            auto queued =
                erin1->outbox()->send(Core::Jid(frank), u"burst %1 #%2"_s.arg(round).arg(i));
            QVERIFY(TestSupport::waitFor(queued) && queued.result());
            ids << queued.result()->messageId;
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(ids.cbegin(), ids.cend(), [&](const QString &id) {
                    auto m = await(erin1->messageStore()->messageById(id));
                    return m && *m && (*m)->state >= Store::MessageState::Sent &&
                           (*m)->state != Store::MessageState::Failed;
                });
            },
            30000));
        for (int i = 0; i < 5; ++i)
            QVERIFY(frank2.waitForBody(u"burst %1 #%2"_s.arg(round).arg(i)));
    }

    void noDevicesNoPlaintext()
    {
        // lena never runs an OMEMO client (no test signs in as her): the send
        // fails, nothing leaves in clear.
        const QString alice = m_env.account(0), kim = m_env.account(11);
        QTemporaryDir dir;
        Device a;
        QVERIFY(a.open(m_env, alice, dir.filePath(u"alice"_s)));
        const auto refused = a.send(kim, u"no devices "_s + tag());
        QVERIFY(refused);
        QCOMPARE(refused->code, Core::Error::Code::Policy);
        QCOMPARE(refused->detail, u"omemo-no-devices"_s);
        const auto pending = await(a->messageStore()->conversations());
        QVERIFY(pending);
        const auto failed = await(a->messageStore()->messages(kim));
        QVERIFY(failed && !failed->isEmpty());
        QCOMPARE(failed->first().state, Store::MessageState::Failed);
    }
};

QTEST_GUILESS_MAIN(tst_Omemo)
#include "tst_Omemo.moc"
