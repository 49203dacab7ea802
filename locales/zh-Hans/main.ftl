# Doorstep UI strings: Simplified Chinese (zh-Hans). Translated from English (locales/en/main.ftl).
#
# Conventions (every locale must keep them):
# - Ids are <screen-or-part>-<what>, lower-case with dashes: "walk-filter",
#   "result-not-home". An id never changes meaning; reword the text instead.
# - Variables carry everything dynamic. Counts are numbers and select a plural
#   category ({ $count }, { $done }, …): add the categories your language has
#   (ru: one/few/many/other, ar: zero/one/two/few/many/other; zh, ja, ko, vi,
#   km, th need only *[other]).
# - { $reason } is an error message from the core, shown as-is.
# - Names: no message orders a name. A name keeps its own culture's order
#   whatever the UI language (ui/src/lib/names.ts); leave { $name } as it is.
# - Result labels are short: they sit on large buttons, two per row on a phone.


## Shared words, used on several screens

loading = 正在加载…
# A language that has not been recorded for a person.
language-unknown = 未知


## Bottom navigation bar and "back" links at the top of each screen

nav-label = 主菜单
nav-lists = 名单
nav-search = 搜索
nav-event = 活动
nav-settings = 设置
nav-back = 返回
nav-back-to-list = 返回名单


## Sync bar, always at the bottom of the screen

sync-bar-label = 同步状态
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = 应用无响应
sync-state-unpaired = 未配对
sync-state-syncing = 正在同步…
sync-state-online = 在线
sync-state-offline = 离线：保存在本机
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] 已全部发送
       *[other] { $count } 条待发送
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = 上次同步：{ $when }
sync-never = 从未同步
sync-error = 上次尝试失败：{ $reason }
sync-now = 立即同步
sync-done = 同步完成
sync-failed = 同步失败：{ $reason }


## Pairing screen: linking this phone to an organization

pairing-title = 配对本机
pairing-intro = 扫描或粘贴组织者给你的配对码。配对后，本机将与你的组织关联，你的名单随即开始下载。
pairing-already = 本机已以 { $user } 的身份与 { $org } 配对。如需与其他组织配对，必须先清除本机数据。
pairing-code = 配对码
pairing-code-hint = 例如 K7QF-3M9X，或粘贴二维码的全部文字。
pairing-url = 组织者地址
pairing-url-hint = 配对卡上的网址，以 https:// 开头
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = 已读取二维码。本机将与 { $endpoint } 配对。
pairing-submit = 配对
pairing-busy = 正在配对…
pairing-done = 配对成功。正在下载你的名单…
pairing-error-empty = 请输入配对码。
pairing-error-code = 这看起来不像配对码。请对照配对卡核对。
pairing-error-url = 请输入组织者地址，以 https:// 开头
pairing-error-rejected = 组织者未接受此配对码。可能输入有误、已被使用或已过期：请索取新的配对码。
pairing-error-offline = 无法连接到组织者。配对需要联网一次；请到有信号的地方再试。
pairing-error-unreachable = 应用无响应。请关闭后重新打开。
pairing-error-other = 配对失败。


## My lists screen

lists-title = 我的名单
lists-who = { $user }，{ $org }
lists-empty = 本机还没有名单。组织者分配名单后，下次同步时就会收到。
lists-error = 无法加载你的名单：{ $reason }
list-kind-walk = 上门
list-kind-call = 电话
list-progress-doors =
    { $total ->
       *[other] 已完成 { $done }/{ $total } 户
    }
list-progress-people =
    { $total ->
       *[other] 已致电 { $done }/{ $total } 人
    }


## Walk list screen: the doors of one list, in walk order

walk-title = 上门名单
walk-counts =
    { $left ->
       *[other] 已完成 { $done } 户，剩余 { $left } 户
    }
walk-filter = 筛选此名单
walk-filter-placeholder = 街道、门牌号或姓名
walk-filter-count =
    { $count ->
        [0] 没有符合的住户
       *[other] { $count } 户符合
    }
