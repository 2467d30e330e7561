// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to src/crypto: libomemo-c types never leave this module.

#include <QLoggingCategory>

#include <signal_protocol.h>

Q_DECLARE_LOGGING_CATEGORY(lcOmemo)

namespace Crypto::OmemoDetail {

/// libomemo-c's crypto provider on libsodium (random, HMAC-SHA256, SHA-512) and
/// OpenSSL libcrypto (AES-CBC with PKCS#5 padding, AES-CTR). Hash states live on
/// the ordinary heap and are wiped when libomemo-c cleans them up: sodium_malloc
/// per HMAC context costs ~26 us and made messaging ~17x slower.
const signal_crypto_provider &cryptoProvider();

/// Routes libomemo-c's log lines to the "rounds.crypto.omemo" category at debug
/// level, with JIDs blanked.
void logCallback(int level, const char *message, size_t length, void *userData);

} // namespace Crypto::OmemoDetail
