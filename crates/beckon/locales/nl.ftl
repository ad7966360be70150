# Beckon's customer-facing strings (Dutch), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Uw supportsessie kon niet worden gestart
error-multiple-selectors = Kies maar één manier om te starten: een sessiesleutel, een supportmedewerker of een supportonderwerp.
error-both-issue-identifiers = Een supportonderwerp kiest u op nummer of op codenaam, niet op allebei.
error-missing-issue-identifier = Kies een supportonderwerp.
error-rep-needs-id-and-name = Een supportmedewerker kiest u op zowel nummer als naam.
error-not-an-integer = De waarde van “{ $field }” moet een geheel getal zijn.
error-duplicate-parameter = “{ $field }” is meer dan één keer opgegeven.
error-too-long-chars = “{ $field }” is te lang: het mag maximaal { $max } tekens bevatten.
error-too-long-bytes = “{ $field }” is te lang: het mag maximaal { $max } bytes bevatten.
error-custom-too-large = De aangepaste velden van de sessie zijn samen te groot: maximaal { $max } bytes.
error-invalid-value = “{ $field }” heeft een waarde die niet is toegestaan.
error-unknown-rep = Deze supportmedewerker bestaat niet.
error-rep-not-available = Deze supportmedewerker is op dit moment niet beschikbaar. Probeer het later opnieuw.
error-unknown-issue = Dit supportonderwerp bestaat niet.
error-malformed-key = Een sessiesleutel bestaat uit 7 cijfers. Controleer de sleutel en probeer het opnieuw.
error-unknown-key = Deze sessiesleutel is niet geldig. Controleer de sleutel bij uw supportmedewerker.
error-expired-key = Deze sessiesleutel is verlopen. Vraag uw supportmedewerker om een nieuwe.
error-used-key = Deze sessiesleutel is al gebruikt. Vraag uw supportmedewerker om een nieuwe.
error-too-many-attempts = Er zijn te veel onjuiste sessiesleutels geprobeerd. Wacht { $minutes } minuten en probeer het opnieuw.
error-too-many-starts = Er zijn te veel sessies gestart vanaf uw netwerk. Wacht { $seconds } seconden en probeer het opnieuw.
error-nobody-available = Er is op dit moment niemand beschikbaar om u te helpen. Probeer het later opnieuw.
error-session-not-found = Deze supportsessie bestaat niet of is al beëindigd.
error-internal = Er is aan onze kant iets misgegaan. Probeer het zo meteen opnieuw.
error-go-back = Terug

## The download page of the full customer client

download-title = Download het supportprogramma
download-intro = Start het supportprogramma op deze computer, zodat een supportmedewerker u kan helpen.
download-no-client = Het supportprogramma voor uw systeem is nog niet beschikbaar op deze website. U kunt in plaats daarvan chatten met een supportmedewerker.
download-chat-instead = Chat met een supportmedewerker
download-button = Download het supportprogramma
download-run-windows = Open het bestand zodra de download klaar is om deel te nemen aan uw supportsessie. Als Windows vraagt of het moet worden uitgevoerd, kiest u ‘Uitvoeren’.
download-run-unix = Open zodra de download klaar is een terminal en start het bestand met deze twee opdrachten:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Dit supportprogramma kan niet deelnemen aan een sessie: het is beschadigd of gewijzigd. Download het opnieuw.
client-ticket-other-site = Dit supportprogramma hoort bij een andere supportsite. Download het opnieuw van de site die u gebruikt.
client-ticket-expired = Deze download van het supportprogramma is verlopen. Download het opnieuw om deel te nemen aan uw sessie.
client-ticket-used = Met deze download van het supportprogramma is al deelgenomen aan de sessie. Download het opnieuw om nogmaals deel te nemen.
client-session-ended = Deze supportsessie is al beëindigd. Start een nieuwe.
client-join-too-many = Te veel pogingen om deel te nemen zijn mislukt. Wacht { $minutes } minuten en probeer het opnieuw.

## The click-to-chat page

