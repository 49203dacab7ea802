//! The reader side of an import: opening a voter file and recognizing its
//! layout ([`Source`]), and the thread that parses, folds and numbers its
//! rows ([`Reader`]) and hands them to the writer in batches.

use super::error::ImportError;
use super::layout::{self, ColumnMap, LayoutKind, Recognized};
use super::row::{self, ImportRow, RowParser, RowProblem};
use super::spill::{IdEntry, PhoneEntry, Sorter};
use super::ImportOptions;
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::mpsc;
use uuid::Uuid;

/// Lines, or index entries, per message between the threads.
pub(super) const BATCH: usize = 2048;


/// One line of the file, parsed or not.
pub(super) enum Item {
    Row(Box<ImportRow>),
    Bad(Vec<RowProblem>, csv::ByteRecord),
}

pub(super) struct Batch {
    pub(super) items: Vec<Item>,
    pub(super) bytes: u64,
}

/// What the reader thread hands the writer, in this order: every line of
/// the file, then, when the reader numbered the new people itself, their
/// phone and external-id index entries in key order.
pub(super) enum Message {
    Lines(Batch),
    Phones(Vec<PhoneEntry>),
    Ids(Vec<IdClaim>),
    Failed(String),
}

pub(super) enum IdClaim {
    /// The first row of the file to carry this id.
    First(IdEntry),
    /// A later row with the same id: the same person, listed again.
    Repeat { rowid: i64, first: IdEntry },
}

/// Reads the first line of a file and works out its layout (`layout::plan`);
/// the reader it returns stands at the first voter, past a header if the
/// file has one.
pub(super) fn open_layout(
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
pub(super) struct Source<'a> {
    pub(super) file_name: String,
    pub(super) path: &'a Path,
    pub(super) csv_reader: csv::Reader<BufReader<std::fs::File>>,
    pub(super) headers: Vec<String>,
    pub(super) map: ColumnMap,
    /// The layout and what each column became, for the summary and a preview.
    pub(super) recognized: Recognized,
    pub(super) total_bytes: u64,
}

impl<'a> Source<'a> {
    /// Opens `path` and reads its header into a column map: what an import
    /// and a preview both start from, so the preview shows what an import does.
    pub(super) fn open(path: &'a Path, opts: &ImportOptions) -> Result<Source<'a>> {
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

/// The latest birth year a row may carry.
pub(super) fn current_year() -> i32 {
    chrono::Datelike::year(&chrono::Utc::now())
}

/// The reader thread: everything but SQLite.
pub(super) struct Reader {
    pub(super) csv_reader: csv::Reader<BufReader<std::fs::File>>,
    pub(super) map: ColumnMap,
    pub(super) headers: Vec<String>,
    pub(super) current_year: i32,
    pub(super) phone_region: crate::phone::Region,
    pub(super) households: Households,
    pub(super) numbering: Option<Numbering>,
}

/// When every row of the file is a new person, the reader numbers the new
/// people and households itself (these are their next rowids), so that the
/// writer can insert many rows per statement and their phone and id index
/// entries can be sorted before the writer sees them.
pub(super) struct Numbering {
    pub(super) person: i64,
    pub(super) household: i64,
    pub(super) phones: Sorter<PhoneEntry>,
    pub(super) ids: Sorter<IdEntry>,
}

/// The organization's households by address key, the one thing an import
/// holds for the whole file. Keys are kept as 128-bit hashes, a fraction of
/// their size; two addresses sharing one is as likely as a random UUID
/// repeating.
#[derive(Default)]
pub(super) struct Households {
    pub(super) hashers: [RandomState; 2],
    pub(super) ids: HashMap<u128, Uuid>,
}

impl Households {
    pub(super) fn hash(&self, address_key: &str) -> u128 {
        let [a, b] = &self.hashers;
        u128::from(a.hash_one(address_key)) << 64 | u128::from(b.hash_one(address_key))
    }

    pub(super) fn get(&self, address_key: &str) -> Option<Uuid> {
        self.ids.get(&self.hash(address_key)).copied()
    }

    pub(super) fn insert(&mut self, address_key: &str, id: Uuid) {
        self.ids.insert(self.hash(address_key), id);
    }
}

/// UUIDv7s for the import's new people and households, ordered within each
/// millisecond by a 12-bit counter (RFC 9562, 6.2, method 1) as
/// `Uuid::now_v7`'s are. That one asks the OS for randomness for every id,
/// a system call apiece; a large file needs millions of ids.
pub(super) struct Ids {
    pub(super) rng: rand::rngs::StdRng,
    pub(super) millis: u64,
    pub(super) counter: u16,
}

impl Ids {
    pub(super) fn new() -> Ids {
        Ids { rng: rand::SeedableRng::from_os_rng(), millis: 0, counter: 0 }
    }

    pub(super) fn next(&mut self) -> Uuid {
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
    pub(super) fn run(mut self, out: &mpsc::SyncSender<Message>, spent: &mpsc::Receiver<Vec<Item>>) {
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
    pub(super) fn read_lines(
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
pub(super) fn next_record(
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
pub(super) fn send_sorted(out: &mpsc::SyncSender<Message>, phones: Sorter<PhoneEntry>, ids: Sorter<IdEntry>) -> std::io::Result<()> {
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

