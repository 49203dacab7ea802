# Doorstep UI strings: English, the source locale.
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

loading = Loading…
# A language that has not been recorded for a person.
language-unknown = Not known


## Bottom navigation bar and "back" links at the top of each screen

nav-label = Main
nav-lists = Lists
nav-search = Search
nav-event = Event
nav-settings = Settings
nav-back = Back
nav-back-to-list = Back to list


## Sync bar, always at the bottom of the screen

sync-bar-label = Sync status
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = App not responding
sync-state-unpaired = Not paired
sync-state-syncing = Syncing…
sync-state-online = Online
sync-state-offline = Offline: saving on this phone
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] All sent
        [one] { $count } waiting to send
       *[other] { $count } waiting to send
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = Last sync { $when }
sync-never = Never synced
sync-error = Last try failed: { $reason }
sync-now = Sync now
sync-done = Sync finished
sync-failed = Sync failed: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = Pair this phone
pairing-intro = Scan or paste the pairing code your organizer gave you. Pairing links this phone to your organization; your lists download right after.
pairing-already = This phone is already paired with { $org } as { $user }. To pair it with another organization, it has to be wiped first.
pairing-code = Pairing code
pairing-code-hint = For example K7QF-3M9X, or paste the whole text of the QR code.
pairing-url = Organizer’s address
pairing-url-hint = The web address on the pairing card, starting with https://
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = QR code read. This phone will pair with { $endpoint }.
pairing-submit = Pair
pairing-busy = Pairing…
pairing-done = Paired. Downloading your lists…
pairing-error-empty = Enter the pairing code.
pairing-error-code = That does not look like a pairing code. Check it against the card.
pairing-error-url = Enter the organizer’s address, starting with https://
pairing-error-rejected = The organizer did not accept this code. It may be mistyped, used already or expired: ask for a new one.
pairing-error-offline = No connection to the organizer. Pairing needs a signal once; try again where you have one.
pairing-error-unreachable = The app is not responding. Close it and open it again.
pairing-error-other = Pairing failed.


## My lists screen

lists-title = My lists
lists-who = { $user }, { $org }
lists-empty = No lists on this phone yet. They arrive with the next sync once your organizer assigns them.
lists-error = Could not load your lists: { $reason }
list-kind-walk = Doors
list-kind-call = Calls
list-progress-doors =
    { $total ->
        [one] { $done } of { $total } door done
       *[other] { $done } of { $total } doors done
    }
list-progress-people =
    { $total ->
        [one] { $done } of { $total } person called
       *[other] { $done } of { $total } people called
    }


## Walk list screen: the doors of one list, in walk order

walk-title = Walk list
walk-counts =
    { $left ->
        [one] { $done } done, { $left } door left
       *[other] { $done } done, { $left } doors left
    }
walk-filter = Filter this list
walk-filter-placeholder = Street, number or name
walk-filter-count =
    { $count ->
        [0] No doors match
        [one] { $count } door matches
       *[other] { $count } doors match
    }
walk-doors-label = Doors in walk order
walk-script = Script
walk-empty = This list has no doors.
walk-no-match = No door on this list matches.
walk-search-everyone = Search everyone on this phone
walk-no-people = No one listed
walk-error = Could not load this list: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = Done: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = Done
walk-door-todo = To knock


## Door screen: one household

door-title = Door
door-error = Could not load this door: { $reason }
door-people =
    { $count ->
        [one] Person here
       *[other] People here
    }
door-no-people = No one is listed at this door.
door-open-script = Open the script
door-record = Record this visit
door-next = Next door
door-add-person = Add a person met at the door


## A person on the door screen, and forms that edit or add people

person-language = Language
person-phone = Phone
person-last-attempt = Last time
person-do-not-contact = Do not contact
person-i-speak = I speak…
person-script = Script in their language
person-edit = Edit
person-save = Save changes
person-saved = Changes saved on this phone
person-save-error = Could not save: { $reason }
person-given-name = Given name
person-family-name = Family name
person-native-name = Name in their own script
add-person-submit = Add person
add-person-saved = Person added on this phone
add-person-need-name = Enter a name.
add-person-error = Could not add this person: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = Who did you talk to?
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = Conversation
attempt-note = Note (optional)
attempt-results = Result
attempt-save-conversation = Save conversation
attempt-cancel = Cancel
attempt-error = Not saved: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = Saved on this phone
# $result is a result label from below.
attempt-saved-result = Saved: { $result }
attempt-pending = Saved on this phone. It will be sent at the next sync.
attempt-synced = Saved and sent to your organizer.
attempt-pending-short = Waiting to send
attempt-synced-short = Sent


