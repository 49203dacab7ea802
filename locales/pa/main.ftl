# Doorstep UI strings: Punjabi in Gurmukhi (pa), translated from locales/en/main.ftl.
#
# Conventions (every locale must keep them):
# - Ids are <screen-or-part>-<what>, lower-case with dashes: "walk-filter",
#   "result-not-home". An id never changes meaning; reword the text instead.
# - Variables carry everything dynamic. Counts are numbers and select a plural
#   category ({ $count }, { $done }, …): add the categories your language has
#   (ru: one/few/many/other, ar: zero/one/two/few/many/other; zh, ja, ko, vi,
#   km, th need only *[other]). Punjabi: one/other (CLDR "one" is 0 and 1).
# - { $reason } is an error message from the core, shown as-is.
# - Names: no message orders a name. A name keeps its own culture's order
#   whatever the UI language (ui/src/lib/names.ts); leave { $name } as it is.
# - Result labels are short: they sit on large buttons, two per row on a phone.
# - Register: ਤੁਸੀਂ; everyday words (common English loanwords such as ਸੇਵ,
#   ਸਿੰਕ, ਪੇਅਰ are kept where that is what people say).


## Shared words, used on several screens

loading = ਲੋਡ ਹੋ ਰਿਹਾ ਹੈ…
# A language that has not been recorded for a person.
language-unknown = ਪਤਾ ਨਹੀਂ


## Bottom navigation bar and "back" links at the top of each screen

nav-label = ਮੁੱਖ
nav-lists = ਸੂਚੀਆਂ
nav-search = ਖੋਜੋ
nav-event = ਇਵੈਂਟ
nav-settings = ਸੈਟਿੰਗਾਂ
nav-back = ਵਾਪਸ
nav-back-to-list = ਸੂਚੀ ’ਤੇ ਵਾਪਸ


## Sync bar, always at the bottom of the screen

