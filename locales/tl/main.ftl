# Doorstep UI strings: Tagalog/Filipino (tl). Translated from
# locales/en/main.ftl, the source locale.
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
# Tagalog notes: the app speaks to the canvasser informally (ka/mo); text the
# resident reads (the "I speak…" card title) uses "po" and "ninyo". Common
# English words canvassers really use (sync, phone, i-save, i-pair) stay in
# Taglish. CLDR plural "one" in tl is NOT only 1: it also covers 2, 3, 5, 7,
# 8, 10… (it follows the -ng/na linker of the spoken numeral). Tagalog nouns
# do not change after a number, so [one] and *[other] carry the same text
# wherever a number is shown, and number-neutral text where none is.


## Shared words, used on several screens

loading = Naglo-load…
# A language that has not been recorded for a person.
language-unknown = Hindi alam


## Bottom navigation bar and "back" links at the top of each screen

nav-label = Pangunahin
nav-lists = Listahan
nav-search = Hanapin
nav-event = Pagtitipon
nav-settings = Mga Setting
nav-back = Bumalik
nav-back-to-list = Bumalik sa listahan


## Sync bar, always at the bottom of the screen

sync-bar-label = Status ng sync
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = Hindi sumasagot ang app
sync-state-unpaired = Hindi pa naka-pair
sync-state-syncing = Nagsi-sync…
sync-state-online = May koneksyon
sync-state-offline = Walang koneksyon: sine-save sa phone na ito
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] Naipadala na lahat
        [one] { $count } ang ipapadala pa
       *[other] { $count } ang ipapadala pa
    }
# $when is already formatted, e.g. "5 minuto ang nakalipas", "kahapon".
sync-last = Nag-sync { $when }
sync-never = Hindi pa nagsi-sync kahit minsan
sync-error = Nabigo ang huling subok: { $reason }
sync-now = I-sync ngayon
sync-done = Tapos na ang sync
sync-failed = Nabigo ang sync: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = I-pair ang phone na ito
pairing-intro = I-scan o i-paste ang code sa pag-pair na ibinigay ng organizer mo. Ikinokonekta ng pag-pair ang phone na ito sa organisasyon mo; agad na mada-download pagkatapos ang mga listahan mo.
pairing-already = Naka-pair na ang phone na ito sa { $org } bilang { $user }. Para i-pair ito sa ibang organisasyon, kailangan muna itong burahin nang buo.
pairing-code = Code sa pag-pair
pairing-code-hint = Halimbawa: K7QF-3M9X, o i-paste ang buong text ng QR code.
pairing-url = Address ng organizer
pairing-url-hint = Ang web address na nasa pairing card, nagsisimula sa https://
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = Nabasa na ang QR code. Ipa-pair ang phone na ito sa { $endpoint }.
pairing-submit = I-pair
pairing-busy = Ipinapa-pair…
pairing-done = Naka-pair na. Dina-download ang mga listahan mo…
pairing-error-empty = Ilagay ang code sa pag-pair.
pairing-error-code = Mukhang hindi iyan code sa pag-pair. Ikumpara ito sa card.
pairing-error-url = Ilagay ang address ng organizer, na nagsisimula sa https://
pairing-error-rejected = Hindi tinanggap ng organizer ang code na ito. Baka mali ang pagkaka-type, nagamit na, o expired na: humingi ng bago.
pairing-error-offline = Walang koneksyon sa organizer. Kailangan ng signal nang isang beses para mag-pair; subukan ulit kung saan may signal.
pairing-error-unreachable = Hindi sumasagot ang app. Isara ito at buksan ulit.
pairing-error-other = Nabigo ang pag-pair.


## My lists screen

lists-title = Mga listahan ko
lists-who = { $user }, { $org }
lists-empty = Wala pang listahan sa phone na ito. Darating ang mga ito sa susunod na sync kapag na-assign na ng organizer mo.
lists-error = Hindi ma-load ang mga listahan mo: { $reason }
list-kind-walk = Mga pinto
list-kind-call = Mga tawag
list-progress-doors =
    { $total ->
        [one] Tapos na ang { $done } sa { $total } pinto
       *[other] Tapos na ang { $done } sa { $total } pinto
    }
list-progress-people =
    { $total ->
        [one] Natawagan na ang { $done } sa { $total } tao
       *[other] Natawagan na ang { $done } sa { $total } tao
    }


