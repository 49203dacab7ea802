//! The device's side of sync: push the outbox, pull each list's changes,
//! purge what is no longer assigned.
//!
//! Every step is its own transaction, so the process can be killed at any
//! point and the next sync resumes: an outbox row is deleted only after the
//! endpoint acknowledged it, and a pulled page is stored together with its
//! cursor.

use crate::error::{Error, Result};
use crate::records;
use crate::store::{Store, now_text};
use crate::sync::hlc::{Clock, Hlc, now_ms};
use crate::sync::proto::*;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::BTreeMap;
use std::time::Duration;
use uuid::Uuid;

/// Why a sync did not finish.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The endpoint could not be reached; try again later.
    #[error("offline: {0}")]
    Offline(String),
    /// The token was refused (revoked, or the device was wiped).
    #[error("the endpoint refused this device's token: {0}")]
    Unauthorized(String),
    /// The endpoint answered with an error. On a refused push it says
    /// where this device's numbering stands there (`applied_seq`) and which
    /// operation it refused (`op_seq`), when one was.
    #[error("the endpoint answered {status}: {message}")]
    Rejected { status: u16, code: String, message: String, applied_seq: Option<i64>, op_seq: Option<i64> },
    #[error(transparent)]
    Store(#[from] Error),
}

impl SyncError {
    pub fn rejected(status: u16, code: &str, message: impl Into<String>) -> SyncError {
        SyncError::Rejected { status, code: code.into(), message: message.into(), applied_seq: None, op_seq: None }
    }
}

impl From<rusqlite::Error> for SyncError {
    fn from(e: rusqlite::Error) -> Self {
        SyncError::Store(e.into())
    }
}

/// How a device talks to the endpoint. The HTTP one is for real use; tests
/// also drive the endpoint's own code in-process, with faults injected.
/// A request may be in flight on another thread while the device works on
/// the last answer.
pub trait Transport: Sync {
    fn push(&self, req: &EncodedPush) -> Result<PushResponse, SyncError>;
    fn pull(&self, req: &PullRequest) -> Result<PullResponse, SyncError>;

    /// A pull that returns as soon as the endpoint has said where its answer
    /// leaves the device, with the answer itself still to be read. By
    /// default the whole answer is read first.
    fn pull_started<'t>(&'t self, req: &PullRequest) -> Result<StartedPull<'t>, SyncError> {
        let resp = self.pull(req)?;
        Ok(StartedPull { next: Some(resp.next()), rest: Box::new(move || Ok(resp)) })
    }
}

/// A pull whose answer has begun to arrive.
pub struct StartedPull<'t> {
    /// Where the answer leaves the device, when the endpoint said so ahead.
    pub next: Option<NextPull>,
    /// Reads the rest of the answer.
    pub rest: Box<dyn FnOnce() -> Result<PullResponse, SyncError> + Send + 't>,
}

/// A push as the device sends it: a [`PushRequest`] in JSON, framed around
/// the outbox entries as they were stored, never parsed and written again.
#[derive(Debug, Clone)]
pub struct EncodedPush {
    pub json: Vec<u8>,
    pub last_seq: i64,
}

impl EncodedPush {
    /// The request as the endpoint reads it (for transports that call the
    /// endpoint's code directly).
    pub fn decode(&self) -> Result<PushRequest> {
        serde_json::from_slice(&self.json).map_err(|e| Error::Invalid(format!("push request: {e}")))
    }
}

/// The device's identity, kept in `device_state`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct Identity {
    pub device_id: Uuid,
    pub server_url: String,
    pub token: String,
    pub org: crate::domain::Organization,
    pub user: UserInfo,
    /// PEM of an extra root to trust (an organization's own endpoint).
    pub ca_cert: Option<String>,
}

pub fn state_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.prepare_cached("SELECT value FROM device_state WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()?)
}

pub fn state_set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached("INSERT INTO device_state(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")?
        .execute(params![key, value])?;
    Ok(())
}

pub fn identity(conn: &Connection) -> Result<Option<Identity>> {
    Ok(state_get(conn, "identity")?.and_then(|s| serde_json::from_str(&s).ok()))
}

/// Stores a fresh pairing: the organization, and this device's clock.
pub fn save_pairing(conn: &mut Connection, identity: &Identity, server_time_ms: u64) -> Result<()> {
    let tx = conn.transaction()?;
    state_set(&tx, "identity", &serde_json::to_string(identity).expect("serializable"))?;
    tx.execute(
        "INSERT OR IGNORE INTO organizations(id, name, created_at) VALUES (?1, ?2, ?3)",
        params![identity.org.id, identity.org.name, now_text()],
    )?;
    let mut clock = Clock::new(identity.device_id);
    clock.observe(server_time_ms);
    state_set(&tx, "clock", &clock.last.to_string())?;
    tx.commit()?;
    Ok(())
}

