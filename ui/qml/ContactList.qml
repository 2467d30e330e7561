// SPDX-License-Identifier: GPL-3.0-or-later
// Left column: who is signed in, sign out, search, the conversations (unread
// counts, lock mark where end-to-end encrypted) and the contacts to start one with.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: pane
    objectName: "contactList"

    required property Session session
    required property ContactListModel contacts
    required property ConversationListModel conversations
    /// The conversation that is open, to mark it in the list.
    property string openPeer
    property Action searchAction
    property Action pageRoleAction

    signal opened(string jid)

    function focusList() {
        // Still loading: the conversations come first once they are there.
        if (!pane.conversations.loaded || conversationList.count > 0)
            conversationList.forceActiveFocus();
        else
            list.forceActiveFocus();
    }

    Connections {
        target: pane.conversations
        function onLoadedChanged() {
            if (pane.conversations.loaded && conversationList.count === 0
                    && conversationList.activeFocus)
                list.forceActiveFocus();
        }
    }

    padding: 0

    // The open conversation: a tint and a bar, text keeps its full contrast.
    // Keyboard focus: a frame.
    component RowBackground: Rectangle {
        required property bool isOpen
        required property bool hovered
        required property bool focused
        required property color accent
        color: isOpen ? Qt.rgba(accent.r, accent.g, accent.b, 0.22)
             : hovered ? Qt.rgba(accent.r, accent.g, accent.b, 0.08)
             : "transparent"
        border.width: focused ? 2 : 0
        border.color: accent
        Rectangle {
            width: 4
            height: parent.height
            color: parent.accent
            visible: parent.isOpen
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            spacing: 8

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    text: qsTr("Rounds")
                    font.bold: true
                    font.pointSize: Qt.application.font.pointSize * 1.4
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: pane.session.accountJid
                    elide: Text.ElideRight
                    Accessible.name: qsTr("Signed in as %1").arg(pane.session.accountJid)
                }
            }
            Button {
                objectName: "signOutButton"
                text: qsTr("Sign out")
                onClicked: pane.session.signOut()
                Accessible.name: text
            }
        }

        Button {
            objectName: "searchButton"
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Layout.bottomMargin: 8
            action: pane.searchAction
            text: qsTr("Search  (Ctrl+F)")
            flat: true
            Accessible.name: qsTr("Search messages")
        }

        Button {
            objectName: "pageRoleButton"
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Layout.bottomMargin: 8
            visible: pane.pageRoleAction !== null
            action: pane.pageRoleAction
            text: qsTr("Page a role…  (Ctrl+Shift+P)")
            flat: true
            Accessible.name: qsTr("Page whoever is on call for a role")
        }

        Label {
            Layout.leftMargin: 12
            Layout.bottomMargin: 4
            text: pane.conversations.totalUnread > 0
                  ? qsTr("Conversations (%1 unread)").arg(pane.conversations.totalUnread)
                  : qsTr("Conversations")
            font.bold: true
            font.capitalization: Font.AllUppercase
            Accessible.role: Accessible.Heading
        }

        ListView {
            id: conversationList
            objectName: "conversationListView"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 3
            clip: true
            model: pane.conversations
            activeFocusOnTab: true
            keyNavigationEnabled: true
            currentIndex: -1
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conversations")

            ScrollBar.vertical: ScrollBar {}

            // Urgent/STAT messages waiting for acknowledgement: pinned on top
            // (the model sorts them first) under their own heading.
            section.property: "needsAck"
            section.delegate: Label {
                required property string section
                width: ListView.view.width
                visible: pane.conversations.attentionCount > 0
                height: visible ? implicitHeight + 8 : 0
                leftPadding: 12
                topPadding: 4
                text: section === "true"
                      ? qsTr("Needs acknowledgement (%1)").arg(pane.conversations.attentionCount)
                      : qsTr("Other conversations")
                font.bold: true
                font.capitalization: Font.AllUppercase
                color: section === "true" ? "#b00020" : palette.windowText
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string conversation
                required property string name
                required property int unread
                required property string preview
                required property bool encrypted
                required property bool undecryptable
                required property bool room
                required property date lastActivity
                required property bool needsAck
                required property string priority

                readonly property bool isOpen: row.conversation === pane.openPeer
                readonly property string timeText: {
                    if (isNaN(lastActivity.getTime()))
                        return ""; // a room without messages yet
                    const today = new Date();
                    return lastActivity.toDateString() === today.toDateString()
                            ? Qt.formatTime(lastActivity, Locale.ShortFormat)
                            : Qt.formatDate(lastActivity, Locale.ShortFormat);
                }

                width: ListView.view.width
                background: RowBackground {
                    isOpen: row.isOpen
                    hovered: row.hovered
                    focused: conversationList.activeFocus && row.ListView.isCurrentItem
                    accent: row.palette.highlight
                }

                contentItem: RowLayout {
                    spacing: 8
                    Label {
                        // Care-team rooms look different from people.
                        objectName: "roomMark"
                        visible: row.room
                        text: "👥"
                        Accessible.ignored: true
                    }
                    Label {
                        // A lock where the last message came end-to-end encrypted.
                        text: row.undecryptable ? "⚠" : row.encrypted ? "🔒" : ""
                        visible: text !== ""
                        Accessible.ignored: true
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        RowLayout {
                            Layout.fillWidth: true
                            Label {
                                Layout.fillWidth: true
                                text: row.name
                                textFormat: Text.PlainText
                                elide: Text.ElideRight
                                font.bold: row.unread > 0 || row.isOpen
                            }
                            Label {
                                text: row.timeText
                                opacity: 0.8
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: row.preview
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            maximumLineCount: 1
                            opacity: 0.85
                        }
                    }
                    Rectangle {
                        // STAT red, Urgent amber, always with the word.
                        objectName: "conversationPriorityBadge"
                        visible: row.needsAck
                        implicitWidth: priorityText.implicitWidth + 10
                        implicitHeight: priorityText.implicitHeight + 4
                        radius: 3
                        color: row.priority === "stat" ? "#b00020" : "#b35c00"
                        Label {
                            id: priorityText
                            anchors.centerIn: parent
                            text: row.priority === "stat" ? qsTr("STAT") : qsTr("Urgent")
                            color: "white"
                            font.bold: true
                        }
                    }
                    Rectangle {
                        objectName: "unreadBadge"
                        visible: row.unread > 0
                        implicitWidth: Math.max(implicitHeight, unreadText.implicitWidth + 10)
                        implicitHeight: unreadText.implicitHeight + 4
                        radius: height / 2
                        color: row.palette.highlight
                        Label {
                            id: unreadText
                            anchors.centerIn: parent
                            text: row.unread
                            color: row.palette.highlightedText
                            font.bold: true
                        }
                    }
                }

                Accessible.name: row.name
                                 + (row.room ? ", " + qsTr("care-team room") : "")
                                 + (row.unread > 0 ? ", " + qsTr("%n unread", "", row.unread) : "")
                                 + (row.encrypted ? ", " + qsTr("end-to-end encrypted") : "")
                                 + (row.needsAck ? ", " + (row.priority === "stat" ? qsTr("STAT") : qsTr("Urgent"))
                                                   + ", " + qsTr("needs acknowledgement") : "")
                onClicked: {
                    conversationList.currentIndex = row.index;
                    pane.opened(row.conversation);
                }
            }

            Keys.onReturnPressed: if (currentItem) currentItem.clicked()
            Keys.onEnterPressed: if (currentItem) currentItem.clicked()
            Keys.onSpacePressed: if (currentItem) currentItem.clicked()
            onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
            onCountChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0

            Label {
                anchors.centerIn: parent
                width: parent.width - 24
                visible: conversationList.count === 0
                text: qsTr("No conversations yet. Choose a contact below to start one.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
        }

        Label {
            Layout.leftMargin: 12
            Layout.topMargin: 8
            Layout.bottomMargin: 4
            text: qsTr("Contacts")
            font.bold: true
            font.capitalization: Font.AllUppercase
            Accessible.role: Accessible.Heading
        }

        ListView {
            id: list
            objectName: "contactListView"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 2
            clip: true
            model: pane.contacts
            activeFocusOnTab: true
            keyNavigationEnabled: true
            focus: true
            currentIndex: -1
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Contacts")

            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: contact
                required property int index
                required property string jid
                required property string name
                required property bool online

                width: ListView.view.width
                background: RowBackground {
                    isOpen: contact.jid === pane.openPeer
                    hovered: contact.hovered
                    focused: list.activeFocus && contact.ListView.isCurrentItem
                    accent: contact.palette.highlight
                }

                contentItem: RowLayout {
                    spacing: 10
                    Rectangle {
                        implicitWidth: 10
                        implicitHeight: 10
                        radius: 5
                        color: contact.online ? "#1b7f3b" : "transparent"
                        border.width: 1.5
                        border.color: contact.online ? "#1b7f3b" : contact.palette.mid
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: contact.name
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                        }
                        Label {
                            text: contact.online ? qsTr("Online") : qsTr("Offline")
                        }
                    }
                }

                Accessible.name: contact.name + ", " + (contact.online ? qsTr("Online") : qsTr("Offline"))
                onClicked: {
                    list.currentIndex = contact.index;
                    pane.opened(contact.jid);
                }
            }

            Keys.onReturnPressed: if (currentItem) currentItem.clicked()
            Keys.onEnterPressed: if (currentItem) currentItem.clicked()
            Keys.onSpacePressed: if (currentItem) currentItem.clicked()
            onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0

            Label {
                anchors.centerIn: parent
                width: parent.width - 24
                visible: list.count === 0
                text: qsTr("No contacts yet.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
        }
    }
}
