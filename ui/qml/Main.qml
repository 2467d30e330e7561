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
        objectName: "signInForm"
        session: window.session
        // Remembered values first; the command line wins where it says something.
        Component.onCompleted: prefill(window.initialServerUrl, window.initialAccountJid,
                                       window.initialCaFile)
    }

    // The models live as long as the account, not as the view: locking destroys
    // the main view (nothing of the content stays behind the lock screen), and
    // unlocking finds the open conversation where it was.
    ContactListModel {
        id: contactModel
        objectName: "contactModel"
        session: window.session
    }
    ConversationListModel {
        id: conversationListModel
        objectName: "conversationListModel"
        session: window.session
        // Message text outside the conversation only where policy allows it.
        showPreview: window.session.policy.showPreview
    }
    ConversationModel {
        id: conversationModel
        objectName: "conversationModel"
        session: window.session
    }
    DeviceTrustModel {
        id: deviceTrustModel
        objectName: "deviceTrustModel"
        session: window.session
        jid: conversationModel.peer
    }
    SearchModel {
        id: searchModel
        objectName: "searchModel"
        session: window.session
    }
    // Desktop notifications (shown by the app's shell): who wrote, never what,
    // unless notificationDetail says otherwise; nothing for the conversation
    // on screen in the focused window.
    MessageNotifier {
        id: messageNotifier
        objectName: "messageNotifier"
        session: window.session
        openConversation: conversationModel.peer
        // The stricter of the organisation's policy and the user's own choice.
        notificationDetail: window.session.policy.notificationDetail
        windowActive: window.active && window.visibility !== Window.Minimized
                      && content.item !== null && content.item.objectName === "mainView"
    }
    /// The details panel (devices and trust) is open; kept across locking.
    property bool detailsOpen: false

    Loader {
        id: content
        objectName: "content"
        anchors.fill: parent
        focus: true
        // A Loader, so that signing out or locking destroys the conversation view
        // and its text: nothing of it stays in the scene graph behind the lock.
        sourceComponent: window.session.erasing ? erasingPage
                         : !window.session.signedIn ? signInPage
                         : window.session.wiping ? erasingPage
                         : window.session.locked ? lockScreen : mainView
    }

    // Erasing this computer's copy of the account: "sign out and erase" (sign-in
    // waits until the folder is gone) or a remote wipe (nothing of the account
    // on screen meanwhile; the sign-in screen then says why).
    Component {
        id: erasingPage
        Pane {
            objectName: "erasingPage"
            focus: true
            Column {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 520)
                spacing: 16
                BusyIndicator {
                    anchors.horizontalCenter: parent.horizontalCenter
                    running: true
                    Accessible.name: qsTr("Erasing")
                }
                Label {
                    width: parent.width
                    visible: window.session.wiping
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                    font.bold: true
                    text: qsTr("Your administrator has asked for this account to be erased from this computer.")
                }
                Label {
                    width: parent.width
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("Erasing this account's messages, files and keys from this computer…")
                }
            }
        }
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
            contacts: contactModel
            conversations: conversationListModel
            conversation: conversationModel
            devices: deviceTrustModel
            search: searchModel
            detailsOpen: window.detailsOpen
            onDetailsOpenChanged: window.detailsOpen = detailsOpen
            focus: true
        }
    }
}
