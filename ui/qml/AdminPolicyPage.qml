// SPDX-License-Identifier: GPL-3.0-or-later
// The organisation policy editor: every field, checked while typing, then
// published to every account of the domain (they apply it at once).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: page
    objectName: "adminPolicyPage"

    required property Session session

    PolicyEditor {
        id: editor
        objectName: "policyEditor"
        session: page.session
    }

    ConfirmDialog {
        id: confirm
        objectName: "policyConfirmDialog"
        title: qsTr("Publish this policy?")
        message: qsTr("Every Rounds computer of the organisation applies it as soon as it is connected; the others when they next connect. Users can then choose only stricter settings.")
        confirmText: qsTr("Publish")
        onConfirmed: editor.publish()
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: Math.min(scroll.availableWidth, 720)
            spacing: 10

            Label {
                text: qsTr("Organisation policy")
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: page.session.policy.hasPolicy
                      ? qsTr("The fields show the policy in force. Change them and publish.")
                      : qsTr("No policy has been published yet: the fields show the defaults.")
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                rowSpacing: 8

                Label { text: qsTr("Idle lock (minutes, 1–480)") }
                SpinBox {
                    objectName: "policyIdleLock"
                    from: 0
                    to: 9999
                    editable: true
                    value: editor.idleLockMinutes
                    onValueModified: editor.idleLockMinutes = value
                    Accessible.name: qsTr("Idle lock minutes")
                }
                Label { text: qsTr("Keep messages (days, 0 = without limit)") }
                SpinBox {
                    objectName: "policyRetention"
                    from: -1
                    to: 99999
                    editable: true
                    value: editor.retentionDays
                    onValueModified: editor.retentionDays = value
                    Accessible.name: qsTr("Retention days")
                }
                Label { text: qsTr("Notifications may show") }
                ComboBox {
                    objectName: "policyDetail"
                    Layout.preferredWidth: 320
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "none", text: page.session.policy.describeDetail("none") },
                        { value: "sender", text: page.session.policy.describeDetail("sender") },
                        { value: "preview", text: page.session.policy.describeDetail("preview") }
                    ]
                    currentIndex: indexOfValue(editor.notificationDetail)
                    onActivated: editor.notificationDetail = currentValue
                    Accessible.name: qsTr("What notifications may show")
                }
                Label { text: qsTr("Other organisations users may write to") }
                TextField {
                    objectName: "policyDomains"
                    Layout.fillWidth: true
                    placeholderText: qsTr("e.g. partner.example.org, lab.example.net")
                    text: editor.forwardingDomains
                    onTextEdited: editor.forwardingDomains = text
                    Accessible.name: qsTr("Allowed organisations, separated by commas")
                }
            }
            CheckBox {
                objectName: "policyRequireMfa"
                text: qsTr("Require two-step sign-in")
                checked: editor.requireMfa
                onToggled: editor.requireMfa = checked
            }
            CheckBox {
                objectName: "policyRequireVerified"
                text: qsTr("Send only to verified devices")
                checked: editor.requireVerifiedDevices
                onToggled: editor.requireVerifiedDevices = checked
            }
            CheckBox {
                objectName: "policyAllowAttachments"
                text: qsTr("Allow attachments")
                checked: editor.allowAttachments
                onToggled: editor.allowAttachments = checked
            }
            Label {
                objectName: "policyValidation"
                Layout.fillWidth: true
                visible: text !== ""
                text: editor.validationText
                wrapMode: Text.Wrap
                color: "#a40000"
                Accessible.role: Accessible.AlertMessage
            }
            Label {
                objectName: "policyError"
                Layout.fillWidth: true
                visible: text !== ""
                text: editor.errorText
                wrapMode: Text.Wrap
                color: "#a40000"
                Accessible.role: Accessible.AlertMessage
            }
            Label {
                objectName: "policyStatus"
                Layout.fillWidth: true
                visible: text !== ""
                text: editor.statusText
                wrapMode: Text.Wrap
            }
            RowLayout {
                spacing: 8
                Button {
                    objectName: "policyPublish"
                    text: qsTr("Publish…")
                    enabled: editor.valid && !editor.busy
                    onClicked: confirm.open()
                    Accessible.name: qsTr("Publish the policy")
                }
                Button {
                    objectName: "policyRevert"
                    text: qsTr("Revert")
                    enabled: editor.modified && !editor.busy
                    onClicked: editor.load()
                    Accessible.name: qsTr("Revert to the policy in force")
                }
                BusyIndicator {
                    running: editor.busy
                    visible: running
                    implicitWidth: 24
                    implicitHeight: 24
                }
            }
        }
    }
}
