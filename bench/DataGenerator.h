// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreTypes.h"

#include <QList>
#include <QRandomGenerator>
#include <QStringList>

/// Fixed, seeded message generator: the same seed gives the same workload on
/// every run, so figures from two runs compare.
class DataGenerator
{
public:
    DataGenerator(quint32 seed, int conversations);

    Store::StoredMessage next();
    QList<Store::StoredMessage> batch(int count);
    /// A word that occurs in the generated bodies with roughly the given share.
    QString searchWord(int rank) const;
    const QStringList &conversations() const { return m_conversations; }

private:
    QRandomGenerator m_random;
    QStringList m_conversations;
    QStringList m_words;
    qint64 m_counter = 0;
    qint64 m_startMs = 0;
};
