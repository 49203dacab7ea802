//! Streaming voter-file import.
//!
//! A reader thread parses and folds rows, groups them into households by
//! normalized address and gives new people and doors their ids, while the
//! calling thread only writes to SQLite, all in one transaction: a file is
//! imported whole or not at all. A person already in the store (matched by
//! external id) is updated, never duplicated.
//!
//! Into an organization that holds nobody yet, the bulk case, every row is
//! a new person unless the file lists someone twice. There the reader also
//! numbers the rows, the writer inserts them many to a statement, and the
//! phone and external-id index entries, which in file order would land all
//! over B-trees larger than the page cache, are sorted (`spill`) and written
//! after everyone else; a repeated id is merged then, as a re-import would.


pub mod layout;
mod preview;
mod row;
mod spill;
pub mod states;

pub use layout::{ColumnUse, Field, LayoutKind, Mapping, Recognized, RecognizedColumn, recognize};
pub use preview::{Preview, PreviewRow, preview};
pub use row::{RowProblem, Warning, WarningKind};

use crate::domain::Organization;
use crate::error::{Error, Result};
use crate::store::{Store, now_text};
use crate::bulk::{self, ManyRows, Value};
use layout::ColumnMap;
use row::{ImportRow, RowParser};
use spill::{IdEntry, PhoneEntry, Sorter};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use uuid::Uuid;

/// How many problems a rejected file reports before it stops reading.
pub const DEFAULT_MAX_ERRORS: usize = 100;
/// How many warnings a summary lists one by one; all are counted by kind.
pub const LISTED_WARNINGS: usize = 20;
/// Lines, or index entries, per message between the threads.
const BATCH: usize = 2048;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// None: ncvoter when the header looks like one, else generic CSV.
    pub layout: Option<LayoutKind>,
    pub mapping: Option<Mapping>,
    /// Import the good rows and write the rejected ones to a side file.
    pub skip_bad_rows: bool,
    /// Where rejected rows go; default `<file>.rejected.csv`.
    pub rejects_path: Option<PathBuf>,
    pub max_errors: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportSummary {
    pub file: String,
    pub organization: String,
    pub layout: String,
    pub rows: u64,
    pub people_created: u64,
    pub people_updated: u64,
    pub households_created: u64,
    pub rejected: u64,
    pub rejects_file: Option<String>,
    /// Values kept as written or left out, in rows that were imported.
    pub warnings: u64,
    pub warnings_by_kind: std::collections::BTreeMap<WarningKind, u64>,
    /// The first [`LISTED_WARNINGS`], in file order.
    pub first_warnings: Vec<Warning>,
    pub seconds: f64,
    pub rows_per_second: f64,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub bytes: u64,
    pub total_bytes: u64,
    pub rows: u64,
}

/// A file that was rejected: nothing from it was written.
#[derive(Debug, Serialize)]
pub struct ImportError {
    pub file: String,
    pub problems: Vec<RowProblem>,
    /// More problems exist than were reported.
    pub truncated: bool,
}

impl std::error::Error for ImportError {}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: rejected, nothing was imported ({} problem(s){}):", self.file, self.problems.len(),
            if self.truncated { ", stopped counting" } else { "" })?;
        for p in &self.problems {
            write!(f, "  {}:{}", self.file, p.line)?;
            if let Some((n, name)) = &p.column {
                write!(f, ": column {n} ({name})")?;
            }
            writeln!(f, ": {}", p.message)?;
        }
        if self.truncated {
            writeln!(f, "  … further problems not shown")?;
        }
        Ok(())
    }
}

impl ImportError {
    fn whole_file(file: &str, line: u64, message: String) -> Error {
        Error::Import(ImportError {
            file: file.to_owned(),
            problems: vec![RowProblem { line, column: None, message }],
            truncated: false,
        })
    }
}

/// Page cache while importing, and while building indexes at the end.
const IMPORT_CACHE: &str = "-32768";
const INDEX_BUILD_CACHE: &str = "-16384";

/// A store no device could be reading: nobody in it, and no device paired
/// with it. Only such a store is imported into as a bulk load (rollback
/// journal, indexes rebuilt at the end). A store with paired devices is
/// live even while `doorstep serve` is down: an endpoint started during a
/// rollback-journal import could not open it until the import ended.
const EMPTY_STORE: &str = "SELECT NOT EXISTS (SELECT 1 FROM people) AND NOT EXISTS (SELECT 1 FROM devices)";

/// Secondary indexes an import into an empty store rebuilds at the end;
/// `people_org` is kept, since rows arrive in its order. They must match
/// `schema/migrations` exactly.
const DROP_BULK_INDEXES: &str = "DROP INDEX people_household; DROP INDEX external_ids_person; DROP INDEX households_precinct;
     DROP INDEX phone_index_person;";
const CREATE_BULK_INDEXES: &str = "CREATE INDEX people_household ON people(household_id);
     CREATE INDEX external_ids_person ON external_ids(person_id);
     CREATE INDEX phone_index_person ON phone_index(person_rowid);
     CREATE INDEX households_precinct ON households(org_id, precinct);";

/// One line of the file, parsed or not.
enum Item {
    Row(Box<ImportRow>),
    Bad(Vec<RowProblem>, csv::ByteRecord),
}

struct Batch {
    items: Vec<Item>,
    bytes: u64,
}

/// What the reader thread hands the writer, in this order: every line of
/// the file, then, when the reader numbered the new people itself, their
/// phone and external-id index entries in key order.
enum Message {
    Lines(Batch),
    Phones(Vec<PhoneEntry>),
    Ids(Vec<IdClaim>),
    Failed(String),
}

enum IdClaim {
    /// The first row of the file to carry this id.
    First(IdEntry),
    /// A later row with the same id: the same person, listed again.
    Repeat { rowid: i64, first: IdEntry },
}

