// SPDX-License-Identifier: GPL-3.0-or-later
// "Forward…": choose the colleague or care-team room a message goes to, by
// typing part of the name (the same matching as Ctrl+K). Up/Down choose,
// Enter forwards, Esc cancels. The conversation view sends the copy; a
// refusal (outside the allowed domains, recalled) shows in its error line.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Dialog {
    id: dialog
    objectName: "forwardDialog"

    /// The conversations and contacts to offer come from the signed-in account.
    property Session session
    /// The message to forward.
    property string messageId

    /// The user chose where the message goes.
    signal forwardRequested(string messageId, string jid)

    function forwardTo(row) {
        const jid = targets.jidAt(row);
        if (jid === "" || dialog.messageId === "")
            return;
        dialog.forwardRequested(dialog.messageId, jid);
        dialog.close();
    }

    title: qsTr("Forward message")
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: Overlay.overlay
    parent: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 48 : 480, 480)

    onOpened: {
        filterField.text = "";
        targetList.currentIndex = targetList.count > 0 ? 0 : -1;
        filterField.forceActiveFocus();
    }

    // The lists are read only while the dialog is shown.
    ConversationListModel {
        id: conversationsModel
        session: dialog.visible ? dialog.session : null
    }
    ContactListModel {
        id: contactsModel
        session: dialog.visible ? dialog.session : null
    }
    QuickSwitchModel {
        id: targets
        objectName: "forwardTargets"
        conversations: conversationsModel
        contacts: contactsModel
        filter: filterField.text
        onModelReset: targetList.currentIndex = targetList.count > 0 ? 0 : -1
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 8

        Label {
            Layout.fillWidth: true
            text: qsTr("Forward to a colleague or care-team room. The copy says where it came from; the original stays here.")
            wrapMode: Text.Wrap
        }

        TextField {
            id: filterField
            objectName: "forwardFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Type a name…")
            Accessible.name: qsTr("Colleague or room to forward to")
            Accessible.description: qsTr("Up and Down choose, Enter forwards, Esc cancels.")
            Keys.onDownPressed: targetList.incrementCurrentIndex()
            Keys.onUpPressed: targetList.decrementCurrentIndex()
            Keys.onReturnPressed: dialog.forwardTo(targetList.currentIndex)
            Keys.onEnterPressed: dialog.forwardTo(targetList.currentIndex)
        }

        ListView {
            id: targetList
            objectName: "forwardTargetList"
            Layout.fillWidth: true
            Layout.preferredHeight: 280
            clip: true
            model: targets
            keyNavigationWraps: true
            highlightMoveDuration: 0
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Colleagues and rooms")

            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: target
                required property int index
                required property string jid
                required property string name
                required property string kind

                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: target.name
                contentItem: RowLayout {
                    spacing: 8
                    Label {
                        text: target.kind === "room" ? "👥" : "👤"
                        Accessible.ignored: true
                    }
                    Label {
                        Layout.fillWidth: true
                        text: target.name
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                    }
                }
                Accessible.name: target.name + (target.kind === "room" ? ", " + qsTr("care-team room") : "")
                onClicked: targetList.currentIndex = target.index
                onDoubleClicked: dialog.forwardTo(target.index)
            }

            Label {
                anchors.centerIn: parent
                visible: targetList.count === 0
                text: qsTr("Nothing matches.")
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: text
        }
        Button {
            objectName: "forwardButton"
            text: qsTr("Forward")
            enabled: targetList.currentIndex >= 0
            onClicked: dialog.forwardTo(targetList.currentIndex)
            Accessible.name: text
        }
    }
}
