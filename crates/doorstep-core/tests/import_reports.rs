//! What an organizer reads after an import, shown whole: the summary of a
//! messy file that was taken, and the report of a broken one that was not.
//! Only what differs from run to run is masked (the temporary folder, and
//! how long the import took). Update with `UPDATE_EXPECT=1`.

use doorstep_core::import::{ImportOptions, ImportSummary, import_file};
use doorstep_core::{Error, Store};
use expect_test::expect;
use std::path::Path;

/// Imports `body` as `dir/name` into a new store; the folder is masked as
/// `<dir>` wherever the outcome names it.
fn import(dir: &Path, name: &str, body: &str) -> Result<ImportSummary, Error> {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    let mut store = Store::open(&dir.join("doorstep.db")).unwrap();
    let org = store.org_for_import(None, "Test org").unwrap();
    import_file(&mut store, &org, &path, &ImportOptions::default(), &mut |_| {})
}

fn masked(text: &str, dir: &Path) -> String {
    text.replace(dir.to_str().unwrap(), "<dir>")
}

#[test]
fn the_summary_of_a_messy_file_lists_each_kind_of_warning() {
    let dir = tempfile::tempdir().unwrap();
    let body = [
        "voter_id,first_name,last_name,address,city,zip,phone,email,birth_date,party",
        "V1,ANA,GARCIA,12 OAK ST,RALEIGH,27601-1234,919-555-0100,ana@example.org,01/15/1970,DEM",
        // Same door as V1: one household, two people.
        "V2,BO,GARCIA,12 Oak Street,RALEIGH,27601,12,not-an-email,13/45/1970,DEM",
        "V3,CY,PARK,14 OAK ST,RALEIGH,27601-12,call 919 555 0101 after 6,,1970-02-30,???",
        "V4,DAO,TRAN,16 OAK ST,RALEIGH,2760,,dao@example.org,,REP",
    ]
    .join("\n");
    let summary = import(dir.path(), "voters.csv", &body).unwrap_or_else(|e| panic!("the file was rejected: {e}"));
    let mut json = serde_json::to_value(&summary).unwrap();
    // Timings are the only fields that change between runs.
    json["seconds"] = "<masked>".into();
    json["rows_per_second"] = "<masked>".into();
    let shown = masked(&serde_json::to_string_pretty(&json).unwrap(), dir.path());
    expect![[r#"
        {
          "file": "<dir>/voters.csv",
          "first_warnings": [
            {
              "column": 7,
              "header": "phone",
              "kind": "phone_not_a_number",
              "line": 3
            },
            {
              "column": 8,
              "header": "email",
              "kind": "email_unreadable",
              "line": 3
            },
            {
              "column": 9,
              "header": "birth_date",
              "kind": "birth_date_unreadable",
              "line": 3
            },
            {
              "column": 6,
              "header": "zip",
              "kind": "zip4_dropped",
              "line": 4
            },
            {
              "column": 7,
              "header": "phone",
              "kind": "phone_kept_as_written",
              "line": 4
            },
            {
              "column": 9,
              "header": "birth_date",
              "kind": "birth_date_unreadable",
              "line": 4
            },
            {
              "column": 10,
              "header": "party",
              "kind": "party_unreadable",
              "line": 4
            },
            {
              "column": 6,
              "header": "zip",
              "kind": "zip_kept_as_written",
              "line": 5
            }
          ],
          "households_created": 3,
          "layout": "csv",
          "organization": "Test org",
          "people_created": 4,
          "people_updated": 0,
          "rejected": 0,
          "rejects_file": null,
          "rows": 4,
          "rows_per_second": "<masked>",
          "seconds": "<masked>",
          "warnings": 8,
          "warnings_by_kind": {
            "birth_date_unreadable": 2,
            "email_unreadable": 1,
            "party_unreadable": 1,
            "phone_kept_as_written": 1,
            "phone_not_a_number": 1,
            "zip4_dropped": 1,
            "zip_kept_as_written": 1
          }
        }"#]].assert_eq(&shown);
}

#[test]
fn a_broken_file_is_reported_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let body = [
        "voter_id,first_name,last_name,address,city,zip,phone,email,birth_date,party",
        "V1,ANA,GARCIA,12 OAK ST,RALEIGH,27601,,,,DEM",
        "V2,BO,GARCIA,12 OAK ST",
        ",CY,PARK,14 OAK ST,RALEIGH,27601,,,,DEM",
        "V4,,,16 OAK ST,RALEIGH,27601,,,,REP",
        "V5,\"DAO,TRAN,18 OAK ST,RALEIGH,27601,,,,REP",
    ]
    .join("\n");
    let err = import(dir.path(), "broken.csv", &body).unwrap_err();
    let Error::Import(report) = &err else { panic!("expected a rejection, got {err}") };
    let shown = format!("{}\n{}", masked(&err.to_string(), dir.path()), masked(&serde_json::to_string_pretty(report).unwrap(), dir.path()));
    expect![[r#"
        <dir>/broken.csv: rejected, nothing was imported (4 problem(s)):
          <dir>/broken.csv:3: has 4 field(s) but the header has 10; is a quote left open, or a delimiter inside an unquoted value?
          <dir>/broken.csv:4: column 1 (voter_id): the voter id is empty; without it an updated file could not find this person again
          <dir>/broken.csv:5: column 3 (last_name): the person has no name
          <dir>/broken.csv:6: has 2 field(s) but the header has 10; is a quote left open, or a delimiter inside an unquoted value?

        {
          "file": "<dir>/broken.csv",
          "problems": [
            {
              "line": 3,
              "column": null,
              "message": "has 4 field(s) but the header has 10; is a quote left open, or a delimiter inside an unquoted value?"
            },
            {
              "line": 4,
              "column": [
                1,
                "voter_id"
              ],
              "message": "the voter id is empty; without it an updated file could not find this person again"
            },
            {
              "line": 5,
              "column": [
                3,
                "last_name"
              ],
              "message": "the person has no name"
            },
            {
              "line": 6,
              "column": null,
              "message": "has 2 field(s) but the header has 10; is a quote left open, or a delimiter inside an unquoted value?"
            }
          ],
          "truncated": false
        }"#]].assert_eq(&shown);
    // Nothing of the file was kept, not even its good first row.
    let store = Store::open(&dir.path().join("doorstep.db")).unwrap();
    let people: i64 = store.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(people, 0);
}
