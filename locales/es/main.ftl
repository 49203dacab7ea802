# Doorstep UI strings: Spanish (es), Latin American / Mexican usage as spoken
# in California. Translated from locales/en/main.ftl, the source locale.
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
# Spanish notes: the app speaks to the canvasser with "tú"; text addressed to
# the resident (the "I speak…" card title) uses "usted". Plural categories:
# one/other (CLDR "many" for millions falls back to *[other]).


## Shared words, used on several screens

loading = Cargando…
# A language that has not been recorded for a person.
language-unknown = No se sabe


## Bottom navigation bar and "back" links at the top of each screen

nav-label = Principal
nav-lists = Listas
nav-search = Buscar
nav-event = Evento
nav-settings = Ajustes
nav-back = Volver
nav-back-to-list = Volver a la lista


## Sync bar, always at the bottom of the screen

sync-bar-label = Estado de sincronización
# The core itself did not answer (the app's background service is not running).
sync-state-unreachable = La app no responde
sync-state-unpaired = Sin vincular
sync-state-syncing = Sincronizando…
sync-state-online = En línea
sync-state-offline = Sin conexión: guardando en este teléfono
# Records saved on this phone that the organizer has not received yet.
sync-pending =
    { $count ->
        [0] Todo enviado
        [one] { $count } por enviar
       *[other] { $count } por enviar
    }
# $when is already formatted, e.g. "hace 5 minutos", "ayer".
sync-last = Sincronizado { $when }
sync-never = Aún no se ha sincronizado
sync-error = Falló el último intento: { $reason }
sync-now = Sincronizar
sync-done = Sincronización completa
sync-failed = Falló la sincronización: { $reason }


## Pairing screen: linking this phone to an organization

pairing-title = Vincular este teléfono
pairing-intro = Escanea o pega el código de vinculación que te dio tu organizador. Al vincularlo, este teléfono queda conectado a tu organización y tus listas se descargan enseguida.
pairing-already = Este teléfono ya está vinculado con { $org } como { $user }. Para vincularlo con otra organización, primero hay que borrarlo por completo.
pairing-code = Código de vinculación
pairing-code-hint = Por ejemplo K7QF-3M9X, o pega todo el texto del código QR.
pairing-url = Dirección del organizador
pairing-url-hint = La dirección web que aparece en la tarjeta de vinculación; empieza con https://
# $endpoint is the address read from a pasted QR payload.
pairing-payload-read = Código QR leído. Este teléfono se vinculará con { $endpoint }.
pairing-submit = Vincular
pairing-busy = Vinculando…
pairing-done = Vinculado. Descargando tus listas…
pairing-error-empty = Escribe el código de vinculación.
pairing-error-code = Eso no parece un código de vinculación. Compáralo con la tarjeta.
pairing-error-url = Escribe la dirección del organizador; empieza con https://
pairing-error-rejected = El organizador no aceptó este código. Puede que esté mal escrito, que ya se haya usado o que haya vencido: pide uno nuevo.
pairing-error-offline = No hay conexión con el organizador. Para vincular se necesita señal una sola vez; vuelve a intentarlo donde tengas señal.
pairing-error-unreachable = La app no responde. Ciérrala y vuelve a abrirla.
pairing-error-other = No se pudo vincular.


## My lists screen

lists-title = Mis listas
lists-who = { $user }, { $org }
lists-empty = Todavía no hay listas en este teléfono. Llegarán con la próxima sincronización cuando tu organizador te las asigne.
lists-error = No se pudieron cargar tus listas: { $reason }
list-kind-walk = Puertas
list-kind-call = Llamadas
list-progress-doors =
    { $total ->
        [one] { $done } de { $total } puerta visitada
       *[other] { $done } de { $total } puertas visitadas
    }
list-progress-people =
    { $total ->
        [one] Llamaste a { $done } de { $total } persona
       *[other] Llamaste a { $done } de { $total } personas
    }


## Walk list screen: the doors of one list, in walk order

