// SPDX-License-Identifier: GPL-3.0-or-later
// A new batch: choose the template and the CSV file; every problem is listed
// with its line and nothing can be submitted while there is one; each row
// shows exactly what that patient receives, on which channel, in which
// language, and what the minimum-necessary check found.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: page
    objectName: "frontDeskBatchPage"

    required property FrontDeskClient client
    signal submitted()

    FrontDeskBatchModel {
        id: batch
        objectName: "frontDeskBatchModel"
        client: page.client
        onSubmitted: page.submitted()
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose the reminder list")
        nameFilters: [qsTr("CSV files (*.csv)"), qsTr("All files (*)")]
        onAccepted: batch.loadFile(selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            spacing: 8
            Label {
                text: qsTr("Template")
            }
            ComboBox {
                id: templateBox
                objectName: "frontDeskTemplate"
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "appointment", text: qsTr("Appointment") },
                    { value: "refill", text: qsTr("Refill") },
                    { value: "follow-up", text: qsTr("Follow-up") },
                    { value: "insurance-expiry", text: qsTr("Insurance expiry") },
                    { value: "custom", text: qsTr("Custom text") }
                ]
                onActivated: batch.templateName = currentValue
                Accessible.name: qsTr("Reminder template")
            }
            Button {
                objectName: "frontDeskImportButton"
                text: qsTr("Import CSV…")
                onClicked: fileDialog.open()
                Accessible.name: qsTr("Import the reminder list from a CSV file")
            }
            Label {
                text: batch.fileName === "" ? "" : qsTr("%1: %n patient(s) ready", "", batch.count).arg(batch.fileName)
            }
        }
        RowLayout {
            visible: batch.templateName === "custom"
            Layout.fillWidth: true
            TextField {
                Layout.fillWidth: true
                placeholderText: qsTr("English text, e.g. Hello {first_name}, ...")
                text: batch.customText
                onEditingFinished: batch.customText = text
                Accessible.name: qsTr("Custom text in English")
            }
            TextField {
                Layout.fillWidth: true
                placeholderText: qsTr("Spanish text (optional)")
                text: batch.customTextEs
                onEditingFinished: batch.customTextEs = text
                Accessible.name: qsTr("Custom text in Spanish")
            }
        }

        // Problems first: nothing is sent while there is one.
        Label {
            visible: batch.errors.length > 0
            color: "#a40000"
            font.bold: true
            text: qsTr("%n problem(s): fix the file and import it again. Nothing will be sent.", "", batch.errors.length)
            Accessible.role: Accessible.AlertMessage
        }
        ListView {
            objectName: "frontDeskErrors"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 160)
            visible: batch.errors.length > 0
            clip: true
            model: batch.errors
            delegate: Label {
                required property string modelData
                width: ListView.view.width
                wrapMode: Text.Wrap
                text: modelData
            }
        }

        ListView {
            id: preview
            objectName: "frontDeskPreview"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: batch
            spacing: 6
            Accessible.name: qsTr("What each patient will receive")
            delegate: Frame {
                id: item
                required property int line
                required property string patient
                required property string channelText
                required property string language
                required property var sendAt
                required property string body
                required property string findings
                width: ListView.view.width
                ColumnLayout {
                    width: parent.width
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        font.bold: true
                        text: qsTr("Line %1 · %2 · %3 · %4 · %5").arg(item.line).arg(item.patient).arg(item.channelText).arg(item.language).arg(item.sendAt.toLocaleString(Qt.locale(), Locale.ShortFormat))
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: item.body
                    }
                    Label {
                        visible: item.findings !== ""
                        color: "#a40000"
                        text: qsTr("Flagged: %1").arg(item.findings)
                    }
                }
            }
        }

        // Only when a row is flagged: an override with a reason, audited.
        ColumnLayout {
            visible: batch.needsOverride
            Layout.fillWidth: true
            CheckBox {
                objectName: "frontDeskOverride"
                text: qsTr("Send the flagged rows anyway (where the organisation allows it; recorded in the audit log)")
                checked: batch.overrideRequested
                onToggled: batch.overrideRequested = checked
            }
            TextField {
                objectName: "frontDeskOverrideReason"
                Layout.fillWidth: true
                enabled: batch.overrideRequested
                placeholderText: qsTr("Reason for the override (required)")
                text: batch.overrideReason
                onTextEdited: batch.overrideReason = text
                Accessible.name: qsTr("Reason for the override")
            }
        }

        RowLayout {
            spacing: 8
            Button {
                objectName: "frontDeskSubmitButton"
                text: qsTr("Schedule %n reminder(s)", "", batch.count)
                enabled: batch.canSubmit
                onClicked: batch.schedule()
                Accessible.name: qsTr("Schedule the reminders with the reminder service")
            }
            Button {
                text: qsTr("Clear")
                enabled: batch.fileName !== ""
                onClicked: batch.clear()
            }
            BusyIndicator {
                running: batch.busy
                visible: running
                implicitWidth: 24
                implicitHeight: 24
            }
            Label {
                objectName: "frontDeskBatchStatus"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: batch.statusText
            }
        }
    }
}
