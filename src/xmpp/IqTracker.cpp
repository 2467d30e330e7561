// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmpp/IqTracker.h"

#include "xmpp/Namespaces.h"

#include <QTimer>

namespace Xmpp {

IqTracker::~IqTracker()
{
    failAll(Core::Error{Core::Error::Code::Cancelled, QStringLiteral("client destroyed")});
}

QFuture<Core::Result<Element>> IqTracker::track(const QString &id, int timeoutMs)
{
    Pending pending;
    pending.promise = std::make_shared<QPromise<Core::Result<Element>>>();
    pending.promise->start();
    if (timeoutMs > 0) {
        pending.timer = new QTimer(this);
        pending.timer->setSingleShot(true);
        connect(pending.timer, &QTimer::timeout, this, [this, id] {
            finish(id, Core::fail(Core::Error::Code::Timeout, QStringLiteral("no answer to iq")));
        });
        pending.timer->start(timeoutMs);
    }
    auto future = pending.promise->future();
    m_pending.insert(id, std::move(pending));
    return future;
}

bool IqTracker::resolve(const Element &iq)
{
    const QString id = iq.attribute(u"id");
    if (!m_pending.contains(id))
        return false;
    if (iq.attribute(u"type") == u"result") {
        finish(id, iq);
        return true;
    }
    QString condition;
    const Element error = iq.firstChild(u"error");
    for (const Element &child : error.children())
        if (child.xmlns() == Ns::Stanzas) {
            condition = child.name();
            break;
        }
    finish(id, Core::fail(Core::Error::Code::Stanza, QStringLiteral("iq error: ") + condition));
    return true;
}

void IqTracker::finish(const QString &id, const Core::Result<Element> &result)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending pending = it.value();
    m_pending.erase(it);
    if (pending.timer)
        pending.timer->deleteLater();
    pending.promise->addResult(result);
    pending.promise->finish();
}

void IqTracker::failAll(const Core::Error &error)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        if (p.timer)
            p.timer->deleteLater();
        p.promise->addResult(Core::Result<Element>(std::unexpected(error)));
        p.promise->finish();
    }
}

} // namespace Xmpp
