# Beckon's customer-facing strings (German), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Ihre Support-Sitzung konnte nicht gestartet werden
error-multiple-selectors = Wählen Sie nur eine Möglichkeit zum Starten: einen Sitzungsschlüssel, einen Support-Mitarbeiter oder ein Supportanliegen.
error-both-issue-identifiers = Ein Supportanliegen wird entweder über seine Nummer oder über seinen Codenamen ausgewählt, nicht über beides.
error-missing-issue-identifier = Wählen Sie ein Supportanliegen aus.
error-rep-needs-id-and-name = Zur Auswahl eines Support-Mitarbeiters sind sowohl seine Nummer als auch sein Name erforderlich.
error-not-an-integer = Der Wert von „{ $field }“ muss eine ganze Zahl sein.
error-duplicate-parameter = „{ $field }“ wurde mehrfach angegeben.
error-too-long-chars = „{ $field }“ ist zu lang: Es sind höchstens { $max } Zeichen erlaubt.
error-too-long-bytes = „{ $field }“ ist zu lang: Es sind höchstens { $max } Byte erlaubt.
error-custom-too-large = Die benutzerdefinierten Felder der Sitzung sind zusammen zu groß: Es sind höchstens { $max } Byte erlaubt.
error-invalid-value = „{ $field }“ hat einen unzulässigen Wert.
error-unknown-rep = Diesen Support-Mitarbeiter gibt es nicht.
error-rep-not-available = Dieser Support-Mitarbeiter ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.
error-unknown-issue = Dieses Supportanliegen gibt es nicht.
error-malformed-key = Ein Sitzungsschlüssel besteht aus 7 Ziffern. Bitte prüfen Sie den Schlüssel und versuchen Sie es erneut.
error-unknown-key = Dieser Sitzungsschlüssel ist ungültig. Bitte fragen Sie bei Ihrem Support-Mitarbeiter nach.
error-expired-key = Dieser Sitzungsschlüssel ist abgelaufen. Bitte fragen Sie Ihren Support-Mitarbeiter nach einem neuen.
error-used-key = Dieser Sitzungsschlüssel wurde bereits verwendet. Bitte fragen Sie Ihren Support-Mitarbeiter nach einem neuen.
error-too-many-attempts = Es wurden zu viele falsche Sitzungsschlüssel eingegeben. Bitte warten Sie { $minutes } Minuten und versuchen Sie es dann erneut.
error-too-many-starts = Von Ihrem Netzwerk aus wurden zu viele Sitzungen gestartet. Bitte warten Sie { $seconds } Sekunden und versuchen Sie es erneut.
error-nobody-available = Im Moment ist niemand verfügbar, der Ihnen helfen kann. Bitte versuchen Sie es später noch einmal.
error-session-not-found = Diese Support-Sitzung existiert nicht oder wurde bereits beendet.
error-internal = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.
error-go-back = Zurück

## The download page of the full customer client

download-title = Support-Programm herunterladen
download-intro = Damit ein Support-Mitarbeiter Ihnen helfen kann, starten Sie das Support-Programm auf diesem Computer.
download-no-client = Das Support-Programm für Ihr System ist auf dieser Website noch nicht verfügbar. Sie können stattdessen mit einem Support-Mitarbeiter chatten.
download-chat-instead = Mit einem Support-Mitarbeiter chatten
download-button = Support-Programm herunterladen
download-run-windows = Öffnen Sie nach Abschluss des Downloads die Datei, um an Ihrer Support-Sitzung teilzunehmen. Wenn Windows fragt, ob die Datei ausgeführt werden soll, wählen Sie „Ausführen“.
download-run-unix = Öffnen Sie nach Abschluss des Downloads ein Terminal und starten Sie die Datei mit diesen zwei Befehlen:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Dieses Support-Programm kann keiner Sitzung beitreten: Es wurde beschädigt oder verändert. Bitte laden Sie es erneut herunter.
client-ticket-other-site = Dieses Support-Programm gehört zu einer anderen Support-Website. Bitte laden Sie es erneut von der Website herunter, die Sie gerade verwenden.
client-ticket-expired = Dieser Download des Support-Programms ist abgelaufen. Bitte laden Sie es erneut herunter, um Ihrer Sitzung beizutreten.
client-ticket-used = Mit diesem Download des Support-Programms wurde der Sitzung bereits beigetreten. Bitte laden Sie es erneut herunter, um noch einmal beizutreten.
client-session-ended = Diese Support-Sitzung wurde bereits beendet. Bitte starten Sie eine neue.
client-join-too-many = Zu viele Versuche, der Sitzung beizutreten, sind fehlgeschlagen. Bitte warten Sie { $minutes } Minuten und versuchen Sie es dann erneut.

## The click-to-chat page

