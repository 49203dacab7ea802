//! The embedded backend: the endpoint's data in one SQLite file, the same
//! store the organizer's CLI imports into.
//!
//! One writer connection (SQLite has one writer at a time anyway) and a few
//! readers; WAL lets pulls read a consistent snapshot while pushes commit.

use crate::backend::{ApiError, Code};
use doorstep_core::endpoint::api::{self, DeviceRow, OrgRow, PairingCodeRow, ReviewRow, ScriptRow, UserRow};
use doorstep_core::endpoint::storage::NewUser;
use doorstep_core::accounts::{self, DeviceAuth};
use doorstep_core::address::household_key;
use doorstep_core::domain::Attempt;
use doorstep_core::records;
use doorstep_core::store::{Side, Store};
use doorstep_core::sync::cursor::Cursor;
use doorstep_core::sync::{applied, endpoint};
use doorstep_core::sync::changes::{self, Entity};
use doorstep_core::sync::hlc::{self, Hlc};
use doorstep_core::sync::proto::*;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use crate::inbox::{DrainStep, Inbox, QueuedPush};
use std::sync::{Arc, Mutex};
use uuid::Uuid;

const READERS: usize = 4;
/// People per snapshot page (each with their household and attempts).
const DEFAULT_PAGE: u32 = 2000;
const MAX_PAGE: u32 = 5000;
/// Change rows per incremental page: most are single attempts, far smaller
/// than a person with everything that comes with them.
const CHANGES_PER_PAGE: u32 = 2500;

pub struct SqliteBackend {
    writer: Arc<Mutex<Store>>,
    /// Taken only while holding `writer`.
    owners: Arc<Mutex<Owners>>,
    readers: Vec<Mutex<Store>>,
    next_reader: std::sync::atomic::AtomicUsize,
    /// Pushes acknowledged while another process (an import) held the
    /// store's write lock, waiting to be applied.
    inbox: Arc<Inbox>,
    /// Dropped with the backend, which stops the drainer and the checkpointer.
    _drainer: Option<crate::inbox::Drainer>,
    _checkpointer: Option<std::sync::mpsc::Sender<()>>,
}

/// How long a push waits for the store's write lock before it goes to the
/// inbox instead: other pushes hold it for milliseconds, an import for the
/// whole file.
const WRITE_LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(100);
/// How long a command on the endpoint's machine waits for the write lock
/// (a push or an import holding it) before it says the store is busy.
const LOCAL_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(30);
/// How often the drainer looks for queued pushes to apply.
const DRAIN_EVERY: std::time::Duration = std::time::Duration::from_millis(100);

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// How often the checkpointer copies the write-ahead log into the database.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

impl SqliteBackend {
    /// The backend `doorstep serve` runs: readers for concurrent pulls, a
    /// checkpointer, and a drainer for the push inbox.
    pub fn open(path: &Path) -> doorstep_core::Result<SqliteBackend> {
        Self::open_with(path, true)
    }

    /// The backend a `doorstep` command runs on the endpoint's own machine,
    /// beside or without a running endpoint: one reader, no background
    /// threads (the serving endpoint checkpoints and drains its inbox).
    pub fn open_local(path: &Path) -> doorstep_core::Result<SqliteBackend> {
        Self::open_with(path, false)
    }

    fn open_with(path: &Path, serving: bool) -> doorstep_core::Result<SqliteBackend> {
        let writer = Store::open(path)?;
        writer.fit_to(Side::Endpoint)?;
        // Made now if missing, so a key that cannot be read or written stops
        // the endpoint at start, not at the first pairing.
        accounts::PairingKey::beside(writer.conn())?;
        let checkpointer = if serving { Some(Self::checkpointer(&writer, path)?) } else { None };
        let readers = (0..if serving { READERS } else { 1 })
            .map(|_| {
                let store = Store::open(path)?;
                // Pulls read whole lists; a warm cache keeps them off the disk.
                store.conn().execute_batch("PRAGMA cache_size = -16384")?;
                Ok(Mutex::new(store))
            })
            .collect::<doorstep_core::Result<_>>()?;
        // Serving, a push waits only briefly for the write lock, then goes to
        // the inbox; a command on the endpoint's machine waits for it.
        writer.conn().busy_timeout(if serving { WRITE_LOCK_WAIT } else { LOCAL_LOCK_WAIT })?;
        // A push is acknowledged only once it would survive a power loss:
        // under NORMAL, WAL commits reach the disk at the next checkpoint,
        // and a device deletes what the endpoint acknowledged. The cost is
        // one fsync per push (measured in the README);
        // DOORSTEP_ENDPOINT_SYNCHRONOUS=normal exists only to measure it.
        let synchronous = match std::env::var("DOORSTEP_ENDPOINT_SYNCHRONOUS").as_deref() {
            Ok("normal") => "NORMAL",
            _ => "FULL",
        };
        writer.conn().execute_batch(&format!("PRAGMA synchronous = {synchronous}"))?;
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let inbox = Arc::new(Inbox::open(dir).map_err(|e| doorstep_core::Error::Invalid(format!("the push inbox: {e:#}")))?);
        let writer = Arc::new(Mutex::new(writer));
        let owners: Arc<Mutex<Owners>> = Default::default();
        let drainer = if serving {
            let (writer, owners) = (writer.clone(), owners.clone());
            Some(
                inbox
                    .clone()
                    .spawn_drainer(DRAIN_EVERY, move |queued| drain_one(&writer, &owners, queued))
                    .map_err(|e| doorstep_core::Error::Invalid(format!("the push inbox: {e:#}")))?,
            )
        } else {
            None
        };
        Ok(SqliteBackend { writer, owners, readers, next_reader: Default::default(), inbox, _drainer: drainer, _checkpointer: checkpointer })
    }

