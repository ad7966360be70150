# Beckon's customer-facing strings (Swedish), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Din supportsession kunde inte startas
error-multiple-selectors = Välj bara ett sätt att starta: en sessionsnyckel, en supportmedarbetare eller en ärendetyp.
error-both-issue-identifiers = En ärendetyp väljs med antingen dess nummer eller dess kodnamn, inte båda.
error-missing-issue-identifier = Välj en ärendetyp.
error-rep-needs-id-and-name = En supportmedarbetare väljs med både nummer och namn.
error-not-an-integer = Värdet för ”{ $field }” måste vara ett heltal.
error-duplicate-parameter = ”{ $field }” angavs mer än en gång.
error-too-long-chars = ”{ $field }” är för långt: det får innehålla högst { $max } tecken.
error-too-long-bytes = ”{ $field }” är för långt: det får vara högst { $max } byte.
error-custom-too-large = Sessionens anpassade fält är tillsammans för stora: högst { $max } byte.
error-invalid-value = ”{ $field }” har ett värde som inte är tillåtet.
error-unknown-rep = Den här supportmedarbetaren finns inte.
error-rep-not-available = Den här supportmedarbetaren är inte tillgänglig just nu. Försök igen senare.
error-unknown-issue = Den här ärendetypen finns inte.
error-malformed-key = En sessionsnyckel består av 7 siffror. Kontrollera nyckeln och försök igen.
error-unknown-key = Den här sessionsnyckeln är ogiltig. Stäm av den med din supportmedarbetare.
error-expired-key = Den här sessionsnyckeln har gått ut. Be din supportmedarbetare om en ny.
error-used-key = Den här sessionsnyckeln har redan använts. Be din supportmedarbetare om en ny.
error-too-many-attempts = För många felaktiga sessionsnycklar har provats. Vänta { $minutes } minuter och försök sedan igen.
error-too-many-starts = För många sessioner har startats från ditt nätverk. Vänta { $seconds } sekunder och försök igen.
error-nobody-available = Ingen är tillgänglig för att hjälpa dig just nu. Försök igen senare.
error-session-not-found = Den här supportsessionen finns inte eller har redan avslutats.
error-internal = Något gick fel hos oss. Försök igen om en liten stund.
error-go-back = Gå tillbaka

## The download page of the full customer client

download-title = Ladda ned supportprogrammet
download-intro = Kör supportprogrammet på den här datorn så att en supportmedarbetare kan hjälpa dig.
download-no-client = Supportprogrammet för ditt system finns inte på den här webbplatsen ännu. Du kan chatta med en supportmedarbetare i stället.
download-chat-instead = Chatta med en supportmedarbetare
download-button = Ladda ned supportprogrammet
download-run-windows = Öppna filen när nedladdningen är klar för att ansluta till din supportsession. Om Windows frågar om filen ska köras väljer du ”Kör”.
download-run-unix = Öppna en terminal när nedladdningen är klar och starta filen med de här två kommandona:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Det här supportprogrammet kan inte ansluta till någon session: det är skadat eller har ändrats. Ladda ned det igen.
client-ticket-other-site = Det här supportprogrammet hör till en annan supportwebbplats. Ladda ned det igen från webbplatsen du använder.
client-ticket-expired = Den här nedladdningen av supportprogrammet har gått ut. Ladda ned det igen för att ansluta till din session.
client-ticket-used = Den här nedladdningen av supportprogrammet har redan använts för att ansluta till sessionen. Ladda ned det igen för att ansluta en gång till.
client-session-ended = Den här supportsessionen har redan avslutats. Starta en ny.
client-join-too-many = För många försök att ansluta misslyckades. Vänta { $minutes } minuter och försök sedan igen.

## The click-to-chat page