walk-doors-label = 按路线顺序排列的住户
walk-script = 讲稿
walk-empty = 此名单没有住户。
walk-no-match = 此名单中没有符合的住户。
walk-search-everyone = 搜索本机上的所有人
walk-no-people = 无登记人员
walk-error = 无法加载此名单：{ $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = 已完成：{ $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = 已完成
walk-door-todo = 待敲门


## Door screen: one household

door-title = 住户
door-error = 无法加载此住户：{ $reason }
door-people =
    { $count ->
       *[other] 本户人员
    }
door-no-people = 此住户没有登记任何人。
door-open-script = 打开讲稿
door-record = 记录本次上门
door-next = 下一户
door-add-person = 添加在门口遇到的人


## A person on the door screen, and forms that edit or add people

person-language = 语言
person-phone = 电话
person-last-attempt = 上次联系
person-do-not-contact = 请勿联系
person-i-speak = 我会说…
person-script = 对方语言的讲稿
person-edit = 编辑
person-save = 保存更改
person-saved = 更改已保存在本机
person-save-error = 无法保存：{ $reason }
person-given-name = 名
person-family-name = 姓
person-native-name = 原文姓名
add-person-submit = 添加此人
add-person-saved = 已在本机添加此人
add-person-need-name = 请输入姓名。
add-person-error = 无法添加此人：{ $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = 你和谁交谈了？
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = 交谈
attempt-note = 备注（可选）
attempt-results = 结果
attempt-save-conversation = 保存交谈记录
attempt-cancel = 取消
attempt-error = 未保存：{ $reason }
# Spoken and shown right after a result is saved.
attempt-saved = 已保存在本机
# $result is a result label from below.
attempt-saved-result = 已保存：{ $result }
attempt-pending = 已保存在本机，将在下次同步时发送。
attempt-synced = 已保存并发送给组织者。
attempt-pending-short = 待发送
attempt-synced-short = 已发送


## Result buttons: how a knock or a call ended

result-contacted = 已交谈
result-not-home = 不在家
result-refused = 拒绝
result-moved = 已搬走
result-wrong-address = 地址有误
result-inaccessible = 无法到门口
result-deceased = 已故
result-come-back-later = 稍后再来
result-language-barrier = 语言不通
result-wrong-number = 号码有误
result-disconnected = 空号
result-left-message = 已留言
result-busy = 占线


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = 对方说哪种语言？
barrier-hint = 请把这个列表给住户看。我们会安排会说该语言的人再来拜访。


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = 清除答案


## Script screen and script panel (phone bank)

script-title = 讲稿
script-for = 对象
script-language = 讲稿语言
script-side-by-side = 在每段下方显示我的语言
script-empty = 此讲稿还没有内容。
script-none = 此名单没有讲稿。
script-error = 无法加载讲稿：{ $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = 您说哪种语言？
speak-hint = 把手机转向住户，请对方点选自己的语言。
speak-done = 完成
speak-saved = 语言已保存在本机


## Phone bank screen: a call list, one person at a time

call-title = 电话联络
call-error = 无法加载此电话名单：{ $reason }
call-empty = 此名单上没有人有电话号码。
call-progress =
    { $total ->
       *[other] 已完成 { $done }/{ $total } 通电话
    }
call-position = 第 { $n } 人，共 { $total } 人
call-dial = 拨打 { $phone }
call-already = 已致电
call-record = 通话结果
call-previous = 上一位
call-skip = 跳到下一位
call-all-done = 此名单上的所有人都已致电。


## Event mode: signing up walk-ins

event-open = 活动报名
event-title = 活动报名
event-intro = 为到场的人登记报名。输入时，本机上已有的人会显示在下方。
event-address = 住址
event-zip = 邮政编码
event-optional = 可选
event-duplicates =
    { $count ->
        [0] 本机上没有相似的人
       *[other] 已在本机上？有 { $count } 人相似
    }
event-same-person = 同一人：报名
event-new-person = 新人：报名
event-sign-up = 报名
event-saved = 已报名：{ $name }
event-error = 未保存：{ $reason }


## Search screen: everyone on this phone

search-title = 搜索
search-label = 姓名、电话或地址
search-hint = 任何文字都可以：Nguyễn、nguyen、李、김。
search-count =
    { $count ->
        [0] 未找到任何人
       *[other] 找到 { $count } 人
    }
search-none = 本机上未找到任何人。
search-error = 搜索失败：{ $reason }


## Settings screen

settings-title = 设置
settings-language = 应用语言
settings-side-by-side-hint = 讲稿以选民的语言显示。开启此项后，你的语言会显示在每段下方。
settings-device = 本机
settings-org = 组织
settings-user = 外展人员
settings-server = 组织者地址
settings-stored = 本机存储
settings-stored-counts =
    { $people ->
       *[other] { $people } 人
    }，{ $attempts ->
       *[other] { $attempts } 次联系记录
    }
settings-not-paired = 本机尚未配对。
settings-pair-again = 重新配对
settings-saved = 设置已保存
settings-error = 无法保存设置：{ $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = 已锁定
lock-hint = 请输入保护本手机上选民资料的 PIN 码。新手机会保存您第一次输入的 PIN 码。
lock-pin = PIN 码
lock-unlock = 解锁
lock-wrong = 这个 PIN 码无法打开本手机。
lock-too-short = PIN 码至少 4 个字符。
wiped-revoked = 您的组织已撤销这部手机，因此手机上的所有资料都已清除。
wiped-by-hand = 这部手机已清除。请重新配对以开始使用。
wiped-unsent = 未能发送的工作已加密保留在手机上，留给您的组织者。
settings-security = 安全
settings-lock-after = 闲置后锁定
settings-lock-minutes = { $minutes } 分钟
settings-lock-never = 从不
settings-lock-now = 立即锁定
settings-wipe = 清除这部手机
settings-wipe-hint = 解除配对并清除手机上的所有人员、名单和话术，以便交给其他志愿者。尚未发送的工作会先发送。
settings-wipe-sure = 清除这部手机上的所有内容？此操作无法撤销。
settings-wipe-confirm = 是，全部清除
settings-wipe-cancel = 取消
