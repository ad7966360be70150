# Beckon 用戶端：支援工作階段的客戶一方（繁體中文）。

error-no-ticket = 找不到支援票證。請從支援頁面重新下載支援程式。
error-ticket-malformed = 此支援票證已損毀或不完整。請重新下載支援程式。
error-ticket-expired = 此下載已過期。請在支援頁面上開始新的支援工作階段。
error-ticket-other-site = 此下載屬於另一個網站（{ $ticket_site }），而不是 { $site }。
error-unreachable = 無法連上支援網站 { $site }：{ $detail }
error-bad-answer = 支援網站 { $site } 傳回了本程式無法理解的回應。
error-session-gone = 此支援工作階段已無法使用。
error-internal = 支援程式發生錯誤：{ $detail }
notice-no-display = 找不到圖形顯示器；支援程式在此終端機中執行。
notice-gui-failed = 無法開啟視窗（{ $detail }）；支援程式在此終端機中執行。
notice-missing-font = 此對話中的部分字元無法顯示：這台電腦沒有相應的字型。

status-connecting = 正在連線…
status-connected = 已連線到 { $site }（{ $name }）
status-nobody-available = 目前沒有可提供服務的客服人員。您可以繼續排隊，客服人員會盡快回覆。
status-reconnecting = 連線中斷，{ $seconds } 秒後重試
status-offline = 連線中斷。正在重新連線…
status-waiting = 正在等候客服人員
status-queue = 排隊順位：第 { $position } 位
status-wait = 預估等候約 { $minutes } 分鐘
status-wait-short = 預估等候不到一分鐘
status-typing = { $name } 正在輸入…
status-refused = 訊息遭拒：{ $message }
status-invalid-message = 訊息長度必須介於 1 到 4000 個字元之間。

event-rep-joined = 客服人員 { $name } 已加入
event-rep-left = 客服人員 { $name } 已離開
event-rep-invited = 已邀請客服人員 { $name }
event-transferred = 正在將您轉接到 { $to }，請稍候
event-queued = 正在等候客服人員
event-ended = 工作階段已結束
event-info-requested = { $name } 要求查看這部電腦的系統資訊
event-info-allowed = 您已允許分享系統資訊
event-info-denied = 您已拒絕分享系統資訊
event-info-revoked = 您已停止分享系統資訊
event-info-shared = 系統資訊已傳送
you = 您

consent-question-title = { $name } 要求查看這部電腦的系統資訊。將分享的正是以下內容：
consent-question = 是否允許？[y/n]
consent-exact-data = 將傳送的原始資料
info-os = 作業系統
info-kernel = 核心
info-hostname = 電腦名稱
info-cpu = 處理器
info-cores = { $count } 個核心
info-memory = 記憶體
info-memory-value = 已使用 { $used }，共 { $total }
info-disk = 磁碟
info-disk-value = 可用 { $available }，共 { $total }
info-network = 網路
info-uptime = 開機後的執行時間

transcript-title = 支援工作階段記錄
transcript-saved = 記錄已儲存到 { $path }
transcript-failed = 無法儲存記錄：{ $detail }

tui-help = 輸入訊息並按 Enter 傳送。指令：/allow、/deny、/revoke system_info、/revoke shell、/revoke screen_view、/end、/save <檔案>、/help
tui-nothing-to-answer = 沒有需要回覆的要求。
tui-unknown-command = 未知的指令。輸入 /help 查看清單。

window-title = 支援工作階段
label-site = 網站：{ $name }（{ $site }）
label-rep = 客服人員：{ $name }
label-message = 您的訊息
label-sending = 正在傳送…
label-sharing = 您正在分享這部電腦的系統資訊。
button-send = 傳送
button-end = 結束工作階段
button-save = 儲存記錄
button-allow = 允許
button-deny = 拒絕
button-revoke = 停止分享
confirm-end = 要結束支援工作階段嗎？
button-end-confirm = 是，結束
button-cancel = 取消

## Command shell

event-shell-requested = { $name } 要求在這台電腦上使用命令列
event-shell-allowed = 您已允許命令列
event-shell-denied = 您已拒絕命令列
event-shell-revoked = 您已停止命令列
event-shell-started = 命令列正以您的身分執行（處理程序 { $pid }）
event-shell-ended = 命令列已結束
error-shell-failed = 無法啟動命令列：{ $detail }
consent-shell-title = { $name } 要求在這台電腦上開啟命令列。
consent-shell-detail = 在您停止之前，對方可以用您的身分執行您能執行的任何指令並看到輸出。所有輸入和顯示的內容都會記錄在工作階段的紀錄中。
label-shell = 已為客服人員開啟命令列（處理程序 { $pid }）。
button-stop-shell = 停止命令列

event-screen-requested = { $name } 要求查看您的螢幕
event-screen-allowed = 您已允許分享螢幕
event-screen-denied = 您已拒絕分享螢幕
event-screen-revoked = 您已停止分享螢幕
event-screen-started = 您的螢幕正與 { $name } 分享
event-screen-stopped = 螢幕分享已停止
error-screen-failed = 無法分享您的螢幕：{ $detail }
consent-screen-title = { $name } 要求查看您的螢幕。
consent-screen-detail = 在您停止分享之前，對方可以即時看到螢幕上顯示的所有內容。螢幕內容不會被錄製；工作階段記錄只保留分享的開始與結束。
label-screen = 您的螢幕正與 { $name } 分享。
button-stop-screen = 停止分享

## File transfer

consent-files-title = { $name } 請求與您交換檔案。
consent-files-detail = 您傳送的每個檔案都由您親自選擇，提供給您的每個檔案都會等待您的答覆。每次傳輸及其總和檢查碼都會記錄在工作階段記錄中。
event-files-requested = { $name } 請求交換檔案
event-files-allowed = 您已允許檔案傳輸
event-files-denied = 您已拒絕檔案傳輸
event-files-revoked = 您已停止檔案傳輸
file-offered = { $name } 提供檔案 { $file }（{ $size }）
file-requested = { $name } 請您傳送一個檔案
file-progress-sent = 正在傳送 { $file }：{ $percent }%
file-progress-received = 正在接收 { $file }：{ $percent }%
file-sent = { $file } 已傳送，總和檢查碼相符
file-received = { $file } 已接收並檢查：{ $path }
file-failed = { $file } 的傳輸已停止：{ $reason }
tui-help-files = 檔案：/send <路徑> 傳送檔案，/accept 或 /decline 答覆提供的檔案，/revoke file_transfer 停止檔案傳輸。
tui-no-file-offer = 沒有需要答覆的檔案。
label-files = 已允許檔案傳輸。
button-stop-files = 停止檔案傳輸
button-send-file = 傳送檔案
hint-file-path = 要傳送的檔案路徑
button-accept-file = 儲存
button-decline-file = 拒絕