bg-chat-title = Support-Chat
bg-chat-connecting = Verbindung wird hergestellt…
bg-chat-waiting = Bitte warten Sie, ein Support-Mitarbeiter ist gleich für Sie da.
bg-chat-queue-position = Sie sind Nummer { $position } in der Warteschlange.
bg-chat-rep-joined = { $name } ist dem Chat beigetreten.
bg-chat-rep-left = { $name } hat den Chat verlassen.
bg-chat-ended = Die Support-Sitzung wurde beendet. Vielen Dank!
bg-chat-nobody-available = Im Moment ist niemand verfügbar. Sie können in der Warteschlange bleiben; ein Support-Mitarbeiter antwortet Ihnen so bald wie möglich.
bg-chat-input-label = Ihre Nachricht
bg-chat-send = Senden
bg-chat-you = Sie
bg-chat-reconnecting = Verbindung unterbrochen. Verbindung wird wiederhergestellt…
bg-chat-greeting = Hallo! Vielen Dank, dass Sie uns kontaktieren.
bg-chat-connected = Verbunden.
bg-chat-estimated-wait = Voraussichtliche Wartezeit: etwa { $minutes } Minuten.
bg-chat-estimated-wait-short = Voraussichtliche Wartezeit: weniger als eine Minute.
bg-chat-transferred = Sie werden an einen anderen Support-Mitarbeiter weitergeleitet. Bitte warten Sie.
bg-chat-rep-invited = { $name } wurde zum Chat eingeladen.
bg-chat-typing = { $name } schreibt…
bg-chat-pending = Wird gesendet…
bg-chat-offline = Sie sind offline. Ihre Nachrichten werden gesendet, sobald die Verbindung wiederhergestellt ist.
bg-chat-log-label = Chatnachrichten
bg-chat-end = Chat beenden
bg-chat-end-confirm = Möchten Sie diesen Chat beenden?
bg-chat-transcript = Chatprotokoll herunterladen:
bg-chat-transcript-text = Nur-Text
bg-chat-transcript-html = Webseite
bg-chat-leave-message = Nachricht hinterlassen
bg-chat-leave-message-intro = Hinterlassen Sie uns eine Nachricht, und wir melden uns bei Ihnen.
bg-chat-leave-message-name = Ihr Name
bg-chat-leave-message-contact = E-Mail oder Telefon
bg-chat-leave-message-text = Ihre Nachricht
bg-chat-leave-message-send = Nachricht senden
bg-chat-leave-message-sent = Vielen Dank. Ihre Nachricht wurde an unser Team gesendet.
bg-chat-rate-limited = Sie senden Nachrichten zu schnell. Bitte warten Sie einen Moment.
bg-chat-too-long = Ihre Nachricht ist zu lang: Es sind höchstens { $max } Zeichen erlaubt.
bg-chat-elevation-request = { $name } möchte eine Remote-Support-Sitzung starten, um Ihnen besser helfen zu können.
bg-chat-elevation-accept = Annehmen
bg-chat-elevation-decline = Ablehnen
bg-chat-elevation-declined = Sie haben die Anfrage für eine Remote-Support-Sitzung abgelehnt.
bg-transcript-title = Chatprotokoll
bg-transcript-customer = Kunde
bg-transcript-system = System

## The start_session.js dialog on the customer's website

bg-dialog-title = Ihre Support-Sitzung wird gestartet
bg-dialog-close = Schließen
bg-dialog-starting = Ihre Sitzung wird vorbereitet…
bg-dialog-downloading = Ihr Download sollte gleich beginnen.
bg-dialog-instructions = Öffnen Sie nach Abschluss des Downloads die Datei, um an Ihrer Support-Sitzung teilzunehmen.
bg-dialog-manual = Falls der Download nicht begonnen hat, klicken Sie hier, um das Support-Programm herunterzuladen.
bg-dialog-failed = Ihre Support-Sitzung konnte nicht gestartet werden.
bg-popup-blocked = Ihr Browser hat das Chatfenster blockiert.
bg-popup-open-link = Chat in einem neuen Tab öffnen
bg-mobile-title = In der Support-App fortfahren
bg-mobile-opening = Support-App wird geöffnet…
bg-mobile-install = Support-App installieren
bg-mobile-start = Ich habe die App installiert: Sitzung starten

## The public portal (/)

portal-title = Support erhalten
portal-key-heading = Haben Sie einen Sitzungsschlüssel?
portal-key-label = Sitzungsschlüssel
portal-key-hint = Geben Sie den 7-stelligen Schlüssel ein, den Ihnen Ihr Support-Mitarbeiter gegeben hat.
portal-key-submit = Starten
portal-issue-heading = Oder teilen Sie uns mit, wobei Sie Hilfe benötigen
portal-issue-label = Wobei benötigen Sie Hilfe?
portal-name-label = Ihr Name
portal-company-label = Firma
portal-details-label = Beschreiben Sie das Problem
portal-issue-submit = Hilfe anfordern
portal-language-label = Sprache
