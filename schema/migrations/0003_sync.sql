-- Doorstep store, migration 3: accounts, devices and sync.
-- One schema serves the endpoint and the device; each side leaves the
-- other's tables empty.

-- ── endpoint side ──────────────────────────────────────────────────────
CREATE TABLE users (
    id          BLOB PRIMARY KEY,
    org_id      BLOB NOT NULL REFERENCES organizations(id),
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'organizer', 'canvasser', 'phone_banker')),
    languages   TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL,
    UNIQUE (org_id, name)
);

-- Codes and tokens are stored only as SHA-256 hashes: a copy of this file
-- does not let anyone pair or sync.
CREATE TABLE pairing_codes (
    code_hash    BLOB PRIMARY KEY,
    org_id       BLOB NOT NULL REFERENCES organizations(id),
    user_id      BLOB NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    redeemed_at  TEXT
);

CREATE TABLE devices (
    id            BLOB PRIMARY KEY,
    org_id        BLOB NOT NULL REFERENCES organizations(id),
    user_id       BLOB NOT NULL REFERENCES users(id),
    token_hash    BLOB NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    revoked_at    TEXT,
    -- The highest outbox sequence number applied from this device.
    last_seq      INTEGER NOT NULL DEFAULT 0,
    last_seen_at  TEXT
);

CREATE TABLE list_assignments (
    list_id      BLOB NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
    user_id      BLOB NOT NULL REFERENCES users(id),
    assigned_at  TEXT NOT NULL,
    PRIMARY KEY (list_id, user_id)
) WITHOUT ROWID;

-- The organization's change log, in commit order. A row names what
-- changed; a pull serves the entity as it is now. `list_id` is set when
-- the change belongs to one list whatever happens later (memberships and
-- tombstones), so a device can still learn of it after the row is gone.
CREATE TABLE changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id     BLOB NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  BLOB NOT NULL,
    list_id    BLOB,
    deleted    INTEGER NOT NULL DEFAULT 0,
    at         TEXT NOT NULL
);
CREATE INDEX changes_org ON changes(org_id, seq);
CREATE INDEX changes_entity ON changes(entity_id);

-- Changes below `min_seq` have been pruned (the tombstone window); a device
-- whose cursor is older gets a fresh snapshot.
CREATE TABLE change_floor (
    org_id   BLOB PRIMARY KEY,
    min_seq  INTEGER NOT NULL
);

-- ── both sides ─────────────────────────────────────────────────────────
-- Last-writer-wins clocks, one per edited field (hybrid logical clocks,
-- compared as text).
CREATE TABLE field_versions (
    entity     TEXT NOT NULL,
    entity_id  BLOB NOT NULL,
    field      TEXT NOT NULL,
    hlc        TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, field)
) WITHOUT ROWID;

ALTER TABLE people ADD COLUMN deleted_at TEXT;

-- ── device side ────────────────────────────────────────────────────────
-- Every local change writes its outbox row in the same transaction.
-- AUTOINCREMENT: a sequence number is never reused, even after the rows
-- below it are acknowledged and deleted.
CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id       BLOB NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE device_state (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- One pull cursor per assigned list.
CREATE TABLE sync_scopes (
    list_id  BLOB PRIMARY KEY,
    cursor   TEXT NOT NULL
);

-- Door progress on a device: what happened at this door, on this list.
CREATE INDEX attempts_household ON attempts(household_id, attempted_at);
CREATE INDEX attempts_list ON attempts(list_id);

-- Re-indexing one person (a pulled or edited phone) finds their entries directly.
CREATE INDEX phone_index_person ON phone_index(person_rowid);
