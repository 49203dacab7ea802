# Doorstep UI strings: Vietnamese (vi). Translated from locales/en/main.ftl,
# the source locale.
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
#
# Vietnamese notes: text is NFC with full diacritics. The app speaks to the
# canvasser as "bạn"; text the resident reads (the "I speak…" card title)
# uses the respectful "Quý vị". "Door" is rendered as "nhà" (household).
# Plurals: only *[other], plus the [0] variants English has.


## Shared words, used on several screens

loading = Đang tải…
# A language that has not been recorded for a person.
language-unknown = Chưa rõ


## Bottom navigation bar and "back" links at the top of each screen

nav-label = Chính
nav-lists = Danh sách
nav-search = Tìm kiếm
nav-event = Sự kiện
nav-settings = Cài đặt
nav-back = Quay lại
nav-back-to-list = Về danh sách


## Sync bar, always at the bottom of the screen

sync-bar-label = Trạng thái đồng bộ
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = Ứng dụng không phản hồi
sync-state-unpaired = Chưa liên kết
sync-state-syncing = Đang đồng bộ…
sync-state-online = Có mạng
sync-state-offline = Không có mạng: đang lưu trên điện thoại này
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] Đã gửi hết
       *[other] { $count } mục chờ gửi
    }
# $when is already formatted, e.g. "5 phút trước", "hôm qua".
sync-last = Đã đồng bộ { $when }
sync-never = Chưa đồng bộ lần nào
sync-error = Lần thử trước bị lỗi: { $reason }
sync-now = Đồng bộ ngay
sync-done = Đã đồng bộ xong
sync-failed = Đồng bộ thất bại: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = Liên kết điện thoại này
pairing-intro = Quét hoặc dán mã liên kết mà bên tổ chức đã đưa cho bạn. Việc liên kết sẽ nối điện thoại này với tổ chức của bạn; danh sách của bạn sẽ được tải về ngay sau đó.
pairing-already = Điện thoại này đã được liên kết với { $org } dưới tên { $user }. Muốn liên kết với tổ chức khác, trước hết phải xóa sạch dữ liệu trên điện thoại.
pairing-code = Mã liên kết
pairing-code-hint = Ví dụ K7QF-3M9X, hoặc dán toàn bộ nội dung của mã QR.
pairing-url = Địa chỉ của bên tổ chức
pairing-url-hint = Địa chỉ web ghi trên thẻ liên kết, bắt đầu bằng https://
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = Đã đọc mã QR. Điện thoại này sẽ liên kết với { $endpoint }.
pairing-submit = Liên kết
pairing-busy = Đang liên kết…
pairing-done = Đã liên kết. Đang tải danh sách của bạn…
pairing-error-empty = Hãy nhập mã liên kết.
pairing-error-code = Mã này có vẻ không phải mã liên kết. Hãy so lại với thẻ.
pairing-error-url = Hãy nhập địa chỉ của bên tổ chức, bắt đầu bằng https://
pairing-error-rejected = Bên tổ chức không chấp nhận mã này. Có thể mã bị gõ sai, đã được dùng rồi hoặc đã hết hạn: hãy xin mã mới.
pairing-error-offline = Không kết nối được với bên tổ chức. Cần có sóng một lần để liên kết; hãy thử lại ở nơi có sóng.
pairing-error-unreachable = Ứng dụng không phản hồi. Hãy đóng rồi mở lại.
pairing-error-other = Liên kết thất bại.


## My lists screen

lists-title = Danh sách của tôi
lists-who = { $user }, { $org }
lists-empty = Chưa có danh sách nào trên điện thoại này. Danh sách sẽ về trong lần đồng bộ tới, sau khi bên tổ chức giao cho bạn.
lists-error = Không tải được danh sách của bạn: { $reason }
list-kind-walk = Gõ cửa
list-kind-call = Gọi điện
list-progress-doors =
    { $total ->
       *[other] Xong { $done } trên { $total } nhà
    }
list-progress-people =
    { $total ->
       *[other] Đã gọi { $done } trên { $total } người
    }


## Walk list screen: the doors of one list, in walk order

