// SPDX-License-Identifier: GPL-3.0-or-later
// The window: the sign-in screen until an account is signed in, then the main
// view; the lock screen instead of the main view while the account is locked.
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
        // A Loader, so that signing out or locking destroys the conversation view
        // and its text: nothing of it stays in the scene graph behind the lock.
        sourceComponent: !window.session.signedIn ? signInPage
                                                  : window.session.locked ? lockScreen : mainView
    }

    Component {
        id: signInPage
        SignInPage {
            form: signInForm
            focus: true
        }
    }

    Component {
        id: lockScreen
        LockScreen {
            session: window.session
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
