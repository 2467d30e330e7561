// SPDX-License-Identifier: GPL-3.0-or-later
// OmemoStateStore on real SQLCipher files: every call round trips, the two
// protocol versions stay apart, transactions nest, nothing is readable on disk.
#include "store/Database.h"
#include "store/OmemoStateStore.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Crypto::DeviceIdentity;
using Crypto::DeviceListEntry;
using Crypto::OmemoVersion;
using Crypto::OwnIdentity;
using Crypto::SecretBytes;
using Crypto::SignedPreKeyInfo;
using Crypto::Trust;
using Store::Database;
using Store::OmemoStateStore;

namespace {

const QString Ana = u"ana@example.org"_s;
const QString Ben = u"ben@example.org"_s;

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          size / qsizetype(sizeof(quint32)));
    return bytes;
}

QDateTime at(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

Core::Result<void> failure()
{
    return Core::fail(Core::Error::Code::Crypto, u"work failed"_s);
}

QString detailOf(const Core::Error &error)
{
    return error.detail;
}

} // namespace

class tst_OmemoStateStore : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QByteArray m_key;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<OmemoStateStore> m_store;

    bool open(Database::Mode mode)
    {
        auto db = Database::open(m_path, m_key, mode);
        if (!db) {
            qWarning() << "open failed:" << db.error().detail;
            return false;
        }
        m_db = std::move(*db);
        m_store = std::make_unique<OmemoStateStore>(*m_db);
        return true;
    }
    void close()
    {
        m_store.reset();
        m_db.reset();
    }
    bool reopen()
    {
        close();
        return open(Database::Mode::OpenExisting);
    }
    QByteArray rawFiles() const
    {
        QByteArray all;
        QDirIterator it(m_dir->path(), QDir::Files);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
        return all;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(u"omemo.db"_s);
        m_key = randomBytes(32);
        QVERIFY(open(Database::Mode::CreateNew));
    }
    void cleanup()
    {
        close();
        m_dir.reset();
    }

    void identityRoundTripsAndSurvivesReopen()
    {
        auto none = m_store->loadIdentity();
        QVERIFY(none);
        QVERIFY(!none->has_value());

        OwnIdentity identity;
        identity.deviceId = 0x7fffffff;
        identity.registrationId = 16380;
        identity.publicKey = QByteArray(1, '\x05') + randomBytes(32);
        const QByteArray privateKey = randomBytes(32);
        identity.privateKey = SecretBytes::copyOf(privateKey);
        QVERIFY(m_store->saveIdentity(identity));

        QVERIFY(reopen());
        auto loaded = m_store->loadIdentity();
        QVERIFY(loaded);
        QVERIFY(loaded->has_value());
        QCOMPARE((*loaded)->deviceId, identity.deviceId);
        QCOMPARE((*loaded)->registrationId, identity.registrationId);
        QCOMPARE((*loaded)->publicKey, identity.publicKey);
        QVERIFY((*loaded)->privateKey == identity.privateKey);
        QCOMPARE((*loaded)->privateKey.view(), QByteArrayView(privateKey));

        // Saving again replaces the single row.
        identity.deviceId = 42;
        QVERIFY(m_store->saveIdentity(identity));
        QCOMPARE(m_store->loadIdentity().value()->deviceId, 42u);
        auto count = m_db->prepare("SELECT count(*) FROM omemo_identity");
        QVERIFY(count);
        QVERIFY((*count)->step().value_or(false));
        QCOMPARE((*count)->int64(0), 1);
        (*count)->reset();
    }

    void preKeysRoundTripAndAreRemoved()
    {
        QVERIFY(!m_store->loadPreKey(7).value().has_value());
        const QByteArray a = randomBytes(64), b = randomBytes(64), c = randomBytes(64);
        QVERIFY(m_store->storePreKey(3, a));
        QVERIFY(m_store->storePreKey(1, b));
        QVERIFY(m_store->storePreKey(0xfffffffe, c));
        QCOMPARE(m_store->loadPreKey(3).value(), a);
        QCOMPARE(m_store->loadPreKey(0xfffffffe).value(), c);
        QCOMPARE(m_store->preKeyIds().value(), (QList<quint32>{1, 3, 0xfffffffe}));

        QVERIFY(m_store->storePreKey(3, b)); // replaced
        QCOMPARE(m_store->loadPreKey(3).value(), b);

        // Retired: no longer published, still loadable until removed.
        QCOMPARE(m_store->retirePreKey(3, at(5'000'000)).value(), true);
        QCOMPARE(m_store->loadPreKey(3).value(), b);
        QCOMPARE(m_store->preKeyIds().value(), (QList<quint32>{1, 0xfffffffe}));
        QCOMPARE(m_store->retirePreKey(3, at(9'000'000)).value(), false);  // keeps the first time
        QCOMPARE(m_store->retirePreKey(42, at(5'000'000)).value(), false); // absent: no error
        QCOMPARE(m_store->removeRetiredPreKeys(at(5'000'000)).value(), 0);
        QCOMPARE(m_store->removeRetiredPreKeys(at(5'000'001)).value(), 1);
        QVERIFY(!m_store->loadPreKey(3).value().has_value());
        QCOMPARE(m_store->loadPreKey(1).value(), b);
        // Stored again under the same id: published again.
        QVERIFY(m_store->storePreKey(3, a));
        QVERIFY(m_store->retirePreKey(3, at(5'000'000)));
        QVERIFY(m_store->storePreKey(3, c));
        QCOMPARE(m_store->preKeyIds().value(), (QList<quint32>{1, 3, 0xfffffffe}));
    }

    void signedPreKeysAreListedOldestFirst()
    {
        const QByteArray r1 = randomBytes(100), r2 = randomBytes(100), r3 = randomBytes(100);
        QVERIFY(m_store->storeSignedPreKey(1, r1, at(3'000'000)));
        QVERIFY(m_store->storeSignedPreKey(2, r2, at(1'000'000)));
        QVERIFY(m_store->storeSignedPreKey(3, r3, at(2'000'000)));
        QCOMPARE(m_store->loadSignedPreKey(2).value(), r2);
        QVERIFY(!m_store->loadSignedPreKey(9).value().has_value());
        const QList<SignedPreKeyInfo> expected = {
            {2, at(1'000'000)}, {3, at(2'000'000)}, {1, at(3'000'000)}};
        QCOMPARE(m_store->signedPreKeys().value(), expected);

        QVERIFY(m_store->removeSignedPreKey(2));
        QVERIFY(!m_store->loadSignedPreKey(2).value().has_value());
        QCOMPARE(m_store->signedPreKeys().value().size(), 2);
        QCOMPARE(m_store->signedPreKeys().value().first().id, 3u);
    }

    void sessionsOfTheTwoVersionsAreIndependent()
    {
        const QByteArray legacy = "legacy:" + randomBytes(200);
        const QByteArray v2 = "omemo2:" + randomBytes(300);
        QVERIFY(!m_store->loadSession(OmemoVersion::Legacy, Ana, 11).value().has_value());
        QVERIFY(m_store->storeSession(OmemoVersion::Legacy, Ana, 11, legacy));
        QVERIFY(!m_store->loadSession(OmemoVersion::V2, Ana, 11).value().has_value());
        QVERIFY(m_store->storeSession(OmemoVersion::V2, Ana, 11, v2));
        QCOMPARE(m_store->loadSession(OmemoVersion::Legacy, Ana, 11).value(), legacy);
        QCOMPARE(m_store->loadSession(OmemoVersion::V2, Ana, 11).value(), v2);

        // Updating one leaves the other.
        const QByteArray legacy2 = "legacy2:" + randomBytes(200);
        QVERIFY(m_store->storeSession(OmemoVersion::Legacy, Ana, 11, legacy2));
        QCOMPARE(m_store->loadSession(OmemoVersion::Legacy, Ana, 11).value(), legacy2);
        QCOMPARE(m_store->loadSession(OmemoVersion::V2, Ana, 11).value(), v2);

        QVERIFY(m_store->deleteSession(OmemoVersion::V2, Ana, 11));
        QVERIFY(!m_store->loadSession(OmemoVersion::V2, Ana, 11).value().has_value());
        QCOMPARE(m_store->loadSession(OmemoVersion::Legacy, Ana, 11).value(), legacy2);
    }

    void sessionDevicesArePerVersionAndJid()
    {
        const QByteArray record = randomBytes(50);
        QVERIFY(m_store->storeSession(OmemoVersion::Legacy, Ana, 30, record));
        QVERIFY(m_store->storeSession(OmemoVersion::Legacy, Ana, 10, record));
        QVERIFY(m_store->storeSession(OmemoVersion::V2, Ana, 20, record));
        QVERIFY(m_store->storeSession(OmemoVersion::Legacy, Ben, 40, record));
        QCOMPARE(m_store->sessionDevices(OmemoVersion::Legacy, Ana).value(),
                 (QList<quint32>{10, 30}));
        QCOMPARE(m_store->sessionDevices(OmemoVersion::V2, Ana).value(), (QList<quint32>{20}));
        QCOMPARE(m_store->sessionDevices(OmemoVersion::Legacy, Ben).value(), (QList<quint32>{40}));
        QVERIFY(m_store->sessionDevices(OmemoVersion::V2, Ben).value().isEmpty());
    }

    void deviceIdentitiesRoundTripWithEveryTrust()
    {
        QVERIFY(!m_store->loadDeviceIdentity(Ana, 1).value().has_value());
        const QList<Trust> trusts = {Trust::Undecided, Trust::BlindTrusted, Trust::Verified,
                                     Trust::Distrusted};
        QList<DeviceIdentity> saved;
        for (qsizetype i = 0; i < trusts.size(); ++i) {
            DeviceIdentity identity{Ana, quint32(100 - i), QByteArray(1, '\x05') + randomBytes(32),
                                    trusts.at(i), at(1'700'000'000'000 + i)};
            QVERIFY(m_store->saveDeviceIdentity(identity));
            saved.prepend(identity); // device ids descend
        }
        QVERIFY(m_store->saveDeviceIdentity({Ben, 5, randomBytes(33), Trust::Verified, {}}));

        QVERIFY(reopen());
        for (const DeviceIdentity &identity : std::as_const(saved)) {
            auto loaded = m_store->loadDeviceIdentity(Ana, identity.deviceId);
            QVERIFY(loaded);
            QVERIFY(loaded->has_value());
            QCOMPARE(**loaded, identity);
        }
        QCOMPARE(m_store->deviceIdentities(Ana).value(), saved);
        auto ben = m_store->deviceIdentities(Ben).value();
        QCOMPARE(ben.size(), 1);
        QVERIFY(!ben.first().firstSeen.isValid()); // unknown stays unknown

        // Changing trust replaces the row.
        DeviceIdentity changed = saved.first();
        changed.trust = Trust::Distrusted;
        QVERIFY(m_store->saveDeviceIdentity(changed));
        QCOMPARE(m_store->loadDeviceIdentity(Ana, changed.deviceId).value(), changed);
        QCOMPARE(m_store->deviceIdentities(Ana).value().size(), saved.size());

        // The stored names are the documented ones.
        auto names = m_db->prepare("SELECT trust FROM omemo_device_identities WHERE jid = "
                                   "'ana@example.org' ORDER BY device DESC");
        QVERIFY(names);
        QStringList stored;
        while ((*names)->step().value_or(false))
            stored << (*names)->text(0);
        (*names)->reset();
        QCOMPARE(stored, (QStringList{u"undecided"_s, u"blind"_s, u"verified"_s, u"distrusted"_s}));
    }

    void unknownStoredTrustIsAnError()
    {
        QVERIFY(m_db->exec("INSERT INTO omemo_device_identities VALUES "
                           "('ana@example.org', 1, x'05', 'maybe', 0)"));
        auto loaded = m_store->loadDeviceIdentity(Ana, 1);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, Core::Error::Code::Storage);
        QCOMPARE(loaded.error().detail, u"corrupt: trust"_s);
        QVERIFY(!m_store->deviceIdentities(Ana));
    }

    void deviceListsMarkMissingDevicesInactive()
    {
        QVERIFY(m_store->deviceList(OmemoVersion::Legacy, Ana).value().isEmpty());
        QVERIFY(m_store->saveDeviceList(OmemoVersion::Legacy, Ana, {30, 10, 20}, at(1000)));
        QVERIFY(m_store->saveDeviceList(OmemoVersion::V2, Ana, {99}, at(1500)));
        QCOMPARE(m_store->deviceList(OmemoVersion::Legacy, Ana).value(),
                 (QList<DeviceListEntry>{
                     {10, true, at(1000)}, {20, true, at(1000)}, {30, true, at(1000)}}));

        // 20 left, 40 joined.
        QVERIFY(m_store->saveDeviceList(OmemoVersion::Legacy, Ana, {10, 30, 40}, at(2000)));
        QCOMPARE(m_store->deviceList(OmemoVersion::Legacy, Ana).value(),
                 (QList<DeviceListEntry>{{10, true, at(2000)},
                                         {20, false, at(1000)},
                                         {30, true, at(2000)},
                                         {40, true, at(2000)}}));
        // 20 came back; an empty list deactivates everything.
        QVERIFY(m_store->saveDeviceList(OmemoVersion::Legacy, Ana, {20}, at(3000)));
        QCOMPARE(m_store->deviceList(OmemoVersion::Legacy, Ana).value().at(1),
                 (DeviceListEntry{20, true, at(3000)}));
        QVERIFY(m_store->saveDeviceList(OmemoVersion::Legacy, Ana, {}, at(4000)));
        QCOMPARE(m_store->deviceList(OmemoVersion::Legacy, Ana).value(),
                 (QList<DeviceListEntry>{{10, false, at(2000)},
                                         {20, false, at(3000)},
                                         {30, false, at(2000)},
                                         {40, false, at(2000)}}));
        // The other version and the other JID were not touched.
        QCOMPARE(m_store->deviceList(OmemoVersion::V2, Ana).value(),
                 (QList<DeviceListEntry>{{99, true, at(1500)}}));
        QVERIFY(m_store->deviceList(OmemoVersion::Legacy, Ben).value().isEmpty());
    }

    void valuesRoundTripAndMissingIsNullopt()
    {
        auto missing = m_store->value(u"next-pre-key-id"_s);
        QVERIFY(missing);
        QVERIFY(!missing->has_value());
        QVERIFY(m_store->setValue(u"next-pre-key-id"_s, "101"));
        QVERIFY(m_store->setValue(u"last-rotation"_s, randomBytes(8)));
        QCOMPARE(m_store->value(u"next-pre-key-id"_s).value(), QByteArray("101"));
        QVERIFY(m_store->setValue(u"next-pre-key-id"_s, "202"));
        QVERIFY(reopen());
        QCOMPARE(m_store->value(u"next-pre-key-id"_s).value(), QByteArray("202"));
        QVERIFY(m_store->setValue(u"empty"_s, QByteArray()));
        auto empty = m_store->value(u"empty"_s);
        QVERIFY(empty && empty->has_value());
        QVERIFY((*empty)->isEmpty());
    }

    void transactionRollsBackEverythingOnError()
    {
        const auto result = m_store->transaction([&]() -> Core::Result<void> {
            if (auto r = m_store->storePreKey(1, "pre"); !r)
                return r;
            if (auto r = m_store->storeSession(OmemoVersion::V2, Ana, 1, "session"); !r)
                return r;
            if (auto r = m_store->saveDeviceList(OmemoVersion::V2, Ana, {1}, at(1)); !r)
                return r; // a nested transaction of its own
            if (auto r = m_store->setValue(u"k"_s, "v"); !r)
                return r;
            return failure();
        });
        QVERIFY(!result);
        QCOMPARE(result.error().code, Core::Error::Code::Crypto); // the work's own error
        QVERIFY(!m_db->inTransaction());
        QVERIFY(!m_store->loadPreKey(1).value().has_value());
        QVERIFY(!m_store->loadSession(OmemoVersion::V2, Ana, 1).value().has_value());
        QVERIFY(m_store->deviceList(OmemoVersion::V2, Ana).value().isEmpty());
        QVERIFY(!m_store->value(u"k"_s).value().has_value());

        QVERIFY(m_store->transaction([&] { return m_store->storePreKey(1, "pre"); }));
        QVERIFY(!m_db->inTransaction());
        QVERIFY(reopen());
        QCOMPARE(m_store->loadPreKey(1).value(), QByteArray("pre"));
    }

    void nestedFailureRollsBackOnlyTheInnerPart()
    {
        Core::Result<void> inner;
        const auto outer = m_store->transaction([&]() -> Core::Result<void> {
            if (auto r = m_store->storePreKey(1, "outer-before"); !r)
                return r;
            inner = m_store->transaction([&]() -> Core::Result<void> {
                if (auto r = m_store->storePreKey(2, "inner"); !r)
                    return r;
                if (auto r = m_store->storePreKey(1, "inner-overwrite"); !r)
                    return r;
                return failure();
            });
            if (!m_db->inTransaction())
                return Core::fail(Core::Error::Code::Storage, u"outer transaction lost"_s);
            // A nested one that succeeds stays.
            if (auto r = m_store->transaction([&] { return m_store->storePreKey(3, "inner-ok"); });
                !r)
                return r;
            return m_store->storePreKey(4, "outer-after");
        });
        QVERIFY2(outer, qPrintable(outer ? QString() : detailOf(outer.error())));
        QVERIFY(!inner);
        QVERIFY(reopen());
        QCOMPARE(m_store->loadPreKey(1).value(), QByteArray("outer-before"));
        QVERIFY(!m_store->loadPreKey(2).value().has_value());
        QCOMPARE(m_store->loadPreKey(3).value(), QByteArray("inner-ok"));
        QCOMPARE(m_store->loadPreKey(4).value(), QByteArray("outer-after"));
    }

    void outerFailureUndoesCommittedInnerParts()
    {
        const auto outer = m_store->transaction([&]() -> Core::Result<void> {
            if (auto r = m_store->transaction([&] { return m_store->storePreKey(1, "inner"); }); !r)
                return r;
            return failure();
        });
        QVERIFY(!outer);
        QVERIFY(!m_store->loadPreKey(1).value().has_value());
    }

    void joinsATransactionTheCallerOpened()
    {
        QVERIFY(m_db->begin());
        QVERIFY(m_store->transaction([&] { return m_store->storePreKey(1, "joined"); }));
        QVERIFY(m_db->inTransaction()); // ours did not commit the caller's
        QVERIFY(!m_store->transaction([&]() -> Core::Result<void> {
            if (auto r = m_store->storePreKey(2, "dropped"); !r)
                return r;
            return failure();
        }));
        QVERIFY(m_db->inTransaction());
        QCOMPARE(m_store->loadPreKey(1).value(), QByteArray("joined"));
        QVERIFY(!m_store->loadPreKey(2).value().has_value());
        m_db->rollback();
        QVERIFY(!m_store->loadPreKey(1).value().has_value());
    }

    void nothingIsReadableInTheFile()
    {
        const QByteArray marker = "ROUNDS-SESSION-PLAINTEXT-MARKER-7f3a";
        const QByteArray privateMarker = "PRIVATE-KEY-MARKER-0123456789abc"; // 32 bytes
        QCOMPARE(privateMarker.size(), 32);
        QVERIFY(m_store->storeSession(OmemoVersion::Legacy, Ana, 1,
                                      randomBytes(64) + marker + randomBytes(64)));
        QVERIFY(m_store->storeSession(OmemoVersion::V2, Ana, 1, marker));
        QVERIFY(m_store->storePreKey(1, marker));
        QVERIFY(m_store->setValue(u"marker"_s, marker));
        OwnIdentity identity;
        identity.deviceId = 1;
        identity.registrationId = 2;
        identity.publicKey = randomBytes(33);
        identity.privateKey = SecretBytes::copyOf(privateMarker);
        QVERIFY(m_store->saveIdentity(identity));
        // While open (the WAL holds the pages) and after close.
        QByteArray raw = rawFiles();
        QVERIFY(raw.size() > 4096);
        QVERIFY(!raw.contains(marker));
        QVERIFY(!raw.contains(privateMarker));
        QVERIFY(!raw.contains(Ana.toUtf8()));
        close();
        raw = rawFiles();
        QVERIFY(raw.size() >= 4096);
        QVERIFY(!raw.contains(marker));
        QVERIFY(!raw.contains(privateMarker));
        // The check can fail: the same bytes are found once the key is gone.
        QVERIFY(open(Database::Mode::OpenExisting));
        QCOMPARE(m_store->loadSession(OmemoVersion::V2, Ana, 1).value(), marker);
    }

    void damagedPagesAreReportedAsCorrupt()
    {
        QVERIFY(m_store->transaction([&]() -> Core::Result<void> {
            for (quint32 device = 1; device <= 300; ++device)
                if (auto r =
                        m_store->storeSession(OmemoVersion::Legacy, Ana, device, randomBytes(1000));
                    !r)
                    return r;
            return {};
        }));
        close();
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pages = file.size() / 4096;
        QVERIFY(pages > 80);
        // The session pages come after the schema: scramble the last quarter.
        for (qint64 page = pages - pages / 4; page < pages; ++page) {
            QVERIFY(file.seek(page * 4096));
            QCOMPARE(file.write(randomBytes(4096)), 4096);
        }
        file.close();

        QVERIFY(open(Database::Mode::OpenExisting));
        std::optional<Core::Error> error;
        for (quint32 device = 1; device <= 300 && !error; ++device)
            if (auto r = m_store->loadSession(OmemoVersion::Legacy, Ana, device); !r)
                error = r.error();
        QVERIFY(error.has_value());
        QCOMPARE(error->code, Core::Error::Code::Storage);
        QCOMPARE(error->detail, u"corrupt"_s);
    }

    void sessionThroughputInOneTransaction()
    {
        constexpr int Count = 5000;
        QList<QByteArray> records;
        records.reserve(Count);
        for (int i = 0; i < Count; ++i)
            records << randomBytes(1200);
        const QList<QString> jids = {Ana, Ben, u"carla@example.org"_s, u"dev@example.org"_s};
        const auto jid = [&](int i) { return jids.at(i % jids.size()); };

        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_store->transaction([&]() -> Core::Result<void> {
            for (int i = 0; i < Count; ++i)
                if (auto r =
                        m_store->storeSession(OmemoVersion::V2, jid(i), quint32(i), records.at(i));
                    !r)
                    return r;
            return {};
        }));
        const qint64 storeMs = qMax<qint64>(timer.restart(), 1);
        int matched = 0;
        QVERIFY(m_store->transaction([&]() -> Core::Result<void> {
            for (int i = 0; i < Count; ++i) {
                auto loaded = m_store->loadSession(OmemoVersion::V2, jid(i), quint32(i));
                if (!loaded)
                    return std::unexpected(loaded.error());
                matched += *loaded == records.at(i) ? 1 : 0;
            }
            return {};
        }));
        const qint64 loadMs = qMax<qint64>(timer.restart(), 1);
        // The catch-up pattern: load, then store, per message.
        QVERIFY(m_store->transaction([&]() -> Core::Result<void> {
            for (int i = 0; i < Count; ++i) {
                auto loaded = m_store->loadSession(OmemoVersion::V2, jid(i), quint32(i));
                if (!loaded)
                    return std::unexpected(loaded.error());
                if (auto r = m_store->storeSession(OmemoVersion::V2, jid(i), quint32(i),
                                                   records.at((i + 1) % Count));
                    !r)
                    return r;
            }
            return {};
        }));
        const qint64 bothMs = qMax<qint64>(timer.elapsed(), 1);
        QCOMPARE(matched, Count);
        qInfo("sessions of 1200 bytes, one transaction each: store %lld/s, load %lld/s, "
              "load+store %lld/s",
              Count * 1000LL / storeMs, Count * 1000LL / loadMs, Count * 1000LL / bothMs);
        QCOMPARE(m_store->sessionDevices(OmemoVersion::V2, Ana).value().size(), Count / 4);
    }
};

QTEST_GUILESS_MAIN(tst_OmemoStateStore)
#include "tst_OmemoStateStore.moc"
