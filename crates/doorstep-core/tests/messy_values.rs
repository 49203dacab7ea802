//! Issue 16, point 3: a malformed value in a field a person can live
//! without keeps its row, with a warning naming the line and column.
//! Every case imports the same file twice into real stores on disk, once
//! with a clean value and once with the messy one, and compares what was
//! stored about the person.

use doorstep_core::import::{ImportOptions, ImportSummary, Warning, WarningKind, import_file};
use doorstep_core::{Store, search};
use std::collections::BTreeMap;

const HEADER: &str = "voter_id,first_name,last_name,address,city,zip,phone,email,birth_date,party";
const HEADERS: [&str; 10] = ["voter_id", "first_name", "last_name", "address", "city", "zip", "phone", "email", "birth_date", "party"];
/// The middle row, line 3 of the file, is the one a case changes.
const CLEAN: [&str; 10] =
    ["V2", "ANA", "GARCIA", "12 OAK ST", "RALEIGH", "27601-1234", "919-555-0100", "ana@example.org", "01/15/1970", "DEM"];

struct Imported {
    _dir: tempfile::TempDir,
    store: Store,
    summary: ImportSummary,
}

fn csv_line(values: &[&str]) -> String {
    values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(",")
}

/// Imports a three-row file whose middle row has `value` in `column`.
fn import_with(column: &str, value: &str) -> Imported {
    let mut middle = CLEAN;
    middle[HEADERS.iter().position(|h| *h == column).expect("a header")] = value;
    let body = [
        HEADER.to_owned(),
        csv_line(&["V1", "BO", "LEE", "10 OAK ST", "RALEIGH", "27601", "919-555-0199", "", "1980-02-02", "REP"]),
        csv_line(&middle),
        csv_line(&["V3", "CY", "PARK", "14 OAK ST", "RALEIGH", "27601", "", "cy@example.org", "", "UNA"]),
    ]
    .join("\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("voters.csv");
    std::fs::write(&path, body).unwrap();
    let mut store = Store::open(&dir.path().join("doorstep.db")).unwrap();
    let org = store.org_for_import(None, "Test org").unwrap();
    let summary = import_file(&mut store, &org, &path, &ImportOptions::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{column} = {value:?}: the file was rejected: {e}"));
    Imported { _dir: dir, store, summary }
}

/// Everything stored about the person with voter id `id` and their door.
fn stored(store: &Store, id: &str) -> BTreeMap<&'static str, String> {
    let names = ["given_name", "family_name", "birth_year", "party", "phones", "emails", "house_number", "street", "city", "zip", "address_key"];
    let values: Vec<String> = store
        .conn()
        .query_row(
            "SELECT p.given_name, p.family_name, coalesce(p.birth_year, ''), p.party, p.phones, p.emails,
                 h.house_number, h.street, h.city, h.zip, h.address_key
             FROM external_ids e JOIN people p ON p.id = e.person_id JOIN households h ON h.id = p.household_id
             WHERE e.value = ?1",
            [id],
            |r| (0..names.len()).map(|i| r.get::<_, String>(i).or_else(|_| r.get::<_, i64>(i).map(|n| n.to_string()))).collect(),
        )
        .unwrap();
    names.into_iter().zip(values).collect()
}

/// What changed between two records: (field, value in `after`).
fn changes(before: &BTreeMap<&'static str, String>, after: &BTreeMap<&'static str, String>) -> Vec<(String, String)> {
    after.iter().filter(|(k, v)| before[*k] != **v).map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

fn found(store: &Store, query: &str) -> Vec<String> {
    let org = store.resolve_org(None).unwrap();
    search::search(store.conn(), org.id, query, 10).unwrap().into_iter().map(|p| p.given_name).collect()
}

#[test]
fn each_messy_value_keeps_its_row_warns_at_its_line_and_column_and_changes_only_itself() {
    use WarningKind::*;
    // (column, messy value, the warning, what is stored instead of the clean value)
    type Case<'a> = (&'a str, &'a str, Option<WarningKind>, &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        ("phone", "919-555-CALL", Some(PhoneNotANumber), &[("phones", "[]")]),
        ("phone", "12", Some(PhoneNotANumber), &[("phones", "[]")]),
        ("phone", "919-555-0100 cell", Some(PhoneKeptAsWritten), &[("phones", r#"["919-555-0100 cell"]"#)]),
        ("phone", "919-555-0100 x23", None, &[("phones", r#"["+19195550100;ext=23"]"#)]),
        ("phone", "(919) 555-0100 ext. 23", None, &[("phones", r#"["+19195550100;ext=23"]"#)]),
        ("phone", "919.555.0100 #23", None, &[("phones", r#"["+19195550100;ext=23"]"#)]),
        ("birth_date", "12/31/1961 12:00:00 AM", None, &[("birth_year", "1961")]),
        ("birth_date", "1961-12-31T00:00:00", None, &[("birth_year", "1961")]),
        ("birth_date", "1961-12-31 00:00:00", None, &[("birth_year", "1961")]),
        ("birth_date", "1961-12-31", None, &[("birth_year", "1961")]),
        ("birth_date", "19611231", None, &[("birth_year", "1961")]),
        ("birth_date", "31-DEC-1961", None, &[("birth_year", "1961")]),
        ("birth_date", "1961-99-31", Some(BirthDateUnreadable), &[("birth_year", "")]),
        ("birth_date", "02/30/1961", Some(BirthDateUnreadable), &[("birth_year", "")]),
        ("birth_date", "01/15/1870", Some(BirthDateUnreadable), &[("birth_year", "")]),
        ("birth_date", "unknown", Some(BirthDateUnreadable), &[("birth_year", "")]),
        ("email", "ana at example.org", Some(EmailUnreadable), &[("emails", "[]")]),
        ("email", "ana@example", Some(EmailUnreadable), &[("emails", "[]")]),
        ("zip", "27601-12", Some(Zip4Dropped), &[("zip", "27601")]),
        ("zip", "27601-ABCD", Some(Zip4Dropped), &[("zip", "27601")]),
        ("party", "#N/A", Some(PartyUnreadable), &[("party", "")]),
        ("party", "7", Some(PartyUnreadable), &[("party", "")]),
    ];
    let clean = import_with("phone", CLEAN[6]);
    assert_eq!(clean.summary.warnings, 0, "{:?}", clean.summary.first_warnings);
    let clean_record = stored(&clean.store, "V2");
    for (column, value, warning, expected) in cases {
        let case = format!("{column} = {value:?}");
        let messy = import_with(column, value);
        let s = &messy.summary;
        assert_eq!((s.rows, s.people_created, s.rejected), (3, 3, 0), "{case}");

        let expected_warnings: Vec<Warning> = warning
            .iter()
            .map(|kind| Warning {
                line: 3,
                column: HEADERS.iter().position(|h| h == column).unwrap() + 1,
                header: (*column).to_owned(),
                kind: *kind,
            })
            .collect();
        assert_eq!(s.first_warnings, expected_warnings, "{case}");
        assert_eq!(s.warnings, expected_warnings.len() as u64, "{case}");
        assert_eq!(s.warnings_by_kind, warning.iter().map(|k| (*k, 1)).collect(), "{case}");
        // A report names the column, never what was in it.
        let json = serde_json::to_string(&(&s.first_warnings, &s.warnings_by_kind)).unwrap();
        assert!(!json.contains(value), "{case}: {json}");

        let expected: Vec<(String, String)> = expected.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        assert_eq!(changes(&clean_record, &stored(&messy.store, "V2")), expected, "{case}");
        for neighbour in ["V1", "V3"] {
            assert_eq!(stored(&messy.store, neighbour), stored(&clean.store, neighbour), "{case}: {neighbour}");
        }
    }
}

#[test]
fn numbers_kept_with_extension_or_text_are_found_by_their_digits() {
    for value in ["919-555-0100 x23", "919-555-0100 cell", "(919) 555-0100 ext. 23"] {
        let messy = import_with("phone", value);
        for query in ["919-555-0100", "9195550100", "(919) 555-0100"] {
            assert_eq!(found(&messy.store, query), ["ANA"], "{value} searched as {query}");
        }
    }
}

#[test]
fn warnings_are_counted_by_kind_and_the_first_ones_listed_in_file_order() {
    // Two phone columns and 30 rows: every row has an unreadable email and
    // every third a phone with no number in either column.
    let mut body = vec!["voter_id,first_name,last_name,address,zip,phone1,phone2,email,party".to_owned()];
    for i in 0..30 {
        let phones = if i % 3 == 0 { "N/A,none" } else { "919-555-0100," };
        body.push(format!("V{i},ANA,GARCIA,{i} OAK ST,27601,{phones},ana(at)example.org,DEM"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("voters.csv");
    std::fs::write(&path, body.join("\n")).unwrap();
    let mut store = Store::open(&dir.path().join("doorstep.db")).unwrap();
    let org = store.org_for_import(None, "Test org").unwrap();
    let s = import_file(&mut store, &org, &path, &ImportOptions::default(), &mut |_| {}).unwrap();
    assert_eq!((s.people_created, s.rejected), (30, 0));
    assert_eq!(s.warnings, 30 + 20);
    assert_eq!(
        s.warnings_by_kind,
        [(WarningKind::PhoneNotANumber, 20), (WarningKind::EmailUnreadable, 30)].into_iter().collect()
    );
    assert_eq!(s.first_warnings.len(), doorstep_core::import::LISTED_WARNINGS);
    let listed: Vec<(u64, usize, &str, WarningKind)> =
        s.first_warnings.iter().take(5).map(|w| (w.line, w.column, w.header.as_str(), w.kind)).collect();
    assert_eq!(
        listed,
        [
            (2, 6, "phone1", WarningKind::PhoneNotANumber),
            (2, 7, "phone2", WarningKind::PhoneNotANumber),
            (2, 8, "email", WarningKind::EmailUnreadable),
            (3, 8, "email", WarningKind::EmailUnreadable),
            (4, 8, "email", WarningKind::EmailUnreadable),
        ]
    );
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["warnings_by_kind"]["email_unreadable"], 30);
    assert_eq!(json["first_warnings"][0]["kind"], "phone_not_a_number");
}

#[test]
fn a_structurally_broken_file_is_still_rejected_whole() {
    // A messy value before it does not keep the broken line from rejecting the file.
    let body = [
        HEADER.to_owned(),
        csv_line(&["V1", "BO", "LEE", "10 OAK ST", "RALEIGH", "27601", "919-555-CALL", "", "1961-99-31", "REP"]),
        "\"V2\",\"ANA\",\"GARCIA\"".to_owned(),
    ]
    .join("\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("voters.csv");
    std::fs::write(&path, body).unwrap();
    let mut store = Store::open(&dir.path().join("doorstep.db")).unwrap();
    let org = store.org_for_import(None, "Test org").unwrap();
    let err = import_file(&mut store, &org, &path, &ImportOptions::default(), &mut |_| {}).unwrap_err().to_string();
    assert!(err.contains("voters.csv:3: has 3 field(s) but the header has 10"), "{err}");
    let people: i64 = store.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(people, 0);
}
