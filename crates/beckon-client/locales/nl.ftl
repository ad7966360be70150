# Beckon-client: de klantkant van een supportsessie (Nederlands).

error-no-ticket = Er is geen supportticket gevonden. Download het supportprogramma opnieuw via de supportpagina.
error-ticket-malformed = Dit supportticket is beschadigd of onvolledig. Download het supportprogramma opnieuw.
error-ticket-expired = Deze download is verlopen. Start een nieuwe supportsessie via de supportpagina.
error-ticket-other-site = Deze download is voor een andere site ({ $ticket_site }), niet voor { $site }.
error-unreachable = De supportsite { $site } is niet bereikbaar: { $detail }
error-bad-answer = De supportsite { $site } gaf een antwoord dat dit programma niet begrijpt.
error-session-gone = Deze supportsessie is niet meer beschikbaar.
error-internal = Er is iets misgegaan in het supportprogramma: { $detail }
notice-no-display = Er is geen grafisch scherm gevonden; het supportprogramma draait in deze terminal.
notice-gui-failed = Het venster kon niet worden geopend ({ $detail }); het supportprogramma draait in deze terminal.
notice-missing-font = Sommige tekens van dit gesprek kunnen niet worden weergegeven: deze computer heeft er geen lettertype voor.

status-connecting = Verbinden…
status-connected = verbonden met { $site } ({ $name })
status-nobody-available = Er is op dit moment niemand beschikbaar. U kunt in de wachtrij blijven; een medewerker antwoordt zo snel mogelijk.
status-reconnecting = verbinding verbroken, nieuwe poging over { $seconds } s
status-offline = Verbinding verbroken. Opnieuw verbinden…
status-waiting = Wachten op een medewerker
status-queue = plaats in de wachtrij: { $position }
status-wait = geschatte wachttijd ongeveer { $minutes } min
status-wait-short = geschatte wachttijd minder dan een minuut
status-typing = { $name } is aan het typen…
status-refused = Het bericht is geweigerd: { $message }
status-invalid-message = Een bericht moet tussen 1 en 4000 tekens lang zijn.

event-rep-joined = medewerker { $name } is erbij gekomen
event-rep-left = medewerker { $name } is vertrokken
event-rep-invited = medewerker { $name } is uitgenodigd
event-transferred = u wordt doorverbonden met { $to }, even geduld
event-queued = wachten op een medewerker
event-ended = sessie beëindigd
event-info-requested = { $name } heeft gevraagd de systeeminformatie van deze computer te zien
event-info-allowed = u hebt het delen van de systeeminformatie toegestaan
event-info-denied = u hebt het delen van de systeeminformatie geweigerd
event-info-revoked = u bent gestopt met het delen van de systeeminformatie
event-info-shared = systeeminformatie verzonden
you = U

consent-question-title = { $name } vraagt de systeeminformatie van deze computer te zien. Precies dit zou worden gedeeld:
consent-question = toestaan? [y/n]
consent-exact-data = De exacte gegevens die zouden worden verzonden
info-os = Besturingssysteem
info-kernel = Kernel
info-hostname = Computernaam
info-cpu = Processor
info-cores = { $count } kernen
info-memory = Geheugen
info-memory-value = { $used } in gebruik van { $total }
info-disk = Schijf
info-disk-value = { $available } vrij van { $total }
info-network = Netwerk
info-uptime = Actief sinds de start

transcript-title = Verslag van de supportsessie
transcript-saved = verslag opgeslagen in { $path }
transcript-failed = Het verslag kon niet worden opgeslagen: { $detail }

tui-help = Typ een bericht en druk op Enter om het te verzenden. Opdrachten: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <bestand>, /help
tui-nothing-to-answer = Er is geen verzoek om te beantwoorden.
tui-unknown-command = Onbekende opdracht. Typ /help voor de lijst.

