# Doorstep UI strings: Hindi (hi), translated from locales/en/main.ftl.
#
# Conventions (every locale must keep them):
# - Ids are <screen-or-part>-<what>, lower-case with dashes: "walk-filter",
#   "result-not-home". An id never changes meaning; reword the text instead.
# - Variables carry everything dynamic. Counts are numbers and select a plural
#   category ({ $count }, { $done }, …): add the categories your language has
#   (ru: one/few/many/other, ar: zero/one/two/few/many/other; zh, ja, ko, vi,
#   km, th need only *[other]). Hindi: one/other (CLDR "one" is 0 and 1).
# - { $reason } is an error message from the core, shown as-is.
# - Names: no message orders a name. A name keeps its own culture's order
#   whatever the UI language (ui/src/lib/names.ts); leave { $name } as it is.
# - Result labels are short: they sit on large buttons, two per row on a phone.
# - Register: आप; everyday Hindustani (common English loanwords such as सेव,
#   सिंक, पेयर are kept where that is what people say).


## Shared words, used on several screens

loading = लोड हो रहा है…
# A language that has not been recorded for a person.
language-unknown = पता नहीं


## Bottom navigation bar and "back" links at the top of each screen

nav-label = मुख्य
nav-lists = सूचियाँ
nav-search = खोजें
nav-event = इवेंट
nav-settings = सेटिंग्स
nav-back = वापस
nav-back-to-list = सूची पर वापस


## Sync bar, always at the bottom of the screen

sync-bar-label = सिंक की स्थिति
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = ऐप जवाब नहीं दे रहा
sync-state-unpaired = पेयर नहीं है
sync-state-syncing = सिंक हो रहा है…
sync-state-online = ऑनलाइन
sync-state-offline = ऑफ़लाइन: इसी फ़ोन पर सेव हो रहा है
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] सब भेज दिया गया
        [one] { $count } भेजना बाकी है
       *[other] { $count } भेजने बाकी हैं
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = आख़िरी सिंक { $when }
sync-never = कभी सिंक नहीं हुआ
sync-error = पिछली कोशिश नाकाम: { $reason }
sync-now = अभी सिंक करें
sync-done = सिंक पूरा हुआ
sync-failed = सिंक नहीं हो सका: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = इस फ़ोन को पेयर करें
pairing-intro = अपने ऑर्गनाइज़र से मिला पेयरिंग कोड स्कैन या पेस्ट करें। पेयर करने से यह फ़ोन आपके संगठन से जुड़ जाता है; उसके तुरंत बाद आपकी सूचियाँ डाउनलोड हो जाती हैं।
pairing-already = यह फ़ोन पहले से { $org } के साथ { $user } के रूप में पेयर है। इसे किसी दूसरे संगठन के साथ पेयर करने के लिए पहले इसे पूरी तरह मिटाना होगा।
pairing-code = पेयरिंग कोड
pairing-code-hint = जैसे K7QF-3M9X, या QR कोड का पूरा टेक्स्ट पेस्ट करें।
pairing-url = ऑर्गनाइज़र का पता
pairing-url-hint = पेयरिंग कार्ड पर लिखा वेब पता, जो https:// से शुरू होता है
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = QR कोड पढ़ लिया गया। यह फ़ोन { $endpoint } के साथ पेयर होगा।
pairing-submit = पेयर करें
pairing-busy = पेयर हो रहा है…
pairing-done = पेयर हो गया। आपकी सूचियाँ डाउनलोड हो रही हैं…
pairing-error-empty = पेयरिंग कोड डालें।
pairing-error-code = यह पेयरिंग कोड जैसा नहीं लगता। कार्ड से मिलाकर देखें।
pairing-error-url = ऑर्गनाइज़र का पता डालें, जो https:// से शुरू होता है
pairing-error-rejected = ऑर्गनाइज़र ने यह कोड स्वीकार नहीं किया। हो सकता है यह गलत टाइप हुआ हो, पहले इस्तेमाल हो चुका हो या इसकी मियाद ख़त्म हो गई हो: नया कोड माँगें।
pairing-error-offline = ऑर्गनाइज़र से कनेक्शन नहीं है। पेयर करने के लिए एक बार सिग्नल चाहिए; जहाँ सिग्नल हो वहाँ फिर से कोशिश करें।
pairing-error-unreachable = ऐप जवाब नहीं दे रहा। इसे बंद करके फिर से खोलें।
pairing-error-other = पेयर नहीं हो सका।


## My lists screen

lists-title = मेरी सूचियाँ
lists-who = { $user }, { $org }
lists-empty = इस फ़ोन पर अभी कोई सूची नहीं है। जब आपका ऑर्गनाइज़र आपको सूचियाँ देगा, वे अगले सिंक के साथ आ जाएँगी।
lists-error = आपकी सूचियाँ लोड नहीं हो सकीं: { $reason }
list-kind-walk = घर-घर
list-kind-call = कॉल
list-progress-doors =
    { $total ->
        [one] { $total } में से { $done } घर हो गया
       *[other] { $total } में से { $done } घर हो गए
    }
