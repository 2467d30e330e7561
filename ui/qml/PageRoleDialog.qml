// SPDX-License-Identifier: GPL-3.0-or-later
// "Page a role": message whoever is on call for a role (On-call cardiology)
// rather than a name. The role is resolved when the message is sent; the
// dialog then says who it went to, and that conversation opens behind it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Dialog {
    id: dialog
    objectName: "pageRoleDialog"

    required property RoleDirectoryModel roles
    /// Who the last page went to, in words; empty before sending.
    property string resultText
    property string errorText

    /// The conversation with whoever the role resolved to.
    signal paged(string jid)

    function send() {
        if (roleList.currentIndex < 0 || body.text.trim() === "" || dialog.roles.busy)
            return;
        dialog.errorText = "";
        dialog.roles.page(roleList.currentItem.roleId, body.text, priority.currentIndex);
    }

    title: qsTr("Page a role")
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: Overlay.overlay
    parent: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 48 : 600, 600)
    onOpened: {
        dialog.resultText = "";
        dialog.errorText = "";
        body.clear();
        priority.currentIndex = 2;
        dialog.roles.refresh();
        roleList.forceActiveFocus();
        if (roleList.currentIndex < 0 && roleList.count > 0)
            roleList.currentIndex = 0;
    }

    Connections {
        target: dialog.roles
        function onPaged(roleName, jid, name) {
            dialog.resultText = qsTr("Sent to %1, on call for %2.").arg(name).arg(roleName);
            body.clear();
            dialog.paged(jid);
            doneButton.forceActiveFocus();
        }
        function onPageFailed(errorText) {
            dialog.errorText = errorText;
        }
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 8

        Label {
            text: qsTr("Role")
            font.bold: true
        }
        ListView {
            id: roleList
            objectName: "roleList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 200)
            clip: true
            model: dialog.roles
            keyNavigationEnabled: true
            activeFocusOnTab: true
            currentIndex: count > 0 ? 0 : -1
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Roles")
            delegate: ItemDelegate {
                id: roleRow
                required property int index
                required property string roleId
                required property string name
                required property string onCall
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: roleRow.onCall !== "" ? qsTr("%1 · on call: %2").arg(roleRow.name).arg(roleRow.onCall)
                                            : qsTr("%1 · nobody on call now").arg(roleRow.name)
                onClicked: roleList.currentIndex = roleRow.index
                Accessible.name: text
            }
            Label {
                anchors.centerIn: parent
                width: parent.width
                visible: roleList.count === 0
                text: qsTr("Your organisation has not published any on-call roles.")
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            ComboBox {
                id: priority
                objectName: "pagePriority"
                model: [qsTr("Routine"), qsTr("Urgent"), qsTr("STAT")]
                currentIndex: 2
                font.bold: currentIndex > 0
                Accessible.name: qsTr("Priority: %1").arg(currentText)
            }
            TextField {
                id: body
                objectName: "pageBody"
                Layout.fillWidth: true
                placeholderText: qsTr("Message…")
                Accessible.name: qsTr("Message")
                onAccepted: dialog.send()
            }
        }

        Label {
            objectName: "pageResult"
            Layout.fillWidth: true
            visible: text !== ""
            text: dialog.resultText
            wrapMode: Text.Wrap
            font.bold: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            objectName: "pageError"
            Layout.fillWidth: true
            visible: text !== ""
            text: dialog.errorText
            wrapMode: Text.Wrap
            color: "#a50011"
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }

    footer: DialogButtonBox {
        Button {
            id: doneButton
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: text
        }
        Button {
            objectName: "pageSendButton"
            text: qsTr("Send page")
            enabled: roleList.currentIndex >= 0 && body.text.trim() !== "" && !dialog.roles.busy
            onClicked: dialog.send()
            Accessible.name: text
        }
    }
}
