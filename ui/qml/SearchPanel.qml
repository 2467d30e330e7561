// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl+F: search the history kept on this computer. Results list the
// conversation, time and a snippet; Enter or a click opens the conversation at
// that message. Esc closes.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Popup {
    id: popup
    objectName: "searchPanel"

    required property SearchModel search

    signal activated(string jid, var rowId)

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onOpened: {
        field.selectAll();
        field.forceActiveFocus();
    }

    function activate(index) {
        if (index < 0 || index >= results.count)
            return;
        const item = results.itemAtIndex(index);
        if (item)
            popup.activated(item.conversation, item.rowId);
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: qsTr("Search messages")
            font.bold: true
            Accessible.role: Accessible.Heading
        }
        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Words to find, e.g. bed 12")
            text: popup.search.query
            onTextEdited: popup.search.query = text
            onAccepted: {
                if (results.count > 0 && results.currentIndex >= 0)
                    popup.activate(results.currentIndex);
                else
                    popup.search.search();
            }
            Keys.onDownPressed: {
                results.forceActiveFocus();
                if (results.currentIndex < 0 && results.count > 0)
                    results.currentIndex = 0;
            }
            Accessible.name: qsTr("Search messages")
        }
        Label {
            Layout.fillWidth: true
            visible: popup.search.query.trim() !== "" && !popup.search.searching
            text: qsTr("%n result(s)", "", popup.search.count)
            opacity: 0.8
            Accessible.role: Accessible.StatusBar
        }
        ListView {
            id: results
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: popup.search
            currentIndex: -1
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Search results")
            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: hit
                required property int index
                required property string conversation
                required property string name
                required property date time
                required property string snippet
                required property var rowId

                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Label {
                            Layout.fillWidth: true
                            text: hit.name
                            textFormat: Text.PlainText
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Label {
                            text: Qt.formatDateTime(hit.time, Locale.ShortFormat)
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: hit.snippet
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        maximumLineCount: 2
                        wrapMode: Text.Wrap
                    }
                }
                Accessible.name: hit.name + ", " + Qt.formatDateTime(hit.time, Locale.ShortFormat) + ": " + hit.snippet
                onClicked: popup.activated(hit.conversation, hit.rowId)
            }
            Keys.onReturnPressed: popup.activate(currentIndex)
            Keys.onEnterPressed: popup.activate(currentIndex)
        }
    }
}
