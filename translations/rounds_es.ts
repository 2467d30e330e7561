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
    <name>AdminAuditPage</name>
    <message>
        <source>Export the audit log to</source>
        <translation>Exportar el registro de auditoría a</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>Líneas JSON (*.jsonl)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Server audit export</source>
        <translation>Exportación de la auditoría del servidor</translation>
    </message>
    <message>
        <source>Sign-ins, administrator actions and policy changes recorded by the server, oldest first. Entries are chained by hashes, so edits and gaps show. No passwords, codes or message content are in it.</source>
        <translation>Inicios de sesión, acciones de administración y cambios de directiva registrados por el servidor, de más antiguo a más reciente. Las entradas están encadenadas con hashes, así que se notan las modificaciones y los huecos. No contiene contraseñas, códigos ni contenido de mensajes.</translation>
    </message>
    <message>
        <source>File to write, e.g. /home/it/audit.jsonl</source>
        <translation>Archivo que escribir, p. ej. /home/it/audit.jsonl</translation>
    </message>
    <message>
        <source>File to write the audit log to</source>
        <translation>Archivo en el que escribir el registro de auditoría</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Elegir el archivo</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
</context>
<context>
    <name>AdminConsole</name>
    <message>
        <source>Admin console sections</source>
        <translation>Secciones de la consola de administración</translation>
    </message>
    <message>
        <source>Users and devices</source>
        <translation>Usuarios y dispositivos</translation>
    </message>
    <message>
        <source>Organisation policy</source>
        <translation>Directiva de la organización</translation>
    </message>
    <message>
        <source>Audit export</source>
        <translation>Exportar auditoría</translation>
    </message>
</context>
<context>
    <name>AdminPolicyPage</name>
    <message>
        <source>Publish this policy?</source>
        <translation>¿Publicar esta directiva?</translation>
    </message>
    <message>
        <source>Every Rounds computer of the organisation applies it as soon as it is connected; the others when they next connect. Users can then choose only stricter settings.</source>
        <translation>Todos los equipos con Rounds de la organización la aplican en cuanto están conectados; los demás, la próxima vez que se conecten. Después, los usuarios solo pueden elegir ajustes más estrictos.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Organisation policy</source>
        <translation>Directiva de la organización</translation>
    </message>
    <message>
        <source>The fields show the policy in force. Change them and publish.</source>
        <translation>Los campos muestran la directiva vigente. Cámbielos y publíquela.</translation>
    </message>
    <message>
        <source>No policy has been published yet: the fields show the defaults.</source>
        <translation>Todavía no se ha publicado ninguna directiva: los campos muestran los valores predeterminados.</translation>
    </message>
    <message>
        <source>Idle lock (minutes, 1–480)</source>
        <translation>Bloqueo por inactividad (minutos, 1–480)</translation>
    </message>
    <message>
        <source>Idle lock minutes</source>
        <translation>Minutos hasta el bloqueo por inactividad</translation>
    </message>
    <message>
        <source>Keep messages (days, 0 = without limit)</source>
        <translation>Conservar los mensajes (días, 0 = sin límite)</translation>
    </message>
    <message>
        <source>Retention days</source>
        <translation>Días de conservación</translation>
    </message>
    <message>
        <source>Notifications may show</source>
        <translation>Las notificaciones pueden mostrar</translation>
    </message>
    <message>
        <source>What notifications may show</source>
        <translation>Qué pueden mostrar las notificaciones</translation>
    </message>
    <message>
        <source>Other organisations users may write to</source>
        <translation>Otras organizaciones a las que los usuarios pueden escribir</translation>
    </message>
    <message>
        <source>e.g. partner.example.org, lab.example.net</source>
        <translation>p. ej. socio.example.org, lab.example.net</translation>
    </message>
    <message>
        <source>Allowed organisations, separated by commas</source>
        <translation>Organizaciones permitidas, separadas por comas</translation>
    </message>
    <message>
        <source>Require two-step sign-in</source>
        <translation>Exigir el inicio de sesión en dos pasos</translation>
    </message>
    <message>
        <source>Send only to verified devices</source>
        <translation>Enviar solo a dispositivos verificados</translation>
    </message>
    <message>
        <source>Allow attachments</source>
        <translation>Permitir archivos adjuntos</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publicar…</translation>
    </message>
    <message>
        <source>Publish the policy</source>
        <translation>Publicar la directiva</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Deshacer cambios</translation>
    </message>
    <message>
        <source>Revert to the policy in force</source>
        <translation>Volver a la directiva vigente</translation>
    </message>
