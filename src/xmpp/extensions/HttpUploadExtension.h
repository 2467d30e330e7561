// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xmpp/Client.h"

#include "core/Error.h"
#include "core/Jid.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QUrl>

#include <optional>
#include <utility>

namespace Xmpp {

/// XEP-0363 HTTP File Upload: finds the server's upload service (disco#items
/// of the domain, then disco#info of each item) with its size limit, and asks
/// it for slots. Only https slot URLs are accepted; of the PUT headers only
/// those the XEP allows (Authorization, Cookie, Expires) are kept.
class HttpUploadExtension : public QObject, public Extension
{
    Q_OBJECT
public:
    static constexpr QStringView Ns = u"urn:xmpp:http:upload:0";

    struct Service
    {
        Core::Jid jid;
        qint64 maxFileSize = 0; ///< 0 when the service names no limit
        bool operator==(const Service &) const = default;
    };

    struct Slot
    {
        QUrl putUrl;
        QUrl getUrl;
        QList<std::pair<QString, QString>> putHeaders;
    };

    explicit HttpUploadExtension(Client &client);

    /// The upload service of our server, asked once per session. Fails with
    /// Code::Policy "upload-unavailable" when the server has none.
    QFuture<Core::Result<Service>> service();

    /// A slot for a file of `size` bytes. `fileName` is what the server sees
    /// (and usually puts into the URL): callers pass a random name, never the
    /// user's. Code::Policy "upload-too-large" when `size` is above the
    /// service's limit (checked before asking), Code::Stanza "upload-refused:
    /// <condition>" when the service says no, "upload-bad-slot" for a slot
    /// without https URLs.
    QFuture<Core::Result<Slot>> requestSlot(const QString &fileName, qint64 size,
                                            const QString &contentType);

    /// Parses a <slot/> element (exposed for tests).
    static Core::Result<Slot> parseSlot(const Element &slot);

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;

private:
    QFuture<Core::Result<Service>> discover();

    std::optional<Service> m_service;
    std::optional<QFuture<Core::Result<Service>>> m_discovering;
};

} // namespace Xmpp
