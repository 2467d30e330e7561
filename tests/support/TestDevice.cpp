// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDevice.h"

#include "AuthTestSupport.h"

#include "sync/MessagePipeline.h"
#include "sync/Outbox.h"
#include "xmpp/extensions/PresenceExtension.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace TestSupport {

QString randomTag()
{
    return QString::number(QRandomGenerator::global()->generate(), 16);
}

bool TestDevice::open(const ServerEnv &env, const QString &bareJid, const QString &dir,
                      const QString &resourcePrefix, const Sync::E2ePolicy &policy)
{
    return openLocal(env, bareJid, dir, resourcePrefix, policy) && signIn(env);
}

bool TestDevice::openLocal(const ServerEnv &env, const QString &bareJid, const QString &dir,
                           const QString &resourcePrefix, const Sync::E2ePolicy &policy)
{
    jid = bareJid;
    dataDir = dir;
    Account::AccountSettings settings;
    settings.jid = Core::Jid(bareJid);
    settings.serverUrl = env.url;
    settings.caFile = env.caFile;
    settings.resource = resourcePrefix + u'-' + randomTag();
    account = std::make_unique<Account::Account>(settings);
    account->setE2ePolicy(policy);
    Account::LocalDataOptions local;
    local.dataDir = dir;
    local.passphrase = u"correct horse battery staple"_s;
    local.fastKdfForTests = true;
    if (!await(account->openLocalData(local)))
        return false;
    QObject::connect(account->pipeline(), &Sync::MessagePipeline::messagesStored, account.get(),
                     [this](const QList<Store::StoredMessage> &messages) { stored += messages; });
    QObject::connect(
        account->outbox(), &Sync::Outbox::sendFailed, account.get(),
        [this](const QString &id, const Core::Error &error) { refused.insert(id, error); });
    return true;
}

bool TestDevice::signIn(const ServerEnv &env)
{
    auto in = await(account->signIn(env.password(jid)));
    // A TOTP step is accepted once per account: when the test's code for now was
    // used already, the next step; when that too, a fresh step (see
    // testTotpStepForAttempt()).
    for (int retry = 0; !in && in.error().code == Core::Error::Code::Mfa && retry < 2; ++retry) {
        if (retry == 1)
            waitForNextTotpStep();
        in = await(account->signIn(env.password(jid)));
    }
    if (!in) {
        qWarning() << "sign-in failed:" << in.error().detail;
        return false;
    }
    return QTest::qWaitFor(
        [&] {
            return account->omemo()->isPublished() && account->presence().initialPresenceSent();
        },
        30000);
}

void TestDevice::close()
{
    if (!account)
        return;
    account->signOut();
    (void)QTest::qWaitFor(
        [&] { return account->client().state() == Xmpp::Client::State::Disconnected; }, 5000);
    account.reset();
    stored.clear();
    refused.clear();
}

std::optional<Store::StoredMessage> TestDevice::waitForBody(const QString &body, int ms)
{
    std::optional<Store::StoredMessage> found;
    (void)QTest::qWaitFor(
        [&] {
            for (const auto &m : std::as_const(stored))
                if (m.body == body)
                    found = m;
            return found.has_value();
        },
        ms);
    return found;
}

} // namespace TestSupport