/// Takes the next clock value for a local edit, inside the edit's transaction.
pub fn tick(conn: &Connection, node: Uuid) -> Result<Hlc> {
    let mut clock = Clock::new(node);
    if let Some(last) = state_get(conn, "clock")?.and_then(|s| s.parse::<Hlc>().ok()) {
        clock.last = Hlc { node, ..last };
    }
    let hlc = clock.tick(now_ms());
    state_set(conn, "clock", &hlc.to_string())?;
    Ok(hlc)
}

fn observe(conn: &Connection, node: Uuid, server_ms: u64) -> Result<()> {
    let mut clock = Clock::new(node);
    if let Some(last) = state_get(conn, "clock")?.and_then(|s| s.parse::<Hlc>().ok()) {
        clock.last = Hlc { node, ..last };
    }
    clock.observe(server_ms);
    state_set(conn, "clock", &clock.last.to_string())
}

/// Appends an op to the outbox; call inside the transaction of the change.
pub fn enqueue(conn: &Connection, body: &OpBody) -> Result<i64> {
    conn.prepare_cached("INSERT INTO outbox(op_id, kind, body, created_at) VALUES (?1, ?2, ?3, ?4)")?.execute(params![
        crate::domain::new_id(),
        op_kind(body),
        serde_json::to_string(body).expect("serializable"),
        now_text()
    ])?;
    Ok(conn.last_insert_rowid())
}

fn op_kind(body: &OpBody) -> &'static str {
    match body {
        OpBody::Attempt { .. } => "attempt",
        OpBody::PersonEdit { .. } => "person_edit",
        OpBody::PersonAdd { .. } => "person_add",
    }
}

pub fn pending(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row("SELECT count(*) FROM outbox", [], |r| r.get::<_, i64>(0))? as u64)
}

/// What one sync did.
#[derive(Debug, Clone, Default, serde::Serialize, PartialEq)]
pub struct SyncReport {
    pub pushed: u64,
    pub pulled_items: u64,
    /// Pulled attempt rows this device could not read, skipped so the rest
    /// of their pages applied (each logged with its attempt id).
    #[serde(default)]
    pub skipped_rows: u64,
    pub lists: usize,
    pub purged_lists: usize,
    pub pending: u64,
    pub push_seconds: f64,
    pub pull_seconds: f64,
    /// Operations queued again because the endpoint had lost them.
    pub resent: u64,
    /// Operations the endpoint refused for good this sync (kept aside).
    pub refused: u64,
}

/// Ops per push: big enough that a day's work goes in a few round trips,
/// small enough that one lost answer costs little to resend.
const PUSH_BATCH: usize = 2500;
/// The first push of a sync, and the first page of a pull, are smaller:
/// the endpoint starts applying, and the device storing, that much sooner,
/// and the full-size batches behind them overlap with that work.
const FIRST_BATCH: usize = 500;
/// Pull pages double from FIRST_BATCH up to this size, then take the
/// endpoint's own: the device has nothing to store while it waits for the
/// second page, so that one is kept small too.
const RAMPED_PAGE: u32 = 2000;

/// Pushes the whole outbox, then pulls every assigned list to its end.
pub fn sync(store: &mut Store, transport: &dyn Transport) -> Result<SyncReport, SyncError> {
    let id = identity(store.conn())?.ok_or_else(|| Error::Invalid("this device is not paired".into()))?;
    let mut report = SyncReport::default();
    // A sync writes a day's work in a few transactions. Checkpointing in
    // the middle of it (SQLite's default, every 4 MB of log) makes whichever
    // page crosses the line wait for the disk; once at the end is enough.
    let autocheckpoint: i64 = store.conn().query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))?;
    store.conn().execute_batch("PRAGMA wal_autocheckpoint = 0")?;
    let started = std::time::Instant::now();
    let mut applied_seq = None;
    let result = push_all(store, transport, &id, &mut report).and_then(|_| {
        report.push_seconds = started.elapsed().as_secs_f64();
        let started = std::time::Instant::now();
        let pulled = pull_all(store, transport, &id, &mut report, &mut applied_seq);
        report.pull_seconds = started.elapsed().as_secs_f64();
        pulled
    });
    // With nothing to push, a pull is where the device learns that the
    // endpoint lost what it had acknowledged (restored from a backup).
    let result = match (result, applied_seq) {
        (Ok(()), Some(applied)) if applied < acked_mark(store.conn())? => {
            tracing::warn!(applied, "the endpoint has lost operations it acknowledged; sending this device's work again");
            report.resent += realign(store.conn_mut(), &id, applied, Realign::ResendHeld)?;
            push_all(store, transport, &id, &mut report).and_then(|_| pull_all(store, transport, &id, &mut report, &mut applied_seq))
        }
        (result, _) => result,
    };
    let conn = store.conn();
    conn.query_row(&format!("PRAGMA wal_autocheckpoint = {autocheckpoint}"), [], |_| Ok(()))?;
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
    match &result {
        Ok(()) => {
            state_set(conn, "last_sync", &now_text())?;
            state_set(conn, "last_error", "")?;
            state_set(conn, "online", "1")?;
        }
        Err(e) => {
            state_set(conn, "last_error", &e.to_string())?;
            state_set(conn, "online", if matches!(e, SyncError::Offline(_)) { "0" } else { "1" })?;
        }
    }
    result?;
    report.pending = pending(store.conn())?;
    Ok(report)
}