</context>
<context>
    <name>AdminUsersPage</name>
    <message>
        <source>unnamed device</source>
        <translation>dispositivo sin nombre</translation>
    </message>
    <message>
        <source>Revoke this device?</source>
        <translation>¿Revocar este dispositivo?</translation>
    </message>
    <message>
        <source>%1 of %2 is signed out now: its sign-in token stops working, its open sessions end, and its encryption keys are removed from the account, so new messages are no longer encrypted for it. Messages already on it stay there. It can only be used again after signing in with the password and a code.</source>
        <translation>Se cierra ahora la sesión de %1 de %2: su token de inicio de sesión deja de funcionar, sus sesiones abiertas terminan y sus claves de cifrado se quitan de la cuenta, así que los mensajes nuevos ya no se cifran para él. Los mensajes que ya tiene se quedan allí. Solo se podrá volver a usar tras iniciar sesión con la contraseña y un código.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Wipe this device?</source>
        <translation>¿Borrar este dispositivo?</translation>
    </message>
    <message>
        <source>The next time %1 of %2 connects (at once if it is connected now), it erases this account&apos;s messages, attached files, encryption keys and sign-in token from that computer, before showing anything, and confirms here. This cannot be undone.</source>
        <translation>La próxima vez que %1 de %2 se conecte (en el acto si está conectado ahora), borrará de ese equipo los mensajes, archivos adjuntos, claves de cifrado y token de inicio de sesión de esta cuenta antes de mostrar nada, y lo confirmará aquí. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Users (%1)</source>
        <translation>Usuarios (%1)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Refresh the list of users</source>
        <translation>Actualizar la lista de usuarios</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>online</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>two-step sign-in set up</source>
        <translation>inicio de sesión en dos pasos configurado</translation>
    </message>
    <message>
        <source>two-step sign-in not set up</source>
        <translation>inicio de sesión en dos pasos sin configurar</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n dispositivo</numerusform>
            <numerusform>%n dispositivos</numerusform>
        </translation>
    </message>
    <message>
        <source>DISABLED</source>
        <translation>DESACTIVADA</translation>
    </message>
    <message>
        <source>Choose a user to see their devices.</source>
        <translation>Elija un usuario para ver sus dispositivos.</translation>
    </message>
    <message>
        <source>Devices of %1</source>
        <translation>Dispositivos de %1</translation>
    </message>
    <message>
        <source>Reset two-step sign-in…</source>
        <translation>Restablecer el inicio de sesión en dos pasos…</translation>
    </message>
    <message>
        <source>Reset two-step sign-in?</source>
        <translation>¿Restablecer el inicio de sesión en dos pasos?</translation>
    </message>
    <message>
        <source>%1&apos;s authenticator app stops working for Rounds. At the next sign-in they must scan a new QR code. Devices signed in now stay signed in.</source>
        <translation>La aplicación de autenticación de %1 deja de servir para Rounds. En el próximo inicio de sesión tendrá que escanear un código QR nuevo. Los dispositivos con la sesión iniciada la mantienen.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Reset two-step sign-in</source>
        <translation>Restablecer el inicio de sesión en dos pasos</translation>
    </message>
    <message>
        <source>Disable account…</source>
        <translation>Desactivar la cuenta…</translation>
    </message>
    <message>
        <source>Disable this account?</source>
        <translation>¿Desactivar esta cuenta?</translation>
    </message>
    <message>
        <source>%1 is signed out on every device now and cannot sign in until the account is enabled again. Nothing is erased.</source>
        <translation>Se cierra ahora la sesión de %1 en todos sus dispositivos y no podrá iniciarla hasta que la cuenta se vuelva a activar. No se borra nada.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>Desactivar la cuenta</translation>
    </message>
    <message>
        <source>Enable account</source>
        <translation>Activar la cuenta</translation>
    </message>
    <message>
        <source>Refresh devices</source>
        <translation>Actualizar los dispositivos</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>No devices: this account has not signed in with Rounds.</source>
        <translation>No hay dispositivos: esta cuenta no ha iniciado sesión con Rounds.</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Visto por primera vez</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>Sign-in token</source>
        <translation>Token de inicio de sesión</translation>
    </message>
    <message>
        <source>Encryption ids</source>
        <translation>Identificadores de cifrado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revocar…</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>Revocar %1</translation>
    </message>
    <message>
        <source>Wipe…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <source>Wipe %1</source>
        <translation>Borrar %1</translation>
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
        <translation>Esperando para subir</translation>
    </message>
    <message>
        <source>Not downloaded yet</source>
        <translation>Aún no descargado</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Descargando…</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>Falló la descarga</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>Archivo %1, %2</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Vista previa de %1</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Guardar %1</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Download %1 again</source>
        <translation>Volver a descargar %1</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Progreso de la subida</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
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
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>end-to-end encrypted</source>
        <translation>cifrado de extremo a extremo</translation>
    </message>
    <message>
        <source>No conversations yet. Choose a contact below to start one.</source>
        <translation>Todavía no hay conversaciones. Elija un contacto abajo para empezar una.</translation>
    </message>
    <message>
        <source>care-team room</source>
        <translation>sala del equipo asistencial</translation>
    </message>
    <message>
        <source>Page a role…  (Ctrl+Shift+P)</source>
        <translation>Avisar a una función…  (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Page whoever is on call for a role</source>
        <translation>Avisar a quien esté de guardia para una función</translation>
    </message>
    <message>
        <source>Needs acknowledgement (%1)</source>
        <translation>Requiere confirmación de recepción (%1)</translation>
    </message>
    <message>
        <source>Other conversations</source>
        <translation>Otras conversaciones</translation>
    </message>
    <message>
        <source>STAT</source>
        <translation>STAT</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>needs acknowledgement</source>
        <translation>requiere confirmación de recepción</translation>
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
    <message>
        <source>Care-team room · %1</source>
        <translation>Sala del equipo asistencial · %1</translation>
    </message>
    <message>
        <source>%1 has devices you have not verified. Your organisation requires verified devices: messages are not sent until you compare fingerprints and verify them.</source>
        <translation>%1 tiene dispositivos que usted no ha verificado. Su organización exige dispositivos verificados: los mensajes no se envían hasta que compare las huellas y los verifique.</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Adjuntar…</translation>
    </message>
    <message>
        <source>Send a file, encrypted</source>
        <translation>Enviar un archivo cifrado</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>Send a file to %1</source>
        <translation>Enviar un archivo a %1</translation>
    </message>
    <message>
        <source>Save the file</source>
        <translation>Guardar el archivo</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Rutina</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>STAT</source>
        <translation>STAT</translation>
    </message>
    <message>
        <source>Priority: urgent and STAT messages must be acknowledged</source>
        <translation>Prioridad: se debe confirmar la recepción de los mensajes urgentes y STAT</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Prioridad: %1</translation>
    </message>
    <message>
        <source>Recall this message?</source>
        <translation>¿Retirar este mensaje?</translation>
    </message>
    <message>
        <source>The message is deleted from %1&apos;s devices and yours, and replaced by a note that you recalled it. Anyone who has already read it may remember it. The recall is recorded in the audit log.</source>
        <translation>El mensaje se elimina de los dispositivos de %1 y de los suyos, y se reemplaza por una nota que indica que usted lo retiró. Quien ya lo haya leído puede recordarlo. La retirada queda registrada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Members of this room (Ctrl+Shift+M)</source>
        <translation>Miembros de esta sala (Ctrl+Mayús+M)</translation>
    </message>
    <message>
        <source>Members of this room</source>
        <translation>Miembros de esta sala</translation>
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
    <name>Desktop::DesktopShell</name>
    <message>
        <source>Show Rounds</source>
        <translation>Mostrar Rounds</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message numerus="yes">
        <source>Rounds: %n unread</source>
        <translation>
            <numerusform>Rounds: %n sin leer</numerusform>
            <numerusform>Rounds: %n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>ForwardDialog</name>
    <message>
        <source>Forward message</source>
        <translation>Reenviar mensaje</translation>
    </message>
    <message>
        <source>Forward to a colleague or care-team room. The copy says where it came from; the original stays here.</source>
        <translation>Reenviar a un colega o a una sala del equipo asistencial. La copia indica de dónde procede; el original se queda aquí.</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Escriba un nombre…</translation>
    </message>
    <message>
        <source>Colleague or room to forward to</source>
        <translation>Colega o sala a la que reenviar</translation>
    </message>
    <message>
        <source>Up and Down choose, Enter forwards, Esc cancels.</source>
        <translation>Arriba y Abajo eligen, Intro reenvía, Esc cancela.</translation>
    </message>
    <message>
        <source>Colleagues and rooms</source>
        <translation>Colegas y salas</translation>
    </message>
    <message>
        <source>care-team room</source>
        <translation>sala del equipo asistencial</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>No hay coincidencias.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Reenviar</translation>
    </message>
</context>
<context>
    <name>FrontDeskBatchPage</name>
    <message>
        <source>Choose the reminder list</source>
        <translation>Elija la lista de recordatorios</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Renovación de receta</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Insurance expiry</source>
        <translation>Vencimiento del seguro</translation>
    </message>
    <message>
        <source>Custom text</source>
        <translation>Texto personalizado</translation>
    </message>
    <message>
        <source>Reminder template</source>
        <translation>Plantilla de recordatorio</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <source>Import the reminder list from a CSV file</source>
        <translation>Importar la lista de recordatorios desde un archivo CSV</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n patient(s) ready</source>
        <translation>
            <numerusform>%1: %n paciente listo</numerusform>
            <numerusform>%1: %n pacientes listos</numerusform>
        </translation>
    </message>
    <message>
        <source>English text, e.g. Hello {first_name}, ...</source>
        <translation>Texto en inglés, p. ej. Hello {first_name}, ...</translation>
    </message>
    <message>
        <source>Custom text in English</source>
        <translation>Texto personalizado en inglés</translation>
    </message>
    <message>
        <source>Spanish text (optional)</source>
        <translation>Texto en español (opcional)</translation>
    </message>
    <message>
        <source>Custom text in Spanish</source>
        <translation>Texto personalizado en español</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): fix the file and import it again. Nothing will be sent.</source>
        <translation>
            <numerusform>%n problema: corrija el archivo e impórtelo de nuevo. No se enviará nada.</numerusform>
            <numerusform>%n problemas: corrija el archivo e impórtelo de nuevo. No se enviará nada.</numerusform>
        </translation>
    </message>
    <message>
        <source>What each patient will receive</source>
        <translation>Lo que recibirá cada paciente</translation>
    </message>
    <message>
        <source>Line %1 · %2 · %3 · %4 · %5</source>
        <translation>Línea %1 · %2 · %3 · %4 · %5</translation>
    </message>
    <message>
        <source>Flagged: %1</source>
        <translation>Marcado: %1</translation>
    </message>
    <message>
        <source>Send the flagged rows anyway (where the organisation allows it; recorded in the audit log)</source>
        <translation>Enviar de todos modos las filas marcadas (si la organización lo permite; queda registrado en el registro de auditoría)</translation>
    </message>
    <message>
        <source>Reason for the override (required)</source>
        <translation>Motivo de la excepción (obligatorio)</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message numerus="yes">
        <source>Schedule %n reminder(s)</source>
        <translation>
            <numerusform>Programar %n recordatorio</numerusform>
            <numerusform>Programar %n recordatorios</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule the reminders with the reminder service</source>
        <translation>Programar los recordatorios con el servicio de recordatorios</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>FrontDeskConsentPage</name>
    <message>
        <source>Revoke consent</source>
        <translation>Revocar consentimiento</translation>
    </message>
    <message>
        <source>No more reminders will go to this patient on this channel.</source>
        <translation>Este paciente no recibirá más recordatorios por este canal.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Patient address or +15551234567@sms.…</source>
        <translation>Dirección del paciente o +15551234567@sms.…</translation>
    </message>
    <message>
        <source>Patient&apos;s address</source>
        <translation>Dirección del paciente</translation>
    </message>
    <message>
        <source>Patient app</source>
        <translation>Aplicación del paciente</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Registrar consentimiento</translation>
    </message>
    <message>
        <source>Consent registry</source>
        <translation>Registro de consentimientos</translation>
    </message>
    <message>
        <source>Consented %1, recorded by %2</source>
        <translation>Consentimiento otorgado %1, registrado por %2</translation>
    </message>
    <message>
        <source>Revoked by %1</source>
        <translation>Revocado por %1</translation>
    </message>
