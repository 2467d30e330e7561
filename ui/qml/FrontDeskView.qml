// SPDX-License-Identifier: GPL-3.0-or-later
// The front-desk view (Ctrl+3): reminder batches from a CSV file with a
// preview of exactly what each patient receives, the status of every
// reminder, the replies waiting for a person, and the consent registry. All
// of it goes through the organisation's reminder service (FrontDeskClient):
// nothing here builds stanzas or reads the store.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Page {
    id: desk
    objectName: "frontDeskView"

    required property Session session
    required property FrontDeskClient client

    Component.onCompleted: if (desk.client.ready) desk.client.refresh()
    Connections {
        target: desk.client
        function onReadyChanged() {
            if (desk.client.ready)
                desk.client.refresh();
        }
    }

    // The service tells of changes (<changed/>, FrontDeskClient refreshes at
    // once); this slow refresh is the fallback, and renews the watch.
    Timer {
        interval: 120000
        repeat: true
        running: desk.client.ready && desk.visible
        onTriggered: desk.client.refresh()
    }

    header: ColumnLayout {
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 8
            spacing: 8
            Label {
                text: qsTr("Reminder service")
            }
            TextField {
                id: serviceField
                objectName: "frontDeskServiceField"
                Layout.preferredWidth: 320
                text: desk.client.service
                placeholderText: qsTr("e.g. reminders@%1").arg(desk.session.accountJid.split("@")[1] || "clinic.example")
                Accessible.name: qsTr("Address of the reminder service")
                onAccepted: desk.client.service = text
                onEditingFinished: desk.client.service = text
            }
            Button {
                objectName: "frontDeskRefreshButton"
                text: qsTr("Refresh")
                enabled: desk.client.ready && !desk.client.busy
                onClicked: desk.client.refresh()
                Accessible.name: qsTr("Refresh the reminders, replies and consents")
            }
            BusyIndicator {
                running: desk.client.busy
                visible: running
                implicitWidth: 24
                implicitHeight: 24
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                color: desk.palette.placeholderText
                text: desk.client.refreshedAt.getTime ? qsTr("Updated %1").arg(desk.client.refreshedAt.toLocaleTimeString(Qt.locale(), Locale.ShortFormat)) : ""
            }
        }
        Label {
            objectName: "frontDeskError"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            visible: text !== ""
            wrapMode: Text.Wrap
            color: "#a40000"
            text: desk.client.ready ? desk.client.errorText : qsTr("Enter the reminder service's address (ask IT) to prepare and follow reminders.")
            Accessible.role: Accessible.AlertMessage
        }
        Label {
            objectName: "frontDeskStatus"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            visible: text !== ""
            wrapMode: Text.Wrap
            text: desk.client.statusText
        }
        TabBar {
            id: tabs
            objectName: "frontDeskTabs"
            Layout.fillWidth: true
            Accessible.name: qsTr("Front desk sections")
            TabButton {
                text: qsTr("New batch")
                width: implicitWidth
            }
            TabButton {
                text: qsTr("Reminders")
                width: implicitWidth
            }
            TabButton {
                text: statusModel.openReplies > 0 ? qsTr("Replies (%1)").arg(statusModel.openReplies) : qsTr("Replies")
                width: implicitWidth
            }
            TabButton {
                text: qsTr("Consent")
                width: implicitWidth
            }
        }
    }

    FrontDeskStatusModel {
        id: statusModel
        objectName: "frontDeskStatusModel"
        client: desk.client
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: tabs.currentIndex

        FrontDeskBatchPage {
            client: desk.client
            onSubmitted: tabs.currentIndex = 1
        }
        FrontDeskStatusPage {
            model: statusModel
        }
        FrontDeskRepliesPage {
            client: desk.client
        }
        FrontDeskConsentPage {
            client: desk.client
        }
    }
}
