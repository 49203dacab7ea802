# Doorstep UI strings: Thai (th), translated from locales/en/main.ftl.
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
# - Thai: no spaces between words; a space marks a phrase or sentence break
#   and surrounds numbers.


## Shared words, used on several screens

loading = กำลังโหลด…
# A language that has not been recorded for a person.
language-unknown = ไม่ทราบ


## Bottom navigation bar and "back" links at the top of each screen

nav-label = เมนูหลัก
nav-lists = รายการ
nav-search = ค้นหา
nav-event = กิจกรรม
nav-settings = ตั้งค่า
nav-back = กลับ
nav-back-to-list = กลับไปที่รายการ


## Sync bar, always at the bottom of the screen

sync-bar-label = สถานะการซิงค์
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = แอปไม่ตอบสนอง
sync-state-unpaired = ยังไม่ได้จับคู่
sync-state-syncing = กำลังซิงค์…
sync-state-online = ออนไลน์
sync-state-offline = ออฟไลน์: บันทึกไว้ในเครื่องนี้
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] ส่งครบแล้ว
       *[other] รอส่ง { $count } รายการ
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = ซิงค์ล่าสุด { $when }
sync-never = ยังไม่เคยซิงค์
sync-error = ครั้งล่าสุดไม่สำเร็จ: { $reason }
sync-now = ซิงค์เลย
sync-done = ซิงค์เสร็จแล้ว
sync-failed = ซิงค์ไม่สำเร็จ: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = จับคู่โทรศัพท์เครื่องนี้
pairing-intro = สแกนหรือวางรหัสจับคู่ที่ผู้ประสานงานให้คุณมา การจับคู่จะเชื่อมโทรศัพท์เครื่องนี้กับองค์กรของคุณ แล้วรายการของคุณจะดาวน์โหลดลงเครื่องทันที
pairing-already = โทรศัพท์เครื่องนี้จับคู่กับ { $org } ไว้แล้วในชื่อ { $user } หากต้องการจับคู่กับองค์กรอื่น ต้องล้างข้อมูลในเครื่องก่อน
pairing-code = รหัสจับคู่
pairing-code-hint = เช่น K7QF-3M9X หรือวางข้อความทั้งหมดจากคิวอาร์โค้ด
pairing-url = ที่อยู่ของผู้ประสานงาน
pairing-url-hint = ที่อยู่เว็บบนบัตรจับคู่ ขึ้นต้นด้วย https://
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = อ่านคิวอาร์โค้ดแล้ว โทรศัพท์เครื่องนี้จะจับคู่กับ { $endpoint }
pairing-submit = จับคู่
pairing-busy = กำลังจับคู่…
pairing-done = จับคู่แล้ว กำลังดาวน์โหลดรายการของคุณ…
pairing-error-empty = กรุณาใส่รหัสจับคู่
pairing-error-code = ดูเหมือนไม่ใช่รหัสจับคู่ ลองเทียบกับบัตรอีกครั้ง
pairing-error-url = กรุณาใส่ที่อยู่ของผู้ประสานงาน ขึ้นต้นด้วย https://
pairing-error-rejected = ผู้ประสานงานไม่รับรหัสนี้ อาจพิมพ์ผิด ถูกใช้ไปแล้ว หรือหมดอายุ: ขอรหัสใหม่
pairing-error-offline = เชื่อมต่อกับผู้ประสานงานไม่ได้ การจับคู่ต้องมีสัญญาณหนึ่งครั้ง ลองใหม่ในที่ที่มีสัญญาณ
pairing-error-unreachable = แอปไม่ตอบสนอง ปิดแอปแล้วเปิดใหม่
pairing-error-other = จับคู่ไม่สำเร็จ


## My lists screen

lists-title = รายการของฉัน
lists-who = { $user }, { $org }
lists-empty = ยังไม่มีรายการในเครื่องนี้ เมื่อผู้ประสานงานมอบหมายให้คุณแล้ว รายการจะมาพร้อมการซิงค์ครั้งถัดไป
lists-error = โหลดรายการของคุณไม่ได้: { $reason }
list-kind-walk = เคาะประตู
list-kind-call = โทร
list-progress-doors =
    { $total ->
       *[other] เสร็จแล้ว { $done } จาก { $total } บ้าน
    }
list-progress-people =
    { $total ->
       *[other] โทรแล้ว { $done } จาก { $total } คน
    }


## Walk list screen: the doors of one list, in walk order

walk-title = รายการเคาะประตู
walk-counts =
    { $left ->
       *[other] เสร็จแล้ว { $done } เหลืออีก { $left } บ้าน
    }
walk-filter = กรองรายการนี้
walk-filter-placeholder = ถนน บ้านเลขที่ หรือชื่อ
walk-filter-count =
    { $count ->
        [0] ไม่มีบ้านที่ตรงกัน
       *[other] ตรงกัน { $count } บ้าน
    }
