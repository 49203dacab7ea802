-- Doorstep store, migration 4: finding a list's member changes.
-- A pull sends an attempt without its person unless the person joined the
-- list later in the log, which it looks up here. Nothing looked changes up
-- by entity id, so that index goes: one fewer write per change.
DROP INDEX changes_entity;
CREATE INDEX changes_list ON changes(list_id, seq) WHERE list_id IS NOT NULL;
