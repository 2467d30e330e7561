// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AuditEntry.h"
#include "core/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>
#include <optional>

class QIODevice;

namespace Core {

/// The audit log as a hash chain, without storage: building the next entry,
/// checking one, the JSON Lines export format and verification of an export
/// (docs/audit.md). Pure functions; the store keeps entries and the head.
class AuditChain
{
public:
    /// Outcome of verifying a sequence of entries. Verification stops at the first
    /// problem. `problem` is one of:
    /// - "edited": the line's own hash does not match its content, or it was
    ///   rewritten with a recomputed hash (the chain breaks right after it);
    /// - "removed": entries are missing before this line (seq jumps, prev breaks);
    /// - "inserted": this line does not belong to the chain (a forged, duplicated or
    ///   replayed entry), even when its own hash is correct;
    /// - "reordered": this line belongs to the chain, but somewhere else;
    /// - "malformed": not a well-formed entry (bad JSON, keys, values, too long);
    /// - "truncated": the last line is cut off (no newline, unparsable, starts '{');
    /// - "unreadable": the device is not open for reading (firstBadLine 0).
    struct VerifyReport
    {
        bool ok = false;
        qint64 entries = 0;      ///< entries verified (all, or those before firstBadLine)
        qint64 firstBadLine = 0; ///< 1-based; 0 when ok
        QString problem;         ///< empty when ok
        quint64 firstSeq = 0;    ///< seq of line 1 (> 1: a partial export); 0 if none
        quint64 lastSeq = 0;     ///< seq of the last verified entry; 0 if none
        /// Hash of the last verified entry. Removing or rewriting entries at the end
        /// leaves a valid chain: compare lastSeq/lastHash with the stored head.
        QByteArray lastHash;
    };

    /// Yields entries in order, std::nullopt at the end.
    using EntrySource = std::function<std::optional<AuditEntry>()>;

    /// Longest accepted JSON line, without its newline.
    static constexpr qsizetype kMaxLineBytes = 2 * 1024 * 1024;

    AuditChain() = delete;

    /// The entry after `previous` (nullptr: the first entry of a new chain) with
    /// seq, prevHash and hash filled in. `time` is converted to UTC. Fails with
    /// Error::Code::Storage when a field breaks the format (AuditEntry::validate)
    /// or `previous` is not a valid entry.
    static Result<AuditEntry> next(const AuditEntry *previous, const QDateTime &time,
                                   const QString &account, AuditEntry::Action action,
                                   const QStringList &objectIds);
    /// Same, continuing from a stored head: (0, AuditEntry::zeroHash()) starts a
    /// new chain.
    static Result<AuditEntry> next(quint64 previousSeq, QByteArrayView previousHash,
                                   const QDateTime &time, const QString &account,
                                   AuditEntry::Action action, const QStringList &objectIds);

    /// True if every field is well-formed and `hash` matches the content.
    static bool verifyEntry(const AuditEntry &entry);

    /// One compact JSON object and a '\n'; keys in the fixed order seq, time,
    /// account, action, objects, prev, hash. Deterministic byte for byte.
    static QByteArray toJsonLine(const AuditEntry &entry);
    /// Parses one line (trailing newline optional). Any JSON key order and
    /// whitespace is accepted; missing, extra or duplicated keys and values not in
    /// canonical form (time, prev, hash, JID) are not. Does not check the hash
    /// (verifyEntry does). Error::Code::Storage when malformed.
    static Result<AuditEntry> fromJsonLine(QByteArrayView line);

    /// Verifies a JSON Lines export, reading line by line until atEnd() (bounded
    /// memory; the last line may lack its newline; an empty file is ok with 0
    /// entries). Without an anchor, line 1 may start mid-chain (a partial export);
    /// with `expectedFirstPrevHash`, line 1's prev must equal it (pass
    /// AuditEntry::zeroHash() to require the export to start at the first entry).
    static VerifyReport verifyJsonLines(QIODevice &device,
                                        QByteArrayView expectedFirstPrevHash = {});
    /// The same checks over entries from any source (for example the store);
    /// "lines" are then 1-based positions.
    static VerifyReport verifyEntries(const EntrySource &nextEntry,
                                      QByteArrayView expectedFirstPrevHash = {});
};

} // namespace Core
