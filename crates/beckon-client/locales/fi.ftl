# Beckon-asiakasohjelma: tuki-istunnon asiakkaan puoli (suomi).

error-no-ticket = Tukilippua ei löytynyt. Lataa tukiohjelma uudelleen tukisivulta.
error-ticket-malformed = Tämä tukilippu on vioittunut tai puutteellinen. Lataa tukiohjelma uudelleen.
error-ticket-expired = Tämä lataus on vanhentunut. Aloita uusi tuki-istunto tukisivulla.
error-ticket-other-site = Tämä lataus on tarkoitettu toiselle sivustolle ({ $ticket_site }), ei sivustolle { $site }.
error-unreachable = Tukisivustoon { $site } ei saada yhteyttä: { $detail }
error-bad-answer = Tukisivusto { $site } antoi vastauksen, jota tämä ohjelma ei ymmärrä.
error-session-gone = Tämä tuki-istunto ei ole enää käytettävissä.
error-internal = Tukiohjelmassa tapahtui virhe: { $detail }
notice-no-display = Graafista näyttöä ei löytynyt; tukiohjelma toimii tässä päätteessä.
notice-gui-failed = Ikkunaa ei voitu avata ({ $detail }); tukiohjelma toimii tässä päätteessä.
notice-missing-font = Joitakin tämän keskustelun merkkejä ei voi näyttää: tässä tietokoneessa ei ole niille fonttia.

status-connecting = Yhdistetään…
status-connected = yhdistetty: { $site } ({ $name })
status-nobody-available = Ketään ei ole juuri nyt tavoitettavissa. Voit jäädä jonoon; tukihenkilö vastaa mahdollisimman pian.
status-reconnecting = yhteys katkesi, uusi yritys { $seconds } s kuluttua
status-offline = Yhteys katkesi. Yhdistetään uudelleen…
status-waiting = Odotetaan tukihenkilöä
status-queue = sijasi jonossa: { $position }
status-wait = arvioitu odotusaika noin { $minutes } min
status-wait-short = arvioitu odotusaika alle minuutti
status-typing = { $name } kirjoittaa…
status-refused = Viesti hylättiin: { $message }
status-invalid-message = Viestissä on oltava 1–4000 merkkiä.

event-rep-joined = tukihenkilö { $name } liittyi
event-rep-left = tukihenkilö { $name } poistui
event-rep-invited = tukihenkilö { $name } kutsuttiin
event-transferred = sinut siirretään kohteeseen { $to }, odota hetki
event-queued = odotetaan tukihenkilöä
event-ended = istunto päättyi
event-info-requested = { $name } pyysi nähdä tämän tietokoneen järjestelmätiedot
event-info-allowed = sallit järjestelmätietojen jakamisen
event-info-denied = kieltäydyit jakamasta järjestelmätietoja
event-info-revoked = lopetit järjestelmätietojen jakamisen
event-info-shared = järjestelmätiedot lähetetty
you = Sinä

consent-question-title = { $name } pyytää nähdä tämän tietokoneen järjestelmätiedot. Täsmälleen tämä jaettaisiin:
consent-question = sallitaanko? [y/n]
consent-exact-data = Täsmälleen lähetettävät tiedot
info-os = Käyttöjärjestelmä
info-kernel = Ydin
info-hostname = Tietokoneen nimi
info-cpu = Suoritin
info-cores = { $count } ydintä
info-memory = Muisti
info-memory-value = { $used } käytössä, yhteensä { $total }
info-disk = Levy
info-disk-value = { $available } vapaana, yhteensä { $total }
info-network = Verkko
info-uptime = Käynnissä käynnistyksestä

transcript-title = Tuki-istunnon tallenne
transcript-saved = tallenne tallennettu: { $path }
transcript-failed = Tallennetta ei voitu tallentaa: { $detail }

tui-help = Kirjoita viesti ja lähetä se Enter-näppäimellä. Komennot: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <tiedosto>, /help
tui-nothing-to-answer = Vastattavaa pyyntöä ei ole.
tui-unknown-command = Tuntematon komento. Kirjoita /help nähdäksesi luettelon.