</context>
<context>
    <name>FrontDeskRepliesPage</name>
    <message>
        <source>No replies are waiting.</source>
        <translation>No hay respuestas pendientes.</translation>
    </message>
    <message>
        <source>Replies waiting for a person</source>
        <translation>Respuestas que esperan a una persona</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Mark handled</source>
        <translation>Marcar como atendida</translation>
    </message>
    <message>
        <source>Mark the reply from %1 handled</source>
        <translation>Marcar como atendida la respuesta de %1</translation>
    </message>
</context>
<context>
    <name>FrontDeskStatusPage</name>
    <message>
        <source>No reminders yet.</source>
        <translation>Aún no hay recordatorios.</translation>
    </message>
    <message>
        <source>Reminders and their states</source>
        <translation>Recordatorios y sus estados</translation>
    </message>
    <message>
        <source>Showing %1 of %2 reminders.</source>
        <translation>Se muestran %1 de %2 recordatorios.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Cargar más</translation>
    </message>
    <message>
        <source>Load more reminders</source>
        <translation>Cargar más recordatorios</translation>
    </message>
</context>
<context>
    <name>FrontDeskView</name>
    <message>
        <source>Reminder service</source>
        <translation>Servicio de recordatorios</translation>
    </message>
    <message>
        <source>e.g. reminders@%1</source>
        <translation>p. ej. reminders@%1</translation>
    </message>
    <message>
        <source>Address of the reminder service</source>
        <translation>Dirección del servicio de recordatorios</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Refresh the reminders, replies and consents</source>
        <translation>Actualizar los recordatorios, las respuestas y los consentimientos</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Actualizado %1</translation>
    </message>
    <message>
        <source>Enter the reminder service&apos;s address (ask IT) to prepare and follow reminders.</source>
        <translation>Introduzca la dirección del servicio de recordatorios (consulte a informática) para preparar recordatorios y hacerles seguimiento.</translation>
    </message>
    <message>
        <source>Front desk sections</source>
        <translation>Secciones de recepción</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>Nuevo lote</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>Replies (%1)</source>
        <translation>Respuestas (%1)</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
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
        <source>Erasing this account&apos;s messages, files and keys from this computer…</source>
        <translation>Borrando de este equipo los mensajes, archivos y claves de esta cuenta…</translation>
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
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Ajustes (Ctrl+,)</translation>
    </message>
    <message>
        <source>Page a role…</source>
        <translation>Avisar a una función…</translation>
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
    <message>
        <source>file %1</source>
        <translation>archivo %1</translation>
    </message>
    <message>
        <source>STAT</source>
        <translation>STAT</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Waiting for connection</source>
        <translation>Esperando conexión</translation>
    </message>
    <message>
        <source>You recalled this message</source>
        <translation>Usted retiró este mensaje</translation>
    </message>
    <message>
        <source>This message was recalled by its sender</source>
        <translation>El remitente retiró este mensaje</translation>
    </message>
    <message>
        <source>Needs your acknowledgement</source>
        <translation>Requiere su confirmación de recepción</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Acknowledge (Ctrl+Shift+A)</source>
        <translation>Confirmar (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Acknowledge this %1 message</source>
        <translation>Confirmar la recepción de este mensaje %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel sending this message</source>
        <translation>Cancelar el envío de este mensaje</translation>
    </message>
    <message>
        <source>Recall…</source>
        <translation>Retirar…</translation>
    </message>
    <message>
        <source>Recall this message</source>
        <translation>Retirar este mensaje</translation>
    </message>
    <message>
        <source>Forward…</source>
        <translation>Reenviar…</translation>
    </message>
    <message>
        <source>Forward to a colleague or room (Ctrl+Shift+F)</source>
        <translation>Reenviar a un colega o a una sala (Ctrl+Mayús+F)</translation>
    </message>
    <message>
        <source>Forward this message</source>
        <translation>Reenviar este mensaje</translation>
    </message>
</context>
<context>
    <name>PageRoleDialog</name>
    <message>
        <source>Page a role</source>
        <translation>Avisar a una función</translation>
    </message>
    <message>
        <source>Sent to %1, on call for %2.</source>
        <translation>Enviado a %1, de guardia para %2.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Funciones</translation>
    </message>
    <message>
        <source>%1 · on call: %2</source>
        <translation>%1 · de guardia: %2</translation>
    </message>
    <message>
        <source>%1 · nobody on call now</source>
        <translation>%1 · nadie de guardia ahora</translation>
    </message>
    <message>
        <source>Your organisation has not published any on-call roles.</source>
        <translation>Su organización no ha publicado ninguna función de guardia.</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Rutina</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>STAT</source>
        <translation>STAT</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Prioridad: %1</translation>
    </message>
    <message>
        <source>Message…</source>
        <translation>Mensaje…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Send page</source>
        <translation>Enviar aviso</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to conversation</source>
        <translation>Ir a la conversación</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Escriba un nombre…</translation>
    </message>
    <message>
        <source>Conversation or contact to go to</source>
        <translation>Conversación o contacto al que ir</translation>
    </message>
    <message>
        <source>Up and Down choose, Enter opens, Esc closes.</source>
        <translation>Arriba y Abajo eligen, Intro abre, Esc cierra.</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>care-team room</source>
        <translation>sala del equipo asistencial</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>No hay coincidencias.</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <source>Members of %1</source>
        <translation>Miembros de %1</translation>
    </message>
    <message>
        <source>You own this room: you can add and remove members and make them team leads.</source>
        <translation>Esta sala es suya: puede añadir y quitar miembros y nombrarlos responsables de equipo.</translation>
    </message>
    <message>
        <source>You are a team lead: you can add and remove members.</source>
        <translation>Es responsable de equipo: puede añadir y quitar miembros.</translation>
    </message>
    <message>
        <source>Only the room&apos;s owner or a team lead can change its members.</source>
        <translation>Solo la persona propietaria de la sala o un responsable de equipo puede cambiar sus miembros.</translation>
    </message>
    <message>
        <source>Colleague&apos;s address, e.g. name@example.org</source>
        <translation>Dirección del colega, p. ej. nombre@example.org</translation>
    </message>
    <message>
        <source>Address of the colleague to add</source>
        <translation>Dirección del colega que añadir</translation>
    </message>
    <message>
        <source>Enter adds them to the room.</source>
        <translation>Intro lo añade a la sala.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add to the room</source>
        <translation>Añadir a la sala</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (usted)</translation>
    </message>
    <message>
        <source>in the room</source>
        <translation>en la sala</translation>
    </message>
    <message>
        <source>not in the room</source>
        <translation>fuera de la sala</translation>
    </message>
    <message>
        <source>In the room now</source>
        <translation>En la sala ahora</translation>
    </message>
    <message>
        <source>Not in the room now</source>
        <translation>Fuera de la sala ahora</translation>
    </message>
    <message>
        <source>Make member</source>
        <translation>Hacer miembro</translation>
    </message>
    <message>
        <source>Make team lead</source>
        <translation>Nombrar responsable</translation>
    </message>
    <message>
        <source>Make %1 a plain member again</source>
        <translation>Volver a hacer de %1 un miembro normal</translation>
    </message>
    <message>
        <source>Make %1 a team lead</source>
        <translation>Nombrar a %1 responsable de equipo</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>Remove %1 from the room</source>
        <translation>Quitar a %1 de la sala</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Remove %1 from this room?</source>
        <translation>¿Quitar a %1 de esta sala?</translation>
    </message>
    <message>
        <source>%1 leaves the room at once and no longer receives its messages. What was already said stays on their devices. A team lead or the owner can add them again.</source>
        <translation>%1 sale de la sala de inmediato y deja de recibir sus mensajes. Lo que ya se dijo permanece en sus dispositivos. Un responsable de equipo o la persona propietaria puede volver a añadirlo.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>RoomReadersPopup</name>
    <message>
        <source>No other member has seen this message yet.</source>
        <translation>Ningún otro miembro ha visto todavía este mensaje.</translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation>Visto por</translation>
    </message>
    <message>
        <source>%1, seen %2</source>
        <translation>%1, visto %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
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
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
</context>
<context>
    <name>SeenByButton</name>
    <message>
        <source>Show who has seen it</source>
        <translation>Mostrar quién lo ha visto</translation>
    </message>
    <message>
        <source>%1. Show who has seen it</source>
        <translation>%1. Mostrar quién lo ha visto</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message numerus="yes">
        <source>Your organisation allows at most %n minute(s) before the screen locks; that limit applies.</source>
        <translation>
            <numerusform>Su organización permite como máximo %n minuto antes de bloquear la pantalla; se aplica ese límite.</numerusform>
            <numerusform>Su organización permite como máximo %n minutos antes de bloquear la pantalla; se aplica ese límite.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy allows notifications to show at most: %1.</source>
        <translation>La directiva de su organización permite que las notificaciones muestren como mucho: %1.</translation>
    </message>
    <message>
        <source>Sign out and erase this computer&apos;s data?</source>
        <translation>¿Cerrar sesión y borrar los datos de este equipo?</translation>
    </message>
    <message>
        <source>Rounds signs %1 out and deletes everything this account keeps on this computer: its messages and conversation history, attached files, encryption keys, the key that protects the local database, and the sign-in token. Nothing on the server and nothing on your other devices is changed.

If you sign in here again, this computer is a new device: you need your password and a code, and earlier messages cannot be read here.</source>
        <translation>Rounds cierra la sesión de %1 y elimina todo lo que esta cuenta guarda en este equipo: sus mensajes e historial de conversaciones, los archivos adjuntos, las claves de cifrado, la clave que protege la base de datos local y el token de inicio de sesión. No cambia nada en el servidor ni en sus otros dispositivos.

Si vuelve a iniciar sesión aquí, este equipo será un dispositivo nuevo: necesitará su contraseña y un código, y aquí no se podrán leer los mensajes anteriores.</translation>
    </message>
    <message>
        <source>Sign out and erase</source>
        <translation>Cerrar sesión y borrar</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Archivo de la CA</translation>
    </message>
    <message>
        <source>None: only the system&apos;s trusted certificates</source>
        <translation>Ninguno: solo los certificados de confianza del sistema</translation>
    </message>
    <message>
        <source>Pinned certificate</source>
        <translation>Certificado fijado</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Certificado: %1</translation>
    </message>
    <message>
        <source>To change the server or its certificate, sign out and sign in again.</source>
        <translation>Para cambiar el servidor o su certificado, cierre la sesión y vuelva a iniciarla.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Lock the screen after (minutes without activity)</source>
        <translation>Bloquear la pantalla tras (minutos sin actividad)</translation>
    </message>
    <message>
        <source>Idle lock minutes</source>
        <translation>Minutos hasta el bloqueo por inactividad</translation>
    </message>
    <message numerus="yes">
        <source>Your organisation&apos;s limit: %n minute(s). You may choose less.</source>
        <translation>
            <numerusform>Límite de su organización: %n minuto. Puede elegir menos.</numerusform>
            <numerusform>Límite de su organización: %n minutos. Puede elegir menos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications show</source>
        <translation>Las notificaciones muestran</translation>
    </message>
    <message>
        <source>What notifications show</source>
        <translation>Qué muestran las notificaciones</translation>
    </message>
    <message>
        <source>Your organisation allows at most: %1.</source>
        <translation>Su organización permite como mucho: %1.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Sign out and erase this computer&apos;s data…</source>
        <translation>Cerrar sesión y borrar los datos de este equipo…</translation>
    </message>
    <message>
        <source>Sign out and erase this computer&apos;s data</source>
        <translation>Cerrar sesión y borrar los datos de este equipo</translation>
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
    <message>
        <source>Scan or paste a device&apos;s QR code</source>
        <translation>Escanee o pegue el código QR de un dispositivo</translation>
    </message>
    <message>
        <source>Scanned fingerprint code</source>
        <translation>Código de huella escaneado</translation>
    </message>
    <message>
        <source>Verify code</source>
        <translation>Verificar código</translation>
    </message>
    <message>
        <source>Fingerprint matches: device verified.</source>
        <translation>La huella coincide: dispositivo verificado.</translation>
    </message>
    <message>
        <source>Verify the device of the scanned code</source>
        <translation>Verificar el dispositivo del código escaneado</translation>
    </message>
</context>
<context>
    <name>Ui</name>
    <message>
        <source>unknown column</source>
        <translation>columna desconocida</translation>
    </message>
    <message>
        <source>column given twice</source>
        <translation>columna indicada dos veces</translation>
    </message>
    <message>
        <source>required column missing</source>
        <translation>falta una columna obligatoria</translation>
    </message>
    <message>
        <source>not an XMPP address or gateway number</source>
        <translation>no es una dirección XMPP ni un número de pasarela</translation>
    </message>
    <message>
        <source>unknown language (use en or es)</source>
        <translation>idioma desconocido (use en o es)</translation>
    </message>
    <message>
        <source>not a date and time (2030-05-01T09:00:00Z)</source>
        <translation>no es una fecha y hora (2030-05-01T09:00:00Z)</translation>
    </message>
    <message>
        <source>the time has no time zone (add Z or +02:00)</source>
        <translation>la hora no tiene zona horaria (añada Z o +02:00)</translation>
    </message>
    <message>
        <source>the time is in the past</source>
        <translation>la hora ya pasó</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacío</translation>
    </message>
    <message>
        <source>the same patient and time appear twice</source>
        <translation>el mismo paciente y la misma hora aparecen dos veces</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>un campo entre comillas no está cerrado</translation>
    </message>
    <message>
        <source>a quote inside an unquoted field</source>
        <translation>comillas dentro de un campo sin comillas</translation>
    </message>
    <message>
        <source>text after a closing quote</source>
        <translation>texto después de unas comillas de cierre</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>el archivo no es texto UTF-8</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
</context>
<context>
    <name>Ui::AdminDevicesModel</name>
    <message>
        <source>Signed in (token active)</source>
        <translation>Con sesión iniciada (token activo)</translation>
    </message>
    <message>
        <source>Token expired</source>
        <translation>Token caducado</translation>
    </message>
    <message>
        <source>Token revoked</source>
        <translation>Token revocado</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>Sin token</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Wipe ordered, waiting for the device to connect</source>
        <translation>Borrado ordenado, esperando a que el dispositivo se conecte</translation>
    </message>
    <message>
        <source>Wipe delivered, not yet confirmed</source>
        <translation>Borrado entregado, aún sin confirmar</translation>
    </message>
    <message>
        <source>Wiped</source>
        <translation>Borrado</translation>
    </message>
    <message>
        <source>The device was signed out. It needs the password and a code to sign in again.</source>
        <translation>Se cerró la sesión del dispositivo. Necesita la contraseña y un código para volver a iniciarla.</translation>
    </message>
    <message>
        <source>Wipe ordered. The device erases this account&apos;s data as soon as it connects; its state here then becomes &quot;Wiped&quot;.</source>
        <translation>Borrado ordenado. El dispositivo borra los datos de esta cuenta en cuanto se conecte; entonces su estado aquí pasa a «Borrado».</translation>
    </message>
</context>
<context>
    <name>Ui::AdminUsersModel</name>
    <message>
        <source>%1 must set up an authenticator app again at the next sign-in.</source>
        <translation>%1 tendrá que configurar de nuevo una aplicación de autenticación en el próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>%1 is disabled: its devices are signed out and cannot sign in.</source>
        <translation>%1 está desactivada: se cerró la sesión de sus dispositivos y no pueden iniciarla.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 puede volver a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>Ui::AuditExport</name>
    <message>
        <source>Fetching the audit log from the server…</source>
        <translation>Obteniendo el registro de auditoría del servidor…</translation>
    </message>
    <message numerus="yes">
        <source>Writing: %1 of %n entries</source>
        <translation>
            <numerusform>Escribiendo: %1 de %n entrada</numerusform>
            <numerusform>Escribiendo: %1 de %n entradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries written</source>
        <translation>
            <numerusform>%n entrada escrita</numerusform>
            <numerusform>%n entradas escritas</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a file to write the audit log to.</source>
        <translation>Elija un archivo en el que escribir el registro de auditoría.</translation>
    </message>
    <message>
        <source>The file cannot be written. Choose a folder you may write to.</source>
        <translation>No se puede escribir el archivo. Elija una carpeta en la que pueda escribir.</translation>
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
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Cancelled: not sent. Retry sends it.</source>
        <translation>Cancelado: no se envió. Reintentar lo envía.</translation>
    </message>
    <message>
        <source>You acknowledged at %1</source>
        <translation>Usted confirmó la recepción a las %1</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>Recepción confirmada por %1 a las %2</translation>
    </message>
    <message numerus="yes">
        <source>Escalated to %1 after %n min</source>
        <translation>
            <numerusform>Escalado a %1 después de %n min</numerusform>
            <numerusform>Escalado a %1 después de %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Forwarded from %1</source>
        <translation>Reenviado desde %1</translation>
    </message>
    <message>
        <source>Not forwarded: %1 is outside the domains your organisation allows messages to be forwarded to.</source>
        <translation>No se ha reenviado: %1 está fuera de los dominios a los que su organización permite reenviar mensajes.</translation>
    </message>
    <message>
        <source>Not forwarded: the message was recalled by its sender.</source>
        <translation>No se ha reenviado: el remitente retiró el mensaje.</translation>
    </message>
    <message>
        <source>Not forwarded: this message has no text to forward.</source>
        <translation>No se ha reenviado: este mensaje no tiene texto que reenviar.</translation>
    </message>
    <message>
        <source>Not forwarded: that is not a valid address.</source>
        <translation>No se ha reenviado: esa dirección no es válida.</translation>
    </message>
</context>
<context>
    <name>Ui::DemoAccount</name>
    <message>
        <source>The demo account file cannot be read.</source>
        <translation>No se puede leer el archivo de la cuenta de demostración.</translation>
    </message>
    <message>
        <source>The demo account file must belong to you and be readable by you only (chmod 600).</source>
        <translation>El archivo de la cuenta de demostración debe pertenecerle a usted y solo usted debe poder leerlo (chmod 600).</translation>
    </message>
    <message>
        <source>A demo account can only sign in to the demo server on this computer (a wss:// address on localhost, an account @localhost).</source>
        <translation>Una cuenta de demostración solo puede iniciar sesión en el servidor de demostración de este equipo (una dirección wss:// en localhost, una cuenta @localhost).</translation>
    </message>
    <message>
        <source>The demo account file is incomplete or malformed.</source>
        <translation>El archivo de la cuenta de demostración está incompleto o mal formado.</translation>
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
    <message>
        <source>This is not a Rounds or OMEMO fingerprint code. Scan the code shown in the other device&apos;s security details.</source>
        <translation>Este no es un código de huella de Rounds ni de OMEMO. Escanee el código que muestran los detalles de seguridad del otro dispositivo.</translation>
    </message>
    <message>
        <source>This is the code of this computer.</source>
        <translation>Este es el código de este equipo.</translation>
    </message>
    <message>
        <source>The fingerprint of that device is not known yet: it arrives with the first encrypted message. Try again after writing to them.</source>
        <translation>La huella de ese dispositivo aún no se conoce: llega con el primer mensaje cifrado. Vuelva a intentarlo después de escribirle.</translation>
    </message>
    <message>
        <source>The fingerprints do NOT match: this device may not be who it claims. Do not verify it; tell IT.</source>
        <translation>Las huellas NO coinciden: puede que este dispositivo no sea quien dice ser. No lo verifique; avise a informática.</translation>
    </message>
    <message>
        <source>No device in this list has that code. Check that it comes from this contact (or one of your own devices) and refresh the list.</source>
        <translation>Ningún dispositivo de esta lista tiene ese código. Compruebe que procede de este contacto (o de uno de sus propios dispositivos) y actualice la lista.</translation>
    </message>
</context>
<context>
    <name>Ui::FrontDeskBatchModel</name>
    <message>
        <source>social security number</source>
        <translation>número de seguridad social</translation>
    </message>
    <message>
        <source>medical record number</source>
        <translation>número de historia clínica</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>diagnosis or medication term</source>
        <translation>término de diagnóstico o medicación</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>nombre completo</translation>
    </message>
    <message>
        <source>contains more than a reminder needs (%1); send it only with an override and a reason</source>
        <translation>contiene más de lo que necesita un recordatorio (%1); envíelo solo con una excepción y un motivo</translation>
    </message>
    <message>
        <source>contains %1, which may never be sent; change the row</source>
        <translation>contiene %1, que nunca se puede enviar; modifique la fila</translation>
    </message>
    <message>
        <source>an override needs a reason</source>
        <translation>una excepción requiere un motivo</translation>
    </message>
    <message>
        <source>has %1 fields, the header has %2</source>
        <translation>tiene %1 campos, el encabezado tiene %2</translation>
    </message>
    <message>
        <source>the template has no text in this language</source>
        <translation>la plantilla no tiene texto en este idioma</translation>
    </message>
    <message>
        <source>the template needs this value</source>
        <translation>la plantilla necesita este valor</translation>
    </message>
    <message>
        <source>the template uses an unknown placeholder {%1}</source>
        <translation>la plantilla usa un marcador desconocido {%1}</translation>
    </message>
    <message>
        <source>the template has a stray brace</source>
        <translation>la plantilla tiene una llave suelta</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Archivo: %1</translation>
    </message>
    <message>
        <source>File, %1: %2</source>
        <translation>Archivo, %1: %2</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>Línea %1, %2: %3</translation>
    </message>
    <message>
        <source>SMS gateway (not end-to-end encrypted)</source>
        <translation>Pasarela SMS (sin cifrado de extremo a extremo)</translation>
    </message>
    <message>
        <source>Patient app (end-to-end encrypted)</source>
        <translation>Aplicación del paciente (con cifrado de extremo a extremo)</translation>
    </message>
    <message>
        <source>The file could not be opened. Choose a CSV file you can read.</source>
        <translation>No se pudo abrir el archivo. Elija un archivo CSV que pueda leer.</translation>
    </message>
    <message>
        <source>The file is too large for a reminder list (more than 5 MB).</source>
        <translation>El archivo es demasiado grande para una lista de recordatorios (más de 5 MB).</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>template</source>
        <translation>plantilla</translation>
    </message>
    <message>
        <source>The reminder service did not answer. Nothing is known to be scheduled: check the status list before submitting again.</source>
        <translation>El servicio de recordatorios no respondió. No consta que se haya programado nada: revise la lista de estados antes de volver a enviar.</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) scheduled.</source>
        <translation>
            <numerusform>%n recordatorio programado.</numerusform>
            <numerusform>%n recordatorios programados.</numerusform>
        </translation>
    </message>
    <message>
        <source>The reminder service refused the batch; nothing was sent.</source>
        <translation>El servicio de recordatorios rechazó el lote; no se envió nada.</translation>
    </message>
</context>
<context>
    <name>Ui::FrontDeskClient</name>
    <message>
        <source>The reminder service did not answer. Check its address; if it is right, ask IT whether the service runs and lists you as front-desk staff.</source>
        <translation>El servicio de recordatorios no respondió. Compruebe su dirección; si es correcta, pregunte a informática si el servicio está en funcionamiento y si lo tiene registrado como personal de recepción.</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s address (name@domain or +15551234567@sms.%1) and choose a channel.</source>
        <translation>Introduzca la dirección del paciente (nombre@dominio o +15551234567@sms.%1) y elija un canal.</translation>
    </message>
    <message>
        <source>The reminder service did not record the change.</source>
        <translation>El servicio de recordatorios no registró el cambio.</translation>
    </message>
    <message>
        <source>Consent recorded.</source>
        <translation>Consentimiento registrado.</translation>
    </message>
    <message>
        <source>Consent revoked.</source>
        <translation>Consentimiento revocado.</translation>
    </message>
    <message>
        <source>Someone else handled this reply already.</source>
        <translation>Otra persona ya atendió esta respuesta.</translation>
    </message>
    <message>
        <source>Reply marked as handled.</source>
        <translation>Respuesta marcada como atendida.</translation>
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
        <translation>Aplicación del paciente</translation>
    </message>
    <message>
        <source>the patient (STOP reply)</source>
        <translation>el paciente (respuesta STOP)</translation>
    </message>
</context>
<context>
    <name>Ui::FrontDeskStatusModel</name>
    <message>
        <source>Scheduled</source>
        <translation>Programado</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Reschedule requested</source>
        <translation>Reprogramación solicitada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no consent on this channel</source>
        <translation>sin consentimiento en este canal</translation>
    </message>
    <message>
        <source>the patient opted out</source>
        <translation>el paciente se dio de baja</translation>
    </message>
    <message>
        <source>could not be delivered</source>
        <translation>no se pudo entregar</translation>
    </message>
</context>
<context>
    <name>Ui::MessageNotifier</name>
    <message>
        <source>New message</source>
        <translation>Mensaje nuevo</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n mensaje nuevo</numerusform>
            <numerusform>%n mensajes nuevos</numerusform>
        </translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Mensaje nuevo de %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages from %1</source>
        <translation>
            <numerusform>%n mensaje nuevo de %1</numerusform>
            <numerusform>%n mensajes nuevos de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>New message from %1 in %2</source>
        <translation>Mensaje nuevo de %1 en %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages from %1 in %2</source>
        <translation>
            <numerusform>%n mensaje nuevo de %1 en %2</numerusform>
            <numerusform>%n mensajes nuevos de %1 en %2</numerusform>
        </translation>
    </message>
    <message>
        <source>(could not be decrypted)</source>
        <translation>(no se pudo descifrar)</translation>
    </message>
    <message>
        <source>(a file)</source>
        <translation>(un archivo)</translation>
    </message>
    <message>
        <source>STAT message: acknowledgement needed</source>
        <translation>Mensaje STAT: se requiere confirmación de recepción</translation>
    </message>
    <message>
        <source>Urgent message: acknowledgement needed</source>
        <translation>Mensaje urgente: se requiere confirmación de recepción</translation>
    </message>
    <message>
        <source>STAT message from %1: acknowledgement needed</source>
        <translation>Mensaje STAT de %1: se requiere confirmación de recepción</translation>
    </message>
    <message>
        <source>Urgent message from %1: acknowledgement needed</source>
        <translation>Mensaje urgente de %1: se requiere confirmación de recepción</translation>
    </message>
</context>
<context>
    <name>Ui::PolicyEditor</name>
    <message>
        <source>The idle lock must be between %1 and %2 minutes.</source>
        <translation>El bloqueo por inactividad debe estar entre %1 y %2 minutos.</translation>
    </message>
    <message>
        <source>Retention must be between 0 (keep everything) and 36500 days.</source>
        <translation>La conservación debe estar entre 0 (conservar todo) y 36500 días.</translation>
    </message>
    <message>
        <source>Choose what notifications may show.</source>
        <translation>Elija qué pueden mostrar las notificaciones.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name (for example partner.example.org).</source>
        <translation>«%1» no es un nombre de dominio (por ejemplo socio.example.org).</translation>
    </message>
    <message>
        <source>Published. Every signed-in computer of the organisation applies it now; the others when they next connect.</source>
        <translation>Publicada. Todos los equipos de la organización con la sesión iniciada la aplican ya; los demás, la próxima vez que se conecten.</translation>
    </message>
</context>
<context>
    <name>Ui::PolicySettings</name>
    <message>
        <source>Your organisation published a policy Rounds could not read; the previous policy stays in force. Tell IT.</source>
        <translation>Su organización publicó una directiva que Rounds no pudo leer; sigue vigente la anterior. Avise a informática.</translation>
    </message>
    <message>
        <source>Only &quot;New message&quot;</source>
        <translation>Solo «Mensaje nuevo»</translation>
    </message>
    <message>
        <source>The sender&apos;s name</source>
        <translation>El nombre del remitente</translation>
    </message>
    <message>
        <source>The sender&apos;s name and the start of the message</source>
        <translation>El nombre del remitente y el comienzo del mensaje</translation>
    </message>
    <message numerus="yes">
        <source>the screen locks after at most %n minute(s) without activity</source>
        <translation>
            <numerusform>la pantalla se bloquea tras como máximo %n minuto sin actividad</numerusform>
            <numerusform>la pantalla se bloquea tras como máximo %n minutos sin actividad</numerusform>
        </translation>
    </message>
    <message>
        <source>notifications may show: %1</source>
        <translation>las notificaciones pueden mostrar: %1</translation>
    </message>
    <message>
        <source>attachments are allowed</source>
        <translation>se permiten archivos adjuntos</translation>
    </message>
    <message>
        <source>attachments are not allowed</source>
        <translation>no se permiten archivos adjuntos</translation>
    </message>
    <message>
        <source>messages go only to verified devices</source>
        <translation>los mensajes van solo a dispositivos verificados</translation>
    </message>
    <message>
        <source>messages may go to devices not verified yet</source>
        <translation>los mensajes pueden ir a dispositivos aún sin verificar</translation>
    </message>
    <message>
        <source>two-step sign-in is required</source>
        <translation>se exige el inicio de sesión en dos pasos</translation>
    </message>
    <message>
        <source>two-step sign-in is no longer required</source>
        <translation>ya no se exige el inicio de sesión en dos pasos</translation>
    </message>
    <message numerus="yes">
        <source>messages are kept for %n day(s)</source>
        <translation>
            <numerusform>los mensajes se conservan %n día</numerusform>
            <numerusform>los mensajes se conservan %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>messages are kept without a time limit</source>
        <translation>los mensajes se conservan sin límite de tiempo</translation>
    </message>
    <message>
        <source>the organisations you may write to changed</source>
        <translation>cambiaron las organizaciones a las que puede escribir</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy was updated.</source>
        <translation>Se actualizó la directiva de su organización.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy changed: %1.</source>
        <translation>Cambió la directiva de su organización: %1.</translation>
    </message>
</context>
<context>
    <name>Ui::RoleDirectoryModel</name>
    <message>
        <source>Nobody is on call for this role right now. Page a person directly, or ask the charge nurse who covers it.</source>
        <translation>Nadie está de guardia para esta función en este momento. Avise directamente a una persona o pregunte a la enfermera a cargo quién la cubre.</translation>
    </message>
    <message>
        <source>This role is no longer in the directory. Choose another role.</source>
        <translation>Esta función ya no figura en el directorio. Elija otra función.</translation>
    </message>
    <message>
        <source>The on-call directory has not been read from the server yet. Wait until Rounds is online, then try again.</source>
        <translation>Aún no se ha leído el directorio de guardias del servidor. Espere a que Rounds esté en línea y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>Ui::RoomMembersModel</name>
    <message>
        <source>The members of a room come from the server: they are shown once Rounds is online.</source>
        <translation>Los miembros de una sala vienen del servidor: se muestran cuando Rounds esté en línea.</translation>
    </message>
    <message>
        <source>Enter the colleague&apos;s address, such as name@example.org.</source>
        <translation>Introduzca la dirección del colega, por ejemplo nombre@example.org.</translation>
    </message>
    <message>
        <source>Only the room&apos;s owner or a team lead can change its members.</source>
        <translation>Solo la persona propietaria de la sala o un responsable de equipo puede cambiar sus miembros.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Responsable de equipo</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
</context>
<context>
    <name>Ui::RoomReadersModel</name>
    <message>
        <source>Seen by %1 of %2</source>
        <translation>Visto por %1 de %2</translation>
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
    <name>Ui::SingleInstance</name>
    <message>
        <source>Another Rounds may be running, but it does not answer and its socket %1 cannot be removed. Close Rounds everywhere, or delete that file, then start Rounds again.</source>
        <translation>Puede que haya otro Rounds en marcha, pero no responde y no se puede eliminar su socket %1. Cierre Rounds en todas partes, o borre ese archivo, y vuelva a iniciar Rounds.</translation>
    </message>
    <message>
        <source>Rounds did not close properly last time; its leftover socket %1 was removed.</source>
        <translation>Rounds no se cerró bien la última vez; se eliminó el socket %1 que quedó.</translation>
    </message>
    <message>
        <source>Rounds cannot check whether it is already running (socket %1: %2). A second start opens a second window.</source>
        <translation>Rounds no puede comprobar si ya está en marcha (socket %1: %2). Si se inicia otra vez, se abre una segunda ventana.</translation>
    </message>
</context>
<context>
    <name>ViewSwitcher</name>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Messages (Ctrl+1)</source>
        <translation>Mensajes (Ctrl+1)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Admin (Ctrl+2)</source>
        <translation>Administración (Ctrl+2)</translation>
    </message>
    <message>
        <source>Admin console</source>
        <translation>Consola de administración</translation>
    </message>
    <message>
        <source>Front desk (Ctrl+3)</source>
        <translation>Recepción (Ctrl+3)</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
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
    <message>
        <source>Open a separate window even if Rounds is already running (for example to sign in as a second account).</source>
        <translation>Abrir una ventana aparte aunque Rounds ya esté en marcha (por ejemplo, para iniciar sesión con una segunda cuenta).</translation>
    </message>
    <message>
        <source>Rounds is already running; its window was brought to the front.</source>
        <translation>Rounds ya está en marcha; se ha traído su ventana al frente.</translation>
    </message>
    <message>
        <source>Demo only: sign in with the account in this owner-only file, written by scripts/demo.sh for its server on this computer.</source>
        <translation>Solo para demostración: iniciar sesión con la cuenta de este archivo, legible solo por su propietario, creado por scripts/demo.sh para su servidor en este equipo.</translation>
    </message>
</context>
</TS>
