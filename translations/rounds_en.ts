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
        <translation><numerusform>%n unread</numerusform><numerusform>%n unread</numerusform></translation>
    </message>
    <message>
        <source>end-to-end encrypted</source>
        <translation>end-to-end encrypted</translation>
    </message>
    <message>
        <source>No conversations yet. Choose a contact below to start one.</source>
        <translation>No conversations yet. Choose a contact below to start one.</translation>
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
        <source>Erasing messages, files and keys…</source>
        <translation>Erasing messages, files and keys…</translation>
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
        <translation><numerusform>%n result</numerusform><numerusform>%n results</numerusform></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
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
</context>
</TS>
