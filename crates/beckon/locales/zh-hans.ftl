# Beckon's customer-facing strings (Simplified Chinese), translated from en-us.ftl, the reference catalog.
# Every message of en-us.ftl must be defined here too; a test fails otherwise.
# Messages starting with "bg-" are also sent to the browser (start_session.js, chat page).
# In browser messages, variables are written { $name } and replaced by the page script.

## Session start errors (pages and JSON answers of /api/start_session)

error-page-title = 无法启动您的支持会话
error-multiple-selectors = 请只选择一种启动方式：会话密钥、客服人员或问题类型。
error-both-issue-identifiers = 问题类型只能按编号或代号其中之一选择，不能同时使用两者。
error-missing-issue-identifier = 请选择问题类型。
error-rep-needs-id-and-name = 选择客服人员时，需要同时提供其编号和姓名。
error-not-an-integer = “{ $field }”的值必须是整数。
error-duplicate-parameter = “{ $field }”被重复提供了多次。
error-too-long-chars = “{ $field }”过长：最多只能包含 { $max } 个字符。
error-too-long-bytes = “{ $field }”过长：最多只能包含 { $max } 个字节。
error-custom-too-large = 会话的自定义字段合计过大：最多 { $max } 个字节。
error-invalid-value = “{ $field }”包含不允许的值。
error-unknown-rep = 该客服人员不存在。
error-rep-not-available = 该客服人员目前无法提供服务，请稍后再试。
error-unknown-issue = 该问题类型不存在。
error-malformed-key = 会话密钥为 7 位数字。请检查密钥后重试。
error-unknown-key = 该会话密钥无效。请向您的客服人员核实。
error-expired-key = 该会话密钥已过期。请向您的客服人员索取新的密钥。
error-used-key = 该会话密钥已被使用。请向您的客服人员索取新的密钥。
error-too-many-attempts = 尝试的错误会话密钥过多。请等待 { $minutes } 分钟后重试。
error-too-many-starts = 从您的网络启动的会话过多。请等待 { $seconds } 秒后重试。
error-nobody-available = 目前没有可以为您提供帮助的客服人员，请稍后再试。
error-session-not-found = 该支持会话不存在或已结束。
error-internal = 我们这边出现了问题，请稍后再试。
error-go-back = 返回

## The download page of the full customer client

download-title = 下载支持程序
download-intro = 请在这台电脑上运行支持程序，以便客服人员为您提供帮助。
download-no-client = 本网站暂未提供适用于您系统的支持程序。您可以改为与客服人员在线聊天。
download-chat-instead = 与客服人员聊天
download-button = 下载支持程序
download-run-windows = 下载完成后，请打开该文件以加入您的支持会话。如果 Windows 询问是否运行，请选择“运行”。
download-run-unix = 下载完成后，请打开终端，并使用以下两条命令启动该文件：

## The full customer client joining its session (POST /api/client/join)

client-ticket-invalid = 此支持程序无法加入会话：文件已损坏或被修改。请重新下载。
client-ticket-other-site = 此支持程序属于另一个支持网站。请从您正在使用的网站重新下载。
client-ticket-expired = 此次下载的支持程序已过期。请重新下载以加入您的会话。
client-ticket-used = 此次下载的支持程序已用于加入会话。如需再次加入，请重新下载。
client-session-ended = 该支持会话已结束。请开始新的会话。
client-join-too-many = 加入失败的次数过多。请等待 { $minutes } 分钟后重试。

## The click-to-chat page

bg-chat-title = 在线客服
bg-chat-connecting = 正在连接…
bg-chat-waiting = 请稍候，客服人员马上为您服务。
bg-chat-queue-position = 您当前排在第 { $position } 位。
bg-chat-rep-joined = { $name } 已加入聊天。
bg-chat-rep-left = { $name } 已离开聊天。
bg-chat-ended = 支持会话已结束。谢谢！
bg-chat-nobody-available = 目前没有空闲的客服人员。您可以继续排队等候，客服人员会尽快回复您。
bg-chat-input-label = 您的消息
bg-chat-send = 发送
bg-chat-you = 您
bg-chat-reconnecting = 连接已断开。正在重新连接…
bg-chat-greeting = 您好！感谢您联系我们。
bg-chat-connected = 已连接。
bg-chat-estimated-wait = 预计等待时间：约 { $minutes } 分钟。
bg-chat-estimated-wait-short = 预计等待时间：不到 1 分钟。
bg-chat-transferred = 正在为您转接其他客服人员，请稍候。
bg-chat-rep-invited = { $name } 已受邀加入聊天。
bg-chat-typing = { $name } 正在输入…
bg-chat-pending = 正在发送…
bg-chat-offline = 您已离线。连接恢复后，您的消息将会发送。
bg-chat-log-label = 聊天消息
bg-chat-end = 结束聊天
bg-chat-end-confirm = 您要结束此次聊天吗？
bg-chat-transcript = 下载聊天记录：
bg-chat-transcript-text = 纯文本
bg-chat-transcript-html = 网页
bg-chat-leave-message = 留言
bg-chat-leave-message-intro = 请留下您的消息，我们会尽快与您联系。
bg-chat-leave-message-name = 您的姓名
bg-chat-leave-message-contact = 电子邮件或电话
bg-chat-leave-message-text = 您的消息
bg-chat-leave-message-send = 发送消息
bg-chat-leave-message-sent = 谢谢。您的消息已发送给我们的团队。
bg-chat-rate-limited = 您发送消息的速度过快，请稍等片刻。
bg-chat-too-long = 您的消息过长：最多只能包含 { $max } 个字符。
bg-chat-elevation-request = { $name } 请求启动远程支持会话，以便更好地为您提供帮助。
bg-chat-elevation-accept = 接受
bg-chat-elevation-decline = 拒绝
bg-chat-elevation-declined = 您已拒绝远程支持请求。
bg-transcript-title = 聊天记录
bg-transcript-customer = 客户
bg-transcript-system = 系统

## The start_session.js dialog on the customer's website

bg-dialog-title = 正在启动您的支持会话
bg-dialog-close = 关闭
bg-dialog-starting = 正在准备您的会话…
bg-dialog-downloading = 下载即将开始。
bg-dialog-instructions = 下载完成后，请打开该文件以加入您的支持会话。
bg-dialog-manual = 如果下载没有开始，请点击此处下载支持程序。
bg-dialog-failed = 无法启动您的支持会话。
bg-popup-blocked = 您的浏览器阻止了聊天窗口。
bg-popup-open-link = 在新标签页中打开聊天
bg-mobile-title = 在支持应用中继续
bg-mobile-opening = 正在打开支持应用…
bg-mobile-install = 安装支持应用
bg-mobile-start = 我已安装应用：开始我的会话

## The public portal (/)

portal-title = 获取支持
portal-key-heading = 您有会话密钥吗？
portal-key-label = 会话密钥
portal-key-hint = 请输入客服人员提供给您的 7 位密钥。
portal-key-submit = 开始
portal-issue-heading = 或者告诉我们您需要哪方面的帮助
portal-issue-label = 您需要哪方面的帮助？
portal-name-label = 您的姓名
portal-company-label = 公司
portal-details-label = 请描述问题
portal-issue-submit = 请求帮助
portal-language-label = 语言
