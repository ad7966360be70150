# Client Beckon : le côté client d'une session d'assistance (français).

error-no-ticket = Aucun ticket d’assistance n’a été trouvé. Veuillez télécharger à nouveau le programme d’assistance depuis la page d’assistance.
error-ticket-malformed = Ce ticket d’assistance est endommagé ou incomplet. Veuillez télécharger à nouveau le programme d’assistance.
error-ticket-expired = Ce téléchargement a expiré. Veuillez démarrer une nouvelle session d’assistance sur la page d’assistance.
error-ticket-other-site = Ce téléchargement est destiné à un autre site ({ $ticket_site }), pas à { $site }.
error-unreachable = Le site d’assistance { $site } est injoignable : { $detail }
error-bad-answer = Le site d’assistance { $site } a envoyé une réponse que ce programme ne comprend pas.
error-session-gone = Cette session d’assistance n’est plus disponible.
error-internal = Une erreur s’est produite dans le programme d’assistance : { $detail }
notice-no-display = Aucun affichage graphique n’a été trouvé ; le programme d’assistance fonctionne dans ce terminal.
notice-gui-failed = La fenêtre n’a pas pu s’ouvrir ({ $detail }) ; le programme d’assistance fonctionne dans ce terminal.
notice-missing-font = Certains caractères de cette conversation ne peuvent pas être affichés : cet ordinateur n'a pas de police pour eux.

status-connecting = Connexion…
status-connected = connecté à { $site } ({ $name })
status-nobody-available = Personne n’est disponible pour le moment. Vous pouvez rester dans la file d’attente ; un technicien vous répondra dès que possible.
status-reconnecting = connexion perdue, nouvelle tentative dans { $seconds } s
status-offline = Connexion perdue. Reconnexion…
status-waiting = En attente d’un technicien
status-queue = position dans la file d’attente : { $position }
status-wait = attente estimée d’environ { $minutes } min
status-wait-short = attente estimée de moins d’une minute
status-typing = { $name } est en train d’écrire…
status-refused = Le message a été refusé : { $message }
status-invalid-message = Un message doit comporter entre 1 et 4000 caractères.

event-rep-joined = le technicien { $name } a rejoint la session
event-rep-left = le technicien { $name } a quitté la session
event-rep-invited = le technicien { $name } a été invité
event-transferred = vous êtes transféré vers { $to }, veuillez patienter
event-queued = en attente d’un technicien
event-ended = session terminée
event-info-requested = { $name } a demandé à voir les informations système de cet ordinateur
event-info-allowed = vous avez autorisé le partage des informations système
event-info-denied = vous avez refusé de partager les informations système
event-info-revoked = vous avez arrêté le partage des informations système
event-info-shared = informations système envoyées
you = Vous

consent-question-title = { $name } demande à voir les informations système de cet ordinateur. Voici exactement ce qui serait partagé :
consent-question = autoriser ? [y/n]
consent-exact-data = Les données exactes qui seraient envoyées
info-os = Système d’exploitation
info-kernel = Noyau
info-hostname = Nom de l’ordinateur
info-cpu = Processeur
info-cores = { $count } cœurs
info-memory = Mémoire
info-memory-value = { $used } utilisés sur { $total }
info-disk = Disque
info-disk-value = { $available } libres sur { $total }
info-network = Réseau
info-uptime = En marche depuis le démarrage

transcript-title = Transcription de la session d’assistance
transcript-saved = transcription enregistrée dans { $path }
transcript-failed = La transcription n’a pas pu être enregistrée : { $detail }

tui-help = Tapez un message et appuyez sur Entrée pour l’envoyer. Commandes : /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <fichier>, /help
tui-nothing-to-answer = Il n’y a aucune demande à laquelle répondre.
tui-unknown-command = Commande inconnue. Tapez /help pour la liste.

window-title = Session d’assistance
label-site = Site : { $name } ({ $site })
label-rep = Technicien : { $name }
label-message = Votre message
label-sending = envoi…
label-sharing = Vous partagez les informations système de cet ordinateur.
button-send = Envoyer
button-end = Terminer la session
button-save = Enregistrer la transcription
button-allow = Autoriser
button-deny = Refuser
button-revoke = Arrêter le partage
confirm-end = Voulez-vous terminer la session d’assistance ?
button-end-confirm = Oui, terminer
button-cancel = Annuler

## Command shell

event-shell-requested = { $name } a demandé un terminal de commandes sur cet ordinateur
event-shell-allowed = vous avez autorisé le terminal de commandes
event-shell-denied = vous avez refusé le terminal de commandes
event-shell-revoked = vous avez arrêté le terminal de commandes
event-shell-started = terminal de commandes en cours sous votre compte (processus { $pid })
event-shell-ended = le terminal de commandes s’est terminé
error-shell-failed = Le terminal de commandes n’a pas pu démarrer : { $detail }
consent-shell-title = { $name } demande à ouvrir un terminal de commandes sur cet ordinateur.
consent-shell-detail = Il pourrait exécuter toute commande que vous pouvez exécuter, sous votre compte, et en voir le résultat jusqu’à ce que vous arrêtiez le terminal. Tout ce qui est tapé et affiché est enregistré dans le journal de la session.
label-shell = Un terminal de commandes est ouvert pour le conseiller (processus { $pid }).
button-stop-shell = Arrêter le terminal

event-screen-requested = { $name } a demandé à voir votre écran
event-screen-allowed = vous avez autorisé le partage d’écran
event-screen-denied = vous avez refusé le partage d’écran
event-screen-revoked = vous avez arrêté le partage d’écran
event-screen-started = votre écran est partagé avec { $name }
event-screen-stopped = le partage d’écran s’est arrêté
error-screen-failed = Votre écran n’a pas pu être partagé : { $detail }
consent-screen-title = { $name } demande à voir votre écran.
consent-screen-detail = Cette personne verrait en direct tout ce qui s’affiche sur votre écran jusqu’à ce que vous arrêtiez le partage. L’écran n’est pas enregistré ; le journal de la session garde le début et la fin du partage.
label-screen = Votre écran est partagé avec { $name }.
button-stop-screen = Arrêter le partage

## File transfer

consent-files-title = { $name } demande à échanger des fichiers avec vous.
consent-files-detail = Vous choisissez chaque fichier que vous envoyez, et chaque fichier proposé attend votre réponse. Chaque transfert est enregistré dans le journal de la session, avec sa somme de contrôle.
event-files-requested = { $name } a demandé à échanger des fichiers
event-files-allowed = vous avez autorisé le transfert de fichiers
event-files-denied = vous avez refusé le transfert de fichiers
event-files-revoked = vous avez arrêté le transfert de fichiers
file-offered = { $name } propose le fichier { $file } ({ $size })
file-requested = { $name } vous demande d’envoyer un fichier
file-progress-sent = envoi de { $file } : { $percent } %
file-progress-received = réception de { $file } : { $percent } %
file-sent = { $file } a été envoyé et sa somme de contrôle correspond
file-received = { $file } a été reçu et vérifié : { $path }
file-failed = le transfert de { $file } s’est arrêté : { $reason }
tui-help-files = Fichiers : /send <chemin> envoie un fichier, /accept ou /decline répond à un fichier proposé, /revoke file_transfer arrête le transfert de fichiers.
tui-no-file-offer = Aucun fichier proposé n’attend de réponse.
label-files = Le transfert de fichiers est autorisé.
button-stop-files = Arrêter le transfert de fichiers
button-send-file = Envoyer un fichier
hint-file-path = Chemin du fichier à envoyer
button-accept-file = Enregistrer
button-decline-file = Refuser
