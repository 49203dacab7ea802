# Doorstep UI strings: Japanese (ja), polite です/ます style. Translated from English (locales/en/main.ftl).
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

loading = 読み込み中…
# A language that has not been recorded for a person.
language-unknown = 不明


## Bottom navigation bar and "back" links at the top of each screen

nav-label = メイン
nav-lists = リスト
nav-search = 検索
nav-event = イベント
nav-settings = 設定
nav-back = 戻る
nav-back-to-list = リストに戻る


## Sync bar, always at the bottom of the screen

sync-bar-label = 同期状況
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = アプリが応答しません
sync-state-unpaired = 未ペアリング
sync-state-syncing = 同期中…
sync-state-online = オンライン
sync-state-offline = オフライン：この端末に保存中
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] すべて送信済み
       *[other] 送信待ち { $count } 件
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = 最終同期：{ $when }
sync-never = 未同期
sync-error = 前回の同期に失敗しました：{ $reason }
sync-now = 今すぐ同期
sync-done = 同期が完了しました
sync-failed = 同期に失敗しました：{ $reason }


## Pairing screen: linking this phone to an organization

pairing-title = この端末をペアリング
pairing-intro = オーガナイザーから受け取ったペアリングコードをスキャンするか、貼り付けてください。ペアリングするとこの端末が所属団体とつながり、すぐにリストがダウンロードされます。
pairing-already = この端末は { $user } として { $org } とペアリング済みです。別の団体とペアリングするには、先にこの端末のデータを消去する必要があります。
pairing-code = ペアリングコード
pairing-code-hint = 例：K7QF-3M9X。QR コードのテキスト全体を貼り付けることもできます。
pairing-url = オーガナイザーのアドレス
pairing-url-hint = ペアリングカードに記載されている、https:// で始まるウェブアドレス
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = QR コードを読み取りました。この端末は { $endpoint } とペアリングします。
pairing-submit = ペアリング
pairing-busy = ペアリング中…
pairing-done = ペアリングしました。リストをダウンロードしています…
pairing-error-empty = ペアリングコードを入力してください。
pairing-error-code = ペアリングコードではないようです。カードと見比べて確認してください。
pairing-error-url = https:// で始まるオーガナイザーのアドレスを入力してください。
pairing-error-rejected = オーガナイザーがこのコードを受け付けませんでした。入力ミス、使用済み、または期限切れの可能性があります。新しいコードをもらってください。
pairing-error-offline = オーガナイザーに接続できません。ペアリングには一度だけ通信が必要です。電波の届く場所でもう一度お試しください。
pairing-error-unreachable = アプリが応答しません。いったん閉じて、もう一度開いてください。
pairing-error-other = ペアリングに失敗しました。


## My lists screen

lists-title = マイリスト
lists-who = { $user }（{ $org }）
lists-empty = この端末にはまだリストがありません。オーガナイザーがリストを割り当てると、次回の同期で届きます。
lists-error = リストを読み込めませんでした：{ $reason }
list-kind-walk = 戸別訪問
list-kind-call = 電話
list-progress-doors =
    { $total ->
       *[other] { $total } 軒中 { $done } 軒完了
    }
list-progress-people =
    { $total ->
       *[other] { $total } 人中 { $done } 人に電話済み
    }


## Walk list screen: the doors of one list, in walk order

walk-title = 訪問リスト
walk-counts =
    { $left ->
       *[other] 完了 { $done } 軒、残り { $left } 軒
    }
walk-filter = リストを絞り込む
walk-filter-placeholder = 通り名、番地、名前
walk-filter-count =
    { $count ->
        [0] 一致する世帯はありません
       *[other] { $count } 軒が一致
    }
