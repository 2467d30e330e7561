// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

/// The network figures of rounds-bench (issue 10): archive catch-up of legacy
/// OMEMO messages with the in-process ceiling, FAST reconnect, and send latency.
/// Each needs a running test server (scripts/servers.sh) described by its env file.
namespace NetBench {

/// `total` legacy-OMEMO messages from another account's device wait in the
/// archive; sign-in to all decrypted, stored and listed. Also runs the same
/// messages through decrypt + insert without the network (the ceiling).
QJsonObject catchUp(const QString &dir, const QString &envFile, int total);
/// Only the in-process ceiling of catchUp() (no server).
QJsonObject ceiling(const QString &dir, int total);
/// FAST token sign-in of a clinic account to roster and unread counts ready.
QJsonObject reconnect(const QString &dir, const QString &envFile, int rounds);
/// Outbox::send to the stanza acknowledged by the server, for a recipient with
/// five devices and three devices of our own, sessions established.
QJsonObject send(const QString &dir, const QString &envFile, int sends);

} // namespace NetBench
