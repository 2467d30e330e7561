// SPDX-License-Identifier: GPL-3.0-or-later
// Right-side details: the contact's devices and ours, per OMEMO version, with
// the fingerprint to read aloud, the QR code to scan, the trust in words and
// colour (verified green, not verified orange, distrusted red), and what to do:
// Verify after comparing, Distrust, or back to trust without verification.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Pane {
    id: panel
    objectName: "trustPanel"
    // Fingerprints learnt since the list was last read (sessions built by a
    // send) show when the panel opens.
    onVisibleChanged: if (visible && devices) devices.refresh()

    required property DeviceTrustModel devices
    property string peerName

    signal closeRequested()

    padding: 0

    function trustColor(trust) {
        const dark = panel.palette.window.hslLightness < 0.5;
        if (trust === "verified")
            return dark ? "#6fdc8c" : "#1b7f3b";
        if (trust === "distrusted")
            return dark ? "#ff9e9e" : "#a50011";
        return dark ? "#ffb35c" : "#9a4a00";
    }

    function trustMark(trust) {
        return trust === "verified" ? "✔" : trust === "distrusted" ? "✖" : "!";
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            Label {
                Layout.fillWidth: true
                text: qsTr("Devices and trust")
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * 1.2
                Accessible.role: Accessible.Heading
            }
            ToolButton {
                objectName: "refreshDevicesButton"
                text: "⟳"
                enabled: !panel.devices.loading
                onClicked: panel.devices.refresh()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Fetch the device lists again")
                Accessible.name: qsTr("Fetch the device lists again")
            }
            ToolButton {
                objectName: "closeDetailsButton"
                text: "✕"
                onClicked: panel.closeRequested()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Close (Esc)")
                Accessible.name: qsTr("Close devices and trust")
            }
        }

        // A handheld scanner types the other device's QR code here (or paste it).
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            TextField {
                id: scannedCode
                objectName: "scannedCode"
                Layout.fillWidth: true
                placeholderText: qsTr("Scan or paste a device's QR code")
                Accessible.name: qsTr("Scanned fingerprint code")
                onAccepted: verifyScannedButton.clicked()
            }
            Button {
                id: verifyScannedButton
                objectName: "verifyScannedButton"
                text: qsTr("Verify code")
                enabled: scannedCode.text.trim() !== ""
                onClicked: {
                    const problem = panel.devices.verifyScanned(scannedCode.text);
                    scanResult.text = problem !== "" ? problem : qsTr("Fingerprint matches: device verified.");
                    scanResult.failed = problem !== "";
                    if (problem === "")
                        scannedCode.clear();
                }
                Accessible.name: qsTr("Verify the device of the scanned code")
            }
        }
        Label {
            id: scanResult
            objectName: "scanResult"
            property bool failed: false
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            visible: text !== ""
            wrapMode: Text.Wrap
            color: failed ? "#b00020" : panel.palette.windowText
            font.bold: failed
        }

        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            text: qsTr("Compare each fingerprint with the person in person or on a call (or scan their QR code), then mark the device verified.")
            wrapMode: Text.Wrap
        }

        Label {
            objectName: "trustError"
            Layout.fillWidth: true
            Layout.margins: 12
            visible: text !== ""
            text: panel.devices.errorText
            wrapMode: Text.Wrap
            font.bold: true
            Accessible.role: Accessible.AlertMessage
        }

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: panel.devices.loading
            visible: running
            Accessible.name: qsTr("Fetching devices")
        }

        ListView {
            id: list
            objectName: "deviceList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: 8
            clip: true
            model: panel.devices
            spacing: 12
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Devices")
            ScrollBar.vertical: ScrollBar {}

            section.property: "jid"
            section.delegate: Label {
                required property string section
                width: ListView.view.width
                leftPadding: 12
                topPadding: 8
                text: section === panel.devices.jid ? qsTr("%1's devices").arg(panel.peerName)
                                                    : qsTr("Your devices")
                textFormat: Text.PlainText
                font.bold: true
                font.capitalization: Font.AllUppercase
                Accessible.role: Accessible.Heading
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 24
                visible: list.count === 0 && !panel.devices.loading
                text: qsTr("No devices known yet. They appear once the contact has signed in to an app with end-to-end encryption.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }

            delegate: Frame {
                id: device
                required property int index
                required property string jid
                required property var deviceId
                required property bool thisDevice
                required property string versions
                required property string fingerprint
                required property string trust
                required property string trustText
                required property bool active
                required property var qr

                property bool showQr: false

                x: 12
                width: ListView.view.width - 24
                opacity: active ? 1 : 0.7
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("Device %1, %2, %3").arg(device.deviceId).arg(device.versions).arg(device.trustText)

                ColumnLayout {
                    width: parent.width
                    spacing: 6

                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: panel.trustMark(device.trust)
                            color: panel.trustColor(device.trust)
                            font.bold: true
                            visible: !device.thisDevice
                            Accessible.ignored: true
                        }
                        Label {
                            objectName: "trustText"
                            Layout.fillWidth: true
                            text: device.trustText
                            color: device.thisDevice ? panel.palette.windowText : panel.trustColor(device.trust)
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Device %1 · %2").arg(device.deviceId).arg(device.versions)
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "fingerprint"
                        Layout.fillWidth: true
                        visible: device.fingerprint !== ""
                        // Eight groups of eight: two lines of four, for reading aloud.
                        text: {
                            const groups = device.fingerprint.split(" ");
                            return groups.slice(0, 4).join(" ") + "\n" + groups.slice(4).join(" ");
                        }
                        font.family: "monospace"
                        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                        Accessible.name: qsTr("Fingerprint")
                        Accessible.description: device.fingerprint
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: device.fingerprint === ""
                        text: qsTr("Fingerprint not known yet: it arrives with the first encrypted message.")
                        wrapMode: Text.Wrap
                    }
                    QrCodeItem {
                        objectName: "deviceQr"
                        visible: device.showQr && !empty
                        image: device.qr
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(implicitWidth, device.width - 24)
                        Layout.preferredHeight: Layout.preferredWidth
                        Accessible.role: Accessible.Graphic
                        Accessible.name: qsTr("QR code of this device's fingerprint")
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 6
                        Button {
                            text: device.showQr ? qsTr("Hide QR code") : qsTr("Show QR code")
                            visible: device.fingerprint !== ""
                            onClicked: device.showQr = !device.showQr
                            Accessible.name: text
                        }
                        Button {
                            objectName: "verifyButton"
                            text: qsTr("Verify")
                            visible: !device.thisDevice && device.trust !== "verified" && device.fingerprint !== ""
                            onClicked: panel.devices.verify(device.index)
                            Accessible.name: qsTr("Mark device %1 verified: the fingerprints match").arg(device.deviceId)
                        }
                        Button {
                            objectName: "distrustButton"
                            text: qsTr("Distrust")
                            visible: !device.thisDevice && device.trust !== "distrusted"
                            onClicked: panel.devices.distrust(device.index)
                            Accessible.name: qsTr("Distrust device %1").arg(device.deviceId)
                        }
                        Button {
                            objectName: "resetTrustButton"
                            text: qsTr("Reset to blind trust")
                            visible: !device.thisDevice && device.trust !== "blind"
                            onClicked: panel.devices.resetTrust(device.index)
                            Accessible.name: qsTr("Trust device %1 again without verification").arg(device.deviceId)
                        }
                    }
                }
            }
        }
    }
}
