// SPDX-License-Identifier: GPL-3.0-or-later
// One message: own messages on the right with their delivery state in words.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Item {
    id: row

    required property string body
    required property bool outgoing
    required property date time
    required property string delivery
    property string peerName

    readonly property string deliveryText: delivery === "sending" ? qsTr("Sending…")
                                         : delivery === "sent" ? qsTr("Sent") : ""
    readonly property string timeText: Qt.formatTime(time, Locale.ShortFormat)

    implicitHeight: bubble.height

    Accessible.role: Accessible.ListItem
    Accessible.name: (outgoing ? qsTr("You") : peerName) + ", " + timeText + ": " + body
                     + (deliveryText !== "" ? ", " + deliveryText : "")

    Rectangle {
        id: bubble
        x: row.outgoing ? row.width - width - 16 : 16
        // Rounded up with a pixel to spare, or the last word wraps for no reason.
        width: Math.min(Math.ceil(Math.max(text.implicitWidth, meta.implicitWidth)) + 26,
                        row.width * 0.72)
        height: column.implicitHeight + 16
        radius: 8
        // Own messages on a tint of the highlight colour, text in the normal text
        // colour: keeps the contrast of plain text in light and dark themes.
        color: row.outgoing ? Qt.tint(palette.base, Qt.rgba(palette.highlight.r, palette.highlight.g,
                                                             palette.highlight.b, 0.22))
                            : palette.base
        border.width: 1
        border.color: row.outgoing ? palette.highlight : palette.mid

        SystemPalette {
            id: palette
        }

        ColumnLayout {
            id: column
            x: 12
            y: 8
            width: bubble.width - 24
            spacing: 4

            Text {
                id: text
                Layout.fillWidth: true
                text: row.body
                // Message text is never interpreted as markup.
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font: Qt.application.font
                color: palette.text
            }
            Text {
                id: meta
                Layout.alignment: row.outgoing ? Qt.AlignRight : Qt.AlignLeft
                text: row.deliveryText !== "" ? row.timeText + " · " + row.deliveryText : row.timeText
                color: palette.text
                font.pointSize: Qt.application.font.pointSize * 0.9
            }
        }
    }
}
