//! `doorstep import --dry-run` (issue 16, point 4) through the real binary:
//! it shows the layout, each column's use and the first rows as they would
//! be stored, and writes nothing.

use doorstep_tests::{cli, cli_json};
use std::path::Path;

const FILE: &str = "voter_id,first_name,last_name,address,city,zip,phone,email,birth_date,party,notes
V1,ANA,GARCIA,12 OAK ST,RALEIGH,27601,919-555-0100 x23,ana@example.org,12/31/1961 12:00:00 AM,DEM,call after 5
V2,BO,LEE,12 Oak Street,RALEIGH,27601,919-555-CALL,,1961-99-31,REP,
V3,CY,PARK,14 OAK ST,RALEIGH,27601,,,,UNA,
V4,DI,KIM,16 OAK ST,RALEIGH,27601,,,,UNA,
";

/// Every file in the data folder and its bytes.
fn snapshot(data: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn dry_run_shows_what_an_import_would_store_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let voters = dir.path().join("voters.csv");
    std::fs::write(&voters, FILE).unwrap();
    let voters = voters.to_str().unwrap();

    // Into a data folder with no store, none is made.
    let json = cli_json(&data, &["import", "--dry-run", "--json", "--rows", "3", voters]);
    assert!(!data.join("doorstep.db").exists(), "a dry run made a store");

    assert_eq!(json["layout"]["layout"], "csv");
    let uses: Vec<(String, String)> = json["layout"]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["header"].as_str().unwrap().to_owned(), format!("{}:{}", c["use"].as_str().unwrap(), c["as"].as_str().unwrap_or(""))))
        .collect();
    assert_eq!(uses[0], ("voter_id".into(), "voter_id:voter_id".into()));
    assert_eq!(uses[1], ("first_name".into(), "field:given_name".into()));
    assert_eq!(uses[6], ("phone".into(), "field:phone".into()));
    assert_eq!(uses[10], ("notes".into(), "ignored:".into()));
    assert_eq!(json["ignored"], serde_json::json!(["notes"]));

    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "{json:#}");
    assert_eq!(rows[0]["line"], 2);
    assert_eq!(rows[0]["name"], "ANA GARCIA");
    assert_eq!(rows[0]["address"], "12 OAK ST");
    assert_eq!(rows[0]["voter_id"], serde_json::json!(["voter_id", "V1"]));
    assert_eq!(rows[0]["phones"], serde_json::json!(["+19195550100;ext=23"]));
    assert_eq!(rows[0]["birth_year"], 1961);
    assert_eq!(rows[0]["party"], "DEM");
    assert_eq!(rows[0]["warnings"], serde_json::json!([]));
    // "12 Oak Street" is the same door as "12 OAK ST".
    assert_eq!(rows[1]["household_key"], rows[0]["household_key"]);
    assert_ne!(rows[2]["household_key"], rows[0]["household_key"]);
    assert_eq!(rows[1]["phones"], serde_json::json!([]));
    assert_eq!(rows[1]["birth_year"], serde_json::Value::Null);
    let warnings: Vec<(u64, u64, String)> = rows[1]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["line"].as_u64().unwrap(), w["column"].as_u64().unwrap(), w["kind"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(warnings, [(3, 7, "phone_not_a_number".to_owned()), (3, 9, "birth_date_unreadable".to_owned())]);

    // Into a store that already holds people, not a byte of it changes.
    let first = dir.path().join("first.csv");
    std::fs::write(&first, "voter_id,first_name,last_name,address,zip\nZ1,EVE,ROSS,1 ELM ST,27601\n").unwrap();
    cli(&data, &["import", first.to_str().unwrap()]);
    let before = snapshot(&data);
    assert!(before.iter().any(|(name, _)| name == "doorstep.db"));
    let text = cli(&data, &["import", "--dry-run", voters]);
    assert_eq!(snapshot(&data), before, "a dry run changed the data folder");
    let people = cli_json(&data, &["search", "--json", "garcia"]);
    assert_eq!(people, serde_json::json!([]));

    for expected in [
        "layout csv",
        "notes",
        "line 2: ANA GARCIA",
        "+19195550100;ext=23",
        "line 3: column 7 (phone): not a phone number; left out",
        "line 5: DI KIM",
        "nothing was written",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    // A warning names the column, never its value.
    assert!(!text.contains("CALL") && !text.contains("1961-99-31"), "{text}");
}
