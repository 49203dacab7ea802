# Doorstep UI strings: Arabic (ar), Modern Standard Arabic, translated from
# English (locales/en/main.ftl).
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
# Arabic notes: every count uses all six CLDR categories. The noun follows
# Arabic number agreement: one = "باب واحد", two = dual "بابان",
# few (3–10) = plural "أبواب", many (11–99) = accusative singular "بابًا",
# other (100, 101, …) = singular "باب". Exact [0] variants come before
# [zero]. Imperatives address the user in the plain masculine singular.
# No bidi marks are added by hand.


## Shared words, used on several screens

loading = جارٍ التحميل…
# A language that has not been recorded for a person.
language-unknown = غير معروفة


## Bottom navigation bar and "back" links at the top of each screen

nav-label = التنقّل الرئيسي
nav-lists = القوائم
nav-search = البحث
nav-event = الفعالية
nav-settings = الإعدادات
nav-back = رجوع
nav-back-to-list = العودة إلى القائمة


## Sync bar, always at the bottom of the screen

sync-bar-label = حالة المزامنة
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = التطبيق لا يستجيب
sync-state-unpaired = غير مربوط
sync-state-syncing = جارٍ المزامنة…
sync-state-online = متّصل
sync-state-offline = غير متّصل: الحفظ على هذا الهاتف
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] أُرسل كل شيء
        [zero] أُرسل كل شيء
        [one] سجلّ واحد بانتظار الإرسال
        [two] سجلّان بانتظار الإرسال
        [few] { $count } سجلّات بانتظار الإرسال
        [many] { $count } سجلًّا بانتظار الإرسال
       *[other] { $count } سجلّ بانتظار الإرسال
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = آخر مزامنة: { $when }
sync-never = لم تتمّ أي مزامنة بعد
sync-error = فشلت المحاولة الأخيرة: { $reason }
sync-now = زامِن الآن
sync-done = اكتملت المزامنة
sync-failed = فشلت المزامنة: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = ربط هذا الهاتف
pairing-intro = امسح رمز الربط الذي أعطاك إياه المنسّق أو الصقه هنا. الربط يَصِل هذا الهاتف بمنظمتك، وبعده مباشرةً تُنزَّل قوائمك.
pairing-already = هذا الهاتف مربوط بالفعل بـ { $org } باسم { $user }. لربطه بمنظمة أخرى يجب مسح بياناته أولًا.
pairing-code = رمز الربط
pairing-code-hint = مثلًا K7QF-3M9X، أو الصق نص رمز QR كاملًا.
pairing-url = عنوان موقع المنسّق
pairing-url-hint = عنوان الموقع المكتوب على بطاقة الربط، ويبدأ بـ https://
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = تمّت قراءة رمز QR. سيُربط هذا الهاتف بـ { $endpoint }.
pairing-submit = اربط
pairing-busy = جارٍ الربط…
pairing-done = تمّ الربط. جارٍ تنزيل قوائمك…
pairing-error-empty = أدخِل رمز الربط.
pairing-error-code = هذا لا يبدو رمز ربط. قارِنه بما هو مكتوب على البطاقة.
pairing-error-url = أدخِل عنوان موقع المنسّق، ويبدأ بـ https://
pairing-error-rejected = لم يقبل المنسّق هذا الرمز. ربما كُتب خطأً أو استُخدم من قبل أو انتهت صلاحيته: اطلب رمزًا جديدًا.
pairing-error-offline = لا يوجد اتصال بالمنسّق. يحتاج الربط إلى الإنترنت مرة واحدة فقط؛ أعِد المحاولة في مكان تتوفّر فيه إشارة.
pairing-error-unreachable = التطبيق لا يستجيب. أغلِقه ثم افتحه من جديد.
pairing-error-other = فشل الربط.


## My lists screen

