// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClinicalAnnotations.h"

#include "clinical/ClinicalService.h"

#include <algorithm>

namespace Ui {

ClinicalAnnotations::ClinicalAnnotations(QObject *parent)
    : QObject(parent)
{
}

void ClinicalAnnotations::setService(Clinical::ClinicalService *service, const QString &self)
{
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    clear();
    m_service = service;
    m_self = self;
    if (!m_service)
        return;
    connect(m_service, &Clinical::ClinicalService::acknowledged, this,
            [this](const QString &messageId, const QString &by, const QDateTime &at) {
                addAck(messageId, {by, at.toUTC()});
            });
    connect(m_service, &Clinical::ClinicalService::escalated, this,
            [this](const QString &originId, int step, const QString &target) {
                addEscalation(originId, {step, target, QDateTime::currentDateTimeUtc()});
            });
    connect(m_service, &Clinical::ClinicalService::recalled, this, &ClinicalAnnotations::recalled);
}

void ClinicalAnnotations::clear()
{
    ++m_generation;
    m_acks.clear();
    m_escalations.clear();
}

void ClinicalAnnotations::load(const QList<Store::StoredMessage> &messages)
{
    if (!m_service)
        return;
    const quint64 generation = m_generation;
    for (const Store::StoredMessage &message : messages) {
        if (message.priority == 0 || message.recalled)
            continue;
        // Ours: where it escalated to, from the copies the escalation sent.
        if (message.direction == Store::Direction::Outgoing && message.escalationOf.isEmpty()) {
            const QString origin =
                message.originId.isEmpty() ? message.messageId : message.originId;
            m_service->store().escalatedCopies(origin).then(
                this, [this, generation,
                       id = message.messageId](Core::Result<QList<Store::StoredMessage>> copies) {
                    if (generation != m_generation || !copies)
                        return;
                    for (const Store::StoredMessage &copy : std::as_const(*copies))
                        addEscalation(
                            id, {copy.escalationStep, copy.conversation, copy.timestamp.toUTC()});
                });
        }
        m_service->store()
            .acknowledgements(message.rowId)
            .then(this, [this, generation,
                         id = message.messageId](Core::Result<QList<Store::Acknowledgement>> acks) {
                if (generation != m_generation || !acks || acks->isEmpty())
                    return;
                for (const Store::Acknowledgement &ack : std::as_const(*acks))
                    addAck(id, ack);
            });
    }
}

bool ClinicalAnnotations::acknowledgedBySelf(const QString &messageId) const
{
    const auto found = m_acks.constFind(messageId);
    if (found == m_acks.cend())
        return false;
    return std::any_of(found->cbegin(), found->cend(),
                       [this](const Store::Acknowledgement &ack) { return ack.jid == m_self; });
}

void ClinicalAnnotations::addEscalation(const QString &messageId, const Escalation &escalation)
{
    QList<Escalation> &steps = m_escalations[messageId];
    for (const Escalation &known : std::as_const(steps))
        if (known.step == escalation.step && known.target == escalation.target)
            return;
    steps.append(escalation);
    std::sort(steps.begin(), steps.end(),
              [](const Escalation &a, const Escalation &b) { return a.step < b.step; });
    Q_EMIT changed(messageId);
}

void ClinicalAnnotations::addAck(const QString &messageId, const Store::Acknowledgement &ack)
{
    QList<Store::Acknowledgement> &acks = m_acks[messageId];
    for (const Store::Acknowledgement &known : std::as_const(acks))
        if (known.jid == ack.jid)
            return;
    acks.append(ack);
    Q_EMIT changed(messageId);
}

} // namespace Ui
