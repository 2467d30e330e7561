// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClinicalAnnotations.h"

#include "clinical/ClinicalService.h"

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
                m_escalations[originId].append({step, target, QDateTime::currentDateTimeUtc()});
                Q_EMIT changed(originId);
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
