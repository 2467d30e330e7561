// SPDX-License-Identifier: GPL-3.0-or-later
// Server, account, password and an optional CA file; Enter in any field signs in.
// When the server asks for a second factor, the same page asks for the code from
// the authenticator app, after showing the QR code to scan on first sign-in.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Page {
    id: page
    objectName: "signInPage"

    required property SignInForm form

    readonly property bool askingCode: form.secondFactorStep !== SignInForm.None
    readonly property bool enrolling: form.secondFactorStep === SignInForm.Enrolment

    function submit() {
        page.form.signIn(passwordField.text, passphraseField.text);
        passphraseField.clear();
    }

    function submitCode() {
        page.form.submitCode(codeField.text);
    }

    Connections {
        target: page.form
        function onSecondFactorChanged() {
            codeField.clear();
            if (page.askingCode) {
                // The password did its work; a new attempt starts from scratch.
                passwordField.clear();
                Qt.callLater(codeField.forceActiveFocus);
            } else {
                Qt.callLater(passwordField.forceActiveFocus);
            }
        }
    }

    Connections {
        target: page.form
        function onPassphraseNeededChanged() {
            if (page.form.passphraseNeeded)
                Qt.callLater(passphraseField.forceActiveFocus);
        }
    }

    Component.onCompleted: {
        if (serverUrlField.text === "")
            serverUrlField.forceActiveFocus();
        else if (accountField.text === "")
            accountField.forceActiveFocus();
        else
            passwordField.forceActiveFocus();
    }

    FontMetrics {
        id: fontMetrics
    }

    Flickable {
        id: scroll
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.y + column.implicitHeight + 24
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            width: Math.min(scroll.width - 48, fontMetrics.averageCharacterWidth * 60)
            x: (scroll.width - width) / 2
            // A little above the middle when there is room.
            y: Math.max(24, (scroll.height - implicitHeight) / 3)
            spacing: 8

            Label {
                text: qsTr("Rounds")
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * 2
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                Layout.bottomMargin: 12
                text: qsTr("Sign in to your organisation's secure messaging.")
                wrapMode: Text.Wrap
            }

            ColumnLayout {
                objectName: "credentials"
                Layout.fillWidth: true
                spacing: 8
                visible: !page.askingCode

                Label {
                    text: qsTr("Server address")
                }
                TextField {
                    id: serverUrlField
                    objectName: "serverUrlField"
                    Layout.fillWidth: true
                    text: page.form.serverUrl
                    placeholderText: qsTr("wss://chat.hospital.example/xmpp-websocket")
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                    enabled: !page.form.busy
                    onTextEdited: page.form.serverUrl = text
                    onAccepted: page.submit()
                    Accessible.name: qsTr("Server address")
                }

                Label {
                    text: qsTr("Account")
                }
                TextField {
                    id: accountField
                    objectName: "accountField"
                    Layout.fillWidth: true
                    text: page.form.accountJid
                    placeholderText: qsTr("name@hospital.example")
                    inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                    enabled: !page.form.busy
                    onTextEdited: page.form.accountJid = text
                    onAccepted: page.submit()
                    Accessible.name: qsTr("Account")
                }

                Label {
                    text: qsTr("Password")
                }
                TextField {
                    id: passwordField
                    objectName: "passwordField"
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    enabled: !page.form.busy
                    onAccepted: page.submit()
                    Accessible.name: qsTr("Password")
                    Accessible.passwordEdit: true
                }

                ColumnLayout {
                    objectName: "passphraseSection"
                    Layout.fillWidth: true
                    spacing: 8
                    visible: page.form.passphraseNeeded

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Passphrase for the messages on this computer")
                        wrapMode: Text.Wrap
                    }
                    TextField {
                        id: passphraseField
                        objectName: "passphraseField"
                        Layout.fillWidth: true
                        echoMode: TextInput.Password
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        enabled: !page.form.busy
                        onAccepted: page.submit()
                        Accessible.name: qsTr("Passphrase for the messages on this computer")
                        Accessible.passwordEdit: true
                        Accessible.description: qsTr("Protects the messages kept on this computer, because no keychain is available. The first time, choose a long passphrase and keep it safe: without it these messages cannot be read.")
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("No keychain is available here, so a passphrase protects the messages kept on this computer. The first time, choose a long one; it is needed at every sign-in on this computer.")
                        wrapMode: Text.Wrap
                        opacity: 0.85
                    }
                }

                Label {
                    text: qsTr("Organisation CA file (optional)")
                }
                TextField {
                    id: caFileField
                    objectName: "caFileField"
                    Layout.fillWidth: true
                    text: page.form.caFile
                    placeholderText: qsTr("/etc/ssl/hospital-ca.pem")
                    enabled: !page.form.busy
                    onTextEdited: page.form.caFile = text
                    onAccepted: page.submit()
                    Accessible.name: qsTr("Organisation CA file (optional)")
                    Accessible.description: qsTr("A PEM file with your organisation's certificate authority. Leave empty to trust only the system's certificates.")
                }

            }

            ColumnLayout {
                objectName: "secondFactor"
                Layout.fillWidth: true
                spacing: 8
                visible: page.askingCode

                Label {
                    Layout.fillWidth: true
                    text: page.enrolling ? qsTr("Set up two-step sign-in") : qsTr("Two-step sign-in")
                    font.bold: true
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.Heading
                }
                Label {
                    objectName: "enrolmentInstructions"
                    Layout.fillWidth: true
                    visible: page.enrolling
                    text: qsTr("Scan this code with your authenticator app (for example FreeOTP, Google Authenticator or Microsoft Authenticator), then enter the 6-digit code it shows.")
                    wrapMode: Text.Wrap
                }
                QrCodeItem {
                    id: qrCode
                    objectName: "enrolmentQr"
                    visible: page.enrolling && !empty
                    image: page.form.enrolmentQr
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: implicitWidth
                    Layout.preferredHeight: implicitHeight
                    Layout.maximumWidth: column.width
                    Layout.maximumHeight: column.width
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("QR code for your authenticator app")
                }
                Label {
                    Layout.fillWidth: true
                    visible: page.enrolling
                    text: qsTr("Cannot scan? Add the account in the app by hand with this key:")
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "enrolmentSecret"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.maximumWidth: column.width
                    visible: page.enrolling
                    text: page.form.enrolmentSecret
                    textFormat: Text.PlainText
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    font.family: "monospace"
                    font.pointSize: Qt.application.font.pointSize * 1.3
                    font.bold: true
                    Accessible.name: qsTr("Key for manual entry")
                    Accessible.description: text
                }
                Label {
                    objectName: "enrolmentAccount"
                    Layout.fillWidth: true
                    visible: page.enrolling && page.form.enrolmentAccount !== ""
                    text: page.form.enrolmentIssuer !== ""
                          ? qsTr("The app will list it as %1 (%2).").arg(page.form.enrolmentIssuer).arg(page.form.enrolmentAccount)
                          : qsTr("The app will list it as %1.").arg(page.form.enrolmentAccount)
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                }

                Label {
                    Layout.fillWidth: true
                    Layout.topMargin: page.enrolling ? 8 : 0
                    text: qsTr("Enter the 6-digit code from your authenticator app")
                    wrapMode: Text.Wrap
                }
                TextField {
                    id: codeField
                    objectName: "codeField"
                    Layout.preferredWidth: fontMetrics.averageCharacterWidth * 12
                    font.family: "monospace"
                    font.pointSize: Qt.application.font.pointSize * 1.3
                    maximumLength: 7 // "123 456" as some apps show it
                    validator: RegularExpressionValidator {
                        regularExpression: /[0-9 ]*/
                    }
                    inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
                    placeholderText: qsTr("123456")
                    enabled: !page.form.busy
                    onAccepted: page.submitCode()
                    Keys.onEscapePressed: page.form.cancel()
                    Accessible.name: qsTr("Code from your authenticator app")
                }
            }

            RowLayout {
                Layout.topMargin: 12
                spacing: 12

                Button {
                    id: signInButton
                    objectName: "signInButton"
                    visible: !page.askingCode
                    text: qsTr("Sign in")
                    enabled: !page.form.busy
                    onClicked: page.submit()
                    Accessible.name: text
                }
                Button {
                    objectName: "verifyCodeButton"
                    visible: page.askingCode
                    text: qsTr("Verify")
                    enabled: !page.form.busy
                    onClicked: page.submitCode()
                    Accessible.name: text
                }
                Button {
                    objectName: "cancelCodeButton"
                    visible: page.askingCode
                    flat: true
                    text: qsTr("Cancel")
                    enabled: !page.form.busy
                    onClicked: page.form.cancel()
                    Accessible.name: qsTr("Cancel sign-in")
                }
                BusyIndicator {
                    objectName: "signInBusy"
                    running: page.form.busy
                    visible: running
                    Layout.preferredHeight: signInButton.height
                    Layout.preferredWidth: signInButton.height
                    Accessible.name: qsTr("Signing in")
                }
                Label {
                    visible: page.form.busy
                    text: page.askingCode ? qsTr("Checking the code…") : qsTr("Signing in…")
                }
            }

            Label {
                id: errorLabel
                objectName: "signInError"
                Layout.fillWidth: true
                Layout.topMargin: 8
                visible: text !== ""
                text: page.form.errorText
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.bold: true
                color: page.palette.window.hslLightness < 0.5 ? "#ff9e9e" : "#a50011"
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }
    }
}
