// SPDX-License-Identifier: GPL-3.0-or-later
// Every reminder with its state: scheduled, sent, delivered, confirmed,
// reschedule requested, cancelled, opted out, failed (with why).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: page
    objectName: "frontDeskStatusPage"

    required property FrontDeskStatusModel model

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: page.model.summary === "" ? qsTr("No reminders yet.") : page.model.summary
        }
        ListView {
            objectName: "frontDeskReminders"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.model
            Accessible.name: qsTr("Reminders and their states")
            delegate: ItemDelegate {
                id: row
                required property string patient
                required property string state
                required property string stateText
                required property var due
                required property string reason
                width: ListView.view.width
                contentItem: RowLayout {
                    spacing: 12
                    Label {
                        Layout.preferredWidth: 260
                        elide: Text.ElideRight
                        text: row.patient
                    }
                    Label {
                        Layout.preferredWidth: 160
                        text: row.due.toLocaleString(Qt.locale(), Locale.ShortFormat)
                    }
                    // The state in words, never colour alone.
                    Label {
                        Layout.preferredWidth: 180
                        font.bold: row.state === "reschedule-requested" || row.state === "failed"
                        color: row.state === "failed" ? "#a40000" : row.state === "confirmed" ? "#1a7f37" : page.palette.windowText
                        text: row.stateText
                    }
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        text: row.reason
                    }
                }
                Accessible.name: row.patient + ": " + row.stateText
            }
        }
    }
}
