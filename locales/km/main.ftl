# Doorstep UI strings: Khmer (km), translated from locales/en/main.ftl.
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
# - Khmer: no spaces between words; a space marks a phrase break and
#   surrounds numbers and Latin text.


## Shared words, used on several screens

loading = កំពុងផ្ទុក…
# A language that has not been recorded for a person.
language-unknown = មិនដឹង


## Bottom navigation bar and "back" links at the top of each screen

nav-label = ម៉ឺនុយចម្បង
nav-lists = បញ្ជី
nav-search = ស្វែងរក
nav-event = ព្រឹត្តិការណ៍
nav-settings = ការកំណត់
nav-back = ត្រឡប់ក្រោយ
nav-back-to-list = ត្រឡប់ទៅបញ្ជី


## Sync bar, always at the bottom of the screen

sync-bar-label = ស្ថានភាពសមកាលកម្ម
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = កម្មវិធីមិនឆ្លើយតប
sync-state-unpaired = មិនទាន់ផ្គូផ្គង
sync-state-syncing = កំពុងធ្វើសមកាលកម្ម…
sync-state-online = មានអ៊ីនធឺណិត
sync-state-offline = គ្មានអ៊ីនធឺណិត៖ កំពុងរក្សាទុកក្នុងទូរស័ព្ទនេះ
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] បានផ្ញើទាំងអស់ហើយ
       *[other] រង់ចាំផ្ញើ { $count }
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = សមកាលកម្មចុងក្រោយ { $when }
sync-never = មិនដែលធ្វើសមកាលកម្ម
sync-error = ការព្យាយាមចុងក្រោយបរាជ័យ៖ { $reason }
sync-now = ធ្វើសមកាលកម្មឥឡូវ
sync-done = សមកាលកម្មរួចរាល់
sync-failed = សមកាលកម្មបរាជ័យ៖ { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = ផ្គូផ្គងទូរស័ព្ទនេះ
pairing-intro = ស្កេន ឬបិទភ្ជាប់លេខកូដផ្គូផ្គងដែលអ្នករៀបចំបានផ្ដល់ឱ្យអ្នក។ ការផ្គូផ្គងភ្ជាប់ទូរស័ព្ទនេះទៅអង្គការរបស់អ្នក ហើយបញ្ជីរបស់អ្នកនឹងទាញយកភ្លាមៗបន្ទាប់ពីនោះ។
pairing-already = ទូរស័ព្ទនេះបានផ្គូផ្គងជាមួយ { $org } រួចហើយ ក្នុងនាមជា { $user }។ ដើម្បីផ្គូផ្គងជាមួយអង្គការផ្សេង ត្រូវលុបទិន្នន័យទាំងអស់ចេញពីទូរស័ព្ទនេះជាមុនសិន។
pairing-code = លេខកូដផ្គូផ្គង
pairing-code-hint = ឧទាហរណ៍ K7QF-3M9X ឬបិទភ្ជាប់អត្ថបទទាំងមូលនៃកូដ QR។
pairing-url = អាសយដ្ឋានរបស់អ្នករៀបចំ
pairing-url-hint = អាសយដ្ឋានគេហទំព័រនៅលើកាតផ្គូផ្គង ដែលចាប់ផ្ដើមដោយ https://
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = បានអានកូដ QR។ ទូរស័ព្ទនេះនឹងផ្គូផ្គងជាមួយ { $endpoint }។
pairing-submit = ផ្គូផ្គង
pairing-busy = កំពុងផ្គូផ្គង…
pairing-done = បានផ្គូផ្គងហើយ។ កំពុងទាញយកបញ្ជីរបស់អ្នក…
pairing-error-empty = សូមបញ្ចូលលេខកូដផ្គូផ្គង។
pairing-error-code = នេះមើលទៅមិនដូចលេខកូដផ្គូផ្គងទេ។ សូមផ្ទៀងផ្ទាត់ជាមួយកាត។
pairing-error-url = សូមបញ្ចូលអាសយដ្ឋានរបស់អ្នករៀបចំ ដែលចាប់ផ្ដើមដោយ https://
pairing-error-rejected = អ្នករៀបចំមិនទទួលយកលេខកូដនេះទេ។ ប្រហែលជាវាយខុស ប្រើរួចហើយ ឬផុតកំណត់៖ សូមស្នើសុំលេខកូដថ្មី។
pairing-error-offline = មិនអាចភ្ជាប់ទៅអ្នករៀបចំបានទេ។ ការផ្គូផ្គងត្រូវការសញ្ញាមួយដង សូមព្យាយាមម្ដងទៀតនៅកន្លែងដែលមានសញ្ញា។
pairing-error-unreachable = កម្មវិធីមិនឆ្លើយតប។ សូមបិទវា ហើយបើកម្ដងទៀត។
pairing-error-other = ការផ្គូផ្គងបរាជ័យ។


## My lists screen

lists-title = បញ្ជីរបស់ខ្ញុំ
lists-who = { $user }, { $org }
lists-empty = មិនទាន់មានបញ្ជីនៅលើទូរស័ព្ទនេះនៅឡើយទេ។ បញ្ជីនឹងមកដល់នៅពេលធ្វើសមកាលកម្មលើកក្រោយ បន្ទាប់ពីអ្នករៀបចំចាត់បញ្ជីឱ្យអ្នក។
lists-error = មិនអាចផ្ទុកបញ្ជីរបស់អ្នកបានទេ៖ { $reason }
list-kind-walk = គោះទ្វារ
list-kind-call = ហៅទូរស័ព្ទ
list-progress-doors =
    { $total ->
       *[other] រួចរាល់ { $done } ក្នុងចំណោម { $total } ផ្ទះ
    }
list-progress-people =
    { $total ->
       *[other] បានហៅ { $done } ក្នុងចំណោម { $total } នាក់
    }


## Walk list screen: the doors of one list, in walk order

walk-title = បញ្ជីគោះទ្វារ
walk-counts =
    { $left ->
       *[other] រួចរាល់ { $done } នៅសល់ { $left } ផ្ទះ
    }
walk-filter = ត្រងបញ្ជីនេះ
walk-filter-placeholder = ផ្លូវ លេខផ្ទះ ឬឈ្មោះ
walk-filter-count =
    { $count ->
        [0] គ្មានផ្ទះណាត្រូវគ្នាទេ
       *[other] ត្រូវគ្នា { $count } ផ្ទះ
    }
walk-doors-label = ផ្ទះតាមលំដាប់ដើរ
walk-script = អត្ថបទនិយាយ
walk-empty = បញ្ជីនេះគ្មានផ្ទះទេ។
walk-no-match = គ្មានផ្ទះណាក្នុងបញ្ជីនេះត្រូវគ្នាទេ។
walk-search-everyone = ស្វែងរកមនុស្សទាំងអស់ក្នុងទូរស័ព្ទនេះ
walk-no-people = គ្មានឈ្មោះ
walk-error = មិនអាចផ្ទុកបញ្ជីនេះបានទេ៖ { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = រួចរាល់៖ { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = រួចរាល់
walk-door-todo = មិនទាន់គោះ


## Door screen: one household

door-title = ផ្ទះ
door-error = មិនអាចផ្ទុកផ្ទះនេះបានទេ៖ { $reason }
door-people =
    { $count ->
       *[other] អ្នកនៅផ្ទះនេះ
    }
door-no-people = គ្មានឈ្មោះអ្នកណាម្នាក់នៅផ្ទះនេះទេ។
door-open-script = បើកអត្ថបទនិយាយ
door-record = កត់ត្រាការចុះជួបនេះ
door-next = ផ្ទះបន្ទាប់
door-add-person = បន្ថែមអ្នកដែលជួបនៅមាត់ទ្វារ


## A person on the door screen, and forms that edit or add people

person-language = ភាសា
person-phone = ទូរស័ព្ទ
person-last-attempt = លើកចុងក្រោយ
person-do-not-contact = កុំទាក់ទង
person-i-speak = ខ្ញុំនិយាយ…
person-script = អត្ថបទនិយាយជាភាសារបស់គាត់
person-edit = កែ
person-save = រក្សាទុកការកែប្រែ
person-saved = បានរក្សាទុកការកែប្រែក្នុងទូរស័ព្ទនេះ
person-save-error = មិនអាចរក្សាទុកបានទេ៖ { $reason }
person-given-name = នាមខ្លួន
person-family-name = នាមត្រកូល
person-native-name = ឈ្មោះជាអក្សររបស់គាត់ផ្ទាល់
add-person-submit = បន្ថែមមនុស្ស
add-person-saved = បានបន្ថែមមនុស្សក្នុងទូរស័ព្ទនេះ
add-person-need-name = សូមបញ្ចូលឈ្មោះ។
add-person-error = មិនអាចបន្ថែមមនុស្សនេះបានទេ៖ { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = តើអ្នកបាននិយាយជាមួយអ្នកណា?
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = ការសន្ទនា
attempt-note = កំណត់ចំណាំ (មិនបង្ខំ)
attempt-results = លទ្ធផល
attempt-save-conversation = រក្សាទុកការសន្ទនា
attempt-cancel = បោះបង់
attempt-error = មិនបានរក្សាទុក៖ { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = បានរក្សាទុកក្នុងទូរស័ព្ទនេះ
# $result is a result label from below.
attempt-saved-result = បានរក្សាទុក៖ { $result }
attempt-pending = បានរក្សាទុកក្នុងទូរស័ព្ទនេះ។ វានឹងត្រូវផ្ញើនៅពេលធ្វើសមកាលកម្មលើកក្រោយ។
attempt-synced = បានរក្សាទុក និងផ្ញើទៅអ្នករៀបចំរបស់អ្នកហើយ។
attempt-pending-short = រង់ចាំផ្ញើ
attempt-synced-short = បានផ្ញើ


## Result buttons: how a knock or a call ended

result-contacted = បាននិយាយជាមួយ
result-not-home = មិននៅផ្ទះ
result-refused = បដិសេធ
result-moved = ប្ដូរទីលំនៅ
result-wrong-address = អាសយដ្ឋានខុស
result-inaccessible = ចូលដល់ទ្វារមិនបាន
result-deceased = ទទួលមរណភាព
result-come-back-later = មកវិញពេលក្រោយ
result-language-barrier = ភាសាមិនត្រូវគ្នា
result-wrong-number = លេខខុស
result-disconnected = លេខលែងប្រើ
result-left-message = បានទុកសារ
result-busy = ជាប់រវល់


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = តើគាត់និយាយភាសាអ្វី?
barrier-hint = បង្ហាញបញ្ជីនេះទៅអ្នករស់នៅ។ យើងនឹងបញ្ជូនអ្នកដែលចេះភាសានោះមកម្ដងទៀត។


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = លុបចម្លើយ


## Script screen and script panel (phone bank)

script-title = អត្ថបទនិយាយ
script-for = សម្រាប់
script-language = បង្ហាញអត្ថបទនិយាយជាភាសា
script-side-by-side = បង្ហាញភាសារបស់ខ្ញុំនៅក្រោមកថាខណ្ឌនីមួយៗ
script-empty = អត្ថបទនិយាយនេះមិនទាន់មានខ្លឹមសារនៅឡើយទេ។
script-none = បញ្ជីនេះគ្មានអត្ថបទនិយាយទេ។
script-error = មិនអាចផ្ទុកអត្ថបទនិយាយបានទេ៖ { $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = តើអ្នកនិយាយភាសាអ្វី?
speak-hint = បែរទូរស័ព្ទទៅរកអ្នករស់នៅ ហើយឱ្យគាត់ចុចលើភាសារបស់គាត់។
speak-done = រួចរាល់
speak-saved = បានរក្សាទុកភាសាក្នុងទូរស័ព្ទនេះ


## Phone bank screen: a call list, one person at a time

call-title = ការហៅទូរស័ព្ទ
call-error = មិនអាចផ្ទុកបញ្ជីហៅទូរស័ព្ទនេះបានទេ៖ { $reason }
call-empty = គ្មានអ្នកណាក្នុងបញ្ជីនេះមានលេខទូរស័ព្ទទេ។
call-progress =
    { $total ->
       *[other] បានហៅរួច { $done } ក្នុងចំណោម { $total } ដង
    }
call-position = អ្នកទី { $n } ក្នុងចំណោម { $total }
call-dial = ហៅ { $phone }
call-already = បានហៅរួចហើយ
call-record = លទ្ធផលការហៅ
call-previous = មុន
call-skip = រំលងទៅបន្ទាប់
call-all-done = បានហៅគ្រប់គ្នាក្នុងបញ្ជីនេះរួចហើយ។


## Event mode: signing up walk-ins

event-open = ចុះឈ្មោះនៅព្រឹត្តិការណ៍
event-title = ចុះឈ្មោះនៅព្រឹត្តិការណ៍
event-intro = ចុះឈ្មោះអ្នកដែលដើរចូលមក។ អ្នកដែលមានក្នុងទូរស័ព្ទនេះរួចហើយ នឹងបង្ហាញនៅខាងក្រោមពេលអ្នកវាយ។
event-address = អាសយដ្ឋានផ្ទះ
event-zip = លេខកូដ ZIP
event-optional = មិនបង្ខំ
event-duplicates =
    { $count ->
        [0] គ្មាននរណាស្រដៀងគ្នាក្នុងទូរស័ព្ទនេះទេ
       *[other] មានក្នុងទូរស័ព្ទនេះរួចហើយឬ? មាន { $count } នាក់ស្រដៀងគ្នា
    }
event-same-person = មនុស្សដដែល៖ ចុះឈ្មោះ
event-new-person = មនុស្សថ្មី៖ ចុះឈ្មោះ
event-sign-up = ចុះឈ្មោះ
event-saved = បានចុះឈ្មោះ៖ { $name }
event-error = មិនបានរក្សាទុក៖ { $reason }


## Search screen: everyone on this phone

search-title = ស្វែងរក
search-label = ឈ្មោះ ទូរស័ព្ទ ឬអាសយដ្ឋាន
search-hint = អក្សរណាក៏បាន៖ Nguyễn, nguyen, 李, 김។
search-count =
    { $count ->
        [0] រកមិនឃើញនរណាទេ
       *[other] រកឃើញ { $count } នាក់
    }
search-none = រកមិនឃើញនរណាម្នាក់ក្នុងទូរស័ព្ទនេះទេ។
search-error = ការស្វែងរកបរាជ័យ៖ { $reason }


## Settings screen

settings-title = ការកំណត់
settings-language = ភាសាកម្មវិធី
settings-side-by-side-hint = អត្ថបទនិយាយត្រូវបង្ហាញជាភាសារបស់អ្នកបោះឆ្នោត។ ពេលបើកជម្រើសនេះ ភាសារបស់អ្នកផ្ទាល់នឹងបង្ហាញនៅក្រោមកថាខណ្ឌនីមួយៗ។
settings-device = ទូរស័ព្ទនេះ
settings-org = អង្គការ
settings-user = អ្នកចុះមូលដ្ឋាន
settings-server = អាសយដ្ឋានរបស់អ្នករៀបចំ
settings-stored = រក្សាទុកនៅទីនេះ
settings-stored-counts =
    { $people ->
       *[other] { $people } នាក់
    }, { $attempts ->
       *[other] ការទាក់ទង { $attempts } ដង
    }
settings-not-paired = ទូរស័ព្ទនេះមិនទាន់បានផ្គូផ្គងនៅឡើយទេ។
settings-pair-again = ផ្គូផ្គងម្ដងទៀត
settings-saved = បានរក្សាទុកការកំណត់
settings-error = មិនអាចរក្សាទុកការកំណត់បានទេ៖ { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = បានចាក់សោ
lock-hint = បញ្ចូលលេខ PIN ដែលការពារទិន្នន័យអ្នកបោះឆ្នោតនៅលើទូរស័ព្ទនេះ។ ទូរស័ព្ទថ្មីរក្សាលេខ PIN ដំបូងដែលអ្នកបញ្ចូល។
lock-pin = លេខ PIN
lock-unlock = ដោះសោ
lock-wrong = លេខ PIN នោះមិនបើកទូរស័ព្ទនេះទេ។
lock-too-short = លេខ PIN មានយ៉ាងតិច 4 តួ។
wiped-revoked = អង្គការរបស់អ្នកបានដកសិទ្ធិទូរស័ព្ទនេះ ដូច្នេះអ្វីៗទាំងអស់នៅលើវាត្រូវបានលុប។
wiped-by-hand = ទូរស័ព្ទនេះត្រូវបានលុបសម្អាត។ សូមភ្ជាប់វាដើម្បីចាប់ផ្ដើមម្ដងទៀត។
wiped-unsent = ការងារដែលមិនអាចផ្ញើបាន ត្រូវបានរក្សាទុកនៅលើទូរស័ព្ទ ដោយអ៊ិនគ្រីប សម្រាប់អ្នករៀបចំរបស់អ្នក។
settings-security = សុវត្ថិភាព
settings-lock-after = ចាក់សោក្រោយ
settings-lock-minutes = { $minutes } នាទី
settings-lock-never = មិនដែល
settings-lock-now = ចាក់សោឥឡូវ
settings-wipe = លុបសម្អាតទូរស័ព្ទនេះ
settings-wipe-hint = ផ្ដាច់ការភ្ជាប់ ហើយលុបមនុស្ស បញ្ជី និងអត្ថបទទាំងអស់ ពេលប្រគល់ទូរស័ព្ទឱ្យអ្នកស្ម័គ្រចិត្តផ្សេង។ ការងារដែលមិនទាន់ផ្ញើ នឹងត្រូវផ្ញើមុន។
settings-wipe-sure = លុបអ្វីៗទាំងអស់នៅលើទូរស័ព្ទនេះ? មិនអាចត្រឡប់វិញបានទេ។
settings-wipe-confirm = បាទ/ចាស លុបទាំងអស់
settings-wipe-cancel = បោះបង់
