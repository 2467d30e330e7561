// SPDX-License-Identifier: GPL-3.0-or-later
// Server audit export: choose a file, then the whole archive is written to
// it, one JSON entry per line (with its hash chain), with counts as it goes.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: page
    objectName: "adminAuditPage"

    required property Session session

    AuditExport {
        id: exporter
        objectName: "auditExport"
        session: page.session
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Export the audit log to")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("JSON lines (*.jsonl)"), qsTr("All files (*)")]
        onAccepted: pathField.text = exporter.localPath(selectedFile)
    }

    ColumnLayout {
        width: Math.min(page.availableWidth, 720)
        spacing: 10

        Label {
            text: qsTr("Server audit export")
            font.bold: true
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Sign-ins, administrator actions and policy changes recorded by the server, oldest first. Entries are chained by hashes, so edits and gaps show. No passwords, codes or message content are in it.")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            TextField {
                id: pathField
                objectName: "auditPathField"
                Layout.fillWidth: true
                placeholderText: qsTr("File to write, e.g. /home/it/audit.jsonl")
                Accessible.name: qsTr("File to write the audit log to")
            }
            Button {
                text: qsTr("Choose…")
                onClicked: fileDialog.open()
                Accessible.name: qsTr("Choose the file")
            }
        }
        RowLayout {
            spacing: 8
            Button {
                objectName: "auditExportButton"
                text: qsTr("Export")
                enabled: pathField.text !== "" && exporter.phase !== AuditExport.Fetching
                         && exporter.phase !== AuditExport.Writing
                onClicked: exporter.exportTo(pathField.text)
                Accessible.name: qsTr("Export the audit log")
            }
            BusyIndicator {
                running: exporter.phase === AuditExport.Fetching
                visible: running
                implicitWidth: 24
                implicitHeight: 24
            }
        }
        ProgressBar {
            Layout.fillWidth: true
            visible: exporter.phase === AuditExport.Writing || exporter.phase === AuditExport.Done
            from: 0
            to: Math.max(1, exporter.fetched)
            value: exporter.written
        }
        Label {
            objectName: "auditStatus"
            Layout.fillWidth: true
            visible: text !== ""
            text: exporter.statusText
            wrapMode: Text.Wrap
            color: exporter.phase === AuditExport.Failed ? "#a40000" : page.palette.windowText
            Accessible.role: exporter.phase === AuditExport.Failed ? Accessible.AlertMessage
                                                                    : Accessible.StaticText
        }
    }
}
