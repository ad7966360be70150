# Beckon's customer-facing strings (European Spanish), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = No se ha podido iniciar su sesión de asistencia
error-multiple-selectors = Elija solo una forma de iniciar la sesión: una clave de sesión, un agente o un tema de asistencia.
error-both-issue-identifiers = Un tema de asistencia se elige por su número o por su nombre en clave, no por ambos.
error-missing-issue-identifier = Elija un tema de asistencia.
error-rep-needs-id-and-name = Para elegir un agente se necesitan tanto su número como su nombre.
error-not-an-integer = El valor de «{ $field }» debe ser un número entero.
error-duplicate-parameter = «{ $field }» se ha indicado más de una vez.
error-too-long-chars = «{ $field }» es demasiado largo: puede tener como máximo { $max } caracteres.
error-too-long-bytes = «{ $field }» es demasiado largo: puede tener como máximo { $max } bytes.
error-custom-too-large = Los campos personalizados de la sesión son demasiado grandes en conjunto: como máximo { $max } bytes.
error-invalid-value = «{ $field }» tiene un valor no permitido.
error-unknown-rep = Este agente no existe.
error-rep-not-available = Este agente no está disponible en este momento. Vuelva a intentarlo más tarde.
error-unknown-issue = Este tema de asistencia no existe.
error-malformed-key = Una clave de sesión tiene 7 dígitos. Compruebe la clave y vuelva a intentarlo.
error-unknown-key = Esta clave de sesión no es válida. Compruébela con su agente.
error-expired-key = Esta clave de sesión ha caducado. Pida una nueva a su agente.
error-used-key = Esta clave de sesión ya se ha utilizado. Pida una nueva a su agente.
error-too-many-attempts = Se han probado demasiadas claves de sesión incorrectas. Espere { $minutes } minutos y vuelva a intentarlo.
error-too-many-starts = Se han iniciado demasiadas sesiones desde su red. Espere { $seconds } segundos y vuelva a intentarlo.
error-nobody-available = Ahora mismo no hay nadie disponible para atenderle. Vuelva a intentarlo más tarde.
error-session-not-found = Esta sesión de asistencia no existe o ya ha finalizado.
error-internal = Se ha producido un error por nuestra parte. Vuelva a intentarlo dentro de un momento.
error-go-back = Volver

## The download page of the full customer client

download-title = Descargar el programa de asistencia
download-intro = Para que un agente pueda ayudarle, ejecute el programa de asistencia en este ordenador.
download-no-client = El programa de asistencia para su sistema aún no está disponible en este sitio. En su lugar, puede chatear con un agente.
download-chat-instead = Chatear con un agente
download-button = Descargar el programa de asistencia
download-run-windows = Cuando haya terminado la descarga, abra el archivo para unirse a su sesión de asistencia. Si Windows le pregunta si desea ejecutarlo, elija «Ejecutar».
download-run-unix = Cuando haya terminado la descarga, abra un terminal e inicie el archivo con estas dos órdenes:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Este programa de asistencia no puede unirse a ninguna sesión: está dañado o se ha modificado. Descárguelo de nuevo.
client-ticket-other-site = Este programa de asistencia pertenece a otro sitio de asistencia. Descárguelo de nuevo desde el sitio que está utilizando.
client-ticket-expired = Esta descarga del programa de asistencia ha caducado. Descárguelo de nuevo para unirse a su sesión.
client-ticket-used = Esta descarga del programa de asistencia ya se ha utilizado para unirse a su sesión. Descárguelo de nuevo para volver a unirse.
client-session-ended = Esta sesión de asistencia ya ha finalizado. Inicie una nueva.
client-join-too-many = Han fallado demasiados intentos de unirse. Espere { $minutes } minutos y vuelva a intentarlo.

## The click-to-chat page