## Walk list screen: the doors of one list, in walk order

walk-title = Listahan sa bahay-bahay
walk-counts =
    { $left ->
        [one] Tapos: { $done }, natitira: { $left } pinto
       *[other] Tapos: { $done }, natitira: { $left } pinto
    }
walk-filter = I-filter ang listahang ito
walk-filter-placeholder = Kalye, numero o pangalan
walk-filter-count =
    { $count ->
        [0] Walang tugmang pinto
        [one] { $count } pinto ang tugma
       *[other] { $count } pinto ang tugma
    }
walk-doors-label = Mga pinto ayon sa ruta
walk-script = Iskrip
walk-empty = Walang pinto ang listahang ito.
walk-no-match = Walang tugmang pinto sa listahang ito.
walk-search-everyone = Hanapin sa lahat ng nasa phone na ito
walk-no-people = Walang nakalistang tao
walk-error = Hindi ma-load ang listahang ito: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = Tapos: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = Tapos na
walk-door-todo = Kakatukin pa


## Door screen: one household

door-title = Pinto
door-error = Hindi ma-load ang pintong ito: { $reason }
# No number is shown, and tl "one" also covers 2, 3, 5…: same text in both.
door-people =
    { $count ->
        [one] Nakatira rito
       *[other] Nakatira rito
    }
door-no-people = Walang nakalistang tao sa pintong ito.
door-open-script = Buksan ang iskrip
door-record = Itala ang pagbisitang ito
door-next = Susunod na pinto
door-add-person = Magdagdag ng taong nakausap sa pinto


## A person on the door screen, and forms that edit or add people

person-language = Wika
person-phone = Telepono
person-last-attempt = Huling beses
person-do-not-contact = Huwag kontakin
person-i-speak = Ang wika ko ay…
person-script = Iskrip sa wika nila
person-edit = I-edit
person-save = I-save ang pagbabago
person-saved = Na-save ang mga pagbabago sa phone na ito
person-save-error = Hindi ma-save: { $reason }
person-given-name = Pangalan
person-family-name = Apelyido
person-native-name = Pangalan sa sarili nilang sulat
add-person-submit = Idagdag ang tao
add-person-saved = Naidagdag ang tao sa phone na ito
add-person-need-name = Maglagay ng pangalan.
add-person-error = Hindi maidagdag ang taong ito: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = Sino ang nakausap mo?
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = Pag-uusap
attempt-note = Tala (opsyonal)
attempt-results = Resulta
attempt-save-conversation = I-save ang pag-uusap
attempt-cancel = Kanselahin
attempt-error = Hindi na-save: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = Na-save sa phone na ito
# $result is a result label from below.
attempt-saved-result = Na-save: { $result }
attempt-pending = Na-save sa phone na ito. Ipapadala ito sa susunod na sync.
attempt-synced = Na-save at naipadala na sa organizer mo.
attempt-pending-short = Ipapadala pa
attempt-synced-short = Naipadala


## Result buttons: how a knock or a call ended

result-contacted = Nakausap
result-not-home = Wala sa bahay
result-refused = Tumanggi
result-moved = Lumipat na
result-wrong-address = Maling tirahan
result-inaccessible = Hindi maabot ang pinto
result-deceased = Pumanaw na
result-come-back-later = Balikan mamaya
result-language-barrier = Iba ang wika
result-wrong-number = Maling numero
result-disconnected = Putol na ang linya
result-left-message = Nag-iwan ng mensahe
result-busy = Abala


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = Anong wika ang sinasalita nila?
barrier-hint = Ipakita ang listahang ito sa residente. Babalikan sila ng taong marunong ng wikang iyon.


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = Burahin ang sagot


## Script screen and script panel (phone bank)

script-title = Iskrip
script-for = Para kay
script-language = Ipakita ang iskrip sa
script-side-by-side = Ipakita ang wika ko sa ilalim ng bawat talata
script-empty = Wala pang teksto ang iskrip na ito.
script-none = Walang iskrip ang listahang ito.
script-error = Hindi ma-load ang iskrip: { $reason }


## "I speak…" card: full screen, turned toward the resident

# Read by the resident: polite "po" and "ninyo".
speak-title = Anong wika po ang sinasalita ninyo?
speak-hint = Iharap ang phone sa residente at hayaan silang pindutin ang kanilang wika.
speak-done = Tapos
speak-saved = Na-save ang wika sa phone na ito


