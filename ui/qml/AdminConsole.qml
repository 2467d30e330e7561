// SPDX-License-Identifier: GPL-3.0-or-later
// The admin console (only for accounts the server lets administer): users and
// their devices with revoke, wipe, MFA reset, disable/enable; the organisation
// policy editor; the server audit export. Nothing here builds stanzas: the
// models call Admin::AdminService and Admin::PolicyService.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Rounds.Ui

Page {
    id: console
    objectName: "adminConsole"

    required property Session session

    header: TabBar {
        id: tabs
        objectName: "adminTabs"
        Accessible.name: qsTr("Admin console sections")
        TabButton {
            objectName: "adminUsersTab"
            text: qsTr("Users and devices")
            width: implicitWidth
        }
        TabButton {
            objectName: "adminPolicyTab"
            text: qsTr("Organisation policy")
            width: implicitWidth
        }
        TabButton {
            objectName: "adminAuditTab"
            text: qsTr("Audit export")
            width: implicitWidth
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: tabs.currentIndex

        AdminUsersPage {
            session: console.session
        }
        AdminPolicyPage {
            session: console.session
        }
        AdminAuditPage {
            session: console.session
        }
    }
}
