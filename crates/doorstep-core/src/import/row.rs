//! One record of a voter file turned into a person and an address, with
//! every problem in it reported against its line and column.

use super::layout::{ColumnMap, Field};
use crate::address;
use crate::domain::Address;
use crate::fold;
use crate::phone::{self, PhoneError, Region};
use std::borrow::Cow;
use uuid::Uuid;

pub use crate::error::RowProblem;

/// What was done about a value a person can live without that could not be
/// read as written (a phone, a birth date, an email, a ZIP+4, a party). The
/// row is kept either way; the value is never repeated in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Fewer than seven digits, or more than fifteen: left out.
    PhoneNotANumber,
    /// Digits of a number among letters or other text: kept as written,
    /// and found by its digits.
    PhoneKeptAsWritten,
    BirthYearUnreadable,
    /// Not a date, an impossible one (a 99th month), or a year no voter was
    /// born in: left empty.
    BirthDateUnreadable,
    EmailUnreadable,
    /// A five-digit ZIP with something other than four digits after it: the
    /// ZIP is kept, the rest left out.
    Zip4Dropped,
    /// Not a five- or nine-digit ZIP: kept as written (the household key
    /// takes only its first five digits either way).
    ZipKeptAsWritten,
    PartyUnreadable,
}

impl WarningKind {
    pub const ALL: [WarningKind; 8] = [
        WarningKind::PhoneNotANumber,
        WarningKind::PhoneKeptAsWritten,
        WarningKind::BirthYearUnreadable,
        WarningKind::BirthDateUnreadable,
        WarningKind::EmailUnreadable,
        WarningKind::Zip4Dropped,
        WarningKind::ZipKeptAsWritten,
        WarningKind::PartyUnreadable,
    ];

    /// The kind's name, as `--json` spells it.
    pub fn name(self) -> &'static str {
        match self {
            WarningKind::PhoneNotANumber => "phone_not_a_number",
            WarningKind::PhoneKeptAsWritten => "phone_kept_as_written",
            WarningKind::BirthYearUnreadable => "birth_year_unreadable",
            WarningKind::BirthDateUnreadable => "birth_date_unreadable",
            WarningKind::EmailUnreadable => "email_unreadable",
            WarningKind::Zip4Dropped => "zip4_dropped",
            WarningKind::ZipKeptAsWritten => "zip_kept_as_written",
            WarningKind::PartyUnreadable => "party_unreadable",
        }
    }

    /// What an organizer reads: what the value was not, and what was done.
    pub fn describe(self) -> &'static str {
        match self {
            WarningKind::PhoneNotANumber => "not a phone number; left out",
            WarningKind::PhoneKeptAsWritten => "a phone number with other text; kept as written",
            WarningKind::BirthYearUnreadable => "not a birth year; left empty",
            WarningKind::BirthDateUnreadable => "not a date of birth; left empty",
            WarningKind::EmailUnreadable => "not an email address; left out",
            WarningKind::Zip4Dropped => "the ZIP+4 extension is not four digits; the five-digit ZIP kept",
            WarningKind::ZipKeptAsWritten => "not a five- or nine-digit ZIP code; kept as written",
            WarningKind::PartyUnreadable => "not a party code or name; left empty",
        }
    }
}

impl std::fmt::Display for WarningKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One warning as the reader makes it: plain numbers, so that the rows that
/// carry one allocate nothing for it once their buffers have grown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowWarning {
    pub line: u64,
    /// 0-based, into the file's headers.
    pub column: usize,
    pub kind: WarningKind,
}

/// A warning as reports show it: line, 1-based column and its header.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub line: u64,
    pub column: usize,
    pub header: String,
    pub kind: WarningKind,
}

