// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/extensions/MamExtension.h"

#include "xmpp/Namespaces.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMam, "rounds.xmpp.mam", QtInfoMsg)

namespace Xmpp {

namespace {

Element formField(const QString &var, const QString &value, const QString &type = {})
{
    Element field(QStringLiteral("field"));
    field.setAttribute(QStringLiteral("var"), var);
    if (!type.isEmpty())
        field.setAttribute(QStringLiteral("type"), type);
    field.appendChild(Element(QStringLiteral("value")).setText(value));
    return field;
}

} // namespace

MamExtension::MamExtension(Client &client)
    : Extension(client)
{
}

QFuture<Core::Result<MamPage>> MamExtension::queryPage(const MamQuery &query)
{
    if (query.beforeId && !query.afterId.isEmpty())
        return QtFuture::makeReadyFuture(Core::Result<MamPage>(Core::fail(
            Core::Error::Code::Stanza, QStringLiteral("MAM query with both after and before"))));
    if (query.max < 0)
        return QtFuture::makeReadyFuture(Core::Result<MamPage>(
            Core::fail(Core::Error::Code::Stanza, QStringLiteral("MAM query with negative max"))));

    const QString queryId = Client::newId();
    Element iq(QStringLiteral("iq"), Ns::Client.toString());
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("set"));
    if (query.archive.isValid())
        iq.setAttribute(QStringLiteral("to"), query.archive.toString());
    iq.appendChild(buildQuery(query, queryId));

    m_pending.insert(queryId, Pending{query.archive.isValid() ? query.archive : Core::Jid(), {}});
    return client().sendIq(iq).then(
        this, [this, queryId](const Core::Result<Element> &result) -> Core::Result<MamPage> {
            QList<ArchivedMessage> messages = m_pending.take(queryId).messages;
            if (!result)
                return std::unexpected(result.error());
            return finishPage(*result, std::move(messages));
        });
}

Element MamExtension::buildQuery(const MamQuery &query, const QString &queryId)
{
    Element form(QStringLiteral("x"), Ns::DataForms.toString());
    form.setAttribute(QStringLiteral("type"), QStringLiteral("submit"));
    form.appendChild(
        formField(QStringLiteral("FORM_TYPE"), Ns::Mam.toString(), QStringLiteral("hidden")));
    if (query.with)
        form.appendChild(formField(QStringLiteral("with"), query.with->toString()));
    if (query.start)
        form.appendChild(formField(QStringLiteral("start"), formatDateTime(*query.start)));
    if (query.end)
        form.appendChild(formField(QStringLiteral("end"), formatDateTime(*query.end)));

    Element set(QStringLiteral("set"), Ns::Rsm.toString());
    set.appendChild(Element(QStringLiteral("max")).setText(QString::number(query.max)));
    if (query.beforeId)
        set.appendChild(Element(QStringLiteral("before")).setText(*query.beforeId));
    else if (!query.afterId.isEmpty())
        set.appendChild(Element(QStringLiteral("after")).setText(query.afterId));

    Element element(QStringLiteral("query"), Ns::Mam.toString());
    element.setAttribute(QStringLiteral("queryid"), queryId);
    element.appendChild(form);
    element.appendChild(set);
    return element;
}

MamPage MamExtension::finishPage(const Element &result, QList<ArchivedMessage> messages)
{
    MamPage page;
    page.messages = std::move(messages);
    const Element fin = result.firstChild(u"fin", Ns::Mam);
    const QString complete = fin.attribute(u"complete");
    page.complete = complete == u"true" || complete == u"1";
    const Element set = fin.firstChild(u"set", Ns::Rsm);
    page.firstId = set.childText(u"first", Ns::Rsm);
    page.lastId = set.childText(u"last", Ns::Rsm);
    bool ok = false;
    if (const int count = set.childText(u"count", Ns::Rsm).toInt(&ok); ok && count >= 0)
        page.count = count;
    return page;
}

bool MamExtension::handleStanza(const Element &stanza)
{
    if (stanza.name() != u"message")
        return false;
    const Element result = stanza.firstChild(u"result", Ns::Mam);
    if (result.isNull())
        return false;
    // From here on the stanza is an archive result: never a live message.
    const auto it = m_pending.find(result.attribute(u"queryid"));
    if (it == m_pending.end()) {
        qCInfo(lcMam) << "dropped an archive result for no running query";
        return true;
    }
    const Core::Jid own = ownBareJid();
    const Core::Jid expected = it->archive.isValid() ? it->archive : own;
    const bool fromAbsent = !stanza.hasAttribute(u"from");
    if (fromAbsent ? expected != own : Core::Jid(stanza.attribute(u"from")) != expected) {
        qCWarning(lcMam) << "dropped an archive result not sent by the archive";
        return true;
    }
    const QString archiveId = result.attribute(u"id");
    auto forwarded = parseForwarded(result.firstChild(u"forwarded", Ns::Forward));
    if (archiveId.isEmpty() || !forwarded) {
        qCInfo(lcMam) << "dropped a malformed archive result";
        return true;
    }
    const QDateTime stamp =
        forwarded->stamp.isValid() ? forwarded->stamp : forwarded->message.delayed;
    it->messages.append(ArchivedMessage{archiveId, stamp, std::move(forwarded->message)});
    return true;
}

QStringList MamExtension::discoFeatures() const
{
    return {Ns::Mam.toString()};
}

Core::Jid MamExtension::ownBareJid() const
{
    return client().boundJid().isValid() ? client().boundJid().bare()
                                         : client().config().jid.bare();
}

} // namespace Xmpp
