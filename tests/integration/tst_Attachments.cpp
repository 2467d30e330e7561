// SPDX-License-Identifier: GPL-3.0-or-later
// Encrypted attachments against a real server (XEP-0363 upload service of the
// test Prosody / ejabberd, XEP-0454 links over OMEMO): byte-exact delivery,
// ciphertext only on the server, nothing readable in either data folder, the
// attachments-disabled policy, and failed uploads that a retry completes once.
#include "account/Account.h"
#include "crypto/MediaCrypto.h"
#include "store/AttachmentStore.h"
#include "store/MessageStore.h"
#include "sync/AttachmentService.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/PresenceExtension.h"

#include "ServerEnv.h"
#include "TestDevice.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using TestSupport::await;

QByteArray randomBytes(qsizetype size)
{
    QByteArray b(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(b.data()), size / 4);
    return b;
}

const QByteArray Marker = "PHI-MARKER MRN 0047-1138 Doe, Jane: HIV viral load 12000 copies";
const QString SecretName = u"Doe_Jane_MRN00471138_labs.txt"_s;

/// One Rounds account on its own data folder.
struct Device : TestSupport::TestDevice
{
    bool open(const ServerEnv &env, const QString &bareJid, const QString &dir)
    {
        return TestDevice::open(env, bareJid, dir, u"files"_s);
    }

    std::optional<Store::MessageState> state(const QString &id)
    {
        auto m = await(account->messageStore()->messageById(id));
        if (!m || !*m)
            return std::nullopt;
        return (*m)->state;
    }

    /// Waits until the message is acknowledged (Sent or later) or failed.
    std::optional<Store::MessageState> settled(const QString &id, int ms = 60000)
    {
        std::optional<Store::MessageState> s;
        (void)QTest::qWaitFor(
            [&] {
                s = state(id);
                return s && *s != Store::MessageState::Pending;
            },
            ms);
        return s;
    }

    /// The server took it (a receipt may already have moved it on to Delivered).
    bool acknowledged(const QString &id)
    {
        const auto s = settled(id);
        return s && *s != Store::MessageState::Failed && *s != Store::MessageState::Received;
    }

    std::optional<Store::Attachment> attachment(const QString &id)
    {
        auto a = await(account->attachmentStore()->byMessageId(id));
        return a ? *a : std::nullopt;
    }

    /// Waits for the received attachment of message `id` to be stored.
    std::optional<Store::Attachment> waitForStored(const QString &id, int ms = 60000)
    {
        std::optional<Store::Attachment> a;
        (void)QTest::qWaitFor(
            [&] {
                a = attachment(id);
                return a && (a->state == Store::AttachmentState::Stored ||
                             a->state == Store::AttachmentState::Failed);
            },
            ms);
        return a;
    }

    int received(const QString &id) const
    {
        int n = 0;
        for (const auto &m : stored)
            n += m.originId == id ? 1 : 0;
        return n;
    }

    QByteArray saved(const QString &id, const QString &outPath)
    {
        auto written = await(account->attachments()->saveTo(id, outPath));
        if (!written)
            return {};
        QFile f(outPath);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(data);
    return path;
}

/// Every file under `root` (names and contents) is free of `needles`.
QString findLeak(const QString &root, const QList<QByteArray> &needles)
{
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return u"unreadable: "_s + path;
        const QByteArray data = f.readAll();
        for (const QByteArray &needle : needles)
            if (data.contains(needle) || path.toUtf8().contains(needle))
                return path;
    }
    return {};
}

QByteArray httpsGet(const QUrl &url, const QString &caFile, int *status)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setSslConfiguration(*Sync::AttachmentService::sslConfiguration(caFile));
    QNetworkReply *reply = network.get(request);
    (void)QTest::qWaitFor([&] { return reply->isFinished(); }, 30000);
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    delete reply;
    return body;
}

} // namespace

class tst_Attachments : public QObject
{
    Q_OBJECT
    ServerEnv m_env;
    QTemporaryDir m_dir;
    Device m_a, m_b;

