// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

namespace Core {

/// What happened and what to do, in the user's language (translation context
/// "Core::ErrorText"). Used by the desktop app and rounds-cli alike.
QString describeError(const Error &error);

} // namespace Core