    /// SQLite checkpoints in whichever commit crosses the log's size
    /// limit, so one push in a few hundred would wait for it. A thread of
    /// its own does it instead; a passive checkpoint never blocks a push
    /// or a pull. Dropping the sender stops it.
    fn checkpointer(writer: &Store, path: &Path) -> doorstep_core::Result<std::sync::mpsc::Sender<()>> {
        writer.conn().execute_batch("PRAGMA wal_autocheckpoint = 0")?;
        let checkpointer = Store::open(path)?;
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("checkpointer".into())
            .spawn(move || {
                while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(CHECKPOINT_EVERY) {
                    if let Err(e) = checkpointer.conn().query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                        tracing::warn!(error = %e, "checkpoint failed");
                    }
                }
            })
            .map_err(|e| doorstep_core::Error::Invalid(format!("starting the checkpointer: {e}")))?;
        Ok(stop)
    }

    /// Acknowledges a push while the store's write lock is held elsewhere:
    /// its numbering and its operations' entry checks are checked now, by
    /// a read of the store; tenancy and roles when it is applied. What is
    /// refused then is kept at the endpoint (`refused_ops`), never lost.
    fn queue(&self, auth: &DeviceAuth, ops: Vec<Op>) -> Result<PushResponse, ApiError> {
        let applied: i64 = {
            let store = self.reader();
            store.conn().query_row("SELECT last_seq FROM devices WHERE id = ?1", [auth.device_id], |r| r.get(0))?
        };
        let queued = self.inbox.queued_through(auth.device_id).map_err(ApiError::internal)?;
        let last_seq = queued.unwrap_or(applied).max(applied);
        // Numbers between the applied and the queued ones are queued ops
        // sent again after a lost answer.
        let reader = self.reader();
        let mut fresh = endpoint::fresh(ops, last_seq, true, |op| {
            Ok(op.seq > applied || applied::applied_by(reader.conn(), op.op_id)? == Some(auth.device_id))
        })?
        .map_err(|m| misnumbered(m, last_seq))?;
        drop(reader);
        let now = chrono::Utc::now();
        for op in &mut fresh {
            endpoint::check_entry(&mut op.body, now).map_err(entry_error).map_err(|e| e.in_op(op.seq, last_seq))?;
        }
        let (Some(first), Some(last)) = (fresh.first().map(|o| o.seq), fresh.last().map(|o| o.seq)) else {
            return Ok(PushResponse { acked_seq: last_seq, applied: 0, server_time_ms: hlc::now_ms() });
        };
        let json = serde_json::to_vec(&fresh).map_err(ApiError::internal)?;
        self.inbox.append(auth.device_id, auth.org_id, auth.user_id, first, last, &json).map_err(ApiError::internal)?;
        tracing::info!(device = %auth.device_id, ops = fresh.len(), "store busy: push queued");
        Ok(PushResponse { acked_seq: last, applied: fresh.len(), server_time_ms: hlc::now_ms() })
    }

    fn reader(&self) -> std::sync::MutexGuard<'_, Store> {
        // Try each reader without waiting first, then wait on one in turn.
        for r in &self.readers {
            if let Ok(guard) = r.try_lock() {
                return guard;
            }
        }
        let i = self.next_reader.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % self.readers.len();
        self.readers[i].lock().unwrap_or_else(|e| e.into_inner())
    }

    fn writer(&self) -> std::sync::MutexGuard<'_, Store> {
        self.writer.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl SqliteBackend {
    /// Redeems a pairing code for a device with no name of its own choosing.
    pub fn pair(&self, code: &str) -> Result<PairResponse, ApiError> {
        self.pair_device(&PairRequest { code: code.to_owned(), device_name: None })
    }

    pub fn pair_device(&self, req: &PairRequest) -> Result<PairResponse, ApiError> {
        let code = req.code.as_str();
        let mut store = self.writer();
        let redeemed = accounts::redeem_pairing_code(store.conn_mut(), code).map_err(|e| match e {
            doorstep_core::Error::Invalid(m) => ApiError::new(Code::InvalidPairingCode, m),
            other => other.into(),
        })?;
        let org = store
            .orgs()?
            .into_iter()
            .find(|o| o.id == redeemed.user.org_id)
            .ok_or_else(|| ApiError::internal("paired user has no organization"))?;
        name_device(store.conn(), &redeemed, req.device_name.as_deref())?;
        tracing::info!(device = %redeemed.device_id, org = %org.id, "device paired");
        Ok(PairResponse {
            device_id: redeemed.device_id,
            token: redeemed.token,
            org,
            user: redeemed.user.info(),
            server_time_ms: hlc::now_ms(),
        })
    }

    pub fn authenticate(&self, token: &str) -> Result<DeviceAuth, ApiError> {
        let store = self.reader();
        accounts::authenticate(store.conn(), token)?.map_err(|why| ApiError::unauthorized(why.message()))
    }

    /// Applies a batch in one transaction; a batch already applied changes nothing.
    pub fn push(&self, auth: &DeviceAuth, req: PushRequest) -> Result<PushResponse, ApiError> {
        // Queued pushes go first: once one waits, every push after it
        // waits behind it, so each device's operations land in order.
        if self.inbox.is_empty() {
            let mut store = self.writer();
            match store.conn_mut().transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
                Ok(tx) => {
                    let (resp, learned) = apply_push(tx, auth, req.ops, &self.owners, Sequencing::Strict)?;
                    self.owners.lock().unwrap_or_else(|e| e.into_inner()).remember(learned);
                    return Ok(resp);
                }
                Err(e) if is_busy(&e) => {}
                Err(e) => return Err(e.into()),
            }
        }
        self.queue(auth, req.ops)
    }

    /// One page per assigned list, from each list's cursor.
    pub fn pull(&self, auth: &DeviceAuth, req: PullRequest) -> Result<PullResponse, ApiError> {
        let limits = match req.limit {
            Some(n) => (n.clamp(1, MAX_PAGE), n.clamp(1, MAX_PAGE)),
            None => (DEFAULT_PAGE, CHANGES_PER_PAGE),
        };
        let mut store = self.reader();
        // One read transaction: every page of this answer sees the same state.
        let tx = store.conn_mut().transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
        let user = accounts::user(&tx, auth.user_id)?;
        let assigned: Vec<Uuid> = tx
            .prepare_cached(
                "SELECT la.list_id FROM list_assignments la JOIN lists l ON l.id = la.list_id
                 WHERE la.user_id = ?1 AND l.org_id = ?2 ORDER BY la.list_id",
            )?
            .query_map(params![auth.user_id, auth.org_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let (applied_seq, last_seen): (i64, Option<String>) =
            tx.query_row("SELECT last_seq, last_seen_at FROM devices WHERE id = ?1", [auth.device_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        // Queued pushes count as applied: they are acknowledged, and safe.
        let applied_seq = self.inbox.queued_through(auth.device_id).map_err(ApiError::internal)?.unwrap_or(applied_seq).max(applied_seq);
        let watermark = changes::latest_seq(&tx, auth.org_id)?;
        let floor = changes::floor(&tx, auth.org_id)?;
        let mut pages = Vec::with_capacity(assigned.len());
        for list in &assigned {
            let cursor = req.scopes.get(list).map(String::as_str).unwrap_or("");
            let cursor = Cursor::read(cursor, |seq| entity_at(&tx, seq))?.map_err(|m| ApiError::bad_request(format!("scope {list}: {m}")))?;
            let mut page = page(&tx, auth.org_id, auth.device_id, *list, cursor, watermark, floor, limits)?;
            page.cursor = marked(&tx, page.cursor)?;
            pages.push(page);
        }
        drop(tx);
        drop(store);
        // A pull is use too: it keeps an active device's token alive. Once a
        // minute is plenty for a 120-day expiry, and spares the pages of a
        // long pull a write each.
        // Asked of the read first: even an UPDATE that changes nothing
        // takes the write lock, which an import may hold for minutes.
        let now = chrono::Utc::now();
        let stale = last_seen
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
            .is_none_or(|t| now - t.to_utc() > chrono::Duration::minutes(1));
        if stale {
            // Only bookkeeping: a busy store skips it, never the pull.
            match self.writer().conn().execute(
                "UPDATE devices SET last_seen_at = ?2 WHERE id = ?1",
                params![auth.device_id, now.to_rfc3339()],
            ) {
                Err(e) if is_busy(&e) => tracing::debug!("store busy: last seen left for the next pull"),
                done => {
                    done?;
                }
            }
        }
        Ok(PullResponse { server_time_ms: hlc::now_ms(), user: user.info(), assigned, pages, applied_seq: Some(applied_seq) })
    }

    pub fn health(&self) -> Result<(), ApiError> {
        self.reader().conn().query_row("SELECT 1", [], |_| Ok(()))?;
        Ok(())
    }
}

/// How a batch's sequence numbers are held to the device's last applied one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sequencing {
    /// As a device sends it: the next number, no gap, no reuse.
    Strict,
    /// From the inbox, checked when it was queued: applied through its
    /// last number even if an operation of it was refused since.
    Queued { through: i64 },
}

/// Applies a push's operations in `tx` and commits; returns the answer and
/// the owners the push learned (for [`Owners::remember`] once committed).
fn apply_push(
    tx: rusqlite::Transaction<'_>,
    auth: &DeviceAuth,
    ops: Vec<Op>,
    owners: &Mutex<Owners>,
    sequencing: Sequencing,
) -> Result<(PushResponse, Vec<((Table, Uuid), Uuid)>), ApiError> {
        let last_seq: i64 = tx.query_row("SELECT last_seq FROM devices WHERE id = ?1", [auth.device_id], |r| r.get(0))?;
        let fresh = endpoint::fresh(ops, last_seq, sequencing == Sequencing::Strict, |op| {
            Ok(applied::applied_by(&tx, op.op_id)? == Some(auth.device_id))
        })?
        .map_err(|m| misnumbered(m, last_seq))?;
        let now = hlc::now_ms();
        let owners = owners.lock().unwrap_or_else(|e| e.into_inner());
        let mut tenancy = Tenancy::new(&tx, auth, &owners);
        let in_op = |seq: i64| move |e: ApiError| e.in_op(seq, last_seq);
        // Attempts, most of any push, are moved out of the ops, checked one
        // by one and written a run at a time; any other op writes the run
        // first, so the ops still land in order.
        let mut run: Vec<(i64, Attempt)> = Vec::new();
        let last_fresh = fresh.last().map(|o| o.seq);
        // Applied before under another number (the device renumbered its
        // outbox to line up with this endpoint): once is enough.
        let ids: Vec<(Uuid, i64)> = fresh.iter().map(|o| (o.op_id, o.seq)).collect();
        let new = applied::claim(&tx, auth.device_id, &ids)?;
        let applied = new.iter().filter(|n| **n).count();
        let checked_at = chrono::Utc::now();
        for (Op { seq, mut body, .. }, new) in fresh.into_iter().zip(new) {
            if !new {
                continue;
            }
            // The same entry checks the device ran when it queued the op.
            endpoint::check_entry(&mut body, checked_at).map_err(entry_error).map_err(in_op(seq))?;
            match body {
                OpBody::Attempt { attempt } => run.push((seq, checked_attempt(&mut tenancy, auth, attempt).map_err(in_op(seq))?)),
                other => {
                    append_attempts(&tx, auth.org_id, &mut run, last_seq)?;
                    apply(&tx, &mut tenancy, auth, &other, now).map_err(in_op(seq))?;
                }
            }
        }
        append_attempts(&tx, auth.org_id, &mut run, last_seq)?;
        let learned = tenancy.learned();
        drop(owners);
        let acked = match sequencing {
            Sequencing::Strict => last_fresh.unwrap_or(last_seq),
            Sequencing::Queued { through } => through,
        }
        .max(last_seq);
        tx.execute(
            "UPDATE devices SET last_seq = ?2, last_seen_at = ?3 WHERE id = ?1",
            params![auth.device_id, acked, chrono::Utc::now().to_rfc3339()],
        )?;
        tx.commit()?;
        Ok((PushResponse { acked_seq: acked, applied, server_time_ms: now }, learned))
}


/// Applies one queued push, if the store's write lock is free. An
/// operation refused now (its person is another organization's, or off the
/// user's lists) is kept in `refused_ops` with the reason, and the rest of
/// the push is applied: it was acknowledged, so nothing of it may vanish.
fn drain_one(writer: &Mutex<Store>, owners: &Mutex<Owners>, queued: &QueuedPush) -> anyhow::Result<DrainStep> {
    let mut store = writer.lock().unwrap_or_else(|e| e.into_inner());
    let mut ops: Vec<Op> = serde_json::from_slice(&queued.ops_json)?;
    loop {
        let tx = match store.conn_mut().transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
            Ok(tx) => tx,
            Err(e) if is_busy(&e) => return Ok(DrainStep::Busy),
            Err(e) => return Err(e.into()),
        };
        let role: Option<String> = tx.query_row("SELECT role FROM users WHERE id = ?1", [queued.user_id], |r| r.get(0)).optional()?;
        let auth = DeviceAuth { device_id: queued.device_id, org_id: queued.org_id, user_id: queued.user_id, role: role.unwrap_or_default() };
        match apply_push(tx, &auth, ops.clone(), owners, Sequencing::Queued { through: queued.last_seq }) {
            Ok((_, learned)) => {
                owners.lock().unwrap_or_else(|e| e.into_inner()).remember(learned);
                return Ok(DrainStep::Applied);
            }
            Err(e) if (400..500).contains(&e.status) && e.op_seq.is_some() => {
                let seq = e.op_seq.expect("checked");
                let Some(at) = ops.iter().position(|o| o.seq == seq) else { anyhow::bail!("queued push {}: {}", queued.id, e.message) };
                let op = ops.remove(at);
                store.conn().execute(
                    "INSERT OR IGNORE INTO refused_ops(op_id, device_id, org_id, seq, body, refused_at, status, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![op.op_id, queued.device_id, queued.org_id, op.seq, serde_json::to_string(&op.body)?, chrono::Utc::now().to_rfc3339(), e.status, e.message],
                )?;
                tracing::warn!(device = %queued.device_id, seq, status = e.status, "a queued operation was refused; kept in refused_ops");
            }
            Err(e) if e.status == 500 => anyhow::bail!("queued push {}: the store failed", queued.id),
            Err(e) => anyhow::bail!("queued push {}: {}", queued.id, e.message),
        }
    }
}

/// The organization of every person and household pushes have looked up.
/// At the endpoint a committed person or household never changes
/// organization and is never removed (a delete only marks it), so one
/// lookup serves every later push; a shift's sync names the same list's
/// doors batch after batch. Lists can be removed and are not kept here.
#[derive(Default)]
struct Owners(HashMap<(Table, Uuid), Uuid>);

/// Owners held at most; past it the map starts over.
const OWNERS_HELD: usize = 1 << 20;

impl Owners {
    /// What a committed push learned.
    fn remember(&mut self, learned: Vec<((Table, Uuid), Uuid)>) {
        if self.0.len() + learned.len() > OWNERS_HELD {
            self.0.clear();
        }
        self.0.extend(learned);
    }
}

/// Tenancy checks for one push. A batch names the same people and
/// households again and again (a list's doors, knocked all day), so each is
/// looked up once per batch, or not at all when an earlier push did.
struct Tenancy<'c> {
    conn: &'c Connection,
    org: Uuid,
    known: HashMap<(Table, Uuid), Option<Uuid>>,
    committed: &'c Owners,
    /// The user behind the token, and whether their role reaches everyone
    /// in the organization.
    user: Uuid,
    anywhere: bool,
    /// What a field role may write to, loaded at its first write.
    reach: Option<Reach>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Table {
    People,
    Households,
    Lists,
    Efforts,
    Scripts,
}

/// What a canvasser's or phone banker's device has been found to reach in
/// this push: the people and doors on the lists assigned to its user, or
/// taken from them within [`ENDED_ASSIGNMENT_GRACE`], and the people and
/// doors its user added. Each is looked up once, when the push first names
/// it: an end-of-shift storm is hundreds of small pushes, and loading each
/// device's whole list for each would cost more than the push.
#[derive(Default)]
struct Reach {
    lists: HashSet<Uuid>,
    people: HashSet<Uuid>,
    households: HashSet<Uuid>,
}

/// How long a user may still write to a list taken from them: the results
/// of a shift reach the endpoint when the phone next has signal.
const ENDED_ASSIGNMENT_GRACE: chrono::Duration = chrono::Duration::days(7);

/// The lists a user reaches, as SQL over `?2` (the user) and `?3` (the
/// oldest ended assignment that still counts).
const REACHED_LISTS: &str = "SELECT list_id FROM list_assignments WHERE user_id = ?2
     UNION SELECT list_id FROM list_assignments_ended WHERE user_id = ?2 AND ended_at > ?3";

impl Reach {
    fn load(conn: &Connection, user: Uuid) -> Result<Reach, ApiError> {
        let since = grace_start();
        let lists: HashSet<Uuid> = conn
            .prepare_cached(REACHED_LISTS)?
            // (?1, the person or door the other queries ask about, unused here.)
            .query_map(params![Option::<Uuid>::None, user, since], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Reach { lists, ..Default::default() })
    }
}

fn grace_start() -> String {
    (chrono::Utc::now() - ENDED_ASSIGNMENT_GRACE).to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

impl<'c> Tenancy<'c> {
    fn new(conn: &'c Connection, auth: &DeviceAuth, committed: &'c Owners) -> Self {
        Tenancy { conn, org: auth.org_id, known: HashMap::new(), committed, user: auth.user_id, anywhere: auth.writes_anywhere(), reach: None }
    }

    fn reach(&mut self) -> Result<&mut Reach, ApiError> {
        if self.reach.is_none() {
            self.reach = Some(Reach::load(self.conn, self.user)?);
        }
        Ok(self.reach.as_mut().expect("loaded above"))
    }

    /// Whether this push may write to (or record an attempt on) a person or
    /// household of its organization: 403 when its user's role does not
    /// reach it. Tenancy is checked before this, so the id is this org's.
    fn may_write(&mut self, table: Table, id: Uuid) -> Result<(), ApiError> {
        if self.anywhere {
            return Ok(());
        }
        let (user, conn) = (self.user, self.conn);
        let reach = self.reach()?;
        let held = match table {
            Table::People => &reach.people,
            Table::Households => &reach.households,
            Table::Lists => &reach.lists,
            Table::Efforts | Table::Scripts => return Ok(()),
        };
        if held.contains(&id) {
            return Ok(());
        }
        if table == Table::Lists {
            return Err(ApiError::forbidden(format!("list {id} is not assigned to you")));
        }
        // Most are on one of the user's lists: one indexed lookup of the
        // lists they are on, checked against the lists loaded once.
        let sql = match table {
            Table::People => "SELECT list_id FROM list_people WHERE person_id = ?1",
            _ => "SELECT lp.list_id FROM people p JOIN list_people lp ON lp.person_id = p.id WHERE p.household_id = ?1",
        };
        let on_lists: Vec<Uuid> = conn.prepare_cached(sql)?.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let reached = on_lists.iter().any(|l| reach.lists.contains(l))
            || match table {
                // Added by the user; deleted since (a tombstone holds nothing
                // to protect, and their attempts are kept); or taken off one
                // of the user's lists lately, after the knock on its way.
                Table::People => conn
                    .prepare_cached(&format!(
                        "SELECT p.added_by IS ?2 OR p.deleted_at IS NOT NULL
                           OR EXISTS (SELECT 1 FROM changes c WHERE c.entity_id = p.id AND c.entity = 'member' AND c.at > ?3
                                        AND c.list_id IN ({REACHED_LISTS}))
                         FROM people p WHERE p.id = ?1"
                    ))?
                    .query_row(params![id, user, grace_start()], |r| r.get(0))
                    .optional()?
                    .unwrap_or(false),
                Table::Households => conn
                    .prepare_cached("SELECT added_by IS ?2 FROM households WHERE id = ?1")?
                    .query_row(params![id, user], |r| r.get(0))
                    .optional()?
                    .unwrap_or(false),
                _ => false,
            };
        let held = match table {
            Table::People => &mut reach.people,
            _ => &mut reach.households,
        };
        if reached {
            held.insert(id);
            return Ok(());
        }
        Err(ApiError::forbidden(format!("{} {id} is not on a list assigned to you", table.what())))
    }

    /// Which org a row belongs to, if it exists at all.
    fn owner(&mut self, table: Table, id: Uuid) -> Result<Option<Uuid>, ApiError> {
        if let Some(owner) = self.known.get(&(table, id)) {
            return Ok(*owner);
        }
        if let Some(owner) = self.committed.0.get(&(table, id)) {
            return Ok(Some(*owner));
        }
        let sql = match table {
            Table::People => "SELECT org_id FROM people WHERE id = ?1",
            Table::Households => "SELECT org_id FROM households WHERE id = ?1",
            Table::Lists => "SELECT org_id FROM lists WHERE id = ?1",
            Table::Efforts => "SELECT org_id FROM efforts WHERE id = ?1",
            Table::Scripts => "SELECT org_id FROM scripts WHERE id = ?1",
        };
        let owner = self.conn.prepare_cached(sql)?.query_row([id], |r| r.get(0)).optional()?;
        self.known.insert((table, id), owner);
        Ok(owner)
    }

    /// Exists in this org: Ok(true); missing: Ok(false); another org's: 404.
    fn check(&mut self, table: Table, id: Uuid) -> Result<bool, ApiError> {
        match self.owner(table, id)? {
            Some(o) if o == self.org => Ok(true),
            Some(_) => Err(ApiError::not_found(table.what(), id)),
            None => Ok(false),
        }
    }

    /// This op wrote the row: later ops of the batch find it without a lookup.
    fn created(&mut self, table: Table, id: Uuid) {
        self.known.insert((table, id), Some(self.org));
        if let Some(reach) = self.reach.as_mut() {
            match table {
                Table::People => reach.people.insert(id),
                Table::Households => reach.households.insert(id),
                _ => false,
            };
        }
    }

    /// The people and households this batch found, for [`Owners`] once it
    /// is committed.
    fn learned(self) -> Vec<((Table, Uuid), Uuid)> {
        self.known
            .into_iter()
            // Lists, efforts and scripts can be removed; people and doors never are.
            .filter(|((table, _), _)| matches!(table, Table::People | Table::Households))
            .filter_map(|(key, owner)| Some((key, owner?)))
            .collect()
    }
}

impl Table {
    fn what(self) -> &'static str {
        match self {
            Table::People => "person",
            Table::Households => "household",
            Table::Lists => "list",
            Table::Efforts => "effort",
            Table::Scripts => "script",
        }
    }
}

/// An attempt whose every reference is this organization's, stamped with
/// who sent it: the token says, not the body.
fn checked_attempt(tenancy: &mut Tenancy<'_>, auth: &DeviceAuth, mut attempt: Attempt) -> Result<Attempt, ApiError> {
    if let Some(p) = attempt.person_id {
        if !tenancy.check(Table::People, p)? {
            return Err(ApiError::not_found("person", p));
        }
        tenancy.may_write(Table::People, p)?;
    }
    if let Some(h) = attempt.household_id {
        if !tenancy.check(Table::Households, h)? {
            return Err(ApiError::not_found("household", h));
        }
        // A door's attempt names the person's door, which comes with them.
        if attempt.person_id.is_none() {
            tenancy.may_write(Table::Households, h)?;
        }
    }
    // A list, effort or script deleted since is fine (the attempt must
    // survive); another organization's is not.
    if let Some(l) = attempt.list_id
        && tenancy.check(Table::Lists, l)?
    {
        tenancy.may_write(Table::Lists, l)?;
    }
    if let Some(e) = attempt.effort_id {
        tenancy.check(Table::Efforts, e)?;
    }
    if let Some(s) = attempt.script_id {
        tenancy.check(Table::Scripts, s)?;
        // Answers to the survey the canvasser read from: its questions, its
        // options, its skip logic (a script the endpoint holds at that version).
        doorstep_core::scripts::check_attempt_answers(tenancy.conn, tenancy.org, &attempt).map_err(|e| match e {
            doorstep_core::Error::Invalid(m) => ApiError::new(Code::InvalidField, m),
            e => e.into(),
        })?;
    }
    attempt.device_id = Some(auth.device_id);
    attempt.canvasser = Some(auth.user_id);
    Ok(attempt)
}

/// Writes a run of checked attempts (emptying it) and logs the new ones.
/// One already here is the same attempt sent again, unless its id is
/// another organization's.
fn append_attempts(tx: &Connection, org: Uuid, run: &mut Vec<(i64, Attempt)>, applied_seq: i64) -> Result<(), ApiError> {
    if run.is_empty() {
        return Ok(());
    }
    let attempts: Vec<&Attempt> = run.iter().map(|(_, a)| a).collect();
    let new = records::insert_attempts(tx, org, &attempts)?;
    let mut logged = Vec::with_capacity(run.len());
    for ((seq, attempt), new) in run.iter().zip(new) {
        if new {
            logged.push(attempt.id);
        } else if records::load_attempt(tx, org, attempt.id)?.is_none() {
            return Err(ApiError::not_found("attempt", attempt.id).in_op(*seq, applied_seq));
        }
    }
    changes::record_many(tx, org, Entity::Attempt, &logged)?;
    run.clear();
    Ok(())
}

/// A batch whose numbering disagrees with this endpoint's: 409, saying the
/// last number applied.
fn misnumbered(m: endpoint::Misnumbered, last_seq: i64) -> ApiError {
    let code = match m {
        endpoint::Misnumbered::Reused { .. } => Code::SequenceReused,
        endpoint::Misnumbered::Gap { .. } => Code::SequenceGap,
    };
    ApiError::new(code, m.to_string()).applied(last_seq)
}

/// An entry check's refusal: names the field and the rule, never the value.
fn entry_error(e: doorstep_core::attempt::EntryError) -> ApiError {
    ApiError::new(Code::InvalidField, e.to_string())
}

/// Applies one op other than an attempt (the push writes those in runs).
fn apply(tx: &Connection, tenancy: &mut Tenancy<'_>, auth: &DeviceAuth, body: &OpBody, now: u64) -> Result<(), ApiError> {
    let org = auth.org_id;
    match body {
        OpBody::Attempt { .. } => unreachable!("a push writes attempts in runs, never through apply"),
        OpBody::PersonEdit { person_id, field, value, hlc: clock } => {
            if !tenancy.check(Table::People, *person_id)? {
                return Err(ApiError::not_found("person", person_id));
            }
            let deleted: bool =
                tx.query_row("SELECT deleted_at IS NOT NULL FROM people WHERE id = ?1", [person_id], |r| r.get(0))?;
            if !deleted {
                tenancy.may_write(Table::People, *person_id)?;
            }
            // Delete wins: an edit to someone deleted is acknowledged and dropped.
            if !deleted && records::merge_person_field(tx, *person_id, *field, value, hlc::clamp(*clock, now))? {
                changes::record(tx, org, Entity::Person, *person_id, None, false)?;
            }
        }
        OpBody::PersonAdd { person, household, list_id, hlc: clock } => {
            let clock: Hlc = hlc::clamp(*clock, now);
            if let Some(h) = household
                && !tenancy.check(Table::Households, h.id)?
            {
                // Met at a new address: kept as its own household, keyed by
                // id so it never collides with a voter-file door.
                records::upsert_household(tx, org, h, Some(&format!("{}|{}", household_key(&h.address), h.id)))?;
                tx.execute("UPDATE households SET added_by = ?2 WHERE id = ?1", params![h.id, auth.user_id])?;
                changes::record(tx, org, Entity::Household, h.id, None, false)?;
                tenancy.created(Table::Households, h.id);
            }
            let new_person = !tenancy.check(Table::People, person.id)?;
            if let Some(hid) = person.household_id {
                if !tenancy.check(Table::Households, hid)? {
                    return Err(ApiError::not_found("household", hid));
                }
                // Someone new may join a door the user reaches, not any door.
                if new_person {
                    tenancy.may_write(Table::Households, hid)?;
                }
            }
            if new_person {
                let versions: BTreeMap<PersonField, Hlc> = PersonField::ALL.into_iter().map(|f| (f, clock)).collect();
                let mut person = person.clone();
                person.external_ids.clear();
                records::upsert_person(tx, org, &person, &versions, false)?;
                tx.execute("UPDATE people SET added_by = ?2 WHERE id = ?1", params![person.id, auth.user_id])?;
                changes::record(tx, org, Entity::Person, person.id, None, false)?;
                tenancy.created(Table::People, person.id);
            } else if list_id.is_some() {
                // Putting someone already here on a list hands them to
                // whoever holds it: only for people the user reaches.
                tenancy.may_write(Table::People, person.id)?;
            }
            if let Some(l) = list_id
                && tenancy.check(Table::Lists, *l)?
            {
                tenancy.may_write(Table::Lists, *l)?;
                let n = tx.execute("INSERT OR IGNORE INTO list_people(list_id, person_id) VALUES (?1, ?2)", params![l, person.id])?;
                if n > 0 {
                    changes::record(tx, org, Entity::Member, person.id, Some(*l), false)?;
                }
            }
        }
    }
    Ok(())
}

/// The entity of the change numbered `seq`, if the log still has it: what
/// a cursor's mark is checked against ([`Cursor::read`]).
fn entity_at(conn: &Connection, seq: i64) -> Result<Option<Uuid>, ApiError> {
    Ok(conn.prepare_cached("SELECT entity_id FROM changes WHERE seq = ?1")?.query_row([seq], |r| r.get(0)).optional()?)
}

/// A page's cursor as issued: marked with the change it stands at.
fn marked(conn: &Connection, text: String) -> Result<String, ApiError> {
    match Cursor::parse(&text) {
        Ok(Some(cursor)) => cursor.issue(|seq| entity_at(conn, seq)),
        _ => Ok(text),
    }
}

/// An attempt as a page sends it: its row of the page's attempt table,
/// taken straight from the store's row, and whom and where it names.
struct SentAttempt {
    person: Option<Uuid>,
    household: Option<Uuid>,
    row: AttemptRow,
}

impl SentAttempt {
    /// From [`records::ATTEMPT_COLUMNS`] starting at column `at`.
    fn from_row(r: &rusqlite::Row<'_>, at: usize, table: &mut AttemptTableBuilder) -> rusqlite::Result<SentAttempt> {
        Ok(SentAttempt { person: r.get(at + 1)?, household: r.get(at + 2)?, row: records::attempt_row_at(r, at, table)? })
    }
}

/// Collects a page's items once each, dependencies included.
struct PageBuilder<'c> {
    conn: &'c Connection,
    org: Uuid,
    items: Vec<Item>,
    attempts: AttemptTableBuilder,
    seen: HashSet<(u8, Uuid)>,
}