/// Imports one voter file into `org`.
pub fn import_file(
    store: &mut Store,
    org: &Organization,
    path: &Path,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportSummary> {
    let started = std::time::Instant::now();
    let source = Source::open(path, opts)?;
    let file_name = source.file_name.clone();
    let layout_name = source.recognized.layout.clone();

    let conn = store.conn_mut();
    let empty_store: bool = conn.query_row(EMPTY_STORE, [], |r| r.get(0))?;
    let settings = BulkSettings::apply(conn, empty_store)?;
    let written = write_file(conn, org, source, opts, empty_store, progress);
    let restored = settings.restore(conn);
    let (counts, rejects) = written?;
    restored?;

    let seconds = started.elapsed().as_secs_f64();
    tracing::info!(rows = counts.rows, created = counts.created, updated = counts.updated, rejected = counts.rejected, seconds, "import finished");
    Ok(ImportSummary {
        file: file_name,
        organization: org.name.clone(),
        layout: layout_name,
        rows: counts.rows,
        people_created: counts.created,
        people_updated: counts.updated,
        households_created: counts.households,
        rejected: counts.rejected,
        rejects_file: rejects,
        warnings: counts.warnings.iter().map(|(_, n)| n).sum(),
        warnings_by_kind: counts.warnings.into_iter().collect(),
        first_warnings: counts.first_warnings,
        seconds,
        rows_per_second: counts.rows as f64 / seconds.max(1e-9),
    })
}

/// Reads the first line of a file and works out its layout (`layout::plan`);
/// the reader it returns stands at the first voter, past a header if the
/// file has one.
fn open_layout(
    mut reader: BufReader<std::fs::File>,
    first_line: &[u8],
    bom: usize,
    opts: &ImportOptions,
    file_name: &str,
) -> Result<(csv::Reader<BufReader<std::fs::File>>, Recognized)> {
    let named = opts.layout.and_then(LayoutKind::state);
    let delimiter = match opts.mapping.as_ref().and_then(|m| m.delimiter.as_deref()) {
        Some("\\t") | Some("tab") => b'\t',
        Some(d) if d.len() == 1 => d.as_bytes()[0],
        Some(d) => return Err(Error::Invalid(format!("mapping: delimiter {d:?} must be one character"))),
        None => named.map_or_else(|| layout::sniff_delimiter(first_line), |s| s.delimiter),
    };
    use std::io::{Seek, SeekFrom};
    reader.seek(SeekFrom::Start(bom as u64)).map_err(|e| Error::io(Path::new(file_name), e))?;
    let mut csv_reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(reader);
    let mut first = csv::ByteRecord::new();
    csv_reader
        .read_byte_record(&mut first)
        .map_err(|e| ImportError::whole_file(file_name, 1, format!("cannot read the first line: {e}")))?;
    let first_row: Vec<String> = first.iter().map(|h| row::decode(h).trim().to_owned()).collect();
    let recognized = layout::plan(opts.layout, opts.mapping.as_ref(), &first_row, delimiter)
        .map_err(|m| ImportError::whole_file(file_name, 1, m.0))?;
    if !recognized.has_header {
        // The first line is a voter: read the file again from its start.
        let mut start = csv::Position::new();
        start.set_byte(bom as u64).set_line(1).set_record(0);
        csv_reader.seek(start).map_err(|e| ImportError::whole_file(file_name, 1, e.to_string()))?;
    }
    Ok((csv_reader, recognized))
}

/// An opened voter file whose header has been read.
struct Source<'a> {
    file_name: String,
    path: &'a Path,
    csv_reader: csv::Reader<BufReader<std::fs::File>>,
    headers: Vec<String>,
    map: ColumnMap,
    /// The layout and what each column became, for the summary and a preview.
    recognized: Recognized,
    total_bytes: u64,
}

