# Cliente Beckon: el lado del cliente de una sesión de soporte (español de Latinoamérica).

error-no-ticket = No se encontró ningún ticket de soporte. Descargue nuevamente el programa de soporte desde la página de soporte.
error-ticket-malformed = Este ticket de soporte está dañado o incompleto. Descargue nuevamente el programa de soporte.
error-ticket-expired = Esta descarga venció. Inicie una nueva sesión de soporte en la página de soporte.
error-ticket-other-site = Esta descarga es para otro sitio ({ $ticket_site }), no para { $site }.
error-unreachable = No se puede acceder al sitio de soporte { $site }: { $detail }
error-bad-answer = El sitio de soporte { $site } dio una respuesta que este programa no entiende.
error-session-gone = Esta sesión de soporte ya no está disponible.
error-internal = Ocurrió un error en el programa de soporte: { $detail }
notice-no-display = No se encontró una pantalla gráfica; el programa de soporte se ejecuta en esta terminal.
notice-gui-failed = No se pudo abrir la ventana ({ $detail }); el programa de soporte se ejecuta en esta terminal.
notice-missing-font = Algunos caracteres de esta conversación no se pueden mostrar: este equipo no tiene una fuente para ellos.

status-connecting = Conectando…
status-connected = conectado a { $site } ({ $name })
status-nobody-available = No hay nadie disponible en este momento. Puede permanecer en la fila; un representante le responderá lo antes posible.
status-reconnecting = se perdió la conexión, reintentando en { $seconds } s
status-offline = Se perdió la conexión. Reconectando…
status-waiting = Esperando a un representante
status-queue = posición en la fila: { $position }
status-wait = espera estimada de unos { $minutes } min
status-wait-short = espera estimada de menos de un minuto
status-typing = { $name } está escribiendo…
status-refused = El mensaje fue rechazado: { $message }
status-invalid-message = Un mensaje debe tener entre 1 y 4000 caracteres.

event-rep-joined = el representante { $name } se unió
event-rep-left = el representante { $name } salió
event-rep-invited = se invitó al representante { $name }
event-transferred = lo estamos transfiriendo a { $to }, espere por favor
event-queued = esperando a un representante
event-ended = sesión finalizada
event-info-requested = { $name } pidió ver la información del sistema de esta computadora
event-info-allowed = usted permitió compartir la información del sistema
event-info-denied = usted rechazó compartir la información del sistema
event-info-revoked = usted dejó de compartir la información del sistema
event-info-shared = información del sistema enviada
you = Usted

consent-question-title = { $name } pide ver la información del sistema de esta computadora. Se compartiría exactamente esto:
consent-question = ¿permitir? [y/n]
consent-exact-data = Los datos exactos que se enviarían
info-os = Sistema operativo
info-kernel = Kernel
info-hostname = Nombre de la computadora
info-cpu = Procesador
info-cores = { $count } núcleos
info-memory = Memoria
info-memory-value = { $used } en uso de { $total }
info-disk = Disco
info-disk-value = { $available } libres de { $total }
info-network = Red
info-uptime = Tiempo desde el inicio

transcript-title = Transcripción de la sesión de soporte
transcript-saved = transcripción guardada en { $path }
transcript-failed = No se pudo guardar la transcripción: { $detail }

tui-help = Escriba un mensaje y presione Enter para enviarlo. Comandos: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <archivo>, /help
tui-nothing-to-answer = No hay ninguna solicitud que responder.
tui-unknown-command = Comando desconocido. Escriba /help para ver la lista.

window-title = Sesión de soporte
label-site = Sitio: { $name } ({ $site })
label-rep = Representante: { $name }
label-message = Su mensaje
label-sending = enviando…
label-sharing = Usted está compartiendo la información del sistema de esta computadora.
button-send = Enviar
button-end = Finalizar sesión
button-save = Guardar transcripción
button-allow = Permitir
button-deny = Rechazar
button-revoke = Dejar de compartir
confirm-end = ¿Desea finalizar la sesión de soporte?
button-end-confirm = Sí, finalizar
button-cancel = Cancelar

## Command shell

event-shell-requested = { $name } ha pedido una línea de órdenes en este equipo
event-shell-allowed = ha permitido la línea de órdenes
event-shell-denied = ha rechazado la línea de órdenes
event-shell-revoked = ha detenido la línea de órdenes
event-shell-started = línea de órdenes en marcha con su usuario (proceso { $pid })
event-shell-ended = la línea de órdenes ha terminado
error-shell-failed = No se pudo iniciar la línea de órdenes: { $detail }
consent-shell-title = { $name } pide abrir una línea de órdenes en este equipo.
consent-shell-detail = Podría ejecutar cualquier orden que usted pueda ejecutar, con su usuario, y ver el resultado hasta que usted la detenga. Todo lo escrito y mostrado queda registrado en el historial de la sesión.
label-shell = Hay una línea de órdenes abierta para el representante (proceso { $pid }).
button-stop-shell = Detener la línea de órdenes

event-screen-requested = { $name } ha pedido ver su pantalla
event-screen-allowed = ha permitido compartir la pantalla
event-screen-denied = ha rechazado compartir la pantalla
event-screen-revoked = ha dejado de compartir la pantalla
event-screen-started = su pantalla se comparte con { $name }
event-screen-stopped = se dejó de compartir la pantalla
error-screen-failed = No se pudo compartir su pantalla: { $detail }
consent-screen-title = { $name } pide ver su pantalla.
consent-screen-detail = Vería en directo todo lo que se muestra en su pantalla hasta que deje de compartirla. La pantalla no se graba; el registro de la sesión guarda cuándo empezó y terminó.
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
