// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include "frontdesk/BatchProtocol.h"
#include "frontdesk/ServiceClient.h"

#include "core/Error.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

namespace Ui {

/// The front-desk view's link to the organisation's reminder service
/// (docs/frontdesk.md): which service (remembered per account), requests with
/// a timeout, and the last status the service sent (reminders, open replies,
/// consent registry), which the front-desk models show. Nothing here builds
/// stanzas: FrontDesk::ServiceClient carries the requests, OMEMO-encrypted.
///
/// The status comes in pages (newest batch first): refresh() asks for the
/// first (as many reminders as are shown, at least pageSize), loadMore() for
/// the next. Each status request also asks the service for <changed/> events
/// for a while; on one, the status is refreshed at once (the view's periodic
/// refresh is only the fallback).
class FrontDeskClient : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Ui::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /// The reminder service's address (bare JID).
    Q_PROPERTY(QString service READ service WRITE setService NOTIFY serviceChanged)
    /// Signed in and a service is set: requests can be made.
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// Why the last request failed (translated); empty otherwise.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    /// What the last action did (translated); empty otherwise.
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusTextChanged)
    /// When the shown status arrived; invalid before the first.
    Q_PROPERTY(QDateTime refreshedAt READ refreshedAt NOTIFY statusArrived)
    /// The service holds reminders after the ones shown (loadMore()).
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY pageChanged)
    /// A further page is on its way.
    Q_PROPERTY(bool loadingMore READ isLoadingMore NOTIFY pageChanged)
public:
    using Done = std::function<void(const Core::Result<FrontDesk::Protocol::Answer> &)>;

    explicit FrontDeskClient(QObject *parent = nullptr);
    ~FrontDeskClient() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    /// Without a Session (tests, tools): the signed-in account to use.
    void setAccount(Account::Account *account);
    Account::Account *account() const { return m_account; }

    QString service() const { return m_service; }
    void setService(const QString &service);
    bool isReady() const { return m_client != nullptr; }
    bool isBusy() const { return m_pending > 0; }
    QString errorText() const { return m_errorText; }
    QString statusText() const { return m_statusText; }
    QDateTime refreshedAt() const { return m_refreshedAt; }
    /// The account's own domain (gateway numbers are +N@sms.<domain>).
    QString ownDomain() const;
    /// The signed-in user's bare JID.
    QString ownJid() const;

    /// Sends a request; `done` runs once, with the answer, the send's error or
    /// a timeout (Network, "frontdesk-no-answer").
    void request(const FrontDesk::Protocol::Request &request, Done done);
    void setTimeout(int ms) { m_timeoutMs = ms; }

    /// The last status the service sent.
    const FrontDesk::Protocol::Status &status() const { return m_status; }
    /// Shows a status (refresh() does this with the service's answer); a
    /// further page (page->after set) is appended when it continues the
    /// reminders shown, and dropped otherwise.
    void setStatus(const FrontDesk::Protocol::Status &status);

    /// Reminders asked for per page.
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    bool hasMore() const { return m_status.page && !m_status.page->complete; }
    bool isLoadingMore() const { return m_loadingMore; }
    /// Reminders of the whole set, shown or not.
    int reminderTotal() const;

    Q_INVOKABLE void refresh();
    /// Asks for the next page of reminders (nothing while one is on its way).
    Q_INVOKABLE void loadMore();
    /// Records (grant) or revokes a patient's consent on "xmpp" or "sms".
    Q_INVOKABLE void recordConsent(const QString &patient, const QString &channel);
    Q_INVOKABLE void revokeConsent(const QString &patient, const QString &channel);
    /// A queued reply was handled by the signed-in user.
    Q_INVOKABLE void markReplyHandled(qint64 reply);

    void setErrorText(const QString &text);
    void setStatusText(const QString &text);

Q_SIGNALS:
    void sessionChanged();
    void serviceChanged();
    void readyChanged();
    void busyChanged();
    void errorTextChanged();
    void statusTextChanged();
    /// A new status arrived (status()).
    void statusArrived();
    /// A further page added `count` reminders at `first` to status().reminders.
    void remindersAppended(int first, int count);
    void pageChanged();

private:
    void followAccount();
    void rebuild();
    void setPending(int pending);
    void consentRequest(const QString &patient, const QString &channel, bool grant);
    QString settingsKey() const;
    void onChanged();
    void refreshDone();

    QPointer<Session> m_session;
    Account::Account *m_account = nullptr;
    QString m_service;
    std::unique_ptr<FrontDesk::ServiceClient> m_client;
    FrontDesk::Protocol::Status m_status;
    QDateTime m_refreshedAt;
    int m_pending = 0;
    int m_timeoutMs = 30000;
    int m_pageSize = 200;
    int m_refreshing = 0;        ///< first-page requests on their way
    bool m_refreshAgain = false; ///< a change was announced while one was on its way
    bool m_loadingMore = false;
    quint64 m_generation = 0; ///< answers of an earlier account or service are dropped
    QString m_errorText;
    QString m_statusText;
};

} // namespace Ui
