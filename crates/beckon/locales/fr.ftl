# Beckon's customer-facing strings (French), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Votre session d’assistance n’a pas pu démarrer
error-multiple-selectors = Choisissez une seule façon de démarrer : une clé de session, un conseiller ou un type de demande.
error-both-issue-identifiers = Un type de demande se choisit par son numéro ou par son nom de code, mais pas les deux.
error-missing-issue-identifier = Choisissez un type de demande.
error-rep-needs-id-and-name = Un conseiller se choisit à la fois par son numéro et par son nom.
error-not-an-integer = La valeur de « { $field } » doit être un nombre entier.
error-duplicate-parameter = « { $field } » a été indiqué plusieurs fois.
error-too-long-chars = « { $field } » est trop long : { $max } caractères au maximum.
error-too-long-bytes = « { $field } » est trop long : { $max } octets au maximum.
error-custom-too-large = Les champs personnalisés de la session sont trop volumineux au total : { $max } octets au maximum.
error-invalid-value = « { $field } » a une valeur non autorisée.
error-unknown-rep = Ce conseiller n’existe pas.
error-rep-not-available = Ce conseiller n’est pas disponible pour le moment. Veuillez réessayer plus tard.
error-unknown-issue = Ce type de demande n’existe pas.
error-malformed-key = Une clé de session comporte 7 chiffres. Veuillez vérifier la clé et réessayer.
error-unknown-key = Cette clé de session n’est pas valide. Veuillez la vérifier auprès de votre conseiller.
error-expired-key = Cette clé de session a expiré. Veuillez en demander une nouvelle à votre conseiller.
error-used-key = Cette clé de session a déjà été utilisée. Veuillez en demander une nouvelle à votre conseiller.
error-too-many-attempts = Trop de clés de session erronées ont été saisies. Veuillez patienter { $minutes } minutes, puis réessayer.
error-too-many-starts = Trop de sessions ont été démarrées depuis votre réseau. Veuillez patienter { $seconds } secondes et réessayer.
error-nobody-available = Personne n’est disponible pour vous aider pour le moment. Veuillez réessayer plus tard.
error-session-not-found = Cette session d’assistance n’existe pas ou est déjà terminée.
error-internal = Un problème est survenu de notre côté. Veuillez réessayer dans un instant.
error-go-back = Retour

## The download page of the full customer client

download-title = Télécharger le logiciel d’assistance
download-intro = Pour qu’un conseiller puisse vous aider, lancez le logiciel d’assistance sur cet ordinateur.
download-no-client = Le logiciel d’assistance pour votre système n’est pas encore disponible sur ce site. Vous pouvez plutôt discuter avec un conseiller par chat.
download-chat-instead = Discuter avec un conseiller
download-button = Télécharger le logiciel d’assistance
download-run-windows = Une fois le téléchargement terminé, ouvrez le fichier pour rejoindre votre session d’assistance. Si Windows vous demande s’il faut l’exécuter, choisissez « Exécuter ».
download-run-unix = Une fois le téléchargement terminé, ouvrez un terminal et lancez le fichier avec ces deux commandes :

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Ce logiciel d’assistance ne peut rejoindre aucune session : il a été endommagé ou modifié. Veuillez le télécharger à nouveau.
client-ticket-other-site = Ce logiciel d’assistance appartient à un autre site d’assistance. Veuillez le télécharger à nouveau depuis le site que vous utilisez.
client-ticket-expired = Ce téléchargement du logiciel d’assistance a expiré. Veuillez le télécharger à nouveau pour rejoindre votre session.
client-ticket-used = Ce téléchargement du logiciel d’assistance a déjà servi à rejoindre la session. Veuillez le télécharger à nouveau pour la rejoindre une nouvelle fois.
client-session-ended = Cette session d’assistance est déjà terminée. Veuillez en démarrer une nouvelle.
client-join-too-many = Trop de tentatives pour rejoindre la session ont échoué. Veuillez patienter { $minutes } minutes, puis réessayer.

## The click-to-chat page