impl RowWarning {
    pub fn located(&self, headers: &[String]) -> Warning {
        Warning {
            line: self.line,
            column: self.column + 1,
            header: headers.get(self.column).cloned().unwrap_or_default(),
            kind: self.kind,
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: column {} ({}): {}", self.line, self.column, self.header, self.kind.describe())
    }
}

/// A validated row, with everything the writer needs already computed, so
/// that folding and parsing happen off the thread that writes to SQLite.
#[derive(Debug, Clone, Default)]
pub struct ImportRow {
    pub given_name: String,
    pub middle_name: String,
    pub family_name: String,
    pub name_suffix: String,
    pub native_name: String,
    pub birth_year: Option<i32>,
    pub gender: String,
    pub party: String,
    pub preferred_language: String,
    pub spoken_languages: Vec<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub do_not_contact: bool,
    pub address: Address,
    pub precinct: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub external_ids: Vec<(String, String)>,
    pub household_key: String,
    pub search_terms: String,
    /// Filled only for a row whose door is new to the import (see
    /// [`ImportRow::index_address`]): most rows share a door with a row before.
    pub address_terms: String,
    pub phone_digits: Vec<String>,
    /// `spoken_languages`, `phones` and `emails` as the JSON the store keeps.
    pub lists_json: [String; 3],
    /// Set by the reader thread, which also keeps the household map: the id
    /// a new person gets, and the door this row belongs to.
    pub person_id: Uuid,
    pub household_id: Uuid,
    pub new_household: bool,
    /// The rowids of the new person and (when new) household, when the
    /// reader numbers them itself (see `Numbering`).
    pub person_rowid: Option<i64>,
    pub household_rowid: Option<i64>,
    /// Values kept as written or left out; empty for a clean row.
    pub warnings: Vec<RowWarning>,
}

/// Decodes one cell: UTF-8 where it is valid, Windows-1252 where it is not.
/// Decoding per cell (rather than per file) lets a file that is UTF-8 for a
/// million rows and has one cp1252 "é" near the end still import correctly.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Cow::Owned(text.into_owned())
        }
    }
}

pub struct RowParser<'a> {
    pub map: &'a ColumnMap,
    pub headers: &'a [String],
    pub current_year: i32,
    /// The date format that read the last birth date: a file writes every
    /// date alike, so it is tried first.
    pub date_format: std::cell::Cell<usize>,
    /// The region of a phone written without its country code: US unless
    /// the mapping says `phone_region`.
    pub phone_region: Region,
}

impl<'a> RowParser<'a> {
    pub fn new(map: &'a ColumnMap, headers: &'a [String], current_year: i32) -> RowParser<'a> {
        RowParser { map, headers, current_year, date_format: std::cell::Cell::new(0), phone_region: phone::DEFAULT_REGION }
    }
}

/// Trims a decoded cell (voter files pad names). NFC keeps stacked
/// Vietnamese marks in one form; ASCII is its own NFC.
fn clean(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(s) if s.is_ascii() => Cow::Borrowed(s.trim()),
        text => Cow::Owned(unicode_normalization::UnicodeNormalization::nfc(text.trim()).collect()),
    }
}

