// SPDX-License-Identifier: GPL-3.0-or-later
// Who of a care-team room's members has seen one of our messages, and since
// when, earliest first. Esc or a click outside closes it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Popup {
    id: popup
    objectName: "roomReadersPopup"

    required property RoomReadersModel readers

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    parent: Overlay.overlay
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 48 : 400, 400)
    padding: 16

    onOpened: readerList.forceActiveFocus()

    ColumnLayout {
        width: popup.availableWidth
        spacing: 8

        Label {
            objectName: "readersSummary"
            Layout.fillWidth: true
            text: popup.readers.summary
            font.bold: true
            font.pointSize: Qt.application.font.pointSize * 1.2
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            visible: readerList.count === 0
            text: qsTr("No other member has seen this message yet.")
            wrapMode: Text.Wrap
        }
        ListView {
            id: readerList
            objectName: "readerList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 320)
            visible: count > 0
            clip: true
            model: popup.readers
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Seen by")
            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: reader
                required property string name
                required property date time
                readonly property string timeText: reader.time.toLocaleString(Qt.locale(), Locale.ShortFormat)
                width: ListView.view.width
                highlighted: ListView.isCurrentItem && readerList.activeFocus
                focusPolicy: Qt.NoFocus
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1, seen %2").arg(reader.name).arg(reader.timeText)
                contentItem: RowLayout {
                    spacing: 8
                    Label {
                        Layout.fillWidth: true
                        text: reader.name
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                    }
                    Label {
                        text: reader.timeText
                        opacity: 0.8
                    }
                }
            }
        }
        Button {
            Layout.alignment: Qt.AlignRight
            text: qsTr("Close")
            onClicked: popup.close()
            Accessible.name: text
        }
    }
}
