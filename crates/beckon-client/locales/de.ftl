# Beckon-Client: die Kundenseite einer Support-Sitzung (Deutsch).

error-no-ticket = Es wurde kein Support-Ticket gefunden. Bitte laden Sie das Support-Programm erneut von der Support-Seite herunter.
error-ticket-malformed = Dieses Support-Ticket ist beschädigt oder unvollständig. Bitte laden Sie das Support-Programm erneut herunter.
error-ticket-expired = Dieser Download ist abgelaufen. Bitte starten Sie auf der Support-Seite eine neue Support-Sitzung.
error-ticket-other-site = Dieser Download gehört zu einer anderen Website ({ $ticket_site }), nicht zu { $site }.
error-unreachable = Die Support-Website { $site } ist nicht erreichbar: { $detail }
error-bad-answer = Die Support-Website { $site } hat eine Antwort gegeben, die dieses Programm nicht versteht.
error-session-gone = Diese Support-Sitzung ist nicht mehr verfügbar.
error-internal = Im Support-Programm ist ein Fehler aufgetreten: { $detail }
notice-no-display = Es wurde keine grafische Anzeige gefunden; das Support-Programm läuft in diesem Terminal.
notice-gui-failed = Das Fenster konnte nicht geöffnet werden ({ $detail }); das Support-Programm läuft in diesem Terminal.
notice-missing-font = Einige Zeichen dieses Gesprächs können nicht angezeigt werden: Auf diesem Computer fehlt eine passende Schriftart.

status-connecting = Verbindung wird hergestellt…
status-connected = verbunden mit { $site } ({ $name })
status-nobody-available = Derzeit ist niemand verfügbar. Sie können in der Warteschlange bleiben; ein Mitarbeiter antwortet so bald wie möglich.
status-reconnecting = Verbindung unterbrochen, neuer Versuch in { $seconds } s
status-offline = Verbindung unterbrochen. Verbindung wird wiederhergestellt…
status-waiting = Warten auf einen Mitarbeiter
status-queue = Position in der Warteschlange: { $position }
status-wait = geschätzte Wartezeit etwa { $minutes } Min.
status-wait-short = geschätzte Wartezeit unter einer Minute
status-typing = { $name } schreibt…
status-refused = Die Nachricht wurde abgelehnt: { $message }
status-invalid-message = Eine Nachricht muss zwischen 1 und 4000 Zeichen lang sein.

event-rep-joined = Mitarbeiter { $name } ist beigetreten
event-rep-left = Mitarbeiter { $name } hat die Sitzung verlassen
event-rep-invited = Mitarbeiter { $name } wurde eingeladen
event-transferred = Sie werden an { $to } weitergeleitet, bitte warten Sie
event-queued = Warten auf einen Mitarbeiter
event-ended = Sitzung beendet
event-info-requested = { $name } möchte die Systeminformationen dieses Computers sehen
event-info-allowed = Sie haben die Weitergabe der Systeminformationen erlaubt
event-info-denied = Sie haben die Weitergabe der Systeminformationen abgelehnt
event-info-revoked = Sie haben die Weitergabe der Systeminformationen beendet
event-info-shared = Systeminformationen gesendet
you = Sie

consent-question-title = { $name } möchte die Systeminformationen dieses Computers sehen. Genau dies würde weitergegeben:
consent-question = erlauben? [y/n]
consent-exact-data = Die genauen Daten, die gesendet würden
info-os = Betriebssystem
info-kernel = Kernel
info-hostname = Computername
info-cpu = Prozessor
info-cores = { $count } Kerne
info-memory = Arbeitsspeicher
info-memory-value = { $used } belegt von { $total }
info-disk = Laufwerk
info-disk-value = { $available } frei von { $total }
info-network = Netzwerk
info-uptime = Laufzeit seit dem Start

transcript-title = Protokoll der Support-Sitzung
transcript-saved = Protokoll gespeichert unter { $path }
transcript-failed = Das Protokoll konnte nicht gespeichert werden: { $detail }

tui-help = Geben Sie eine Nachricht ein und drücken Sie die Eingabetaste. Befehle: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <Datei>, /help
tui-nothing-to-answer = Es gibt keine Anfrage zu beantworten.
tui-unknown-command = Unbekannter Befehl. Geben Sie /help für die Liste ein.