impl RowParser<'_> {
    /// Parses `record` into `row`, overwriting all of it; rows are recycled
    /// so that a million-line file does not mean millions of allocations.
    pub fn parse(&self, line: u64, record: &csv::ByteRecord, row: &mut ImportRow) -> Result<(), Vec<RowProblem>> {
        let mut problems = Vec::new();
        if record.len() != self.headers.len() {
            problems.push(RowProblem {
                line,
                column: None,
                message: format!(
                    "has {} field(s) but the header has {}; is a quote left open, or a delimiter inside an unquoted value?",
                    record.len(),
                    self.headers.len()
                ),
            });
            return Err(problems);
        }
        let cell = |col: usize| clean(decode(record.get(col).unwrap_or_default()));
        let get = |field: Field| self.map.column(field).map(cell).unwrap_or_default();
        let set = |dst: &mut String, field: Field| {
            dst.clear();
            dst.push_str(&get(field));
        };
        let mut problem = |col: usize, message: String| {
            problems.push(RowProblem {
                line,
                column: Some((col + 1, self.headers[col].clone())),
                message,
            });
        };

        set(&mut row.given_name, Field::GivenName);
        set(&mut row.middle_name, Field::MiddleName);
        set(&mut row.family_name, Field::FamilyName);
        set(&mut row.name_suffix, Field::NameSuffix);
        set(&mut row.native_name, Field::NativeName);
        if row.given_name.is_empty()
            && row.family_name.is_empty()
            && let Some(col) = self.map.column(Field::FullName)
        {
            let whole = super::layout::WholeName::split(&cell(col));
            (row.given_name, row.middle_name, row.family_name) = (whole.given, whole.middle, whole.family);
            if row.name_suffix.is_empty() {
                row.name_suffix = whole.suffix;
            }
        }
        set(&mut row.gender, Field::Gender);
        set(&mut row.party, Field::Party);
        set(&mut row.precinct, Field::Precinct);
        row.birth_year = None;
        row.preferred_language.clear();
        row.spoken_languages.clear();
        row.phones.clear();
        row.phone_digits.clear();
        row.emails.clear();
        row.external_ids.clear();
        row.latitude = None;
        row.longitude = None;
        row.do_not_contact = false;
        row.warnings.clear();
        let mut warnings = std::mem::take(&mut row.warnings);
        let mut warn = |column: usize, kind: WarningKind| warnings.push(RowWarning { line, column, kind });
        if !row.party.is_empty() && !is_party(&row.party) {
            row.party.clear();
            warn(self.map.column(Field::Party).unwrap_or(0), WarningKind::PartyUnreadable);
        }

        if row.given_name.is_empty() && row.family_name.is_empty() && row.native_name.is_empty() {
            let col = self.map.column(Field::FamilyName).or(self.map.column(Field::GivenName)).or(self.map.column(Field::FullName)).unwrap_or(0);
            problem(col, "the person has no name".into());
        }

        for (scheme, col) in &self.map.external_ids {
            let value = cell(*col);
            if !value.is_empty() {
                row.external_ids.push((scheme.clone(), value.into_owned()));
            }
        }
        if row.external_ids.is_empty() && !self.map.external_ids.is_empty() {
            let (_, col) = &self.map.external_ids[0];
            problem(*col, "the voter id is empty; without it an updated file could not find this person again".into());
        }

        // Address: one string, or the California-style components.
        let mut addr = if let Some(col) = self.map.column(Field::StreetLine) {
            address::parse_street_line(&cell(col))
        } else {
            address::from_parts(&address::Parts {
                number: &get(Field::HouseNumber),
                number_suffix: &get(Field::NumberSuffix),
                fraction: &get(Field::HouseFraction),
                pre_direction: &get(Field::StreetDirPrefix),
                street_name: &get(Field::StreetName),
                street_type: &get(Field::StreetType),
                post_direction: &get(Field::StreetDirSuffix),
            })
        };
        if let Some(col) = self.map.column(Field::Unit) {
            let unit = cell(col);
            if !unit.is_empty() {
                addr.unit = address::unit_of(&unit);
            }
        }
        addr.city = get(Field::City).into_owned();
        addr.state = get(Field::State).into_owned();
        if let Some(col) = self.map.column(Field::Zip) {
            let zip = cell(col);
            let (kept, warning) = checked_zip(&zip);
            addr.zip = kept.to_owned();
            if let Some(kind) = warning {
                warn(col, kind);
            }
        }
        if addr.street.is_empty() {
            let col = self.map.column(Field::StreetLine).or(self.map.column(Field::StreetName)).unwrap_or(0);
            problem(col, "the address has no street".into());
        }

        if let Some(col) = self.map.column(Field::BirthYear) {
            let v = cell(col);
            if !v.is_empty() {
                match v.parse::<i32>() {
                    Ok(y) if (1880..=self.current_year).contains(&y) => row.birth_year = Some(y),
                    _ => warn(col, WarningKind::BirthYearUnreadable),
                }
            }
        }
        if row.birth_year.is_none()
            && let Some(col) = self.map.column(Field::BirthDate)
        {
            let v = cell(col);
            if !v.is_empty() {
                match self.birth_year_of_date(&v) {
                    Some(y) if (1880..=self.current_year).contains(&y) => row.birth_year = Some(y),
                    _ => warn(col, WarningKind::BirthDateUnreadable),
                }
            }
        }

        // A phone split over columns (Florida: area code, number,
        // extension) is joined into what one column would have said.
        let area = self.map.column(Field::PhoneAreaCode).map(&cell).filter(|a| !a.is_empty());
        let ext = self.map.column(Field::PhoneExtension).map(&cell).filter(|e| !e.is_empty());
        for (i, col) in self.map.columns(Field::Phone).enumerate() {
            let v = cell(col);
            if v.is_empty() {
                continue;
            }
            let v = match (i, &area, &ext) {
                (0, None, None) | (1.., _, _) => v,
                (0, area, ext) => {
                    let mut joined = String::new();
                    if let Some(a) = area
                        && phone::digits(&v).len() == 7
                    {
                        joined.push_str(a);
                        joined.push(' ');
                    }
                    joined.push_str(&v);
                    if let Some(e) = ext {
                        joined.push_str(" x");
                        joined.push_str(e);
                    }
                    joined.into()
                }
            };
            // A phone the store keeps must have a number's digits: every
            // phone is indexed and searched by them, and a device's edit of
            // the person's phones is refused if one lacks them
            // (`person::check_field`). Text without them is left out. A
            // number is kept as E.164, as a device's edit keeps it; one no
            // country's plan knows, as written.
            let (formatted, digits) = match phone::normalize(&v, self.phone_region) {
                Ok(n) => (n.stored(), n.national().to_owned()),
                Err(PhoneError::NotANumber) => {
                    warn(col, WarningKind::PhoneNotANumber);
                    continue;
                }
                Err(e) => {
                    if e == PhoneError::OtherText {
                        warn(col, WarningKind::PhoneKeptAsWritten);
                    }
                    (v.to_string(), phone::digits(&v))
                }
            };
            if !row.phones.contains(&formatted) {
                row.phones.push(formatted);
                if !row.phone_digits.contains(&digits) {
                    row.phone_digits.push(digits);
                }
            }
        }
        for col in self.map.columns(Field::Email) {
            let v = cell(col);
            if v.is_empty() {
                continue;
            }
            if !is_email(&v) {
                warn(col, WarningKind::EmailUnreadable);
            } else if !row.emails.iter().any(|e| *e == v) {
                row.emails.push(v.into_owned());
            }
        }
        if let Some(col) = self.map.column(Field::Language) {
            match crate::lang::normalize(&cell(col)) {
                Ok(tag) => row.preferred_language = tag.unwrap_or_default(),
                Err(_) => problem(col, LANGUAGE_HELP.into()),
            }
        }
        if let Some(col) = self.map.column(Field::SpokenLanguages) {
            for part in cell(col).split([',', ';', '|', '/']) {
                match crate::lang::normalize(part) {
                    Ok(Some(tag)) if !row.spoken_languages.contains(&tag) => row.spoken_languages.push(tag),
                    Ok(_) => {}
                    Err(_) => problem(col, LANGUAGE_HELP.into()),
                }
            }
        }
        if !row.preferred_language.is_empty() && !row.spoken_languages.contains(&row.preferred_language) {
            row.spoken_languages.insert(0, row.preferred_language.clone());
        }
        for (field, slot) in [(Field::Latitude, &mut row.latitude), (Field::Longitude, &mut row.longitude)] {
            if let Some(col) = self.map.column(field) {
                let v = cell(col);
                if !v.is_empty() {
                    let limit = if field == Field::Latitude { 90.0 } else { 180.0 };
                    match v.parse::<f64>() {
                        Ok(x) if x.abs() <= limit => *slot = Some(x),
                        _ => problem(col, format!("not a {field}")),
                    }
                }
            }
        }
        if let Some(col) = self.map.column(Field::DoNotContact) {
            let v = cell(col).to_lowercase();
            row.do_not_contact = match v.as_str() {
                "" | "0" | "n" | "no" | "false" => false,
                "1" | "y" | "yes" | "true" | "x" => true,
                _ => {
                    problem(col, "not yes or no".into());
                    false
                }
            };
        }

        // In the order of the file's columns, as a reader of the row expects.
        warnings.sort_unstable_by_key(|w| w.column);
        row.warnings = warnings;
        if !problems.is_empty() {
            return Err(problems);
        }
        // Rows are recycled: copying into their buffers is cheaper than
        // freeing the old strings, which have long gone cold in the cache.
        row.household_key.clone_from(&address::household_key(&addr));
        row.search_terms.clone_from(&fold::search_terms(&row.given_name, &row.middle_name, &row.family_name, &row.native_name));
        for (json, list) in row.lists_json.iter_mut().zip([&row.spoken_languages, &row.phones, &row.emails]) {
            json.clone_from(&serde_json::to_string(list).expect("strings serialize"));
        }
        let Address { house_number, number_value, fraction, street, unit, city, state, zip } = &mut row.address;
        house_number.clone_from(&addr.house_number);
        *number_value = addr.number_value;
        fraction.clone_from(&addr.fraction);
        street.clone_from(&addr.street);
        unit.clone_from(&addr.unit);
        city.clone_from(&addr.city);
        state.clone_from(&addr.state);
        zip.clone_from(&addr.zip);
        Ok(())
    }
}

