# Doorstep UI strings: Traditional Chinese (zh-Hant), for Cantonese-speaking communities. Translated from English (locales/en/main.ftl).
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

loading = 載入中…
# A language that has not been recorded for a person.
language-unknown = 未知


## Bottom navigation bar and "back" links at the top of each screen

nav-label = 主選單
nav-lists = 名單
nav-search = 搜尋
nav-event = 活動
nav-settings = 設定
nav-back = 返回
nav-back-to-list = 返回名單


## Sync bar, always at the bottom of the screen

sync-bar-label = 同步狀態
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = 應用程式沒有回應
sync-state-unpaired = 未配對
sync-state-syncing = 同步中…
sync-state-online = 已連線
sync-state-offline = 離線：儲存在此手機
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] 已全部傳送
       *[other] { $count } 項待傳送
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = 上次同步：{ $when }
sync-never = 從未同步
sync-error = 上次嘗試失敗：{ $reason }
sync-now = 立即同步
sync-done = 同步完成
sync-failed = 同步失敗：{ $reason }


## Pairing screen: linking this phone to an organization

pairing-title = 配對此手機
pairing-intro = 掃描或貼上組織者給你的配對碼。配對後，此手機會連結到你的機構，你的名單隨即開始下載。
pairing-already = 此手機已用 { $user } 的身份與 { $org } 配對。如要與其他機構配對，必須先清除此手機的資料。
pairing-code = 配對碼
pairing-code-hint = 例如 K7QF-3M9X，或貼上 QR 碼的全部文字。
pairing-url = 組織者網址
pairing-url-hint = 配對卡上的網址，以 https:// 開頭
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = 已讀取 QR 碼。此手機將與 { $endpoint } 配對。
pairing-submit = 配對
pairing-busy = 配對中…
pairing-done = 配對成功。正在下載你的名單…
pairing-error-empty = 請輸入配對碼。
pairing-error-code = 這似乎不是配對碼。請對照配對卡檢查。
pairing-error-url = 請輸入組織者網址，以 https:// 開頭
pairing-error-rejected = 組織者不接受這個配對碼。可能輸入錯誤、已被使用或已過期：請索取新的配對碼。
pairing-error-offline = 無法連線到組織者。配對需要連線一次；請到有訊號的地方再試。
pairing-error-unreachable = 應用程式沒有回應。請關閉後再重新開啟。
pairing-error-other = 配對失敗。


## My lists screen

lists-title = 我的名單
lists-who = { $user }，{ $org }
lists-empty = 此手機暫時未有名單。組織者分派名單後，下次同步時便會收到。
lists-error = 無法載入你的名單：{ $reason }
list-kind-walk = 上門
list-kind-call = 電話
list-progress-doors =
    { $total ->
       *[other] 已完成 { $done }/{ $total } 戶
    }
list-progress-people =
    { $total ->
       *[other] 已致電 { $done }/{ $total } 人
    }


## Walk list screen: the doors of one list, in walk order

walk-title = 探訪名單
walk-counts =
    { $left ->
       *[other] 已完成 { $done } 戶，尚餘 { $left } 戶
    }
walk-filter = 篩選此名單
walk-filter-placeholder = 街道、門牌或姓名
walk-filter-count =
    { $count ->
        [0] 沒有相符的住戶
       *[other] { $count } 戶相符
    }
