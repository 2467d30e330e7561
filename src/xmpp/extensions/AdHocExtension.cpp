// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/AdHocExtension.h"

#include "xmpp/Namespaces.h"

#include <QLoggingCategory>
#include <QPromise>

#include <memory>

Q_LOGGING_CATEGORY(lcAdHoc, "rounds.xmpp.adhoc", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Xmpp {

using Core::Error;

AdHocExtension::AdHocExtension(Client &client)
    : Extension(client)
{
}

bool AdHocExtension::handleStanza(const Element &stanza)
{
    Q_UNUSED(stanza);
    return false; // this client runs commands; it offers none
}

Core::Error AdHocExtension::commandError(const Core::Error &iqError)
{
    if (iqError.code != Error::Code::Stanza || !iqError.detail.startsWith(u"iq error: "))
        return iqError;
    const QString condition = iqError.detail.mid(10).trimmed();
    if (condition == u"forbidden" || condition == u"not-authorized")
        return Error{Error::Code::Auth, u"admin-forbidden"_s};
    if (condition == u"item-not-found" || condition == u"bad-request" ||
        condition == u"not-allowed" || condition == u"feature-not-implemented" ||
        condition == u"service-unavailable")
        return Error{Error::Code::Stanza, u"adhoc-"_s + condition};
    return iqError;
}

Core::Result<AdHocExtension::Response> AdHocExtension::parseResponse(const Element &iq)
{
    const Element command = iq.firstChild(u"command", Ns::Commands);
    if (command.isNull())
        return Core::fail(Error::Code::Stanza, u"adhoc: result without command"_s);
    Response out;
    out.node = command.attribute(u"node");
    out.sessionId = command.attribute(u"sessionid");
    const QString status = command.attribute(u"status");
    if (status == u"executing")
        out.status = Response::Status::Executing;
    else if (status == u"canceled")
        out.status = Response::Status::Canceled;
    else if (status == u"completed" || status.isEmpty())
        out.status = Response::Status::Completed;
    else
        return Core::fail(Error::Code::Stanza, u"adhoc: unknown status"_s);
    for (const Element &note : command.childrenNamed(u"note", Ns::Commands))
        out.notes.append(
            {note.attribute(u"type").isEmpty() ? u"info"_s : note.attribute(u"type"), note.text()});
    const Element x = command.firstChild(u"x", Ns::DataForms);
    if (!x.isNull()) {
        auto form = DataForm::fromElement(x);
        if (!form)
            return std::unexpected(form.error());
        out.form = *form;
    }
    return out;
}

QFuture<Core::Result<QList<AdHocExtension::Command>>> AdHocExtension::commands(const Core::Jid &to)
{
    Element iq(u"iq"_s, Ns::Client.toString());
    iq.setAttribute(u"type"_s, u"get"_s);
    iq.setAttribute(u"to"_s, to.toString());
    Element query(u"query"_s, Ns::DiscoItems.toString());
    query.setAttribute(u"node"_s, Ns::Commands.toString());
    iq.appendChild(query);
    return client().sendIq(iq).then(
        this, [](const Core::Result<Element> &result) -> Core::Result<QList<Command>> {
            if (!result)
                return std::unexpected(commandError(result.error()));
            QList<Command> out;
            const Element items = result->firstChild(u"query", Ns::DiscoItems);
            for (const Element &item : items.childrenNamed(u"item", Ns::DiscoItems))
                out.append({Core::Jid(item.attribute(u"jid")), item.attribute(u"node"),
                            item.attribute(u"name")});
            return out;
        });
}

QFuture<Core::Result<AdHocExtension::Response>>
AdHocExtension::execute(const Core::Jid &to, const QString &node,
                        const std::optional<DataForm> &form, const QString &sessionId)
{
    Element iq(u"iq"_s, Ns::Client.toString());
    iq.setAttribute(u"type"_s, u"set"_s);
    iq.setAttribute(u"to"_s, to.toString());
    Element command(u"command"_s, Ns::Commands.toString());
    command.setAttribute(u"node"_s, node);
    command.setAttribute(u"action"_s, u"execute"_s);
    if (!sessionId.isEmpty())
        command.setAttribute(u"sessionid"_s, sessionId);
    if (form)
        command.appendChild(form->toElement());
    iq.appendChild(command);
    return client().sendIq(iq).then(
        this, [node](const Core::Result<Element> &result) -> Core::Result<Response> {
            if (!result) {
                const Error error = commandError(result.error());
                qCInfo(lcAdHoc) << "command" << node << "refused:" << error.detail;
                return std::unexpected(error);
            }
            auto response = parseResponse(*result);
            if (!response)
                return response;
            for (const Note &note : std::as_const(response->notes))
                if (note.type == u"error" && response->status == Response::Status::Completed)
                    return Core::fail(Error::Code::Stanza, u"adhoc-note-error"_s);
            return response;
        });
}

QFuture<Core::Result<AdHocExtension::Response>>
AdHocExtension::run(const Core::Jid &to, const QString &node, const Values &values)
{
    auto promise = std::make_shared<QPromise<Core::Result<Response>>>();
    promise->start();
    auto future = promise->future();
    const auto finish = [promise](const Core::Result<Response> &result) {
        promise->addResult(result);
        promise->finish();
    };
    execute(to, node).then(
        this, [this, to, node, values, finish](const Core::Result<Response> &first) {
            if (!first || first->status != Response::Status::Executing) {
                finish(first);
                return;
            }
            DataForm submit =
                first->form ? first->form->submission() : DataForm(DataForm::Type::Submit);
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                const DataForm::Field *asked = first->form ? first->form->field(it.key()) : nullptr;
                submit.setValues(it.key(), it.value(), asked ? asked->type : QString());
            }
            execute(to, node, submit, first->sessionId)
                .then(this, [finish](const Core::Result<Response> &second) {
                    if (second && second->status == Response::Status::Executing)
                        finish(Core::fail(Error::Code::Stanza, u"adhoc: command asks for more"_s));
                    else
                        finish(second);
                });
        });
    return future;
}

} // namespace Xmpp
