# Beckon's customer-facing strings (English, the reference catalog).
# Every other locale must define every message here; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Your support session could not start
error-multiple-selectors = Choose only one way to start: a session key, a representative or a support issue.
error-both-issue-identifiers = A support issue is chosen by its number or by its code name, not both.
error-missing-issue-identifier = Choose a support issue.
error-rep-needs-id-and-name = A representative is chosen by both their number and their name.
error-not-an-integer = The value of “{ $field }” must be a whole number.
error-duplicate-parameter = “{ $field }” was given more than once.
error-too-long-chars = “{ $field }” is too long: it may have at most { $max } characters.
error-too-long-bytes = “{ $field }” is too long: it may have at most { $max } bytes.
error-custom-too-large = The session's custom fields are too large together: at most { $max } bytes.
error-invalid-value = “{ $field }” has a value that is not allowed.
error-unknown-rep = This representative does not exist.
error-rep-not-available = This representative is not available right now. Please try again later.
error-unknown-issue = This support issue does not exist.
error-malformed-key = A session key has 7 digits. Please check the key and try again.
error-unknown-key = This session key is not valid. Please check it with your representative.
error-expired-key = This session key has expired. Please ask your representative for a new one.
error-used-key = This session key has already been used. Please ask your representative for a new one.
error-too-many-attempts = Too many wrong session keys were tried. Please wait { $minutes } minutes and try again.
error-too-many-starts = Too many sessions were started from your network. Please wait { $seconds } seconds and try again.
error-nobody-available = Nobody is available to help you right now. Please try again later.
error-session-not-found = This support session does not exist or has already ended.
error-internal = Something went wrong on our side. Please try again in a moment.
error-go-back = Go back

## The download page of the full customer client

download-title = Download the support client
download-intro = To let a representative help you, run the support client on this computer.
download-no-client = The support client for your system is not available on this site yet. You can chat with a representative instead.
download-chat-instead = Chat with a representative
download-button = Download the support client
download-run-windows = When the download has finished, open the file to join your support session. If Windows asks whether to run it, choose “Run”.
download-run-unix = When the download has finished, open a terminal and start the file with these two commands:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = This support program cannot join a session: it was damaged or changed. Please download it again.
client-ticket-other-site = This support program belongs to another support site. Please download it again from the site you are using.
client-ticket-expired = This download of the support program has expired. Please download it again to join your session.
client-ticket-used = This download of the support program has already joined its session. Please download it again to join once more.
client-session-ended = This support session has already ended. Please start a new one.
client-join-too-many = Too many attempts to join failed. Please wait { $minutes } minutes and try again.

## The click-to-chat page

bg-chat-title = Support chat
bg-chat-connecting = Connecting…
bg-chat-waiting = Please wait, a representative will be with you shortly.
bg-chat-queue-position = You are number { $position } in the queue.
bg-chat-rep-joined = { $name } joined the chat.
bg-chat-rep-left = { $name } left the chat.
bg-chat-ended = The support session has ended. Thank you!
bg-chat-nobody-available = Nobody is available right now. You may stay in the queue; a representative will answer as soon as possible.
bg-chat-input-label = Your message
bg-chat-send = Send
bg-chat-you = You
bg-chat-reconnecting = Connection lost. Reconnecting…
bg-chat-greeting = Hello! Thank you for contacting us.
bg-chat-connected = Connected.
bg-chat-estimated-wait = Estimated wait: about { $minutes } minutes.
bg-chat-estimated-wait-short = Estimated wait: less than a minute.
bg-chat-transferred = You are being transferred to another representative. Please wait.
bg-chat-rep-invited = { $name } was invited to the chat.
bg-chat-typing = { $name } is typing…
bg-chat-pending = Sending…
bg-chat-offline = You are offline. Your messages will be sent when the connection returns.
bg-chat-log-label = Chat messages
bg-chat-end = End chat
bg-chat-end-confirm = Do you want to end this chat?
bg-chat-transcript = Download the transcript:
bg-chat-transcript-text = plain text
bg-chat-transcript-html = web page
bg-chat-leave-message = Leave a message
bg-chat-leave-message-intro = Leave your message and we will get back to you.
bg-chat-leave-message-name = Your name
bg-chat-leave-message-contact = E-mail or phone
bg-chat-leave-message-text = Your message
bg-chat-leave-message-send = Send message
bg-chat-leave-message-sent = Thank you. Your message was sent to our team.
bg-chat-rate-limited = You are sending messages too quickly. Please wait a moment.
bg-chat-too-long = Your message is too long: it may have at most { $max } characters.
bg-chat-elevation-request = { $name } asks to start a remote support session to help you better.
bg-chat-elevation-accept = Accept
bg-chat-elevation-decline = Decline
bg-chat-elevation-declined = You declined the remote support request.
bg-transcript-title = Chat transcript
bg-transcript-customer = Customer
bg-transcript-system = System

## The start_session.js dialog on the customer's website

bg-dialog-title = Starting your support session
bg-dialog-close = Close
bg-dialog-starting = Preparing your session…
bg-dialog-downloading = Your download should begin in a moment.
bg-dialog-instructions = When the download has finished, open the file to join your support session.
bg-dialog-manual = If the download did not start, click here to download the support client.
bg-dialog-failed = Your support session could not start.
bg-popup-blocked = Your browser blocked the chat window.
bg-popup-open-link = Open the chat in a new tab
bg-mobile-title = Continue in the support app
bg-mobile-opening = Opening the support app…
bg-mobile-install = Install the support app
bg-mobile-start = I have installed the app: start my session

## The public portal (/)

portal-title = Get support
portal-key-heading = Do you have a session key?
portal-key-label = Session key
portal-key-hint = Enter the 7-digit key your representative gave you.
portal-key-submit = Start
portal-issue-heading = Or tell us what you need help with
portal-issue-label = What do you need help with?
portal-name-label = Your name
portal-company-label = Company
portal-details-label = Describe the problem
portal-issue-submit = Request help
portal-language-label = Language
