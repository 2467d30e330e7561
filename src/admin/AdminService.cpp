// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/AdminService.h"

#include "xmpp/Client.h"
#include "xmpp/Message.h"

#include <QJsonDocument>
#include <QPromise>

#include <QLoggingCategory>
#include <functional>
#include <memory>

Q_LOGGING_CATEGORY(lcAdmin, "rounds.admin", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Admin {

using Core::Error;
using Response = Xmpp::AdHocExtension::Response;
using Values = Xmpp::AdHocExtension::Values;

namespace {

bool truthy(const QString &value)
{
    return value == u"1" || value == u"true";
}

QDateTime timeOf(const QString &text)
{
    return text.isEmpty() ? QDateTime() : Xmpp::parseDateTime(text);
}

QString node(QStringView command)
{
    return AdminService::NodePrefix.toString() + command;
}

Core::Result<const Xmpp::DataForm *> resultForm(const Response &response)
{
    if (!response.form)
        return Core::fail(Error::Code::Stanza, u"adhoc: result without form"_s);
    return &*response.form;
}

} // namespace

AdminService::AdminService(Xmpp::Client &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_adhoc = client.extension<Xmpp::AdHocExtension>();
    if (!m_adhoc)
        m_adhoc = &client.addExtension<Xmpp::AdHocExtension>();
}

Core::Jid AdminService::domain() const
{
    return Core::Jid(m_client.config().jid.domain());
}

QFuture<Core::Result<bool>> AdminService::isAdmin()
{
    return m_adhoc->commands(domain()).then(
        this,
        [](Core::Result<QList<Xmpp::AdHocExtension::Command>> commands) -> Core::Result<bool> {
            if (!commands) {
                if (commands.error().detail == u"admin-forbidden")
                    return false;
                return std::unexpected(commands.error());
            }
            for (const auto &command : std::as_const(*commands))
                if (command.node.startsWith(NodePrefix))
                    return true;
            return false;
        });
}

QFuture<Core::Result<Response>> AdminService::run(const QString &commandNode, const Values &values)
{
    qCInfo(lcAdmin) << "running" << commandNode;
    return m_adhoc->run(domain(), commandNode, values);
}

QFuture<Core::Result<void>> AdminService::runVoid(const QString &commandNode, const Values &values)
{
    return run(commandNode, values).then(this, [](Core::Result<Response> r) -> Core::Result<void> {
        if (!r)
            return std::unexpected(r.error());
        return {};
    });
}

Core::Result<QList<UserRow>> AdminService::usersFrom(const Response &response)
{
    auto form = resultForm(response);
    if (!form)
        return std::unexpected(form.error());
    QList<UserRow> out;
    for (const auto &row : (*form)->items()) {
        UserRow u;
        u.jid = Xmpp::DataForm::cell(row, u"jid");
        u.devices = Xmpp::DataForm::cell(row, u"devices").toInt();
        u.totp = truthy(Xmpp::DataForm::cell(row, u"totp"));
        u.disabled = truthy(Xmpp::DataForm::cell(row, u"disabled"));
        u.online = truthy(Xmpp::DataForm::cell(row, u"online"));
        out.append(u);
    }
    return out;
}

Core::Result<QList<DeviceRow>> AdminService::devicesFrom(const Response &response)
{
    auto form = resultForm(response);
    if (!form)
        return std::unexpected(form.error());
    QList<DeviceRow> out;
    for (const auto &row : (*form)->items()) {
        const auto cell = [&row](QStringView var) { return Xmpp::DataForm::cell(row, var); };
        DeviceRow d;
        d.userAgentId = cell(u"user-agent-id");
        d.software = cell(u"software");
        d.device = cell(u"device");
        d.firstSeen = timeOf(cell(u"first-seen"));
        d.lastSeen = timeOf(cell(u"last-seen"));
        d.token = cell(u"token");
        d.omemoDevices = cell(u"omemo-devices").split(u' ', Qt::SkipEmptyParts);
        d.state = cell(u"state");
        d.online = truthy(cell(u"online"));
        d.wipeId = cell(u"wipe-id");
        d.wipedAt = timeOf(cell(u"wiped-at"));
        out.append(d);
    }
    return out;
}

Core::Result<QList<AuditRow>> AdminService::auditFrom(const Response &response)
{
    auto form = resultForm(response);
    if (!form)
        return std::unexpected(form.error());
    QList<AuditRow> out;
    for (const QString &line : (*form)->values(u"entries")) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return Core::fail(Error::Code::Stanza, u"audit: entry is not a JSON object"_s);
        const QJsonObject o = doc.object();
        AuditRow r;
        r.seq = o.value(u"seq").toInteger();
        r.time = timeOf(o.value(u"ts").toString());
        r.event = o.value(u"event").toString();
        r.actor = o.value(u"actor").toString();
        r.account = o.value(u"account").toString();
        r.userAgentId = o.value(u"user_agent_id").toString();
        r.detail = o.value(u"detail").toString();
        r.prev = o.value(u"prev").toString();
        r.hash = o.value(u"hash").toString();
        r.json = o;
        out.append(r);
    }
    return out;
}

QFuture<Core::Result<QList<UserRow>>> AdminService::listUsers()
{
    return run(node(u"list-users"), {}).then(this, [](Core::Result<Response> r) {
        return r ? usersFrom(*r) : Core::Result<QList<UserRow>>(std::unexpected(r.error()));
    });
}

QFuture<Core::Result<QList<DeviceRow>>> AdminService::listDevices(const Core::Jid &account)
{
    return run(node(u"list-devices"), {{u"accountjid"_s, {account.bareString()}}})
        .then(this, [](Core::Result<Response> r) {
            return r ? devicesFrom(*r) : Core::Result<QList<DeviceRow>>(std::unexpected(r.error()));
        });
}

QFuture<Core::Result<void>> AdminService::revokeDevice(const Core::Jid &account,
                                                       const QString &userAgentId)
{
    return runVoid(node(u"revoke-device"), {{u"accountjid"_s, {account.bareString()}},
                                            {u"user-agent-id"_s, {userAgentId}}});
}

QFuture<Core::Result<QString>> AdminService::wipeDevice(const Core::Jid &account,
                                                        const QString &userAgentId)
{
    return run(node(u"wipe-device"),
               {{u"accountjid"_s, {account.bareString()}}, {u"user-agent-id"_s, {userAgentId}}})
        .then(this, [](Core::Result<Response> r) -> Core::Result<QString> {
            if (!r)
                return std::unexpected(r.error());
            return r->form ? r->form->value(u"wipe-id") : QString();
        });
}

QFuture<Core::Result<void>> AdminService::resetMfa(const Core::Jid &account)
{
    return runVoid(u"https://rounds.invalid/ns/auth#reset-totp"_s,
                   {{u"accountjid"_s, {account.bareString()}}});
}

QFuture<Core::Result<void>> AdminService::disableAccount(const Core::Jid &account)
{
    return runVoid(node(u"disable-account"), {{u"accountjid"_s, {account.bareString()}}});
}

QFuture<Core::Result<void>> AdminService::enableAccount(const Core::Jid &account)
{
    return runVoid(node(u"enable-account"), {{u"accountjid"_s, {account.bareString()}}});
}

QFuture<Core::Result<QList<AuditRow>>> AdminService::exportAudit(const QDateTime &since,
                                                                 const QDateTime &until, int max)
{
    // One result stanza must stay well below the 256 KiB stanza limit, so the
    // archive comes in pages: each from the last page's time on (XEP-0082 has
    // seconds only), skipping the sequence numbers already seen.
    struct Paging
    {
        QDateTime since;
        QDateTime until;
        int max = 0;
        QList<AuditRow> rows;
        QPromise<Core::Result<QList<AuditRow>>> promise;
        std::function<void()> next;
    };
    auto paging = std::make_shared<Paging>();
    paging->since = since;
    paging->until = until;
    paging->max = max;
    paging->promise.start();
    auto future = paging->promise.future();
    const auto finish = [](const std::shared_ptr<Paging> &p,
                           const Core::Result<QList<AuditRow>> &result) {
        p->promise.addResult(result);
        p->promise.finish();
        p->next = nullptr; // breaks the cycle through the lambda
    };
    std::weak_ptr<Paging> weak = paging;
    paging->next = [this, weak, finish] {
        auto p = weak.lock();
        if (!p)
            return;
        Values values;
        if (p->since.isValid())
            values.insert(u"since"_s, {p->since.toUTC().toString(Qt::ISODate)});
        if (p->until.isValid())
            values.insert(u"until"_s, {p->until.toUTC().toString(Qt::ISODate)});
        values.insert(u"max"_s, {QString::number(AuditPageSize)});
        run(node(u"export-audit"), values).then(this, [p, finish](Core::Result<Response> r) {
            auto page =
                r ? auditFrom(*r) : Core::Result<QList<AuditRow>>(std::unexpected(r.error()));
            if (!page) {
                finish(p, std::unexpected(page.error()));
                return;
            }
            const qint64 lastSeq = p->rows.isEmpty() ? 0 : p->rows.last().seq;
            int added = 0;
            for (const AuditRow &row : std::as_const(*page)) {
                if (row.seq <= lastSeq)
                    continue;
                if (p->max > 0 && p->rows.size() >= p->max)
                    break;
                p->rows.append(row);
                ++added;
            }
            const bool full = page->size() >= AuditPageSize;
            if (!full || (p->max > 0 && p->rows.size() >= p->max)) {
                finish(p, p->rows);
                return;
            }
            if (added == 0 || !p->rows.last().time.isValid()) {
                // A whole page within one second: the time cannot move on.
                finish(p, Core::fail(Error::Code::Stanza, u"audit-export-incomplete"_s));
                return;
            }
            p->since = p->rows.last().time;
            p->next();
        });
    };
    paging->next();
    return future;
}

} // namespace Admin
