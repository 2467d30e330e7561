// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrontDeskListModel.h"

namespace Ui {

void FrontDeskListModel::setClient(FrontDeskClient *client)
{
    if (client == m_client)
        return;
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    if (m_client) {
        connect(m_client, &FrontDeskClient::statusArrived, this, [this] { reload(); });
        connectClient();
    }
    reload();
    Q_EMIT clientChanged();
}

} // namespace Ui
