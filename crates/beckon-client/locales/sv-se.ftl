# Beckon-klienten: kundens sida av en supportsession (svenska).

error-no-ticket = Ingen supportbiljett hittades. Ladda ned supportprogrammet igen från supportsidan.
error-ticket-malformed = Den här supportbiljetten är skadad eller ofullständig. Ladda ned supportprogrammet igen.
error-ticket-expired = Den här nedladdningen har gått ut. Starta en ny supportsession på supportsidan.
error-ticket-other-site = Den här nedladdningen gäller en annan webbplats ({ $ticket_site }), inte { $site }.
error-unreachable = Supportwebbplatsen { $site } går inte att nå: { $detail }
error-bad-answer = Supportwebbplatsen { $site } gav ett svar som det här programmet inte förstår.
error-session-gone = Den här supportsessionen är inte längre tillgänglig.
error-internal = Något gick fel i supportprogrammet: { $detail }
notice-no-display = Ingen grafisk skärm hittades; supportprogrammet körs i den här terminalen.
notice-gui-failed = Fönstret kunde inte öppnas ({ $detail }); supportprogrammet körs i den här terminalen.
notice-missing-font = Vissa tecken i den här konversationen kan inte visas: datorn saknar ett typsnitt för dem.

status-connecting = Ansluter…
status-connected = ansluten till { $site } ({ $name })
status-nobody-available = Ingen är tillgänglig just nu. Du kan stanna i kön; en supporttekniker svarar så snart som möjligt.
status-reconnecting = anslutningen bröts, nytt försök om { $seconds } s
status-offline = Anslutningen bröts. Ansluter igen…
status-waiting = Väntar på en supporttekniker
status-queue = plats i kön: { $position }
status-wait = beräknad väntetid cirka { $minutes } min
status-wait-short = beräknad väntetid under en minut
status-typing = { $name } skriver…
status-refused = Meddelandet avvisades: { $message }
status-invalid-message = Ett meddelande måste ha mellan 1 och 4000 tecken.

event-rep-joined = supportteknikern { $name } anslöt
event-rep-left = supportteknikern { $name } lämnade sessionen
event-rep-invited = supportteknikern { $name } bjöds in
event-transferred = du flyttas till { $to }, vänta
event-queued = väntar på en supporttekniker
event-ended = sessionen avslutad
event-info-requested = { $name } bad att få se den här datorns systeminformation
event-info-allowed = du tillät delning av systeminformationen
event-info-denied = du avböjde att dela systeminformationen
event-info-revoked = du slutade dela systeminformationen
event-info-shared = systeminformationen skickad
you = Du

consent-question-title = { $name } ber att få se den här datorns systeminformation. Exakt detta skulle delas:
consent-question = tillåta? [y/n]
consent-exact-data = Exakt de data som skulle skickas
info-os = Operativsystem
info-kernel = Kärna
info-hostname = Datorns namn
info-cpu = Processor
info-cores = { $count } kärnor
info-memory = Minne
info-memory-value = { $used } används av { $total }
info-disk = Disk
info-disk-value = { $available } ledigt av { $total }
info-network = Nätverk
info-uptime = Igång sedan start

transcript-title = Utskrift av supportsessionen
transcript-saved = utskriften sparad i { $path }
transcript-failed = Utskriften kunde inte sparas: { $detail }

tui-help = Skriv ett meddelande och tryck på Enter för att skicka det. Kommandon: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <fil>, /help
tui-nothing-to-answer = Det finns ingen begäran att svara på.
tui-unknown-command = Okänt kommando. Skriv /help för listan.

window-title = Supportsession
label-site = Webbplats: { $name } ({ $site })
label-rep = Supporttekniker: { $name }
label-message = Ditt meddelande
label-sending = skickas…
label-sharing = Du delar den här datorns systeminformation.
button-send = Skicka
button-end = Avsluta sessionen
button-save = Spara utskrift
button-allow = Tillåt
button-deny = Avböj
button-revoke = Sluta dela
confirm-end = Vill du avsluta supportsessionen?
button-end-confirm = Ja, avsluta
button-cancel = Avbryt

## Command shell

event-shell-requested = { $name } bad om ett kommandoskal på den här datorn
event-shell-allowed = du tillät kommandoskalet
event-shell-denied = du avböjde kommandoskalet
event-shell-revoked = du stoppade kommandoskalet
event-shell-started = kommandoskalet körs som du (process { $pid })
event-shell-ended = kommandoskalet avslutades
error-shell-failed = Kommandoskalet kunde inte startas: { $detail }
consent-shell-title = { $name } ber om att få öppna ett kommandoskal på den här datorn.
consent-shell-detail = Då kan alla kommandon som du kan köra köras som du, och utdata visas tills du stoppar skalet. Allt som skrivs och visas sparas i sessionens logg.
label-shell = Ett kommandoskal är öppet för supportpersonen (process { $pid }).
button-stop-shell = Stoppa skalet

event-screen-requested = { $name } bad om att få se din skärm
event-screen-allowed = du tillät skärmdelning
event-screen-denied = du avböjde skärmdelning
event-screen-revoked = du slutade dela din skärm
event-screen-started = din skärm delas med { $name }
event-screen-stopped = skärmdelningen har stoppats
error-screen-failed = Din skärm kunde inte delas: { $detail }
consent-screen-title = { $name } ber om att få se din skärm.
consent-screen-detail = Personen ser live allt som visas på din skärm tills du slutar dela. Själva skärmen spelas inte in; sessionens logg sparar när delningen började och slutade.
label-screen = Din skärm delas med { $name }.
button-stop-screen = Sluta dela

## File transfer

consent-files-title = { $name } ber att få utbyta filer med dig.
consent-files-detail = Du väljer själv varje fil du skickar, och varje fil som erbjuds dig väntar på ditt svar. Varje överföring sparas i sessionens logg, med sin kontrollsumma.
event-files-requested = { $name } bad om att utbyta filer
event-files-allowed = du tillät filöverföring
event-files-denied = du nekade filöverföring
event-files-revoked = du stoppade filöverföring
file-offered = { $name } erbjuder filen { $file } ({ $size })
file-requested = { $name } ber dig skicka en fil
file-progress-sent = skickar { $file }: { $percent } %
file-progress-received = tar emot { $file }: { $percent } %
file-sent = { $file } skickades och kontrollsumman stämmer
file-received = { $file } togs emot och kontrollerades: { $path }
file-failed = överföringen av { $file } avbröts: { $reason }
tui-help-files = Filer: /send <sökväg> skickar en fil, /accept eller /decline svarar på en erbjuden fil, /revoke file_transfer stoppar filöverföring.
tui-no-file-offer = Det finns ingen erbjuden fil att svara på.
label-files = Filöverföring är tillåten.
button-stop-files = Stoppa filöverföring
button-send-file = Skicka fil
hint-file-path = Sökväg till filen som ska skickas
button-accept-file = Spara
button-decline-file = Neka
