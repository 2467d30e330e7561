<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_GB">
<context>
    <name>Account::Account</name>
    <message>
        <source>The key does not open this computer&apos;s message store. Nothing was changed. Ask IT for help; do not delete the store.</source>
        <translation>La clave no abre el almacén de mensajes de este equipo. No se ha modificado nada. Pida ayuda al departamento de TI; no borre el almacén.</translation>
    </message>
    <message>
        <source>The message store on this computer is damaged and cannot be opened. Nothing was changed. Ask IT for help.</source>
        <translation>El almacén de mensajes de este equipo está dañado y no se puede abrir. No se ha modificado nada. Pida ayuda al departamento de TI.</translation>
    </message>
    <message>
        <source>Rounds was started with an unencrypted database library and refused to run. Reinstall Rounds or ask IT.</source>
        <translation>Rounds se inició con una biblioteca de base de datos sin cifrado y se negó a funcionar. Reinstale Rounds o consulte al departamento de TI.</translation>
    </message>
    <message>
        <source>The message store was written by a newer version of Rounds. Update Rounds on this computer.</source>
        <translation>El almacén de mensajes lo escribió una versión más reciente de Rounds. Actualice Rounds en este equipo.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then try again.</source>
        <translation>El disco está lleno. Libere espacio e inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>Account::IdleLock</name>
    <message numerus="yes">
        <source>The password is not correct. Type your password again. After %n wrong attempts in a row you will be signed out.</source>
        <translation>
            <numerusform>La contraseña no es correcta. Escríbala de nuevo. Tras %n intento fallido seguido se cerrará la sesión.</numerusform>
            <numerusform>La contraseña no es correcta. Escríbala de nuevo. Tras %n intentos fallidos seguidos se cerrará la sesión.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong attempts to unlock. You have been signed out to protect patient information; sign in again with your password.</source>
        <translation>Demasiados intentos fallidos de desbloqueo. Se ha cerrado la sesión para proteger la información de los pacientes; vuelva a iniciar sesión con su contraseña.</translation>
    </message>
    <message>
        <source>Rounds cannot check your password on this computer. Sign out, then sign in again.</source>
        <translation>Rounds no puede comprobar su contraseña en este equipo. Cierre la sesión y vuelva a iniciarla.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app as well.</source>
        <translation>Introduzca también el código de 6 dígitos de su aplicación de autenticación.</translation>
    </message>
    <message>
        <source>Your organisation requires a code to unlock, but Rounds cannot check codes for this account. Sign out and sign in again, or ask IT.</source>
        <translation>Su organización exige un código para desbloquear, pero Rounds no puede comprobar códigos para esta cuenta. Cierre la sesión y vuelva a iniciarla, o consulte a informática.</translation>
    </message>
    <message>
        <source>Still checking your password. Wait a moment.</source>
        <translation>Todavía se está comprobando su contraseña. Espere un momento.</translation>
    </message>
