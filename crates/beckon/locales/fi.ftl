# Beckon's customer-facing strings (Finnish), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Tuki-istuntoa ei voitu aloittaa
error-multiple-selectors = Valitse vain yksi aloitustapa: istuntoavain, tukihenkilö tai tukipyynnön aihe.
error-both-issue-identifiers = Tukipyynnön aihe valitaan joko sen numeron tai koodinimen perusteella, ei molempien.
error-missing-issue-identifier = Valitse tukipyynnön aihe.
error-rep-needs-id-and-name = Tukihenkilö valitaan sekä numeron että nimen perusteella.
error-not-an-integer = Kentän ”{ $field }” arvon on oltava kokonaisluku.
error-duplicate-parameter = Kenttä ”{ $field }” annettiin useammin kuin kerran.
error-too-long-chars = Kenttä ”{ $field }” on liian pitkä: siinä saa olla enintään { $max } merkkiä.
error-too-long-bytes = Kenttä ”{ $field }” on liian pitkä: sen koko saa olla enintään { $max } tavua.
error-custom-too-large = Istunnon mukautetut kentät ovat yhteensä liian suuria: niiden koko saa olla enintään { $max } tavua.
error-invalid-value = Kentän ”{ $field }” arvo ei ole sallittu.
error-unknown-rep = Tätä tukihenkilöä ei ole olemassa.
error-rep-not-available = Tämä tukihenkilö ei ole juuri nyt tavoitettavissa. Yritä myöhemmin uudelleen.
error-unknown-issue = Tätä tukipyynnön aihetta ei ole olemassa.
error-malformed-key = Istuntoavaimessa on 7 numeroa. Tarkista avain ja yritä uudelleen.
error-unknown-key = Tämä istuntoavain ei kelpaa. Tarkista se tukihenkilöltäsi.
error-expired-key = Tämä istuntoavain on vanhentunut. Pyydä tukihenkilöltäsi uusi avain.
error-used-key = Tämä istuntoavain on jo käytetty. Pyydä tukihenkilöltäsi uusi avain.
error-too-many-attempts = Vääriä istuntoavaimia kokeiltiin liian monta kertaa. Odota { $minutes } minuuttia ja yritä sitten uudelleen.
error-too-many-starts = Verkostasi on aloitettu liian monta istuntoa. Odota { $seconds } sekuntia ja yritä uudelleen.
error-nobody-available = Kukaan ei ole juuri nyt tavoitettavissa auttamaan sinua. Yritä myöhemmin uudelleen.
error-session-not-found = Tätä tuki-istuntoa ei ole olemassa tai se on jo päättynyt.
error-internal = Meillä tapahtui virhe. Yritä hetken kuluttua uudelleen.
error-go-back = Palaa takaisin

## The download page of the full customer client

download-title = Lataa tukiohjelma
download-intro = Jotta tukihenkilö voi auttaa sinua, käynnistä tukiohjelma tällä tietokoneella.
download-no-client = Järjestelmääsi sopivaa tukiohjelmaa ei ole vielä saatavilla tältä sivustolta. Voit sen sijaan keskustella tukihenkilön kanssa chatissa.
download-chat-instead = Keskustele tukihenkilön kanssa
download-button = Lataa tukiohjelma
download-run-windows = Kun lataus on valmis, avaa tiedosto liittyäksesi tuki-istuntoon. Jos Windows kysyy, suoritetaanko tiedosto, valitse ”Suorita”.
download-run-unix = Kun lataus on valmis, avaa pääte ja käynnistä tiedosto näillä kahdella komennolla:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Tämä tukiohjelma ei voi liittyä istuntoon, koska se on vahingoittunut tai sitä on muutettu. Lataa se uudelleen.
client-ticket-other-site = Tämä tukiohjelma kuuluu toiseen tukisivustoon. Lataa se uudelleen käyttämältäsi sivustolta.
client-ticket-expired = Tämä tukiohjelman lataus on vanhentunut. Lataa se uudelleen liittyäksesi istuntoon.
client-ticket-used = Tällä tukiohjelman latauksella on jo liitytty istuntoon. Lataa se uudelleen liittyäksesi uudestaan.
client-session-ended = Tämä tuki-istunto on jo päättynyt. Aloita uusi istunto.
client-join-too-many = Liian monta liittymisyritystä epäonnistui. Odota { $minutes } minuuttia ja yritä sitten uudelleen.

## The click-to-chat page