impl<'c> PageBuilder<'c> {
    fn new(conn: &'c Connection, org: Uuid) -> Self {
        PageBuilder { conn, org, items: Vec::new(), attempts: AttemptTableBuilder::default(), seen: HashSet::new() }
    }

    fn once(&mut self, kind: u8, id: Uuid) -> bool {
        self.seen.insert((kind, id))
    }

    fn list_header(&mut self, list: Uuid) -> Result<(), ApiError> {
        if !self.once(0, list) {
            return Ok(());
        }
        let Some(l) = records::load_list(self.conn, self.org, list)? else { return Ok(()) };
        let (effort, script) = match l.effort_id {
            Some(e) => (records::load_effort(self.conn, self.org, e)?, records::script_for_effort(self.conn, self.org, e)?),
            None => (None, None),
        };
        self.items.push(Item::List { list: l, effort, script });
        Ok(())
    }

    fn household(&mut self, id: Uuid) -> Result<(), ApiError> {
        if !self.once(1, id) {
            return Ok(());
        }
        if let Some(h) = records::load_household(self.conn, self.org, id)? {
            self.items.push(Item::Household { household: h });
        }
        Ok(())
    }

    fn person(&mut self, id: Uuid) -> Result<(), ApiError> {
        if !self.once(2, id) {
            return Ok(());
        }
        let Some((person, deleted)) = records::load_person(self.conn, self.org, id)? else { return Ok(()) };
        if let Some(h) = person.household_id {
            self.household(h)?;
        }
        let versions = records::person_versions(self.conn, id)?;
        self.items.push(Item::Person { person, versions, deleted });
        Ok(())
    }