/// Up to `limit` outbox entries after `after`, oldest first, as a push
/// request; None when there are none.
fn outbox_batch(conn: &Connection, after: i64, limit: usize) -> Result<Option<EncodedPush>, SyncError> {
    use std::io::Write;
    let mut stmt = conn.prepare_cached("SELECT seq, op_id, body FROM outbox WHERE seq > ?1 ORDER BY seq LIMIT ?2")?;
    let mut rows = stmt.query(params![after, limit as i64])?;
    let mut json = Vec::with_capacity(limit * 512);
    json.extend_from_slice(br#"{"ops":["#);
    let mut last_seq = None;
    while let Some(row) = rows.next()? {
        let (seq, op_id): (i64, Uuid) = (row.get(0)?, row.get(1)?);
        let body = row.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
        // Checked, not parsed: a damaged entry stops here, named, instead
        // of making the endpoint refuse the whole batch.
        serde_json::from_str::<serde::de::IgnoredAny>(body)
            .map_err(|e| Error::Invalid(format!("outbox entry {seq} is unreadable: {e}")))?;
        if last_seq.is_some() {
            json.push(b',');
        }
        write!(json, r#"{{"seq":{seq},"op_id":"{op_id}","body":{body}}}"#).expect("writing to memory");
        last_seq = Some(seq);
    }
    json.extend_from_slice(b"]}");
    Ok(last_seq.map(|last_seq| EncodedPush { json, last_seq }))
}

/// Batches in flight at once: while the endpoint applies one, the next is
/// already read, sent and parsed, and waits its turn at the endpoint.
const PUSHES_IN_FLIGHT: usize = 2;
/// Fresh starts after a batch overtook the one before it.
const OVERTAKEN_RETRIES: usize = 3;

/// Pushes the outbox in batches, a few in flight at once. The endpoint
/// applies a batch only right after the one before it, so a batch that
/// overtakes its predecessor on the way is refused (`sequence_gap`) and
/// sent again; nothing leaves the outbox before the endpoint acknowledged it.
fn push_all(store: &mut Store, transport: &dyn Transport, id: &Identity, report: &mut SyncReport) -> Result<(), SyncError> {
    let mut retries = 0;
    // Each refusal takes one operation out of the outbox, so this ends.
    loop {
        // What the endpoint had acknowledged before this round: a refusal's
        // `applied_seq` is as of the batch it refused, and a batch ahead of
        // it in the pipeline may be acknowledged after it, so only a number
        // below what was acknowledged before the round means loss.
        let acked = acked_mark(store.conn())?;
        let err = match push_pipelined(store, transport, id, report) {
            Err(e) => e,
            done => return done,
        };
        let SyncError::Rejected { status, code, message, applied_seq: Some(applied), op_seq } = &err else { return Err(err) };
        match code.as_str() {
            // The endpoint lost operations it had acknowledged (it was
            // restored from a backup): send again what this device holds.
            "sequence_gap" if *applied < acked => {
                tracing::warn!(applied, acked, "the endpoint has lost operations it acknowledged; sending this device's work again");
                report.resent += realign(store.conn_mut(), id, *applied, Realign::ResendHeld)?;
            }
            // A batch overtook the one before it on the way.
            "sequence_gap" if retries < OVERTAKEN_RETRIES => retries += 1,
            // This device numbers again from where an older copy of its data
            // was: its newer work is at the endpoint, and comes back with
            // fresh copies of its lists.
            "sequence_reused" => {
                tracing::warn!(applied, acked, "this device's outbox numbering went back; lining it up with the endpoint");
                realign(store.conn_mut(), id, *applied, Realign::RefetchLists)?;
            }
            // One operation the endpoint will never take (another
            // organization's id, someone not on this user's lists): kept
            // aside with the reason, so the rest of the outbox can go.
            _ if op_seq.is_some() && matches!(status, 400 | 403 | 404 | 422) => {
                refuse(store.conn_mut(), op_seq.expect("checked"), *status, message)?;
                report.refused += 1;
                realign(store.conn_mut(), id, *applied, Realign::Renumber)?;
            }
            _ => return Err(err),
        }
    }
}

/// The highest operation number this device has seen acknowledged: every
/// number below the oldest one still in the outbox was.
fn acked_mark(conn: &Connection) -> Result<i64> {
    let oldest: Option<i64> = conn.query_row("SELECT min(seq) FROM outbox", [], |r| r.get(0))?;
    Ok(match oldest {
        Some(s) => s - 1,
        None => conn.query_row("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)", [], |r| r.get(0))?,
    })
}

/// A cursor that makes the endpoint copy a list afresh (`reset`): change 0,
/// with a mark no change has.
const REFETCH_CURSOR: &str = "c:0~refetch";

/// What lining the outbox up with the endpoint also does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Realign {
    /// Only number the outbox from the endpoint's next.
    Renumber,
    /// The endpoint lost work: put everything this device authored and
    /// still holds ahead of the outbox (the endpoint applies each once).
    ResendHeld,
    /// This device lost work the endpoint has: fetch its lists afresh,
    /// since the endpoint never sends a device back what it sent.
    RefetchLists,
}

/// Renumbers the outbox to follow `applied`, the last operation the
/// endpoint applied from this device, in one transaction; returns how many
/// operations were queued again. Pending operations keep their ids, so any
/// the endpoint has applied under their old numbers are not applied twice.
fn realign(conn: &mut Connection, id: &Identity, applied: i64, how: Realign) -> Result<u64> {
    let tx = conn.transaction()?;
    let pending: Vec<(Uuid, String, String, String)> = tx
        .prepare("SELECT op_id, kind, body, created_at FROM outbox ORDER BY seq")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let held = if how == Realign::ResendHeld { held_work(&tx, id)? } else { Vec::new() };
    tx.execute("DELETE FROM outbox", [])?;
    let mut seq = applied.max(0);
    let mut insert = tx.prepare("INSERT INTO outbox(seq, op_id, kind, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    let now = now_text();
    for body in &held {
        seq += 1;
        insert.execute(params![seq, crate::domain::new_id(), op_kind(body), serde_json::to_string(body).expect("serializable"), now])?;
    }
    for (op_id, kind, body, created_at) in &pending {
        seq += 1;
        insert.execute(params![seq, op_id, kind, body, created_at])?;
    }
    drop(insert);
    // New operations are numbered after these, even when that is lower
    // than numbers this device used before.
    tx.execute("DELETE FROM sqlite_sequence WHERE name = 'outbox'", [])?;
    tx.execute("INSERT INTO sqlite_sequence(name, seq) VALUES ('outbox', ?1)", [seq])?;
    if how == Realign::RefetchLists {
        // A cursor whose mark names no change the endpoint holds: its next
        // page of each list starts a fresh copy with `reset`, so the list is
        // dropped and refilled together with that page, never left empty by
        // a sync cut in between.
        tx.execute("UPDATE sync_scopes SET cursor = ?1", [REFETCH_CURSOR])?;
    }
    tx.commit()?;
    Ok(held.len() as u64)
}

/// Everything this device authored that it still holds, as operations:
/// the people it added, the fields it last set, and its attempts, in the
/// order the endpoint needs them (people before what names them). Each is
/// applied once however often it arrives: a person already there is left
/// alone, an edit merges by its clock, an attempt is kept by its id.
fn held_work(conn: &Connection, id: &Identity) -> Result<Vec<OpBody>> {
    let node = format!("%-{}", id.device_id.simple());
    let mut versions: BTreeMap<Uuid, Vec<(PersonField, Hlc)>> = BTreeMap::new();
    let mut rows = conn.prepare("SELECT entity_id, field, hlc FROM field_versions WHERE entity = 'person' AND hlc LIKE ?1")?;
    let mut found = rows.query([&node])?;
    while let Some(r) = found.next()? {
        let (person, field, clock): (Uuid, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        if let (Some(field), Ok(clock)) = (PersonField::from_column(&field), clock.parse::<Hlc>()) {
            versions.entry(person).or_default().push((field, clock));
        }
    }
    drop(found);
    let held_lists: std::collections::HashSet<Uuid> =
        conn.prepare("SELECT list_id FROM sync_scopes")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut adds = Vec::new();
    let mut edits = Vec::new();
    for (person_id, fields) in versions {
        let Some((person, false)) = records::load_person(conn, id.org.id, person_id)? else { continue };
        let household = match person.household_id {
            Some(h) => records::load_household(conn, id.org.id, h)?,
            None => None,
        };
        let list_id = conn
            .prepare_cached("SELECT list_id FROM list_people WHERE person_id = ?1")?
            .query_map([person_id], |r| r.get::<_, Uuid>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .find(|l| held_lists.contains(l));
        let newest = fields.iter().map(|(_, c)| *c).max().expect("at least one field");
        for (field, clock) in &fields {
            edits.push(OpBody::PersonEdit { person_id, field: *field, value: records::person_field_value(&person, *field), hlc: *clock });
        }
        adds.push(OpBody::PersonAdd { person, household, list_id, hlc: newest });
    }
    let mut attempts = Vec::new();
    let mut stmt = conn.prepare(&format!("SELECT {} FROM attempts WHERE device_id = ?1 ORDER BY attempted_at", records::ATTEMPT_COLUMNS))?;
    let mut found = stmt.query([id.device_id])?;
    while let Some(r) = found.next()? {
        attempts.push(OpBody::Attempt { attempt: records::attempt_from_row(r)? });
    }
    Ok(adds.into_iter().chain(edits).chain(attempts).collect())
}

/// Moves an operation the endpoint refused for good out of the outbox,
/// keeping it with the reason.
fn refuse(conn: &mut Connection, seq: i64, status: u16, reason: &str) -> Result<()> {
    let tx = conn.transaction()?;
    let moved = tx.execute(
        "INSERT OR REPLACE INTO outbox_refused(op_id, kind, body, created_at, refused_at, status, reason)
         SELECT op_id, kind, body, created_at, ?2, ?3, ?4 FROM outbox WHERE seq = ?1",
        params![seq, now_text(), status, reason],
    )?;
    if moved == 0 {
        return Err(Error::Invalid(format!("the endpoint refused operation {seq}, which this device does not hold")));
    }
    tx.execute("DELETE FROM outbox WHERE seq = ?1", [seq])?;
    tx.commit()?;
    tracing::warn!(seq, status, "the endpoint refused an operation; kept aside on this device");
    Ok(())
}

/// Operations the endpoint refused for good, kept on this device.
pub fn refused(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row("SELECT count(*) FROM outbox_refused", [], |r| r.get::<_, i64>(0))? as u64)
}

fn push_pipelined(store: &mut Store, transport: &dyn Transport, id: &Identity, report: &mut SyncReport) -> Result<(), SyncError> {
    let mut next = outbox_batch(store.conn(), 0, FIRST_BATCH)?;
    std::thread::scope(|s| {
        let mut flying = std::collections::VecDeque::with_capacity(PUSHES_IN_FLIGHT);
        let mut failed: Option<SyncError> = None;
        loop {
            while failed.is_none() && flying.len() < PUSHES_IN_FLIGHT {
                let Some(req) = next.take() else { break };
                let last = req.last_seq;
                flying.push_back((last, s.spawn(move || transport.push(&req))));
                match outbox_batch(store.conn(), last, PUSH_BATCH) {
                    Ok(batch) => next = batch,
                    Err(e) => failed = Some(e),
                }
            }
            let Some((last, in_flight)) = flying.pop_front() else {
                return failed.map_or(Ok(()), Err);
            };
            let resp = match in_flight.join().unwrap_or_else(|p| std::panic::resume_unwind(p)) {
                Ok(resp) => resp,
                Err(e) => {
                    // Those behind it still answer; what they got in is acknowledged.
                    failed.get_or_insert(e);
                    continue;
                }
            };
            let tx = store.conn_mut().transaction()?;
            // Only what the endpoint acknowledged leaves the outbox.
            let removed = tx.execute("DELETE FROM outbox WHERE seq <= ?1", [resp.acked_seq])?;
            observe(&tx, id.device_id, resp.server_time_ms)?;
            tx.commit()?;
            report.pushed += removed as u64;
            if resp.acked_seq < last && failed.is_none() {
                failed = Some(SyncError::rejected(409, "partial_ack", format!("the endpoint acknowledged up to {} of {last}", resp.acked_seq)));
            }
        }
    })
}

/// Pulls every held list to its end. Each answer is asked for, read and
/// parsed on its own thread, and the next is asked for as soon as the
/// endpoint has said where this one leaves the device: the endpoint builds
/// a page and the device reads one while it stores the last. An answer in
/// flight when something fails is dropped: cursors move only with the pages
/// they belong to.
fn pull_all(
    store: &mut Store,
    transport: &dyn Transport,
    id: &Identity,
    report: &mut SyncReport,
    applied_seq: &mut Option<i64>,
) -> Result<(), SyncError> {
    let scopes: BTreeMap<Uuid, String> = store
        .conn()
        .prepare_cached("SELECT list_id, cursor FROM sync_scopes")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // The request that follows an answer to `asked`, if any list has more.
    let follow = |asked: &PullRequest, next: NextPull| {
        let limit = asked.limit.map(|n| n * 2).filter(|n| *n <= RAMPED_PAGE);
        next.more.then_some(PullRequest { scopes: next.scopes, limit })
    };
    std::thread::scope(|s| {
        let ask = |req: PullRequest| {
            let (said, ahead) = std::sync::mpsc::sync_channel(1);
            let sent = req.clone();
            let answer = s.spawn(move || {
                let started = transport.pull_started(&sent)?;
                // Nobody listening means the sync already failed.
                let _ = said.send(started.next);
                (started.rest)()
            });
            (req, ahead, answer)
        };
        let mut asked = ask(PullRequest { scopes, limit: Some(FIRST_BATCH as u32) });
        loop {
            let (req, ahead, answer) = asked;
            // Nothing said ahead (an error, or an endpoint without the
            // header): the next request waits for the answer.
            let said_ahead = ahead.recv().ok().flatten().and_then(|next| follow(&req, next));
            let mut next = said_ahead.clone().map(ask);
            let resp = answer.join().unwrap_or_else(|p| std::panic::resume_unwind(p))?;
            let said = follow(&req, resp.next());
            if next.is_none() {
                next = said.map(ask);
            } else if said != said_ahead {
                return Err(SyncError::rejected(200, "bad_response", format!("the {NEXT_PULL_HEADER} header does not match the pull answer")));
            }
            *applied_seq = resp.applied_seq;
            // The endpoint lost work it had acknowledged: before this answer
            // (which may copy lists afresh, and so drop what this device
            // holds of them) the device must send that work again.
            if let Some(applied) = resp.applied_seq
                && applied < acked_mark(store.conn())?
            {
                return Ok(());
            }
            apply_answer(store, id, &req, &resp, report)?;
            match next {
                Some(n) => asked = n,
                None => return Ok(()),
            }
        }
    })
}

/// Stores one pull answer in one transaction: the endpoint's clock, the
/// user, purges of lists no longer assigned, and each page with its cursor.
fn apply_answer(store: &mut Store, id: &Identity, req: &PullRequest, resp: &PullResponse, report: &mut SyncReport) -> Result<(), SyncError> {
    let tx = store.conn_mut().transaction()?;
    observe(&tx, id.device_id, resp.server_time_ms)?;
    // The user's languages may have changed at the endpoint.
    if resp.user != id.user {
        let ident = Identity { user: resp.user.clone(), ..id.clone() };
        state_set(&tx, "identity", &serde_json::to_string(&ident).expect("serializable"))?;
    }
    let mut purged = 0;
    for held in req.scopes.keys().filter(|l| !resp.assigned.contains(l)) {
        purge_list(&tx, *held)?;
        purged += 1;
    }
    let mut items = 0;
    for page in &resp.pages {
        if page.reset {
            purge_list(&tx, page.list_id)?;
        }
        report.skipped_rows += apply_page(&tx, id.org.id, page)?;
        tx.execute(
            "INSERT INTO sync_scopes(list_id, cursor) VALUES (?1, ?2) ON CONFLICT(list_id) DO UPDATE SET cursor = excluded.cursor",
            params![page.list_id, page.cursor],
        )?;
        items += (page.items.len() + page.attempts.len()) as u64;
    }
    tx.commit()?;
    report.purged_lists += purged;
    report.pulled_items += items;
    report.lists = resp.assigned.len();
    Ok(())
}

/// Applies one pulled page (the caller commits it with its cursor). Returns
/// how many of its attempt rows could not be read: those are skipped and
/// logged, and the rest applies.
pub fn apply_page(conn: &Connection, org: Uuid, page: &ScopePage) -> Result<u64> {
    let mut items: Vec<&Item> = page.items.iter().collect();
    items.sort_by_key(|i| i.rank());
    for item in items {
        match item {
            Item::List { list, effort, script } => {
                if let Some(e) = effort {
                    records::upsert_effort(conn, org, e)?;
                }
                if let Some(s) = script {
                    records::upsert_script(conn, org, s)?;
                }
                records::upsert_list(conn, org, list)?;
            }
            // A device never groups households by address, so the key is
            // the id: no pulled household can collide with another.
            Item::Household { household } => records::upsert_household(conn, org, household, Some(&household.id.to_string()))?,
            Item::Person { person, versions, deleted } => records::upsert_person(conn, org, person, versions, *deleted)?,
            Item::Member { list_id, person_id, removed } => {
                if *removed {
                    conn.prepare_cached("DELETE FROM list_people WHERE list_id = ?1 AND person_id = ?2")?
                        .execute(params![list_id, person_id])?;
                } else {
                    conn.prepare_cached("INSERT OR IGNORE INTO list_people(list_id, person_id) VALUES (?1, ?2)")?
                        .execute(params![list_id, person_id])?;
                }
            }
        }
    }
    let (attempts, skipped) = page.attempts.read();
    for row in &skipped {
        // The reason names the field, never its value.
        tracing::warn!(list = %page.list_id, attempt = %row.id, reason = %row.reason, "skipped a pulled attempt this device cannot read");
    }
    let attempts: Vec<&crate::domain::Attempt> = attempts.iter().collect();
    records::insert_attempts(conn, org, &attempts)?;
    Ok(skipped.len() as u64)
}

/// Drops a list and everything held only for it, except what unsent ops
/// still name. Local only: a purge is never sent upstream.
pub fn purge_list(conn: &Connection, list: Uuid) -> Result<()> {
    conn.execute("DELETE FROM list_people WHERE list_id = ?1", [list])?;
    conn.execute("DELETE FROM lists WHERE id = ?1", [list])?;
    conn.execute("DELETE FROM sync_scopes WHERE list_id = ?1", [list])?;
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS keep_people(id BLOB PRIMARY KEY);
         DELETE FROM temp.keep_people;
         INSERT OR IGNORE INTO temp.keep_people
           SELECT person_id FROM list_people
           UNION SELECT json_extract(body, '$.attempt.person_id') FROM outbox WHERE kind = 'attempt'
           UNION SELECT json_extract(body, '$.person_id') FROM outbox WHERE kind = 'person_edit'
           UNION SELECT json_extract(body, '$.person.id') FROM outbox WHERE kind = 'person_add';",
    )?;
    // json_extract gives the uuid as text; the store holds blobs. Compare both ways.
    let gone: Vec<(Uuid, i64)> = conn
        .prepare(
            "SELECT id, rowid FROM people p WHERE NOT EXISTS (SELECT 1 FROM temp.keep_people k WHERE k.id = p.id)
               AND NOT EXISTS (SELECT 1 FROM temp.keep_people k WHERE typeof(k.id) = 'text' AND k.id = lower(
                 substr(hex(p.id),1,8)||'-'||substr(hex(p.id),9,4)||'-'||substr(hex(p.id),13,4)||'-'||substr(hex(p.id),17,4)||'-'||substr(hex(p.id),21)))",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (person, rowid) in gone {
        conn.execute(
            "DELETE FROM attempts WHERE person_id = ?1 AND NOT EXISTS (
               SELECT 1 FROM outbox WHERE kind = 'attempt' AND json_extract(body, '$.attempt.id') = lower(
                 substr(hex(attempts.id),1,8)||'-'||substr(hex(attempts.id),9,4)||'-'||substr(hex(attempts.id),13,4)||'-'||substr(hex(attempts.id),17,4)||'-'||substr(hex(attempts.id),21)))",
            [person],
        )?;
        conn.execute("DELETE FROM people_search WHERE rowid = ?1", [rowid])?;
        conn.execute("DELETE FROM phone_index WHERE person_rowid = ?1", [rowid])?;
        conn.execute("DELETE FROM external_ids WHERE person_id = ?1", [person])?;
        conn.execute("DELETE FROM field_versions WHERE entity = 'person' AND entity_id = ?1", [person])?;
        let remaining: i64 = conn.query_row("SELECT count(*) FROM attempts WHERE person_id = ?1", [person], |r| r.get(0))?;
        if remaining == 0 {
            conn.execute("DELETE FROM people WHERE id = ?1", [person])?;
        }
    }
    // Doors named by an attempt stay. Most attempts are indexed by person
    // only, so the doors they name are gathered in one pass, not looked up.
    let empty: Vec<(Uuid, i64)> = conn
        .prepare(
            "SELECT id, rowid FROM households h WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.household_id = h.id)
               AND h.id NOT IN (SELECT household_id FROM attempts WHERE household_id IS NOT NULL)",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (h, rowid) in empty {
        conn.execute("DELETE FROM household_search WHERE rowid = ?1", [rowid])?;
        conn.execute("DELETE FROM households WHERE id = ?1", [h])?;
    }
    Ok(())
}

/// Talks to the endpoint over HTTPS (plain HTTP only to this machine), with
/// zstd-compressed bodies both ways.
pub struct HttpTransport {
    client: reqwest::blocking::Client,
    base: String,
    token: String,
}

impl HttpTransport {
    pub fn new(base: &str, token: Option<&str>, ca_cert: Option<&str>) -> Result<HttpTransport> {
        check_url(base)?;
        let mut builder = reqwest::blocking::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            // Below the endpoint's 15 s idle limit, so a request never goes
            // out on a connection the endpoint is just closing.
            .pool_idle_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(120))
            .user_agent(concat!("doorstep/", env!("CARGO_PKG_VERSION")));
        if let Some(pem) = ca_cert {
            let cert = reqwest::Certificate::from_pem(pem.as_bytes()).map_err(|e| Error::Invalid(format!("CA certificate: {e}")))?;
            builder = builder.add_root_certificate(cert);
        }
        let client = builder.build().map_err(|e| Error::Invalid(format!("HTTP client: {e}")))?;
        Ok(HttpTransport { client, base: base.trim_end_matches('/').to_owned(), token: token.unwrap_or_default().to_owned() })
    }

    fn post<Req: serde::Serialize, Resp: serde::de::DeserializeOwned>(&self, path: &str, body: &Req) -> Result<Resp, SyncError> {
        self.post_json(path, &serde_json::to_vec(body).expect("serializable"))
    }

    fn post_json<Resp: serde::de::DeserializeOwned>(&self, path: &str, json: &[u8]) -> Result<Resp, SyncError> {
        Self::read(self.send(path, json)?)
    }

    fn send(&self, path: &str, json: &[u8]) -> Result<reqwest::blocking::Response, SyncError> {
        let compressed = zstd::encode_all(json, 3).map_err(|e| Error::Invalid(format!("compressing: {e}")))?;
        let mut req = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .header("content-encoding", "zstd")
            .body(compressed);
        if !self.token.is_empty() {
            req = req.bearer_auth(&self.token);
        }
        req.send().map_err(|e| SyncError::Offline(describe_reqwest(&e)))
    }

    /// The answer's body: the value when it succeeded, else the error it names.
    fn read<Resp: serde::de::DeserializeOwned>(resp: reqwest::blocking::Response) -> Result<Resp, SyncError> {
        let status = resp.status();
        let bytes = resp.bytes().map_err(|e| SyncError::Offline(describe_reqwest(&e)))?;
        if status.is_success() {
            return serde_json::from_slice(&bytes)
                .map_err(|e| SyncError::rejected(status.as_u16(), "bad_response", e.to_string()));
        }
        let err: ErrorBody = serde_json::from_slice(&bytes).unwrap_or(ErrorBody {
            error: "http".into(),
            message: String::from_utf8_lossy(&bytes).chars().take(200).collect(),
            applied_seq: None,
            op_seq: None,
        });
        if status.as_u16() == 401 {
            return Err(SyncError::Unauthorized(err.message));
        }
        // 408 (a request cut off on a bad connection) and 429 (a busy
        // endpoint) say "later", as a server error does; push and pull are
        // safe to send again.
        if status.is_server_error() || matches!(status.as_u16(), 408 | 429) {
            // The endpoint is there but struggling (or restarting): retry later.
            return Err(SyncError::Offline(format!("{status}: {}", err.message)));
        }
        Err(SyncError::Rejected { status: status.as_u16(), code: err.error, message: err.message, applied_seq: err.applied_seq, op_seq: err.op_seq })
    }

    pub fn pair(&self, code: &str) -> Result<PairResponse, SyncError> {
        self.post("/v1/pair", &PairRequest { code: code.to_owned(), device_name: None })
    }
}

