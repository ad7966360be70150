# Cliente Beckon: el lado del cliente de una sesión de asistencia (español de España).

error-no-ticket = No se ha encontrado ningún ticket de asistencia. Vuelva a descargar el programa de asistencia desde la página de asistencia.
error-ticket-malformed = Este ticket de asistencia está dañado o incompleto. Vuelva a descargar el programa de asistencia.
error-ticket-expired = Esta descarga ha caducado. Inicie una nueva sesión de asistencia en la página de asistencia.
error-ticket-other-site = Esta descarga es para otro sitio ({ $ticket_site }), no para { $site }.
error-unreachable = No se puede acceder al sitio de asistencia { $site }: { $detail }
error-bad-answer = El sitio de asistencia { $site } ha dado una respuesta que este programa no entiende.
error-session-gone = Esta sesión de asistencia ya no está disponible.
error-internal = Se ha producido un error en el programa de asistencia: { $detail }
notice-no-display = No se ha encontrado ninguna pantalla gráfica; el programa de asistencia se ejecuta en este terminal.
notice-gui-failed = No se ha podido abrir la ventana ({ $detail }); el programa de asistencia se ejecuta en este terminal.
notice-missing-font = Algunos caracteres de esta conversación no se pueden mostrar: este ordenador no tiene una fuente para ellos.

status-connecting = Conectando…
status-connected = conectado a { $site } ({ $name })
status-nobody-available = No hay nadie disponible en este momento. Puede permanecer en la cola; un técnico le responderá lo antes posible.
status-reconnecting = se ha perdido la conexión, nuevo intento en { $seconds } s
status-offline = Se ha perdido la conexión. Reconectando…
status-waiting = Esperando a un técnico
status-queue = posición en la cola: { $position }
status-wait = espera estimada de unos { $minutes } min
status-wait-short = espera estimada de menos de un minuto
status-typing = { $name } está escribiendo…
status-refused = Se ha rechazado el mensaje: { $message }
status-invalid-message = Un mensaje debe tener entre 1 y 4000 caracteres.

event-rep-joined = el técnico { $name } se ha unido
event-rep-left = el técnico { $name } se ha marchado
event-rep-invited = se ha invitado al técnico { $name }
event-transferred = le estamos transfiriendo a { $to }, espere, por favor
event-queued = esperando a un técnico
event-ended = sesión finalizada
event-info-requested = { $name } ha pedido ver la información del sistema de este ordenador
event-info-allowed = ha permitido compartir la información del sistema
event-info-denied = ha rechazado compartir la información del sistema
event-info-revoked = ha dejado de compartir la información del sistema
event-info-shared = información del sistema enviada
you = Usted

consent-question-title = { $name } pide ver la información del sistema de este ordenador. Se compartiría exactamente esto:
consent-question = ¿permitir? [y/n]
consent-exact-data = Los datos exactos que se enviarían
info-os = Sistema operativo
info-kernel = Núcleo
info-hostname = Nombre del ordenador
info-cpu = Procesador
info-cores = { $count } núcleos
info-memory = Memoria
info-memory-value = { $used } en uso de { $total }
info-disk = Disco
info-disk-value = { $available } libres de { $total }
info-network = Red
info-uptime = Tiempo desde el arranque

transcript-title = Transcripción de la sesión de asistencia
transcript-saved = transcripción guardada en { $path }
transcript-failed = No se ha podido guardar la transcripción: { $detail }

tui-help = Escriba un mensaje y pulse Intro para enviarlo. Órdenes: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <archivo>, /help
tui-nothing-to-answer = No hay ninguna solicitud que responder.
tui-unknown-command = Orden desconocida. Escriba /help para ver la lista.

window-title = Sesión de asistencia
label-site = Sitio: { $name } ({ $site })
label-rep = Técnico: { $name }
label-message = Su mensaje
label-sending = enviando…
label-sharing = Está compartiendo la información del sistema de este ordenador.
button-send = Enviar
button-end = Finalizar sesión
button-save = Guardar transcripción
button-allow = Permitir
button-deny = Rechazar
button-revoke = Dejar de compartir
confirm-end = ¿Desea finalizar la sesión de asistencia?
button-end-confirm = Sí, finalizar
button-cancel = Cancelar

## Command shell

event-shell-requested = { $name } pidió una terminal de comandos en este equipo
event-shell-allowed = permitió la terminal de comandos
event-shell-denied = rechazó la terminal de comandos
event-shell-revoked = detuvo la terminal de comandos
event-shell-started = terminal de comandos en ejecución con su usuario (proceso { $pid })
event-shell-ended = la terminal de comandos terminó
error-shell-failed = No se pudo iniciar la terminal de comandos: { $detail }
consent-shell-title = { $name } solicita abrir una terminal de comandos en este equipo.
consent-shell-detail = Podría ejecutar cualquier comando que usted pueda ejecutar, con su usuario, y ver el resultado hasta que usted la detenga. Todo lo escrito y mostrado queda registrado en el historial de la sesión.
label-shell = Hay una terminal de comandos abierta para el representante (proceso { $pid }).
button-stop-shell = Detener la terminal

event-screen-requested = { $name } pidió ver su pantalla
event-screen-allowed = permitió compartir la pantalla
event-screen-denied = rechazó compartir la pantalla
event-screen-revoked = dejó de compartir la pantalla
event-screen-started = su pantalla se comparte con { $name }
event-screen-stopped = se dejó de compartir la pantalla
error-screen-failed = No se pudo compartir su pantalla: { $detail }
consent-screen-title = { $name } pide ver su pantalla.
consent-screen-detail = Vería en vivo todo lo que se muestra en su pantalla hasta que deje de compartirla. La pantalla no se graba; el registro de la sesión guarda cuándo empezó y terminó.
label-screen = Su pantalla se comparte con { $name }.
button-stop-screen = Dejar de compartir

## File transfer

consent-files-title = { $name } pide intercambiar archivos con usted.
consent-files-detail = Usted elige cada archivo que envía, y cada archivo que le ofrecen espera su respuesta. Cada transferencia queda registrada en el historial de la sesión, con su suma de comprobación.
event-files-requested = { $name } pidió intercambiar archivos
event-files-allowed = usted permitió la transferencia de archivos
event-files-denied = usted rechazó la transferencia de archivos
event-files-revoked = usted detuvo la transferencia de archivos
file-offered = { $name } le ofrece el archivo { $file } ({ $size })
file-requested = { $name } le pide que envíe un archivo
file-progress-sent = enviando { $file }: { $percent } %
file-progress-received = recibiendo { $file }: { $percent } %
file-sent = { $file } se envió y su suma de comprobación coincide
file-received = { $file } se recibió y se comprobó: { $path }
file-failed = la transferencia de { $file } se detuvo: { $reason }
tui-help-files = Archivos: /send <ruta> envía un archivo, /accept o /decline responde a un archivo ofrecido, /revoke file_transfer detiene la transferencia de archivos.
tui-no-file-offer = No hay ningún archivo ofrecido que responder.
label-files = La transferencia de archivos está permitida.
button-stop-files = Detener la transferencia de archivos
button-send-file = Enviar archivo
hint-file-path = Ruta del archivo que se enviará
button-accept-file = Guardar
button-decline-file = Rechazar
