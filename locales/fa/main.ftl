# Doorstep UI strings: Persian (fa), translated from English (locales/en/main.ftl).
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
# Persian notes: plural categories are one/other (CLDR "one" also covers 0,
# which is why exact [0] variants come first). A noun after a number stays
# singular, so one and other usually read the same. Half-spaces (ZWNJ) are
# part of the spelling (می‌شود، فهرست‌ها); no bidi marks are added by hand.


## Shared words, used on several screens

loading = در حال بارگذاری…
# A language that has not been recorded for a person.
language-unknown = نامشخص


## Bottom navigation bar and "back" links at the top of each screen

nav-label = منوی اصلی
nav-lists = فهرست‌ها
nav-search = جستجو
nav-event = رویداد
nav-settings = تنظیمات
nav-back = بازگشت
nav-back-to-list = بازگشت به فهرست


## Sync bar, always at the bottom of the screen

sync-bar-label = وضعیت همگام‌سازی
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = برنامه پاسخ نمی‌دهد
sync-state-unpaired = جفت نشده
sync-state-syncing = در حال همگام‌سازی…
sync-state-online = آنلاین
sync-state-offline = آفلاین: ذخیره روی همین گوشی
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] همه ارسال شد
        [one] { $count } مورد در انتظار ارسال
       *[other] { $count } مورد در انتظار ارسال
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = آخرین همگام‌سازی: { $when }
sync-never = هنوز همگام‌سازی نشده
sync-error = تلاش آخر ناموفق بود: { $reason }
sync-now = همگام‌سازی
sync-done = همگام‌سازی انجام شد
sync-failed = همگام‌سازی ناموفق بود: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = جفت کردن این گوشی
pairing-intro = کد جفت‌سازی را که هماهنگ‌کننده به شما داده اسکن کنید یا اینجا بچسبانید. با جفت کردن، این گوشی به سازمان شما وصل می‌شود و فهرست‌هایتان بلافاصله دانلود می‌شوند.
pairing-already = این گوشی قبلاً به نام { $user } با { $org } جفت شده است. برای جفت کردن آن با سازمانی دیگر، اول باید اطلاعاتش پاک شود.
pairing-code = کد جفت‌سازی
pairing-code-hint = مثلاً K7QF-3M9X، یا کل متن کد QR را بچسبانید.
pairing-url = آدرس وب هماهنگ‌کننده
pairing-url-hint = آدرس وبی که روی کارت جفت‌سازی نوشته شده و با https:// شروع می‌شود
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = کد QR خوانده شد. این گوشی با { $endpoint } جفت می‌شود.
pairing-submit = جفت کردن
pairing-busy = در حال جفت کردن…
pairing-done = جفت شد. در حال دانلود فهرست‌هایتان…
pairing-error-empty = کد جفت‌سازی را وارد کنید.
pairing-error-code = این شبیه کد جفت‌سازی نیست. آن را با کارت مقایسه کنید.
pairing-error-url = آدرس هماهنگ‌کننده را وارد کنید؛ با https:// شروع می‌شود
pairing-error-rejected = هماهنگ‌کننده این کد را نپذیرفت. شاید اشتباه تایپ شده، قبلاً استفاده شده یا منقضی شده باشد: کد تازه‌ای بخواهید.
pairing-error-offline = ارتباطی با هماهنگ‌کننده نیست. جفت کردن فقط یک بار به اینترنت نیاز دارد؛ جایی که آنتن دارید دوباره امتحان کنید.
pairing-error-unreachable = برنامه پاسخ نمی‌دهد. آن را ببندید و دوباره باز کنید.
pairing-error-other = جفت کردن ناموفق بود.


## My lists screen

lists-title = فهرست‌های من
lists-who = { $user }، { $org }
lists-empty = هنوز هیچ فهرستی روی این گوشی نیست. وقتی هماهنگ‌کننده فهرستی به شما بدهد، با همگام‌سازی بعدی می‌رسد.
lists-error = فهرست‌هایتان بارگذاری نشد: { $reason }
list-kind-walk = خانه‌به‌خانه
list-kind-call = تماس تلفنی
list-progress-doors =
    { $total ->
        [one] { $done } از { $total } خانه انجام شد
       *[other] { $done } از { $total } خانه انجام شد
    }
list-progress-people =
    { $total ->
        [one] با { $done } از { $total } نفر تماس گرفته شد
       *[other] با { $done } از { $total } نفر تماس گرفته شد
    }


## Walk list screen: the doors of one list, in walk order

