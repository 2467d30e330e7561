// SPDX-License-Identifier: GPL-3.0-or-later
// Centre column: the open conversation and the composer. Enter sends,
// Shift+Enter starts a new line.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: pane
    objectName: "conversationView"

    required property ConversationModel conversation
    property string peerName

    readonly property bool open: conversation.peer !== ""

    function focusComposer() {
        composer.forceActiveFocus();
    }

    function sendComposed() {
        if (pane.conversation.send(composer.text))
            composer.clear();
    }

    padding: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            visible: pane.open
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: pane.peerName
                textFormat: Text.PlainText
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * 1.4
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: pane.conversation.peer
                elide: Text.ElideRight
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: pane.palette.mid
            visible: pane.open
        }

        Label {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !pane.open
            text: qsTr("Choose a contact to start a conversation.")
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
        }

        ListView {
            id: messages
            objectName: "messageList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: pane.open
            clip: true
            model: pane.conversation
            spacing: 10
            topMargin: 12
            bottomMargin: 12
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Messages")

            ScrollBar.vertical: ScrollBar {}

            onCountChanged: Qt.callLater(messages.positionViewAtEnd)

            delegate: MessageBubble {
                width: ListView.view.width
                peerName: pane.peerName
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 24
                visible: messages.count === 0
                text: qsTr("No messages yet. Messages are kept until you sign out.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: pane.palette.mid
            visible: pane.open
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            visible: pane.open
            spacing: 8

            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(composer.implicitHeight, pane.height / 3)

                TextArea {
                    id: composer
                    objectName: "composer"
                    placeholderText: qsTr("Type a message…")
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    Accessible.name: qsTr("Message")
                    Accessible.description: qsTr("Enter sends, Shift+Enter starts a new line.")

                    Keys.onPressed: (event) => {
                        if (event.key !== Qt.Key_Return && event.key !== Qt.Key_Enter)
                            return;
                        event.accepted = true;
                        if (event.modifiers & Qt.ShiftModifier)
                            composer.insert(composer.cursorPosition, "\n");
                        else
                            pane.sendComposed();
                    }
                }
            }

            Button {
                objectName: "sendButton"
                text: qsTr("Send")
                enabled: composer.text.trim() !== ""
                onClicked: pane.sendComposed()
                Accessible.name: text
            }
        }
    }
}