</context>
<context>
    <name>Account::KeyCustody</name>
    <message>
        <source>The passphrase is wrong. Check it (and Caps Lock and the keyboard layout), then try again.</source>
        <translation>La frase de contraseña es incorrecta. Revísela (y también Bloq Mayús y la distribución del teclado) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Choose a passphrase to protect the local message store; it cannot be empty.</source>
        <translation>Elija una frase de contraseña para proteger el almacén local de mensajes; no puede estar vacía.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer. Choose a passphrase to protect the local message store.</source>
        <translation>Este equipo no dispone de llavero. Elija una frase de contraseña para proteger el almacén local de mensajes.</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it (sign in to the desktop session) and try again, or use a passphrase.</source>
        <translation>El llavero está bloqueado. Desbloquéelo (inicie sesión en el escritorio) e inténtelo de nuevo, o use una frase de contraseña.</translation>
    </message>
    <message>
        <source>The keychain holds no key for this account&apos;s local message store. Sign in again to set up a new local message store.</source>
        <translation>El llavero no contiene la clave del almacén local de mensajes de esta cuenta. Vuelva a iniciar sesión para crear un almacén local nuevo.</translation>
    </message>
    <message>
        <source>The key for the local message store in the keychain is damaged. Sign in again to set up a new local message store.</source>
        <translation>La clave del almacén local de mensajes guardada en el llavero está dañada. Vuelva a iniciar sesión para crear un almacén local nuevo.</translation>
    </message>
    <message>
        <source>The keychain could not be used. Try again, or use a passphrase to protect the local message store.</source>
        <translation>No se pudo usar el llavero. Inténtelo de nuevo o use una frase de contraseña para proteger el almacén local de mensajes.</translation>
    </message>
    <message>
        <source>The key file is damaged, so the local message store cannot be opened. Sign in again to set up a new local message store.</source>
        <translation>El archivo de clave está dañado, por lo que no se puede abrir el almacén local de mensajes. Vuelva a iniciar sesión para crear un almacén local nuevo.</translation>
    </message>
    <message>
        <source>The key file for the local message store is missing. Sign in again to set up a new local message store.</source>
        <translation>Falta el archivo de clave del almacén local de mensajes. Vuelva a iniciar sesión para crear un almacén local nuevo.</translation>
    </message>
    <message>
        <source>The key file could not be read. Check that your user account may read it, then try again.</source>
        <translation>No se pudo leer el archivo de clave. Compruebe que su cuenta de usuario tiene permiso de lectura e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The key file could not be saved. Check that the disk is not full and that your user account may write to its folder, then try again.</source>
        <translation>No se pudo guardar el archivo de clave. Compruebe que el disco no está lleno y que su cuenta de usuario puede escribir en la carpeta, e inténtelo de nuevo.</translation>
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
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>Todavía no hay contactos.</translation>
    </message>
    <message>
        <source>Search  (Ctrl+F)</source>
        <translation>Buscar  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensajes</translation>
    </message>
    <message>
        <source>Conversations (%1 unread)</source>
        <translation>Conversaciones (%1 sin leer)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation><numerusform>%n sin leer</numerusform><numerusform>%n sin leer</numerusform></translation>
    </message>
    <message>
        <source>end-to-end encrypted</source>
        <translation>cifrado de extremo a extremo</translation>
    </message>
    <message>
        <source>No conversations yet. Choose a contact below to start one.</source>
        <translation>Todavía no hay conversaciones. Elija un contacto abajo para empezar una.</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Type a message…</source>
        <translation>Escriba un mensaje…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line.</source>
        <translation>Intro envía; Mayús+Intro empieza una línea nueva.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Devices and trust (Ctrl+I)</source>
        <translation>Dispositivos y confianza (Ctrl+I)</translation>
    </message>
    <message>
        <source>Devices and trust</source>
        <translation>Dispositivos y confianza</translation>
    </message>
    <message>
        <source>%1 has devices you have not verified. Compare fingerprints before sharing sensitive details.</source>
        <translation>%1 tiene dispositivos que usted no ha verificado. Compare las huellas antes de compartir datos delicados.</translation>
    </message>
    <message>
        <source>Review devices</source>
        <translation>Revisar dispositivos</translation>
    </message>
    <message>
        <source>Choose a conversation or a contact to start.</source>
        <translation>Elija una conversación o un contacto para empezar.</translation>
    </message>
    <message>
        <source>Loading older messages</source>
        <translation>Cargando mensajes anteriores</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Todavía no hay mensajes.</translation>
    </message>
