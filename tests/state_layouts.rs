//! Every state's published layout, end to end through the real binary:
//! `doorstep gen-voters --layout STATE` writes 200 synthetic voters, and
//! `doorstep import` reads them into a fresh store with no mapping and no
//! layout named, headerless files included.

use doorstep_core::address;
use doorstep_core::fold::fold;
use doorstep_core::import::states::{Col, STATES};
use doorstep_tests::{cli, cli_json};
use std::collections::HashSet;
use std::path::Path;

const ROWS: usize = 200;
const SEED: u64 = 2;

/// The door as one line, whatever parts a layout splits it into.
fn one_line(v: &doorstep_gen::Voter) -> String {
    let parts = [
        format!("{}{}", v.house_number, v.number_suffix),
        v.fraction.clone(),
        v.street_dir.clone(),
        v.street_name.clone(),
        v.street_type.clone(),
        if v.unit.is_empty() { String::new() } else { format!("APT {}", v.unit) },
    ];
    parts.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(" ")
}

/// The generator's doors: one per distinct address of its first rows.
fn doors(voters: &[doorstep_gen::Voter]) -> usize {
    let keys: HashSet<_> = voters
        .iter()
        .map(|v| (v.house_number, &v.number_suffix, &v.fraction, &v.street_dir, &v.street_name, &v.street_type, &v.unit, &v.zip))
        .collect();
    keys.len()
}

/// Row `index` of a generated file, split by the layout's own separator
/// (synthetic values hold neither separators nor line breaks).
fn row(path: &Path, state: &doorstep_core::import::states::StateLayout, index: usize) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let line = text.lines().nth(index + usize::from(state.has_header)).expect("the row");
    line.split(char::from(state.delimiter)).map(|v| v.trim_matches('"').to_owned()).collect()
}

#[test]
fn every_state_layout_imports_with_no_mapping() {
    let voters: Vec<doorstep_gen::Voter> = doorstep_gen::voters(SEED).take(ROWS).collect();
    let expected_doors = doors(&voters);
    // People to look up: the first, the first in a unit, the first whose
    // number has a fraction or letter.
    let known: Vec<usize> = [
        Some(0),
        voters.iter().position(|v| !v.unit.is_empty()),
        voters.iter().position(|v| !v.fraction.is_empty() || !v.number_suffix.is_empty()),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert_eq!(known.len(), 3, "the sample needs a unit and a fraction or letter; pick another seed");

    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for state in STATES {
        let data = dir.path().join(state.code);
        let file = dir.path().join(format!("{}.txt", state.code));
        cli(&data, &["gen-voters", "--count", &ROWS.to_string(), "--seed", &SEED.to_string(), "--layout", state.code, "--out", file.to_str().unwrap()]);
        let bytes = std::fs::read(&file).unwrap();
        assert_eq!(bytes.windows(2).any(|w| w == b"\r\n"), state.crlf, "{}: line endings", state.code);

        let s = cli_json(&data, &["import", file.to_str().unwrap(), "--json"]);
        let got = (s["layout"].as_str().unwrap_or_default().to_owned(), s["rows"].as_u64(), s["people_created"].as_u64(), s["rejected"].as_u64(), s["households_created"].as_u64());
        let want = (state.code.to_owned(), Some(ROWS as u64), Some(ROWS as u64), Some(0), Some(expected_doors as u64));
        if got != want {
            failures.push(format!("{}: (layout, rows, created, rejected, doors) {got:?}, expected {want:?}", state.code));
            continue;
        }

        let store = doorstep_core::Store::open(&data.join("doorstep.db")).unwrap();
        // Every generated phone is a US number: stored whole, even where the
        // area code has a column of its own (Florida).
        let phones: Vec<String> = store
            .conn()
            .prepare("SELECT value FROM people, json_each(people.phones)")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        if let Some(bad) = phones.iter().find(|p| !(p.len() == 12 && p.starts_with("+1") && p[2..].bytes().all(|b| b.is_ascii_digit()))) {
            failures.push(format!("{}: phone stored as {bad:?}, expected +1 and ten digits", state.code));
        }
        let id_col = state.columns.iter().position(|(_, c)| *c == Col::Id).unwrap();
        for &k in &known {
            let v = &voters[k];
            let id = row(&file, state, k)[id_col].clone();
            let (given, family, number, fraction, street, unit, zip, scheme): (String, String, String, String, String, String, String, String) = store
                .conn()
                .query_row(
                    "SELECT p.given_name, p.family_name, h.house_number, h.fraction, h.street, h.unit, h.zip, e.scheme
                     FROM external_ids e JOIN people p ON p.id = e.person_id JOIN households h ON h.id = p.household_id
                     WHERE e.value = ?1",
                    [&id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)),
                )
                .unwrap_or_else(|e| panic!("{}: voter id {id} of row {k}: {e}", state.code));
            assert_eq!(scheme, state.id_scheme, "{}", state.code);
            assert_eq!((fold(&given), fold(&family)), (fold(&v.given_name), fold(&v.family_name)), "{}: row {k}", state.code);
            let door = address::parse_street_line(&one_line(v));
            let stored = (number, fraction, street, unit, zip);
            let expected = (door.house_number, door.fraction, door.street, door.unit, v.zip.clone());
            if stored != expected {
                failures.push(format!("{}: row {k} ({}) stored as {stored:?}, expected {expected:?}", state.code, one_line(v)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_headerless_layout_can_be_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pa.txt");
    let data = dir.path().join("data");
    cli(&data, &["gen-voters", "--count", "20", "--seed", "3", "--layout", "pa", "--out", file.to_str().unwrap()]);
    let s = cli_json(&data, &["import", file.to_str().unwrap(), "--layout", "pa", "--json"]);
    assert_eq!((s["layout"].as_str(), s["people_created"].as_u64()), (Some("pa"), Some(20)));
    // Named as a layout it is not, the file is refused whole, naming why.
    let out = std::process::Command::new(doorstep_tests::doorstep_bin())
        .args(["--data", data.to_str().unwrap(), "import", file.to_str().unwrap(), "--layout", "fl"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("153") && err.contains("38 columns"), "{err}");
}

/// Two defects found in the old header matching, through the real binary.
#[test]
fn a_street_column_and_an_id_column_mean_what_they_say() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("street.csv");
    // Three doors on one street, the rows numbered in a column headed ID.
    std::fs::write(
        &file,
        "ID,First Name,Last Name,House Number,Street,Zip\n1,ANA,LEE,12,OAK ST,95112\n2,BO,LEE,12,OAK ST,95112\n3,CY,PARK,14,OAK ST,95112\n4,DI,KIM,16,OAK ST,95112\n",
    )
    .unwrap();
    let s = cli_json(&data, &["import", file.to_str().unwrap(), "--json"]);
    // Before: "Street" read as the whole line overrode the house number
    // (one door for the street), and ID was taken as the voter id.
    assert_eq!((s["people_created"].as_u64(), s["households_created"].as_u64()), (Some(4), Some(3)), "{s}");
    let store = doorstep_core::Store::open(&data.join("doorstep.db")).unwrap();
    let ids: i64 = store.conn().query_row("SELECT count(*) FROM external_ids", [], |r| r.get(0)).unwrap();
    assert_eq!(ids, 0, "a column headed ID is not a voter id");
    let doors: Vec<String> = store
        .conn()
        .prepare("SELECT house_number || ' ' || street FROM households ORDER BY number_value")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(doors, ["12 OAK ST", "14 OAK ST", "16 OAK ST"]);
}
