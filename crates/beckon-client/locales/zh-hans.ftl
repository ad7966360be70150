# Beckon 客户端：支持会话的客户一方（简体中文）。

error-no-ticket = 未找到支持票据。请从支持页面重新下载支持程序。
error-ticket-malformed = 此支持票据已损坏或不完整。请重新下载支持程序。
error-ticket-expired = 此下载已过期。请在支持页面上开始新的支持会话。
error-ticket-other-site = 此下载属于另一个站点（{ $ticket_site }），而不是 { $site }。
error-unreachable = 无法访问支持站点 { $site }：{ $detail }
error-bad-answer = 支持站点 { $site } 返回了本程序无法理解的应答。
error-session-gone = 此支持会话已不可用。
error-internal = 支持程序出错：{ $detail }
notice-no-display = 未找到图形显示；支持程序在此终端中运行。
notice-gui-failed = 无法打开窗口（{ $detail }）；支持程序在此终端中运行。
notice-missing-font = 此对话中的部分字符无法显示：这台电脑没有相应的字体。

status-connecting = 正在连接…
status-connected = 已连接到 { $site }（{ $name }）
status-nobody-available = 目前没有可用的客服人员。您可以继续排队，客服人员会尽快回复。
status-reconnecting = 连接已断开，{ $seconds } 秒后重试
status-offline = 连接已断开。正在重新连接…
status-waiting = 正在等待客服人员
status-queue = 排队位置：第 { $position } 位
status-wait = 预计等待约 { $minutes } 分钟
status-wait-short = 预计等待不到一分钟
status-typing = { $name } 正在输入…
status-refused = 消息被拒绝：{ $message }
status-invalid-message = 消息长度必须在 1 到 4000 个字符之间。

event-rep-joined = 客服人员 { $name } 已加入
event-rep-left = 客服人员 { $name } 已离开
event-rep-invited = 已邀请客服人员 { $name }
event-transferred = 正在将您转接到 { $to }，请稍候
event-queued = 正在等待客服人员
event-ended = 会话已结束
event-info-requested = { $name } 请求查看这台计算机的系统信息
event-info-allowed = 您已允许共享系统信息
event-info-denied = 您已拒绝共享系统信息
event-info-revoked = 您已停止共享系统信息
event-info-shared = 系统信息已发送
you = 您

consent-question-title = { $name } 请求查看这台计算机的系统信息。将要共享的正是以下内容：
consent-question = 是否允许？[y/n]
consent-exact-data = 将要发送的原始数据
info-os = 操作系统
info-kernel = 内核
info-hostname = 计算机名称
info-cpu = 处理器
info-cores = { $count } 个核心
info-memory = 内存
info-memory-value = 已用 { $used }，共 { $total }
info-disk = 磁盘
info-disk-value = 可用 { $available }，共 { $total }
info-network = 网络
info-uptime = 自启动以来的运行时间

transcript-title = 支持会话记录
transcript-saved = 记录已保存到 { $path }
transcript-failed = 无法保存记录：{ $detail }

tui-help = 输入消息并按 Enter 发送。命令：/allow、/deny、/revoke system_info、/revoke shell、/revoke screen_view、/end、/save <文件>、/help
tui-nothing-to-answer = 没有需要回答的请求。
tui-unknown-command = 未知命令。输入 /help 查看列表。

window-title = 支持会话
label-site = 站点：{ $name }（{ $site }）
label-rep = 客服人员：{ $name }
label-message = 您的消息
label-sending = 正在发送…
label-sharing = 您正在共享这台计算机的系统信息。
button-send = 发送
button-end = 结束会话
button-save = 保存记录
button-allow = 允许
button-deny = 拒绝
button-revoke = 停止共享
confirm-end = 要结束支持会话吗？
button-end-confirm = 是，结束
button-cancel = 取消

## Command shell

event-shell-requested = { $name } 请求在这台计算机上使用命令行
event-shell-allowed = 您已允许命令行
event-shell-denied = 您已拒绝命令行
event-shell-revoked = 您已停止命令行
event-shell-started = 命令行正以您的身份运行（进程 { $pid }）
event-shell-ended = 命令行已结束
error-shell-failed = 无法启动命令行：{ $detail }
consent-shell-title = { $name } 请求在这台计算机上打开命令行。
consent-shell-detail = 在您停止之前，对方可以以您的身份运行您能运行的任何命令并看到输出。所有输入和显示的内容都会记录在会话日志中。
label-shell = 已为客服人员打开命令行（进程 { $pid }）。
button-stop-shell = 停止命令行

event-screen-requested = { $name } 请求查看您的屏幕
event-screen-allowed = 您已允许共享屏幕
event-screen-denied = 您已拒绝共享屏幕
event-screen-revoked = 您已停止共享屏幕
event-screen-started = 您的屏幕正与 { $name } 共享
event-screen-stopped = 屏幕共享已停止
error-screen-failed = 无法共享您的屏幕：{ $detail }
consent-screen-title = { $name } 请求查看您的屏幕。
consent-screen-detail = 在您停止共享之前，对方可以实时看到屏幕上显示的所有内容。屏幕内容不会被录制；会话日志只记录共享的开始和结束。
label-screen = 您的屏幕正与 { $name } 共享。
button-stop-screen = 停止共享

## File transfer

consent-files-title = { $name } 请求与您交换文件。
consent-files-detail = 您发送的每个文件都由您亲自选择，向您提供的每个文件都会等待您的答复。每次传输及其校验和都会记录在会话日志中。
event-files-requested = { $name } 请求交换文件
event-files-allowed = 您已允许文件传输
event-files-denied = 您已拒绝文件传输
event-files-revoked = 您已停止文件传输
file-offered = { $name } 向您提供文件 { $file }（{ $size }）
file-requested = { $name } 请您发送一个文件
file-progress-sent = 正在发送 { $file }：{ $percent }%
file-progress-received = 正在接收 { $file }：{ $percent }%
file-sent = { $file } 已发送，校验和一致
file-received = { $file } 已接收并校验：{ $path }
file-failed = { $file } 的传输已停止：{ $reason }
tui-help-files = 文件：/send <路径> 发送文件，/accept 或 /decline 答复提供的文件，/revoke file_transfer 停止文件传输。
tui-no-file-offer = 没有需要答复的文件。
label-files = 已允许文件传输。
button-stop-files = 停止文件传输
button-send-file = 发送文件
hint-file-path = 要发送的文件路径
button-accept-file = 保存
button-decline-file = 拒绝
