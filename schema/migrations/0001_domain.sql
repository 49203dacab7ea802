-- Doorstep store, migration 1: the field's domain.
-- Ids are UUIDv7 stored as 16-byte blobs: time-ordered, so inserts append to
-- the primary-key B-tree instead of scattering across it.

CREATE TABLE organizations (
    id          BLOB PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

-- A household is one door: everyone registered at the same normalized address.
CREATE TABLE households (
    id            BLOB PRIMARY KEY,
    org_id        BLOB NOT NULL REFERENCES organizations(id),
    address_key   TEXT NOT NULL,
    house_number  TEXT NOT NULL DEFAULT '',
    number_value  INTEGER,
    fraction      TEXT NOT NULL DEFAULT '',
    street        TEXT NOT NULL DEFAULT '',
    unit          TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL DEFAULT '',
    zip           TEXT NOT NULL DEFAULT '',
    precinct      TEXT NOT NULL DEFAULT '',
    latitude      REAL,
    longitude     REAL,
    UNIQUE (org_id, address_key)
);
CREATE INDEX households_precinct ON households(org_id, precinct);

CREATE TABLE people (
    id                  BLOB PRIMARY KEY,
    org_id              BLOB NOT NULL REFERENCES organizations(id),
    household_id        BLOB REFERENCES households(id),
    given_name          TEXT NOT NULL DEFAULT '',
    middle_name         TEXT NOT NULL DEFAULT '',
    family_name         TEXT NOT NULL DEFAULT '',
    name_suffix         TEXT NOT NULL DEFAULT '',
    native_name         TEXT NOT NULL DEFAULT '',
    birth_year          INTEGER,
    gender              TEXT NOT NULL DEFAULT '',
    party               TEXT NOT NULL DEFAULT '',
    preferred_language  TEXT NOT NULL DEFAULT '',
    -- JSON arrays: they travel and merge as whole fields.
    spoken_languages    TEXT NOT NULL DEFAULT '[]',
    phones              TEXT NOT NULL DEFAULT '[]',
    emails              TEXT NOT NULL DEFAULT '[]',
    do_not_contact      INTEGER NOT NULL DEFAULT 0,
    updated_at          TEXT NOT NULL
);
CREATE INDEX people_household ON people(household_id);
CREATE INDEX people_org ON people(org_id);

-- State voter ids and the like; an import matches people by these.
CREATE TABLE external_ids (
    org_id     BLOB NOT NULL,
    scheme     TEXT NOT NULL,
    value      TEXT NOT NULL,
    person_id  BLOB NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, scheme, value)
) WITHOUT ROWID;
CREATE INDEX external_ids_person ON external_ids(person_id);

CREATE TABLE efforts (
    id          BLOB PRIMARY KEY,
    org_id      BLOB NOT NULL REFERENCES organizations(id),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('canvass', 'phone_bank', 'event')),
    starts_on   TEXT,
    ends_on     TEXT
);

CREATE TABLE lists (
    id          BLOB PRIMARY KEY,
    org_id      BLOB NOT NULL REFERENCES organizations(id),
    effort_id   BLOB REFERENCES efforts(id),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('walk', 'call')),
    created_at  TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE list_people (
    list_id    BLOB NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
    person_id  BLOB NOT NULL REFERENCES people(id),
    PRIMARY KEY (list_id, person_id)
) WITHOUT ROWID;
CREATE INDEX list_people_person ON list_people(person_id);

-- One script per effort; its body exists once per language. A new body text
-- bumps `version`, and every attempt records the version the canvasser saw.
CREATE TABLE scripts (
    id          BLOB PRIMARY KEY,
    org_id      BLOB NOT NULL REFERENCES organizations(id),
    effort_id   BLOB REFERENCES efforts(id),
    name        TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE script_texts (
    script_id  BLOB NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
    language   TEXT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (script_id, language)
) WITHOUT ROWID;

-- Prompts and option labels are JSON objects keyed by BCP-47 tag.
CREATE TABLE survey_questions (
    id          BLOB PRIMARY KEY,
    org_id      BLOB NOT NULL REFERENCES organizations(id),
    script_id   BLOB NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('single', 'multi', 'text')),
    prompt      TEXT NOT NULL DEFAULT '{}',
    UNIQUE (script_id, key)
);

CREATE TABLE survey_options (
    question_id  BLOB NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    position     INTEGER NOT NULL,
    label        TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (question_id, key)
) WITHOUT ROWID;

-- Contact attempts are the record of the field: append-only, never edited.
CREATE TABLE attempts (
    id                BLOB PRIMARY KEY,
    org_id            BLOB NOT NULL REFERENCES organizations(id),
    person_id         BLOB REFERENCES people(id),
    household_id      BLOB REFERENCES households(id),
    list_id           BLOB,
    effort_id         BLOB,
    channel           TEXT NOT NULL CHECK (channel IN ('door', 'phone', 'event')),
    result            TEXT NOT NULL,
    barrier_language  TEXT NOT NULL DEFAULT '',
    answers           TEXT NOT NULL DEFAULT '{}',
    note              TEXT NOT NULL DEFAULT '',
    language_used     TEXT NOT NULL DEFAULT '',
    canvasser         BLOB,
    device_id         BLOB,
    script_id         BLOB,
    script_version    INTEGER,
    attempted_at      TEXT NOT NULL
);
CREATE INDEX attempts_person ON attempts(person_id);
CREATE INDEX attempts_org ON attempts(org_id, attempted_at);

CREATE TRIGGER attempts_append_only BEFORE UPDATE ON attempts
BEGIN
    SELECT RAISE(ABORT, 'attempts are append-only');
END;
