//! The push inbox: where the endpoint keeps a push it has acknowledged
//! while someone else (an organizer's import, in another process) holds the
//! store's write lock.
//!
//! A push must never wait for an import, which holds the lock for the whole
//! file, and an acknowledged push must never be lost. So the batch goes to a
//! small SQLite file of its own, `inbox.db`, whose commits reach the disk
//! before the endpoint answers (`synchronous = FULL`), and a background
//! thread moves it into the store, oldest first, once the lock is free.
//! Moving is "apply, then delete": applying a batch twice is harmless, since
//! the endpoint skips the sequence numbers and op ids it has seen, so a
//! crash between the two costs nothing.

use anyhow::{Context, Result};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use uuid::Uuid;

/// Batches are JSON of a few kilobytes; zstd's fastest level already
/// shrinks them severalfold, and the push waits for it.
const ZSTD_LEVEL: i32 = 1;

/// The inbox is this process's alone; only its own threads ever contend,
/// and they take turns on one connection.
const BUSY_TIMEOUT: Duration = Duration::from_millis(250);

/// Longest pause between drain attempts after one failed.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// One acknowledged push waiting for the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedPush {
    /// Arrival order: a later push has a larger id, never a reused one.
    pub id: i64,
    pub device_id: Uuid,
    pub org_id: Uuid,
    pub user_id: Uuid,
    pub first_seq: i64,
    pub last_seq: i64,
    /// The push's ops as JSON, as the endpoint wrote them.
    pub ops_json: Vec<u8>,
}

/// What applying one queued push came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrainStep {
    /// It is in the store: delete it from the inbox and go on.
    Applied,
    /// The store's write lock is still held by someone else: keep it, and
    /// stop for now.
    Busy,
}

pub struct Inbox {
    conn: Mutex<Connection>,
    path: PathBuf,
    /// Entries held: kept in step under `conn`'s lock, so that `is_empty`,
    /// asked by every push, costs no query.
    queued: AtomicUsize,
}

