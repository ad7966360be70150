# Beckon's customer-facing strings (Japanese), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = サポートセッションを開始できませんでした
error-multiple-selectors = 開始方法は、セッションキー、担当者、お問い合わせの種類のうち1つだけを選択してください。
error-both-issue-identifiers = お問い合わせの種類は、番号またはコード名のどちらか一方で指定してください。両方を指定することはできません。
error-missing-issue-identifier = お問い合わせの種類を選択してください。
error-rep-needs-id-and-name = 担当者を指定するには、番号と名前の両方が必要です。
error-not-an-integer = 「{ $field }」の値は整数で指定してください。
error-duplicate-parameter = 「{ $field }」が複数回指定されています。
error-too-long-chars = 「{ $field }」が長すぎます。{ $max }文字以内で指定してください。
error-too-long-bytes = 「{ $field }」が長すぎます。{ $max }バイト以内で指定してください。
error-custom-too-large = セッションのカスタムフィールドの合計サイズが大きすぎます。合計{ $max }バイト以内にしてください。
error-invalid-value = 「{ $field }」に使用できない値が指定されています。
error-unknown-rep = この担当者は存在しません。
error-rep-not-available = この担当者は現在対応できません。しばらくしてからもう一度お試しください。
error-unknown-issue = このお問い合わせの種類は存在しません。
error-malformed-key = セッションキーは7桁の数字です。キーをご確認のうえ、もう一度お試しください。
error-unknown-key = このセッションキーは無効です。担当者にご確認ください。
error-expired-key = このセッションキーは有効期限が切れています。担当者に新しいキーをご依頼ください。
error-used-key = このセッションキーはすでに使用されています。担当者に新しいキーをご依頼ください。
error-too-many-attempts = 誤ったセッションキーが何度も入力されました。{ $minutes }分ほどお待ちいただいてから、もう一度お試しください。
error-too-many-starts = お使いのネットワークから開始されたセッションが多すぎます。{ $seconds } 秒待ってから、もう一度お試しください。
error-nobody-available = 現在、対応できる担当者がおりません。しばらくしてからもう一度お試しください。
error-session-not-found = このサポートセッションは存在しないか、すでに終了しています。
error-internal = 当社側で問題が発生しました。少し時間をおいてから、もう一度お試しください。
error-go-back = 戻る

## The download page of the full customer client

download-title = サポートプログラムのダウンロード
download-intro = 担当者がサポートできるように、このコンピューターでサポートプログラムを実行してください。
download-no-client = お使いのシステム用のサポートプログラムは、このサイトではまだ提供されていません。代わりに担当者とチャットでお話しいただけます。
download-chat-instead = 担当者とチャットする
download-button = サポートプログラムをダウンロード
download-run-windows = ダウンロードが完了したら、ファイルを開いてサポートセッションに参加してください。実行するかどうか Windows に確認された場合は、「実行」を選択してください。
download-run-unix = ダウンロードが完了したら、ターミナルを開き、次の 2 つのコマンドでファイルを起動してください。

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = このサポートプログラムはセッションに参加できません。ファイルが破損しているか、変更されています。もう一度ダウンロードしてください。
client-ticket-other-site = このサポートプログラムは別のサポートサイトのものです。ご利用中のサイトからもう一度ダウンロードしてください。
client-ticket-expired = このサポートプログラムのダウンロードは有効期限が切れています。セッションに参加するには、もう一度ダウンロードしてください。
client-ticket-used = このサポートプログラムのダウンロードは、すでにセッションへの参加に使用されています。もう一度参加するには、再度ダウンロードしてください。
client-session-ended = このサポートセッションはすでに終了しています。新しいセッションを開始してください。
client-join-too-many = 参加の試行が何度も失敗しました。{ $minutes }分ほどお待ちいただいてから、もう一度お試しください。

## The click-to-chat page