impl<'a> Source<'a> {
    /// Opens `path` and reads its header into a column map: what an import
    /// and a preview both start from, so the preview shows what an import does.
    fn open(path: &'a Path, opts: &ImportOptions) -> Result<Source<'a>> {
        let file_name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let total_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
        let mut reader = BufReader::with_capacity(1 << 20, file);

        // A UTF-8 byte-order mark is dropped; the header line picks the delimiter.
        let buf = reader.fill_buf().map_err(|e| Error::io(path, e))?;
        if buf.is_empty() {
            return Err(ImportError::whole_file(&file_name, 1, "the file is empty".into()));
        }
        let bom = if buf.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
        let header_end = buf[bom..].iter().position(|b| *b == b'\n').unwrap_or(buf.len() - bom);
        let header_line = buf[bom..bom + header_end].to_vec();
        reader.consume(bom);

        let (csv_reader, recognized) = open_layout(reader, &header_line, bom, opts, &file_name)?;
        tracing::info!(layout = %recognized.layout, header = recognized.has_header, "layout recognized");
        let headers = recognized.headers();
        let map: ColumnMap = recognized.column_map();
        Ok(Source { file_name, path, csv_reader, headers, map, recognized, total_bytes })
    }
}

/// Connection settings for the length of one import, put back afterwards
/// whether or not it succeeds.
struct BulkSettings {
    /// `PRAGMA` statements that restore the settings, in order.
    restore: Vec<String>,
}

impl BulkSettings {
    fn apply(conn: &rusqlite::Connection, empty_store: bool) -> Result<BulkSettings> {
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

    fn set(&mut self, conn: &rusqlite::Connection, name: &str, value: &str) -> Result<()> {
        let old = pragma(conn, name)?;
        conn.execute_batch(&format!("PRAGMA {name} = {value}"))?;
        self.restore.push(format!("PRAGMA {name} = {old}"));
        Ok(())
    }

    fn restore(self, conn: &rusqlite::Connection) -> Result<()> {
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
fn pragma(conn: &rusqlite::Connection, name: &str) -> Result<String> {
    Ok(conn.query_row(&format!("PRAGMA {name}"), [], |r| {
        Ok(match r.get::<_, rusqlite::types::Value>(0)? {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
    })?)
}

/// Reads `source` on a second thread and writes it in one transaction.
fn write_file(
    conn: &mut rusqlite::Connection,
    org: &Organization,
    source: Source<'_>,
    opts: &ImportOptions,
    empty_store: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Counts, Option<String>)> {
    let Source { file_name, path, csv_reader, headers, map, total_bytes, .. } = source;
    let file_name = file_name.as_str();
    let max_errors = opts.max_errors.unwrap_or(DEFAULT_MAX_ERRORS);
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Asked again now that nobody else can write: another process may have
    // imported or paired a device since the first look.
    let empty_store = empty_store && tx.query_row(EMPTY_STORE, [], |r| r.get::<_, bool>(0))?;
    // Into an empty store, building the secondary indexes once at the end
    // (a sort) is far cheaper than updating them a row at a time.
    if empty_store {
        tx.execute_batch(DROP_BULK_INDEXES)?;
    }
    let mut households = Households::default();
    {
        let mut stmt = tx.prepare("SELECT address_key, id FROM households WHERE org_id = ?1")?;
        let mut rows = stmt.query([org.id])?;
        while let Some(row) = rows.next()? {
            households.insert(&row.get::<_, String>(0)?, row.get(1)?);
        }
    }
    // The org held nobody when the import began, so a person can already
    // exist only if the file names them twice. With at most one external
    // id per row, such repeats are found by sorting the ids, and rows need
    // no lookup at all.
    let fresh: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM people WHERE org_id = ?1)", [org.id], |r| r.get(0))?;
    let id_scheme = map.external_ids.first().map(|(scheme, _)| scheme.clone());
    let numbering = if fresh && map.external_ids.len() <= 1 {
        Some(Numbering {
            person: tx.query_row("SELECT coalesce(max(rowid), 0) + 1 FROM people", [], |r| r.get(0))?,
            household: tx.query_row("SELECT coalesce(max(rowid), 0) + 1 FROM households", [], |r| r.get(0))?,
            phones: Sorter::new(),
            ids: Sorter::new(),
        })
    } else {
        None
    };

    // Batches go to the writer and come back spent, so that rows are
    // allocated and freed on the reader thread only and their buffers reused.
    let (tx_messages, rx_messages) = mpsc::sync_channel::<Message>(2);
    let (tx_spent, rx_spent) = mpsc::channel::<Vec<Item>>();
    let reader = Reader {
        csv_reader,
        map,
        headers: headers.clone(),
        current_year: current_year(),
        phone_region: opts.mapping.as_ref().map_or(crate::phone::DEFAULT_REGION, |m| m.phone_region()),
        households,
        numbering,
    };
    let reader_thread = std::thread::spawn(move || reader.run(&tx_messages, &rx_spent));

    let rejects_path = opts.skip_bad_rows.then(|| {
        opts.rejects_path.clone().unwrap_or_else(|| {
            let mut p = path.as_os_str().to_owned();
            p.push(".rejected.csv");
            PathBuf::from(p)
        })
    });
    let mut rejects: Option<(PathBuf, csv::Writer<std::fs::File>)> = None;
    let mut problems: Vec<RowProblem> = Vec::new();
    let mut truncated = false;
    let mut counts = Counts::default();

    let mut writer = Writer::new(&tx, org.id, fresh, id_scheme)?;
    let mut read_error = None;
    for message in rx_messages.iter() {
        let batch = match message {
            Message::Lines(batch) => batch,
            // A file that is going to be rejected needs no index entries.
            Message::Phones(_) | Message::Ids(_) if !opts.skip_bad_rows && !problems.is_empty() => break,
            Message::Phones(entries) => {
                writer.index_phones(&entries)?;
                continue;
            }
            Message::Ids(claims) => {
                writer.claim_ids(&claims, &mut counts)?;
                continue;
            }
            Message::Failed(e) => {
                read_error = Some(e);
                break;
            }
        };
        let mut numbered = Vec::new();
        for item in &batch.items {
            counts.rows += 1;
            if let Item::Row(row) = item
                && !row.warnings.is_empty()
            {
                counts.warn(&row.warnings, &headers);
            }
            match item {
                Item::Row(row) if row.person_rowid.is_some() => numbered.push(&**row),
                Item::Row(row) => writer.write(row, &mut counts)?,
                Item::Bad(row_problems, raw) => {
                    counts.rejected += 1;
                    if let Some(path) = &rejects_path {
                        if rejects.is_none() {
                            let tmp = path.with_extension("partial");
                            let mut w = csv::Writer::from_path(&tmp).map_err(|e| Error::Invalid(format!("{}: {e}", tmp.display())))?;
                            let mut header = vec!["line".to_owned(), "problem".to_owned()];
                            header.extend(headers.iter().cloned());
                            w.write_record(&header).map_err(|e| Error::Invalid(e.to_string()))?;
                            rejects = Some((tmp, w));
                        }
                        let (_, w) = rejects.as_mut().expect("opened above");
                        let reason = row_problems.iter().map(describe).collect::<Vec<_>>().join("; ");
                        let mut out: Vec<Vec<u8>> = vec![row_problems[0].line.to_string().into_bytes(), reason.into_bytes()];
                        out.extend(raw.iter().map(|f| row::decode(f).into_owned().into_bytes()));
                        w.write_record(&out).map_err(|e| Error::Invalid(e.to_string()))?;
                    } else if problems.len() < max_errors {
                        problems.extend(row_problems.iter().cloned());
                    } else {
                        truncated = true;
                    }
                }
            }
        }
        writer.write_numbered(&numbered, &mut counts)?;
        drop(numbered);
        progress(Progress { bytes: batch.bytes, total_bytes, rows: counts.rows });
        let _ = tx_spent.send(batch.items);
        if truncated {
            break;
        }
    }
    drop(writer);
    drop(rx_messages);
    let _ = reader_thread.join();

    if let Some(e) = read_error {
        return Err(ImportError::whole_file(file_name, 0, e));
    }
    if !opts.skip_bad_rows && !problems.is_empty() {
        // Dropping the transaction rolls every row of this file back.
        drop(tx);
        problems.truncate(max_errors);
        return Err(Error::Import(ImportError { file: file_name.to_owned(), problems, truncated }));
    }
    if empty_store {
        // An index build sorts within the page cache's budget. By now few
        // cached pages will be read again, so a smaller budget keeps the
        // sort from adding its size to the cache's, and costs nothing.
        tx.execute_batch(&format!("PRAGMA cache_size = {INDEX_BUILD_CACHE}"))?;
        tx.execute_batch(CREATE_BULK_INDEXES)?;
    }
    tx.commit()?;

    let rejects_file = match rejects {
        Some((tmp, mut w)) => {
            w.flush().map_err(|e| Error::io(&tmp, e))?;
            let dest = rejects_path.expect("set with rejects");
            std::fs::rename(&tmp, &dest).map_err(|e| Error::io(&dest, e))?;
            Some(dest.display().to_string())
        }
        None => None,
    };
    Ok((counts, rejects_file))
}

/// The latest birth year a row may carry.
fn current_year() -> i32 {
    chrono::Datelike::year(&chrono::Utc::now())
}

/// The reader thread: everything but SQLite.
struct Reader {
    csv_reader: csv::Reader<BufReader<std::fs::File>>,
    map: ColumnMap,
    headers: Vec<String>,
    current_year: i32,
    phone_region: crate::phone::Region,
    households: Households,
    numbering: Option<Numbering>,
}

/// When every row of the file is a new person, the reader numbers the new
/// people and households itself (these are their next rowids), so that the
/// writer can insert many rows per statement and their phone and id index
/// entries can be sorted before the writer sees them.
struct Numbering {
    person: i64,
    household: i64,
    phones: Sorter<PhoneEntry>,
    ids: Sorter<IdEntry>,
}

/// The organization's households by address key, the one thing an import
/// holds for the whole file. Keys are kept as 128-bit hashes, a fraction of
/// their size; two addresses sharing one is as likely as a random UUID
/// repeating.
#[derive(Default)]
struct Households {
    hashers: [RandomState; 2],
    ids: HashMap<u128, Uuid>,
}

impl Households {
    fn hash(&self, address_key: &str) -> u128 {
        let [a, b] = &self.hashers;
        u128::from(a.hash_one(address_key)) << 64 | u128::from(b.hash_one(address_key))
    }

    fn get(&self, address_key: &str) -> Option<Uuid> {
        self.ids.get(&self.hash(address_key)).copied()
    }

    fn insert(&mut self, address_key: &str, id: Uuid) {
        self.ids.insert(self.hash(address_key), id);
    }
}

/// UUIDv7s for the import's new people and households, ordered within each
/// millisecond by a 12-bit counter (RFC 9562, 6.2, method 1) as
/// `Uuid::now_v7`'s are. That one asks the OS for randomness for every id,
/// a system call apiece; a large file needs millions of ids.
struct Ids {
    rng: rand::rngs::StdRng,
    millis: u64,
    counter: u16,
}

impl Ids {
    fn new() -> Ids {
        Ids { rng: rand::SeedableRng::from_os_rng(), millis: 0, counter: 0 }
    }

    fn next(&mut self) -> Uuid {
        use rand::Rng;
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
        if now > self.millis {
            self.millis = now;
            // Starting in the lower half leaves room to count.
            self.counter = self.rng.random::<u16>() & 0x7FF;
        } else if self.counter < 0xFFF {
            self.counter += 1;
        } else {
            self.millis += 1;
            self.counter = 0;
        }
        let mut bytes: [u8; 10] = self.rng.random();
        bytes[..2].copy_from_slice(&self.counter.to_be_bytes());
        uuid::Builder::from_unix_timestamp_millis(self.millis, &bytes).into_uuid()
    }
}

impl Reader {
    fn run(mut self, out: &mpsc::SyncSender<Message>, spent: &mpsc::Receiver<Vec<Item>>) {
        match self.read_lines(out, spent) {
            Ok(true) => {}
            Ok(false) => return, // the writer gave up
            Err(e) => {
                let _ = out.send(Message::Failed(e));
                return;
            }
        }
        if let Some(numbering) = self.numbering
            && let Err(e) = send_sorted(out, numbering.phones, numbering.ids)
        {
            let _ = out.send(Message::Failed(format!("sorting index entries: {e}")));
        }
    }

    /// Sends every line of the file; false when the writer stopped listening.
    fn read_lines(
        &mut self,
        out: &mpsc::SyncSender<Message>,
        spent: &mpsc::Receiver<Vec<Item>>,
    ) -> std::result::Result<bool, String> {
        let mut parser = RowParser::new(&self.map, &self.headers, self.current_year);
        parser.phone_region = self.phone_region;
        let mut record = csv::ByteRecord::new();
        let mut spare: Vec<Box<ImportRow>> = Vec::new();
        let mut items = Vec::with_capacity(BATCH);
        let mut new_ids = Ids::new();
        while let Some(line) = next_record(&mut self.csv_reader, &mut record)? {
            let mut row = spare.pop().unwrap_or_default();
            match parser.parse(line, &record, &mut row) {
                Ok(()) => {
                    row.person_id = new_ids.next();
                    row.person_rowid = None;
                    row.household_rowid = None;
                    match self.households.get(&row.household_key) {
                        Some(id) => {
                            row.household_id = id;
                            row.new_household = false;
                        }
                        None => {
                            row.household_id = new_ids.next();
                            row.new_household = true;
                            row.index_address();
                            self.households.insert(&row.household_key, row.household_id);
                            if let Some(n) = self.numbering.as_mut() {
                                row.household_rowid = Some(n.household);
                                n.household += 1;
                            }
                        }
                    }
                    if let Some(n) = self.numbering.as_mut() {
                        let rowid = n.person;
                        n.person += 1;
                        row.person_rowid = Some(rowid);
                        let spill = |e: std::io::Error| format!("sorting index entries: {e}");
                        for digits in &row.phone_digits {
                            n.phones.push(PhoneEntry { digits: digits.clone(), rowid }).map_err(spill)?;
                        }
                        if let Some((_, value)) = row.external_ids.first() {
                            n.ids.push(IdEntry { value: value.clone(), rowid, person: row.person_id }).map_err(spill)?;
                        }
                    }
                    items.push(Item::Row(row));
                }
                Err(problems) => {
                    spare.push(row);
                    items.push(Item::Bad(problems, record.clone()));
                }
            }
            if items.len() == BATCH {
                let bytes = self.csv_reader.position().byte();
                let mut next = spent.try_recv().unwrap_or_else(|_| Vec::with_capacity(BATCH));
                spare.extend(next.drain(..).filter_map(|item| match item {
                    Item::Row(row) => Some(row),
                    Item::Bad(..) => None,
                }));
                if out.send(Message::Lines(Batch { items: std::mem::replace(&mut items, next), bytes })).is_err() {
                    return Ok(false);
                }
            }
        }
        let bytes = self.csv_reader.position().byte();
        Ok(out.send(Message::Lines(Batch { items, bytes })).is_ok())
    }
}

/// Reads the file's next record that is not a blank line, and says on which
/// line it starts; None at the end of the file.
fn next_record(
    csv_reader: &mut csv::Reader<BufReader<std::fs::File>>,
    record: &mut csv::ByteRecord,
) -> std::result::Result<Option<u64>, String> {
    loop {
        let line = csv_reader.position().line();
        match csv_reader.read_byte_record(record) {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(e) => return Err(format!("line {line}: {e}")),
        }
        // Skip blank lines, which spreadsheets leave at the end.
        if record.len() == 1 && record[0].iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Ok(Some(record.position().map(|p| p.line()).unwrap_or(line)));
    }
}

/// Sends the new people's phone entries, then their external ids, each in
/// key order. Errors only on the scratch files; a writer that stopped
/// listening just ends it.
fn send_sorted(out: &mpsc::SyncSender<Message>, phones: Sorter<PhoneEntry>, ids: Sorter<IdEntry>) -> std::io::Result<()> {
    let mut batch = Vec::with_capacity(BATCH);
    for entry in phones.finish()? {
        batch.push(entry?);
        if batch.len() == BATCH && out.send(Message::Phones(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))).is_err() {
            return Ok(());
        }
    }
    if out.send(Message::Phones(batch)).is_err() {
        return Ok(());
    }
    let mut batch = Vec::with_capacity(BATCH);
    let mut first: Option<IdEntry> = None;
    for entry in ids.finish()? {
        let entry = entry?;
        let claim = match &first {
            Some(f) if f.value == entry.value => IdClaim::Repeat { rowid: entry.rowid, first: f.clone() },
            _ => {
                first = Some(entry.clone());
                IdClaim::First(entry)
            }
        };
        batch.push(claim);
        if batch.len() == BATCH && out.send(Message::Ids(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))).is_err() {
            return Ok(());
        }
    }
    let _ = out.send(Message::Ids(batch));
    Ok(())
}

fn describe(p: &RowProblem) -> String {
    match &p.column {
        Some((n, name)) => format!("column {n} ({name}): {}", p.message),
        None => p.message.clone(),
    }
}

#[derive(Default)]
struct Counts {
    rows: u64,
    created: u64,
    updated: u64,
    households: u64,
    rejected: u64,
    /// By kind; a handful of kinds, so a list beats a map.
    warnings: Vec<(WarningKind, u64)>,
    first_warnings: Vec<Warning>,
}

impl Counts {
    fn warn(&mut self, warnings: &[row::RowWarning], headers: &[String]) {
        for w in warnings {
            match self.warnings.iter_mut().find(|(kind, _)| *kind == w.kind) {
                Some((_, n)) => *n += 1,
                None => self.warnings.push((w.kind, 1)),
            }
            if self.first_warnings.len() < LISTED_WARNINGS {
                self.first_warnings.push(w.located(headers));
            }
        }
    }
}

/// Writes validated rows inside the import's transaction.
struct Writer<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    org: Uuid,
    /// The org held nobody when the import began.
    fresh: bool,
    /// The scheme of the file's one external id, if it has one.
    id_scheme: Option<String>,
    now: String,
    insert_household: rusqlite::Statement<'t>,
    index_household: bulk::Statement<'t>,
    insert_person: rusqlite::Statement<'t>,
    index_person: bulk::Statement<'t>,
    index_phone: rusqlite::Statement<'t>,
    claim_id: rusqlite::Statement<'t>,
    households_many: ManyRows<'t>,
    people_many: ManyRows<'t>,
    phones_many: ManyRows<'t>,
    ids_many: ManyRows<'t>,
}

impl<'t> Writer<'t> {
    fn new(tx: &'t rusqlite::Transaction<'t>, org: Uuid, fresh: bool, id_scheme: Option<String>) -> Result<Self> {
        Ok(Writer {
            tx,
            org,
            fresh,
            id_scheme,
            now: now_text(),
            insert_household: tx.prepare(
                "INSERT INTO households(id, org_id, address_key, house_number, number_value, fraction, street, unit,
                     city, state, zip, precinct, latitude, longitude)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?,
            index_household: bulk::Statement::prepare(tx, "INSERT INTO household_search(rowid, terms) VALUES (?1, ?2)")?,
            insert_person: tx.prepare(
                "INSERT INTO people(rowid, id, org_id, household_id, given_name, middle_name, family_name, name_suffix,
                     native_name, birth_year, gender, party, preferred_language, spoken_languages, phones, emails,
                     do_not_contact, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?,
            index_person: bulk::Statement::prepare(tx, "INSERT INTO people_search(rowid, terms) VALUES (?1, ?2)")?,
            index_phone: tx.prepare("INSERT OR IGNORE INTO phone_index(digits, person_rowid) VALUES (?1, ?2)")?,
            claim_id: tx.prepare(
                "INSERT INTO external_ids(org_id, scheme, value, person_id) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
            )?,
            households_many: ManyRows::new(
                "INSERT OR IGNORE INTO households(rowid, id, org_id, address_key, house_number, number_value, fraction,
                     street, unit, city, state, zip, precinct, latitude, longitude)",
                15,
            ),
            people_many: ManyRows::new(
                "INSERT OR IGNORE INTO people(rowid, id, org_id, household_id, given_name, middle_name, family_name,
                     name_suffix, native_name, birth_year, gender, party, preferred_language, spoken_languages, phones,
                     emails, do_not_contact, updated_at)",
                18,
            ),
            phones_many: ManyRows::new("INSERT OR IGNORE INTO phone_index(digits, person_rowid)", 2),
            ids_many: ManyRows::new("INSERT OR IGNORE INTO external_ids(org_id, scheme, value, person_id)", 4),
        })
    }