window-title = Support-Sitzung
label-site = Website: { $name } ({ $site })
label-rep = Mitarbeiter: { $name }
label-message = Ihre Nachricht
label-sending = wird gesendet…
label-sharing = Sie geben die Systeminformationen dieses Computers weiter.
button-send = Senden
button-end = Sitzung beenden
button-save = Protokoll speichern
button-allow = Erlauben
button-deny = Ablehnen
button-revoke = Weitergabe beenden
confirm-end = Möchten Sie die Support-Sitzung beenden?
button-end-confirm = Ja, beenden
button-cancel = Abbrechen

## Command shell

event-shell-requested = { $name } hat eine Befehlszeile auf diesem Computer angefordert
event-shell-allowed = Sie haben die Befehlszeile erlaubt
event-shell-denied = Sie haben die Befehlszeile abgelehnt
event-shell-revoked = Sie haben die Befehlszeile beendet
event-shell-started = Befehlszeile läuft mit Ihrem Konto (Prozess { $pid })
event-shell-ended = die Befehlszeile wurde beendet
error-shell-failed = Die Befehlszeile konnte nicht gestartet werden: { $detail }
consent-shell-title = { $name } möchte eine Befehlszeile auf diesem Computer öffnen.
consent-shell-detail = Damit könnte jeder Befehl ausgeführt werden, den Sie ausführen können, mit Ihrem Konto, und die Ausgabe gesehen werden, bis Sie die Befehlszeile beenden. Alles Eingegebene und Angezeigte wird im Protokoll der Sitzung aufgezeichnet.
label-shell = Für den Mitarbeiter ist eine Befehlszeile geöffnet (Prozess { $pid }).
button-stop-shell = Befehlszeile beenden

event-screen-requested = { $name } möchte Ihren Bildschirm sehen
event-screen-allowed = Sie haben die Bildschirmfreigabe erlaubt
event-screen-denied = Sie haben die Bildschirmfreigabe abgelehnt
event-screen-revoked = Sie haben die Bildschirmfreigabe beendet
event-screen-started = Ihr Bildschirm wird mit { $name } geteilt
event-screen-stopped = Die Bildschirmfreigabe wurde beendet
error-screen-failed = Ihr Bildschirm konnte nicht geteilt werden: { $detail }
consent-screen-title = { $name } möchte Ihren Bildschirm sehen.
consent-screen-detail = Die Person sieht live alles, was auf Ihrem Bildschirm angezeigt wird, bis Sie die Freigabe beenden. Der Bildschirm selbst wird nicht aufgezeichnet; das Protokoll der Sitzung hält Beginn und Ende der Freigabe fest.
label-screen = Ihr Bildschirm wird mit { $name } geteilt.
button-stop-screen = Freigabe beenden

## File transfer

consent-files-title = { $name } möchte Dateien mit Ihnen austauschen.
consent-files-detail = Sie wählen jede Datei, die Sie senden, selbst aus, und jede angebotene Datei wartet auf Ihre Antwort. Jede Übertragung wird mit ihrer Prüfsumme im Sitzungsprotokoll festgehalten.
event-files-requested = { $name } hat um Dateiaustausch gebeten
event-files-allowed = Sie haben die Dateiübertragung erlaubt
event-files-denied = Sie haben die Dateiübertragung abgelehnt
event-files-revoked = Sie haben die Dateiübertragung beendet
file-offered = { $name } bietet die Datei { $file } an ({ $size })
file-requested = { $name } bittet Sie, eine Datei zu senden
file-progress-sent = { $file } wird gesendet: { $percent } %
file-progress-received = { $file } wird empfangen: { $percent } %
file-sent = { $file } wurde gesendet, die Prüfsumme stimmt
file-received = { $file } wurde empfangen und geprüft: { $path }
file-failed = die Übertragung von { $file } wurde abgebrochen: { $reason }
tui-help-files = Dateien: /send <Pfad> sendet eine Datei, /accept oder /decline beantwortet ein Dateiangebot, /revoke file_transfer beendet die Dateiübertragung.
tui-no-file-offer = Es gibt kein Dateiangebot zu beantworten.
label-files = Dateiübertragung ist erlaubt.
button-stop-files = Dateiübertragung beenden
button-send-file = Datei senden
hint-file-path = Pfad der zu sendenden Datei
button-accept-file = Speichern
button-decline-file = Ablehnen