impl ImportRow {
    /// Makes the search document of the row's address, for a new household.
    pub fn index_address(&mut self) {
        let a = &self.address;
        self.address_terms.clone_from(&fold::address_terms(&a.house_number, &a.street, &a.unit, &a.city, &a.zip));
    }
}

/// Dates of birth as voter files write them, with or without a time of day
/// (exports from spreadsheets and databases add "12:00:00 AM"). Two-digit
/// years are left out: "61" could be 1961 or 2061.
const DATE_FORMATS: &[&str] = &["%m/%d/%Y", "%Y-%m-%d", "%Y%m%d", "%m-%d-%Y", "%Y/%m/%d", "%d-%b-%Y", "%d %b %Y", "%b %d %Y"];
const DATE_TIME_FORMATS: &[&str] = &[
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f%#z",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
];

impl RowParser<'_> {
    fn birth_year_of_date(&self, v: &str) -> Option<i32> {
        use chrono::{Datelike, NaiveDate, NaiveDateTime};
        let v = v.trim().trim_end_matches('Z');
        let parse = |i: usize| -> Option<NaiveDate> {
            match i.checked_sub(DATE_FORMATS.len()) {
                None => NaiveDate::parse_from_str(v, DATE_FORMATS[i]).ok(),
                Some(j) => NaiveDateTime::parse_from_str(v, DATE_TIME_FORMATS[j]).ok().map(|t| t.date()),
            }
        };
        let last = self.date_format.get();
        if let Some(date) = parse(last) {
            return Some(date.year());
        }
        (0..DATE_FORMATS.len() + DATE_TIME_FORMATS.len()).filter(|i| *i != last).find_map(|i| {
            let date = parse(i)?;
            self.date_format.set(i);
            Some(date.year())
        })
    }
}

