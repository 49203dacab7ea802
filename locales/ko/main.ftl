# Doorstep UI strings: Korean (ko), polite 해요체. Translated from English (locales/en/main.ftl).
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

loading = 불러오는 중…
# A language that has not been recorded for a person.
language-unknown = 알 수 없음


## Bottom navigation bar and "back" links at the top of each screen

nav-label = 주 메뉴
nav-lists = 명단
nav-search = 검색
nav-event = 행사
nav-settings = 설정
nav-back = 뒤로
nav-back-to-list = 명단으로 돌아가기


## Sync bar, always at the bottom of the screen

sync-bar-label = 동기화 상태
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = 앱이 응답하지 않아요
sync-state-unpaired = 페어링 안 됨
sync-state-syncing = 동기화 중…
sync-state-online = 온라인
sync-state-offline = 오프라인: 이 휴대폰에 저장 중
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] 모두 전송됨
       *[other] 전송 대기 { $count }건
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = 마지막 동기화: { $when }
sync-never = 동기화한 적 없음
sync-error = 마지막 시도 실패: { $reason }
sync-now = 지금 동기화
sync-done = 동기화 완료
sync-failed = 동기화 실패: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = 이 휴대폰 페어링
pairing-intro = 오거나이저에게 받은 페어링 코드를 스캔하거나 붙여넣으세요. 페어링하면 이 휴대폰이 소속 단체에 연결되고, 곧바로 명단이 다운로드돼요.
pairing-already = 이 휴대폰은 이미 { $user } 이름으로 { $org }에 페어링되어 있어요. 다른 단체와 페어링하려면 먼저 휴대폰을 초기화해야 해요.
pairing-code = 페어링 코드
pairing-code-hint = 예: K7QF-3M9X. QR 코드의 전체 텍스트를 붙여넣어도 돼요.
pairing-url = 오거나이저 주소
pairing-url-hint = 페어링 카드에 적힌 https://로 시작하는 웹 주소
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = QR 코드를 읽었어요. 이 휴대폰은 { $endpoint }에 페어링돼요.
pairing-submit = 페어링
pairing-busy = 페어링 중…
pairing-done = 페어링했어요. 명단을 다운로드하는 중…
pairing-error-empty = 페어링 코드를 입력하세요.
pairing-error-code = 페어링 코드가 아닌 것 같아요. 카드와 대조해 보세요.
pairing-error-url = https://로 시작하는 오거나이저 주소를 입력하세요
pairing-error-rejected = 오거나이저가 이 코드를 받아들이지 않았어요. 잘못 입력했거나, 이미 사용했거나, 만료되었을 수 있어요. 새 코드를 요청하세요.
pairing-error-offline = 오거나이저에 연결할 수 없어요. 페어링할 때 한 번은 인터넷 연결이 필요해요. 신호가 잡히는 곳에서 다시 시도하세요.
pairing-error-unreachable = 앱이 응답하지 않아요. 앱을 닫았다가 다시 열어 주세요.
pairing-error-other = 페어링하지 못했어요.


## My lists screen

lists-title = 내 명단
lists-who = { $user }, { $org }
lists-empty = 이 휴대폰에 아직 명단이 없어요. 오거나이저가 명단을 배정하면 다음 동기화 때 받게 돼요.
lists-error = 명단을 불러오지 못했어요: { $reason }
list-kind-walk = 방문
list-kind-call = 전화
list-progress-doors =
    { $total ->
       *[other] { $total }가구 중 { $done }가구 완료
    }
list-progress-people =
    { $total ->
       *[other] { $total }명 중 { $done }명 통화 완료
    }


## Walk list screen: the doors of one list, in walk order

walk-title = 방문 명단
walk-counts =
    { $left ->
       *[other] { $done }가구 완료, { $left }가구 남음
    }
walk-filter = 명단에서 찾기
walk-filter-placeholder = 거리, 번지 또는 이름
walk-filter-count =
    { $count ->
        [0] 일치하는 가구 없음
       *[other] { $count }가구 일치
    }
walk-doors-label = 방문 순서별 가구
walk-script = 대본
walk-empty = 이 명단에는 가구가 없어요.
walk-no-match = 이 명단에 일치하는 가구가 없어요.
walk-search-everyone = 이 휴대폰의 모든 사람 검색
walk-no-people = 등록된 사람 없음
walk-error = 이 명단을 불러오지 못했어요: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = 완료: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = 완료
walk-door-todo = 방문 전


## Door screen: one household

door-title = 가구
door-error = 이 가구를 불러오지 못했어요: { $reason }
door-people =
    { $count ->
       *[other] 거주자
    }
door-no-people = 이 가구에 등록된 사람이 없어요.
door-open-script = 대본 열기
door-record = 이번 방문 기록
door-next = 다음 가구
door-add-person = 현관에서 만난 사람 추가


## A person on the door screen, and forms that edit or add people

person-language = 언어
person-phone = 전화
person-last-attempt = 지난번
person-do-not-contact = 연락 금지
person-i-speak = 제 언어는…
person-script = 본인 언어로 된 대본
person-edit = 수정
person-save = 변경 사항 저장
person-saved = 변경 사항을 이 휴대폰에 저장했어요
person-save-error = 저장하지 못했어요: { $reason }
person-given-name = 이름
person-family-name = 성
person-native-name = 모국어 표기 이름
add-person-submit = 사람 추가
add-person-saved = 이 휴대폰에 추가했어요
add-person-need-name = 이름을 입력하세요.
add-person-error = 이 사람을 추가하지 못했어요: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = 누구와 이야기했나요?
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = 대화
attempt-note = 메모(선택)
attempt-results = 결과
attempt-save-conversation = 대화 저장
attempt-cancel = 취소
attempt-error = 저장되지 않았어요: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = 이 휴대폰에 저장했어요
# $result is a result label from below.
attempt-saved-result = 저장했어요: { $result }
attempt-pending = 이 휴대폰에 저장했어요. 다음 동기화 때 전송돼요.
attempt-synced = 저장하고 오거나이저에게 전송했어요.
attempt-pending-short = 전송 대기
attempt-synced-short = 전송됨