sync-bar-label = ਸਿੰਕ ਦੀ ਸਥਿਤੀ
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = ਐਪ ਜਵਾਬ ਨਹੀਂ ਦੇ ਰਹੀ
sync-state-unpaired = ਪੇਅਰ ਨਹੀਂ ਹੈ
sync-state-syncing = ਸਿੰਕ ਹੋ ਰਿਹਾ ਹੈ…
sync-state-online = ਆਨਲਾਈਨ
sync-state-offline = ਆਫ਼ਲਾਈਨ: ਇਸੇ ਫ਼ੋਨ ’ਤੇ ਸੇਵ ਹੋ ਰਿਹਾ ਹੈ
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] ਸਭ ਭੇਜ ਦਿੱਤਾ ਗਿਆ
        [one] { $count } ਭੇਜਣਾ ਬਾਕੀ ਹੈ
       *[other] { $count } ਭੇਜਣੇ ਬਾਕੀ ਹਨ
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = ਆਖ਼ਰੀ ਸਿੰਕ { $when }
sync-never = ਕਦੇ ਸਿੰਕ ਨਹੀਂ ਹੋਇਆ
sync-error = ਪਿਛਲੀ ਕੋਸ਼ਿਸ਼ ਨਾਕਾਮ: { $reason }
sync-now = ਹੁਣੇ ਸਿੰਕ ਕਰੋ
sync-done = ਸਿੰਕ ਪੂਰਾ ਹੋਇਆ
sync-failed = ਸਿੰਕ ਨਹੀਂ ਹੋ ਸਕਿਆ: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = ਇਸ ਫ਼ੋਨ ਨੂੰ ਪੇਅਰ ਕਰੋ
pairing-intro = ਆਪਣੇ ਆਰਗੇਨਾਈਜ਼ਰ ਵੱਲੋਂ ਮਿਲਿਆ ਪੇਅਰਿੰਗ ਕੋਡ ਸਕੈਨ ਜਾਂ ਪੇਸਟ ਕਰੋ। ਪੇਅਰ ਕਰਨ ਨਾਲ ਇਹ ਫ਼ੋਨ ਤੁਹਾਡੀ ਸੰਸਥਾ ਨਾਲ ਜੁੜ ਜਾਂਦਾ ਹੈ; ਉਸ ਤੋਂ ਤੁਰੰਤ ਬਾਅਦ ਤੁਹਾਡੀਆਂ ਸੂਚੀਆਂ ਡਾਊਨਲੋਡ ਹੋ ਜਾਂਦੀਆਂ ਹਨ।
pairing-already = ਇਹ ਫ਼ੋਨ ਪਹਿਲਾਂ ਹੀ { $org } ਨਾਲ { $user } ਵਜੋਂ ਪੇਅਰ ਹੈ। ਇਸ ਨੂੰ ਕਿਸੇ ਹੋਰ ਸੰਸਥਾ ਨਾਲ ਪੇਅਰ ਕਰਨ ਲਈ ਪਹਿਲਾਂ ਇਸ ਨੂੰ ਪੂਰੀ ਤਰ੍ਹਾਂ ਸਾਫ਼ ਕਰਨਾ ਪਵੇਗਾ।
pairing-code = ਪੇਅਰਿੰਗ ਕੋਡ
pairing-code-hint = ਜਿਵੇਂ K7QF-3M9X, ਜਾਂ QR ਕੋਡ ਦਾ ਸਾਰਾ ਟੈਕਸਟ ਪੇਸਟ ਕਰੋ।
pairing-url = ਆਰਗੇਨਾਈਜ਼ਰ ਦਾ ਪਤਾ
pairing-url-hint = ਪੇਅਰਿੰਗ ਕਾਰਡ ’ਤੇ ਲਿਖਿਆ ਵੈੱਬ ਪਤਾ, ਜੋ https:// ਨਾਲ ਸ਼ੁਰੂ ਹੁੰਦਾ ਹੈ
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = QR ਕੋਡ ਪੜ੍ਹ ਲਿਆ ਗਿਆ। ਇਹ ਫ਼ੋਨ { $endpoint } ਨਾਲ ਪੇਅਰ ਹੋਵੇਗਾ।
pairing-submit = ਪੇਅਰ ਕਰੋ
pairing-busy = ਪੇਅਰ ਹੋ ਰਿਹਾ ਹੈ…
pairing-done = ਪੇਅਰ ਹੋ ਗਿਆ। ਤੁਹਾਡੀਆਂ ਸੂਚੀਆਂ ਡਾਊਨਲੋਡ ਹੋ ਰਹੀਆਂ ਹਨ…
pairing-error-empty = ਪੇਅਰਿੰਗ ਕੋਡ ਦਰਜ ਕਰੋ।
pairing-error-code = ਇਹ ਪੇਅਰਿੰਗ ਕੋਡ ਵਰਗਾ ਨਹੀਂ ਲੱਗਦਾ। ਕਾਰਡ ਨਾਲ ਮਿਲਾ ਕੇ ਦੇਖੋ।
pairing-error-url = ਆਰਗੇਨਾਈਜ਼ਰ ਦਾ ਪਤਾ ਦਰਜ ਕਰੋ, ਜੋ https:// ਨਾਲ ਸ਼ੁਰੂ ਹੁੰਦਾ ਹੈ
pairing-error-rejected = ਆਰਗੇਨਾਈਜ਼ਰ ਨੇ ਇਹ ਕੋਡ ਸਵੀਕਾਰ ਨਹੀਂ ਕੀਤਾ। ਹੋ ਸਕਦਾ ਹੈ ਇਹ ਗ਼ਲਤ ਟਾਈਪ ਹੋਇਆ ਹੋਵੇ, ਪਹਿਲਾਂ ਵਰਤਿਆ ਜਾ ਚੁੱਕਾ ਹੋਵੇ ਜਾਂ ਇਸ ਦੀ ਮਿਆਦ ਖ਼ਤਮ ਹੋ ਗਈ ਹੋਵੇ: ਨਵਾਂ ਕੋਡ ਮੰਗੋ।
pairing-error-offline = ਆਰਗੇਨਾਈਜ਼ਰ ਨਾਲ ਕਨੈਕਸ਼ਨ ਨਹੀਂ ਹੈ। ਪੇਅਰ ਕਰਨ ਲਈ ਇੱਕ ਵਾਰ ਸਿਗਨਲ ਚਾਹੀਦਾ ਹੈ; ਜਿੱਥੇ ਸਿਗਨਲ ਹੋਵੇ ਉੱਥੇ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।
pairing-error-unreachable = ਐਪ ਜਵਾਬ ਨਹੀਂ ਦੇ ਰਹੀ। ਇਸ ਨੂੰ ਬੰਦ ਕਰਕੇ ਦੁਬਾਰਾ ਖੋਲ੍ਹੋ।
pairing-error-other = ਪੇਅਰ ਨਹੀਂ ਹੋ ਸਕਿਆ।


