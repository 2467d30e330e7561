// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl+K: jump to a conversation or contact by typing part of the name. Up/Down
// choose, Enter opens, Esc closes.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Popup {
    id: popup
    objectName: "quickSwitcher"

    required property ConversationListModel conversations
    required property ContactListModel contacts

    signal activated(string jid)

    function activate(row) {
        const jid = switchModel.jidAt(row);
        if (jid === "")
            return;
        popup.close();
        popup.activated(jid);
    }

    modal: true
    focus: true
    padding: 12
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onOpened: {
        filterField.text = "";
        results.currentIndex = results.count > 0 ? 0 : -1;
        filterField.forceActiveFocus();
    }

    QuickSwitchModel {
        id: switchModel
        objectName: "quickSwitchModel"
        conversations: popup.conversations
        contacts: popup.contacts
        filter: filterField.text
        onModelReset: results.currentIndex = results.count > 0 ? 0 : -1
    }

    contentItem: ColumnLayout {
        spacing: 8

        Label {
            text: qsTr("Go to conversation")
            font.bold: true
            Accessible.role: Accessible.Heading
        }

        TextField {
            id: filterField
            objectName: "quickSwitcherField"
            Layout.fillWidth: true
            placeholderText: qsTr("Type a name…")
            Accessible.name: qsTr("Conversation or contact to go to")
            Accessible.description: qsTr("Up and Down choose, Enter opens, Esc closes.")
            Keys.onDownPressed: results.incrementCurrentIndex()
            Keys.onUpPressed: results.decrementCurrentIndex()
            Keys.onReturnPressed: popup.activate(results.currentIndex)
            Keys.onEnterPressed: popup.activate(results.currentIndex)
        }

        ListView {
            id: results
            objectName: "quickSwitcherList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 320
            clip: true
            // Rows (one delegate per match) only while the switcher is shown: a
            // closed switcher must not build 500 delegates at start-up.
            model: popup.visible ? switchModel : null
            keyNavigationWraps: true
            highlightMoveDuration: 0
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Matches")

            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: match
                required property int index
                required property string jid
                required property string name
                required property string kind
                required property int unread

                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: match.name
                contentItem: RowLayout {
                    spacing: 8
                    Label {
                        text: match.kind === "room" ? "👥" : match.kind === "contact" ? "＋" : "💬"
                        Accessible.ignored: true
                    }
                    Label {
                        Layout.fillWidth: true
                        text: match.name
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        font.bold: match.unread > 0
                    }
                    Label {
                        visible: match.unread > 0
                        text: qsTr("%n unread", "", match.unread)
                    }
                }
                Accessible.name: match.name
                                 + (match.kind === "room" ? ", " + qsTr("care-team room")
                                    : match.kind === "contact" ? ", " + qsTr("contact") : "")
                                 + (match.unread > 0 ? ", " + qsTr("%n unread", "", match.unread) : "")
                onClicked: popup.activate(match.index)
            }

            Label {
                anchors.centerIn: parent
                visible: results.count === 0
                text: qsTr("Nothing matches.")
            }
        }
    }
}
