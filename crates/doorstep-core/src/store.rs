//! The local SQLite store: the one place a store is opened, its migrations,
//! and the organization lookups every command starts with.
//!
//! The same store serves the organizer's data directory, the central
//! endpoint's embedded backend and a device. Opening always goes through
//! [`Store::open`] or [`Store::open_keyed`], so a store's key (SQLCipher) is
//! applied in exactly one place, before any other statement: a device's
//! store is always encrypted ([`key`]), an endpoint's when
//! `DOORSTEP_STORE_KEY` is set.

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
    /// up to date. A device's store (a [`key::KEY_FILE`] beside it) is
    /// opened with the device's key; any other with `DOORSTEP_STORE_KEY`
    /// when that is set.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_at_version(path, None)
    }

    /// Opens a store but applies migrations only up to `version`; tests use
    /// it to make a store as an older Doorstep would have left it.
    pub fn open_at_version(path: &Path, version: Option<u32>) -> Result<Store> {
        let key = match path.parent().filter(|d| d.join(key::KEY_FILE).exists()) {
            Some(home) => Some(key::device_key(home, None)?),
            None => StoreKey::from_env()?,
        };
        Self::open_keyed_at_version(path, key.as_ref(), version)
    }

    /// Opens the store at `path` with `key` (None: not encrypted).
    pub fn open_keyed(path: &Path, key: Option<&StoreKey>) -> Result<Store> {
        Self::open_keyed_at_version(path, key, None)
    }

    fn open_keyed_at_version(path: &Path, key: Option<&StoreKey>, version: Option<u32>) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open(path)?;
        // Asked of SQLite, not by reading the file's header here: closing
        // any other descriptor of the file drops every POSIX lock this
        // process holds on it, and with them the locks of the endpoint's
        // other connections (another process then checkpointed and removed
        // the WAL under them, and the endpoint's later commits were lost).
        if key.is_none()
            && let Err(rusqlite::Error::SqliteFailure(f, _)) = conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
            && f.code == rusqlite::ErrorCode::NotADatabase
        {
            return Err(Error::Invalid(format!("{}: the store is encrypted and no key was given: set {STORE_KEY_VAR}", path.display())));
        }
        if let Some(key) = key {
            key.apply(&conn)?;
            // The first read is where a wrong key shows: say so, not "file
            // is not a database".
            if let Err(e) = conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(())) {
                return Err(Error::Invalid(format!(
                    "{}: the key does not open this store (a wrong PIN or DOORSTEP_STORE_KEY, or a store that is not encrypted): {e}",
                    path.display()
                )));
            }
        }
        Self::prepare(conn, version)
    }

    /// A bare keyed connection to an SQLCipher file, with no migrations:
    /// for reading an export of unsent work (`unsent-*.db`) as it was written.
    pub fn connect_keyed(path: &Path, key: &StoreKey) -> Result<Connection> {
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        key.apply(&conn)?;
        Ok(conn)
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

/// The key a store is encrypted with (SQLCipher), as `PRAGMA key` takes it.
pub struct StoreKey(zeroize::Zeroizing<String>);

/// The environment variable that encrypts an endpoint's (or an organizer's)
/// store; a device's key comes from its keychain or PIN instead.
pub const STORE_KEY_VAR: &str = "DOORSTEP_STORE_KEY";

impl StoreKey {
    /// 32 random or derived bytes, used as they are: SQLCipher runs its own
    /// key derivation (256,000 rounds of PBKDF2, per connection) only on a
    /// passphrase, and a device opens two connections at every start.
    pub fn raw(bytes: &[u8; 32]) -> StoreKey {
        use std::fmt::Write;
        let mut hex = zeroize::Zeroizing::new(String::with_capacity(67));
        hex.push_str("x'");
        for b in bytes {
            write!(hex, "{b:02X}").expect("writing to a string");
        }
        hex.push('\'');
        StoreKey(hex)
    }

    /// A passphrase, which SQLCipher stretches itself.
    pub fn passphrase(phrase: &str) -> StoreKey {
        StoreKey(zeroize::Zeroizing::new(phrase.to_owned()))
    }

    /// `DOORSTEP_STORE_KEY`, when set.
    pub fn from_env() -> Result<Option<StoreKey>> {
        match std::env::var(STORE_KEY_VAR) {
            Ok(v) if v.is_empty() => Ok(None),
            Ok(v) => Ok(Some(StoreKey::passphrase(&v))),
            Err(std::env::VarError::NotPresent) => Ok(None),
            Err(std::env::VarError::NotUnicode(_)) => Err(Error::Invalid(format!("{STORE_KEY_VAR} is not valid UTF-8"))),
        }
    }

    /// Keys `conn`, before any other statement touches it.
    fn apply(&self, conn: &Connection) -> Result<()> {
        conn.pragma_update(None, "key", self.0.as_str())?;
        // The page size is inside the encrypted header, so it must be said
        // before the first read, the same every time: 16 KiB as for plain
        // stores (see `prepare`).
        conn.execute_batch("PRAGMA cipher_page_size = 16384;")?;
        Ok(())
    }

    /// As the KEY clause of ATTACH takes it.
    pub(crate) fn as_sql_value(&self) -> &str {
        self.0.as_str()
    }
}

/// Whether the file at `path` is a plain (unencrypted) SQLite database.
pub fn is_plain_sqlite(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header)).is_ok() && &header == b"SQLite format 3\0"
}