walk-title = Danh sách gõ cửa
walk-counts =
    { $left ->
       *[other] Xong { $done }, còn { $left } nhà
    }
walk-filter = Lọc danh sách này
walk-filter-placeholder = Tên đường, số nhà hoặc tên người
walk-filter-count =
    { $count ->
        [0] Không có nhà nào khớp
       *[other] { $count } nhà khớp
    }
walk-doors-label = Các nhà theo thứ tự đi
walk-script = Kịch bản
walk-empty = Danh sách này không có nhà nào.
walk-no-match = Không có nhà nào trong danh sách này khớp.
walk-search-everyone = Tìm trong tất cả mọi người trên điện thoại này
walk-no-people = Không có ai trong danh sách
walk-error = Không tải được danh sách này: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = Đã xong: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = Đã xong
walk-door-todo = Chưa gõ cửa


## Door screen: one household

door-title = Nhà
door-error = Không tải được nhà này: { $reason }
door-people =
    { $count ->
       *[other] Người sống ở đây
    }
door-no-people = Không có ai được ghi tên ở nhà này.
door-open-script = Mở kịch bản
door-record = Ghi lại lần ghé này
door-next = Nhà kế tiếp
door-add-person = Thêm người gặp ở cửa


## A person on the door screen, and forms that edit or add people

person-language = Ngôn ngữ
person-phone = Điện thoại
person-last-attempt = Lần gần nhất
person-do-not-contact = Không liên lạc
person-i-speak = Tôi nói…
person-script = Kịch bản bằng ngôn ngữ của họ
person-edit = Sửa
person-save = Lưu thay đổi
person-saved = Đã lưu thay đổi trên điện thoại này
person-save-error = Không lưu được: { $reason }
person-given-name = Tên
person-family-name = Họ
person-native-name = Tên viết bằng chữ của họ
add-person-submit = Thêm người
add-person-saved = Đã thêm người trên điện thoại này
add-person-need-name = Hãy nhập tên.
add-person-error = Không thêm được người này: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = Bạn đã nói chuyện với ai?
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = Cuộc trò chuyện
attempt-note = Ghi chú (không bắt buộc)
attempt-results = Kết quả
attempt-save-conversation = Lưu cuộc trò chuyện
attempt-cancel = Hủy
attempt-error = Chưa lưu được: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = Đã lưu trên điện thoại này
# $result is a result label from below.
attempt-saved-result = Đã lưu: { $result }
attempt-pending = Đã lưu trên điện thoại này. Sẽ được gửi đi trong lần đồng bộ tới.
attempt-synced = Đã lưu và gửi cho bên tổ chức.
attempt-pending-short = Chờ gửi
attempt-synced-short = Đã gửi


## Result buttons: how a knock or a call ended

result-contacted = Đã nói chuyện
result-not-home = Không có nhà
result-refused = Từ chối
result-moved = Đã dọn đi
result-wrong-address = Sai địa chỉ
result-inaccessible = Không đến được cửa
result-deceased = Đã qua đời
result-come-back-later = Quay lại sau
result-language-barrier = Bất đồng ngôn ngữ
result-wrong-number = Sai số
result-disconnected = Số không còn dùng
result-left-message = Đã để lại lời nhắn
result-busy = Máy bận


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = Họ nói ngôn ngữ nào?
barrier-hint = Đưa danh sách này cho cư dân xem. Sẽ có người nói được ngôn ngữ đó quay lại sau.


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = Xóa câu trả lời


## Script screen and script panel (phone bank)

script-title = Kịch bản
script-for = Dành cho
script-language = Hiện kịch bản bằng
script-side-by-side = Hiện ngôn ngữ của tôi dưới mỗi đoạn
script-empty = Kịch bản này chưa có nội dung.
script-none = Danh sách này không có kịch bản.
script-error = Không tải được kịch bản: { $reason }


## "I speak…" card: full screen, turned toward the resident

# Read by the resident: respectful "Quý vị".
speak-title = Quý vị nói ngôn ngữ nào?
speak-hint = Xoay điện thoại về phía cư dân và để họ chạm vào ngôn ngữ của mình.
speak-done = Xong
speak-saved = Đã lưu ngôn ngữ trên điện thoại này