## Phone bank screen: a call list, one person at a time

call-title = Pagtawag
call-error = Hindi ma-load ang listahan ng tatawagan: { $reason }
call-empty = Walang may numero ng telepono sa listahang ito.
call-progress =
    { $total ->
        [one] Tapos na ang { $done } sa { $total } tawag
       *[other] Tapos na ang { $done } sa { $total } tawag
    }
call-position = Ika-{ $n } sa { $total } tao
call-dial = Tawagan ang { $phone }
call-already = Natawagan na
call-record = Resulta ng tawag
call-previous = Nakaraan
call-skip = Laktawan
call-all-done = Natawagan na ang lahat sa listahang ito.


## Event mode: signing up walk-ins

event-open = Pagpapalista sa pagtitipon
event-title = Pagpapalista sa pagtitipon
event-intro = Ilista ang mga taong dumaraan. Habang nagta-type ka, lalabas sa ibaba ang sinumang naka-save na sa phone na ito.
event-address = Tirahan
event-zip = ZIP code
event-optional = Opsyonal
event-duplicates =
    { $count ->
        [0] Walang kahawig sa phone na ito
        [one] Nasa phone na ba? { $count } ang kahawig
       *[other] Nasa phone na ba? { $count } ang kahawig
    }
event-same-person = Parehong tao: ilista
event-new-person = Bagong tao: ilista
event-sign-up = Ilista
event-saved = Nailista na: { $name }
event-error = Hindi na-save: { $reason }


## Search screen: everyone on this phone

search-title = Maghanap
search-label = Pangalan, telepono o tirahan
search-hint = Puwede ang anumang sulat: Nguyễn, nguyen, 李, 김.
search-count =
    { $count ->
        [0] Walang nahanap
        [one] { $count } tao ang nahanap
       *[other] { $count } tao ang nahanap
    }
search-none = Walang nahanap sa phone na ito.
search-error = Nabigo ang paghahanap: { $reason }


## Settings screen

settings-title = Mga Setting
settings-language = Wika ng app
settings-side-by-side-hint = Ipinapakita ang mga iskrip sa wika ng botante. Kapag naka-on ito, lalabas ang sarili mong wika sa ilalim ng bawat talata.
settings-device = Ang phone na ito
settings-org = Organisasyon
settings-user = Canvasser
settings-server = Address ng organizer
settings-stored = Naka-save dito
settings-stored-counts =
    { $people ->
        [one] { $people } tao
       *[other] { $people } tao
    }, { $attempts ->
        [one] { $attempts } subok
       *[other] { $attempts } subok
    }
settings-not-paired = Hindi pa naka-pair ang phone na ito.
settings-pair-again = I-pair ulit
settings-saved = Na-save ang mga setting
settings-error = Hindi ma-save ang mga setting: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = Naka-lock
lock-hint = Ilagay ang PIN na nagpoprotekta sa datos ng mga botante sa teleponong ito. Itatago ng bagong telepono ang unang PIN na ilalagay mo.
lock-pin = PIN
lock-unlock = I-unlock
lock-wrong = Hindi nabubuksan ng PIN na iyan ang teleponong ito.
lock-too-short = Hindi bababa sa 4 na character ang PIN.
wiped-revoked = Binawi ng iyong organisasyon ang teleponong ito, kaya binura ang lahat ng laman nito.
wiped-by-hand = Binura ang teleponong ito. I-pair ito para magsimula muli.
wiped-unsent = Ang gawaing hindi naipadala ay nakatago sa telepono, naka-encrypt, para sa iyong organizer.
settings-security = Seguridad
settings-lock-after = I-lock pagkatapos ng
settings-lock-minutes = { $minutes } min
settings-lock-never = Hindi kailanman
settings-lock-now = I-lock ngayon
settings-wipe = Burahin ang teleponong ito
settings-wipe-hint = Aalisin ang pagkaka-pair at buburahin ang bawat tao, listahan at script, kapag ipapasa ang telepono sa ibang boluntaryo. Ipapadala muna ang hindi pa naipapadala.
settings-wipe-sure = Burahin ang lahat sa teleponong ito? Hindi na ito maibabalik.
settings-wipe-confirm = Oo, burahin lahat
settings-wipe-cancel = Kanselahin
