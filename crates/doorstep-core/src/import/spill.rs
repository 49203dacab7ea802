//! Sorting more entries than should be held in memory: sorted runs are
//! spilled to scratch files and merged back in key order.
//!
//! An import into an empty organization writes its phone and external-id
//! index entries this way, after the people. In file order they would land
//! all over B-trees far larger than the page cache, one cache miss per row;
//! in key order every page is filled once, front to back.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use uuid::Uuid;

/// Entries held in memory before a run is sorted and spilled.
const RUN: usize = 64 * 1024;

pub(super) trait Entry: Ord + Sized {
    fn write_to(&self, out: &mut impl Write) -> io::Result<()>;
    /// None at the end of the run.
    fn read_from(input: &mut impl Read) -> io::Result<Option<Self>>;
}

/// One phone of one new person, for `phone_index`.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct PhoneEntry {
    pub digits: String,
    pub rowid: i64,
}

/// The external id of one new person. Equal values sort in file order, so
/// the first row to carry an id comes first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct IdEntry {
    pub value: String,
    pub rowid: i64,
    pub person: Uuid,
}

impl Entry for PhoneEntry {
    fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        write_str(out, &self.digits)?;
        out.write_all(&self.rowid.to_le_bytes())
    }

    fn read_from(input: &mut impl Read) -> io::Result<Option<Self>> {
        let Some(digits) = read_str(input)? else { return Ok(None) };
        Ok(Some(PhoneEntry { digits, rowid: i64::from_le_bytes(read_array(input)?) }))
    }
}

impl Entry for IdEntry {
    fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        write_str(out, &self.value)?;
        out.write_all(&self.rowid.to_le_bytes())?;
        out.write_all(self.person.as_bytes())
    }

    fn read_from(input: &mut impl Read) -> io::Result<Option<Self>> {
        let Some(value) = read_str(input)? else { return Ok(None) };
        let rowid = i64::from_le_bytes(read_array(input)?);
        let person = Uuid::from_bytes(read_array(input)?);
        Ok(Some(IdEntry { value, rowid, person }))
    }
}

fn write_str(out: &mut impl Write, s: &str) -> io::Result<()> {
    let len = u32::try_from(s.len()).map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "value too long"))?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(s.as_bytes())
}

fn read_str(input: &mut impl Read) -> io::Result<Option<String>> {
    let mut len = [0u8; 4];
    match input.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut bytes = vec![0; u32::from_le_bytes(len) as usize];
    input.read_exact(&mut bytes)?;
    String::from_utf8(bytes).map(Some).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

fn read_array<const N: usize>(input: &mut impl Read) -> io::Result<[u8; N]> {
    let mut a = [0u8; N];
    input.read_exact(&mut a)?;
    Ok(a)
}

/// A scratch file, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn create() -> io::Result<(Scratch, File)> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        loop {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = std::env::temp_dir().join(format!("doorstep-import-{}-{n}.run", std::process::id()));
            match File::options().write(true).create_new(true).open(&path) {
                Ok(file) => return Ok((Scratch(path), file)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

pub(super) struct Sorter<T: Entry> {
    run: Vec<T>,
    spilled: Vec<Scratch>,
}

impl<T: Entry> Sorter<T> {
    pub fn new() -> Self {
        Sorter { run: Vec::new(), spilled: Vec::new() }
    }

    pub fn push(&mut self, entry: T) -> io::Result<()> {
        self.run.push(entry);
        if self.run.len() >= RUN {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        self.run.sort_unstable();
        let (scratch, file) = Scratch::create()?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        for entry in self.run.drain(..) {
            entry.write_to(&mut out)?;
        }
        out.flush()?;
        self.spilled.push(scratch);
        Ok(())
    }

    /// Every entry pushed, in order.
    pub fn finish(mut self) -> io::Result<Merge<T>> {
        self.run.sort_unstable();
        let mut runs = Vec::with_capacity(self.spilled.len() + 1);
        for scratch in &self.spilled {
            runs.push(Run::File(BufReader::with_capacity(1 << 16, File::open(&scratch.0)?)));
        }
        runs.push(Run::Memory(std::mem::take(&mut self.run).into_iter()));
        let mut heap = BinaryHeap::with_capacity(runs.len());
        for (i, run) in runs.iter_mut().enumerate() {
            if let Some(entry) = run.next()? {
                heap.push(Reverse((entry, i)));
            }
        }
        Ok(Merge { runs, heap, _scratch: self.spilled })
    }
}

enum Run<T> {
    File(BufReader<File>),
    Memory(std::vec::IntoIter<T>),
}

impl<T: Entry> Run<T> {
    fn next(&mut self) -> io::Result<Option<T>> {
        match self {
            Run::File(input) => T::read_from(input),
            Run::Memory(entries) => Ok(entries.next()),
        }
    }
}

pub(super) struct Merge<T: Entry> {
    runs: Vec<Run<T>>,
    heap: BinaryHeap<Reverse<(T, usize)>>,
    _scratch: Vec<Scratch>,
}

impl<T: Entry> Iterator for Merge<T> {
    type Item = io::Result<T>;

    fn next(&mut self) -> Option<io::Result<T>> {
        let Reverse((entry, i)) = self.heap.pop()?;
        match self.runs[i].next() {
            Ok(Some(next)) => self.heap.push(Reverse((next, i))),
            Ok(None) => {}
            Err(e) => return Some(Err(e)),
        }
        Some(Ok(entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_spilled_runs_in_order() {
        let mut sorter = Sorter::new();
        let n = RUN as i64 * 2 + 17;
        // A permutation of 0..n, so that every run holds a spread of keys.
        let mut expected = Vec::new();
        for i in 0..n {
            let k = (i * 7919) % n;
            sorter.push(PhoneEntry { digits: format!("{k:09}"), rowid: i }).unwrap();
            expected.push((format!("{k:09}"), i));
        }
        expected.sort();
        let merged: Vec<(String, i64)> =
            sorter.finish().unwrap().map(|e| e.map(|e| (e.digits, e.rowid))).collect::<io::Result<_>>().unwrap();
        assert_eq!(merged, expected);
    }
}
