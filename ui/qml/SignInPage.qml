// SPDX-License-Identifier: GPL-3.0-or-later
// Server, account, password and an optional CA file; Enter in any field signs in.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Page {
    id: page
    objectName: "signInPage"

    required property SignInForm form

    function submit() {
        page.form.signIn(passwordField.text);
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

            RowLayout {
                Layout.topMargin: 12
                spacing: 12

                Button {
                    id: signInButton
                    objectName: "signInButton"
                    text: qsTr("Sign in")
                    enabled: !page.form.busy
                    onClicked: page.submit()
                    Accessible.name: text
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
                    text: qsTr("Signing in…")
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
