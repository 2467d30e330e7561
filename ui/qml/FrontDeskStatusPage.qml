// SPDX-License-Identifier: GPL-3.0-or-later
// Every reminder with its state: scheduled, sent, delivered, confirmed,
// reschedule requested, cancelled, opted out, failed (with why). The newest
// batch first, a page at a time: the next page loads when the list is
// scrolled to its end, or on "Load more".
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
        Label {
            objectName: "frontDeskShownCount"
            Layout.fillWidth: true
            visible: page.model.hasMore
            color: page.palette.placeholderText
            text: qsTr("Showing %1 of %2 reminders.").arg(reminderList.count).arg(page.model.total)
        }
        ListView {
            id: reminderList
            objectName: "frontDeskReminders"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.model
            Accessible.name: qsTr("Reminders and their states")
            onAtYEndChanged: if (atYEnd && count > 0 && page.model.hasMore) page.model.loadMore()
            footer: Button {
                objectName: "frontDeskLoadMore"
                visible: page.model.hasMore
                height: visible ? implicitHeight : 0
                enabled: !page.model.loadingMore
                text: page.model.loadingMore ? qsTr("Loading…") : qsTr("Load more")
                onClicked: page.model.loadMore()
                Accessible.name: qsTr("Load more reminders")
            }
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
