# Beckon's customer-facing strings (Latin American Spanish), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = No se pudo iniciar su sesión de soporte
error-multiple-selectors = Elija solo una forma de iniciar: una clave de sesión, un representante o un tema de soporte.
error-both-issue-identifiers = Un tema de soporte se elige por su número o por su nombre de código, no por ambos.
error-missing-issue-identifier = Elija un tema de soporte.
error-rep-needs-id-and-name = Para elegir a un representante se necesitan tanto su número como su nombre.
error-not-an-integer = El valor de “{ $field }” debe ser un número entero.
error-duplicate-parameter = “{ $field }” se indicó más de una vez.
error-too-long-chars = “{ $field }” es demasiado largo: puede tener como máximo { $max } caracteres.
error-too-long-bytes = “{ $field }” es demasiado largo: puede tener como máximo { $max } bytes.
error-custom-too-large = Los campos personalizados de la sesión son demasiado grandes en conjunto: como máximo { $max } bytes.
error-invalid-value = “{ $field }” tiene un valor no permitido.
error-unknown-rep = Este representante no existe.
error-rep-not-available = Este representante no está disponible en este momento. Por favor, inténtelo de nuevo más tarde.
error-unknown-issue = Este tema de soporte no existe.
error-malformed-key = Una clave de sesión tiene 7 dígitos. Por favor, verifique la clave e inténtelo de nuevo.
error-unknown-key = Esta clave de sesión no es válida. Por favor, verifíquela con su representante.
error-expired-key = Esta clave de sesión expiró. Por favor, pida una nueva a su representante.
error-used-key = Esta clave de sesión ya se utilizó. Por favor, pida una nueva a su representante.
error-too-many-attempts = Se intentaron demasiadas claves de sesión incorrectas. Por favor, espere { $minutes } minutos e inténtelo de nuevo.
error-too-many-starts = Se iniciaron demasiadas sesiones desde su red. Espere { $seconds } segundos e inténtelo de nuevo.
error-nobody-available = En este momento no hay nadie disponible para ayudarle. Por favor, inténtelo de nuevo más tarde.
error-session-not-found = Esta sesión de soporte no existe o ya finalizó.
error-internal = Algo salió mal de nuestro lado. Por favor, inténtelo de nuevo en un momento.
error-go-back = Volver

## The download page of the full customer client

download-title = Descargar el programa de soporte
download-intro = Para que un representante pueda ayudarle, ejecute el programa de soporte en esta computadora.
download-no-client = El programa de soporte para su sistema todavía no está disponible en este sitio. En su lugar, puede chatear con un representante.
download-chat-instead = Chatear con un representante
download-button = Descargar el programa de soporte
download-run-windows = Cuando termine la descarga, abra el archivo para unirse a su sesión de soporte. Si Windows pregunta si desea ejecutarlo, elija “Ejecutar”.
download-run-unix = Cuando termine la descarga, abra una terminal e inicie el archivo con estos dos comandos:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Este programa de soporte no puede unirse a una sesión: está dañado o fue modificado. Por favor, descárguelo de nuevo.
client-ticket-other-site = Este programa de soporte pertenece a otro sitio de soporte. Por favor, descárguelo de nuevo desde el sitio que está usando.
client-ticket-expired = Esta descarga del programa de soporte caducó. Por favor, descárguelo de nuevo para unirse a su sesión.
client-ticket-used = Esta descarga del programa de soporte ya se usó para unirse a su sesión. Por favor, descárguelo de nuevo para unirse otra vez.
client-session-ended = Esta sesión de soporte ya finalizó. Por favor, inicie una nueva.
client-join-too-many = Fallaron demasiados intentos de unirse. Por favor, espere { $minutes } minutos e inténtelo de nuevo.

## The click-to-chat page

