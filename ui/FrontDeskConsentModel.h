// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FrontDeskListModel.h"

#include "store/FrontDeskStore.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Ui {

/// The reminder service's consent registry: the latest consent of every
/// patient on every channel (as of the client's last refresh). Recording and
/// revoking go to the service, which records who did it and audits it.
class FrontDeskConsentModel : public FrontDeskListModel
{
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role {
        PatientRole = Qt::UserRole + 1,
        ChannelRole,     ///< "xmpp" or "sms"
        ChannelTextRole, ///< in words
        InForceRole,
        SinceRole,       ///< QDateTime
        RecordedByRole,  ///< staff JID
        WithdrawnAtRole, ///< QDateTime, invalid while in force
        WithdrawnByRole, ///< staff JID, or in words when the patient replied STOP
    };
    Q_ENUM(Role)

    explicit FrontDeskConsentModel(QObject *parent = nullptr);
    ~FrontDeskConsentModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Records the patient's consent on "xmpp" or "sms".
    Q_INVOKABLE void record(const QString &patient, const QString &channel);
    /// Revokes the consent in `row`.
    Q_INVOKABLE void revoke(int row);

private:
    void reload() override;

    QList<Store::ConsentRecord> m_rows;
};

} // namespace Ui