walk-doors-label = 訪問順の世帯
walk-script = 台本
walk-empty = このリストには世帯がありません。
walk-no-match = このリストに一致する世帯はありません。
walk-search-everyone = この端末の全員を検索
walk-no-people = 登録者なし
walk-error = このリストを読み込めませんでした：{ $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = 完了：{ $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = 完了
walk-door-todo = 未訪問


## Door screen: one household

door-title = 世帯
door-error = この世帯を読み込めませんでした：{ $reason }
door-people =
    { $count ->
       *[other] この世帯の人
    }
door-no-people = この世帯には登録されている人がいません。
door-open-script = 台本を開く
door-record = 訪問を記録
door-next = 次の世帯
door-add-person = 玄関で会った人を追加


## A person on the door screen, and forms that edit or add people

person-language = 言語
person-phone = 電話
person-last-attempt = 前回
person-do-not-contact = 連絡不可
person-i-speak = 私の言語は…
person-script = 本人の言語の台本
person-edit = 編集
person-save = 変更を保存
person-saved = 変更をこの端末に保存しました
person-save-error = 保存できませんでした：{ $reason }
person-given-name = 名
person-family-name = 姓
person-native-name = 母語表記の名前
add-person-submit = 追加する
add-person-saved = この端末に追加しました
add-person-need-name = 名前を入力してください。
add-person-error = この人を追加できませんでした：{ $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = 誰と話しましたか？
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = 会話
attempt-note = メモ（任意）
attempt-results = 結果
attempt-save-conversation = 会話を保存
attempt-cancel = キャンセル
attempt-error = 保存されていません：{ $reason }
# Spoken and shown right after a result is saved.
attempt-saved = この端末に保存しました
# $result is a result label from below.
attempt-saved-result = 保存しました：{ $result }
attempt-pending = この端末に保存しました。次回の同期で送信されます。
attempt-synced = 保存して、オーガナイザーに送信しました。
attempt-pending-short = 送信待ち
attempt-synced-short = 送信済み


## Result buttons: how a knock or a call ended

result-contacted = 会話済み
result-not-home = 不在
result-refused = 拒否
result-moved = 転居
result-wrong-address = 住所違い
result-inaccessible = 玄関まで行けない
result-deceased = 逝去
result-come-back-later = 後で再訪
result-language-barrier = 言葉の壁
result-wrong-number = 番号違い
result-disconnected = 番号不通
result-left-message = 伝言済み
result-busy = 話し中


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = 何語を話す方ですか？
barrier-hint = このリストを住人に見せてください。その言語を話せる人が改めて伺います。


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = 回答を消去


## Script screen and script panel (phone bank)

script-title = 台本
script-for = 対象
script-language = 台本の言語
script-side-by-side = 各段落の下に自分の言語を表示
script-empty = この台本にはまだ本文がありません。
script-none = このリストには台本がありません。
script-error = 台本を読み込めませんでした：{ $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = 何語を話されますか？
speak-hint = 端末を住人に向けて、ご自分の言語をタップしてもらってください。
speak-done = 完了
speak-saved = 言語をこの端末に保存しました


## Phone bank screen: a call list, one person at a time

call-title = 電話かけ
call-error = この電話リストを読み込めませんでした：{ $reason }
call-empty = このリストには電話番号のある人がいません。
call-progress =
    { $total ->
       *[other] { $total } 件中 { $done } 件の電話完了
    }
call-position = { $total } 人中 { $n } 人目
call-dial = { $phone } に電話
call-already = 電話済み
call-record = 通話結果
call-previous = 前へ
call-skip = 次へスキップ
call-all-done = このリストの全員に電話しました。


## Event mode: signing up walk-ins

event-open = イベント受付
event-title = イベント受付
event-intro = 来場した人を登録します。入力すると、この端末にすでに登録されている人が下に表示されます。
event-address = 自宅住所
event-zip = 郵便番号（ZIP）
event-optional = 任意
event-duplicates =
    { $count ->
        [0] この端末に似た人はいません
       *[other] 登録済みでは？ 似た人が { $count } 人います
    }
event-same-person = 同じ人：登録
event-new-person = 新しい人：登録
event-sign-up = 登録
event-saved = 登録しました：{ $name }
event-error = 保存されていません：{ $reason }


## Search screen: everyone on this phone

search-title = 検索
search-label = 名前・電話番号・住所
search-hint = どの文字でも検索できます：Nguyễn、nguyen、李、김
search-count =
    { $count ->
        [0] 見つかりません
       *[other] { $count } 人見つかりました
    }
search-none = この端末には該当する人がいません。
search-error = 検索に失敗しました：{ $reason }


## Settings screen

settings-title = 設定
settings-language = アプリの言語
settings-side-by-side-hint = 台本は有権者の言語で表示されます。オンにすると、各段落の下に自分の言語も表示されます。
settings-device = この端末
settings-org = 団体
settings-user = 訪問担当者
settings-server = オーガナイザーのアドレス
settings-stored = 保存データ
settings-stored-counts =
    { $people ->
       *[other] { $people } 人
    }、{ $attempts ->
       *[other] 記録 { $attempts } 件
    }
settings-not-paired = この端末はまだペアリングされていません。
settings-pair-again = 再ペアリング
settings-saved = 設定を保存しました
settings-error = 設定を保存できませんでした：{ $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = ロック中
lock-hint = このスマートフォンの有権者データを守る PIN を入力してください。新しい端末は最初に入力した PIN を使います。
lock-pin = PIN
lock-unlock = ロック解除
lock-wrong = この PIN ではこの端末を開けません。
lock-too-short = PIN は4文字以上です。
wiped-revoked = 組織がこの端末を取り消したため、端末内のデータはすべて消去されました。
wiped-by-hand = この端末は消去されました。もう一度使うにはペアリングしてください。
wiped-unsent = 送信できなかった作業は、暗号化して端末に保存され、オーガナイザーに渡せます。
settings-security = セキュリティ
settings-lock-after = ロックまでの時間
settings-lock-minutes = { $minutes } 分
settings-lock-never = しない
settings-lock-now = 今すぐロック
settings-wipe = この端末を消去
settings-wipe-hint = ペアリングを解除し、すべての人・リスト・スクリプトを消去します（別のボランティアに渡すとき）。未送信の作業は先に送信します。
settings-wipe-sure = この端末のすべてを消去しますか？元に戻せません。
settings-wipe-confirm = はい、すべて消去
settings-wipe-cancel = キャンセル
