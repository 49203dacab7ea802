//! The local SQLite store: the one place a store is opened, its migrations,
//! and the organization lookups every command starts with.
//!
//! The same store serves the organizer's data directory, the central
//! endpoint's embedded backend and a device. Opening always goes through
//! [`Store::open`], so that when the device store becomes encrypted the key
//! is applied in exactly one place, before any other statement.

use crate::domain::{Organization, new_id};
use crate::error::{Error, Result};
use crate::fold;
use rusqlite::{Connection, OptionalExtension, functions::FunctionFlags, params};
use std::path::Path;
use uuid::Uuid;

/// The numbered migrations under `schema/migrations`, in order. A store
/// records each one it has applied and applies the rest when opened.
pub const MIGRATIONS: &[(u32, &str, &str)] = &[
    (1, "domain", include_str!("../../../schema/migrations/0001_domain.sql")),
    (2, "search", include_str!("../../../schema/migrations/0002_search.sql")),
    (3, "sync", include_str!("../../../schema/migrations/0003_sync.sql")),
    (4, "member_changes", include_str!("../../../schema/migrations/0004_member_changes.sql")),
    (5, "attempts_by_id", include_str!("../../../schema/migrations/0005_attempts_by_id.sql")),
    (6, "attempts_without_list_index", include_str!("../../../schema/migrations/0006_attempts_without_list_index.sql")),
    (7, "attempts_checked_on_entry", include_str!("../../../schema/migrations/0007_attempts_checked_on_entry.sql")),
    (8, "door_attempts_by_residents", include_str!("../../../schema/migrations/0008_door_attempts_by_residents.sql")),
    (9, "door_attempts_view", include_str!("../../../schema/migrations/0009_door_attempts_view.sql")),
    (10, "exactly_once_by_identity", include_str!("../../../schema/migrations/0010_exactly_once_by_identity.sql")),
    (11, "script_reviews", include_str!("../../../schema/migrations/0011_script_reviews.sql")),
    (12, "device_names", include_str!("../../../schema/migrations/0012_device_names.sql")),
];

pub struct Store {
    conn: Connection,
}

/// Which side of sync a store is on. The two keep the same tables but ask
/// different questions of attempts, and every index on attempts costs a
/// B-tree insert (into a tree keyed at random, for people and doors) for
/// each attempt pushed or pulled, most of what sync writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A phone: shows a person's attempts, and a door's through its people
    /// and the attempts made for the door as a whole.
    Device,
    /// The central endpoint (and the organizer's tools on its store): lists
    /// an organization's attempts, and a person's for a list snapshot.
    Endpoint,
}

