-- Doorstep store, migration 5: attempts keyed by their id.
-- Attempts are looked up by id and written in id order (UUIDv7). Keyed by
-- it, without a separate rowid, writing one is a B-tree insert fewer, and
-- reading one a lookup fewer; a sync moves thousands at a time. Their
-- references are checked when the transaction commits: a statement writing
-- many attempts then cannot fail halfway, so SQLite keeps no copy of every
-- page it touches to undo one.
CREATE TABLE attempts_by_id (
    id                BLOB PRIMARY KEY,
    org_id            BLOB NOT NULL REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
    person_id         BLOB REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
    household_id      BLOB REFERENCES households(id) DEFERRABLE INITIALLY DEFERRED,
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
) WITHOUT ROWID;

INSERT INTO attempts_by_id(id, org_id, person_id, household_id, list_id, effort_id, channel, result, barrier_language,
    answers, note, language_used, canvasser, device_id, script_id, script_version, attempted_at)
SELECT id, org_id, person_id, household_id, list_id, effort_id, channel, result, barrier_language,
    answers, note, language_used, canvasser, device_id, script_id, script_version, attempted_at
FROM attempts;

DROP TABLE attempts;
ALTER TABLE attempts_by_id RENAME TO attempts;

CREATE INDEX attempts_person ON attempts(person_id);
CREATE INDEX attempts_org ON attempts(org_id, attempted_at);
CREATE INDEX attempts_household ON attempts(household_id, attempted_at);
CREATE INDEX attempts_list ON attempts(list_id);

CREATE TRIGGER attempts_append_only BEFORE UPDATE ON attempts
BEGIN
    SELECT RAISE(ABORT, 'attempts are append-only');
END;
