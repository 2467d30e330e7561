// SPDX-License-Identifier: GPL-3.0-or-later
// Signed in: contacts on the left, the open conversation in the centre, the
// connection status along the bottom.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Page {
    id: view
    objectName: "mainView"

    required property Session session

    // Keyboard first: Up/Down and Enter pick a conversation right after signing in.
    Component.onCompleted: contactList.focusList()

    // Lock the screen before stepping away; the main view goes until unlocked.
    Action {
        id: lockAction
        objectName: "lockAction"
        text: qsTr("Lock")
        shortcut: "Ctrl+L"
        onTriggered: view.session.lockNow()
    }

    ContactListModel {
        id: contacts
        session: view.session
    }

    ConversationModel {
        id: conversation
        session: view.session
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ContactList {
            id: contactList
            Layout.fillHeight: true
            Layout.preferredWidth: Math.max(240, view.width * 0.24)
            session: view.session
            contacts: contacts
            openPeer: conversation.peer
            onOpened: (jid, name) => {
                conversation.peer = jid;
                conversationView.peerName = name;
                conversationView.focusComposer();
            }
        }

        Rectangle {
            Layout.fillHeight: true
            implicitWidth: 1
            color: view.palette.mid
        }

        ConversationView {
            id: conversationView
            Layout.fillWidth: true
            Layout.fillHeight: true
            conversation: conversation
        }
    }

    footer: StatusLine {
        session: view.session
        rightPadding: lockButton.width + 12

        ToolButton {
            id: lockButton
            objectName: "lockButton"
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            action: lockAction
            display: AbstractButton.TextOnly
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Lock the screen (Ctrl+L)")
            Accessible.name: qsTr("Lock the screen")
        }
    }
}
