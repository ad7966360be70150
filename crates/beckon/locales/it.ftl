# Beckon's customer-facing strings (Italian), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Impossibile avviare la sessione di assistenza
error-multiple-selectors = Scelga un solo modo per iniziare: una chiave di sessione, un operatore o un tipo di richiesta.
error-both-issue-identifiers = Un tipo di richiesta si sceglie tramite il suo numero o il suo nome in codice, non con entrambi.
error-missing-issue-identifier = Scelga un tipo di richiesta.
error-rep-needs-id-and-name = Per scegliere un operatore servono sia il suo numero sia il suo nome.
error-not-an-integer = Il valore di «{ $field }» deve essere un numero intero.
error-duplicate-parameter = «{ $field }» è stato indicato più di una volta.
error-too-long-chars = «{ $field }» è troppo lungo: può contenere al massimo { $max } caratteri.
error-too-long-bytes = «{ $field }» è troppo lungo: può occupare al massimo { $max } byte.
error-custom-too-large = I campi personalizzati della sessione sono troppo grandi nel complesso: al massimo { $max } byte.
error-invalid-value = «{ $field }» ha un valore non consentito.
error-unknown-rep = Questo operatore non esiste.
error-rep-not-available = Questo operatore al momento non è disponibile. La preghiamo di riprovare più tardi.
error-unknown-issue = Questo tipo di richiesta non esiste.
error-malformed-key = Una chiave di sessione è composta da 7 cifre. Controlli la chiave e riprovi.
error-unknown-key = Questa chiave di sessione non è valida. La verifichi con il suo operatore.
error-expired-key = Questa chiave di sessione è scaduta. Ne chieda una nuova al suo operatore.
error-used-key = Questa chiave di sessione è già stata utilizzata. Ne chieda una nuova al suo operatore.
error-too-many-attempts = Sono state provate troppe chiavi di sessione errate. Attenda { $minutes } minuti e riprovi.
error-too-many-starts = Sono state avviate troppe sessioni dalla tua rete. Attendi { $seconds } secondi e riprova.
error-nobody-available = Al momento non c’è nessuno disponibile per aiutarla. La preghiamo di riprovare più tardi.
error-session-not-found = Questa sessione di assistenza non esiste o è già terminata.
error-internal = Si è verificato un problema da parte nostra. La preghiamo di riprovare tra qualche istante.
error-go-back = Torna indietro

## The download page of the full customer client

download-title = Download del programma di assistenza
download-intro = Per consentire a un operatore di assisterla, avvii il programma di assistenza su questo computer.
download-no-client = Il programma di assistenza per il suo sistema non è ancora disponibile su questo sito. In alternativa, può chattare con un operatore.
download-chat-instead = Chatta con un operatore
download-button = Scarica il programma di assistenza
download-run-windows = Al termine del download, apra il file per partecipare alla sessione di assistenza. Se Windows chiede se eseguirlo, scelga «Esegui».
download-run-unix = Al termine del download, apra un terminale e avvii il file con questi due comandi:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Questo programma di assistenza non può partecipare a una sessione: è danneggiato o è stato modificato. Lo scarichi di nuovo.
client-ticket-other-site = Questo programma di assistenza appartiene a un altro sito di assistenza. Lo scarichi di nuovo dal sito che sta utilizzando.
client-ticket-expired = Questo download del programma di assistenza è scaduto. Lo scarichi di nuovo per partecipare alla sessione.
client-ticket-used = Questo download del programma di assistenza è già stato usato per partecipare alla sessione. Lo scarichi di nuovo per partecipare ancora.
client-session-ended = Questa sessione di assistenza è già terminata. Ne avvii una nuova.
client-join-too-many = Troppi tentativi di partecipazione non sono riusciti. Attenda { $minutes } minuti e riprovi.

## The click-to-chat page

