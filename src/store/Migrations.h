// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Store {

/// One numbered schema step from src/store/migrations/NNNN_name.sql, compiled
/// into the library at build time. PRAGMA user_version counts the steps applied.
struct Migration
{
    QString name;
    QByteArray sql;
};

const QList<Migration> &migrations();

} // namespace Store