bg-chat-title = Assistance par chat
bg-chat-connecting = Connexion…
bg-chat-waiting = Veuillez patienter, un conseiller va vous répondre dans un instant.
bg-chat-queue-position = Vous êtes en position { $position } dans la file d’attente.
bg-chat-rep-joined = { $name } a rejoint la discussion.
bg-chat-rep-left = { $name } a quitté la discussion.
bg-chat-ended = La session d’assistance est terminée. Merci !
bg-chat-nobody-available = Personne n’est disponible pour le moment. Vous pouvez rester dans la file d’attente ; un conseiller vous répondra dès que possible.
bg-chat-input-label = Votre message
bg-chat-send = Envoyer
bg-chat-you = Vous
bg-chat-reconnecting = Connexion perdue. Reconnexion…
bg-chat-greeting = Bonjour ! Merci de nous avoir contactés.
bg-chat-connected = Connexion établie.
bg-chat-estimated-wait = Attente estimée : environ { $minutes } minutes.
bg-chat-estimated-wait-short = Attente estimée : moins d’une minute.
bg-chat-transferred = Votre discussion est transférée à un autre conseiller. Veuillez patienter.
bg-chat-rep-invited = { $name } a reçu une invitation à rejoindre la discussion.
bg-chat-typing = { $name } est en train d’écrire…
bg-chat-pending = Envoi…
bg-chat-offline = Vous êtes hors ligne. Vos messages seront envoyés dès que la connexion sera rétablie.
bg-chat-log-label = Messages de la discussion
bg-chat-end = Terminer la discussion
bg-chat-end-confirm = Voulez-vous terminer cette discussion ?
bg-chat-transcript = Télécharger la transcription :
bg-chat-transcript-text = texte brut
bg-chat-transcript-html = page web
bg-chat-leave-message = Laisser un message
bg-chat-leave-message-intro = Laissez-nous votre message et nous vous recontacterons.
bg-chat-leave-message-name = Votre nom
bg-chat-leave-message-contact = E-mail ou téléphone
bg-chat-leave-message-text = Votre message
bg-chat-leave-message-send = Envoyer le message
bg-chat-leave-message-sent = Merci. Votre message a été transmis à notre équipe.
bg-chat-rate-limited = Vous envoyez des messages trop rapidement. Veuillez patienter un instant.
bg-chat-too-long = Votre message est trop long : { $max } caractères au maximum.
bg-chat-elevation-request = { $name } demande à démarrer une session d’assistance à distance pour mieux vous aider.
bg-chat-elevation-accept = Accepter
bg-chat-elevation-decline = Refuser
bg-chat-elevation-declined = Vous avez refusé la demande d’assistance à distance.
bg-transcript-title = Transcription de la discussion
bg-transcript-customer = Client
bg-transcript-system = Système

## The start_session.js dialog on the customer's website

bg-dialog-title = Démarrage de votre session d’assistance
bg-dialog-close = Fermer
bg-dialog-starting = Préparation de votre session…
bg-dialog-downloading = Votre téléchargement va commencer dans un instant.
bg-dialog-instructions = Une fois le téléchargement terminé, ouvrez le fichier pour rejoindre votre session d’assistance.
bg-dialog-manual = Si le téléchargement n’a pas commencé, cliquez ici pour télécharger le logiciel d’assistance.
bg-dialog-failed = Votre session d’assistance n’a pas pu démarrer.
bg-popup-blocked = Votre navigateur a bloqué la fenêtre de discussion.
bg-popup-open-link = Ouvrir la discussion dans un nouvel onglet
bg-mobile-title = Continuer dans l’application d’assistance
bg-mobile-opening = Ouverture de l’application d’assistance…
bg-mobile-install = Installer l’application d’assistance
bg-mobile-start = J’ai installé l’application : démarrer ma session

## The public portal (/)

portal-title = Obtenir de l’assistance
portal-key-heading = Avez-vous une clé de session ?
portal-key-label = Clé de session
portal-key-hint = Saisissez la clé à 7 chiffres que votre conseiller vous a communiquée.
portal-key-submit = Démarrer
portal-issue-heading = Ou indiquez-nous en quoi nous pouvons vous aider
portal-issue-label = Sur quoi porte votre demande ?
portal-name-label = Votre nom
portal-company-label = Entreprise
portal-details-label = Décrivez le problème
portal-issue-submit = Demander de l’aide
portal-language-label = Langue