## Result buttons: how a knock or a call ended

result-contacted = Talked with them
result-not-home = Not home
result-refused = Refused
result-moved = Moved
result-wrong-address = Wrong address
result-inaccessible = Can’t reach door
result-deceased = Deceased
result-come-back-later = Come back later
result-language-barrier = Language barrier
result-wrong-number = Wrong number
result-disconnected = Disconnected
result-left-message = Left message
result-busy = Busy


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = Which language do they speak?
barrier-hint = Show this list to the resident. Someone who speaks it will be sent back.


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = Clear answer


## Script screen and script panel (phone bank)

script-title = Script
script-for = For
script-language = Show script in
script-side-by-side = Show my language under each paragraph
script-empty = This script has no text yet.
script-none = This list has no script.
script-error = Could not load the script: { $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = Which language do you speak?
speak-hint = Turn the phone toward the resident and let them tap their language.
speak-done = Done
speak-saved = Language saved on this phone


## Phone bank screen: a call list, one person at a time

call-title = Phone bank
call-error = Could not load this call list: { $reason }
call-empty = No one on this list has a phone number.
call-progress =
    { $total ->
        [one] { $done } of { $total } call done
       *[other] { $done } of { $total } calls done
    }
call-position = Person { $n } of { $total }
call-dial = Call { $phone }
call-already = Already called
call-record = Call result
call-previous = Previous
call-skip = Skip to next
call-all-done = Everyone on this list has been called.


## Event mode: signing up walk-ins

event-open = Event sign-up
event-title = Event sign-up
event-intro = Sign up people who come by. Anyone already on this phone shows up below as you type.
event-address = Home address
event-zip = ZIP code
event-optional = Optional
event-duplicates =
    { $count ->
        [0] No one similar on this phone
        [one] Already on this phone?
       *[other] Already on this phone? { $count } people look similar
    }
event-same-person = Same person: sign them up
event-new-person = New person: sign up
event-sign-up = Sign up
event-saved = Signed up: { $name }
event-error = Not saved: { $reason }


## Search screen: everyone on this phone

search-title = Search
search-label = Name, phone or address
search-hint = Any script works: Nguyễn, nguyen, 李, 김.
search-count =
    { $count ->
        [0] No one found
        [one] { $count } person found
       *[other] { $count } people found
    }
search-none = No one found on this phone.
search-error = Search failed: { $reason }


## Settings screen

settings-title = Settings
settings-language = App language
settings-side-by-side-hint = Scripts are shown in the voter’s language. With this on, your own language appears under each paragraph.
settings-device = This phone
settings-org = Organization
settings-user = Canvasser
settings-server = Organizer’s address
settings-stored = Stored here
settings-stored-counts =
    { $people ->
        [one] { $people } person
       *[other] { $people } people
    }, { $attempts ->
        [one] { $attempts } attempt
       *[other] { $attempts } attempts
    }
settings-not-paired = This phone is not paired yet.
settings-pair-again = Pair again
settings-saved = Settings saved
settings-error = Could not save settings: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = Locked
lock-hint = Enter the PIN that protects the voters’ data on this phone. A new phone keeps the first PIN you enter.
lock-pin = PIN
lock-unlock = Unlock
lock-wrong = That PIN does not open this phone.
lock-too-short = A PIN has at least 4 characters.
wiped-revoked = Your organization revoked this phone, so everything on it was erased.
wiped-by-hand = This phone was wiped. Pair it to start again.
wiped-unsent = Work that could not be sent is kept on the phone, encrypted, for your organizer.
settings-security = Security
settings-lock-after = Lock after
settings-lock-minutes = { $minutes } min
settings-lock-never = Never
settings-lock-now = Lock now
settings-wipe = Wipe this phone
settings-wipe-hint = Unpairs it and erases every person, list and script on it, for a phone passed to another volunteer. Work not sent yet is sent first.
settings-wipe-sure = Erase everything on this phone? This cannot be undone.
settings-wipe-confirm = Yes, erase everything
settings-wipe-cancel = Cancel
