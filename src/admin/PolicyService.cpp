// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/PolicyService.h"

#include "account/Account.h"
#include "account/IdleLock.h"
#include "store/SettingsStore.h"
#include "sync/AttachmentService.h"
#include "sync/OmemoService.h"
#include "xmpp/Namespaces.h"
#include "xmpp/XmlStreamParser.h"

#include <QLoggingCategory>
#include <QPromise>

#include <memory>

Q_LOGGING_CATEGORY(lcPolicy, "rounds.admin.policy", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Admin {

using Core::Error;

namespace {
constexpr QStringView SettingsKey = u"org-policy";
} // namespace

PolicyService::PolicyService(Account::Account &account, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_baseRequireMfa(account.requireMfa())
    , m_baseRequireVerified(account.e2ePolicy().requireVerifiedDevices)
    , m_baseAllowAttachments(account.attachmentPolicy().allowAttachments)
{
    m_account.pubsub().addNotify(OrgPolicy::Node.toString());
    connect(&m_account.pubsub(), &Xmpp::PubSubExtension::itemsPublished, this,
            &PolicyService::onItems);
    connect(&m_account.client(), &Xmpp::Client::sessionStarted, this, [this](bool resumed) {
        if (!resumed)
            (void)refresh();
    });
    if (m_account.settingsStore())
        (void)loadStored();
}

PolicyService::~PolicyService() = default;

Core::Jid PolicyService::service() const
{
    return Core::Jid(QString(u"pubsub."_s + m_account.settings().jid.domain()));
}

void PolicyService::setLocalPreferences(const LocalPreferences &preferences)
{
    m_local = preferences;
    if (m_hasPolicy)
        apply(m_policy, false);
}

QFuture<Core::Result<void>> PolicyService::loadStored()
{
    Store::SettingsStore *settings = m_account.settingsStore();
    if (!settings)
        return QtFuture::makeReadyFuture(
            Core::Result<void>(Core::fail(Error::Code::Storage, u"local data not open"_s)));
    return settings->value(SettingsKey.toString())
        .then(this, [this](Core::Result<std::optional<QString>> stored) -> Core::Result<void> {
            if (!stored)
                return std::unexpected(stored.error());
            if (!*stored || m_hasPolicy) // nothing kept, or the server was faster
                return {};
            Xmpp::XmlStreamParser parser;
            const auto parsed = parser.feed(**stored);
            if (!parsed || parsed->size() != 1)
                return Core::fail(Error::Code::Storage, u"stored policy unreadable"_s);
            auto policy = OrgPolicy::fromElement(parsed->first());
            if (!policy)
                return std::unexpected(policy.error());
            qCInfo(lcPolicy) << "applying the stored organisation policy";
            apply(*policy, false);
            return {};
        });
}

QFuture<Core::Result<bool>> PolicyService::refresh()
{
    const Core::Jid pubsub = service();
    // A bare-JID subscription: every session of the account is told.
    Xmpp::Element subscribe(u"subscribe"_s);
    subscribe.setAttribute(u"node"_s, OrgPolicy::Node.toString());
    subscribe.setAttribute(u"jid"_s, m_account.settings().jid.bareString());
    Xmpp::Element iq(u"iq"_s, Xmpp::Ns::Client.toString());
    iq.setAttribute(u"type"_s, u"set"_s);
    iq.setAttribute(u"to"_s, pubsub.toString());
    iq.appendChild(Xmpp::Element(u"pubsub"_s, Xmpp::Ns::PubSub.toString()).appendChild(subscribe));
    m_account.client().sendIq(iq).then(this, [](const Core::Result<Xmpp::Element> &done) {
        if (!done)
            qCInfo(lcPolicy) << "policy subscription refused:" << done.error().detail;
    });
    return m_account.pubsub()
        .items(pubsub, OrgPolicy::Node.toString(), OrgPolicy::ItemId.toString())
        .then(this,
              [this](Core::Result<QList<Xmpp::PubSubExtension::Item>> items) -> Core::Result<bool> {
                  if (!items) {
                      qCInfo(lcPolicy) << "no organisation policy:" << items.error().detail;
                      return std::unexpected(items.error());
                  }
                  for (const auto &item : std::as_const(*items)) {
                      if (item.id != OrgPolicy::ItemId || item.payload.isNull())
                          continue;
                      if (auto accepted = acceptPayload(item.payload); !accepted)
                          return std::unexpected(accepted.error());
                      return true;
                  }
                  return false;
              });
}

QFuture<Core::Result<void>> PolicyService::publish(const OrgPolicy &policy)
{
    if (auto valid = policy.validate(); !valid)
        return QtFuture::makeReadyFuture(Core::Result<void>(std::unexpected(valid.error())));
    Xmpp::Element item(u"item"_s);
    item.setAttribute(u"id"_s, OrgPolicy::ItemId.toString());
    item.appendChild(policy.toElement());
    Xmpp::Element publishElement(u"publish"_s);
    publishElement.setAttribute(u"node"_s, OrgPolicy::Node.toString());
    publishElement.appendChild(item);
    Xmpp::Element iq(u"iq"_s, Xmpp::Ns::Client.toString());
    iq.setAttribute(u"type"_s, u"set"_s);
    iq.setAttribute(u"to"_s, service().toString());
    iq.appendChild(
        Xmpp::Element(u"pubsub"_s, Xmpp::Ns::PubSub.toString()).appendChild(publishElement));
    return m_account.client().sendIq(iq).then(
        this, [](const Core::Result<Xmpp::Element> &result) -> Core::Result<void> {
            if (!result) {
                if (result.error().detail.endsWith(u"forbidden"))
                    return Core::fail(Error::Code::Auth, u"admin-forbidden"_s);
                return std::unexpected(result.error());
            }
            return {};
        });
}

void PolicyService::onItems(const Core::Jid &from, const QString &node,
                            const QList<Xmpp::PubSubExtension::Item> &items)
{
    if (node != OrgPolicy::Node)
        return;
    if (from.bare() != service()) {
        qCWarning(lcPolicy) << "ignored a policy notification from another service";
        return;
    }
    for (const auto &item : items) {
        if (item.id != OrgPolicy::ItemId)
            continue;
        if (item.payload.isNull())
            (void)refresh(); // notification without payload: fetch it
        else
            (void)acceptPayload(item.payload);
    }
}

Core::Result<void> PolicyService::acceptPayload(const Xmpp::Element &payload)
{
    auto policy = OrgPolicy::fromElement(payload);
    if (!policy) {
        qCWarning(lcPolicy) << "organisation policy refused:" << policy.error().detail;
        Q_EMIT policyRejected(policy.error());
        return std::unexpected(policy.error());
    }
    apply(*policy, true);
    return {};
}

void PolicyService::apply(const OrgPolicy &policy, bool fromServer)
{
    const bool changed = !m_hasPolicy || policy != m_policy;
    m_policy = policy;
    m_hasPolicy = true;
    const LocalPreferences effective = m_policy.clamp(m_local);

    Account::LockPolicy lock = m_account.idleLock()->policy();
    lock.idleMinutes = effective.idleLockMinutes;
    m_account.setLockPolicy(lock);
    m_account.setRequireMfa(m_baseRequireMfa || m_policy.requireMfa);
    Sync::E2ePolicy e2e = m_account.e2ePolicy();
    e2e.requireVerifiedDevices = m_baseRequireVerified || effective.requireVerifiedDevices;
    m_account.setE2ePolicy(e2e);
    Sync::AttachmentPolicy files = m_account.attachmentPolicy();
    files.allowAttachments = m_baseAllowAttachments && m_policy.allowAttachments;
    m_account.setAttachmentPolicy(files);

    if (!changed)
        return;
    qCInfo(lcPolicy) << "organisation policy in force; idle lock minutes"
                     << effective.idleLockMinutes;
    if (fromServer) {
        m_account.audit(Core::AuditEntry::Action::PolicyChange,
                        QStringList{u"org-policy"_s} + m_policy.summary());
        if (Store::SettingsStore *settings = m_account.settingsStore())
            settings->setValue(SettingsKey.toString(), m_policy.toElement().toXml())
                .then(this, [](Core::Result<void> stored) {
                    if (!stored)
                        qCWarning(lcPolicy) << "policy not stored:" << stored.error().detail;
                });
    }
    Q_EMIT policyChanged(m_policy);
}

} // namespace Admin
