// SPDX-License-Identifier: GPL-3.0-or-later
// Centre column: the open conversation and the composer. Enter sends,
// Shift+Enter starts a new line. Older messages load as the list is scrolled
// to the top; a banner says when the contact has devices not verified yet.
// The composer's priority selector (Routine, Urgent, STAT) goes back to
// Routine after each send; Ctrl+Shift+A acknowledges the newest urgent/STAT
// message waiting for it; Recall asks first. Forward… (Ctrl+Shift+F on the
// selected message) picks a colleague or room in ForwardDialog.
import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Rounds.Ui

Pane {
    id: pane
    objectName: "conversationView"

    required property ConversationModel conversation
    required property DeviceTrustModel devices
    property Action detailsAction
    /// Organisation policy: messages go only to verified devices.
    property bool requireVerified: false
    /// For image previews of files.
    property Session session

    readonly property bool open: conversation.peer !== ""
    // Keeps the view at the newest message unless the reader scrolled up.
    property bool followEnd: true

    function focusComposer() {
        composer.forceActiveFocus();
    }

    function sendComposed() {
        if (pane.conversation.send(composer.text, prioritySelector.currentIndex)) {
            composer.clear();
            prioritySelector.currentIndex = 0; // every message starts as routine
        }
    }

    function acknowledgeNewest() {
        const id = pane.conversation.newestUnacknowledged();
        if (id !== "")
            pane.conversation.acknowledge(id);
    }

    function forwardMessage(id) {
        if (id === "")
            return;
        forwardDialog.messageId = id;
        forwardDialog.open();
    }

    Shortcut {
        objectName: "forwardShortcut"
        sequence: "Ctrl+Shift+F"
        enabled: pane.open && pane.visible
        // The selected message, else the newest one.
        onActivated: {
            const item = messages.currentItem ? messages.currentItem : messages.itemAtIndex(messages.count - 1);
            if (item && item.canForward)
                pane.forwardMessage(item.messageId);
        }
    }

    Shortcut {
        objectName: "acknowledgeShortcut"
        sequence: "Ctrl+Shift+A"
        enabled: pane.open && pane.visible
        onActivated: pane.acknowledgeNewest()
    }

    padding: 0

    Connections {
        target: pane.conversation
        function onPeerChanged() {
            pane.followEnd = true;
        }
        function onMessageShown(row) {
            pane.followEnd = false;
            messages.positionViewAtIndex(row, ListView.Center);
            messages.currentIndex = row;
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            visible: pane.open
            spacing: 8
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    objectName: "peerName"
                    Layout.fillWidth: true
                    text: pane.conversation.peerName
                    textFormat: Text.PlainText
                    font.bold: true
                    font.pointSize: Qt.application.font.pointSize * 1.4
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: pane.conversation.room ? qsTr("Care-team room · %1").arg(pane.conversation.peer)
                                                 : pane.conversation.peer
                    elide: Text.ElideRight
                }
            }
            ToolButton {
                objectName: "roomMembersButton"
                visible: pane.conversation.room
                text: qsTr("Members")
                onClicked: roomPanel.open()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Members of this room (Ctrl+Shift+M)")
                Accessible.name: qsTr("Members of this room")
            }
            ToolButton {
                objectName: "detailsButton"
                action: pane.detailsAction
                text: "i"
                font.bold: true
                checkable: true
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Devices and trust (Ctrl+I)")
                Accessible.name: qsTr("Devices and trust")
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: pane.palette.mid
            visible: pane.open
        }

        // Unverified devices: orange, with words and a way to act on it.
        Rectangle {
            objectName: "unverifiedBanner"
            Layout.fillWidth: true
            visible: pane.open && pane.devices.hasUnverified
            implicitHeight: bannerRow.implicitHeight + 12
            color: "#fff0dc"
            border.color: "#b35c00"
            border.width: 1
            Accessible.role: Accessible.AlertMessage
            Accessible.name: bannerText.text
            RowLayout {
                id: bannerRow
                anchors.fill: parent
                anchors.margins: 6
                anchors.leftMargin: 12
                spacing: 8
                Label {
                    text: "⚠"
                    color: "#7a3e00"
                    Accessible.ignored: true
                }
                Label {
                    id: bannerText
                    Layout.fillWidth: true
                    text: pane.requireVerified
                          ? qsTr("%1 has devices you have not verified. Your organisation requires verified devices: messages are not sent until you compare fingerprints and verify them.").arg(pane.conversation.peerName)
                          : qsTr("%1 has devices you have not verified. Compare fingerprints before sharing sensitive details.").arg(pane.conversation.peerName)
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: "#3d2000"
                }
                Button {
                    text: qsTr("Review devices")
                    onClicked: if (pane.detailsAction && !pane.detailsAction.checked) pane.detailsAction.trigger()
                    Accessible.name: text
                }
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !pane.open
            text: qsTr("Choose a conversation or a contact to start.")
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
            currentIndex: -1
            highlightFollowsCurrentItem: false
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Messages")

            ScrollBar.vertical: ScrollBar {}

            onCountChanged: if (pane.followEnd) Qt.callLater(messages.positionViewAtEnd)
            onMovementEnded: pane.followEnd = messages.atYEnd
            // Older history as the top comes into view.
            onContentYChanged: {
                if (messages.atYBeginning && !pane.conversation.loading && !pane.conversation.atStart
                        && messages.count > 0 && messages.moving)
                    pane.conversation.loadOlder();
            }

            header: Item {
                width: ListView.view.width
                height: pane.conversation.loading ? 32 : 0
                BusyIndicator {
                    anchors.centerIn: parent
                    height: 28
                    running: pane.conversation.loading
                    visible: running
                    Accessible.name: qsTr("Loading older messages")
                }
            }

            delegate: MessageBubble {
                width: ListView.view.width
                peerName: pane.conversation.peerName
                highlighted: ListView.isCurrentItem
                inRoom: pane.conversation.room
                session: pane.session
                roomMembers: pane.conversation.room ? roomMembers : null
                onRetryRequested: id => pane.conversation.retry(id)
                onSaveRequested: (id, name) => {
                    saveDialog.messageId = id;
                    saveDialog.currentFolder = StandardPaths.writableLocation(StandardPaths.DownloadLocation);
                    // A received name is only a suggestion: never a path.
                    saveDialog.selectedFile = saveDialog.currentFolder + "/" + name.replace(/[\/\\]/g, "_");
                    saveDialog.open();
                }
                onDownloadRequested: id => pane.conversation.downloadAttachment(id)
                onAcknowledgeRequested: id => pane.conversation.acknowledge(id)
                onCancelRequested: id => pane.conversation.cancel(id)
                onForwardRequested: id => pane.forwardMessage(id)
                onRecallRequested: id => {
                    recallDialog.messageId = id;
                    recallDialog.open();
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 24
                visible: messages.count === 0 && !pane.conversation.loading
                text: qsTr("No messages yet.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
        }

        Label {
            objectName: "sendError"
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            visible: text !== ""
            text: pane.conversation.errorText
            wrapMode: Text.Wrap
            font.bold: true
            color: pane.palette.window.hslLightness < 0.5 ? "#ff9e9e" : "#a50011"
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
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

            ComboBox {
                id: prioritySelector
                objectName: "prioritySelector"
                model: [qsTr("Routine"), qsTr("Urgent"), qsTr("STAT")]
                currentIndex: 0
                activeFocusOnTab: true
                // The colour of the priority, with its word.
                palette.buttonText: currentIndex === 2 ? "#b00020" : currentIndex === 1 ? "#8a4500"
                                                                                        : pane.palette.buttonText
                font.bold: currentIndex > 0
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Priority: urgent and STAT messages must be acknowledged")
                Accessible.name: qsTr("Priority: %1").arg(currentText)
                // Back to the message once a priority was picked from the list;
                // arrow keys on the closed selector keep the focus here.
                Connections {
                    target: prioritySelector.popup
                    function onClosed() { pane.focusComposer(); }
                }
            }

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
                        // Tab leaves the composer (a message needs no tab characters):
                        // Shift+Tab reaches the priority selector, Tab the buttons.
                        if (event.key === Qt.Key_Backtab
                                || (event.key === Qt.Key_Tab && (event.modifiers & Qt.ShiftModifier))) {
                            event.accepted = true;
                            prioritySelector.forceActiveFocus(Qt.BacktabFocusReason);
                            return;
                        }
                        if (event.key === Qt.Key_Tab) {
                            event.accepted = true;
                            composer.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason);
                            return;
                        }
                        if (event.key !== Qt.Key_Return && event.key !== Qt.Key_Enter)
                            return;
                        event.accepted = true;
                        if (event.modifiers & Qt.ShiftModifier) {
                            composer.insert(composer.cursorPosition, "\n");
                        } else {
                            pane.followEnd = true;
                            pane.sendComposed();
                        }
                    }
                }
            }

            Button {
                objectName: "attachButton"
                text: qsTr("Attach…")
                onClicked: attachDialog.open()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Send a file, encrypted")
                Accessible.name: qsTr("Attach a file")
            }

            Button {
                objectName: "sendButton"
                text: qsTr("Send")
                enabled: composer.text.trim() !== ""
                onClicked: {
                    pane.followEnd = true;
                    pane.sendComposed();
                }
                Accessible.name: text
            }
        }
    }

    ConfirmDialog {
        id: recallDialog
        objectName: "recallDialog"
        property string messageId
        title: qsTr("Recall this message?")
        message: qsTr("The message is deleted from %1's devices and yours, and replaced by a note that you recalled it. Anyone who has already read it may remember it. The recall is recorded in the audit log.").arg(pane.conversation.peerName)
        confirmText: qsTr("Recall")
        destructive: true
        onConfirmed: pane.conversation.recall(recallDialog.messageId)
        onClosed: pane.focusComposer()
    }

    ForwardDialog {
        id: forwardDialog
        session: pane.session
        onForwardRequested: (messageId, jid) => pane.conversation.forward(messageId, jid)
        onClosed: pane.focusComposer()
    }

    FileDialog {
        id: attachDialog
        objectName: "attachDialog"
        title: qsTr("Send a file to %1").arg(pane.conversation.peerName)
        fileMode: FileDialog.OpenFile
        onAccepted: {
            pane.followEnd = true;
            pane.conversation.sendFile(attachDialog.selectedFile);
            pane.focusComposer();
        }
        onRejected: pane.focusComposer()
    }

    // Care-team rooms: the members panel and the counts under our messages.
    RoomMembersModel {
        id: roomMembers
        session: pane.session
        room: pane.conversation.room ? pane.conversation.peer : ""
    }
    RoomPanel {
        id: roomPanel
        members: roomMembers
        roomName: pane.conversation.peerName
        onClosed: pane.focusComposer()
    }
    Shortcut {
        objectName: "roomMembersShortcut"
        sequence: "Ctrl+Shift+M"
        enabled: pane.open && pane.visible && pane.conversation.room
        onActivated: roomPanel.open()
    }

    FileDialog {
        id: saveDialog
        objectName: "saveDialog"
        property string messageId
        title: qsTr("Save the file")
        fileMode: FileDialog.SaveFile
        onAccepted: pane.conversation.saveAttachment(saveDialog.messageId, saveDialog.selectedFile)
    }
}