bg-chat-title = Supportchat
bg-chat-connecting = Verbinden…
bg-chat-waiting = Een ogenblik geduld, een supportmedewerker is zo bij u.
bg-chat-queue-position = U bent nummer { $position } in de wachtrij.
bg-chat-rep-joined = { $name } neemt nu deel aan de chat.
bg-chat-rep-left = { $name } heeft de chat verlaten.
bg-chat-ended = De supportsessie is beëindigd. Bedankt!
bg-chat-nobody-available = Er is op dit moment niemand beschikbaar. U kunt in de wachtrij blijven; een supportmedewerker antwoordt zo snel mogelijk.
bg-chat-input-label = Uw bericht
bg-chat-send = Verzenden
bg-chat-you = U
bg-chat-reconnecting = Verbinding verbroken. Opnieuw verbinden…
bg-chat-greeting = Hallo! Bedankt dat u contact met ons opneemt.
bg-chat-connected = Verbonden.
bg-chat-estimated-wait = Geschatte wachttijd: ongeveer { $minutes } minuten.
bg-chat-estimated-wait-short = Geschatte wachttijd: minder dan een minuut.
bg-chat-transferred = U wordt doorverbonden met een andere supportmedewerker. Een ogenblik geduld.
bg-chat-rep-invited = { $name } is uitgenodigd voor de chat.
bg-chat-typing = { $name } is aan het typen…
bg-chat-pending = Verzenden…
bg-chat-offline = U bent offline. Uw berichten worden verzonden zodra de verbinding is hersteld.
bg-chat-log-label = Chatberichten
bg-chat-end = Chat beëindigen
bg-chat-end-confirm = Wilt u deze chat beëindigen?
bg-chat-transcript = Chatverslag downloaden:
bg-chat-transcript-text = platte tekst
bg-chat-transcript-html = webpagina
bg-chat-leave-message = Laat een bericht achter
bg-chat-leave-message-intro = Laat uw bericht achter, dan nemen wij contact met u op.
bg-chat-leave-message-name = Uw naam
bg-chat-leave-message-contact = E-mail of telefoon
bg-chat-leave-message-text = Uw bericht
bg-chat-leave-message-send = Bericht verzenden
bg-chat-leave-message-sent = Bedankt. Uw bericht is naar ons team verzonden.
bg-chat-rate-limited = U verzendt te snel berichten. Wacht even.
bg-chat-too-long = Uw bericht is te lang: het mag maximaal { $max } tekens bevatten.
bg-chat-elevation-request = { $name } vraagt toestemming om een supportsessie op afstand te starten, zodat u beter geholpen kunt worden.
bg-chat-elevation-accept = Accepteren
bg-chat-elevation-decline = Weigeren
bg-chat-elevation-declined = U hebt het verzoek voor een supportsessie op afstand geweigerd.
bg-transcript-title = Chatverslag
bg-transcript-customer = Klant
bg-transcript-system = Systeem

## The start_session.js dialog on the customer's website

bg-dialog-title = Uw supportsessie wordt gestart
bg-dialog-close = Sluiten
bg-dialog-starting = Uw sessie wordt voorbereid…
bg-dialog-downloading = Uw download begint zo.
bg-dialog-instructions = Open het bestand zodra de download klaar is om deel te nemen aan uw supportsessie.
bg-dialog-manual = Is de download niet gestart? Klik dan hier om het supportprogramma te downloaden.
bg-dialog-failed = Uw supportsessie kon niet worden gestart.
bg-popup-blocked = Uw browser heeft het chatvenster geblokkeerd.
bg-popup-open-link = Chat openen in een nieuw tabblad
bg-mobile-title = Ga verder in de support-app
bg-mobile-opening = Support-app wordt geopend…
bg-mobile-install = Support-app installeren
bg-mobile-start = Ik heb de app geïnstalleerd: start mijn sessie

## The public portal (/)

portal-title = Support aanvragen
portal-key-heading = Hebt u een sessiesleutel?
portal-key-label = Sessiesleutel
portal-key-hint = Voer de 7-cijferige sleutel in die u van uw supportmedewerker hebt gekregen.
portal-key-submit = Starten
portal-issue-heading = Of vertel ons waarmee u hulp nodig hebt
portal-issue-label = Waarmee hebt u hulp nodig?
portal-name-label = Uw naam
portal-company-label = Bedrijf
portal-details-label = Beschrijf het probleem
portal-issue-submit = Hulp vragen
portal-language-label = Taal