## My lists screen

lists-title = ਮੇਰੀਆਂ ਸੂਚੀਆਂ
lists-who = { $user }, { $org }
lists-empty = ਇਸ ਫ਼ੋਨ ’ਤੇ ਹਾਲੇ ਕੋਈ ਸੂਚੀ ਨਹੀਂ ਹੈ। ਜਦੋਂ ਤੁਹਾਡਾ ਆਰਗੇਨਾਈਜ਼ਰ ਤੁਹਾਨੂੰ ਸੂਚੀਆਂ ਦੇਵੇਗਾ, ਉਹ ਅਗਲੇ ਸਿੰਕ ਨਾਲ ਆ ਜਾਣਗੀਆਂ।
lists-error = ਤੁਹਾਡੀਆਂ ਸੂਚੀਆਂ ਲੋਡ ਨਹੀਂ ਹੋ ਸਕੀਆਂ: { $reason }
list-kind-walk = ਘਰ-ਘਰ
list-kind-call = ਕਾਲਾਂ
list-progress-doors =
    { $total ->
        [one] { $total } ਵਿੱਚੋਂ { $done } ਘਰ ਹੋ ਗਿਆ
       *[other] { $total } ਵਿੱਚੋਂ { $done } ਘਰ ਹੋ ਗਏ
    }
list-progress-people =
    { $total ->
        [one] { $total } ਵਿੱਚੋਂ { $done } ਵਿਅਕਤੀ ਨੂੰ ਕਾਲ ਕੀਤੀ
       *[other] { $total } ਵਿੱਚੋਂ { $done } ਲੋਕਾਂ ਨੂੰ ਕਾਲ ਕੀਤੀ
    }


## Walk list screen: the doors of one list, in walk order

walk-title = ਘਰਾਂ ਦੀ ਸੂਚੀ
walk-counts =
    { $left ->
        [one] { $done } ਹੋ ਗਏ, { $left } ਘਰ ਬਾਕੀ
       *[other] { $done } ਹੋ ਗਏ, { $left } ਘਰ ਬਾਕੀ
    }
walk-filter = ਇਸ ਸੂਚੀ ਵਿੱਚ ਖੋਜੋ
walk-filter-placeholder = ਗਲੀ, ਨੰਬਰ ਜਾਂ ਨਾਮ
walk-filter-count =
    { $count ->
        [0] ਕੋਈ ਘਰ ਮੇਲ ਨਹੀਂ ਖਾਂਦਾ
        [one] { $count } ਘਰ ਮੇਲ ਖਾਂਦਾ ਹੈ
       *[other] { $count } ਘਰ ਮੇਲ ਖਾਂਦੇ ਹਨ
    }
