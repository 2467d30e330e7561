// SPDX-License-Identifier: GPL-3.0-or-later
// Settings (Ctrl+,): the account and how the server is trusted (read-only),
// the user's own idle lock and notification detail (never looser than the
// organisation's policy: the limit is shown, a looser choice is refused),
// the language, sign out, and sign out and erase this computer's data.
// Esc closes.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Dialog {
    id: dialog
    objectName: "settingsDialog"

    required property Session session

    readonly property PolicySettings policy: session.policy
    /// Why the last choice was not taken as it was (translated).
    property string refusalText

    title: qsTr("Settings")
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - 48 : 640, 640)
    height: Math.min(parent ? parent.height - 48 : 720, 720)
    standardButtons: Dialog.Close
    onOpened: {
        dialog.refusalText = "";
        idleSpin.value = dialog.policy.idleLockMinutes;
        detailCombo.currentIndex = detailCombo.indexOfValue(dialog.policy.notificationDetail);
        idleSpin.forceActiveFocus();
    }

    function chooseIdle(minutes) {
        if (dialog.policy.chooseIdleLockMinutes(minutes)) {
            dialog.refusalText = "";
        } else {
            dialog.refusalText = qsTr("Your organisation allows at most %n minute(s) before the screen locks; that limit applies.", "", dialog.policy.policyIdleLockMinutes);
        }
        idleSpin.value = dialog.policy.idleLockMinutes;
    }

    function chooseDetail(detail) {
        if (dialog.policy.chooseNotificationDetail(detail)) {
            dialog.refusalText = "";
        } else {
            dialog.refusalText = qsTr("Your organisation's policy allows notifications to show at most: %1.").arg(dialog.policy.describeDetail(dialog.policy.policyNotificationDetail));
        }
        detailCombo.currentIndex = detailCombo.indexOfValue(dialog.policy.notificationDetail);
    }

    AppSettings {
        id: appSettings
        objectName: "appSettings"
        session: dialog.session
    }

    ConfirmDialog {
        id: eraseConfirm
        objectName: "eraseConfirmDialog"
        title: qsTr("Sign out and erase this computer's data?")
        message: qsTr("Rounds signs %1 out and deletes everything this account keeps on this computer: its messages and conversation history, attached files, encryption keys, the key that protects the local database, and the sign-in token. Nothing on the server and nothing on your other devices is changed.\n\nIf you sign in here again, this computer is a new device: you need your password and a code, and earlier messages cannot be read here.").arg(dialog.session.accountJid)
        confirmText: qsTr("Sign out and erase")
        destructive: true
        onConfirmed: {
            dialog.close();
            dialog.session.signOutAndErase();
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 10

            Label {
                text: qsTr("Account")
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                rowSpacing: 4
                Label { text: qsTr("Account") }
                Label {
                    objectName: "settingsAccount"
                    Layout.fillWidth: true
                    text: appSettings.accountJid
                    elide: Text.ElideRight
                }
                Label { text: qsTr("Server") }
                Label {
                    objectName: "settingsServer"
                    Layout.fillWidth: true
                    text: appSettings.serverUrl
                    elide: Text.ElideMiddle
                }
                Label { text: qsTr("CA file") }
                Label {
                    objectName: "settingsCaFile"
                    Layout.fillWidth: true
                    text: appSettings.caFile !== "" ? appSettings.caFile
                                                    : qsTr("None: only the system's trusted certificates")
                    elide: Text.ElideMiddle
                    wrapMode: Text.NoWrap
                }
                Label {
                    text: qsTr("Pinned certificate")
                    visible: appSettings.pinnedSha256 !== ""
                }
                TextEdit {
                    objectName: "settingsPinned"
                    Layout.fillWidth: true
                    visible: appSettings.pinnedSha256 !== ""
                    text: qsTr("SHA-256 %1").arg(appSettings.pinnedSha256)
                    readOnly: true
                    selectByMouse: true
                    wrapMode: Text.WrapAnywhere
                    color: dialog.palette.windowText
                    font.family: "monospace"
                }
            }
            Repeater {
                model: appSettings.caCertificates
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        objectName: "caCertificateSubject"
                        Layout.fillWidth: true
                        text: qsTr("Certificate: %1").arg(modelData.subject)
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                    }
                    TextEdit {
                        objectName: "caCertificateSha256"
                        Layout.fillWidth: true
                        text: qsTr("SHA-256 %1").arg(modelData.sha256)
                        readOnly: true
                        selectByMouse: true
                        wrapMode: Text.WrapAnywhere
                        color: dialog.palette.windowText
                        font.family: "monospace"
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("To change the server or its certificate, sign out and sign in again.")
                wrapMode: Text.Wrap
                opacity: 0.8
            }

            MenuSeparator { Layout.fillWidth: true }
            Label {
                text: qsTr("Privacy")
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            Label {
                objectName: "settingsPolicyNotice"
                Layout.fillWidth: true
                visible: dialog.policy.notice !== ""
                text: dialog.policy.notice
                wrapMode: Text.Wrap
                font.italic: true
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Label {
                    text: qsTr("Lock the screen after (minutes without activity)")
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                SpinBox {
                    id: idleSpin
                    objectName: "idleLockSpin"
                    from: 1
                    to: 480
                    editable: true
                    onValueModified: dialog.chooseIdle(value)
                    Accessible.name: qsTr("Idle lock minutes")
                }
            }
            Label {
                objectName: "idleLockLimit"
                Layout.fillWidth: true
                text: qsTr("Your organisation's limit: %n minute(s). You may choose less.", "", dialog.policy.policyIdleLockMinutes)
                wrapMode: Text.Wrap
                opacity: 0.85
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Label {
                    text: qsTr("Notifications show")
                    Layout.fillWidth: true
                }
                ComboBox {
                    id: detailCombo
                    objectName: "detailCombo"
                    Layout.preferredWidth: 320
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "none", text: dialog.policy.describeDetail("none") },
                        { value: "sender", text: dialog.policy.describeDetail("sender") },
                        { value: "preview", text: dialog.policy.describeDetail("preview") }
                    ]
                    onActivated: dialog.chooseDetail(currentValue)
                    Accessible.name: qsTr("What notifications show")
                }
            }
            Label {
                objectName: "detailLimit"
                Layout.fillWidth: true
                text: qsTr("Your organisation allows at most: %1.").arg(dialog.policy.describeDetail(dialog.policy.policyNotificationDetail))
                wrapMode: Text.Wrap
                opacity: 0.85
            }
            Label {
                objectName: "settingsRefusal"
                Layout.fillWidth: true
                visible: text !== ""
                text: dialog.refusalText
                wrapMode: Text.Wrap
                color: "#7a3e00"
                Accessible.role: Accessible.AlertMessage
            }

            MenuSeparator { Layout.fillWidth: true }
            Label {
                text: qsTr("Language")
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            ComboBox {
                id: languageCombo
                objectName: "languageCombo"
                Layout.preferredWidth: 320
                textRole: "text"
                valueRole: "value"
                // Language names in their own language: findable whatever is shown now.
                model: [
                    { value: "", text: qsTr("Follow the system") },
                    { value: "en", text: "English" },
                    { value: "es", text: "Español" }
                ]
                Component.onCompleted: currentIndex = indexOfValue(appSettings.language)
                onActivated: appSettings.language = currentValue
                Accessible.name: qsTr("Language")
            }

            MenuSeparator { Layout.fillWidth: true }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Button {
                    objectName: "settingsSignOutButton"
                    text: qsTr("Sign out")
                    onClicked: {
                        dialog.close();
                        dialog.session.signOut();
                    }
                    Accessible.name: text
                }
                Button {
                    objectName: "eraseButton"
                    text: qsTr("Sign out and erase this computer's data…")
                    palette.buttonText: "#a40000"
                    onClicked: eraseConfirm.open()
                    Accessible.name: qsTr("Sign out and erase this computer's data")
                }
            }
        }
    }
}
