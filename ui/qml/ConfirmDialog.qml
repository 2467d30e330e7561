// SPDX-License-Identifier: GPL-3.0-or-later
// A yes/no question that says exactly what will happen. The safe choice
// (Cancel) has the focus; Esc cancels.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: dialog

    /// What will happen, in full sentences.
    property string message
    property string confirmText: qsTr("Continue")
    /// Destructive actions are marked in red, with words.
    property bool destructive: false

    signal confirmed()

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: Overlay.overlay
    parent: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 48 : 560, 560)
    onOpened: cancelButton.forceActiveFocus()

    Label {
        objectName: "confirmMessage"
        width: dialog.availableWidth
        text: dialog.message
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
    }

    footer: DialogButtonBox {
        Button {
            id: cancelButton
            objectName: "confirmCancelButton"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: text
        }
        Button {
            objectName: "confirmButton"
            text: dialog.confirmText
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            palette.buttonText: dialog.destructive ? "#a40000" : dialog.palette.buttonText
            font.bold: dialog.destructive
            Accessible.name: text
        }
    }
    onAccepted: dialog.confirmed()
}