walk-title = فهرست خانه‌ها
walk-counts =
    { $left ->
        [one] { $done } انجام شد، { $left } خانه مانده
       *[other] { $done } انجام شد، { $left } خانه مانده
    }
walk-filter = فیلتر کردن این فهرست
walk-filter-placeholder = خیابان، پلاک یا نام
walk-filter-count =
    { $count ->
        [0] هیچ خانه‌ای پیدا نشد
        [one] { $count } خانه پیدا شد
       *[other] { $count } خانه پیدا شد
    }
walk-doors-label = خانه‌ها به ترتیب مسیر
walk-script = متن گفتگو
walk-empty = این فهرست هیچ خانه‌ای ندارد.
walk-no-match = هیچ خانه‌ای در این فهرست مطابقت ندارد.
walk-search-everyone = جستجو بین همهٔ افراد این گوشی
walk-no-people = کسی ثبت نشده
walk-error = این فهرست بارگذاری نشد: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = انجام‌شده: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = انجام‌شده
walk-door-todo = در زده نشده


## Door screen: one household

door-title = خانه
door-error = این خانه بارگذاری نشد: { $reason }
door-people =
    { $count ->
        [one] ساکن این خانه
       *[other] ساکنان این خانه
    }
door-no-people = هیچ‌کس برای این خانه ثبت نشده است.
door-open-script = باز کردن متن گفتگو
door-record = ثبت این مراجعه
door-next = خانهٔ بعدی
door-add-person = افزودن فردی که دم در دیدید


## A person on the door screen, and forms that edit or add people

person-language = زبان
person-phone = تلفن
person-last-attempt = آخرین بار
person-do-not-contact = تماس نگیرید
person-i-speak = زبان من…
person-script = متن به زبان خودشان
person-edit = ویرایش
person-save = ذخیرهٔ تغییرات
person-saved = تغییرات روی این گوشی ذخیره شد
person-save-error = ذخیره نشد: { $reason }
person-given-name = نام
person-family-name = نام خانوادگی
person-native-name = نام به خط خودشان
add-person-submit = افزودن فرد
add-person-saved = فرد روی این گوشی اضافه شد
add-person-need-name = یک نام وارد کنید.
add-person-error = این فرد اضافه نشد: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = با چه کسی صحبت کردید؟
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = گفتگو
attempt-note = یادداشت (اختیاری)
attempt-results = نتیجه
attempt-save-conversation = ذخیرهٔ گفتگو
attempt-cancel = لغو
attempt-error = ذخیره نشد: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = روی این گوشی ذخیره شد
# $result is a result label from below.
attempt-saved-result = ذخیره شد: { $result }
attempt-pending = روی این گوشی ذخیره شد و با همگام‌سازی بعدی ارسال می‌شود.
attempt-synced = ذخیره و برای هماهنگ‌کننده‌تان ارسال شد.
attempt-pending-short = در انتظار ارسال
attempt-synced-short = ارسال شد


## Result buttons: how a knock or a call ended

result-contacted = صحبت کردیم
result-not-home = کسی خانه نبود
result-refused = نخواست صحبت کند
result-moved = نقل مکان کرده
result-wrong-address = آدرس اشتباه
result-inaccessible = دسترسی به در نیست
result-deceased = فوت کرده
result-come-back-later = بعداً مراجعه شود
result-language-barrier = مشکل زبان
result-wrong-number = شمارهٔ اشتباه
result-disconnected = شماره قطع شده
result-left-message = پیام گذاشتم
result-busy = مشغول


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = به چه زبانی صحبت می‌کنند؟
barrier-hint = این فهرست را به ساکن خانه نشان دهید. کسی که به آن زبان صحبت می‌کند دوباره به سراغشان می‌آید.


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = پاک کردن پاسخ


## Script screen and script panel (phone bank)