bg-chat-title = Chat di assistenza
bg-chat-connecting = Connessione in corso…
bg-chat-waiting = Attenda, un operatore sarà da lei a breve.
bg-chat-queue-position = La sua posizione in coda è { $position }.
bg-chat-rep-joined = { $name } ora partecipa alla chat.
bg-chat-rep-left = { $name } ha lasciato la chat.
bg-chat-ended = La sessione di assistenza è terminata. Grazie!
bg-chat-nobody-available = Al momento non c’è nessuno disponibile. Può restare in coda; un operatore le risponderà il prima possibile.
bg-chat-input-label = Il suo messaggio
bg-chat-send = Invia
bg-chat-you = Lei
bg-chat-reconnecting = Connessione persa. Riconnessione in corso…
bg-chat-greeting = Salve! Grazie per averci contattato.
bg-chat-connected = Connessione stabilita.
bg-chat-estimated-wait = Attesa stimata: circa { $minutes } minuti.
bg-chat-estimated-wait-short = Attesa stimata: meno di un minuto.
bg-chat-transferred = La sua chat viene trasferita a un altro operatore. Attenda.
bg-chat-rep-invited = { $name } ha ricevuto un invito alla chat.
bg-chat-typing = { $name } sta scrivendo…
bg-chat-pending = Invio in corso…
bg-chat-offline = Al momento è offline. I suoi messaggi verranno inviati quando la connessione sarà ripristinata.
bg-chat-log-label = Messaggi della chat
bg-chat-end = Termina chat
bg-chat-end-confirm = Vuole terminare questa chat?
bg-chat-transcript = Scarica la trascrizione:
bg-chat-transcript-text = testo semplice
bg-chat-transcript-html = pagina web
bg-chat-leave-message = Lascia un messaggio
bg-chat-leave-message-intro = Ci lasci un messaggio e la ricontatteremo.
bg-chat-leave-message-name = Il suo nome
bg-chat-leave-message-contact = E-mail o telefono
bg-chat-leave-message-text = Il suo messaggio
bg-chat-leave-message-send = Invia messaggio
bg-chat-leave-message-sent = Grazie. Il suo messaggio è stato inviato al nostro team.
bg-chat-rate-limited = Sta inviando messaggi troppo velocemente. Attenda un momento.
bg-chat-too-long = Il suo messaggio è troppo lungo: può contenere al massimo { $max } caratteri.
bg-chat-elevation-request = { $name } chiede di avviare una sessione di assistenza remota per aiutarla meglio.
bg-chat-elevation-accept = Accetta
bg-chat-elevation-decline = Rifiuta
bg-chat-elevation-declined = Ha rifiutato la richiesta di assistenza remota.
bg-transcript-title = Trascrizione della chat
bg-transcript-customer = Cliente
bg-transcript-system = Sistema

## The start_session.js dialog on the customer's website

bg-dialog-title = Avvio della sessione di assistenza
bg-dialog-close = Chiudi
bg-dialog-starting = Preparazione della sessione…
bg-dialog-downloading = Il download dovrebbe iniziare tra un momento.
bg-dialog-instructions = Al termine del download, apra il file per partecipare alla sessione di assistenza.
bg-dialog-manual = Se il download non è iniziato, faccia clic qui per scaricare il programma di assistenza.
bg-dialog-failed = Impossibile avviare la sessione di assistenza.
bg-popup-blocked = Il browser ha bloccato la finestra della chat.
bg-popup-open-link = Apri la chat in una nuova scheda
bg-mobile-title = Prosegua nell’app di assistenza
bg-mobile-opening = Apertura dell’app di assistenza…
bg-mobile-install = Installa l’app di assistenza
bg-mobile-start = Ho installato l’app: avvia la mia sessione

## The public portal (/)

portal-title = Ottieni assistenza
portal-key-heading = Ha una chiave di sessione?
portal-key-label = Chiave di sessione
portal-key-hint = Inserisca la chiave di 7 cifre che le ha fornito il suo operatore.
portal-key-submit = Avvia
portal-issue-heading = Oppure ci dica di cosa ha bisogno
portal-issue-label = In cosa possiamo aiutarla?
portal-name-label = Il suo nome
portal-company-label = Azienda
portal-details-label = Descriva il problema
portal-issue-submit = Richiedi aiuto
portal-language-label = Lingua
