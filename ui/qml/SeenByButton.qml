// SPDX-License-Identifier: GPL-3.0-or-later
// "Seen by 2 of 4" under our own care-team room message; opens the list of
// who saw it and when. Updates as members' displayed markers arrive.
import QtQuick
import QtQuick.Controls
import Rounds.Ui

Button {
    id: seen
    objectName: "seenByButton"

    property Session session
    property string room
    property string messageId
    /// The open room's members (shared by all messages of the room).
    property RoomMembersModel members

    visible: text !== ""
    flat: true
    padding: 2
    text: readersModel.summary
    font.pointSize: Qt.application.font.pointSize * 0.9
    onClicked: readersPopup.open()
    ToolTip.visible: hovered
    ToolTip.text: qsTr("Show who has seen it")
    Accessible.name: qsTr("%1. Show who has seen it").arg(readersModel.summary)

    RoomReadersModel {
        id: readersModel
        session: seen.session
        room: seen.room
        messageId: seen.messageId
        members: seen.members
    }

    RoomReadersPopup {
        id: readersPopup
        readers: readersModel
        onClosed: seen.forceActiveFocus()
    }
}
