// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace Store {

/// One SQLCipher database file, opened with a raw 256-bit key and migrated to
/// the current schema. Not thread-safe: used from one thread at a time (the
/// account's store thread).
///
/// Errors (code Storage unless noted), distinct in `detail`:
///  - "not-sqlcipher": the linked SQLite has no encryption (PRAGMA cipher_version
///    is empty); refusing to run rather than writing plaintext;
///  - "wrong-key": the file exists but the key does not open it;
///  - "corrupt": the file is not a database or is damaged (at open, or a page
///    that fails to decrypt or parse later);
///  - "missing": OpenExisting on a file that is not there;
///  - "exists": CreateNew on a file that is already there (never overwritten);
///  - "too-new": the schema is newer than this build knows;
///  - "io: ..." / "sql: ..." for anything else (no message text in it).
class Database
{
public:
    enum class Mode { OpenExisting, CreateNew, OpenOrCreate };

    static Core::Result<std::unique_ptr<Database>> open(const QString &path, QByteArrayView rawKey,
                                                        Mode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }

    /// A prepared statement with positional binding (1-based like SQLite).
    class Statement
    {
    public:
        Statement() = default;
        Statement(Statement &&other) noexcept;
        Statement &operator=(Statement &&other) noexcept;
        ~Statement();

        Statement &bind(int index, qint64 value);
        Statement &bind(int index, const QString &value);    ///< null QString binds NULL
        Statement &bind(int index, const QByteArray &value); ///< blob
        Statement &bindNull(int index);
        /// Steps once: true while a row is available, false when done.
        Core::Result<bool> step();
        Core::Result<void> exec(); ///< steps to the end
        void reset();
        /// Steps to the end, turning each row into a T with `row(*this)`; the
        /// statement is reset afterwards (also on an error).
        template<typename T, typename RowFn>
        Core::Result<QList<T>> collect(RowFn &&row)
        {
            QList<T> out;
            while (true) {
                auto more = step();
                if (!more) {
                    reset();
                    return std::unexpected(more.error());
                }
                if (!*more)
                    break;
                out.append(row(*this));
            }
            reset();
            return out;
        }

        qint64 int64(int column) const;
        QString text(int column) const;
        QByteArray blob(int column) const;
        bool isNull(int column) const;

    private:
        friend class Database;
        explicit Statement(sqlite3_stmt *stmt, sqlite3 *db)
            : m_stmt(stmt)
            , m_db(db)
        {
        }
        sqlite3_stmt *m_stmt = nullptr;
        sqlite3 *m_db = nullptr;
    };

    /// Prepared statements are cached by SQL text; the returned one is reset.
    Core::Result<Statement *> prepare(const char *sql);
    Core::Result<void> exec(const char *sql);
    Core::Result<void> begin();
    Core::Result<void> commit();
    void rollback();
    /// True while a transaction (BEGIN or SAVEPOINT) is open on this connection.
    bool inTransaction() const;
    /// Runs `work` (returning a Core::Result) inside one transaction: committed
    /// when it succeeds, rolled back on any error (its own or the commit's).
    template<typename F>
    auto withTransaction(F &&work) -> decltype(work())
    {
        if (auto began = begin(); !began)
            return std::unexpected(began.error());
        auto result = work();
        if (!result) {
            rollback();
            return result;
        }
        if (auto committed = commit(); !committed) {
            rollback();
            return std::unexpected(committed.error());
        }
        return result;
    }
    qint64 lastInsertRowId() const;
    int changes() const;
    /// After reads that wander over the file (a conversation's history is
    /// spread over pages shared with every other conversation): when the page
    /// cache holds more than `keepBytes`, drops its clean pages and hands the
    /// freed heap back to the system. Writes keep the full cache (inserts
    /// reuse index pages from batch to batch).
    void trimCache(qint64 keepBytes);
    /// Heap the page cache holds now (SQLITE_DBSTATUS_CACHE_USED).
    qint64 cacheBytes() const;

private:
    Database() = default;
    Core::Result<void> migrate();
    Core::Error sqlError(const char *what) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    int m_schemaVersion = 0;
    struct Cache;
    std::unique_ptr<Cache> m_cache;
};

} // namespace Store