lists-title = قوائمي
lists-who = { $user }، { $org }
lists-empty = لا توجد قوائم على هذا الهاتف بعد. ستصل مع المزامنة التالية بعد أن يُسندها إليك المنسّق.
lists-error = تعذّر تحميل قوائمك: { $reason }
list-kind-walk = طرق الأبواب
list-kind-call = مكالمات
list-progress-doors =
    { $total ->
        [zero] لا أبواب في هذه القائمة
        [one] تمّت زيارة { $done } من أصل باب واحد
        [two] تمّت زيارة { $done } من أصل بابين
        [few] تمّت زيارة { $done } من أصل { $total } أبواب
        [many] تمّت زيارة { $done } من أصل { $total } بابًا
       *[other] تمّت زيارة { $done } من أصل { $total } باب
    }
list-progress-people =
    { $total ->
        [zero] لا أشخاص في هذه القائمة
        [one] تمّ الاتصال بـ { $done } من أصل شخص واحد
        [two] تمّ الاتصال بـ { $done } من أصل شخصين
        [few] تمّ الاتصال بـ { $done } من أصل { $total } أشخاص
        [many] تمّ الاتصال بـ { $done } من أصل { $total } شخصًا
       *[other] تمّ الاتصال بـ { $done } من أصل { $total } شخص
    }


## Walk list screen: the doors of one list, in walk order

walk-title = قائمة الزيارات
walk-counts =
    { $left ->
        [zero] تمّت زيارة { $done }، ولم يبقَ أي باب
        [one] تمّت زيارة { $done }، وبقي باب واحد
        [two] تمّت زيارة { $done }، وبقي بابان
        [few] تمّت زيارة { $done }، وبقيت { $left } أبواب
        [many] تمّت زيارة { $done }، وبقي { $left } بابًا
       *[other] تمّت زيارة { $done }، وبقي { $left } باب
    }
walk-filter = تصفية هذه القائمة
walk-filter-placeholder = الشارع أو الرقم أو الاسم
walk-filter-count =
    { $count ->
        [0] لا توجد أبواب مطابقة
        [zero] لا توجد أبواب مطابقة
        [one] باب واحد مطابق
        [two] بابان مطابقان
        [few] { $count } أبواب مطابقة
        [many] { $count } بابًا مطابقًا
       *[other] { $count } باب مطابق
    }
walk-doors-label = الأبواب بترتيب المسار
walk-script = نصّ الحديث
walk-empty = لا توجد أبواب في هذه القائمة.
walk-no-match = لا يوجد في هذه القائمة باب مطابق.
walk-search-everyone = ابحث بين كل من على هذا الهاتف
walk-no-people = لا أحد مسجَّل
walk-error = تعذّر تحميل هذه القائمة: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = تمّت الزيارة: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = تمّت الزيارة
walk-door-todo = لم يُطرق بعد


## Door screen: one household

door-title = الباب
door-error = تعذّر تحميل بيانات هذا الباب: { $reason }
door-people =
    { $count ->
        [zero] لا أحد هنا
        [one] الشخص المقيم هنا
        [two] الشخصان المقيمان هنا
        [few] الأشخاص المقيمون هنا
        [many] الأشخاص المقيمون هنا
       *[other] الأشخاص المقيمون هنا
    }
door-no-people = لا يوجد أحد مسجَّل على هذا الباب.
door-open-script = افتح نصّ الحديث
door-record = سجِّل هذه الزيارة
door-next = الباب التالي
door-add-person = أضِف شخصًا قابلته عند الباب


## A person on the door screen, and forms that edit or add people

