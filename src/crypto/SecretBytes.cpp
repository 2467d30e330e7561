// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/SecretBytes.h"

#include <sodium.h>

#include <cstring>
#include <utility>

using namespace Qt::StringLiterals;

namespace Crypto {

bool initialize()
{
    // A function-local static is initialised exactly once, even with threads racing.
    static const bool ready = sodium_init() >= 0;
    return ready;
}

SecretBytes::SecretBytes(qsizetype size)
{
    if (size <= 0)
        return;
    // One extra byte keeps the contents NUL-terminated; make_unique zero-fills.
    m_data = std::make_unique<unsigned char[]>(size_t(size) + 1);
    m_size = size;
}

SecretBytes SecretBytes::copyOf(QByteArrayView bytes)
{
    SecretBytes copy(bytes.size());
    if (!bytes.isEmpty())
        std::memcpy(copy.data(), bytes.data(), size_t(bytes.size()));
    return copy;
}

SecretBytes::SecretBytes(const SecretBytes &other)
    : SecretBytes(copyOf(other.view()))
{
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(std::move(other.m_data))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecretBytes &SecretBytes::operator=(const SecretBytes &other)
{
    if (this != &other)
        *this = copyOf(other.view());
    return *this;
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::move(other.m_data);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    clear();
}

const char *SecretBytes::c_str() const
{
    return m_data ? reinterpret_cast<const char *>(m_data.get()) : "";
}

QByteArrayView SecretBytes::view() const
{
    return QByteArrayView(reinterpret_cast<const char *>(m_data.get()), m_size);
}

void SecretBytes::clear()
{
    if (m_data)
        sodium_memzero(m_data.get(), size_t(m_size) + 1);
    m_data.reset();
    m_size = 0;
}

bool SecretBytes::operator==(const SecretBytes &other) const
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data.get(), other.m_data.get(), size_t(m_size)) == 0;
}

Core::Result<SecretKey> SecretKey::fromBytes(QByteArrayView bytes)
{
    if (bytes.size() != Size)
        return Core::fail(Core::Error::Code::Crypto, u"key has wrong size"_s);
    return SecretKey(SecretBytes::copyOf(bytes));
}

SecretBytes SecretKey::toHex() const
{
    // sodium_bin2hex writes a terminating NUL, which SecretBytes keeps room for.
    SecretBytes hex(Size * 2);
    sodium_bin2hex(reinterpret_cast<char *>(hex.data()), size_t(hex.size()) + 1, data(),
                   size_t(Size));
    return hex;
}

SecretBytes SecretKey::sqlcipherKeyPragma() const
{
    static constexpr QByteArrayView prefix = "PRAGMA key = \"x'";
    static constexpr QByteArrayView suffix = "'\";";
    const SecretBytes hex = toHex();
    SecretBytes statement(prefix.size() + hex.size() + suffix.size());
    unsigned char *out = statement.data();
    std::memcpy(out, prefix.data(), size_t(prefix.size()));
    out += prefix.size();
    std::memcpy(out, hex.data(), size_t(hex.size()));
    out += hex.size();
    std::memcpy(out, suffix.data(), size_t(suffix.size()));
    return statement;
}

Core::Result<SecretKey> randomKey()
{
    if (!initialize())
        return Core::fail(Core::Error::Code::Crypto, u"libsodium unavailable"_s);
    SecretBytes bytes(SecretKey::Size);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return SecretKey(std::move(bytes));
}

} // namespace Crypto
