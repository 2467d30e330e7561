// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to src/crypto: owning handles for libomemo-c objects.

#include <signal_protocol.h>

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace Crypto::OmemoDetail {

template<typename T>
struct SignalUnref
{
    void operator()(T *object) const
    {
        if (object)
            signal_type_unref(reinterpret_cast<signal_type_base *>(object));
    }
};

/// A reference-counted libomemo-c object (keys, records, messages), unref'd once.
template<typename T>
using SignalRef = std::unique_ptr<T, SignalUnref<T>>;

struct SignalBufferFree
{
    void operator()(signal_buffer *buffer) const { signal_buffer_bzero_free(buffer); }
};
/// A signal_buffer, wiped when freed (many hold key material).
using SignalBuffer = std::unique_ptr<signal_buffer, SignalBufferFree>;

inline QByteArray toByteArray(const signal_buffer *buffer)
{
    if (!buffer)
        return {};
    return QByteArray(reinterpret_cast<const char *>(signal_buffer_const_data(buffer)),
                      qsizetype(signal_buffer_len(buffer)));
}

inline const uint8_t *u8(QByteArrayView view)
{
    return reinterpret_cast<const uint8_t *>(view.data());
}

} // namespace Crypto::OmemoDetail