impl Inbox {
    /// Opens (or creates) `dir/inbox.db`.
    pub fn open(dir: &Path) -> Result<Inbox> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join("inbox.db");
        let conn = Connection::open(&path).with_context(|| format!("opening {}", path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        anyhow::ensure!(mode.eq_ignore_ascii_case("wal"), "{}: could not use write-ahead logging (journal mode {mode})", path.display());
        // An acknowledged push must survive a power loss: every commit
        // waits for the disk.
        conn.execute_batch(
            "PRAGMA synchronous = FULL;
             CREATE TABLE IF NOT EXISTS pushes (
                 id         INTEGER PRIMARY KEY AUTOINCREMENT,
                 device_id  BLOB NOT NULL,
                 org_id     BLOB NOT NULL,
                 user_id    BLOB NOT NULL,
                 first_seq  INTEGER NOT NULL,
                 last_seq   INTEGER NOT NULL,
                 ops_zstd   BLOB NOT NULL
             );
             CREATE INDEX IF NOT EXISTS pushes_device ON pushes(device_id, last_seq);",
        )
        .with_context(|| format!("preparing {}", path.display()))?;
        let queued: i64 = conn.query_row("SELECT count(*) FROM pushes", [], |r| r.get(0))?;
        if queued > 0 {
            tracing::info!(queued, "push inbox holds batches from before a restart");
        }
        Ok(Inbox { conn: Mutex::new(conn), path, queued: AtomicUsize::new(queued as usize) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues one push; once this returns, it is on the disk and may be
    /// acknowledged. `ops_json` is the JSON of the ops to apply.
    ///
    /// Each call is atomic on its own, but checking a push's sequence
    /// numbers against [`queued_through`](Self::queued_through) and then
    /// appending it is not: the caller keeps one device's pushes from
    /// interleaving between the two.
    pub fn append(&self, device_id: Uuid, org_id: Uuid, user_id: Uuid, first_seq: i64, last_seq: i64, ops_json: &[u8]) -> Result<()> {
        anyhow::ensure!(first_seq <= last_seq, "queued push: first sequence number {first_seq} is past the last, {last_seq}");
        let compressed = zstd::bulk::compress(ops_json, ZSTD_LEVEL).context("compressing a queued push")?;
        let conn = self.conn();
        conn.prepare_cached(
            "INSERT INTO pushes (device_id, org_id, user_id, first_seq, last_seq, ops_zstd) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![device_id, org_id, user_id, first_seq, last_seq, compressed])
        .with_context(|| format!("queueing a push in {}", self.path.display()))?;
        self.queued.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    /// The highest sequence number of `device_id` waiting here, if any: the
    /// device's last applied number as far as it is concerned.
    pub fn queued_through(&self, device_id: Uuid) -> Result<Option<i64>> {
        if self.is_empty() {
            return Ok(None);
        }
        Ok(self.conn().prepare_cached("SELECT max(last_seq) FROM pushes WHERE device_id = ?1")?.query_row([device_id], |r| r.get(0))?)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Pushes waiting.
    pub fn len(&self) -> usize {
        self.queued.load(Ordering::SeqCst)
    }

    /// Hands out queued pushes oldest first until the inbox is empty or
    /// `apply` answers [`DrainStep::Busy`]; returns how many were applied.
    ///
    /// A push leaves the inbox only after `apply` returned `Applied`. If it
    /// fails, the push stays, draining stops, and the error is returned:
    /// a later push of the same device must not overtake it. The inbox is
    /// not locked while `apply` runs, so pushes keep queueing meanwhile.
    pub fn drain(&self, mut apply: impl FnMut(&QueuedPush) -> Result<DrainStep>) -> Result<usize> {
        let mut applied = 0;
        while let Some(push) = self.oldest()? {
            match apply(&push)? {
                DrainStep::Busy => break,
                DrainStep::Applied => {
                    let conn = self.conn();
                    let deleted = conn.prepare_cached("DELETE FROM pushes WHERE id = ?1")?.execute([push.id])?;
                    if deleted == 1 {
                        self.queued.fetch_sub(1, Ordering::SeqCst);
                    }
                    applied += 1;
                }
            }
        }
        Ok(applied)
    }

    fn oldest(&self) -> Result<Option<QueuedPush>> {
        let row = self
            .conn()
            .prepare_cached("SELECT id, device_id, org_id, user_id, first_seq, last_seq, ops_zstd FROM pushes ORDER BY id LIMIT 1")?
            .query_row([], |r| {
                Ok((
                    QueuedPush {
                        id: r.get(0)?,
                        device_id: r.get(1)?,
                        org_id: r.get(2)?,
                        user_id: r.get(3)?,
                        first_seq: r.get(4)?,
                        last_seq: r.get(5)?,
                        ops_json: Vec::new(),
                    },
                    r.get::<_, Vec<u8>>(6)?,
                ))
            })
            .optional()?;
        let Some((mut push, compressed)) = row else { return Ok(None) };
        // Decompressed outside the lock: appends need not wait for it.
        push.ops_json = zstd::stream::decode_all(&compressed[..]).with_context(|| format!("queued push {}: undecodable", push.id))?;
        Ok(Some(push))
    }

    /// Drains on a thread of its own, every `every` while anything is
    /// queued. After a failure it waits twice as long each time, up to
    /// 30 s, and logs the failure. Stops when the returned handle is
    /// dropped.
    ///
    /// `apply` must not hold an `Arc` of whatever holds the handle (hold a
    /// `Weak`), or neither is ever dropped.
    pub fn spawn_drainer(
        self: Arc<Self>,
        every: Duration,
        mut apply: impl FnMut(&QueuedPush) -> Result<DrainStep> + Send + 'static,
    ) -> Result<Drainer> {
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("inbox-drainer".into())
            .spawn(move || {
                let mut wait = every;
                loop {
                    match stopped.recv_timeout(wait) {
                        Err(RecvTimeoutError::Timeout) => {}
                        Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
                    }
                    if self.is_empty() {
                        continue;
                    }
                    wait = match self.drain(&mut apply) {
                        Ok(n) => {
                            if n > 0 {
                                tracing::debug!(applied = n, left = self.len(), "drained queued pushes");
                            }
                            every
                        }
                        Err(e) => {
                            let next = (wait * 2).clamp(every, MAX_BACKOFF);
                            tracing::warn!(error = format!("{e:#}"), left = self.len(), retry_in_ms = next.as_millis() as u64, "a queued push could not be applied yet");
                            next
                        }
                    };
                }
            })
            .context("starting the inbox drainer")?;
        Ok(Drainer { stop: Some(stop), thread: Some(thread) })
    }
}

/// Stops the drainer thread when dropped, after the drain in progress, if
/// any, is done.
pub struct Drainer {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Drainer {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take()
            // Dropped by the drainer itself (its `apply` held the last
            // owner): it is stopping already and cannot wait for itself.
            && thread.thread().id() != std::thread::current().id()
        {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> (Uuid, Uuid, Uuid) {
        (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7())
    }

    /// Everything the inbox holds, oldest first, applied by a drain that
    /// accepts all of it.
    fn drain_all(inbox: &Inbox) -> Vec<QueuedPush> {
        let mut seen = Vec::new();
        inbox
            .drain(|p| {
                seen.push(p.clone());
                Ok(DrainStep::Applied)
            })
            .unwrap();
        seen
    }

    #[test]
    fn pushes_drain_in_arrival_order_with_their_ops_intact() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = Inbox::open(dir.path()).unwrap();
        let (a, b, org) = ids();
        let user = Uuid::now_v7();
        // Two devices interleaved: arrival order, not device or seq order.
        let batches = [(b, 1, 3), (a, 1, 1), (b, 4, 9), (a, 2, 5)];
        for (i, (device, first, last)) in batches.iter().enumerate() {
            let json = format!(r#"[{{"seq":{first},"n":{i},"pad":"{}"}}]"#, "x".repeat(500));
            inbox.append(*device, org, user, *first, *last, json.as_bytes()).unwrap();
        }
        assert_eq!(inbox.len(), 4);
        let drained = drain_all(&inbox);
        let order: Vec<_> = drained.iter().map(|p| (p.device_id, p.first_seq, p.last_seq)).collect();
        assert_eq!(order, batches.to_vec());
        assert!(drained.windows(2).all(|w| w[0].id < w[1].id));
        for (i, p) in drained.iter().enumerate() {
            assert_eq!((p.org_id, p.user_id), (org, user));
            let v: serde_json::Value = serde_json::from_slice(&p.ops_json).unwrap();
            assert_eq!(v[0]["n"], i, "push {i} came back with another's ops");
            assert_eq!(v[0]["pad"].as_str().unwrap().len(), 500);
        }
        assert!(inbox.is_empty());
        assert!(drain_all(&inbox).is_empty());
    }

    #[test]
    fn queued_pushes_survive_reopening_and_ids_are_never_reused() {
        let dir = tempfile::tempdir().unwrap();
        let (device, org, user) = ids();
        let first_id = {
            let inbox = Inbox::open(dir.path()).unwrap();
            for seq in 1..=3 {
                inbox.append(device, org, user, seq, seq, format!("[{seq}]").as_bytes()).unwrap();
            }
            // The oldest is applied before the restart, the others not.
            let mut first = None;
            inbox
                .drain(|p| {
                    Ok(match first {
                        None => {
                            first = Some(p.id);
                            DrainStep::Applied
                        }
                        Some(_) => DrainStep::Busy,
                    })
                })
                .unwrap();
            first.unwrap()
        };
        let inbox = Inbox::open(dir.path()).unwrap();
        assert_eq!(inbox.len(), 2, "the count is read back on opening");
        assert_eq!(inbox.queued_through(device).unwrap(), Some(3));
        let drained = drain_all(&inbox);
        assert_eq!(drained.iter().map(|p| p.ops_json.clone()).collect::<Vec<_>>(), vec![b"[2]".to_vec(), b"[3]".to_vec()]);
        assert!(drained.iter().all(|p| p.id > first_id));
        // Emptied, the inbox still numbers on from the last id it gave.
        inbox.append(device, org, user, 4, 4, b"[4]").unwrap();
        let next = drain_all(&Inbox::open(dir.path()).unwrap());
        assert!(next[0].id > drained[1].id, "an id was handed out again");
    }

    #[test]
    fn a_push_stays_queued_when_the_store_is_busy_or_applying_fails() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = Inbox::open(dir.path()).unwrap();
        let (device, org, user) = ids();
        inbox.append(device, org, user, 1, 1, b"[1]").unwrap();
        inbox.append(device, org, user, 2, 2, b"[2]").unwrap();

        let mut offered = Vec::new();
        let applied = inbox
            .drain(|p| {
                offered.push(p.first_seq);
                Ok(DrainStep::Busy)
            })
            .unwrap();
        assert_eq!((applied, offered), (0, vec![1]), "busy stops the drain at the oldest");
        assert_eq!(inbox.len(), 2);

        let mut offered = Vec::new();
        let err = inbox
            .drain(|p| {
                offered.push(p.first_seq);
                if p.first_seq == 2 { anyhow::bail!("disk full") } else { Ok(DrainStep::Applied) }
            })
            .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert_eq!(offered, vec![1, 2]);
        assert_eq!(inbox.len(), 1);
        // A failure must not let a later push overtake the one that failed.
        inbox.append(device, org, user, 3, 3, b"[3]").unwrap();
        let drained = drain_all(&Inbox::open(dir.path()).unwrap());
        assert_eq!(drained.iter().map(|p| p.first_seq).collect::<Vec<_>>(), vec![2, 3]);
    }

    #[test]
    fn queued_through_is_the_highest_sequence_number_of_that_device() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = Inbox::open(dir.path()).unwrap();
        let (a, b, org) = ids();
        assert_eq!(inbox.queued_through(a).unwrap(), None);
        inbox.append(a, org, org, 1, 10, b"[]").unwrap();
        inbox.append(b, org, org, 5, 7, b"[]").unwrap();
        inbox.append(a, org, org, 11, 12, b"[]").unwrap();
        assert_eq!(inbox.queued_through(a).unwrap(), Some(12));
        assert_eq!(inbox.queued_through(b).unwrap(), Some(7));
        assert_eq!(inbox.queued_through(Uuid::now_v7()).unwrap(), None);
        // Once a's first batch is applied, its highest queued is unchanged;
        // once all of a's are, a has none.
        let mut n = 0;
        inbox
            .drain(|_| {
                n += 1;
                Ok(if n == 1 { DrainStep::Applied } else { DrainStep::Busy })
            })
            .unwrap();
        assert_eq!(inbox.queued_through(a).unwrap(), Some(12));
        drain_all(&inbox);
        assert_eq!(inbox.queued_through(a).unwrap(), None);
        assert_eq!(inbox.queued_through(b).unwrap(), None);
    }

    #[test]
    fn an_undersized_range_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = Inbox::open(dir.path()).unwrap();
        let (device, org, user) = ids();
        let err = inbox.append(device, org, user, 5, 4, b"[]").unwrap_err();
        assert!(err.to_string().contains("first sequence number 5"), "{err}");
        assert!(inbox.is_empty());
    }

    #[test]
    fn the_drainer_applies_what_arrives_and_waits_while_the_store_is_busy() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = Arc::new(Inbox::open(dir.path()).unwrap());
        let (device, org, user) = ids();
        let busy = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let (applied_tx, applied_rx) = mpsc::channel();
        let drainer = {
            let busy = busy.clone();
            inbox
                .clone()
                .spawn_drainer(Duration::from_millis(20), move |p| {
                    if busy.load(Ordering::SeqCst) {
                        return Ok(DrainStep::Busy);
                    }
                    applied_tx.send(p.first_seq).unwrap();
                    Ok(DrainStep::Applied)
                })
                .unwrap()
        };
        for seq in 1..=3 {
            inbox.append(device, org, user, seq, seq, b"[]").unwrap();
        }
        assert_eq!(applied_rx.recv_timeout(Duration::from_millis(200)), Err(RecvTimeoutError::Timeout));
        assert_eq!(inbox.len(), 3, "nothing leaves while the store is busy");
        busy.store(false, Ordering::SeqCst);
        let order: Vec<i64> = (0..3).map(|_| applied_rx.recv_timeout(Duration::from_secs(10)).unwrap()).collect();
        assert_eq!(order, vec![1, 2, 3]);
        // The delete follows the apply; give it its moment.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !inbox.is_empty() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(inbox.is_empty());
        drop(drainer);
        inbox.append(device, org, user, 4, 4, b"[]").unwrap();
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(inbox.len(), 1, "a stopped drainer applies nothing");
    }
}
