-- Doorstep store, migration 7: attempts check their references where they
-- enter, not in SQLite.
-- An attempt reaches a store in one of three ways, each of which already
-- proves that what it names is there: the device records one only for a
-- person or household it holds; the endpoint takes one only after its
-- tenancy check found every person, household and list in the device's own
-- organization (stricter than a foreign key, which cannot see tenancy); a
-- pull page brings the endpoint's attempts with what they name, applied
-- before them. The foreign keys repeated that proof with three B-tree
-- lookups per attempt, about a tenth of writing each one on both sides, and
-- a sync writes thousands. An attempt is also the one record that must
-- outlive what it names: it is never deleted with a person.
CREATE TABLE attempts_unchained (
    id                BLOB PRIMARY KEY,
    org_id            BLOB NOT NULL,
    person_id         BLOB,
    household_id      BLOB,
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

INSERT INTO attempts_unchained(id, org_id, person_id, household_id, list_id, effort_id, channel, result, barrier_language,
    answers, note, language_used, canvasser, device_id, script_id, script_version, attempted_at)
SELECT id, org_id, person_id, household_id, list_id, effort_id, channel, result, barrier_language,
    answers, note, language_used, canvasser, device_id, script_id, script_version, attempted_at
FROM attempts;

DROP TABLE attempts;
ALTER TABLE attempts_unchained RENAME TO attempts;

-- Both sides' indexes; `Store::fit_to` drops the ones a side never uses.
CREATE INDEX attempts_person ON attempts(person_id);
CREATE INDEX attempts_org ON attempts(org_id, attempted_at);
CREATE INDEX attempts_household ON attempts(household_id, attempted_at);

CREATE TRIGGER attempts_append_only BEFORE UPDATE ON attempts
BEGIN
    SELECT RAISE(ABORT, 'attempts are append-only');
END;
