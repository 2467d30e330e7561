// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts of the organisation on the left (enrolled, disabled, online), the
// chosen account's devices on the right with what can be done to each. Every
// action that cannot be undone asks first and says exactly what happens.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: page
    objectName: "adminUsersPage"

    required property Session session
    property string selectedJid
    /// The chosen account is disabled (read again after every reload).
    property bool selectedDisabled: false

    function updateSelected() {
        const row = users.indexOf(page.selectedJid);
        page.selectedDisabled = row >= 0
                && users.data(users.index(row, 0), AdminUsersModel.DisabledRole) === true;
    }
    onSelectedJidChanged: updateSelected()
    Connections {
        target: users
        function onModelReset() { page.updateSelected(); }
    }

    AdminUsersModel {
        id: users
        objectName: "adminUsersModel"
        session: page.session
        Component.onCompleted: refresh()
    }
    AdminDevicesModel {
        id: devices
        objectName: "adminDevicesModel"
        session: page.session
        accountJid: page.selectedJid
    }

    ConfirmDialog {
        id: confirm
        objectName: "adminConfirmDialog"
        property var action: function() {}
        onConfirmed: action()
    }

    function ask(title, message, confirmText, action) {
        confirm.title = title;
        confirm.message = message;
        confirm.confirmText = confirmText;
        confirm.destructive = true;
        confirm.action = action;
        confirm.open();
    }

    function deviceLabel(name, software) {
        return name !== "" ? name : software !== "" ? software : qsTr("unnamed device");
    }

    function revokeDevice(ua, name) {
        page.ask(qsTr("Revoke this device?"),
                 qsTr("%1 of %2 is signed out now: its sign-in token stops working, its open sessions end, and its encryption keys are removed from the account, so new messages are no longer encrypted for it. Messages already on it stay there. It can only be used again after signing in with the password and a code.").arg(name).arg(page.selectedJid),
                 qsTr("Revoke"), function() { devices.revoke(ua); });
    }

    function wipeDevice(ua, name) {
        page.ask(qsTr("Wipe this device?"),
                 qsTr("The next time %1 of %2 connects (at once if it is connected now), it erases this account's messages, attached files, encryption keys and sign-in token from that computer, before showing anything, and confirms here. This cannot be undone.").arg(name).arg(page.selectedJid),
                 qsTr("Wipe"), function() { devices.wipe(ua); });
    }

    RowLayout {
        anchors.fill: parent
        spacing: 12

        ColumnLayout {
            Layout.fillHeight: true
            Layout.preferredWidth: Math.max(280, page.width * 0.34)
            spacing: 6

            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Users (%1)").arg(usersList.count)
                    font.bold: true
                    Accessible.role: Accessible.Heading
                }
                BusyIndicator {
                    running: users.busy
                    visible: running
                    implicitWidth: 24
                    implicitHeight: 24
                }
                Button {
                    objectName: "adminRefreshUsers"
                    text: qsTr("Refresh")
                    onClicked: users.refresh()
                    Accessible.name: qsTr("Refresh the list of users")
                }
            }
            Label {
                objectName: "adminUsersError"
                Layout.fillWidth: true
                visible: text !== ""
                text: users.errorText
                wrapMode: Text.Wrap
                color: "#a40000"
                Accessible.role: Accessible.AlertMessage
            }
            Label {
                objectName: "adminUsersStatus"
                Layout.fillWidth: true
                visible: text !== ""
                text: users.statusText
                wrapMode: Text.Wrap
            }
            ListView {
                id: usersList
                objectName: "adminUsersList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: users
                activeFocusOnTab: true
                keyNavigationEnabled: true
                currentIndex: -1
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Users")
                ScrollBar.vertical: ScrollBar {}

                delegate: ItemDelegate {
                    id: userRow
                    required property int index
                    required property string jid
                    required property int devices
                    required property bool enrolled
                    required property bool disabled
                    required property bool online
                    readonly property string stateText: [
                        userRow.online ? qsTr("online") : qsTr("offline"),
                        userRow.enrolled ? qsTr("two-step sign-in set up") : qsTr("two-step sign-in not set up"),
                        qsTr("%n device(s)", "", userRow.devices)
                    ].concat(userRow.disabled ? [qsTr("DISABLED")] : []).join(" · ")
                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem
                    contentItem: ColumnLayout {
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: userRow.jid
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            font.bold: userRow.jid === page.selectedJid
                            font.strikeout: userRow.disabled
                        }
                        Label {
                            Layout.fillWidth: true
                            text: userRow.stateText
                            elide: Text.ElideRight
                            opacity: 0.85
                        }
                    }
                    Accessible.name: userRow.jid + ", " + userRow.stateText
                    onClicked: {
                        usersList.currentIndex = userRow.index;
                        page.selectedJid = userRow.jid;
                    }
                }
                Keys.onReturnPressed: if (currentItem) currentItem.clicked()
                Keys.onEnterPressed: if (currentItem) currentItem.clicked()
                onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
            }
        }

        Rectangle {
            Layout.fillHeight: true
            implicitWidth: 1
            color: page.palette.mid
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 6

            Label {
                Layout.fillWidth: true
                text: page.selectedJid === "" ? qsTr("Choose a user to see their devices.")
                                              : qsTr("Devices of %1").arg(page.selectedJid)
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                visible: page.selectedJid !== ""
                Button {
                    objectName: "adminResetMfa"
                    text: qsTr("Reset two-step sign-in…")
                    onClicked: page.ask(qsTr("Reset two-step sign-in?"),
                                        qsTr("%1's authenticator app stops working for Rounds. At the next sign-in they must scan a new QR code. Devices signed in now stay signed in.").arg(page.selectedJid),
                                        qsTr("Reset"), function() { users.resetMfa(page.selectedJid); })
                    Accessible.name: qsTr("Reset two-step sign-in")
                }
                Button {
                    objectName: "adminDisable"
                    visible: !page.selectedDisabled
                    text: qsTr("Disable account…")
                    onClicked: page.ask(qsTr("Disable this account?"),
                                        qsTr("%1 is signed out on every device now and cannot sign in until the account is enabled again. Nothing is erased.").arg(page.selectedJid),
                                        qsTr("Disable"), function() { users.disableAccount(page.selectedJid); })
                    Accessible.name: qsTr("Disable account")
                }
                Button {
                    objectName: "adminEnable"
                    visible: page.selectedDisabled
                    text: qsTr("Enable account")
                    onClicked: users.enableAccount(page.selectedJid)
                    Accessible.name: text
                }
                Button {
                    objectName: "adminRefreshDevices"
                    text: qsTr("Refresh devices")
                    onClicked: devices.refresh()
                    Accessible.name: text
                }
            }
            Label {
                objectName: "adminDevicesError"
                Layout.fillWidth: true
                visible: text !== ""
                text: devices.errorText
                wrapMode: Text.Wrap
                color: "#a40000"
                Accessible.role: Accessible.AlertMessage
            }
            Label {
                objectName: "adminDevicesStatus"
                Layout.fillWidth: true
                visible: text !== ""
                text: devices.statusText
                wrapMode: Text.Wrap
            }
            ListView {
                id: devicesList
                objectName: "adminDevicesList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: devices
                spacing: 8
                activeFocusOnTab: true
                keyNavigationEnabled: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Devices")
                ScrollBar.vertical: ScrollBar {}

                Label {
                    anchors.centerIn: parent
                    visible: page.selectedJid !== "" && devicesList.count === 0 && !devices.busy
                    text: qsTr("No devices: this account has not signed in with Rounds.")
                }

                delegate: Frame {
                    id: deviceRow
                    required property int index
                    required property string userAgentId
                    required property string software
                    required property string deviceName
                    required property date firstSeen
                    required property date lastSeen
                    required property string tokenText
                    required property string omemoDevices
                    required property string state
                    required property string stateText
                    required property bool online
                    readonly property string label: page.deviceLabel(deviceName, software)
                    width: ListView.view.width
                    Accessible.name: deviceRow.label + ", " + deviceRow.stateText

                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: deviceRow.label + (deviceRow.online ? "  ● " + qsTr("online") : "")
                            font.bold: true
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                        }
                        GridLayout {
                            Layout.fillWidth: true
                            columns: 2
                            columnSpacing: 12
                            rowSpacing: 0
                            Label { text: qsTr("Software") }
                            Label { text: deviceRow.software; textFormat: Text.PlainText; Layout.fillWidth: true; elide: Text.ElideRight }
                            Label { text: qsTr("First seen") }
                            Label { text: deviceRow.firstSeen.getTime() ? deviceRow.firstSeen.toLocaleString(Qt.locale(), Locale.ShortFormat) : "–" }
                            Label { text: qsTr("Last seen") }
                            Label { text: deviceRow.lastSeen.getTime() ? deviceRow.lastSeen.toLocaleString(Qt.locale(), Locale.ShortFormat) : "–" }
                            Label { text: qsTr("Sign-in token") }
                            Label { text: deviceRow.tokenText }
                            Label { text: qsTr("Encryption ids") }
                            Label { text: deviceRow.omemoDevices !== "" ? deviceRow.omemoDevices : "–"; Layout.fillWidth: true; wrapMode: Text.Wrap }
                            Label { text: qsTr("State") }
                            Label {
                                objectName: "adminDeviceState"
                                text: deviceRow.stateText
                                font.bold: deviceRow.state !== "active"
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                            }
                        }
                        RowLayout {
                            spacing: 8
                            Button {
                                objectName: "adminRevoke"
                                text: qsTr("Revoke…")
                                enabled: deviceRow.state === "active" && !devices.busy
                                onClicked: page.revokeDevice(deviceRow.userAgentId, deviceRow.label)
                                Accessible.name: qsTr("Revoke %1").arg(deviceRow.label)
                            }
                            Button {
                                objectName: "adminWipe"
                                text: qsTr("Wipe…")
                                enabled: deviceRow.state !== "wiped" && deviceRow.state !== "wipe-pending" && !devices.busy
                                onClicked: page.wipeDevice(deviceRow.userAgentId, deviceRow.label)
                                Accessible.name: qsTr("Wipe %1").arg(deviceRow.label)
                            }
                        }
                    }
                }
            }
        }
    }
}
