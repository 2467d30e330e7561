// SPDX-License-Identifier: GPL-3.0-or-later
// The consent registry: who agreed to reminders on which channel, since when,
// recorded by whom; record a consent, revoke one.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: page
    objectName: "frontDeskConsentPage"

    required property FrontDeskClient client

    FrontDeskConsentModel {
        id: consents
        objectName: "frontDeskConsentModel"
        client: page.client
    }

    ConfirmDialog {
        id: revokeDialog
        property int row: -1
        title: qsTr("Revoke consent")
        message: qsTr("No more reminders will go to this patient on this channel.")
        confirmText: qsTr("Revoke")
        destructive: true
        onConfirmed: consents.revoke(row)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        RowLayout {
            spacing: 8
            TextField {
                id: patientField
                objectName: "frontDeskConsentPatient"
                Layout.preferredWidth: 320
                placeholderText: qsTr("Patient address or +15551234567@sms.…")
                Accessible.name: qsTr("Patient's address")
            }
            ComboBox {
                id: channelBox
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "xmpp", text: qsTr("Patient app") },
                    { value: "sms", text: qsTr("SMS") }
                ]
                Accessible.name: qsTr("Channel")
            }
            Button {
                objectName: "frontDeskRecordConsent"
                text: qsTr("Record consent")
                enabled: patientField.text !== "" && page.client.ready && !page.client.busy
                onClicked: {
                    consents.record(patientField.text, channelBox.currentValue);
                    patientField.text = "";
                }
            }
        }
        ListView {
            objectName: "frontDeskConsents"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: consents
            Accessible.name: qsTr("Consent registry")
            delegate: ItemDelegate {
                id: consent
                required property int index
                required property string patient
                required property string channelText
                required property bool inForce
                required property var since
                required property string recordedBy
                required property string withdrawnBy
                width: ListView.view.width
                contentItem: RowLayout {
                    spacing: 12
                    Label {
                        Layout.preferredWidth: 260
                        elide: Text.ElideRight
                        text: consent.patient
                    }
                    Label {
                        Layout.preferredWidth: 100
                        text: consent.channelText
                    }
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        text: consent.inForce ? qsTr("Consented %1, recorded by %2").arg(consent.since.toLocaleDateString(Qt.locale(), Locale.ShortFormat)).arg(consent.recordedBy) : qsTr("Revoked by %1").arg(consent.withdrawnBy)
                    }
                    Button {
                        visible: consent.inForce
                        text: qsTr("Revoke")
                        enabled: !page.client.busy
                        onClicked: {
                            revokeDialog.row = consent.index;
                            revokeDialog.open();
                        }
                    }
                }
            }
        }
    }
}
