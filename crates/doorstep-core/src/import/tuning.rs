//! Settings of the store for the length of one import: a larger page
//! cache, no foreign-key checks, a rollback journal and indexes rebuilt at
//! the end when the store is empty. Each is put back afterwards.

use crate::error::Result;
use rusqlite::OptionalExtension;

/// Page cache while importing, and while building indexes at the end.
pub(super) const IMPORT_CACHE: &str = "-32768";
pub(super) const INDEX_BUILD_CACHE: &str = "-16384";

/// A store no device could be reading: nobody in it, and no device paired
/// with it. Only such a store is imported into as a bulk load (rollback
/// journal, indexes rebuilt at the end). A store with paired devices is
/// live even while `doorstep serve` is down: an endpoint started during a
/// rollback-journal import could not open it until the import ended.
pub(super) const EMPTY_STORE: &str = "SELECT NOT EXISTS (SELECT 1 FROM people) AND NOT EXISTS (SELECT 1 FROM devices)";

/// Secondary indexes an import into an empty store rebuilds at the end;
/// `people_org` is kept, since rows arrive in its order. They must match
/// `schema/migrations` exactly.
pub(super) const DROP_BULK_INDEXES: &str = "DROP INDEX people_household; DROP INDEX external_ids_person; DROP INDEX households_precinct;
     DROP INDEX phone_index_person;";
pub(super) const CREATE_BULK_INDEXES: &str = "CREATE INDEX people_household ON people(household_id);
     CREATE INDEX external_ids_person ON external_ids(person_id);
     CREATE INDEX phone_index_person ON phone_index(person_rowid);
     CREATE INDEX households_precinct ON households(org_id, precinct);";

/// Connection settings for the length of one import, put back afterwards
/// whether or not it succeeds.
pub(super) struct BulkSettings {
    /// `PRAGMA` statements that restore the settings, in order.
    pub(super) restore: Vec<String>,
}

impl BulkSettings {
    pub(super) fn apply(conn: &rusqlite::Connection, empty_store: bool) -> Result<BulkSettings> {
        let mut settings = BulkSettings { restore: Vec::new() };
        // A larger page cache than interactive use needs; bounded, so memory
        // does not grow with the file. More did not make imports faster.
        settings.set(conn, "cache_size", IMPORT_CACHE)?;
        // The writer makes every reference it writes (organization,
        // household, person) itself, in the same transaction; checking each
        // one again costs a B-tree lookup per row.
        settings.set(conn, "foreign_keys", "OFF")?;
        // Building an index sorts it. With temporary storage in memory the
        // whole sort is held there, growing with the file, and on one
        // thread; on disk it spills sorted runs and may sort them on a
        // second thread, while the reader thread has nothing left to do.
        settings.set(conn, "temp_store", "FILE")?;
        settings.set(conn, "threads", "1")?;
        if empty_store {
            // Into an empty store nobody else is reading yet, and in WAL mode
            // every page would be written twice (to the log, then to the
            // database at the checkpoint). A rollback journal writes each
            // page once and holds only the few pages the store had before.
            // If another connection has the store open this fails at once,
            // and the import goes ahead in WAL mode.
            let old = pragma(conn, "journal_mode")?;
            let wait = pragma(conn, "busy_timeout")?;
            conn.execute_batch("PRAGMA busy_timeout = 0")?;
            let new = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0));
            conn.execute_batch(&format!("PRAGMA busy_timeout = {wait}"))?;
            if new.is_ok_and(|mode| mode != old) {
                settings.restore.push(format!("PRAGMA journal_mode = {old}"));
            }
        }
        settings.restore.reverse();
        Ok(settings)
    }

    pub(super) fn set(&mut self, conn: &rusqlite::Connection, name: &str, value: &str) -> Result<()> {
        let old = pragma(conn, name)?;
        conn.execute_batch(&format!("PRAGMA {name} = {value}"))?;
        self.restore.push(format!("PRAGMA {name} = {old}"));
        Ok(())
    }

    pub(super) fn restore(self, conn: &rusqlite::Connection) -> Result<()> {
        for statement in &self.restore {
            // journal_mode answers with a row; the others with none.
            let restored = conn.query_row(statement, [], |_| Ok(())).optional();
            if statement.contains("journal_mode") {
                // If another connection opened the store during the import,
                // this may fail; the store then stays in rollback mode until
                // it is next opened (`Store::open` asks for WAL). The import
                // itself is already committed or rolled back.
                if let Err(e) = restored {
                    tracing::warn!(error = %e, "could not return the store to its journal mode");
                }
                continue;
            }
            restored?;
        }
        Ok(())
    }
}

/// A setting's current value, as `PRAGMA name = value` takes it.
pub(super) fn pragma(conn: &rusqlite::Connection, name: &str) -> Result<String> {
    Ok(conn.query_row(&format!("PRAGMA {name}"), [], |r| {
        Ok(match r.get::<_, rusqlite::types::Value>(0)? {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
    })?)
}