    /// Writes rows the reader numbered: new people, and the households
    /// first seen with them, many to a statement.
    fn write_numbered(&mut self, rows: &[&ImportRow], counts: &mut Counts) -> Result<()> {
        let org = &self.org;
        let new_households: Vec<&ImportRow> = rows.iter().copied().filter(|r| r.new_household).collect();
        let written = self.households_many.insert(self.tx, new_households.iter().copied(), |row, v| {
            let a = &row.address;
            v.extend::<[Value; 15]>([
                row.household_rowid.into(),
                (&row.household_id).into(),
                org.into(),
                (&row.household_key).into(),
                (&a.house_number).into(),
                a.number_value.into(),
                (&a.fraction).into(),
                (&a.street).into(),
                (&a.unit).into(),
                (&a.city).into(),
                (&a.state).into(),
                (&a.zip).into(),
                (&row.precinct).into(),
                row.latitude.into(),
                row.longitude.into(),
            ]);
        })?;
        all_written("households", written, new_households.len())?;
        for row in &new_households {
            self.index_household.execute(&[row.household_rowid.into(), (&row.address_terms).into()])?;
        }
        counts.households += new_households.len() as u64;

        let now = &self.now;
        let written = self.people_many.insert(self.tx, rows.iter().copied(), |row, v| {
            let [spoken_languages, phones, emails] = &row.lists_json;
            v.extend::<[Value; 18]>([
                row.person_rowid.into(),
                (&row.person_id).into(),
                org.into(),
                (&row.household_id).into(),
                (&row.given_name).into(),
                (&row.middle_name).into(),
                (&row.family_name).into(),
                (&row.name_suffix).into(),
                (&row.native_name).into(),
                row.birth_year.into(),
                (&row.gender).into(),
                (&row.party).into(),
                (&row.preferred_language).into(),
                spoken_languages.into(),
                phones.into(),
                emails.into(),
                row.do_not_contact.into(),
                now.into(),
            ]);
        })?;
        all_written("people", written, rows.len())?;
        for row in rows {
            self.index_person.execute(&[row.person_rowid.into(), (&row.search_terms).into()])?;
        }
        counts.created += rows.len() as u64;
        Ok(())
    }