walk-doors-label = 按探訪路線排列的住戶
walk-script = 講稿
walk-empty = 此名單沒有住戶。
walk-no-match = 此名單中沒有相符的住戶。
walk-search-everyone = 搜尋此手機上的所有人
walk-no-people = 沒有登記人士
walk-error = 無法載入此名單：{ $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = 已完成：{ $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = 已完成
walk-door-todo = 未拍門


## Door screen: one household

door-title = 住戶
door-error = 無法載入此住戶：{ $reason }
door-people =
    { $count ->
       *[other] 此戶人士
    }
door-no-people = 此住戶沒有登記任何人。
door-open-script = 開啟講稿
door-record = 記錄今次探訪
door-next = 下一戶
door-add-person = 新增在門口遇到的人


## A person on the door screen, and forms that edit or add people

person-language = 語言
person-phone = 電話
person-last-attempt = 上次聯絡
person-do-not-contact = 請勿聯絡
person-i-speak = 我會講…
person-script = 對方語言的講稿
person-edit = 編輯
person-save = 儲存修改
person-saved = 修改已儲存在此手機
person-save-error = 無法儲存：{ $reason }
person-given-name = 名
person-family-name = 姓
person-native-name = 原文姓名
add-person-submit = 新增此人
add-person-saved = 已在此手機新增此人
add-person-need-name = 請輸入姓名。
add-person-error = 無法新增此人：{ $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = 你和誰交談了？
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = 交談
attempt-note = 備註（選填）
attempt-results = 結果
attempt-save-conversation = 儲存交談記錄
attempt-cancel = 取消
attempt-error = 未儲存：{ $reason }
# Spoken and shown right after a result is saved.
attempt-saved = 已儲存在此手機
# $result is a result label from below.
attempt-saved-result = 已儲存：{ $result }
attempt-pending = 已儲存在此手機，會在下次同步時傳送。
attempt-synced = 已儲存並傳送給組織者。
attempt-pending-short = 待傳送
attempt-synced-short = 已傳送


## Result buttons: how a knock or a call ended

result-contacted = 已交談
result-not-home = 不在家
result-refused = 拒絕
result-moved = 已搬走
result-wrong-address = 地址錯誤
result-inaccessible = 無法到達門口
result-deceased = 已離世
result-come-back-later = 稍後再來
result-language-barrier = 語言不通
result-wrong-number = 號碼錯誤
result-disconnected = 號碼已停用
result-left-message = 已留言
result-busy = 線路繁忙


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = 對方講哪種語言？
barrier-hint = 請把這個列表給住戶看。我們會安排會講該語言的人再來探訪。


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = 清除答案


## Script screen and script panel (phone bank)

script-title = 講稿
script-for = 對象
script-language = 講稿語言
script-side-by-side = 在每段下方顯示我的語言
script-empty = 此講稿仍未有內容。
script-none = 此名單沒有講稿。
script-error = 無法載入講稿：{ $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = 請問你講哪種語言？
speak-hint = 將手機轉向住戶，讓對方點選自己的語言。
speak-done = 完成
speak-saved = 語言已儲存在此手機


## Phone bank screen: a call list, one person at a time

call-title = 電話聯絡
call-error = 無法載入此致電名單：{ $reason }
call-empty = 此名單上沒有人有電話號碼。
call-progress =
    { $total ->
       *[other] 已完成 { $done }/{ $total } 通電話
    }
call-position = 第 { $n } 位，共 { $total } 位
call-dial = 致電 { $phone }
call-already = 已致電
call-record = 通話結果
call-previous = 上一位
call-skip = 跳到下一位
call-all-done = 此名單上的所有人都已致電。


## Event mode: signing up walk-ins

event-open = 活動登記
event-title = 活動登記
event-intro = 為到場人士登記。輸入時，此手機上已有的人會在下方顯示。
event-address = 住址
event-zip = 郵遞區號
event-optional = 選填
event-duplicates =
    { $count ->
        [0] 此手機上沒有相似的人
       *[other] 已在此手機上？有 { $count } 人相似
    }
event-same-person = 同一人：登記
event-new-person = 新人士：登記
event-sign-up = 登記
event-saved = 已登記：{ $name }
event-error = 未儲存：{ $reason }


## Search screen: everyone on this phone

search-title = 搜尋
search-label = 姓名、電話或地址
search-hint = 任何文字都可以：Nguyễn、nguyen、李、김。
search-count =
    { $count ->
        [0] 找不到任何人
       *[other] 找到 { $count } 人
    }
search-none = 此手機上找不到任何人。
search-error = 搜尋失敗：{ $reason }


## Settings screen

settings-title = 設定
settings-language = 應用程式語言
settings-side-by-side-hint = 講稿會以選民的語言顯示。開啟此選項後，你的語言會在每段下方顯示。
settings-device = 此手機
settings-org = 機構
settings-user = 外展人員
settings-server = 組織者網址
settings-stored = 本機儲存
settings-stored-counts =
    { $people ->
       *[other] { $people } 人
    }，{ $attempts ->
       *[other] { $attempts } 次聯絡記錄
    }
settings-not-paired = 此手機尚未配對。
settings-pair-again = 重新配對
settings-saved = 設定已儲存
settings-error = 無法儲存設定：{ $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = 已鎖定
lock-hint = 請輸入保護本手機上選民資料的 PIN 碼。新手機會保存您第一次輸入的 PIN 碼。
lock-pin = PIN 碼
lock-unlock = 解鎖
lock-wrong = 這個 PIN 碼無法開啟本手機。
lock-too-short = PIN 碼至少 4 個字元。
wiped-revoked = 您的組織已撤銷這支手機，因此手機上的所有資料都已清除。
wiped-by-hand = 這支手機已清除。請重新配對以開始使用。
wiped-unsent = 未能傳送的工作已加密保留在手機上，留給您的組織者。
settings-security = 安全
settings-lock-after = 閒置後鎖定
settings-lock-minutes = { $minutes } 分鐘
settings-lock-never = 永不
settings-lock-now = 立即鎖定
settings-wipe = 清除這支手機
settings-wipe-hint = 解除配對並清除手機上的所有人員、名單和話術，以便交給其他志工。尚未傳送的工作會先傳送。
settings-wipe-sure = 清除這支手機上的所有內容？此操作無法復原。
settings-wipe-confirm = 是，全部清除
settings-wipe-cancel = 取消
