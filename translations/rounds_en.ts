<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Account::Account</name>
    <message>
        <source>The key does not open this computer&apos;s message store. Nothing was changed. Ask IT for help; do not delete the store.</source>
        <translation>The key does not open this computer&apos;s message store. Nothing was changed. Ask IT for help; do not delete the store.</translation>
    </message>
    <message>
        <source>The message store on this computer is damaged and cannot be opened. Nothing was changed. Ask IT for help.</source>
        <translation>The message store on this computer is damaged and cannot be opened. Nothing was changed. Ask IT for help.</translation>
    </message>
    <message>
        <source>Rounds was started with an unencrypted database library and refused to run. Reinstall Rounds or ask IT.</source>
        <translation>Rounds was started with an unencrypted database library and refused to run. Reinstall Rounds or ask IT.</translation>
    </message>
    <message>
        <source>The message store was written by a newer version of Rounds. Update Rounds on this computer.</source>
        <translation>The message store was written by a newer version of Rounds. Update Rounds on this computer.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then try again.</source>
        <translation>The disk is full. Free some space, then try again.</translation>
    </message>
</context>
<context>
    <name>Account::IdleLock</name>
    <message numerus="yes">
        <source>The password is not correct. Type your password again. After %n wrong attempts in a row you will be signed out.</source>
        <translation>
            <numerusform>The password is not correct. Type your password again. After %n wrong attempts in a row you will be signed out.</numerusform>
            <numerusform>The password is not correct. Type your password again. After %n wrong attempts in a row you will be signed out.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong attempts to unlock. You have been signed out to protect patient information; sign in again with your password.</source>
        <translation>Too many wrong attempts to unlock. You have been signed out to protect patient information; sign in again with your password.</translation>
    </message>
    <message>
        <source>Rounds cannot check your password on this computer. Sign out, then sign in again.</source>
        <translation>Rounds cannot check your password on this computer. Sign out, then sign in again.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app as well.</source>
        <translation>Enter the 6-digit code from your authenticator app as well.</translation>
    </message>
    <message>
        <source>Your organisation requires a code to unlock, but Rounds cannot check codes for this account. Sign out and sign in again, or ask IT.</source>
        <translation>Your organisation requires a code to unlock, but Rounds cannot check codes for this account. Sign out and sign in again, or ask IT.</translation>
    </message>
    <message>
        <source>Still checking your password. Wait a moment.</source>
        <translation>Still checking your password. Wait a moment.</translation>
    </message>
</context>
<context>
    <name>Account::KeyCustody</name>
    <message>
        <source>The passphrase is wrong. Check it (and Caps Lock and the keyboard layout), then try again.</source>
        <translation>The passphrase is wrong. Check it (and Caps Lock and the keyboard layout), then try again.</translation>
    </message>
    <message>
        <source>Choose a passphrase to protect the local message store; it cannot be empty.</source>
        <translation>Choose a passphrase to protect the local message store; it cannot be empty.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer. Choose a passphrase to protect the local message store.</source>
        <translation>No keychain is available on this computer. Choose a passphrase to protect the local message store.</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it (sign in to the desktop session) and try again, or use a passphrase.</source>
        <translation>The keychain is locked. Unlock it (sign in to the desktop session) and try again, or use a passphrase.</translation>
    </message>
    <message>
        <source>The keychain holds no key for this account&apos;s local message store. Sign in again to set up a new local message store.</source>
        <translation>The keychain holds no key for this account&apos;s local message store. Sign in again to set up a new local message store.</translation>
    </message>
    <message>
        <source>The key for the local message store in the keychain is damaged. Sign in again to set up a new local message store.</source>
        <translation>The key for the local message store in the keychain is damaged. Sign in again to set up a new local message store.</translation>
    </message>
    <message>
        <source>The keychain could not be used. Try again, or use a passphrase to protect the local message store.</source>
        <translation>The keychain could not be used. Try again, or use a passphrase to protect the local message store.</translation>
    </message>
    <message>
        <source>The key file is damaged, so the local message store cannot be opened. Sign in again to set up a new local message store.</source>
        <translation>The key file is damaged, so the local message store cannot be opened. Sign in again to set up a new local message store.</translation>
    </message>
    <message>
        <source>The key file for the local message store is missing. Sign in again to set up a new local message store.</source>
        <translation>The key file for the local message store is missing. Sign in again to set up a new local message store.</translation>
    </message>
    <message>
        <source>The key file could not be read. Check that your user account may read it, then try again.</source>
        <translation>The key file could not be read. Check that your user account may read it, then try again.</translation>
    </message>
    <message>
        <source>The key file could not be saved. Check that the disk is not full and that your user account may write to its folder, then try again.</source>
        <translation>The key file could not be saved. Check that the disk is not full and that your user account may write to its folder, then try again.</translation>
    </message>
</context>
<context>
    <name>AdminAuditPage</name>
    <message>
        <source>Export the audit log to</source>
        <translation>Export the audit log to</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON lines (*.jsonl)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Server audit export</source>
        <translation>Server audit export</translation>
    </message>
    <message>
        <source>Sign-ins, administrator actions and policy changes recorded by the server, oldest first. Entries are chained by hashes, so edits and gaps show. No passwords, codes or message content are in it.</source>
        <translation>Sign-ins, administrator actions and policy changes recorded by the server, oldest first. Entries are chained by hashes, so edits and gaps show. No passwords, codes or message content are in it.</translation>
    </message>
    <message>
        <source>File to write, e.g. /home/it/audit.jsonl</source>
        <translation>File to write, e.g. /home/it/audit.jsonl</translation>
    </message>
    <message>
        <source>File to write the audit log to</source>
        <translation>File to write the audit log to</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Choose the file</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
</context>
<context>
    <name>AdminConsole</name>
    <message>
        <source>Admin console sections</source>
        <translation>Admin console sections</translation>
    </message>
    <message>
        <source>Users and devices</source>
        <translation>Users and devices</translation>
    </message>
    <message>
        <source>Organisation policy</source>
        <translation>Organisation policy</translation>
    </message>
    <message>
        <source>Audit export</source>
        <translation>Audit export</translation>
    </message>
</context>
<context>
    <name>AdminPolicyPage</name>
    <message>
        <source>Publish this policy?</source>
        <translation>Publish this policy?</translation>
    </message>
    <message>
        <source>Every Rounds computer of the organisation applies it as soon as it is connected; the others when they next connect. Users can then choose only stricter settings.</source>
        <translation>Every Rounds computer of the organisation applies it as soon as it is connected; the others when they next connect. Users can then choose only stricter settings.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Organisation policy</source>
        <translation>Organisation policy</translation>
    </message>
    <message>
        <source>The fields show the policy in force. Change them and publish.</source>
        <translation>The fields show the policy in force. Change them and publish.</translation>
    </message>
    <message>
        <source>No policy has been published yet: the fields show the defaults.</source>
        <translation>No policy has been published yet: the fields show the defaults.</translation>
    </message>
    <message>
        <source>Idle lock (minutes, 1–480)</source>
        <translation>Idle lock (minutes, 1–480)</translation>
    </message>
    <message>
        <source>Idle lock minutes</source>
        <translation>Idle lock minutes</translation>
    </message>
    <message>
        <source>Keep messages (days, 0 = without limit)</source>
        <translation>Keep messages (days, 0 = without limit)</translation>
    </message>
    <message>
        <source>Retention days</source>
        <translation>Retention days</translation>
    </message>
    <message>
        <source>Notifications may show</source>
        <translation>Notifications may show</translation>
    </message>
    <message>
        <source>What notifications may show</source>
        <translation>What notifications may show</translation>
    </message>
    <message>
        <source>Other organisations users may write to</source>
        <translation>Other organisations users may write to</translation>
    </message>
    <message>
        <source>e.g. partner.example.org, lab.example.net</source>
        <translation>e.g. partner.example.org, lab.example.net</translation>
    </message>
    <message>
        <source>Allowed organisations, separated by commas</source>
        <translation>Allowed organisations, separated by commas</translation>
    </message>
    <message>
        <source>Require two-step sign-in</source>
        <translation>Require two-step sign-in</translation>
    </message>
    <message>
        <source>Send only to verified devices</source>
        <translation>Send only to verified devices</translation>
    </message>
    <message>
        <source>Allow attachments</source>
        <translation>Allow attachments</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <source>Publish the policy</source>
        <translation>Publish the policy</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Revert to the policy in force</source>
        <translation>Revert to the policy in force</translation>
    </message>
