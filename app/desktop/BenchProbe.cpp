// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchProbe.h"

#include "ConversationListModel.h"
#include "ConversationModel.h"
#include "Session.h"

#include "account/Account.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickWindow>
#include <QTimer>

#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Desktop {

namespace {

double nowEpochMs()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Milliseconds since this process started (/proc/self/stat starttime, in clock
// ticks since boot, against CLOCK_BOOTTIME): 10 ms resolution.
double msSinceProcessStart()
{
    QFile stat(u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble(); // field 22 of the whole line
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const double bootMs = double(boot.tv_sec) * 1e3 + double(boot.tv_nsec) / 1e6;
    return bootMs - startTicks * 1e3 / double(sysconf(_SC_CLK_TCK));
}

// A /proc/self/status value in KiB (VmRSS, VmHWM).
double statusKiB(const QByteArray &key)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(QByteArray(key + ':')))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toDouble();
    return 0;
}

} // namespace

BenchProbe *BenchProbe::startIfRequested(Ui::Session &session, QQuickWindow &window)
{
    if (qEnvironmentVariableIsEmpty("ROUNDS_BENCH_REPORT"))
        return nullptr;
    return new BenchProbe(session, window);
}

BenchProbe::BenchProbe(Ui::Session &session, QQuickWindow &window)
    : QObject(&window)
    , m_session(session)
    , m_window(&window)
    , m_reportPath(qEnvironmentVariable("ROUNDS_BENCH_REPORT"))
{
    m_sinceProbe.start();
    bool ok = false;
    const double launch = qEnvironmentVariable("ROUNDS_BENCH_LAUNCH_MS").toDouble(&ok);
    m_launchMs = ok ? launch : -1;
    m_scrollTarget = qEnvironmentVariableIntValue("ROUNDS_BENCH_SCROLL");
    m_list = window.findChild<Ui::ConversationListModel *>(u"conversationListModel"_s);
    m_conversation = window.findChild<Ui::ConversationModel *>(u"conversationModel"_s);
    if (!m_list || !m_conversation) {
        QTimer::singleShot(0, this, [this] { finish(u"models not found"_s); });
        return;
    }
    connect(&window, &QQuickWindow::frameSwapped, this, &BenchProbe::onFrameSwapped,
            Qt::DirectConnection);
    bool timeoutSet = false;
    const int timeoutMs = qEnvironmentVariableIntValue("ROUNDS_BENCH_TIMEOUT_MS", &timeoutSet);
    QTimer::singleShot(timeoutSet ? timeoutMs : 300000, this, [this] { finish(u"timeout"_s); });
    openAccount();
}

void BenchProbe::openAccount()
{
    Account::AccountSettings settings;
    settings.jid = Core::Jid(qEnvironmentVariable("ROUNDS_BENCH_JID"));
    auto account = std::make_shared<std::unique_ptr<Account::Account>>(
        std::make_unique<Account::Account>(settings));
    Account::LocalDataOptions local;
    local.dataDir = qEnvironmentVariable("ROUNDS_BENCH_DATA_DIR");
    local.passphrase = qEnvironmentVariable("ROUNDS_BENCH_PASSPHRASE");
    (*account)->openLocalData(local).then(this, [this, account](Core::Result<void> opened) {
        if (!opened) {
            finish(u"open local data: "_s + opened.error().detail);
            return;
        }
        m_accountOpenMs = double(m_sinceProbe.nsecsElapsed()) / 1e6;
        m_session.adopt(std::move(*account));
    });
}

void BenchProbe::onFrameSwapped()
{
    // frameSwapped may come from the render thread: time it here, act on the GUI thread.
    const double at = m_launchMs >= 0 ? nowEpochMs() - m_launchMs : msSinceProcessStart();
    QMetaObject::invokeMethod(this, [this, at] {
        if (m_firstFrameMs < 0)
            m_firstFrameMs = at;
        if (m_listFrameMs >= 0 || !m_list || m_list->rowCount() == 0)
            return;
        m_listFrameMs = at;
        m_rssAtListKiB = statusKiB("VmRSS");
        // Scroll the busiest (or chosen) conversation back through its history.
        QString peer = qEnvironmentVariable("ROUNDS_BENCH_PEER");
        if (peer.isEmpty())
            peer = m_list->data(m_list->index(0), Ui::ConversationListModel::ConversationRole)
                       .toString();
        m_scrolling = true;
        m_scrollTimer.start();
        connect(m_conversation, &Ui::ConversationModel::loadingChanged, this,
                &BenchProbe::scrollNext, Qt::QueuedConnection);
        m_conversation->setPeer(peer);
        QTimer::singleShot(0, this, &BenchProbe::scrollNext);
    });
}

void BenchProbe::scrollNext()
{
    if (m_done || !m_scrolling || m_conversation->isLoading())
        return;
    if (m_conversation->rowCount() < m_scrollTarget && m_conversation->canFetchMore({})) {
        m_conversation->fetchMore({});
        return;
    }
    m_scrolling = false;
    // Let the view lay out what it holds before RSS is read.
    QTimer::singleShot(100, this, [this] { finish({}); });
}

void BenchProbe::finish(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    QJsonObject report{
        {u"time_origin"_s, m_launchMs >= 0 ? u"bench launch"_s : u"process start"_s},
        {u"ms_to_first_frame"_s, m_firstFrameMs},
        {u"ms_to_first_frame_with_conversations"_s, m_listFrameMs},
        {u"ms_probe_to_account_open"_s, m_accountOpenMs},
        {u"conversations_listed"_s, m_list ? m_list->rowCount() : 0},
        {u"rss_mib_at_list"_s, m_rssAtListKiB / 1024},
        {u"scrolled_messages"_s, m_conversation ? m_conversation->rowCount() : 0},
        {u"ms_scrolling"_s,
         m_scrollTimer.isValid() ? double(m_scrollTimer.nsecsElapsed()) / 1e6 : -1.0},
        {u"rss_mib_after_scroll"_s, statusKiB("VmRSS") / 1024},
        {u"peak_rss_mib"_s, statusKiB("VmHWM") / 1024},
    };
    if (!error.isEmpty())
        report.insert(u"error"_s, error);
    QFile file(m_reportPath);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(QJsonDocument(report).toJson());
    QCoreApplication::exit(error.isEmpty() ? 0 : 1);
}

} // namespace Desktop