/// A ZIP as the store keeps it, and the warning when it was not one.
fn checked_zip(zip: &str) -> (&str, Option<WarningKind>) {
    let bytes = zip.as_bytes();
    if zip.is_empty() || (bytes.len() == 5 || bytes.len() == 9) && bytes.iter().all(u8::is_ascii_digit) {
        return (zip, None);
    }
    if bytes.len() < 5 || !bytes[..5].iter().all(u8::is_ascii_digit) {
        return (zip, Some(WarningKind::ZipKeptAsWritten));
    }
    let plus4 = zip[5..].trim_start_matches(['-', ' ']);
    if plus4.is_empty() {
        return (&zip[..5], None);
    }
    if plus4.len() == 4 && plus4.bytes().all(|b| b.is_ascii_digit()) {
        return (zip, None);
    }
    (&zip[..5], Some(WarningKind::Zip4Dropped))
}

/// One address with something on each side of its @ and a dot in its
/// domain: what a person would recognize, not RFC 5322's full grammar.
fn is_email(v: &str) -> bool {
    match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.trim_matches('.').contains('.')
                && !v.contains(|c: char| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// Party codes and names differ by state ("DEM", "R", "NPP", "No Party
/// Preference", "Working Families"); what none of them is: no letter at all,
/// a spreadsheet's "#N/A", or a paragraph.
fn is_party(v: &str) -> bool {
    v.chars().count() <= 40
        && v.chars().any(char::is_alphabetic)
        && v.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '&' | '\'' | '/' | '(' | ')'))
}

