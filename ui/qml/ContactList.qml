// SPDX-License-Identifier: GPL-3.0-or-later
// Left column: who is signed in, sign out, and the contacts to talk to.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: pane
    objectName: "contactList"

    required property Session session
    required property ContactListModel contacts
    /// The conversation that is open, to mark it in the list.
    property string openPeer

    signal opened(string jid, string name)

    function focusList() {
        list.forceActiveFocus();
    }

    padding: 0

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

        Label {
            Layout.leftMargin: 12
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

                readonly property bool isOpen: contact.jid === pane.openPeer

                width: ListView.view.width
                // The open conversation: a tint and a bar, text keeps its full contrast.
                // Keyboard focus: a frame.
                background: Rectangle {
                    readonly property color accent: contact.palette.highlight
                    color: contact.isOpen ? Qt.rgba(accent.r, accent.g, accent.b, 0.22)
                         : contact.hovered ? Qt.rgba(accent.r, accent.g, accent.b, 0.08)
                         : "transparent"
                    border.width: list.activeFocus && contact.ListView.isCurrentItem ? 2 : 0
                    border.color: accent
                    Rectangle {
                        width: 4
                        height: parent.height
                        color: parent.accent
                        visible: contact.isOpen
                    }
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
                            font.bold: contact.isOpen
                        }
                        Label {
                            text: contact.online ? qsTr("Online") : qsTr("Offline")

                        }
                    }
                }

                Accessible.name: contact.name + ", " + (contact.online ? qsTr("Online") : qsTr("Offline"))
                onClicked: {
                    list.currentIndex = contact.index;
                    pane.opened(contact.jid, contact.name);
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
