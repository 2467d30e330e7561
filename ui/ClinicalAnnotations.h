// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clinical/ClinicalService.h"
#include "store/ClinicalStore.h"
#include "store/StoreTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Ui {

/// What the conversation view shows of clinical messaging next to each message,
/// by message id: who acknowledged it and when (read from the store for the
/// urgent/STAT messages loaded, kept current from ClinicalService), and where
/// an unacknowledged message of ours escalated to (read from its escalated
/// copies when loaded, then as it happens). No SQL, no stanzas: it only asks
/// the service and its store.
class ClinicalAnnotations : public QObject
{
    Q_OBJECT
public:
    struct Escalation
    {
        int step = 0;
        QString target; ///< bare JID it went to
        QDateTime at;   ///< UTC
    };

    explicit ClinicalAnnotations(QObject *parent = nullptr);

    /// The account's service (null: nothing to show) and our own bare JID.
    void setService(Clinical::ClinicalService *service, const QString &self);
    Clinical::ClinicalService *service() const { return m_service; }
    /// Forgets everything (another conversation opened).
    void clear();
    /// Reads the acknowledgements of the urgent/STAT messages among these.
    void load(const QList<Store::StoredMessage> &messages);

    QList<Store::Acknowledgement> acknowledgements(const QString &messageId) const
    {
        return m_acks.value(messageId);
    }
    bool acknowledgedBySelf(const QString &messageId) const;
    QList<Escalation> escalations(const QString &messageId) const
    {
        return m_escalations.value(messageId);
    }

Q_SIGNALS:
    /// Something shown next to this message changed.
    void changed(const QString &messageId);
    /// Its sender recalled it: the text is gone from the store.
    void recalled(const QString &messageId);

private:
    void addAck(const QString &messageId, const Store::Acknowledgement &ack);
    void addEscalation(const QString &messageId, const Escalation &escalation);

    QPointer<Clinical::ClinicalService> m_service;
    QString m_self;
    quint64 m_generation = 0;
    QHash<QString, QList<Store::Acknowledgement>> m_acks;
    QHash<QString, QList<Escalation>> m_escalations;
};

} // namespace Ui