    /// Sends `path` from A and waits for it to be acknowledged; the message id.
    QString sendFrom(Device &from, const QString &to, const QString &path)
    {
        auto queued = await(from->attachments()->sendFile(Core::Jid(to), path));
        if (!queued) {
            qWarning() << "send refused:" << queued.error().detail;
            return {};
        }
        return queued->messageId;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_env = ServerEnv::load(&error);
        QVERIFY2(m_env.isValid(), qPrintable(error));
        QVERIFY(m_env.accounts.size() >= 4);
        QVERIFY(m_a.open(m_env, m_env.account(2), m_dir.filePath(u"a"_s)));
        QVERIFY(m_b.open(m_env, m_env.account(3), m_dir.filePath(u"b"_s)));
    }

    void cleanupTestCase()
    {
        m_a.close();
        m_b.close();
    }

    void uploadServiceIsFound()
    {
        auto service = await(m_a->httpUpload().service());
        QVERIFY2(service, qPrintable(service ? QString() : service.error().detail));
        QCOMPARE(service->jid.toString(), u"upload."_s + m_env.domain);
        QVERIFY(service->maxFileSize >= 1024 * 1024);
    }

    void fileArrivesByteForByteAndOnlyCiphertextLeaves()
    {
        QTemporaryDir files;
        const QByteArray big = randomBytes(300 * 1024 + 13);
        const QByteArray text = "Lab report\n" + Marker + "\nend\n";
        const QString bigPath = writeFile(files, u"scan.bin"_s, big);
        const QString textPath = writeFile(files, SecretName, text);

        for (const auto &[path, data] : {std::pair{bigPath, big}, std::pair{textPath, text}}) {
            const QString id = sendFrom(m_a, m_env.account(3), path);
            QVERIFY(!id.isEmpty());
            QVERIFY(m_a.acknowledged(id));
            // The sender keeps its copy, encrypted, with the link recorded.
            const auto own = m_a.attachment(id);
            QVERIFY(own);
            QVERIFY(own->url.startsWith(u"aesgcm://"_s));
            QCOMPARE(own->size, data.size());

            const auto got = m_b.waitForStored(id);
            QVERIFY2(got && got->state == Store::AttachmentState::Stored,
                     qPrintable(got ? got->error : u"no attachment"_s));
            QCOMPARE(got->size, data.size());
            QCOMPARE(got->sha256, QCryptographicHash::hash(data, QCryptographicHash::Sha256));
            QCOMPARE(m_b.saved(id, files.filePath(u"out-"_s + id)), data);
            QCOMPARE(m_b.received(id), 1);
            QVERIFY(m_b.stored.last().protection != Store::Protection::Plain);

            // What the server holds is AES-GCM ciphertext (+ tag), not the file.
            const auto link = Crypto::Media::parseLink(got->url);
            QVERIFY(link);
            QCOMPARE(link->key.iv.size(), Crypto::MediaKey::IvSize);
            QVERIFY(!link->httpsUrl.toString().contains(u"Doe"_s));
            int status = 0;
            const QByteArray onServer = httpsGet(link->httpsUrl, m_env.caFile, &status);
            QCOMPARE(status, 200);
            QCOMPARE(onServer.size(), data.size() + Crypto::MediaKey::TagSize);
            QVERIFY(!onServer.contains(Marker));
            QVERIFY(!onServer.contains(data.left(64)));
            QCOMPARE(*Crypto::Media::decrypt(onServer, link->key), data);
        }
        // Neither device keeps anything readable: not the text, not the name.
        for (const Device *d : {&m_a, &m_b}) {
            const QString leak = findLeak(d->dataDir, {Marker, SecretName.toUtf8(), "Doe_Jane"});
            QVERIFY2(leak.isEmpty(), qPrintable(u"readable PHI in "_s + leak));
            QVERIFY(!QDir(d->dataDir + u"/attachments"_s).isEmpty());
        }
    }

