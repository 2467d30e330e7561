// SPDX-License-Identifier: GPL-3.0-or-later
// The connection state in words, with the reason while the link is down.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Control {
    id: bar
    objectName: "statusLine"

    required property Session session

    readonly property bool troubled: session.status !== Session.Online
    readonly property string statusText: {
        switch (session.status) {
        case Session.Online:
            return qsTr("Online");
        case Session.Connecting:
            return qsTr("Connecting…");
        case Session.Reconnecting:
            return qsTr("Reconnecting…");
        default:
            return qsTr("Offline");
        }
    }

    background: Rectangle {
        color: bar.troubled ? "#fff1c2" : bar.palette.window
        Rectangle {
            width: parent.width
            height: 1
            color: bar.palette.mid
        }
    }

    topPadding: 6
    bottomPadding: 6
    leftPadding: 12
    rightPadding: 12

    contentItem: RowLayout {
        spacing: 8

        Label {
            objectName: "statusText"
            text: bar.statusText
            font.bold: true
            color: bar.troubled ? "#3d2e00" : bar.palette.windowText
            Accessible.role: Accessible.StatusBar
            Accessible.name: bar.statusText
        }
        Label {
            Layout.fillWidth: true
            text: bar.session.connectionErrorText
            visible: text !== ""
            elide: Text.ElideRight
            color: bar.troubled ? "#3d2e00" : bar.palette.windowText
        }
    }
}
