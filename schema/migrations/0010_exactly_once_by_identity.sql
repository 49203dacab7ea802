-- Doorstep store, migration 10: exactly once by identity, roles, and ops
-- the endpoint refused for good.

-- ── endpoint side ──────────────────────────────────────────────────────
-- Every operation the endpoint applied, by its id. Sequence numbers alone
-- cannot tell a resent operation from a new one that reuses its number
-- (a device restored from a backup numbers again from where the backup
-- was), so an operation is applied once per id, whatever its number.
-- Keyed by the op id (a UUIDv7, so rows arrive nearly in key order).
CREATE TABLE applied_ops (
    op_id      BLOB PRIMARY KEY,
    device_id  BLOB NOT NULL,
    seq        INTEGER NOT NULL
) WITHOUT ROWID;

-- The user whose device added a person or a household in the field. A
-- canvasser may write to the people on their lists and to those they added.
ALTER TABLE people ADD COLUMN added_by BLOB;
ALTER TABLE households ADD COLUMN added_by BLOB;

-- Lists taken from a user lately. A shift's results still arrive after the
-- organizer moves the list to someone else, so for a while the user who
-- walked it may still write what they recorded there.
CREATE TABLE list_assignments_ended (
    list_id   BLOB NOT NULL,
    user_id   BLOB NOT NULL,
    ended_at  TEXT NOT NULL,
    PRIMARY KEY (list_id, user_id)
) WITHOUT ROWID;

-- ── device side ────────────────────────────────────────────────────────
-- Operations the endpoint refused for good (another organization's id, a
-- person not on the canvasser's lists). They leave the outbox so the rest
-- can go, but are kept here with the endpoint's reason: never dropped.
CREATE TABLE outbox_refused (
    op_id       BLOB PRIMARY KEY,
    kind        TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    refused_at  TEXT NOT NULL,
    status      INTEGER NOT NULL,
    reason      TEXT NOT NULL
);

-- ── endpoint side ──────────────────────────────────────────────────────
-- Operations of a push acknowledged while an import held the store (the
-- push inbox) that were refused when applied: kept with the reason for the
-- organizer, since the device already let them go.
CREATE TABLE refused_ops (
    op_id       BLOB PRIMARY KEY,
    device_id   BLOB NOT NULL,
    org_id      BLOB NOT NULL,
    seq         INTEGER NOT NULL,
    body        TEXT NOT NULL,
    refused_at  TEXT NOT NULL,
    status      INTEGER NOT NULL,
    reason      TEXT NOT NULL
);