fn describe_reqwest(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        source = inner.source();
    }
    s
}

/// Voter data leaves the machine only over TLS.
pub fn check_url(url: &str) -> Result<()> {
    // Parsed as the HTTP client will parse it, so the host checked is the
    // host connected to: `http://localhost:1@192.0.2.2/` goes to 192.0.2.2.
    let parsed = url::Url::parse(url).map_err(|e| Error::Invalid(format!("{url:?} is not an http(s) address: {e}")))?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(Error::Invalid(format!("{url:?}: an endpoint address carries no user name or password")));
    }
    match parsed.scheme() {
        "https" => return Ok(()),
        "http" => {}
        _ => return Err(Error::Invalid(format!("{url:?} is not an http(s) address"))),
    }
    let loopback = match parsed.host() {
        Some(url::Host::Domain(d)) => d == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()),
        None => false,
    };
    if loopback {
        Ok(())
    } else {
        Err(Error::Invalid(format!("{url}: plain HTTP is allowed only to this machine; use https://")))
    }
}

impl Transport for HttpTransport {
    fn push(&self, req: &EncodedPush) -> Result<PushResponse, SyncError> {
        self.post_json("/v1/push", &req.json)
    }
    fn pull(&self, req: &PullRequest) -> Result<PullResponse, SyncError> {
        self.post("/v1/pull", req)
    }