window-title = Tuki-istunto
label-site = Sivusto: { $name } ({ $site })
label-rep = Tukihenkilö: { $name }
label-message = Viestisi
label-sending = lähetetään…
label-sharing = Jaat tämän tietokoneen järjestelmätietoja.
button-send = Lähetä
button-end = Lopeta istunto
button-save = Tallenna tallenne
button-allow = Salli
button-deny = Kiellä
button-revoke = Lopeta jakaminen
confirm-end = Haluatko lopettaa tuki-istunnon?
button-end-confirm = Kyllä, lopeta
button-cancel = Peruuta

## Command shell

event-shell-requested = { $name } pyysi komentotulkkia tälle tietokoneelle
event-shell-allowed = sallit komentotulkin
event-shell-denied = kieltäydyit komentotulkista
event-shell-revoked = pysäytit komentotulkin
event-shell-started = komentotulkki on käynnissä käyttäjänäsi (prosessi { $pid })
event-shell-ended = komentotulkki päättyi
error-shell-failed = Komentotulkkia ei voitu käynnistää: { $detail }
consent-shell-title = { $name } pyytää avata komentotulkin tälle tietokoneelle.
consent-shell-detail = Hän voisi suorittaa minkä tahansa komennon, jonka sinäkin voit, käyttäjänäsi, ja nähdä sen tulosteen, kunnes pysäytät komentotulkin. Kaikki kirjoitettu ja näytetty tallennetaan istunnon lokiin.
label-shell = Tukihenkilöllä on avoin komentotulkki (prosessi { $pid }).
button-stop-shell = Pysäytä komentotulkki

event-screen-requested = { $name } pyysi nähdä näyttösi
event-screen-allowed = sallit näytön jakamisen
event-screen-denied = kieltäydyit näytön jakamisesta
event-screen-revoked = lopetit näytön jakamisen
event-screen-started = näyttösi on jaettu käyttäjälle { $name }
event-screen-stopped = näytön jakaminen päättyi
error-screen-failed = Näyttöäsi ei voitu jakaa: { $detail }
consent-screen-title = { $name } pyytää nähdä näyttösi.
consent-screen-detail = Hän näkisi reaaliajassa kaiken näytölläsi näkyvän, kunnes lopetat jakamisen. Näyttöä ei tallenneta; istunnon lokiin jää vain jakamisen alku ja loppu.
label-screen = Näyttösi on jaettu käyttäjälle { $name }.
button-stop-screen = Lopeta jakaminen

## File transfer

consent-files-title = { $name } pyytää saada vaihtaa tiedostoja kanssasi.
consent-files-detail = Valitset itse jokaisen lähettämäsi tiedoston, ja jokainen sinulle tarjottu tiedosto odottaa vastaustasi. Jokainen siirto tallennetaan istunnon lokiin tarkistussummineen.
event-files-requested = { $name } pyysi tiedostojen vaihtoa
event-files-allowed = sallit tiedostonsiirron
event-files-denied = kieltäydyit tiedostonsiirrosta
event-files-revoked = lopetit tiedostonsiirron
file-offered = { $name } tarjoaa tiedostoa { $file } ({ $size })
file-requested = { $name } pyytää sinua lähettämään tiedoston
file-progress-sent = lähetetään { $file }: { $percent } %
file-progress-received = vastaanotetaan { $file }: { $percent } %
file-sent = { $file } lähetettiin ja sen tarkistussumma täsmää
file-received = { $file } vastaanotettiin ja tarkistettiin: { $path }
file-failed = tiedoston { $file } siirto keskeytyi: { $reason }
tui-help-files = Tiedostot: /send <polku> lähettää tiedoston, /accept tai /decline vastaa tarjottuun tiedostoon, /revoke file_transfer lopettaa tiedostonsiirron.
tui-no-file-offer = Vastattavaa tiedostotarjousta ei ole.
label-files = Tiedostonsiirto on sallittu.
button-stop-files = Lopeta tiedostonsiirto
button-send-file = Lähetä tiedosto
hint-file-path = Lähetettävän tiedoston polku
button-accept-file = Tallenna
button-decline-file = Hylkää
