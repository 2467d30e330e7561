// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataGenerator.h"

#include <QDateTime>

DataGenerator::DataGenerator(quint32 seed, int conversations)
    : m_random(seed)
{
    for (int i = 0; i < conversations; ++i)
        m_conversations << QStringLiteral("staff%1@bench.example").arg(i);
    // A clinical-sounding vocabulary with a Zipf-like spread when drawn below.
    const char *const words[] = {
        "patient",   "bed",     "review",   "ward",     "please",   "thanks",   "round",
        "chart",     "labs",    "result",   "consult",  "pending",  "stat",     "urgent",
        "family",    "update",  "pain",     "dose",     "order",    "transfer", "admit",
        "discharge", "imaging", "cardio",   "neuro",    "ortho",    "night",    "morning",
        "handover",  "oncall",  "pharmacy", "nurse",    "vitals",   "fever",    "bp",
        "sats",      "drain",   "wound",    "dressing", "mobilise", "theatre",  "consent",
        "allergy",   "echo",    "xray",     "ct",       "mri",      "bloods",
    };
    for (const char *w : words)
        m_words << QString::fromLatin1(w);
    for (int i = 0; i < 2000; ++i) // rare words make selective queries
        m_words << QStringLiteral("term%1").arg(i);
    m_startMs = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

Store::StoredMessage DataGenerator::next()
{
    Store::StoredMessage m;
    const int conversation = int(m_random.bounded(quint32(m_conversations.size())));
    m.conversation = m_conversations.at(conversation);
    m.direction = m_random.bounded(2) ? Store::Direction::Outgoing : Store::Direction::Incoming;
    m.sender = m.direction == Store::Direction::Outgoing ? QStringLiteral("me@bench.example")
                                                         : m.conversation + u"/phone";
    m.messageId = QStringLiteral("m%1-%2").arg(m_counter).arg(qulonglong(m_random.generate()), 8,
                                                              16, QChar(u'0'));
    m.originId = m.messageId;
    m.stanzaId = QStringLiteral("s%1").arg(m_counter);
    m.timestamp = QDateTime::fromMSecsSinceEpoch(m_startMs + m_counter * 1500, Qt::UTC);
    const int length = 4 + int(m_random.bounded(20u));
    QStringList body;
    for (int i = 0; i < length; ++i) {
        // Square of a uniform value skews towards the common words.
        const double u = m_random.generateDouble();
        body << m_words.at(qsizetype(u * u * double(m_words.size())));
    }
    m.body = body.join(u' ');
    m.state = m.direction == Store::Direction::Outgoing ? Store::MessageState::Sent
                                                        : Store::MessageState::Received;
    ++m_counter;
    return m;
}

QList<Store::StoredMessage> DataGenerator::batch(int count)
{
    QList<Store::StoredMessage> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out << next();
    return out;
}

QString DataGenerator::searchWord(int rank) const
{
    return m_words.at(qBound(0, rank, int(m_words.size()) - 1));
}