## Result buttons: how a knock or a call ended

result-contacted = 대화함
result-not-home = 부재중
result-refused = 거절
result-moved = 이사함
result-wrong-address = 잘못된 주소
result-inaccessible = 현관 접근 불가
result-deceased = 사망
result-come-back-later = 나중에 다시
result-language-barrier = 언어 장벽
result-wrong-number = 잘못된 번호
result-disconnected = 없는 번호
result-left-message = 메시지 남김
result-busy = 통화 중


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = 어떤 언어를 쓰시나요?
barrier-hint = 이 목록을 주민에게 보여 주세요. 그 언어를 하는 사람이 다시 찾아갈 거예요.


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = 답변 지우기


## Script screen and script panel (phone bank)

script-title = 대본
script-for = 대상
script-language = 대본 언어
script-side-by-side = 단락마다 아래에 내 언어 표시
script-empty = 이 대본에는 아직 내용이 없어요.
script-none = 이 명단에는 대본이 없어요.
script-error = 대본을 불러오지 못했어요: { $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = 어떤 언어를 사용하세요?
speak-hint = 휴대폰을 주민 쪽으로 돌려서 본인의 언어를 누르도록 해 주세요.
speak-done = 완료
speak-saved = 언어를 이 휴대폰에 저장했어요


## Phone bank screen: a call list, one person at a time

call-title = 전화 캠페인
call-error = 이 전화 명단을 불러오지 못했어요: { $reason }
call-empty = 이 명단에는 전화번호가 있는 사람이 없어요.
call-progress =
    { $total ->
       *[other] 통화 { $total }건 중 { $done }건 완료
    }
call-position = { $total }명 중 { $n }번째
call-dial = { $phone } 전화 걸기
call-already = 이미 통화함
call-record = 통화 결과
call-previous = 이전
call-skip = 다음으로 건너뛰기
call-all-done = 이 명단의 모든 사람에게 전화했어요.


## Event mode: signing up walk-ins

event-open = 행사 등록
event-title = 행사 등록
event-intro = 찾아온 사람을 등록하세요. 입력하는 동안 이 휴대폰에 이미 있는 사람이 아래에 표시돼요.
event-address = 집 주소
event-zip = 우편번호(ZIP)
event-optional = 선택 사항
event-duplicates =
    { $count ->
        [0] 이 휴대폰에 비슷한 사람 없음
       *[other] 이미 등록된 사람인가요? 비슷한 사람 { $count }명
    }
event-same-person = 같은 사람: 등록
event-new-person = 새 사람: 등록
event-sign-up = 등록
event-saved = 등록 완료: { $name }
event-error = 저장되지 않았어요: { $reason }


## Search screen: everyone on this phone

search-title = 검색
search-label = 이름, 전화번호 또는 주소
search-hint = 어떤 문자로든 검색돼요: Nguyễn, nguyen, 李, 김.
search-count =
    { $count ->
        [0] 찾은 사람 없음
       *[other] { $count }명 찾음
    }
search-none = 이 휴대폰에서 찾은 사람이 없어요.
search-error = 검색 실패: { $reason }


## Settings screen

settings-title = 설정
settings-language = 앱 언어
settings-side-by-side-hint = 대본은 유권자의 언어로 표시돼요. 이 기능을 켜면 단락마다 아래에 내 언어가 함께 표시돼요.
settings-device = 이 휴대폰
settings-org = 단체
settings-user = 방문 활동가
settings-server = 오거나이저 주소
settings-stored = 저장된 데이터
settings-stored-counts =
    { $people ->
       *[other] { $people }명
    }, { $attempts ->
       *[other] 접촉 기록 { $attempts }건
    }
settings-not-paired = 이 휴대폰은 아직 페어링되지 않았어요.
settings-pair-again = 다시 페어링
settings-saved = 설정을 저장했어요
settings-error = 설정을 저장하지 못했어요: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = 잠김
lock-hint = 이 휴대폰의 유권자 정보를 보호하는 PIN을 입력하세요. 새 휴대폰은 처음 입력한 PIN을 사용합니다.
lock-pin = PIN
lock-unlock = 잠금 해제
lock-wrong = 이 PIN으로는 휴대폰을 열 수 없습니다.
lock-too-short = PIN은 4자 이상입니다.
wiped-revoked = 단체에서 이 휴대폰을 취소하여 휴대폰의 모든 정보가 삭제되었습니다.
wiped-by-hand = 이 휴대폰은 초기화되었습니다. 다시 시작하려면 연결하세요.
wiped-unsent = 보내지 못한 작업은 암호화되어 휴대폰에 남아 있으며 조직자에게 전달됩니다.
settings-security = 보안
settings-lock-after = 잠금 시간
settings-lock-minutes = { $minutes }분
settings-lock-never = 사용 안 함
settings-lock-now = 지금 잠그기
settings-wipe = 이 휴대폰 초기화
settings-wipe-hint = 다른 자원봉사자에게 휴대폰을 넘길 때, 연결을 해제하고 모든 사람, 명단, 대본을 지웁니다. 아직 보내지 않은 작업은 먼저 보냅니다.
settings-wipe-sure = 이 휴대폰의 모든 내용을 지울까요? 되돌릴 수 없습니다.
settings-wipe-confirm = 예, 모두 지우기
settings-wipe-cancel = 취소