bg-chat-title = Supportchatt
bg-chat-connecting = Ansluter…
bg-chat-waiting = Vänta, en supportmedarbetare är strax hos dig.
bg-chat-queue-position = Du är nummer { $position } i kön.
bg-chat-rep-joined = { $name } anslöt till chatten.
bg-chat-rep-left = { $name } lämnade chatten.
bg-chat-ended = Supportsessionen har avslutats. Tack!
bg-chat-nobody-available = Ingen är tillgänglig just nu. Du kan stanna kvar i kön; en supportmedarbetare svarar så snart som möjligt.
bg-chat-input-label = Ditt meddelande
bg-chat-send = Skicka
bg-chat-you = Du
bg-chat-reconnecting = Anslutningen bröts. Ansluter igen…
bg-chat-greeting = Hej! Tack för att du kontaktar oss.
bg-chat-connected = Ansluten.
bg-chat-estimated-wait = Beräknad väntetid: cirka { $minutes } minuter.
bg-chat-estimated-wait-short = Beräknad väntetid: mindre än en minut.
bg-chat-transferred = Du kopplas vidare till en annan supportmedarbetare. Vänta.
bg-chat-rep-invited = { $name } har bjudits in till chatten.
bg-chat-typing = { $name } skriver…
bg-chat-pending = Skickar…
bg-chat-offline = Du är offline. Dina meddelanden skickas när anslutningen är tillbaka.
bg-chat-log-label = Chattmeddelanden
bg-chat-end = Avsluta chatten
bg-chat-end-confirm = Vill du avsluta den här chatten?
bg-chat-transcript = Ladda ned chattutskriften:
bg-chat-transcript-text = vanlig text
bg-chat-transcript-html = webbsida
bg-chat-leave-message = Lämna ett meddelande
bg-chat-leave-message-intro = Lämna ditt meddelande så återkommer vi till dig.
bg-chat-leave-message-name = Ditt namn
bg-chat-leave-message-contact = E-post eller telefon
bg-chat-leave-message-text = Ditt meddelande
bg-chat-leave-message-send = Skicka meddelande
bg-chat-leave-message-sent = Tack. Ditt meddelande har skickats till vårt team.
bg-chat-rate-limited = Du skickar meddelanden för snabbt. Vänta en liten stund.
bg-chat-too-long = Ditt meddelande är för långt: det får innehålla högst { $max } tecken.
bg-chat-elevation-request = { $name } ber om att få starta en fjärrsupportsession för att kunna hjälpa dig bättre.
bg-chat-elevation-accept = Godkänn
bg-chat-elevation-decline = Avböj
bg-chat-elevation-declined = Du avböjde begäran om fjärrsupport.
bg-transcript-title = Chattutskrift
bg-transcript-customer = Kund
bg-transcript-system = System

## The start_session.js dialog on the customer's website

bg-dialog-title = Din supportsession startas
bg-dialog-close = Stäng
bg-dialog-starting = Förbereder din session…
bg-dialog-downloading = Nedladdningen bör starta om en liten stund.
bg-dialog-instructions = Öppna filen när nedladdningen är klar för att ansluta till din supportsession.
bg-dialog-manual = Om nedladdningen inte startade kan du klicka här för att ladda ned supportprogrammet.
bg-dialog-failed = Din supportsession kunde inte startas.
bg-popup-blocked = Din webbläsare blockerade chattfönstret.
bg-popup-open-link = Öppna chatten i en ny flik
bg-mobile-title = Fortsätt i supportappen
bg-mobile-opening = Öppnar supportappen…
bg-mobile-install = Installera supportappen
bg-mobile-start = Jag har installerat appen: starta min session

## The public portal (/)

portal-title = Få support
portal-key-heading = Har du en sessionsnyckel?
portal-key-label = Sessionsnyckel
portal-key-hint = Ange den 7-siffriga nyckel som din supportmedarbetare gav dig.
portal-key-submit = Starta
portal-issue-heading = Eller berätta vad du behöver hjälp med
portal-issue-label = Vad behöver du hjälp med?
portal-name-label = Ditt namn
portal-company-label = Företag
portal-details-label = Beskriv problemet
portal-issue-submit = Be om hjälp
portal-language-label = Språk