walk-doors-label = บ้านตามลำดับการเดิน
walk-script = บทพูด
walk-empty = รายการนี้ไม่มีบ้าน
walk-no-match = ไม่มีบ้านในรายการนี้ที่ตรงกัน
walk-search-everyone = ค้นหาทุกคนในเครื่องนี้
walk-no-people = ไม่มีรายชื่อ
walk-error = โหลดรายการนี้ไม่ได้: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = เสร็จแล้ว: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = เสร็จแล้ว
walk-door-todo = ยังไม่ได้เคาะ


## Door screen: one household

door-title = บ้าน
door-error = โหลดข้อมูลบ้านนี้ไม่ได้: { $reason }
door-people =
    { $count ->
       *[other] คนที่อยู่บ้านนี้
    }
door-no-people = ไม่มีรายชื่อใครที่บ้านนี้
door-open-script = เปิดบทพูด
door-record = บันทึกการเยี่ยมครั้งนี้
door-next = บ้านถัดไป
door-add-person = เพิ่มคนที่พบที่หน้าประตู


## A person on the door screen, and forms that edit or add people

person-language = ภาษา
person-phone = โทรศัพท์
person-last-attempt = ครั้งล่าสุด
person-do-not-contact = ห้ามติดต่อ
person-i-speak = ฉันพูดภาษา…
person-script = บทพูดในภาษาของเขา
person-edit = แก้ไข
person-save = บันทึกการแก้ไข
person-saved = บันทึกการแก้ไขในเครื่องนี้แล้ว
person-save-error = บันทึกไม่ได้: { $reason }
person-given-name = ชื่อ
person-family-name = นามสกุล
person-native-name = ชื่อในอักษรของเขาเอง
add-person-submit = เพิ่มคน
add-person-saved = เพิ่มคนในเครื่องนี้แล้ว
add-person-need-name = กรุณาใส่ชื่อ
add-person-error = เพิ่มคนนี้ไม่ได้: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = คุณได้คุยกับใคร
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = การสนทนา
attempt-note = บันทึกย่อ (ไม่บังคับ)
attempt-results = ผลลัพธ์
attempt-save-conversation = บันทึกการสนทนา
attempt-cancel = ยกเลิก
attempt-error = ไม่ได้บันทึก: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = บันทึกในเครื่องนี้แล้ว
# $result is a result label from below.
attempt-saved-result = บันทึกแล้ว: { $result }
attempt-pending = บันทึกในเครื่องนี้แล้ว จะส่งเมื่อซิงค์ครั้งถัดไป
attempt-synced = บันทึกและส่งถึงผู้ประสานงานของคุณแล้ว
attempt-pending-short = รอส่ง
attempt-synced-short = ส่งแล้ว


## Result buttons: how a knock or a call ended

result-contacted = ได้คุยแล้ว
result-not-home = ไม่อยู่บ้าน
result-refused = ปฏิเสธ
result-moved = ย้ายออกแล้ว
result-wrong-address = ที่อยู่ผิด
result-inaccessible = เข้าถึงประตูไม่ได้
result-deceased = เสียชีวิตแล้ว
result-come-back-later = มาใหม่ทีหลัง
result-language-barrier = ติดปัญหาภาษา
result-wrong-number = เบอร์ผิด
result-disconnected = เบอร์ถูกยกเลิก
result-left-message = ฝากข้อความแล้ว
result-busy = สายไม่ว่าง


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = เขาพูดภาษาอะไร
barrier-hint = ให้ผู้อยู่อาศัยดูรายการนี้ แล้วเราจะส่งคนที่พูดภาษานั้นได้กลับมาอีกครั้ง


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = ล้างคำตอบ


## Script screen and script panel (phone bank)

