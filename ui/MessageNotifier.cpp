// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageNotifier.h"

#include "account/Account.h"
#include "clinical/ClinicalService.h"
#include "store/MessageStore.h"
#include "sync/MessagePipeline.h"

#include "core/Jid.h"

using namespace Qt::StringLiterals;

namespace Ui {

MessageNotifier::MessageNotifier(QObject *parent)
    : QObject(parent)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(CoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &MessageNotifier::flush);
}

MessageNotifier::~MessageNotifier() = default;

void MessageNotifier::setSession(Session *session)
{
    if (followSession(this, m_session, session, &MessageNotifier::followSessionAccount))
        Q_EMIT sessionChanged();
}

void MessageNotifier::followSessionAccount()
{
    Account::Account *account = m_session ? m_session->account() : nullptr;
    if (account == m_account && account)
        return;
    if (m_account && m_account->pipeline())
        disconnect(m_account->pipeline(), nullptr, this, nullptr);
    m_account = account;
    m_pending.clear();
    m_coalesce.stop();
    if (account && account->pipeline())
        connect(account->pipeline(), &Sync::MessagePipeline::messagesStored, this,
                &MessageNotifier::onMessagesStored);
    if (Clinical::ClinicalService *clinical = m_session ? m_session->clinical() : nullptr)
        connect(clinical, &Clinical::ClinicalService::attentionNeeded, this,
                &MessageNotifier::onAttentionNeeded, Qt::UniqueConnection);
}

void MessageNotifier::setNotificationDetail(const QString &detail)
{
    const QString known =
        detail == u"sender"_s || detail == u"preview"_s ? detail : QStringLiteral("none");
    if (known == m_detail)
        return;
    m_detail = known;
    Q_EMIT notificationDetailChanged();
}

void MessageNotifier::setOpenConversation(const QString &jid)
{
    const QString bare = jid.isEmpty() ? QString() : Core::Jid(jid).bareString();
    if (bare == m_openConversation)
        return;
    m_openConversation = bare;
    Q_EMIT openConversationChanged();
}

void MessageNotifier::setWindowActive(bool active)
{
    if (active == m_windowActive)
        return;
    m_windowActive = active;
    Q_EMIT windowActiveChanged();
}

void MessageNotifier::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!m_enabled) {
        m_pending.clear();
        m_coalesce.stop();
    }
    Q_EMIT enabledChanged();
}

bool MessageNotifier::wanted(const Store::StoredMessage &message) const
{
    if (message.direction != Store::Direction::Incoming)
        return false;
    // Read already (on another device, or history caught up after the fact).
    if (message.state == Store::MessageState::Read)
        return false;
    // Our own words reflected by a room.
    if (m_account && Core::Jid(message.sender).bare() == m_account->settings().jid.bare())
        return false;
    return !(m_windowActive && message.conversation == m_openConversation);
}

void MessageNotifier::onMessagesStored(const QList<Store::StoredMessage> &messages)
{
    if (!m_enabled)
        return;
    bool added = false;
    for (const Store::StoredMessage &message : messages) {
        // Urgent/STAT: notified through onAttentionNeeded (and repeated there).
        if (message.priority > 0 && message.direction == Store::Direction::Incoming)
            continue;
        if (!wanted(message))
            continue;
        m_pending.append(message);
        added = true;
    }
    if (added && !m_coalesce.isActive())
        m_coalesce.start();
}

void MessageNotifier::onAttentionNeeded(const QString &messageId)
{
    if (!m_enabled || !m_account || !m_account->messageStore())
        return;
    const QPointer<Account::Account> account = m_account;
    m_account->messageStore()->messageById(messageId).then(
        this, [this, account](Core::Result<std::optional<Store::StoredMessage>> found) {
            if (account != m_account || !found || !*found)
                return;
            notifyAttention(**found);
        });
}

void MessageNotifier::notifyAttention(const Store::StoredMessage &message)
{
    if (!m_enabled || message.recalled || message.direction != Store::Direction::Incoming ||
        message.priority <= 0)
        return;
    const bool stat = message.priority >= 2;
    const bool locked = m_session && m_session->isLocked();
    const QString detail = locked ? QStringLiteral("none") : m_detail;
    QString title;
    if (detail == u"none"_s) {
        title = stat ? tr("STAT message: acknowledgement needed")
                     : tr("Urgent message: acknowledgement needed");
    } else {
        const QString sender = m_session ? m_session->displayName(message.sender)
                                         : Core::Jid(message.sender).bareString();
        title = stat ? tr("STAT message from %1: acknowledgement needed").arg(sender)
                     : tr("Urgent message from %1: acknowledgement needed").arg(sender);
    }
    // Never the text, whatever the detail setting: the window shows it.
    Q_EMIT urgentNotificationRequested(title,
                                       detail == u"none"_s ? QString() : message.conversation,
                                       stat ? QStringLiteral("stat") : QStringLiteral("urgent"));
}

void MessageNotifier::flush()
{
    m_coalesce.stop();
    // The conversation may have come on screen meanwhile.
    QList<Store::StoredMessage> messages;
    for (const Store::StoredMessage &message : std::as_const(m_pending))
        if (wanted(message))
            messages.append(message);
    m_pending.clear();
    if (messages.isEmpty() || !m_enabled)
        return;

    const bool locked = m_session && m_session->isLocked();
    const QString detail = locked ? QStringLiteral("none") : m_detail;
    QSet<QString> conversations;
    QSet<QString> senders;
    for (const Store::StoredMessage &message : std::as_const(messages)) {
        conversations.insert(message.conversation);
        senders.insert(Core::Jid(message.sender).bareString());
    }
    const QString conversation =
        conversations.size() == 1 ? messages.first().conversation : QString();
    const int count = int(messages.size());
    const auto nameOf = [this](const QString &jid) {
        return m_session ? m_session->displayName(jid) : Core::Jid(jid).bareString();
    };

    if (detail == u"none"_s || senders.size() != 1) {
        const QString title =
            count == 1 ? tr("New message") : tr("%n new messages", nullptr, count);
        // Several people: who they are is not said even with "sender"; the
        // window shows it.
        Q_EMIT notificationRequested(title, QString(),
                                     detail == u"none"_s ? QString() : conversation);
        return;
    }

    const QString sender = nameOf(*senders.cbegin());
    const bool room = m_account && m_account->isRoom(messages.first().conversation);
    QString title = count == 1 ? tr("New message from %1").arg(sender)
                               : tr("%n new messages from %1", nullptr, count).arg(sender);
    if (room && conversations.size() == 1)
        title = count == 1 ? tr("New message from %1 in %2").arg(sender, nameOf(conversation))
                           : tr("%n new messages from %1 in %2", nullptr, count)
                                 .arg(sender, nameOf(conversation));
    QString body;
    if (detail == u"preview"_s) {
        const Store::StoredMessage &last = messages.last();
        if (last.protection == Store::Protection::Undecryptable)
            body = tr("(could not be decrypted)");
        else if (last.body.startsWith(u"aesgcm://"_s))
            body = tr("(a file)");
        else
            body = last.body.left(PreviewLength);
    }
    Q_EMIT notificationRequested(title, body, conversation);
}

} // namespace Ui
