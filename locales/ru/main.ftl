# Doorstep UI strings: Russian (ru), translated from English (locales/en/main.ftl).
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
# Russian notes: every count uses one/few/many/other. CLDR "one" also covers
# 21, 31, 101…, so a "one" variant always shows the number ("21 дверь"),
# never a bare singular. "other" is only reached by fractions and uses the
# genitive singular ("1,5 двери").


## Shared words, used on several screens

loading = Загрузка…
# A language that has not been recorded for a person.
language-unknown = Не указан


## Bottom navigation bar and "back" links at the top of each screen

nav-label = Главное меню
nav-lists = Списки
nav-search = Поиск
nav-event = Мероприятие
nav-settings = Настройки
nav-back = Назад
nav-back-to-list = К списку


## Sync bar, always at the bottom of the screen

sync-bar-label = Состояние синхронизации
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = Приложение не отвечает
sync-state-unpaired = Телефон не привязан
sync-state-syncing = Синхронизация…
sync-state-online = В сети
sync-state-offline = Нет сети: сохраняем на телефоне
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] Всё отправлено
        [one] { $count } запись ждёт отправки
        [few] { $count } записи ждут отправки
        [many] { $count } записей ждут отправки
       *[other] { $count } записи ждут отправки
    }
# $when is already formatted, e.g. "5 minutes ago", "yesterday".
sync-last = Синхронизировано { $when }
sync-never = Ещё не синхронизировано
sync-error = Последняя попытка не удалась: { $reason }
sync-now = Синхронизировать
sync-done = Синхронизация завершена
sync-failed = Ошибка синхронизации: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = Привязка телефона
pairing-intro = Отсканируйте или вставьте код привязки, который вам дал координатор. Привязка соединяет этот телефон с вашей организацией; сразу после неё загрузятся ваши списки.
pairing-already = Этот телефон уже привязан к организации «{ $org }» как { $user }. Чтобы привязать его к другой организации, сначала нужно стереть с него все данные.
pairing-code = Код привязки
pairing-code-hint = Например, K7QF-3M9X, или вставьте весь текст QR-кода.
pairing-url = Адрес координатора
pairing-url-hint = Веб-адрес с карточки привязки, начинается с https://
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = QR-код прочитан. Телефон будет привязан к { $endpoint }.
pairing-submit = Привязать
pairing-busy = Привязываем…
pairing-done = Телефон привязан. Загружаем списки…
pairing-error-empty = Введите код привязки.
pairing-error-code = Это не похоже на код привязки. Сверьте его с карточкой.
pairing-error-url = Введите адрес координатора, начиная с https://
pairing-error-rejected = Координатор не принял этот код. Возможно, в нём опечатка, он уже использован или истёк — попросите новый.
pairing-error-offline = Нет связи с координатором. Для привязки связь нужна один раз — попробуйте снова там, где есть сигнал.
pairing-error-unreachable = Приложение не отвечает. Закройте его и откройте снова.
pairing-error-other = Не удалось привязать телефон.


## My lists screen

lists-title = Мои списки
lists-who = { $user }, { $org }
lists-empty = На этом телефоне пока нет списков. Они придут со следующей синхронизацией, когда координатор их вам назначит.
lists-error = Не удалось загрузить списки: { $reason }
list-kind-walk = Обход
list-kind-call = Звонки
list-progress-doors =
    { $total ->
        [one] Пройдено { $done } из { $total } двери
        [few] Пройдено { $done } из { $total } дверей
        [many] Пройдено { $done } из { $total } дверей
       *[other] Пройдено { $done } из { $total } двери
    }
list-progress-people =
    { $total ->
        [one] Обзвонено { $done } из { $total } человека
        [few] Обзвонено { $done } из { $total } человек
        [many] Обзвонено { $done } из { $total } человек
       *[other] Обзвонено { $done } из { $total } человека
    }


## Walk list screen: the doors of one list, in walk order

