// SPDX-License-Identifier: GPL-3.0-or-later
// Replies no keyword matched, for a person: read, act (call the patient,
// reschedule), then mark handled.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: page
    objectName: "frontDeskRepliesPage"

    required property FrontDeskClient client

    FrontDeskRepliesModel {
        id: replies
        objectName: "frontDeskRepliesModel"
        client: page.client
    }

    ColumnLayout {
        anchors.fill: parent
        Label {
            visible: repliesView.count === 0
            text: qsTr("No replies are waiting.")
        }
        ListView {
            id: repliesView
            objectName: "frontDeskReplies"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: replies
            spacing: 6
            Accessible.name: qsTr("Replies waiting for a person")
            delegate: Frame {
                id: reply
                required property int index
                required property string patient
                required property var received
                required property string text
                width: ListView.view.width
                RowLayout {
                    width: parent.width
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label {
                            font.bold: true
                            text: qsTr("%1 · %2").arg(reply.patient).arg(reply.received.toLocaleString(Qt.locale(), Locale.ShortFormat))
                        }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: reply.text
                        }
                    }
                    Button {
                        text: qsTr("Mark handled")
                        enabled: !page.client.busy
                        onClicked: replies.markHandled(reply.index)
                        Accessible.name: qsTr("Mark the reply from %1 handled").arg(reply.patient)
                    }
                }
            }
        }
    }
}
