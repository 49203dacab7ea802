//! The writer side of an import: what is written for each row inside the
//! import's one transaction, and the counts its summary reports.

use super::reader::IdClaim;
use super::row::{self, ImportRow, Warning, WarningKind};
use super::spill::{IdEntry, PhoneEntry};
use super::LISTED_WARNINGS;
use crate::bulk::{self, ManyRows, Value};
use crate::error::{Error, Result};
use crate::store::now_text;
use rusqlite::{OptionalExtension, params};
use uuid::Uuid;

#[derive(Default)]
pub(super) struct Counts {
    pub(super) rows: u64,
    pub(super) created: u64,
    pub(super) updated: u64,
    pub(super) households: u64,
    pub(super) rejected: u64,
    /// By kind; a handful of kinds, so a list beats a map.
    pub(super) warnings: Vec<(WarningKind, u64)>,
    pub(super) first_warnings: Vec<Warning>,
}

impl Counts {
    pub(super) fn warn(&mut self, warnings: &[row::RowWarning], headers: &[String]) {
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
pub(super) struct Writer<'t> {
    pub(super) tx: &'t rusqlite::Transaction<'t>,
    pub(super) org: Uuid,
    /// The org held nobody when the import began.
    pub(super) fresh: bool,
    /// The scheme of the file's one external id, if it has one.
    pub(super) id_scheme: Option<String>,
    pub(super) now: String,
    pub(super) insert_household: rusqlite::Statement<'t>,
    pub(super) index_household: bulk::Statement<'t>,
    pub(super) insert_person: rusqlite::Statement<'t>,
    pub(super) index_person: bulk::Statement<'t>,
    pub(super) index_phone: rusqlite::Statement<'t>,
    pub(super) claim_id: rusqlite::Statement<'t>,
    pub(super) households_many: ManyRows<'t>,
    pub(super) people_many: ManyRows<'t>,
    pub(super) phones_many: ManyRows<'t>,
    pub(super) ids_many: ManyRows<'t>,
}

impl<'t> Writer<'t> {
    pub(super) fn new(tx: &'t rusqlite::Transaction<'t>, org: Uuid, fresh: bool, id_scheme: Option<String>) -> Result<Self> {
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
    pub(super) fn write_numbered(&mut self, rows: &[&ImportRow], counts: &mut Counts) -> Result<()> {
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
    pub(super) fn household(&mut self, row: &ImportRow, counts: &mut Counts) -> Result<()> {
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

    pub(super) fn existing(&self, row: &ImportRow) -> Result<Option<(Uuid, i64)>> {
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

    pub(super) fn write(&mut self, row: &ImportRow, counts: &mut Counts) -> Result<()> {
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
    pub(super) fn claim_external_ids(&mut self, person: Uuid, row: &ImportRow) -> Result<bool> {
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
    pub(super) fn insert(&mut self, id: Uuid, row: &ImportRow) -> Result<i64> {
        self.insert_person.execute(params![row.person_rowid, id, self.org, row.household_id, row.given_name,
            row.middle_name, row.family_name, row.name_suffix, row.native_name, row.birth_year, row.gender,
            row.party, row.preferred_language, row.lists_json[0], row.lists_json[1], row.lists_json[2],
            row.do_not_contact, self.now])?;
        let rowid = self.tx.last_insert_rowid();
        self.index_person.execute(&[rowid.into(), (&row.search_terms).into()])?;
        Ok(rowid)
    }

    pub(super) fn index_phones_of(&mut self, rowid: i64, phone_digits: &[String]) -> Result<()> {
        for digits in phone_digits {
            self.index_phone.execute(params![digits, rowid])?;
        }
        Ok(())
    }

    pub(super) fn index_phones(&mut self, entries: &[PhoneEntry]) -> Result<()> {
        self.phones_many.insert(self.tx, entries, |e, v| v.extend::<[Value; 2]>([(&e.digits).into(), e.rowid.into()]))?;
        Ok(())
    }

    pub(super) fn claim_ids(&mut self, claims: &[IdClaim], counts: &mut Counts) -> Result<()> {
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
    pub(super) fn merge_repeat(&mut self, rowid: i64, first: &IdEntry, scheme: &str) -> Result<()> {
        let mut row = self.stored(rowid)?;
        row.external_ids = vec![(scheme.to_owned(), first.value.clone())];
        self.unindex(rowid, &row.phone_digits)?;
        self.tx.prepare_cached("DELETE FROM people WHERE rowid = ?1")?.execute([rowid])?;
        self.update(first.person, first.rowid, &row)
    }

    /// A person written earlier in this import, as the row that wrote them.
    pub(super) fn stored(&self, rowid: i64) -> Result<ImportRow> {
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

    pub(super) fn unindex(&self, rowid: i64, phone_digits: &[String]) -> Result<()> {
        self.tx.prepare_cached("DELETE FROM people_search WHERE rowid = ?1")?.execute([rowid])?;
        let mut del = self.tx.prepare_cached("DELETE FROM phone_index WHERE digits = ?1 AND person_rowid = ?2")?;
        for digits in phone_digits {
            del.execute(params![digits, rowid])?;
        }
        Ok(())
    }

    /// A later file is the newer truth for what it carries; fields it leaves
    /// empty (a phone, a language) keep what the store already knows.
    pub(super) fn update(&mut self, id: Uuid, rowid: i64, row: &ImportRow) -> Result<()> {
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

pub(super) fn all_written(table: &str, written: usize, rows: usize) -> Result<()> {
    if written != rows {
        return Err(Error::Invalid(format!("import: {} of {rows} new {table} rows clashed with rows already stored", rows - written)));
    }
    Ok(())
}

pub(super) fn json_array(v: &[String]) -> String {
    serde_json::to_string(v).expect("strings serialize")
}