    fn pull_started<'t>(&'t self, req: &PullRequest) -> Result<StartedPull<'t>, SyncError> {
        let resp = self.send("/v1/pull", &serde_json::to_vec(req).expect("serializable"))?;
        // An endpoint without the header (or an error) is read whole first.
        let next = resp
            .status()
            .is_success()
            .then(|| resp.headers().get(NEXT_PULL_HEADER))
            .flatten()
            .and_then(|v| serde_json::from_slice::<NextPull>(v.as_bytes()).ok());
        Ok(StartedPull { next, rest: Box::new(move || Self::read(resp)) })
    }
}

#[cfg(test)]
mod tests {
    use super::check_url;

    #[test]
    fn plain_http_only_on_loopback() {
        assert!(check_url("http://127.0.0.1:8080").is_ok());
        assert!(check_url("http://localhost:1/x").is_ok());
        assert!(check_url("http://[::1]:9/").is_ok());
        assert!(check_url("https://door.example.org").is_ok());
        assert!(check_url("http://10.0.0.5:8080").is_err());
        assert!(check_url("ftp://x").is_err());
        assert!(check_url("HTTP://LOCALHOST:8480").is_ok());
        assert!(check_url("http://127.9.9.9/").is_ok());
        // Tricks that name loopback somewhere other than the host.
        for url in [
            "http://localhost:1@192.0.2.2/",
            "http://localhost@192.0.2.2/",
            "http://127.0.0.1:x@192.0.2.2/",
            "http://192.0.2.2/?http://localhost/",
            "http://192.0.2.2#@localhost/",
            "http://localhost.evil.example/",
            "http://127.0.0.1.evil.example/",
            "http://[::ffff:192.0.2.2]/",
            "http://0x7f000001.example/",
            "http://user:pw@localhost/",
            "https://user@door.example.org/",
            "not a url",
            "",
        ] {
            assert!(check_url(url).is_err(), "{url} passed");
        }
    }
}
