# Beckon's customer-facing strings (Traditional Chinese), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = 無法啟動您的支援工作階段
error-multiple-selectors = 請只選擇一種啟動方式：工作階段金鑰、客服人員或問題類型。
error-both-issue-identifiers = 問題類型只能依編號或代號其中之一選擇，不能兩者並用。
error-missing-issue-identifier = 請選擇問題類型。
error-rep-needs-id-and-name = 選擇客服人員時，需要同時提供其編號與姓名。
error-not-an-integer = 「{ $field }」的值必須是整數。
error-duplicate-parameter = 「{ $field }」被重複提供了多次。
error-too-long-chars = 「{ $field }」太長：最多只能包含 { $max } 個字元。
error-too-long-bytes = 「{ $field }」太長：最多只能包含 { $max } 個位元組。
error-custom-too-large = 工作階段的自訂欄位合計過大：最多 { $max } 個位元組。
error-invalid-value = 「{ $field }」包含不允許的值。
error-unknown-rep = 此客服人員不存在。
error-rep-not-available = 此客服人員目前無法提供服務，請稍後再試。
error-unknown-issue = 此問題類型不存在。
error-malformed-key = 工作階段金鑰為 7 位數字。請檢查金鑰後再試一次。
error-unknown-key = 此工作階段金鑰無效。請向您的客服人員確認。
error-expired-key = 此工作階段金鑰已過期。請向您的客服人員索取新的金鑰。
error-used-key = 此工作階段金鑰已被使用。請向您的客服人員索取新的金鑰。
error-too-many-attempts = 嘗試的錯誤工作階段金鑰過多。請等候 { $minutes } 分鐘後再試一次。
error-too-many-starts = 從您的網路啟動的工作階段過多。請等待 { $seconds } 秒後再試一次。
error-nobody-available = 目前沒有客服人員可以為您提供協助，請稍後再試。
error-session-not-found = 此支援工作階段不存在或已結束。
error-internal = 我們這邊發生問題，請稍後再試。
error-go-back = 返回

## The download page of the full customer client

download-title = 下載支援程式
download-intro = 請在這台電腦上執行支援程式，讓客服人員能為您提供協助。
download-no-client = 本網站尚未提供適用於您系統的支援程式。您可以改為與客服人員線上聊天。
download-chat-instead = 與客服人員聊天
download-button = 下載支援程式
download-run-windows = 下載完成後，請開啟檔案以加入您的支援工作階段。如果 Windows 詢問是否執行，請選擇「執行」。
download-run-unix = 下載完成後，請開啟終端機，並使用以下兩個指令啟動檔案：

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = 此支援程式無法加入工作階段：檔案已損毀或遭到修改。請重新下載。
client-ticket-other-site = 此支援程式屬於另一個支援網站。請從您正在使用的網站重新下載。
client-ticket-expired = 此次下載的支援程式已過期。請重新下載以加入您的工作階段。
client-ticket-used = 此次下載的支援程式已用於加入工作階段。如需再次加入，請重新下載。
client-session-ended = 此支援工作階段已結束。請開始新的工作階段。
client-join-too-many = 加入失敗的次數過多。請等候 { $minutes } 分鐘後再試一次。

## The click-to-chat page

bg-chat-title = 線上客服
bg-chat-connecting = 正在連線…
bg-chat-waiting = 請稍候，客服人員馬上為您服務。
bg-chat-queue-position = 您目前排在第 { $position } 位。
bg-chat-rep-joined = { $name } 已加入聊天。
bg-chat-rep-left = { $name } 已離開聊天。
bg-chat-ended = 支援工作階段已結束。謝謝您！
bg-chat-nobody-available = 目前沒有空閒的客服人員。您可以繼續排隊等候，客服人員會盡快回覆您。
bg-chat-input-label = 您的訊息
bg-chat-send = 傳送
bg-chat-you = 您
bg-chat-reconnecting = 連線中斷。正在重新連線…
bg-chat-greeting = 您好！感謝您與我們聯絡。
bg-chat-connected = 已連線。
bg-chat-estimated-wait = 預估等候時間：約 { $minutes } 分鐘。
bg-chat-estimated-wait-short = 預估等候時間：不到 1 分鐘。
bg-chat-transferred = 正在為您轉接其他客服人員，請稍候。
bg-chat-rep-invited = { $name } 已受邀加入聊天。
bg-chat-typing = { $name } 正在輸入…
bg-chat-pending = 正在傳送…
bg-chat-offline = 您已離線。連線恢復後，系統會傳送您的訊息。
bg-chat-log-label = 聊天訊息
bg-chat-end = 結束聊天
bg-chat-end-confirm = 您要結束這次聊天嗎？
bg-chat-transcript = 下載聊天記錄：
bg-chat-transcript-text = 純文字
bg-chat-transcript-html = 網頁
bg-chat-leave-message = 留言
bg-chat-leave-message-intro = 請留下您的訊息，我們會再與您聯絡。
bg-chat-leave-message-name = 您的姓名
bg-chat-leave-message-contact = 電子郵件或電話
bg-chat-leave-message-text = 您的訊息
bg-chat-leave-message-send = 傳送訊息
bg-chat-leave-message-sent = 謝謝。您的訊息已傳送給我們的團隊。
bg-chat-rate-limited = 您傳送訊息的速度太快，請稍候片刻。
bg-chat-too-long = 您的訊息太長：最多只能包含 { $max } 個字元。
bg-chat-elevation-request = { $name } 要求啟動遠端支援工作階段，以便更妥善地協助您。
bg-chat-elevation-accept = 接受
bg-chat-elevation-decline = 拒絕
bg-chat-elevation-declined = 您已拒絕遠端支援要求。
bg-transcript-title = 聊天記錄
bg-transcript-customer = 客戶
bg-transcript-system = 系統

## The start_session.js dialog on the customer's website

bg-dialog-title = 正在啟動您的支援工作階段
bg-dialog-close = 關閉
bg-dialog-starting = 正在準備您的工作階段…
bg-dialog-downloading = 即將開始下載。
bg-dialog-instructions = 下載完成後，請開啟檔案以加入您的支援工作階段。
bg-dialog-manual = 如果下載沒有開始，請按一下這裡下載支援程式。
bg-dialog-failed = 無法啟動您的支援工作階段。
bg-popup-blocked = 您的瀏覽器封鎖了聊天視窗。
bg-popup-open-link = 在新分頁中開啟聊天
bg-mobile-title = 在支援 App 中繼續
bg-mobile-opening = 正在開啟支援 App…
bg-mobile-install = 安裝支援 App
bg-mobile-start = 我已安裝 App：開始我的工作階段

## The public portal (/)

portal-title = 取得支援
portal-key-heading = 您有工作階段金鑰嗎？
portal-key-label = 工作階段金鑰
portal-key-hint = 請輸入客服人員提供給您的 7 位數金鑰。
portal-key-submit = 開始
portal-issue-heading = 或告訴我們您需要哪方面的協助
portal-issue-label = 您需要哪方面的協助？
portal-name-label = 您的姓名
portal-company-label = 公司
portal-details-label = 請描述問題
portal-issue-submit = 請求協助
portal-language-label = 語言
