// SPDX-License-Identifier: GPL-3.0-or-later
// A care-team room's members: owner, team leads and members (the role in
// words on a badge), and who is in the room now. The owner and team leads add
// a colleague by address (Enter adds) and remove members (Delete on the
// selected member, after a question); the owner also makes members team leads
// and back. Others see the list only. The server decides who may: a refusal
// is said in words.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Dialog {
    id: panel
    objectName: "roomPanel"

    required property RoomMembersModel members
    property string roomName

    title: qsTr("Members of %1").arg(panel.roomName)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    parent: Overlay.overlay
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 48 : 560, 560)
    height: Math.min(Overlay.overlay ? Overlay.overlay.height - 48 : 600, 600)

    onOpened: {
        panel.members.refresh();
        if (panel.members.canManage)
            newMember.forceActiveFocus();
        else
            memberList.forceActiveFocus();
    }

    function addMember() {
        if (panel.members.busy || newMember.text.trim() === "")
            return;
        if (panel.members.addMember(newMember.text.trim()))
            newMember.clear();
    }

    function askRemove(jid, name) {
        removeDialog.jid = jid;
        removeDialog.name = name;
        removeDialog.open();
    }

    function badgeColor(role) {
        const dark = panel.palette.window.hslLightness < 0.5;
        if (role === "owner")
            return dark ? "#9fc5ff" : "#0b3d91";
        if (role === "teamLead")
            return dark ? "#8fd19e" : "#1b5e20";
        return dark ? "#cccccc" : "#444444";
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            objectName: "roomPanelHint"
            Layout.fillWidth: true
            text: panel.members.canAppointLeads
                  ? qsTr("You own this room: you can add and remove members and make them team leads.")
                  : panel.members.canManage
                    ? qsTr("You are a team lead: you can add and remove members.")
                    : qsTr("Only the room's owner or a team lead can change its members.")
            wrapMode: Text.Wrap
        }

        RowLayout {
            Layout.fillWidth: true
            visible: panel.members.canManage
            spacing: 8
            TextField {
                id: newMember
                objectName: "newMemberField"
                Layout.fillWidth: true
                placeholderText: qsTr("Colleague's address, e.g. name@example.org")
                inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Address of the colleague to add")
                Accessible.description: qsTr("Enter adds them to the room.")
                onAccepted: panel.addMember()
            }
            Button {
                objectName: "addMemberButton"
                text: qsTr("Add")
                enabled: newMember.text.trim() !== "" && !panel.members.busy
                onClicked: panel.addMember()
                Accessible.name: qsTr("Add to the room")
            }
        }

        Label {
            objectName: "roomPanelError"
            Layout.fillWidth: true
            visible: text !== ""
            text: panel.members.errorText
            wrapMode: Text.Wrap
            font.bold: true
            color: panel.palette.window.hslLightness < 0.5 ? "#ff9e9e" : "#a50011"
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        ListView {
            id: memberList
            objectName: "memberList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: panel.members
            activeFocusOnTab: true
            keyNavigationEnabled: true
            currentIndex: count > 0 ? 0 : -1
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Members")
            ScrollBar.vertical: ScrollBar {}

            Keys.onDeletePressed: {
                const item = memberList.currentItem;
                if (item && item.manageable && panel.members.canManage)
                    panel.askRemove(item.jid, item.name);
            }

            BusyIndicator {
                anchors.centerIn: parent
                running: panel.members.busy && memberList.count === 0
                visible: running
            }

            delegate: ItemDelegate {
                id: member
                required property int index
                required property string jid
                required property string name
                required property string memberRole
                required property string roleText
                required property bool present
                required property bool self
                required property bool manageable

                width: ListView.view.width
                highlighted: ListView.isCurrentItem && memberList.activeFocus
                focusPolicy: Qt.NoFocus
                onClicked: memberList.currentIndex = member.index
                Accessible.role: Accessible.ListItem
                Accessible.name: (member.self ? qsTr("%1 (you)").arg(member.name) : member.name)
                                 + ", " + member.roleText + ", "
                                 + (member.present ? qsTr("in the room") : qsTr("not in the room"))

                contentItem: RowLayout {
                    spacing: 8
                    Label {
                        // Not colour alone: filled or hollow, and said in the name.
                        text: member.present ? "●" : "○"
                        color: member.present ? "#1b7f3b" : panel.palette.mid
                        Accessible.ignored: true
                        ToolTip.text: member.present ? qsTr("In the room now") : qsTr("Not in the room now")
                        ToolTip.visible: presenceHover.hovered
                        HoverHandler {
                            id: presenceHover
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            objectName: "memberName"
                            Layout.fillWidth: true
                            text: member.self ? qsTr("%1 (you)").arg(member.name) : member.name
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            font.bold: true
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: member.name !== member.jid
                            text: member.jid
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            opacity: 0.8
                        }
                    }
                    Rectangle {
                        objectName: "roleBadge"
                        implicitWidth: roleLabel.implicitWidth + 12
                        implicitHeight: roleLabel.implicitHeight + 4
                        radius: 3
                        color: "transparent"
                        border.width: 1
                        border.color: panel.badgeColor(member.memberRole)
                        Label {
                            id: roleLabel
                            anchors.centerIn: parent
                            text: member.roleText
                            color: panel.badgeColor(member.memberRole)
                            font.bold: member.memberRole !== "member"
                        }
                    }
                    Button {
                        objectName: "teamLeadButton"
                        visible: panel.members.canAppointLeads && member.manageable
                        enabled: !panel.members.busy
                        flat: true
                        text: member.memberRole === "teamLead" ? qsTr("Make member") : qsTr("Make team lead")
                        onClicked: panel.members.setTeamLead(member.jid, member.memberRole !== "teamLead")
                        Accessible.name: member.memberRole === "teamLead"
                                         ? qsTr("Make %1 a plain member again").arg(member.name)
                                         : qsTr("Make %1 a team lead").arg(member.name)
                    }
                    Button {
                        objectName: "removeMemberButton"
                        visible: panel.members.canManage && member.manageable
                        enabled: !panel.members.busy
                        flat: true
                        text: qsTr("Remove…")
                        onClicked: panel.askRemove(member.jid, member.name)
                        Accessible.name: qsTr("Remove %1 from the room").arg(member.name)
                    }
                }
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "closeRoomPanelButton"
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: text
        }
    }

    ConfirmDialog {
        id: removeDialog
        objectName: "removeMemberDialog"
        property string jid
        property string name
        title: qsTr("Remove %1 from this room?").arg(removeDialog.name)
        message: qsTr("%1 leaves the room at once and no longer receives its messages. What was already said stays on their devices. A team lead or the owner can add them again.").arg(removeDialog.name)
        confirmText: qsTr("Remove")
        destructive: true
        onConfirmed: panel.members.removeMember(removeDialog.jid)
        onClosed: memberList.forceActiveFocus()
    }
}
