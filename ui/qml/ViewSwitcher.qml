// SPDX-License-Identifier: GPL-3.0-or-later
// The top-level views: messages, and the admin console for accounts the
// server lets administer (Ctrl+1, Ctrl+2).
import QtQuick
import QtQuick.Controls

TabBar {
    id: bar
    objectName: "viewSwitcher"

    /// "messages" or "admin".
    property string current: "messages"

    currentIndex: current === "admin" ? 1 : 0
    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Views")

    TabButton {
        objectName: "messagesTab"
        text: qsTr("Messages (Ctrl+1)")
        width: implicitWidth
        onClicked: bar.current = "messages"
        Accessible.name: qsTr("Messages")
    }
    TabButton {
        objectName: "adminTab"
        text: qsTr("Admin (Ctrl+2)")
        width: implicitWidth
        onClicked: bar.current = "admin"
        Accessible.name: qsTr("Admin console")
    }
}
