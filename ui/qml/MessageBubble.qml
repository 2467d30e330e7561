// SPDX-License-Identifier: GPL-3.0-or-later
// One message: own messages on the right with their delivery state in words, a
// day heading above the first message of each day, how it was protected (lock,
// verified, untrusted device), and a placeholder where it could not be
// decrypted. A failed send says why and offers Retry; one waiting for the
// connection says so and offers Cancel. Urgent and STAT messages carry a
// coloured bar and the word; incoming ones an Acknowledge button until
// acknowledged, ours who acknowledged them and where they escalated to.
// Recalled messages keep their place with a placeholder. Forwarded copies say
// where they came from; Forward… sends a copy elsewhere.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Item {
    id: row

    required property string body
    required property bool outgoing
    required property date time
    required property string delivery
    required property string protection
    required property bool undecryptable
    required property string problem
    required property string messageId
    required property string daySeparator
    // Rooms and files.
    required property string senderName
    required property bool attachment
    required property string attachmentName
    required property real attachmentSize
    required property string attachmentState
    required property real transferDone
    required property real transferTotal
    // Clinical messaging.
    required property string priority
    required property bool needsAck
    required property string acknowledgedText
    required property string escalationText
    required property bool recalled
    required property bool canRecall
    required property bool waiting
    // Forwarding.
    required property string forwardedFrom
    required property bool canForward
    property string peerName
    property bool highlighted
    /// A care-team room: each incoming message names its sender.
    property bool inRoom
    /// For image previews (decrypted in memory).
    property Session session
    /// The open room's members: our own room messages say how many saw them.
    property RoomMembersModel roomMembers

    signal retryRequested(string id)
    signal saveRequested(string id, string name)
    signal downloadRequested(string id)
    signal acknowledgeRequested(string id)
    signal recallRequested(string id)
    signal cancelRequested(string id)
    signal forwardRequested(string id)

    readonly property bool failed: delivery === "failed"
    readonly property bool urgent: priority === "urgent" || priority === "stat"
    // Never colour alone: the word goes with it.
    readonly property string priorityText: priority === "stat" ? qsTr("STAT")
                                         : priority === "urgent" ? qsTr("Urgent") : ""
    readonly property color priorityColor: priority === "stat" ? "#b00020" : "#b35c00"
    readonly property string deliveryText: {
        if (recalled)
            return outgoing ? qsTr("Recalled") : "";
        switch (delivery) {
        case "pending":
            return waiting ? qsTr("Waiting for connection") : qsTr("Sending…");
        case "sent":
            return qsTr("Sent");
        case "delivered":
            return qsTr("Delivered");
        case "read":
            return qsTr("Read");
        case "failed":
            return qsTr("Not sent");
        default:
            return "";
        }
    }
    readonly property string protectionText: {
        switch (protection) {
        case "encrypted":
            return qsTr("Encrypted");
        case "verified":
            return qsTr("Encrypted, verified device");
        case "untrusted":
            return qsTr("Encrypted, from a device you do not trust");
        case "undecryptable":
            return qsTr("Could not be decrypted");
        default:
            return qsTr("Not end-to-end encrypted");
        }
    }
    readonly property string protectionMark: protection === "verified" ? "🔒✓"
                                           : protection === "encrypted" ? "🔒"
                                           : protection === "plain" ? "" : "⚠"
    readonly property string timeText: Qt.formatTime(time, Locale.ShortFormat)
    readonly property string shownBody: recalled ? (outgoing ? qsTr("You recalled this message")
                                                            : qsTr("This message was recalled by its sender"))
                                      : undecryptable ? qsTr("Message could not be decrypted") : body

    implicitHeight: column.implicitHeight

    Accessible.role: Accessible.ListItem
    Accessible.name: (outgoing ? qsTr("You") : inRoom ? senderName : peerName) + ", " + timeText
                     + (priorityText !== "" ? ", " + priorityText : "")
                     + (forwardedFrom !== "" ? ", " + forwardedFrom : "") + ": "
                     + (attachment ? qsTr("file %1").arg(attachmentName) : shownBody)
                     + ", " + protectionText
                     + (deliveryText !== "" ? ", " + deliveryText : "")
                     + (problem !== "" ? ". " + problem : "")
                     + (needsAck ? ". " + qsTr("Needs your acknowledgement") : "")
                     + (acknowledgedText !== "" ? ". " + acknowledgedText : "")
                     + (escalationText !== "" ? ". " + escalationText : "")

    SystemPalette {
        id: palette
    }

    Column {
        id: column
        width: row.width
        spacing: 6

        Label {
            objectName: "daySeparator"
            width: parent.width
            visible: row.daySeparator !== ""
            text: "— " + row.daySeparator + " —"
            horizontalAlignment: Text.AlignHCenter
            font.bold: true
            opacity: 0.8
            Accessible.role: Accessible.Heading
            Accessible.name: row.daySeparator
        }

        Item {
            width: parent.width
            height: bubble.height

            Rectangle {
                id: bubble
                x: row.outgoing ? row.width - width - 16 : 16
                // Rounded up with a pixel to spare, or the last word wraps for no reason.
                width: Math.min(Math.ceil(Math.max(text.implicitWidth, metaRow.implicitWidth,
                                                   clinicalRow.visible ? clinicalRow.implicitWidth : 0,
                                                   ackLabel.visible ? ackLabel.implicitWidth : 0,
                                                   escalationLabel.visible ? escalationLabel.implicitWidth : 0,
                                                   senderLabel.visible ? senderLabel.implicitWidth : 0,
                                                   forwardedLabel.visible ? forwardedLabel.implicitWidth : 0,
                                                   fileBlock.visible ? fileBlock.implicitWidth : 0,
                                                   problemText.visible ? Math.min(problemText.implicitWidth, row.width * 0.6) : 0))
                                + 26, row.width * 0.72)
                height: bubbleColumn.implicitHeight + 16
                radius: 8
                // Own messages on a tint of the highlight colour, text in the normal text
                // colour: keeps the contrast of plain text in light and dark themes.
                color: row.outgoing ? Qt.tint(palette.base, Qt.rgba(palette.highlight.r, palette.highlight.g,
                                                                     palette.highlight.b, 0.22))
                                    : palette.base
                border.width: row.highlighted || row.failed || (row.urgent && !row.recalled) ? 2 : 1
                border.color: row.failed ? "#a50011"
                            : row.urgent && !row.recalled ? row.priorityColor
                            : row.highlighted || row.outgoing ? palette.highlight : palette.mid

                HoverHandler {
                    id: bubbleHover
                }

                // Priority bar on the leading edge.
                Rectangle {
                    objectName: "priorityBar"
                    visible: row.urgent && !row.recalled
                    width: 6
                    height: parent.height
                    radius: 3
                    color: row.priorityColor
                }

                ColumnLayout {
                    id: bubbleColumn
                    x: 12
                    y: 8
                    width: bubble.width - 24
                    spacing: 4

                    RowLayout {
                        id: clinicalRow
                        visible: row.urgent && !row.recalled
                        spacing: 6
                        Rectangle {
                            objectName: "priorityBadge"
                            implicitWidth: priorityLabel.implicitWidth + 10
                            implicitHeight: priorityLabel.implicitHeight + 4
                            radius: 3
                            color: row.priorityColor
                            Text {
                                id: priorityLabel
                                anchors.centerIn: parent
                                text: row.priorityText
                                color: "white"
                                font.bold: true
                            }
                        }
                        Text {
                            visible: row.needsAck
                            text: qsTr("Needs your acknowledgement")
                            color: palette.text
                            font.bold: true
                        }
                    }
                    Text {
                        id: senderLabel
                        objectName: "messageSender"
                        visible: row.inRoom && !row.outgoing
                        text: row.senderName
                        textFormat: Text.PlainText
                        font.bold: true
                        color: palette.text
                    }
                    Text {
                        id: forwardedLabel
                        objectName: "forwardedFrom"
                        Layout.fillWidth: true
                        visible: row.forwardedFrom !== ""
                        text: "↪ " + row.forwardedFrom
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.italic: true
                        color: palette.text
                        opacity: 0.85
                    }
                    AttachmentBlock {
                        id: fileBlock
                        objectName: "attachmentBlock"
                        Layout.fillWidth: true
                        visible: row.attachment
                        session: row.session
                        messageId: row.messageId
                        name: row.attachmentName
                        size: row.attachmentSize
                        fileState: row.attachmentState
                        transferDone: row.transferDone
                        transferTotal: row.transferTotal
                        outgoing: row.outgoing
                        onSaveRequested: (id, name) => row.saveRequested(id, name)
                        onDownloadRequested: id => row.downloadRequested(id)
                    }
                    Text {
                        id: text
                        objectName: "messageText"
                        visible: !row.attachment || text.text !== ""
                        Layout.fillWidth: true
                        text: row.shownBody
                        // Message text is never interpreted as markup.
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.family: Qt.application.font.family
                        font.pointSize: Qt.application.font.pointSize
                        font.italic: row.undecryptable || row.recalled
                        color: palette.text
                    }
                    Text {
                        id: problemText
                        objectName: "messageProblem"
                        Layout.fillWidth: true
                        visible: row.problem !== ""
                        text: row.problem
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: row.failed ? (palette.window.hslLightness < 0.5 ? "#ff9e9e" : "#a50011")
                                          : palette.text
                    }
                    Text {
                        id: ackLabel
                        objectName: "acknowledgedText"
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: row.acknowledgedText
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.bold: true
                        color: palette.window.hslLightness < 0.5 ? "#8fd19e" : "#1b5e20"
                    }
                    Text {
                        id: escalationLabel
                        objectName: "escalationText"
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: row.escalationText
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.bold: true
                        color: palette.window.hslLightness < 0.5 ? "#ffcc80" : "#7a3e00"
                    }
                    RowLayout {
                        id: metaRow
                        Layout.alignment: row.outgoing ? Qt.AlignRight : Qt.AlignLeft
                        spacing: 6
                        Text {
                            id: meta
                            text: row.protectionMark + (row.protectionMark !== "" ? " " : "")
                                  + (row.deliveryText !== "" ? row.timeText + " · " + row.deliveryText
                                                             : row.timeText)
                            color: palette.text
                            font.pointSize: Qt.application.font.pointSize * 0.9
                            ToolTip.text: row.protectionText
                            ToolTip.visible: metaHover.hovered
                            HoverHandler {
                                id: metaHover
                            }
                        }
                        // "Seen by 2 of 4" under our own care-team room messages.
                        Loader {
                            objectName: "seenByLoader"
                            active: row.inRoom && row.outgoing && !row.recalled && row.roomMembers !== null
                                    && (row.delivery === "delivered" || row.delivery === "read")
                            visible: active
                            sourceComponent: SeenByButton {
                                session: row.session
                                room: row.roomMembers ? row.roomMembers.room : ""
                                messageId: row.messageId
                                members: row.roomMembers
                            }
                        }
                        Button {
                            objectName: "acknowledgeButton"
                            visible: row.needsAck
                            text: qsTr("Acknowledge")
                            font.bold: true
                            onClicked: row.acknowledgeRequested(row.messageId)
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Acknowledge (Ctrl+Shift+A)")
                            Accessible.name: qsTr("Acknowledge this %1 message").arg(row.priorityText)
                        }
                        Button {
                            objectName: "cancelButton"
                            visible: row.waiting && row.outgoing
                            text: qsTr("Cancel")
                            onClicked: row.cancelRequested(row.messageId)
                            Accessible.name: qsTr("Cancel sending this message")
                        }
                        Button {
                            objectName: "recallButton"
                            // Only on the message pointed at or selected: keeps the list calm.
                            visible: row.canRecall && (bubbleHover.hovered || row.highlighted)
                            flat: true
                            text: qsTr("Recall…")
                            onClicked: row.recallRequested(row.messageId)
                            Accessible.name: qsTr("Recall this message")
                        }
                        Button {
                            objectName: "forwardMessageButton"
                            // Like Recall: on the message pointed at or selected (Ctrl+Shift+F).
                            visible: row.canForward && (bubbleHover.hovered || row.highlighted)
                            flat: true
                            text: qsTr("Forward…")
                            onClicked: row.forwardRequested(row.messageId)
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Forward to a colleague or room (Ctrl+Shift+F)")
                            Accessible.name: qsTr("Forward this message")
                        }
                        Button {
                            objectName: "retryButton"
                            visible: row.failed && row.outgoing
                            text: qsTr("Retry")
                            onClicked: row.retryRequested(row.messageId)
                            Accessible.name: qsTr("Retry sending this message")
                        }
                    }
                }
            }
        }
    }
}