bg-chat-title = Tukichat
bg-chat-connecting = Yhdistetään…
bg-chat-waiting = Odota hetki, tukihenkilö on pian käytettävissäsi.
bg-chat-queue-position = Olet jonossa sijalla { $position }.
bg-chat-rep-joined = { $name } liittyi keskusteluun.
bg-chat-rep-left = { $name } poistui keskustelusta.
bg-chat-ended = Tuki-istunto on päättynyt. Kiitos!
bg-chat-nobody-available = Kukaan ei ole juuri nyt tavoitettavissa. Voit jäädä jonoon; tukihenkilö vastaa sinulle mahdollisimman pian.
bg-chat-input-label = Viestisi
bg-chat-send = Lähetä
bg-chat-you = Sinä
bg-chat-reconnecting = Yhteys katkesi. Yhdistetään uudelleen…
bg-chat-greeting = Hei! Kiitos yhteydenotostasi.
bg-chat-connected = Yhdistetty.
bg-chat-estimated-wait = Arvioitu odotusaika: noin { $minutes } minuuttia.
bg-chat-estimated-wait-short = Arvioitu odotusaika: alle minuutti.
bg-chat-transferred = Sinut siirretään toiselle tukihenkilölle. Odota hetki.
bg-chat-rep-invited = { $name } kutsuttiin keskusteluun.
bg-chat-typing = { $name } kirjoittaa…
bg-chat-pending = Lähetetään…
bg-chat-offline = Olet offline-tilassa. Viestisi lähetetään, kun yhteys palaa.
bg-chat-log-label = Keskustelun viestit
bg-chat-end = Lopeta keskustelu
bg-chat-end-confirm = Haluatko lopettaa tämän keskustelun?
bg-chat-transcript = Lataa keskusteluhistoria:
bg-chat-transcript-text = pelkkä teksti
bg-chat-transcript-html = verkkosivu
bg-chat-leave-message = Jätä viesti
bg-chat-leave-message-intro = Jätä viestisi, niin otamme sinuun yhteyttä.
bg-chat-leave-message-name = Nimesi
bg-chat-leave-message-contact = Sähköposti tai puhelin
bg-chat-leave-message-text = Viestisi
bg-chat-leave-message-send = Lähetä viesti
bg-chat-leave-message-sent = Kiitos. Viestisi lähetettiin tiimillemme.
bg-chat-rate-limited = Lähetät viestejä liian nopeasti. Odota hetki.
bg-chat-too-long = Viestisi on liian pitkä: siinä saa olla enintään { $max } merkkiä.
bg-chat-elevation-request = { $name } pyytää lupaa aloittaa etätuki-istunnon, jotta hän voi auttaa sinua paremmin.
bg-chat-elevation-accept = Hyväksy
bg-chat-elevation-decline = Hylkää
bg-chat-elevation-declined = Hylkäsit etätukipyynnön.
bg-transcript-title = Keskusteluhistoria
bg-transcript-customer = Asiakas
bg-transcript-system = Järjestelmä

## The start_session.js dialog on the customer's website

bg-dialog-title = Tuki-istuntoa aloitetaan
bg-dialog-close = Sulje
bg-dialog-starting = Istuntoa valmistellaan…
bg-dialog-downloading = Latauksen pitäisi alkaa hetken kuluttua.
bg-dialog-instructions = Kun lataus on valmis, avaa tiedosto liittyäksesi tuki-istuntoon.
bg-dialog-manual = Jos lataus ei alkanut, lataa tukiohjelma napsauttamalla tästä.
bg-dialog-failed = Tuki-istuntoa ei voitu aloittaa.
bg-popup-blocked = Selaimesi esti chat-ikkunan.
bg-popup-open-link = Avaa chat uudessa välilehdessä
bg-mobile-title = Jatka tukisovelluksessa
bg-mobile-opening = Avataan tukisovellusta…
bg-mobile-install = Asenna tukisovellus
bg-mobile-start = Olen asentanut sovelluksen: aloita istunto

## The public portal (/)

portal-title = Hae tukea
portal-key-heading = Onko sinulla istuntoavain?
portal-key-label = Istuntoavain
portal-key-hint = Anna 7-numeroinen avain, jonka tukihenkilösi antoi sinulle.
portal-key-submit = Aloita
portal-issue-heading = Tai kerro meille, missä tarvitset apua
portal-issue-label = Missä tarvitset apua?
portal-name-label = Nimesi
portal-company-label = Yritys
portal-details-label = Kuvaile ongelmaa
portal-issue-submit = Pyydä apua
portal-language-label = Kieli
