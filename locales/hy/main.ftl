# Doorstep UI strings: Armenian (hy), translated from English (locales/en/main.ftl).
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
# Armenian notes: Eastern Armenian in reformed spelling, with everyday words
# that Western Armenian speakers (many in Glendale) also understand. Plural
# categories are one/other (CLDR "one" also covers 0, so exact [0] variants
# come first); a noun after a number stays singular. Punctuation: "։" ends a
# sentence, "՝" introduces a value or an error, "՞" sits on the questioned
# word.


## Shared words, used on several screens

loading = Բեռնվում է…
# A language that has not been recorded for a person.
language-unknown = Անհայտ


## Bottom navigation bar and "back" links at the top of each screen

nav-label = Գլխավոր ընտրացանկ
nav-lists = Ցուցակներ
nav-search = Որոնում
nav-event = Միջոցառում
nav-settings = Կարգավորումներ
nav-back = Հետ
nav-back-to-list = Վերադառնալ ցուցակին


## Sync bar, always at the bottom of the screen

sync-bar-label = Համաժամացման վիճակը
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = Հավելվածը չի արձագանքում
sync-state-unpaired = Կապված չէ
sync-state-syncing = Համաժամացվում է…
sync-state-online = Առցանց
sync-state-offline = Անցանց՝ պահվում է այս հեռախոսում
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] Ամեն ինչ ուղարկված է
        [one] { $count } գրառում սպասում է ուղարկման
       *[other] { $count } գրառում սպասում է ուղարկման
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = Վերջին համաժամացումը՝ { $when }
sync-never = Դեռ չի համաժամացվել
sync-error = Վերջին փորձը ձախողվեց՝ { $reason }
sync-now = Համաժամացնել
sync-done = Համաժամացումն ավարտվեց
sync-failed = Համաժամացումը ձախողվեց՝ { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = Կապել այս հեռախոսը
pairing-intro = Սկանավորեք կամ տեղադրեք այն կոդը, որը ձեզ տվել է կազմակերպիչը։ Կապելուց հետո այս հեռախոսը միանում է ձեր կազմակերպությանը, և ձեր ցուցակներն անմիջապես ներբեռնվում են։
pairing-already = Այս հեռախոսն արդեն կապված է «{ $org }» կազմակերպությանը՝ { $user } անունով։ Այլ կազմակերպության կապելու համար նախ պետք է ջնջել հեռախոսի տվյալները։
pairing-code = Կապման կոդ
pairing-code-hint = Օրինակ՝ K7QF-3M9X, կամ տեղադրեք QR կոդի ամբողջ տեքստը։
pairing-url = Կազմակերպչի վեբ հասցեն
pairing-url-hint = Կապման քարտի վրա գրված վեբ հասցեն, որը սկսվում է https://-ով
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = QR կոդը կարդացվեց։ Այս հեռախոսը կկապվի { $endpoint } հասցեին։
pairing-submit = Կապել
pairing-busy = Կապվում է…
pairing-done = Կապված է։ Ձեր ցուցակները ներբեռնվում են…
pairing-error-empty = Մուտքագրեք կապման կոդը։
pairing-error-code = Սա կապման կոդի նման չէ։ Համեմատեք քարտի հետ։
pairing-error-url = Մուտքագրեք կազմակերպչի հասցեն, որը սկսվում է https://-ով
pairing-error-rejected = Կազմակերպիչը չընդունեց այս կոդը։ Գուցե այն սխալ է մուտքագրված, արդեն օգտագործված է կամ ժամկետն անցել է։ Խնդրեք նոր կոդ։
pairing-error-offline = Կազմակերպչի հետ կապ չկա։ Կապելու համար մեկ անգամ ինտերնետ է պետք։ Նորից փորձեք այնտեղ, որտեղ ցանց կա։
pairing-error-unreachable = Հավելվածը չի արձագանքում։ Փակեք այն և նորից բացեք։
pairing-error-other = Կապել չհաջողվեց։


## My lists screen

lists-title = Իմ ցուցակները
lists-who = { $user }, { $org }
lists-empty = Այս հեռախոսում դեռ ցուցակներ չկան։ Դրանք կգան հաջորդ համաժամացման ժամանակ, երբ կազմակերպիչը դրանք ձեզ հանձնարարի։
lists-error = Չհաջողվեց բեռնել ձեր ցուցակները՝ { $reason }
list-kind-walk = Դռներ
list-kind-call = Զանգեր
list-progress-doors =
    { $total ->
        [one] { $total } դռնից այցելված է { $done }-ը
       *[other] { $total } դռնից այցելված է { $done }-ը
    }
list-progress-people =
    { $total ->
        [one] { $total } հոգուց զանգ է արվել { $done }-ին
       *[other] { $total } հոգուց զանգ է արվել { $done }-ին
    }


## Walk list screen: the doors of one list, in walk order

walk-title = Դռների ցուցակ
walk-counts =
    { $left ->
        [one] Այցելված՝ { $done }, մնացել է { $left } դուռ
       *[other] Այցելված՝ { $done }, մնացել է { $left } դուռ
    }
walk-filter = Զտել այս ցուցակը
walk-filter-placeholder = Փողոց, համար կամ անուն
walk-filter-count =
    { $count ->
        [0] Ոչ մի դուռ չգտնվեց
        [one] Գտնվեց { $count } դուռ
       *[other] Գտնվեց { $count } դուռ
    }
walk-doors-label = Դռները՝ այցելության հերթականությամբ
walk-script = Զրույցի տեքստ
walk-empty = Այս ցուցակում դռներ չկան։
walk-no-match = Այս ցուցակում համապատասխան դուռ չկա։
walk-search-everyone = Որոնել այս հեռախոսի բոլոր մարդկանց մեջ
walk-no-people = Ոչ ոք նշված չէ
walk-error = Չհաջողվեց բեռնել այս ցուցակը՝ { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = Այցելված՝ { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = Այցելված
walk-door-todo = Դեռ չի թակվել


## Door screen: one household

door-title = Դուռ
door-error = Չհաջողվեց բեռնել այս դուռը՝ { $reason }
door-people =
    { $count ->
        [one] Այստեղ ապրողը
       *[other] Այստեղ ապրողները
    }
door-no-people = Այս դռան համար ոչ ոք նշված չէ։
door-open-script = Բացել տեքստը
door-record = Գրանցել այցը
door-next = Հաջորդ դուռը
door-add-person = Ավելացնել դռան մոտ հանդիպած մարդուն


## A person on the door screen, and forms that edit or add people

person-language = Լեզու
person-phone = Հեռախոս
person-last-attempt = Վերջին անգամ
person-do-not-contact = Չկապվել
person-i-speak = Ես խոսում եմ…
person-script = Տեքստը իր լեզվով
person-edit = Խմբագրել
person-save = Պահպանել փոփոխությունները
person-saved = Փոփոխությունները պահպանվեցին այս հեռախոսում
person-save-error = Չհաջողվեց պահպանել՝ { $reason }
person-given-name = Անուն
person-family-name = Ազգանուն
person-native-name = Անունը մայրենի գրերով
add-person-submit = Ավելացնել
add-person-saved = Մարդն ավելացվեց այս հեռախոսում
add-person-need-name = Մուտքագրեք անունը։
add-person-error = Չհաջողվեց ավելացնել այս մարդուն՝ { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = Ո՞ւմ հետ խոսեցիք
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = Զրույց
attempt-note = Նշում (ըստ ցանկության)
attempt-results = Արդյունք
attempt-save-conversation = Պահպանել զրույցը
attempt-cancel = Չեղարկել
attempt-error = Չպահպանվեց՝ { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = Պահպանվեց այս հեռախոսում
# $result is a result label from below.
attempt-saved-result = Պահպանվեց՝ { $result }
attempt-pending = Պահպանվեց այս հեռախոսում։ Կուղարկվի հաջորդ համաժամացման ժամանակ։
attempt-synced = Պահպանվեց և ուղարկվեց կազմակերպչին։
attempt-pending-short = Սպասում է ուղարկման
attempt-synced-short = Ուղարկված է


## Result buttons: how a knock or a call ended

result-contacted = Խոսեցինք
result-not-home = Տանը չեն
result-refused = Հրաժարվեց
result-moved = Տեղափոխվել են
result-wrong-address = Սխալ հասցե
result-inaccessible = Մուտք չկա
result-deceased = Մահացել է
result-come-back-later = Գալ ավելի ուշ
result-language-barrier = Լեզվի խոչընդոտ
result-wrong-number = Սխալ համար
result-disconnected = Համարը չի գործում
result-left-message = Թողել եմ հաղորդագրություն
result-busy = Զբաղված է


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = Ի՞նչ լեզվով են խոսում
barrier-hint = Ցույց տվեք այս ցուցակը բնակչին։ Նրա մոտ կուղարկենք մեկին, ով խոսում է այդ լեզվով։


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = Ջնջել պատասխանը


## Script screen and script panel (phone bank)

script-title = Զրույցի տեքստ
script-for = Զրուցակից
script-language = Տեքստի լեզուն
script-side-by-side = Ցույց տալ իմ լեզուն ամեն պարբերության տակ
script-empty = Այս տեքստը դեռ դատարկ է։
script-none = Այս ցուցակի համար տեքստ չկա։
script-error = Չհաջողվեց բեռնել տեքստը՝ { $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = Ի՞նչ լեզվով եք խոսում
speak-hint = Հեռախոսը շրջեք դեպի բնակիչը, որ նա ինքը հպի իր լեզվին։
speak-done = Պատրաստ է
speak-saved = Լեզուն պահպանվեց այս հեռախոսում


## Phone bank screen: a call list, one person at a time

call-title = Հեռախոսազանգեր
call-error = Չհաջողվեց բեռնել զանգերի ցուցակը՝ { $reason }
call-empty = Այս ցուցակում ոչ ոք հեռախոսահամար չունի։
call-progress =
    { $total ->
        [one] { $total } զանգից արված է { $done }-ը
       *[other] { $total } զանգից արված է { $done }-ը
    }
call-position = Մարդ { $n }՝ { $total }-ից
call-dial = Զանգել՝ { $phone }
call-already = Արդեն զանգել ենք
call-record = Զանգի արդյունքը
call-previous = Նախորդը
call-skip = Անցնել հաջորդին
call-all-done = Այս ցուցակի բոլորին արդեն զանգել ենք։


## Event mode: signing up walk-ins

event-open = Գրանցում միջոցառմանը
event-title = Գրանցում միջոցառմանը
event-intro = Գրանցեք այցելողներին։ Մինչ գրում եք, ներքևում կերևան նրանք, ովքեր արդեն կան այս հեռախոսում։
event-address = Տան հասցե
event-zip = Փոստային ինդեքս
event-optional = Ըստ ցանկության
event-duplicates =
    { $count ->
        [0] Այս հեռախոսում նման մարդ չկա
        [one] Արդեն կա՞ այս հեռախոսում
       *[other] Արդեն կա՞ այս հեռախոսում։ Նման մարդիկ՝ { $count }
    }
event-same-person = Նույն մարդն է՝ գրանցել
event-new-person = Նոր մարդ՝ գրանցել
event-sign-up = Գրանցել
event-saved = Գրանցվեց՝ { $name }
event-error = Չպահպանվեց՝ { $reason }


## Search screen: everyone on this phone

search-title = Որոնում
search-label = Անուն, հեռախոս կամ հասցե
search-hint = Կարելի է գրել ցանկացած գրով՝ Nguyễn, nguyen, 李, 김, Պետրոսյան։
search-count =
    { $count ->
        [0] Ոչ ոք չգտնվեց
        [one] Գտնվեց { $count } մարդ
       *[other] Գտնվեց { $count } մարդ
    }
search-none = Այս հեռախոսում ոչ ոք չգտնվեց։
search-error = Որոնումը ձախողվեց՝ { $reason }


## Settings screen

settings-title = Կարգավորումներ
settings-language = Հավելվածի լեզուն
settings-side-by-side-hint = Զրույցի տեքստերը ցուցադրվում են ընտրողի լեզվով։ Եթե սա միացված է, ձեր լեզուն կերևա ամեն պարբերության տակ։
settings-device = Այս հեռախոսը
settings-org = Կազմակերպություն
settings-user = Դաշտային աշխատակից
settings-server = Կազմակերպչի վեբ հասցեն
settings-stored = Պահված է այստեղ
settings-stored-counts =
    { $people ->
        [one] { $people } մարդ
       *[other] { $people } մարդ
    }, { $attempts ->
        [one] { $attempts } փորձ
       *[other] { $attempts } փորձ
    }
settings-not-paired = Այս հեռախոսը դեռ կապված չէ։
settings-pair-again = Կրկին կապել
settings-saved = Կարգավորումները պահպանվեցին
settings-error = Չհաջողվեց պահպանել կարգավորումները՝ { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = Կողպված է
lock-hint = Մուտքագրեք PIN-ը, որը պաշտպանում է ընտրողների տվյալներն այս հեռախոսում։ Նոր հեռախոսը պահում է ձեր մուտքագրած առաջին PIN-ը։
lock-pin = PIN
lock-unlock = Բացել
lock-wrong = Այդ PIN-ը չի բացում այս հեռախոսը։
lock-too-short = PIN-ը առնվազն 4 նիշ է։
wiped-revoked = Ձեր կազմակերպությունը չեղարկել է այս հեռախոսը, ուստի դրա ամբողջ պարունակությունը ջնջվել է։
wiped-by-hand = Այս հեռախոսը մաքրվել է։ Կապակցեք այն՝ նորից սկսելու համար։
wiped-unsent = Չուղարկված աշխատանքը պահված է հեռախոսում՝ գաղտնագրված, ձեր կազմակերպչի համար։
settings-security = Անվտանգություն
settings-lock-after = Կողպել
settings-lock-minutes = { $minutes } րոպե հետո
settings-lock-never = Երբեք
settings-lock-now = Կողպել հիմա
settings-wipe = Մաքրել այս հեռախոսը
settings-wipe-hint = Անջատում է կապը և ջնջում բոլոր մարդկանց, ցուցակներն ու տեքստերը՝ հեռախոսը մեկ այլ կամավորի հանձնելու համար։ Չուղարկվածը նախ ուղարկվում է։
settings-wipe-sure = Ջնջե՞լ ամեն ինչ այս հեռախոսում։ Հնարավոր չէ հետարկել։
settings-wipe-confirm = Այո, ջնջել ամեն ինչ
settings-wipe-cancel = Չեղարկել