/// Makes a file readable and writable by its owner only.
pub fn owner_only(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(|e| Error::io(path, e))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
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

/// A device store's key: kept in the OS keychain where there is one, else
/// derived from the canvasser's PIN with Argon2id. What says which (and the
/// PIN's salt; never the key) is [`KEY_FILE`] beside the store.
pub mod key {
    use super::{StoreKey, owner_only};
    use crate::error::{Error, Result};
    use base64::Engine;
    use serde::{Deserialize, Serialize};
    use std::path::Path;
    use zeroize::Zeroizing;

    /// Beside a device's store: where its key comes from.
    pub const KEY_FILE: &str = "key.json";
    /// Where a headless device (no keychain: CI, a server, tests) takes its PIN.
    pub const PIN_VAR: &str = "DOORSTEP_DEVICE_PIN";
    const KEYCHAIN_SERVICE: &str = "Doorstep device store";
    /// OWASP's smallest Argon2id setting (19 MiB, 2 passes): about 50 ms on a
    /// cheap phone. A PIN has little entropy whatever the cost; the keychain
    /// is the strong path, and a lost phone is revoked (README).
    const MEMORY_KIB: u32 = 19 * 1024;
    const PASSES: u32 = 2;
    const SHORTEST_PIN: usize = 4;

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "source", rename_all = "snake_case")]
    enum Source {
        /// A random key in the OS keychain, under this account name.
        Keychain { account: String },
        /// Derived from the PIN with Argon2id over this salt (base64).
        Pin { salt: String, memory_kib: u32, passes: u32 },
    }

    /// The PIN in `DOORSTEP_DEVICE_PIN`, if set.
    pub fn pin_from_env() -> Option<Zeroizing<String>> {
        std::env::var(PIN_VAR).ok().filter(|p| !p.is_empty()).map(Zeroizing::new)
    }

    fn read_source(home: &Path) -> Result<Option<Source>> {
        let path = home.join(KEY_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| Error::Invalid(format!("{}: unreadable ({e})", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    fn write_source(home: &Path, source: &Source) -> Result<()> {
        let path = home.join(KEY_FILE);
        let tmp = home.join(format!("{KEY_FILE}.new"));
        std::fs::write(&tmp, serde_json::to_vec_pretty(source).expect("serializable")).map_err(|e| Error::io(&tmp, e))?;
        owner_only(&tmp)?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
    }

    fn no_pin(home: &Path) -> Error {
        Error::Invalid(format!(
            "the device store in {} is locked with a PIN and no PIN was given: set {PIN_VAR} (there is no keychain to hold the key here)",
            home.display()
        ))
    }

    /// Whether opening the device in `home` needs a PIN no one has given
    /// yet: the app then asks for it before it opens the store.
    pub fn pin_needed(home: &Path) -> bool {
        if pin_from_env().is_some() {
            return false;
        }
        match read_source(home) {
            Ok(Some(Source::Pin { .. })) => true,
            Ok(Some(Source::Keychain { .. })) | Err(_) => false,
            Ok(None) => !keychain_usable(),
        }
    }

    /// The key of the device store in `home`, made (with [`KEY_FILE`]) for a
    /// new one. `pin` is one the canvasser typed; without one it comes from
    /// `DOORSTEP_DEVICE_PIN`. A new store takes the PIN when one is given,
    /// else the keychain; with neither it is refused, saying so.
    pub fn device_key(home: &Path, pin: Option<&str>) -> Result<StoreKey> {
        let env_pin = pin_from_env();
        let pin = pin.or(env_pin.as_deref().map(String::as_str));
        match read_source(home)? {
            Some(Source::Pin { salt, memory_kib, passes }) => {
                let salt = base64::engine::general_purpose::STANDARD
                    .decode(&salt)
                    .map_err(|e| Error::Invalid(format!("{}: the salt is unreadable ({e})", home.join(KEY_FILE).display())))?;
                derive(pin.ok_or_else(|| no_pin(home))?, &salt, memory_kib, passes)
            }
            Some(Source::Keychain { account }) => {
                let entry = keyring::Entry::new(KEYCHAIN_SERVICE, &account).map_err(keychain_error)?;
                let hex = Zeroizing::new(entry.get_password().map_err(|e| {
                    Error::Invalid(format!("the key of the device store in {} is in the keychain, which did not give it: {e}", home.display()))
                })?);
                Ok(StoreKey::raw(&from_hex(&hex)?))
            }
            None if pin.is_some() => {
                let pin = pin.expect("checked");
                check_pin(pin)?;
                let salt: [u8; 16] = rand::random();
                let key = derive(pin, &salt, MEMORY_KIB, PASSES)?;
                write_source(home, &Source::Pin {
                    salt: base64::engine::general_purpose::STANDARD.encode(salt),
                    memory_kib: MEMORY_KIB,
                    passes: PASSES,
                })?;
                Ok(key)
            }
            None => {
                let account = keychain_account(home)?;
                let key = Zeroizing::new(rand::random::<[u8; 32]>());
                let hex = Zeroizing::new(key.iter().map(|b| format!("{b:02x}")).collect::<String>());
                let stored = keyring::Entry::new(KEYCHAIN_SERVICE, &account)
                    .and_then(|e| e.set_password(&hex))
                    .map_err(keychain_error)
                    .and_then(|_| keychain_works(&account));
                if let Err(e) = stored {
                    return Err(Error::Invalid(format!(
                        "no keychain can hold the key of the device store in {} ({e}): set {PIN_VAR} to lock it with a PIN",
                        home.display()
                    )));
                }
                write_source(home, &Source::Keychain { account })?;
                Ok(StoreKey::raw(&key))
            }
        }
    }

    /// Forgets the key: the keychain entry, and the file that says where it is.
    pub fn forget(home: &Path) -> Result<()> {
        if let Some(Source::Keychain { account }) = read_source(home)? {
            // Gone already is fine.
            let _ = keyring::Entry::new(KEYCHAIN_SERVICE, &account).and_then(|e| e.delete_credential());
        }
        match std::fs::remove_file(home.join(KEY_FILE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(home.join(KEY_FILE), e)),
            _ => Ok(()),
        }
    }

    /// Whether the device in `home` is locked with a PIN (not the keychain).
    pub fn uses_pin(home: &Path) -> bool {
        matches!(read_source(home), Ok(Some(Source::Pin { .. })))
    }

    /// Whether `pin` opens the device in `home` (for the idle lock; with a
    /// keychain there is no PIN, and nothing to check).
    pub fn pin_matches(home: &Path, pin: &str, key: &StoreKey) -> Result<bool> {
        match read_source(home)? {
            Some(Source::Pin { .. }) => {
                let typed = device_key(home, Some(pin))?;
                Ok(subtle_eq(typed.as_sql_value().as_bytes(), key.as_sql_value().as_bytes()))
            }
            _ => Ok(true),
        }
    }

    fn subtle_eq(a: &[u8], b: &[u8]) -> bool {
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }

    fn check_pin(pin: &str) -> Result<()> {
        if pin.chars().count() < SHORTEST_PIN {
            return Err(Error::Invalid(format!("a PIN needs at least {SHORTEST_PIN} characters")));
        }
        Ok(())
    }

    fn derive(pin: &str, salt: &[u8], memory_kib: u32, passes: u32) -> Result<StoreKey> {
        let params = argon2::Params::new(memory_kib, passes, 1, Some(32)).map_err(|e| Error::Invalid(format!("Argon2 settings: {e}")))?;
        let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut key = Zeroizing::new([0u8; 32]);
        argon.hash_password_into(pin.as_bytes(), salt, key.as_mut()).map_err(|e| Error::Invalid(format!("deriving the key: {e}")))?;
        Ok(StoreKey::raw(&key))
    }

    fn keychain_account(home: &Path) -> Result<String> {
        let home = std::fs::canonicalize(home).map_err(|e| Error::io(home, e))?;
        Ok(home.display().to_string())
    }

    /// Whether a fresh handle reads back what was stored: a keychain that
    /// only pretends (keyring's in-memory stand-in where no platform store
    /// exists) keeps nothing across handles, and a key kept nowhere would
    /// lose the store at the next start.
    fn keychain_works(account: &str) -> Result<()> {
        keyring::Entry::new(KEYCHAIN_SERVICE, account)
            .and_then(|e| e.get_password())
            .map(drop)
            .map_err(keychain_error)
    }

    /// Whether a keychain is here: a probe entry written, read back through
    /// another handle, then removed.
    fn keychain_usable() -> bool {
        const PROBE: &str = "doorstep keychain probe";
        let written = keyring::Entry::new(KEYCHAIN_SERVICE, PROBE).and_then(|e| e.set_password("probe"));
        let ok = written.is_ok() && keyring::Entry::new(KEYCHAIN_SERVICE, PROBE).and_then(|e| e.get_password()).is_ok_and(|p| p == "probe");
        let _ = keyring::Entry::new(KEYCHAIN_SERVICE, PROBE).and_then(|e| e.delete_credential());
        ok
    }

    fn keychain_error(e: keyring::Error) -> Error {
        Error::Invalid(format!("keychain: {e}"))
    }

    fn from_hex(hex: &str) -> Result<[u8; 32]> {
        let bad = || Error::Invalid("the keychain holds no valid key for this device store".into());
        if hex.len() != 64 {
            return Err(bad());
        }
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate() {
            *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
        }
        Ok(out)
    }
}
