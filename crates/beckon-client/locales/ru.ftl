# Клиент Beckon: сторона клиента в сеансе поддержки (русский).

error-no-ticket = Билет поддержки не найден. Пожалуйста, скачайте программу поддержки заново со страницы поддержки.
error-ticket-malformed = Этот билет поддержки повреждён или неполон. Пожалуйста, скачайте программу поддержки заново.
error-ticket-expired = Срок действия этой загрузки истёк. Пожалуйста, начните новый сеанс поддержки на странице поддержки.
error-ticket-other-site = Эта загрузка предназначена для другого сайта ({ $ticket_site }), а не для { $site }.
error-unreachable = Сайт поддержки { $site } недоступен: { $detail }
error-bad-answer = Сайт поддержки { $site } дал ответ, который эта программа не понимает.
error-session-gone = Этот сеанс поддержки больше недоступен.
error-internal = В программе поддержки произошла ошибка: { $detail }
notice-no-display = Графический дисплей не найден; программа поддержки работает в этом терминале.
notice-gui-failed = Не удалось открыть окно ({ $detail }); программа поддержки работает в этом терминале.
notice-missing-font = Некоторые символы этого разговора не удаётся показать: на этом компьютере нет подходящего шрифта.

status-connecting = Подключение…
status-connected = подключено к { $site } ({ $name })
status-nobody-available = Сейчас никто не доступен. Вы можете остаться в очереди; специалист ответит как можно скорее.
status-reconnecting = соединение потеряно, повторная попытка через { $seconds } с
status-offline = Соединение потеряно. Повторное подключение…
status-waiting = Ожидание специалиста
status-queue = место в очереди: { $position }
status-wait = ожидание примерно { $minutes } мин
status-wait-short = ожидание менее минуты
status-typing = { $name } печатает…
status-refused = Сообщение отклонено: { $message }
status-invalid-message = Сообщение должно содержать от 1 до 4000 символов.

event-rep-joined = специалист { $name } подключился
event-rep-left = специалист { $name } вышел
event-rep-invited = специалист { $name } приглашён
event-transferred = вас переводят в { $to }, пожалуйста, подождите
event-queued = ожидание специалиста
event-ended = сеанс завершён
event-info-requested = { $name } запросил сведения о системе этого компьютера
event-info-allowed = вы разрешили передачу сведений о системе
event-info-denied = вы отказались передавать сведения о системе
event-info-revoked = вы прекратили передачу сведений о системе
event-info-shared = сведения о системе отправлены
you = Вы

consent-question-title = { $name } просит показать сведения о системе этого компьютера. Будет передано ровно следующее:
consent-question = разрешить? [y/n]
consent-exact-data = Точные данные, которые будут отправлены
info-os = Операционная система
info-kernel = Ядро
info-hostname = Имя компьютера
info-cpu = Процессор
info-cores = ядер: { $count }
info-memory = Память
info-memory-value = занято { $used } из { $total }
info-disk = Диск
info-disk-value = свободно { $available } из { $total }
info-network = Сеть
info-uptime = Время работы с запуска

transcript-title = Запись сеанса поддержки
transcript-saved = запись сохранена в { $path }
transcript-failed = Не удалось сохранить запись: { $detail }

tui-help = Введите сообщение и нажмите Enter, чтобы отправить его. Команды: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <файл>, /help
tui-nothing-to-answer = Нет запроса, на который нужно ответить.
tui-unknown-command = Неизвестная команда. Введите /help, чтобы увидеть список.

window-title = Сеанс поддержки
label-site = Сайт: { $name } ({ $site })
label-rep = Специалист: { $name }
label-message = Ваше сообщение
label-sending = отправка…
label-sharing = Вы передаёте сведения о системе этого компьютера.
button-send = Отправить
button-end = Завершить сеанс
button-save = Сохранить запись
button-allow = Разрешить
button-deny = Отказать
button-revoke = Прекратить передачу
confirm-end = Завершить сеанс поддержки?
button-end-confirm = Да, завершить
button-cancel = Отмена

## Command shell

event-shell-requested = { $name } запросил командную оболочку на этом компьютере
event-shell-allowed = вы разрешили командную оболочку
event-shell-denied = вы отклонили командную оболочку
event-shell-revoked = вы остановили командную оболочку
event-shell-started = командная оболочка работает от вашего имени (процесс { $pid })
event-shell-ended = командная оболочка завершилась
error-shell-failed = Не удалось запустить командную оболочку: { $detail }
consent-shell-title = { $name } просит открыть командную оболочку на этом компьютере.
consent-shell-detail = Он сможет выполнять любые команды, доступные вам, от вашего имени и видеть их вывод, пока вы не остановите оболочку. Всё введённое и показанное записывается в журнал сеанса.
label-shell = Для специалиста открыта командная оболочка (процесс { $pid }).
button-stop-shell = Остановить оболочку

event-screen-requested = { $name } попросил показать ваш экран
event-screen-allowed = вы разрешили показ экрана
event-screen-denied = вы отказали в показе экрана
event-screen-revoked = вы прекратили показ экрана
event-screen-started = ваш экран показывается: { $name }
event-screen-stopped = показ экрана прекращён
error-screen-failed = Не удалось показать экран: { $detail }
consent-screen-title = { $name } просит показать ваш экран.
consent-screen-detail = Специалист будет видеть всё, что на вашем экране, в реальном времени, пока вы не прекратите показ. Сам экран не записывается; в журнале сеанса остаются только начало и конец показа.
label-screen = Ваш экран показывается: { $name }.
button-stop-screen = Прекратить показ

## File transfer

consent-files-title = { $name } просит разрешения обмениваться с вами файлами.
consent-files-detail = Каждый отправляемый файл вы выбираете сами, а каждый предложенный вам файл ждёт вашего ответа. Каждая передача записывается в журнал сеанса вместе с контрольной суммой.
event-files-requested = { $name } попросил обмениваться файлами
event-files-allowed = вы разрешили передачу файлов
event-files-denied = вы отклонили передачу файлов
event-files-revoked = вы остановили передачу файлов
file-offered = { $name } предлагает файл { $file } ({ $size })
file-requested = { $name } просит вас отправить файл
file-progress-sent = отправка { $file }: { $percent }%
file-progress-received = получение { $file }: { $percent }%
file-sent = { $file } отправлен, контрольная сумма совпала
file-received = { $file } получен и проверен: { $path }
file-failed = передача { $file } остановлена: { $reason }
tui-help-files = Файлы: /send <путь> отправляет файл, /accept или /decline отвечает на предложенный файл, /revoke file_transfer останавливает передачу файлов.
tui-no-file-offer = Нет предложенного файла, на который нужно ответить.
label-files = Передача файлов разрешена.
button-stop-files = Остановить передачу файлов
button-send-file = Отправить файл
hint-file-path = Путь к отправляемому файлу
button-accept-file = Сохранить
button-decline-file = Отклонить