</context>
<context>
    <name>Core::ErrorText</name>
    <message>
        <source>The server could not be reached. Check the server address and the network connection, then try again.</source>
        <translation>No se pudo contactar con el servidor. Compruebe la dirección del servidor y la conexión de red e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Ask IT for the organisation&apos;s CA file, then choose it in Settings.</source>
        <translation>El certificado del servidor no es de confianza. Pida a Informática el archivo de la autoridad de certificación (CA) de la organización y selecciónelo en Ajustes.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again in a moment; if it keeps happening, tell IT.</source>
        <translation>El servidor no respondió a tiempo. Vuelva a intentarlo en un momento; si sigue ocurriendo, avise a Informática.</translation>
    </message>
    <message>
        <source>The account name or password is wrong. Check both and try again.</source>
        <translation>La dirección de la cuenta o la contraseña no son correctas. Compruebe ambas e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>This account has been disabled. Contact IT to have it enabled again.</source>
        <translation>Esta cuenta está desactivada. Póngase en contacto con Informática para que la vuelvan a activar.</translation>
    </message>
    <message>
        <source>The server offers no sign-in method Rounds considers safe. Ask IT to check the server&apos;s configuration.</source>
        <translation>El servidor no ofrece ningún método de inicio de sesión que Rounds considere seguro. Pida a Informática que revise la configuración del servidor.</translation>
    </message>
    <message>
        <source>The verification code was not accepted. Enter the current code from your authenticator app.</source>
        <translation>No se aceptó el código de verificación. Introduzca el código actual de su aplicación de autenticación.</translation>
    </message>
    <message>
        <source>The server sent data Rounds could not understand, so the connection was closed. Try again; if it keeps happening, tell IT.</source>
        <translation>El servidor envió datos que Rounds no pudo interpretar, así que se cerró la conexión. Vuelva a intentarlo; si sigue ocurriendo, avise a Informática.</translation>
    </message>
    <message>
        <source>A message could not be encrypted or decrypted.</source>
        <translation>No se pudo cifrar o descifrar un mensaje.</translation>
    </message>
    <message>
        <source>The local message store could not be used.</source>
        <translation>No se pudo usar el almacén local de mensajes.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow this.</source>
        <translation>La política de su organización no lo permite.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Se canceló la operación.</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>Se produjo un error inesperado.</translation>
    </message>
    <message>
        <source>Not sent: the recipient has no device that can receive encrypted messages. Ask them to sign in to Rounds or another OMEMO app, then retry.</source>
        <translation>No enviado: el destinatario no tiene ningún dispositivo que pueda recibir mensajes cifrados. Pídale que inicie sesión en Rounds u otra aplicación con OMEMO y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Not sent: the recipient&apos;s devices have no usable encryption keys on the server. Ask them to sign in again, then retry.</source>
        <translation>No enviado: los dispositivos del destinatario no tienen claves de cifrado utilizables en el servidor. Pídale que vuelva a iniciar sesión y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Not sent: none of the recipient&apos;s devices is trusted. Compare a device&apos;s fingerprint with the recipient and mark it verified, then retry.</source>
        <translation>No enviado: ninguno de los dispositivos del destinatario es de confianza. Compare la huella de un dispositivo con el destinatario, márquelo como verificado y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Not sent: your organisation requires verified devices, and these are not verified: %1. Compare their fingerprints, then retry.</source>
        <translation>No enviado: su organización exige dispositivos verificados y estos no lo están: %1. Compare sus huellas y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Encryption is not ready on this computer yet, so nothing was sent. Try again in a moment.</source>
        <translation>El cifrado aún no está listo en este equipo, así que no se envió nada. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>Not signed in: your organisation requires a second sign-in step (a code from an authenticator app), and this server cannot ask for one. Ask IT which server to use.</source>
        <translation>No se ha iniciado sesión: su organización exige un segundo paso de inicio de sesión (un código de una aplicación de autenticación) y este servidor no puede pedirlo. Pregunte a informática qué servidor usar.</translation>
    </message>
    <message>
        <source>Not signed in: your organisation requires a code from an authenticator app, but the server let this account in without one. Ask IT to turn on two-step sign-in for your account.</source>
        <translation>No se ha iniciado sesión: su organización exige un código de una aplicación de autenticación, pero el servidor dejó entrar a esta cuenta sin él. Pida a informática que active el inicio de sesión en dos pasos para su cuenta.</translation>
    </message>
    <message>
        <source>The code was not accepted. Codes change every 30 seconds and each works only once: wait for the next one, then sign in again with your password and the new code.</source>
        <translation>El código no se ha aceptado. Los códigos cambian cada 30 segundos y cada uno sirve una sola vez: espere al siguiente y vuelva a iniciar sesión con su contraseña y el código nuevo.</translation>
    </message>
    <message>
        <source>The code from your authenticator app did not match. Check that the app shows the account you just added, then sign in again and enter its current code.</source>
        <translation>El código de su aplicación de autenticación no coincide. Compruebe que la aplicación muestra la cuenta que acaba de añadir, vuelva a iniciar sesión e introduzca su código actual.</translation>
    </message>
    <message>
        <source>Enter the six digits your authenticator app shows.</source>
        <translation>Introduzca los seis dígitos que muestra su aplicación de autenticación.</translation>
    </message>
    <message>
        <source>This computer&apos;s sign-in has expired or was revoked by IT. Sign in again with your password and a code from your authenticator app.</source>
        <translation>El inicio de sesión de este equipo ha caducado o informática lo ha revocado. Vuelva a iniciar sesión con su contraseña y un código de su aplicación de autenticación.</translation>
    </message>
    <message>
        <source>This computer was signed out by your administrator. Sign in again with your password and a code from your authenticator app, or ask IT.</source>
        <translation>Su administrador ha cerrado la sesión de este equipo. Vuelva a iniciar sesión con su contraseña y un código de su aplicación de autenticación, o consulte a informática.</translation>
    </message>
    <message>
        <source>Your administrator erased this account&apos;s messages and keys from this computer. Sign in again to use it here, or ask IT why.</source>
        <translation>Su administrador ha borrado de este equipo los mensajes y las claves de esta cuenta. Vuelva a iniciar sesión para usarla aquí, o pregunte a informática el motivo.</translation>
    </message>
    <message>
        <source>This account has been disabled by your administrator. Contact IT to have it enabled again.</source>
        <translation>Su administrador ha desactivado esta cuenta. Póngase en contacto con informática para que la vuelvan a activar.</translation>
    </message>
    <message>
        <source>Only IT administrators of this server can do this, and this account is not one.</source>
        <translation>Solo los administradores de informática de este servidor pueden hacer esto, y esta cuenta no lo es.</translation>
    </message>
    <message>
        <source>The server does not know that account or device. Check the address and the device id, then try again.</source>
        <translation>El servidor no conoce esa cuenta o ese dispositivo. Compruebe la dirección y el identificador del dispositivo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The server refused the request as incomplete or malformed.</source>
        <translation>El servidor rechazó la solicitud por estar incompleta o mal formada.</translation>
    </message>
    <message>
        <source>Not everything of this account could be erased from this computer. Close Rounds, then ask IT to remove the account&apos;s folder and keychain entries.</source>
        <translation>No se pudo borrar de este equipo todo lo de esta cuenta. Cierre Rounds y pida a informática que elimine la carpeta de la cuenta y sus entradas del llavero.</translation>
    </message>
    <message>
        <source>Your organisation published a policy Rounds could not read; the previous policy stays in force. Tell IT.</source>
        <translation>Su organización publicó una directiva que Rounds no pudo leer; sigue vigente la anterior. Avise a informática.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow sending attachments.</source>
        <translation>La directiva de su organización no permite enviar archivos adjuntos.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy does not allow sending messages to that organisation.</source>
        <translation>La directiva de su organización no permite enviar mensajes a esa organización.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Enter your password.</source>
        <translation>Introduzca su contraseña.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>Introduzca el código de 6 dígitos de su aplicación de autenticación.</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Locked. Signed in as %1.</source>
        <translation>Bloqueado. Sesión iniciada como %1.</translation>
    </message>
    <message>
        <source>Enter your password and a new code from your authenticator app to continue.</source>
        <translation>Introduzca su contraseña y un código nuevo de su aplicación de autenticación para continuar.</translation>
    </message>
    <message>
        <source>Enter your password to continue.</source>
        <translation>Introduzca su contraseña para continuar.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>Código de 6 dígitos</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Checking your password</source>
        <translation>Comprobando su contraseña</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
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
        <translation>Borrando</translation>
    </message>
    <message>
        <source>Your administrator has asked for this account to be erased from this computer.</source>
        <translation>Su administrador ha pedido que esta cuenta se borre de este equipo.</translation>
    </message>
    <message>
        <source>Erasing messages, files and keys…</source>
        <translation>Borrando mensajes, archivos y claves…</translation>
    </message>
