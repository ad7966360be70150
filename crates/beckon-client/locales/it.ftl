# Client Beckon: il lato cliente di una sessione di assistenza (italiano).

error-no-ticket = Non è stato trovato alcun ticket di assistenza. Scarichi di nuovo il programma di assistenza dalla pagina di assistenza.
error-ticket-malformed = Questo ticket di assistenza è danneggiato o incompleto. Scarichi di nuovo il programma di assistenza.
error-ticket-expired = Questo download è scaduto. Avvii una nuova sessione di assistenza dalla pagina di assistenza.
error-ticket-other-site = Questo download è per un altro sito ({ $ticket_site }), non per { $site }.
error-unreachable = Il sito di assistenza { $site } non è raggiungibile: { $detail }
error-bad-answer = Il sito di assistenza { $site } ha dato una risposta che questo programma non comprende.
error-session-gone = Questa sessione di assistenza non è più disponibile.
error-internal = Si è verificato un errore nel programma di assistenza: { $detail }
notice-no-display = Nessuno schermo grafico trovato; il programma di assistenza funziona in questo terminale.
notice-gui-failed = Impossibile aprire la finestra ({ $detail }); il programma di assistenza funziona in questo terminale.
notice-missing-font = Alcuni caratteri di questa conversazione non possono essere visualizzati: questo computer non ha un font adatto.

status-connecting = Connessione in corso…
status-connected = connesso a { $site } ({ $name })
status-nobody-available = Al momento non c'è nessuno disponibile. Può restare in coda; un tecnico risponderà il prima possibile.
status-reconnecting = connessione persa, nuovo tentativo tra { $seconds } s
status-offline = Connessione persa. Riconnessione in corso…
status-waiting = In attesa di un tecnico
status-queue = posizione in coda: { $position }
status-wait = attesa stimata di circa { $minutes } min
status-wait-short = attesa stimata inferiore a un minuto
status-typing = { $name } sta scrivendo…
status-refused = Il messaggio è stato rifiutato: { $message }
status-invalid-message = Un messaggio deve contenere da 1 a 4000 caratteri.

event-rep-joined = il tecnico { $name } si è unito
event-rep-left = il tecnico { $name } è uscito
event-rep-invited = il tecnico { $name } è stato invitato
event-transferred = è in corso il trasferimento a { $to }, attenda
event-queued = in attesa di un tecnico
event-ended = sessione terminata
event-info-requested = { $name } ha chiesto di vedere le informazioni di sistema di questo computer
event-info-allowed = ha consentito la condivisione delle informazioni di sistema
event-info-denied = ha rifiutato la condivisione delle informazioni di sistema
event-info-revoked = ha interrotto la condivisione delle informazioni di sistema
event-info-shared = informazioni di sistema inviate
you = Lei

consent-question-title = { $name } chiede di vedere le informazioni di sistema di questo computer. Verrebbe condiviso esattamente questo:
consent-question = consentire? [y/n]
consent-exact-data = I dati esatti che verrebbero inviati
info-os = Sistema operativo
info-kernel = Kernel
info-hostname = Nome del computer
info-cpu = Processore
info-cores = { $count } core
info-memory = Memoria
info-memory-value = { $used } in uso su { $total }
info-disk = Disco
info-disk-value = { $available } liberi su { $total }
info-network = Rete
info-uptime = In funzione dall'avvio

transcript-title = Trascrizione della sessione di assistenza
transcript-saved = trascrizione salvata in { $path }
transcript-failed = Impossibile salvare la trascrizione: { $detail }

tui-help = Scriva un messaggio e prema Invio per inviarlo. Comandi: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <file>, /help
tui-nothing-to-answer = Non c'è nessuna richiesta a cui rispondere.
tui-unknown-command = Comando sconosciuto. Scriva /help per l'elenco.

window-title = Sessione di assistenza
label-site = Sito: { $name } ({ $site })
label-rep = Tecnico: { $name }
label-message = Il suo messaggio
label-sending = invio in corso…
label-sharing = Sta condividendo le informazioni di sistema di questo computer.
button-send = Invia
button-end = Termina sessione
button-save = Salva trascrizione
button-allow = Consenti
button-deny = Rifiuta
button-revoke = Interrompi condivisione
confirm-end = Vuole terminare la sessione di assistenza?
button-end-confirm = Sì, termina
button-cancel = Annulla

## Command shell

event-shell-requested = { $name } ha chiesto una riga di comando su questo computer
event-shell-allowed = ha consentito la riga di comando
event-shell-denied = ha rifiutato la riga di comando
event-shell-revoked = ha fermato la riga di comando
event-shell-started = riga di comando in esecuzione con il suo utente (processo { $pid })
event-shell-ended = la riga di comando è terminata
error-shell-failed = Non è stato possibile avviare la riga di comando: { $detail }
consent-shell-title = { $name } chiede di aprire una riga di comando su questo computer.
consent-shell-detail = Potrebbe eseguire qualsiasi comando che lei può eseguire, con il suo utente, e vederne il risultato finché lei non la ferma. Tutto ciò che viene digitato e mostrato è registrato nel registro della sessione.
label-shell = È aperta una riga di comando per l’operatore (processo { $pid }).
button-stop-shell = Ferma la riga di comando

event-screen-requested = { $name } ha chiesto di vedere il suo schermo
event-screen-allowed = ha consentito la condivisione dello schermo
event-screen-denied = ha rifiutato la condivisione dello schermo
event-screen-revoked = ha interrotto la condivisione dello schermo
event-screen-started = il suo schermo è condiviso con { $name }
event-screen-stopped = la condivisione dello schermo è terminata
error-screen-failed = Non è stato possibile condividere lo schermo: { $detail }
consent-screen-title = { $name } chiede di vedere il suo schermo.
consent-screen-detail = Vedrebbe in diretta tutto ciò che appare sul suo schermo finché non interrompe la condivisione. Lo schermo non viene registrato; il registro della sessione conserva solo inizio e fine.
label-screen = Il suo schermo è condiviso con { $name }.
button-stop-screen = Interrompi la condivisione

## File transfer

consent-files-title = { $name } chiede di scambiare file con te.
consent-files-detail = Scegli tu ogni file che invii, e ogni file che ti viene offerto attende la tua risposta. Ogni trasferimento è registrato nel registro della sessione, con il suo checksum.
event-files-requested = { $name } ha chiesto di scambiare file
event-files-allowed = hai consentito il trasferimento di file
event-files-denied = hai rifiutato il trasferimento di file
event-files-revoked = hai interrotto il trasferimento di file
file-offered = { $name } offre il file { $file } ({ $size })
file-requested = { $name } ti chiede di inviare un file
file-progress-sent = invio di { $file }: { $percent }%
file-progress-received = ricezione di { $file }: { $percent }%
file-sent = { $file } è stato inviato e il checksum corrisponde
file-received = { $file } è stato ricevuto e verificato: { $path }
file-failed = il trasferimento di { $file } si è interrotto: { $reason }
tui-help-files = File: /send <percorso> invia un file, /accept o /decline risponde a un file offerto, /revoke file_transfer interrompe il trasferimento di file.
tui-no-file-offer = Non c'è nessun file offerto a cui rispondere.
label-files = Il trasferimento di file è consentito.
button-stop-files = Interrompi il trasferimento di file
button-send-file = Invia file
hint-file-path = Percorso del file da inviare
button-accept-file = Salva
button-decline-file = Rifiuta
