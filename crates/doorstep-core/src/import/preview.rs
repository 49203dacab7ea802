//! What an import would make of a file, without writing anything: the
//! layout it recognized, which column became which field, the columns it
//! leaves unused, and the first rows as they would be stored. The CLI's
//! `doorstep import --dry-run` prints it; an organizer's screen can show it
//! before an import starts.

use super::layout::{ColumnUse, Recognized};
use super::row::{ImportRow, RowParser, RowProblem, Warning};
use super::ImportOptions;
use super::error::ImportError;
use super::reader::{Source, current_year, next_record};
use crate::error::Result;
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    pub file: String,
    /// The layout, and what each column becomes.
    pub layout: Recognized,
    /// Headers of the columns the import leaves unused (mailing addresses
    /// among them: the residential address is the door).
    pub ignored: Vec<String>,
    /// The first rows an import would keep, as it would store them.
    pub rows: Vec<PreviewRow>,
    /// What would reject the other rows read (all of the file, unless
    /// `--skip-bad-rows`).
    pub problems: Vec<RowProblem>,
}

/// One row as the store would hold it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviewRow {
    pub line: u64,
    /// Given, middle and family name and suffix, with the native-script
    /// name after them, as the file gives them.
    pub name: String,
    /// Number, street and unit; then city, state and ZIP.
    pub address: String,
    pub city_line: String,
    /// Rows with the same key are one door.
    pub household_key: String,
    /// The id a later file finds this person by: (scheme, value).
    pub voter_id: Option<(String, String)>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub birth_year: Option<i32>,
    pub party: String,
    pub warnings: Vec<Warning>,
}

impl PreviewRow {
    fn of(line: u64, row: &ImportRow, headers: &[String]) -> PreviewRow {
        let join = |parts: &[&str]| parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(" ");
        let mut name = join(&[&row.given_name, &row.middle_name, &row.family_name, &row.name_suffix]);
        if !row.native_name.is_empty() {
            name = if name.is_empty() { row.native_name.clone() } else { format!("{name} ({})", row.native_name) };
        }
        let a = &row.address;
        PreviewRow {
            line,
            name,
            address: a.line(),
            city_line: join(&[&a.city, &a.state, &a.zip]),
            household_key: row.household_key.clone(),
            voter_id: row.external_ids.first().cloned(),
            phones: row.phones.clone(),
            emails: row.emails.clone(),
            birth_year: row.birth_year,
            party: row.party.clone(),
            warnings: row.warnings.iter().map(|w| w.located(headers)).collect(),
        }
    }
}

/// Reads the header and the first `rows` voters of `path` as
/// [`super::import_file`] would with `opts`; opens no store.
pub fn preview(path: &Path, opts: &ImportOptions, rows: usize) -> Result<Preview> {
    let Source { file_name, mut csv_reader, headers, map, recognized, .. } = Source::open(path, opts)?;
    let mut parser = RowParser::new(&map, &headers, current_year());
    parser.phone_region = opts.mapping.as_ref().map_or(crate::phone::DEFAULT_REGION, |m| m.phone_region());
    let mut record = csv::ByteRecord::new();
    let mut row = ImportRow::default();
    let mut kept = Vec::new();
    let mut problems = Vec::new();
    for _ in 0..rows {
        let line = match next_record(&mut csv_reader, &mut record) {
            Ok(Some(line)) => line,
            Ok(None) => break,
            Err(e) => return Err(ImportError::whole_file(&file_name, 0, e)),
        };
        match parser.parse(line, &record, &mut row) {
            Ok(()) => kept.push(PreviewRow::of(line, &row, &headers)),
            Err(row_problems) => problems.extend(row_problems),
        }
    }
    let ignored = recognized
        .columns
        .iter()
        .filter(|c| matches!(c.role, ColumnUse::Ignored | ColumnUse::Mailing))
        .map(|c| c.header.clone())
        .collect();
    Ok(Preview { file: file_name, layout: recognized, ignored, rows: kept, problems })
}
