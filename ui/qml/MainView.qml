// SPDX-License-Identifier: GPL-3.0-or-later
// Signed in: conversations and contacts on the left, the open conversation in
// the centre, devices and trust on the right (toggle), the connection status
// along the bottom. Ctrl+F searches the history; Esc closes a panel.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Page {
    id: view
    objectName: "mainView"

    required property Session session
    required property ContactListModel contacts
    required property ConversationListModel conversations
    required property ConversationModel conversation
    required property DeviceTrustModel devices
    required property SearchModel search
    property bool detailsOpen: false
    /// The top-level view: "messages", "admin" for administrators, or "frontdesk".
    property string section: "messages"
    readonly property bool adminAvailable: view.session.admin.available
    onAdminAvailableChanged: if (!adminAvailable && view.section === "admin") view.section = "messages"

    function openConversation(jid) {
        view.conversation.peer = jid;
        conversationView.focusComposer();
    }

    // Keyboard first: Up/Down and Enter pick a conversation right after signing in.
    Component.onCompleted: {
        view.conversation.active = true;
        if (view.conversation.peer !== "")
            conversationView.focusComposer();
        else
            contactList.focusList();
    }
    // Nothing is read while the view is gone (locked, signed out).
    Component.onDestruction: view.conversation.active = false

    // Lock the screen before stepping away; the main view goes until unlocked.
    Action {
        id: lockAction
        objectName: "lockAction"
        text: qsTr("Lock")
        shortcut: "Ctrl+L"
        onTriggered: view.session.lockNow()
    }
    Action {
        id: searchAction
        objectName: "searchAction"
        text: qsTr("Search")
        shortcut: StandardKey.Find
        onTriggered: searchPanel.open()
    }
    Action {
        id: detailsAction
        objectName: "detailsAction"
        text: qsTr("Details")
        shortcut: "Ctrl+I"
        checkable: true
        checked: view.detailsOpen
        enabled: view.conversation.peer !== ""
        onTriggered: view.detailsOpen = !view.detailsOpen
    }
    // Page whoever is on call for a role (Ctrl+Shift+P).
    Action {
        id: pageRoleAction
        objectName: "pageRoleAction"
        text: qsTr("Page a role…")
        shortcut: "Ctrl+Shift+P"
        enabled: view.session.signedIn
        onTriggered: pageRoleDialog.open()
    }
    Action {
        id: settingsAction
        objectName: "settingsAction"
        text: qsTr("Settings")
        shortcut: "Ctrl+,"
        onTriggered: settingsDialog.open()
    }
    Shortcut {
        sequence: "Ctrl+1"
        onActivated: view.section = "messages"
    }
    Shortcut {
        sequence: "Ctrl+2"
        enabled: view.adminAvailable
        onActivated: view.section = "admin"
    }
    Shortcut {
        sequence: "Ctrl+3"
        onActivated: view.section = "frontdesk"
    }
    // Ctrl+K: jump to a conversation or contact by name.
    Shortcut {
        sequence: "Ctrl+K"
        onActivated: quickSwitcher.open()
    }
    // Alt+Down / Alt+Up: the next / previous conversation with unread messages.
    Shortcut {
        sequence: "Alt+Down"
        onActivated: {
            const jid = view.conversations.nextUnread(view.conversation.peer, true);
            if (jid !== "")
                view.openConversation(jid);
        }
    }
    Shortcut {
        sequence: "Alt+Up"
        onActivated: {
            const jid = view.conversations.nextUnread(view.conversation.peer, false);
            if (jid !== "")
                view.openConversation(jid);
        }
    }
    Shortcut {
        sequence: "Esc"
        enabled: view.detailsOpen
        onActivated: {
            view.detailsOpen = false;
            conversationView.focusComposer();
        }
    }

    // The admin tab only for accounts the server lets administer; the front
    // desk (Ctrl+3 for everyone) once a reminder service is set, whose staff
    // list decides who may use it.
    header: ViewSwitcher {
        visible: view.adminAvailable || frontDesk.service !== ""
        adminAvailable: view.adminAvailable
        current: view.section
        onCurrentChanged: view.section = current
    }

    Loader {
        objectName: "adminLoader"
        anchors.fill: parent
        active: view.section === "admin" && view.adminAvailable
        visible: active
        sourceComponent: AdminConsole {
            session: view.session
        }
    }

    Loader {
        objectName: "frontDeskLoader"
        anchors.fill: parent
        active: view.section === "frontdesk"
        visible: active
        sourceComponent: FrontDeskView {
            session: view.session
            client: frontDesk
        }
    }
    FrontDeskClient {
        id: frontDesk
        objectName: "frontDeskClient"
        session: view.session
    }

    SettingsDialog {
        id: settingsDialog
        session: view.session
    }

    RoleDirectoryModel {
        id: roleDirectory
        objectName: "roleDirectory"
        session: view.session
    }
    PageRoleDialog {
        id: pageRoleDialog
        roles: roleDirectory
        onPaged: jid => view.conversation.peer = jid
        onClosed: conversationView.focusComposer()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: view.section === "messages"

        ContactList {
            id: contactList
            Layout.fillHeight: true
            Layout.preferredWidth: Math.max(240, view.width * 0.24)
            session: view.session
            contacts: view.contacts
            conversations: view.conversations
            openPeer: view.conversation.peer
            searchAction: searchAction
            pageRoleAction: pageRoleAction
            onOpened: jid => view.openConversation(jid)
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
            conversation: view.conversation
            devices: view.devices
            detailsAction: detailsAction
            requireVerified: view.session.policy.requireVerifiedDevices
            session: view.session
        }

        Rectangle {
            Layout.fillHeight: true
            implicitWidth: 1
            color: view.palette.mid
            visible: trustPanel.visible
        }

        TrustPanel {
            id: trustPanel
            Layout.fillHeight: true
            Layout.preferredWidth: Math.max(300, view.width * 0.26)
            visible: view.detailsOpen && view.conversation.peer !== ""
            devices: view.devices
            peerName: view.conversation.peerName
            onCloseRequested: {
                view.detailsOpen = false;
                conversationView.focusComposer();
            }
        }
    }

    SearchPanel {
        id: searchPanel
        search: view.search
        x: (view.width - width) / 2
        y: 48
        width: Math.min(view.width - 48, 640)
        height: Math.min(view.height - 96, 520)
        onActivated: (jid, rowId) => {
            searchPanel.close();
            view.conversation.openAt(jid, rowId);
            conversationView.focusComposer();
        }
    }

    QuickSwitcher {
        id: quickSwitcher
        conversations: view.conversations
        contacts: view.contacts
        x: (view.width - width) / 2
        y: 48
        width: Math.min(view.width - 48, 520)
        height: Math.min(view.height - 96, 440)
        onActivated: jid => view.openConversation(jid)
        onClosed: if (view.conversation.peer === "") contactList.focusList()
    }

    footer: StatusLine {
        session: view.session
        rightPadding: lockButton.width + settingsButton.width + 16

        ToolButton {
            id: settingsButton
            objectName: "settingsButton"
            anchors.right: lockButton.left
            anchors.verticalCenter: parent.verticalCenter
            action: settingsAction
            display: AbstractButton.TextOnly
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Settings (Ctrl+,)")
            Accessible.name: qsTr("Settings")
        }
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
