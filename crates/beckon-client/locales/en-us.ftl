# Beckon client: the customer's side of a support session (English, the reference catalog).
# Every other locale must define every message here; a unit test fails otherwise.
# The text mode prints several of these as its stable, documented lines (docs/customer_client.md):
# keep the English wording of status-connected, status-queue, event-*, consent-question.

## Failures before or while connecting (printed, then the program exits)

error-no-ticket = No support ticket was found. Please download the support program again from the support page.
error-ticket-malformed = This support ticket is damaged or incomplete. Please download the support program again.
error-ticket-expired = This download has expired. Please start a new support session on the support page.
error-ticket-other-site = This download is for another site ({ $ticket_site }), not for { $site }.
error-unreachable = The support site { $site } cannot be reached: { $detail }
error-bad-answer = The support site { $site } gave an answer this program does not understand.
error-session-gone = This support session is no longer available.
error-internal = Something went wrong in the support program: { $detail }
notice-no-display = No graphical display was found; the support program runs in this terminal.
notice-gui-failed = The window could not be opened ({ $detail }); the support program runs in this terminal.
notice-missing-font = Some characters of this conversation cannot be shown: this computer has no font for them.

## Connection and queue

status-connecting = connecting…
status-connected = connected to { $site } ({ $name })
status-nobody-available = Nobody is available right now. You may stay in the queue; a representative will answer as soon as possible.
status-reconnecting = connection lost, reconnecting in { $seconds } s
status-offline = Connection lost. Reconnecting…
status-waiting = Waiting for a representative
status-queue = queue position { $position }
status-wait = estimated wait about { $minutes } min
status-wait-short = estimated wait less than a minute
status-typing = { $name } is typing…
status-refused = The message was refused: { $message }
status-invalid-message = A message must have between 1 and 4000 characters.

## The session's events

event-rep-joined = representative { $name } joined
event-rep-left = representative { $name } left
event-rep-invited = representative { $name } was invited
event-transferred = you are being transferred to { $to }, please wait
event-queued = waiting for a representative
event-ended = session ended
event-info-requested = { $name } asked to see this computer's system information
event-info-allowed = you allowed sharing the system information
event-info-denied = you declined to share the system information
event-info-revoked = you stopped sharing the system information
event-info-shared = system information sent
you = You

## Consent

consent-question-title = { $name } asks to see this computer's system information. Exactly this would be shared:
consent-question = allow? [y/n]
consent-exact-data = The exact data that would be sent
info-os = Operating system
info-kernel = Kernel
info-hostname = Computer name
info-cpu = Processor
info-cores = { $count } cores
info-memory = Memory
info-memory-value = { $used } used of { $total }
info-disk = Disk
info-disk-value = { $available } free of { $total }
info-network = Network
info-uptime = Running since start

## Transcript

transcript-title = Support session transcript
transcript-saved = transcript saved to { $path }
transcript-failed = The transcript could not be saved: { $detail }

## Text mode

tui-help = Type a message and press Enter to send it. Commands: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <file>, /help
tui-nothing-to-answer = There is no request to answer.
tui-unknown-command = Unknown command. Type /help for the list.

## Window

window-title = Support session
label-site = Site: { $name } ({ $site })
label-rep = Representative: { $name }
label-message = Your message
label-sending = sending…
label-sharing = You are sharing this computer's system information.
button-send = Send
button-end = End session
button-save = Save transcript
button-allow = Allow
button-deny = Deny
button-revoke = Stop sharing
confirm-end = Do you want to end the support session?
button-end-confirm = Yes, end it
button-cancel = Cancel

## Command shell

event-shell-requested = { $name } asked for a command shell on this computer
event-shell-allowed = you allowed the command shell
event-shell-denied = you declined the command shell
event-shell-revoked = you stopped the command shell
event-shell-started = command shell running as you (process { $pid })
event-shell-ended = the command shell ended
error-shell-failed = The command shell could not be started: { $detail }
consent-shell-title = { $name } asks to open a command shell on this computer.
consent-shell-detail = They could run any command you can, as you, and see its output until you stop the shell. Everything typed and shown is recorded in the session's log.
label-shell = A command shell is open for the representative (process { $pid }).
button-stop-shell = Stop the shell

## Screen view

event-screen-requested = { $name } asked to see your screen
event-screen-allowed = you allowed screen sharing
event-screen-denied = you declined screen sharing
event-screen-revoked = you stopped sharing your screen
event-screen-started = your screen is shared with { $name }
event-screen-stopped = screen sharing stopped
error-screen-failed = Your screen could not be shared: { $detail }
consent-screen-title = { $name } asks to see your screen.
consent-screen-detail = They would see everything shown on your screen, live, until you stop sharing. The screen itself is not recorded; the session's log keeps when sharing started and stopped.
label-screen = Your screen is shared with { $name }.
button-stop-screen = Stop sharing

## File transfer

consent-files-title = { $name } asks to exchange files with you.
consent-files-detail = You choose every file you send, and every file offered to you waits for your answer. Each transfer is recorded in the session's log, with its checksum.
event-files-requested = { $name } asked to exchange files
event-files-allowed = you allowed file transfer
event-files-denied = you declined file transfer
event-files-revoked = you stopped file transfer
file-offered = { $name } offers the file { $file } ({ $size })
file-requested = { $name } asks you to send a file
file-progress-sent = sending { $file }: { $percent }%
file-progress-received = receiving { $file }: { $percent }%
file-sent = { $file } was sent and its checksum matched
file-received = { $file } was received and checked: { $path }
file-failed = the transfer of { $file } stopped: { $reason }
tui-help-files = Files: /send <path> sends a file, /accept or /decline answers a file offered, /revoke file_transfer stops file transfer.
tui-no-file-offer = There is no file offered to answer.
label-files = File transfer is allowed.
button-stop-files = Stop file transfer
button-send-file = Send file
hint-file-path = Path of the file to send
button-accept-file = Save
button-decline-file = Decline
