//! One record of a voter file turned into a person and an address, with
//! every problem in it reported against its line and column.

use super::layout::{ColumnMap, Field};
use crate::address;
use crate::domain::Address;
use crate::fold;
use std::borrow::Cow;
use uuid::Uuid;

/// What went wrong in one cell (or in the whole row when `column` is None).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RowProblem {
    pub line: u64,
    /// 1-based column number and its header.
    pub column: Option<(usize, String)>,
    pub message: String,
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

        if row.given_name.is_empty() && row.family_name.is_empty() && row.native_name.is_empty() {
            let col = self.map.column(Field::FamilyName).or(self.map.column(Field::GivenName)).unwrap_or(0);
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
        addr.zip = get(Field::Zip).into_owned();
        if addr.street.is_empty() {
            let col = self.map.column(Field::StreetLine).or(self.map.column(Field::StreetName)).unwrap_or(0);
            problem(col, "the address has no street".into());
        }

        if let Some(col) = self.map.column(Field::BirthYear) {
            let v = cell(col);
            if !v.is_empty() {
                match v.parse::<i32>() {
                    Ok(y) if (1880..=self.current_year).contains(&y) => row.birth_year = Some(y),
                    _ => problem(col, format!("{v:?} is not a birth year")),
                }
            }
        }
        if row.birth_year.is_none()
            && let Some(col) = self.map.column(Field::BirthDate)
        {
            let v = cell(col);
            if !v.is_empty() {
                match birth_year_of_date(&v) {
                    Some(y) if (1880..=self.current_year).contains(&y) => row.birth_year = Some(y),
                    _ => problem(col, format!("{v:?} is not a date of birth (expected YYYY-MM-DD or MM/DD/YYYY)")),
                }
            }
        }

        for col in self.map.columns(Field::Phone) {
            let v = cell(col);
            if v.is_empty() {
                continue;
            }
            let digits = fold::phone_digits(&v);
            if digits.is_empty() {
                problem(col, format!("{v:?} is not a phone number"));
                continue;
            }
            let formatted = if digits.len() == 10 { format!("+1{digits}") } else { v.to_string() };
            if !row.phones.contains(&formatted) {
                row.phones.push(formatted);
                row.phone_digits.push(digits);
            }
        }
        for col in self.map.columns(Field::Email) {
            let v = cell(col);
            if v.is_empty() {
                continue;
            }
            if !v.contains('@') || v.contains(' ') {
                problem(col, format!("{v:?} is not an email address"));
            } else if !row.emails.iter().any(|e| *e == v) {
                row.emails.push(v.into_owned());
            }
        }
        if let Some(col) = self.map.column(Field::Language) {
            match crate::lang::normalize(&cell(col)) {
                Ok(tag) => row.preferred_language = tag.unwrap_or_default(),
                Err(e) => problem(col, e),
            }
        }
        if let Some(col) = self.map.column(Field::SpokenLanguages) {
            for part in cell(col).split([',', ';', '|', '/']) {
                match crate::lang::normalize(part) {
                    Ok(Some(tag)) if !row.spoken_languages.contains(&tag) => row.spoken_languages.push(tag),
                    Ok(_) => {}
                    Err(e) => problem(col, e),
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
                        _ => problem(col, format!("{v:?} is not a {field}")),
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
                    problem(col, format!("{v:?} is not yes or no"));
                    false
                }
            };
        }

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

fn birth_year_of_date(v: &str) -> Option<i32> {
    let v = v.trim();
    let parts: Vec<&str> = v.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [y, _, _] if y.len() == 4 => y.parse().ok(),
        [_, _, y] if y.len() == 4 => y.parse().ok(),
        [ymd] if ymd.len() == 8 && ymd.chars().all(|c| c.is_ascii_digit()) => ymd[..4].parse().ok(),
        _ => None,
    }
}