bg-chat-title = Chat de asistencia
bg-chat-connecting = Conectando…
bg-chat-waiting = Espere, por favor; un agente le atenderá enseguida.
bg-chat-queue-position = Es usted el número { $position } de la cola.
bg-chat-rep-joined = { $name } se ha unido al chat.
bg-chat-rep-left = { $name } ha salido del chat.
bg-chat-ended = La sesión de asistencia ha finalizado. ¡Gracias!
bg-chat-nobody-available = Ahora mismo no hay nadie disponible. Puede permanecer en la cola; un agente le responderá lo antes posible.
bg-chat-input-label = Su mensaje
bg-chat-send = Enviar
bg-chat-you = Usted
bg-chat-reconnecting = Se ha perdido la conexión. Reconectando…
bg-chat-greeting = ¡Hola! Gracias por ponerse en contacto con nosotros.
bg-chat-connected = Conexión establecida.
bg-chat-estimated-wait = Tiempo de espera estimado: unos { $minutes } minutos.
bg-chat-estimated-wait-short = Tiempo de espera estimado: menos de un minuto.
bg-chat-transferred = Su chat se está transfiriendo a otro agente. Espere, por favor.
bg-chat-rep-invited = Se ha invitado a { $name } al chat.
bg-chat-typing = { $name } está escribiendo…
bg-chat-pending = Enviando…
bg-chat-offline = Está sin conexión. Sus mensajes se enviarán cuando se restablezca la conexión.
bg-chat-log-label = Mensajes del chat
bg-chat-end = Finalizar chat
bg-chat-end-confirm = ¿Quiere finalizar este chat?
bg-chat-transcript = Descargar la transcripción:
bg-chat-transcript-text = texto sin formato
bg-chat-transcript-html = página web
bg-chat-leave-message = Dejar un mensaje
bg-chat-leave-message-intro = Déjenos su mensaje y nos pondremos en contacto con usted.
bg-chat-leave-message-name = Su nombre
bg-chat-leave-message-contact = Correo electrónico o teléfono
bg-chat-leave-message-text = Su mensaje
bg-chat-leave-message-send = Enviar mensaje
bg-chat-leave-message-sent = Gracias. Su mensaje se ha enviado a nuestro equipo.
bg-chat-rate-limited = Está enviando mensajes demasiado deprisa. Espere un momento.
bg-chat-too-long = Su mensaje es demasiado largo: puede tener como máximo { $max } caracteres.
bg-chat-elevation-request = { $name } solicita iniciar una sesión de asistencia remota para poder ayudarle mejor.
bg-chat-elevation-accept = Aceptar
bg-chat-elevation-decline = Rechazar
bg-chat-elevation-declined = Ha rechazado la solicitud de asistencia remota.
bg-transcript-title = Transcripción del chat
bg-transcript-customer = Cliente
bg-transcript-system = Sistema

## The start_session.js dialog on the customer's website

bg-dialog-title = Iniciando su sesión de asistencia
bg-dialog-close = Cerrar
bg-dialog-starting = Preparando su sesión…
bg-dialog-downloading = La descarga empezará en un momento.
bg-dialog-instructions = Cuando haya terminado la descarga, abra el archivo para unirse a su sesión de asistencia.
bg-dialog-manual = Si la descarga no ha empezado, haga clic aquí para descargar el programa de asistencia.
bg-dialog-failed = No se ha podido iniciar su sesión de asistencia.
bg-popup-blocked = Su navegador ha bloqueado la ventana del chat.
bg-popup-open-link = Abrir el chat en una pestaña nueva
bg-mobile-title = Continúe en la aplicación de asistencia
bg-mobile-opening = Abriendo la aplicación de asistencia…
bg-mobile-install = Instalar la aplicación de asistencia
bg-mobile-start = Ya he instalado la aplicación: iniciar mi sesión

## The public portal (/)

portal-title = Obtener asistencia
portal-key-heading = ¿Tiene una clave de sesión?
portal-key-label = Clave de sesión
portal-key-hint = Introduzca la clave de 7 dígitos que le ha dado su agente.
portal-key-submit = Iniciar
portal-issue-heading = O díganos con qué necesita ayuda
portal-issue-label = ¿Con qué necesita ayuda?
portal-name-label = Su nombre
portal-company-label = Empresa
portal-details-label = Describa el problema
portal-issue-submit = Solicitar ayuda
portal-language-label = Idioma