    /// Inserts the row's household if the reader saw its address first here.
    fn household(&mut self, row: &ImportRow, counts: &mut Counts) -> Result<()> {
        if !row.new_household {
            return Ok(());
        }
        let a = &row.address;
        self.insert_household.execute(params![row.household_id, self.org, row.household_key, a.house_number,
            a.number_value, a.fraction, a.street, a.unit, a.city, a.state, a.zip, row.precinct, row.latitude,
            row.longitude])?;
        let rowid = self.tx.last_insert_rowid();
        self.index_household.execute(&[rowid.into(), (&row.address_terms).into()])?;
        counts.households += 1;
        Ok(())
    }

    fn existing(&self, row: &ImportRow) -> Result<Option<(Uuid, i64)>> {
        if row.external_ids.is_empty() {
            return Ok(self
                .tx
                .prepare_cached(
                    "SELECT id, rowid FROM people WHERE household_id = ?1 AND given_name = ?2 AND family_name = ?3
                       AND coalesce(birth_year, 0) = coalesce(?4, 0)",
                )?
                .query_row(params![row.household_id, row.given_name, row.family_name, row.birth_year], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?);
        }
        let mut stmt = self.tx.prepare_cached(
            "SELECT p.id, p.rowid FROM external_ids e JOIN people p ON p.id = e.person_id
             WHERE e.org_id = ?1 AND e.scheme = ?2 AND e.value = ?3",
        )?;
        for (scheme, value) in &row.external_ids {
            if let Some(found) = stmt.query_row(params![self.org, scheme, value], |r| Ok((r.get(0)?, r.get(1)?))).optional()? {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }

    fn write(&mut self, row: &ImportRow, counts: &mut Counts) -> Result<()> {
        self.household(row, counts)?;
        if row.person_rowid.is_some() {
            // Its phones and external id come at the end, sorted; a repeat
            // of an earlier row is merged into it then.
            self.insert(row.person_id, row)?;
            counts.created += 1;
            return Ok(());
        }
        if self.fresh {
            // In a fresh import a person can exist only if the same file
            // names them twice, so insert without a lookup; the external-id
            // key catches the rare repeat, which is then undone and merged.
            let rowid = self.insert(row.person_id, row)?;
            self.index_phones_of(rowid, &row.phone_digits)?;
            if self.claim_external_ids(row.person_id, row)? {
                counts.created += 1;
                return Ok(());
            }
            self.unindex(rowid, &row.phone_digits)?;
            self.tx.prepare_cached("DELETE FROM people WHERE rowid = ?1")?.execute([rowid])?;
        }
        match self.existing(row)? {
            Some((id, rowid)) => {
                self.update(id, rowid, row)?;
                counts.updated += 1;
            }
            None => {
                let rowid = self.insert(row.person_id, row)?;
                self.index_phones_of(rowid, &row.phone_digits)?;
                self.claim_external_ids(row.person_id, row)?;
                counts.created += 1;
            }
        }
        Ok(())
    }

    /// Points the row's external ids at `person`. False when the first one
    /// already belongs to someone (nothing is written then).
    fn claim_external_ids(&mut self, person: Uuid, row: &ImportRow) -> Result<bool> {
        for (i, (scheme, value)) in row.external_ids.iter().enumerate() {
            let n = self.claim_id.execute(params![self.org, scheme, value, person])?;
            if n == 0 && i == 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Writes a person with their name index entry; the rowid is the
    /// reader's when it numbered the row, else SQLite's.
    fn insert(&mut self, id: Uuid, row: &ImportRow) -> Result<i64> {
        self.insert_person.execute(params![row.person_rowid, id, self.org, row.household_id, row.given_name,
            row.middle_name, row.family_name, row.name_suffix, row.native_name, row.birth_year, row.gender,
            row.party, row.preferred_language, row.lists_json[0], row.lists_json[1], row.lists_json[2],
            row.do_not_contact, self.now])?;
        let rowid = self.tx.last_insert_rowid();
        self.index_person.execute(&[rowid.into(), (&row.search_terms).into()])?;
        Ok(rowid)
    }

    fn index_phones_of(&mut self, rowid: i64, phone_digits: &[String]) -> Result<()> {
        for digits in phone_digits {
            self.index_phone.execute(params![digits, rowid])?;
        }
        Ok(())
    }

    fn index_phones(&mut self, entries: &[PhoneEntry]) -> Result<()> {
        self.phones_many.insert(self.tx, entries, |e, v| v.extend::<[Value; 2]>([(&e.digits).into(), e.rowid.into()]))?;
        Ok(())
    }

    fn claim_ids(&mut self, claims: &[IdClaim], counts: &mut Counts) -> Result<()> {
        let scheme = self.id_scheme.clone().unwrap_or_default();
        let org = self.org;
        // Runs of first claims go many to a statement; a repeat needs the
        // first claim of its id written before it.
        for run in claims.split_inclusive(|c| matches!(c, IdClaim::Repeat { .. })) {
            let firsts = run.iter().filter_map(|c| match c {
                IdClaim::First(e) => Some(e),
                IdClaim::Repeat { .. } => None,
            });
            self.ids_many.insert(self.tx, firsts, |e, v| {
                v.extend::<[Value; 4]>([(&org).into(), (&scheme).into(), (&e.value).into(), (&e.person).into()]);
            })?;
            if let Some(IdClaim::Repeat { rowid, first }) = run.last() {
                self.merge_repeat(*rowid, first, &scheme)?;
                counts.created -= 1;
                counts.updated += 1;
            }
        }
        Ok(())
    }

    /// Merges a person written earlier in this import into the person
    /// whose id they repeat, as if the row had come after its first
    /// appearance: written, found to be a repeat, undone and merged.
    fn merge_repeat(&mut self, rowid: i64, first: &IdEntry, scheme: &str) -> Result<()> {
        let mut row = self.stored(rowid)?;
        row.external_ids = vec![(scheme.to_owned(), first.value.clone())];
        self.unindex(rowid, &row.phone_digits)?;
        self.tx.prepare_cached("DELETE FROM people WHERE rowid = ?1")?.execute([rowid])?;
        self.update(first.person, first.rowid, &row)
    }

    /// A person written earlier in this import, as the row that wrote them.
    fn stored(&self, rowid: i64) -> Result<ImportRow> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT household_id, given_name, middle_name, family_name, name_suffix, native_name, birth_year,
                     gender, party, preferred_language, spoken_languages, phones, emails
                 FROM people WHERE rowid = ?1",
            )?
            .query_row([rowid], |r| {
                let list = |i| r.get::<_, String>(i).map(|json| serde_json::from_str::<Vec<String>>(&json).unwrap_or_default());
                let phones = list(11)?;
                Ok(ImportRow {
                    household_id: r.get(0)?,
                    given_name: r.get(1)?,
                    middle_name: r.get(2)?,
                    family_name: r.get(3)?,
                    name_suffix: r.get(4)?,
                    native_name: r.get(5)?,
                    birth_year: r.get(6)?,
                    gender: r.get(7)?,
                    party: r.get(8)?,
                    preferred_language: r.get(9)?,
                    spoken_languages: list(10)?,
                    phone_digits: phones.iter().map(|p| crate::fold::phone_digits(p)).filter(|d| !d.is_empty()).collect(),
                    phones,
                    emails: list(12)?,
                    ..Default::default()
                })
            })?)
    }

    fn unindex(&self, rowid: i64, phone_digits: &[String]) -> Result<()> {
        self.tx.prepare_cached("DELETE FROM people_search WHERE rowid = ?1")?.execute([rowid])?;
        let mut del = self.tx.prepare_cached("DELETE FROM phone_index WHERE digits = ?1 AND person_rowid = ?2")?;
        for digits in phone_digits {
            del.execute(params![digits, rowid])?;
        }
        Ok(())
    }

    /// A later file is the newer truth for what it carries; fields it leaves
    /// empty (a phone, a language) keep what the store already knows.
    fn update(&mut self, id: Uuid, rowid: i64, row: &ImportRow) -> Result<()> {
        let old_phones: String = self.tx.prepare_cached("SELECT phones FROM people WHERE rowid = ?1")?.query_row([rowid], |r| r.get(0))?;
        let old: Vec<String> = serde_json::from_str(&old_phones).unwrap_or_default();
        let old_digits: Vec<String> = old.iter().map(|p| crate::fold::phone_digits(p)).collect();
        self.unindex(rowid, &old_digits)?;
        let keep_if_empty = |v: &Vec<String>| if v.is_empty() { None } else { Some(json_array(v)) };
        self.tx
            .prepare_cached(
                "UPDATE people SET household_id = ?2, given_name = ?3, middle_name = ?4, family_name = ?5,
                     name_suffix = ?6, native_name = ?7, birth_year = ?8, gender = ?9, party = ?10,
                     preferred_language = coalesce(nullif(?11, ''), preferred_language),
                     spoken_languages = coalesce(?12, spoken_languages),
                     phones = coalesce(?13, phones), emails = coalesce(?14, emails), updated_at = ?15
                 WHERE id = ?1",
            )?
            .execute(params![id, row.household_id, row.given_name, row.middle_name, row.family_name, row.name_suffix,
                row.native_name, row.birth_year, row.gender, row.party, row.preferred_language,
                keep_if_empty(&row.spoken_languages), keep_if_empty(&row.phones), keep_if_empty(&row.emails), self.now])?;
        let (given, middle, family, native, phones): (String, String, String, String, String) = self.tx
            .prepare_cached("SELECT given_name, middle_name, family_name, native_name, phones FROM people WHERE rowid = ?1")?
            .query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
        let phones: Vec<String> = serde_json::from_str(&phones).unwrap_or_default();
        let search_terms = crate::fold::search_terms(&given, &middle, &family, &native);
        self.index_person.execute(&[rowid.into(), (&search_terms).into()])?;
        let phone_digits: Vec<String> = phones.iter().map(|p| crate::fold::phone_digits(p)).filter(|d| !d.is_empty()).collect();
        self.index_phones_of(rowid, &phone_digits)?;
        let mut ext = self.tx.prepare_cached(
            "INSERT INTO external_ids(org_id, scheme, value, person_id) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(org_id, scheme, value) DO UPDATE SET person_id = excluded.person_id",
        )?;
        for (scheme, value) in &row.external_ids {
            ext.execute(params![self.org, scheme, value, id])?;
        }
        Ok(())
    }
}

fn all_written(table: &str, written: usize, rows: usize) -> Result<()> {
    if written != rows {
        return Err(Error::Invalid(format!("import: {} of {rows} new {table} rows clashed with rows already stored", rows - written)));
    }
    Ok(())
}

fn json_array(v: &[String]) -> String {
    serde_json::to_string(v).expect("strings serialize")
}


#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "ncid\tlast_name\tfirst_name\tres_street_address\tres_city_desc\tzip_code\tfull_phone_number\tbirth_year";

    fn line(ncid: &str, last: &str, first: &str, street: &str, phone: &str) -> String {
        format!("{ncid}\t{last}\t{first}\t{street}\tRALEIGH\t27601\t{phone}\t1970")
    }

    fn import(store: &mut Store, dir: &Path, name: &str, lines: &[String]) -> ImportSummary {
        import_with(store, dir, name, lines, &ImportOptions::default())
    }

    fn import_with(store: &mut Store, dir: &Path, name: &str, lines: &[String], opts: &ImportOptions) -> ImportSummary {
        let path = dir.join(name);
        std::fs::write(&path, [HEADER.to_owned()].iter().chain(lines).cloned().collect::<Vec<_>>().join("\n")).unwrap();
        let org = store.org_for_import(None, "Test org").unwrap();
        import_file(store, &org, &path, opts, &mut |_| {}).unwrap()
    }

    /// Everything an import writes about people, by name, phone and id.
    fn state(store: &Store) -> Vec<String> {
        let conn = store.conn();
        let mut out = Vec::new();
        let mut q = |sql: &str| {
            let mut stmt = conn.prepare(sql).unwrap();
            let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
            out.extend(rows.map(Result::unwrap));
        };
        q("SELECT p.given_name || ' ' || p.family_name || ' ' || p.phones || ' @' || h.address_key
           FROM people p JOIN households h ON h.id = p.household_id WHERE p.given_name <> 'OTHER' ORDER BY 1");
        q("SELECT 'id ' || e.value || ' ' || p.given_name FROM external_ids e JOIN people p ON p.id = e.person_id
           WHERE p.given_name <> 'OTHER' ORDER BY 1");
        q("SELECT 'phone ' || i.digits || ' ' || p.given_name FROM phone_index i JOIN people p ON p.rowid = i.person_rowid ORDER BY 1");
        q("SELECT 'orphan phone ' || digits FROM phone_index WHERE person_rowid NOT IN (SELECT rowid FROM people)");
        q("SELECT 'orphan name ' || rowid FROM people_search WHERE rowid NOT IN (SELECT rowid FROM people)");
        let org = store.resolve_org(None).unwrap();
        for query in ["ana", "bo", "cy", "garcia", "9195550101", "9195550102"] {
            let mut found: Vec<String> = crate::search::search(conn, org.id, query, 10)
                .unwrap()
                .into_iter()
                .map(|p| format!("search {query}: {} {}", p.given_name, p.family_name))
                .collect();
            found.sort();
            out.extend(found);
        }
        out
    }

    #[test]
    fn repeats_in_a_fresh_file_merge_as_they_would_into_a_used_one() {
        let file = [
            line("A1", "GARCIA", "ANA", "1 OAK ST", "9195550101"),
            line("B2", "LEE", "BO", "2 OAK ST", ""),
            line("A1", "GARCIA", "ANITA", "3 OAK ST", ""),
            line("C3", "PARK", "CY", "2 OAK ST", "9195550102"),
            line("A1", "GARCIA-LOPEZ", "ANA", "3 OAK ST", "9195550102"),
        ];
        let dir = tempfile::tempdir().unwrap();

        // Into an empty store the reader numbers the rows and sorts the ids.
        let mut fresh = Store::open(&dir.path().join("fresh.db")).unwrap();
        let s = import(&mut fresh, dir.path(), "fresh.txt", &file);
        assert_eq!((s.rows, s.people_created, s.people_updated, s.households_created), (5, 3, 2, 3));

        // Into an organization that already has someone, every row is
        // looked up as it comes.
        let mut used = Store::open(&dir.path().join("used.db")).unwrap();
        import(&mut used, dir.path(), "other.txt", &[line("Z9", "OTHER", "OTHER", "9 ELM ST", "")]);
        let s = import(&mut used, dir.path(), "used.txt", &file);
        assert_eq!((s.rows, s.people_created, s.people_updated, s.households_created), (5, 3, 2, 3));

        assert_eq!(state(&fresh), state(&used));
        assert!(state(&fresh).contains(&"search garcia: ANA GARCIA-LOPEZ".to_owned()), "{:#?}", state(&fresh));

        // With two ids a row, a fresh import claims them as rows come; a
        // row is a repeat when its first id is taken (the birth year, its
        // second here, is everyone's).
        let two_ids = ImportOptions {
            mapping: Some(
                Mapping::parse(
                    "[columns]\ngiven_name = \"first_name\"\nfamily_name = \"last_name\"\nstreet_line = \"res_street_address\"\n\
                     city = \"res_city_desc\"\nzip = \"zip_code\"\nphone = \"full_phone_number\"\n\
                     [external_ids]\na_ncid = \"ncid\"\nb_birth = \"birth_year\"\n",
                    "test",
                )
                .unwrap(),
            ),
            ..Default::default()
        };
        let mut two = Store::open(&dir.path().join("two.db")).unwrap();
        let s = import_with(&mut two, dir.path(), "two.txt", &file, &two_ids);
        assert_eq!((s.people_created, s.people_updated), (3, 2));
        let mut expected = state(&fresh);
        expected.push("id 1970 ANA".to_owned());
        expected.sort();
        let mut got = state(&two);
        got.sort();
        assert_eq!(got, expected);
    }

    #[test]
    fn settings_are_put_back_after_an_import_and_after_a_rejection() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.db")).unwrap();
        let settings = |store: &Store| {
            ["journal_mode", "foreign_keys", "temp_store", "cache_size", "threads", "busy_timeout"]
                .map(|p| pragma(store.conn(), p).unwrap())
        };
        let before = settings(&store);
        assert_eq!(before[0], "wal");
        import(&mut store, dir.path(), "good.txt", &[line("A1", "GARCIA", "ANA", "1 OAK ST", "")]);
        assert_eq!(settings(&store), before);

        let path = dir.path().join("bad.txt");
        std::fs::write(&path, format!("{HEADER}\n{}", line("", "NO", "ID", "1 OAK ST", ""))).unwrap();
        let org = store.resolve_org(None).unwrap();
        assert!(import_file(&mut store, &org, &path, &ImportOptions::default(), &mut |_| {}).is_err());
        assert_eq!(settings(&store), before);
    }

    #[test]
    fn a_store_with_a_paired_device_is_never_bulk_loaded() {
        // The journal mode in the file's header, as another process opening
        // it sees it: 1 rollback, 2 write-ahead log.
        let mode_on_disk = |db: &Path| std::fs::read(db).unwrap()[18];
        let lines: Vec<String> = (0..3000).map(|i| line(&format!("N{i}"), "GARCIA", "ANA", &format!("{i} OAK ST"), "")).collect();
        for paired in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("s.db");
            let mut store = Store::open(&db).unwrap();
            let org = store.org_for_import(None, "Test org").unwrap();
            if paired {
                let user = crate::accounts::add_user(store.conn(), org.id, "Kim", "canvasser", &[]).unwrap();
                store
                    .conn()
                    .execute(
                        "INSERT INTO devices (id, org_id, user_id, token_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![Uuid::now_v7(), org.id, user.id, vec![7u8; 32], now_text()],
                    )
                    .unwrap();
            }
            let path = dir.path().join("voters.txt");
            std::fs::write(&path, [HEADER.to_owned()].iter().chain(&lines).cloned().collect::<Vec<_>>().join("\n")).unwrap();
            let mut during = Vec::new();
            import_file(&mut store, &org, &path, &ImportOptions::default(), &mut |_| during.push(mode_on_disk(&db))).unwrap();
            let expected = if paired { 2 } else { 1 };
            assert!(!during.is_empty() && during.iter().all(|m| *m == expected), "paired {paired}: modes {during:?}");
            assert_eq!(mode_on_disk(&db), 2, "back in WAL mode after the import");
        }
    }

    #[test]
    fn import_ids_are_version_7_and_ascending() {
        let mut ids = Ids::new();
        let mut last = ids.next();
        for _ in 0..20_000 {
            let id = ids.next();
            assert_eq!(id.get_version_num(), 7);
            assert_eq!(id.get_variant(), uuid::Variant::RFC4122);
            assert!(id > last);
            last = id;
        }
    }
}
