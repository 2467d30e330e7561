// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Element.h"

#include "core/Error.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>

#include <memory>

class QTimer;

namespace Xmpp {

/// Matches iq results and errors to the requests waiting for them (RFC 6120
/// section 8.2.3), with a per-request timeout.
class IqTracker : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~IqTracker() override;

    /// Registers a request by id; 0 ms means no timeout of its own.
    QFuture<Core::Result<Element>> track(const QString &id, int timeoutMs);
    /// Hands a result or error iq to its waiter; false when nobody waits for it.
    bool resolve(const Element &iq);
    /// Ends every waiting request with `error` (the connection went away).
    void failAll(const Core::Error &error);

private:
    struct Pending
    {
        std::shared_ptr<QPromise<Core::Result<Element>>> promise;
        QTimer *timer = nullptr;
    };
    void finish(const QString &id, const Core::Result<Element> &result);

    QHash<QString, Pending> m_pending;
};

} // namespace Xmpp
