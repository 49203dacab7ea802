-- Doorstep store, migration 11: scripts in Fluent, survey skip logic, and
-- reviews of a script's languages by people who speak them.

-- The language every other is checked against, and whose message order is
-- the script's paragraph order. Empty for scripts loaded before.
ALTER TABLE scripts ADD COLUMN base_language TEXT NOT NULL DEFAULT '';

-- A language's Fluent source, when the script is written in Fluent; `body`
-- then holds it rendered for nobody in particular, for older devices.
ALTER TABLE script_texts ADD COLUMN fluent TEXT;

-- Skip logic as JSON, {"question": key, "equals": option key}; NULL: always asked.
ALTER TABLE survey_questions ADD COLUMN show_if TEXT;

-- A language of one version of a script, marked reviewed by a user who
-- speaks it. A new version starts unreviewed, except languages whose words
-- did not change. Devices receive the reviewed languages with the script
-- and know no reviewer (NULL there).
CREATE TABLE script_reviews (
    script_id    BLOB NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    language     TEXT NOT NULL,
    reviewer_id  BLOB,
    reviewed_at  TEXT NOT NULL,
    PRIMARY KEY (script_id, version, language)
) WITHOUT ROWID;
