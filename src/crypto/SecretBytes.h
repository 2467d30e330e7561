// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArrayView>

#include <cstddef>
#include <memory>

namespace Crypto {

/// Starts libsodium once per process (thread-safe). Every function of this module
/// calls it; other users of libsodium may too. False if the library cannot start,
/// in which case nothing here may be used.
bool initialize();

/// A heap buffer for secrets (keys, passphrases, key strings) that is wiped with
/// sodium_memzero when it is destroyed, cleared or overwritten by assignment.
/// Copies are deep and wiped on their own. A NUL byte always follows the
/// contents (not counted in size()) so the buffer can be passed as a C string.
class SecretBytes
{
public:
    SecretBytes() = default;
    /// `size` zero bytes.
    explicit SecretBytes(qsizetype size);
    static SecretBytes copyOf(QByteArrayView bytes);

    SecretBytes(const SecretBytes &other);
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(const SecretBytes &other);
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    ~SecretBytes();

    unsigned char *data() { return m_data.get(); }
    const unsigned char *data() const { return m_data.get(); }
    /// NUL-terminated; never null ("" when empty).
    const char *c_str() const;
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QByteArrayView view() const;

    /// Wipes and frees the contents.
    void clear();

    /// Constant-time comparison (sodium_memcmp) when the sizes match.
    bool operator==(const SecretBytes &other) const;

private:
    std::unique_ptr<unsigned char[]> m_data;
    qsizetype m_size = 0;
};

/// A 256-bit symmetric key (the local database key), wiped on destruction.
class SecretKey
{
public:
    static constexpr qsizetype Size = 32;

    /// Exactly Size bytes, else Code::Crypto "key has wrong size".
    static Core::Result<SecretKey> fromBytes(QByteArrayView bytes);

    const unsigned char *data() const { return m_bytes.data(); }
    qsizetype size() const { return Size; }
    QByteArrayView view() const { return m_bytes.view(); }

    /// 64 lower-case hex digits.
    SecretBytes toHex() const;
    /// The whole SQLCipher statement for a raw key, `PRAGMA key = "x'<64 hex>'";`
    /// (no key derivation in SQLCipher), NUL-terminated for sqlite3_exec.
    SecretBytes sqlcipherKeyPragma() const;

    bool operator==(const SecretKey &other) const { return m_bytes == other.m_bytes; }

private:
    explicit SecretKey(SecretBytes bytes)
        : m_bytes(std::move(bytes))
    {
    }
    SecretBytes m_bytes;

    friend Core::Result<SecretKey> randomKey();
};

/// A fresh key from the system's CSPRNG (randombytes_buf). Fails (Code::Crypto)
/// only if libsodium cannot start.
Core::Result<SecretKey> randomKey();

} // namespace Crypto
