# Beckon's customer-facing strings (Russian), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = Не удалось начать сеанс поддержки
error-multiple-selectors = Выберите только один способ начать сеанс: ключ сеанса, специалиста или тему обращения.
error-both-issue-identifiers = Тема обращения выбирается либо по номеру, либо по кодовому имени, но не по обоим сразу.
error-missing-issue-identifier = Выберите тему обращения.
error-rep-needs-id-and-name = Чтобы выбрать специалиста, нужно указать и его номер, и имя.
error-not-an-integer = Значение поля «{ $field }» должно быть целым числом.
error-duplicate-parameter = Поле «{ $field }» указано более одного раза.
error-too-long-chars = Поле «{ $field }» слишком длинное: максимальное число символов — { $max }.
error-too-long-bytes = Поле «{ $field }» слишком длинное: максимальный размер в байтах — { $max }.
error-custom-too-large = Дополнительные поля сеанса в сумме слишком велики: максимальный размер в байтах — { $max }.
error-invalid-value = Поле «{ $field }» содержит недопустимое значение.
error-unknown-rep = Такого специалиста не существует.
error-rep-not-available = Этот специалист сейчас недоступен. Пожалуйста, повторите попытку позже.
error-unknown-issue = Такой темы обращения не существует.
error-malformed-key = Ключ сеанса состоит из 7 цифр. Проверьте ключ и повторите попытку.
error-unknown-key = Этот ключ сеанса недействителен. Уточните его у специалиста, который вам помогает.
error-expired-key = Срок действия этого ключа сеанса истёк. Попросите у специалиста новый ключ.
error-used-key = Этот ключ сеанса уже использован. Попросите у специалиста новый ключ.
error-too-many-attempts = Слишком много попыток ввести неверный ключ сеанса. Подождите { $minutes } мин. и повторите попытку.
error-too-many-starts = С вашей сети начато слишком много сеансов. Подождите { $seconds } с и повторите попытку.
error-nobody-available = Сейчас нет свободных специалистов, которые могли бы вам помочь. Пожалуйста, повторите попытку позже.
error-session-not-found = Этот сеанс поддержки не существует или уже завершён.
error-internal = На нашей стороне произошла ошибка. Пожалуйста, повторите попытку чуть позже.
error-go-back = Назад

## The download page of the full customer client

download-title = Скачать программу поддержки
download-intro = Чтобы специалист мог вам помочь, запустите программу поддержки на этом компьютере.
download-no-client = Программа поддержки для вашей системы пока недоступна на этом сайте. Вместо этого вы можете написать специалисту в чат.
download-chat-instead = Написать специалисту в чат
download-button = Скачать программу поддержки
download-run-windows = Когда скачивание завершится, откройте файл, чтобы подключиться к сеансу поддержки. Если Windows спросит, запускать ли его, выберите «Выполнить».
download-run-unix = Когда скачивание завершится, откройте терминал и запустите файл этими двумя командами:

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = Эта программа поддержки не может подключиться к сеансу: она повреждена или изменена. Скачайте её ещё раз.
client-ticket-other-site = Эта программа поддержки относится к другому сайту поддержки. Скачайте её ещё раз с сайта, которым вы пользуетесь.
client-ticket-expired = Срок действия этой загрузки программы поддержки истёк. Скачайте её ещё раз, чтобы подключиться к сеансу.
client-ticket-used = Эта загрузка программы поддержки уже использована для подключения к сеансу. Скачайте её ещё раз, чтобы подключиться снова.
client-session-ended = Этот сеанс поддержки уже завершён. Начните новый.
client-join-too-many = Слишком много неудачных попыток подключения. Подождите { $minutes } мин. и повторите попытку.

## The click-to-chat page