</context>
<context>
    <name>MainView</name>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Lock the screen (Ctrl+L)</source>
        <translation>Bloquear la pantalla (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>Bloquear la pantalla</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leído</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <source>Encrypted, verified device</source>
        <translation>Cifrado, dispositivo verificado</translation>
    </message>
    <message>
        <source>Encrypted, from a device you do not trust</source>
        <translation>Cifrado, desde un dispositivo en el que no confía</translation>
    </message>
    <message>
        <source>Could not be decrypted</source>
        <translation>No se pudo descifrar</translation>
    </message>
    <message>
        <source>Not end-to-end encrypted</source>
        <translation>Sin cifrado de extremo a extremo</translation>
    </message>
    <message>
        <source>Message could not be decrypted</source>
        <translation>No se pudo descifrar el mensaje</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Retry sending this message</source>
        <translation>Reintentar el envío de este mensaje</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensajes</translation>
    </message>
    <message>
        <source>Words to find, e.g. bed 12</source>
        <translation>Palabras que buscar, p. ej. cama 12</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation><numerusform>%n resultado</numerusform><numerusform>%n resultados</numerusform></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
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
        <translation>Inicie sesión en la mensajería segura de su organización.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>wss://chat.hospital.example/xmpp-websocket</source>
        <translation>wss://chat.hospital.example/xmpp-websocket</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>name@hospital.example</source>
        <translation>nombre@hospital.example</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Organisation CA file (optional)</source>
        <translation>Archivo CA de la organización (opcional)</translation>
    </message>
    <message>
        <source>/etc/ssl/hospital-ca.pem</source>
        <translation>/etc/ssl/hospital-ca.pem</translation>
    </message>
    <message>
        <source>A PEM file with your organisation&apos;s certificate authority. Leave empty to trust only the system&apos;s certificates.</source>
        <translation>Un archivo PEM con la autoridad de certificación de su organización. Déjelo vacío para confiar solo en los certificados del sistema.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Iniciando sesión</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Set up two-step sign-in</source>
        <translation>Configurar el inicio de sesión en dos pasos</translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation>Inicio de sesión en dos pasos</translation>
    </message>
    <message>
        <source>Scan this code with your authenticator app (for example FreeOTP, Google Authenticator or Microsoft Authenticator), then enter the 6-digit code it shows.</source>
        <translation>Escanee este código con su aplicación de autenticación (por ejemplo FreeOTP, Google Authenticator o Microsoft Authenticator) e introduzca el código de 6 dígitos que muestre.</translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>Código QR para su aplicación de autenticación</translation>
    </message>
    <message>
        <source>Cannot scan? Add the account in the app by hand with this key:</source>
        <translation>¿No puede escanearlo? Añada la cuenta en la aplicación a mano con esta clave:</translation>
    </message>
    <message>
        <source>Key for manual entry</source>
        <translation>Clave para introducir a mano</translation>
    </message>
    <message>
        <source>The app will list it as %1 (%2).</source>
        <translation>La aplicación la mostrará como %1 (%2).</translation>
    </message>
    <message>
        <source>The app will list it as %1.</source>
        <translation>La aplicación la mostrará como %1.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app</source>
        <translation>Introduzca el código de 6 dígitos de su aplicación de autenticación</translation>
    </message>
    <message>
        <source>123456</source>
        <translation>123456</translation>
    </message>
    <message>
        <source>Code from your authenticator app</source>
        <translation>Código de su aplicación de autenticación</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Cancelar el inicio de sesión</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Comprobando el código…</translation>
    </message>
    <message>
        <source>Passphrase for the messages on this computer</source>
        <translation>Frase de contraseña para los mensajes de este equipo</translation>
    </message>
    <message>
        <source>Protects the messages kept on this computer, because no keychain is available. The first time, choose a long passphrase and keep it safe: without it these messages cannot be read.</source>
        <translation>Protege los mensajes guardados en este equipo, porque no hay un llavero disponible. La primera vez, elija una frase de contraseña larga y guárdela bien: sin ella no se pueden leer estos mensajes.</translation>
    </message>
    <message>
        <source>No keychain is available here, so a passphrase protects the messages kept on this computer. The first time, choose a long one; it is needed at every sign-in on this computer.</source>
        <translation>Aquí no hay un llavero disponible, así que una frase de contraseña protege los mensajes guardados en este equipo. La primera vez, elija una larga; se pedirá en cada inicio de sesión en este equipo.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Online</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Two-step sign-in not enforced</source>
        <translation>Inicio de sesión en dos pasos no exigido</translation>
    </message>
    <message>
        <source>This account signs in with a password only: the server does not ask for a code from an authenticator app. Tell IT if you expected two-step sign-in.</source>
        <translation>Esta cuenta inicia sesión solo con contraseña: el servidor no pide un código de una aplicación de autenticación. Avise a informática si esperaba el inicio de sesión en dos pasos.</translation>
    </message>
</context>
<context>
    <name>TrustPanel</name>
    <message>
        <source>Devices and trust</source>
        <translation>Dispositivos y confianza</translation>
    </message>
    <message>
        <source>Fetch the device lists again</source>
        <translation>Volver a obtener las listas de dispositivos</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Close devices and trust</source>
        <translation>Cerrar dispositivos y confianza</translation>
    </message>
    <message>
        <source>Compare each fingerprint with the person in person or on a call (or scan their QR code), then mark the device verified.</source>
        <translation>Compare cada huella con la persona, en persona o por teléfono (o escanee su código QR), y después marque el dispositivo como verificado.</translation>
    </message>
    <message>
        <source>Fetching devices</source>
        <translation>Obteniendo dispositivos</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>%1&apos;s devices</source>
        <translation>Dispositivos de %1</translation>
    </message>
    <message>
        <source>Your devices</source>
        <translation>Sus dispositivos</translation>
    </message>
    <message>
        <source>No devices known yet. They appear once the contact has signed in to an app with end-to-end encryption.</source>
        <translation>Todavía no se conoce ningún dispositivo. Aparecerán cuando el contacto haya iniciado sesión en una aplicación con cifrado de extremo a extremo.</translation>
    </message>
    <message>
        <source>Device %1, %2, %3</source>
        <translation>Dispositivo %1, %2, %3</translation>
    </message>
    <message>
        <source>Device %1 · %2</source>
        <translation>Dispositivo %1 · %2</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Huella</translation>
    </message>
    <message>
        <source>Fingerprint not known yet: it arrives with the first encrypted message.</source>
        <translation>La huella aún no se conoce: llega con el primer mensaje cifrado.</translation>
    </message>
    <message>
        <source>QR code of this device&apos;s fingerprint</source>
        <translation>Código QR de la huella de este dispositivo</translation>
    </message>
    <message>
        <source>Hide QR code</source>
        <translation>Ocultar el código QR</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>Mostrar el código QR</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>Mark device %1 verified: the fingerprints match</source>
        <translation>Marcar el dispositivo %1 como verificado: las huellas coinciden</translation>
    </message>
    <message>
        <source>Distrust</source>
        <translation>Desconfiar</translation>
    </message>
    <message>
        <source>Distrust device %1</source>
        <translation>Desconfiar del dispositivo %1</translation>
    </message>
    <message>
        <source>Reset to blind trust</source>
        <translation>Volver a la confianza sin verificar</translation>
    </message>
    <message>
        <source>Trust device %1 again without verification</source>
        <translation>Volver a confiar en el dispositivo %1 sin verificarlo</translation>
    </message>
</context>
<context>
    <name>Ui::ConversationModel</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>This message was not encrypted for this computer (it may have been sent before you signed in here). Read it on another device, or ask the sender to send it again.</source>
        <translation>Este mensaje no se cifró para este equipo (puede que se enviara antes de que iniciara sesión aquí). Léalo en otro dispositivo o pida al remitente que lo envíe de nuevo.</translation>
    </message>
    <message>
        <source>This message could not be decrypted. Ask the sender to send it again.</source>
        <translation>No se pudo descifrar este mensaje. Pida al remitente que lo envíe de nuevo.</translation>
    </message>
    <message>
        <source>Not sent. Check the connection, then retry.</source>
        <translation>No enviado. Compruebe la conexión y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>Ui::DeviceTrustModel</name>
    <message>
        <source>Devices and fingerprints come from the server: they are shown once Rounds is online.</source>
        <translation>Los dispositivos y las huellas vienen del servidor: se muestran cuando Rounds está conectado.</translation>
    </message>
    <message>
        <source>OMEMO 2 and OMEMO (legacy)</source>
        <translation>OMEMO 2 y OMEMO (antiguo)</translation>
    </message>
    <message>
        <source>OMEMO 2</source>
        <translation>OMEMO 2</translation>
    </message>
    <message>
        <source>OMEMO (legacy)</source>
        <translation>OMEMO (antiguo)</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Este dispositivo</translation>
    </message>
    <message>
        <source>No longer listed</source>
        <translation>Ya no figura en la lista</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>Not verified (trusted until you verify a device)</source>
        <translation>Sin verificar (de confianza hasta que verifique un dispositivo)</translation>
    </message>
    <message>
        <source>Not verified: new device, not used until you decide</source>
        <translation>Sin verificar: dispositivo nuevo, no se usa hasta que usted decida</translation>
    </message>
    <message>
        <source>Distrusted: never used</source>
        <translation>Sin confianza: nunca se usa</translation>
    </message>
</context>
<context>
    <name>Ui::SignInForm</name>
    <message>
        <source>Enter your account address, for example ana.ruiz@hospital.example.</source>
        <translation>Introduzca la dirección de su cuenta, por ejemplo ana.ruiz@hospital.example.</translation>
    </message>
    <message>
        <source>Enter the server address, for example wss://chat.hospital.example/xmpp-websocket.</source>
        <translation>Introduzca la dirección del servidor, por ejemplo wss://chat.hospital.example/xmpp-websocket.</translation>
    </message>
    <message>
        <source>The server address must start with wss:// so that the connection is encrypted.</source>
        <translation>La dirección del servidor debe empezar por wss:// para que la conexión esté cifrada.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Introduzca su contraseña.</translation>
    </message>
    <message>
        <source>The CA file cannot be read. Check the path, or leave the field empty to trust only the system&apos;s certificates.</source>
        <translation>No se puede leer el archivo CA. Compruebe la ruta o deje el campo vacío para confiar solo en los certificados del sistema.</translation>
    </message>
    <message>
        <source>Enter the passphrase that protects the messages kept on this computer.</source>
        <translation>Introduzca la frase de contraseña que protege los mensajes guardados en este equipo.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Rounds: secure messaging for clinical teams.</source>
        <translation>Rounds: mensajería segura para equipos clínicos.</translation>
    </message>
    <message>
        <source>Server address to fill in, e.g. wss://chat.example.org/xmpp-websocket.</source>
        <translation>Dirección del servidor que se rellena, p. ej. wss://chat.example.org/xmpp-websocket.</translation>
    </message>
    <message>
        <source>Account to fill in, e.g. ana@example.org.</source>
        <translation>Cuenta que se rellena, p. ej. ana@example.org.</translation>
    </message>
    <message>
        <source>PEM file with the organisation&apos;s CA certificate(s) to fill in.</source>
        <translation>Archivo PEM con los certificados de la CA de la organización que se rellena.</translation>
    </message>
    <message>
        <source>Language of the window (en, es); default: the system&apos;s.</source>
        <translation>Idioma de la ventana (en, es); por omisión, el del sistema.</translation>
    </message>
</context>
</TS>
