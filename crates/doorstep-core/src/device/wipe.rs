//! Wiping a device: by hand (a phone passed to another volunteer), or by
//! itself when the endpoint says it was revoked (a lost phone). Everything
//! it holds goes: people, households, lists, scripts, attempts, its
//! identity and token. Work not yet acknowledged is first pushed where the
//! endpoint still takes it; what remains is kept for the organizer in an
//! encrypted export beside the store, `unsent-<time>.db`.

use super::api::DeviceStatus;
use super::{ApiResult, Device};
use crate::store;
use crate::sync::client::{self, SyncError};
use rusqlite::{Connection, params};

/// Why a device was wiped, as `DeviceStatus::wiped` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WipeReason {
    /// From the app or `doorstep device wipe`.
    ByHand,
    /// The endpoint refused the token: the organization revoked the device,
    /// or it went unused past the token's life.
    Revoked,
}

impl WipeReason {
    pub fn code(self) -> &'static str {
        match self {
            WipeReason::ByHand => "by_hand",
            WipeReason::Revoked => "revoked",
        }
    }
}

/// Whether a refused token means the device must wipe itself: revoked or
/// expired, not merely unknown (an endpoint restored from a backup older
/// than the pairing does not know it, and that is no reason to erase).
pub(super) fn refusal_wipes(err: &SyncError) -> bool {
    use crate::accounts::Refused;
    match err {
        SyncError::Unauthorized(message) => {
            message == Refused::Revoked.message() || message == Refused::Expired.message()
        }
        _ => false,
    }
}

impl Device {
    /// Unpairs and erases everything this device holds; says so in its status.
    pub fn wipe(&self, reason: WipeReason) -> ApiResult<DeviceStatus> {
        if reason == WipeReason::ByHand && self.identity().is_ok() && client::pending(self.store().conn())? > 0 {
            // Push first, where the endpoint still takes it. A refusal that
            // means revoked wipes from inside sync_now; the rest is exported.
            if let Err(e) = self.sync_now() {
                tracing::info!(error = %e, "the work not yet sent could not be pushed before the wipe; exporting it");
            }
            if client::state_get(self.store().conn(), "wiped")?.is_some() {
                // The endpoint said revoked, and the device wiped itself.
                return self.status();
            }
        }
        // No sync while the rows go.
        let _sync = self.sync_store.lock().unwrap_or_else(|e| e.into_inner());
        let mut store = self.store();
        let export = self.export_unsent(store.conn())?;
        let tx = store.conn_mut().transaction()?;
        erase(&tx)?;
        let note = serde_json::json!({
            "reason": reason.code(),
            "at": crate::store::now_text(),
            "unsent_export": export.as_ref().map(|p| p.display().to_string()),
        });
        client::state_set(&tx, "wiped", &note.to_string())?;
        tx.commit()?;
        // Rewrites the file without the freed pages, and the log with it.
        store.conn().execute_batch("VACUUM")?;
        store.conn().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        drop(store);
        tracing::warn!(reason = reason.code(), exported = export.is_some(), "device wiped");
        self.status()
    }

    /// Copies the outbox (and what the endpoint refused) to an encrypted
    /// file with the store's own key, for the organizer; None when nothing
    /// is left unsent.
    fn export_unsent(&self, conn: &Connection) -> ApiResult<Option<std::path::PathBuf>> {
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        if count("SELECT count(*) FROM outbox")? + count("SELECT count(*) FROM outbox_refused")? == 0 {
            return Ok(None);
        }
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let path = self.home.join(format!("unsent-{stamp}.db"));
        std::fs::File::create(&path).map_err(|e| crate::error::Error::io(&path, e))?;
        store::owner_only(&path)?;
        let identity = client::identity(conn)?;
        conn.execute("ATTACH DATABASE ?1 AS unsent KEY ?2", params![path.to_string_lossy(), self.key.as_sql_value()])?;
        let copied = conn.execute_batch(
            "PRAGMA unsent.cipher_page_size = 16384;
             CREATE TABLE unsent.outbox AS SELECT * FROM main.outbox;
             CREATE TABLE unsent.outbox_refused AS SELECT * FROM main.outbox_refused;
             CREATE TABLE unsent.device (device_id TEXT, org TEXT, user TEXT, server_url TEXT, exported_at TEXT);",
        )
        .and_then(|_| {
            // Who made the work, never the token.
            conn.execute(
                "INSERT INTO unsent.device VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    identity.as_ref().map(|i| i.device_id.to_string()),
                    identity.as_ref().map(|i| i.org.name.clone()),
                    identity.as_ref().map(|i| i.user.name.clone()),
                    identity.as_ref().map(|i| i.server_url.clone()),
                    crate::store::now_text()
                ],
            )
        });
        conn.execute_batch("DETACH DATABASE unsent")?;
        copied?;
        Ok(Some(path))
    }
}

/// Empties every table but the migrations' record, and keeps of the
/// device's state only the canvasser's settings. Full-text indexes are
/// cleared whole (their segments would keep the names otherwise).
fn erase(tx: &Connection) -> rusqlite::Result<()> {
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let (virtual_tables, tables): (Vec<(String, bool)>, Vec<(String, bool)>) = tx
        .prepare(
            "SELECT m.name, m.sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_master m
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
               AND m.name NOT IN ('schema_migrations', 'device_state')
               -- a full-text index's own tables go with it
               AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
                               AND m.name LIKE v.name || '\\_%' ESCAPE '\\')",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .partition(|(_, is_virtual)| *is_virtual);
    for (name, _) in virtual_tables {
        tx.execute(&format!("INSERT INTO \"{name}\"(\"{name}\") VALUES ('delete-all')"), [])?;
    }
    for (name, _) in tables {
        tx.execute(&format!("DELETE FROM \"{name}\""), [])?;
    }
    tx.execute("DELETE FROM device_state WHERE key <> 'settings'", [])?;
    Ok(())
}