/// Attempt indexes only one side's queries use, with how to make them.
const ONE_SIDED_INDEXES: &[(&str, Side, &str)] = &[
    ("attempts_door", Side::Device, "CREATE INDEX IF NOT EXISTS attempts_door ON attempts(household_id) WHERE person_id IS NULL"),
    ("attempts_org", Side::Endpoint, "CREATE INDEX IF NOT EXISTS attempts_org ON attempts(org_id, attempted_at)"),
];

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema
    /// up to date.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_at_version(path, None)
    }

    /// Opens a store but applies migrations only up to `version`; tests use
    /// it to make a store as an older Doorstep would have left it.
    pub fn open_at_version(path: &Path, version: Option<u32>) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open(path)?;
        Self::prepare(conn, version)
    }

    pub fn open_in_memory() -> Result<Store> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, version: Option<u32>) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // 16 KiB pages, for stores made from now on (a store keeps the page
        // size it was made with). Attempts and people are written in
        // thousands and their rows are long: larger pages split and
        // rebalance less often, and made imports and both ends of a sync
        // about a tenth faster, and name search no slower.
        conn.execute_batch(
            "PRAGMA page_size = 16384;
             PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -16384;",
        )?;
        register_functions(&conn)?;
        migrate(&mut conn, version)?;
        Ok(Store { conn })
    }

    /// Keeps the attempt indexes `side` uses and drops the ones it never
    /// does; a store the other side made gets what this side needs.
    pub fn fit_to(&self, side: Side) -> Result<()> {
        for (name, used_by, create) in ONE_SIDED_INDEXES {
            if *used_by == side {
                self.conn.execute_batch(create)?;
            } else {
                self.conn.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
            }
        }
        Ok(())
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self.conn.query_row("SELECT coalesce(max(version), 0) FROM schema_migrations", [], |r| r.get(0))?)
    }

    pub fn create_org(&self, name: &str) -> Result<Organization> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Invalid("an organization needs a name".into()));
        }
        let org = Organization { id: new_id(), name: name.to_owned() };
        self.conn
            .execute(
                "INSERT INTO organizations(id, name, created_at) VALUES (?1, ?2, ?3)",
                params![org.id, org.name, now_text()],
            )
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                    Error::Invalid(format!("an organization named {name:?} already exists"))
                }
                e => e.into(),
            })?;
        Ok(org)
    }

    pub fn orgs(&self) -> Result<Vec<Organization>> {
        let mut stmt = self.conn.prepare("SELECT id, name FROM organizations ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok(Organization { id: r.get(0)?, name: r.get(1)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Finds an organization by id or name. With no key it is the store's
    /// only organization, and an error names the choices when there are several.
    pub fn resolve_org(&self, key: Option<&str>) -> Result<Organization> {
        match key {
            Some(key) => {
                let by_id = Uuid::parse_str(key).ok();
                self.conn
                    .query_row(
                        "SELECT id, name FROM organizations WHERE id = ?1 OR name = ?2",
                        params![by_id, key],
                        |r| Ok(Organization { id: r.get(0)?, name: r.get(1)? }),
                    )
                    .optional()?
                    .ok_or_else(|| Error::NotFound { what: "organization", key: key.to_owned() })
            }
            None => {
                let mut orgs = self.orgs()?;
                match orgs.len() {
                    1 => Ok(orgs.remove(0)),
                    0 => Err(Error::Invalid("the store holds no organization yet; create one or import a file".into())),
                    _ => Err(Error::Invalid(format!(
                        "the store holds {} organizations ({}); pick one with --org",
                        orgs.len(),
                        orgs.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(", ")
                    ))),
                }
            }
        }
    }

    /// The organization to import into: the named one, else the only one,
    /// else a new one when the store is empty.
    pub fn org_for_import(&self, key: Option<&str>, default_name: &str) -> Result<Organization> {
        if key.is_none() && self.orgs()?.is_empty() {
            return self.create_org(default_name);
        }
        self.resolve_org(key)
    }
}

pub(crate) fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// SQL functions the migrations and triggers call, so that SQL and Rust
/// index with one implementation.
fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("doorstep_search_terms", 4, flags, |ctx| {
        let s = |i| ctx.get::<Option<String>>(i).map(|v| v.unwrap_or_default());
        Ok(fold::search_terms(&s(0)?, &s(1)?, &s(2)?, &s(3)?))
    })?;
    conn.create_scalar_function("doorstep_phone_digits", 1, flags, |ctx| {
        Ok(fold::phone_digits(&ctx.get::<Option<String>>(0)?.unwrap_or_default()))
    })?;
    conn.create_scalar_function("doorstep_address_terms", 5, flags, |ctx| {
        let s = |i| ctx.get::<Option<String>>(i).map(|v| v.unwrap_or_default());
        Ok(fold::address_terms(&s(0)?, &s(1)?, &s(2)?, &s(3)?, &s(4)?))
    })?;
    Ok(())
}

fn migrate(conn: &mut Connection, up_to: Option<u32>) -> Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version     INTEGER PRIMARY KEY,
             name        TEXT NOT NULL,
             applied_at  TEXT NOT NULL
         )",
    )?;
    let current: u32 =
        conn.query_row("SELECT coalesce(max(version), 0) FROM schema_migrations", [], |r| r.get(0))?;
    let newest = MIGRATIONS.last().map(|m| m.0).unwrap_or(0);
    if current > newest {
        return Err(Error::Invalid(format!(
            "this store was written by a newer Doorstep (schema {current}; this one knows up to {newest})"
        )));
    }
    for (version, name, sql) in MIGRATIONS {
        if *version <= current || up_to.is_some_and(|v| *version > v) {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql).map_err(|e| Error::Invalid(format!("migration {version} ({name}) failed: {e}")))?;
        tx.execute(
            "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?1, ?2, ?3)",
            params![version, name, now_text()],
        )?;
        tx.commit()?;
        tracing::info!(version, name, "applied migration");
    }
    Ok(())
}
