// SPDX-License-Identifier: GPL-3.0-or-later
// A file in a message: its name and size, transfer progress, a preview for
// images (decrypted in memory), Save (decrypted from the at-rest copy to a
// place the user picks) and Download again after a failure.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

ColumnLayout {
    id: block

    property Session session
    property string messageId
    property string name
    property real size
    property string fileState
    property real transferDone
    property real transferTotal
    property bool outgoing

    signal saveRequested(string messageId, string name)
    signal downloadRequested(string messageId)

    readonly property bool transferring: transferTotal !== 0 && transferDone >= 0
    readonly property string sizeText: {
        if (size >= 1024 * 1024)
            return qsTr("%1 MB").arg((size / (1024 * 1024)).toFixed(1));
        if (size >= 1024)
            return qsTr("%1 kB").arg(Math.round(size / 1024));
        return qsTr("%1 bytes").arg(size);
    }
    readonly property string stateText: {
        switch (fileState) {
        case "pending":
            return outgoing ? qsTr("Waiting to upload") : qsTr("Not downloaded yet");
        case "downloading":
            return qsTr("Downloading…");
        case "failed":
            return qsTr("Download failed");
        default:
            return "";
        }
    }

    spacing: 4
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("File %1, %2").arg(name).arg(sizeText)
                     + (stateText !== "" ? ", " + stateText : "")

    AttachmentImage {
        id: preview
        objectName: "attachmentPreview"
        Layout.preferredWidth: implicitWidth
        Layout.preferredHeight: implicitHeight
        visible: available
        session: block.session
        messageId: block.messageId
        fileState: block.fileState
        maximumSize: 280
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("Preview of %1").arg(block.name)
    }

    RowLayout {
        spacing: 8
        Label {
            text: "📄"
            Accessible.ignored: true
        }
        ColumnLayout {
            spacing: 0
            Label {
                objectName: "attachmentName"
                Layout.maximumWidth: 260
                text: block.name
                textFormat: Text.PlainText
                elide: Text.ElideMiddle
                font.bold: true
            }
            Label {
                text: block.sizeText + (block.stateText !== "" ? " · " + block.stateText : "")
            }
        }
        Button {
            objectName: "saveAttachmentButton"
            visible: block.fileState === "stored"
            text: qsTr("Save…")
            onClicked: block.saveRequested(block.messageId, block.name)
            Accessible.name: qsTr("Save %1").arg(block.name)
        }
        Button {
            visible: block.fileState === "failed" && !block.outgoing
            text: qsTr("Download")
            onClicked: block.downloadRequested(block.messageId)
            Accessible.name: qsTr("Download %1 again").arg(block.name)
        }
    }

    ProgressBar {
        objectName: "transferProgress"
        Layout.fillWidth: true
        visible: block.transferring
        indeterminate: block.transferTotal < 0
        from: 0
        to: Math.max(1, block.transferTotal)
        value: block.transferDone
        Accessible.name: block.outgoing ? qsTr("Upload progress") : qsTr("Download progress")
    }
}
