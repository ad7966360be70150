# Beckon クライアント: サポートセッションのお客様側（日本語）。

error-no-ticket = サポートチケットが見つかりません。サポートページからサポートプログラムをもう一度ダウンロードしてください。
error-ticket-malformed = このサポートチケットは破損しているか不完全です。サポートプログラムをもう一度ダウンロードしてください。
error-ticket-expired = このダウンロードは有効期限が切れています。サポートページで新しいサポートセッションを開始してください。
error-ticket-other-site = このダウンロードは { $site } ではなく、別のサイト（{ $ticket_site }）用です。
error-unreachable = サポートサイト { $site } に接続できません: { $detail }
error-bad-answer = サポートサイト { $site } から、このプログラムが理解できない応答がありました。
error-session-gone = このサポートセッションは利用できなくなりました。
error-internal = サポートプログラムでエラーが発生しました: { $detail }
notice-no-display = グラフィカルなディスプレイが見つかりません。サポートプログラムはこの端末で動作します。
notice-gui-failed = ウィンドウを開けませんでした（{ $detail }）。サポートプログラムはこの端末で動作します。
notice-missing-font = この会話の一部の文字を表示できません。このコンピューターには対応するフォントがありません。

status-connecting = 接続しています…
status-connected = { $site }（{ $name }）に接続しました
status-nobody-available = 現在対応できる担当者がいません。このままお待ちいただければ、担当者ができるだけ早くお答えします。
status-reconnecting = 接続が切断されました。{ $seconds } 秒後に再接続します
status-offline = 接続が切断されました。再接続しています…
status-waiting = 担当者をお待ちください
status-queue = 待ち順: { $position } 番目
status-wait = 推定待ち時間: 約 { $minutes } 分
status-wait-short = 推定待ち時間: 1 分未満
status-typing = { $name }が入力しています…
status-refused = メッセージは拒否されました: { $message }
status-invalid-message = メッセージは 1～4000 文字で入力してください。

event-rep-joined = 担当者 { $name } が参加しました
event-rep-left = 担当者 { $name } が退出しました
event-rep-invited = 担当者 { $name } が招待されました
event-transferred = { $to } に転送しています。しばらくお待ちください
event-queued = 担当者をお待ちください
event-ended = セッションが終了しました
event-info-requested = { $name } がこのコンピューターのシステム情報の表示を求めました
event-info-allowed = システム情報の共有を許可しました
event-info-denied = システム情報の共有を拒否しました
event-info-revoked = システム情報の共有を停止しました
event-info-shared = システム情報を送信しました
you = お客様

consent-question-title = { $name } がこのコンピューターのシステム情報の表示を求めています。共有されるのは次の内容そのものです:
consent-question = 許可しますか？ [y/n]
consent-exact-data = 送信されるデータそのもの
info-os = オペレーティングシステム
info-kernel = カーネル
info-hostname = コンピューター名
info-cpu = プロセッサー
info-cores = { $count } コア
info-memory = メモリ
info-memory-value = { $total } 中 { $used } 使用
info-disk = ディスク
info-disk-value = { $total } 中 { $available } 空き
info-network = ネットワーク
info-uptime = 起動からの稼働時間

transcript-title = サポートセッションの記録
transcript-saved = 記録を { $path } に保存しました
transcript-failed = 記録を保存できませんでした: { $detail }

tui-help = メッセージを入力して Enter キーで送信します。コマンド: /allow, /deny, /revoke system_info, /revoke shell, /revoke screen_view, /end, /save <ファイル>, /help
tui-nothing-to-answer = 回答する依頼はありません。
tui-unknown-command = 不明なコマンドです。一覧は /help で表示できます。

window-title = サポートセッション
label-site = サイト: { $name }（{ $site }）
label-rep = 担当者: { $name }
label-message = メッセージ
label-sending = 送信中…
label-sharing = このコンピューターのシステム情報を共有しています。
button-send = 送信
button-end = セッションを終了
button-save = 記録を保存
button-allow = 許可
button-deny = 拒否
button-revoke = 共有を停止
confirm-end = サポートセッションを終了しますか？
button-end-confirm = はい、終了します
button-cancel = キャンセル

## Command shell

event-shell-requested = { $name } がこのコンピューターのコマンドシェルを求めました
event-shell-allowed = コマンドシェルを許可しました
event-shell-denied = コマンドシェルを拒否しました
event-shell-revoked = コマンドシェルを停止しました
event-shell-started = コマンドシェルがあなたのユーザーで実行中です (プロセス { $pid })
event-shell-ended = コマンドシェルが終了しました
error-shell-failed = コマンドシェルを開始できませんでした: { $detail }
consent-shell-title = { $name } がこのコンピューターでコマンドシェルを開くことを求めています。
consent-shell-detail = 停止するまで、あなたが実行できるあらゆるコマンドをあなたのユーザーとして実行し、その出力を見ることができます。入力と表示の内容はすべてセッションの記録に残ります。
label-shell = 担当者用のコマンドシェルが開いています (プロセス { $pid })。
button-stop-shell = シェルを停止

event-screen-requested = { $name } が画面の表示を求めました
event-screen-allowed = 画面の共有を許可しました
event-screen-denied = 画面の共有を拒否しました
event-screen-revoked = 画面の共有を停止しました
event-screen-started = 画面を { $name } と共有しています
event-screen-stopped = 画面の共有が終了しました
error-screen-failed = 画面を共有できませんでした: { $detail }
consent-screen-title = { $name } があなたの画面を見ることを求めています。
consent-screen-detail = 共有を停止するまで、画面に表示されるすべてがリアルタイムで見えます。画面そのものは記録されず、セッションのログには開始と終了だけが残ります。
label-screen = 画面を { $name } と共有しています。
button-stop-screen = 共有を停止

## File transfer

consent-files-title = { $name } がファイルのやり取りを求めています。
consent-files-detail = 送信するファイルはすべてご自身で選び、提供されたファイルはすべてあなたの応答を待ちます。各転送はチェックサムとともにセッションの記録に残ります。
event-files-requested = { $name } がファイルのやり取りを求めました
event-files-allowed = ファイル転送を許可しました
event-files-denied = ファイル転送を拒否しました
event-files-revoked = ファイル転送を停止しました
file-offered = { $name } がファイル { $file } ({ $size }) を送ろうとしています
file-requested = { $name } がファイルの送信を求めています
file-progress-sent = { $file } を送信中: { $percent }%
file-progress-received = { $file } を受信中: { $percent }%
file-sent = { $file } を送信しました (チェックサム一致)
file-received = { $file } を受信して確認しました: { $path }
file-failed = { $file } の転送が停止しました: { $reason }
tui-help-files = ファイル: /send <パス> でファイルを送信、/accept または /decline で提供されたファイルに応答、/revoke file_transfer でファイル転送を停止します。
tui-no-file-offer = 応答するファイルの提供はありません。
label-files = ファイル転送は許可されています。
button-stop-files = ファイル転送を停止
button-send-file = ファイルを送信
hint-file-path = 送信するファイルのパス
button-accept-file = 保存
button-decline-file = 拒否