    /// An attempt from the change log at `seq`. The device holds every
    /// member of its list with their household (the snapshot and the member
    /// changes brought them), so the attempt travels alone, unless its
    /// person joined the list after it (`joined`: the latest member change
    /// of each person whose membership changed since the cursor): that
    /// member change comes later in the log, so the person must come now.
    /// A door the person has since moved from is not sent: it is on none of
    /// the device's lists, and an attempt needs nothing it names to be held
    /// (migration 7).
    fn logged_attempt(&mut self, a: SentAttempt, seq: i64, joined: &HashMap<Uuid, i64>) -> Result<(), ApiError> {
        match a.person {
            Some(p) if joined.get(&p).is_none_or(|&at| at <= seq) => {
                self.attempts.push(a.row);
                Ok(())
            }
            _ => self.loaded_attempt(a),
        }
    }

    /// An attempt with what it names.
    fn loaded_attempt(&mut self, a: SentAttempt) -> Result<(), ApiError> {
        if let Some(p) = a.person {
            self.person(p)?;
        }
        if let Some(h) = a.household {
            self.household(h)?;
        }
        self.attempts.push(a.row);
        Ok(())
    }

    fn member(&mut self, list: Uuid, person: Uuid) -> Result<(), ApiError> {
        let is_member: bool = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM list_people WHERE list_id = ?1 AND person_id = ?2)")?
            .query_row(params![list, person], |r| r.get(0))?;
        self.membership(list, person, is_member)
    }

    fn membership(&mut self, list: Uuid, person: Uuid, is_member: bool) -> Result<(), ApiError> {
        if !self.once(3, person) {
            return Ok(());
        }
        if is_member {
            self.person(person)?;
        }
        self.items.push(Item::Member { list_id: list, person_id: person, removed: !is_member });
        Ok(())
    }
}

