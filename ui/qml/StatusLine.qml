// SPDX-License-Identifier: GPL-3.0-or-later
// The connection state in words, with the reason while the link is down, and a
// calm notice when this account signed in without a second factor.
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

    readonly property color inkColor: troubled ? "#3d2e00" : palette.windowText
    readonly property string mfaNoticeText: qsTr("Two-step sign-in not enforced")
    readonly property string mfaNoticeExplanation: qsTr("This account signs in with a password only: the server does not ask for a code from an authenticator app. Tell IT if you expected two-step sign-in.")

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
        Item {
            Layout.fillWidth: true
            visible: bar.session.connectionErrorText === "" && bar.session.policy.notice === ""
        }
        // The organisation's policy changed while signed in: what changed, until dismissed.
        Label {
            objectName: "policyNotice"
            Layout.fillWidth: true
            visible: text !== "" && bar.session.connectionErrorText === ""
            text: bar.session.policy.notice
            elide: Text.ElideRight
            color: bar.palette.windowText
            Accessible.role: Accessible.StatusBar
            Accessible.name: text
            MouseArea {
                anchors.fill: parent
                onClicked: bar.session.policy.dismissNotice()
            }
        }
        // A Control rather than a Label: it knows when it is hovered, without ids
        // (contentItem is deferred; an id inside it would defeat that).
        Control {
            objectName: "mfaNotEnforcedNotice"
            visible: bar.session.signedIn && !bar.session.mfaEnforced
            hoverEnabled: true
            leftPadding: 8
            rightPadding: 8
            topPadding: 2
            bottomPadding: 2
            contentItem: Label {
                text: bar.mfaNoticeText
                color: bar.inkColor
            }
            background: Rectangle {
                color: "transparent"
                border.color: bar.inkColor
                border.width: 1
                radius: height / 2
                opacity: 0.6
            }
            ToolTip.visible: hovered
            ToolTip.text: bar.mfaNoticeExplanation
            ToolTip.delay: 300
            Accessible.role: Accessible.StaticText
            Accessible.name: bar.mfaNoticeText
            Accessible.description: bar.mfaNoticeExplanation
        }
    }
}
