// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"

#include "store/Migrations.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>

#include <sodium.h>
#include <sqlite3.h>

#include <malloc.h>

#include <cstdio>
#include <optional>

Q_LOGGING_CATEGORY(lcDatabase, "rounds.store.database", QtInfoMsg)

namespace Store {

using Core::Error;

struct Database::Cache
{
    QHash<QByteArray, Statement *> statements;
    ~Cache() { qDeleteAll(statements); }
};

namespace {

constexpr int PageSize = 4096;

Error storageError(QString detail)
{
    return Error{Error::Code::Storage, std::move(detail)};
}

// The details callers act on; anything else is "sql: ..." with SQLite's code.
std::optional<QString> knownDetail(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return QStringLiteral("disk-full");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: // SQLCipher 3.4.1 reports a page failing its HMAC as CORRUPT
        return QStringLiteral("corrupt");
    default:
        return std::nullopt;
    }
}

} // namespace

// --- Statement -------------------------------------------------------------

Database::Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db)
{
}

Database::Statement &Database::Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

Database::Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Database::Statement &Database::Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Database::Statement &Database::Statement::bind(int index, const QString &value)
{
    if (value.isNull()) {
        sqlite3_bind_null(m_stmt, index);
        return *this;
    }
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Database::Statement &Database::Statement::bind(int index, const QByteArray &value)
{
    sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Database::Statement &Database::Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Core::Result<bool> Database::Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString detail = knownDetail(rc).value_or(
        QStringLiteral("sql: %1 (%2)").arg(QString::fromUtf8(sqlite3_errstr(rc))).arg(rc));
    sqlite3_reset(m_stmt);
    return Core::fail(Error::Code::Storage, detail);
}

Core::Result<void> Database::Statement::exec()
{
    while (true) {
        auto more = step();
        if (!more)
            return std::unexpected(more.error());
        if (!*more)
            break;
    }
    reset();
    return {};
}

void Database::Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Database::Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Database::Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Database::Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

bool Database::Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// --- Database --------------------------------------------------------------

Database::~Database()
{
    if (m_cache)
        m_cache.reset(); // statements before the connection
    if (m_db)
        sqlite3_close_v2(m_db);
}

Error Database::sqlError(const char *what) const
{
    const int rc = sqlite3_extended_errcode(m_db);
    if (auto known = knownDetail(rc))
        return storageError(*known);
    return storageError(QStringLiteral("sql: %1: %2 (%3)")
                            .arg(QString::fromLatin1(what), QString::fromUtf8(sqlite3_errstr(rc)))
                            .arg(rc));
}

Core::Result<std::unique_ptr<Database>> Database::open(const QString &path, QByteArrayView rawKey,
                                                       Mode mode)
{
    if (rawKey.size() != 32)
        return Core::fail(Error::Code::Storage, QStringLiteral("key must be 32 bytes"));
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (mode == Mode::OpenExisting && !exists)
        return Core::fail(Error::Code::Storage, QStringLiteral("missing"));
    if (mode == Mode::CreateNew && exists)
        return Core::fail(Error::Code::Storage, QStringLiteral("exists"));
    // A SQLCipher file is whole pages of random bytes; anything else is damaged.
    if (exists && (info.size() == 0 || info.size() % PageSize != 0))
        return Core::fail(Error::Code::Storage, QStringLiteral("corrupt"));

    std::unique_ptr<Database> db(new Database);
    db->m_path = path;
    db->m_cache = std::make_unique<Cache>();
    const QByteArray nativePath = QFile::encodeName(path);
    const int flags =
        SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(nativePath.constData(), &db->m_db, flags, nullptr) != SQLITE_OK)
        return std::unexpected(storageError(QStringLiteral("io: cannot open the database file")));

    // Raw key, no key derivation: PRAGMA key = "x'<64 hex>'". The statement text
    // holds the key, so it lives in a buffer that is wiped right after.
    char pragma[100] = {};
    char hex[65] = {};
    sodium_bin2hex(hex, sizeof hex, reinterpret_cast<const unsigned char *>(rawKey.data()), 32);
    std::snprintf(pragma, sizeof pragma, "PRAGMA key = \"x'%s'\";", hex);
    const int keyed = sqlite3_exec(db->m_db, pragma, nullptr, nullptr, nullptr);
    sodium_memzero(hex, sizeof hex);
    sodium_memzero(pragma, sizeof pragma);
    if (keyed != SQLITE_OK)
        return std::unexpected(db->sqlError("key"));

    // Trap: a plain SQLite loaded first ignores PRAGMA key and writes plaintext.
    {
        auto version = db->prepare("PRAGMA cipher_version");
        if (!version)
            return std::unexpected(version.error());
        auto row = (*version)->step();
        const bool isCipher = row && *row && !(*version)->text(0).isEmpty();
        (*version)->reset();
        if (!isCipher) {
            qCCritical(lcDatabase) << "SQLite without SQLCipher is loaded; refusing to open";
            return Core::fail(Error::Code::Storage, QStringLiteral("not-sqlcipher"));
        }
    }
    // SQLCipher 3 does not record the page size: set it on every open, before
    // the first page is read or written.
    if (auto r = db->exec("PRAGMA cipher_page_size = 4096;"); !r)
        return std::unexpected(r.error());
    // The first read proves the key (SQLITE_NOTADB otherwise).
    const int probe =
        sqlite3_exec(db->m_db, "SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr);
    if (probe == SQLITE_NOTADB)
        return Core::fail(Error::Code::Storage, QStringLiteral("wrong-key"));
    if (probe == SQLITE_CORRUPT)
        return Core::fail(Error::Code::Storage, QStringLiteral("corrupt"));
    if (probe != SQLITE_OK)
        return std::unexpected(db->sqlError("first read"));

    // Durability first: an outbox commit must survive a crash or power loss.
    // temp_store=MEMORY keeps sort and index temporaries out of plaintext files;
    // secure_delete overwrites deleted text (recall, retention) in the file.
    for (const char *setting :
         {"PRAGMA journal_mode = WAL;", "PRAGMA synchronous = FULL;", "PRAGMA foreign_keys = ON;",
          "PRAGMA secure_delete = ON;", "PRAGMA temp_store = MEMORY;",
          "PRAGMA busy_timeout = 5000;",
          // 32 MiB of decrypted pages: with the 2 MiB default nearly every index
          // page an insert touches was read and decrypted again (docs/performance.md).
          "PRAGMA cache_size = -32768;",
          // Checkpoint at 16 MiB of WAL instead of 4: a page rewritten by many
          // commits (a conversation's newest index page) is copied into the
          // database once per checkpoint, not once per commit; +8% inserts.
          // Commits still sync the WAL (synchronous=FULL above).
          "PRAGMA wal_autocheckpoint = 4096;", "PRAGMA journal_size_limit = 20971520;"}) {
        if (auto r = db->exec(setting); !r)
            return std::unexpected(r.error());
    }
    if (auto migrated = db->migrate(); !migrated)
        return std::unexpected(migrated.error());
    qCInfo(lcDatabase) << "opened, schema" << db->m_schemaVersion << (exists ? "existing" : "new");
    return db;
}

Core::Result<void> Database::migrate()
{
    auto version = prepare("PRAGMA user_version");
    if (!version)
        return std::unexpected(version.error());
    if (auto row = (*version)->step(); !row)
        return std::unexpected(row.error());
    m_schemaVersion = int((*version)->int64(0));
    (*version)->reset();

    const QList<Migration> &all = migrations();
    if (m_schemaVersion > all.size())
        return Core::fail(Error::Code::Storage, QStringLiteral("too-new"));
    for (qsizetype i = m_schemaVersion; i < all.size(); ++i) {
        if (auto r = begin(); !r)
            return r;
        const QByteArray sql =
            all.at(i).sql + "\nPRAGMA user_version = " + QByteArray::number(i + 1) + ";";
        char *message = nullptr;
        const int rc = sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message);
        sqlite3_free(message);
        if (rc != SQLITE_OK) {
            const Error error = sqlError("migration");
            rollback();
            return Core::fail(
                Error::Code::Storage,
                QStringLiteral("migration %1 failed: %2").arg(all.at(i).name, error.detail));
        }
        if (auto r = commit(); !r)
            return r;
        m_schemaVersion = int(i + 1);
        qCInfo(lcDatabase) << "applied migration" << all.at(i).name;
    }
    return {};
}

Core::Result<Database::Statement *> Database::prepare(const char *sql)
{
    const QByteArray key(sql);
    if (Statement *cached = m_cache->statements.value(key)) {
        cached->reset();
        return cached;
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return std::unexpected(sqlError("prepare"));
    auto *statement = new Statement(stmt, m_db);
    m_cache->statements.insert(key, statement);
    return statement;
}

Core::Result<void> Database::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return std::unexpected(sqlError("exec"));
    return {};
}

Core::Result<void> Database::begin()
{
    return exec("BEGIN IMMEDIATE;");
}

Core::Result<void> Database::commit()
{
    return exec("COMMIT;");
}

void Database::rollback()
{
    sqlite3_exec(m_db, "ROLLBACK;", nullptr, nullptr, nullptr);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

qint64 Database::cacheBytes() const
{
    int used = 0, highwater = 0;
    if (sqlite3_db_status(m_db, SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, 0) != SQLITE_OK)
        return 0;
    return used;
}

void Database::trimCache(qint64 keepBytes)
{
    if (cacheBytes() <= keepBytes)
        return;
    sqlite3_db_release_memory(m_db);
    malloc_trim(0);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

} // namespace Store