    void policyRefusesAttachments()
    {
        QTemporaryDir files;
        const QString path = writeFile(files, u"a.txt"_s, "x");
        Sync::AttachmentPolicy off;
        off.allowAttachments = false;
        m_a->setAttachmentPolicy(off);
        auto refused = await(m_a->attachments()->sendFile(Core::Jid(m_env.account(3)), path));
        m_a->setAttachmentPolicy({});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Core::Error::Code::Policy);
        QCOMPARE(refused.error().detail, u"attachments-disabled"_s);
    }

    void tooLargeFailsThenRetrySendsOnce()
    {
        QTemporaryDir files;
        const QByteArray data = randomBytes(200 * 1024);
        const QString path = writeFile(files, u"big.bin"_s, data);
        Sync::AttachmentPolicy small;
        small.uploadMax = 1000;
        m_a->setAttachmentPolicy(small);
        const QString id = sendFrom(m_a, m_env.account(3), path);
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_a.settled(id), Store::MessageState::Failed);
        QCOMPARE(m_a.refused.value(id).detail, u"upload-too-large"_s);
        QVERIFY(m_a.attachment(id)->url.isEmpty());

        m_a->setAttachmentPolicy({});
        QVERIFY(await(m_a->outbox()->retry(id)));
        QVERIFY(m_a.acknowledged(id));
        const auto got = m_b.waitForStored(id);
        QVERIFY(got && got->state == Store::AttachmentState::Stored);
        QCOMPARE(m_b.saved(id, files.filePath(u"out"_s)), data);
        QTest::qWait(500); // a second copy would have arrived by now
        QCOMPARE(m_b.received(id), 1);
    }

    void failedPutFailsThenRetrySendsOnce()
    {
        QTemporaryDir files;
        const QByteArray data = randomBytes(50 * 1024);
        const QString path = writeFile(files, u"put.bin"_s, data);
        int slots = 0;
        m_a->attachments()->setSlotFilterForTests([&](Xmpp::HttpUploadExtension::Slot &slot) {
            ++slots;
            // A PUT the server must refuse: a path no slot was handed out for,
            // without the slot's authorisation.
            slot.putUrl.setPath(u"/not-a-slot"_s + slot.putUrl.path());
            slot.putHeaders.clear();
        });
        const QString id = sendFrom(m_a, m_env.account(3), path);
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_a.settled(id), Store::MessageState::Failed);
        QCOMPARE(slots, 1);
        QVERIFY2(m_a.refused.value(id).detail.startsWith(u"upload-failed"_s),
                 qPrintable(m_a.refused.value(id).detail));
        QVERIFY(m_a.attachment(id)->url.isEmpty());
        QCOMPARE(m_b.received(id), 0);

        m_a->attachments()->setSlotFilterForTests({});
        QVERIFY(await(m_a->outbox()->retry(id)));
        QVERIFY(m_a.acknowledged(id));
        const auto got = m_b.waitForStored(id);
        QVERIFY(got && got->state == Store::AttachmentState::Stored);
        QCOMPARE(m_b.saved(id, files.filePath(u"out"_s)), data);
        QTest::qWait(500);
        QCOMPARE(m_b.received(id), 1);
    }

    void largeFileWaitsForDemand()
    {
        QTemporaryDir files;
        const QByteArray data = randomBytes(120 * 1024);
        Sync::AttachmentPolicy cautious;
        cautious.autoDownloadMax = 64 * 1024;
        m_b->setAttachmentPolicy(cautious);
        const QString id = sendFrom(m_a, m_env.account(3), writeFile(files, u"l.bin"_s, data));
        QVERIFY(m_a.acknowledged(id));
        QVERIFY(QTest::qWaitFor([&] { return m_b.received(id) == 1; }, 30000));
        // Not fetched by itself; its size is known from the server's answer.
        std::optional<Store::Attachment> waiting;
        QVERIFY(QTest::qWaitFor(
            [&] {
                waiting = m_b.attachment(id);
                return waiting && waiting->state == Store::AttachmentState::Pending &&
                       waiting->size > 0;
            },
            30000));
        QCOMPARE(waiting->size, data.size());
        auto fetched = await(m_b->attachments()->download(id));
        m_b->setAttachmentPolicy({});
        QVERIFY(fetched);
        QCOMPARE(fetched->state, Store::AttachmentState::Stored);
        QCOMPARE(m_b.saved(id, files.filePath(u"out"_s)), data);
    }
};

QTEST_GUILESS_MAIN(tst_Attachments)
#include "tst_Attachments.moc"