bg-chat-title = Chat de soporte
bg-chat-connecting = Conectando…
bg-chat-waiting = Por favor, espere; un representante le atenderá en breve.
bg-chat-queue-position = Usted es el número { $position } en la fila.
bg-chat-rep-joined = { $name } se unió al chat.
bg-chat-rep-left = { $name } salió del chat.
bg-chat-ended = La sesión de soporte finalizó. ¡Gracias!
bg-chat-nobody-available = No hay nadie disponible en este momento. Puede permanecer en la fila; un representante le responderá lo antes posible.
bg-chat-input-label = Su mensaje
bg-chat-send = Enviar
bg-chat-you = Usted
bg-chat-reconnecting = Se perdió la conexión. Reconectando…
bg-chat-greeting = ¡Hola! Gracias por comunicarse con nosotros.
bg-chat-connected = Conexión establecida.
bg-chat-estimated-wait = Tiempo de espera estimado: unos { $minutes } minutos.
bg-chat-estimated-wait-short = Tiempo de espera estimado: menos de un minuto.
bg-chat-transferred = Su chat se está transfiriendo a otro representante. Por favor, espere.
bg-chat-rep-invited = Se invitó a { $name } al chat.
bg-chat-typing = { $name } está escribiendo…
bg-chat-pending = Enviando…
bg-chat-offline = No tiene conexión. Sus mensajes se enviarán cuando se restablezca la conexión.
bg-chat-log-label = Mensajes del chat
bg-chat-end = Finalizar chat
bg-chat-end-confirm = ¿Desea finalizar este chat?
bg-chat-transcript = Descargar la transcripción:
bg-chat-transcript-text = texto sin formato
bg-chat-transcript-html = página web
bg-chat-leave-message = Dejar un mensaje
bg-chat-leave-message-intro = Déjenos su mensaje y nos pondremos en contacto con usted.
bg-chat-leave-message-name = Su nombre
bg-chat-leave-message-contact = Correo electrónico o teléfono
bg-chat-leave-message-text = Su mensaje
bg-chat-leave-message-send = Enviar mensaje
bg-chat-leave-message-sent = Gracias. Su mensaje se envió a nuestro equipo.
bg-chat-rate-limited = Está enviando mensajes demasiado rápido. Por favor, espere un momento.
bg-chat-too-long = Su mensaje es demasiado largo: puede tener como máximo { $max } caracteres.
bg-chat-elevation-request = { $name } solicita iniciar una sesión de soporte remoto para ayudarle mejor.
bg-chat-elevation-accept = Aceptar
bg-chat-elevation-decline = Rechazar
bg-chat-elevation-declined = Rechazó la solicitud de soporte remoto.
bg-transcript-title = Transcripción del chat
bg-transcript-customer = Cliente
bg-transcript-system = Sistema

## The start_session.js dialog on the customer's website

bg-dialog-title = Iniciando su sesión de soporte
bg-dialog-close = Cerrar
bg-dialog-starting = Preparando su sesión…
bg-dialog-downloading = La descarga comenzará en un momento.
bg-dialog-instructions = Cuando termine la descarga, abra el archivo para unirse a su sesión de soporte.
bg-dialog-manual = Si la descarga no comenzó, haga clic aquí para descargar el programa de soporte.
bg-dialog-failed = No se pudo iniciar su sesión de soporte.
bg-popup-blocked = Su navegador bloqueó la ventana del chat.
bg-popup-open-link = Abrir el chat en una pestaña nueva
bg-mobile-title = Continúe en la aplicación de soporte
bg-mobile-opening = Abriendo la aplicación de soporte…
bg-mobile-install = Instalar la aplicación de soporte
bg-mobile-start = Ya instalé la aplicación: iniciar mi sesión

## The public portal (/)

portal-title = Obtener soporte
portal-key-heading = ¿Tiene una clave de sesión?
portal-key-label = Clave de sesión
portal-key-hint = Ingrese la clave de 7 dígitos que le dio su representante.
portal-key-submit = Iniciar
portal-issue-heading = O díganos con qué necesita ayuda
portal-issue-label = ¿Con qué necesita ayuda?
portal-name-label = Su nombre
portal-company-label = Empresa
portal-details-label = Describa el problema
portal-issue-submit = Solicitar ayuda
portal-language-label = Idioma
