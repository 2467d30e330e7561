// SPDX-License-Identifier: GPL-3.0-or-later
// The window: the sign-in screen until an account is signed in, then the main view.
import QtQuick
import QtQuick.Controls
import Rounds.Ui

ApplicationWindow {
    id: window

    /// Created by main(); owns the signed-in account.
    required property Session session
    /// Prefilled sign-in fields (command line); never a password.
    property string initialServerUrl
    property string initialAccountJid
    property string initialCaFile

    width: 1280
    height: 800
    minimumWidth: 640
    minimumHeight: 480
    visible: true
    // Only the app name: the title shows up in task bars and screen shares.
    title: qsTr("Rounds")

    SignInForm {
        id: signInForm
        session: window.session
        serverUrl: window.initialServerUrl
        accountJid: window.initialAccountJid
        caFile: window.initialCaFile
    }

    Loader {
        id: content
        objectName: "content"
        anchors.fill: parent
        focus: true
        // A Loader, so that signing out destroys the conversation view and its text.
        sourceComponent: window.session.signedIn ? mainView : signInPage
    }

    Component {
        id: signInPage
        SignInPage {
            form: signInForm
            focus: true
        }
    }

    Component {
        id: mainView
        MainView {
            session: window.session
            focus: true
        }
    }
}
