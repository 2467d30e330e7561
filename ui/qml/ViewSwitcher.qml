// SPDX-License-Identifier: GPL-3.0-or-later
// The top-level views: messages, the admin console for accounts the server
// lets administer, and the front desk (Ctrl+1, Ctrl+2, Ctrl+3).
import QtQuick
import QtQuick.Controls

TabBar {
    id: bar
    objectName: "viewSwitcher"

    /// "messages", "admin" or "frontdesk".
    property string current: "messages"
    property bool adminAvailable: true

    currentIndex: current === "admin" ? 1 : current === "frontdesk" ? 2 : 0
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
        visible: bar.adminAvailable
        width: visible ? implicitWidth : 0
        onClicked: bar.current = "admin"
        Accessible.name: qsTr("Admin console")
    }
    TabButton {
        objectName: "frontDeskTab"
        text: qsTr("Front desk (Ctrl+3)")
        width: implicitWidth
        onClicked: bar.current = "frontdesk"
        Accessible.name: qsTr("Front desk")
    }
}
