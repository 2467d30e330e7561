// SPDX-License-Identifier: GPL-3.0-or-later
// Database::open on real SQLCipher files: keys, damage, and never overwriting.
#include "store/Database.h"
#include "store/Migrations.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Store::Database;

namespace {
QByteArray key(char fill)
{
    return QByteArray(32, fill);
}
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class tst_Database : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsEncryptedAndReopens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.db"_s);
        {
            auto db = Database::open(path, key('k'), Database::Mode::CreateNew);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().detail));
            QCOMPARE((*db)->schemaVersion(), int(Store::migrations().size()));
            QVERIFY(
                (*db)->exec("INSERT INTO settings (key, value) VALUES ('probe', 'SECRETVALUE42')"));
        }
        const QByteArray bytes = readAll(path);
        QVERIFY(!bytes.startsWith("SQLite format 3"));
        QVERIFY(!bytes.contains("SECRETVALUE42"));
        QCOMPARE(bytes.size() % 4096, 0);
        auto db = Database::open(path, key('k'), Database::Mode::OpenExisting);
        QVERIFY(db);
        auto q = (*db)->prepare("SELECT value FROM settings WHERE key = 'probe'");
        QVERIFY(q);
        QVERIFY((*q)->step().value_or(false));
        QCOMPARE((*q)->text(0), u"SECRETVALUE42"_s);
    }

    void trimCacheDropsPagesAfterWideReads()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(u"c.db"_s), key('c'), Database::Mode::CreateNew);
        QVERIFY(db);
        Database &d = **db;
        QVERIFY(d.exec("CREATE TABLE big (id INTEGER PRIMARY KEY, blob BLOB)"));
        QVERIFY(d.withTransaction([&]() -> Core::Result<void> {
            return d.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                          " WHERE i < 6000) INSERT INTO big SELECT i, randomblob(2000) FROM n");
        }));
        auto all = d.prepare("SELECT sum(length(blob)) FROM big");
        QVERIFY(all);
        QVERIFY((*all)->step().value_or(false));
        QCOMPARE((*all)->int64(0), qint64(6000) * 2000);
        (*all)->reset();
        const qint64 before = d.cacheBytes();
        QVERIFY2(before > 8 * 1024 * 1024, qPrintable(QString::number(before)));
        d.trimCache(64 * 1024 * 1024); // under the limit: kept
        QCOMPARE(d.cacheBytes(), before);
        d.trimCache(1024 * 1024);
        QVERIFY2(d.cacheBytes() < 1024 * 1024, qPrintable(QString::number(d.cacheBytes())));
        // Still readable, from the file.
        QVERIFY((*all)->step().value_or(false));
        QCOMPARE((*all)->int64(0), qint64(6000) * 2000);
    }

    void cipherIsReallyLinked()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(u"c.db"_s), key('c'), Database::Mode::CreateNew);
        QVERIFY(db);
        auto q = (*db)->prepare("PRAGMA cipher_version");
        QVERIFY(q);
        QVERIFY((*q)->step().value_or(false));
        QVERIFY(!(*q)->text(0).isEmpty());
    }

    void wrongKeyIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w.db"_s);
        QVERIFY(Database::open(path, key('r'), Database::Mode::CreateNew));
        const QByteArray before = readAll(path);
        auto db = Database::open(path, key('x'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error().code, Core::Error::Code::Storage);
        QCOMPARE(db.error().detail, u"wrong-key"_s);
        QCOMPARE(readAll(path), before); // untouched
    }

    void damagedFilesAreReported_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("detail");
        QTest::newRow("text file") << QByteArray("not a database\n") << u"corrupt"_s;
        QTest::newRow("empty") << QByteArray() << u"corrupt"_s;
        QByteArray random(8192, '\0');
        for (char &c : random)
            c = char(QRandomGenerator::global()->bounded(256));
        // Whole pages of random bytes look exactly like a database under another key.
        QTest::newRow("random pages") << random << u"wrong-key"_s;
    }
    void damagedFilesAreReported()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, detail);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"d.db"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        auto db = Database::open(path, key('k'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error().detail, detail);
        QCOMPARE(readAll(path), content);
    }

    void truncatedDatabaseIsCorrupt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.db"_s);
        QVERIFY(Database::open(path, key('k'), Database::Mode::CreateNew));
        QFile f(path);
        QVERIFY(f.resize(f.size() - 100));
        auto db = Database::open(path, key('k'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error().detail, u"corrupt"_s);
    }

    void neverCreatesWhenOpeningExisting()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing.db"_s);
        auto db = Database::open(path, key('k'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error().detail, u"missing"_s);
        QVERIFY(!QFile::exists(path));
    }

    void neverOverwritesWhenCreating()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"e.db"_s);
        QVERIFY(Database::open(path, key('k'), Database::Mode::CreateNew));
        const QByteArray before = readAll(path);
        auto again = Database::open(path, key('z'), Database::Mode::CreateNew);
        QVERIFY(!again);
        QCOMPARE(again.error().detail, u"exists"_s);
        QCOMPARE(readAll(path), before);
    }

    void refusesSchemaFromTheFuture()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"f.db"_s);
        {
            auto db = Database::open(path, key('k'), Database::Mode::CreateNew);
            QVERIFY(db);
            QVERIFY((*db)->exec("PRAGMA user_version = 999;"));
        }
        auto db = Database::open(path, key('k'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error().detail, u"too-new"_s);
    }

    void reopeningKeepsTheSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"m.db"_s);
        QVERIFY(Database::open(path, key('k'), Database::Mode::CreateNew));
        auto db = Database::open(path, key('k'), Database::Mode::OpenOrCreate);
        QVERIFY(db);
        QCOMPARE((*db)->schemaVersion(), int(Store::migrations().size()));
    }

    void auditRowsAreAppendOnly()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(u"a.db"_s), key('k'), Database::Mode::CreateNew);
        QVERIFY(db);
        QVERIFY((*db)->exec("INSERT INTO audit VALUES (1, 0, 'a@b', 'login', '[]', 'x', 'y')"));
        QVERIFY(!(*db)->exec("UPDATE audit SET action = 'logout'"));
        QVERIFY(!(*db)->exec("DELETE FROM audit"));
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_Database.moc"