walk-doors-label = ਤੁਰਨ ਦੇ ਕ੍ਰਮ ਵਿੱਚ ਘਰ
walk-script = ਸਕ੍ਰਿਪਟ
walk-empty = ਇਸ ਸੂਚੀ ਵਿੱਚ ਕੋਈ ਘਰ ਨਹੀਂ ਹੈ।
walk-no-match = ਇਸ ਸੂਚੀ ਦਾ ਕੋਈ ਘਰ ਮੇਲ ਨਹੀਂ ਖਾਂਦਾ।
walk-search-everyone = ਇਸ ਫ਼ੋਨ ’ਤੇ ਸਾਰਿਆਂ ਵਿੱਚ ਖੋਜੋ
walk-no-people = ਕੋਈ ਨਾਮ ਦਰਜ ਨਹੀਂ
walk-error = ਇਹ ਸੂਚੀ ਲੋਡ ਨਹੀਂ ਹੋ ਸਕੀ: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = ਹੋ ਗਿਆ: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = ਹੋ ਗਿਆ
walk-door-todo = ਖੜਕਾਉਣਾ ਬਾਕੀ


## Door screen: one household

door-title = ਘਰ
door-error = ਇਹ ਘਰ ਲੋਡ ਨਹੀਂ ਹੋ ਸਕਿਆ: { $reason }
door-people =
    { $count ->
        [one] ਇੱਥੇ ਰਹਿਣ ਵਾਲਾ ਵਿਅਕਤੀ
       *[other] ਇੱਥੇ ਰਹਿਣ ਵਾਲੇ ਲੋਕ
    }
door-no-people = ਇਸ ਘਰ ’ਤੇ ਕਿਸੇ ਦਾ ਨਾਮ ਦਰਜ ਨਹੀਂ ਹੈ।
door-open-script = ਸਕ੍ਰਿਪਟ ਖੋਲ੍ਹੋ
door-record = ਇਹ ਮੁਲਾਕਾਤ ਦਰਜ ਕਰੋ
door-next = ਅਗਲਾ ਘਰ
door-add-person = ਦਰਵਾਜ਼ੇ ’ਤੇ ਮਿਲਿਆ ਵਿਅਕਤੀ ਜੋੜੋ


## A person on the door screen, and forms that edit or add people

person-language = ਭਾਸ਼ਾ
person-phone = ਫ਼ੋਨ
person-last-attempt = ਪਿਛਲੀ ਵਾਰ
person-do-not-contact = ਸੰਪਰਕ ਨਾ ਕਰੋ
person-i-speak = ਮੇਰੀ ਭਾਸ਼ਾ…
person-script = ਉਨ੍ਹਾਂ ਦੀ ਭਾਸ਼ਾ ਵਿੱਚ ਸਕ੍ਰਿਪਟ
person-edit = ਬਦਲੋ
person-save = ਬਦਲਾਅ ਸੇਵ ਕਰੋ
person-saved = ਬਦਲਾਅ ਇਸ ਫ਼ੋਨ ’ਤੇ ਸੇਵ ਹੋ ਗਏ
person-save-error = ਸੇਵ ਨਹੀਂ ਹੋ ਸਕਿਆ: { $reason }
person-given-name = ਪਹਿਲਾ ਨਾਮ
person-family-name = ਉਪਨਾਮ
person-native-name = ਉਨ੍ਹਾਂ ਦੀ ਆਪਣੀ ਲਿਪੀ ਵਿੱਚ ਨਾਮ
add-person-submit = ਵਿਅਕਤੀ ਜੋੜੋ
add-person-saved = ਵਿਅਕਤੀ ਇਸ ਫ਼ੋਨ ’ਤੇ ਜੋੜਿਆ ਗਿਆ
add-person-need-name = ਨਾਮ ਦਰਜ ਕਰੋ।
add-person-error = ਇਹ ਵਿਅਕਤੀ ਜੋੜਿਆ ਨਹੀਂ ਜਾ ਸਕਿਆ: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = ਤੁਸੀਂ ਕਿਸ ਨਾਲ ਗੱਲ ਕੀਤੀ?
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = ਗੱਲਬਾਤ
attempt-note = ਨੋਟ (ਲਾਜ਼ਮੀ ਨਹੀਂ)
attempt-results = ਨਤੀਜਾ
attempt-save-conversation = ਗੱਲਬਾਤ ਸੇਵ ਕਰੋ
attempt-cancel = ਰੱਦ ਕਰੋ
attempt-error = ਸੇਵ ਨਹੀਂ ਹੋਇਆ: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = ਇਸ ਫ਼ੋਨ ’ਤੇ ਸੇਵ ਹੋ ਗਿਆ
# $result is a result label from below.
attempt-saved-result = ਸੇਵ ਹੋਇਆ: { $result }
attempt-pending = ਇਸ ਫ਼ੋਨ ’ਤੇ ਸੇਵ ਹੋ ਗਿਆ। ਅਗਲੇ ਸਿੰਕ ’ਤੇ ਭੇਜ ਦਿੱਤਾ ਜਾਵੇਗਾ।
attempt-synced = ਸੇਵ ਹੋ ਗਿਆ ਅਤੇ ਤੁਹਾਡੇ ਆਰਗੇਨਾਈਜ਼ਰ ਨੂੰ ਭੇਜ ਦਿੱਤਾ ਗਿਆ।
attempt-pending-short = ਭੇਜਣਾ ਬਾਕੀ
attempt-synced-short = ਭੇਜ ਦਿੱਤਾ