walk-title = Список обхода
walk-counts =
    { $left ->
        [one] Пройдено { $done }, осталась { $left } дверь
        [few] Пройдено { $done }, осталось { $left } двери
        [many] Пройдено { $done }, осталось { $left } дверей
       *[other] Пройдено { $done }, осталось { $left } двери
    }
walk-filter = Фильтр по списку
walk-filter-placeholder = Улица, номер или имя
walk-filter-count =
    { $count ->
        [0] Совпадений нет
        [one] Найдена { $count } дверь
        [few] Найдено { $count } двери
        [many] Найдено { $count } дверей
       *[other] Найдено { $count } двери
    }
walk-doors-label = Двери в порядке обхода
walk-script = Сценарий
walk-empty = В этом списке нет дверей.
walk-no-match = В этом списке нет подходящих дверей.
walk-search-everyone = Искать среди всех на телефоне
walk-no-people = Никто не указан
walk-error = Не удалось загрузить список: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = Пройдена: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = Пройдена
walk-door-todo = Не пройдена


## Door screen: one household

door-title = Дверь
door-error = Не удалось загрузить эту дверь: { $reason }
door-people =
    { $count ->
        [one] { $count } человек по этому адресу
        [few] { $count } человека по этому адресу
        [many] { $count } человек по этому адресу
       *[other] { $count } человека по этому адресу
    }
door-no-people = По этому адресу никто не указан.
door-open-script = Открыть сценарий
door-record = Записать визит
door-next = Следующая дверь
door-add-person = Добавить человека, которого встретили у двери


## A person on the door screen, and forms that edit or add people

person-language = Язык
person-phone = Телефон
person-last-attempt = Последний раз
person-do-not-contact = Не беспокоить
person-i-speak = Я говорю на…
person-script = Сценарий на родном языке
person-edit = Изменить
person-save = Сохранить изменения
person-saved = Изменения сохранены на телефоне
person-save-error = Не удалось сохранить: { $reason }
person-given-name = Имя
person-family-name = Фамилия
person-native-name = Имя в родном написании
add-person-submit = Добавить
add-person-saved = Человек добавлен на этот телефон
add-person-need-name = Введите имя.
add-person-error = Не удалось добавить человека: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = С кем вы говорили?
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = Разговор
attempt-note = Заметка (необязательно)
attempt-results = Результат
attempt-save-conversation = Сохранить разговор
attempt-cancel = Отмена
attempt-error = Не сохранено: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = Сохранено на телефоне
# $result is a result label from below.
attempt-saved-result = Сохранено: { $result }
attempt-pending = Сохранено на телефоне. Отправится при следующей синхронизации.
attempt-synced = Сохранено и отправлено координатору.
attempt-pending-short = Ждёт отправки
attempt-synced-short = Отправлено


## Result buttons: how a knock or a call ended

result-contacted = Поговорили
result-not-home = Нет дома
result-refused = Отказ
result-moved = Переехали
result-wrong-address = Неверный адрес
result-inaccessible = Нет доступа
result-deceased = Нет в живых
result-come-back-later = Зайти позже
result-language-barrier = Языковой барьер
result-wrong-number = Не тот номер
result-disconnected = Номер отключён
result-left-message = Оставлено сообщение
result-busy = Занято


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = На каком языке они говорят?
barrier-hint = Покажите этот список жильцу. К нему придёт человек, который говорит на этом языке.


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = Очистить ответ


## Script screen and script panel (phone bank)

script-title = Сценарий
script-for = Собеседник
script-language = Язык сценария
script-side-by-side = Показывать мой язык под каждым абзацем
script-empty = В этом сценарии пока нет текста.
script-none = У этого списка нет сценария.
script-error = Не удалось загрузить сценарий: { $reason }


## "I speak…" card: full screen, turned toward the resident

speak-title = На каком языке вы говорите?
speak-hint = Поверните телефон к жильцу, чтобы он сам нажал на свой язык.
speak-done = Готово
speak-saved = Язык сохранён на телефоне


## Phone bank screen: a call list, one person at a time