</context>
<context>
    <name>AdminUsersPage</name>
    <message>
        <source>unnamed device</source>
        <translation>unnamed device</translation>
    </message>
    <message>
        <source>Revoke this device?</source>
        <translation>Revoke this device?</translation>
    </message>
    <message>
        <source>%1 of %2 is signed out now: its sign-in token stops working, its open sessions end, and its encryption keys are removed from the account, so new messages are no longer encrypted for it. Messages already on it stay there. It can only be used again after signing in with the password and a code.</source>
        <translation>%1 of %2 is signed out now: its sign-in token stops working, its open sessions end, and its encryption keys are removed from the account, so new messages are no longer encrypted for it. Messages already on it stay there. It can only be used again after signing in with the password and a code.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Wipe this device?</source>
        <translation>Wipe this device?</translation>
    </message>
    <message>
        <source>The next time %1 of %2 connects (at once if it is connected now), it erases this account&apos;s messages, attached files, encryption keys and sign-in token from that computer, before showing anything, and confirms here. This cannot be undone.</source>
        <translation>The next time %1 of %2 connects (at once if it is connected now), it erases this account&apos;s messages, attached files, encryption keys and sign-in token from that computer, before showing anything, and confirms here. This cannot be undone.</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Wipe</translation>
    </message>
    <message>
        <source>Users (%1)</source>
        <translation>Users (%1)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Refresh the list of users</source>
        <translation>Refresh the list of users</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>two-step sign-in set up</source>
        <translation>two-step sign-in set up</translation>
    </message>
    <message>
        <source>two-step sign-in not set up</source>
        <translation>two-step sign-in not set up</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
    <message>
        <source>DISABLED</source>
        <translation>DISABLED</translation>
    </message>
    <message>
        <source>Choose a user to see their devices.</source>
        <translation>Choose a user to see their devices.</translation>
    </message>
    <message>
        <source>Devices of %1</source>
        <translation>Devices of %1</translation>
    </message>
    <message>
        <source>Reset two-step sign-in…</source>
        <translation>Reset two-step sign-in…</translation>
    </message>
    <message>
        <source>Reset two-step sign-in?</source>
        <translation>Reset two-step sign-in?</translation>
    </message>
    <message>
        <source>%1&apos;s authenticator app stops working for Rounds. At the next sign-in they must scan a new QR code. Devices signed in now stay signed in.</source>
        <translation>%1&apos;s authenticator app stops working for Rounds. At the next sign-in they must scan a new QR code. Devices signed in now stay signed in.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Reset two-step sign-in</source>
        <translation>Reset two-step sign-in</translation>
    </message>
    <message>
        <source>Disable account…</source>
        <translation>Disable account…</translation>
    </message>
    <message>
        <source>Disable this account?</source>
        <translation>Disable this account?</translation>
    </message>
    <message>
        <source>%1 is signed out on every device now and cannot sign in until the account is enabled again. Nothing is erased.</source>
        <translation>%1 is signed out on every device now and cannot sign in until the account is enabled again. Nothing is erased.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>Enable account</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <source>Refresh devices</source>
        <translation>Refresh devices</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>No devices: this account has not signed in with Rounds.</source>
        <translation>No devices: this account has not signed in with Rounds.</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>First seen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Sign-in token</source>
        <translation>Sign-in token</translation>
    </message>
    <message>
        <source>Encryption ids</source>
        <translation>Encryption ids</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>Revoke %1</translation>
    </message>
    <message>
        <source>Wipe…</source>
        <translation>Wipe…</translation>
    </message>
    <message>
        <source>Wipe %1</source>
        <translation>Wipe %1</translation>
    </message>