## Result buttons: how a knock or a call ended

result-contacted = ਗੱਲ ਹੋਈ
result-not-home = ਘਰ ’ਤੇ ਨਹੀਂ
result-refused = ਇਨਕਾਰ ਕੀਤਾ
result-moved = ਘਰ ਬਦਲ ਗਏ
result-wrong-address = ਗ਼ਲਤ ਪਤਾ
result-inaccessible = ਦਰਵਾਜ਼ੇ ਤੱਕ ਪਹੁੰਚ ਨਹੀਂ
result-deceased = ਗੁਜ਼ਰ ਗਏ
result-come-back-later = ਬਾਅਦ ਵਿੱਚ ਆਉਣਾ
result-language-barrier = ਭਾਸ਼ਾ ਦੀ ਦਿੱਕਤ
result-wrong-number = ਗ਼ਲਤ ਨੰਬਰ
result-disconnected = ਨੰਬਰ ਬੰਦ ਹੈ
result-left-message = ਸੁਨੇਹਾ ਛੱਡਿਆ
result-busy = ਬਿਜ਼ੀ


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = ਉਹ ਕਿਹੜੀ ਭਾਸ਼ਾ ਬੋਲਦੇ ਹਨ?
barrier-hint = ਇਹ ਸੂਚੀ ਘਰ ਵਾਲਿਆਂ ਨੂੰ ਦਿਖਾਓ। ਉਨ੍ਹਾਂ ਦੀ ਭਾਸ਼ਾ ਬੋਲਣ ਵਾਲੇ ਕਿਸੇ ਵਿਅਕਤੀ ਨੂੰ ਦੁਬਾਰਾ ਭੇਜਿਆ ਜਾਵੇਗਾ।


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = ਜਵਾਬ ਮਿਟਾਓ


## Script screen and script panel (phone bank)

