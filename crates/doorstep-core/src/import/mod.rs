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


mod error;
pub mod layout;
mod preview;
mod reader;
mod row;
mod spill;
pub mod states;
mod tuning;
mod writer;

pub use layout::{ColumnUse, Field, LayoutKind, Mapping, Recognized, RecognizedColumn, recognize};
pub use preview::{Preview, PreviewRow, preview};
pub use error::ImportError;
pub use row::{RowProblem, Warning, WarningKind};

use crate::domain::Organization;
use crate::error::{Error, Result};
use crate::store::Store;
use error::describe;
use reader::{Item, Message, Numbering, Households, Reader, Source, current_year};
use spill::Sorter;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use tuning::{BulkSettings, CREATE_BULK_INDEXES, DROP_BULK_INDEXES, EMPTY_STORE, INDEX_BUILD_CACHE};
use writer::{Counts, Writer};

/// How many problems a rejected file reports before it stops reading.
pub const DEFAULT_MAX_ERRORS: usize = 100;
/// How many warnings a summary lists one by one; all are counted by kind.
pub const LISTED_WARNINGS: usize = 20;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::now_text;
    use reader::Ids;
    use rusqlite::params;
    use tuning::pragma;
    use uuid::Uuid;

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