person-language = اللغة
person-phone = الهاتف
person-last-attempt = آخر مرة
person-do-not-contact = ممنوع التواصل
person-i-speak = أتحدّث…
person-script = النص بلغته
person-edit = تعديل
person-save = احفظ التغييرات
person-saved = حُفظت التغييرات على هذا الهاتف
person-save-error = تعذّر الحفظ: { $reason }
person-given-name = الاسم الأول
person-family-name = اسم العائلة
person-native-name = الاسم بحروف لغته
add-person-submit = أضِف الشخص
add-person-saved = أُضيف الشخص على هذا الهاتف
add-person-need-name = أدخِل اسمًا.
add-person-error = تعذّرت إضافة هذا الشخص: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = مع مَن تحدّثت؟
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = المحادثة
attempt-note = ملاحظة (اختيارية)
attempt-results = النتيجة
attempt-save-conversation = احفظ المحادثة
attempt-cancel = إلغاء
attempt-error = لم يُحفظ: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = حُفظ على هذا الهاتف
# $result is a result label from below.
attempt-saved-result = حُفظ: { $result }
attempt-pending = حُفظ على هذا الهاتف، وسيُرسل عند المزامنة التالية.
attempt-synced = حُفظ وأُرسل إلى المنسّق.
attempt-pending-short = بانتظار الإرسال
attempt-synced-short = أُرسل


## Result buttons: how a knock or a call ended

result-contacted = تحدّثنا معهم
result-not-home = لا أحد في البيت
result-refused = رفض
result-moved = انتقل من هنا
result-wrong-address = عنوان خاطئ
result-inaccessible = تعذّر الوصول للباب
result-deceased = متوفّى
result-come-back-later = العودة لاحقًا
result-language-barrier = حاجز اللغة
result-wrong-number = رقم خاطئ
result-disconnected = الرقم خارج الخدمة
result-left-message = تُركت رسالة
result-busy = مشغول


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = ما اللغة التي يتحدّثونها؟
barrier-hint = اعرض هذه القائمة على الساكن. سنرسل إليه لاحقًا شخصًا يتحدّث لغته.


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = امسح الإجابة


## Script screen and script panel (phone bank)