call-title = Обзвон
call-error = Не удалось загрузить список обзвона: { $reason }
call-empty = Ни у кого в этом списке нет номера телефона.
call-progress =
    { $total ->
        [one] Сделано { $done } из { $total } звонка
        [few] Сделано { $done } из { $total } звонков
        [many] Сделано { $done } из { $total } звонков
       *[other] Сделано { $done } из { $total } звонка
    }
call-position = Человек { $n } из { $total }
call-dial = Позвонить на { $phone }
call-already = Уже звонили
call-record = Результат звонка
call-previous = Предыдущий
call-skip = Пропустить
call-all-done = Всем из этого списка уже позвонили.


## Event mode: signing up walk-ins

event-open = Запись на мероприятии
event-title = Запись на мероприятии
event-intro = Записывайте тех, кто подходит. Пока вы печатаете, ниже появляются люди, которые уже есть на этом телефоне.
event-address = Домашний адрес
event-zip = Почтовый индекс
event-optional = Необязательно
event-duplicates =
    { $count ->
        [0] Похожих людей на телефоне нет
        [one] Уже есть на телефоне? Похож { $count } человек
        [few] Уже есть на телефоне? Похожи { $count } человека
        [many] Уже есть на телефоне? Похожи { $count } человек
       *[other] Уже есть на телефоне? Похожи { $count } человека
    }
event-same-person = Тот же человек: записать
event-new-person = Новый человек: записать
event-sign-up = Записать
event-saved = Записали: { $name }
event-error = Не сохранено: { $reason }


## Search screen: everyone on this phone

search-title = Поиск
search-label = Имя, телефон или адрес
search-hint = Можно писать любым алфавитом: Nguyễn, nguyen, 李, 김, Семёнов.
search-count =
    { $count ->
        [0] Никого не найдено
        [one] Найден { $count } человек
        [few] Найдено { $count } человека
        [many] Найдено { $count } человек
       *[other] Найдено { $count } человека
    }
search-none = На этом телефоне никого не найдено.
search-error = Ошибка поиска: { $reason }


## Settings screen

settings-title = Настройки
settings-language = Язык приложения
settings-side-by-side-hint = Сценарии показываются на языке избирателя. Если это включено, под каждым абзацем будет текст на вашем языке.
settings-device = Этот телефон
settings-org = Организация
settings-user = Агитатор
settings-server = Адрес координатора
settings-stored = Хранится здесь
settings-stored-counts =
    { $people ->
        [one] { $people } человек
        [few] { $people } человека
        [many] { $people } человек
       *[other] { $people } человека
    }, { $attempts ->
        [one] { $attempts } попытка
        [few] { $attempts } попытки
        [many] { $attempts } попыток
       *[other] { $attempts } попытки
    }
settings-not-paired = Этот телефон ещё не привязан.
settings-pair-again = Привязать заново
settings-saved = Настройки сохранены
settings-error = Не удалось сохранить настройки: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = Заблокировано
lock-hint = Введите PIN-код, защищающий данные избирателей на этом телефоне. Новый телефон запомнит первый введённый PIN.
lock-pin = PIN-код
lock-unlock = Разблокировать
lock-wrong = Этот PIN-код не открывает телефон.
lock-too-short = PIN-код — не меньше 4 символов.
wiped-revoked = Ваша организация отозвала этот телефон, поэтому всё на нём стёрто.
wiped-by-hand = Телефон очищен. Подключите его, чтобы начать заново.
wiped-unsent = Неотправленная работа сохранена на телефоне в зашифрованном виде для организатора.
settings-security = Безопасность
settings-lock-after = Блокировать через
settings-lock-minutes = { $minutes } мин
settings-lock-never = Никогда
settings-lock-now = Заблокировать сейчас
settings-wipe = Очистить телефон
settings-wipe-hint = Отключает телефон и стирает всех людей, списки и сценарии — чтобы передать его другому волонтёру. Неотправленное сначала отправляется.
settings-wipe-sure = Стереть всё на этом телефоне? Отменить нельзя.
settings-wipe-confirm = Да, стереть всё
settings-wipe-cancel = Отмена
