// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/HttpUploadExtension.h"

#include "xmpp/Namespaces.h"

#include <QLoggingCategory>
#include <QPromise>

#include <memory>

Q_LOGGING_CATEGORY(lcUpload, "rounds.xmpp.upload", QtInfoMsg)

namespace Xmpp {

using Core::Error;

namespace {

constexpr QStringView DiscoItems = u"http://jabber.org/protocol/disco#items";

template<typename T>
QFuture<Core::Result<T>> ready(Core::Result<T> value)
{
    QPromise<Core::Result<T>> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

Element discoQuery(const QString &to, QStringView xmlns)
{
    Element iq(QStringLiteral("iq"), Ns::Client.toString());
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
    iq.setAttribute(QStringLiteral("to"), to);
    iq.appendChild(Element(QStringLiteral("query"), xmlns.toString()));
    return iq;
}

/// The service described by a disco#info result, if it is an upload service.
std::optional<HttpUploadExtension::Service> serviceFrom(const QString &jid, const Element &result)
{
    const Element query = result.firstChild(u"query", Ns::DiscoInfo);
    bool upload = false;
    for (const Element &f : query.childrenNamed(u"feature"))
        upload = upload || f.attribute(u"var") == HttpUploadExtension::Ns;
    if (!upload)
        return std::nullopt;
    HttpUploadExtension::Service service{Core::Jid(jid), 0};
    // ejabberd sends one form per namespace version: read ours.
    for (const Element &form : query.childrenNamed(u"x", Ns::DataForms)) {
        QString formType;
        qint64 max = 0;
        for (const Element &field : form.childrenNamed(u"field")) {
            const QString value = field.childText(u"value");
            if (field.attribute(u"var") == u"FORM_TYPE")
                formType = value;
            else if (field.attribute(u"var") == u"max-file-size")
                max = value.toLongLong();
        }
        if (formType == HttpUploadExtension::Ns && max > 0)
            service.maxFileSize = max;
    }
    return service;
}

bool isHttps(const QUrl &url)
{
    return url.isValid() && url.scheme() == u"https" && !url.host().isEmpty();
}

} // namespace

HttpUploadExtension::HttpUploadExtension(Client &client)
    : Extension(client)
{
}

bool HttpUploadExtension::handleStanza(const Element &)
{
    return false;
}

void HttpUploadExtension::onSessionStarted(bool resumed)
{
    if (!resumed) {
        m_service.reset();
        m_discovering.reset();
    }
}

QFuture<Core::Result<HttpUploadExtension::Service>> HttpUploadExtension::service()
{
    if (m_service)
        return ready<Service>(*m_service);
    if (m_discovering && !m_discovering->isFinished())
        return *m_discovering;
    m_discovering = discover();
    return *m_discovering;
}

QFuture<Core::Result<HttpUploadExtension::Service>> HttpUploadExtension::discover()
{
    struct Search
    {
        QPromise<Core::Result<Service>> promise;
        QStringList items;
        QList<std::optional<Service>> found;
        int remaining = 0;
    };
    auto search = std::make_shared<Search>();
    search->promise.start();
    auto future = search->promise.future();
    const auto finish = [this, search](Core::Result<Service> result) {
        if (result)
            m_service = *result;
        search->promise.addResult(std::move(result));
        search->promise.finish();
    };
    const QString domain = client().config().transport.domain.isEmpty()
                               ? client().config().jid.domain()
                               : client().config().transport.domain;
    client()
        .sendIq(discoQuery(domain, DiscoItems))
        .then(this, [this, search, finish](const Core::Result<Element> &items) {
            if (!items) {
                finish(std::unexpected(items.error()));
                return;
            }
            for (const Element &item :
                 items->firstChild(u"query", DiscoItems).childrenNamed(u"item"))
                if (item.attribute(u"node").isNull() && !item.attribute(u"jid").isEmpty())
                    search->items.append(item.attribute(u"jid"));
            if (search->items.isEmpty()) {
                finish(Core::fail(Error::Code::Policy, QStringLiteral("upload-unavailable")));
                return;
            }
            search->found.resize(search->items.size());
            search->remaining = int(search->items.size());
            for (qsizetype i = 0; i < search->items.size(); ++i) {
                const QString jid = search->items[i];
                client()
                    .sendIq(discoQuery(jid, Ns::DiscoInfo))
                    .then(this, [search, finish, i, jid](const Core::Result<Element> &info) {
                        if (info)
                            search->found[i] = serviceFrom(jid, *info);
                        if (--search->remaining > 0)
                            return;
                        // The first upload service in the server's order.
                        for (const auto &s : std::as_const(search->found))
                            if (s) {
                                qCInfo(lcUpload) << "upload service" << s->jid.toString() << "max"
                                                 << s->maxFileSize;
                                finish(*s);
                                return;
                            }
                        finish(
                            Core::fail(Error::Code::Policy, QStringLiteral("upload-unavailable")));
                    });
            }
        });
    return future;
}

Core::Result<HttpUploadExtension::Slot> HttpUploadExtension::parseSlot(const Element &slotElement)
{
    const Element put = slotElement.firstChild(u"put", Ns);
    const Element get = slotElement.firstChild(u"get", Ns);
    Slot slot;
    slot.putUrl = QUrl(put.attribute(u"url"), QUrl::StrictMode);
    slot.getUrl = QUrl(get.attribute(u"url"), QUrl::StrictMode);
    if (!slotElement.is(u"slot", Ns) || !isHttps(slot.putUrl) || !isHttps(slot.getUrl))
        return Core::fail(Error::Code::Stanza, QStringLiteral("upload-bad-slot"));
    for (const Element &header : put.childrenNamed(u"header")) {
        const QString name = header.attribute(u"name");
        // XEP-0363 section 5: only these may be passed on; line breaks are removed.
        const bool allowed = name.compare(u"Authorization", Qt::CaseInsensitive) == 0 ||
                             name.compare(u"Cookie", Qt::CaseInsensitive) == 0 ||
                             name.compare(u"Expires", Qt::CaseInsensitive) == 0;
        if (!allowed)
            continue;
        QString value = header.text();
        value.remove(u'\r');
        value.remove(u'\n');
        slot.putHeaders.append({name, value});
    }
    return slot;
}

QFuture<Core::Result<HttpUploadExtension::Slot>>
HttpUploadExtension::requestSlot(const QString &fileName, qint64 size, const QString &contentType)
{
    auto promise = std::make_shared<QPromise<Core::Result<Slot>>>();
    promise->start();
    auto future = promise->future();
    service().then(
        this, [this, promise, fileName, size, contentType](const Core::Result<Service> &found) {
            const auto finish = [promise](Core::Result<Slot> result) {
                promise->addResult(std::move(result));
                promise->finish();
            };
            if (!found) {
                finish(std::unexpected(found.error()));
                return;
            }
            if (found->maxFileSize > 0 && size > found->maxFileSize) {
                finish(Core::fail(Error::Code::Policy, QStringLiteral("upload-too-large")));
                return;
            }
            Element iq(QStringLiteral("iq"), Ns::Client.toString());
            iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
            iq.setAttribute(QStringLiteral("to"), found->jid.toString());
            Element request(QStringLiteral("request"), Ns.toString());
            request.setAttribute(QStringLiteral("filename"), fileName);
            request.setAttribute(QStringLiteral("size"), QString::number(size));
            if (!contentType.isEmpty())
                request.setAttribute(QStringLiteral("content-type"), contentType);
            iq.appendChild(request);
            client().sendIq(iq).then(this, [finish](const Core::Result<Element> &answer) {
                if (!answer) {
                    const QString detail = answer.error().detail;
                    if (answer.error().code != Error::Code::Stanza) {
                        finish(std::unexpected(answer.error()));
                        return;
                    }
                    QString condition = detail;
                    condition.remove(QStringLiteral("iq error: "));
                    finish(Core::fail(Error::Code::Stanza,
                                      QStringLiteral("upload-refused: ") + condition));
                    return;
                }
                finish(parseSlot(answer->firstChild(u"slot", Ns)));
            });
        });
    return future;
}

} // namespace Xmpp