script-title = نصّ الحديث
script-for = موجَّه إلى
script-language = لغة النص
script-side-by-side = اعرض لغتي تحت كل فقرة
script-empty = لم يُكتب هذا النص بعد.
script-none = لا يوجد نصّ لهذه القائمة.
script-error = تعذّر تحميل النص: { $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = ما اللغة التي تتحدّثها؟
speak-hint = وجِّه الهاتف نحو الساكن ودَعْه يلمس لغته.
speak-done = تمّ
speak-saved = حُفظت اللغة على هذا الهاتف


## Phone bank screen: a call list, one person at a time

call-title = الاتصالات الهاتفية
call-error = تعذّر تحميل قائمة الاتصال هذه: { $reason }
call-empty = لا أحد في هذه القائمة لديه رقم هاتف.
call-progress =
    { $total ->
        [zero] لا مكالمات في هذه القائمة
        [one] أُجريت { $done } من أصل مكالمة واحدة
        [two] أُجريت { $done } من أصل مكالمتين
        [few] أُجريت { $done } من أصل { $total } مكالمات
        [many] أُجريت { $done } من أصل { $total } مكالمةً
       *[other] أُجريت { $done } من أصل { $total } مكالمة
    }
call-position = الشخص { $n } من { $total }
call-dial = اتصل بـ { $phone }
call-already = تمّ الاتصال به سابقًا
call-record = نتيجة المكالمة
call-previous = السابق
call-skip = تخطَّ إلى التالي
call-all-done = تمّ الاتصال بكل من في هذه القائمة.


## Event mode: signing up walk-ins

event-open = التسجيل في الفعالية
event-title = التسجيل في الفعالية
event-intro = سجِّل الأشخاص الذين يمرّون بك. أثناء الكتابة يظهر في الأسفل كل من هو موجود مسبقًا على هذا الهاتف.
event-address = عنوان المنزل
event-zip = الرمز البريدي
event-optional = اختياري
event-duplicates =
    { $count ->
        [0] لا يوجد أحد مشابه على هذا الهاتف
        [zero] لا يوجد أحد مشابه على هذا الهاتف
        [one] موجود مسبقًا على هذا الهاتف؟
        [two] موجود مسبقًا على هذا الهاتف؟ يوجد شخصان مشابهان
        [few] موجود مسبقًا على هذا الهاتف؟ يوجد { $count } أشخاص مشابهون
        [many] موجود مسبقًا على هذا الهاتف؟ يوجد { $count } شخصًا مشابهًا
       *[other] موجود مسبقًا على هذا الهاتف؟ يوجد { $count } شخص مشابه
    }
event-same-person = الشخص نفسه: سجِّله
event-new-person = شخص جديد: سجِّله
event-sign-up = سجِّل
event-saved = تمّ التسجيل: { $name }
event-error = لم يُحفظ: { $reason }


## Search screen: everyone on this phone

search-title = البحث
search-label = الاسم أو الهاتف أو العنوان
search-hint = يمكنك الكتابة بأي خط: Nguyễn، nguyen، 李، 김، أحمد.
search-count =
    { $count ->
        [0] لم يُعثر على أحد
        [zero] لم يُعثر على أحد
        [one] عُثر على شخص واحد
        [two] عُثر على شخصين
        [few] عُثر على { $count } أشخاص
        [many] عُثر على { $count } شخصًا
       *[other] عُثر على { $count } شخص
    }
search-none = لم يُعثر على أحد على هذا الهاتف.
search-error = فشل البحث: { $reason }


## Settings screen

settings-title = الإعدادات
settings-language = لغة التطبيق
settings-side-by-side-hint = تظهر النصوص بلغة الناخب. عند تفعيل هذا الخيار تظهر لغتك تحت كل فقرة.
settings-device = هذا الهاتف
settings-org = المنظمة
settings-user = الناشط الميداني
settings-server = عنوان موقع المنسّق
settings-stored = المحفوظ هنا
settings-stored-counts =
    { $people ->
        [zero] لا أشخاص
        [one] شخص واحد
        [two] شخصان
        [few] { $people } أشخاص
        [many] { $people } شخصًا
       *[other] { $people } شخص
    }، { $attempts ->
        [zero] لا محاولات
        [one] محاولة واحدة
        [two] محاولتان
        [few] { $attempts } محاولات
        [many] { $attempts } محاولةً
       *[other] { $attempts } محاولة
    }
settings-not-paired = هذا الهاتف غير مربوط بعد.
settings-pair-again = أعِد الربط
settings-saved = حُفظت الإعدادات
settings-error = تعذّر حفظ الإعدادات: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = مقفل
lock-hint = أدخل رمز PIN الذي يحمي بيانات الناخبين على هذا الهاتف. يحتفظ الهاتف الجديد بأول رمز تدخله.
lock-pin = رمز PIN
lock-unlock = فتح القفل
lock-wrong = هذا الرمز لا يفتح هذا الهاتف.
lock-too-short = يتكوّن رمز PIN من 4 أحرف على الأقل.
wiped-revoked = ألغت منظمتك هذا الهاتف، لذا مُسح كل ما عليه.
wiped-by-hand = مُسح هذا الهاتف. اربطه للبدء من جديد.
wiped-unsent = العمل الذي تعذّر إرساله محفوظ على الهاتف، مشفّرًا، لمنظِّمك.
settings-security = الأمان
settings-lock-after = القفل بعد
settings-lock-minutes = { $minutes } دقيقة
settings-lock-never = أبدًا
settings-lock-now = اقفل الآن
settings-wipe = امسح هذا الهاتف
settings-wipe-hint = يلغي الربط ويمسح كل شخص وقائمة ونص عليه، عند تسليم الهاتف لمتطوع آخر. يُرسَل ما لم يُرسَل بعد أولًا.
settings-wipe-sure = أتريد مسح كل ما على هذا الهاتف؟ لا يمكن التراجع.
settings-wipe-confirm = نعم، امسح كل شيء
settings-wipe-cancel = إلغاء