walk-title = Lista de recorrido
walk-counts =
    { $left ->
        [one] Hechas: { $done }, falta { $left } puerta
       *[other] Hechas: { $done }, faltan { $left } puertas
    }
walk-filter = Filtrar esta lista
walk-filter-placeholder = Calle, número o nombre
walk-filter-count =
    { $count ->
        [0] Ninguna puerta coincide
        [one] { $count } puerta coincide
       *[other] { $count } puertas coinciden
    }
walk-doors-label = Puertas en orden de recorrido
walk-script = Guion
walk-empty = Esta lista no tiene puertas.
walk-no-match = Ninguna puerta de esta lista coincide.
walk-search-everyone = Buscar entre todas las personas del teléfono
walk-no-people = Nadie registrado
walk-error = No se pudo cargar esta lista: { $reason }
# A door that has been visited; $result is a result label from below.
walk-door-done = Visitada: { $result }
# A visited door whose result is not known on this phone.
walk-door-done-no-result = Visitada
walk-door-todo = Por tocar


## Door screen: one household

door-title = Puerta
door-error = No se pudo cargar esta puerta: { $reason }
door-people =
    { $count ->
        [one] Persona en esta casa
       *[other] Personas en esta casa
    }
door-no-people = No hay nadie registrado en esta puerta.
door-open-script = Abrir el guion
door-record = Registrar esta visita
door-next = Siguiente puerta
door-add-person = Agregar a quien atendió la puerta


## A person on the door screen, and forms that edit or add people

person-language = Idioma
person-phone = Teléfono
person-last-attempt = Última vez
person-do-not-contact = No contactar
person-i-speak = Hablo…
person-script = Guion en su idioma
person-edit = Editar
person-save = Guardar cambios
person-saved = Cambios guardados en este teléfono
person-save-error = No se pudo guardar: { $reason }
person-given-name = Nombre
person-family-name = Apellidos
person-native-name = Nombre en su propia escritura
add-person-submit = Agregar persona
add-person-saved = Persona agregada en este teléfono
add-person-need-name = Escribe un nombre.
add-person-error = No se pudo agregar a esta persona: { $reason }


## Recording an attempt (door screen and phone bank)

attempt-who = ¿Con quién hablaste?
# Heading of the panel that opens after "Talked with them": who, the survey, save.
attempt-conversation = Conversación
attempt-note = Nota (opcional)
attempt-results = Resultado
attempt-save-conversation = Guardar conversación
attempt-cancel = Cancelar
attempt-error = No se guardó: { $reason }
# Spoken and shown right after a result is saved.
attempt-saved = Guardado en este teléfono
# $result is a result label from below.
attempt-saved-result = Guardado: { $result }
attempt-pending = Guardado en este teléfono. Se enviará en la próxima sincronización.
attempt-synced = Guardado y enviado a tu organizador.
attempt-pending-short = Por enviar
attempt-synced-short = Enviado


## Result buttons: how a knock or a call ended

result-contacted = Hablamos
result-not-home = No estaba en casa
result-refused = Se negó
result-moved = Se mudó
result-wrong-address = Dirección equivocada
result-inaccessible = Puerta inaccesible
result-deceased = Falleció
result-come-back-later = Volver más tarde
result-language-barrier = Barrera de idioma
result-wrong-number = Número equivocado
result-disconnected = Desconectado
result-left-message = Dejé mensaje
result-busy = Ocupado


## Language barrier dialog, opened by the "Language barrier" result

barrier-title = ¿Qué idioma hablan?
barrier-hint = Muéstrale esta lista al residente. Después vendrá alguien que hable ese idioma.


## Survey questions inside the conversation panel (the questions themselves come from the organizer)

survey-clear = Borrar respuesta


## Script screen and script panel (phone bank)

script-title = Guion
script-for = Para
script-language = Mostrar guion en
script-side-by-side = Mostrar mi idioma debajo de cada párrafo
script-empty = Este guion todavía no tiene texto.
script-none = Esta lista no tiene guion.
script-error = No se pudo cargar el guion: { $reason }


## "I speak…" card: full screen, turned toward the resident