bg-chat-title = Чат поддержки
bg-chat-connecting = Подключение…
bg-chat-waiting = Пожалуйста, подождите: специалист скоро вам ответит.
bg-chat-queue-position = Ваш номер в очереди: { $position }.
bg-chat-rep-joined = Специалист { $name } присоединился к чату.
bg-chat-rep-left = Специалист { $name } покинул чат.
bg-chat-ended = Сеанс поддержки завершён. Спасибо!
bg-chat-nobody-available = Сейчас нет свободных специалистов. Вы можете остаться в очереди — специалист ответит вам как можно скорее.
bg-chat-input-label = Ваше сообщение
bg-chat-send = Отправить
bg-chat-you = Вы
bg-chat-reconnecting = Соединение потеряно. Повторное подключение…
bg-chat-greeting = Здравствуйте! Спасибо, что обратились к нам.
bg-chat-connected = Соединение установлено.
bg-chat-estimated-wait = Примерное время ожидания: около { $minutes } мин.
bg-chat-estimated-wait-short = Примерное время ожидания: меньше минуты.
bg-chat-transferred = Ваш чат передаётся другому специалисту. Пожалуйста, подождите.
bg-chat-rep-invited = Специалист { $name } приглашён в чат.
bg-chat-typing = { $name } печатает…
bg-chat-pending = Отправка…
bg-chat-offline = Нет подключения к сети. Ваши сообщения будут отправлены, когда соединение восстановится.
bg-chat-log-label = Сообщения чата
bg-chat-end = Завершить чат
bg-chat-end-confirm = Завершить этот чат?
bg-chat-transcript = Скачать запись чата:
bg-chat-transcript-text = обычный текст
bg-chat-transcript-html = веб-страница
bg-chat-leave-message = Оставить сообщение
bg-chat-leave-message-intro = Оставьте сообщение, и мы с вами свяжемся.
bg-chat-leave-message-name = Ваше имя
bg-chat-leave-message-contact = Эл. почта или телефон
bg-chat-leave-message-text = Ваше сообщение
bg-chat-leave-message-send = Отправить сообщение
bg-chat-leave-message-sent = Спасибо. Ваше сообщение отправлено нашей команде.
bg-chat-rate-limited = Вы отправляете сообщения слишком часто. Пожалуйста, немного подождите.
bg-chat-too-long = Сообщение слишком длинное: максимальное число символов — { $max }.
bg-chat-elevation-request = { $name } запрашивает разрешение начать сеанс удалённой поддержки, чтобы лучше вам помочь.
bg-chat-elevation-accept = Принять
bg-chat-elevation-decline = Отклонить
bg-chat-elevation-declined = Вы отклонили запрос на сеанс удалённой поддержки.
bg-transcript-title = Запись чата
bg-transcript-customer = Клиент
bg-transcript-system = Система

## The start_session.js dialog on the customer's website

bg-dialog-title = Запуск сеанса поддержки
bg-dialog-close = Закрыть
bg-dialog-starting = Подготовка сеанса…
bg-dialog-downloading = Скачивание начнётся через несколько секунд.
bg-dialog-instructions = Когда скачивание завершится, откройте файл, чтобы подключиться к сеансу поддержки.
bg-dialog-manual = Если скачивание не началось, нажмите здесь, чтобы скачать программу поддержки.
bg-dialog-failed = Не удалось начать сеанс поддержки.
bg-popup-blocked = Браузер заблокировал окно чата.
bg-popup-open-link = Открыть чат в новой вкладке
bg-mobile-title = Продолжите в приложении поддержки
bg-mobile-opening = Открываем приложение поддержки…
bg-mobile-install = Установить приложение поддержки
bg-mobile-start = Приложение установлено: начать сеанс

## The public portal (/)

portal-title = Получить поддержку
portal-key-heading = У вас есть ключ сеанса?
portal-key-label = Ключ сеанса
portal-key-hint = Введите 7-значный ключ, который вам дал специалист.
portal-key-submit = Начать
portal-issue-heading = Или расскажите, с чем вам нужна помощь
portal-issue-label = С чем вам нужна помощь?
portal-name-label = Ваше имя
portal-company-label = Компания
portal-details-label = Опишите проблему
portal-issue-submit = Запросить помощь
portal-language-label = Язык