script-title = บทพูด
script-for = สำหรับ
script-language = แสดงบทพูดเป็นภาษา
script-side-by-side = แสดงภาษาของฉันใต้แต่ละย่อหน้า
script-empty = บทพูดนี้ยังไม่มีข้อความ
script-none = รายการนี้ไม่มีบทพูด
script-error = โหลดบทพูดไม่ได้: { $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = คุณพูดภาษาอะไร
speak-hint = หันโทรศัพท์ไปทางผู้อยู่อาศัย แล้วให้เขาแตะภาษาของตัวเอง
speak-done = เสร็จ
speak-saved = บันทึกภาษาในเครื่องนี้แล้ว


## Phone bank screen: a call list, one person at a time

call-title = โทรรณรงค์
call-error = โหลดรายการโทรนี้ไม่ได้: { $reason }
call-empty = ไม่มีใครในรายการนี้ที่มีเบอร์โทรศัพท์
call-progress =
    { $total ->
       *[other] โทรแล้ว { $done } จาก { $total } สาย
    }
call-position = คนที่ { $n } จาก { $total }
call-dial = โทร { $phone }
call-already = โทรไปแล้ว
call-record = ผลการโทร
call-previous = ก่อนหน้า
call-skip = ข้ามไปคนถัดไป
call-all-done = โทรหาทุกคนในรายการนี้แล้ว


## Event mode: signing up walk-ins

event-open = ลงทะเบียนในงาน
event-title = ลงทะเบียนในงาน
event-intro = ลงทะเบียนคนที่แวะมา ใครที่มีอยู่ในเครื่องนี้แล้วจะขึ้นด้านล่างระหว่างที่คุณพิมพ์
event-address = ที่อยู่บ้าน
event-zip = รหัสไปรษณีย์
event-optional = ไม่บังคับ
event-duplicates =
    { $count ->
        [0] ไม่มีใครที่คล้ายกันในเครื่องนี้
       *[other] มีอยู่ในเครื่องนี้แล้วหรือเปล่า มี { $count } คนที่คล้ายกัน
    }
event-same-person = คนเดิม: ลงทะเบียน
event-new-person = คนใหม่: ลงทะเบียน
event-sign-up = ลงทะเบียน
event-saved = ลงทะเบียนแล้ว: { $name }
event-error = ไม่ได้บันทึก: { $reason }


## Search screen: everyone on this phone

search-title = ค้นหา
search-label = ชื่อ เบอร์โทร หรือที่อยู่
search-hint = ใช้อักษรใดก็ได้: Nguyễn, nguyen, 李, 김
search-count =
    { $count ->
        [0] ไม่พบใคร
       *[other] พบ { $count } คน
    }
search-none = ไม่พบใครในเครื่องนี้
search-error = ค้นหาไม่สำเร็จ: { $reason }


## Settings screen

settings-title = ตั้งค่า
settings-language = ภาษาของแอป
settings-side-by-side-hint = บทพูดจะแสดงเป็นภาษาของผู้มีสิทธิ์เลือกตั้ง หากเปิดตัวเลือกนี้ ภาษาของคุณเองจะแสดงใต้แต่ละย่อหน้า
settings-device = เครื่องนี้
settings-org = องค์กร
settings-user = ผู้ลงพื้นที่
settings-server = ที่อยู่ของผู้ประสานงาน
settings-stored = เก็บไว้ในเครื่อง
settings-stored-counts =
    { $people ->
       *[other] { $people } คน
    }, { $attempts ->
       *[other] ติดต่อ { $attempts } ครั้ง
    }
settings-not-paired = โทรศัพท์เครื่องนี้ยังไม่ได้จับคู่
settings-pair-again = จับคู่ใหม่
settings-saved = บันทึกการตั้งค่าแล้ว
settings-error = บันทึกการตั้งค่าไม่ได้: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = ล็อกอยู่
lock-hint = ใส่ PIN ที่ปกป้องข้อมูลผู้มีสิทธิเลือกตั้งในโทรศัพท์เครื่องนี้ โทรศัพท์เครื่องใหม่จะจำ PIN แรกที่คุณใส่
lock-pin = PIN
lock-unlock = ปลดล็อก
lock-wrong = PIN นี้เปิดโทรศัพท์เครื่องนี้ไม่ได้
lock-too-short = PIN ต้องมีอย่างน้อย 4 ตัว
wiped-revoked = องค์กรของคุณเพิกถอนโทรศัพท์เครื่องนี้ ข้อมูลทั้งหมดในเครื่องจึงถูกลบ
wiped-by-hand = โทรศัพท์เครื่องนี้ถูกล้างแล้ว จับคู่ใหม่เพื่อเริ่มอีกครั้ง
wiped-unsent = งานที่ส่งไม่ได้ถูกเก็บไว้ในโทรศัพท์แบบเข้ารหัส สำหรับผู้ประสานงานของคุณ
settings-security = ความปลอดภัย
settings-lock-after = ล็อกหลังจาก
settings-lock-minutes = { $minutes } นาที
settings-lock-never = ไม่ล็อก
settings-lock-now = ล็อกเดี๋ยวนี้
settings-wipe = ล้างโทรศัพท์เครื่องนี้
settings-wipe-hint = ยกเลิกการจับคู่และลบทุกคน รายชื่อ และสคริปต์ในเครื่อง เมื่อส่งต่อโทรศัพท์ให้อาสาสมัครคนอื่น งานที่ยังไม่ได้ส่งจะถูกส่งก่อน
settings-wipe-sure = ลบทุกอย่างในโทรศัพท์เครื่องนี้หรือไม่ ย้อนกลับไม่ได้
settings-wipe-confirm = ใช่ ลบทั้งหมด
settings-wipe-cancel = ยกเลิก
