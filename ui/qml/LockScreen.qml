// SPDX-License-Identifier: GPL-3.0-or-later
// Shown while the account is locked: the app name, who is signed in, the
// password (and a 6-digit code where policy needs one). No message content:
// the main view is not even instantiated behind it. Enter in any field unlocks.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Page {
    id: page
    objectName: "lockScreen"

    required property Session session
    property string errorText

    function submit() {
        if (page.session.unlocking)
            return;
        if (passwordField.text === "") {
            page.errorText = qsTr("Enter your password.");
            passwordField.forceActiveFocus();
            return;
        }
        if (page.session.unlockNeedsCode && !codeField.acceptableInput) {
            page.errorText = qsTr("Enter the 6-digit code from your authenticator app.");
            codeField.forceActiveFocus();
            return;
        }
        page.errorText = "";
        page.session.unlock(passwordField.text,
                            page.session.unlockNeedsCode ? codeField.text : "");
    }

    Component.onCompleted: passwordField.forceActiveFocus()

    Connections {
        target: page.session
        function onUnlockFailed(errorText) {
            page.errorText = errorText;
            passwordField.clear();
            codeField.clear();
            passwordField.forceActiveFocus();
        }
    }

    FontMetrics {
        id: fontMetrics
    }

    ColumnLayout {
        id: column
        width: Math.min(page.width - 48, fontMetrics.averageCharacterWidth * 50)
        x: (page.width - width) / 2
        // A little above the middle when there is room.
        y: Math.max(24, (page.height - implicitHeight) / 3)
        spacing: 8

        Label {
            text: qsTr("Rounds")
            font.bold: true
            font.pointSize: Qt.application.font.pointSize * 2
            Accessible.role: Accessible.Heading
        }
        Label {
            objectName: "lockedAccount"
            Layout.fillWidth: true
            text: qsTr("Locked. Signed in as %1.").arg(page.session.accountJid)
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            Layout.bottomMargin: 12
            text: page.session.unlockNeedsCode
                  ? qsTr("Enter your password and a new code from your authenticator app to continue.")
                  : qsTr("Enter your password to continue.")
            wrapMode: Text.Wrap
        }

        Label {
            text: qsTr("Password")
        }
        TextField {
            id: passwordField
            objectName: "unlockPasswordField"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            enabled: !page.session.unlocking
            onAccepted: page.submit()
            Accessible.name: qsTr("Password")
            Accessible.passwordEdit: true
        }

        Label {
            visible: page.session.unlockNeedsCode
            text: qsTr("6-digit code")
        }
        TextField {
            id: codeField
            objectName: "unlockCodeField"
            visible: page.session.unlockNeedsCode
            Layout.preferredWidth: fontMetrics.averageCharacterWidth * 12
            maximumLength: 6
            validator: RegularExpressionValidator {
                regularExpression: /[0-9]{6}/
            }
            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            enabled: !page.session.unlocking
            onAccepted: page.submit()
            Accessible.name: qsTr("6-digit code")
        }

        RowLayout {
            Layout.topMargin: 12
            spacing: 12

            Button {
                id: unlockButton
                objectName: "unlockButton"
                text: qsTr("Unlock")
                enabled: !page.session.unlocking
                onClicked: page.submit()
                Accessible.name: text
            }
            BusyIndicator {
                objectName: "unlockBusy"
                running: page.session.unlocking
                visible: running
                Layout.preferredHeight: unlockButton.height
                Layout.preferredWidth: unlockButton.height
                Accessible.name: qsTr("Checking your password")
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                objectName: "lockSignOutButton"
                text: qsTr("Sign out")
                flat: true
                onClicked: page.session.signOut()
                Accessible.name: text
            }
        }

        Label {
            objectName: "unlockError"
            Layout.fillWidth: true
            Layout.topMargin: 8
            visible: text !== ""
            text: page.errorText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.bold: true
            color: page.palette.window.hslLightness < 0.5 ? "#ff9e9e" : "#a50011"
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
}
