// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/PubSubExtension.h"

#include "xmpp/Namespaces.h"
#include "xmpp/extensions/PresenceExtension.h"

#include <QLoggingCategory>
#include <QPromise>

#include <memory>

Q_LOGGING_CATEGORY(lcPubSub, "rounds.xmpp.pubsub", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Xmpp {

namespace {

using VoidPromise = std::shared_ptr<QPromise<Core::Result<void>>>;

Element iqOf(QStringView type, Element payload)
{
    Element iq(u"iq"_s, Ns::Client.toString());
    iq.setAttribute(u"type"_s, type.toString());
    iq.appendChild(std::move(payload));
    return iq;
}

/// A submitted data form (XEP-0004) of `formType` with pubsub#<var> fields.
Element submitForm(QStringView formType, const QList<PubSubExtension::Option> &options)
{
    auto field = [](const QString &var, const QString &value) {
        Element f(u"field"_s);
        f.setAttribute(u"var"_s, var);
        f.appendChild(Element(u"value"_s).setText(value));
        return f;
    };
    Element form(u"x"_s, Ns::DataForms.toString());
    form.setAttribute(u"type"_s, u"submit"_s);
    form.appendChild(
        field(u"FORM_TYPE"_s, formType.toString()).setAttribute(u"type"_s, u"hidden"_s));
    for (const PubSubExtension::Option &option : options)
        form.appendChild(field(u"pubsub#"_s + option.var, option.value));
    return form;
}

Element publishIq(const QString &node, const QString &itemId, const Element &payload,
                  const QList<PubSubExtension::Option> &options)
{
    Element item(u"item"_s);
    if (!itemId.isEmpty())
        item.setAttribute(u"id"_s, itemId);
    if (!payload.isNull())
        item.appendChild(payload);
    Element publish(u"publish"_s);
    publish.setAttribute(u"node"_s, node);
    publish.appendChild(item);
    Element pubsub(u"pubsub"_s, Ns::PubSub.toString());
    pubsub.appendChild(publish);
    if (!options.isEmpty())
        pubsub.appendChild(Element(u"publish-options"_s)
                               .appendChild(submitForm(Ns::PubSubPublishOptions, options)));
    return iqOf(u"set", pubsub);
}

Element configureIq(const QString &node, const QList<PubSubExtension::Option> &options)
{
    Element configure(u"configure"_s);
    configure.setAttribute(u"node"_s, node);
    configure.appendChild(submitForm(Ns::PubSubNodeConfig, options));
    return iqOf(u"set", Element(u"pubsub"_s, Ns::PubSubOwner.toString()).appendChild(configure));
}

/// XEP-0060 section 7.1.5: a node configured otherwise than the publish-options
/// say is refused with <conflict/> and the pubsub condition
/// <precondition-not-met/>. The iq tracker reports the stanza condition only; a
/// publish has no other reason for a conflict.
bool isPreconditionNotMet(const Core::Error &error)
{
    return error.code == Core::Error::Code::Stanza &&
           (error.detail.endsWith(u": conflict") || error.detail.contains(u"precondition-not-met"));
}

bool isItemNotFound(const Core::Error &error)
{
    return error.code == Core::Error::Code::Stanza && error.detail.endsWith(u": item-not-found");
}

void finish(const VoidPromise &promise, const Core::Result<void> &result)
{
    promise->addResult(result);
    promise->finish();
}

Core::Result<void> toVoid(const Core::Result<Element> &result)
{
    if (!result)
        return std::unexpected(result.error());
    return {};
}

} // namespace

PubSubExtension::PubSubExtension(Client &client)
    : Extension(client)
{
}

QFuture<Core::Result<void>> PubSubExtension::publish(const QString &node, const QString &itemId,
                                                     const Element &payload,
                                                     const QList<Option> &options)
{
    auto promise = std::make_shared<QPromise<Core::Result<void>>>();
    promise->start();
    auto future = promise->future();
    client()
        .sendIq(publishIq(node, itemId, payload, options))
        .then(this, [this, promise, node, itemId, payload,
                     options](const Core::Result<Element> &result) {
            const auto maxItems =
                std::find_if(options.cbegin(), options.cend(),
                             [](const Option &o) { return o.var == u"max_items"; });
            if (!result && maxItems != options.cend() &&
                result.error().detail.contains(u"resource-constraint")) {
                // ejabberd 23.01 knows no max_items publish-option: publish
                // without it, then make room in the node for every item.
                qCInfo(lcPubSub) << "server refuses max_items as a publish-option; configuring"
                                 << node;
                QList<Option> rest = options;
                rest.removeIf([](const Option &o) { return o.var == u"max_items"; });
                client()
                    .sendIq(publishIq(node, itemId, payload, rest))
                    .then(this,
                          [this, promise, node, rest](const Core::Result<Element> &published) {
                              if (!published) {
                                  finish(promise, toVoid(published));
                                  return;
                              }
                              configure(node, rest + QList<Option>{{u"max_items"_s, u"256"_s}})
                                  .then(this, [promise](Core::Result<void> configured) {
                                      promise->addResult(configured);
                                      promise->finish();
                                  });
                          });
                return;
            }
            if (result || options.isEmpty() || !isPreconditionNotMet(result.error())) {
                if (!result)
                    qCInfo(lcPubSub) << "publish to" << node << "failed:" << result.error().detail;
                finish(promise, toVoid(result));
                return;
            }
            qCInfo(lcPubSub) << "node" << node << "configured otherwise; reconfiguring";
            client()
                .sendIq(configureIq(node, options))
                .then(this, [this, promise, node, itemId, payload,
                             options](const Core::Result<Element> &configured) {
                    if (!configured) {
                        qCInfo(lcPubSub)
                            << "configuring" << node << "failed:" << configured.error().detail;
                        finish(promise, toVoid(configured));
                        return;
                    }
                    client()
                        .sendIq(publishIq(node, itemId, payload, options))
                        .then(this, [promise](const Core::Result<Element> &republished) {
                            finish(promise, toVoid(republished));
                        });
                });
        });
    return future;
}

QFuture<Core::Result<void>> PubSubExtension::configure(const QString &node,
                                                       const QList<Option> &options)
{
    return client()
        .sendIq(configureIq(node, options))
        .then(this, [](const Core::Result<Element> &r) { return toVoid(r); });
}

QFuture<Core::Result<QList<PubSubExtension::Item>>>
PubSubExtension::items(const Core::Jid &jid, const QString &node, const QString &itemId)
{
    Element request(u"items"_s);
    request.setAttribute(u"node"_s, node);
    if (!itemId.isEmpty())
        request.appendChild(Element(u"item"_s).setAttribute(u"id"_s, itemId));
    Element iq = iqOf(u"get", Element(u"pubsub"_s, Ns::PubSub.toString()).appendChild(request));
    if (jid.isValid())
        iq.setAttribute(u"to"_s, jid.bare().toString());
    return client().sendIq(iq).then(
        this, [node](const Core::Result<Element> &result) -> Core::Result<QList<Item>> {
            if (!result) {
                if (isItemNotFound(result.error()))
                    return QList<Item>{};
                return std::unexpected(result.error());
            }
            QList<Item> out;
            const Element items =
                result->firstChild(u"pubsub", Ns::PubSub).firstChild(u"items", Ns::PubSub);
            if (!items.isNull() && items.attribute(u"node") != node)
                return Core::fail(Core::Error::Code::Stanza, u"items of another node"_s);
            for (const Element &item : items.childrenNamed(u"item", Ns::PubSub)) {
                const QList<Element> &children = item.children();
                out.append(
                    Item{item.attribute(u"id"), children.isEmpty() ? Element() : children.first()});
            }
            return out;
        });
}

QFuture<Core::Result<void>> PubSubExtension::retract(const QString &node, const QString &itemId)
{
    Element retract(u"retract"_s);
    retract.setAttribute(u"node"_s, node);
    retract.setAttribute(u"notify"_s, u"true"_s);
    retract.appendChild(Element(u"item"_s).setAttribute(u"id"_s, itemId));
    return client()
        .sendIq(iqOf(u"set", Element(u"pubsub"_s, Ns::PubSub.toString()).appendChild(retract)))
        .then(this, [](const Core::Result<Element> &result) { return toVoid(result); });
}

void PubSubExtension::addNotify(const QString &node)
{
    if (node.isEmpty() || m_notify.contains(node))
        return;
    m_notify.append(node);
    // The server learns our interests from the caps hash in presence; tell it
    // again when they change after the session's presence went out.
    if (auto *presence = client().extension<PresenceExtension>())
        presence->refreshPresence();
}

bool PubSubExtension::handleStanza(const Element &stanza)
{
    if (stanza.name() != u"message" || stanza.attribute(u"type") == u"error")
        return false;
    const Element event = stanza.firstChild(u"event", Ns::PubSubEvent);
    if (event.isNull())
        return false;
    // From here on the stanza is a pubsub notification, wanted or not.
    const Element items = event.firstChild(u"items", Ns::PubSubEvent);
    const QString node = items.attribute(u"node");
    if (items.isNull() || !m_notify.contains(node))
        return true;
    Core::Jid from(stanza.attribute(u"from"));
    if (!stanza.hasAttribute(u"from"))
        from = client().boundJid().isValid() ? client().boundJid() : client().config().jid;
    if (!from.isValid()) {
        qCInfo(lcPubSub) << "dropped an event from an invalid address";
        return true;
    }
    QList<Item> published;
    for (const Element &item : items.childrenNamed(u"item", Ns::PubSubEvent)) {
        const QList<Element> &children = item.children();
        published.append(
            Item{item.attribute(u"id"), children.isEmpty() ? Element() : children.first()});
    }
    if (!published.isEmpty()) // retractions only: nothing to report
        Q_EMIT itemsPublished(from.bare(), node, published);
    return true;
}

QStringList PubSubExtension::discoFeatures() const
{
    QStringList features;
    for (const QString &node : m_notify)
        features.append(node + u"+notify"_s);
    return features;
}

} // namespace Xmpp