# Read by the resident: "usted".
speak-title = ¿Qué idioma habla usted?
speak-hint = Voltea el teléfono hacia el residente para que toque su idioma.
speak-done = Listo
speak-saved = Idioma guardado en este teléfono


## Phone bank screen: a call list, one person at a time

call-title = Banco de llamadas
call-error = No se pudo cargar esta lista de llamadas: { $reason }
call-empty = Nadie en esta lista tiene número de teléfono.
call-progress =
    { $total ->
        [one] { $done } de { $total } llamada hecha
       *[other] { $done } de { $total } llamadas hechas
    }
call-position = Persona { $n } de { $total }
call-dial = Llamar al { $phone }
call-already = Ya se llamó
call-record = Resultado de la llamada
call-previous = Anterior
call-skip = Saltar
call-all-done = Ya se llamó a todas las personas de esta lista.


## Event mode: signing up walk-ins

event-open = Registro en el evento
event-title = Registro en el evento
event-intro = Registra a las personas que lleguen. Mientras escribes, abajo aparece quien ya esté en este teléfono.
event-address = Domicilio
event-zip = Código postal
event-optional = Opcional
event-duplicates =
    { $count ->
        [0] Nadie parecido en este teléfono
        [one] ¿Ya está en este teléfono?
       *[other] ¿Ya está en este teléfono? { $count } personas se parecen
    }
event-same-person = Misma persona: registrarla
event-new-person = Persona nueva: registrar
event-sign-up = Registrar
event-saved = Registro hecho: { $name }
event-error = No se guardó: { $reason }


## Search screen: everyone on this phone

search-title = Buscar
search-label = Nombre, teléfono o dirección
search-hint = Funciona con cualquier escritura: Nguyễn, nguyen, 李, 김.
search-count =
    { $count ->
        [0] No se encontró a nadie
        [one] Se encontró { $count } persona
       *[other] Se encontraron { $count } personas
    }
search-none = No se encontró a nadie en este teléfono.
search-error = Falló la búsqueda: { $reason }


## Settings screen

settings-title = Ajustes
settings-language = Idioma de la app
settings-side-by-side-hint = Los guiones se muestran en el idioma del votante. Si activas esta opción, tu idioma aparece debajo de cada párrafo.
settings-device = Este teléfono
settings-org = Organización
settings-user = Promotor(a)
settings-server = Dirección del organizador
settings-stored = Guardado aquí
settings-stored-counts =
    { $people ->
        [one] { $people } persona
       *[other] { $people } personas
    }, { $attempts ->
        [one] { $attempts } intento
       *[other] { $attempts } intentos
    }
settings-not-paired = Este teléfono todavía no está vinculado.
settings-pair-again = Volver a vincular
settings-saved = Ajustes guardados
settings-error = No se pudieron guardar los ajustes: { $reason }

# The lock screen, a wiped phone, and the security settings.
lock-title = Bloqueado
lock-hint = Escribe el PIN que protege los datos de los votantes en este teléfono. Un teléfono nuevo guarda el primer PIN que escribas.
lock-pin = PIN
lock-unlock = Desbloquear
lock-wrong = Ese PIN no abre este teléfono.
lock-too-short = El PIN tiene al menos 4 caracteres.
wiped-revoked = Tu organización revocó este teléfono, así que se borró todo lo que tenía.
wiped-by-hand = Este teléfono fue borrado. Vincúlalo para empezar de nuevo.
wiped-unsent = El trabajo que no se pudo enviar queda en el teléfono, cifrado, para tu organizador.
settings-security = Seguridad
settings-lock-after = Bloquear después de
settings-lock-minutes = { $minutes } min
settings-lock-never = Nunca
settings-lock-now = Bloquear ahora
settings-wipe = Borrar este teléfono
settings-wipe-hint = Lo desvincula y borra todas las personas, listas y guiones, para pasar el teléfono a otro voluntario. Lo que falte por enviar se envía antes.
settings-wipe-sure = ¿Borrar todo en este teléfono? No se puede deshacer.
settings-wipe-confirm = Sí, borrar todo
settings-wipe-cancel = Cancelar