/// A change-log row as a page reads it: seq, entity, its id, list,
/// deleted, and the attempt if it is one.
type ChangeRow = (i64, String, Uuid, Option<Uuid>, bool, Option<SentAttempt>);

/// `limits`: people per snapshot page, and change rows per change page.
/// `device`: the device asking, which is never sent back the attempts it
/// pushed itself (it holds them; a canvasser's end-of-shift sync would
/// otherwise bring the whole shift back down).
#[allow(clippy::too_many_arguments)]
fn page(
    conn: &Connection,
    org: Uuid,
    device: Uuid,
    list: Uuid,
    cursor: Option<Cursor>,
    watermark: i64,
    floor: i64,
    (people_limit, changes_limit): (u32, u32),
) -> Result<ScopePage, ApiError> {
    /// Bytes of notes and answers past which a page ends early, with
    /// `more`: one pull answer stays bounded however much its attempts
    /// say, and the device asks again for the rest.
    const PAGE_BYTES: usize = 4 << 20;
    fn weight(a: &SentAttempt) -> usize {
        a.row.note.len() + a.row.answers.0.get().len()
    }
    /// A row this endpoint cannot read (a store restored damaged) is
    /// skipped and logged, not sent: one row must not fail every pull of
    /// its list. Any other error is the store's, and fails the page.
    fn readable(r: &rusqlite::Row<'_>, at: usize, table: &mut AttemptTableBuilder) -> rusqlite::Result<Option<SentAttempt>> {
        use rusqlite::Error::{FromSqlConversionFailure, IntegralValueOutOfRange, InvalidColumnType};
        match SentAttempt::from_row(r, at, table) {
            Ok(a) => Ok(Some(a)),
            Err(e @ (FromSqlConversionFailure(..) | InvalidColumnType(..) | IntegralValueOutOfRange(..))) => {
                let id: Option<Uuid> = r.get(at).ok();
                tracing::warn!(attempt = ?id, error = %e, "skipped an attempt row this endpoint cannot read");
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
    let (cursor, reset) = match cursor {
        None => (Cursor::Snapshot { at: watermark, after: None }, false),
        // Slept through the tombstone window: deletes may have been missed.
        Some(Cursor::Changes { seq }) if seq + 1 < floor => (Cursor::Snapshot { at: watermark, after: None }, true),
        Some(Cursor::Snapshot { at, .. }) if at + 1 < floor => (Cursor::Snapshot { at: watermark, after: None }, true),
        // Past the end of the log, or at a change the log no longer has:
        // this endpoint lost changes the device saw (restored from a backup).
        Some(Cursor::Diverged) => (Cursor::Snapshot { at: watermark, after: None }, true),
        Some(Cursor::Changes { seq }) if seq > watermark => (Cursor::Snapshot { at: watermark, after: None }, true),
        Some(Cursor::Snapshot { at, .. }) if at > watermark => (Cursor::Snapshot { at: watermark, after: None }, true),
        Some(c) => (c, false),
    };
    let mut b = PageBuilder::new(conn, org);
    let (next, more) = match cursor {
        Cursor::Snapshot { at, after } => {
            if after.is_none() {
                b.list_header(list)?;
            }
            // A range on the primary key, so each page starts where the last
            // ended instead of walking the list from its start again.
            let after = after.unwrap_or(Uuid::nil());
            let people: Vec<Uuid> = conn
                .prepare_cached("SELECT person_id FROM list_people WHERE list_id = ?1 AND person_id > ?2 ORDER BY person_id LIMIT ?3")?
                .query_map(params![list, after, people_limit], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut attempts = conn.prepare_cached(&format!(
                "SELECT {} FROM attempts WHERE person_id = ?1 AND +org_id = ?2",
                records::ATTEMPT_COLUMNS
            ))?;
            // People taken into this page: all of them, unless their
            // attempts fill it first.
            let (mut taken, mut bytes) = (people.len(), 0);
            for (i, p) in people.iter().enumerate() {
                // Read from the list itself a moment ago: a member.
                b.membership(list, *p, true)?;
                let found: Vec<SentAttempt> = attempts
                    .query_map(params![p, org], |r| readable(r, 0, &mut b.attempts))?
                    .filter_map(Result::transpose)
                    .collect::<rusqlite::Result<_>>()?;
                for a in found {
                    if b.once(4, a.row.id) {
                        bytes += weight(&a);
                        b.loaded_attempt(a)?;
                    }
                }
                if bytes >= PAGE_BYTES {
                    taken = i + 1;
                    break;
                }
            }
            if taken < people.len() || people.len() as u32 == people_limit {
                (Cursor::Snapshot { at, after: people[..taken].last().copied() }, true)
            } else {
                // Copied: follow the log from the copy's point; anything that
                // changed while copying comes next.
                (Cursor::Changes { seq: at }, at < watermark)
            }
        }
        Cursor::Changes { seq } => {
            // Most changes are attempts, and most of those are about the
            // list's people: the list is read once, and each attempt checked
            // against it here, rather than looked up in it row by row.
            let members: HashSet<Uuid> = conn
                .prepare_cached("SELECT person_id FROM list_people WHERE list_id = ?1")?
                .query_map([list], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            // An attempt's row comes with its change.
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT c.seq, c.entity, c.entity_id, c.list_id, c.deleted, {attempt} FROM changes c
                 LEFT JOIN attempts a ON c.entity = 'attempt' AND a.id = c.entity_id AND a.org_id = c.org_id
                 WHERE c.org_id = ?1 AND c.seq > ?2 AND c.seq <= ?3 AND (
                    c.list_id = ?4
                    OR (c.list_id IS NULL AND (
                       (c.entity = 'person' AND EXISTS (SELECT 1 FROM list_people lp WHERE lp.list_id = ?4 AND lp.person_id = c.entity_id))
                    OR (c.entity = 'household' AND EXISTS (SELECT 1 FROM people p WHERE p.household_id = c.entity_id
                           AND EXISTS (SELECT 1 FROM list_people lp WHERE lp.list_id = ?4 AND lp.person_id = p.id)))
                    OR (c.entity = 'attempt' AND a.device_id IS NOT ?5))))
                 ORDER BY c.seq",
                attempt = records::attempt_columns_of("a"),
            ))?;
            let mut found = stmt.query(params![org, seq, watermark, list, device])?;
            let mut rows: Vec<ChangeRow> = Vec::new();
            let mut bytes = 0;
            // One row past the page says whether there is more, without a
            // round trip that comes back empty.
            while rows.len() <= changes_limit as usize
                && bytes < PAGE_BYTES
                && let Some(r) = found.next()?
            {
                let list_id: Option<Uuid> = r.get(3)?;
                let attempt = match r.get::<_, Option<Uuid>>(5)? {
                    Some(_) => {
                        let person: Option<Uuid> = r.get(6)?;
                        if list_id.is_none() && !person.is_some_and(|p| members.contains(&p)) {
                            continue;
                        }
                        let Some(a) = readable(r, 5, &mut b.attempts)? else { continue };
                        bytes += weight(&a);
                        Some(a)
                    }
                    None => None,
                };
                rows.push((r.get(0)?, r.get(1)?, r.get(2)?, list_id, r.get(4)?, attempt));
            }
            drop(found);
            drop(stmt);
            // Looking to the watermark, not to the page's end: the member
            // change may be pages away.
            let joined: HashMap<Uuid, i64> = match rows.first() {
                Some(_) => conn
                    .prepare_cached(
                        "SELECT entity_id, max(seq) FROM changes WHERE list_id = ?4 AND seq > ?2 AND seq <= ?3
                           AND entity = 'member' AND org_id = ?1 GROUP BY entity_id",
                    )?
                    .query_map(params![org, seq, watermark, list], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?,
                None => HashMap::new(),
            };
            let more = rows.len() as u32 > changes_limit || bytes >= PAGE_BYTES;
            rows.truncate(changes_limit as usize);
            let last_seq = rows.last().map(|r| r.0);
            for (seq, entity, id, list_id, deleted, attempt) in rows {
                match Entity::parse(&entity) {
                    Some(Entity::Person) if deleted => {
                        if b.once(2, id)
                            && let Some((person, _)) = records::load_person(conn, org, id)?
                        {
                            b.items.push(Item::Person { person, versions: BTreeMap::new(), deleted: true });
                        }
                    }
                    Some(Entity::Person) => b.person(id)?,
                    Some(Entity::Household) => b.household(id)?,
                    Some(Entity::Attempt) => {
                        if let Some(a) = attempt
                            && b.once(4, id)
                        {
                            b.logged_attempt(a, seq, &joined)?;
                        }
                    }
                    Some(Entity::Member) => b.member(list_id.unwrap_or(list), id)?,
                    Some(Entity::List) => b.list_header(list)?,
                    None => tracing::warn!(entity = %entity, "unknown entity in the change log"),
                }
            }
            if more {
                (Cursor::Changes { seq: last_seq.unwrap_or(seq) }, true)
            } else {
                // Nothing more for this list up to the watermark: skip past
                // other lists' changes for good.
                (Cursor::Changes { seq: watermark.max(seq) }, false)
            }
        }
        Cursor::Diverged => unreachable!("a diverged cursor starts a snapshot above"),
    };
    Ok(ScopePage { list_id: list, reset, items: b.items, attempts: b.attempts.finish(), cursor: next.text(), more })
}

/// Names a newly paired device: as asked (trimmed, at most 60 characters),
/// else after its user ("Mai's phone", then "Mai's phone 2").
fn name_device(conn: &Connection, redeemed: &accounts::Redeemed, asked: Option<&str>) -> Result<(), ApiError> {
    let asked = asked.map(str::trim).filter(|n| !n.is_empty()).map(|n| n.chars().take(60).collect::<String>());
    let name = match asked {
        Some(n) => n,
        None => {
            let n: i64 = conn.query_row("SELECT count(*) FROM devices WHERE user_id = ?1", [redeemed.user.id], |r| r.get(0))?;
            if n > 1 { format!("{}'s phone {n}", redeemed.user.name) } else { format!("{}'s phone", redeemed.user.name) }
        }
    };
    conn.execute("UPDATE devices SET name = ?2 WHERE id = ?1", params![redeemed.device_id, name])?;
    Ok(())
}

fn user_row(u: accounts::User) -> UserRow {
    UserRow { id: u.id, org_id: u.org_id, name: u.name, role: u.role, languages: u.languages }
}

/// The organizer's side of the storage interface. Each method names the
/// organization in every query it makes.
impl SqliteBackend {
    pub fn orgs(&self) -> Result<Vec<OrgRow>, ApiError> {
        Ok(self.reader().orgs()?.into_iter().map(|o| OrgRow { id: o.id, name: o.name }).collect())
    }

    pub fn create_org(&self, name: &str) -> Result<OrgRow, ApiError> {
        let o = self.writer().create_org(name)?;
        Ok(OrgRow { id: o.id, name: o.name })
    }

    pub fn users(&self, org: Uuid) -> Result<Vec<UserRow>, ApiError> {
        let store = self.reader();
        let ids: Vec<Uuid> = store
            .conn()
            .prepare_cached("SELECT id FROM users WHERE org_id = ?1 ORDER BY name, id")?
            .query_map([org], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| Ok(user_row(accounts::user(store.conn(), id)?))).collect()
    }

    pub fn add_user(&self, org: Uuid, user: &NewUser) -> Result<UserRow, ApiError> {
        Ok(user_row(accounts::add_user(self.writer().conn(), org, &user.name, &user.role, &user.languages)?))
    }

    pub fn make_pairing_code(&self, org: Uuid, user: Uuid, url: Option<&str>) -> Result<PairingCodeRow, ApiError> {
        let store = self.writer();
        let user = accounts::user(store.conn(), user)?;
        if user.org_id != org {
            return Err(ApiError::not_found("user", user.id));
        }
        let code = accounts::make_pairing_code(store.conn(), org, user.id, url)?;
        Ok(PairingCodeRow { code: code.code, user_id: user.id, user_name: user.name, qr_payload: code.qr_payload, qr_svg: None, expires_at: code.expires_at })
    }

    pub fn find_list(&self, org: Uuid, key: &str) -> Result<(Uuid, String), ApiError> {
        let list = doorstep_core::lists::resolve(self.reader().conn(), org, key)?;
        Ok((list.id, list.name))
    }

    /// Gives the list to `user`; unless `share`, whoever held it before
    /// loses it (an organizer reassigns by assigning again), keeping the
    /// grace in which their phone may still send what it recorded.
    pub fn assign_list(&self, org: Uuid, list: Uuid, user: Uuid, share: bool) -> Result<Vec<api::Holder>, ApiError> {
        let mut store = self.writer();
        if share {
            let user = doorstep_core::accounts::resolve_user(store.conn(), org, &user.to_string())?;
            let list = doorstep_core::lists::resolve(store.conn(), org, &list.to_string())?;
            accounts::assign_list(store.conn(), list.id, user.id)?;
            return Ok(vec![]);
        }
        let assigned = doorstep_core::lists::assign(store.conn_mut(), org, &list.to_string(), &user.to_string())?;
        Ok(assigned.previous.into_iter().map(|u| api::Holder { id: u.id, name: u.name }).collect())
    }

    pub fn cut_lists(&self, org: Uuid, mut spec: doorstep_core::lists::CutSpec, effort: Option<&str>, dry_run: bool) -> Result<api::CutRow, ApiError> {
        use doorstep_core::lists::cut;
        let mut store = if dry_run { self.reader() } else { self.writer() };
        spec.effort_id = effort.map(|e| doorstep_core::scripts::resolve_effort(store.conn(), org, e)).transpose()?.map(|e| e.id);
        let made = if dry_run { cut::preview(store.conn(), org, &spec)? } else { cut::cut(store.conn_mut(), org, &spec)? };
        Ok(api::CutRow {
            lists: made
                .lists
                .into_iter()
                .map(|l| api::CutListRow { id: l.id, name: l.name, kind: match l.kind { doorstep_core::domain::ListKind::Walk => "walk", doorstep_core::domain::ListKind::Call => "call" }.to_owned(), doors: l.doors as u32, people: l.people as u32 })
                .collect(),
            doors_left: made.doors_left as u32,
            warnings: made.warnings,
        })
    }

    pub fn unassign_list(&self, org: Uuid, list: Uuid, user: Uuid) -> Result<(), ApiError> {
        let store = self.writer();
        let ours: bool = store.conn().query_row("SELECT EXISTS(SELECT 1 FROM lists WHERE id = ?1 AND org_id = ?2)", params![list, org], |r| r.get(0))?;
        if !ours {
            return Err(ApiError::not_found("list", list));
        }
        accounts::unassign_list(store.conn(), list, user)?;
        Ok(())
    }

    pub fn attempts(&self, org: Uuid) -> Result<Vec<api::AttemptRow>, ApiError> {
        let rows = records::org_attempts(self.reader().conn(), org)?;
        Ok(rows
            .into_iter()
            .map(|a| api::AttemptRow {
                id: a.id,
                person: a.person_id,
                household: a.household_id,
                list: a.list_id,
                channel: serde_json::to_value(a.channel).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
                result: a.result.code().to_owned(),
                barrier_language: Some(a.result.barrier_language().to_owned()).filter(|l| !l.is_empty()),
                answers: serde_json::to_value(&a.answers).unwrap_or_default(),
                note: a.note,
                language_used: a.language_used,
                canvasser: a.canvasser,
                device: a.device_id,
                script: a.script_id,
                script_version: a.script_version,
                attempted_at: a.attempted_at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            })
            .collect())
    }

    pub fn import_script(&self, org: Uuid, text: &str, source: &str) -> Result<ScriptRow, ApiError> {
        let mut store = self.writer();
        let imported = doorstep_core::scripts::publish(store.conn_mut(), org, text, source).map_err(|e| match e {
            // Every failure, each naming its language, message and variable.
            e @ doorstep_core::scripts::PublishError::Refused { .. } => ApiError::bad_request(e.to_string()),
            doorstep_core::scripts::PublishError::Other(e) => e.into(),
        })?;
        Ok(ScriptRow {
            script_id: imported.script.id,
            name: imported.script.name.clone(),
            version: imported.script.version,
            effort_id: imported.effort.id,
            effort_name: imported.effort.name.clone(),
            languages: imported.script.texts.keys().cloned().collect(),
            questions: imported.script.questions.len() as u32,
            changed: imported.changed,
            unreviewed: imported.unreviewed,
        })
    }

    pub fn review_script(&self, org: Uuid, script: &str, language: &str, reviewer: Uuid) -> Result<ReviewRow, ApiError> {
        let mut store = self.writer();
        let r = doorstep_core::scripts::review(store.conn_mut(), org, script, language, reviewer)?;
        Ok(ReviewRow {
            script_id: r.script_id,
            script_name: r.script_name,
            version: r.version,
            language: r.language,
            reviewer: r.reviewer,
            newly: r.newly,
            unreviewed: r.unreviewed,
        })
    }

    pub fn devices(&self, org: Uuid) -> Result<Vec<DeviceRow>, ApiError> {
        let store = self.reader();
        let rows = store
            .conn()
            .prepare_cached(
                "SELECT d.id, coalesce(d.name, u.name), d.user_id, u.name, d.created_at, d.last_seen_at, d.revoked_at
                 FROM devices d JOIN users u ON u.id = d.user_id
                 WHERE d.org_id = ?1 ORDER BY u.name, d.created_at, d.id",
            )?
            .query_map([org], |r| {
                Ok(DeviceRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    user_id: r.get(2)?,
                    user_name: r.get(3)?,
                    paired_at: r.get(4)?,
                    last_seen_at: r.get(5)?,
                    revoked_at: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn revoke_device(&self, org: Uuid, device: Uuid) -> Result<(), ApiError> {
        accounts::revoke_device(self.writer().conn(), org, device)?;
        tracing::info!(%device, "device revoked");
        Ok(())
    }

    pub fn delete_person(&self, org: Uuid, person: Uuid) -> Result<(), ApiError> {
        let mut store = self.writer();
        doorstep_core::person::delete(store.conn_mut(), org, person)?;
        Ok(())
    }

    pub fn prune_changes(&self, org: Uuid, older_than: chrono::Duration) -> Result<u64, ApiError> {
        let mut store = self.writer();
        Ok(changes::prune(store.conn_mut(), org, older_than)? as u64)
    }
}