list-progress-people =
    { $total ->
        [one] { $total } में से { $done } व्यक्ति को कॉल किया
       *[other] { $total } में से { $done } लोगों को कॉल किया
    }


## Walk list screen: the doors of one list, in walk order

walk-title = घरों की सूची
walk-counts =
    { $left ->
        [one] { $done } हो गए, { $left } घर बाकी
       *[other] { $done } हो गए, { $left } घर बाकी
    }
walk-filter = इस सूची में खोजें
walk-filter-placeholder = गली, नंबर या नाम
walk-filter-count =
    { $count ->
        [0] कोई घर मेल नहीं खाता
        [one] { $count } घर मेल खाता है
       *[other] { $count } घर मेल खाते हैं
    }
walk-doors-label = चलने के क्रम में घर
walk-script = स्क्रिप्ट
walk-empty = इस सूची में कोई घर नहीं है।
walk-no-match = इस सूची का कोई घर मेल नहीं खाता।
walk-search-everyone = इस फ़ोन पर सब में खोजें
walk-no-people = कोई नाम दर्ज नहीं
walk-error = यह सूची लोड नहीं हो सकी: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = हो गया: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = हो गया
walk-door-todo = खटखटाना बाकी


## Door screen: one household

door-title = घर
door-error = यह घर लोड नहीं हो सका: { $reason }
door-people =
    { $count ->
        [one] यहाँ रहने वाला व्यक्ति
       *[other] यहाँ रहने वाले लोग
    }
door-no-people = इस घर पर किसी का नाम दर्ज नहीं है।
door-open-script = स्क्रिप्ट खोलें
door-record = यह मुलाक़ात दर्ज करें
door-next = अगला घर
door-add-person = दरवाज़े पर मिले व्यक्ति को जोड़ें


## A person on the door screen, and forms that edit or add people

person-language = भाषा
person-phone = फ़ोन
person-last-attempt = पिछली बार
person-do-not-contact = संपर्क न करें
person-i-speak = मेरी भाषा…
person-script = उनकी भाषा में स्क्रिप्ट
person-edit = बदलें
person-save = बदलाव सेव करें
person-saved = बदलाव इस फ़ोन पर सेव हो गए
person-save-error = सेव नहीं हो सका: { $reason }
person-given-name = पहला नाम
person-family-name = सरनेम
person-native-name = उनकी अपनी लिपि में नाम
add-person-submit = व्यक्ति जोड़ें
add-person-saved = व्यक्ति इस फ़ोन पर जोड़ दिया गया
add-person-need-name = नाम डालें।
add-person-error = यह व्यक्ति जोड़ा नहीं जा सका: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = आपने किससे बात की?
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = बातचीत
attempt-note = नोट (ज़रूरी नहीं)
attempt-results = नतीजा
attempt-save-conversation = बातचीत सेव करें
attempt-cancel = रद्द करें
attempt-error = सेव नहीं हुआ: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = इस फ़ोन पर सेव हो गया
# $result is a result label from below.
attempt-saved-result = सेव हुआ: { $result }
attempt-pending = इस फ़ोन पर सेव हो गया। अगले सिंक में भेज दिया जाएगा।
attempt-synced = सेव हो गया और आपके ऑर्गनाइज़र को भेज दिया गया।
attempt-pending-short = भेजना बाकी
attempt-synced-short = भेज दिया


## Result buttons: how a knock or a call ended

result-contacted = बात हुई
result-not-home = घर पर नहीं
result-refused = मना किया
result-moved = घर बदल लिया
result-wrong-address = गलत पता
result-inaccessible = दरवाज़े तक पहुँच नहीं
result-deceased = निधन हो गया
result-come-back-later = बाद में आना है
result-language-barrier = भाषा की दिक्कत
result-wrong-number = गलत नंबर
result-disconnected = नंबर बंद है
result-left-message = मैसेज छोड़ा
result-busy = व्यस्त


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = वे कौन-सी भाषा बोलते हैं?
barrier-hint = यह सूची घर वालों को दिखाएँ। उनकी भाषा बोलने वाले किसी व्यक्ति को दोबारा भेजा जाएगा।


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = जवाब मिटाएँ


## Script screen and script panel (phone bank)

