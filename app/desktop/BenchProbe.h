// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

class QQuickWindow;

namespace Ui {
class ConversationListModel;
class ConversationModel;
class Session;
} // namespace Ui

namespace Desktop {

/// The measurement mode rounds-bench drives (docs/performance.md). Only when
/// ROUNDS_BENCH_REPORT names a file: opens the local account in
/// ROUNDS_BENCH_DATA_DIR (ROUNDS_BENCH_JID, passphrase custody with
/// ROUNDS_BENCH_PASSPHRASE) without connecting, records when the first frame
/// with rows in the conversation list was swapped, scrolls one conversation
/// (ROUNDS_BENCH_PEER, else the newest) back by ROUNDS_BENCH_SCROLL messages,
/// writes times and RSS as JSON to the report file and quits. Without the
/// variable it does nothing at all.
class BenchProbe : public QObject
{
    Q_OBJECT
public:
    /// Null unless ROUNDS_BENCH_REPORT is set.
    static BenchProbe *startIfRequested(Ui::Session &session, QQuickWindow &window);

private:
    BenchProbe(Ui::Session &session, QQuickWindow &window);
    void openAccount();
    void onFrameSwapped();
    void scrollNext();
    void finish(const QString &error);

    Ui::Session &m_session;
    QPointer<QQuickWindow> m_window;
    QPointer<Ui::ConversationListModel> m_list;
    QPointer<Ui::ConversationModel> m_conversation;
    QString m_reportPath;
    QElapsedTimer m_sinceProbe;
    double m_launchMs = -1;     ///< the bench's launch time, ms since the epoch
    double m_firstFrameMs = -1; ///< from launch (or process start)
    double m_listFrameMs = -1;
    double m_accountOpenMs = -1;
    double m_rssAtListKiB = 0;
    int m_scrollTarget = 0;
    bool m_scrolling = false;
    bool m_done = false;
    QElapsedTimer m_scrollTimer;
};

} // namespace Desktop
