// SPDX-License-Identifier: GPL-3.0-or-later
#include "clinical/DirectoryService.h"

#include "account/Account.h"
#include "xmpp/Namespaces.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDirectory, "rounds.clinical.directory", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Clinical {

namespace {

Xmpp::Element pubsubIq(const Core::Jid &to, const QString &type, Xmpp::Element child,
                       QStringView ns = Xmpp::Ns::PubSub)
{
    Xmpp::Element iq(u"iq"_s, Xmpp::Ns::Client.toString());
    iq.setAttribute(u"type"_s, type);
    iq.setAttribute(u"to"_s, to.toString());
    iq.appendChild(Xmpp::Element(u"pubsub"_s, ns.toString()).appendChild(std::move(child)));
    return iq;
}

Xmpp::Element field(const QString &var, const QString &value)
{
    Xmpp::Element f(u"field"_s);
    f.setAttribute(u"var"_s, var);
    f.appendChild(Xmpp::Element(u"value"_s).setText(value));
    return f;
}

Core::Error mapForbidden(const Core::Error &error)
{
    if (error.detail.endsWith(u"forbidden"))
        return Core::Error{Core::Error::Code::Auth, u"admin-forbidden"_s};
    return error;
}

} // namespace

DirectoryService::DirectoryService(Account::Account &account, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_service(QString(u"pubsub."_s + account.settings().jid.domain()))
{
    m_account.pubsub().addNotify(Role::Node.toString());
    connect(&m_account.pubsub(), &Xmpp::PubSubExtension::itemsPublished, this,
            &DirectoryService::onItems);
    connect(&m_account.client(), &Xmpp::Client::sessionStarted, this, [this](bool resumed) {
        if (!resumed)
            (void)refresh();
    });
}

QFuture<Core::Result<Directory>> DirectoryService::refresh()
{
    // A bare-JID subscription: the service tells every session about changes.
    Xmpp::Element subscribe(u"subscribe"_s);
    subscribe.setAttribute(u"node"_s, Role::Node.toString());
    subscribe.setAttribute(u"jid"_s, m_account.settings().jid.bareString());
    m_account.client()
        .sendIq(pubsubIq(m_service, u"set"_s, subscribe))
        .then(this, [](const Core::Result<Xmpp::Element> &done) {
            if (!done)
                qCInfo(lcDirectory) << "directory subscription refused:" << done.error().detail;
        });
    return m_account.pubsub()
        .items(m_service, Role::Node.toString())
        .then(this,
              [this](Core::Result<QList<Xmpp::PubSubExtension::Item>> items)
                  -> Core::Result<Directory> {
                  if (!items) {
                      qCInfo(lcDirectory) << "no directory:" << items.error().detail;
                      return std::unexpected(items.error());
                  }
                  Directory directory;
                  for (const auto &item : std::as_const(*items)) {
                      auto role = Role::fromElement(item.payload);
                      if (!role || role->id != item.id) {
                          qCWarning(lcDirectory) << "directory item ignored:" << item.id;
                          continue;
                      }
                      directory.insert(role->id, *role);
                  }
                  m_directory = directory;
                  m_loaded = true;
                  qCInfo(lcDirectory) << "directory loaded:" << directory.size() << "roles";
                  Q_EMIT directoryChanged();
                  return directory;
              });
}

QFuture<Core::Result<void>> DirectoryService::createNode()
{
    Xmpp::Element form(u"x"_s, u"jabber:x:data"_s);
    form.setAttribute(u"type"_s, u"submit"_s);
    Xmpp::Element formType =
        field(u"FORM_TYPE"_s, u"http://jabber.org/protocol/pubsub#node_config"_s);
    formType.setAttribute(u"type"_s, u"hidden"_s);
    form.appendChild(formType);
    form.appendChild(field(u"pubsub#access_model"_s, u"open"_s));
    form.appendChild(field(u"pubsub#publish_model"_s, u"publishers"_s));
    form.appendChild(field(u"pubsub#persist_items"_s, u"true"_s));
    form.appendChild(field(u"pubsub#max_items"_s, u"256"_s));
    Xmpp::Element create(u"create"_s);
    create.setAttribute(u"node"_s, Role::Node.toString());
    Xmpp::Element iq = pubsubIq(m_service, u"set"_s, create);
    Xmpp::Element &pubsub = iq.children().first();
    pubsub.appendChild(Xmpp::Element(u"configure"_s).appendChild(form));
    return m_account.client().sendIq(iq).then(
        this, [](const Core::Result<Xmpp::Element> &created) -> Core::Result<void> {
            if (created || created.error().detail.endsWith(u"conflict"))
                return {}; // made now, or there already
            return std::unexpected(mapForbidden(created.error()));
        });
}

QFuture<Core::Result<void>> DirectoryService::publish(const Role &role)
{
    if (auto valid = role.validate(); !valid)
        return QtFuture::makeReadyFuture(Core::Result<void>(std::unexpected(valid.error())));
    return createNode()
        .then(this,
              [this, role](Core::Result<void> node) {
                  if (!node)
                      return QtFuture::makeReadyFuture(
                          Core::Result<Xmpp::Element>(std::unexpected(node.error())));
                  Xmpp::Element item(u"item"_s);
                  item.setAttribute(u"id"_s, role.id);
                  item.appendChild(role.toElement());
                  Xmpp::Element publish(u"publish"_s);
                  publish.setAttribute(u"node"_s, Role::Node.toString());
                  publish.appendChild(item);
                  return m_account.client().sendIq(pubsubIq(m_service, u"set"_s, publish));
              })
        .unwrap()
        .then(this,
              [this, role](const Core::Result<Xmpp::Element> &published) -> Core::Result<void> {
                  if (!published)
                      return std::unexpected(mapForbidden(published.error()));
                  m_directory.insert(role.id, role);
                  Q_EMIT directoryChanged();
                  return {};
              });
}

void DirectoryService::onItems(const Core::Jid &from, const QString &node,
                               const QList<Xmpp::PubSubExtension::Item> &items)
{
    if (node != Role::Node)
        return;
    if (from.bare() != m_service) {
        qCWarning(lcDirectory) << "ignored a directory notification from another service";
        return;
    }
    bool changed = false;
    for (const auto &item : items) {
        if (item.payload.isNull()) {
            (void)refresh();
            return;
        }
        auto role = Role::fromElement(item.payload);
        if (!role || role->id != item.id)
            continue;
        m_directory.insert(role->id, *role);
        changed = true;
    }
    if (changed)
        Q_EMIT directoryChanged();
}

} // namespace Clinical