script-title = स्क्रिप्ट
script-for = किसके लिए:
script-language = स्क्रिप्ट इस भाषा में दिखाएँ
script-side-by-side = हर पैराग्राफ़ के नीचे मेरी भाषा दिखाएँ
script-empty = इस स्क्रिप्ट में अभी कोई टेक्स्ट नहीं है।
script-none = इस सूची की कोई स्क्रिप्ट नहीं है।
script-error = स्क्रिप्ट लोड नहीं हो सकी: { $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = आप कौन-सी भाषा बोलते हैं?
speak-hint = फ़ोन घर वाले की तरफ़ घुमाएँ और उन्हें अपनी भाषा पर टैप करने दें।
speak-done = हो गया
speak-saved = भाषा इस फ़ोन पर सेव हो गई


## Phone bank screen: a call list, one person at a time

call-title = फ़ोन बैंक
call-error = यह कॉल सूची लोड नहीं हो सकी: { $reason }
call-empty = इस सूची में किसी का फ़ोन नंबर नहीं है।
call-progress =
    { $total ->
        [one] { $total } में से { $done } कॉल हो गई
       *[other] { $total } में से { $done } कॉल हो गईं
    }
call-position = { $total } में से व्यक्ति { $n }
call-dial = { $phone } पर कॉल करें
call-already = पहले कॉल हो चुकी
call-record = कॉल का नतीजा
call-previous = पिछला
call-skip = छोड़ें, अगला
call-all-done = इस सूची में सभी को कॉल हो चुकी है।


## Event mode: signing up walk-ins

event-open = इवेंट साइन-अप
event-title = इवेंट साइन-अप
event-intro = जो लोग आएँ, उनका साइन-अप करें। जो पहले से इस फ़ोन पर हैं, वे टाइप करते ही नीचे दिख जाएँगे।
event-address = घर का पता
event-zip = ZIP कोड
event-optional = ज़रूरी नहीं
event-duplicates =
    { $count ->
        [0] इस फ़ोन पर इनसे मिलता-जुलता कोई नहीं
        [one] पहले से इस फ़ोन पर हैं?
       *[other] पहले से इस फ़ोन पर हैं? { $count } लोग मिलते-जुलते हैं
    }
event-same-person = वही व्यक्ति: साइन-अप करें
event-new-person = नया व्यक्ति: साइन-अप करें
event-sign-up = साइन-अप करें
event-saved = साइन-अप हो गया: { $name }
event-error = सेव नहीं हुआ: { $reason }


## Search screen: everyone on this phone

search-title = खोजें
search-label = नाम, फ़ोन या पता
search-hint = किसी भी लिपि में लिखें: Nguyễn, nguyen, 李, 김.
search-count =
    { $count ->
        [0] कोई नहीं मिला
        [one] { $count } व्यक्ति मिला
       *[other] { $count } लोग मिले
    }
search-none = इस फ़ोन पर कोई नहीं मिला।
search-error = खोज नहीं हो सकी: { $reason }


## Settings screen

settings-title = सेटिंग्स
settings-language = ऐप की भाषा
settings-side-by-side-hint = स्क्रिप्ट वोटर की भाषा में दिखाई जाती है। इसे चालू करने पर हर पैराग्राफ़ के नीचे आपकी अपनी भाषा भी दिखती है।
settings-device = यह फ़ोन
settings-org = संगठन
settings-user = कार्यकर्ता
settings-server = ऑर्गनाइज़र का पता
settings-stored = यहाँ सेव है
settings-stored-counts =
    { $people ->
        [one] { $people } व्यक्ति
       *[other] { $people } लोग
    }, { $attempts ->
        [one] { $attempts } कोशिश
       *[other] { $attempts } कोशिशें
    }
settings-not-paired = यह फ़ोन अभी पेयर नहीं है।
settings-pair-again = फिर से पेयर करें
settings-saved = सेटिंग्स सेव हो गईं
settings-error = सेटिंग्स सेव नहीं हो सकीं: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = लॉक है
lock-hint = इस फ़ोन पर मतदाताओं के डेटा की रक्षा करने वाला PIN डालें। नया फ़ोन आपका डाला पहला PIN रखता है।
lock-pin = PIN
lock-unlock = अनलॉक करें
lock-wrong = यह PIN इस फ़ोन को नहीं खोलता।
lock-too-short = PIN में कम से कम 4 अक्षर होते हैं।
wiped-revoked = आपके संगठन ने यह फ़ोन रद्द कर दिया, इसलिए इस पर सब कुछ मिटा दिया गया।
wiped-by-hand = यह फ़ोन मिटा दिया गया। फिर से शुरू करने के लिए इसे जोड़ें।
wiped-unsent = जो काम भेजा नहीं जा सका, वह फ़ोन पर एन्क्रिप्ट करके आपके आयोजक के लिए रखा है।
settings-security = सुरक्षा
settings-lock-after = इतनी देर बाद लॉक करें
settings-lock-minutes = { $minutes } मिनट
settings-lock-never = कभी नहीं
settings-lock-now = अभी लॉक करें
settings-wipe = यह फ़ोन मिटाएँ
settings-wipe-hint = फ़ोन किसी दूसरे स्वयंसेवक को देने के लिए, जोड़ हटाता है और सभी लोग, सूचियाँ और स्क्रिप्ट मिटाता है। न भेजा गया काम पहले भेजा जाता है।
settings-wipe-sure = इस फ़ोन पर सब कुछ मिटाएँ? इसे वापस नहीं किया जा सकता।
settings-wipe-confirm = हाँ, सब मिटाएँ
settings-wipe-cancel = रद्द करें