</context>
<context>
    <name>AttachmentBlock</name>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <source>Not downloaded yet</source>
        <translation>Not downloaded yet</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Downloading…</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>Download failed</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>File %1, %2</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Preview of %1</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Save %1</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Download %1 again</source>
        <translation>Download %1 again</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Upload progress</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download progress</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>No contacts yet.</translation>
    </message>
    <message>
        <source>Search  (Ctrl+F)</source>
        <translation>Search  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <source>Conversations (%1 unread)</source>
        <translation>Conversations (%1 unread)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>end-to-end encrypted</source>
        <translation>end-to-end encrypted</translation>
    </message>
    <message>
        <source>No conversations yet. Choose a contact below to start one.</source>
        <translation>No conversations yet. Choose a contact below to start one.</translation>
    </message>
    <message>
        <source>care-team room</source>
        <translation>care-team room</translation>
    </message>
    <message>
        <source>Page a role…  (Ctrl+Shift+P)</source>
        <translation>Page a role…  (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Page whoever is on call for a role</source>
        <translation>Page whoever is on call for a role</translation>
    </message>
    <message>
        <source>Needs acknowledgement (%1)</source>
        <translation>Needs acknowledgement (%1)</translation>
    </message>
    <message>
        <source>Other conversations</source>
        <translation>Other conversations</translation>
    </message>
    <message>
        <source>STAT</source>
        <translation>STAT</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>needs acknowledgement</source>
        <translation>needs acknowledgement</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Type a message…</source>
        <translation>Type a message…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line.</source>
        <translation>Enter sends, Shift+Enter starts a new line.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Devices and trust (Ctrl+I)</source>
        <translation>Devices and trust (Ctrl+I)</translation>
    </message>
    <message>
        <source>Devices and trust</source>
        <translation>Devices and trust</translation>
    </message>
    <message>
        <source>%1 has devices you have not verified. Compare fingerprints before sharing sensitive details.</source>
        <translation>%1 has devices you have not verified. Compare fingerprints before sharing sensitive details.</translation>
    </message>
    <message>
        <source>Review devices</source>
        <translation>Review devices</translation>
    </message>
    <message>
        <source>Choose a conversation or a contact to start.</source>
        <translation>Choose a conversation or a contact to start.</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Loading older messages</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>No messages yet.</translation>
    </message>
    <message>
        <source>Care-team room · %1</source>
        <translation>Care-team room · %1</translation>
    </message>
    <message>
        <source>%1 has devices you have not verified. Your organisation requires verified devices: messages are not sent until you compare fingerprints and verify them.</source>
        <translation>%1 has devices you have not verified. Your organisation requires verified devices: messages are not sent until you compare fingerprints and verify them.</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <source>Send a file, encrypted</source>
        <translation>Send a file, encrypted</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <source>Send a file to %1</source>
        <translation>Send a file to %1</translation>
    </message>
    <message>
        <source>Save the file</source>
        <translation>Save the file</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>STAT</source>
        <translation>STAT</translation>
    </message>
    <message>
        <source>Priority: urgent and STAT messages must be acknowledged</source>
        <translation>Priority: urgent and STAT messages must be acknowledged</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Priority: %1</translation>
    </message>
    <message>
        <source>Recall this message?</source>
        <translation>Recall this message?</translation>
    </message>
    <message>
        <source>The message is deleted from %1&apos;s devices and yours, and replaced by a note that you recalled it. Anyone who has already read it may remember it. The recall is recorded in the audit log.</source>
        <translation>The message is deleted from %1&apos;s devices and yours, and replaced by a note that you recalled it. Anyone who has already read it may remember it. The recall is recorded in the audit log.</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Members of this room (Ctrl+Shift+M)</source>
        <translation>Members of this room (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Members of this room</source>
        <translation>Members of this room</translation>
    </message>
</context>
<context>
    <name>Core::ErrorText</name>
    <message>
        <source>The server could not be reached. Check the server address and the network connection, then try again.</source>
        <translation>The server could not be reached. Check the server address and the network connection, then try again.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Ask IT for the organisation&apos;s CA file, then choose it in Settings.</source>
        <translation>The server&apos;s certificate is not trusted. Ask IT for the organisation&apos;s CA file, then choose it in Settings.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again in a moment; if it keeps happening, tell IT.</source>
        <translation>The server did not answer in time. Try again in a moment; if it keeps happening, tell IT.</translation>
    </message>
    <message>
        <source>The account name or password is wrong. Check both and try again.</source>
        <translation>The account name or password is wrong. Check both and try again.</translation>
    </message>
    <message>
        <source>This account has been disabled. Contact IT to have it enabled again.</source>
        <translation>This account has been disabled. Contact IT to have it enabled again.</translation>
    </message>
    <message>
        <source>The server offers no sign-in method Rounds considers safe. Ask IT to check the server&apos;s configuration.</source>
        <translation>The server offers no sign-in method Rounds considers safe. Ask IT to check the server&apos;s configuration.</translation>
    </message>
    <message>
        <source>The verification code was not accepted. Enter the current code from your authenticator app.</source>
        <translation>The verification code was not accepted. Enter the current code from your authenticator app.</translation>
    </message>
    <message>
        <source>The server sent data Rounds could not understand, so the connection was closed. Try again; if it keeps happening, tell IT.</source>
        <translation>The server sent data Rounds could not understand, so the connection was closed. Try again; if it keeps happening, tell IT.</translation>
    </message>
    <message>
        <source>A message could not be encrypted or decrypted.</source>
        <translation>A message could not be encrypted or decrypted.</translation>
    </message>
    <message>
        <source>The local message store could not be used.</source>
        <translation>The local message store could not be used.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow this.</source>
        <translation>Your organisation&apos;s policy does not allow this.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>The operation was cancelled.</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <source>Not sent: the recipient has no device that can receive encrypted messages. Ask them to sign in to Rounds or another OMEMO app, then retry.</source>
        <translation>Not sent: the recipient has no device that can receive encrypted messages. Ask them to sign in to Rounds or another OMEMO app, then retry.</translation>
    </message>
    <message>
        <source>Not sent: the recipient&apos;s devices have no usable encryption keys on the server. Ask them to sign in again, then retry.</source>
        <translation>Not sent: the recipient&apos;s devices have no usable encryption keys on the server. Ask them to sign in again, then retry.</translation>
    </message>
    <message>
        <source>Not sent: none of the recipient&apos;s devices is trusted. Compare a device&apos;s fingerprint with the recipient and mark it verified, then retry.</source>
        <translation>Not sent: none of the recipient&apos;s devices is trusted. Compare a device&apos;s fingerprint with the recipient and mark it verified, then retry.</translation>
    </message>
    <message>
        <source>Not sent: your organisation requires verified devices, and these are not verified: %1. Compare their fingerprints, then retry.</source>
        <translation>Not sent: your organisation requires verified devices, and these are not verified: %1. Compare their fingerprints, then retry.</translation>
    </message>
    <message>
        <source>Encryption is not ready on this computer yet, so nothing was sent. Try again in a moment.</source>
        <translation>Encryption is not ready on this computer yet, so nothing was sent. Try again in a moment.</translation>
    </message>
    <message>
        <source>Not signed in: your organisation requires a second sign-in step (a code from an authenticator app), and this server cannot ask for one. Ask IT which server to use.</source>
        <translation>Not signed in: your organisation requires a second sign-in step (a code from an authenticator app), and this server cannot ask for one. Ask IT which server to use.</translation>
    </message>
    <message>
        <source>Not signed in: your organisation requires a code from an authenticator app, but the server let this account in without one. Ask IT to turn on two-step sign-in for your account.</source>
        <translation>Not signed in: your organisation requires a code from an authenticator app, but the server let this account in without one. Ask IT to turn on two-step sign-in for your account.</translation>
    </message>
    <message>
        <source>The code was not accepted. Codes change every 30 seconds and each works only once: wait for the next one, then sign in again with your password and the new code.</source>
        <translation>The code was not accepted. Codes change every 30 seconds and each works only once: wait for the next one, then sign in again with your password and the new code.</translation>
    </message>
    <message>
        <source>The code from your authenticator app did not match. Check that the app shows the account you just added, then sign in again and enter its current code.</source>
        <translation>The code from your authenticator app did not match. Check that the app shows the account you just added, then sign in again and enter its current code.</translation>
    </message>
    <message>
        <source>Enter the six digits your authenticator app shows.</source>
        <translation>Enter the six digits your authenticator app shows.</translation>
    </message>
    <message>
        <source>This computer&apos;s sign-in has expired or was revoked by IT. Sign in again with your password and a code from your authenticator app.</source>
        <translation>This computer&apos;s sign-in has expired or was revoked by IT. Sign in again with your password and a code from your authenticator app.</translation>
    </message>
    <message>
        <source>This computer was signed out by your administrator. Sign in again with your password and a code from your authenticator app, or ask IT.</source>
        <translation>This computer was signed out by your administrator. Sign in again with your password and a code from your authenticator app, or ask IT.</translation>
    </message>
    <message>
        <source>Your administrator erased this account&apos;s messages and keys from this computer. Sign in again to use it here, or ask IT why.</source>
        <translation>Your administrator erased this account&apos;s messages and keys from this computer. Sign in again to use it here, or ask IT why.</translation>
    </message>
    <message>
        <source>This account has been disabled by your administrator. Contact IT to have it enabled again.</source>
        <translation>This account has been disabled by your administrator. Contact IT to have it enabled again.</translation>
    </message>
    <message>
        <source>Only IT administrators of this server can do this, and this account is not one.</source>
        <translation>Only IT administrators of this server can do this, and this account is not one.</translation>
    </message>
    <message>
        <source>The server does not know that account or device. Check the address and the device id, then try again.</source>
        <translation>The server does not know that account or device. Check the address and the device id, then try again.</translation>
    </message>
    <message>
        <source>The server refused the request as incomplete or malformed.</source>
        <translation>The server refused the request as incomplete or malformed.</translation>
    </message>
    <message>
        <source>Not everything of this account could be erased from this computer. Close Rounds, then ask IT to remove the account&apos;s folder and keychain entries.</source>
        <translation>Not everything of this account could be erased from this computer. Close Rounds, then ask IT to remove the account&apos;s folder and keychain entries.</translation>
    </message>
    <message>
        <source>Your organisation published a policy Rounds could not read; the previous policy stays in force. Tell IT.</source>
        <translation>Your organisation published a policy Rounds could not read; the previous policy stays in force. Tell IT.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow sending attachments.</source>
        <translation>Your organisation&apos;s policy does not allow sending attachments.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow sending messages to that organisation.</source>
        <translation>Your organisation&apos;s policy does not allow sending messages to that organisation.</translation>
    </message>
</context>
<context>
    <name>Desktop::DesktopShell</name>
    <message>
        <source>Show Rounds</source>
        <translation>Show Rounds</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message numerus="yes">
        <source>Rounds: %n unread</source>
        <translation>
            <numerusform>Rounds: %n unread</numerusform>
            <numerusform>Rounds: %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>ForwardDialog</name>
    <message>
        <source>Forward message</source>
        <translation>Forward message</translation>
    </message>
    <message>
        <source>Forward to a colleague or care-team room. The copy says where it came from; the original stays here.</source>
        <translation>Forward to a colleague or care-team room. The copy says where it came from; the original stays here.</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Type a name…</translation>
    </message>
    <message>
        <source>Colleague or room to forward to</source>
        <translation>Colleague or room to forward to</translation>
    </message>
    <message>
        <source>Up and Down choose, Enter forwards, Esc cancels.</source>
        <translation>Up and Down choose, Enter forwards, Esc cancels.</translation>
    </message>
    <message>
        <source>Colleagues and rooms</source>
        <translation>Colleagues and rooms</translation>
    </message>
    <message>
        <source>care-team room</source>
        <translation>care-team room</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Nothing matches.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
</context>
<context>
    <name>FrontDeskBatchPage</name>
    <message>
        <source>Choose the reminder list</source>
        <translation>Choose the reminder list</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Refill</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Insurance expiry</source>
        <translation>Insurance expiry</translation>
    </message>
    <message>
        <source>Custom text</source>
        <translation>Custom text</translation>
    </message>
    <message>
        <source>Reminder template</source>
        <translation>Reminder template</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <source>Import the reminder list from a CSV file</source>
        <translation>Import the reminder list from a CSV file</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n patient(s) ready</source>
        <translation>
            <numerusform>%1: %n patient ready</numerusform>
            <numerusform>%1: %n patients ready</numerusform>
        </translation>
    </message>
    <message>
        <source>English text, e.g. Hello {first_name}, ...</source>
        <translation>English text, e.g. Hello {first_name}, ...</translation>
    </message>
    <message>
        <source>Custom text in English</source>
        <translation>Custom text in English</translation>
    </message>
    <message>
        <source>Spanish text (optional)</source>
        <translation>Spanish text (optional)</translation>
    </message>
    <message>
        <source>Custom text in Spanish</source>
        <translation>Custom text in Spanish</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): fix the file and import it again. Nothing will be sent.</source>
        <translation>
            <numerusform>%n problem: fix the file and import it again. Nothing will be sent.</numerusform>
            <numerusform>%n problems: fix the file and import it again. Nothing will be sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>What each patient will receive</source>
        <translation>What each patient will receive</translation>
    </message>
    <message>
        <source>Line %1 · %2 · %3 · %4 · %5</source>
        <translation>Line %1 · %2 · %3 · %4 · %5</translation>
    </message>
    <message>
        <source>Flagged: %1</source>
        <translation>Flagged: %1</translation>
    </message>
    <message>
        <source>Send the flagged rows anyway (where the organisation allows it; recorded in the audit log)</source>
        <translation>Send the flagged rows anyway (where the organisation allows it; recorded in the audit log)</translation>
    </message>
    <message>
        <source>Reason for the override (required)</source>
        <translation>Reason for the override (required)</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Reason for the override</translation>
    </message>
    <message numerus="yes">
        <source>Schedule %n reminder(s)</source>
        <translation>
            <numerusform>Schedule %n reminder</numerusform>
            <numerusform>Schedule %n reminders</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule the reminders with the reminder service</source>
        <translation>Schedule the reminders with the reminder service</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>FrontDeskConsentPage</name>
    <message>
        <source>Revoke consent</source>
        <translation>Revoke consent</translation>
    </message>
    <message>
        <source>No more reminders will go to this patient on this channel.</source>
        <translation>No more reminders will go to this patient on this channel.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Patient address or +15551234567@sms.…</source>
        <translation>Patient address or +15551234567@sms.…</translation>
    </message>
    <message>
        <source>Patient&apos;s address</source>
        <translation>Patient&apos;s address</translation>
    </message>
    <message>
        <source>Patient app</source>
        <translation>Patient app</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>Consent registry</source>
        <translation>Consent registry</translation>
    </message>
    <message>
        <source>Consented %1, recorded by %2</source>
        <translation>Consented %1, recorded by %2</translation>
    </message>
    <message>
        <source>Revoked by %1</source>
        <translation>Revoked by %1</translation>
    </message>
</context>
<context>
    <name>FrontDeskRepliesPage</name>
    <message>
        <source>No replies are waiting.</source>
        <translation>No replies are waiting.</translation>
    </message>
    <message>
        <source>Replies waiting for a person</source>
        <translation>Replies waiting for a person</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Mark handled</source>
        <translation>Mark handled</translation>
    </message>
    <message>
        <source>Mark the reply from %1 handled</source>
        <translation>Mark the reply from %1 handled</translation>
    </message>
</context>
<context>
    <name>FrontDeskStatusPage</name>
    <message>
        <source>No reminders yet.</source>
        <translation>No reminders yet.</translation>
    </message>
    <message>
        <source>Reminders and their states</source>
        <translation>Reminders and their states</translation>
    </message>
    <message>
        <source>Showing %1 of %2 reminders.</source>
        <translation>Showing %1 of %2 reminders.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Load more</translation>
    </message>
    <message>
        <source>Load more reminders</source>
        <translation>Load more reminders</translation>
    </message>
</context>
<context>
    <name>FrontDeskView</name>
    <message>
        <source>Reminder service</source>
        <translation>Reminder service</translation>
    </message>
    <message>
        <source>e.g. reminders@%1</source>
        <translation>e.g. reminders@%1</translation>
    </message>
    <message>
        <source>Address of the reminder service</source>
        <translation>Address of the reminder service</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Refresh the reminders, replies and consents</source>
        <translation>Refresh the reminders, replies and consents</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>Enter the reminder service&apos;s address (ask IT) to prepare and follow reminders.</source>
        <translation>Enter the reminder service&apos;s address (ask IT) to prepare and follow reminders.</translation>
    </message>
    <message>
        <source>Front desk sections</source>
        <translation>Front desk sections</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>New batch</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Replies (%1)</source>
        <translation>Replies (%1)</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>Enter the 6-digit code from your authenticator app.</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Locked. Signed in as %1.</source>
        <translation>Locked. Signed in as %1.</translation>
    </message>
    <message>
        <source>Enter your password and a new code from your authenticator app to continue.</source>
        <translation>Enter your password and a new code from your authenticator app to continue.</translation>
    </message>
    <message>
        <source>Enter your password to continue.</source>
        <translation>Enter your password to continue.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-digit code</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Checking your password</source>
        <translation>Checking your password</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Erasing</source>
        <translation>Erasing</translation>
    </message>
    <message>
        <source>Your administrator has asked for this account to be erased from this computer.</source>
        <translation>Your administrator has asked for this account to be erased from this computer.</translation>
    </message>
    <message>
        <source>Erasing this account&apos;s messages, files and keys from this computer…</source>
        <translation>Erasing this account&apos;s messages, files and keys from this computer…</translation>
    </message>
</context>
<context>
    <name>MainView</name>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Lock the screen (Ctrl+L)</source>
        <translation>Lock the screen (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>Lock the screen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Settings (Ctrl+,)</translation>
    </message>
    <message>
        <source>Page a role…</source>
        <translation>Page a role…</translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Encrypted</translation>
    </message>
    <message>
        <source>Encrypted, verified device</source>
        <translation>Encrypted, verified device</translation>
    </message>
    <message>
        <source>Encrypted, from a device you do not trust</source>
        <translation>Encrypted, from a device you do not trust</translation>
    </message>
    <message>
        <source>Could not be decrypted</source>
        <translation>Could not be decrypted</translation>
    </message>
    <message>
        <source>Not end-to-end encrypted</source>
        <translation>Not end-to-end encrypted</translation>
    </message>
    <message>
        <source>Message could not be decrypted</source>
        <translation>Message could not be decrypted</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Retry sending this message</source>
        <translation>Retry sending this message</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>file %1</translation>
    </message>
    <message>
        <source>STAT</source>
        <translation>STAT</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>Recalled</translation>
    </message>
    <message>
        <source>Waiting for connection</source>
        <translation>Waiting for connection</translation>
    </message>
    <message>
        <source>You recalled this message</source>
        <translation>You recalled this message</translation>
    </message>
    <message>
        <source>This message was recalled by its sender</source>
        <translation>This message was recalled by its sender</translation>
    </message>
    <message>
        <source>Needs your acknowledgement</source>
        <translation>Needs your acknowledgement</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Acknowledge (Ctrl+Shift+A)</source>
        <translation>Acknowledge (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Acknowledge this %1 message</source>
        <translation>Acknowledge this %1 message</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel sending this message</source>
        <translation>Cancel sending this message</translation>
    </message>
    <message>
        <source>Recall…</source>
        <translation>Recall…</translation>
    </message>
    <message>
        <source>Recall this message</source>
        <translation>Recall this message</translation>
    </message>
    <message>
        <source>Forward…</source>
        <translation>Forward…</translation>
    </message>
    <message>
        <source>Forward to a colleague or room (Ctrl+Shift+F)</source>
        <translation>Forward to a colleague or room (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Forward this message</source>
        <translation>Forward this message</translation>
    </message>
</context>
<context>
    <name>PageRoleDialog</name>
    <message>
        <source>Page a role</source>
        <translation>Page a role</translation>
    </message>
    <message>
        <source>Sent to %1, on call for %2.</source>
        <translation>Sent to %1, on call for %2.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>%1 · on call: %2</source>
        <translation>%1 · on call: %2</translation>
    </message>
    <message>
        <source>%1 · nobody on call now</source>
        <translation>%1 · nobody on call now</translation>
    </message>
    <message>
        <source>Your organisation has not published any on-call roles.</source>
        <translation>Your organisation has not published any on-call roles.</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>STAT</source>
        <translation>STAT</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Priority: %1</translation>
    </message>
    <message>
        <source>Message…</source>
        <translation>Message…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Send page</source>
        <translation>Send page</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to conversation</source>
        <translation>Go to conversation</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Type a name…</translation>
    </message>
    <message>
        <source>Conversation or contact to go to</source>
        <translation>Conversation or contact to go to</translation>
    </message>
    <message>
        <source>Up and Down choose, Enter opens, Esc closes.</source>
        <translation>Up and Down choose, Enter opens, Esc closes.</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Matches</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>care-team room</source>
        <translation>care-team room</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Nothing matches.</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <source>Members of %1</source>
        <translation>Members of %1</translation>
    </message>
    <message>
        <source>You own this room: you can add and remove members and make them team leads.</source>
        <translation>You own this room: you can add and remove members and make them team leads.</translation>
    </message>
    <message>
        <source>You are a team lead: you can add and remove members.</source>
        <translation>You are a team lead: you can add and remove members.</translation>
    </message>
    <message>
        <source>Only the room&apos;s owner or a team lead can change its members.</source>
        <translation>Only the room&apos;s owner or a team lead can change its members.</translation>
    </message>
    <message>
        <source>Colleague&apos;s address, e.g. name@example.org</source>
        <translation>Colleague&apos;s address, e.g. name@example.org</translation>
    </message>
    <message>
        <source>Address of the colleague to add</source>
        <translation>Address of the colleague to add</translation>
    </message>
    <message>
        <source>Enter adds them to the room.</source>
        <translation>Enter adds them to the room.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add to the room</source>
        <translation>Add to the room</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (you)</translation>
    </message>
    <message>
        <source>in the room</source>
        <translation>in the room</translation>
    </message>
    <message>
        <source>not in the room</source>
        <translation>not in the room</translation>
    </message>
    <message>
        <source>In the room now</source>
        <translation>In the room now</translation>
    </message>
    <message>
        <source>Not in the room now</source>
        <translation>Not in the room now</translation>
    </message>
    <message>
        <source>Make member</source>
        <translation>Make member</translation>
    </message>
    <message>
        <source>Make team lead</source>
        <translation>Make team lead</translation>
    </message>
    <message>
        <source>Make %1 a plain member again</source>
        <translation>Make %1 a plain member again</translation>
    </message>
    <message>
        <source>Make %1 a team lead</source>
        <translation>Make %1 a team lead</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Remove %1 from the room</source>
        <translation>Remove %1 from the room</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Remove %1 from this room?</source>
        <translation>Remove %1 from this room?</translation>
    </message>
    <message>
        <source>%1 leaves the room at once and no longer receives its messages. What was already said stays on their devices. A team lead or the owner can add them again.</source>
        <translation>%1 leaves the room at once and no longer receives its messages. What was already said stays on their devices. A team lead or the owner can add them again.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>RoomReadersPopup</name>
    <message>
        <source>No other member has seen this message yet.</source>
        <translation>No other member has seen this message yet.</translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation>Seen by</translation>
    </message>
    <message>
        <source>%1, seen %2</source>
        <translation>%1, seen %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <source>Words to find, e.g. bed 12</source>
        <translation>Words to find, e.g. bed 12</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
</context>
<context>
    <name>SeenByButton</name>
    <message>
        <source>Show who has seen it</source>
        <translation>Show who has seen it</translation>
    </message>
    <message>
        <source>%1. Show who has seen it</source>
        <translation>%1. Show who has seen it</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message numerus="yes">
        <source>Your organisation allows at most %n minute(s) before the screen locks; that limit applies.</source>
        <translation>
            <numerusform>Your organisation allows at most %n minute before the screen locks; that limit applies.</numerusform>
            <numerusform>Your organisation allows at most %n minutes before the screen locks; that limit applies.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy allows notifications to show at most: %1.</source>
        <translation>Your organisation&apos;s policy allows notifications to show at most: %1.</translation>
    </message>
    <message>
        <source>Sign out and erase this computer&apos;s data?</source>
        <translation>Sign out and erase this computer&apos;s data?</translation>
    </message>
    <message>
        <source>Rounds signs %1 out and deletes everything this account keeps on this computer: its messages and conversation history, attached files, encryption keys, the key that protects the local database, and the sign-in token. Nothing on the server and nothing on your other devices is changed.

If you sign in here again, this computer is a new device: you need your password and a code, and earlier messages cannot be read here.</source>
        <translation>Rounds signs %1 out and deletes everything this account keeps on this computer: its messages and conversation history, attached files, encryption keys, the key that protects the local database, and the sign-in token. Nothing on the server and nothing on your other devices is changed.

If you sign in here again, this computer is a new device: you need your password and a code, and earlier messages cannot be read here.</translation>
    </message>
    <message>
        <source>Sign out and erase</source>
        <translation>Sign out and erase</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA file</translation>
    </message>
    <message>
        <source>None: only the system&apos;s trusted certificates</source>
        <translation>None: only the system&apos;s trusted certificates</translation>
    </message>
    <message>
        <source>Pinned certificate</source>
        <translation>Pinned certificate</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Certificate: %1</translation>
    </message>
    <message>
        <source>To change the server or its certificate, sign out and sign in again.</source>
        <translation>To change the server or its certificate, sign out and sign in again.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Lock the screen after (minutes without activity)</source>
        <translation>Lock the screen after (minutes without activity)</translation>
    </message>
    <message>
        <source>Idle lock minutes</source>
        <translation>Idle lock minutes</translation>
    </message>
    <message numerus="yes">
        <source>Your organisation&apos;s limit: %n minute(s). You may choose less.</source>
        <translation>
            <numerusform>Your organisation&apos;s limit: %n minute. You may choose less.</numerusform>
            <numerusform>Your organisation&apos;s limit: %n minutes. You may choose less.</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications show</source>
        <translation>Notifications show</translation>
    </message>
    <message>
        <source>What notifications show</source>
        <translation>What notifications show</translation>
    </message>
    <message>
        <source>Your organisation allows at most: %1.</source>
        <translation>Your organisation allows at most: %1.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Sign out and erase this computer&apos;s data…</source>
        <translation>Sign out and erase this computer&apos;s data…</translation>
    </message>
    <message>
        <source>Sign out and erase this computer&apos;s data</source>
        <translation>Sign out and erase this computer&apos;s data</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Sign in to your organisation&apos;s secure messaging.</source>
        <translation>Sign in to your organisation&apos;s secure messaging.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>wss://chat.hospital.example/xmpp-websocket</source>
        <translation>wss://chat.hospital.example/xmpp-websocket</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>name@hospital.example</source>
        <translation>name@hospital.example</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Organisation CA file (optional)</source>
        <translation>Organisation CA file (optional)</translation>
    </message>
    <message>
        <source>/etc/ssl/hospital-ca.pem</source>
        <translation>/etc/ssl/hospital-ca.pem</translation>
    </message>
    <message>
        <source>A PEM file with your organisation&apos;s certificate authority. Leave empty to trust only the system&apos;s certificates.</source>
        <translation>A PEM file with your organisation&apos;s certificate authority. Leave empty to trust only the system&apos;s certificates.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Set up two-step sign-in</source>
        <translation>Set up two-step sign-in</translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation>Two-step sign-in</translation>
    </message>
    <message>
        <source>Scan this code with your authenticator app (for example FreeOTP, Google Authenticator or Microsoft Authenticator), then enter the 6-digit code it shows.</source>
        <translation>Scan this code with your authenticator app (for example FreeOTP, Google Authenticator or Microsoft Authenticator), then enter the 6-digit code it shows.</translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>QR code for your authenticator app</translation>
    </message>
    <message>
        <source>Cannot scan? Add the account in the app by hand with this key:</source>
        <translation>Cannot scan? Add the account in the app by hand with this key:</translation>
    </message>
    <message>
        <source>Key for manual entry</source>
        <translation>Key for manual entry</translation>
    </message>
    <message>
        <source>The app will list it as %1 (%2).</source>
        <translation>The app will list it as %1 (%2).</translation>
    </message>
    <message>
        <source>The app will list it as %1.</source>
        <translation>The app will list it as %1.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app</source>
        <translation>Enter the 6-digit code from your authenticator app</translation>
    </message>
    <message>
        <source>123456</source>
        <translation>123456</translation>
    </message>
    <message>
        <source>Code from your authenticator app</source>
        <translation>Code from your authenticator app</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Cancel sign-in</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Checking the code…</translation>
    </message>
    <message>
        <source>Passphrase for the messages on this computer</source>
        <translation>Passphrase for the messages on this computer</translation>
    </message>
    <message>
        <source>Protects the messages kept on this computer, because no keychain is available. The first time, choose a long passphrase and keep it safe: without it these messages cannot be read.</source>
        <translation>Protects the messages kept on this computer, because no keychain is available. The first time, choose a long passphrase and keep it safe: without it these messages cannot be read.</translation>
    </message>
    <message>
        <source>No keychain is available here, so a passphrase protects the messages kept on this computer. The first time, choose a long one; it is needed at every sign-in on this computer.</source>
        <translation>No keychain is available here, so a passphrase protects the messages kept on this computer. The first time, choose a long one; it is needed at every sign-in on this computer.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Two-step sign-in not enforced</source>
        <translation>Two-step sign-in not enforced</translation>
    </message>
    <message>
        <source>This account signs in with a password only: the server does not ask for a code from an authenticator app. Tell IT if you expected two-step sign-in.</source>
        <translation>This account signs in with a password only: the server does not ask for a code from an authenticator app. Tell IT if you expected two-step sign-in.</translation>
    </message>
</context>
<context>
    <name>TrustPanel</name>
    <message>
        <source>Devices and trust</source>
        <translation>Devices and trust</translation>
    </message>
    <message>
        <source>Fetch the device lists again</source>
        <translation>Fetch the device lists again</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Close devices and trust</source>
        <translation>Close devices and trust</translation>
    </message>
    <message>
        <source>Compare each fingerprint with the person in person or on a call (or scan their QR code), then mark the device verified.</source>
        <translation>Compare each fingerprint with the person in person or on a call (or scan their QR code), then mark the device verified.</translation>
    </message>
    <message>
        <source>Fetching devices</source>
        <translation>Fetching devices</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>%1&apos;s devices</source>
        <translation>%1&apos;s devices</translation>
    </message>
    <message>
        <source>Your devices</source>
        <translation>Your devices</translation>
    </message>
    <message>
        <source>No devices known yet. They appear once the contact has signed in to an app with end-to-end encryption.</source>
        <translation>No devices known yet. They appear once the contact has signed in to an app with end-to-end encryption.</translation>
    </message>
    <message>
        <source>Device %1, %2, %3</source>
        <translation>Device %1, %2, %3</translation>
    </message>
    <message>
        <source>Device %1 · %2</source>
        <translation>Device %1 · %2</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Fingerprint not known yet: it arrives with the first encrypted message.</source>
        <translation>Fingerprint not known yet: it arrives with the first encrypted message.</translation>
    </message>
    <message>
        <source>QR code of this device&apos;s fingerprint</source>
        <translation>QR code of this device&apos;s fingerprint</translation>
    </message>
    <message>
        <source>Hide QR code</source>
        <translation>Hide QR code</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>Show QR code</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Mark device %1 verified: the fingerprints match</source>
        <translation>Mark device %1 verified: the fingerprints match</translation>
    </message>
    <message>
        <source>Distrust</source>
        <translation>Distrust</translation>
    </message>
    <message>
        <source>Distrust device %1</source>
        <translation>Distrust device %1</translation>
    </message>
    <message>
        <source>Reset to blind trust</source>
        <translation>Reset to blind trust</translation>
    </message>
    <message>
        <source>Trust device %1 again without verification</source>
        <translation>Trust device %1 again without verification</translation>
    </message>
    <message>
        <source>Scan or paste a device&apos;s QR code</source>
        <translation>Scan or paste a device&apos;s QR code</translation>
    </message>
    <message>
        <source>Scanned fingerprint code</source>
        <translation>Scanned fingerprint code</translation>
    </message>
    <message>
        <source>Verify code</source>
        <translation>Verify code</translation>
    </message>
    <message>
        <source>Fingerprint matches: device verified.</source>
        <translation>Fingerprint matches: device verified.</translation>
    </message>
    <message>
        <source>Verify the device of the scanned code</source>
        <translation>Verify the device of the scanned code</translation>
    </message>
</context>
<context>
    <name>Ui</name>
    <message>
        <source>unknown column</source>
        <translation>unknown column</translation>
    </message>
    <message>
        <source>column given twice</source>
        <translation>column given twice</translation>
    </message>
    <message>
        <source>required column missing</source>
        <translation>required column missing</translation>
    </message>
    <message>
        <source>not an XMPP address or gateway number</source>
        <translation>not an XMPP address or gateway number</translation>
    </message>
    <message>
        <source>unknown language (use en or es)</source>
        <translation>unknown language (use en or es)</translation>
    </message>
    <message>
        <source>not a date and time (2030-05-01T09:00:00Z)</source>
        <translation>not a date and time (2030-05-01T09:00:00Z)</translation>
    </message>
    <message>
        <source>the time has no time zone (add Z or +02:00)</source>
        <translation>the time has no time zone (add Z or +02:00)</translation>
    </message>
    <message>
        <source>the time is in the past</source>
        <translation>the time is in the past</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>the same patient and time appear twice</source>
        <translation>the same patient and time appear twice</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>a quoted field is not closed</translation>
    </message>
    <message>
        <source>a quote inside an unquoted field</source>
        <translation>a quote inside an unquoted field</translation>
    </message>
    <message>
        <source>text after a closing quote</source>
        <translation>text after a closing quote</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>the file is not UTF-8 text</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>the file is empty</translation>
    </message>
</context>
<context>
    <name>Ui::AdminDevicesModel</name>
    <message>
        <source>Signed in (token active)</source>
        <translation>Signed in (token active)</translation>
    </message>
    <message>
        <source>Token expired</source>
        <translation>Token expired</translation>
    </message>
    <message>
        <source>Token revoked</source>
        <translation>Token revoked</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>No token</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Wipe ordered, waiting for the device to connect</source>
        <translation>Wipe ordered, waiting for the device to connect</translation>
    </message>
    <message>
        <source>Wipe delivered, not yet confirmed</source>
        <translation>Wipe delivered, not yet confirmed</translation>
    </message>
    <message>
        <source>Wiped</source>
        <translation>Wiped</translation>
    </message>
    <message>
        <source>The device was signed out. It needs the password and a code to sign in again.</source>
        <translation>The device was signed out. It needs the password and a code to sign in again.</translation>
    </message>
    <message>
        <source>Wipe ordered. The device erases this account&apos;s data as soon as it connects; its state here then becomes &quot;Wiped&quot;.</source>
        <translation>Wipe ordered. The device erases this account&apos;s data as soon as it connects; its state here then becomes &quot;Wiped&quot;.</translation>
    </message>
</context>
<context>
    <name>Ui::AdminUsersModel</name>
    <message>
        <source>%1 must set up an authenticator app again at the next sign-in.</source>
        <translation>%1 must set up an authenticator app again at the next sign-in.</translation>
    </message>
    <message>
        <source>%1 is disabled: its devices are signed out and cannot sign in.</source>
        <translation>%1 is disabled: its devices are signed out and cannot sign in.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 can sign in again.</translation>
    </message>
</context>
<context>
    <name>Ui::AuditExport</name>
    <message>
        <source>Fetching the audit log from the server…</source>
        <translation>Fetching the audit log from the server…</translation>
    </message>
    <message numerus="yes">
        <source>Writing: %1 of %n entries</source>
        <translation>
            <numerusform>Writing: %1 of %n entries</numerusform>
            <numerusform>Writing: %1 of %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries written</source>
        <translation>
            <numerusform>%n entries written</numerusform>
            <numerusform>%n entries written</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a file to write the audit log to.</source>
        <translation>Choose a file to write the audit log to.</translation>
    </message>
    <message>
        <source>The file cannot be written. Choose a folder you may write to.</source>
        <translation>The file cannot be written. Choose a folder you may write to.</translation>
    </message>
</context>
<context>
    <name>Ui::ConversationModel</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>This message was not encrypted for this computer (it may have been sent before you signed in here). Read it on another device, or ask the sender to send it again.</source>
        <translation>This message was not encrypted for this computer (it may have been sent before you signed in here). Read it on another device, or ask the sender to send it again.</translation>
    </message>
    <message>
        <source>This message could not be decrypted. Ask the sender to send it again.</source>
        <translation>This message could not be decrypted. Ask the sender to send it again.</translation>
    </message>
    <message>
        <source>Not sent. Check the connection, then retry.</source>
        <translation>Not sent. Check the connection, then retry.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Cancelled: not sent. Retry sends it.</source>
        <translation>Cancelled: not sent. Retry sends it.</translation>
    </message>
    <message>
        <source>You acknowledged at %1</source>
        <translation>You acknowledged at %1</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>Acknowledged by %1 at %2</translation>
    </message>
    <message numerus="yes">
        <source>Escalated to %1 after %n min</source>
        <translation>
            <numerusform>Escalated to %1 after %n min</numerusform>
            <numerusform>Escalated to %1 after %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Forwarded from %1</source>
        <translation>Forwarded from %1</translation>
    </message>
    <message>
        <source>Not forwarded: %1 is outside the domains your organisation allows messages to be forwarded to.</source>
        <translation>Not forwarded: %1 is outside the domains your organisation allows messages to be forwarded to.</translation>
    </message>
    <message>
        <source>Not forwarded: the message was recalled by its sender.</source>
        <translation>Not forwarded: the message was recalled by its sender.</translation>
    </message>
    <message>
        <source>Not forwarded: this message has no text to forward.</source>
        <translation>Not forwarded: this message has no text to forward.</translation>
    </message>
    <message>
        <source>Not forwarded: that is not a valid address.</source>
        <translation>Not forwarded: that is not a valid address.</translation>
    </message>
</context>
<context>
    <name>Ui::DemoAccount</name>
    <message>
        <source>The demo account file cannot be read.</source>
        <translation>The demo account file cannot be read.</translation>
    </message>
    <message>
        <source>The demo account file must belong to you and be readable by you only (chmod 600).</source>
        <translation>The demo account file must belong to you and be readable by you only (chmod 600).</translation>
    </message>
    <message>
        <source>A demo account can only sign in to the demo server on this computer (a wss:// address on localhost, an account @localhost).</source>
        <translation>A demo account can only sign in to the demo server on this computer (a wss:// address on localhost, an account @localhost).</translation>
    </message>
    <message>
        <source>The demo account file is incomplete or malformed.</source>
        <translation>The demo account file is incomplete or malformed.</translation>
    </message>
</context>
<context>
    <name>Ui::DeviceTrustModel</name>
    <message>
        <source>Devices and fingerprints come from the server: they are shown once Rounds is online.</source>
        <translation>Devices and fingerprints come from the server: they are shown once Rounds is online.</translation>
    </message>
    <message>
        <source>OMEMO 2 and OMEMO (legacy)</source>
        <translation>OMEMO 2 and OMEMO (legacy)</translation>
    </message>
    <message>
        <source>OMEMO 2</source>
        <translation>OMEMO 2</translation>
    </message>
    <message>
        <source>OMEMO (legacy)</source>
        <translation>OMEMO (legacy)</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>No longer listed</source>
        <translation>No longer listed</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Not verified (trusted until you verify a device)</source>
        <translation>Not verified (trusted until you verify a device)</translation>
    </message>
    <message>
        <source>Not verified: new device, not used until you decide</source>
        <translation>Not verified: new device, not used until you decide</translation>
    </message>
    <message>
        <source>Distrusted: never used</source>
        <translation>Distrusted: never used</translation>
    </message>
    <message>
        <source>This is not a Rounds or OMEMO fingerprint code. Scan the code shown in the other device&apos;s security details.</source>
        <translation>This is not a Rounds or OMEMO fingerprint code. Scan the code shown in the other device&apos;s security details.</translation>
    </message>
    <message>
        <source>This is the code of this computer.</source>
        <translation>This is the code of this computer.</translation>
    </message>
    <message>
        <source>The fingerprint of that device is not known yet: it arrives with the first encrypted message. Try again after writing to them.</source>
        <translation>The fingerprint of that device is not known yet: it arrives with the first encrypted message. Try again after writing to them.</translation>
    </message>
    <message>
        <source>The fingerprints do NOT match: this device may not be who it claims. Do not verify it; tell IT.</source>
        <translation>The fingerprints do NOT match: this device may not be who it claims. Do not verify it; tell IT.</translation>
    </message>
    <message>
        <source>No device in this list has that code. Check that it comes from this contact (or one of your own devices) and refresh the list.</source>
        <translation>No device in this list has that code. Check that it comes from this contact (or one of your own devices) and refresh the list.</translation>
    </message>
</context>
<context>
    <name>Ui::FrontDeskBatchModel</name>
    <message>
        <source>social security number</source>
        <translation>social security number</translation>
    </message>
    <message>
        <source>medical record number</source>
        <translation>medical record number</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>diagnosis or medication term</source>
        <translation>diagnosis or medication term</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>contains more than a reminder needs (%1); send it only with an override and a reason</source>
        <translation>contains more than a reminder needs (%1); send it only with an override and a reason</translation>
    </message>
    <message>
        <source>contains %1, which may never be sent; change the row</source>
        <translation>contains %1, which may never be sent; change the row</translation>
    </message>
    <message>
        <source>an override needs a reason</source>
        <translation>an override needs a reason</translation>
    </message>
    <message>
        <source>has %1 fields, the header has %2</source>
        <translation>has %1 fields, the header has %2</translation>
    </message>
    <message>
        <source>the template has no text in this language</source>
        <translation>the template has no text in this language</translation>
    </message>
    <message>
        <source>the template needs this value</source>
        <translation>the template needs this value</translation>
    </message>
    <message>
        <source>the template uses an unknown placeholder {%1}</source>
        <translation>the template uses an unknown placeholder {%1}</translation>
    </message>
    <message>
        <source>the template has a stray brace</source>
        <translation>the template has a stray brace</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>File, %1: %2</source>
        <translation>File, %1: %2</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>Line %1, %2: %3</translation>
    </message>
    <message>
        <source>SMS gateway (not end-to-end encrypted)</source>
        <translation>SMS gateway (not end-to-end encrypted)</translation>
    </message>
    <message>
        <source>Patient app (end-to-end encrypted)</source>
        <translation>Patient app (end-to-end encrypted)</translation>
    </message>
    <message>
        <source>The file could not be opened. Choose a CSV file you can read.</source>
        <translation>The file could not be opened. Choose a CSV file you can read.</translation>
    </message>
    <message>
        <source>The file is too large for a reminder list (more than 5 MB).</source>
        <translation>The file is too large for a reminder list (more than 5 MB).</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>template</source>
        <translation>template</translation>
    </message>
    <message>
        <source>The reminder service did not answer. Nothing is known to be scheduled: check the status list before submitting again.</source>
        <translation>The reminder service did not answer. Nothing is known to be scheduled: check the status list before submitting again.</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) scheduled.</source>
        <translation>
            <numerusform>%n reminder scheduled.</numerusform>
            <numerusform>%n reminders scheduled.</numerusform>
        </translation>
    </message>
    <message>
        <source>The reminder service refused the batch; nothing was sent.</source>
        <translation>The reminder service refused the batch; nothing was sent.</translation>
    </message>
</context>
<context>
    <name>Ui::FrontDeskClient</name>
    <message>
        <source>The reminder service did not answer. Check its address; if it is right, ask IT whether the service runs and lists you as front-desk staff.</source>
        <translation>The reminder service did not answer. Check its address; if it is right, ask IT whether the service runs and lists you as front-desk staff.</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s address (name@domain or +15551234567@sms.%1) and choose a channel.</source>
        <translation>Enter the patient&apos;s address (name@domain or +15551234567@sms.%1) and choose a channel.</translation>
    </message>
    <message>
        <source>The reminder service did not record the change.</source>
        <translation>The reminder service did not record the change.</translation>
    </message>
    <message>
        <source>Consent recorded.</source>
        <translation>Consent recorded.</translation>
    </message>
    <message>
        <source>Consent revoked.</source>
        <translation>Consent revoked.</translation>
    </message>
    <message>
        <source>Someone else handled this reply already.</source>
        <translation>Someone else handled this reply already.</translation>
    </message>
    <message>
        <source>Reply marked as handled.</source>
        <translation>Reply marked as handled.</translation>
    </message>
</context>
<context>
    <name>Ui::FrontDeskConsentModel</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Patient app</source>
        <translation>Patient app</translation>
    </message>
    <message>
        <source>the patient (STOP reply)</source>
        <translation>the patient (STOP reply)</translation>
    </message>
</context>
<context>
    <name>Ui::FrontDeskStatusModel</name>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Reschedule requested</source>
        <translation>Reschedule requested</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Opted out</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no consent on this channel</source>
        <translation>no consent on this channel</translation>
    </message>
    <message>
        <source>the patient opted out</source>
        <translation>the patient opted out</translation>
    </message>
    <message>
        <source>could not be delivered</source>
        <translation>could not be delivered</translation>
    </message>
</context>
<context>
    <name>Ui::MessageNotifier</name>
    <message>
        <source>New message</source>
        <translation>New message</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n new messages</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>New message from %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages from %1</source>
        <translation>
            <numerusform>%n new messages from %1</numerusform>
            <numerusform>%n new messages from %1</numerusform>
        </translation>
    </message>
    <message>
        <source>New message from %1 in %2</source>
        <translation>New message from %1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages from %1 in %2</source>
        <translation>
            <numerusform>%n new messages from %1 in %2</numerusform>
            <numerusform>%n new messages from %1 in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>(could not be decrypted)</source>
        <translation>(could not be decrypted)</translation>
    </message>
    <message>
        <source>(a file)</source>
        <translation>(a file)</translation>
    </message>
    <message>
        <source>STAT message: acknowledgement needed</source>
        <translation>STAT message: acknowledgement needed</translation>
    </message>
    <message>
        <source>Urgent message: acknowledgement needed</source>
        <translation>Urgent message: acknowledgement needed</translation>
    </message>
    <message>
        <source>STAT message from %1: acknowledgement needed</source>
        <translation>STAT message from %1: acknowledgement needed</translation>
    </message>
    <message>
        <source>Urgent message from %1: acknowledgement needed</source>
        <translation>Urgent message from %1: acknowledgement needed</translation>
    </message>
</context>
<context>
    <name>Ui::PolicyEditor</name>
    <message>
        <source>The idle lock must be between %1 and %2 minutes.</source>
        <translation>The idle lock must be between %1 and %2 minutes.</translation>
    </message>
    <message>
        <source>Retention must be between 0 (keep everything) and 36500 days.</source>
        <translation>Retention must be between 0 (keep everything) and 36500 days.</translation>
    </message>
    <message>
        <source>Choose what notifications may show.</source>
        <translation>Choose what notifications may show.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name (for example partner.example.org).</source>
        <translation>&quot;%1&quot; is not a domain name (for example partner.example.org).</translation>
    </message>
    <message>
        <source>Published. Every signed-in computer of the organisation applies it now; the others when they next connect.</source>
        <translation>Published. Every signed-in computer of the organisation applies it now; the others when they next connect.</translation>
    </message>
</context>
<context>
    <name>Ui::PolicySettings</name>
    <message>
        <source>Your organisation published a policy Rounds could not read; the previous policy stays in force. Tell IT.</source>
        <translation>Your organisation published a policy Rounds could not read; the previous policy stays in force. Tell IT.</translation>
    </message>
    <message>
        <source>Only &quot;New message&quot;</source>
        <translation>Only &quot;New message&quot;</translation>
    </message>
    <message>
        <source>The sender&apos;s name</source>
        <translation>The sender&apos;s name</translation>
    </message>
    <message>
        <source>The sender&apos;s name and the start of the message</source>
        <translation>The sender&apos;s name and the start of the message</translation>
    </message>
    <message numerus="yes">
        <source>the screen locks after at most %n minute(s) without activity</source>
        <translation>
            <numerusform>the screen locks after at most %n minute without activity</numerusform>
            <numerusform>the screen locks after at most %n minutes without activity</numerusform>
        </translation>
    </message>
    <message>
        <source>notifications may show: %1</source>
        <translation>notifications may show: %1</translation>
    </message>
    <message>
        <source>attachments are allowed</source>
        <translation>attachments are allowed</translation>
    </message>
    <message>
        <source>attachments are not allowed</source>
        <translation>attachments are not allowed</translation>
    </message>
    <message>
        <source>messages go only to verified devices</source>
        <translation>messages go only to verified devices</translation>
    </message>
    <message>
        <source>messages may go to devices not verified yet</source>
        <translation>messages may go to devices not verified yet</translation>
    </message>
    <message>
        <source>two-step sign-in is required</source>
        <translation>two-step sign-in is required</translation>
    </message>
    <message>
        <source>two-step sign-in is no longer required</source>
        <translation>two-step sign-in is no longer required</translation>
    </message>
    <message numerus="yes">
        <source>messages are kept for %n day(s)</source>
        <translation>
            <numerusform>messages are kept for %n day</numerusform>
            <numerusform>messages are kept for %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>messages are kept without a time limit</source>
        <translation>messages are kept without a time limit</translation>
    </message>
    <message>
        <source>the organisations you may write to changed</source>
        <translation>the organisations you may write to changed</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy was updated.</source>
        <translation>Your organisation&apos;s policy was updated.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy changed: %1.</source>
        <translation>Your organisation&apos;s policy changed: %1.</translation>
    </message>
</context>
<context>
    <name>Ui::RoleDirectoryModel</name>
    <message>
        <source>Nobody is on call for this role right now. Page a person directly, or ask the charge nurse who covers it.</source>
        <translation>Nobody is on call for this role right now. Page a person directly, or ask the charge nurse who covers it.</translation>
    </message>
    <message>
        <source>This role is no longer in the directory. Choose another role.</source>
        <translation>This role is no longer in the directory. Choose another role.</translation>
    </message>
    <message>
        <source>The on-call directory has not been read from the server yet. Wait until Rounds is online, then try again.</source>
        <translation>The on-call directory has not been read from the server yet. Wait until Rounds is online, then try again.</translation>
    </message>
</context>
<context>
    <name>Ui::RoomMembersModel</name>
    <message>
        <source>The members of a room come from the server: they are shown once Rounds is online.</source>
        <translation>The members of a room come from the server: they are shown once Rounds is online.</translation>
    </message>
    <message>
        <source>Enter the colleague&apos;s address, such as name@example.org.</source>
        <translation>Enter the colleague&apos;s address, such as name@example.org.</translation>
    </message>
    <message>
        <source>Only the room&apos;s owner or a team lead can change its members.</source>
        <translation>Only the room&apos;s owner or a team lead can change its members.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
</context>
<context>
    <name>Ui::RoomReadersModel</name>
    <message>
        <source>Seen by %1 of %2</source>
        <translation>Seen by %1 of %2</translation>
    </message>
</context>
<context>
    <name>Ui::SignInForm</name>
    <message>
        <source>Enter your account address, for example ana.ruiz@hospital.example.</source>
        <translation>Enter your account address, for example ana.ruiz@hospital.example.</translation>
    </message>
    <message>
        <source>Enter the server address, for example wss://chat.hospital.example/xmpp-websocket.</source>
        <translation>Enter the server address, for example wss://chat.hospital.example/xmpp-websocket.</translation>
    </message>
    <message>
        <source>The server address must start with wss:// so that the connection is encrypted.</source>
        <translation>The server address must start with wss:// so that the connection is encrypted.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>The CA file cannot be read. Check the path, or leave the field empty to trust only the system&apos;s certificates.</source>
        <translation>The CA file cannot be read. Check the path, or leave the field empty to trust only the system&apos;s certificates.</translation>
    </message>
    <message>
        <source>Enter the passphrase that protects the messages kept on this computer.</source>
        <translation>Enter the passphrase that protects the messages kept on this computer.</translation>
    </message>
</context>
<context>
    <name>Ui::SingleInstance</name>
    <message>
        <source>Another Rounds may be running, but it does not answer and its socket %1 cannot be removed. Close Rounds everywhere, or delete that file, then start Rounds again.</source>
        <translation>Another Rounds may be running, but it does not answer and its socket %1 cannot be removed. Close Rounds everywhere, or delete that file, then start Rounds again.</translation>
    </message>
    <message>
        <source>Rounds did not close properly last time; its leftover socket %1 was removed.</source>
        <translation>Rounds did not close properly last time; its leftover socket %1 was removed.</translation>
    </message>
    <message>
        <source>Rounds cannot check whether it is already running (socket %1: %2). A second start opens a second window.</source>
        <translation>Rounds cannot check whether it is already running (socket %1: %2). A second start opens a second window.</translation>
    </message>
</context>
<context>
    <name>ViewSwitcher</name>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Messages (Ctrl+1)</source>
        <translation>Messages (Ctrl+1)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Admin (Ctrl+2)</source>
        <translation>Admin (Ctrl+2)</translation>
    </message>
    <message>
        <source>Admin console</source>
        <translation>Admin console</translation>
    </message>
    <message>
        <source>Front desk (Ctrl+3)</source>
        <translation>Front desk (Ctrl+3)</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Front desk</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Rounds: secure messaging for clinical teams.</source>
        <translation>Rounds: secure messaging for clinical teams.</translation>
    </message>
    <message>
        <source>Server address to fill in, e.g. wss://chat.example.org/xmpp-websocket.</source>
        <translation>Server address to fill in, e.g. wss://chat.example.org/xmpp-websocket.</translation>
    </message>
    <message>
        <source>Account to fill in, e.g. ana@example.org.</source>
        <translation>Account to fill in, e.g. ana@example.org.</translation>
    </message>
    <message>
        <source>PEM file with the organisation&apos;s CA certificate(s) to fill in.</source>
        <translation>PEM file with the organisation&apos;s CA certificate(s) to fill in.</translation>
    </message>
    <message>
        <source>Language of the window (en, es); default: the system&apos;s.</source>
        <translation>Language of the window (en, es); default: the system&apos;s.</translation>
    </message>
    <message>
        <source>Open a separate window even if Rounds is already running (for example to sign in as a second account).</source>
        <translation>Open a separate window even if Rounds is already running (for example to sign in as a second account).</translation>
    </message>
    <message>
        <source>Rounds is already running; its window was brought to the front.</source>
        <translation>Rounds is already running; its window was brought to the front.</translation>
    </message>
    <message>
        <source>Demo only: sign in with the account in this owner-only file, written by scripts/demo.sh for its server on this computer.</source>
        <translation>Demo only: sign in with the account in this owner-only file, written by scripts/demo.sh for its server on this computer.</translation>
    </message>
</context>
</TS>
