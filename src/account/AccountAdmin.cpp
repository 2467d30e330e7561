// SPDX-License-Identifier: GPL-3.0-or-later
// Account's part in IT administration (docs/admin.md): the remote wipe, "sign
// out and erase", and the device report after each session start.
#include "account/Account.h"

#include "account/KeyCustody.h"
#include "store/AuditStore.h"
#include "store/MessageStore.h"
#include "store/SettingsStore.h"
#include "store/StoreWorker.h"
#include "sync/MamCatchUp.h"
#include "sync/MessagePipeline.h"
#include "sync/OmemoService.h"
#include "sync/Outbox.h"
#include "xmpp/Namespaces.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPromise>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcAccount)

namespace Account {

using Core::Error;
using namespace Qt::StringLiterals;

void Account::connectAdministration()
{
    connect(m_client.get(), &Xmpp::Client::wipeRequested, this, &Account::onWipeRequested);
    connect(m_client.get(), &Xmpp::Client::sessionStarted, this, [this](bool resumed) {
        if (resumed)
            return;
        m_deviceReported = false;
        sendDeviceReport();
    });
}

void Account::sendDeviceReport()
{
    if (m_deviceReported || !m_client->isConnected() || !m_omemo || !m_omemo->isReady())
        return;
    m_deviceReported = true;
    Xmpp::Element iq(u"iq"_s, Xmpp::Ns::Client.toString());
    iq.setAttribute(u"type"_s, u"set"_s);
    iq.setAttribute(u"to"_s, m_settings.jid.domain());
    Xmpp::Element report(u"device-report"_s, Xmpp::Ns::RoundsAdmin.toString());
    report.appendChild(Xmpp::Element(u"omemo-device"_s)
                           .setAttribute(u"id"_s, QString::number(m_omemo->deviceId())));
    iq.appendChild(report);
    // Servers without the admin module refuse it; nothing depends on it.
    m_client->sendIq(iq).then(this, [](const Core::Result<Xmpp::Element> &answer) {
        if (!answer)
            qCInfo(lcAccount) << "device report not taken:" << answer.error().detail;
    });
}

void Account::closeServices()
{
    // As in the destructor, minus the connection: queued store work finishes,
    // then producers go before their consumers.
    if (m_omemo)
        m_omemo->shutdown();
    if (m_worker)
        m_worker->close();
    m_pipeline.reset();
    m_messageStore.reset();
    m_audit.reset();
    m_outbox.reset();
    m_catchUp.reset();
    m_omemo.reset();
    m_settingsStore.reset();
    m_worker.reset();
}

QFuture<Core::Result<void>> Account::eraseLocalData()
{
    qCWarning(lcAccount) << "erasing this account's local data";
    closeServices();
    m_clientId.clear(); // a later sign-in is a new installation
    QStringList failures;
    const QString dir = m_dataDir;
    if (!dir.isEmpty() && QFileInfo::exists(dir)) {
        // Never a home or root folder, whatever the configuration says.
        const QString canonical = QFileInfo(dir).canonicalFilePath();
        if (canonical == QDir::rootPath() || canonical == QDir::homePath()) {
            failures << u"data-dir"_s;
        } else {
            QDir data(dir);
            if (!data.removeRecursively())
                failures << u"files"_s;
        }
    }

    auto promise = std::make_shared<QPromise<Core::Result<void>>>();
    promise->start();
    auto future = promise->future();
    const auto finish = [promise](const QStringList &failed) {
        if (failed.isEmpty())
            promise->addResult(Core::Result<void>{});
        else
            promise->addResult(
                Core::fail(Error::Code::Storage, u"erase-failed:"_s + failed.join(u',')));
        promise->finish();
    };
    if (!m_keychainCustody || !m_keys) {
        // Passphrase custody: key and token lived in the folder just removed.
        finish(failures);
        return future;
    }
    auto failed = std::make_shared<QStringList>(failures);
    m_keys->deleteKey().then(this, [this, failed, finish](Core::Result<void> key) {
        if (!key) {
            qCWarning(lcAccount) << "database key not deleted:" << key.error().detail;
            *failed << u"keychain-key"_s;
        }
        m_keys->deleteSecret(u"fast-token"_s)
            .then(this, [failed, finish](Core::Result<void> token) {
                if (!token) {
                    qCWarning(lcAccount) << "sign-in token not deleted:" << token.error().detail;
                    *failed << u"keychain-token"_s;
                }
                finish(*failed);
            });
    });
    return future;
}

QFuture<Core::Result<void>> Account::signOutAndErase()
{
    // The token dies with its keychain entry; the server lets it expire (a
    // token revocation needs a new authentication, so it is not done here).
    signOut();
    return eraseLocalData();
}

void Account::onWipeRequested(const QString &wipeId)
{
    qCWarning(lcAccount) << "remote wipe ordered";
    Q_EMIT wipeStarted();
    eraseLocalData().then(this, [this, wipeId](Core::Result<void> erased) {
        if (!erased)
            qCWarning(lcAccount) << "remote wipe incomplete:" << erased.error().detail;
        // Confirmed even when something stayed behind: the keys are gone from
        // memory, and the admin's record then says "wiped" for the database.
        m_client->confirmWipe(wipeId).then(this, [this](Core::Result<void> confirmed) {
            if (!confirmed)
                qCInfo(lcAccount) << "wipe confirmation:" << confirmed.error().detail;
            Q_EMIT wiped();
        });
    });
}

} // namespace Account