bg-chat-title = サポートチャット
bg-chat-connecting = 接続しています…
bg-chat-waiting = まもなく担当者が対応いたします。しばらくお待ちください。
bg-chat-queue-position = お客様の順番は{ $position }番目です。
bg-chat-rep-joined = 担当者の{ $name }がチャットに参加しました。
bg-chat-rep-left = 担当者の{ $name }がチャットから退出しました。
bg-chat-ended = サポートセッションは終了しました。ありがとうございました。
bg-chat-nobody-available = 現在、対応できる担当者がおりません。このまま順番をお待ちいただければ、担当者ができるだけ早く対応いたします。
bg-chat-input-label = メッセージ
bg-chat-send = 送信
bg-chat-you = お客様
bg-chat-reconnecting = 接続が切断されました。再接続しています…
bg-chat-greeting = こんにちは。お問い合わせいただきありがとうございます。
bg-chat-connected = 接続しました。
bg-chat-estimated-wait = 待ち時間の目安は約{ $minutes }分です。
bg-chat-estimated-wait-short = 待ち時間の目安は1分未満です。
bg-chat-transferred = 別の担当者におつなぎしています。しばらくお待ちください。
bg-chat-rep-invited = { $name }がチャットに招待されました。
bg-chat-typing = { $name }が入力しています…
bg-chat-pending = 送信しています…
bg-chat-offline = オフラインです。接続が回復すると、メッセージが送信されます。
bg-chat-log-label = チャットのメッセージ
bg-chat-end = チャットを終了
bg-chat-end-confirm = このチャットを終了しますか？
bg-chat-transcript = チャット履歴をダウンロード：
bg-chat-transcript-text = プレーンテキスト
bg-chat-transcript-html = Webページ
bg-chat-leave-message = メッセージを残す
bg-chat-leave-message-intro = メッセージをお残しいただければ、折り返しご連絡いたします。
bg-chat-leave-message-name = お名前
bg-chat-leave-message-contact = メールアドレスまたは電話番号
bg-chat-leave-message-text = メッセージ
bg-chat-leave-message-send = メッセージを送信
bg-chat-leave-message-sent = ありがとうございます。メッセージは担当チームに送信されました。
bg-chat-rate-limited = メッセージの送信間隔が短すぎます。しばらくお待ちください。
bg-chat-too-long = メッセージが長すぎます。{ $max }文字以内で入力してください。
bg-chat-elevation-request = { $name }が、より的確にサポートするため、リモートサポートセッションの開始を求めています。
bg-chat-elevation-accept = 承諾
bg-chat-elevation-decline = 拒否
bg-chat-elevation-declined = リモートサポートのリクエストを拒否しました。
bg-transcript-title = チャット履歴
bg-transcript-customer = お客様
bg-transcript-system = システム

## The start_session.js dialog on the customer's website

bg-dialog-title = サポートセッションを開始しています
bg-dialog-close = 閉じる
bg-dialog-starting = セッションを準備しています…
bg-dialog-downloading = まもなくダウンロードが始まります。
bg-dialog-instructions = ダウンロードが完了したら、ファイルを開いてサポートセッションに参加してください。
bg-dialog-manual = ダウンロードが始まらない場合は、ここをクリックしてサポートプログラムをダウンロードしてください。
bg-dialog-failed = サポートセッションを開始できませんでした。
bg-popup-blocked = ブラウザーによってチャットウィンドウがブロックされました。
bg-popup-open-link = 新しいタブでチャットを開く
bg-mobile-title = サポートアプリで続行
bg-mobile-opening = サポートアプリを開いています…
bg-mobile-install = サポートアプリをインストール
bg-mobile-start = アプリをインストールしました：セッションを開始する

## The public portal (/)

portal-title = サポートを受ける
portal-key-heading = セッションキーをお持ちですか？
portal-key-label = セッションキー
portal-key-hint = 担当者から受け取った7桁のキーを入力してください。
portal-key-submit = 開始
portal-issue-heading = または、お困りの内容をお知らせください
portal-issue-label = どのようなことでお困りですか？
portal-name-label = お名前
portal-company-label = 会社名
portal-details-label = 問題の内容をご記入ください
portal-issue-submit = サポートを依頼
portal-language-label = 言語
