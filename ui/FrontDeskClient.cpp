// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrontDeskClient.h"

#include "account/Account.h"
#include "frontdesk/StatusPaging.h"

#include "core/ErrorText.h"
#include "core/Jid.h"

#include <QSet>
#include <QSettings>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace FrontDesk;

namespace Ui {

FrontDeskClient::FrontDeskClient(QObject *parent)
    : QObject(parent)
{
}

FrontDeskClient::~FrontDeskClient() = default;

void FrontDeskClient::setSession(Session *session)
{
    if (followSession(this, m_session, session, &FrontDeskClient::followAccount))
        Q_EMIT sessionChanged();
}

void FrontDeskClient::followAccount()
{
    setAccount(m_session ? m_session->account() : nullptr);
}

void FrontDeskClient::setAccount(Account::Account *account)
{
    if (account == m_account && m_client)
        return;
    m_account = account;
    // The service last used with this account, unless one was chosen already.
    if (m_account && m_service.isEmpty()) {
        const QString saved = QSettings().value(settingsKey()).toString();
        if (!saved.isEmpty()) {
            m_service = saved;
            Q_EMIT serviceChanged();
        }
    }
    rebuild();
}

QString FrontDeskClient::settingsKey() const
{
    return u"frontdesk/service/"_s + ownJid();
}

QString FrontDeskClient::ownJid() const
{
    return m_account ? m_account->settings().jid.bareString() : QString();
}

QString FrontDeskClient::ownDomain() const
{
    return m_account ? m_account->settings().jid.domain() : QString();
}

void FrontDeskClient::setService(const QString &service)
{
    const Core::Jid jid(service.trimmed());
    const QString bare = jid.isValid() && !jid.local().isEmpty() ? jid.bareString() : QString();
    if (bare == m_service)
        return;
    m_service = bare;
    if (m_account && !m_service.isEmpty())
        QSettings().setValue(settingsKey(), m_service);
    Q_EMIT serviceChanged();
    rebuild();
}

void FrontDeskClient::rebuild()
{
    const bool wasReady = isReady();
    ++m_generation;
    m_client.reset();
    if (m_account && !m_service.isEmpty()) {
        m_client = std::make_unique<ServiceClient>(*m_account, Core::Jid(m_service));
        connect(m_client.get(), &ServiceClient::changed, this, &FrontDeskClient::onChanged);
    }
    m_refreshing = 0;
    m_refreshAgain = false;
    m_loadingMore = false;
    m_status = {};
    m_refreshedAt = {};
    setPending(0);
    setErrorText({});
    setStatusText({});
    Q_EMIT statusArrived();
    Q_EMIT pageChanged();
    if (wasReady != isReady())
        Q_EMIT readyChanged();
}

void FrontDeskClient::setPending(int pending)
{
    const bool wasBusy = isBusy();
    m_pending = qMax(0, pending);
    if (wasBusy != isBusy())
        Q_EMIT busyChanged();
}

void FrontDeskClient::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void FrontDeskClient::setStatusText(const QString &text)
{
    if (text == m_statusText)
        return;
    m_statusText = text;
    Q_EMIT statusTextChanged();
}

void FrontDeskClient::request(const Protocol::Request &request, Done done)
{
    if (!m_client) {
        done(std::unexpected(Core::Error{Core::Error::Code::Policy, u"frontdesk-no-service"_s}));
        return;
    }
    setPending(m_pending + 1);
    const quint64 generation = m_generation;
    auto finished = std::make_shared<bool>(false);
    const auto finish = [this, generation, finished,
                         done](const Core::Result<Protocol::Answer> &answer) {
        if (*finished)
            return;
        *finished = true;
        if (generation != m_generation)
            return; // another account or service since
        setPending(m_pending - 1);
        done(answer);
    };
    m_client->request(request).then(
        this, [finish](Core::Result<Protocol::Answer> answer) { finish(answer); });
    QTimer::singleShot(m_timeoutMs, this, [finish] {
        finish(std::unexpected(Core::Error{Core::Error::Code::Timeout, u"frontdesk-no-answer"_s}));
    });
}

void FrontDeskClient::refresh()
{
    if (!m_client) {
        setErrorText(Core::describeError({Core::Error::Code::Policy, u"frontdesk-no-service"_s}));
        return;
    }
    // As many as are shown, so a refresh does not take away what was loaded.
    const int max = std::clamp(int(m_status.reminders.size()), m_pageSize,
                               qMax(m_pageSize, StatusPaging::MaxPage));
    ++m_refreshing;
    request(Protocol::StatusRequest{ServiceClient::newId(), {}, max, 0, true},
            [this](const Core::Result<Protocol::Answer> &answer) {
                const auto *status = answer ? std::get_if<Protocol::Status>(&*answer) : nullptr;
                if (!answer) {
                    setErrorText(answer.error().code == Core::Error::Code::Timeout
                                     ? tr("The reminder service did not answer. Check its "
                                          "address; if it is right, ask IT whether the service "
                                          "runs and lists you as front-desk staff.")
                                     : Core::describeError(answer.error()));
                } else if (status) {
                    setErrorText({});
                    setStatus(*status);
                }
                refreshDone();
            });
}

void FrontDeskClient::refreshDone()
{
    m_refreshing = qMax(0, m_refreshing - 1);
    if (m_refreshing == 0 && m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

void FrontDeskClient::onChanged()
{
    // The service sends at most one event a second; one refresh on its way
    // is followed by one more, not by one per event.
    if (m_refreshing > 0)
        m_refreshAgain = true;
    else
        refresh();
}

void FrontDeskClient::loadMore()
{
    if (!m_client || !hasMore() || m_loadingMore || m_refreshing > 0)
        return;
    m_loadingMore = true;
    Q_EMIT pageChanged();
    request(
        Protocol::StatusRequest{ServiceClient::newId(), {}, m_pageSize, m_status.page->last, true},
        [this](const Core::Result<Protocol::Answer> &answer) {
            m_loadingMore = false;
            const auto *status = answer ? std::get_if<Protocol::Status>(&*answer) : nullptr;
            if (!answer)
                setErrorText(Core::describeError(answer.error()));
            else if (status)
                setStatus(*status);
            else
                refresh(); // the page is gone (another service store): start over
            Q_EMIT pageChanged();
        });
}

int FrontDeskClient::reminderTotal() const
{
    return m_status.page ? m_status.page->count : int(m_status.reminders.size());
}

void FrontDeskClient::setStatus(const Protocol::Status &status)
{
    if (status.page && status.page->after > 0) {
        // A further page: only where the shown reminders end.
        if (!m_status.page || m_status.page->last != status.page->after)
            return;
        QSet<qint64> shown;
        for (const Store::ReminderRecord &r : std::as_const(m_status.reminders))
            shown.insert(r.id);
        const int first = int(m_status.reminders.size());
        for (const Store::ReminderRecord &r : status.reminders)
            if (!shown.contains(r.id))
                m_status.reminders << r;
        m_status.page->count = status.page->count;
        m_status.page->complete = status.page->complete;
        if (status.page->last > 0)
            m_status.page->last = status.page->last;
        m_status.totals = status.totals;
        if (const int added = int(m_status.reminders.size()) - first; added > 0)
            Q_EMIT remindersAppended(first, added);
        Q_EMIT pageChanged();
        return;
    }
    m_status = status;
    m_refreshedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT statusArrived();
    Q_EMIT pageChanged();
}

void FrontDeskClient::consentRequest(const QString &patient, const QString &channel, bool grant)
{
    const Core::Jid jid(patient.trimmed());
    if (!jid.isValid() || jid.local().isEmpty() || (channel != u"xmpp" && channel != u"sms")) {
        setErrorText(tr("Enter the patient's address (name@domain or +15551234567@sms.%1) and "
                        "choose a channel.")
                         .arg(ownDomain()));
        return;
    }
    Protocol::Consent consent{ServiceClient::newId(), jid.bareString(),
                              channel == u"sms" ? Channel::SmsGateway : Channel::Xmpp, grant};
    request(consent, [this, grant](const Core::Result<Protocol::Answer> &answer) {
        const auto *result = answer ? std::get_if<Protocol::Result>(&*answer) : nullptr;
        if (!answer)
            setErrorText(Core::describeError(answer.error()));
        else if (!result || result->outcome != u"accepted")
            setErrorText(tr("The reminder service did not record the change."));
        else {
            setErrorText({});
            setStatusText(grant ? tr("Consent recorded.") : tr("Consent revoked."));
            refresh();
        }
    });
}

void FrontDeskClient::recordConsent(const QString &patient, const QString &channel)
{
    consentRequest(patient, channel, true);
}

void FrontDeskClient::revokeConsent(const QString &patient, const QString &channel)
{
    consentRequest(patient, channel, false);
}

void FrontDeskClient::markReplyHandled(qint64 reply)
{
    request(Protocol::ReplyHandled{ServiceClient::newId(), reply},
            [this](const Core::Result<Protocol::Answer> &answer) {
                const auto *result = answer ? std::get_if<Protocol::Result>(&*answer) : nullptr;
                if (!answer) {
                    setErrorText(Core::describeError(answer.error()));
                    return;
                }
                if (!result || result->outcome != u"accepted")
                    setErrorText(tr("Someone else handled this reply already."));
                else
                    setStatusText(tr("Reply marked as handled."));
                refresh();
            });
}

} // namespace Ui