script-title = متن گفتگو
script-for = برای
script-language = زبان متن
script-side-by-side = نمایش زبان من زیر هر بند
script-empty = این متن هنوز نوشته نشده است.
script-none = این فهرست متن گفتگو ندارد.
script-error = متن گفتگو بارگذاری نشد: { $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = به چه زبانی صحبت می‌کنید؟
speak-hint = گوشی را به طرف ساکن خانه بگیرید تا خودش زبانش را انتخاب کند.
speak-done = تمام
speak-saved = زبان روی این گوشی ذخیره شد


## Phone bank screen: a call list, one person at a time

call-title = تماس‌های تلفنی
call-error = این فهرست تماس بارگذاری نشد: { $reason }
call-empty = هیچ‌کس در این فهرست شمارهٔ تلفن ندارد.
call-progress =
    { $total ->
        [one] { $done } از { $total } تماس انجام شد
       *[other] { $done } از { $total } تماس انجام شد
    }
call-position = نفر { $n } از { $total }
call-dial = تماس با { $phone }
call-already = قبلاً تماس گرفته شده
call-record = نتیجهٔ تماس
call-previous = قبلی
call-skip = رفتن به بعدی
call-all-done = با همهٔ افراد این فهرست تماس گرفته شده است.


## Event mode: signing up walk-ins

event-open = ثبت‌نام رویداد
event-title = ثبت‌نام رویداد
event-intro = کسانی را که سر می‌زنند ثبت‌نام کنید. هنگام تایپ، هر کسی که از قبل روی این گوشی باشد پایین صفحه نشان داده می‌شود.
event-address = آدرس منزل
event-zip = کد پستی
event-optional = اختیاری
event-duplicates =
    { $count ->
        [0] فرد مشابهی روی این گوشی نیست
        [one] از قبل روی این گوشی هست؟
       *[other] از قبل روی این گوشی هست؟ { $count } نفر مشابه‌اند
    }
event-same-person = همان فرد است: ثبت‌نام
event-new-person = فرد جدید: ثبت‌نام
event-sign-up = ثبت‌نام
event-saved = ثبت‌نام شد: { $name }
event-error = ذخیره نشد: { $reason }


## Search screen: everyone on this phone

search-title = جستجو
search-label = نام، تلفن یا آدرس
search-hint = با هر خطی می‌توانید جستجو کنید: Nguyễn، nguyen، 李، 김، رضایی.
search-count =
    { $count ->
        [0] کسی پیدا نشد
        [one] { $count } نفر پیدا شد
       *[other] { $count } نفر پیدا شد
    }
search-none = کسی روی این گوشی پیدا نشد.
search-error = جستجو ناموفق بود: { $reason }


## Settings screen

settings-title = تنظیمات
settings-language = زبان برنامه
settings-side-by-side-hint = متن‌های گفتگو به زبان رأی‌دهنده نمایش داده می‌شوند. اگر این گزینه روشن باشد، زبان خودتان زیر هر بند می‌آید.
settings-device = این گوشی
settings-org = سازمان
settings-user = نیروی میدانی
settings-server = آدرس وب هماهنگ‌کننده
settings-stored = ذخیره‌شده در این گوشی
settings-stored-counts =
    { $people ->
        [one] { $people } نفر
       *[other] { $people } نفر
    }، { $attempts ->
        [one] { $attempts } تلاش
       *[other] { $attempts } تلاش
    }
settings-not-paired = این گوشی هنوز جفت نشده است.
settings-pair-again = جفت کردن دوباره
settings-saved = تنظیمات ذخیره شد
settings-error = تنظیمات ذخیره نشد: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = قفل است
lock-hint = پین محافظ اطلاعات رأی‌دهندگان روی این گوشی را وارد کنید. گوشی تازه اولین پینی را که وارد کنید نگه می‌دارد.
lock-pin = پین
lock-unlock = باز کردن قفل
lock-wrong = این پین گوشی را باز نمی‌کند.
lock-too-short = پین دست‌کم ۴ نویسه دارد.
wiped-revoked = سازمان شما این گوشی را باطل کرد، پس همه‌چیز روی آن پاک شد.
wiped-by-hand = این گوشی پاک شد. برای شروع دوباره آن را جفت کنید.
wiped-unsent = کاری که فرستاده نشد، رمزگذاری‌شده روی گوشی برای سازمان‌دهنده‌تان نگه داشته شده است.
settings-security = امنیت
settings-lock-after = قفل پس از
settings-lock-minutes = { $minutes } دقیقه
settings-lock-never = هرگز
settings-lock-now = همین حالا قفل کن
settings-wipe = پاک کردن این گوشی
settings-wipe-hint = جفت‌شدن را لغو می‌کند و همه افراد، فهرست‌ها و متن‌ها را پاک می‌کند، برای سپردن گوشی به داوطلبی دیگر. کار فرستاده‌نشده اول فرستاده می‌شود.
settings-wipe-sure = همه‌چیز روی این گوشی پاک شود؟ برگشت‌پذیر نیست.
settings-wipe-confirm = بله، همه را پاک کن
settings-wipe-cancel = لغو