const LANGUAGE_HELP: &str =
    "not a language Doorstep knows (use a name such as \"Vietnamese\" or a BCP-47 tag such as \"vi\")";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birth_dates_in_the_forms_voter_files_write_them() {
        let map = ColumnMap::default();
        let parser = RowParser::new(&map, &[], 2026);
        for (text, year) in [
            ("12/31/1961", Some(1961)),
            ("1/5/1961", Some(1961)),
            ("12/31/1961 12:00:00 AM", Some(1961)),
            ("12/31/1961 0:00", Some(1961)),
            ("1961-12-31", Some(1961)),
            ("1961-12-31T00:00:00", Some(1961)),
            ("1961-12-31T00:00:00.000Z", Some(1961)),
            ("1961-12-31T00:00:00-05:00", Some(1961)),
            ("1961-12-31 00:00:00", Some(1961)),
            ("19611231", Some(1961)),
            ("31-DEC-1961", Some(1961)),
            ("31-Dec-1961", Some(1961)),
            ("12-31-1961", Some(1961)),
            // Back to the first form after the parser learned another.
            ("12/31/1961", Some(1961)),
            ("1961-99-31", None),
            ("99/31/1961", None),
            ("02/30/1961", None),
            ("12/31/61", None),
            ("unknown", None),
            ("1961", None),
        ] {
            // As `parse` takes it: a year no voter was born in is no date of birth.
            let taken = parser.birth_year_of_date(text).filter(|y| (1880..=2026).contains(y));
            assert_eq!(taken, year, "{text}");
        }
    }

    #[test]
    fn zips_emails_and_parties() {
        for (zip, kept, warning) in [
            ("27601", "27601", None),
            ("27601-1234", "27601-1234", None),
            ("276011234", "276011234", None),
            ("27601 1234", "27601 1234", None),
            ("27601-", "27601", None),
            ("27601-12", "27601", Some(WarningKind::Zip4Dropped)),
            ("27601-ABCD", "27601", Some(WarningKind::Zip4Dropped)),
            ("2760", "2760", Some(WarningKind::ZipKeptAsWritten)),
            ("N/A", "N/A", Some(WarningKind::ZipKeptAsWritten)),
        ] {
            assert_eq!(checked_zip(zip), (kept, warning), "{zip}");
        }
        for (email, ok) in [("ana@example.org", true), ("ana@example", false), ("ana example.org", false),
            ("@example.org", false), ("ana@@example.org", false), ("ana @example.org", false)]
        {
            assert_eq!(is_email(email), ok, "{email}");
        }
        for (party, ok) in [("DEM", true), ("R", true), ("No Party Preference", true), ("Working Families", true),
            ("#N/A", false), ("7", false), ("--", false)]
        {
            assert_eq!(is_party(party), ok, "{party}");
        }
    }
}