script-title = ਸਕ੍ਰਿਪਟ
script-for = ਕਿਸ ਲਈ:
script-language = ਸਕ੍ਰਿਪਟ ਇਸ ਭਾਸ਼ਾ ਵਿੱਚ ਦਿਖਾਓ
script-side-by-side = ਹਰ ਪੈਰੇ ਹੇਠਾਂ ਮੇਰੀ ਭਾਸ਼ਾ ਦਿਖਾਓ
script-empty = ਇਸ ਸਕ੍ਰਿਪਟ ਵਿੱਚ ਹਾਲੇ ਕੋਈ ਟੈਕਸਟ ਨਹੀਂ ਹੈ।
script-none = ਇਸ ਸੂਚੀ ਦੀ ਕੋਈ ਸਕ੍ਰਿਪਟ ਨਹੀਂ ਹੈ।
script-error = ਸਕ੍ਰਿਪਟ ਲੋਡ ਨਹੀਂ ਹੋ ਸਕੀ: { $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = ਤੁਸੀਂ ਕਿਹੜੀ ਭਾਸ਼ਾ ਬੋਲਦੇ ਹੋ?
speak-hint = ਫ਼ੋਨ ਘਰ ਵਾਲੇ ਵੱਲ ਘੁਮਾਓ ਅਤੇ ਉਨ੍ਹਾਂ ਨੂੰ ਆਪਣੀ ਭਾਸ਼ਾ ’ਤੇ ਟੈਪ ਕਰਨ ਦਿਓ।
speak-done = ਹੋ ਗਿਆ
speak-saved = ਭਾਸ਼ਾ ਇਸ ਫ਼ੋਨ ’ਤੇ ਸੇਵ ਹੋ ਗਈ


## Phone bank screen: a call list, one person at a time

call-title = ਫ਼ੋਨ ਬੈਂਕ
call-error = ਇਹ ਕਾਲ ਸੂਚੀ ਲੋਡ ਨਹੀਂ ਹੋ ਸਕੀ: { $reason }
call-empty = ਇਸ ਸੂਚੀ ਵਿੱਚ ਕਿਸੇ ਦਾ ਫ਼ੋਨ ਨੰਬਰ ਨਹੀਂ ਹੈ।
call-progress =
    { $total ->
        [one] { $total } ਵਿੱਚੋਂ { $done } ਕਾਲ ਹੋ ਗਈ
       *[other] { $total } ਵਿੱਚੋਂ { $done } ਕਾਲਾਂ ਹੋ ਗਈਆਂ
    }
call-position = { $total } ਵਿੱਚੋਂ ਵਿਅਕਤੀ { $n }
call-dial = { $phone } ’ਤੇ ਕਾਲ ਕਰੋ
call-already = ਪਹਿਲਾਂ ਕਾਲ ਹੋ ਚੁੱਕੀ
call-record = ਕਾਲ ਦਾ ਨਤੀਜਾ
call-previous = ਪਿਛਲਾ
call-skip = ਛੱਡੋ, ਅਗਲਾ
call-all-done = ਇਸ ਸੂਚੀ ਵਿੱਚ ਸਾਰਿਆਂ ਨੂੰ ਕਾਲ ਹੋ ਚੁੱਕੀ ਹੈ।


## Event mode: signing up walk-ins

event-open = ਇਵੈਂਟ ਸਾਈਨ-ਅੱਪ
event-title = ਇਵੈਂਟ ਸਾਈਨ-ਅੱਪ
event-intro = ਜੋ ਲੋਕ ਆਉਣ, ਉਨ੍ਹਾਂ ਦਾ ਸਾਈਨ-ਅੱਪ ਕਰੋ। ਜੋ ਪਹਿਲਾਂ ਤੋਂ ਇਸ ਫ਼ੋਨ ’ਤੇ ਹਨ, ਉਹ ਟਾਈਪ ਕਰਦਿਆਂ ਹੀ ਹੇਠਾਂ ਦਿਸ ਜਾਣਗੇ।
event-address = ਘਰ ਦਾ ਪਤਾ
event-zip = ZIP ਕੋਡ
event-optional = ਲਾਜ਼ਮੀ ਨਹੀਂ
event-duplicates =
    { $count ->
        [0] ਇਸ ਫ਼ੋਨ ’ਤੇ ਮਿਲਦਾ-ਜੁਲਦਾ ਕੋਈ ਨਹੀਂ
        [one] ਪਹਿਲਾਂ ਤੋਂ ਇਸ ਫ਼ੋਨ ’ਤੇ ਹਨ?
       *[other] ਪਹਿਲਾਂ ਤੋਂ ਇਸ ਫ਼ੋਨ ’ਤੇ ਹਨ? { $count } ਲੋਕ ਮਿਲਦੇ-ਜੁਲਦੇ ਹਨ
    }
event-same-person = ਉਹੀ ਵਿਅਕਤੀ: ਸਾਈਨ-ਅੱਪ ਕਰੋ
event-new-person = ਨਵਾਂ ਵਿਅਕਤੀ: ਸਾਈਨ-ਅੱਪ ਕਰੋ
event-sign-up = ਸਾਈਨ-ਅੱਪ ਕਰੋ
event-saved = ਸਾਈਨ-ਅੱਪ ਹੋ ਗਿਆ: { $name }
event-error = ਸੇਵ ਨਹੀਂ ਹੋਇਆ: { $reason }


## Search screen: everyone on this phone

search-title = ਖੋਜੋ
search-label = ਨਾਮ, ਫ਼ੋਨ ਜਾਂ ਪਤਾ
search-hint = ਕਿਸੇ ਵੀ ਲਿਪੀ ਵਿੱਚ ਲਿਖੋ: Nguyễn, nguyen, 李, 김.
search-count =
    { $count ->
        [0] ਕੋਈ ਨਹੀਂ ਮਿਲਿਆ
        [one] { $count } ਵਿਅਕਤੀ ਮਿਲਿਆ
       *[other] { $count } ਲੋਕ ਮਿਲੇ
    }
search-none = ਇਸ ਫ਼ੋਨ ’ਤੇ ਕੋਈ ਨਹੀਂ ਮਿਲਿਆ।
search-error = ਖੋਜ ਨਹੀਂ ਹੋ ਸਕੀ: { $reason }


## Settings screen

settings-title = ਸੈਟਿੰਗਾਂ
settings-language = ਐਪ ਦੀ ਭਾਸ਼ਾ
settings-side-by-side-hint = ਸਕ੍ਰਿਪਟਾਂ ਵੋਟਰ ਦੀ ਭਾਸ਼ਾ ਵਿੱਚ ਦਿਖਾਈਆਂ ਜਾਂਦੀਆਂ ਹਨ। ਇਸ ਨੂੰ ਚਾਲੂ ਕਰਨ ’ਤੇ ਹਰ ਪੈਰੇ ਹੇਠਾਂ ਤੁਹਾਡੀ ਆਪਣੀ ਭਾਸ਼ਾ ਵੀ ਦਿਸਦੀ ਹੈ।
settings-device = ਇਹ ਫ਼ੋਨ
settings-org = ਸੰਸਥਾ
settings-user = ਕਾਰਕੁਨ
settings-server = ਆਰਗੇਨਾਈਜ਼ਰ ਦਾ ਪਤਾ
settings-stored = ਇੱਥੇ ਸੇਵ ਹੈ
settings-stored-counts =
    { $people ->
        [one] { $people } ਵਿਅਕਤੀ
       *[other] { $people } ਲੋਕ
    }, { $attempts ->
        [one] { $attempts } ਕੋਸ਼ਿਸ਼
       *[other] { $attempts } ਕੋਸ਼ਿਸ਼ਾਂ
    }
settings-not-paired = ਇਹ ਫ਼ੋਨ ਹਾਲੇ ਪੇਅਰ ਨਹੀਂ ਹੈ।
settings-pair-again = ਦੁਬਾਰਾ ਪੇਅਰ ਕਰੋ
settings-saved = ਸੈਟਿੰਗਾਂ ਸੇਵ ਹੋ ਗਈਆਂ
settings-error = ਸੈਟਿੰਗਾਂ ਸੇਵ ਨਹੀਂ ਹੋ ਸਕੀਆਂ: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = ਲੌਕ ਹੈ
lock-hint = ਇਸ ਫ਼ੋਨ ਉੱਤੇ ਵੋਟਰਾਂ ਦੇ ਡੇਟਾ ਦੀ ਰਾਖੀ ਕਰਨ ਵਾਲਾ PIN ਪਾਓ। ਨਵਾਂ ਫ਼ੋਨ ਤੁਹਾਡਾ ਪਾਇਆ ਪਹਿਲਾ PIN ਰੱਖਦਾ ਹੈ।
lock-pin = PIN
lock-unlock = ਅਨਲੌਕ ਕਰੋ
lock-wrong = ਇਹ PIN ਇਸ ਫ਼ੋਨ ਨੂੰ ਨਹੀਂ ਖੋਲ੍ਹਦਾ।
lock-too-short = PIN ਵਿੱਚ ਘੱਟੋ-ਘੱਟ 4 ਅੱਖਰ ਹੁੰਦੇ ਹਨ।
wiped-revoked = ਤੁਹਾਡੀ ਸੰਸਥਾ ਨੇ ਇਹ ਫ਼ੋਨ ਰੱਦ ਕਰ ਦਿੱਤਾ, ਇਸ ਲਈ ਇਸ ਉੱਤੇ ਸਭ ਕੁਝ ਮਿਟਾ ਦਿੱਤਾ ਗਿਆ।
wiped-by-hand = ਇਹ ਫ਼ੋਨ ਮਿਟਾ ਦਿੱਤਾ ਗਿਆ। ਮੁੜ ਸ਼ੁਰੂ ਕਰਨ ਲਈ ਇਸਨੂੰ ਜੋੜੋ।
wiped-unsent = ਜੋ ਕੰਮ ਭੇਜਿਆ ਨਹੀਂ ਜਾ ਸਕਿਆ, ਉਹ ਫ਼ੋਨ ਉੱਤੇ ਇਨਕ੍ਰਿਪਟ ਕਰਕੇ ਤੁਹਾਡੇ ਪ੍ਰਬੰਧਕ ਲਈ ਰੱਖਿਆ ਹੈ।
settings-security = ਸੁਰੱਖਿਆ
settings-lock-after = ਇੰਨੇ ਸਮੇਂ ਬਾਅਦ ਲੌਕ ਕਰੋ
settings-lock-minutes = { $minutes } ਮਿੰਟ
settings-lock-never = ਕਦੇ ਨਹੀਂ
settings-lock-now = ਹੁਣੇ ਲੌਕ ਕਰੋ
settings-wipe = ਇਹ ਫ਼ੋਨ ਮਿਟਾਓ
settings-wipe-hint = ਫ਼ੋਨ ਕਿਸੇ ਹੋਰ ਵਲੰਟੀਅਰ ਨੂੰ ਦੇਣ ਲਈ, ਜੋੜ ਹਟਾਉਂਦਾ ਹੈ ਅਤੇ ਸਾਰੇ ਲੋਕ, ਸੂਚੀਆਂ ਅਤੇ ਸਕ੍ਰਿਪਟਾਂ ਮਿਟਾਉਂਦਾ ਹੈ। ਨਾ ਭੇਜਿਆ ਕੰਮ ਪਹਿਲਾਂ ਭੇਜਿਆ ਜਾਂਦਾ ਹੈ।
settings-wipe-sure = ਇਸ ਫ਼ੋਨ ਉੱਤੇ ਸਭ ਕੁਝ ਮਿਟਾਉਣਾ ਹੈ? ਇਹ ਵਾਪਸ ਨਹੀਂ ਹੋ ਸਕਦਾ।
settings-wipe-confirm = ਹਾਂ, ਸਭ ਮਿਟਾਓ
settings-wipe-cancel = ਰੱਦ ਕਰੋ