window-title = Supportsessie
label-site = Site: { $name } ({ $site })
label-rep = Medewerker: { $name }
label-message = Uw bericht
label-sending = wordt verzonden…
label-sharing = U deelt de systeeminformatie van deze computer.
button-send = Verzenden
button-end = Sessie beëindigen
button-save = Verslag opslaan
button-allow = Toestaan
button-deny = Weigeren
button-revoke = Stoppen met delen
confirm-end = Wilt u de supportsessie beëindigen?
button-end-confirm = Ja, beëindigen
button-cancel = Annuleren

## Command shell

event-shell-requested = { $name } heeft een opdrachtregel op deze computer gevraagd
event-shell-allowed = u hebt de opdrachtregel toegestaan
event-shell-denied = u hebt de opdrachtregel geweigerd
event-shell-revoked = u hebt de opdrachtregel gestopt
event-shell-started = opdrachtregel actief onder uw account (proces { $pid })
event-shell-ended = de opdrachtregel is beëindigd
error-shell-failed = De opdrachtregel kon niet worden gestart: { $detail }
consent-shell-title = { $name } vraagt een opdrachtregel op deze computer te openen.
consent-shell-detail = Daarmee kan elke opdracht worden uitgevoerd die u kunt uitvoeren, onder uw account, en de uitvoer worden gezien tot u de opdrachtregel stopt. Alles wat getypt en getoond wordt, wordt vastgelegd in het logboek van de sessie.
label-shell = Er is een opdrachtregel open voor de medewerker (proces { $pid }).
button-stop-shell = Opdrachtregel stoppen

event-screen-requested = { $name } vroeg uw scherm te zien
event-screen-allowed = u hebt het delen van uw scherm toegestaan
event-screen-denied = u hebt het delen van uw scherm geweigerd
event-screen-revoked = u bent gestopt met het delen van uw scherm
event-screen-started = uw scherm wordt gedeeld met { $name }
event-screen-stopped = het delen van het scherm is gestopt
error-screen-failed = Uw scherm kon niet worden gedeeld: { $detail }
consent-screen-title = { $name } vraagt uw scherm te zien.
consent-screen-detail = De medewerker ziet live alles wat op uw scherm staat, tot u stopt met delen. Het scherm zelf wordt niet opgenomen; het logboek van de sessie bewaart wanneer het delen begon en stopte.
label-screen = Uw scherm wordt gedeeld met { $name }.
button-stop-screen = Stoppen met delen

## File transfer

consent-files-title = { $name } vraagt om bestanden met u uit te wisselen.
consent-files-detail = U kiest zelf elk bestand dat u verstuurt, en elk aangeboden bestand wacht op uw antwoord. Elke overdracht wordt met haar controlesom in het logboek van de sessie vastgelegd.
event-files-requested = { $name } vroeg om bestanden uit te wisselen
event-files-allowed = u hebt bestandsoverdracht toegestaan
event-files-denied = u hebt bestandsoverdracht geweigerd
event-files-revoked = u hebt bestandsoverdracht gestopt
file-offered = { $name } biedt het bestand { $file } aan ({ $size })
file-requested = { $name } vraagt u een bestand te sturen
file-progress-sent = { $file } versturen: { $percent }%
file-progress-received = { $file } ontvangen: { $percent }%
file-sent = { $file } is verstuurd en de controlesom klopt
file-received = { $file } is ontvangen en gecontroleerd: { $path }
file-failed = de overdracht van { $file } is gestopt: { $reason }
tui-help-files = Bestanden: /send <pad> verstuurt een bestand, /accept of /decline beantwoordt een aangeboden bestand, /revoke file_transfer stopt bestandsoverdracht.
tui-no-file-offer = Er is geen aangeboden bestand om te beantwoorden.
label-files = Bestandsoverdracht is toegestaan.
button-stop-files = Bestandsoverdracht stoppen
button-send-file = Bestand versturen
hint-file-path = Pad van het te versturen bestand
button-accept-file = Opslaan
button-decline-file = Weigeren
