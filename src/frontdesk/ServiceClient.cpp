// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/ServiceClient.h"

#include "account/Account.h"
#include "sync/MessagePipeline.h"
#include "sync/Outbox.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace FrontDesk {

namespace {

QString requestId(const Protocol::Request &request)
{
    return std::visit([](const auto &r) { return r.id; }, request);
}

QString answerId(const Protocol::Answer &answer)
{
    return std::visit([](const auto &a) { return a.id; }, answer);
}

} // namespace

ServiceClient::ServiceClient(Account::Account &account, Core::Jid service, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_service(service.bare())
{
    connect(account.pipeline(), &Sync::MessagePipeline::messagesStored, this,
            &ServiceClient::onMessagesStored);
    connect(account.outbox(), &Sync::Outbox::sendFailed, this,
            [this](const QString &messageId, const Core::Error &error) {
                // The request itself could not go out (no devices, policy).
                if (auto promise = m_waiting.take(u"msg:"_s + messageId)) {
                    promise->addResult(Core::Result<Protocol::Answer>(std::unexpected(error)));
                    promise->finish();
                }
            });
}

ServiceClient::~ServiceClient()
{
    for (auto &promise : m_waiting) {
        if (promise->future().isFinished())
            continue;
        promise->addResult(Core::Result<Protocol::Answer>(
            Core::fail(Core::Error::Code::Cancelled, u"frontdesk-client-closed"_s)));
        promise->finish();
    }
}

QString ServiceClient::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QFuture<Core::Result<Protocol::Answer>> ServiceClient::request(const Protocol::Request &request)
{
    auto promise = std::make_shared<QPromise<Core::Result<Protocol::Answer>>>();
    promise->start();
    auto future = promise->future();
    const QString id = requestId(request);
    m_waiting.insert(id, promise);
    m_account.outbox()
        ->send(m_service, Protocol::toElement(request).toXml())
        .then(this, [this, id, promise](Core::Result<Store::StoredMessage> queued) {
            if (!queued) {
                m_waiting.remove(id);
                promise->addResult(Core::Result<Protocol::Answer>(std::unexpected(queued.error())));
                promise->finish();
                return;
            }
            m_waiting.insert(u"msg:"_s + queued->messageId, promise);
        });
    return future;
}

void ServiceClient::onMessagesStored(const QList<Store::StoredMessage> &messages)
{
    for (const Store::StoredMessage &m : messages) {
        if (m.direction != Store::Direction::Incoming || m.conversation != m_service.bareString())
            continue;
        // Only what came end to end encrypted from the service is believed.
        if (m.protection != Store::Protection::Encrypted &&
            m.protection != Store::Protection::Verified)
            continue;
        const auto element = Protocol::elementFromBody(m.body);
        if (!element)
            continue;
        if (element->name() == u"changed") {
            if (auto changed = Protocol::parseChanged(*element))
                Q_EMIT this->changed(*changed);
            continue;
        }
        auto answer = Protocol::parseAnswer(*element);
        if (!answer)
            continue;
        auto promise = m_waiting.take(answerId(*answer));
        if (!promise)
            continue;
        for (auto it = m_waiting.begin(); it != m_waiting.end();) {
            if (it.value() == promise)
                it = m_waiting.erase(it);
            else
                ++it;
        }
        promise->addResult(Core::Result<Protocol::Answer>(*answer));
        promise->finish();
    }
}

} // namespace FrontDesk