## Phone bank screen: a call list, one person at a time

call-title = Gọi điện vận động
call-error = Không tải được danh sách gọi này: { $reason }
call-empty = Không ai trong danh sách này có số điện thoại.
call-progress =
    { $total ->
       *[other] Xong { $done } trên { $total } cuộc gọi
    }
call-position = Người thứ { $n } trên { $total }
call-dial = Gọi { $phone }
call-already = Đã gọi rồi
call-record = Kết quả cuộc gọi
call-previous = Người trước
call-skip = Bỏ qua
call-all-done = Đã gọi hết mọi người trong danh sách này.


## Event mode: signing up walk-ins

event-open = Đăng ký sự kiện
event-title = Đăng ký sự kiện
event-intro = Đăng ký cho những người ghé qua. Khi bạn gõ, ai đã có trên điện thoại này sẽ hiện ra bên dưới.
event-address = Địa chỉ nhà
event-zip = Mã ZIP
event-optional = Không bắt buộc
event-duplicates =
    { $count ->
        [0] Không có ai giống trên điện thoại này
       *[other] Đã có trên điện thoại này? Có { $count } người gần giống
    }
event-same-person = Cùng một người: đăng ký
event-new-person = Người mới: đăng ký
event-sign-up = Đăng ký
event-saved = Đã đăng ký: { $name }
event-error = Chưa lưu được: { $reason }


## Search screen: everyone on this phone

search-title = Tìm kiếm
search-label = Tên, số điện thoại hoặc địa chỉ
search-hint = Gõ kiểu chữ nào cũng được: Nguyễn, nguyen, 李, 김.
search-count =
    { $count ->
        [0] Không tìm thấy ai
       *[other] Tìm thấy { $count } người
    }
search-none = Không tìm thấy ai trên điện thoại này.
search-error = Tìm kiếm thất bại: { $reason }


## Settings screen

settings-title = Cài đặt
settings-language = Ngôn ngữ ứng dụng
settings-side-by-side-hint = Kịch bản được hiển thị bằng ngôn ngữ của cử tri. Khi bật mục này, ngôn ngữ của bạn sẽ hiện dưới mỗi đoạn.
settings-device = Điện thoại này
settings-org = Tổ chức
settings-user = Người vận động
settings-server = Địa chỉ của bên tổ chức
settings-stored = Lưu trên máy
settings-stored-counts =
    { $people ->
       *[other] { $people } người
    }, { $attempts ->
       *[other] { $attempts } lần liên lạc
    }
settings-not-paired = Điện thoại này chưa được liên kết.
settings-pair-again = Liên kết lại
settings-saved = Đã lưu cài đặt
settings-error = Không lưu được cài đặt: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = Đã khóa
lock-hint = Nhập mã PIN bảo vệ dữ liệu cử tri trên điện thoại này. Điện thoại mới sẽ giữ mã PIN đầu tiên bạn nhập.
lock-pin = Mã PIN
lock-unlock = Mở khóa
lock-wrong = Mã PIN này không mở được điện thoại.
lock-too-short = Mã PIN có ít nhất 4 ký tự.
wiped-revoked = Tổ chức của bạn đã thu hồi điện thoại này, nên mọi dữ liệu trên đó đã bị xóa.
wiped-by-hand = Điện thoại này đã được xóa. Hãy liên kết lại để bắt đầu.
wiped-unsent = Công việc chưa gửi được vẫn giữ trên điện thoại, đã mã hóa, cho người tổ chức.
settings-security = Bảo mật
settings-lock-after = Khóa sau
settings-lock-minutes = { $minutes } phút
settings-lock-never = Không bao giờ
settings-lock-now = Khóa ngay
settings-wipe = Xóa điện thoại này
settings-wipe-hint = Hủy liên kết và xóa mọi người, danh sách và kịch bản trên máy, khi giao điện thoại cho tình nguyện viên khác. Công việc chưa gửi sẽ được gửi trước.
settings-wipe-sure = Xóa mọi thứ trên điện thoại này? Không thể hoàn tác.
settings-wipe-confirm = Có, xóa hết
settings-wipe-cancel = Hủy
